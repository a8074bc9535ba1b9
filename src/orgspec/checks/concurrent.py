"""Posts held concurrently (兼任): a post held by the holders of another, a person's post in another body.

Imports: :mod:`orgspec.checks.context`, :mod:`orgspec.checks.posts`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.checks.context import Context
from orgspec.checks.posts import every_post
from orgspec.diagnostics import Diagnostic
from orgspec.model.names import name_key
from orgspec.model.units import Post, PostGroup, Unit

__all__ = ["concurrent_posts", "held_by_posts"]


def held_by_posts(ctx: Context) -> Iterator[Diagnostic]:
    """OS322: a post ``held-by`` another names no post beside it, or has more places than the post holding it.

    "主任1名(由副书记兼任)" is checked against the 副书记 of the same group (or of the unit, for a post
    outside any group): the holders of 1 副书记 can hold at most 1 主任.
    """
    for path, unit in ctx.units():
        scopes: list[tuple[str, tuple[Post, ...]]] = [(path, tuple(p for p in unit.posts if isinstance(p, Post)))] + [
            (f"{path}/posts/{i}", g.posts) for i, g in enumerate(unit.posts) if isinstance(g, PostGroup)
        ]
        for scope, posts in scopes:
            for post in posts:
                if post.held_by is None:
                    continue
                index = list(unit.posts if scope == path else posts).index(post)
                where = f"{scope}/posts/{index}"
                host = next((p for p in posts if p.title == post.held_by and p is not post), None)
                if host is None:
                    titles = ", ".join(f"'{p.title}'" for p in posts if p is not post) or "none"
                    yield ctx.diag(
                        "OS322",
                        f"'{post.title}' is held by '{post.held_by}', which is not a post beside it in "
                        f"'{unit.name}' (posts: {titles})",
                        where,
                        hint="held-by names a post of the same group (or unit) whose holders also hold this one; "
                        'for a post held elsewhere write concurrent "…"',
                    )
                elif post.count.known and host.count.known and (post.count.value or 0) > (host.count.value or 0):
                    yield ctx.diag(
                        "OS322",
                        f"{post.count.value} '{post.title}' held by the holders of {host.count.value} "
                        f"'{host.title}' in '{unit.name}': more places than holders",
                        f"{where}/count",
                        hint="a post held concurrently by the holders of another cannot outnumber them",
                        related=[(f"'{host.title}' is here", f"{scope}/posts/{posts.index(host)}")],
                    )


def _holds(unit: Unit, person: str, title: str) -> bool | None:
    """Whether ``unit`` states ``person`` in the post or role ``title``; None when it names no one at all."""
    named = False
    key = name_key(title)
    for member in unit.members:
        if member.person:
            named = True
            if member.person == person and key in (name_key(member.role), name_key(member.post or "")):
                return True
    for _, item in every_post("", unit):
        if not isinstance(item, Post):
            continue
        people = [h.person for h in item.holders] + ([item.holder] if item.holder else [])
        named = named or bool(people)
        if person in people and name_key(item.title) == key:
            return True
    return False if named else None


def concurrent_posts(ctx: Context) -> Iterator[Diagnostic]:
    """OS323: a holder's concurrent post ``of`` a body of the spec that names its people but not this one there."""
    for path, unit in ctx.units():
        for ppath, item in every_post(path, unit):
            if not isinstance(item, Post):
                continue
            for k, holder in enumerate(item.holders):
                if holder.concurrent_of is None or holder.concurrent is None:
                    continue
                other = ctx.index.lookup(holder.concurrent_of)
                if other is None:
                    continue
                body = ctx.index.units[other]
                if _holds(body, holder.person, holder.concurrent) is False:
                    yield ctx.diag(
                        "OS323",
                        f"{holder.person} holds '{holder.concurrent}' of '{body.name}' concurrently, but "
                        f"'{body.name}' does not name {holder.person} as its '{holder.concurrent}'",
                        f"{ppath}/holders/{k}",
                        hint="the two bodies name different people for one post: correct one of them, or the title",
                        related=[(f"'{body.name}' is here", other)],
                    )
