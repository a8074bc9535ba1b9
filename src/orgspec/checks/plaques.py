"""Plaques: another name of the same unit, unique in the spec.

Imports: :mod:`orgspec.checks.context`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from orgspec.checks.context import Context
from orgspec.diagnostics import Diagnostic
from orgspec.model.names import name_key
from orgspec.model.units import RelationKind

__all__ = ["plaque_bodies", "plaque_names"]


def _scopes(ctx: Context) -> Callable[[str], str]:
    """Return the scope of a unit's names: the body standing for a class it is in, else the spec ("")."""
    roots = [p for p, u in ctx.units() if u.stands_for is not None]
    if not roots:
        return lambda path: ""

    def scope(path: str) -> str:
        inside = [r for r in roots if path == r or path.startswith(r + "/")]
        return max(inside, key=len) if inside else ""

    return scope


def _hung(ctx: Context) -> dict[str, set[str]]:
    """Return, for each unit of the spec, the names (``path/name``) of the bodies stated ``plaque-on`` it."""
    out: dict[str, set[str]] = {}
    for path, unit in ctx.units():
        for rel in unit.relations:
            if rel.kind is RelationKind.PLAQUE_ON:
                target = ctx.index.lookup(rel.target)
                if target is not None:
                    out.setdefault(target, set()).add(f"{path}/name")
    return out


def plaque_bodies(ctx: Context) -> Iterator[Diagnostic]:
    """OS404: a body that exists only as a plaque on another body (``plaque-on``) states staff of its own.

    Such a body (在…加挂该机构牌子, 其牌子挂在…) has no quota, staff in post or leadership posts
    apart from the body that carries its plaque: figures stated on it are either the carrier's,
    misplaced, or the sign that it is a body of its own after all. A relation that has ended
    (``until``) is left out: the body may have been set up on its own since.
    """
    for path, unit in ctx.units():
        rel = next(
            (r for r in unit.relations if r.kind is RelationKind.PLAQUE_ON and r.until is None),
            None,
        )
        if rel is None:
            continue
        i = unit.relations.index(rel)
        found = ctx.index.lookup(rel.target)
        carrier = ctx.index.units[found].name if found is not None else rel.target.target
        for field, what in (("quotas", "a quota"), ("actual", "staff in post"), ("posts", "leadership posts")):
            if getattr(unit, field):
                yield ctx.diag(
                    "OS404",
                    f"'{unit.name}' exists only as a plaque on '{carrier}' but states {what} of its own",
                    f"{path}/{field}/0",
                    hint="a plaque has no staff of its own: state the figures on the body that carries it, "
                    "or end the `plaque-on` relation (`until`) if the body has been set up on its own",
                    related=[("the plaque-on relation", f"{path}/relations/{i}")],
                )
                break


def plaque_names(ctx: Context) -> Iterator[Diagnostic]:
    """OS401/OS402: a plaque differs from its unit's name and names nothing else in the spec.

    Below a body that stands for a class of like bodies (``stands-for``), each name is that of
    every member's own unit: its plaques are compared only with the names in the same class body.
    """
    scope = _scopes(ctx)
    owners: dict[tuple[str, str], str] = {}
    hung = _hung(ctx)
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
            if key in owners and owners[key] in hung.get(path, ()):
                seen[key] = ppath  # the body stated `plaque-on` this one: its name is this plaque
            elif key in owners:
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
