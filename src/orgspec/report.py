"""Present diagnostics: the human text format and the versioned JSON document.

Text: ``file:line:col: CODE severity: message``, then the source line, a caret
under the span (aligned by display width, so it sits under Chinese text), the
hint, and the related locations. JSON: ``{"version": 1, "diagnostics": [...],
"summary": {...}}``.

Imports: :mod:`orgspec.diagnostics`, :mod:`orgspec.source`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

import attrs

from orgspec.diagnostics import Diagnostic, Severity
from orgspec.source import display_width

__all__ = ["Summary", "format_json", "format_text", "summarize"]

_COLORS = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[1;33m", Severity.INFO: "\x1b[1;36m"}
_RESET = "\x1b[0m"
_MAX_LINE = 160


@attrs.frozen(slots=True)
class Summary:
    """Counts of a run: files checked and findings by severity."""

    files: int
    errors: int
    warnings: int
    infos: int

    def to_dict(self) -> dict[str, int]:
        """Return the JSON form of the summary."""
        return {"files": self.files, "errors": self.errors, "warnings": self.warnings, "infos": self.infos}

    def line(self) -> str:
        """Return the closing line of the text format."""

        def plural(n: int, word: str) -> str:
            return f"{n} {word}{'' if n == 1 else 's'}"

        return (
            f"{plural(self.files, 'file')} checked: {plural(self.errors, 'error')}, "
            f"{plural(self.warnings, 'warning')}, {self.infos} info"
        )


def summarize(diagnostics: Sequence[Diagnostic], files: int) -> Summary:
    """Count findings by severity."""
    counts = Counter(d.severity for d in diagnostics)
    return Summary(files, counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO])


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


def format_text(diagnostics: Sequence[Diagnostic], *, color: bool = False, show_source: bool = True) -> str:
    """Return the human text of diagnostics, one block each."""
    out: list[str] = []
    for d in diagnostics:
        where = d.file or "<unknown>"
        if d.line is not None:
            where += f":{d.line}:{d.column}"
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


def format_json(diagnostics: Sequence[Diagnostic], summary: Summary) -> str:
    """Return the versioned JSON document of ``orgspec check --format json``."""
    doc = {
        "version": 1,
        "diagnostics": [d.to_dict() for d in diagnostics],
        "summary": summary.to_dict(),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
