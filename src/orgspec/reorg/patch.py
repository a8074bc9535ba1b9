"""Apply a diff to a spec (all or nothing), and invert a diff.

Operations apply in list order on a working copy; each first checks that its
``before`` value is what the working copy holds. Every mismatch is collected
and, if there is any, :class:`ApplyError` is raised listing them all and the
input is left as it was (models are immutable). ``invert`` is mechanical: the
operations in reverse order, each swapped (establish ↔ abolish, added ↔
removed, before ↔ after, old ↔ new keys).

Imports: :mod:`orgspec.reorg.ops`, :mod:`orgspec.reorg.tree`, :mod:`orgspec.reorg.conflicts`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from typing import Any

from orgspec.model.units import Spec, Unit
from orgspec.reorg.conflicts import ApplyError, ConflictError, remove_first
from orgspec.reorg.ops import (
    Abolish,
    Absorb,
    AttributeChanged,
    Demote,
    Diff,
    DutiesHandedOver,
    DutiesReordered,
    DutyAdded,
    DutyCancelled,
    DutyReworded,
    DutyTransferred,
    Establish,
    Interim,
    KindChanged,
    Merge,
    Move,
    Operation,
    Pair,
    PlaqueAdded,
    PlaqueRemoved,
    PostsChanged,
    PostsTransferred,
    QuotaChanged,
    QuotaTransferred,
    RankChanged,
    Reconstitute,
    Rename,
    Reorder,
    Respell,
    Split,
)
from orgspec.reorg.tree import Tree, no_gc, shell

__all__ = ["ApplyError", "ConflictError", "apply", "apply_to_unit", "invert", "invert_op", "remove_first"]


def _set(unit: Unit, **update: Any) -> Unit:
    return unit.model_copy(update=update)


def _json(unit: Unit, field: str) -> Any:
    return unit.model_dump(mode="json", include={field})[field]


def apply_to_unit(unit: Unit, op: Operation) -> Unit:
    """Apply an operation that touches one unit's own statements; raise ConflictError when its before fails."""
    if isinstance(op, Respell) and op.field == "name":
        op = Rename(unit=op.unit, name=op.name, before=op.before, after=op.after)
    if isinstance(op, Rename | Reconstitute):
        if unit.name != op.before:
            raise ConflictError(f"name is {unit.name!r}, expected {op.before!r}")
        return _set(unit, name=op.after)
    if isinstance(op, KindChanged):
        if (unit.kind, unit.kind_label) != (op.before, op.before_label):
            raise ConflictError(f"kind is {unit.kind}, expected {op.before}")
        return _set(unit, kind=op.after, kind_label=op.after_label)
    if isinstance(op, RankChanged):
        if unit.rank != op.before:
            raise ConflictError(f"rank is {unit.rank!r}, expected {op.before!r}")
        return _set(unit, rank=op.after)
    if isinstance(op, PlaqueAdded):
        return _set(unit, plaques=(*unit.plaques, op.plaque))
    if isinstance(op, PlaqueRemoved):
        return _set(unit, plaques=remove_first(unit.plaques, op.plaque))
    if isinstance(op, DutyAdded):
        return _set(unit, duties=(*unit.duties, op.after))
    if isinstance(op, DutyCancelled):
        return _set(unit, duties=remove_first(unit.duties, op.before))
    if isinstance(op, DutyReworded):
        if op.before not in unit.duties:
            raise ConflictError(f"duty {op.before.text!r} is not there")
        i = unit.duties.index(op.before)
        return _set(unit, duties=(*unit.duties[:i], op.after, *unit.duties[i + 1 :]))
    if isinstance(op, DutiesReordered):
        if unit.duties != op.before:
            raise ConflictError("the duties are not the expected list")
        return _set(unit, duties=op.after)
    if isinstance(op, QuotaChanged):
        quotas = unit.quotas
        if op.before is not None:
            if op.before not in quotas:
                raise ConflictError(f"no {op.category.value} quota {op.before.count}")
            i = quotas.index(op.before)
            quotas = (*quotas[:i], *((op.after,) if op.after else ()), *quotas[i + 1 :])
        elif op.after is not None:
            quotas = (*quotas, op.after)
        return _set(unit, quotas=quotas)
    if isinstance(op, PostsChanged):
        if unit.posts != op.before:
            raise ConflictError("the posts are not the expected list")
        return _set(unit, posts=op.after)
    if isinstance(op, AttributeChanged | Respell):
        if op.field in ("units", "name") or op.field not in Unit.model_fields:
            raise ConflictError(f"no attribute {op.field!r}")
        if _json(unit, op.field) != op.before:
            raise ConflictError(f"{op.field} is not the expected value")
        data = shell(unit).model_dump()
        data[op.field] = op.after
        return Unit.model_validate(data).model_copy(update={"units": unit.units})
    raise ConflictError(f"{op.op} does not apply to one unit")


class _Node:
    __slots__ = ("children", "parent", "unit")

    def __init__(self, unit: Unit, parent: _Node | None) -> None:
        self.unit = unit
        self.parent = parent
        self.children: list[_Node] = []


class _Work:
    def __init__(self, spec: Spec) -> None:
        self.root = _Node(Unit(name="(root)"), None)
        self.by_old: dict[str, _Node] = {}
        self.by_new: dict[str, _Node] = {}
        tree = Tree(spec)
        made: dict[str, _Node] = {}
        for node in tree.preorder():
            parent = made[node.parent.key] if node.parent else self.root
            work = _Node(shell(node.unit), parent)
            parent.children.append(work)
            made[node.key] = work
        self.by_old = made
        self.spec = spec
        self.spec_attrs: dict[str, Any] = {}
        self.old_keys: set[str] = set()  # the keys of the units the diff names in the old spec

    def find(self, pair: Pair | None) -> _Node:
        if pair is None:
            return self.root
        node = self.by_old.get(pair.old) if pair.old is not None else self.by_new.get(pair.new or "")
        if node is None or (node.parent is None and node is not self.root):
            raise ConflictError(f"unit {pair} is not there")
        if pair.new is not None:
            self.by_new[pair.new] = node
        return node

    def freeze(self, node: _Node) -> Unit:
        if not node.children:
            return node.unit
        return node.unit.model_copy(update={"units": tuple(self.freeze(c) for c in node.children)})

    def detach(self, node: _Node) -> None:
        assert node.parent is not None
        node.parent.children.remove(node)
        node.parent = None

    def step(self, op: Operation) -> None:
        if isinstance(op, Merge | Absorb | Split | Interim | QuotaTransferred | PostsTransferred | DutiesHandedOver):
            return
        if isinstance(op, Establish):
            parent = self.find(op.parent)
            key = op.unit.new or ""
            if key in self.by_new or (key in self.by_old and key not in self.old_keys):
                # a unit of the spec has the key, and the diff does not say the old spec had it
                raise ConflictError(f"unit {key} is already there")
            node = _Node(op.after, parent)
            _insert(parent.children, node, op.index)
            self.by_new[key] = node
            return
        if isinstance(op, Abolish | Demote):
            node = self.find(op.unit)
            if node.unit != op.before:
                raise ConflictError(f"unit {op.unit} is not as expected")
            if node.children:
                raise ConflictError(f"unit {op.unit} still has {len(node.children)} unit(s) below it")
            if node.parent is not self.find(op.parent):
                raise ConflictError(f"unit {op.unit} is not under {op.parent}")
            if op.index is not None and node.parent.children.index(node) != op.index:
                raise ConflictError(f"unit {op.unit} is not at position {op.index}")
            self.detach(node)
            return
        if isinstance(op, Move):
            node = self.find(op.unit)
            if node.parent is not self.find(op.parent_before):
                raise ConflictError(f"unit {op.unit} is not under {op.parent_before}")
            if node.unit.superior != op.superior_before:
                raise ConflictError(f"superior of {op.unit} is {node.unit.superior}, expected {op.superior_before}")
            target = self.find(op.parent_after)
            if op.parent_after != op.parent_before:
                assert node.parent is not None
                if op.index_before is not None and node.parent.children.index(node) != op.index_before:
                    raise ConflictError(f"unit {op.unit} is not at position {op.index_before}")
                self.detach(node)
                node.parent = target
                _insert(target.children, node, op.index_after)
            node.unit = _set(node.unit, superior=op.superior_after)
            return
        if isinstance(op, DutyTransferred):
            source = self.find(op.source)
            target = self.find(op.unit)
            source.unit = _set(source.unit, duties=remove_first(source.unit.duties, op.before))
            target.unit = _set(target.unit, duties=(*target.unit.duties, op.after))
            return
        if isinstance(op, Reorder):
            parent = self.find(op.unit) if (op.unit.old or op.unit.new) else self.root
            current = [self.find(p) for p in op.before]
            if len(current) != len(parent.children) or any(
                a is not b for a, b in zip(current, parent.children, strict=False)
            ):
                raise ConflictError(f"the units under {_where(op.unit)} are not in the expected order")
            wanted = [self.find(p) for p in op.after]
            if sorted(map(id, wanted)) != sorted(map(id, current)):
                raise ConflictError(f"the new order under {_where(op.unit)} is not a permutation")
            parent.children = wanted
            return
        if isinstance(op, AttributeChanged) and op.unit == Pair():
            if op.field not in ("history", "notes"):
                raise ConflictError(f"the spec has no attribute {op.field!r}")
            current = self.spec_attrs.get(op.field, self.spec.model_dump(mode="json", include={op.field})[op.field])
            if current != op.before:
                raise ConflictError(f"the spec's {op.field} is not the expected value")
            self.spec_attrs[op.field] = op.after
            return
        node = self.find(op.unit)
        node.unit = apply_to_unit(node.unit, op)


def _where(unit: Pair) -> str:
    """Return how a conflict names the parent ``unit`` of a reorder: its key, or the spec itself."""
    return str(unit) if unit.old or unit.new else "the spec"


def apply(spec: Spec, diff: Diff) -> Spec:
    """Return ``spec`` with the diff's operations applied; raise ApplyError listing every conflict."""
    conflicts: list[str] = []
    with no_gc():
        work = _Work(spec)
        work.old_keys = {op.unit.old for op in diff.operations if op.unit.old is not None}
        for i, op in enumerate(diff.operations):
            try:
                work.step(op)
            except ConflictError as err:
                conflicts.append(f"operation {i + 1} ({op.op} {op.name}): {err}")
    if conflicts:
        raise ApplyError(conflicts)
    with no_gc():
        bodies = tuple(work.freeze(c) for c in work.root.children)
    out = spec.model_copy(update={"bodies": bodies})
    if work.spec_attrs:
        data = out.model_dump()
        data.update(work.spec_attrs)
        out = Spec.model_validate(data)
    return out


def _insert(children: list[_Node], node: _Node, index: int | None) -> None:
    if index is None:
        children.append(node)
    elif 0 <= index <= len(children):
        children.insert(index, node)
    else:
        raise ConflictError(f"position {index} is past the end ({len(children)} units)")


def _swap(p: Pair | None) -> Pair | None:
    return None if p is None else p.swapped()


def invert_op(op: Operation) -> Operation:
    """Return the operation that undoes ``op``."""
    common: dict[str, Any] = {
        "unit": op.unit.swapped(),
        "name": op.name,
        "established_by": op.established_by,
        "score": op.score,
        "basis": op.basis,
    }
    if isinstance(op, Establish):
        return Abolish(**common, parent=_swap(op.parent), index=op.index, before=op.after)
    if isinstance(op, Abolish):
        return Establish(**common, parent=_swap(op.parent), index=op.index, after=op.before)
    if isinstance(op, Demote):
        return Establish(**common, parent=_swap(op.parent), index=op.index, after=op.before)
    if isinstance(op, Move):  # the inverse has no document's word: the verb stays with the change it words
        return op.model_copy(
            update={
                **common,
                "verb": None,
                "parent_before": _swap(op.parent_after),
                "parent_after": _swap(op.parent_before),
                "parent_before_name": op.parent_after_name,
                "parent_after_name": op.parent_before_name,
                "index_before": op.index_after,
                "index_after": op.index_before,
                "superior_before": op.superior_after,
                "superior_after": op.superior_before,
            }
        )
    if isinstance(op, Merge):
        return Split(
            **common,
            into=tuple(p.swapped() for p in op.sources),
            into_names=op.source_names,
            external=op.external,
            kept=op.kept,
        )
    if isinstance(op, Split):
        return Merge(
            **common,
            sources=tuple(p.swapped() for p in op.into),
            source_names=op.into_names,
            external=op.external,
            kept=op.kept,
        )
    if isinstance(op, Absorb):
        return Split(**{**common, "unit": op.unit.swapped()}, into=(op.source.swapped(),), into_names=(op.source_name,))
    if isinstance(op, QuotaTransferred):
        return QuotaTransferred(
            **{**common, "unit": op.source.swapped(), "name": op.source_name},
            source=op.unit.swapped(),
            source_name=op.name,
            category=op.category,
            category_label=op.category_label,
            amount=op.amount,
        )
    if isinstance(op, PostsTransferred):
        return PostsTransferred(
            **{**common, "unit": op.source.swapped(), "name": op.source_name},
            source=op.unit.swapped(),
            source_name=op.name,
            amount=op.amount,
        )
    if isinstance(op, Interim):  # derived: it states the period, the operation beside it changes the spec
        return op.model_copy(update=common)
    if isinstance(op, DutiesHandedOver):  # derived, no change; the inverse has no document's word
        return op.model_copy(update={**common, "verb": None, "back": not op.back})
    if isinstance(op, PlaqueAdded):
        return PlaqueRemoved(**common, plaque=op.plaque)
    if isinstance(op, PlaqueRemoved):
        return PlaqueAdded(**common, plaque=op.plaque)
    if isinstance(op, DutyTransferred):
        return DutyTransferred(
            **{**common, "unit": op.source.swapped(), "name": op.source_name},
            source=op.unit.swapped(),
            source_name=op.name,
            before=op.after,
            after=op.before,
        )  # no verb: the inverse is no document's move
    if isinstance(op, DutyAdded):
        return DutyCancelled(**common, before=op.after, counterpart=op.counterpart)
    if isinstance(op, DutyCancelled):
        return DutyAdded(**common, after=op.before, counterpart=op.counterpart)
    if isinstance(op, KindChanged):
        return KindChanged(
            **common, before=op.after, after=op.before, before_label=op.after_label, after_label=op.before_label
        )
    if isinstance(op, Reorder):
        return Reorder(
            **common, before=tuple(p.swapped() for p in op.after), after=tuple(p.swapped() for p in op.before)
        )
    if isinstance(op, Reconstitute):
        words = {"verb": None, "stated_as": None, "stated_rank": None}  # the document's words word the change only
        return op.model_copy(update={**common, "before": op.after, "after": op.before, **words})
    # rename, duty-reworded, duties-reordered, quota-changed, posts-changed, rank-changed, attribute-changed
    return op.model_copy(update={**common, "before": op.after, "after": op.before})


def invert(diff: Diff) -> Diff:
    """Return the diff that undoes ``diff``: operations reversed and each inverted."""
    return diff.model_copy(
        update={
            "old": diff.new,
            "new": diff.old,
            "operations": tuple(invert_op(op) for op in reversed(diff.operations)),
            "proposals": tuple(
                p.model_copy(
                    update={
                        "old": p.new.swapped(),
                        "new": p.old.swapped(),
                        "old_name": p.new_name,
                        "new_name": p.old_name,
                    }
                )
                for p in diff.proposals
            ),
            "summary": diff.summary,
        }
    )
