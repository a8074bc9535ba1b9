"""Helpers for the language-construct tests: findings by code and line, and a canonical round trip."""

from __future__ import annotations

import orgspec
from orgspec.fmt import format_source


def findings(text: str, *codes: str) -> list[tuple[str, int]]:
    """The (code, line) of every finding of ``text``, or of those of ``codes``."""
    return [(d.code, d.line) for d in orgspec.check_text(text) if not codes or d.code in codes]


def round_trips(text: str) -> orgspec.Spec:
    """Read ``text``; it must dump to the same model and be written canonically already."""
    spec = orgspec.loads(text)
    assert orgspec.loads(orgspec.dumps(spec)) == spec
    assert format_source(text, "t.orgspec").output == text  # written canonically
    return spec
