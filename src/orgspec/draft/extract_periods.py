"""A chronicle's periods: only the latest period's units and quotas are the body's today.

A gazetteer's 沿革 writes a body's state year by year ("1983年,…内设A、B、C,编制9人。…2019年机构
改革后,…内设A、D、E,核定行政编制13名"). The state in force is the last one the text gives; the earlier
ones are history. :func:`latest_list` re-reads the latest period's list of units on its own (a name the
latest list shares with an earlier one is a unit of today too); :func:`latest_quotas` keeps the quotas
of the latest period that states any and turns the earlier ones into notes at their place;
:func:`latest_period` keeps the units of the latest period when each period's list was read apart.

A period opens with a year at the start of a sentence or line ("1996年　內設…", "。2002年机构改革").
Figures before the first year are left as read (an undated opening says nothing of its time).

Imports: :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`, :mod:`orgspec.model`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

from orgspec.draft.facts import Facts, SectionFacts, Src
from orgspec.draft.normalize import Line, cn_int
from orgspec.model.units import Quota
from orgspec.model.values import Count, CountStatus, QuotaCategory

__all__ = ["latest_list", "latest_period", "latest_quotas"]

#: a sentence or line that opens with a year: "1993年,按照…", "2002年机构改革后"
_OPENER = re.compile(r"(?:^|[。;])\s*(\d{4})年")
_N = r"(\d{1,5}|[一二三四五六七八九十两百零]{1,5})"
#: a quota's figure in running text, as the running-text reader reads it ("核定行政编制13名", "编制9人")
_QUOTA = re.compile(
    r"((?:机关)?(?:行政|事业|工勤|机关工勤|后勤服务)?编制)(?:数)?(?:为|核定为|增至|增加到|减至|调整为)?"
    + _N
    + r"(?:名|人|个)(?!以上|以下|左右|[至到\-~]\d)"
)
_CATS = (
    ("行政", QuotaCategory.ADMINISTRATIVE),
    ("事业", QuotaCategory.PUBLIC_INSTITUTION),
    ("工勤", QuotaCategory.LOGISTICS),
    ("后勤", QuotaCategory.LOGISTICS),
)


class _Para(Protocol):
    key: str
    text: str
    starts: tuple[tuple[int, int], ...]

    def line_at(self, offset: int) -> int: ...


def _slices(paras: list[_Para]) -> list[tuple[int, _Para, int, int]]:
    """(year, paragraph, start, end) of each period a year opens, to the next opener or the paragraph's end."""
    out = []
    for para in paras:
        openers = list(_OPENER.finditer(para.key))
        for i, m in enumerate(openers):
            end = openers[i + 1].start() if i + 1 < len(openers) else len(para.key)
            out.append((int(m.group(1)), para, m.start(1), end))
    return out


def latest_list(
    paras: list[_Para],
    facts: Facts,
    make: Callable[[str, str, tuple[tuple[int, int], ...]], _Para],
    read: Callable[[_Para, Facts], None],
) -> bool:
    """Keep the units of the latest period that lists two or more; return True when it acted.

    Each period (a year to the next) is read on its own by ``read``, the running-text list reader
    (``make`` builds a paragraph from a key, a text and its line starts). When two periods of
    different years each list two units or more, the units only earlier periods name are kept as
    notes at their place, and the latest period's list is the body's units (a name it shares with an
    earlier list is a unit of today too). Units read outside any period are left as they are.
    """
    listing: list[tuple[int, list[SectionFacts]]] = []
    for year, para, start, end in _slices(paras):
        starts = [(0, para.line_at(start))] + [(at - start, no) for at, no in para.starts if start < at < end]
        fresh = Facts()
        read(make(para.key[start:end], para.text[start:end], tuple(starts)), fresh)
        if len(fresh.sections) >= 2:
            listing.append((year, fresh.sections))
    if len({year for year, _ in listing}) < 2:
        return False
    latest = max(year for year, _ in listing)
    current = next(units for year, units in reversed(listing) if year == latest)
    names = {u.name for u in current}
    earlier = {u.name: year for year, units in listing if year != latest for u in units}
    if not names <= {s.name for s in facts.sections} | names or not any(s.name in earlier for s in facts.sections):
        return False
    for section in facts.sections:
        if section.name in earlier and section.name not in names:
            note = f"a unit of an earlier period ({earlier[section.name]}), before the list of {latest}: kept as a note"
            facts.doc_notes.append(Src(section.name, section.line, [note]))
    facts.note(current[0].line, "doubt", f"units are listed for several periods; those of {latest} are drafted")
    others = [s for s in facts.sections if s.name not in earlier and s.name not in names]
    facts.sections = current + others
    return True


def _category(label: str) -> QuotaCategory:
    return next((cat for word, cat in _CATS if word in label), QuotaCategory.OTHER)


def _mentions(lines: list[Line]) -> list[tuple[int | None, QuotaCategory, int, int, str]]:
    """(period, category, figure, line, words) of every quota figure, in the text's order."""
    out: list[tuple[int | None, QuotaCategory, int, int, str]] = []
    period: int | None = None
    for line in lines:
        events = [(m.start(1), "year", m) for m in _OPENER.finditer(line.key)]
        events += [(m.start(), "quota", m) for m in _QUOTA.finditer(line.key)]
        for _, what, m in sorted(events, key=lambda e: e[0]):
            if what == "year":
                period = int(m.group(1))
                continue
            value = cn_int(m.group(2))
            if value is not None:
                out.append((period, _category(m.group(1)), value, line.no, line.text[m.start(1) : m.end(1)]))
    return out


def latest_quotas(lines: list[Line], facts: Facts) -> None:
    """Keep the body's quotas of the latest period that states one; earlier ones become notes.

    Only when the text opens sentences with two years or more and states quotas in two periods.
    A drafted quota whose figure the text gives only in an earlier period is history; a quota of the
    latest period that the one-per-category rule left out (an earlier figure took its place) is added.
    """
    mentions = [m for m in _mentions(lines) if m[0] is not None]
    periods = {m[0] for m in mentions}
    if len(periods) < 2 or not facts.quotas:
        return
    latest = max(p for p in periods if p is not None)
    current = [m for m in mentions if m[0] == latest]
    kept: list[Src[Quota]] = []
    for quota in facts.quotas:
        value = quota.value.count.value if quota.value.count.status is CountStatus.NUMBER else None
        seen = [m for m in mentions if m[2] == value and m[1] is quota.value.category and m[3] == quota.line]
        if seen and all(m[0] != latest for m in seen):
            note = f"a quota of an earlier period ({seen[0][0]}), before the state of {latest}: kept as a note"
            facts.doc_notes.append(Src(f"{seen[0][4]}{value}", quota.line, [note]))
            continue
        kept.append(quota)
    for period, category, value, line, words in current:
        if any(q.value.category is category for q in kept):
            continue
        note = f"the quota the text states for {period}, the latest state it gives"
        kept.append(Src(Quota(category=category, count=Count.of(value), label=words), line, [note]))
        facts.used.add(line)
    facts.quotas = kept


class _Dated(Protocol):
    @property
    def key(self) -> str: ...

    def line_at(self, offset: int) -> int: ...


def latest_period(paras: Sequence[_Dated], facts: Facts) -> None:
    """Keep the units of the latest period when a chronicle lists units for several years.

    A gazetteer writes "1993年,…设A、B、C。…2002年,…机构改革后。…设D、E": the units in force are the
    last list's; the earlier lists are history, kept as notes at their place rather than drafted as
    units of today. Only when two periods each list two or more units.
    """
    openers = sorted((para.line_at(m.start(1)), int(m.group(1))) for para in paras for m in _OPENER.finditer(para.key))
    if len(openers) < 2 or len(facts.sections) < 4:
        return

    def period(line: int) -> int | None:
        years = [year for at, year in openers if at <= line]
        return years[-1] if years else None

    by_period: dict[int | None, list[SectionFacts]] = {}
    for section in facts.sections:
        by_period.setdefault(period(section.line), []).append(section)
    dated = [year for year in by_period if year is not None]
    if len(by_period) < 2 or not dated or any(len(units) < 2 for units in by_period.values()):
        return
    latest = max(dated)
    for year, units in by_period.items():
        if year == latest:
            continue
        for unit in units:
            note = f"a unit of an earlier period ({year or 'undated'}), before the list of {latest}: kept as a note"
            facts.doc_notes.append(Src(unit.name, unit.line, [note]))
    facts.note(
        by_period[latest][0].line, "doubt", f"units are listed for several periods; those of {latest} are drafted"
    )
    facts.sections = by_period[latest]
