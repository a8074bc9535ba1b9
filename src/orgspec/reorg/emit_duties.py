"""Duties in a diff: transferred (将…职责划入…), reworded or renumbered, added (增加) and cancelled (取消).

Imports: :mod:`orgspec.reorg.*`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from orgspec.model.units import Duty, EventKind, FunctionChange, Unit
from orgspec.model.values import Basis
from orgspec.reorg.declared import SUCCESSION, establish_basis, event_basis, event_verb, new_events
from orgspec.reorg.emit_base import REWORD_THRESHOLD, EmitterBase, _multiset_minus, _similar
from orgspec.reorg.fold import fold
from orgspec.reorg.ops import (
    DiffNote,
    DutiesReordered,
    DutyAdded,
    DutyCancelled,
    DutyReworded,
    DutyTransferred,
    Operation,
    Pair,
)
from orgspec.reorg.steps import Step, bracket, remove_all, run_duties
from orgspec.reorg.tree import Node

__all__ = ["DutyPhases"]


def _stated(changes: tuple[FunctionChange, ...], basis: tuple[Basis, ...]) -> dict[tuple[str, str], tuple[Basis, ...]]:
    """Return the basis of each cancelled or added function a unit states, by kind and folded text.

    A function change written without a basis of its own is stated by the unit's own document
    (the 三定 whose 职能转变 lists it), so it carries the unit's basis.
    """
    return {(c.kind.value, fold(c.text).rstrip("。")): c.basis or basis for c in changes}


def _outside(old: Unit | None, new: Unit) -> dict[tuple[str, str], tuple[str, tuple[Basis, ...], str | None]]:
    """Return, by way (``out``/``in``) and folded duty text, the other body a unit's duty went to or came from.

    Each with the basis and the verb (交由, 划转) of the statement that says so.

    Stated by a function change of the new unit (``transferred-out … to "X"``, ``transferred-in …
    from "X"``) or by a ``duties-transferred`` event its new history gains (``to``/``from`` X, with
    the duties listed). Used for the duties that moved to or from no unit of the new spec: a body
    outside it (划出 to X rather than 取消).
    """
    out: dict[tuple[str, str], tuple[str, tuple[Basis, ...], str | None]] = {}
    for c in new.function_changes:
        if c.counterpart is not None and c.kind.value in ("transferred-out", "transferred-in"):
            way = "out" if c.kind.value == "transferred-out" else "in"
            out.setdefault((way, fold(c.text).rstrip("。")), (c.counterpart.target, c.basis or new.basis, c.verb))
    for e in new_events(old, new):
        if e.kind is EventKind.DUTIES_TRANSFERRED and (e.after or e.before):
            way, other = ("out", e.after) if e.after else ("in", e.before)
            assert other is not None
            for t in e.duties:
                out.setdefault((way, fold(t).rstrip("。")), (other, e.basis, e.verb))
    return out


def _owner_basis(change: FunctionChange, target: Node, source: Node | None) -> tuple[Basis, ...]:
    owner = target if change.kind.value == "transferred-in" or source is None else source
    return owner.unit.basis


class DutyPhases(EmitterBase):
    """Duties in a diff: transferred (将…职责划入…), reworded or renumbered, added (增加) and cancelled (取消)."""

    def plan_duties(self) -> None:
        """Decide reworded, transferred, cancelled and added duties for every unit."""
        m = self.m
        old_to_new, new_by_key = m.old_to_new, self.new.by_key
        self.out_rest = {}  # old key -> duties not kept in place
        self.in_rest = {}  # new key -> duties not kept in place
        self.reworded = defaultdict(list)
        out_rest, in_rest = self.out_rest, self.in_rest
        for o in self.old_todo:  # the others have their old duties
            a_d = o.unit.duties
            nk = old_to_new.get(o.key)
            if nk is None:
                if a_d:
                    out_rest[o.key] = list(a_d)
                continue
            b_d = new_by_key[nk].unit.duties
            if a_d == b_d:
                continue
            gone = _multiset_minus(a_d, b_d)
            came = _multiset_minus(b_d, a_d)
            gone = self.pair_duties(o.key, gone, came, self.fold_text, None)
            if gone:
                out_rest[o.key] = gone
            if came:
                in_rest[nk] = came
        for n in self.new_left:
            if n.unit.duties:
                in_rest[n.key] = list(n.unit.duties)
        # transfers: the same folded text leaving one unit and arriving in another
        arriving: dict[str, list[tuple[str, Duty]]] = defaultdict(list)
        for nk, ds in in_rest.items():
            for d in ds:
                arriving[self.fold_text(d)].append((nk, d))
        self.transfers = []  # old key, new key, before, after
        # out_rest's keys are in the order of old.nodes (and stay: only their lists change here)
        for ok, leaving in list(out_rest.items()) if arriving else ():
            for d in list(leaving):
                cands = arriving.get(self.fold_text(d))
                if not cands or not d.text.strip():
                    continue
                own = old_to_new.get(ok)
                pick = next((c for c in cands if c[0] != own), None)
                if pick is None:
                    continue
                cands.remove(pick)
                leaving.remove(d)
                in_rest[pick[0]].remove(pick[1])
                self.transfers.append((ok, pick[0], d, pick[1]))
        for ok, gone in list(self.out_rest.items()):
            nk = m.old_to_new.get(ok)
            if nk is None or nk not in self.in_rest:
                continue
            came = self.in_rest[nk]
            self.out_rest[ok] = self.pair_duties(ok, gone, came, lambda d: d.number, REWORD_THRESHOLD)
            if not self.out_rest[ok]:
                del self.out_rest[ok]
            if not came:
                del self.in_rest[nk]
        self.moved_out = defaultdict(list)
        self.moved_in = defaultdict(list)
        for ok, nk, before, after in self.transfers:
            self.moved_out[ok].append(before)
            self.moved_in[nk].append(after)

    def pair_duties(self, ok: str, gone: list[Duty], came: list[Duty], key: Any, least: float | None) -> list[Duty]:
        """Pair gone and came duties with the same key as rewordings; return the gone ones left.

        ``came`` loses the paired duties in place. With ``least``, a pair also needs
        that much bigram similarity of its texts.
        """
        index: dict[Any, list[Duty]] = defaultdict(list)
        for d in came:
            k = key(d)
            if k is not None:
                index[k].append(d)
        still: list[Duty] = []
        for d in gone:
            k = key(d)
            cands = index.get(k) if k is not None else None
            if cands and (least is None or _similar(d.text, cands[0].text) >= least):
                after = cands.pop(0)
                came.remove(after)
                self.reworded[ok].append((d, after))
            else:
                still.append(d)
        return still

    def plan_duty_order(self) -> None:
        """Per unit: the duty operations, the reorders around them, and establish/abolish snapshots."""
        m = self.m
        self.duty_pre = []
        self.duty_ops = {}
        self.snap_new = {}
        self.snap_old = {}
        by_old: dict[str, list[tuple[int, Step]]] = defaultdict(list)
        by_new: dict[str, list[tuple[int, Step]]] = defaultdict(list)
        for i, (src, dst, before, after) in enumerate(self.transfers):
            by_old[src].append((i, ("rm", before, None)))
            by_new[dst].append((i, ("add", None, after)))
        touched = set(by_old) | {m.new_to_old[k] for k in by_new if k in m.new_to_old} | set(self.reworded)
        touched |= set(self.out_rest) | {m.new_to_old[k] for k in self.in_rest if k in m.new_to_old}
        # a list only put in another order loses and gains nothing, but still needs its duties-reordered
        touched |= {k for k, fields in self.changed.items() if "duties" in fields}
        for o in self.old.preorder():  # document order, so the output is stable
            if o.key not in touched:
                continue
            ok = o.key
            nk = m.old_to_new.get(ok)
            a_d = o.unit.duties
            seq: list[Any]
            if nk is None:
                seq = [step for _, step in by_old.get(ok, ())]
                pre, post = bracket("duties", a_d, None, seq) or (a_d, run_duties(a_d, seq))
                self.snap_old[ok] = post
            else:
                n = self.new.by_key[nk]
                base: dict[str, Any] = {"unit": Pair(old=ok, new=nk), "name": n.name, "established_by": self.how(o)}
                real: list[Operation] = [DutyReworded(**base, before=x, after=y) for x, y in self.reworded.get(ok, ())]
                stated = _stated(n.unit.function_changes, n.unit.basis)
                outside = _outside(o.unit, n.unit)
                for d in self.out_rest.get(ok, ()):
                    key = fold(d.text).rstrip("。")
                    other, basis, verb = outside.get(("out", key), (None, stated.get(("cancelled", key), ()), None))
                    real.append(DutyCancelled(**{**base, "basis": basis}, before=d, counterpart=other, verb=verb))
                for d in self.in_rest.get(nk, ()):
                    key = fold(d.text).rstrip("。")
                    other, basis, _ = outside.get(("in", key), (None, stated.get(("added", key), ()), None))
                    real.append(DutyAdded(**{**base, "basis": basis}, after=d, counterpart=other))
                seq = [step for _, step in sorted(by_old.get(ok, []) + by_new.get(nk, []), key=lambda t: t[0])]
                seq.extend(real)
                pre, post = bracket("duties", a_d, n.unit.duties, seq) or (a_d, run_duties(a_d, seq))
                if post != n.unit.duties:
                    real.append(DutiesReordered(**base, before=post, after=n.unit.duties))
                self.duty_ops[nk] = real
            if pre != a_d:
                self.duty_pre.append(
                    DutiesReordered(
                        unit=self.pair_old(o) or Pair(), name=o.name, established_by=self.how(o), before=a_d, after=pre
                    )
                )
        for n in self.new_left:
            if not n.unit.duties:
                continue
            start = remove_all(n.unit.duties, self.moved_in.get(n.key, ()))
            seq = [op for _, op in by_new.get(n.key, ())]
            back, post = bracket("duties", start, n.unit.duties, seq) or (start, run_duties(start, seq))
            self.snap_new[n.key] = back
            if post != n.unit.duties:
                self.duty_ops[n.key] = [
                    DutiesReordered(
                        unit=Pair(new=n.key), name=n.name, established_by="new", before=post, after=n.unit.duties
                    )
                ]

    def _moved_outside(self, node: Node, change: FunctionChange) -> bool:
        """Return True when the unit gained or lost the change's duty to or from a body outside the spec.

        Such a move is said as a duty added or cancelled with that counterpart, not a transfer.
        """
        other = fold(change.counterpart.target) if change.counterpart else ""
        if not other or any(fold(n.name) == other for n in self.new.by_key.values()):
            return False
        ok = self.m.new_to_old.get(node.key)
        before = {fold(d.text).rstrip("。") for d in self.old.by_key[ok].unit.duties} if ok else set()
        after = {fold(d.text).rstrip("。") for d in node.unit.duties}
        text = fold(change.text).rstrip("。")
        if change.kind.value == "transferred-in":
            return text in after and text not in before
        return text in before and text not in after

    def declared_changes(self) -> list[tuple[Node, FunctionChange]]:
        """Return the function changes the new spec states that the old one did not."""
        out: list[tuple[Node, FunctionChange]] = []
        for n in self.new_pre_todo:  # an unchanged unit states no new function change
            if not n.unit.function_changes:
                continue
            ok = self.m.new_to_old.get(n.key)
            had = self.old.by_key[ok].unit.function_changes if ok else ()
            out.extend((n, c) for c in n.unit.function_changes if c not in had)
        return out

    def find_declared(
        self, declared: list[tuple[Node, FunctionChange]], node: Node | None, kind: str, other: str, used: set[int]
    ) -> FunctionChange | None:
        """Return (and mark used) a declared change of ``node`` of ``kind`` whose counterpart is ``other``."""
        if node is None:
            return None
        for i, (n, change) in enumerate(declared):
            if i in used or n is not node or change.kind.value != kind or change.counterpart is None:
                continue
            if fold(change.counterpart.target) == fold(other):
                used.add(i)
                return change
        return None

    def transfer_basis(self, source: str, target: Node, source_new: Node | None) -> tuple[Basis, ...]:
        """Return the basis of a transfer no function change states.

        That is the ``duties-transferred`` event of the target (``from`` the source) or of the source
        (``to`` the target); else, for a target new in this diff, its establishment's (将…职责整合，
        组建… is one sentence of one plan); else the reconstitution's (重新组建).
        """
        kinds = (EventKind.DUTIES_TRANSFERRED,)
        old_target = self.old.by_key.get(self.m.new_to_old.get(target.key, ""))
        found = event_basis(old_target.unit if old_target else None, target.unit, kinds, before=source)
        if not found and source_new is not None:
            old_source = self.old.by_key.get(self.m.new_to_old.get(source_new.key, ""))
            found = event_basis(old_source.unit if old_source else None, source_new.unit, kinds, after=target.name)
        if not found and old_target is None:
            found = establish_basis(target.unit)
        if not found:  # 将…整合，重新组建…: the reconstitution's basis
            found = event_basis(old_target.unit if old_target else None, target.unit, SUCCESSION)
        return found

    def transfer_verb(self, source: str, target: Node, source_new: Node | None) -> str | None:
        """Return the verb (划转) of the ``duties-transferred`` event that states a transfer, on either side."""
        kinds = (EventKind.DUTIES_TRANSFERRED,)
        old_target = self.old.by_key.get(self.m.new_to_old.get(target.key, ""))
        found = event_verb(old_target.unit if old_target else None, target.unit, kinds, before=source)
        if found is None and source_new is not None:
            old_source = self.old.by_key.get(self.m.new_to_old.get(source_new.key, ""))
            found = event_verb(old_source.unit if old_source else None, source_new.unit, kinds, after=target.name)
        return found

    def transfer_ops(self) -> list[Operation]:
        """Phase 3: duties moved between units (将…职责划入…), declared where the new spec says so."""
        m = self.m
        ops: list[Operation] = []
        declared = self.declared_changes()
        used: set[int] = set()
        for ok, nk, before_d, after_d in self.transfers:
            o, n = self.old.by_key[ok], self.new.by_key[nk]
            source_new = self.new.by_key.get(m.old_to_new.get(ok, ""))
            change = self.find_declared(declared, source_new, "transferred-out", n.name, used) or self.find_declared(
                declared, n, "transferred-in", o.name, used
            )
            ops.append(
                DutyTransferred(
                    unit=self.pair_new(n),
                    name=n.name,
                    source=self.pair_old(o),
                    source_name=o.name,
                    before=before_d,
                    after=after_d,
                    # the evidence for the transfer: stated in the new spec, or the same duty text
                    established_by="declared" if change else "inferred",
                    score=None if change else 1.0,
                    basis=(change.basis or _owner_basis(change, n, source_new))
                    if change
                    else self.transfer_basis(o.name, n, source_new),
                    verb=change.verb if change else self.transfer_verb(o.name, n, source_new),
                )
            )
        for i, (node, change) in enumerate(declared):
            if i not in used and change.kind.value in ("transferred-out", "transferred-in"):
                if self._moved_outside(node, change):
                    continue  # said as a duty added from (or cancelled to) a body outside the spec
                way = "to" if change.kind.value == "transferred-out" else "from"
                other = change.counterpart.target if change.counterpart else "another body"
                self.notes.append(
                    DiffNote(
                        code="declared-transfer-unmatched",
                        severity="info",
                        unit=self.pair_new(node),
                        message=f"{node.name} states a function {change.kind.value} {way} {other} "
                        f"({change.text[:30]}…), but no such duty moved between the two specs",
                    )
                )
        return ops
