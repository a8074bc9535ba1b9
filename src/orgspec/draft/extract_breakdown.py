"""Read the breakdown of a quota: "行政编制74名。其中:正副秘书长8名,秘书处、一处各4名,信访局12名(…)".

A 三定 often splits its quota after "其中": by posts ("正副秘书长8名"), by units, several at once
("秘书处、一处、二处各4名": one part of 4 for each), or by a unit whose own figure is split again in
parentheses ("信访局12名(局领导2名,信访接待处、信访督查处各3名,总值班室4名)"). A total pool is split
by category the same way ("总编制134名,其中:行政编制22名,事业工勤编制112名"). This reader runs after
the staffing and running-text readers: it gives the quota they read its parts, a unit named in the
breakdown its own quota (when it is split again) and, when the unit was not listed, a section (noted:
known only from the breakdown). A breakdown whose figures do not add up to the total is an anomaly
of the document; a breakdown that stops mid-item ("(室领", a copy that stops) is a cut-off part.

Imports: :mod:`orgspec.draft.extract_lists`, :mod:`orgspec.draft.facts`,
:mod:`orgspec.draft.normalize`, :mod:`orgspec.model`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orgspec.draft.extract_lists import Paragraph, is_unit_name, paragraphs
from orgspec.draft.facts import Facts, SectionFacts, Src, section_kind
from orgspec.draft.normalize import Line, cn_int
from orgspec.model.units import Post, PostGroup, Quota, QuotaPart
from orgspec.model.values import Count, QuotaCategory

__all__ = ["check_breakdowns", "extract_breakdowns", "split_items"]

_N = r"(\d{1,5}|[一二三四五六七八九十两百零]{1,5})"
#: "核定X行政编制74名。其中:", "总编制134名,其中:", "机关编制为7名(…)。其中"
_HEAD = re.compile(
    r"((?:总|机关)?(?:行政事业|行政|事业|工勤|机关工勤|后勤服务)?总?编制)(?:总数|数)?(?:为|核定为|共|是)?"
    + _N
    + r"(?:名|个|人)(?:\([^()]*\))?[。,;]?\s*其中[::,]?"
)
_ITEM = re.compile(r"^(.*?)(各)?\s*" + _N + r"(?:名|人|个)\s*$")
_FORMER = re.compile(r"原规定|原有|原来|此前|以前|改革前")
#: the staff in post, not a part of the quota: "实有人数14人", "在职人员12人", "退休人员5人"
_STAFF = re.compile(r"实有|现有|在职|在岗|退休|离休|遗属")
_CATS = (
    ("行政", QuotaCategory.ADMINISTRATIVE),
    ("事业", QuotaCategory.PUBLIC_INSTITUTION),
    ("工勤", QuotaCategory.LOGISTICS),
    ("后勤", QuotaCategory.LOGISTICS),
)


@dataclass
class Item:
    """One item of a breakdown: its names, the figure of each, and its own breakdown in parentheses."""

    names: list[tuple[int, int]]  # (start, end) of each name in the text
    count: Count
    start: int
    inner: list[Item] = field(default_factory=list)
    inner_cut: str | None = None  # the parenthesis the copy stops in: "(室领"


def _category(label: str) -> QuotaCategory | None:
    if "行政事业" in label:  # "行政事业总编制": a pool of both
        return None
    return next((cat for word, cat in _CATS if word in label), None) if "编" in label else None


_LONGEST = 1500  # the longest breakdown read: ~100 items; a longer run of text is not one breakdown


def _end_of(key: str, start: int) -> int:
    """Return where a breakdown that starts at ``start`` ends: its 。 outside parentheses, or the text's end."""
    depth = 0
    for i in range(start, min(len(key), start + _LONGEST)):
        depth += (key[i] == "(") - (key[i] == ")")
        if key[i] == "。" and depth <= 0:
            return i
    return min(len(key), start + _LONGEST)


def split_items(key: str, start: int, end: int, level: int = 0, seps: str = ",;") -> list[Item] | None:
    """Split ``key[start:end]`` at , and ; outside parentheses into items; None when one is not a figure.

    Each item is "A、B各4名", "正副秘书长8名" or "信访局12名(…)" (its parenthesis split again); an
    item whose parenthesis the text does not close is kept with the parenthesis as cut off.
    """
    pieces: list[tuple[int, int]] = []
    depth, at = 0, start
    for i in range(start, end):
        ch = key[i]
        depth += (ch == "(") - (ch == ")")
        if ch in seps and depth == 0:
            pieces.append((at, i))
            at = i + 1
    pieces.append((at, end))
    items: list[Item] = []
    if seps != ",;" and pieces and pieces[-1][1] == len(key) and not re.search(r"\d", key[pieces[-1][0] : end]):
        # "其中行政编13个、全额事业编45个、差额" where the copy stops: the last item is cut off
        a0, b = pieces.pop()
        tail = Item([], Count.cut_off(key[a0:b].strip()), a0)
    else:
        tail = None
    for a0, b in pieces:
        a = a0 + len(key[a0:b]) - len(key[a0:b].lstrip(" "))
        if a >= b:
            continue
        piece = key[a:b]
        inner: list[Item] = []
        cut: str | None = None
        paren = piece.find("(")
        if paren >= 0:
            close = piece.rfind(")")
            if close < 0:
                cut = piece[paren:].strip()
            else:
                if close != len(piece.rstrip()) - 1:
                    return None
                nested = split_items(key, a + paren + 1, a + close, level + 1) if level < 2 else None
                if nested is None:
                    return None
                inner = nested
            piece = piece[:paren]
        m = _ITEM.match(piece)
        value = cn_int(m.group(3)) if m else None
        if m is None or value is None or not m.group(1).strip() or re.search(r"\d|名|职数", m.group(1)):
            return None  # "秘书长1名、副秘书长9名" is two items; a post count (职数) is not a part
        names, pos = [], a
        for name in m.group(1).split("、") if m.group(2) else [m.group(1)]:
            lead = len(name) - len(name.lstrip())
            names.append((pos + lead, pos + len(name.rstrip())))
            pos += len(name) + 1
        if m.group(2) and not all(is_unit_name(key[x:y]) for x, y in names):
            return None  # "各" only after a list of units
        items.append(Item(names, Count.of(value), a, inner, cut))
    return [*items, tail] if tail is not None and items else items


def _parts(para: Paragraph, items: list[Item], category: QuotaCategory | None) -> list[QuotaPart]:
    out = []
    for item in items:
        if not item.names:  # a cut-off last item
            out.append(QuotaPart(count=item.count))
        for x, y in item.names:
            label = para.text[x:y]
            out.append(QuotaPart(count=item.count, label=label, category=_category(para.key[x:y]) or category))
    return out


def _unit(facts: Facts, para: Paragraph, at: int, name: str) -> SectionFacts:
    for section in facts.sections:
        if section.name == name:
            return section
    line = para.line_at(at)
    section = SectionFacts(name=name, line=line, kind=section_kind(name))
    section.notes.append("named only in the breakdown of a quota; check the name")
    facts.sections.append(section)
    return section


def _units(para: Paragraph, items: list[Item], category: QuotaCategory, facts: Facts) -> None:
    """Every unit an item names becomes a section; a unit whose figure is split again gets that quota."""
    for item in items:
        for x, y in item.names:
            if not is_unit_name(para.key[x:y]):
                continue
            unit = _unit(facts, para, x, para.text[x:y])
            if item.inner or item.inner_cut:
                parts = _parts(para, item.inner, category)
                if item.inner_cut:
                    parts.append(QuotaPart(count=Count.cut_off(item.inner_cut)))
                quota = Quota(category=category, count=item.count, label=para.text[x:y], parts=tuple(parts))
                unit.quotas.append(Src(quota, para.line_at(x), ["the figure of a unit in the quota's breakdown"]))
                _units(para, item.inner, category, facts)


def _read(para: Paragraph, facts: Facts) -> None:
    covered = 0  # a head inside a breakdown already read starts none of its own
    for m in _HEAD.finditer(para.key):
        if m.start() < covered:
            continue
        value = cn_int(m.group(2))
        end = _end_of(para.key, m.end())
        covered = end
        items = split_items(para.key, m.end(), end) or split_items(para.key, m.end(), end, seps=",;、")
        # "编制数15人,其中行政编制12人、事业编制3人;实有人数14人": the staff in post end the breakdown
        staff = next(
            (k for k, i in enumerate(items or []) if any(_STAFF.search(para.key[x:y]) for x, y in i.names)), None
        )
        items = items[:staff] if items and staff else items
        if value is None or not items or _FORMER.search(para.key[para.key.rfind("。", 0, m.start()) + 1 : m.start()]):
            continue
        summed = sum(i.count.value or 0 for i in items for _ in i.names)
        named = any(is_unit_name(para.key[x:y]) or "编" in para.key[x:y] for i in items for x, y in i.names)
        if summed != value and not named:
            continue  # posts after 其中 ("秘书长1名、副秘书长9名"), not a breakdown of the quota
        label = para.text[m.start(1) : m.end(1)]
        category = _category(m.group(1)) or QuotaCategory.OTHER
        line = para.line_at(m.start())
        lines = {para.line_at(i.start) for i in items} | {line}
        target = next(
            (q for q in facts.quotas if q.value.count == Count.of(value) and q.value.category is category), None
        )
        if target is None:
            # the total was skipped (共有/总…): read it, and drop the parts read as quotas of their own
            figures = {i.count for i in items}
            facts.quotas[:] = [q for q in facts.quotas if not (q.line in lines and q.value.count in figures)]
            target = Src(Quota(category=category, count=Count.of(value), label=label), line, [])
            facts.quotas.append(target)
        if target.value.parts:
            continue
        parts = _parts(para, items, category if category is not QuotaCategory.OTHER else None)
        target.value = target.value.model_copy(update={"parts": tuple(parts)})
        target.notes.append("the parts after '其中' read as the quota's breakdown")
        # "机关编制12名,其中行政编制10名、工勤编制2名": a part another reader took for a quota of its own
        again = [
            q
            for q in facts.quotas
            if q is not target
            and q.line in lines
            and any(q.value.count == p.count and p.category in (None, q.value.category) for p in parts)
        ]
        facts.quotas[:] = [q for q in facts.quotas if not any(q is a for a in again)]
        facts.used.update(lines)
        _units(para, items, category, facts)


def extract_breakdowns(lines: list[Line], facts: Facts, skip: set[int]) -> None:
    """Give the quotas read so far the breakdown the text writes after "其中"."""
    for para in paragraphs([line for line in lines if line.no not in skip]):
        if "其中" in para.key:
            _read(para, facts)


def _sum(parts: tuple[QuotaPart, ...] | tuple[Post, ...]) -> int | None:
    counts = [p.count for p in parts]
    if not counts or not all(c.known for c in counts):
        return None
    return sum(c.value or 0 for c in counts)


def check_breakdowns(facts: Facts) -> None:
    """Report every breakdown that does not add up to its total (the document's own inconsistency).

    A breakdown that adds up is declared complete; one that exceeds its total loses its parts (kept in
    the note), since a spec whose parts exceed the total does not pass check.
    """
    owners: list[tuple[str, list[Src[Quota]], list[Src[Post | PostGroup]]]] = [("the body", facts.quotas, facts.posts)]
    owners += [(f"'{s.name}'", s.quotas, s.posts) for s in facts.sections]
    for who, quotas, posts in owners:
        for src in quotas:
            q = src.value
            summed = _sum(q.parts)
            inside = all(p.relation == "includes" for p in q.parts)
            if summed is None or not q.count.known or not inside or "其中" not in " ".join(src.notes):
                continue
            total = q.count.value or 0
            if summed == total:
                src.value = q.model_copy(update={"complete": True})
                continue
            message = f"the breakdown of the {q.category.value} quota of {who} adds up to {summed}, not {total}"
            facts.note(src.line, "anomaly", message)
            src.notes.append(message)
            if summed > total:
                labels = ", ".join(f"{p.label or ''} {p.count}" for p in q.parts)
                src.value = q.model_copy(update={"parts": ()})
                src.notes.append(f"parts dropped: {labels}")
        for psrc in list(posts):
            g = psrc.value
            if not isinstance(g, PostGroup) or not g.count.known:
                continue
            summed = _sum(g.posts)
            if summed is not None and summed != (g.count.value or 0):
                message = f"the posts of '{g.title}' of {who} add up to {summed}, not {g.count}"
                facts.note(psrc.line, "anomaly", message)
                psrc.notes.append(f"{message}: its posts are drafted after it, outside the group")
                psrc.value = g.model_copy(update={"posts": ()})
                at = posts.index(psrc) + 1
                posts[at:at] = [
                    Src(p.model_copy(update={"role": None}), psrc.line, [f"listed under '{g.title}'"]) for p in g.posts
                ]
