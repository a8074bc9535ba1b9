"""Inline suppressions: placement, several codes, reasons required, unused ones reported."""

from __future__ import annotations

import pytest

import orgspec

BAD_COUNT = """body "A" {{
{before}  stated sections 3 "設3個內設機構"{trailing}
  section "B" {{ duties {{ duty "x" }} }}
  section "C" {{ duties {{ duty "y" }} }}
}}
"""


def _codes(text: str) -> list[str]:
    return [d.code for d in orgspec.check_text(text, "a.orgspec")]


def test_unsuppressed_finding_is_reported() -> None:
    assert _codes(BAD_COUNT.format(before="", trailing="")) == ["OS301"]


@pytest.mark.parametrize(
    ("before", "trailing"),
    [
        ("", "  # orgspec: ignore[OS301] the document itself lists two"),
        ("  # orgspec: ignore[OS301] the document itself lists two\n", ""),
        ("  # orgspec: ignore[OS301] the document itself lists two\n  # an ordinary comment\n", ""),
        ("", "  # orgspec: ignore[OS310, OS301] several codes, one reason"),
        ("", "  #orgspec:ignore[os301] spelled tightly and in lower case"),
    ],
    ids=["same-line", "line-above", "stacked-comments", "several-codes", "tight"],
)
def test_suppression_silences_the_finding(before: str, trailing: str) -> None:
    found = orgspec.check_text(BAD_COUNT.format(before=before, trailing=trailing))
    if "OS310" in trailing:  # OS301 is used, OS310 is not
        (d,) = found
        assert d.code == "OS701"
        assert "no OS310 finding on line 2" in d.message
    else:
        assert found == []


def test_suppression_two_lines_above_does_not_apply() -> None:
    text = BAD_COUNT.format(before="  # orgspec: ignore[OS301] too far away\n\n", trailing="")
    assert sorted(_codes(text)) == ["OS301", "OS701"]


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        ("# orgspec: ignore[OS301]", "gives no reason"),
        ("# orgspec: ignore[OS301]   ", "gives no reason"),
        ("# orgspec: ignore[] why", "names no code"),
        ("# orgspec: ignore[OS999] why", "unknown code OS999"),
        ("# orgspec: ignore[OS103] why", "OS103 cannot be suppressed"),
        ("# orgspec: ignore OS301 why", "expected 'orgspec: ignore[CODE] reason'"),
        ("# orgspec: noqa", "expected 'orgspec: ignore[CODE] reason'"),
    ],
)
def test_invalid_suppression_is_reported_and_suppresses_nothing(comment: str, message: str) -> None:
    found = orgspec.check_text(BAD_COUNT.format(before="", trailing="  " + comment))
    assert sorted(d.code for d in found) == ["OS301", "OS702"]
    (bad,) = [d for d in found if d.code == "OS702"]
    assert message in bad.message
    assert bad.line == 2
    assert bad.hint is not None
    assert "ignore[OS301]" in bad.hint


def test_ordinary_comments_mentioning_orgspec_are_left_alone() -> None:
    text = BAD_COUNT.format(before="  # orgspec files are UTF-8\n", trailing="  # see orgspec docs")
    assert _codes(text) == ["OS301"]


def test_load_sees_suppressed_spec_as_clean() -> None:
    text = BAD_COUNT.format(before="", trailing="  # orgspec: ignore[OS301] the document itself lists two")
    assert orgspec.loads(text).bodies[0].name == "A"


def test_syntax_errors_skip_suppression_handling() -> None:
    text = 'body "A" {  # orgspec: ignore[OS301] unused but the file does not parse\n'
    assert _codes(text) == ["OS105"]
