"""Quota totals against the pools they total: over a unit's pools, or over several bodies.

Imports: :mod:`orgspec.checks.context`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.checks.context import Context
from orgspec.diagnostics import Diagnostic
from orgspec.model.pools import pool_key, pool_name
from orgspec.model.units import Quota, Unit
from orgspec.model.values import Count

__all__ = ["quota_totals"]

#: One term of a total: where it is stated, what it is called, its figure and how many times it counts.
_Term = tuple[str, str, Count, int]


def quota_totals(ctx: Context) -> Iterator[Diagnostic]:
    """OS320: a stated total of places (共有编制32人) or a quota over several bodies against its sum.

    ``stated quota N`` totals every quota of the unit (all categories); a quota with ``over @a @b``
    totals the quotas of its pool (its category; for one of no known category, its words: 专职干部)
    of the bodies named, a body that stands for a class counting as its bodies (8个乡镇 at 44 each
    is 352). Figures given as ranges are compared by
    their bounds: a finding only when even the reading that favours the document breaks the sum.
    An open figure (unstated, separately, unreadable, cut off) makes the sum uncheckable: OS309.
    """
    for path, unit in ctx.selected.stated:
        for i, stated in enumerate(unit.stated):
            if stated.what != "quota":
                continue
            terms = [
                (f"{path}/quotas/{j}", f"{pool_name(q.category, q.category_label)} quota", q.count, 1)
                for j, q in enumerate(unit.quotas)
            ]
            words = stated.text or stated.count.text
            yield from _compare(
                ctx,
                f"{path}/stated/{i}/count",
                f"'{unit.name}' states {stated.count} places{_quoted(words)}",
                stated.count,
                of=f"its {len(terms)} quota{'s' if len(terms) != 1 else ''}",
                terms=terms,
            )
    for path, unit in ctx.selected.quotas:
        for i, quota in enumerate(unit.quotas):
            if quota.over:
                yield from _over(ctx, path, unit, i, quota)


def _over(ctx: Context, path: str, unit: Unit, i: int, quota: Quota) -> Iterator[Diagnostic]:
    """OS320/OS309 for one quota stated as a total over several bodies."""
    cat = pool_name(quota.category, quota.category_label)  # a pool in the document's words: other (专职干部)
    pool = pool_key(quota.category, quota.category_label)
    qpath = f"{path}/quotas/{i}"
    terms: list[_Term] = []
    for j, ref in enumerate(quota.over):
        other = ctx.index.lookup(ref)
        if other is None:
            return  # a body outside the spec: nothing to add up (an unresolved reference is OS208)
        body = ctx.index.units[other]
        k, own = next(
            ((k, q) for k, q in enumerate(body.quotas) if pool_key(q.category, q.category_label) == pool), (None, None)
        )
        if own is None or k is None:
            yield ctx.diag(
                "OS309",
                f"the {cat} quota of '{unit.name}' is a total over '{body.name}', which states no {cat} quota, "
                "so the total cannot be checked",
                f"{qpath}/over/{j}",
                hint="state the body's own quota, or leave it out of 'over'",
            )
            return
        weight = 1
        if body.stands_for is not None:
            if not body.stands_for.count.known:
                return  # a class of open size: the total cannot be compared (its count says so)
            weight = body.stands_for.count.value or 0
        terms.append((f"{other}/quotas/{k}", f"'{body.name}'", own.count, weight))
    yield from _compare(
        ctx,
        f"{qpath}/count",
        f"the {cat} quota of '{unit.name}' is {quota.count}{_quoted(quota.label)}",
        quota.count,
        of=f"the {cat} quotas of the {len(terms)} bodies it is over",
        terms=terms,
    )


def _quoted(words: str | None) -> str:
    return f" (\u201c{words}\u201d)" if words else ""


def _compare(
    ctx: Context, where: str, stated_words: str, total: Count, *, of: str, terms: list[_Term]
) -> Iterator[Diagnostic]:
    """Compare ``total`` with the sum of ``terms`` (each figure times its weight), by bounds."""
    low, high = total.low_bound, total.high_bound
    if low is None:
        return  # the total itself is open or has no lower bound: nothing to compare
    related = [(f"{name}: {count}" + (f" × {w}" if w != 1 else ""), p) for p, name, count, w in terms]
    open_terms = [(p, name, c) for p, name, c, _ in terms if c.low_bound is None]
    if open_terms:
        _, name, c = open_terms[0]
        yield ctx.diag(
            "OS309",
            f"{stated_words}; {name} is {c}, so the sum of {of} cannot be checked",
            where,
            hint="nothing to fix when the document gives no readable figure",
            related=related,
        )
        return
    sum_low = sum((c.low_bound or 0) * w for _, _, c, w in terms)
    highs = [c.high_bound for _, _, c, _ in terms]
    sum_high = None if None in highs else sum((h or 0) * w for h, (_, _, _, w) in zip(highs, terms, strict=True))
    if (sum_high is not None and sum_high < low) or (high is not None and sum_low > high):
        shown = " + ".join(f"{c}" + (f" × {w}" if w != 1 else "") for _, _, c, w in terms) or "nothing"
        summed = str(sum_low) if sum_high == sum_low else f"{sum_low}-{sum_high if sum_high is not None else ''}"
        yield ctx.diag(
            "OS320",
            f"{stated_words}, but {of} add up to {summed} ({shown})",
            where,
            hint="a reviewer asks which figure holds; if the document itself disagrees, keep both figures "
            "and say so in a comment",
            related=related,
        )
