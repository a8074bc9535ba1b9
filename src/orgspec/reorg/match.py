"""Matching: which unit of the old spec is which unit of the new one.

Identity comes first, in this order, each stage seeing only what earlier
stages left unmatched:

1. pairs the caller already matched (``given``);
2. ids (``@id``);
3. declared history: a ``renamed`` event (renamed-from), or an ``established`` or
   ``reestablished`` event (successor-of), of a new unit whose ``from`` is an old
   unit's name (``declared``);
4. the same folded name under the same (matched) parent, then a folded name
   that is unique on both sides (a move) (``name``);
5. a new unit that carries the old unit's name as a plaque (``plaque``).

Similarity never matches: it only proposes. For the units still unmatched,
pairs of an old and a new unit are scored by the Jaccard index of the
character bigrams of their names and duties; a pair scoring at least
``threshold`` becomes a "possible rename" proposal. At most ``limit`` pairs
are scored (like git's rename limit); when there are more, no pair is scored
and the diff says so.

Imports: :mod:`orgspec.reorg.tree`, :mod:`orgspec.reorg.fold`, :mod:`orgspec.reorg.ops`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from orgspec.model.units import EventKind
from orgspec.reorg.fold import bigrams, fold
from orgspec.reorg.ops import EstablishedBy, Pair, Proposal
from orgspec.reorg.tree import Node, Tree

__all__ = ["DEFAULT_LIMIT", "DEFAULT_THRESHOLD", "Matching", "match"]

#: Most pairs of unmatched units scored for possible renames.
DEFAULT_LIMIT = 250_000
#: Least similarity score for a proposal.
DEFAULT_THRESHOLD = 0.5


@dataclass(slots=True)
class Matching:
    """The result of matching: old key → new key, how each pair was found, and proposals."""

    old_to_new: dict[str, str] = field(default_factory=dict)
    new_to_old: dict[str, str] = field(default_factory=dict)
    how: dict[str, EstablishedBy] = field(default_factory=dict)
    proposals: list[Proposal] = field(default_factory=list)
    limit_hit: bool = False
    candidates: int = 0

    def add(self, old: str, new: str, how: EstablishedBy) -> None:
        """Record that ``old`` and ``new`` are the same unit."""
        self.old_to_new[old] = new
        self.new_to_old[new] = old
        self.how[old] = how


def match(
    old: Tree,
    new: Tree,
    given: Iterable[tuple[str, str]] = (),
    *,
    limit: int = DEFAULT_LIMIT,
    threshold: float = DEFAULT_THRESHOLD,
) -> Matching:
    """Match the units of two trees (see the module docstring for the order of stages)."""
    m = Matching()
    for o, n in given:
        if o in old.by_key and n in new.by_key and o not in m.old_to_new and n not in m.new_to_old:
            m.add(o, n, "given")
    old_ids = {node.unit.id: node for node in old.nodes if node.unit.id is not None}
    for node in new.nodes:
        if node.unit.id is not None and node.key not in m.new_to_old:
            other = old_ids.get(node.unit.id)
            if other is not None and other.key not in m.old_to_new:
                m.add(other.key, node.key, "id")
    _declared(old, new, m)
    _by_name(old, new, m)
    _by_plaque(old, new, m)
    _propose(old, new, m, limit, threshold)
    return m


def _unmatched_old(old: Tree, m: Matching) -> list[Node]:
    return [n for n in old.nodes if n.key not in m.old_to_new]


def _unmatched_new(new: Tree, m: Matching) -> list[Node]:
    return [n for n in new.nodes if n.key not in m.new_to_old]


#: Events that declare identity through their ``from``: a rename (renamed-from), and an
#: establishment or re-establishment "from" a predecessor (successor-of: 在原…基础上组建).
_SUCCESSION = frozenset({EventKind.RENAMED, EventKind.ESTABLISHED, EventKind.REESTABLISHED})


def _declared(old: Tree, new: Tree, m: Matching) -> None:
    by_name: dict[str, list[Node]] = defaultdict(list)
    for node in _unmatched_old(old, m):
        by_name[node.names[0]].append(node)
    for node in _unmatched_new(new, m):
        for event in node.unit.history:
            if event.kind in _SUCCESSION and event.before:
                found = [o for o in by_name.get(fold(event.before), ()) if o.key not in m.old_to_new]
                if len(found) == 1:
                    m.add(found[0].key, node.key, "declared")
                    break


def _parent_key(node: Node, m: Matching | None) -> str:
    if node.parent is None:
        return ""
    if m is None:
        return node.parent.key
    return m.old_to_new.get(node.parent.key, "\x00" + node.parent.key)


def _by_name(old: Tree, new: Tree, m: Matching) -> None:
    # Same folded name under the same parent (parents compared through the matching so far).
    for _ in range(2):  # a second pass sees parents matched by the first
        groups: dict[tuple[str, str], list[Node]] = defaultdict(list)
        for node in _unmatched_old(old, m):
            groups[(_parent_key(node, m), node.names[0])].append(node)
        for node in new.preorder():
            if node.key in m.new_to_old:
                continue
            olds = groups.get((_parent_key(node, None), node.names[0]))
            if olds:
                m.add(olds.pop(0).key, node.key, "name")
    # A folded name unique on both sides: the same unit, moved.
    olds_by: dict[str, list[Node]] = defaultdict(list)
    news_by: dict[str, list[Node]] = defaultdict(list)
    for node in _unmatched_old(old, m):
        olds_by[node.names[0]].append(node)
    for node in _unmatched_new(new, m):
        news_by[node.names[0]].append(node)
    for name, olds in olds_by.items():
        news = news_by.get(name)
        if len(olds) == 1 and news is not None and len(news) == 1:
            m.add(olds[0].key, news[0].key, "name")


def _by_plaque(old: Tree, new: Tree, m: Matching) -> None:
    olds_by: dict[str, list[Node]] = defaultdict(list)
    for node in _unmatched_old(old, m):
        olds_by[node.names[0]].append(node)
    for node in _unmatched_new(new, m):
        for plaque in node.names[1:]:
            olds = [o for o in olds_by.get(plaque, ()) if o.key not in m.old_to_new]
            if len(olds) == 1:
                m.add(olds[0].key, node.key, "plaque")
                break


def _text(node: Node) -> str:
    return node.unit.name + "\n" + "\n".join(d.text for d in node.unit.duties)


def _propose(old: Tree, new: Tree, m: Matching, limit: int, threshold: float) -> None:
    olds = _unmatched_old(old, m)
    news = _unmatched_new(new, m)
    m.candidates = len(olds) * len(news)
    if m.candidates == 0:
        return
    if m.candidates > limit:
        m.limit_hit = True
        return
    new_grams = [(n, bigrams(_text(n))) for n in news]
    for o in olds:
        og = bigrams(_text(o))
        best: tuple[float, Node] | None = None
        for n, ng in new_grams:
            if not og or not ng:
                continue
            score = len(og & ng) / len(og | ng)
            if score >= threshold and (best is None or score > best[0]):
                best = (score, n)
        if best is not None:
            n = best[1]
            m.proposals.append(
                Proposal(
                    old=Pair(old=o.key), new=Pair(new=n.key), old_name=o.name, new_name=n.name, score=round(best[0], 3)
                )
            )
