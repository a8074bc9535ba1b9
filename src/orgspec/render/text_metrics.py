"""Text widths measured per character, and wrapping on character boundaries.

Widths are in em (the font size): full-width characters (CJK ideographs,
kana, full-width punctuation and forms) are 1 em, half-width Latin letters,
digits and punctuation are about 0.55 em (a little wider than most sans-serif
fonts need, so boxes sized with these figures hold the text in a real
browser), and combining or zero-width characters take no room.

Imports: the standard library only.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["HALF_WIDTH", "char_width", "text_width", "wrap", "wrap_balanced"]

#: The width of a half-width (Latin) character, in em.
HALF_WIDTH = 0.6

# Closing punctuation that should not start a line, opening that should not end one.
_NO_START = set("，。、；：？！）》」』】〕〉,.;:?!)]}%·")
_NO_END = set("（《「『【〔〈([{")


@lru_cache(maxsize=4096)
def char_width(ch: str) -> float:
    """Return the width of one character in em."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0.0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    if ch in "iljI.,:;'!|":
        return 0.35
    if ch in "mwMW@%":
        return 0.9
    return HALF_WIDTH


def text_width(text: str) -> float:
    """Return the width of a line of text in em."""
    return sum(char_width(ch) for ch in text)


def wrap(text: str, max_em: float) -> list[str]:
    """Break ``text`` into lines no wider than ``max_em``, on character boundaries.

    Closing punctuation is kept off the start of a line and opening punctuation
    off its end (the usual Chinese line-breaking rule) when the line allows it.
    A single character wider than ``max_em`` gets a line of its own.
    """
    if max_em <= 0 or text_width(text) <= max_em:
        return [text]
    lines: list[str] = []
    line = ""
    width = 0.0
    for ch in text:
        w = char_width(ch)
        if line and width + w > max_em:
            space = line.rfind(" ")
            mid_word = ch.isascii() and ch.isalnum() and line[-1].isascii() and line[-1].isalnum()
            if ch != " " and space > 0 and (space >= len(line) // 2 or ch in _NO_START or mid_word):
                # break after the last space of the line (between words or list items)
                lines.append(line[:space])
                line = line[space + 1 :]
            elif (ch in _NO_START and len(line) > 1) or (line[-1] in _NO_END and len(line) > 1):
                # carry the last character over so punctuation does not start (or end) a line
                lines.append(line[:-1])
                line = line[-1]
            else:
                lines.append(line)
                line = ""
            line = line.lstrip(" ")
            width = text_width(line)
            if ch == " " and not line:
                continue
        line += ch
        width += w
    if line:
        lines.append(line)
    return [part.rstrip(" ") for part in lines if part.strip(" ")] or [text]


def wrap_balanced(text: str, max_em: float) -> list[str]:
    """Wrap like :func:`wrap`, into as few lines, but of even length (no lone last character)."""
    lines = wrap(text, max_em)
    if len(lines) < 2:
        return lines
    target = text_width(text) / len(lines)
    step = max(0.25, (max_em - target) / 8)
    width = target
    while width < max_em:
        even = wrap(text, width)
        if len(even) == len(lines) and _word_splits(text, even) <= _word_splits(text, lines):
            return even
        width += step
    return lines


def _word_splits(text: str, lines: list[str]) -> int:
    """Count the Latin words of ``text`` that ``lines`` cut across two lines."""
    count = 0
    pos = 0
    for line in lines[:-1]:
        pos = text.find(line, pos) + len(line)
        if 0 < pos < len(text):
            a, b = text[pos - 1], text[pos]
            count += a.isascii() and a.isalnum() and b.isascii() and b.isalnum()
    return count
