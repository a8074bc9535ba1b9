"""Extract the same facts from an English machine translation (seed 004's phrasing).

Imports: :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from orgspec.draft.facts import Facts
from orgspec.draft.normalize import Line

__all__ = ["extract_english"]


def extract_english(lines: list[Line], facts: Facts) -> None:
    """Read an English translation of a plan."""
    for line in lines:
        if line.text:
            facts.note(line.no, "skipped", "English text is not read yet")
