"""The summary of a diff: counts per operation, duties moved, and quota totals before and after.

Also the reconciliation of quota totals: the old totals plus the changes the
operations carry must give the new totals; an open figure (determined
separately, not stated, unreadable) cannot be reconciled and is reported.

Imports: :mod:`orgspec.diff.ops`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from orgspec.diff.ops import (
    Abolish,
    AttributeChanged,
    Demote,
    DiffNote,
    Establish,
    Operation,
    QuotaChanged,
    Summary,
)
from orgspec.model.arith import sum_counts
from orgspec.model.units import Quota, Spec
from orgspec.model.values import Count, QuotaCategory

__all__ = ["DUTY_OPS", "reconcile", "summarize"]

#: Operations counted as duty changes in the summary.
DUTY_OPS = ("duty-transferred", "duty-added", "duty-cancelled", "duty-reworded")


def _quota_changes(ops: Iterable[Operation]) -> dict[QuotaCategory, list[tuple[int, Count]]]:
    """Return, per category, the signed counts the operations add and remove."""
    out: dict[QuotaCategory, list[tuple[int, Count]]] = {}

    def add(sign: int, quotas: Iterable[Quota]) -> None:
        for q in quotas:
            out.setdefault(q.category, []).append((sign, q.count))

    for op in ops:
        if isinstance(op, Establish):
            add(1, op.after.quotas)
        elif isinstance(op, Abolish | Demote):
            add(-1, op.before.quotas)
        elif isinstance(op, QuotaChanged):
            add(-1, (op.before,) if op.before else ())
            add(1, (op.after,) if op.after else ())
        elif isinstance(op, AttributeChanged) and op.field == "quotas":
            add(-1, (Quota.model_validate(q) for q in op.before or ()))
            add(1, (Quota.model_validate(q) for q in op.after or ()))
    return out


def summarize(ops: Sequence[Operation]) -> Summary:
    """Count the operations and the net change of each quota category."""
    counts = Counter(op.op for op in ops if op.op not in DUTY_OPS and op.op not in ("reorder", "duties-reordered"))
    duties = Counter(op.op for op in ops if op.op in DUTY_OPS)
    quota: dict[str, str] = {}
    for cat, changes in sorted(_quota_changes(ops).items()):
        if any(not c.known for _, c in changes):
            quota[cat.value] = "open"
            continue
        net = sum(sign * (c.value or 0) for sign, c in changes)
        if net:
            quota[cat.value] = f"{net:+d}"
    return Summary(counts=dict(sorted(counts.items())), duties=dict(sorted(duties.items())), quota=quota)


def reconcile(old: Spec, new: Spec, ops: Sequence[Operation]) -> list[DiffNote]:
    """Check that old quota totals plus the operations' changes give the new totals."""
    notes: list[DiffNote] = []
    changes = _quota_changes(ops)
    if not changes:
        return notes  # no operation touches a quota: the totals are the same
    before, after = old.totals(), new.totals()
    for cat in sorted(set(before) | set(after)):
        if not changes.get(cat) and before.get(cat) == after.get(cat):
            continue
        b = before.get(cat, Count.of(0))
        a = after.get(cat, Count.of(0))
        delta = sum_counts(c for _, c in changes.get(cat, []))
        if not (b.known and a.known and delta.known):
            notes.append(
                DiffNote(
                    code="quota-open",
                    severity="info",
                    message=f"{cat.value} quota total cannot be reconciled: {b} before, {a} after "
                    "(an open figure: determined separately, not stated or unreadable)",
                )
            )
            continue
        net = sum(sign * (c.value or 0) for sign, c in changes.get(cat, []))
        if (b.value or 0) + net != (a.value or 0):
            notes.append(
                DiffNote(
                    code="quota-unreconciled",
                    message=f"{cat.value} quota total does not reconcile: {b.value} before {net:+d} "
                    f"in changes != {a.value} after",
                )
            )
    return notes
