"""Stated counts against what is listed, and numbering anomalies.

Imports: :mod:`orgspec.checks.context`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from orgspec.checks.context import KEEP_FIGURES_HINT, Context
from orgspec.diagnostics import Diagnostic
from orgspec.model.units import RelationKind, StatedCount, Unit
from orgspec.model.values import UnitKind

__all__ = ["choices", "numbering", "stated_breakdowns", "stated_counts"]

_WORDS = {
    "sections": "sections",
    "duties": "duties",
    "institutions": "public institutions",
    "members": "members",
    "subordinates": "subordinate units",
    "bodies": "bodies",
    "quota": "places",
}


def _listed_count(ctx: Context, path: str, unit: Unit, stated: StatedCount) -> tuple[int, bool]:
    """Return how many of what ``stated`` counts the unit lists, and whether that is a lower bound.

    A unit that stands for a class of like bodies (``stands-for 8``) counts as the bodies it
    stands for; one whose class count is open (``stands-for unstated``) counts as one and makes
    the figure a lower bound.
    """
    if stated.over:
        return _over_count(ctx, stated)
    if stated.what == "duties":
        return len(unit.duties), False
    if stated.what == "members":
        return len(_members(unit, stated)), False
    if stated.what == "bodies":
        units = [ctx.index.units[p] for p in _bodies_under(ctx, path, stated)]
    elif stated.what == "subordinates":
        units = [unit.units[int(p.rsplit("/", 1)[1])] for p in _subordinates(path, unit)]
    else:
        want = UnitKind.SECTION if stated.what == "sections" else UnitKind.PUBLIC_INSTITUTION
        # A unit listed outside the count (``outside-count``) is not counted, nor anything below it.
        units = [u for _, u in _counted(ctx, path) if u.kind is want]
    weights = [_bodies_of(u) for u in units]
    return sum(w or 1 for u, w in zip(units, weights, strict=True) if u.optional is None), None in weights


def _optional_count(ctx: Context, path: str, unit: Unit, stated: StatedCount) -> int:
    """Return how many of what ``stated`` counts are ``optional`` (set only where the document says).

    Each counts as none or one (a class as none or all of its bodies), so the list is a range.
    """
    if stated.over:
        alone = stated.model_copy(update={"over": ()})
        total = 0
        for ref in stated.over:
            p = ctx.index.lookup(ref)
            if p is not None:
                body = ctx.index.units[p]
                total += _optional_count(ctx, p, body, alone) * (_bodies_of(body) or 1)
        return total
    if stated.what in ("duties", "members", "quota"):
        return 0
    listed = (ctx.index.units[q] for q in _listed(ctx, path, unit, stated))
    return sum(_bodies_of(u) or 1 for u in listed if u.optional is not None)


def _chosen(ctx: Context, path: str, unit: Unit, stated: StatedCount) -> tuple[int, int]:
    """Return what the unit's choices (``choose``) add to the units surely listed, and take from the optional ones.

    Of m optional units a choice of L to H sets at least min(L, m) and at most min(H, m): the
    list counts min(L, m) more units as there, and max(m - min(H, m), 0) + min(L, m) fewer as
    maybe there. Only a unit's own choices over the units the count covers are read; a count
    ``over`` other bodies, or of duties, members or places, has none.
    """
    if not unit.choices or stated.over or stated.what in ("duties", "members", "quota"):
        return 0, 0
    listed = set(_listed(ctx, path, unit, stated))
    surely = fewer = 0
    for choice in unit.choices:
        paths = {ctx.index.lookup(r) for r in choice.units}
        m = sum(1 for p in paths if p in listed and ctx.index.units[p].optional is not None)
        low, high = choice.count.low_bound, choice.count.high_bound
        if not m or low is None:
            continue
        least = min(low, m)
        most = m if high is None else min(high, m)
        surely += least
        fewer += least + (m - most)
    return surely, fewer


def _over_count(ctx: Context, stated: StatedCount) -> tuple[int, bool]:
    """Count what ``stated`` counts in each body it is ``over``, times the bodies each stands for.

    A body outside the spec, or a class of open size, makes the figure a lower bound (at least
    what the spec lists, each class counted once).
    """
    alone = stated.model_copy(update={"over": ()})
    total, lower = 0, False
    for ref in stated.over:
        path = ctx.index.lookup(ref)
        if path is None:
            lower = True
            continue
        body = ctx.index.units[path]
        listed, open_class = _listed_count(ctx, path, body, alone)
        weight = _bodies_of(body)
        total += listed * (weight or 1)
        lower = lower or open_class or weight is None
    return total, lower


def _bodies_of(unit: Unit) -> int | None:
    """Return how many bodies a listed unit counts for: one, or its class's count (None if open)."""
    cls = unit.stands_for
    if cls is None:
        return 1
    return cls.count.value if cls.count.known else None


def _counted(ctx: Context, path: str) -> Iterator[tuple[str, Unit]]:
    """Yield the units below ``path`` that a stated count covers.

    All but those listed outside it, and those abolished or merged away in a history (a gazetteer
    keeps the sections of earlier layouts beside today's; a count states today's).
    """
    outside: list[str] = []
    gone = ctx.gone
    for p, u in ctx.descendants(path):
        if any(p.startswith(o + "/") for o in outside):
            continue
        if u.outside_count or p in gone:
            outside.append(p)
            continue
        yield p, u


def _members(unit: Unit, stated: StatedCount) -> list[int]:
    """Return the indexes of the members a ``stated members`` count covers (of its role, if it names one)."""
    return [i for i, m in enumerate(unit.members) if stated.role is None or m.role == stated.role]


def _listed(ctx: Context, path: str, unit: Unit, stated: StatedCount) -> list[str]:
    """Return the paths of what ``stated`` counts, in document order (in each body it is over, if any)."""
    if stated.over:
        alone = stated.model_copy(update={"over": ()})
        paths = [ctx.index.lookup(r) for r in stated.over]
        return [q for p in paths if p is not None for q in _listed(ctx, p, ctx.index.units[p], alone)]
    if stated.what == "duties":
        return [f"{path}/duties/{j}" for j in range(len(unit.duties))]
    if stated.what == "members":
        return [f"{path}/members/{j}" for j in _members(unit, stated)]
    if stated.what == "subordinates":
        return _subordinates(path, unit)
    if stated.what == "bodies":
        return _bodies_under(ctx, path, stated)
    want = UnitKind.SECTION if stated.what == "sections" else UnitKind.PUBLIC_INSTITUTION
    return [p for p, u in _counted(ctx, path) if u.kind is want]


def _subordinates(path: str, unit: Unit) -> list[str]:
    """Return the paths of the units directly under ``unit`` other than its sections (下属单位).

    Units of any other kind count (institutions, offices, dispatched units, bodies); a unit listed
    outside the count does not.
    """
    return [
        f"{path}/units/{n}" for n, u in enumerate(unit.units) if u.kind is not UnitKind.SECTION and not u.outside_count
    ]


def _bodies_under(ctx: Context, path: str, stated: StatedCount) -> list[str]:
    """Return the paths of the other bodies of the spec that stand under the body at ``path``.

    A body stands under another when its ``superior`` or a ``managed-by`` relation leads there,
    directly or through other bodies of the spec (a 部门管理机构 managed by a 厅 of the
    government). With a ``kind``, only bodies of that kind count; with a worded kind
    ("直屬特設機構"), only bodies whose kind is worded the same. A body its history abolishes is
    not counted (a notice that keeps 164 bodies and abolishes 38 counts the 164).
    """
    out: list[str] = []
    gone = ctx.gone
    for p, u in ctx.units():
        # top-level bodies (/bodies/N) only; one abolished or merged away in its history is not counted
        if p == path or p.count("/") != 2 or u.outside_count or p in gone:
            continue
        if stated.kind_label is not None:
            if u.kind_label != stated.kind_label:
                continue
        elif stated.kind is not None and u.kind is not stated.kind:
            continue
        if _leads_to(ctx, p, path):
            out.append(p)
    return out


def _leads_to(ctx: Context, start: str, target: str) -> bool:
    """Return True when the superior and managed-by links from ``start`` reach ``target``."""
    seen = {start}
    todo = [start]
    while todo:
        unit = ctx.index.units[todo.pop()]
        refs = [unit.superior] if unit.superior is not None else []
        refs += [r.target for r in unit.relations if r.kind is RelationKind.MANAGED_BY]
        for ref in refs:
            p = ctx.index.lookup(ref)
            if p == target:
                return True
            if p is not None and p not in seen:
                seen.add(p)
                todo.append(p)
    return False


def stated_counts(ctx: Context) -> Iterator[Diagnostic]:
    """OS301: the document's stated counts against the units and duties it lists.

    Where the stored copy is cut off (``cut-off sections``, ``cut-off page``), or the document
    quotes only part of the list (``excerpt sections``), and lists fewer than the document
    states, the count cannot be compared: OS309 says so instead.
    """
    for path, unit in ctx.selected.stated:
        for i, stated in enumerate(unit.stated):
            if stated.what == "quota":
                continue  # a total of places, not a count of what is listed: OS320 (checks.totals)
            if stated.until is not None:
                continue  # a count of a former state (原来的29个部门): today's list is not its list
            # A range (4-6个) or bound (不超过7个) is compared by its bounds: a finding only when
            # the list falls outside even the bound that favours the document.
            low, high = stated.count.low_bound, stated.count.high_bound
            if low is None:
                continue
            listed_n, open_class = _listed_count(ctx, path, unit, stated)
            optional = _optional_count(ctx, path, unit, stated)
            # optional units chosen from (选设1-2个): as many as the choice sets, not none to all
            surely, fewer = _chosen(ctx, path, unit, stated)
            listed_n += surely
            optional -= fewer
            unlisted = stated.unlisted
            count = listed_n + (unlisted.value or 0 if unlisted is not None and unlisted.known else 0)
            if open_class or (unlisted is not None and not unlisted.known):
                # Some are counted but not listed (or a listed class's count is open), how many
                # the document does not say: the list can only be too long.
                if high is None or count <= high:
                    continue
            elif low <= count + optional and (high is None or count <= high):
                # optional units (可增设, 选设) may or may not be set: the list is a range
                continue
            words = f" (\u201c{stated.text or stated.count.text}\u201d)" if stated.text or stated.count.text else ""
            partial = unit.partial(stated.what) if unit.cut_off or unit.excerpt else None
            if partial is not None and count + optional < low:
                field, k = partial
                if field == "cut_off":
                    how, hint, why = (
                        f"the stored copy lists {count} before it is cut off",
                        "nothing to fix: the document's figure is kept; compare it with a complete copy",
                        "the copy is cut off",
                    )
                else:
                    how, hint, why = (
                        f"the document quotes {count} of them (an excerpt)",
                        "nothing to fix: the document's figure is kept; the list it quotes is not the whole",
                        "the document quotes only part",
                    )
                yield ctx.diag(
                    "OS309",
                    f"'{unit.name}' states {stated.count} {_WORDS[stated.what]}{words}; {how}, "
                    "so the count cannot be compared",
                    f"{path}/stated/{i}/count",
                    hint=hint,
                    related=[(why, f"{path}/{field}/{k}")],
                )
                continue
            listed = _listed(ctx, path, unit, stated)
            also = f" and counts {unlisted} it does not list" if unlisted is not None else ""
            lists = f"the {len(stated.over)} bodies it is over list" if stated.over else "lists"
            shown = f"{listed_n} to {listed_n + optional} (optional: {optional})" if optional else str(listed_n)
            yield ctx.diag(
                "OS301",
                f"'{unit.name}' states {stated.count} {_WORDS[stated.what]}{words} but {lists} {shown}{also}",
                f"{path}/stated/{i}/count",
                hint="if the document itself disagrees, keep its figure, say so in a comment and "
                "suppress this finding with a reason",
                related=[("stated here", f"{path}/stated/{i}")]
                + [(f"listed ({n})", p) for n, p in enumerate(listed[:20], 1)],
            )


def stated_breakdowns(ctx: Context) -> Iterator[Diagnostic]:
    """OS321: the parts of a stated count (4办、1队、2中心、1站) against the count.

    Parts may not add up to more than the count; stated ``complete``, they add up to it. Ranges
    are compared by their bounds; an open part or count is not compared.
    """
    for path, unit in ctx.selected.stated:
        for i, stated in enumerate(unit.stated):
            parts = [(j, p) for j, p in enumerate(stated.parts) if p.relation == "includes"]
            if not parts:
                continue
            low, high = stated.count.low_bound, stated.count.high_bound
            lows = [p.total.low_bound for _, p in parts]
            highs = [p.total.high_bound for _, p in parts]
            if low is None or None in lows:
                continue
            least = sum(v or 0 for v in lows)
            most = None if None in highs else sum(v or 0 for v in highs)
            words = f" (\u201c{stated.text}\u201d)" if stated.text else ""
            related = [("the count", f"{path}/stated/{i}")] + [
                (f"part: {p.label or p.count}", f"{path}/stated/{i}/parts/{j}") for j, p in parts
            ]
            if high is not None and least > high:
                how = f"adds up to {least}, more than the count"
            elif stated.complete and most is not None and most < low:
                how = f"is declared complete but adds up to {most}"
            else:
                continue
            yield ctx.diag(
                "OS321",
                f"the breakdown of the {stated.count} {_WORDS[stated.what]} '{unit.name}' states{words} {how}",
                f"{path}/stated/{i}/count",
                hint=KEEP_FIGURES_HINT,
                related=related,
            )


def numbering(ctx: Context) -> Iterator[Diagnostic]:
    """OS310: duplicated, skipped or backward numbers of sibling units and of duties.

    A range the document writes over several sibling units (``number 5 8`` for "5-8. 地区处") is
    one slot of the numbering, carried by consecutive units, as many as its numbers.
    """
    spliced: set[str] = set()  # group headers whose units were numbered in their parent's sequence
    for path, unit in ctx.selected.numbered:
        # One number cannot be out of order: lists of fewer than two numbers are skipped.
        if len(unit.units) > 1 and path not in spliced:
            units = _numbered_units(path, unit, spliced)
            yield from _ranges(ctx, unit, f"{path}/units", units)
            slots = _slots(units)
            if len(slots) > 1:
                gaps = not _excerpt(unit, "sections")
                yield from _numbering(ctx, unit, f"{path}/units", "section", slots, gaps=gaps)
        if len(unit.duties) > 1:
            duties = [(d.number, d.number, str(i)) for i, d in enumerate(unit.duties) if d.number is not None]
            if len(duties) > 1:
                yield from _numbering(ctx, unit, f"{path}/duties", "duty", duties, gaps=not _excerpt(unit, "duties"))


def _excerpt(unit: Unit, what: str) -> bool:
    """Return True when the document quotes only part of the unit's list ``what`` (``excerpt WHAT``)."""
    return any(e.what == what for e in unit.excerpt)


def _numbered_units(path: str, unit: Unit, spliced: set[str]) -> list[tuple[int, int, str]]:
    """Return ``(first, last, place)`` for the numbered units of ``unit``, in document order.

    A ``group-header`` the document does not number (信访局 over (十二)-(十四)) is not a slot of
    its own: its units are numbered in the sequence of the units beside it, so they are read
    here in its place (``place`` is then ``i/units/j``), and its own list is not read again.
    """
    out: list[tuple[int, int, str]] = []
    for i, u in enumerate(unit.units):
        if u.group_header and u.number is None:
            spliced.add(f"{path}/units/{i}")
            out += [
                (c.number, c.number_to or c.number, f"{i}/units/{j}")
                for j, c in enumerate(u.units)
                if c.number is not None
            ]
        elif u.number is not None:
            out.append((u.number, u.number_to or u.number, str(i)))
    return out


def _slots(numbers: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Merge consecutive units that carry the same range into one slot (its first unit's index)."""
    out: list[tuple[int, int, str]] = []
    for first, last, index in numbers:
        if out and last > first and out[-1][:2] == (first, last):
            continue
        out.append((first, last, index))
    return out


def _ranges(ctx: Context, unit: Unit, where: str, numbers: list[tuple[int, int, str]]) -> Iterator[Diagnostic]:
    """OS310 for a range carried by fewer or more consecutive units than it has numbers."""
    k = 0
    while k < len(numbers):
        first, last, index = numbers[k]
        run = 1
        while k + run < len(numbers) and numbers[k + run][:2] == (first, last):
            run += 1
        if last > first and run != last - first + 1:
            yield ctx.diag(
                "OS310",
                f"the range {first}-{last} numbers {run} section{'s' if run != 1 else ''} in '{unit.name}', "
                f"not {last - first + 1}",
                f"{where}/{index}/number",
                hint="this is usually a defect of the document; keep its numbers and note it",
                related=[("also in the range", f"{where}/{numbers[k + j][2]}") for j in range(1, run)],
            )
        k += run


def _numbering(
    ctx: Context, unit: Unit, where: str, what: str, numbers: list[tuple[int, int, str]], *, gaps: bool = True
) -> Iterator[Diagnostic]:
    """OS310 for one list (``where``) of numbered sections or duties of ``unit``: ``(first, last, index)``.

    ``gaps=False`` for a list the document quotes only part of (``excerpt``): its numbers are the
    whole list's, so a gap is expected; a repeated or backward number is still reported.
    """
    for message, index, before in _anomalies(numbers, gaps=gaps):
        yield ctx.diag(
            "OS310",
            f"{what} {message} in '{unit.name}'",
            f"{where}/{index}",
            hint="this is usually a defect of the document; keep its numbers and note it",
            related=[("the previous one", f"{where}/{before}")],
        )


def _anomalies(numbers: Sequence[tuple[int, int, str]], *, gaps: bool = True) -> Iterator[tuple[str, str, str]]:
    """Yield (message, index, previous index) for duplicated, skipped (if ``gaps``) or backward numbers.

    ``numbers`` are ``(first, last, index)`` triples in document order; ``last`` is ``first`` but
    for a range (5-8), which the next number follows.
    """
    prev: tuple[int, str] | None = None
    for number, last, index in numbers:
        if prev is not None:
            if number == prev[0]:
                yield f"number {number} is used twice", index, prev[1]
            elif number > prev[0] + 1 and gaps:
                skipped = ", ".join(str(n) for n in range(prev[0] + 1, min(number, prev[0] + 6)))
                yield f"numbering skips from {prev[0]} to {number} (missing {skipped})", index, prev[1]
            elif number < prev[0]:
                yield f"numbering goes back from {prev[0]} to {number}", index, prev[1]
        prev = (last, index)


def choices(ctx: Context) -> Iterator[Diagnostic]:
    """OS324: a choice (选设1-2个) names only optional units, and no fewer than it sets at least."""
    for path, unit in ctx.selected.choices:
        for i, choice in enumerate(unit.choices):
            cpath = f"{path}/choices/{i}"
            named = [(j, ctx.index.lookup(r)) for j, r in enumerate(choice.units)]
            for j, p in named:
                if p is not None and ctx.index.units[p].optional is None:
                    yield ctx.diag(
                        "OS324",
                        f"'{unit.name}' chooses from '{ctx.index.units[p].name}', which is not stated optional",
                        f"{cpath}/units/{j}",
                        hint='a unit chosen from is set only where the document says: add optional "…" to it',
                        related=[("the unit", p)],
                    )
            low = choice.count.low_bound
            if low is not None and low > len(choice.units):
                yield ctx.diag(
                    "OS324",
                    f"'{unit.name}' sets at least {low} of the {len(choice.units)} units it chooses from",
                    f"{cpath}/count",
                    hint=KEEP_FIGURES_HINT,
                    related=[("chosen from", f"{cpath}/units/{j}") for j in range(len(choice.units))],
                )
