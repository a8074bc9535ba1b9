"""The summary of a diff: counts per operation, duties moved, quota and post totals before and after.

Also the reconciliation of quota and leadership-post totals: the old totals
plus the changes the operations carry must give the new totals; an open figure
(determined separately, not stated, unreadable) cannot be reconciled and is
reported.

Imports: :mod:`orgspec.reorg.ops`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from orgspec.model.arith import sum_counts
from orgspec.model.pools import PoolKey, counted_posts, pool_key, pool_name
from orgspec.model.units import PostItem, Quota, Spec
from orgspec.model.values import Count
from orgspec.reorg.ops import (
    Abolish,
    AttributeChanged,
    Demote,
    DiffNote,
    Establish,
    Operation,
    PostsChanged,
    QuotaChanged,
    Summary,
)

__all__ = ["DUTY_OPS", "posts_total", "reconcile", "summarize"]

#: Operations counted as duty changes in the summary.
DUTY_OPS = ("duty-transferred", "duty-added", "duty-cancelled", "duty-reworded")


def _quota_changes(ops: Iterable[Operation]) -> dict[PoolKey, list[tuple[int, Count]]]:
    """Return, per pool, the signed counts the operations add and remove.

    A pool is a category and, for one of no known category, the document's words for it.
    """
    out: dict[PoolKey, list[tuple[int, Count]]] = {}

    def add(sign: int, quotas: Iterable[Quota]) -> None:
        for q in quotas:
            out.setdefault(pool_key(q.category, q.category_label), []).append((sign, q.count))

    for op in ops:
        if isinstance(op, Establish):
            add(1, op.after.quotas)
        elif isinstance(op, Abolish | Demote):
            add(-1, op.before.quotas)
        elif isinstance(op, QuotaChanged):
            add(-1, (op.before,) if op.before else ())
            add(1, (op.after,) if op.after else ())
        elif isinstance(op, AttributeChanged) and op.field == "quotas":
            add(-1, (Quota.model_validate(q) for q in op.before or ()))
            add(1, (Quota.model_validate(q) for q in op.after or ()))
    return out


def _pool_names(ops: Iterable[Operation], *specs: Spec) -> dict[PoolKey, str]:
    """Return how output names each pool: the category, with the words (as first written) of an ``other`` one."""
    names: dict[PoolKey, str] = {}
    quotas: list[Quota] = []
    for op in ops:
        if isinstance(op, QuotaChanged):
            quotas += [q for q in (op.before, op.after) if q is not None]
        elif isinstance(op, Establish):
            quotas += op.after.quotas
        elif isinstance(op, Abolish | Demote):
            quotas += op.before.quotas
        elif isinstance(op, AttributeChanged) and op.field == "quotas":
            quotas += [Quota.model_validate(q) for q in [*(op.before or ()), *(op.after or ())]]
    quotas += [q for spec in specs for u in spec.walk() for q in u.quotas if q.category_label]
    for q in quotas:
        names.setdefault(pool_key(q.category, q.category_label), pool_name(q.category, q.category_label))
    return names


def posts_total(items: Iterable[PostItem]) -> Count:
    """Return how many leadership posts a list states, counted as the checks count them.

    Each post's figure and each group's total (a group whose total is open but whose breakdown is
    all numbers counts its breakdown); a post held by the holders of another post beside it
    (``held-by``) is one person for both and adds nothing, a past layout (``until``) is not counted
    (:func:`orgspec.model.pools.counted_posts`). Posts approved separately (另核) are counted: they are
    the unit's posts, outside the quota. Any other open figure makes the total open.
    """
    return sum_counts(count for _, count in counted_posts(items, separately=True))


def _post_changes(ops: Iterable[Operation]) -> list[tuple[int, Count]]:
    """Return the signed post totals the operations add and remove."""
    out: list[tuple[int, Count]] = []
    for op in ops:
        if isinstance(op, Establish) and op.after.posts:
            out.append((1, posts_total(op.after.posts)))
        elif isinstance(op, Abolish | Demote) and op.before.posts:
            out.append((-1, posts_total(op.before.posts)))
        elif isinstance(op, PostsChanged):
            out += [(-1, posts_total(op.before)), (1, posts_total(op.after))]
    return out


def _net(changes: Sequence[tuple[int, Count]]) -> int:
    return sum(sign * (c.value or 0) for sign, c in changes)


def summarize(ops: Sequence[Operation]) -> Summary:
    """Count the operations and the net change of each quota category and of the posts."""
    counts = Counter(op.op for op in ops if op.op not in DUTY_OPS and op.op not in ("reorder", "duties-reordered"))
    # a duty given to or taken from a body outside the spec is transferred (划入 that body), not cancelled or added
    duties = Counter(
        "duty-transferred" if getattr(op, "counterpart", None) else op.op for op in ops if op.op in DUTY_OPS
    )
    quota: dict[str, str] = {}
    changed = _quota_changes(ops)
    names = _pool_names(ops) if any(label for _, label in changed) else {}
    for pool, changes in sorted(changed.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        key = names.get(pool, pool[0].value)  # a pool in the document's words: other (专职干部)
        if any(not c.known for _, c in changes):
            quota[key] = "open"
            continue
        net = _net(changes)
        if net:
            quota[key] = f"{net:+d}"
    post_changes = _post_changes(ops)
    posts: str | None = None
    if any(not c.known for _, c in post_changes):
        posts = "open"
    elif _net(post_changes):
        posts = f"{_net(post_changes):+d}"
    return Summary(counts=dict(sorted(counts.items())), duties=dict(sorted(duties.items())), quota=quota, posts=posts)


def _spec_posts(spec: Spec) -> Count:
    return sum_counts(posts_total(u.posts) for u in spec.walk() if u.posts)


def _reconcile_posts(old: Spec, new: Spec, ops: Sequence[Operation]) -> list[DiffNote]:
    """Check that the old post total plus the operations' changes gives the new total."""
    changes = _post_changes(ops)
    if not changes:
        return []  # no operation touches the posts: the totals are the same
    b, a = _spec_posts(old), _spec_posts(new)
    if not (b.known and a.known and all(c.known for _, c in changes)):
        return [
            DiffNote(
                code="posts-open",
                severity="info",
                message=f"leadership post total cannot be reconciled: {b} before, {a} after "
                "(an open figure: determined separately, not stated, unreadable or a range)",
            )
        ]
    net = _net(changes)
    if (b.value or 0) + net != (a.value or 0):
        return [
            DiffNote(
                code="posts-unreconciled",
                message=f"leadership post total does not reconcile: {b.value} before {net:+d} "
                f"in changes != {a.value} after",
            )
        ]
    return []


def reconcile(old: Spec, new: Spec, ops: Sequence[Operation]) -> list[DiffNote]:
    """Check that old quota and post totals plus the operations' changes give the new totals."""
    return _reconcile_quotas(old, new, ops) + _reconcile_posts(old, new, ops)


def _pool_totals(spec: Spec) -> dict[PoolKey, Count]:
    """Return the total quota of each pool over all units (an open figure makes a total open)."""
    by_pool: dict[PoolKey, list[Count]] = {}
    for unit in spec.walk():
        for q in unit.quotas:
            by_pool.setdefault(pool_key(q.category, q.category_label), []).append(q.count)
    return {pool: sum_counts(counts) for pool, counts in by_pool.items()}


def _reconcile_quotas(old: Spec, new: Spec, ops: Sequence[Operation]) -> list[DiffNote]:
    notes: list[DiffNote] = []
    changes = _quota_changes(ops)
    if not changes:
        return notes  # no operation touches a quota: the totals are the same
    before, after = _pool_totals(old), _pool_totals(new)
    names: dict[PoolKey, str] = {}

    def named(pool: PoolKey) -> str:
        """Return a pool's name; its words are looked for only when a note needs them (rare)."""
        if pool[1] is not None and not names:
            names.update(_pool_names(ops, old, new))
        return names.get(pool, pool[0].value)

    for pool in sorted(set(before) | set(after), key=lambda p: (p[0], p[1] or "")):
        if not changes.get(pool) and before.get(pool) == after.get(pool):
            continue
        b = before.get(pool, Count.of(0))
        a = after.get(pool, Count.of(0))
        delta = sum_counts(c for _, c in changes.get(pool, []))
        if not (b.known and a.known and delta.known):
            notes.append(
                DiffNote(
                    code="quota-open",
                    severity="info",
                    message=f"{named(pool)} quota total cannot be reconciled: {b} before, {a} after "
                    "(an open figure: determined separately, not stated, unreadable or a range)",
                )
            )
            continue
        net = _net(changes.get(pool, []))
        if (b.value or 0) + net != (a.value or 0):
            notes.append(
                DiffNote(
                    code="quota-unreconciled",
                    message=f"{named(pool)} quota total does not reconcile: {b.value} before {net:+d} "
                    f"in changes != {a.value} after",
                )
            )
    return notes
