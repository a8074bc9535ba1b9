"""Helpers for the drafter's pattern tests: a draft that must read back and check, and its notes."""

from __future__ import annotations

import orgspec
from orgspec.api import analyze
from orgspec.draft import Draft, draft


def checked_draft(text: str, name: str = "snippet.txt") -> Draft:
    """Draft ``text``; the draft must read back to its model and raise no error but OS301."""
    result = draft(text, name)
    assert analyze(result.text).spec == result.spec  # every draft reads back
    assert {d.code for d in orgspec.check_text(result.text) if d.severity.value == "error"} <= {"OS301"}
    return result


def notes_of(result: Draft, kind: str) -> list[str]:
    """The messages of the report's notes of one kind ("doubt", "anomaly", …)."""
    return [n["message"] for n in result.report["notes"] if n["kind"] == kind]
