"""Staff and posts actually filled against what is authorised: 超编 and 超职数.

Imports: :mod:`orgspec.checks.context`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.checks.context import EXCESS_HINT, Context
from orgspec.checks.posts import every_post
from orgspec.diagnostics import Diagnostic
from orgspec.model.pools import pool_name
from orgspec.model.units import ActualStaff, Unit
from orgspec.model.values import Count, QuotaCategory

__all__ = ["actual_posts", "actual_staff"]


def actual_staff(ctx: Context) -> Iterator[Diagnostic]:
    """OS311: staff in post above the unit's quota of their category, or in a category it has no quota for.

    An ``actual`` without a category is compared with the sum of the unit's quotas when every one
    of them is a number (a unit with no quota at all is not compared: the document gives none),
    and its parts that name a category are compared as if stated alone.
    """
    for path, unit in ctx.units():
        if not unit.actual:
            continue
        for i, staff in enumerate(unit.actual):
            apath = f"{path}/actual/{i}"
            if staff.category is not None:
                if staff.count.low_bound is not None:
                    yield from _against_quota(
                        ctx, path, unit, (staff.category, staff.count, staff.label), f"{apath}/count"
                    )
                continue
            yield from _against_all(ctx, path, unit, staff, apath)
            for k, part in enumerate(staff.parts):
                if part.category is not None and part.total.low_bound is not None:
                    where = f"{apath}/parts/{k}/count"
                    yield from _against_quota(ctx, path, unit, (part.category, part.total, part.label), where)


def _more(have: Count, limit: int) -> str:
    """Return how many more than ``limit`` the figure ``have`` is: ``3``, or ``at least 3`` for a range."""
    least = (have.low_bound or 0) - limit
    return str(least) if have.known else f"at least {least}"


def _against_all(ctx: Context, path: str, unit: Unit, staff: ActualStaff, apath: str) -> Iterator[Diagnostic]:
    """OS311 for staff of every category against the sum of the unit's quotas.

    A range or bound is read soundly: the least staff in post (at-least 100: 100) against the
    most the quotas allow (an at-least quota allows any number: not compared).
    """
    have = staff.count.low_bound
    highs = [q.count.high_bound for q in unit.quotas]
    if have is None or not unit.quotas or None in highs:
        return
    total = sum(h or 0 for h in highs)
    if have > total:
        words = f" (\u201c{staff.label}\u201d)" if staff.label else ""
        yield ctx.diag(
            "OS311",
            f"'{unit.name}' has {staff.count} staff in post{words}, {_more(staff.count, total)} more than its "
            f"quotas of {total} in all (超编)",
            f"{apath}/count",
            hint="a reviewer asks how the excess is staffed; keep both figures as the document gives them",
            related=[
                (f"the {pool_name(q.category, q.category_label)} quota", f"{path}/quotas/{j}")
                for j, q in enumerate(unit.quotas)
            ],
        )


def _quota_of(unit: Unit, category: QuotaCategory, path: str) -> tuple[Count, str] | None:
    """Return the unit's quota of ``category`` and its path: its own, else a part of another quota."""
    for j, q in enumerate(unit.quotas):
        if q.category is category:
            return q.count, f"{path}/quotas/{j}/count"
    for j, q in enumerate(unit.quotas):
        for k, part in enumerate(q.parts):
            if part.relation == "includes" and part.category is category and part.unit is None and not part.each:
                return part.count, f"{path}/quotas/{j}/parts/{k}/count"
    return None


def _against_quota(
    ctx: Context, path: str, unit: Unit, staff: tuple[QuotaCategory, Count, str | None], where: str
) -> Iterator[Diagnostic]:
    """OS311 for ``staff`` (category, figure, label) in post against the unit's quota of that category.

    A range or bound is read soundly: the least in post against the most the quota allows.
    """
    category, figure, label = staff
    have = figure.low_bound or 0
    words = f" (\u201c{label}\u201d)" if label else ""
    cat = category.value
    found = _quota_of(unit, category, path)
    if found is None:
        if have > 0:
            yield ctx.diag(
                "OS311",
                f"'{unit.name}' has {figure} {cat} staff in post{words} but states no {cat} quota",
                where,
                hint="staff in post need a quota of their category; if the document gives it "
                "elsewhere, state it with 'quota'",
            )
        return
    count, qpath = found
    limit = count.high_bound
    if limit is not None and have > limit:
        yield ctx.diag(
            "OS311",
            f"'{unit.name}' has {figure} {cat} staff in post{words}, {_more(figure, limit)} more than "
            f"its {cat} quota of {count} (超编)",
            where,
            hint="a reviewer asks how the excess is staffed; keep both figures as the document gives them",
            related=[("the quota", qpath)],
        )


def actual_posts(ctx: Context) -> Iterator[Diagnostic]:
    """OS312: leadership posts actually filled above the posts authorised (超职数).

    A range or bound is read soundly: the least filled against the most authorised.
    """
    for path, unit in ctx.selected.posts:
        for ppath, post in every_post(path, unit):
            if post.actual is None:
                continue
            have, limit = post.actual.low_bound, post.count.high_bound
            if have is not None and limit is not None and have > limit:
                title = post.title or "post group"
                yield ctx.diag(
                    "OS312",
                    f"{post.actual} '{title}' posts of '{unit.name}' are filled, {_more(post.actual, limit)} more "
                    f"than the {post.count} authorised (超职数)",
                    f"{ppath}/actual",
                    hint=EXCESS_HINT,
                    related=[("the posts authorised", f"{ppath}/count")],
                )
