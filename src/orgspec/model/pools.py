"""Quota pools and leadership posts as the checks, the diff and the summaries count them.

A **pool** is what a quota is a figure of: its category and, for a pool of no known category
(``other``), the document's own words for it (``category_label``: 专职干部, 人员编制, 总编制). Two
quotas are of one pool when both agree, the words compared after folding widths and script;
:func:`pool_key` is that identity and :func:`pool_name` how English output names the pool.

The leadership posts a unit counts (:func:`counted_posts`) leave out a post held by the holders of
another post beside it (``held-by``: the person is counted once), a past layout (a group with an
``until`` date) and, against the quota, posts approved separately (另核). The checks count posts
against the administrative quota with it, the diff counts a unit's posts with it.

Imports: :mod:`orgspec.model.values`, :mod:`orgspec.model.units`, :mod:`orgspec.model.names`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from orgspec.model.names import name_key
from orgspec.model.units import Post, PostGroup
from orgspec.model.values import Count, QuotaCategory

__all__ = ["PoolKey", "counted_posts", "held_within", "pool_key", "pool_name", "role_of"]

#: A pool's identity: its category and the folded words of a pool of no known category.
PoolKey = tuple[QuotaCategory, str | None]


def pool_key(category: QuotaCategory, label: str | None) -> PoolKey:
    """Return the identity of a quota's pool: the category, and its words (folded) when it is ``other``."""
    if category is QuotaCategory.OTHER and label:
        return category, name_key(label)
    return category, None


def pool_name(category: QuotaCategory, label: str | None) -> str:
    """Return how English output names a pool: ``administrative``, or ``other (专职干部)`` in the document's words."""
    if category is QuotaCategory.OTHER and label:
        return f"{category.value} ({label})"
    return category.value


def role_of(post: Post) -> Literal["chief", "deputy"] | None:
    """Return a post's role: as declared, else read from its title (副… is deputy, 正… chief)."""
    if post.role is not None:
        return post.role
    title = post.title.strip()
    lowered = title.lower()
    if lowered.startswith(("deputy", "vice", "associate")):
        return "deputy"
    if title.startswith("正副") or title.startswith("副正"):
        return None
    if title.startswith("副") or "副" in title[:4]:
        return "deputy"
    if title.startswith("正"):
        return "chief"
    return None


def held_within(posts: tuple[Post, ...]) -> tuple[int, int]:
    """Return the places of posts held by the holders of another of ``posts`` (``held-by``), counted once.

    The second figure is the part of them whose holding post is a deputy's while they are not: those
    persons count as chiefs (2正5副 with 主任1名(由副书记兼任): the 主任 is one of the 2正, not of the 5副).
    """
    by_title = {p.title: p for p in posts}
    shared = shared_deputies = 0
    for post in posts:
        host = by_title.get(post.held_by) if post.held_by else None
        if host is None or host is post or not post.count.known or not host.count.known:
            continue
        n = min(post.count.value or 0, host.count.value or 0)
        shared += n
        if role_of(host) == "deputy" and role_of(post) != "deputy":
            shared_deputies += n
    return shared, shared_deputies


def counted_posts(items: Iterable[Post | PostGroup], *, separately: bool = False) -> list[tuple[int, Count]]:
    """Return ``(index, figure)`` for each post or group of a unit that its leadership posts count.

    Left out: a post held by the holders of a post of the unit (``held-by``: one person for both),
    a past layout (a group with an ``until`` date: kept, not counted now) and, unless ``separately``,
    a post approved separately (另核: outside the quota). A group counts its total; a group whose total
    is open but whose breakdown is all numbers counts its breakdown, each person once. Any other open
    figure is returned as it is (the caller says the total is open).
    """
    listed = list(items)
    titles = {item.title for item in listed if isinstance(item, Post)}
    out: list[tuple[int, Count]] = []
    for i, item in enumerate(listed):
        if isinstance(item, Post):
            if (item.approved_separately and not separately) or item.held_by in titles:
                continue
        elif item.until is not None:
            continue
        broken_down = isinstance(item, PostGroup) and item.posts and all(p.count.known for p in item.posts)
        if not item.count.known and isinstance(item, PostGroup) and broken_down:
            summed = sum(p.count.value or 0 for p in item.posts) - held_within(item.posts)[0]
            out.append((i, Count.of(summed)))
            continue
        out.append((i, item.count))
    return out
