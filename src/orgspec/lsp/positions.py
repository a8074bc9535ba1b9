r"""Offsets in a text to LSP positions and back, in the position encoding the client agreed on.

orgspec counts code points (a :class:`~orgspec.source.Span` is a pair of
character offsets); LSP counts lines from 0 and, by default, characters in
UTF-16 code units, so a character outside the Basic Multilingual Plane (𠀋,
an emoji) takes two. The encodings ``utf-8`` and ``utf-32`` are supported too.
LSP line breaks are ``\n``, ``\r\n`` and ``\r``. A position past the end of a
line means the end of that line; a line past the end of the text, its end.

Imports: the standard library only.
"""

from __future__ import annotations

import bisect

__all__ = ["LineIndex"]

_WIDTH = {"utf-8": (1, 2, 3, 4), "utf-16": (1, 1, 1, 2), "utf-32": (1, 1, 1, 1)}


def _units(ch: str, encoding: str) -> int:
    cp = ord(ch)
    widths = _WIDTH[encoding]
    if cp < 0x80:
        return widths[0]
    if cp < 0x800:
        return widths[1]
    if cp < 0x10000:
        return widths[2]
    return widths[3]


class LineIndex:
    """Line starts of one text, for converting code-point offsets to LSP positions and back."""

    __slots__ = ("encoding", "starts", "text")

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        if encoding not in _WIDTH:
            raise ValueError(f"unknown position encoding {encoding!r}")
        self.text = text
        self.encoding = encoding
        starts = [0]
        i, n = 0, len(text)
        while i < n:
            ch = text[i]
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            if ch in "\r\n":
                starts.append(i + 1)
            i += 1
        self.starts = starts

    def _line_end(self, line: int) -> int:
        """Return the offset where ``line``'s content ends (before its line break)."""
        if line + 1 < len(self.starts):
            end = self.starts[line + 1] - 1
            if end > self.starts[line] and self.text[end] == "\n" and self.text[end - 1] == "\r":
                end -= 1
            return end
        return len(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 0-based LSP ``(line, character)`` of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        prefix = self.text[start:offset]
        if self.encoding == "utf-32" or prefix.isascii():
            return line, len(prefix)
        return line, sum(_units(ch, self.encoding) for ch in prefix)

    def offset(self, line: int, character: int) -> int:
        """Return the code-point offset of an LSP position (clamped to its line and the text)."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self._line_end(line)
        if self.encoding == "utf-32":
            return min(start + max(character, 0), end)
        units = 0
        i = start
        while i < end and units < character:
            units += _units(self.text[i], self.encoding)
            i += 1
        return i
