"""One event, undone or applied, on a working copy of a spec.

What each kind of event does (``apply`` forward; ``undo`` is its exact inverse):

======================  ==============================================================
renamed                 name ``from`` → ``to`` (undo needs ``from``, apply needs ``to``)
plaque-added / removed  the plaque ``plaque`` appears / goes (matched by folded name)
hosted / unhosted       the relation ``hosts`` to ``unit`` appears / goes
moved                   the superior ``from`` → ``to``
kind-changed            the kind ``from`` → ``to`` (a keyword or a Chinese label)
rank-changed            the rank ``from`` → ``to``
quota-changed           the quota of ``category``: ``from`` → ``to``
established             the unit appears (undo: it and everything below it are absent)
abolished               the unit goes (at spec level, with ``unit``: the body named)
interim                 过渡期: kept from ``date`` until ``until``, then gone: the plaque
                        ``plaque`` of this unit, or the body ``unit`` (spec level) or the
                        section ``unit`` (a unit's history); acts (and is ordered) at ``until``
merged, split,          see :mod:`orgspec.history.structure`: units merged in (并入) or
duties-transferred,     split off (分设), duties moved (划出/划入), leadership posts as a
posts-changed           total (recorded only in the spec's own history)
reestablished           recorded only: the unit is re-founded as it is (``as_of`` notes it)
======================  ==============================================================

A plaque, relation or body re-created by an event is re-created from the
event alone (its name, or kind and target): what the spec says of it beyond
that (form, notes, basis) is not part of the event. Applied forward, an added
plaque or hosted office goes last; one re-created by undoing its removal goes
back where applying the history forward would have put it: after the ones the
unit had without an event, before those added (by an event) after it was.

The subject of an event stated in a unit's history is that unit; of an event
in the spec's own history, the unit its ``unit`` names (for ``established``
and ``abolished``, a body of that name).

Imports: :mod:`orgspec.model`, :mod:`orgspec.history.structure`, :mod:`orgspec.reorg.fold`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from orgspec.history.structure import STRUCTURAL, StructureError, structural_step
from orgspec.model.pools import pool_key
from orgspec.model.units import Event, EventKind, Plaque, Quota, Relation, RelationKind, Spec, Unit
from orgspec.model.values import Ref, UnitKind
from orgspec.model.vocab import kind_of
from orgspec.reorg.fold import fold

__all__ = ["RECORDED_ONLY", "CannotUndoError", "Node", "Work", "apply_event", "undo_event"]

#: Kinds whose effect the spec does not state: undoing or applying them changes nothing. A
#: re-establishment (重新组建) keeps the unit; the structural kinds (merged, split,
#: duties-transferred, posts-changed: :mod:`orgspec.history.structure`) are recorded only when
#: they stand in the spec's own history, where no unit is their owner.
RECORDED_ONLY = frozenset({EventKind.REESTABLISHED})


class CannotUndoError(Exception):
    """The event lacks what is needed to undo (or apply) it; the message says what."""


@dataclass(eq=False)
class Node:
    """A unit of the working copy."""

    unit: Unit
    parent: Node | None
    children: list[Node] = field(default_factory=list)


class Work:
    """A mutable copy of a spec: units without children, linked as a tree."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.root = Node(Unit(name="(spec)"), None)
        self.history: list[Event] = list(spec.history)
        self.owner_of: dict[int, Node] = {}

        def add(unit: Unit, parent: Node) -> None:
            node = Node(unit.model_copy(update={"units": ()}), parent)
            parent.children.append(node)
            for u in unit.units:
                add(u, node)

        for body in spec.bodies:
            add(body, self.root)

    def nodes(self) -> list[Node]:
        """Return every unit node, parents first."""
        out: list[Node] = []
        stack = list(reversed(self.root.children))
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(node.children))
        return out

    def find(self, ref: Ref | str | None) -> Node | None:
        """Return the node a reference names: by id, else by folded name or plaque."""
        if ref is None:
            return None
        if isinstance(ref, Ref) and ref.by == "id":
            return next((n for n in self.nodes() if n.unit.id == ref.target), None)
        key = fold(ref.target if isinstance(ref, Ref) else ref)
        nodes = self.nodes()
        return next((n for n in nodes if fold(n.unit.name) == key), None) or next(
            (n for n in nodes if any(fold(p.name) == key for p in n.unit.plaques)), None
        )

    def freeze(self) -> Spec:
        """Return the working copy as a spec."""

        def build(node: Node) -> Unit:
            if not node.children:
                return node.unit
            return node.unit.model_copy(update={"units": tuple(build(c) for c in node.children)})

        return self.spec.model_copy(
            update={"bodies": tuple(build(c) for c in self.root.children), "history": tuple(self.history)}
        )


def _need(value: object, what: str, event: Event) -> None:
    if value is None:
        raise CannotUndoError(f"{event.kind.value} event {event.when() or '(undated)'} does not say {what}")


def _set(node: Node, **update: object) -> None:
    node.unit = node.unit.model_copy(update=update)


def _kind(label: str | None) -> tuple[object, str | None]:
    if label is None:
        return None, None
    kind = kind_of(label)
    if kind is None:
        raise CannotUndoError(f"unknown kind {label!r}")
    return kind, (None if label == kind.value else label)


_Key = tuple[int, tuple[int, int, int], int, int]
T = TypeVar("T")


def _order(i: int, event: Event) -> _Key:
    # as the timeline orders events: date, then the plan's item (none: after the numbered ones), then as written
    when = event.when()
    item = event.item_order()
    return (0, (0, 0, 0), item, i) if when is None else (1, when.sort_key(), item, i)


def _reinsert(
    items: tuple[T, ...],
    new: T,
    *,
    name_of: Callable[[T], str | None],
    unit: Unit,
    adds: EventKind,
    added_name: Callable[[Event], str | None],
    removal: Event,
) -> tuple[T, ...]:
    """Return ``items`` with ``new`` (whose removal is undone) where forward application puts it.

    An item that one of the unit's ``adds`` events added (the events not undone yet, before
    ``removal``) is ordered by the latest such event; items no event added come first.
    """
    # the removal is in the unit's history, or (a spec-level event) placed after it on its date
    at = next((i for i, e in enumerate(unit.history) if e is removal), len(unit.history))
    end = _order(at, removal)
    added: dict[str, _Key] = {}
    for i, e in enumerate(unit.history):
        name = added_name(e)
        if e.kind is adds and name is not None and _order(i, e) < end:
            added[fold(name)] = _order(i, e)

    def key(item: T) -> _Key | None:
        name = name_of(item)
        return None if name is None else added.get(fold(name))

    mine = key(new)
    for pos, item in enumerate(items):
        theirs = key(item)
        if theirs is not None and (mine is None or theirs > mine):
            return (*items[:pos], new, *items[pos:])
    return (*items, new)


def _step(work: Work, subject: Node | None, event: Event, forward: bool, spec_level: bool) -> None:
    kind = event.kind
    if kind is EventKind.INTERIM:  # at its end: the plaque, or the body, kept for the period goes
        _need(event.until, "when the interim period ends (until)", event)
        gone = EventKind.PLAQUE_REMOVED if event.plaque else EventKind.ABOLISHED
        if gone is EventKind.ABOLISHED and not spec_level and event.target is None and subject is not None:
            _need(None if forward else event.target, "which unit it keeps (unit, in the spec's history)", event)
        _step(work, subject, event.model_copy(update={"kind": gone}), forward, spec_level)
        return
    if kind in RECORDED_ONLY or (spec_level and kind in STRUCTURAL):
        return
    if kind in STRUCTURAL:
        if subject is None:
            raise CannotUndoError(f"{kind.value} event {event.when()}: no unit to apply it to")
        try:
            structural_step(work, subject, event, forward)
        except StructureError as err:
            raise CannotUndoError(str(err)) from None
        return
    was, now = (event.before, event.after) if forward else (event.after, event.before)
    if kind in (EventKind.ESTABLISHED, EventKind.ABOLISHED) and not spec_level and subject and event.target:
        _child_step(subject, event, appears=(kind is EventKind.ESTABLISHED) == forward)
        return
    if kind in (EventKind.ESTABLISHED, EventKind.ABOLISHED):
        appears = (kind is EventKind.ESTABLISHED) == forward
        name = event.target.target if spec_level and event.target else (subject.unit.name if subject else None)
        if appears:
            if subject is not None:
                return  # already there (a unit's own establishment applied forward)
            _need(name, "which unit", event)
            assert name is not None
            if not spec_level:
                raise CannotUndoError(f"{kind.value} event {event.when()}: the unit's content is not in the event")
            work.root.children.append(Node(Unit(name=name), work.root))
            return
        if subject is None or subject.parent is None:
            raise CannotUndoError(f"{kind.value} event {event.when()}: no unit {name!r} to remove")
        subject.parent.children.remove(subject)
        subject.parent = None
        return
    if subject is None:
        name = event.target.target if event.target else None
        raise CannotUndoError(f"{kind.value} event {event.when()}: no unit {name!r} in the spec")
    unit = subject.unit
    if kind is EventKind.RENAMED:
        _need(now, "the name " + ("after (to)" if forward else "before (from)"), event)
        _set(subject, name=now)
    elif kind in (EventKind.PLAQUE_ADDED, EventKind.PLAQUE_REMOVED):
        _need(event.plaque, "which plaque", event)
        assert event.plaque is not None
        if (kind is EventKind.PLAQUE_ADDED) == forward:
            plaque = Plaque(name=event.plaque)
            if forward:
                _set(subject, plaques=(*unit.plaques, plaque))
            else:  # undoing a removal
                placed = _reinsert(
                    unit.plaques,
                    plaque,
                    name_of=lambda p: p.name,
                    unit=unit,
                    adds=EventKind.PLAQUE_ADDED,
                    added_name=lambda e: e.plaque,
                    removal=event,
                )
                _set(subject, plaques=placed)
        else:
            keep = [p for p in unit.plaques if fold(p.name) != fold(event.plaque)]
            if len(keep) == len(unit.plaques):
                raise CannotUndoError(f"{kind.value} event {event.when()}: {unit.name} has no plaque {event.plaque!r}")
            _set(subject, plaques=tuple(keep))
    elif kind in (EventKind.HOSTED, EventKind.UNHOSTED):
        target = event.target if not spec_level else None
        _need(target, "which office is hosted (unit)", event)
        assert target is not None
        if (kind is EventKind.HOSTED) == forward:
            relation = Relation(kind=RelationKind.HOSTS, target=target)
            if forward:
                _set(subject, relations=(*unit.relations, relation))
            else:  # undoing an unhosting
                placed_r = _reinsert(
                    unit.relations,
                    relation,
                    name_of=_hosted_name,
                    unit=unit,
                    adds=EventKind.HOSTED,
                    added_name=lambda e: e.target.target if e.target else None,
                    removal=event,
                )
                _set(subject, relations=placed_r)
        else:
            kept = [
                r
                for r in unit.relations
                if not (r.kind is RelationKind.HOSTS and fold(r.target.target) == fold(target.target))
            ]
            if len(kept) == len(unit.relations):
                raise CannotUndoError(f"{kind.value} event {event.when()}: {unit.name} hosts no {target.target!r}")
            _set(subject, relations=tuple(kept))
    elif kind is EventKind.MOVED:
        _need(now, "the superior " + ("after (to)" if forward else "before (from)"), event)
        _set(subject, superior=Ref(target=now or "", by="external"))
    elif kind is EventKind.KIND_CHANGED:
        _need(now, "the kind " + ("after (to)" if forward else "before (from)"), event)
        k, label = _kind(now)
        _set(subject, kind=k, kind_label=label)
    elif kind is EventKind.RANK_CHANGED:
        _need(now, "the rank " + ("after (to)" if forward else "before (from)"), event)
        _set(subject, rank=now)
    elif kind is EventKind.QUOTA_CHANGED:
        _need(event.category, "which quota category", event)
        count = event.count_after if forward else event.count_before
        _need(count, "the figure " + ("after (to)" if forward else "before (from)"), event)
        assert count is not None
        assert event.category is not None
        quotas = list(unit.quotas)
        pool = pool_key(event.category, event.category_label)  # 人员编制 is not 专职干部, though both are other
        for i, q in enumerate(quotas):
            if pool_key(q.category, q.category_label) == pool:
                quotas[i] = q.model_copy(update={"count": count})
                break
        else:
            label = event.category_label if pool[1] is not None else None
            quotas.append(Quota(category=event.category, count=count, category_label=label))
        _set(subject, quotas=tuple(quotas))
    del was


def _child_step(subject: Node, event: Event, *, appears: bool) -> None:
    """Add or remove the section named by the event's ``unit`` under ``subject`` (set up, or abolished)."""
    assert event.target is not None
    key = fold(event.target.target)
    child = next((c for c in subject.children if fold(c.unit.name) == key), None)
    if appears:
        if child is None:
            subject.children.append(Node(Unit(name=event.target.target, kind=UnitKind.SECTION), subject))
        return
    if child is None:
        raise CannotUndoError(
            f"{event.kind.value} event {event.when()}: {subject.unit.name} has no unit {event.target.target!r}"
        )
    subject.children.remove(child)
    child.parent = None


def _hosted_name(relation: Relation) -> str | None:
    return relation.target.target if relation.kind is RelationKind.HOSTS else None


def subject_of(work: Work, owner: Node | None, event: Event) -> Node | None:
    """Return the node an event is about: its owner, or for a spec-level event the unit it names."""
    if owner is not None:
        return owner
    return work.find(event.target)


def undo_event(work: Work, owner: Node | None, event: Event) -> None:
    """Undo one event on the working copy; raise CannotUndoError when it cannot be undone."""
    _step(work, subject_of(work, owner, event), event, forward=False, spec_level=owner is None)


def apply_event(work: Work, owner: Node | None, event: Event) -> None:
    """Apply one event forward on the working copy; raise CannotUndoError when it cannot be applied."""
    _step(work, subject_of(work, owner, event), event, forward=True, spec_level=owner is None)
