"""The human formats: ``full`` (with source lines) and ``concise`` (one line each).

Full: ``file:line:col: CODE severity: message``, then the source line, a caret
under the span (aligned by display width, so it sits under Chinese text), the
hint, and the related locations. Concise: the first line only.

Imports: :mod:`orgspec.diagnostics`, :mod:`orgspec.source`.
"""

from __future__ import annotations

from collections.abc import Sequence

from orgspec.diagnostics import Diagnostic, Severity
from orgspec.source import display_width

__all__ = ["format_concise", "format_text", "location"]

_COLORS = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[1;33m", Severity.INFO: "\x1b[1;36m"}
_RESET = "\x1b[0m"
_MAX_LINE = 160


def _snippet(d: Diagnostic, color: bool) -> list[str]:
    if d.source is None or d.span is None or d.line is None:
        return []
    source = d.source
    start = source.position(d.span.start)
    end = source.position(d.span.end)
    text = source.line_text(start.line).expandtabs(1)
    col0 = start.column - 1
    width_end = end.column - 1 if end.line == start.line else len(text)
    # Keep long lines readable: show a window around the span.
    offset = 0
    if display_width(text) > _MAX_LINE and col0 > 40:
        offset = col0 - 20
        text = "…" + text[offset:]
        col0, width_end = col0 - offset + 1, width_end - offset + 1
    if display_width(text) > _MAX_LINE:
        text = text[: _MAX_LINE - 1] + "…"
    gutter = f"{start.line} | "
    pad = " " * display_width(text[:col0])
    caret_width = max(1, display_width(text[col0:width_end]))
    marker = "^" * caret_width
    if color:
        marker = _COLORS[d.severity] + marker + _RESET
    return [f" {gutter}{text}", f" {' ' * len(gutter)}{pad}{marker}"]


def location(d: Diagnostic) -> str:
    """Return ``file:line:col`` of a diagnostic (``file`` alone when the position is unknown)."""
    where = d.file or "<unknown>"
    if d.line is not None:
        where += f":{d.line}:{d.column}"
    return where


def format_concise(diagnostics: Sequence[Diagnostic]) -> str:
    """Return one line per diagnostic: ``file:line:col: CODE severity: message``."""
    return "".join(f"{location(d)}: {d.code} {d.severity.value}: {d.message}\n" for d in diagnostics)


def format_text(diagnostics: Sequence[Diagnostic], *, color: bool = False, show_source: bool = True) -> str:
    """Return the human text of diagnostics, one block each."""
    out: list[str] = []
    for d in diagnostics:
        where = location(d)
        sev = d.severity.value
        if color:
            sev = _COLORS[d.severity] + sev + _RESET
        out.append(f"{where}: {d.code} {sev}: {d.message}")
        if show_source:
            out += _snippet(d, color)
        if d.hint:
            out.append(f"  = hint: {d.hint}")
        for r in d.related:
            rwhere = r.file or where
            if r.span is not None and r.source is not None:
                pos = r.source.position(r.span.start)
                rwhere += f":{pos.line}:{pos.column}"
            out.append(f"  = note: {rwhere}: {r.message}")
    return "\n".join(out) + ("\n" if out else "")
