"""What every check receives, and the helper that turns a finding into a located diagnostic.

Imports: :mod:`orgspec.lowering`, :mod:`orgspec.diagnostics`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterable, Iterator

import attrs

from orgspec.checks.selection import Selection
from orgspec.diagnostics import Diagnostic, Related
from orgspec.lowering import Index, SourceMap
from orgspec.model.units import EventKind, Spec, Unit
from orgspec.model.values import UnitKind
from orgspec.source import SourceText

__all__ = ["HEADED_KINDS", "Context", "abolished"]

#: Units whose heads are counted as chief posts of a "for-sections" group.
HEADED_KINDS = frozenset({UnitKind.SECTION, UnitKind.OFFICE, UnitKind.DISCIPLINE_UNIT})


_OWN_LIFE = {EventKind.ESTABLISHED: False, EventKind.REESTABLISHED: False, EventKind.ABOLISHED: True}


def abolished(unit: Unit) -> bool:
    """Return True when the unit's own history ends in its abolition (a 生产办公室 abolished in 1983).

    Only the unit's own ``established``, ``reestablished`` and ``abolished`` events count (not
    one naming another unit or a plaque), the last in document order deciding: such a unit is
    kept in the tree with its history, but no longer stands and is not counted as a section today.
    """
    gone = False
    for event in unit.history:
        if event.kind in _OWN_LIFE and event.target is None and event.plaque is None:
            gone = _OWN_LIFE[event.kind]
    return gone


@attrs.frozen(slots=True)
class Context:
    """A built spec with its source map and index."""

    spec: Spec
    source_map: SourceMap
    index: Index
    source: SourceText
    _selection: list[Selection] = attrs.field(factory=list, init=False, repr=False, eq=False)

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
