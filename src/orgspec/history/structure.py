"""Events that change the structure: merged (并入), split (分设), duties transferred, posts changed.

Each is written in the history of the unit that stays or gives, with ``unit`` naming the other
unit and ``duty`` lines naming the duties that moved; applied forward and undone exactly:

======================  ==============================================================
merged { unit X }       X was merged into this unit (并入): forward, X goes and its listed
                        duties join this unit; undone, X is back beside this unit (under
                        the same parent) with its listed duties, which this unit loses
split { unit X }        X was split off from this unit (分设, 单独设立): forward, X appears
                        beside it and takes the listed duties; undone, X (and what is below
                        it) is gone and the duties are back here
duties-transferred      ``to X``: the listed duties moved from this unit to X (划出);
                        ``from X``: they moved from X to this unit (划入). X may be outside
                        the spec: then only this unit's side changes
posts-changed           the leadership posts, as a total: ``from N`` / ``to M`` (a group
                        of N posts; the breakdown before the change is not stated)
quota-transferred       ``amount N`` of the quota ``category`` moved ``to X`` (this unit
                        gives) or ``from X`` (it receives): each side's stated figure
                        changes by N (X outside the spec: this side only)
posts-transferred       ``amount N`` leadership posts moved: recorded (posts are stated
                        post by post, so no stated breakdown changes)
======================  ==============================================================

A unit re-created by undoing carries what the event says (its name, the listed duties), never
what the spec says of it today.

Imports: :mod:`orgspec.model`, :mod:`orgspec.reorg.fold`, :mod:`orgspec.history.events` (types only).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orgspec.model.pools import pool_key
from orgspec.model.units import Duty, Event, EventKind, PostGroup, Unit
from orgspec.model.values import Count
from orgspec.reorg.fold import fold

if TYPE_CHECKING:
    from orgspec.history.events import Node, Work

__all__ = ["STRUCTURAL", "StructureError", "structural_step"]

#: The kinds this module applies and undoes.
STRUCTURAL = frozenset(
    {
        EventKind.MERGED,
        EventKind.SPLIT,
        EventKind.DUTIES_TRANSFERRED,
        EventKind.POSTS_CHANGED,
        EventKind.QUOTA_TRANSFERRED,
        EventKind.POSTS_TRANSFERRED,
    }
)


class StructureError(Exception):
    """Raised (as the caller's CannotUndoError) when an event lacks what applying or undoing it needs."""


def _take(node: Node, texts: tuple[str, ...]) -> tuple[Duty, ...]:
    """Remove the duties with these (folded) texts from ``node``; return them, in the event's order."""
    keys = [fold(t) for t in texts]
    kept, taken = [], {}
    for d in node.unit.duties:
        k = fold(d.text)
        if k in keys and k not in taken:
            taken[k] = d
        else:
            kept.append(d)
    node.unit = node.unit.model_copy(update={"duties": tuple(kept)})
    return tuple(taken.get(k, Duty(text=t)) for k, t in zip(keys, texts, strict=True))


def _give(node: Node, duties: tuple[Duty, ...]) -> None:
    have = {fold(d.text) for d in node.unit.duties}
    add = tuple(d for d in duties if fold(d.text) not in have)
    node.unit = node.unit.model_copy(update={"duties": (*node.unit.duties, *add)})


def _detach(node: Node) -> None:
    if node.parent is not None:
        node.parent.children.remove(node)
        node.parent = None


def _beside(work: Work, subject: Node, unit: Unit) -> Node:
    """Create ``unit`` right after ``subject``, under the same parent."""
    parent = subject.parent or work.root
    if subject.parent is not None and subject.parent is not work.root and unit.kind is None:
        unit = unit.model_copy(update={"kind": subject.unit.kind})  # a section beside a section
    node = type(subject)(unit, parent)  # a Node of orgspec.history.events (imported there: no cycle)
    at = parent.children.index(subject) + 1 if subject in parent.children else len(parent.children)
    parent.children.insert(at, node)
    return node


def _other(event: Event, what: str) -> str:
    name = event.target.target if event.target is not None else None
    if name is None:
        raise StructureError(f"{event.kind.value} event {event.when() or '(undated)'} does not say {what} (unit)")
    return name


def _shift(node: Node | None, event: Event, by: int) -> None:
    """Change ``node``'s quota of the event's category by ``by``, where it states a known figure."""
    if node is None:
        return
    quotas = list(node.unit.quotas)
    assert event.category is not None
    pool = pool_key(event.category, event.category_label)  # a pool of no known category: the one its words name
    for i, q in enumerate(quotas):
        if pool_key(q.category, q.category_label) != pool:
            continue
        if q.count.known and q.count.value is not None and q.count.value + by >= 0:
            quotas[i] = q.model_copy(update={"count": Count.of(q.count.value + by)})
            node.unit = node.unit.model_copy(update={"quotas": tuple(quotas)})
            return


def structural_step(work: Work, subject: Node, event: Event, forward: bool) -> None:
    """Apply (``forward``) or undo one structural event whose owner is ``subject``."""
    kind = event.kind
    if kind is EventKind.MERGED:
        name = _other(event, "which unit was merged in")
        other = work.find(name)
        if forward:
            if other is None or other is subject:
                raise StructureError(f"merged event {event.when()}: no unit {name!r} to merge into {subject.unit.name}")
            _give(subject, _take(other, event.duties) if event.duties else ())
            _detach(other)
        else:
            if other is not None and other is not subject:
                raise StructureError(f"merged event {event.when()}: {name!r} still exists, so it was not merged in")
            _beside(work, subject, Unit(name=name, duties=_take(subject, event.duties)))
    elif kind is EventKind.SPLIT:
        name = _other(event, "which unit was split off")
        other = work.find(name)
        if forward:
            if other is not None and other is not subject:
                raise StructureError(f"split event {event.when()}: {name!r} exists already")
            _beside(work, subject, Unit(name=name, duties=_take(subject, event.duties)))
        else:
            if other is None or other is subject:
                raise StructureError(f"split event {event.when()}: no unit {name!r} that was split off")
            _give(subject, _take(other, event.duties))
            _detach(other)
    elif kind is EventKind.DUTIES_TRANSFERRED:
        if not event.duties:
            raise StructureError(f"duties-transferred event {event.when()} does not list the duties (duty)")
        outward = event.after is not None  # to X: from this unit to X
        other_name = event.after if outward else event.before
        if other_name is None:
            raise StructureError(f"duties-transferred event {event.when()} does not say to or from which unit")
        other = work.find(other_name)
        source, target = (subject, other) if outward == forward else (other, subject)
        moved = _take(source, event.duties) if source is not None else tuple(Duty(text=t) for t in event.duties)
        if target is not None:
            _give(target, moved)
    elif kind in (EventKind.QUOTA_TRANSFERRED, EventKind.POSTS_TRANSFERRED):
        amount = event.count_after
        if amount is None or not amount.known or (event.after is None and event.before is None):
            way = "the figure (amount) and from or to whom"
            raise StructureError(f"{kind.value} event {event.when()} does not say {way}")
        if kind is EventKind.POSTS_TRANSFERRED:
            return  # posts are stated post by post: a figure moved changes no stated breakdown
        if event.category is None:
            raise StructureError(f"quota-transferred event {event.when()} does not say which quota (category)")
        # to X: this unit gives the figure; from X: it receives it. X outside the spec: this side only
        gives = (event.after is not None) == forward
        other = work.find(event.after or event.before)
        n = amount.value or 0
        _shift(subject, event, -n if gives else n)
        if other is not subject:
            _shift(other, event, n if gives else -n)
    elif kind is EventKind.POSTS_CHANGED:
        count = event.count_after if forward else event.count_before
        if count is None:
            way = "after (to)" if forward else "before (from)"
            raise StructureError(f"posts-changed event {event.when()} does not say the posts {way}")
        subject.unit = subject.unit.model_copy(update={"posts": (PostGroup(count=count),)})
