"""Limits are enforced with diagnostics, not crashes or hangs (docs/limits.md)."""

from __future__ import annotations

import time

import pytest

import orgspec
from orgspec import limits


def test_deep_nesting_is_a_diagnostic_not_a_recursion_error() -> None:
    depth = 100_000
    text = 'body "A" ' + '{ section "S" ' * depth + "}" * depth
    found = orgspec.check_text(text)
    assert [d.code for d in found if d.severity.value == "error"] == ["OS106"]
    assert str(limits.MAX_DEPTH) in found[0].message


def test_huge_count_is_rejected_before_conversion() -> None:
    text = 'body "A" { quota administrative 1' + "0" * 100 + " }"
    (d,) = orgspec.check_text(text)
    assert d.code == "OS204"
    assert "101 digits" in d.message


def test_negative_and_full_width_counts() -> None:
    (neg,) = orgspec.check_text('body "A" { quota administrative -3 }')
    assert neg.code == "OS204"
    assert "negative" in neg.message
    (wide,) = orgspec.check_text('body "A" { quota administrative ２１ }')
    assert wide.hint is not None
    assert "21" in wide.hint


def test_one_ten_megabyte_line_is_read() -> None:
    # a 10 MB line is read whole, with no finding and no recursion or buffer limit met; how its time scales
    # with its length is measured in bench/bench_long_line.py (a ratio, not a timed test)
    big = 'body "A" { note "' + "外" * 10_000_000 + '" }'
    assert orgspec.check_text(big) == []
    spec = orgspec.loads(big)
    assert len(spec.bodies[0].notes[0]) == 10_000_000


def test_a_file_over_the_size_limit_is_one_diagnostic() -> None:
    text = 'body "A" { note "' + "x" * limits.MAX_FILE_CHARS + '" }'
    t0 = time.perf_counter()
    (d,) = orgspec.check_text(text, "big.orgspec")
    assert (d.code, d.line, d.column) == ("OS106", 1, 1)
    assert time.perf_counter() - t0 < 5  # refused by its length, not read; its line index is one regex scan
    assert f"{limits.MAX_FILE_CHARS:,}" in d.message


def test_the_size_limit_is_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_FILE_CHARS", 1000)
    at_limit = 'body "A" { note "' + "x" * (1000 - 20) + '" }'
    assert len(at_limit) == 1000
    assert orgspec.check_text(at_limit) == []
    assert [d.code for d in orgspec.check_text(at_limit + " ")] == ["OS106"]


def test_a_figure_over_the_value_limit_is_rejected() -> None:
    assert orgspec.check_text(f'body "A" {{ quota administrative {limits.MAX_FIGURE} }}') == []
    for stmt in (
        f"quota administrative {limits.MAX_FIGURE + 1}",
        f'posts {{ post "主任" {limits.MAX_FIGURE + 1} }}',
        f"stated sections {limits.MAX_FIGURE + 1}",
    ):
        (d,) = orgspec.check_text(f'body "A" {{\n  {stmt}\n}}')
        assert d.code == "OS204"
        assert d.line == 2
        assert f"above the limit of {limits.MAX_FIGURE:,}" in d.message
