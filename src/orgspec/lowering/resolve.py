"""Resolve references and ids: the index of a spec, duplicate ids, unresolved references, cycles.

Imports: :mod:`orgspec.model`, :mod:`orgspec.lowering.reader`, :mod:`orgspec.lowering.lower`.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator

from orgspec.lowering.lower import SourceMap
from orgspec.lowering.reader import Reader
from orgspec.model.names import name_key
from orgspec.model.units import Post, RelationKind, Spec, Unit
from orgspec.model.values import Ref

__all__ = ["Index", "resolve"]


class Index:
    """Every unit of a spec by path, by id and by normalised name or plaque.

    ``keys`` holds the normalised names of each unit (its name, then its
    plaques and short names, as :meth:`Unit.known_as` lists them), so that the
    checks compare names without normalising them again.
    """

    def __init__(self, spec: Spec) -> None:
        self.units: dict[str, Unit] = {}
        self.parent: dict[str, str | None] = {}
        self.keys: dict[str, tuple[str, ...]] = {}
        self.by_id: dict[str, str] = {}
        #: The first unit (in document order) of each normalised name, plaque or short name.
        self.by_name: dict[str, str] = {}
        self.id_prefixes: dict[str, list[str]] | None = None
        units, parents, all_keys, by_id, by_name = self.units, self.parent, self.keys, self.by_id, self.by_name
        for path, unit, parent in walk_paths(spec):
            units[path] = unit
            parents[path] = parent
            if unit.id is not None and unit.id not in by_id:
                by_id[unit.id] = path
            named = unit.plaques or unit.short_names
            keys = tuple(map(name_key, unit.known_as())) if named else (name_key(unit.name),)
            all_keys[path] = keys
            for key in keys:
                if key not in by_name:
                    by_name[key] = path

    def lookup(self, ref: Ref) -> str | None:
        """Return the path of the unit a reference names, or None (external or unresolved)."""
        if ref.by == "id":
            return self.by_id.get(ref.target)
        return self.by_name.get(name_key(ref.target))


def walk_paths(spec: Spec) -> Iterator[tuple[str, Unit, str | None]]:
    """Yield ``(path, unit, parent_path)`` for every unit, depth first, in document order."""
    stack: list[tuple[str, Unit, str | None]] = [
        (f"/bodies/{i}", b, None) for i, b in reversed(list(enumerate(spec.bodies)))
    ]
    while stack:
        path, unit, parent = stack.pop()
        yield path, unit, parent
        for i in range(len(unit.units) - 1, -1, -1):
            stack.append((f"{path}/units/{i}", unit.units[i], path))


#: The lists of a unit that may hold references (with its superior, what _refs looks at).
_REF_LISTS = operator.itemgetter(
    "relations", "shared_duties", "function_changes", "quotas", "posts", "members", "history", "stated", "choices"
)


def _refs(path: str, unit: Unit) -> Iterator[tuple[str, Ref]]:
    """Yield ``(path of the reference, reference)`` for every reference a unit makes, in field order."""
    # Most units make no reference: each list is looked at only when it is not empty.
    if unit.superior is not None:
        yield f"{path}/superior", unit.superior
    if unit.rank_as is not None:
        yield f"{path}/rank_as", unit.rank_as
    if unit.relations:
        for i, rel in enumerate(unit.relations):
            yield f"{path}/relations/{i}/target", rel.target
    if unit.shared_duties:
        for i, shared in enumerate(unit.shared_duties):
            for j, ref in enumerate(shared.sections):
                yield f"{path}/shared_duties/{i}/sections/{j}", ref
    if unit.function_changes:
        for i, change in enumerate(unit.function_changes):
            if change.counterpart is not None:
                yield f"{path}/function_changes/{i}", change.counterpart
    if unit.quotas:
        for i, quota in enumerate(unit.quotas):
            for j, part in enumerate(quota.parts):
                if part.unit is not None:
                    yield f"{path}/quotas/{i}/parts/{j}", part.unit
                for k, ref in enumerate(part.each):
                    yield f"{path}/quotas/{i}/parts/{j}/each/{k}", ref
            for j, ref in enumerate(quota.over):
                yield f"{path}/quotas/{i}/over/{j}", ref
    if unit.posts:
        for i, item in enumerate(unit.posts):
            for j, part in enumerate(item.parts):
                if part.unit is not None:
                    yield f"{path}/posts/{i}/parts/{j}", part.unit
                for k, ref in enumerate(part.each):
                    yield f"{path}/posts/{i}/parts/{j}/each/{k}", ref
            posts = [(f"{path}/posts/{i}", item)] if isinstance(item, Post) else []
            posts += [(f"{path}/posts/{i}/posts/{j}", p) for j, p in enumerate(getattr(item, "posts", ()))]
            for ppath, post in posts:
                for k, holder in enumerate(post.holders):
                    if holder.concurrent_of is not None:
                        yield f"{ppath}/holders/{k}/of", holder.concurrent_of
    if unit.stated:
        for i, stated in enumerate(unit.stated):
            for j, ref in enumerate(stated.over):
                yield f"{path}/stated/{i}/over/{j}", ref
    if unit.choices:
        for i, choice in enumerate(unit.choices):
            for j, ref in enumerate(choice.units):
                yield f"{path}/choices/{i}/units/{j}", ref
    if unit.members:
        for i, member in enumerate(unit.members):
            if member.body is not None:
                yield f"{path}/members/{i}", member.body
    if unit.history:
        for i, event in enumerate(unit.history):
            if event.target is not None:
                yield f"{path}/history/{i}/target", event.target
    if unit.stands_for is not None:
        for i, ref in enumerate(unit.stands_for.members):
            yield f"{path}/stands_for/members/{i}", ref


def resolve(spec: Spec, smap: SourceMap, reader: Reader) -> Index:
    """Index the spec and report duplicate ids, unresolved references and relation cycles."""
    index = Index(spec)
    by_id = index.by_id  # the first unit of each id, in document order
    referring: list[tuple[str, Unit]] = []
    # One pass over the units (reading a unit costs more than testing it on a large spec): report
    # reused ids, and set aside the units that may make references, for the next loop.
    for item in index.units.items():
        path, unit = item
        fields = unit.__dict__  # faster than attributes: BaseModel defines __getattr__
        ident = fields["id"]
        if ident is not None and by_id[ident] != path:
            reader.error(
                "OS207",
                f"the id '{ident}' is already used",
                smap.get(path + "/id", path),
                hint="ids must be unique within a spec",
                related=(reader.related("first used here", smap.get(by_id[ident] + "/id")),),
            )
        refers = fields["superior"] is not None or fields["stands_for"] is not None or fields["rank_as"] is not None
        if refers or any(_REF_LISTS(fields)):
            referring.append(item)
    edges: dict[str, set[str]] = {}
    for path, unit in referring:
        for where, ref in _refs(path, unit):
            if ref.by == "external":
                continue
            target = index.lookup(ref)
            if target is None:
                shown = f"@{ref.target}" if ref.by == "id" else f'@"{ref.target}"'
                hint = "to name a body outside this spec, write a plain quoted name without '@'"
                if ref.by == "id":
                    near = _ids_near(index, ref.target[:3])
                    if near:
                        hint = "known ids nearby: " + ", ".join(near) + "; " + hint
                reader.error(
                    "OS208",
                    f"{shown} does not name any unit in this spec",
                    smap.get(where, path),
                    hint=hint,
                )
                continue
            rel_kind: RelationKind | None = None
            if "/relations/" in where:
                rel_kind = unit.relations[int(where.split("/relations/")[1].split("/")[0])].kind
            elif not where.endswith("/superior"):
                continue
            if rel_kind is RelationKind.COLOCATED:
                continue
            beside = _BESIDE.get(rel_kind) if rel_kind is not None else None
            if target == path:
                reader.error(
                    "OS209",
                    f"'{unit.name}' refers to itself",
                    smap.get(where, path),
                    hint=beside or "a unit cannot host, manage or be the superior of itself",
                )
                continue
            if beside is not None:
                # a working office serves a body, a second leader leads without containing, a plaque
                # hangs on a body and a unit does another's work: none contains the other
                continue
            # Edges run from the container to what it contains, whichever side states it.
            if rel_kind in (RelationKind.HOSTS, RelationKind.MANAGES):
                edges.setdefault(path, set()).add(target)
            else:
                edges.setdefault(target, set()).add(path)
    _report_cycles(edges, index, smap, reader)
    return index


#: Relations beside the tree (none contains the other), with the hint when a unit states one to itself.
_BESIDE: dict[RelationKind, str] = {
    RelationKind.OFFICE_OF: "a unit cannot be its own working office",
    RelationKind.WORKING_OFFICE: "a unit cannot be its own working office",
    RelationKind.DUAL_LED_BY: "a unit is not led by itself",
    RelationKind.PLAQUE_ON: "a body's plaque hangs on another body, not on itself",
    RelationKind.PERFORMS_FOR: "a unit that does its own work needs no relation",
    RelationKind.PERFORMED_BY: "a unit that does its own work needs no relation",
    RelationKind.SUPERVISES: "a unit does not supervise itself",
    RelationKind.SUPERVISED_BY: "a unit does not supervise itself",
}


def _ids_near(index: Index, prefix: str) -> list[str]:
    """Return the first three ids (in document order) that start with ``prefix`` (at most 3 characters).

    The table of prefixes is built once per index, so that many unresolved
    references cost linear time, not one scan of every id each.
    """
    table = index.id_prefixes
    if table is None:
        table = {}
        for ident in index.by_id:
            for p in {ident[:k] for k in range(4)}:
                found = table.setdefault(p, [])
                if len(found) < 3:
                    found.append(ident)
        index.id_prefixes = table
    return list(table.get(prefix, ()))


def _report_cycles(edges: dict[str, set[str]], index: Index, smap: SourceMap, reader: Reader) -> None:
    """Report each cycle once, iteratively (no recursion on deep chains)."""
    state: dict[str, int] = {}
    for root in sorted(edges):
        if state.get(root):
            continue
        stack: list[tuple[str, list[str]]] = [(root, sorted(edges.get(root, ())))]
        trail = [root]
        state[root] = 1
        while stack:
            node, pending = stack[-1]
            if not pending:
                stack.pop()
                trail.pop()
                state[node] = 2
                continue
            nxt = pending.pop()
            if state.get(nxt) == 1:
                cycle = trail[trail.index(nxt) :]
                names = " → ".join(index.units[p].name for p in [*cycle, nxt])
                reader.error(
                    "OS209",
                    f"these relations form a cycle: {names}",
                    smap.get(cycle[0]),
                    hint="a unit cannot host, manage or be the superior of itself, directly or through others",
                    related=tuple(reader.related(f"'{index.units[p].name}' is here", smap.get(p)) for p in cycle[1:]),
                )
            elif not state.get(nxt):
                state[nxt] = 1
                trail.append(nxt)
                stack.append((nxt, sorted(edges.get(nxt, ()))))
