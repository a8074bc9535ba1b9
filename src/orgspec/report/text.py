"""The human formats: ``full`` (with source lines) and ``concise`` (one line each).

Full: ``file:line:col: CODE severity: message``, then the source line, a caret
under the span (aligned by display width, so it sits under Chinese text), the
hint, and the related locations. Concise: the first line only.

Text that comes from a spec (names in messages, the source line, file names)
is shown with :func:`printable`: control characters and bidirectional
controls become visible symbols, so a hostile spec cannot send escape
sequences to the terminal or CI log, fake a line of output, or reorder what
the reader sees.

Imports: :mod:`orgspec.diagnostics`, :mod:`orgspec.source`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from orgspec.diagnostics import Diagnostic, Severity
from orgspec.source import display_width

__all__ = ["format_concise", "format_text", "location", "printable"]

_COLORS = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[1;33m", Severity.INFO: "\x1b[1;36m"}
_RESET = "\x1b[0m"
_MAX_LINE = 160

#: C0 controls but tab, DEL, C1 controls, the bidirectional marks, embeddings, overrides and isolates,
#: and lone surrogates (which cannot be written as UTF-8).
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def printable(text: str) -> str:
    """Return ``text`` safe to print on a terminal: one visible symbol for each control character.

    Each character is replaced by one character of width one, so columns and carets stay aligned.
    """
    return _UNSAFE.sub(_visible, text)


def _fit(text: str, width: int) -> str:
    """Return the longest start of ``text`` no wider than ``width`` display columns (Chinese counts two)."""
    used = 0
    for i, ch in enumerate(text):
        used += display_width(ch)
        if used > width:
            return text[:i]
    return text


def _snippet(d: Diagnostic, color: bool) -> list[str]:
    if d.source is None or d.span is None or d.line is None:
        return []
    source = d.source
    start = source.position(d.span.start)
    end = source.position(d.span.end)
    text = printable(source.line_text(start.line).expandtabs(1))
    col0 = start.column - 1
    width_end = end.column - 1 if end.line == start.line else len(text)
    # Keep long lines readable: show a window around the span.
    offset = 0
    if display_width(text) > _MAX_LINE and col0 > 40:
        offset = col0 - 20
        text = "…" + text[offset:]
        col0, width_end = col0 - offset + 1, width_end - offset + 1
    if display_width(text) > _MAX_LINE:
        text = _fit(text, _MAX_LINE - 1) + "…"
    gutter = f"{start.line} | "
    pad = " " * display_width(text[:col0])
    caret_width = max(1, display_width(text[col0:width_end]))
    marker = "^" * caret_width
    if color:
        marker = _COLORS[d.severity] + marker + _RESET
    return [f" {gutter}{text}", f" {' ' * len(gutter)}{pad}{marker}"]


def location(d: Diagnostic) -> str:
    """Return ``file:line:col`` of a diagnostic (``file`` alone when the position is unknown)."""
    where = printable(d.file) if d.file else "<unknown>"
    if d.line is not None:
        where += f":{d.line}:{d.column}"
    return where


def format_concise(diagnostics: Sequence[Diagnostic]) -> str:
    """Return one line per diagnostic: ``file:line:col: CODE severity: message``."""
    return "".join(
        f"{location(d)}: {printable(d.code)} {d.severity.value}: {printable(d.message)}\n" for d in diagnostics
    )


def format_text(diagnostics: Sequence[Diagnostic], *, color: bool = False, show_source: bool = True) -> str:
    """Return the human text of diagnostics, one block each."""
    out: list[str] = []
    for d in diagnostics:
        where = location(d)
        sev = d.severity.value
        if color:
            sev = _COLORS[d.severity] + sev + _RESET
        out.append(f"{where}: {printable(d.code)} {sev}: {printable(d.message)}")
        if show_source:
            out += _snippet(d, color)
        if d.hint:
            out.append(f"  = hint: {printable(d.hint)}")
        for r in d.related:
            rwhere = printable(r.file) if r.file else where
            if r.span is not None and r.source is not None:
                pos = r.source.position(r.span.start)
                rwhere += f":{pos.line}:{pos.column}"
            out.append(f"  = note: {rwhere}: {printable(r.message)}")
    return "\n".join(out) + ("\n" if out else "")
