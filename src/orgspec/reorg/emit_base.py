"""The shared state of the diff's emitter: matched trees, what changed, and the helpers every phase uses.

:class:`EmitterBase` holds what the phases share (declared here, so that each phase's module can
be read and type-checked alone); the phases are mixins in ``emit_structure`` (组建, 不再保留),
``emit_units`` (更名, 类别, 规格, 牌子, 编制, 职数 of a unit that stays), ``emit_duties`` (划入, 增加,
取消 of duties) and ``emit_place`` (positions and reorders), put together by :mod:`orgspec.reorg.emit`.

Imports: :mod:`orgspec.reorg.*`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from orgspec.model.units import Duty, Event, Spec, Unit
from orgspec.reorg.declared import split_outside
from orgspec.reorg.fold import bigrams, fold
from orgspec.reorg.match import Matching
from orgspec.reorg.ops import (
    DiffNote,
    Operation,
    Pair,
)
from orgspec.reorg.tree import Node, Tree

__all__ = ["EmitterBase"]

#: A unit while positions are simulated: its old key (a plain string: most units, hashed once) for
#: a unit of the old spec, ("n", new key) for a new one, ("", "") for the spec itself.
_Ident = str | tuple[str, str]


_SHELL_FIELDS = tuple(f for f in Unit.model_fields if f != "units")


def _same_shell(a: Unit, b: Unit) -> bool:
    """Return True when two units state the same, children apart."""
    if not a.units and not b.units:
        return a.__dict__ == b.__dict__
    # the fields but the children, compared in C: two copies of 29 slots cost less than 28 getattr calls
    return {**a.__dict__, "units": ()} == {**b.__dict__, "units": ()}


def _differing(a: Unit, b: Unit) -> frozenset[str]:
    """Return the fields, children apart, in which two units differ."""
    da, db = a.__dict__, b.__dict__
    return frozenset([f for f in _SHELL_FIELDS if da[f] is not db[f] and da[f] != db[f]])


#: The fields whose changes are not operations of the unit itself (duties have phases of their own).
_NOT_UNIT_OPS = frozenset({"duties"})


_SPECIFIC = ("name", "units", "superior", "plaques", "duties", "quotas", "posts", "kind", "kind_label", "rank")


_OTHER = tuple(f for f in Unit.model_fields if f not in _SPECIFIC)


#: Least bigram similarity for two duties with the same number to count as one reworded duty.
REWORD_THRESHOLD = 0.3


def _similar(a: str, b: str) -> float:
    ga, gb = bigrams(a), bigrams(b)
    if not ga or not gb:
        return 1.0 if fold(a) == fold(b) else 0.0
    return len(ga & gb) / len(ga | gb)


def _multiset_minus(a: tuple[Any, ...], b: tuple[Any, ...]) -> list[Any]:
    rest = Counter(b)
    out = []
    for x in a:
        if rest[x] > 0:
            rest[x] -= 1
        else:
            out.append(x)
    return out


def _dump(unit: Unit, field: str) -> Any:
    return unit.model_dump(mode="json", include={field})[field]


def _sdump(spec: Spec, field: str) -> Any:
    return spec.model_dump(mode="json", include={field})[field]


def _jv(field: str, value: Any) -> Any:
    return _dump(Unit(name="-").model_copy(update={field: value}), field)


class EmitterBase:
    """The state the phases of the emitter share."""

    old: Tree
    new: Tree
    m: Matching
    notes: list[DiffNote]
    #: The new spec's stated splits into successors it may not hold (分设), by the folded name split.
    outside: dict[str, list[Event]]
    changed: dict[str, frozenset[str]]
    old_todo: list[Node]
    new_todo: list[Node]
    new_left: list[Node]
    new_pre_todo: list[Node]
    out_rest: dict[str, list[Duty]]
    in_rest: dict[str, list[Duty]]
    reworded: defaultdict[str, list[tuple[Duty, Duty]]]
    transfers: list[tuple[str, str, Duty, Duty]]
    moved_out: defaultdict[str, list[Duty]]
    moved_in: defaultdict[str, list[Duty]]
    duty_pre: list[Operation]
    duty_ops: dict[str, list[Operation]]
    snap_new: dict[str, tuple[Duty, ...]]
    snap_old: dict[str, tuple[Duty, ...]]
    _pairs: dict[tuple[str, str], Pair]
    _folded: dict[str, str]

    def __init__(self, old: Tree, new: Tree, m: Matching) -> None:
        self.old, self.new, self.m = old, new, m
        self.notes = []
        self.outside = split_outside(new.spec)
        self._pairs = {}
        self._folded = {}
        self.scan()

    def fold_text(self, d: Duty) -> str:
        """Return the folded text of a duty (kept: the texts of the duties that moved are folded again and again)."""
        text = d.text
        got = self._folded.get(text)
        if got is None:
            got = self._folded[text] = fold(text)
        return got

    def scan(self) -> None:
        """Look at every matched pair's units once: most are unchanged, and later phases pass them by key.

        ``changed``: the old keys of matched units whose statements differ, children apart, and
        the fields that differ;
        ``old_todo``: the old units unmatched or changed, in the order of ``old.nodes``;
        ``new_todo``: the new units unmatched or changed, and ``new_left``: the new units
        unmatched, both in the order of ``new.nodes``.
        """
        # each node's partner, not a look-up by key: the node is at hand, the dictionaries are not
        self.changed = changed = {}
        self.old_todo = old_todo = []
        for o in self.old.nodes:
            p = o.partner
            if p is not None:
                a, b = o.unit, p.unit
                if a is b or _same_shell(a, b):
                    continue
                changed[o.key] = _differing(a, b)
            old_todo.append(o)
        self.new_todo = new_todo = []
        self.new_left = new_left = []
        for n in self.new.nodes:
            p = n.partner
            if p is None:
                new_left.append(n)
                new_todo.append(n)
            elif changed and p.key in changed:
                new_todo.append(n)

    def pair_old(self, node: Node | None) -> Pair | None:
        """Return the keys of an old unit on both sides (made once per unit)."""
        if node is None:
            return None
        pair = self._pairs.get(("o", node.key))
        if pair is None:
            pair = self._pairs[("o", node.key)] = Pair(old=node.key, new=self.m.old_to_new.get(node.key))
        return pair

    def pair_new(self, node: Node | None) -> Pair | None:
        """Return the keys of a new unit on both sides (made once per unit)."""
        if node is None:
            return None
        pair = self._pairs.get(("n", node.key))
        if pair is None:
            pair = self._pairs[("n", node.key)] = Pair(old=self.m.new_to_old.get(node.key), new=node.key)
        return pair

    def how(self, o: Node) -> Any:
        """Return how an old unit was matched (``id`` when it was not recorded)."""
        return self.m.how.get(o.key, "id")

    def moved(self, o: Node, n: Node) -> bool:
        """Return True when a matched unit's parent is not the match of its old parent."""
        if o.parent is None or n.parent is None:
            return o.parent is not n.parent
        return self.m.old_to_new.get(o.parent.key) != n.parent.key
