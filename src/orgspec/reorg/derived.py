"""Derived transfers of a diff: a quota or leadership posts that left one unit and arrived in another.

Imports: :mod:`orgspec.reorg.ops`, :mod:`orgspec.reorg.summary`.
"""

from __future__ import annotations

from typing import Any

from orgspec.reorg.ops import (
    Abolish,
    Demote,
    Establish,
    Operation,
    Pair,
    PostsChanged,
    PostsTransferred,
    QuotaChanged,
    QuotaTransferred,
)
from orgspec.reorg.summary import posts_total

__all__ = ["posts_transfers", "quota_transfers"]


def quota_transfers(ops: list[Operation]) -> list[Operation]:
    """Pair a unit's quota decrease with another unit's increase of the same category and number."""
    deltas: dict[tuple[Any, str], tuple[Pair, str, int]] = {}

    def add(pair: Pair, name: str, quotas: Any, sign: int) -> None:
        for q in quotas:
            if q is not None and q.count.known:
                key = (q.category, str(pair))
                p, n, v = deltas.get(key, (pair, name, 0))
                deltas[key] = (p, n, v + sign * (q.count.value or 0))

    for op in ops:
        if isinstance(op, Establish):
            add(op.unit, op.name, op.after.quotas, 1)
        elif isinstance(op, Abolish | Demote):
            add(op.unit, op.name, op.before.quotas, -1)
        elif isinstance(op, QuotaChanged):
            add(op.unit, op.name, (op.before,), -1)
            add(op.unit, op.name, (op.after,), 1)
    out: list[Operation] = []
    losers = [(cat, v) for (cat, _), v in deltas.items() if v[2] < 0]
    gainers = [(cat, v) for (cat, _), v in deltas.items() if v[2] > 0]
    for cat, (src, src_name, amount) in losers:
        match = next((g for g in gainers if g[0] == cat and g[1][2] == -amount), None)
        if match is None:
            continue
        gainers.remove(match)
        dst, dst_name, _ = match[1]
        out.append(
            QuotaTransferred(
                unit=dst,
                name=dst_name,
                established_by="inferred",
                source=src,
                source_name=src_name,
                category=cat,
                amount=-amount,
            )
        )
    return out


def posts_transfers(ops: list[Operation]) -> list[Operation]:
    """Pair a unit's decrease of leadership posts with another unit's increase by the same number.

    Units are compared by the total of their posts (:func:`~orgspec.reorg.summary.posts_total`);
    a unit whose total is open on either side is left out.
    """
    deltas: dict[str, tuple[Pair, str, int]] = {}
    open_units: set[str] = set()

    def add(pair: Pair, name: str, items: Any, sign: int) -> None:
        total = posts_total(items)
        if not total.known:
            open_units.add(str(pair))
            return
        p, n, v = deltas.get(str(pair), (pair, name, 0))
        deltas[str(pair)] = (p, n, v + sign * (total.value or 0))

    for op in ops:
        if isinstance(op, Establish) and op.after.posts:
            add(op.unit, op.name, op.after.posts, 1)
        elif isinstance(op, Abolish | Demote) and op.before.posts:
            add(op.unit, op.name, op.before.posts, -1)
        elif isinstance(op, PostsChanged):
            add(op.unit, op.name, op.before, -1)
            add(op.unit, op.name, op.after, 1)
    known = [v for k, v in deltas.items() if k not in open_units]
    losers = [v for v in known if v[2] < 0]
    gainers = [v for v in known if v[2] > 0]
    out: list[Operation] = []
    for src, src_name, amount in losers:
        match = next((g for g in gainers if g[2] == -amount), None)
        if match is None:
            continue
        gainers.remove(match)
        dst, dst_name, _ = match
        out.append(
            PostsTransferred(
                unit=dst, name=dst_name, established_by="inferred", source=src, source_name=src_name, amount=-amount
            )
        )
    return out
