"""Emit the operations of a diff from a matching, in an order that applies.

Phases, in list order: (0) reorders that let the inverse diff restore the old
order, (1) establish, parents first, (2) per matched unit: rename, move,
kind, rank, plaques, quotas, posts, other attributes, (3) duty transfers,
(4) per unit: reworded, cancelled, added duties and a duty reorder when the
list still differs, (5) demote and abolish, children first, (6) derived merge,
absorb, split and transfers of quota and posts, (7) reorders to the new sibling order. Each matched unit's
operations are checked by replaying them on its old statements: whatever still
differs becomes an ``attribute-changed``, so ``apply(old, diff) == new``.

Imports: :mod:`orgspec.reorg.*`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from orgspec.model.units import Duty, EventKind, FunctionChange, Plaque, Spec, Unit
from orgspec.reorg.declared import (
    abolish_basis,
    establish_basis,
    event_basis,
    name_op,
    reestablished,
    script_only,
)
from orgspec.reorg.derived import posts_transfers, quota_transfers
from orgspec.reorg.fold import bigrams, fold
from orgspec.reorg.match import Matching
from orgspec.reorg.ops import (
    Abolish,
    Absorb,
    AttributeChanged,
    Demote,
    DiffNote,
    DutiesReordered,
    DutyAdded,
    DutyCancelled,
    DutyReworded,
    DutyTransferred,
    Establish,
    KindChanged,
    Merge,
    Move,
    Operation,
    Pair,
    PlaqueAdded,
    PlaqueRemoved,
    PostsChanged,
    QuotaChanged,
    RankChanged,
    Reconstitute,
    Reorder,
    Respell,
    Split,
)
from orgspec.reorg.steps import Step, bracket, remove_all, run_duties
from orgspec.reorg.tree import Node, Tree, shell

__all__ = ["emit"]

#: A unit while positions are simulated: its old key (a plain string: most units, hashed once) for
#: a unit of the old spec, ("n", new key) for a new one, ("", "") for the spec itself.
_Ident = str | tuple[str, str]
_SHELL_FIELDS = tuple(f for f in Unit.model_fields if f != "units")


def _same_shell(a: Unit, b: Unit) -> bool:
    """Return True when two units state the same, children apart."""
    if not a.units and not b.units:
        return a.__dict__ == b.__dict__
    return all(getattr(a, f) == getattr(b, f) for f in _SHELL_FIELDS)


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


class _Emitter:
    def __init__(self, old: Tree, new: Tree, m: Matching) -> None:
        self.old, self.new, self.m = old, new, m
        self.notes: list[DiffNote] = []
        self._pairs: dict[tuple[str, str], Pair] = {}
        self._folded: dict[str, str] = {}
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
        old_to_new, new_to_old, new_by_key = self.m.old_to_new, self.m.new_to_old, self.new.by_key
        self.changed: dict[str, frozenset[str]] = {}
        self.old_todo: list[Node] = []
        for o in self.old.nodes:
            nk = old_to_new.get(o.key)
            if nk is not None:
                a, b = o.unit, new_by_key[nk].unit
                if a is b or _same_shell(a, b):
                    continue
                self.changed[o.key] = _differing(a, b)
            self.old_todo.append(o)
        changed = self.changed
        self.new_todo: list[Node] = []
        self.new_left: list[Node] = []
        for n in self.new.nodes:
            ok = new_to_old.get(n.key)
            if ok is None:
                self.new_left.append(n)
                self.new_todo.append(n)
            elif ok in changed:
                self.new_todo.append(n)

    def pair_old(self, node: Node | None) -> Pair | None:
        if node is None:
            return None
        pair = self._pairs.get(("o", node.key))
        if pair is None:
            pair = self._pairs[("o", node.key)] = Pair(old=node.key, new=self.m.old_to_new.get(node.key))
        return pair

    def pair_new(self, node: Node | None) -> Pair | None:
        if node is None:
            return None
        pair = self._pairs.get(("n", node.key))
        if pair is None:
            pair = self._pairs[("n", node.key)] = Pair(old=self.m.new_to_old.get(node.key), new=node.key)
        return pair

    def how(self, o: Node) -> Any:
        return self.m.how.get(o.key, "id")

    # -- duties -------------------------------------------------------------------
    def plan_duties(self) -> None:
        """Decide reworded, transferred, cancelled and added duties for every unit."""
        m = self.m
        old_to_new, new_by_key = m.old_to_new, self.new.by_key
        self.out_rest: dict[str, list[Duty]] = {}  # old key -> duties not kept in place
        self.in_rest: dict[str, list[Duty]] = {}  # new key -> duties not kept in place
        self.reworded: dict[str, list[tuple[Duty, Duty]]] = defaultdict(list)
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
        self.transfers: list[tuple[str, str, Duty, Duty]] = []  # old key, new key, before, after
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
        self.moved_out: dict[str, list[Duty]] = defaultdict(list)
        self.moved_in: dict[str, list[Duty]] = defaultdict(list)
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

    # -- phases ---------------------------------------------------------------------
    def run(self) -> list[Operation]:
        m = self.m
        self.plan_duties()
        self.plan_duty_order()
        ops: list[Operation] = []
        # one pass in document order: the units to establish, and the matched units that changed or moved
        old_to_new, new_to_old, old_by_key, changed = m.old_to_new, m.new_to_old, self.old.by_key, self.changed
        to_establish: list[Node] = []
        to_update: list[tuple[Node, Node, frozenset[str]]] = []
        self.new_pre_todo: list[Node] = []  # unmatched or changed, parents first
        unchanged: frozenset[str] = frozenset()
        last: tuple[Node | None, Node | None, bool] = (None, None, False)  # siblings share their parents
        for n in self.new.preorder():
            ok = new_to_old.get(n.key)
            if ok is None:
                to_establish.append(n)
                self.new_pre_todo.append(n)
                continue
            o = old_by_key[ok]
            fields = changed.get(ok, unchanged)
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
                moved = old_to_new.get(op.key) != np.key
                last = (op, np, moved)
            if moved:
                to_update.append((o, n, fields))
        # (1) establish
        for n in to_establish:
            after = shell(n.unit)
            if n.key in self.snap_new:
                after = after.model_copy(update={"duties": self.snap_new[n.key]})
            ops.append(
                Establish(
                    unit=Pair(new=n.key),
                    name=n.name,
                    established_by="new",
                    parent=self.pair_new(n.parent),
                    after=after,
                    basis=establish_basis(n.unit),
                )
            )
        # (2) per matched unit
        demoted = self.plan_demotes()
        taken_plaques: dict[str, list[Any]] = defaultdict(list)
        for _, nk, plaque in demoted.values():
            taken_plaques[nk].append(plaque)
        for o, n, fields in to_update:
            ops.extend(self.unit_ops(o, n, fields))
        # (3) transfers; declared when the new spec's function changes state them
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
                    basis=change.basis if change else (),
                )
            )
        for i, (node, change) in enumerate(declared):
            if i not in used and change.kind.value in ("transferred-out", "transferred-in"):
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
        # (4) duty ops per unit: units whose duties differ changed (or are new), so are all in new_pre_todo
        duty_ops = self.duty_ops
        if duty_ops.keys() <= {n.key for n in self.new_pre_todo}:
            for n in self.new_pre_todo:
                ops.extend(duty_ops.get(n.key, ()))
        else:  # pragma: no cover - kept in case a phase ever plans duties of an unchanged unit
            for n in self.new.preorder():
                ops.extend(duty_ops.get(n.key, ()))
        # (5) demote and abolish, children first
        for o in reversed(self.old.preorder()):
            if o.key in m.old_to_new:
                continue
            before_u = shell(o.unit)
            if o.key in self.snap_old:
                before_u = before_u.model_copy(update={"duties": self.snap_old[o.key]})
            lost = self.out_rest.get(o.key, ())
            if lost:
                self.notes.append(
                    DiffNote(
                        code="duty-unaccounted",
                        unit=Pair(old=o.key),
                        message=f"{len(lost)} of the {len(o.unit.duties)} duties of abolished "
                        f"{o.name} are neither transferred to a unit of the new spec nor stated "
                        f"elsewhere; they are not reported as cancelled (first: {lost[0].text[:24]}…)",
                    )
                )
            if o.key in demoted:
                into_key, _, plaque = demoted[o.key]
                into = self.new.by_key[into_key]
                ops.append(
                    Demote(
                        unit=Pair(old=o.key),
                        name=o.name,
                        established_by="plaque",
                        parent=self.pair_old(o.parent),
                        before=before_u,
                        into=self.pair_new(into),
                        into_name=into.name,
                        plaque=plaque,
                    )
                )
            else:
                ops.append(
                    Abolish(
                        unit=Pair(old=o.key),
                        name=o.name,
                        established_by="new",
                        parent=self.pair_old(o.parent),
                        before=before_u,
                        basis=abolish_basis(self.new.spec, o.unit),
                    )
                )
        # (6) derived
        ops.extend(self.derived())
        ops.extend(quota_transfers(ops))
        ops.extend(posts_transfers(ops))
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

    def plan_demotes(self) -> dict[str, tuple[str, str, Any]]:
        """Old unmatched units whose name is a new plaque of a new unit: old key -> (new key, new, plaque)."""
        plaque_at: dict[str, list[tuple[Node, Any]]] = defaultdict(list)
        for n in self.new_todo:  # an unchanged unit has no new plaque
            if not n.unit.plaques:
                continue
            ok = self.m.new_to_old.get(n.key)
            had = set(self.old.by_key[ok].names[1:]) if ok else set()
            for p in n.unit.plaques:
                if fold(p.name) not in had:
                    plaque_at[fold(p.name)].append((n, p))
        out: dict[str, tuple[str, str, Any]] = {}
        for o in self.old_todo if plaque_at else ():  # the unmatched ones among them, in old.nodes order
            if o.key not in self.m.old_to_new and plaque_at.get(o.names[0]):
                n, p = plaque_at[o.names[0]].pop(0)
                out[o.key] = (n.key, n.key, p)
        return out

    def unit_ops(self, o: Node, n: Node, fields: frozenset[str]) -> list[Operation]:
        """Return the operations of a matched unit whose ``fields`` differ (children apart) or that moved."""
        a, b = o.unit, n.unit
        how = self.how(o)
        pair = Pair(old=o.key, new=n.key)
        base: dict[str, Any] = {"unit": pair, "name": b.name, "established_by": how}
        ops: list[Operation] = []
        if "name" in fields:
            ops.append(name_op(base, a, b))
        elif "history" in fields and (again := reestablished(a, b)) is not None:
            ops.append(Reconstitute(**base, before=a.name, after=b.name, basis=again.basis))
        parent_before, parent_after = self.pair_old(o.parent), self.pair_new(n.parent)
        moved = self.moved(o, n)
        if moved or "superior" in fields:
            if not moved:
                parent_after = parent_before
            ops.append(
                Move(
                    **base,
                    parent_before=parent_before,
                    parent_after=parent_after,
                    parent_before_name=o.parent.name if o.parent else None,
                    parent_after_name=n.parent.name if n.parent else None,
                    superior_before=a.superior,
                    superior_after=b.superior,
                )
            )
        if (
            ("kind" in fields or "kind_label" in fields)
            and a.kind == b.kind
            and script_only(a.kind_label, b.kind_label)
        ):
            ops.append(Respell(**base, field="kind_label", before=a.kind_label, after=b.kind_label))
        elif "kind" in fields or "kind_label" in fields:
            basis = event_basis(a, b, (EventKind.KIND_CHANGED,))
            ops.append(
                KindChanged(
                    **base,
                    before=a.kind,
                    after=b.kind,
                    before_label=a.kind_label,
                    after_label=b.kind_label,
                    basis=basis,
                )
            )
        if "rank" in fields and script_only(a.rank, b.rank):
            ops.append(Respell(**base, field="rank", before=a.rank, after=b.rank))
        elif "rank" in fields:
            ops.append(
                RankChanged(**base, before=a.rank, after=b.rank, basis=event_basis(a, b, (EventKind.RANK_CHANGED,)))
            )
        if "plaques" in fields and _respelled(a.plaques, b.plaques):
            ops.append(
                Respell(**base, field="plaques", before=_jv("plaques", a.plaques), after=_jv("plaques", b.plaques))
            )
        elif "plaques" in fields:
            ops.extend(
                self.group(
                    "plaques",
                    a.plaques,
                    b.plaques,
                    base,
                    [
                        *(PlaqueRemoved(**base, plaque=p) for p in _multiset_minus(a.plaques, b.plaques)),
                        *(
                            PlaqueAdded(
                                **{**base, "basis": p.basis or event_basis(a, b, _PLAQUE_ADDED, plaque=p.name)},
                                plaque=p,
                            )
                            for p in _multiset_minus(b.plaques, a.plaques)
                        ),
                    ],
                )
            )
        quota_ops: list[Operation] = []
        if "quotas" in fields:
            ca = Counter(q.category for q in a.quotas)
            cb = Counter(q.category for q in b.quotas)
            if max(ca.values(), default=0) <= 1 and max(cb.values(), default=0) <= 1:
                qa = {q.category: q for q in a.quotas}
                qb = {q.category: q for q in b.quotas}
                for cat in [q.category for q in a.quotas] + [q.category for q in b.quotas if q.category not in qa]:
                    if qa.get(cat) != qb.get(cat):
                        quota_ops.append(
                            QuotaChanged(
                                **{**base, "basis": event_basis(a, b, (EventKind.QUOTA_CHANGED,))},
                                category=cat,
                                before=qa.get(cat),
                                after=qb.get(cat),
                            )
                        )
            ops.extend(self.group("quotas", a.quotas, b.quotas, base, quota_ops))
        if "posts" in fields:
            ops.append(PostsChanged(**base, before=a.posts, after=b.posts))
        for field in _OTHER:
            if field in fields:
                ops.append(AttributeChanged(**base, field=field, before=_dump(a, field), after=_dump(b, field)))
        return ops

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

    def moved(self, o: Node, n: Node) -> bool:
        """Return True when a matched unit's parent is not the match of its old parent."""
        if o.parent is None or n.parent is None:
            return o.parent is not n.parent
        return self.m.old_to_new.get(o.parent.key) != n.parent.key

    def group(self, field: str, a_val: Any, b_val: Any, base: dict[str, Any], ops: list[Operation]) -> list[Operation]:
        """Return a list field's operations, bracketed by whole-value changes where order needs them."""
        if a_val == b_val:
            return []
        br = bracket(field, a_val, b_val, ops) if ops else None
        if br is None:
            return [AttributeChanged(**base, field=field, before=_jv(field, a_val), after=_jv(field, b_val))]
        pre, post = br
        out: list[Operation] = []
        if pre != a_val:
            out.append(AttributeChanged(**base, field=field, before=_jv(field, a_val), after=_jv(field, pre)))
        out.extend(ops)
        if post != b_val:
            out.append(AttributeChanged(**base, field=field, before=_jv(field, post), after=_jv(field, b_val)))
        return out

    def plan_duty_order(self) -> None:
        """Per unit: the duty operations, the reorders around them, and establish/abolish snapshots."""
        m = self.m
        self.duty_pre: list[Operation] = []
        self.duty_ops: dict[str, list[Operation]] = {}
        self.snap_new: dict[str, tuple[Duty, ...]] = {}
        self.snap_old: dict[str, tuple[Duty, ...]] = {}
        by_old: dict[str, list[tuple[int, Step]]] = defaultdict(list)
        by_new: dict[str, list[tuple[int, Step]]] = defaultdict(list)
        for i, (src, dst, before, after) in enumerate(self.transfers):
            by_old[src].append((i, ("rm", before, None)))
            by_new[dst].append((i, ("add", None, after)))
        touched = set(by_old) | {m.new_to_old[k] for k in by_new if k in m.new_to_old} | set(self.reworded)
        touched |= set(self.out_rest) | {m.new_to_old[k] for k in self.in_rest if k in m.new_to_old}
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
                real.extend(DutyCancelled(**base, before=d) for d in self.out_rest.get(ok, ()))
                real.extend(DutyAdded(**base, after=d) for d in self.in_rest.get(nk, ()))
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

    def derived(self) -> list[Operation]:
        """Return merge, absorb and split, each scored by the share of the sources' duties that moved."""
        by_source: dict[str, dict[str, None]] = defaultdict(dict)
        by_target: dict[str, dict[str, None]] = defaultdict(dict)
        moved: Counter[tuple[str, str]] = Counter()
        for ok, nk, _, _ in self.transfers:
            by_source[ok][nk] = None
            by_target[nk][ok] = None
            moved[(ok, nk)] += 1

        def score(sources: list[str], targets: list[str]) -> float:
            total = sum(len(self.old.by_key[s].unit.duties) for s in sources)
            went = sum(moved[(s, t)] for s in sources for t in targets)
            return round(went / total, 3) if total else 1.0

        ops: list[Operation] = []
        m = self.m
        for nk, source_set in by_target.items():
            sources = list(source_set)
            n = self.new.by_key[nk]
            gone = [s for s in sources if s not in m.old_to_new]
            if nk not in m.new_to_old and len(gone) >= 2:
                ops.append(
                    Merge(
                        unit=Pair(new=nk),
                        name=n.name,
                        established_by="inferred",
                        score=score(gone, [nk]),
                        sources=tuple(Pair(old=s) for s in gone),
                        source_names=tuple(self.old.by_key[s].name for s in gone),
                    )
                )
            elif nk in m.new_to_old:
                for s in gone:
                    if list(by_source[s]) == [nk]:
                        ops.append(
                            Absorb(
                                unit=self.pair_new(n),
                                name=n.name,
                                established_by="inferred",
                                score=score([s], [nk]),
                                source=Pair(old=s),
                                source_name=self.old.by_key[s].name,
                            )
                        )
        for ok, target_set in by_source.items():
            targets = [t for t in target_set if t not in m.new_to_old]
            if ok not in m.old_to_new and len(targets) >= 2:
                ops.append(
                    Split(
                        unit=Pair(old=ok),
                        name=self.old.by_key[ok].name,
                        established_by="inferred",
                        score=score([ok], targets),
                        into=tuple(Pair(new=t) for t in targets),
                        into_names=tuple(self.new.by_key[t].name for t in targets),
                    )
                )
        return ops

    def place(self, ops: list[Operation]) -> tuple[list[Operation], list[Operation]]:
        """Give every establish, move and abolish its position, and return the reorders still needed.

        Positions are simulated on the lists of children: a unit is inserted right after
        the last unit already there that comes before it in the new order, so that only a
        real change in the order of units that stay needs a ``reorder``. Removals record
        where the unit was, so the inverse puts it back exactly there.
        """
        m = self.m
        new_to_old = m.new_to_old
        root: _Ident = ("", "")

        def ident_new(n: Node | None) -> _Ident:
            if n is None:
                return root
            ok = new_to_old.get(n.key)
            return ok if ok is not None else ("n", n.key)

        def ident(p: Pair | None) -> _Ident:
            if p is None or (p.old is None and p.new is None):
                return root
            return p.old if p.old is not None else ("n", p.new or "")

        dest: dict[_Ident, tuple[_Ident, int]] = {}
        for parent, children in [(None, self.new.roots), *((n, n.children) for n in self.new.nodes if n.children)]:
            pid = ident_new(parent)
            for i, c in enumerate(children):
                ok = new_to_old.get(c.key)  # ident_new(c), inline
                dest[ok if ok is not None else ("n", c.key)] = (pid, i)
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
            wanted = [ok if (ok := new_to_old.get(c.key)) is not None else ("n", c.key) for c in children]
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


_PLAQUE_ADDED = (EventKind.PLAQUE_ADDED,)


def _respelled(a: tuple[Plaque, ...], b: tuple[Plaque, ...]) -> bool:
    """Return True when two plaque lists differ only in the script of their names."""
    return len(a) == len(b) and all(
        x.model_copy(update={"name": fold(x.name)}) == y.model_copy(update={"name": fold(y.name)})
        for x, y in zip(a, b, strict=True)
    )


def _dump(unit: Unit, field: str) -> Any:
    return unit.model_dump(mode="json", include={field})[field]


def _sdump(spec: Spec, field: str) -> Any:
    return spec.model_dump(mode="json", include={field})[field]


def _jv(field: str, value: Any) -> Any:
    return _dump(Unit(name="-").model_copy(update={field: value}), field)


def emit(old: Tree, new: Tree, m: Matching) -> tuple[list[Operation], list[DiffNote]]:
    """Return the operations turning ``old`` into ``new`` under matching ``m``, and notes."""
    e = _Emitter(old, new, m)
    ops = e.run()
    return ops, e.notes
