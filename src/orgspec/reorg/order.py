"""Document order: where in the new spec's history each operation of a diff is stated.

A reform plan goes item by item (组建X。不再保留Y。), and a history goes date by date. When a
diff's operations come from events (``orgspec diff FILE --from D1 --to D2``, or a new spec whose
history states its changes), each operation's place is the date of the event that states it (an
event the old side has already is not a change), then the number of the plan's item that states it
(the event's ``item``), so that the sentences of one date follow the plan item by item. An
operation no event states takes the place of another operation on the same unit that has one (a
duty transferred with its target's establishment). :mod:`orgspec.reorg.render_zh` sorts its
sentences by these places when every sentence has one, keeping the grouped order of the plans (组建
first) within a date and item, and keeps the grouped order when some sentence has no place (a
two-file diff whose new side states no events).

Imports: :mod:`orgspec.model`, :mod:`orgspec.history.timeline`, :mod:`orgspec.reorg.ops`, :mod:`orgspec.reorg.fold`.
"""

from __future__ import annotations

from collections.abc import Iterable

from orgspec.history.timeline import Located, timeline
from orgspec.model.units import EventKind, Spec
from orgspec.reorg.fold import fold
from orgspec.reorg.ops import (
    Abolish,
    Absorb,
    AttributeChanged,
    Demote,
    Diff,
    DutyAdded,
    DutyCancelled,
    DutyTransferred,
    Establish,
    Interim,
    KindChanged,
    Move,
    Operation,
    PlaqueAdded,
    PlaqueRemoved,
    PostsChanged,
    PostsTransferred,
    QuotaChanged,
    QuotaTransferred,
    RankChanged,
    Reconstitute,
    Rename,
    Split,
)

__all__ = ["Place", "document_order"]

#: An operation's place: the date of the event that states it (undated first), then the plan's item that
#: states it (``item N``; an event of the date without one comes after those with one). Sentences of one
#: date and item keep the plan's grouped order (组建 first).
Place = tuple[int, tuple[int, int, int], int]

#: The item of an event that states none: after every numbered item of its date.
_NO_ITEM = 1 << 30

_K = EventKind
#: For each operation, the event kinds that state it, and whether the event's subject is the unit itself
#: (its owner) or the unit the event names (``unit "X"``).
_STATED_BY: dict[type, tuple[frozenset[EventKind], str]] = {
    Establish: (frozenset({_K.ESTABLISHED, _K.SPLIT}), "either"),
    Reconstitute: (frozenset({_K.ESTABLISHED, _K.REESTABLISHED}), "owner"),
    Rename: (frozenset({_K.RENAMED}), "owner"),
    Abolish: (frozenset({_K.ABOLISHED, _K.MERGED, _K.INTERIM}), "either"),
    Demote: (frozenset({_K.ABOLISHED, _K.MERGED, _K.INTERIM}), "named"),
    Interim: (frozenset({_K.INTERIM}), "either"),
    Absorb: (frozenset({_K.MERGED}), "owner"),
    Split: (frozenset({_K.SPLIT}), "named"),
    Move: (frozenset({_K.MOVED}), "owner"),
    PlaqueAdded: (frozenset({_K.PLAQUE_ADDED}), "owner"),
    PlaqueRemoved: (frozenset({_K.PLAQUE_REMOVED, _K.INTERIM}), "owner"),
    KindChanged: (frozenset({_K.KIND_CHANGED}), "owner"),
    RankChanged: (frozenset({_K.RANK_CHANGED}), "owner"),
    QuotaChanged: (frozenset({_K.QUOTA_CHANGED}), "owner"),
    PostsChanged: (frozenset({_K.POSTS_CHANGED}), "owner"),
    QuotaTransferred: (frozenset({_K.QUOTA_TRANSFERRED}), "owner"),
    PostsTransferred: (frozenset({_K.POSTS_TRANSFERRED}), "owner"),
    DutyTransferred: (frozenset({_K.DUTIES_TRANSFERRED}), "owner"),
    DutyAdded: (frozenset({_K.DUTIES_TRANSFERRED}), "owner"),
    DutyCancelled: (frozenset({_K.DUTIES_TRANSFERRED}), "owner"),
    AttributeChanged: (frozenset({_K.HOSTED, _K.UNHOSTED}), "owner"),
}


def _place(loc: Located) -> Place:
    when = loc.event.acts()
    item = loc.event.item if loc.event.item is not None else _NO_ITEM
    return (0, (0, 0, 0), item) if when is None else (1, when.sort_key(), item)


def _names(op: Operation) -> Iterable[str]:
    yield op.name
    for attr in ("before", "source_name"):
        value = getattr(op, attr, None)
        if isinstance(value, str):
            yield value


def document_order(old: Spec, new: Spec, diff: Diff) -> list[Place | None]:
    """Return each operation's place in the new spec's history (None where no event states it)."""
    had = {loc.event for loc in timeline(old)}
    fresh = [loc for loc in timeline(new) if loc.event not in had]
    index: dict[tuple[EventKind, str, str], Place] = {}
    for loc in fresh:
        owner = fold(loc.owner[-1]) if loc.owner else ""
        named = fold(loc.event.target.target) if loc.event.target is not None else ""
        for role, name in (("owner", owner), ("named", named)):
            if name:
                index.setdefault((loc.event.kind, role, name), _place(loc))
    places: list[Place | None] = []
    for op in diff.operations:
        kinds, role = _STATED_BY.get(type(op), (frozenset(), "owner"))
        roles = ("owner", "named") if role == "either" else (role,)
        found = [index[(k, r, fold(n))] for k in kinds for r in roles for n in _names(op) if (k, r, fold(n)) in index]
        places.append(max(found) if found else None)  # a change made in steps is done by its last
    by_unit: dict[str, Place] = {}
    for op, place in zip(diff.operations, places, strict=True):
        if place is not None:
            for n in _names(op):
                by_unit[fold(n)] = min(place, by_unit.get(fold(n), place))
    for i, op in enumerate(diff.operations):
        if places[i] is None:  # the unit's own place first (a transfer goes with its target's establishment)
            found = [by_unit[fold(n)] for n in _names(op) if fold(n) in by_unit]
            places[i] = by_unit.get(fold(op.name), min(found) if found else None)
    return places
