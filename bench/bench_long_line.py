"""How the reader scales with one long line: a 100 KB and a 10 MB note, CPU time and their ratio.

    python bench/bench_long_line.py

A linear reader takes about 100x the time for 100x the input; a quadratic one 10,000x. The figure is a
ratio measured in the same run, so a loaded machine moves both sides (tests/test_limits.py checks that the
long line is read at all; the time is measured here, not in a timed test).
"""

from __future__ import annotations

import time

import orgspec


def _cpu(text: str) -> float:
    """Best of three CPU times of checking ``text``."""
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        orgspec.check_text(text)
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    """Print the CPU time of a 100 KB-character and a 10 M-character line, and their ratio."""
    small = 'body "A" { note "' + "外" * 100_000 + '" }'
    big = 'body "A" { note "' + "外" * 10_000_000 + '" }'
    orgspec.check_text(small)  # warm the caches
    t_small, t_big = _cpu(small), _cpu(big)
    print(f"one line of 100,000 characters: {t_small:.3f} s CPU")
    print(f"one line of 10,000,000 characters: {t_big:.3f} s CPU")
    print(f"ratio for 100x the input: {t_big / t_small:.0f}x (linear: ~100x; quadratic: ~10,000x)")


if __name__ == "__main__":
    main()
