"""The changes of a unit that stays: 更名 (or a reconstitution or respelling), moves, 类别, 规格, 牌子, 编制, 职数.

Imports: :mod:`orgspec.reorg.*`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from typing import Any

from orgspec.model.pools import pool_key
from orgspec.model.units import EventKind, Plaque
from orgspec.reorg.declared import (
    event_basis,
    event_verb,
    name_op,
    reestablished,
    script_only,
    stated_of,
)
from orgspec.reorg.emit_base import _OTHER, EmitterBase, _dump, _jv, _multiset_minus
from orgspec.reorg.fold import fold
from orgspec.reorg.ops import (
    AttributeChanged,
    KindChanged,
    Move,
    Operation,
    Pair,
    PlaqueAdded,
    PlaqueRemoved,
    PostsChanged,
    QuotaChanged,
    RankChanged,
    Reconstitute,
    Respell,
)
from orgspec.reorg.steps import bracket
from orgspec.reorg.tree import Node

__all__ = ["UnitPhases"]

_PLAQUE_ADDED = (EventKind.PLAQUE_ADDED,)


def _respelled(a: tuple[Plaque, ...], b: tuple[Plaque, ...]) -> bool:
    """Return True when two plaque lists differ only in the script of their names."""
    return len(a) == len(b) and all(
        x.model_copy(update={"name": fold(x.name)}) == y.model_copy(update={"name": fold(y.name)})
        for x, y in zip(a, b, strict=True)
    )


class UnitPhases(EmitterBase):
    """The changes of a unit that stays: 更名, moves, 类别, 规格, 牌子, 编制, 职数."""

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
            words = {"verb": again.verb, **stated_of(again)}
            ops.append(Reconstitute(**base, before=a.name, after=b.name, basis=again.basis, **words))
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
                    basis=event_basis(a, b, (EventKind.MOVED,)),
                    verb=event_verb(a, b, (EventKind.MOVED,)),
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
                        *(
                            PlaqueRemoved(
                                **{**base, "basis": event_basis(a, b, (EventKind.PLAQUE_REMOVED,), plaque=p.name)},
                                plaque=p,
                            )
                            for p in _multiset_minus(a.plaques, b.plaques)
                        ),
                        *(
                            PlaqueAdded(
                                **{**base, "basis": p.basis or event_basis(a, b, _PLAQUE_ADDED, plaque=p.name)},
                                plaque=p,
                                verb=event_verb(a, b, _PLAQUE_ADDED, plaque=p.name),
                            )
                            for p in _multiset_minus(b.plaques, a.plaques)
                        ),
                    ],
                )
            )
        quota_ops: list[Operation] = []
        if "quotas" in fields:
            # a quota is matched by its pool: the category and, for one of no known category, its words
            # (专职干部 and 人员编制 are two pools, each other, never one changed into the other)
            ka = [pool_key(q.category, q.category_label) for q in a.quotas]
            kb = [pool_key(q.category, q.category_label) for q in b.quotas]
            if len(set(ka)) == len(ka) and len(set(kb)) == len(kb):
                qa = dict(zip(ka, a.quotas, strict=True))
                qb = dict(zip(kb, b.quotas, strict=True))
                for key in [*ka, *(k for k in kb if k not in qa)]:
                    if qa.get(key) != qb.get(key):
                        quota_ops.append(
                            QuotaChanged(
                                **{**base, "basis": event_basis(a, b, (EventKind.QUOTA_CHANGED,))},
                                category=key[0],
                                before=qa.get(key),
                                after=qb.get(key),
                            )
                        )
            ops.extend(self.group("quotas", a.quotas, b.quotas, base, quota_ops))
        if "posts" in fields:
            ops.append(PostsChanged(**base, before=a.posts, after=b.posts))
        for field in _OTHER:
            if field in fields:
                ops.append(AttributeChanged(**base, field=field, before=_dump(a, field), after=_dump(b, field)))
        return ops

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
