"""Simulating the list operations of a diff (duties, plaques, quotas) as list steps.

A step removes the first equal item, appends one, or replaces one in place, as
:func:`orgspec.apply` does; :func:`bracket` finds the list values around a run of
operations that make both it and its inverse apply.

Imports: :mod:`orgspec.reorg.ops`, :mod:`orgspec.reorg.conflicts`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from typing import Any

from orgspec.model.units import Duty
from orgspec.reorg.conflicts import ConflictError, remove_first
from orgspec.reorg.ops import DutyAdded, DutyCancelled, DutyReworded, PlaqueAdded, PlaqueRemoved, QuotaChanged

__all__ = ["Step", "bracket", "invert_steps", "list_steps", "remove_all", "run_duties", "simulate"]

#: One step on a list, for simulating operations quickly: remove, append or replace an item.
Step = tuple[str, Any, Any]


def list_steps(ops: list[Any]) -> list[Step]:
    """Return the list steps of duty, plaque and quota operations (steps pass through)."""
    out: list[Step] = []
    for op in ops:
        if isinstance(op, tuple):
            out.append(op)
        elif isinstance(op, DutyCancelled):
            out.append(("rm", op.before, None))
        elif isinstance(op, DutyAdded):
            out.append(("add", None, op.after))
        elif isinstance(op, DutyReworded):
            out.append(("rep", op.before, op.after))
        elif isinstance(op, PlaqueRemoved):
            out.append(("rm", op.plaque, None))
        elif isinstance(op, PlaqueAdded):
            out.append(("add", None, op.plaque))
        elif isinstance(op, QuotaChanged):
            if op.before is not None and op.after is not None:
                out.append(("rep", op.before, op.after))
            elif op.before is not None:
                out.append(("rm", op.before, None))
            else:
                out.append(("add", None, op.after))
        else:
            raise TypeError(f"no list step for {op.op}")
    return out


def simulate(start: tuple[Any, ...], steps: list[Step]) -> tuple[Any, ...]:
    """Apply list steps as ``apply`` does: remove the first equal item, append, replace in place."""
    items = list(start)
    for kind, before, after in steps:
        if kind == "add":
            items.append(after)
            continue
        try:
            i = items.index(before)
        except ValueError:
            raise ConflictError(f"{before!r} is not there") from None
        if kind == "rm":
            del items[i]
        else:
            items[i] = after
    return tuple(items)


def invert_steps(steps: list[Step]) -> list[Step]:
    """Return the steps that undo ``steps``, in the order that undoes them."""
    swap = {"rm": "add", "add": "rm", "rep": "rep"}
    return [(swap[k], a, b) for k, b, a in reversed(steps)]


def bracket(field: str, a_val: Any, b_val: Any, ops: list[Any]) -> tuple[Any, Any] | None:
    """Return (pre, post) list values so that pre → ops → post gives b and the inverse gives a.

    ``pre`` is what the unit's list must be before ``ops`` so that the inverse,
    which re-appends what ``ops`` removed, ends where the old list was; ``post``
    is the list the ops leave. None when no consistent pair exists.
    """
    steps = list_steps(ops)
    back_steps = invert_steps(steps)
    # ``ops`` remove and replace the first equal item, their inverse re-appends: a value stated twice
    # (the same duty text in two places) may need several rounds before the list is one both agree on,
    # each round moving a re-appended item further back (甲甲甲乙 less one 甲 settles as 乙甲甲甲)
    back = a_val
    try:
        for _ in range(len(a_val) + len(steps) + 2):
            fwd = simulate(back, steps)
            again = simulate(fwd, back_steps)
            if again == back:
                return back, fwd
            back = again
    except ConflictError:
        return None
    return None


def run_duties(start: tuple[Duty, ...], seq: list[Any]) -> tuple[Duty, ...]:
    """Return a duty list after the steps and duty operations ``seq``."""
    return simulate(start, list_steps(seq))


def remove_all(items: tuple[Duty, ...], gone: Any) -> tuple[Duty, ...]:
    """Return ``items`` without one occurrence of each of ``gone``."""
    for d in gone:
        items = remove_first(items, d)
    return items
