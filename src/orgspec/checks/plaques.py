"""Plaques: another name of the same unit, unique in the spec.

Imports: :mod:`orgspec.checks.context`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.checks.context import Context
from orgspec.diagnostics import Diagnostic

__all__ = ["plaque_names"]


def plaque_names(ctx: Context) -> Iterator[Diagnostic]:
    """OS401/OS402: a plaque differs from its unit's name and names nothing else in the spec."""
    keys = ctx.index.keys  # per unit: its name's key, then its plaques'
    owners: dict[str, str] = {}  # name key -> path of the first unit of that name
    for path, unit_keys in keys.items():
        owners.setdefault(unit_keys[0], path)
    seen: dict[str, str] = {}
    for path, unit in ctx.selected.plaques:
        own, *plaque_keys = keys[path]
        for i, (plaque, key) in enumerate(zip(unit.plaques, plaque_keys, strict=True)):
            ppath = f"{path}/plaques/{i}"
            if key == own:
                yield ctx.diag(
                    "OS401",
                    f"the plaque '{plaque.name}' repeats the name of the unit that carries it",
                    ppath,
                    hint="a plaque is another name of the same unit; remove it or correct it",
                    related=[("the unit's name", f"{path}/name")],
                )
                continue
            if key in owners:
                yield ctx.diag(
                    "OS402",
                    f"the plaque '{plaque.name}' is the name of another unit in this spec",
                    ppath,
                    related=[("that unit", f"{owners[key]}/name")],
                )
            elif key in seen:
                yield ctx.diag(
                    "OS402",
                    f"the plaque '{plaque.name}' is carried twice",
                    ppath,
                    hint="one name identifies one unit",
                    related=[("first carried here", seen[key])],
                )
            else:
                seen[key] = ppath
