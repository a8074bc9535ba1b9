"""Quota parts against totals.

Imports: :mod:`orgspec.checks.context`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.checks.context import Context
from orgspec.diagnostics import Diagnostic
from orgspec.model.units import QuotaPart

__all__ = ["quota_parts"]


def _related(qpath: str, known: list[tuple[int, QuotaPart]]) -> list[tuple[str, str]]:
    """Return the total and each known part, as related locations."""
    return [("the total", f"{qpath}/count")] + [(f"part: {p.label or p.count}", f"{qpath}/parts/{j}") for j, p in known]


def quota_parts(ctx: Context) -> Iterator[Diagnostic]:
    """OS302/OS303/OS309: parts of a quota within its total; a complete breakdown equals it."""
    for path, unit in ctx.selected.quotas:
        for i, quota in enumerate(unit.quotas):
            inside = [(j, p) for j, p in enumerate(quota.parts) if p.relation == "includes"]
            if not inside:
                continue
            qpath = f"{path}/quotas/{i}"
            if not quota.count.known:
                if any(p.count.known for _, p in inside):
                    yield ctx.diag(
                        "OS309",
                        f"the {quota.category.value} quota of '{unit.name}' is {quota.count}, "
                        "so its parts cannot be checked against it",
                        f"{qpath}/count",
                    )
                continue
            total = quota.count.value or 0
            known = [(j, p) for j, p in inside if p.count.known]
            summed = sum(p.count.value or 0 for _, p in known)
            if summed > total:
                yield ctx.diag(
                    "OS302",
                    f"the parts of the {quota.category.value} quota of '{unit.name}' add up to {summed}, "
                    f"more than its total of {total}",
                    f"{qpath}/count",
                    hint="parts written with 'includes' are counted inside the total",
                    related=_related(qpath, known),
                )
            elif quota.complete and len(known) == len(inside) and summed != total:
                yield ctx.diag(
                    "OS303",
                    f"the breakdown of the {quota.category.value} quota of '{unit.name}' is declared "
                    f"complete but adds up to {summed}, not {total}",
                    f"{qpath}/count",
                    related=_related(qpath, known),
                )
