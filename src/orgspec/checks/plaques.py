"""Plaques: another name of the same unit, unique in the spec.

Imports: :mod:`orgspec.checks.context`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from orgspec.checks.context import Context
from orgspec.diagnostics import Diagnostic
from orgspec.model.names import name_key

__all__ = ["plaque_names"]


def _scopes(ctx: Context) -> Callable[[str], str]:
    """Return the scope of a unit's names: the body standing for a class it is in, else the spec ("")."""
    roots = [p for p, u in ctx.units() if u.stands_for is not None]
    if not roots:
        return lambda path: ""

    def scope(path: str) -> str:
        inside = [r for r in roots if path == r or path.startswith(r + "/")]
        return max(inside, key=len) if inside else ""

    return scope


def plaque_names(ctx: Context) -> Iterator[Diagnostic]:
    """OS401/OS402: a plaque differs from its unit's name and names nothing else in the spec.

    Below a body that stands for a class of like bodies (``stands-for``), each name is that of
    every member's own unit: its plaques are compared only with the names in the same class body.
    """
    scope = _scopes(ctx)
    owners: dict[tuple[str, str], str] = {}
    for path, unit in ctx.units():
        owners.setdefault((scope(path), name_key(unit.name)), f"{path}/name")
    seen: dict[tuple[str, str], str] = {}
    for path, unit in ctx.units():
        own = name_key(unit.name)
        where = scope(path) if unit.plaques else ""
        for i, plaque in enumerate(unit.plaques):
            ppath = f"{path}/plaques/{i}"
            key = (where, name_key(plaque.name))
            if key[1] == own:
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
                    hint="one name identifies one unit; a plaque cannot be another unit's name",
                    related=[("that unit", owners[key])],
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
