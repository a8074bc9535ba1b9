"""Positions: where each established, moved or abolished unit goes, and the reorders still needed.

Imports: :mod:`orgspec.reorg.*`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from orgspec.reorg.emit_base import EmitterBase, _Ident
from orgspec.reorg.ops import (
    Abolish,
    Demote,
    Establish,
    Move,
    Operation,
    Pair,
    Reorder,
)
from orgspec.reorg.tree import Node

__all__ = ["Placement"]


class Placement(EmitterBase):
    """Positions: where each established, moved or abolished unit goes, and the reorders still needed."""

    def place(self, ops: list[Operation]) -> tuple[list[Operation], list[Operation]]:
        """Give every establish, move and abolish its position, and return the reorders still needed.

        Positions are simulated on the lists of children: a unit is inserted right after
        the last unit already there that comes before it in the new order, so that only a
        real change in the order of units that stay needs a ``reorder``. Removals record
        where the unit was, so the inverse puts it back exactly there.
        """
        m = self.m
        root: _Ident = ("", "")

        def ident_new(n: Node | None) -> _Ident:
            if n is None:
                return root
            o = n.partner
            return o.key if o is not None else ("n", n.key)

        def ident(p: Pair | None) -> _Ident:
            if p is None or (p.old is None and p.new is None):
                return root
            return p.old if p.old is not None else ("n", p.new or "")

        dest: dict[_Ident, tuple[_Ident, int]] = {}
        for parent, children in [(None, self.new.roots), *((n, n.children) for n in self.new.nodes if n.children)]:
            pid = ident_new(parent)
            for i, c in enumerate(children):
                o = c.partner  # ident_new(c), inline
                dest[o.key if o is not None else ("n", c.key)] = (pid, i)
        kids: dict[_Ident, list[_Ident]] = {root: [r.key for r in self.old.roots]}
        for o in self.old.nodes:
            if o.children:
                kids[o.key] = [c.key for c in o.children]

        # For each parent, the children that stay under it in the new tree, in their current
        # order: the only ones insert_at compares with. Searching them from the end, and the
        # whole list only from where the one found can be, keeps placing n units under one
        # parent from taking n * n steps (a parent that gains thousands, or loses them, or has
        # all its children replaced).
        staying: dict[_Ident, list[_Ident]] = {}

        def stays(pid: _Ident) -> list[_Ident]:
            got = staying.get(pid)
            if got is None:
                got = staying[pid] = [c for c in kids.get(pid, ()) if (d := dest.get(c)) is not None and d[0] == pid]
            return got

        def insert_at(pid: _Ident, me: _Ident) -> int:
            lst = kids.setdefault(pid, [])
            here = stays(pid)
            mine = dest[me][1]
            # right after the last unit already there that comes before it in the new order
            at = pos = 0
            for j in range(len(here) - 1, -1, -1):
                if dest[here[j]][1] < mine:
                    at, pos = lst.index(here[j], j) + 1, j + 1  # it is at j or after
                    break
            lst.insert(at, me)
            if dest[me][0] == pid:
                here.insert(pos, me)
            return at

        last_removed: dict[_Ident, int] = {}

        def remove(pid: _Ident, me: _Ident) -> int:
            lst = kids[pid]
            # units removed in a row are often at one place, or each just before the last
            hint = last_removed.get(pid, -1)
            at = next((i for i in (hint, hint - 1) if 0 <= i < len(lst) and lst[i] == me), -1)
            if at < 0:
                at = lst.index(me)
            last_removed[pid] = at
            del lst[at]
            here = staying.get(pid)
            d = dest.get(me)
            if here is not None and d is not None and d[0] == pid:
                here.remove(me)
            return at

        # The operations were made here and are not shared yet: their positions are filled in
        # place (a model_copy of each would cost more than the rest of the diff).
        for op in ops:
            if isinstance(op, Establish):
                op.__dict__["index"] = insert_at(ident(op.parent), ident(op.unit))
            elif isinstance(op, Abolish | Demote):
                op.__dict__["index"] = remove(ident(op.parent), ident(op.unit))
            elif isinstance(op, Move) and op.parent_before != op.parent_after:
                me = ident(op.unit)
                op.__dict__["index_before"] = remove(ident(op.parent_before), me)
                op.__dict__["index_after"] = insert_at(ident(op.parent_after), me)
        out = ops

        def pair(x: _Ident) -> Pair:
            if isinstance(x, str):
                return Pair(old=x, new=m.old_to_new.get(x))
            return Pair(new=x[1])

        post: list[Operation] = []
        for parent, children in [(None, self.new.roots), *((n, n.children) for n in self.new.preorder() if n.children)]:
            pid = ident_new(parent)
            wanted = [o.key if (o := c.partner) is not None else ("n", c.key) for c in children]
            have = kids.get(pid, [])
            if have != wanted:
                post.append(
                    Reorder(
                        unit=self.pair_new(parent) if parent is not None else Pair(),
                        name=parent.name if parent is not None else "(spec)",
                        established_by=self.how(self.old.by_key[pid]) if isinstance(pid, str) else "new",
                        before=tuple(pair(x) for x in have),
                        after=tuple(pair(x) for x in wanted),
                    )
                )
        return out, post
