"""Matching: which unit of the old spec is which unit of the new one.

Identity comes first, in this order, each stage seeing only what earlier
stages left unmatched:

1. pairs the caller already matched (``given``);
2. ids (``@id``);
3. declared history: a ``renamed`` event (renamed-from), or an ``established`` or
   ``reestablished`` event (successor-of), of a new unit whose ``from`` is an old
   unit's name (``declared``);
4. the same folded name under the same (matched) parent, then a folded name
   that is unique on both sides (a move) (``name``).

A plaque never declares identity: a new unit that carries a gone unit's name as a plaque is a
new unit (组建…, 加挂/对外保留…牌子), and the gone unit is demoted to that plaque (see
:mod:`orgspec.reorg.emit`), as reform texts state it.

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
    """Match the units of two trees (see the module docstring for the order of stages).

    Each matched node's ``partner`` is set to its match: match two fresh trees once (as
    :func:`orgspec.reorg.diff` does), since the partners are not cleared first.
    """
    m = Matching()
    for o, n in given:
        if o in old.by_key and n in new.by_key and o not in m.old_to_new and n not in m.new_to_old:
            _add(m, old.by_key[o], new.by_key[n], "given")
    old_ids = dict(old.ids)  # of units sharing an id, the last in the order of nodes
    old_to_new, new_to_old, how = m.old_to_new, m.new_to_old, m.how
    for uid, node in new.ids:
        other = old_ids.get(uid)
        if other is not None and node.partner is None and other.partner is None:
            ok, nk = other.key, node.key
            old_to_new[ok] = nk
            new_to_old[nk] = ok
            how[ok] = "id"
            other.partner, node.partner = node, other
    # The units still unmatched, in document order; each stage filters what the last one left.
    left = _Left([n for n in old.nodes if n.partner is None], [n for n in new.nodes if n.partner is None], m)
    _declared(left, m)
    _by_name(new, left, m)
    _propose(left, m, limit, threshold)
    return m


def _add(m: Matching, o: Node, n: Node, how: EstablishedBy) -> None:
    """Record that nodes ``o`` and ``n`` are the same unit, in ``m`` and on the nodes."""
    m.add(o.key, n.key, how)
    o.partner, n.partner = n, o


class _Left:
    """The old and new units not matched yet: each list is filtered again only when asked after a match."""

    __slots__ = ("_m", "_matched", "_new", "_old")

    def __init__(self, old: list[Node], new: list[Node], m: Matching) -> None:
        self._old, self._new, self._m = old, new, m
        self._matched = len(m.old_to_new)

    def _refresh(self) -> None:
        if len(self._m.old_to_new) != self._matched:
            self._old = [n for n in self._old if n.partner is None]
            self._new = [n for n in self._new if n.partner is None]
            self._matched = len(self._m.old_to_new)

    def old(self) -> list[Node]:
        """Return the old units not matched yet, in document order."""
        self._refresh()
        return self._old

    def new(self) -> list[Node]:
        """Return the new units not matched yet, in document order."""
        self._refresh()
        return self._new


#: Events that declare identity through their ``from``: a rename (renamed-from), and an
#: establishment or re-establishment "from" a predecessor (successor-of: 在原…基础上组建).
_SUCCESSION = frozenset({EventKind.RENAMED, EventKind.ESTABLISHED, EventKind.REESTABLISHED})


def _declared(left: _Left, m: Matching) -> None:
    by_name: dict[str, list[Node]] = defaultdict(list)
    for node in left.old():
        by_name[node.names[0]].append(node)
    for node in left.new():
        for event in node.unit.history:
            if event.kind in _SUCCESSION and event.before:
                found = [o for o in by_name.get(fold(event.before), ()) if o.partner is None]
                if len(found) == 1:
                    _add(m, found[0], node, "declared")
                    break


def _parent_key(node: Node, m: Matching | None) -> str:
    if node.parent is None:
        return ""
    if m is None:
        return node.parent.key
    partner = node.parent.partner  # the matching so far, on the node
    return partner.key if partner is not None else "\x00" + node.parent.key


def _by_name(new: Tree, left: _Left, m: Matching) -> None:
    # Same folded name under the same parent (parents compared through the matching so far).
    # the unmatched new units in preorder (a pass matches only the unit it is at)
    todo = [n for n in new.preorder() if n.partner is None] if left.new() else []
    # Each pass sees the parents matched by the one before, one level deeper each time: passes go
    # on until one matches nothing (a unit three levels down needs three).
    added = True
    while added:
        added = False
        groups: dict[tuple[str, str], list[Node]] = defaultdict(list)
        for node in left.old():
            groups[(_parent_key(node, m), node.names[0])].append(node)
        for node in todo:
            if node.partner is not None:
                continue
            olds = groups.get((_parent_key(node, None), node.names[0]))
            if olds:
                _add(m, olds.pop(0), node, "name")
                added = True
    # A folded name unique on both sides: the same unit, moved.
    olds_by: dict[str, list[Node]] = defaultdict(list)
    news_by: dict[str, list[Node]] = defaultdict(list)
    for node in left.old():
        olds_by[node.names[0]].append(node)
    for node in left.new():
        news_by[node.names[0]].append(node)
    for name, olds in olds_by.items():
        news = news_by.get(name)
        if len(olds) == 1 and news is not None and len(news) == 1:
            _add(m, olds[0], news[0], "name")


def _text(node: Node) -> str:
    return node.unit.name + "\n" + "\n".join(d.text for d in node.unit.duties)


def _propose(left: _Left, m: Matching, limit: int, threshold: float) -> None:
    olds = left.old()
    news = left.new()
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
