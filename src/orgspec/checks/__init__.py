"""The checks: an ordered tuple of single-purpose functions over a built spec.

Each check takes a :class:`Context` and yields diagnostics; ``run`` applies
them in order. Every check is documented under its codes in
:mod:`orgspec.codes` and tested with failing and passing fixtures.

Imports: :mod:`orgspec.checks.*`, :mod:`orgspec.lowering`, :mod:`orgspec.diagnostics`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from orgspec.checks.actual import actual_posts, actual_staff
from orgspec.checks.ambiguity import ambiguities
from orgspec.checks.classes import class_arithmetic, disagreements
from orgspec.checks.concurrent import concurrent_posts, held_by_posts
from orgspec.checks.context import Context
from orgspec.checks.counts import choices, numbering, stated_breakdowns, stated_counts
from orgspec.checks.history import event_dates, event_names, state_dates
from orgspec.checks.offices import working_offices
from orgspec.checks.plaques import plaque_bodies, plaque_names
from orgspec.checks.posts import post_groups, post_parts, posts_within_quota
from orgspec.checks.quotas import quota_parts
from orgspec.checks.reviewer import group_heads, parts_for_units, posts_less_logistics
from orgspec.checks.totals import quota_totals
from orgspec.checks.units import duplicate_names, ranks, sections_have_duties
from orgspec.diagnostics import Diagnostic
from orgspec.lowering import Built

__all__ = ["CHECKS", "Context", "run"]

Check = Callable[[Context], Iterator[Diagnostic]]

#: The checks, in the order they run.
CHECKS: tuple[Check, ...] = (
    duplicate_names,
    stated_counts,
    stated_breakdowns,
    choices,
    numbering,
    quota_parts,
    quota_totals,
    post_groups,
    post_parts,
    posts_within_quota,
    posts_less_logistics,
    parts_for_units,
    group_heads,
    actual_staff,
    actual_posts,
    class_arithmetic,
    disagreements,
    ambiguities,
    plaque_names,
    plaque_bodies,
    held_by_posts,
    concurrent_posts,
    working_offices,
    sections_have_duties,
    ranks,
    event_dates,
    event_names,
    state_dates,
)


def run(built: Built) -> list[Diagnostic]:
    """Run every check over a built spec; return their diagnostics (empty if it did not build)."""
    if built.spec is None or built.index is None:
        return []
    ctx = Context(built.spec, built.source_map, built.index, built.source)
    out: list[Diagnostic] = []
    for check in CHECKS:
        out.extend(check(ctx))
    return out
