"""The events of a spec in time order, and when an event counts as in force.

Partial dates: an event counts as in force from the first day its date can
mean ("2018" from 2018-01-01, "2018-03" from 2018-03-01), and an as-of date
means its first day too. So an event dated "2018" is in force on 2018-06-01
and on "2018", while one dated "2018-03" is not in force on "2018" (which
means 2018-01-01). The date that orders an event is its own date, else its
effective, approved or decided date (:meth:`Event.when`). Events of one date go by the plan's item that
states them (``item N``: item 1 is applied before item 2, and undone after
it); an event of the date without an item comes after the numbered ones, and
events of one date and item keep the order they are written in. An event with
no date at all cannot be placed: it is listed first and always taken as in
force, and ``as_of`` says so.

Imports: :mod:`orgspec.model`.
"""

from __future__ import annotations

from dataclasses import dataclass

from orgspec.model.units import Event, Spec, Unit
from orgspec.model.values import PartialDate

__all__ = ["Located", "event_key", "in_force", "timeline"]


@dataclass(frozen=True, slots=True)
class Located:
    """An event and where it is stated: the owner unit's path of names (empty for the spec)."""

    event: Event
    owner: tuple[str, ...]
    owner_id: str | None
    order: int

    @property
    def unit_name(self) -> str | None:
        """Return the name of the unit the event is about (its target, else its owner)."""
        if self.event.target is not None:
            return self.event.target.target
        return self.owner[-1] if self.owner else None


def in_force(event: Event, on: PartialDate) -> bool:
    """Return True when the event counts as in force on the date (undated events always do)."""
    when = event.acts()  # an interim period changes the structure at its end
    if when is None:
        return True
    return when.start() <= on.start()


def event_key(event: Event, order: int) -> tuple[int, tuple[int, int, int], int, int]:
    """Return where an event written at position ``order`` stands in time: date (undated first), item, order."""
    when = event.acts()
    item = event.item_order()
    return (0, (0, 0, 0), item, order) if when is None else (1, when.sort_key(), item, order)


def _key(loc: Located) -> tuple[int, tuple[int, int, int], int, int]:
    return event_key(loc.event, loc.order)


def timeline(spec: Spec) -> list[Located]:
    """Return every event of the spec and its units, ordered by date (undated first), item, then as written."""
    found: list[Located] = []
    for event in spec.history:
        found.append(Located(event, (), None, len(found)))
    stack: list[tuple[Unit, tuple[str, ...]]] = [(b, (b.name,)) for b in reversed(spec.bodies)]
    while stack:
        unit, path = stack.pop()
        for event in unit.history:
            found.append(Located(event, path, unit.id, len(found)))
        stack.extend((u, (*path, u.name)) for u in reversed(unit.units))
    found.sort(key=_key)
    return found
