"""A spec seen as a flat list of nodes, each with a stable key, its parent and its names.

Keys: ``@id`` for a unit with an id; otherwise the parent's key (or nothing,
for a body), a slash and the name, with ``[2]``, ``[3]``, … for a repeated
name among siblings or any other collision. Keys are unique within a spec.

Imports: :mod:`orgspec.model`, :mod:`orgspec.reorg.fold`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from orgspec.model.units import Spec, Unit
from orgspec.reorg.fold import fold

__all__ = ["Node", "Tree", "no_gc", "shell"]


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a diff builds its (large, all live) working data.

    A diff of 100,000 units allocates about a million objects and keeps every one
    of them until it returns; the collector would traverse that growing heap again
    and again and free nothing (half the run time). Reference counting still frees
    what it can; the collector is switched back on (if it was on) at the end.

    Switched back on as it is, the collector's next young-generation pass would
    traverse every object made meanwhile (all still in the youngest generation)
    once more, about 0.08 s for a diff of 100,000 units. So, unless the program
    froze objects of its own, they are moved to the oldest generation first
    (``gc.freeze`` then ``gc.unfreeze``, two list splices): what the diff keeps
    is then looked at by the next full collection, as it would have been anyway.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def shell(unit: Unit) -> Unit:
    """Return the unit without its children."""
    if not unit.units:
        return unit
    return unit.model_copy(update={"units": ()})


@dataclass(slots=True, eq=False)
class Node:
    """One unit of a spec, flattened."""

    key: str
    unit: Unit
    parent: Node | None
    index: int
    children: list[Node] = field(default_factory=list)
    _names: tuple[str, ...] | None = None
    #: The unit it was matched with in the other tree (set by :func:`orgspec.reorg.match.match`): read
    #: as an attribute of a node already at hand, where a look-up by key would miss the cache at 100k units.
    partner: Node | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Return the folded name and plaque names (computed when first asked: matching by id needs none)."""
        if self._names is None:
            self._names = (fold(self.unit.name), *(fold(p.name) for p in self.unit.plaques))
        return self._names

    @property
    def name(self) -> str:
        """Return the unit's name."""
        return self.unit.name


class Tree:
    """A spec's units in document order, indexed by key."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.nodes: list[Node] = []
        self.by_key: dict[str, Node] = {}
        self.roots: list[Node] = []
        #: The units with an id, (id, node), in the order of ``nodes`` (matching by id reads no unit again).
        self.ids: list[tuple[str, Node]] = []
        self._preorder: list[Node] | None = None
        self._add(spec.bodies, None, self.roots)

    def _add(self, units: tuple[Unit, ...], parent: Node | None, into: list[Node]) -> None:
        todo: list[tuple[tuple[Unit, ...], Node | None, list[Node]]] = [(units, parent, into)]
        by_key = self.by_key
        nodes = self.nodes
        ids = self.ids
        while todo:
            group, par, out = todo.pop()
            for i, unit in enumerate(group):
                uid = unit.id
                key = "@" + uid if uid is not None else None  # the common case, without a call
                if key is None or key in by_key:
                    key = self._key(unit, par)
                node = Node(key, unit, par, i, [])
                if uid is not None:
                    ids.append((uid, node))
                by_key[key] = node
                out.append(node)
                nodes.append(node)
                if unit.units:
                    todo.append((unit.units, node, node.children))

    def _key(self, unit: Unit, parent: Node | None) -> str:
        base = f"@{unit.id}" if unit.id is not None else (f"{parent.key}/{unit.name}" if parent else unit.name)
        key, n = base, 1
        while key in self.by_key:
            n += 1
            key = f"{base}[{n}]"
        return key

    def preorder(self) -> list[Node]:
        """Return the nodes parents first, in document order."""
        if self._preorder is not None:
            return self._preorder
        out: list[Node] = []
        append = out.append
        # one iterator per level: a leaf (most units) costs an append and a test
        stack = [iter(self.roots)]
        while stack:
            for node in stack[-1]:
                append(node)
                if node.children:
                    stack.append(iter(node.children))
                    break
            else:
                stack.pop()
        self._preorder = out
        return out
