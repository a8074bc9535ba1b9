"""Apply policy packs to a built spec: one OS801 finding per unit and rule it exceeds.

Each unit is looked at once per rule; the selector and the measure use only
the unit, its children and its body, so the work is linear in the spec.

Imports: :mod:`orgspec.policy`, :mod:`orgspec.checks`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from orgspec.checks.context import Context
from orgspec.checks.posts import posts_total
from orgspec.diagnostics import Diagnostic
from orgspec.lowering import Built
from orgspec.model.names import name_key
from orgspec.model.units import Unit
from orgspec.model.values import QuotaCategory, UnitKind
from orgspec.model.vocab import rank_level
from orgspec.policy import PackModel, RuleModel, iter_rules, share_limit

__all__ = ["check"]

_SECTIONS = frozenset({UnitKind.SECTION, UnitKind.OFFICE})
#: The pools that make up a unit's staff, for a logistics share.
_STAFF = frozenset({QuotaCategory.ADMINISTRATIVE, QuotaCategory.PUBLIC_INSTITUTION, QuotaCategory.LOGISTICS})


def check(built: Built, packs: Sequence[PackModel]) -> list[Diagnostic]:
    """Return the OS801 findings of ``packs`` on a built spec (none when it did not build)."""
    if not packs or built.spec is None or built.index is None:
        return []
    ctx = Context(built.spec, built.source_map, built.index, built.source)
    rules = list(iter_rules(packs))
    out: list[Diagnostic] = []
    for path, unit in ctx.units():
        for pack, rule in rules:
            if _applies(ctx, path, unit, rule):
                out.extend(_measure(ctx, path, unit, pack, rule))
    return out


def _body_of(ctx: Context, path: str) -> Unit:
    top = path.split("/units/", 1)[0]
    return ctx.index.units[top]


def _rank(ctx: Context, path: str, unit: Unit) -> str | None:
    if unit.rank:
        return unit.rank
    parent = ctx.index.parent.get(path)
    return ctx.index.units[parent].section_rank if parent is not None else None


def _applies(ctx: Context, path: str, unit: Unit, rule: RuleModel) -> bool:
    sel = rule.applies_to
    if sel.kinds and unit.kind not in sel.kinds:
        return False
    if sel.ranks:
        rank = _rank(ctx, path, unit)
        level = rank_level(rank) if rank else None
        if level is None or level not in {rank_level(r) for r in sel.ranks}:
            return False
    if sel.body_kinds or sel.not_body_kinds:
        body_kind = _body_of(ctx, path).kind
        if sel.body_kinds and body_kind not in sel.body_kinds:
            return False
        if body_kind in sel.not_body_kinds:
            return False
    if sel.name_contains:
        keys = ctx.index.keys[path]
        if not any(name_key(n) in k for n in sel.name_contains for k in keys):
            return False
    return True


def _measure(ctx: Context, path: str, unit: Unit, pack: PackModel, rule: RuleModel) -> Iterator[Diagnostic]:
    named = f"rule {rule.id} of policy {pack.id}"
    hint = f"basis: {rule.basis} ({pack.source})"
    if rule.measure == "posts":
        found = next(((i, q) for i, q in enumerate(unit.quotas) if q.category is rule.quota), None)
        if found is None or not found[1].count.known or not unit.posts:
            return
        i, quota = found
        posts, counted, open_figure = posts_total(unit.posts)
        size = quota.count.value or 0
        limit = rule.limit_for(size)
        if posts > limit and not (open_figure and not counted):
            yield ctx.diag(
                "OS801",
                f"'{unit.name}' has {posts} leadership posts; {named} allows {limit} for its "
                f"{rule.quota.value} quota of {size}",
                f"{path}/posts/{counted[0] if counted else 0}",
                hint=hint,
                related=[("the quota the rule measures", f"{path}/quotas/{i}/count")],
                fallback=path,
            )
    elif rule.measure == "logistics-share":
        yield from _logistics(ctx, path, unit, rule, (named, hint))
    else:
        listed = [u for u in unit.units if u.kind in _SECTIONS and not u.outside_count and not u.per_regulations]
        stated = next((s for s in unit.stated if s.what == "sections" and s.count.known), None)
        count = max(len(listed), stated.count.value or 0 if stated is not None else 0)
        if rule.max is not None and count > rule.max:
            yield ctx.diag(
                "OS801",
                f"'{unit.name}' has {count} sections; {named} allows at most {rule.max}",
                f"{path}/name",
                hint=hint,
                fallback=path,
            )


def _logistics(ctx: Context, path: str, unit: Unit, rule: RuleModel, words: tuple[str, str]) -> Iterator[Diagnostic]:
    named, hint = words
    counted = [q for q in unit.quotas if q.category in _STAFF]
    if not counted or any(not q.count.known for q in counted):
        return
    parts = [
        p for q in unit.quotas for p in q.parts if p.category is QuotaCategory.LOGISTICS and p.relation == "includes"
    ]
    if any(not p.count.known for p in parts):
        return
    pools = [(i, q) for i, q in enumerate(unit.quotas) if q.category is QuotaCategory.LOGISTICS]
    logistics = sum(q.count.value or 0 for _, q in pools) + sum(p.count.value or 0 for p in parts)
    if not logistics:
        return
    base = sum(q.count.value or 0 for q in counted)
    limit = share_limit(rule.max_share or 0, base)
    if logistics > limit:
        at = f"{path}/quotas/{pools[0][0]}/count" if pools else f"{path}/quotas/0/count"
        yield ctx.diag(
            "OS801",
            f"'{unit.name}' has {logistics} logistics places in a quota of {base}; {named} allows "
            f"{limit} ({rule.max_share:.0%})",
            at,
            hint=hint,
            fallback=path,
        )
