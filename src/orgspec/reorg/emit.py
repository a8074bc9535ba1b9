"""Emit the operations of a diff from a matching, in an order that applies.

Phases, in list order: (0) reorders that let the inverse diff restore the old
order, (1) establish, parents first, (2) per matched unit: rename, move,
kind, rank, plaques, quotas, posts, other attributes, (3) duty transfers,
(4) per unit: reworded, cancelled, added duties and a duty reorder when the
list still differs, (5) demote and abolish, children first, (6) derived merge,
absorb, split and transfers of quota and posts, (7) reorders to the new sibling order. Each matched unit's
operations are checked by replaying them on its old statements: whatever still
differs becomes an ``attribute-changed``, so ``apply(old, diff) == new``.

Each family of operations is decided in a module of its own, so that a reader finds where 组建
or 划入 is decided: ``emit_structure`` (组建, 不再保留, 保留…牌子, and the derived 合并/并入/分设),
``emit_units`` (更名 and its kin in ``declared``, moves, 类别, 规格, 牌子, 编制, 职数),
``emit_duties`` (划入, 增加, 取消, reworded), ``emit_place`` (positions and reorders);
``emit_base`` holds the state they share. This module runs them in order.

Imports: :mod:`orgspec.reorg.*`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from orgspec.reorg.derived import (
    declared_transfers,
    events_of,
    handed_over,
    interims,
    posts_transfers,
    quota_transfers,
)
from orgspec.reorg.emit_base import _NOT_UNIT_OPS, _sdump
from orgspec.reorg.emit_duties import DutyPhases
from orgspec.reorg.emit_place import Placement
from orgspec.reorg.emit_structure import StructurePhases
from orgspec.reorg.emit_units import UnitPhases
from orgspec.reorg.match import Matching
from orgspec.reorg.ops import (
    AttributeChanged,
    DiffNote,
    Operation,
    Pair,
)
from orgspec.reorg.tree import Node, Tree

__all__ = ["emit"]


class _Emitter(StructurePhases, UnitPhases, DutyPhases, Placement):
    """The phases in the order that applies (see the module docstring)."""

    def run(self) -> list[Operation]:
        self.plan_duties()
        self.plan_duty_order()
        ops: list[Operation] = []
        # one pass in document order: the units to establish, and the matched units that changed or moved
        changed = self.changed
        to_establish: list[Node] = []
        to_update: list[tuple[Node, Node, frozenset[str]]] = []
        self.new_pre_todo = []  # unmatched or changed, parents first
        unchanged: frozenset[str] = frozenset()
        last: tuple[Node | None, Node | None, bool] = (None, None, False)  # siblings share their parents
        for n in self.new.preorder():
            o = n.partner  # the matched old node, without a look-up by key
            if o is None:
                to_establish.append(n)
                self.new_pre_todo.append(n)
                continue
            fields = changed.get(o.key, unchanged) if changed else unchanged
            if fields:
                self.new_pre_todo.append(n)
                if not fields <= _NOT_UNIT_OPS:
                    to_update.append((o, n, fields))
                    continue
            op, np = o.parent, n.parent  # self.moved(o, n), inline, once per pair of parents in a row
            if op is None or np is None:
                moved = op is not np
            elif op is last[0] and np is last[1]:
                moved = last[2]
            else:
                moved = op.partner is not np
                last = (op, np, moved)
            if moved:
                to_update.append((o, n, fields))
        # (1) establish
        ops.extend(self.establish_ops(to_establish))
        # (2) per matched unit
        demoted = self.plan_demotes()
        taken_plaques: dict[str, list[Any]] = defaultdict(list)
        for _, nk, plaque in demoted.values():
            taken_plaques[nk].append(plaque)
        for o, n, fields in to_update:
            ops.extend(self.unit_ops(o, n, fields))
        # (3) transfers; declared when the new spec's function changes state them
        ops.extend(self.transfer_ops())
        # (4) duty ops per unit: units whose duties differ changed (or are new), so are all in new_pre_todo
        duty_ops = self.duty_ops
        if duty_ops.keys() <= {n.key for n in self.new_pre_todo}:
            for n in self.new_pre_todo:
                ops.extend(duty_ops.get(n.key, ()))
        else:  # pragma: no cover - kept in case a phase ever plans duties of an unchanged unit
            for n in self.new.preorder():
                ops.extend(duty_ops.get(n.key, ()))
        # (5) demote and abolish, children first
        ops.extend(self.abolish_ops(demoted))
        # (6) derived
        ops.extend(self.derived())
        ops.extend(quota_transfers(ops))
        ops.extend(posts_transfers(ops))
        events = events_of(self.new.spec)  # the new spec's events, read once for both
        ops.extend(declared_transfers(self.old.spec, self.new.spec, ops, events=events))
        ops.extend(interims(self.old.spec, self.new.spec, ops, events=events))
        ops.extend(handed_over(self.old.spec, self.new.spec, ops, events=events))
        for field in ("history", "notes"):  # the spec's own statements
            a_v, b_v = getattr(self.old.spec, field), getattr(self.new.spec, field)
            if a_v != b_v:
                ops.append(
                    AttributeChanged(
                        unit=Pair(),
                        name="(spec)",
                        field=field,
                        before=_sdump(self.old.spec, field),
                        after=_sdump(self.new.spec, field),
                    )
                )
        placed, post = self.place(ops)  # (7) positions and reorders
        return self.duty_pre + placed + post


def emit(old: Tree, new: Tree, m: Matching) -> tuple[list[Operation], list[DiffNote]]:
    """Return the operations turning ``old`` into ``new`` under matching ``m``, and notes."""
    e = _Emitter(old, new, m)
    ops = e.run()
    return ops, e.notes
