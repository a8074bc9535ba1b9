"""The state in force on a date: undo the events after it; and apply events forward.

A spec states the structure as it is now, after all its events.
``as_of(spec, date)`` undoes, latest first, every event not in force on the
date (see :mod:`orgspec.history.timeline` for partial dates) and keeps in the
history only the events in force. ``apply_events(state, events)`` is the other
direction; the law ``as_of(spec, d2) == apply_events(as_of(spec, d1), between(spec, d1, d2))``
holds for the kinds that the events fully describe (see :mod:`orgspec.history.events`).

Imports: :mod:`orgspec.history.*`, :mod:`orgspec.model`, :mod:`orgspec.errors`, :mod:`orgspec.reorg.fold`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from orgspec.errors import OrgspecError
from orgspec.history.events import RECORDED_ONLY, CannotUndoError, Node, Work, apply_event, undo_event
from orgspec.history.structure import STRUCTURAL
from orgspec.history.timeline import Located, in_force, timeline
from orgspec.model.units import Event, EventKind, Spec
from orgspec.model.values import PartialDate, Ref
from orgspec.reorg.fold import fold

__all__ = ["AsOf", "HistoryError", "HistoryNote", "apply_events", "as_of", "between", "derive"]


class HistoryNote(BaseModel):
    """A finding of ``as_of``: an event that could not be undone, or was only recorded."""

    model_config = ConfigDict(frozen=True)

    code: Literal["cannot-undo", "cannot-apply", "recorded-only", "undated", "interim"]
    severity: Literal["error", "info"]
    message: str


class AsOf(BaseModel):
    """The state on a date, and what was found while deriving it."""

    model_config = ConfigDict(frozen=True)

    spec: Spec
    notes: tuple[HistoryNote, ...] = ()

    @property
    def ok(self) -> bool:
        """Return True when every event after the date could be undone."""
        return all(n.severity != "error" for n in self.notes)


class HistoryError(OrgspecError, ValueError):
    """Some event after the date cannot be undone; ``notes`` says which and why."""

    def __init__(self, notes: Sequence[HistoryNote]) -> None:
        self.notes = tuple(notes)
        errors = [n.message for n in notes if n.severity == "error"]
        super().__init__("; ".join(errors) or "history error")


def _date(date: PartialDate | str) -> PartialDate:
    return PartialDate.parse(date) if isinstance(date, str) else date


def _collect(work: Work) -> list[tuple[Node | None, Event]]:
    located = timeline(work.spec)
    owners: dict[tuple[str, ...], list[Node]] = {}

    def walk(node: Node, path: tuple[str, ...]) -> None:
        owners.setdefault(path, []).append(node)
        for c in node.children:
            walk(c, (*path, c.unit.name))

    for body in work.root.children:
        walk(body, (body.unit.name,))
    seen: dict[tuple[str, ...], int] = {}
    out: list[tuple[Node | None, Event]] = []
    for loc in located:
        if not loc.owner:
            out.append((None, loc.event))
            continue
        # the owner: the node at that path whose history holds this very event
        node = next(n for n in owners[loc.owner] if any(e is loc.event for e in n.unit.history))
        seen[loc.owner] = seen.get(loc.owner, 0) + 1
        out.append((node, loc.event))
    return out


def derive(spec: Spec, date: PartialDate | str) -> AsOf:
    """Return the state in force on ``date`` and notes; never raises on a spec's content."""
    on = _date(date)
    work = Work(spec)
    notes: list[HistoryNote] = []
    events = _collect(work)
    for _, event in events:
        if event.when() is None:
            notes.append(
                HistoryNote(
                    code="undated", severity="info", message=f"{event.kind.value} event has no date; taken as in force"
                )
            )
    for owner, event in reversed(events):
        if in_force(event, on):
            continue
        start = event.when()
        if event.kind is EventKind.INTERIM and start is not None and start.start() <= on.start():
            kept = event.plaque or (event.target.target if event.target else None) or (owner.unit.name if owner else "")
            notes.append(
                HistoryNote(
                    code="interim",
                    severity="info",
                    message=f"{kept} is kept in its interim period from {start} until {event.until}",
                )
            )
        if event.kind in RECORDED_ONLY or (owner is None and event.kind in STRUCTURAL):
            notes.append(
                HistoryNote(
                    code="recorded-only",
                    severity="info",
                    message=f"{event.kind.value} {event.when()} is recorded only: "
                    "the spec does not state what it changed, so nothing was undone",
                )
            )
        try:
            undo_event(work, owner, event)
        except CannotUndoError as err:
            notes.append(HistoryNote(code="cannot-undo", severity="error", message=f"cannot undo: {err}"))
        if owner is None:
            work.history = [e for e in work.history if e is not event]
        else:
            owner.unit = owner.unit.model_copy(
                update={"history": tuple(e for e in owner.unit.history if e is not event)}
            )
    _drop_later_facts(work, on, spec)
    return AsOf(spec=work.freeze(), notes=tuple(notes))


def _drop_later_facts(work: Work, on: PartialDate, spec: Spec) -> None:
    """Drop the plaques and relations whose own ``since`` date is after ``on``: they were not there yet.

    A relation to a unit that is not in the state (its establishment undone) goes too, so that the
    state never refers to a unit it does not hold.
    """
    nodes = work.nodes()
    ids = {n.unit.id for n in nodes if n.unit.id}
    names = {fold(x) for n in nodes for x in n.unit.names()}
    ids_now = {u.id for u in spec.walk() if u.id}
    names_now = {fold(x) for u in spec.walk() for x in u.names()}

    def there(ref: Ref) -> bool:
        # a reference to a unit of the spec that the state does not hold (undone) goes; one the
        # spec itself does not resolve is left for the checks to report, as it is now
        if ref.by == "id":
            return ref.target in ids or ref.target not in ids_now
        key = fold(ref.target)
        return ref.by == "external" or key in names or key not in names_now

    def later(since: PartialDate | None) -> bool:
        return since is not None and since.start() > on.start()

    for node in nodes:
        unit = node.unit
        plaques = tuple(p for p in unit.plaques if not later(p.since))
        # a relation known only by a period in words (抗日戰爭前), with no date, is in no dated state
        relations = tuple(
            r
            for r in unit.relations
            if not later(r.since)
            and (r.until is None or later(r.until))
            and (r.period is None or r.since is not None or r.until is not None)
            and there(r.target)
        )
        superior = unit.superior if unit.superior is None or there(unit.superior) else None
        if plaques != unit.plaques or relations != unit.relations or superior != unit.superior:
            node.unit = unit.model_copy(update={"plaques": plaques, "relations": relations, "superior": superior})


def as_of(spec: Spec, date: PartialDate | str) -> Spec:
    """Return the structure in force on ``date``; raise HistoryError if an event cannot be undone."""
    result = derive(spec, date)
    if not result.ok:
        raise HistoryError(result.notes)
    return result.spec


def between(spec: Spec, start: PartialDate | str | None, end: PartialDate | str) -> list[Located]:
    """Return the events in force on ``end`` but not on ``start``, in time order."""
    lo = _date(start) if start is not None else None
    hi = _date(end)
    return [loc for loc in timeline(spec) if in_force(loc.event, hi) and (lo is None or not in_force(loc.event, lo))]


def _owner(work: Work, loc: Located) -> Node | None:
    if not loc.owner:
        return None
    nodes = work.nodes()
    if loc.owner_id is not None:
        found = next((n for n in nodes if n.unit.id == loc.owner_id), None)
        if found is not None:
            return found
    candidates = [fold(loc.owner[-1])]
    if loc.event.kind is EventKind.RENAMED and loc.event.before:
        candidates.append(fold(loc.event.before))
    for key in candidates:
        found = next((n for n in nodes if fold(n.unit.name) == key), None)
        if found is not None:
            return found
    raise CannotUndoError(f"{loc.event.kind.value} {loc.event.when()}: no unit {loc.owner[-1]!r} to apply it to")


def apply_events(state: Spec, events: Sequence[Located]) -> Spec:
    """Apply events forward, in the order given, recording each in its owner's history."""
    work = Work(state)
    problems: list[HistoryNote] = []
    for loc in events:
        try:
            owner = _owner(work, loc)
            apply_event(work, owner, loc.event)
        except CannotUndoError as err:
            problems.append(HistoryNote(code="cannot-apply", severity="error", message=f"cannot apply: {err}"))
            continue
        if owner is None:
            work.history.append(loc.event)
        else:
            owner.unit = owner.unit.model_copy(update={"history": (*owner.unit.history, loc.event)})
    if problems:
        raise HistoryError(problems)
    return work.freeze()
