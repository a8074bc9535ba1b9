"""What every check receives, and the helper that turns a finding into a located diagnostic.

Imports: :mod:`orgspec.lowering`, :mod:`orgspec.diagnostics`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterable, Iterator

import attrs

from orgspec.checks.selection import Selection
from orgspec.diagnostics import Diagnostic, Related
from orgspec.lowering import Index, SourceMap
from orgspec.model.units import Event, EventKind, Spec, Unit
from orgspec.model.values import UnitKind
from orgspec.source import SourceText

__all__ = ["EXCESS_HINT", "HEADED_KINDS", "KEEP_FIGURES_HINT", "Context", "abolished"]

#: The hint of a figure the document states twice and that disagrees with itself (OS317, OS301 over bodies).
KEEP_FIGURES_HINT = "keep the document's figures; if the document itself disagrees, say so in a comment"
#: The hint of staff or posts filled above what is authorised (超编, 超职数: OS311, OS312).
EXCESS_HINT = (
    "a reviewer asks for the excess to be reduced as posts fall vacant; keep both figures as the document gives them"
)

#: Units whose heads are counted as chief posts of a "for-sections" group.
HEADED_KINDS = frozenset({UnitKind.SECTION, UnitKind.OFFICE, UnitKind.DISCIPLINE_UNIT})


#: Events that end or begin a unit's life: True when it is gone after them.
_LIFE = {
    EventKind.ESTABLISHED: False,
    EventKind.REESTABLISHED: False,
    EventKind.ABOLISHED: True,
    EventKind.MERGED: True,  # only with ``unit``: the unit named was merged into another (并入)
}


def abolished(spec: Spec, index: Index) -> frozenset[str]:
    """Return the paths of the units that no longer stand after their history (撤销, 并入).

    A unit is kept in the tree with its history even when the document says it was
    abolished (a 生产办公室 of 1971-1983 beside the sections of 1988), but it is not counted
    as a section today. Its life is told by its own ``established``, ``reestablished`` and
    ``abolished`` events (not those naming another unit or a plaque), and by the events of
    other units and of the spec that name it with ``unit`` (``abolished { unit @x }`` in its
    body's history, ``merged { unit @x }`` in the unit it was merged into). The last of them
    decides: in date order (the events of one date by their ``item``), an undated event taking the
    place of the event before it in its own history.
    """
    lives: dict[str, list[tuple[tuple[int, int, int], int, int, bool]]] = {}
    seq = iter(range(1 << 62))

    def note(owner: str | None, events: Iterable[Event]) -> None:
        key = (0, 0, 0)
        for event in events:
            when = event.when()
            key = when.sort_key() if when is not None else key
            gone = _LIFE.get(event.kind)
            if gone is None or event.plaque is not None:
                continue
            if event.target is not None:
                path = index.lookup(event.target)
            else:
                path = owner if event.kind is not EventKind.MERGED else None
            if path is not None:
                lives.setdefault(path, []).append((key, event.item_order(), next(seq), gone))

    for path, unit in index.units.items():
        note(path, unit.history)
    note(None, spec.history)
    return frozenset(path for path, events in lives.items() if max(events)[3])


@attrs.frozen(slots=True)
class Context:
    """A built spec with its source map and index."""

    spec: Spec
    source_map: SourceMap
    index: Index
    source: SourceText
    _selection: list[Selection] = attrs.field(factory=list, init=False, repr=False, eq=False)
    _gone: list[frozenset[str]] = attrs.field(factory=list, init=False, repr=False, eq=False)

    def diag(
        self,
        code: str,
        message: str,
        path: str,
        *,
        hint: str | None = None,
        related: Iterable[tuple[str, str]] = (),
        fallback: str | None = None,
    ) -> Diagnostic:
        """Return a diagnostic at the span of ``path`` with related ``(message, path)`` pairs."""
        rel = tuple(Related(m, self.source_map.get(p), self.source) for m, p in related)
        return Diagnostic(code, message, self.source_map.get(path, fallback), self.source, hint=hint, related=rel)

    def units(self) -> ItemsView[str, Unit]:
        """Return ``(path, unit)`` for every unit in document order."""
        return self.index.units.items()

    @property
    def selected(self) -> Selection:
        """Return the units each check looks at (sorted out on first use, then kept)."""
        if not self._selection:
            self._selection.append(Selection(self.index.units.items()))
        return self._selection[0]

    @property
    def gone(self) -> frozenset[str]:
        """Return the paths of the units abolished in their history (:func:`abolished`), found on first use."""
        if not self._gone:
            self._gone.append(abolished(self.spec, self.index))
        return self._gone[0]

    def key(self, path: str) -> str:
        """Return the normalised name of the unit at ``path`` (see :func:`orgspec.model.names.normalize`)."""
        return self.index.keys[path][0]

    def count_below(self, path: str, *kinds: UnitKind) -> int:
        """Return how many units strictly below ``path`` are of one of ``kinds`` (without their paths)."""
        below = self.index.units[path].walk()
        next(below)  # the unit itself
        return sum(1 for unit in below if unit.kind in kinds)

    def descendants(self, path: str) -> Iterator[tuple[str, Unit]]:
        """Yield ``(path, unit)`` for every unit strictly below ``path``."""
        unit = self.index.units[path]
        stack = [(f"{path}/units/{i}", u) for i, u in reversed(list(enumerate(unit.units)))]
        while stack:
            p, u = stack.pop()
            yield p, u
            stack.extend((f"{p}/units/{i}", c) for i, c in reversed(list(enumerate(u.units))))
