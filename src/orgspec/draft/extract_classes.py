"""Read a class of like bodies a text sets up by count, with the figures it gives for each.

"全县设立6个由县纪委监察局直接领导的派出纪检监察组…每个派出纪检监察组定编4名,其中组长1名,副组长1名,
工作人员2名": the six groups are not named, so one body stands for them (``stands-for 6``) with the
quota and posts the text gives "每个" of them (:mod:`orgspec.draft.extract_running` places those).
A class is read only when its members are not listed as units of the body (then each listed unit
gets the figure instead).

Imports: :mod:`orgspec.draft.extract_lists`, :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`,
:mod:`orgspec.model`.
"""

from __future__ import annotations

import re

from orgspec.draft.extract_lists import Paragraph, paragraphs
from orgspec.draft.facts import Facts, ListedBody, Src
from orgspec.draft.normalize import Line, cn_int, fold
from orgspec.model.units import BodyClass
from orgspec.model.values import Count, UnitKind

__all__ = ["class_of", "extract_classes"]

_SET_UP = re.compile(
    r"(?:设立|设置|组建|成立|派出|新设)了?(\d{1,3}|[二三四五六七八九十两]{1,3})个"
    r"(?:由[^,。;、]{2,30}?的)?"
    r"([\u4e00-\u9fff]{2,20}?(?:组|站|所|办公室|中心|分局|队|办事处|工作部|分社))(?=[,。;:(]|$)"
)


def _read(para: Paragraph, facts: Facts) -> None:
    for m in _SET_UP.finditer(para.key):
        count = cn_int(m.group(1))
        name = m.group(2)
        if count is None or count < 2:
            continue
        if any(fold(x.name).endswith(name) for x in facts.sections) or class_of(name, facts) is not None:
            continue  # the members are listed: each gets the figures
        if f"每个{name}" not in para.key and f"每{name}" not in para.key:
            continue  # nothing is said of each: a count in passing
        line = para.line_at(m.start(2))
        text = para.text[m.start(2) : m.end(2)]
        start = max(para.key.rfind(c, 0, m.start()) for c in ",。;") + 1
        phrase = para.text[start : m.end()].strip()
        body = ListedBody(
            name=Src(text, line, [f"one body stands for the {count} the text sets up and does not name"]),
            stands_for=Src(BodyClass(count=Count.of(count), text=phrase), line),
            kind=UnitKind.DISPATCHED_UNIT if "派出" in name else None,
        )
        facts.listed.append(body)
        facts.used.add(line)


def class_of(name: str, facts: Facts) -> ListedBody | None:
    """Return the class body of a kind the text set up ("派出纪检监察组"), if one was read."""
    for body in facts.listed:
        if body.stands_for is not None and (fold(body.name.value) == name or fold(body.name.value).endswith(name)):
            return body
    return None


def extract_classes(lines: list[Line], facts: Facts, skip: set[int]) -> None:
    """Read the classes of like bodies the text sets up by count and says something of each."""
    for para in paragraphs([line for line in lines if line.no not in skip]):
        _read(para, facts)
