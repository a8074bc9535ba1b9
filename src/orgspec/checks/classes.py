"""A body that stands for a class of like bodies, and a fact stated twice.

OS317: the arithmetic of a class (its parts and its named members against its count; a post or quota total over several
of its bodies against the figure for each; no more bodies than the class has). OS312 (posts) and
OS311 (staff) for those filled over several bodies of the class. OS318: two statements of one
figure that disagree.

Imports: :mod:`orgspec.checks.context`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.checks.context import EXCESS_HINT, KEEP_FIGURES_HINT, Context
from orgspec.checks.posts import every_post
from orgspec.diagnostics import Diagnostic
from orgspec.model.pools import pool_name
from orgspec.model.units import BodyClass, ClassTotal, OtherStatement, Unit
from orgspec.model.values import Count

__all__ = ["class_arithmetic", "class_of", "disagreements"]


def class_of(ctx: Context, path: str) -> tuple[str, BodyClass] | None:
    """Return the path and class of the nearest unit at or above ``path`` that stands for a class."""
    p: str | None = path
    while p is not None:
        found = ctx.index.units[p].stands_for
        if found is not None:
            return p, found
        p = ctx.index.parent[p]
    return None


def _value(count: Count) -> int | None:
    return count.value if count.known else None


def class_arithmetic(ctx: Context) -> Iterator[Diagnostic]:
    """OS317 on a class's parts and on post totals over its bodies; OS312 on posts filled over them."""
    for path, unit in ctx.units():
        if unit.stands_for is not None:
            yield from _parts(ctx, path, unit, unit.stands_for)
        if unit.posts or unit.quotas:
            yield from _post_totals(ctx, path, unit)
        if unit.covers is not None and unit.covers.each:
            yield from _areas(ctx, path, unit)


def _areas(ctx: Context, path: str, unit: Unit) -> Iterator[Diagnostic]:
    """OS317 when a class's bodies cover one area each (分别管辖) and the areas are not as many as the bodies."""
    assert unit.covers is not None
    size = _value(unit.stands_for.count) if unit.stands_for is not None else 1
    areas = len(unit.covers.areas)
    if size is None or size == areas:
        return
    bodies = f"the {size} bodies of the class '{unit.name}'" if unit.stands_for else f"'{unit.name}', one body,"
    yield ctx.diag(
        "OS317",
        f"{bodies} cover one area each, but {areas} area{'s are' if areas != 1 else ' is'} named",
        f"{path}/covers/each",
        hint="'each' pairs the areas with the bodies one to one; without it the areas are covered together",
        related=[("the class", f"{path}/stands_for/count")] if unit.stands_for else [],
    )


def _parts(ctx: Context, path: str, unit: Unit, cls: BodyClass) -> Iterator[Diagnostic]:
    # A range or bound is checked by its bounds (至少有716个: parts that add up to 692 break it).
    low, high = cls.count.low_bound, cls.count.high_bound
    if high is not None and len(cls.members) > high:
        yield ctx.diag(
            "OS317",
            f"the class '{unit.name}' stands for {cls.count} bodies but names {len(cls.members)} members",
            f"{path}/stands_for/count",
            hint=KEEP_FIGURES_HINT,
            related=[("a member", f"{path}/stands_for/members/{i}") for i in range(high, len(cls.members))],
        )
    values = [_value(p.total) for p in cls.parts]
    if low is None or not values or None in values:
        return
    summed = sum(v or 0 for v in values)
    over = high is not None and summed > high
    if not over and (summed >= low or not cls.complete):
        return
    how = "add up to" if cls.complete else "come to"
    yield ctx.diag(
        "OS317",
        f"the parts of the class '{unit.name}' stands for {how} {summed}, not its {cls.count} bodies",
        f"{path}/stands_for/count",
        hint=KEEP_FIGURES_HINT,
        related=[(p.label or "a part", f"{path}/stands_for/parts/{i}") for i, p in enumerate(cls.parts)],
    )


def _figures(path: str, unit: Unit) -> Iterator[tuple[str, str, Count, tuple[ClassTotal, ...]]]:
    """Yield (path, title, figure for each body, totals over the class) of the posts and quotas."""
    for ppath, post in every_post(path, unit):
        if post.across:
            yield ppath, post.title or "post group", post.count, post.across
    for i, q in enumerate(unit.quotas):
        if q.across:
            yield f"{path}/quotas/{i}", q.label or f"{pool_name(q.category, q.category_label)} quota", q.count, q.across


def _post_totals(ctx: Context, path: str, unit: Unit) -> Iterator[Diagnostic]:
    found = class_of(ctx, path)
    size = _value(found[1].count) if found else None
    for ppath, title, figure, totals in _figures(path, unit):
        for j, total in enumerate(totals):
            tpath = f"{ppath}/across/{j}"
            bodies, count, each = _value(total.bodies), _value(total.count), _value(figure)
            words = f" (\u201c{total.text}\u201d)" if total.text else ""
            if bodies is not None and size is not None and found is not None and bodies > size:
                yield ctx.diag(
                    "OS317",
                    f"a total over {bodies} bodies of a class of {size}",
                    f"{tpath}/bodies",
                    hint="a total covers some or all bodies of the class, not more",
                    related=[("the class", f"{found[0]}/stands_for/count")],
                )
                continue
            if bodies is None or count is None or each is None:
                continue
            limit = bodies * each
            if total.actual and count > limit:
                staff = "/quotas/" in ppath  # staff in post above a quota (超编), else posts (超职数)
                yield ctx.diag(
                    "OS311" if staff else "OS312",
                    f"{count} of '{title}' are filled across {bodies} bodies{words}, {count - limit} more "
                    f"than the {each} × {bodies} = {limit} authorised ({'超编' if staff else '超职数'})",
                    f"{tpath}/count",
                    hint=EXCESS_HINT,
                    related=[("the posts authorised for each body", f"{ppath}/count")],
                )
            elif not total.actual and count != limit:
                yield ctx.diag(
                    "OS317",
                    f"the total of '{title}' over {bodies} bodies is {count}{words}, but {each} for each makes {limit}",
                    f"{tpath}/count",
                    hint=KEEP_FIGURES_HINT,
                    related=[("the posts of each body", f"{ppath}/count")],
                )


def _apart(a: Count, b: Count) -> bool:
    """Return True when two figures cannot be the same number (open figures never are apart)."""
    low_a, low_b = a.low_bound, b.low_bound
    if low_a is None or low_b is None:
        return False
    high_a, high_b = a.high_bound, b.high_bound
    return (high_b is not None and low_a > high_b) or (high_a is not None and low_b > high_a)


def disagreements(ctx: Context) -> Iterator[Diagnostic]:
    """OS318: a figure stated again (``also``) by another source with a different value."""
    for path, unit in ctx.units():
        if unit.stands_for is not None:
            cls = unit.stands_for
            what = f"the number of bodies '{unit.name}' stands for"
            yield from _differ(ctx, f"{path}/stands_for", what, (cls.count, cls.source), cls.also)
        for i, q in enumerate(unit.quotas):
            if q.also:
                what = f"the {pool_name(q.category, q.category_label)} quota of '{unit.name}'"
                yield from _differ(ctx, f"{path}/quotas/{i}", what, (q.count, q.source), q.also)


def _differ(
    ctx: Context, path: str, what: str, first: tuple[Count, str | None], others: tuple[OtherStatement, ...]
) -> Iterator[Diagnostic]:
    count, source = first
    for k, other in enumerate(others):
        if not _apart(count, other.count):
            continue
        by = f" ({source})" if source else ""
        other_by = f" ({other.source})" if other.source else ""
        yield ctx.diag(
            "OS318",
            f"{what} is stated twice and the figures disagree: {count}{by} and {other.count}{other_by}",
            f"{path}/also/{k}/count",
            hint="both are kept as the documents give them; a reviewer asks which one holds",
            related=[("the first statement", f"{path}/count")],
        )
