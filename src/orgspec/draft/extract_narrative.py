"""Extract what narrative text (work reports) states clearly: a coordinating body and its members.

Only the explicit phrasings are read: "成立…领导小组,组长由X担任,副组长由A、B担任", and the groups a
sentence says have their members adjusted ("决定对X领导小组和Y领导小组组成单位和人员进行调整").

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
_ENDS = r"(?:领导小组|工作小组|委员会|指挥部|联席会议)"
#: words that name a class of groups, never one group: "各专项领导小组", "有关委员会"
_CLASS = re.compile(r"^(?:各|有关|相关|上述|以上|这些|该|本)")


#: "决定对X领导小组和Y领导小组组成单位和人员进行调整": the groups whose members a text says are adjusted
#: (the lookahead asks for the members' word within the longest run of four groups, 4 × 35 characters and
#: 的, before the groups are tried: the groups are ambiguous, and trying them after every 对 is slow)
_REGROUPED = re.compile(
    r"(?:决定|同意)?对(?=[\u4e00-\u9fff、]{2,141}?(?:组成|成员))"
    r"((?:[\u4e00-\u9fff]{2,30}?" + _ENDS + r"[和、]?){1,4}?)的?"
    r"(?:组成单位和人员|组成人员|成员单位和人员|成员单位|成员)(?:进行(?:了)?)?调整"
)
_ONE_GROUP = re.compile(r"[和、]?([\u4e00-\u9fff]{2,30}?" + _ENDS + r")(?=[和、]|$)")


def _regrouped(lines: list[Line], facts: Facts) -> None:
    """Draft each group a sentence says has its members adjusted ("对X和Y组成单位和人员进行调整").

    The sentence names the groups and says they have members (a coordinating body's); the members
    themselves, often written for several groups at once, are left to the reviewer.
    """
    for line in lines:
        for m in _REGROUPED.finditer(line.key):
            for g in _ONE_GROUP.finditer(line.key, m.start(1), m.end(1)):
                name = line.text[g.start(1) : g.end(1)]
                if _CLASS.match(name) or any(group.value == name for group, _ in facts.coordinating):
                    continue
                note = "a group whose members the text says are adjusted: a coordinating body; its members are not read"
                facts.coordinating.append((Src(name, line.no, [note]), []))
                facts.used.add(line.no)


def extract_coordinating(lines: list[Line], facts: Facts) -> None:
    """Draft each coordinating body whose leaders are named in the same sentence, or whose members are adjusted."""
    _regrouped(lines, facts)
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
