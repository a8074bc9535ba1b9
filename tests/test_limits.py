"""Limits are enforced with diagnostics, not crashes or hangs (docs/limits.md)."""

from __future__ import annotations

import time

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


def test_one_ten_megabyte_line_is_read_in_linear_time() -> None:
    small = 'body "A" { note "' + "外" * 100_000 + '" }'
    big = 'body "A" { note "' + "外" * 10_000_000 + '" }'
    t0 = time.perf_counter()
    orgspec.check_text(small)
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = orgspec.check_text(big)
    t_big = time.perf_counter() - t0
    assert found == []
    # 100x the input may take at most ~300x the time (generous for a noisy machine).
    assert t_big < max(t_small, 0.005) * 300
