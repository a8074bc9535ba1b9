"""What a diff that does not apply reports: each conflict in the reader's words, and the error listing them.

Imports: :mod:`orgspec.model`, :mod:`orgspec.errors`.
"""

from __future__ import annotations

from typing import Any

from orgspec.errors import OrgspecError
from orgspec.model.units import Duty, Plaque

__all__ = ["ApplyError", "ConflictError", "remove_first"]


class ConflictError(Exception):
    """One operation's before-value does not hold."""


class ApplyError(OrgspecError, ValueError):
    """A diff does not apply: every conflicting operation, listed."""

    def __init__(self, conflicts: list[str]) -> None:
        self.conflicts = tuple(conflicts)
        lines = "\n".join(f"  - {c}" for c in conflicts)
        super().__init__(f"the diff does not apply ({len(conflicts)} conflict(s)); nothing changed:\n{lines}")


def remove_first(items: tuple[Any, ...], item: Any) -> tuple[Any, ...]:
    """Return ``items`` without the first element equal to ``item``; raise ConflictError if absent."""
    for i, x in enumerate(items):
        if x == item:
            return items[:i] + items[i + 1 :]
    raise ConflictError(f"{_describe(item)} is not there")


def _describe(item: Any) -> str:
    """Name a duty or plaque as a reader knows it (its words), not as the model's repr."""
    if isinstance(item, Duty):
        return f"duty {item.text!r}"
    if isinstance(item, Plaque):
        return f"plaque {item.name!r}"
    return repr(item)
