"""What the new spec declares about a change: reconstitutions, respellings and each operation's basis.

Reform texts say how a body came to be (在X基础上组建Y, 重新组建Y, X更名为Y) and by which
document. The diff's matching decides which units are the same; this module decides how the
change of a matched unit's name is stated, and finds the document behind each operation in
the new spec's history:

- a name that differs only in script is a :class:`~orgspec.reorg.ops.Respell`, not a rename;
- a unit matched through an ``established``/``reestablished`` event with ``from`` (successor-of)
  is a :class:`~orgspec.reorg.ops.Reconstitute` (在X基础上组建Y), as is a unit whose new history
  gains a ``reestablished`` event under the same name (重新组建Y);
- an operation's ``basis`` is the basis of the event in the new history that states it (the
  establishment, the rename, the plaque, the kind, rank or quota change), else, for an
  establishment, the unit's own basis.

Imports: :mod:`orgspec.model`, :mod:`orgspec.reorg.ops`, :mod:`orgspec.reorg.fold`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from orgspec.model.units import Event, EventKind, Spec, Unit
from orgspec.model.values import Basis
from orgspec.reorg.fold import fold
from orgspec.reorg.ops import Operation, Reconstitute, Rename, Respell

__all__ = [
    "abolish_basis",
    "abolish_verb",
    "establish_basis",
    "established_as",
    "event_basis",
    "event_verb",
    "name_op",
    "new_events",
    "reestablished",
    "script_only",
    "split_outside",
    "stated_of",
]

SUCCESSION = (EventKind.ESTABLISHED, EventKind.REESTABLISHED)


def script_only(a: str | None, b: str | None) -> bool:
    """Return True when two different texts are the same text written in another script."""
    return a is not None and b is not None and a != b and fold(a) == fold(b)


def new_events(a: Unit | None, b: Unit) -> list[Event]:
    """Return the events of ``b``'s history that ``a``'s history does not have."""
    had = a.history if a is not None else ()
    return [e for e in b.history if e not in had]


def event_basis(a: Unit | None, b: Unit, kinds: Iterable[EventKind], **match: str | None) -> tuple[Basis, ...]:
    """Return the basis of the newest new event of ``b`` of one of ``kinds`` (matching ``match``), or ()."""
    wanted = set(kinds)
    found: tuple[Basis, ...] = ()
    for e in new_events(a, b):
        if e.kind not in wanted or not e.basis:
            continue
        if any(value is not None and fold(getattr(e, f) or "") != fold(value) for f, value in match.items()):
            continue
        found = e.basis
    return found


def event_verb(a: Unit | None, b: Unit, kinds: Iterable[EventKind], **match: str | None) -> str | None:
    """Return the verb (the document's word) of the newest new event of ``b`` of one of ``kinds`` that has one."""
    wanted = set(kinds)
    found: str | None = None
    for e in new_events(a, b):
        if e.kind not in wanted or e.verb is None:
            continue
        if any(value is not None and fold(getattr(e, f) or "") != fold(value) for f, value in match.items()):
            continue
        found = e.verb
    return found


def established_as(b: Unit) -> dict[str, str | None]:
    """Return what the sentence that sets up a new unit says of it: its ``established`` event's ``as`` and ``rank``."""
    found: dict[str, str | None] = {"stated_as": None, "stated_rank": None}
    for e in b.history:
        if e.kind is EventKind.ESTABLISHED and (e.stated_as or e.stated_rank):
            found = {"stated_as": e.stated_as, "stated_rank": e.stated_rank}
    return found


def stated_of(e: Event) -> dict[str, str | None]:
    """Return what an event's sentence says of the body it sets up (``as``, ``rank``), as an operation's fields."""
    return {"stated_as": e.stated_as, "stated_rank": e.stated_rank}


def establish_basis(b: Unit) -> tuple[Basis, ...]:
    """Return the basis of a new unit's establishment: its establishment event's, else its own."""
    return event_basis(None, b, SUCCESSION) or b.basis


def abolish_basis(new_spec: Spec, old: Unit) -> tuple[Basis, ...]:
    """Return the basis of an ``abolished`` event in the new spec that names the gone unit, or ()."""
    return next((e.basis for e in _abolished(new_spec, old) if e.basis), ())


def abolish_verb(new_spec: Spec, old: Unit) -> str | None:
    """Return the verb of an ``abolished`` event in the new spec that names the gone unit (不再设立, 撤销), or None."""
    return next((e.verb for e in _abolished(new_spec, old) if e.verb), None)


def _abolished(new_spec: Spec, old: Unit) -> Iterator[Event]:
    key = fold(old.name)
    histories: list[tuple[Event, ...]] = [new_spec.history, *(b.history for b in new_spec.bodies)]
    for history in histories:
        for e in history:
            if e.kind is EventKind.ABOLISHED and e.target is not None and fold(e.target.target) == key:
                yield e


def split_outside(new_spec: Spec) -> dict[str, list[Event]]:
    """Return, by folded name of the unit split, the spec-level ``split`` events naming a successor (``to``).

    ``event split 2018 { unit "X" to "Z" duty "…" }`` in the spec's own history says that X was
    split (分设) and that Z, a body the spec may not hold, is one of its successors, taking the
    listed duties.
    """
    out: dict[str, list[Event]] = {}
    for e in new_spec.history:
        if e.kind is EventKind.SPLIT and e.target is not None and e.after:
            out.setdefault(fold(e.target.target), []).append(e)
    return out


def reestablished(a: Unit, b: Unit) -> Event | None:
    """Return the ``reestablished`` event ``b``'s history gains under the same name (重新组建), if any."""
    for e in new_events(a, b):
        if e.kind is EventKind.REESTABLISHED and (e.before is None or fold(e.before) == fold(a.name)):
            return e
    return None


def _succession(a: Unit, b: Unit) -> Event | None:
    """Return the event of ``b``'s history that makes it the successor of ``a`` (组建 from ``a``'s name), if any.

    An event ``a`` already had does not: ``a`` named as its own predecessor says nothing of the
    change from ``a`` to ``b``.
    """
    before = a.name
    for e in new_events(a, b):
        if e.kind in SUCCESSION and e.before and fold(e.before) == fold(before):
            return e
    return None


def name_op(base: dict[str, Any], a: Unit, b: Unit) -> Operation:
    """Return the operation for a matched unit whose name changed: respell, reconstitute or rename."""
    if script_only(a.name, b.name):
        return Respell(**base, field="name", before=a.name, after=b.name)
    succession = _succession(a, b)
    if succession is not None:
        return Reconstitute(
            **base, before=a.name, after=b.name, basis=succession.basis, verb=succession.verb, **stated_of(succession)
        )
    basis = event_basis(None, b, (EventKind.RENAMED,), before=a.name)
    had = {fold(s.name) for s in a.short_names}
    kept = tuple(s.name for s in b.short_names if fold(s.name) in had)
    return Rename(**base, before=a.name, after=b.name, basis=basis, short_names=kept)
