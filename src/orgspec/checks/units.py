"""Units: duplicate names, sections without duties, ranks.

Imports: :mod:`orgspec.checks.context`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.checks.context import Context
from orgspec.diagnostics import Diagnostic
from orgspec.model.values import UnitKind
from orgspec.model.vocab import rank_level

__all__ = ["duplicate_names", "ranks", "sections_have_duties"]


def duplicate_names(ctx: Context) -> Iterator[Diagnostic]:
    """OS504: two bodies with one name, or two units with one name under one parent."""
    yield from _duplicates(ctx, "/bodies", len(ctx.spec.bodies))
    for path, unit in ctx.selected.parents:
        if len(unit.units) > 1:
            yield from _duplicates(ctx, f"{path}/units", len(unit.units))


def _duplicates(ctx: Context, where: str, count: int) -> Iterator[Diagnostic]:
    """OS504 among the ``count`` siblings at ``where/0``, ``where/1`` and so on."""
    first: dict[str, str] = {}
    for i in range(count):
        p = f"{where}/{i}"
        key = ctx.key(p)
        if key in first:
            yield ctx.diag(
                "OS504",
                f"'{ctx.index.units[p].name}' is listed twice",
                f"{p}/name",
                related=[("first listed here", f"{first[key]}/name")],
            )
        else:
            first[key] = p


_EXEMPT = {UnitKind.PARTY_COMMITTEE, UnitKind.SERVICE_CENTRE, UnitKind.DISCIPLINE_UNIT}


def sections_have_duties(ctx: Context) -> Iterator[Diagnostic]:
    """OS501: a section lists duties, directly or through a shared duty list."""
    shared: set[str] = set()
    for _, unit in ctx.selected.shared_duties:
        for lst in unit.shared_duties:
            if lst.duties:
                for ref in lst.sections:
                    target = ctx.index.lookup(ref)
                    if target is not None:
                        shared.add(target)
    for path, unit in ctx.selected.bare_sections:  # sections without duties or units, not per regulations
        if path in shared or unit.kind in _EXEMPT:
            continue
        yield ctx.diag(
            "OS501",
            f"the section '{unit.name}' lists no duties",
            f"{path}/name",
            hint="add a duties block, or a shared-duties list that names it",
        )


def ranks(ctx: Context) -> Iterator[Diagnostic]:
    """OS502/OS503: a section does not outrank its body; ranks are on the known scale."""
    # Units with neither a rank nor a rank of their sections have nothing to place or compare.
    for path, unit in ctx.selected.ranked:
        for field, value in (("rank", unit.rank), ("section_rank", unit.section_rank)):
            if value is not None and rank_level(value) is None:
                yield ctx.diag(
                    "OS503",
                    f"the rank '{value}' of '{unit.name}' is not on the known scale",
                    f"{path}/{field}",
                    hint="known ranks: 部级, 厅局级, 处级, 科级, 股级 with 正/副; it is kept but not compared",
                )
        body_level = rank_level(unit.rank) if unit.rank else None
        if body_level is None:
            continue
        for i, child in enumerate(unit.units):
            child_rank = child.rank or unit.section_rank
            level = rank_level(child_rank) if child_rank else None
            if level is not None and level > body_level:
                cpath = f"{path}/units/{i}"
                yield ctx.diag(
                    "OS502",
                    f"'{child.name}' ({child_rank}) outranks '{unit.name}' ({unit.rank})",
                    f"{cpath}/rank",
                    fallback=f"{path}/section_rank",
                    related=[("the body's rank", f"{path}/rank")],
                )
