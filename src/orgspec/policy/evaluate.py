"""Apply policy packs to a built spec: one OS801 finding per unit and rule it exceeds.

Each unit is looked at once per rule; the selector and the measure use only
the unit, its children and its body, so the work is linear in the spec.

Figures given as ranges or bounds (``between 5 8``, ``at-most 8``,
``at-least 5``) are read as a reviewer reads a ceiling: the rule limits what
the document *allows*, so a figure breaks it when its highest value is above
the limit ("设5-8个" allows 8 where 7 are the most), and a figure with no upper
bound breaks it only when its lowest value already does ("不少于5个" sets a floor,
not a ceiling). A figure a limit is computed from (the quota of a ``posts``
rule, the base of a ``logistics-share``) is taken at its highest value, which
gives the largest limit: the document is not blamed for a size it may have.
A figure that is not stated as a number or a range (unstated, separately,
unreadable, cut off) leaves the rule undecided, and nothing is reported.

Imports: :mod:`orgspec.policy`, :mod:`orgspec.checks`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import attrs

from orgspec.checks.context import Context
from orgspec.diagnostics import Diagnostic, PolicyRule
from orgspec.lowering import Built
from orgspec.model.names import name_key
from orgspec.model.units import Post, PostGroup, StatedCount, Unit
from orgspec.model.values import Count, QuotaCategory, UnitKind
from orgspec.model.vocab import rank_level
from orgspec.policy import PackModel, RuleModel, iter_rules, share_limit

__all__ = ["Bounds", "bounds", "check", "listed_sections", "sections_of"]

_SECTIONS = frozenset({UnitKind.SECTION, UnitKind.OFFICE})
#: The pools that make up a unit's staff, for a logistics share.
_STAFF = frozenset({QuotaCategory.ADMINISTRATIVE, QuotaCategory.PUBLIC_INSTITUTION, QuotaCategory.LOGISTICS})

#: (lowest, highest) of a figure; highest None: no upper bound.
Bounds = tuple[int, int | None]


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
                ref = PolicyRule(pack.id, rule.id, rule.basis, pack.source, rule.title)
                out.extend(attrs.evolve(d, policy=ref) for d in _measure(ctx, path, unit, pack, rule))
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
    if sel.name_ends_with:
        keys = ctx.index.keys[path]
        if not any(k.endswith(name_key(n)) for n in sel.name_ends_with for k in keys):
            return False
    return True


def bounds(counts: Iterable[Count]) -> Bounds | None:
    """Return the bounds of a sum of figures, or None when one is not a number or a range."""
    low, high = 0, 0
    unbounded = False
    for count in counts:
        lo, hi = count.low_bound, count.high_bound
        if lo is None:
            return None
        low += lo
        if hi is None:
            unbounded = True
        else:
            high += hi
    return low, None if unbounded else high


def _shown(b: Bounds) -> str:
    low, high = b
    if high is None:
        return f"at least {low}"
    return str(low) if low == high else f"{low} to {high}"


def _amount(figure: Bounds, limit: int) -> str:
    """Return how a figure that breaks a ceiling is worded: ``has 8``, ``has 9 to 12``, ``may have up to 8``."""
    low, high = figure
    if low > limit or high is None:
        return f"has {_shown(figure)}"
    return f"may have up to {high}"


def _over(figure: Bounds, limit: int) -> bool:
    """Return True when a figure breaks a ceiling: its highest value, or its lowest when unbounded."""
    low, high = figure
    return (high if high is not None else low) > limit


def _measure(ctx: Context, path: str, unit: Unit, pack: PackModel, rule: RuleModel) -> Iterator[Diagnostic]:
    named = f"rule {rule.id} of policy {pack.id}"
    hint = f"basis: {rule.basis} ({pack.source})"
    if rule.measure == "posts":
        yield from _posts(ctx, path, unit, rule, (named, hint))
    elif rule.measure == "logistics-share":
        yield from _logistics(ctx, path, unit, rule, (named, hint))
    else:
        found = sections_of(path, unit, ctx.gone)
        if found is None or rule.max is None or not _over(found[0], rule.max):
            return
        figure, stated = found
        words = ""
        if stated is not None and (stated.text or stated.count.text):
            words = f" (\u201c{stated.text or stated.count.text}\u201d)"
        at = f"{path}/stated/{unit.stated.index(stated)}/count" if stated is not None else f"{path}/name"
        yield ctx.diag(
            "OS801",
            f"'{unit.name}' {_amount(figure, rule.max)} sections{words}; {named} allows at most {rule.max}",
            at,
            hint=hint,
            fallback=path,
        )


def listed_sections(path: str, unit: Unit, gone: frozenset[str]) -> list[str]:
    """Return the paths of the sections a limit counts.

    The sections and offices directly below the unit, except those outside its count, set per
    regulations, optional (set only where the document says: not surely there), or abolished in
    their history (``gone``, :func:`orgspec.checks.context.abolished`).
    """
    return [
        f"{path}/units/{n}"
        for n, u in enumerate(unit.units)
        if u.kind in _SECTIONS
        and not u.outside_count
        and not u.per_regulations
        and u.optional is None
        and f"{path}/units/{n}" not in gone
    ]


def sections_of(path: str, unit: Unit, gone: frozenset[str]) -> tuple[Bounds, StatedCount | None] | None:
    """Return the bounds of a unit's number of sections and the stated count they come from.

    The listed sections (:func:`listed_sections`) are a floor; a stated count (a number, a
    range or a bound) gives the figure, raised to the number listed when it says fewer; without
    one, a list cut off or quoted in part (``cut-off``, ``excerpt``) has no upper bound. None
    when the unit lists no section and states no count that is a number or a range.
    """
    listed = len(listed_sections(path, unit, gone))
    stated = next(
        (s for s in unit.stated if s.what == "sections" and s.until is None and s.count.low_bound is not None), None
    )
    if stated is None:
        # a list the copy cuts off, or the document quotes only part of (excerpt), is a floor only
        most = None if unit.partial("sections") is not None else listed
        return ((listed, most), None) if listed else None
    low = stated.count.low_bound or 0
    high = stated.count.high_bound
    return (max(low, listed), None if high is None else max(high, listed)), stated


def _posts_bounds(items: Sequence[Post | PostGroup]) -> tuple[Bounds, list[int]] | None:
    """Return the bounds of the posts counted against a quota and the indexes counted.

    Posts approved separately (另核) are left out, and so is a group for the unit's sections
    (``for-sections``: the posts of the sections below, a rank lower than the unit's own, which
    a ratio of the unit's own posts does not count); a group without a figure counts its posts.
    None when no figure is a number or a range; a figure that is neither only lifts the upper
    bound (the posts are at least those counted).
    """
    low, high = 0, 0
    unbounded = False
    counted: list[int] = []
    for i, item in enumerate(items):
        if (isinstance(item, Post) and item.approved_separately) or (isinstance(item, PostGroup) and item.for_sections):
            continue
        found = bounds([item.count])
        if found is None and isinstance(item, PostGroup) and item.posts:
            found = bounds(p.count for p in item.posts)
        if found is None:
            unbounded = True
            continue
        counted.append(i)
        low += found[0]
        if found[1] is None:
            unbounded = True
        else:
            high += found[1]
    if not counted:
        return None
    return (low, None if unbounded else high), counted


def _posts(ctx: Context, path: str, unit: Unit, rule: RuleModel, words: tuple[str, str]) -> Iterator[Diagnostic]:
    named, hint = words
    found = next(((i, q) for i, q in enumerate(unit.quotas) if q.category is rule.quota), None)
    if found is None or not unit.posts:
        return
    i, quota = found
    size = bounds([quota.count])
    posts = _posts_bounds(unit.posts)
    if size is None or posts is None:
        return
    figure, counted = posts
    # the largest quota the document allows gives the largest limit; unbounded: the last band
    limit = rule.limit_for(size[1]) if size[1] is not None else rule.bands[-1].max
    if not _over(figure, limit):
        return
    quota_words = str(quota.count) if not quota.count.is_range else f"{_shown(size)} ({quota.count})"
    yield ctx.diag(
        "OS801",
        f"'{unit.name}' {_amount(figure, limit)} leadership posts; {named} allows {limit} for its "
        f"{rule.quota.value} quota of {quota_words}",
        f"{path}/posts/{counted[0]}",
        hint=hint,
        related=[("the quota the rule measures", f"{path}/quotas/{i}/count")],
        fallback=path,
    )


def _logistics(ctx: Context, path: str, unit: Unit, rule: RuleModel, words: tuple[str, str]) -> Iterator[Diagnostic]:
    named, hint = words
    counted = [q for q in unit.quotas if q.category in _STAFF]
    parts = [
        p for q in unit.quotas for p in q.parts if p.category is QuotaCategory.LOGISTICS and p.relation == "includes"
    ]
    pools = [(i, q) for i, q in enumerate(unit.quotas) if q.category is QuotaCategory.LOGISTICS]
    base = bounds(q.count for q in counted) if counted else None
    logistics = bounds([*(q.count for _, q in pools), *(p.total for p in parts)])
    if base is None or logistics is None or not (logistics[1] if logistics[1] is not None else logistics[0]):
        return
    if base[1] is None:
        return  # no upper bound on the quota: no upper bound on the share it allows
    limit = share_limit(rule.max_share or 0, base[1])
    if not _over(logistics, limit):
        return
    at = f"{path}/quotas/{pools[0][0]}/count" if pools else f"{path}/quotas/0/count"
    of = str(base[1]) if base[0] == base[1] else f"at most {base[1]}"
    yield ctx.diag(
        "OS801",
        f"'{unit.name}' {_amount(logistics, limit)} logistics places in a quota of {of}; {named} allows "
        f"{limit} ({rule.max_share:.0%})",
        at,
        hint=hint,
        fallback=path,
    )
