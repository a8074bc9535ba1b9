"""Stable ids for every unit of a spec, shared by all exports.

A unit with an explicit id (``section renshi "…"``) keeps it. A unit without
one gets a path-based id: its parent's id followed by ``/units/<index>``
(``zj_fao/units/3``); a body without an id gets ``bodies/<index>``. Indexes
count the parent's nested units in document order, so an id changes only when
units are inserted before it or its parent's id changes.

Imports: :mod:`orgspec.model`, :mod:`orgspec.lowering.resolve` (the index).
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from orgspec.lowering.resolve import Index
from orgspec.model.units import Event, Spec, Unit
from orgspec.model.values import Ref

__all__ = ["Entry", "UnitIds"]


@attrs.frozen(slots=True)
class Entry:
    """One unit with its model path, stable id, parent's id and depth (a body is 0)."""

    path: str
    id: str
    unit: Unit
    parent_id: str | None
    depth: int


class UnitIds:
    """Every unit of a spec with its stable id, in document order (depth first)."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.index = Index(spec)
        self.entries: list[Entry] = []
        self.by_path: dict[str, Entry] = {}
        for i, body in enumerate(spec.bodies):
            self._add(f"/bodies/{i}", body, body.id or f"bodies/{i}", None, 0)

    def _add(self, path: str, unit: Unit, uid: str, parent: str | None, depth: int) -> None:
        stack = [(path, unit, uid, parent, depth)]
        while stack:
            path, unit, uid, parent, depth = stack.pop()
            entry = Entry(path, uid, unit, parent, depth)
            self.entries.append(entry)
            self.by_path[path] = entry
            children = [
                (f"{path}/units/{i}", child, child.id or f"{uid}/units/{i}", uid, depth + 1)
                for i, child in enumerate(unit.units)
            ]
            stack.extend(reversed(children))

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def resolve(self, ref: Ref | None) -> Entry | None:
        """Return the entry a reference names inside the spec, or None (external or unresolved)."""
        if ref is None or ref.by == "external":
            return None
        path = self.index.lookup(ref)
        return None if path is None else self.by_path.get(path)

    def events(self, entry: Entry) -> list[Event]:
        """Return the events about a unit: its own history, then spec-level events whose ``unit`` names it."""
        own = list(entry.unit.history)
        own += [e for e in self.spec.history if (found := self.resolve(e.target)) is not None and found is entry]
        return own

    def ref_id(self, ref: Ref | None) -> str | None:
        """Return the stable id a reference names inside the spec, or None."""
        entry = self.resolve(ref)
        return None if entry is None else entry.id
