"""Document order: where in the new spec's history each operation of a diff is stated.

A reform plan goes item by item (组建X。不再保留Y。), and a history goes date by date. When a
diff's operations come from events (``orgspec diff FILE --from D1 --to D2``, or a new spec whose
history states its changes), each operation's place is the date of the event that states it (an
event the old side has already is not a change), then the number of the plan's item that states it
(the event's ``item``), so that the sentences of one date follow the plan item by item. A duty
added or cancelled that no event states takes the item of the function change that states it
(``function-changes { added "…" { item 3 } }``), and a relation that appears its own ``since`` and
``item``. A statement with an item and no date stands where its item puts it: after the dated
statement of the highest item up to its own. An operation nothing states takes the place of another
operation on the same unit that has one (a duty transferred with its target's establishment).
:mod:`orgspec.reorg.render_zh` sorts its sentences by these places when every sentence has one,
keeping the grouped order of the plans (组建 first) within a date and item, and keeps the grouped
order when some sentence has no place (a two-file diff whose new side states no events).

Imports: :mod:`orgspec.model`, :mod:`orgspec.history.timeline`, :mod:`orgspec.reorg.ops`, :mod:`orgspec.reorg.fold`.
"""

from __future__ import annotations

from collections.abc import Iterable

from orgspec.history.timeline import Located, timeline
from orgspec.model.units import Duty, EventKind, FunctionChangeKind, Spec
from orgspec.model.values import PartialDate
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

__all__ = ["NO_ITEM", "Place", "document_order"]

#: The item of a statement that gives none: after every numbered item of its date (as in the timeline).
NO_ITEM = 1 << 30

#: An operation's place: the date of the event that states it (undated first), then the plan's item that
#: states it (``item N``; an event of the date without one comes after those with one). Sentences of one
#: date and item keep the plan's grouped order (组建 first).
Place = tuple[int, tuple[int, int, int], int]

#: Where a statement stands before the items are read together: its date (None: undated) and item.
_Raw = tuple[PartialDate | None, int | None]

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

#: The function changes (``function-changes``, 职能转变) that state a duty's operation, by the side that states them.
_CHANGED_BY: dict[type, tuple[tuple[FunctionChangeKind, str], ...]] = {
    DutyAdded: ((FunctionChangeKind.ADDED, "after"), (FunctionChangeKind.TRANSFERRED_IN, "after")),
    DutyCancelled: ((FunctionChangeKind.CANCELLED, "before"), (FunctionChangeKind.TRANSFERRED_OUT, "before")),
    DutyTransferred: ((FunctionChangeKind.TRANSFERRED_IN, "after"),),
}


def _raw(loc: Located) -> _Raw:
    return (loc.event.acts(), loc.event.item)


def _names(op: Operation) -> Iterable[str]:
    yield op.name
    for attr in ("before", "source_name"):
        value = getattr(op, attr, None)
        if isinstance(value, str):
            yield value


def _text(duty: Duty) -> str:
    return fold(duty.text).rstrip("。")


def _resolve(raws: Iterable[_Raw]) -> dict[_Raw, Place]:
    """Return each statement's place: its date, then its item.

    A statement that gives an item and no date stands where its item puts it in the text: it takes the
    date of the dated statement with the highest item up to its own (a text that dates some of its
    statements and not others keeps them in its order); with none, it is undated (first).
    """
    raws = set(raws)
    dated = sorted((item, when.sort_key()) for when, item in raws if when is not None and item is not None)
    out: dict[_Raw, Place] = {}
    for when, item in raws:
        number = item if item is not None else NO_ITEM
        if when is not None:
            out[(when, item)] = (1, when.sort_key(), number)
            continue
        before = [d for d in dated if item is not None and d[0] <= item]
        out[(when, item)] = (1, before[-1][1], number) if before else (0, (0, 0, 0), number)
    return out


def _statements(old: Spec, new: Spec) -> dict[tuple[str, ...], list[_Raw]]:
    """Return where the new spec states each relation and function change the old one does not have.

    Keyed ``("relation", unit)`` (a relation with ``item`` or ``since``) and ``("change", kind, unit,
    text)`` (a function change with ``item``), by folded names and text.
    """
    had_relations = {(fold(u.name), r) for u in old.walk() for r in u.relations}
    had_changes = {(fold(u.name), c) for u in old.walk() for c in u.function_changes}
    out: dict[tuple[str, ...], list[_Raw]] = {}
    for u in new.walk():
        name = fold(u.name)
        for r in u.relations:
            if (r.item is not None or r.since is not None) and (name, r) not in had_relations:
                out.setdefault(("relation", name), []).append((r.since, r.item))
        for c in u.function_changes:
            if c.item is not None and (name, c) not in had_changes:
                out.setdefault(("change", c.kind.value, name, fold(c.text).rstrip("。")), []).append((None, c.item))
    return out


def _stated(op: Operation, statements: dict[tuple[str, ...], list[_Raw]]) -> list[_Raw]:
    """Return where a relation or a function change of the new spec states ``op`` (none: no place of its own)."""
    if isinstance(op, AttributeChanged):
        return statements.get(("relation", fold(op.name)), []) if op.field == "relations" else []
    found: list[_Raw] = []
    for kind, side in _CHANGED_BY.get(type(op), ()):
        duty = getattr(op, side)
        found += statements.get(("change", kind.value, fold(op.name), _text(duty)), [])
    if isinstance(op, DutyTransferred):  # 划出 stated by the body it left
        key = ("change", FunctionChangeKind.TRANSFERRED_OUT.value, fold(op.source_name), _text(op.before))
        found += statements.get(key, [])
    return found


def document_order(old: Spec, new: Spec, diff: Diff) -> list[Place | None]:
    """Return each operation's place in the new spec's history (None where nothing states it).

    The places come from the events the new spec's history gains, and from the relations and
    function changes it gains that state their item (``item N``) or, for a relation, its date
    (``since``).
    """
    had = {loc.event for loc in timeline(old)}
    fresh = [loc for loc in timeline(new) if loc.event not in had]
    index: dict[tuple[EventKind, str, str], _Raw] = {}
    for loc in fresh:
        owner = fold(loc.owner[-1]) if loc.owner else ""
        named = fold(loc.event.target.target) if loc.event.target is not None else ""
        for role, name in (("owner", owner), ("named", named)):
            if name:
                index.setdefault((loc.event.kind, role, name), _raw(loc))
    statements = _statements(old, new)
    raws: list[list[_Raw]] = []
    for op in diff.operations:
        kinds, role = _STATED_BY.get(type(op), (frozenset(), "owner"))
        roles = ("owner", "named") if role == "either" else (role,)
        found = [index[(k, r, fold(n))] for k in kinds for r in roles for n in _names(op) if (k, r, fold(n)) in index]
        raws.append(found or _stated(op, statements))
    resolved = _resolve([*(_raw(loc) for loc in fresh), *(r for rs in statements.values() for r in rs)])
    # a change made in steps is done by its last
    places: list[Place | None] = [max(resolved[r] for r in found) if found else None for found in raws]
    by_unit: dict[str, Place] = {}
    for op, place in zip(diff.operations, places, strict=True):
        if place is not None:
            for n in _names(op):
                by_unit[fold(n)] = min(place, by_unit.get(fold(n), place))
    for i, op in enumerate(diff.operations):
        if places[i] is None:  # the unit's own place first (a transfer goes with its target's establishment)
            found_places = [by_unit[fold(n)] for n in _names(op) if fold(n) in by_unit]
            places[i] = by_unit.get(fold(op.name), min(found_places) if found_places else None)
    return places
