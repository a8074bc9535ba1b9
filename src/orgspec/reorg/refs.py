"""The units a diff's operations refer to by id, by name: what the printed forms say instead of the id.

A statement may name another unit by its id (``superior @gov``, ``managed-by @a``); the operations
keep the reference as the spec states it, so that they apply. :func:`ref_names` finds the names of
those units when the diff is made (the ``refs`` of a :class:`~orgspec.reorg.ops.Diff`), and
:func:`named_ops` gives the operations as a reader reads them: each reference by id that ``refs``
names becomes a reference by that name (乙局由甲局管理, not 乙局由a管理). A reference to an id
neither spec has stays as it is.

Looked at: a unit's ``superior``, ``rank_as``, relations and member bodies (of an established or abolished unit),
a move's superiors, and every reference in the JSON values of an ``attribute-changed``.

Imports: :mod:`orgspec.reorg.ops`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from orgspec.model.units import Spec, Unit
from orgspec.model.values import Ref
from orgspec.reorg.ops import Abolish, AttributeChanged, Demote, Establish, Move, Operation

__all__ = ["name_of", "named_ops", "ref_names"]


def _unit_refs(unit: Unit) -> Iterator[Ref | None]:
    yield unit.superior
    yield unit.rank_as
    for r in unit.relations:
        yield r.target
    for m in unit.members:
        yield m.body


def _json_ids(value: Any) -> Iterator[str]:
    """Yield the ids of the references by id in a JSON value (``{"target": "a", "by": "id"}``)."""
    if isinstance(value, dict):
        if value.get("by") == "id" and isinstance(value.get("target"), str):
            yield value["target"]
        for v in value.values():
            yield from _json_ids(v)
    elif isinstance(value, list):
        for v in value:
            yield from _json_ids(v)


def _ids(ops: Iterable[Operation]) -> set[str]:
    """Return the ids the operations refer to."""
    refs: list[Ref | None] = []
    ids: set[str] = set()
    for op in ops:
        if isinstance(op, Establish):
            refs.extend(_unit_refs(op.after))
        elif isinstance(op, Abolish | Demote):
            refs.extend(_unit_refs(op.before))
        elif isinstance(op, Move):
            refs += [op.superior_before, op.superior_after]
        elif isinstance(op, AttributeChanged):
            ids.update(_json_ids(op.before))
            ids.update(_json_ids(op.after))
    ids.update(r.target for r in refs if r is not None and r.by == "id")
    return ids


def ref_names(old: Spec, new: Spec, ops: Sequence[Operation]) -> dict[str, str]:
    """Return, for each id the operations refer to, the name of its unit: in the new spec, else in the old."""
    wanted = _ids(ops)
    if not wanted:
        return {}
    out: dict[str, str] = {}
    for spec in (new, old):
        for unit in spec.walk():
            if unit.id is not None and unit.id in wanted and unit.id not in out:
                out[unit.id] = unit.name
    return out


def name_of(ref: Ref | None, refs: dict[str, str]) -> str | None:
    """Return how a reader names the unit ``ref`` points at: its name when ``refs`` has it, else the target."""
    if ref is None:
        return None
    if ref.by == "id":
        return refs.get(ref.target, ref.target)
    return ref.target


def _named(ref: Ref | None, refs: dict[str, str]) -> Ref | None:
    if ref is None or ref.by != "id" or ref.target not in refs:
        return ref
    return Ref(target=refs[ref.target], by="name")


def _named_json(value: Any, refs: dict[str, str]) -> Any:
    if isinstance(value, dict):
        if value.get("by") == "id" and value.get("target") in refs:
            return {**value, "target": refs[value["target"]], "by": "name"}
        return {k: _named_json(v, refs) for k, v in value.items()}
    if isinstance(value, list):
        return [_named_json(v, refs) for v in value]
    return value


def _refers(unit: Unit, refs: dict[str, str]) -> bool:
    return any(r is not None and r.by == "id" and r.target in refs for r in _unit_refs(unit))


def _named_unit(unit: Unit, refs: dict[str, str]) -> Unit:
    relations = tuple(r.model_copy(update={"target": _named(r.target, refs)}) for r in unit.relations)
    members = tuple(m.model_copy(update={"body": _named(m.body, refs)}) for m in unit.members)
    update = {
        "superior": _named(unit.superior, refs),
        "rank_as": _named(unit.rank_as, refs),
        "relations": relations,
        "members": members,
    }
    return unit.model_copy(update=update)


def named_ops(ops: Sequence[Operation], refs: dict[str, str]) -> list[Operation]:
    """Return the operations as a reader reads them: references by id that ``refs`` names, by that name.

    For the printed forms only: the copies do not apply (an operation's before-values are the spec's).
    An operation with no such reference is returned as it is (the same object).
    """
    if not refs:
        return list(ops)
    return [_named_op(op, refs) for op in ops]


def _named_op(op: Operation, refs: dict[str, str]) -> Operation:
    if isinstance(op, Establish) and _refers(op.after, refs):
        return op.model_copy(update={"after": _named_unit(op.after, refs)})
    if isinstance(op, Abolish | Demote) and _refers(op.before, refs):
        return op.model_copy(update={"before": _named_unit(op.before, refs)})
    if isinstance(op, Move):
        before, after = _named(op.superior_before, refs), _named(op.superior_after, refs)
        return op.model_copy(update={"superior_before": before, "superior_after": after})
    if isinstance(op, AttributeChanged):
        return op.model_copy(update={"before": _named_json(op.before, refs), "after": _named_json(op.after, refs)})
    return op
