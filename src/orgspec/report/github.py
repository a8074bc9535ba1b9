"""GitHub Actions: workflow-command annotations and the step summary.

Each finding becomes ``::error file=…,line=…,endLine=…,title=…::message``
(``::warning`` and ``::notice`` for the other severities); ``col`` and
``endColumn`` are given only when the span is on one line, as GitHub
ignores them otherwise. Data is escaped as the Actions toolkit does (``%``,
CR and LF), and property values also escape ``:`` and ``,``; other control
characters are shown as symbols (:func:`orgspec.report.text.printable`).

GitHub shows at most 10 annotations of each severity per step (and 50 per
job; see actions/toolkit ``docs/problem-matchers.md``), so beyond that the
rest are printed as plain log lines and the last slot says how many were
cut. The full table goes to ``$GITHUB_STEP_SUMMARY`` as Markdown when set.

Imports: :mod:`orgspec.codes`, :mod:`orgspec.diagnostics`, :mod:`orgspec.report.context`,
:mod:`orgspec.report.summary`, :mod:`orgspec.report.text`.
"""

from __future__ import annotations

from collections.abc import Sequence

from orgspec.codes import CODES
from orgspec.diagnostics import Diagnostic, Severity
from orgspec.report.context import ReportContext, relative_path
from orgspec.report.summary import Summary
from orgspec.report.text import format_concise, printable

__all__ = ["ANNOTATIONS_PER_SEVERITY", "escape_data", "escape_property", "format_github", "format_step_summary"]

#: Annotations of one severity that GitHub shows for one step.
ANNOTATIONS_PER_SEVERITY = 10
#: Rows of the step summary table (GitHub caps a step summary at 1 MiB).
SUMMARY_ROWS = 1000
_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape the message of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``file``, ``title``) of a workflow command."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _lines(text: str) -> str:
    """Return ``text`` with its control characters made visible, but its line breaks kept (escaped later)."""
    return "\n".join(printable(line) for line in text.split("\n"))


def _annotation(d: Diagnostic, context: ReportContext) -> str:
    props = [f"file={escape_property(printable(relative_path(d.file, context.root)))}"]
    if d.source is not None and d.span is not None:
        start = d.source.position(d.span.start)
        end = d.source.position(d.span.end)
        props.append(f"line={start.line}")
        if start.line == end.line:
            props.append(f"col={start.column}")
            props.append(f"endColumn={max(end.column, start.column)}")
        else:
            props.append(f"endLine={end.line}")
    name = CODES[d.code].name if d.code in CODES else ""
    if d.policy is not None:  # the rule's id in the title: its basis is in the hint
        name = f"{name} {d.policy.pack}/{d.policy.rule}"
    props.append(f"title={escape_property(printable(f'{d.code} {name}'.strip()))}")
    message = _lines(d.message) + (f"\nhint: {_lines(d.hint)}" if d.hint else "")
    return f"::{_COMMANDS[d.severity]} {','.join(props)}::{escape_data(message)}"


def format_github(diagnostics: Sequence[Diagnostic], context: ReportContext) -> str:
    """Return the annotations of a run, capped at what GitHub shows, then the rest as log lines."""
    lines: list[str] = []
    cut: list[Diagnostic] = []
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        group = [d for d in diagnostics if d.severity is severity]
        shown = group
        if len(group) > ANNOTATIONS_PER_SEVERITY:
            shown = group[: ANNOTATIONS_PER_SEVERITY - 1]
            rest = group[len(shown) :]
            cut.extend(rest)
            note = (
                f"{len(rest)} more {severity.value} findings are not shown as annotations "
                f"(GitHub shows {ANNOTATIONS_PER_SEVERITY} per step); see the log or the step summary"
            )
            lines += [_annotation(d, context) for d in shown]
            lines.append(f"::{_COMMANDS[severity]} title=orgspec::{escape_data(note)}")
            continue
        lines += [_annotation(d, context) for d in shown]
    if cut:
        cut.sort(key=lambda d: (d.file or "", d.span.start if d.span else -1))
        lines.append(f"{len(cut)} findings not shown as annotations:")
        lines.append(format_concise(cut).rstrip("\n"))
    return "\n".join(lines) + ("\n" if lines else "")


def _cell(text: str) -> str:
    return printable(text.replace("\r", " ").replace("\n", " ")).replace("\\", "\\\\").replace("|", "\\|")


def format_step_summary(diagnostics: Sequence[Diagnostic], summary: Summary, context: ReportContext) -> str:
    """Return the Markdown table of every finding for ``$GITHUB_STEP_SUMMARY``."""
    out = ["## orgspec check", "", summary.line(), ""]
    if diagnostics:
        out += ["| severity | code | location | message |", "|---|---|---|---|"]
        for d in diagnostics[:SUMMARY_ROWS]:
            where = relative_path(d.file, context.root)
            if d.line is not None:
                where += f":{d.line}:{d.column}"
            out.append(f"| {d.severity.value} | {_cell(d.code)} | `{_cell(where)}` | {_cell(d.message)} |")
        if len(diagnostics) > SUMMARY_ROWS:
            out += ["", f"{len(diagnostics) - SUMMARY_ROWS} more findings are in the log."]
    return "\n".join(out) + "\n\n"
