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
    least known of its terms.
    """
    total = 0
    worst: Count | None = None
    order = {CountStatus.CUT_OFF: 4, CountStatus.UNREADABLE: 3, CountStatus.SEPARATELY: 2, CountStatus.UNSTATED: 1}
    for c in counts:
        if c.known:
            assert c.value is not None
            total += c.value
        elif worst is None or order[c.status] > order[worst.status]:
            worst = c
    if worst is not None:
        return Count(status=worst.status, text=worst.text)
    return Count.of(total)
