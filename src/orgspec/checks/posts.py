"""Leadership posts: group breakdowns, chief and deputy posts, posts within the quota.

Imports: :mod:`orgspec.checks.context`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.checks.context import HEADED_KINDS, Context
from orgspec.diagnostics import Diagnostic
from orgspec.model.pools import counted_posts, held_within, role_of
from orgspec.model.units import Post, PostGroup, Unit
from orgspec.model.values import QuotaCategory

__all__ = ["every_post", "held_within", "post_groups", "post_parts", "posts_total", "posts_within_quota", "role_of"]


def post_groups(ctx: Context) -> Iterator[Diagnostic]:
    """OS305/OS306/OS307: a group's breakdown adds up; chiefs within units; deputies within quota."""
    for path, unit in ctx.units():
        for i, item in enumerate(unit.posts):
            if not isinstance(item, PostGroup):
                continue
            gpath = f"{path}/posts/{i}"
            title = item.title or "post group"
            chiefs = [(j, p) for j, p in enumerate(item.posts) if role_of(p) == "chief" and p.count.known]
            deputies = [(j, p) for j, p in enumerate(item.posts) if role_of(p) == "deputy" and p.count.known]
            known = [(j, p) for j, p in enumerate(item.posts) if p.count.known]
            # a post held by the holders of another post of the group (主任1名(由副书记兼任)) adds no person:
            # it is counted in its own role, and taken out of the post that holds it
            shared, shared_deputies = held_within(item.posts)
            summed = sum(p.count.value or 0 for _, p in known) - shared
            parts = [("the group total", f"{gpath}/count")] + [
                (f"{p.title} {p.count.value}", f"{gpath}/posts/{j}") for j, p in known
            ]
            if item.count.known:
                total = item.count.value or 0
                chief_n = sum(p.count.value or 0 for _, p in chiefs)
                deputy_n = sum(p.count.value or 0 for _, p in deputies) - shared_deputies
                complete = bool(chiefs) and bool(deputies) and len(known) == len(item.posts)
                if deputies and chiefs and deputy_n > total - chief_n:
                    yield ctx.diag(
                        "OS307",
                        f"'{unit.name}' has {deputy_n} deputy posts in {title}, but the group total of "
                        f"{total} less {chief_n} chief posts leaves room for {max(total - chief_n, 0)}",
                        f"{gpath}/posts/{deputies[0][0]}/count",
                        hint="deputy posts count within their group's quota",
                        related=parts,
                    )
                elif deputies and not chiefs and deputy_n > total:
                    yield ctx.diag(
                        "OS307",
                        f"'{unit.name}' has {deputy_n} deputy posts in {title}, more than the group total of {total}",
                        f"{gpath}/posts/{deputies[0][0]}/count",
                        hint="deputy posts count within their group's quota",
                        related=parts,
                    )
                elif complete and summed != total:
                    yield ctx.diag(
                        "OS305",
                        f"{title} of '{unit.name}' is {total}, but its breakdown adds up to {summed}",
                        f"{gpath}/count",
                        hint="a breakdown into chief and deputy posts must add up to the group total",
                        related=parts,
                    )
                elif summed > total:
                    yield ctx.diag(
                        "OS305",
                        f"the posts listed under {title} of '{unit.name}' add up to {summed}, more than "
                        f"its total of {total}",
                        f"{gpath}/count",
                        hint="the posts listed under a group are counted inside its total",
                        related=parts,
                    )
            if item.for_sections and chiefs:
                heads = [p for p, u in ctx.descendants(path) if u.kind in HEADED_KINDS]
                chief_n = sum(p.count.value or 0 for _, p in chiefs)
                if chief_n > len(heads):
                    yield ctx.diag(
                        "OS306",
                        f"'{unit.name}' has {chief_n} chief posts in {title} but only {len(heads)} "
                        f"{'section' if len(heads) == 1 else 'sections'} for them to head",
                        f"{gpath}/posts/{chiefs[0][0]}/count",
                        hint="each chief post heads one section; check the chief count or list the missing sections",
                        related=[("the group total", f"{gpath}/count")]
                        + [(f"section ({n})", p) for n, p in enumerate(heads[:20], 1)],
                    )


def posts_total(unit_posts: tuple[Post | PostGroup, ...]) -> tuple[int, list[int], bool]:
    """Return (posts counted against the quota, indexes counted, whether any figure is open).

    Counted as :func:`orgspec.model.pools.counted_posts` counts them (the diff counts a unit's posts
    the same way): a past layout (``until``), a post approved separately and a post held by the
    holders of another post of the unit (``held-by``) are not counted.
    """
    total = 0
    counted: list[int] = []
    open_figure = False
    for i, count in counted_posts(unit_posts):
        if count.known:
            total += count.value or 0
            counted.append(i)
        else:
            open_figure = True
    return total, counted, open_figure


def posts_within_quota(ctx: Context) -> Iterator[Diagnostic]:
    """OS304: a unit's leadership posts fit within its administrative quota."""
    for path, unit in ctx.units():
        if not unit.posts:
            continue
        quota_index = next((i for i, q in enumerate(unit.quotas) if q.category is QuotaCategory.ADMINISTRATIVE), None)
        if quota_index is None:
            continue
        quota = unit.quotas[quota_index]
        total, counted, _ = posts_total(unit.posts)
        if not quota.count.known:
            continue
        if total > (quota.count.value or 0):
            yield ctx.diag(
                "OS304",
                f"'{unit.name}' has {total} leadership posts but an administrative quota of {quota.count.value}",
                f"{path}/quotas/{quota_index}/count",
                hint="every leader occupies a post of the administrative quota; posts approved "
                "separately (另核) are marked approved-separately",
                related=[(post_title(unit.posts[i]), f"{path}/posts/{i}") for i in counted],
            )


def post_title(item: Post | PostGroup) -> str:
    """Return how a finding names a post or a group: its title and figure (an untitled group: ``posts N``)."""
    return f"{item.title or 'posts'} {item.count}"


def every_post(path: str, unit: Unit) -> Iterator[tuple[str, Post | PostGroup]]:
    """Yield ``(path, item)`` for each post or group of ``unit`` and, after a group, each post in it."""
    for i, item in enumerate(unit.posts):
        ipath = f"{path}/posts/{i}"
        yield ipath, item
        if isinstance(item, PostGroup):
            for j, post in enumerate(item.posts):
                yield f"{ipath}/posts/{j}", post


def post_parts(ctx: Context) -> Iterator[Diagnostic]:
    """OS308: the sub-counts of a post or group are within its count."""
    for path, unit in ctx.units():
        for ppath, post in every_post(path, unit):
            known = [(j, p) for j, p in enumerate(post.parts) if p.total.known]
            if not known or not post.count.known:
                continue
            summed = sum(p.total.value or 0 for _, p in known)
            if summed > (post.count.value or 0):
                yield ctx.diag(
                    "OS308",
                    f"the sub-counts of {post.title or 'the posts'} of '{unit.name}' add up to "
                    f"{summed}, more than {post.count.value}",
                    f"{ppath}/count",
                    hint="sub-counts (including …) are counted inside the post count",
                    related=[(f"part {p.count}", f"{ppath}/parts/{j}") for j, p in known],
                )
