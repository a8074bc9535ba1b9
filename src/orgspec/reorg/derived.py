"""Derived transfers of a diff: a quota or leadership posts that left one unit and arrived in another.

Imports: :mod:`orgspec.reorg.ops`, :mod:`orgspec.reorg.summary`.
"""

from __future__ import annotations

from typing import Any

from orgspec.model.pools import pool_key
from orgspec.model.units import Event, EventKind, Spec
from orgspec.model.values import QuotaCategory
from orgspec.reorg.fold import fold
from orgspec.reorg.ops import (
    Abolish,
    Demote,
    DutiesHandedOver,
    DutyCancelled,
    Establish,
    Interim,
    Operation,
    Pair,
    PlaqueRemoved,
    PostsChanged,
    PostsTransferred,
    QuotaChanged,
    QuotaTransferred,
)
from orgspec.reorg.summary import posts_total

__all__ = ["declared_transfers", "events_of", "handed_over", "interims", "posts_transfers", "quota_transfers"]


def quota_transfers(ops: list[Operation]) -> list[Operation]:
    """Pair a unit's quota decrease with another unit's increase of the same category and number."""
    deltas: dict[tuple[Any, str], tuple[Pair, str, int]] = {}
    words: dict[Any, str | None] = {}  # each pool's words, as first written

    def add(pair: Pair, name: str, quotas: Any, sign: int) -> None:
        for q in quotas:
            if q is not None and q.count.known:
                pool = pool_key(q.category, q.category_label)  # 专职干部 goes only where 专职干部 comes
                words.setdefault(pool, q.category_label if pool[1] is not None else None)
                key = (pool, str(pair))
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
                category=cat[0],
                category_label=words.get(cat),
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


def interims(
    old: Spec, new: Spec, ops: list[Operation], *, events: list[tuple[str, Event]] | None = None
) -> list[Operation]:
    """Return an interim period (过渡期) for each body abolished or plaque removed that a new ``interim`` event kept.

    The event is in the new spec's own history (``unit "X"``: the body X) or in a unit's (``plaque
    "X"``: its plaque X); one the old spec already has is no change of this diff.
    """
    if events is None:
        events = events_of(new)
    found: list[tuple[str, Event]] = [(name, e) for name, e in events if e.kind is EventKind.INTERIM]
    if not found:
        return []
    had = {e for _, e in events_of(old)}
    out: list[Operation] = []
    for owner, e in found:
        if e in had or e.until is None:
            continue
        for op in ops:
            if e.plaque is not None and isinstance(op, PlaqueRemoved):
                hit = fold(op.plaque.name) == fold(e.plaque) and fold(op.name) == fold(owner)
            elif e.plaque is None and isinstance(op, Abolish | Demote):
                hit = fold(op.name) == fold(e.target.target if e.target else owner)
            else:
                continue
            if hit:
                out.append(
                    Interim(
                        unit=op.unit,
                        name=op.name,
                        established_by="declared",
                        basis=e.basis,
                        plaque=e.plaque,
                        start=e.when(),
                        end=e.until,
                    )
                )
                break
    return out


def events_of(spec: Spec) -> list[tuple[str, Event]]:
    """Return the spec's own events, then each unit's with its name, units in document order (as ``walk``)."""
    out = [("", e) for e in spec.history]
    stack = list(reversed(spec.bodies))  # spec.walk() inline: a unit without events costs a pop and two tests
    while stack:
        u = stack.pop()
        if u.history:
            out.extend((u.name, e) for e in u.history)
        if u.units:
            stack.extend(reversed(u.units))
    return out


def declared_transfers(
    old: Spec, new: Spec, ops: list[Operation], *, events: list[tuple[str, Event]] | None = None
) -> list[Operation]:
    """Return the figures a new ``quota-transferred`` / ``posts-transferred`` event says moved (将…N名…划入…).

    Written in the history of one side, with ``to "X"`` (it gave) or ``from "X"`` (it received) and
    ``amount N``; X may be outside the spec. The documents state such a figure without the totals of
    the bodies it leaves or joins, so it is a statement of its own, not a pairing of two changes.
    """
    kinds = (EventKind.QUOTA_TRANSFERRED, EventKind.POSTS_TRANSFERRED)
    if events is None:
        events = events_of(new)
    found = [(name, e) for name, e in events if e.kind in kinds and name]
    if not found:
        return []
    had = {e for _, e in events_of(old)}
    pairs: dict[str, Pair] = {}
    for each in ops:
        pairs.setdefault(fold(each.name), each.unit)
    said = {(type(x), x.source_name, x.name) for x in ops if isinstance(x, QuotaTransferred | PostsTransferred)}
    out: list[Operation] = []
    for owner, e in found:
        other = e.after or e.before
        amount = e.count_after
        if e in had or other is None or amount is None or not amount.known or amount.value is None:
            continue
        source, target = (owner, other) if e.after else (other, owner)
        base: dict[str, Any] = {
            "unit": pairs.get(fold(target), Pair()),
            "name": target,
            "established_by": "declared",
            "basis": e.basis,
            "source": pairs.get(fold(source), Pair()),
            "source_name": source,
            "amount": amount.value,
        }
        if e.kind is EventKind.QUOTA_TRANSFERRED and e.category is not None:
            label = e.category_label if e.category is QuotaCategory.OTHER else None
            op: Operation = QuotaTransferred(**base, category=e.category, category_label=label)
        elif e.kind is EventKind.POSTS_TRANSFERRED:
            op = PostsTransferred(**base)
        else:
            continue
        if (type(op), source, target) not in said:
            out.append(op)
    return out


def handed_over(
    old: Spec, new: Spec, ops: list[Operation], *, events: list[tuple[str, Event]] | None = None
) -> list[Operation]:
    """Return the duties a new ``duties-transferred`` event gives to an executor outside the spec, listed nowhere.

    ``event duties-transferred { to "X"; duty "…" }`` in a unit's history, X no unit of the new spec
    and the duties not among the unit's in either spec (商标、专利执法职责交由市场监管综合执法队伍承担: the
    text names no holder before): nothing moves, so no other operation says it. Duties the old unit
    lists are a ``duty-cancelled`` with the counterpart instead.
    """
    if events is None:
        events = events_of(new)
    found = [(name, e) for name, e in events if e.kind is EventKind.DUTIES_TRANSFERRED and name and e.after]
    if not found:
        return []
    had = {e for _, e in events_of(old)}
    units = {fold(u.name): u for spec in (old, new) for u in spec.walk()}
    inside = {fold(u.name) for u in new.walk()}
    pairs: dict[str, Pair] = {}
    for each in ops:
        pairs.setdefault(fold(each.name), each.unit)
    cancelled = {(fold(op.name), fold(op.before.text)) for op in ops if isinstance(op, DutyCancelled)}
    out: list[Operation] = []
    for owner, e in found:
        assert e.after is not None
        if e in had or fold(e.after) in inside:
            continue
        listed = {fold(d.text) for spec in (old, new) for u in spec.walk() if fold(u.name) == fold(owner)
                  for d in u.duties}  # fmt: skip
        duties = tuple(t for t in e.duties if fold(t) not in listed and (fold(owner), fold(t)) not in cancelled)
        if not duties or fold(owner) not in units:
            continue
        out.append(
            DutiesHandedOver(
                unit=pairs.get(fold(owner), Pair()),
                name=owner,
                established_by="declared",
                basis=e.basis,
                counterpart=e.after,
                duties=duties,
                verb=e.verb,
            )
        )
    return out
