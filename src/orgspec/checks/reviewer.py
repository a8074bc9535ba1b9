"""Checks a 编办 reviewer makes beyond the plain arithmetic (issue 13).

* OS314: leadership posts against the quota that leaders can hold, once its
  logistics (工勤) part is taken out;
* OS315: a quota part stated ``for`` a unit against that unit's own quota;
* OS316: a post group for sections with no chief/deputy split against the
  number of sections that need a head.

Each runs once per unit (or per part) with look-ups in the index: no check
compares every unit with every other.

Imports: :mod:`orgspec.checks.context`, :mod:`orgspec.checks.posts`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.checks.context import Context
from orgspec.checks.posts import post_title, posts_total, role_of
from orgspec.diagnostics import Diagnostic
from orgspec.model.names import name_key
from orgspec.model.units import Post, PostGroup, Quota, QuotaPart, Unit
from orgspec.model.values import QuotaCategory, Ref, UnitKind

__all__ = ["group_heads", "leader_quota", "parts_for_units", "posts_less_logistics"]

#: The words of a body's own pool (机关编制), folded by script.
_AGENCY_POOL = name_key("机关编制")
#: Units that need a head of their own from a group "for sections" (a 处, a 室, a 科).
_NEEDS_HEAD = frozenset({UnitKind.SECTION, UnitKind.OFFICE})


def leader_quota(unit: Unit) -> tuple[int, Quota] | None:
    """Return the quota leaders occupy and its index.

    The administrative quota, else the public-institution quota, else a quota the
    document calls the body's own 机关编制 (kept as category ``other``).
    """
    for category in (QuotaCategory.ADMINISTRATIVE, QuotaCategory.PUBLIC_INSTITUTION):
        for i, quota in enumerate(unit.quotas):
            if quota.category is category:
                return i, quota
    for i, quota in enumerate(unit.quotas):
        if quota.category is QuotaCategory.OTHER and _AGENCY_POOL in name_key(quota.label or ""):
            return i, quota
    return None


def posts_less_logistics(ctx: Context) -> Iterator[Diagnostic]:
    """OS314: posts fit within the leaders' quota less the logistics (工勤) part counted inside it."""
    for path, unit in ctx.units():
        if not unit.posts or not unit.quotas:
            continue
        found = leader_quota(unit)
        if found is None:
            continue
        qi, quota = found
        logistics = [
            (j, p)
            for j, p in enumerate(quota.parts)
            if p.relation == "includes" and p.category is QuotaCategory.LOGISTICS and p.unit is None
        ]
        if not logistics or not quota.count.known or not all(p.total.known for _, p in logistics):
            continue
        total = quota.count.value or 0
        taken = sum(p.total.value or 0 for _, p in logistics)
        posts, counted, _ = posts_total(unit.posts)
        left = max(total - taken, 0)
        if posts <= left:
            continue
        if quota.category is QuotaCategory.ADMINISTRATIVE and posts > total:
            continue  # OS304 already reports posts above the whole quota
        qpath = f"{path}/quotas/{qi}"
        related = [("the quota", f"{qpath}/count")]
        related += [(f"the logistics part {p.count}", f"{qpath}/parts/{j}") for j, p in logistics]
        related += [(post_title(unit.posts[i]), f"{path}/posts/{i}") for i in counted]
        yield ctx.diag(
            "OS314",
            f"'{unit.name}' has {posts} leadership posts, but its {quota.category.value} quota of {total} "
            f"less the {taken} logistics (工勤) {'place' if taken == 1 else 'places'} inside it leaves {left}",
            f"{qpath}/count",
            hint="leaders do not occupy logistics (工勤) places; check the posts, the quota or whether the "
            "logistics part is inside the total (includes) or outside it (excludes)",
            related=related,
        )


def parts_for_units(ctx: Context) -> Iterator[Diagnostic]:
    """OS315: a quota part ``for @unit`` agrees with the quota that unit states itself."""
    for path, unit in ctx.units():
        for i, quota in enumerate(unit.quotas):
            for j, part in enumerate(quota.parts):
                if part.relation != "includes" or not part.count.known:
                    continue
                # a part for one unit, or the figure of each of several (各4名)
                targets = [(part.unit, "")] if part.unit is not None else []
                targets += [(ref, f"/each/{k}") for k, ref in enumerate(part.each)]
                for ref, where in targets:
                    yield from _part_for(ctx, (path, unit), (i, quota), (j, part), (ref, where))


def _part_for(
    ctx: Context,
    owner: tuple[str, Unit],
    numbered_quota: tuple[int, Quota],
    numbered_part: tuple[int, QuotaPart],
    pointed: tuple[Ref, str],
) -> Iterator[Diagnostic]:
    """OS315 for one unit a part is for (``where``: the reference's place after the part's path)."""
    path, unit = owner
    i, quota = numbered_quota
    j, part = numbered_part
    ref, where = pointed
    target_path = ctx.index.lookup(ref)
    if target_path is None or target_path == path:
        return
    target = ctx.index.units[target_path]
    category = part.category or quota.category
    own = next(((k, q) for k, q in enumerate(target.quotas) if q.category is category), None)
    if own is None or not own[1].count.known:
        return
    k, theirs = own
    if quota.as_of is not None and theirs.as_of is not None and quota.as_of != theirs.as_of:
        return  # figures for two dates may differ
    mine, stated = part.count.value or 0, theirs.count.value or 0
    if mine == stated:
        return
    how = "more than" if mine > stated else "fewer than"
    yield ctx.diag(
        "OS315",
        f"the {quota.category.value} quota of '{unit.name}' gives {mine} for '{target.name}', "
        f"{how} the {category.value} quota of {stated} that '{target.name}' states itself",
        f"{path}/quotas/{i}/parts/{j}{where}",
        hint="the part for a unit and that unit's own quota are two statements of one figure; "
        "correct the one the document does not give, or record the document's disagreement "
        "with a suppression that says so",
        related=[(f"'{target.name}' states its own quota", f"{target_path}/quotas/{k}/count")],
    )


def group_heads(ctx: Context) -> Iterator[Diagnostic]:
    """OS316: a section leadership total with no chief/deputy split has a head for each section."""
    for path, unit in ctx.units():
        groups = [
            (i, g)
            for i, g in enumerate(unit.posts)
            if isinstance(g, PostGroup) and g.for_sections and g.count.known and not _split(g)
        ]
        if not groups:
            continue
        sections = [
            (f"{path}/units/{n}", u)
            for n, u in enumerate(unit.units)
            if u.kind in _NEEDS_HEAD and not u.per_regulations and not u.outside_count
        ]
        sections = [(p, u) for p, u in sections if p not in ctx.gone]
        # a section whose head is a post of its own elsewhere in the unit (办公室主任) needs none from the group
        own = [name_key(p.title) for p in unit.posts if isinstance(p, Post)]
        heads = [(p, u) for p, u in sections if not any(k.startswith(name_key(u.name)) for k in own)]
        for i, group in groups:
            total = group.count.value or 0
            if total >= len(heads):
                continue
            gpath = f"{path}/posts/{i}"
            yield ctx.diag(
                "OS316",
                f"{group.title or 'the section leadership'} of '{unit.name}' is {total}, fewer than the "
                f"{len(heads)} sections it heads: at least one section would have no head",
                f"{gpath}/count",
                hint="a group for sections gives each section at least its head; check the figure, mark "
                "sections outside the count (outside-count, per-regulations), or, where the document has "
                "heads held concurrently, suppress the finding with that reason",
                related=[(f"section '{u.name}'", p) for p, u in heads[:20]],
            )


def _split(group: PostGroup) -> bool:
    """Return True when the group names its chief or deputy posts (then OS305-OS307 apply)."""
    return any(role_of(p) is not None for p in group.posts)
