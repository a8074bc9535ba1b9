"""Units: duplicate names, sections without duties, ranks.

Imports: :mod:`orgspec.checks.context`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.checks.context import Context
from orgspec.diagnostics import Diagnostic
from orgspec.model.units import Unit
from orgspec.model.values import UnitKind
from orgspec.model.vocab import rank_level, rank_range

__all__ = ["duplicate_names", "ranks", "sections_have_duties"]


def _siblings(ctx: Context) -> Iterator[list[str]]:
    """Yield the paths of the bodies, then of the units under each unit that has some, in document order."""
    yield [f"/bodies/{i}" for i in range(len(ctx.spec.bodies))]
    for path, unit in ctx.units():
        if unit.units:
            yield [f"{path}/units/{i}" for i in range(len(unit.units))]


def duplicate_names(ctx: Context) -> Iterator[Diagnostic]:
    """OS504: two bodies with one name, or two units with one name under one parent."""
    for paths in _siblings(ctx):  # one group at a time: all of them at once were a large spec's peak
        first: dict[str, str] = {}
        for p in paths:
            unit = ctx.index.units[p]
            key = ctx.key(p)  # name_key(unit.name), computed once by the index
            if key in first:
                earlier = ctx.index.units[first[key]].name
                also = "" if earlier == unit.name else f" (first as '{earlier}', the same name in another script)"
                yield ctx.diag(
                    "OS504",
                    f"'{unit.name}' is listed twice{also}",
                    f"{p}/name",
                    hint="names identify units; remove the repeated unit or correct its name",
                    related=[("first listed here", f"{first[key]}/name")],
                )
            else:
                first[key] = p


_EXEMPT = {UnitKind.PARTY_COMMITTEE, UnitKind.SERVICE_CENTRE, UnitKind.DISCIPLINE_UNIT}


def sections_have_duties(ctx: Context) -> Iterator[Diagnostic]:
    """OS501: a section lists duties, directly or through a shared duty list."""
    shared: set[str] = set()
    for _, unit in ctx.units():
        for lst in unit.shared_duties:
            if lst.duties:
                for ref in lst.sections:
                    target = ctx.index.lookup(ref)
                    if target is not None:
                        shared.add(target)
    unstated = [f"{path}/" for path, unit in ctx.units() if unit.section_duties_unstated]
    for path, unit in ctx.units():
        if unit.kind is not UnitKind.SECTION or unit.duties or unit.per_regulations or unit.units:
            continue
        if path in shared or unit.kind in _EXEMPT:
            continue
        if any(path.startswith(above) for above in unstated):
            continue  # the document gives no duties per section here: nothing is missing
        yield ctx.diag(
            "OS501",
            f"the section '{unit.name}' lists no duties",
            f"{path}/name",
            hint="add a duties block, or a shared-duties list that names it",
        )


def ranks(ctx: Context) -> Iterator[Diagnostic]:
    """OS502/OS503: a section does not outrank its body (or nearest ranked unit above it); ranks on the scale."""
    for path, unit in ctx.units():
        for field, value in (("rank", unit.rank), ("section_rank", unit.section_rank)):
            if value is not None and rank_level(value) is None and rank_range(value) is None:
                yield ctx.diag(
                    "OS503",
                    f"the rank '{value}' of '{unit.name}' is not on the known scale",
                    f"{path}/{field}",
                    hint="known ranks: 部级, 厅局级, 处级, 科级, 股级 with 正/副; it is kept but not compared",
                )
        if unit.rank_as is not None and unit.rank is not None:
            yield from _rank_as(ctx, path, unit)
        for i, child in enumerate(unit.units):
            child_rank = child.rank or unit.section_rank
            level = rank_level(child_rank) if child_rank else None
            ranked = _nearest_ranked(ctx, path) if level is not None else None
            if level is None or ranked is None:
                continue
            apath, ancestor, ancestor_level = ranked
            if level > ancestor_level:
                cpath = f"{path}/units/{i}"
                yield ctx.diag(
                    "OS502",
                    f"'{child.name}' ({child_rank}) outranks '{ancestor.name}' ({ancestor.rank})",
                    f"{cpath}/rank",
                    fallback=f"{path}/section_rank",
                    hint="an internal section cannot outrank its body; check both ranks against the document",
                    related=[(f"the rank of '{ancestor.name}'", f"{apath}/rank")],
                )


def _rank_as(ctx: Context, path: str, unit: Unit) -> Iterator[Diagnostic]:
    """OS505: a unit's own rank against the rank of the body it is said to rank as."""
    assert unit.rank_as is not None
    assert unit.rank is not None
    other_path = ctx.index.lookup(unit.rank_as)
    other = ctx.index.units[other_path] if other_path is not None else None
    if other is None or other.rank is None:
        return  # a body outside the spec, or one with no rank: nothing to compare
    mine, theirs = rank_level(unit.rank), rank_level(other.rank)
    if mine is None or theirs is None or mine == theirs:
        return
    words = f" (\u201c{unit.rank_as_text}\u201d)" if unit.rank_as_text else ""
    yield ctx.diag(
        "OS505",
        f"'{unit.name}' is {unit.rank}, but it is stated to rank as '{other.name}'{words}, which is {other.rank}",
        f"{path}/rank",
        hint="one of the two ranks is wrong, or the document gives the other body's rank of another date",
        related=[(f"the rank of '{other.name}'", f"{other_path}/rank"), ("stated to rank as", f"{path}/rank_as")],
    )


def _nearest_ranked(ctx: Context, path: str | None) -> tuple[str, Unit, float] | None:
    """Return the unit at ``path`` or its nearest ancestor with a rank on the scale, with that level."""
    while path is not None:
        unit = ctx.index.units[path]
        level = rank_level(unit.rank) if unit.rank else None
        if level is not None:
            return path, unit, level
        path = ctx.index.parent[path]
    return None
