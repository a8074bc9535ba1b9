"""Working offices (办事机构): a coordinating body has one unit that does its day-to-day work.

Imports: :mod:`orgspec.checks.context`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.checks.context import Context
from orgspec.diagnostics import Diagnostic
from orgspec.model.names import name_key
from orgspec.model.units import RelationKind
from orgspec.model.values import Ref

__all__ = ["working_offices"]


def working_offices(ctx: Context) -> Iterator[Diagnostic]:
    """OS319: two different units are stated as the working office of one body (either direction).

    A relation that has ended (``until``) and the relations of an abolished unit are left out: an
    office replaced by another is a history, not a conflict.
    """

    def key(ref: Ref) -> tuple[str, str]:
        found = ctx.index.lookup(ref)
        if found is not None:
            return found, ctx.index.units[found].name
        return "name:" + name_key(ref.target), ref.target

    # body key -> office key -> (office name, where it is stated), in document order
    offices: dict[str, dict[str, tuple[str, str, str]]] = {}
    for path, unit in ctx.units():
        if path in ctx.gone:
            continue
        for i, rel in enumerate(unit.relations):
            if rel.until is not None:
                continue
            where = f"{path}/relations/{i}"
            if rel.kind is RelationKind.OFFICE_OF:
                (body, body_name), (office, office_name) = key(rel.target), (path, unit.name)
            elif rel.kind is RelationKind.WORKING_OFFICE:
                (body, body_name), (office, office_name) = (path, unit.name), key(rel.target)
            else:
                continue
            seen = offices.setdefault(body, {})
            if office in seen:
                continue
            if seen:
                first_name, _, first_where = next(iter(seen.values()))
                yield ctx.diag(
                    "OS319",
                    f"'{body_name}' has two working offices: '{first_name}' and '{office_name}'",
                    where,
                    hint="a coordinating body has one 办事机构; if one replaced the other, give the old "
                    "relation its `until` date",
                    related=[("the first stated here", first_where)],
                )
            seen[office] = (office_name, body_name, where)
