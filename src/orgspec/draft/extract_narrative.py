"""Extract what narrative text (work reports) states clearly: a coordinating body and its members.

Only the explicit phrasing is read: "成立…领导小组,组长由X担任,副组长由A、B担任".

Imports: :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`, :mod:`orgspec.model`.
"""

from __future__ import annotations

import re

from orgspec.draft.facts import Facts, Src
from orgspec.draft.normalize import Line
from orgspec.model.units import Member

__all__ = ["extract_coordinating"]

_GROUP = re.compile(r"成立(?:[^,。]*?组成的)?([\u4e00-\u9fff]{2,24}?领导小组)[,,]")
_ROLE = re.compile(r"(组长|副组长)由([^,。]+?)担任")


def extract_coordinating(lines: list[Line], facts: Facts) -> None:
    """Draft each coordinating body whose leaders are named in the same sentence."""
    for line in lines:
        for m in _GROUP.finditer(line.key):
            tail = line.key[m.end() : m.end() + 200]
            roles = list(_ROLE.finditer(tail))
            if not roles or roles[0].start() > 2:
                continue
            name = line.text[m.start(1) : m.end(1)]
            if any(group.value == name for group, _ in facts.coordinating):
                facts.note(line.no, "anomaly", f"'{name}' is stated again; only the first is drafted")
                facts.used.add(line.no)
                continue
            members = []
            base = m.end()
            for r in roles:
                for who in line.text[base + r.start(2) : base + r.end(2)].split("、"):
                    note = "the post and the person's name are not separated; split them by hand"
                    members.append(
                        Src(Member(role=line.text[base + r.start(1) : base + r.end(1)], post=who), line.no, [note])
                    )
            notes = ["drafted from narrative text: a coordinating body stated with its leaders"]
            facts.coordinating.append((Src(name, line.no, notes), members))
            facts.used.add(line.no)
