"""GitLab Code Quality: the JSON report a merge request shows as a widget.

A list of issues, each with a description, the check's name, a fingerprint
(stable across runs, see :mod:`orgspec.report.context`), a severity
(error → ``major``, warning → ``minor``, info → ``info``) and a location
``{"path": …, "lines": {"begin": …, "end": …}}`` relative to the repository.

Imports: :mod:`orgspec.codes`, :mod:`orgspec.diagnostics`, :mod:`orgspec.report.context`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from orgspec.codes import CODES
from orgspec.diagnostics import Diagnostic, Severity
from orgspec.report.context import ReportContext, encodable, fingerprints, relative_path

__all__ = ["SEVERITIES", "format_gitlab"]

#: orgspec severity → GitLab Code Quality severity.
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _issue(d: Diagnostic, fingerprint: str, context: ReportContext) -> dict[str, object]:
    lines: dict[str, int] = {"begin": 1}
    if d.source is not None and d.span is not None:
        lines = {"begin": d.source.position(d.span.start).line, "end": d.source.position(d.span.end).line}
    name = CODES[d.code].name if d.code in CODES else d.code
    return {
        "type": "issue",
        "check_name": f"{d.code} {name}",
        "description": f"{d.code} {d.message}",
        "categories": ["Bug Risk"] if d.severity is Severity.ERROR else ["Style"],
        "severity": SEVERITIES[d.severity],
        "fingerprint": fingerprint,
        "location": {"path": relative_path(d.file, context.root), "lines": lines},
    }


def format_gitlab(diagnostics: Sequence[Diagnostic], context: ReportContext) -> str:
    """Return the GitLab Code Quality report of a run."""
    prints = fingerprints(diagnostics, context.root)
    issues = [_issue(d, fp, context) for d, fp in zip(diagnostics, prints, strict=True)]
    return encodable(json.dumps(issues, ensure_ascii=False, indent=2)) + "\n"
