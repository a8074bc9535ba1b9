"""A progress bar on stderr for long runs on a terminal; silent otherwise.

It draws only when enabled (the caller checks that stderr is a TTY) and the
run has at least :data:`MIN_FILES` files, redraws at most ten times a second,
and erases itself at the end so the log that follows starts clean.

Imports: the standard library only.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO

__all__ = ["MIN_FILES", "Progress"]

#: Runs with fewer files than this finish too fast to need a bar.
MIN_FILES = 200
_WIDTH = 30


class Progress:
    """Count files done out of ``total`` and draw ``[#####-----] 120/1000 files`` on ``stream``."""

    def __init__(self, total: int, *, enabled: bool, stream: TextIO | None = None) -> None:
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled and total >= MIN_FILES
        self._last = 0.0

    def __enter__(self) -> Progress:
        return self

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more files as done and redraw if it is time."""
        self.done += n
        now = time.monotonic()
        if self.enabled and (now - self._last >= 0.1 or self.done == self.total):
            self._last = now
            filled = _WIDTH * self.done // max(self.total, 1)
            bar = "#" * filled + "-" * (_WIDTH - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total} files")
            self.stream.flush()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if self.enabled and self._last:
            self.stream.write("\r" + " " * (_WIDTH + 30) + "\r")
            self.stream.flush()
