"""Arithmetic on honest counts.

Imports: :mod:`orgspec.model.values`.
"""

from __future__ import annotations

from collections.abc import Iterable

from orgspec.model.values import Count, CountStatus

__all__ = ["sum_counts"]


def sum_counts(counts: Iterable[Count]) -> Count:
    """Add counts; any open figure makes the sum open in the same way.

    A figure cut off by the copy wins over an unreadable one, which wins over one
    determined separately, which wins over one not stated: the sum reports the
    least known of its terms. Ranges and bounds add as ranges: the sum of 2-3 and 4 is 6-7,
    and a term with no upper bound leaves the sum without one, and bounds
    with no lower bound (不超过N) add up to one with none.
    """
    total = 0
    high: int | None = 0
    ranged = False
    floor = False  # some term gives a lower bound (a number, or a range with one)
    worst: Count | None = None
    order = {CountStatus.CUT_OFF: 4, CountStatus.UNREADABLE: 3, CountStatus.SEPARATELY: 2, CountStatus.UNSTATED: 1}
    for c in counts:
        if c.known:
            assert c.value is not None
            total += c.value
            floor = True
            high = None if high is None else high + c.value
        elif c.status is CountStatus.RANGE:
            ranged = True
            total += c.value or 0
            floor = floor or c.value is not None
            high = None if high is None or c.high is None else high + c.high
        elif worst is None or order[c.status] > order[worst.status]:
            worst = c
    if worst is not None:
        return Count(status=worst.status, text=worst.text)
    if ranged:
        return Count.between(total if floor else None, high)
    return Count.of(total)
