"""Inline suppressions: ``# orgspec: ignore[OS301] the reason``.

A suppression comment names one or more codes (``ignore[OS301, OS310]``)
and gives a reason after them. At the end of a line it applies to findings
that start on that line; alone on its line it applies to the next line that
is not itself only a comment, so several can be stacked above a statement.

A suppression that names no code, an unknown code, or gives no reason is
reported (OS702) and suppresses nothing; a code of a valid suppression that
matched no finding is reported as unused (OS701). Reading and syntax errors
(OS1xx) and the OS7xx findings themselves cannot be suppressed.

Imports: :mod:`orgspec.codes`, :mod:`orgspec.diagnostics`, :mod:`orgspec.source`,
:mod:`orgspec.syntax.nodes`, attrs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from orgspec.codes import CODES
from orgspec.diagnostics import Diagnostic
from orgspec.source import SourceText, Span
from orgspec.syntax.nodes import Comment

__all__ = ["Suppression", "apply_suppressions", "parse_suppressions"]

_DIRECTIVE = re.compile(r"#\s*orgspec\s*:", re.IGNORECASE)
_IGNORE = re.compile(r"#\s*orgspec\s*:\s*ignore\s*\[(?P<codes>[^\]]*)\](?P<reason>.*)$", re.IGNORECASE)
_EXAMPLE = "# orgspec: ignore[OS301] the document itself lists five"
_UNSUPPRESSIBLE = ("OS1", "OS7")


@attrs.frozen(slots=True)
class Suppression:
    """One valid suppression comment: the codes, the reason, the line it covers."""

    codes: tuple[str, ...]
    reason: str
    line: int
    comment: Comment


def _target_line(comment: Comment, source: SourceText) -> int:
    line = source.position(comment.span.start).line
    before = source.line_text(line)[: source.position(comment.span.start).column - 1]
    if before.strip():
        return line
    nxt = line + 1
    while nxt <= source.line_count and source.line_text(nxt).lstrip().startswith("#"):
        nxt += 1
    return nxt


def parse_suppressions(comments: Sequence[Comment], source: SourceText) -> tuple[list[Suppression], list[Diagnostic]]:
    """Return the valid suppressions among ``comments`` and an OS702 finding for each invalid one."""
    found: list[Suppression] = []
    problems: list[Diagnostic] = []

    def invalid(comment: Comment, what: str) -> None:
        problems.append(
            Diagnostic("OS702", f"invalid suppression: {what}", comment.span, source, hint=f"write it as: {_EXAMPLE}")
        )

    for comment in comments:
        text = comment.text.rstrip()
        if not _DIRECTIVE.match(text):
            continue
        m = _IGNORE.match(text)
        if m is None:
            invalid(comment, "expected 'orgspec: ignore[CODE] reason'")
            continue
        codes = [c.strip().upper() for c in m["codes"].split(",") if c.strip()]
        reason = m["reason"].strip()
        if not codes:
            invalid(comment, "it names no code")
            continue
        unknown = [c for c in codes if c not in CODES]
        if unknown:
            invalid(comment, f"unknown code {unknown[0]} (see orgspec explain --all)")
            continue
        fixed = [c for c in codes if c.startswith(_UNSUPPRESSIBLE)]
        if fixed:
            invalid(comment, f"{fixed[0]} cannot be suppressed")
            continue
        if not reason:
            invalid(comment, f"it gives no reason for ignoring {', '.join(codes)}")
            continue
        found.append(Suppression(tuple(dict.fromkeys(codes)), reason, _target_line(comment, source), comment))
    return found, problems


def apply_suppressions(
    diagnostics: Sequence[Diagnostic], comments: Sequence[Comment], source: SourceText
) -> list[Diagnostic]:
    """Drop suppressed findings; add OS702 for invalid and OS701 for unused suppressions."""
    suppressions, out = parse_suppressions(comments, source)
    if not suppressions:
        return [*diagnostics, *out]
    by_line: dict[tuple[int, str], Suppression] = {}
    for s in suppressions:
        for code in s.codes:
            by_line.setdefault((s.line, code), s)
    used: set[tuple[int, str]] = set()
    for d in diagnostics:
        if d.line is not None and (d.line, d.code) in by_line:
            used.add((d.line, d.code))
            continue
        out.append(d)
    for s in suppressions:
        for code in s.codes:
            if (s.line, code) not in used:
                out.append(
                    Diagnostic(
                        "OS701",
                        f"unused suppression: no {code} finding on line {s.line}",
                        Span(s.comment.span.start, s.comment.span.end),
                        source,
                        hint="remove the suppression, or move it to the line of the finding",
                    )
                )
    return out
