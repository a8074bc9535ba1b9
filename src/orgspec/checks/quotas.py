"""Quota parts against totals.

Imports: :mod:`orgspec.checks.context`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.checks.context import Context
from orgspec.diagnostics import Diagnostic
from orgspec.model import Quota, QuotaPart, Unit
from orgspec.model.pools import pool_name

__all__ = ["quota_parts"]


def quota_parts(ctx: Context) -> Iterator[Diagnostic]:
    """OS302/OS303/OS309: parts of a quota within its total; a complete breakdown equals it."""
    for path, unit in ctx.units():
        for i, quota in enumerate(unit.quotas):
            qpath = f"{path}/quotas/{i}"
            pool = pool_name(quota.category, quota.category_label)  # other (专职干部): a pool in its words
            inside = [(j, p) for j, p in enumerate(quota.parts) if p.relation == "includes"]
            if not inside:
                continue
            if quota.count.is_range:
                yield from _range_parts(ctx, unit, qpath, quota, inside)
                continue
            if not quota.count.known:
                if any(p.total.known for _, p in inside):
                    yield ctx.diag(
                        "OS309",
                        f"the {pool} quota of '{unit.name}' is {quota.count}, "
                        "so its parts cannot be checked against it",
                        f"{qpath}/count",
                        hint="nothing to fix when the document gives no readable figure; "
                        "the parts are checked once the total is a number",
                    )
                continue
            total = quota.count.value or 0
            # a part for each of several units (各4名) counts once per unit
            known = [(j, p) for j, p in inside if p.total.known]
            summed = sum(p.total.value or 0 for _, p in known)
            related = [("the total", f"{qpath}/count")] + [
                (f"part: {p.label or p.count}", f"{qpath}/parts/{j}") for j, p in known
            ]
            if summed > total:
                yield ctx.diag(
                    "OS302",
                    f"the parts of the {pool} quota of '{unit.name}' add up to {summed}, "
                    f"more than its total of {total}",
                    f"{qpath}/count",
                    hint="parts written with 'includes' are counted inside the total",
                    related=related,
                )
            elif quota.complete and len(known) == len(inside) and summed != total:
                yield ctx.diag(
                    "OS303",
                    f"the breakdown of the {pool} quota of '{unit.name}' is declared "
                    f"complete but adds up to {summed}, not {total}",
                    f"{qpath}/count",
                    hint="a complete breakdown (其中…) must add up to the total; "
                    "remove 'complete' if parts are missing",
                    related=related,
                )


def _range_parts(
    ctx: Context, unit: Unit, qpath: str, quota: Quota, inside: list[tuple[int, QuotaPart]]
) -> Iterator[Diagnostic]:
    """OS302 for a total given as a range or bound: the parts' least sum above its upper bound.

    Parts that are themselves ranges count by their lower bounds (the reading that favours the
    document); open parts count as nothing. No upper bound, no finding.
    """
    high = quota.count.high_bound
    if high is None:
        return
    pool = pool_name(quota.category, quota.category_label)
    counted = [(j, p) for j, p in inside if p.total.low_bound is not None]
    least = sum(p.total.low_bound or 0 for _, p in counted)
    if least > high:
        yield ctx.diag(
            "OS302",
            f"the parts of the {pool} quota of '{unit.name}' add up to at least {least}, "
            f"more than its upper bound of {high} (\u201c{quota.count.text}\u201d)",
            f"{qpath}/count",
            hint="parts written with 'includes' are counted inside the total",
            related=[("the total", f"{qpath}/count")]
            + [(f"part: {p.label or p.count}", f"{qpath}/parts/{j}") for j, p in counted],
        )
