"""Present diagnostics in every output format of ``orgspec check``.

One module per format; this package's door is :func:`render`, which turns
the diagnostics of a run into the text of a named format:

========== ==================================================================
full       human text with source lines and carets (``text`` is an alias)
concise    one line per finding
json       the versioned document ``{"version": 1, "diagnostics", "summary"}``
json-lines one JSON object per finding, one per line
github     GitHub Actions workflow-command annotations
gitlab     GitLab Code Quality JSON
sarif      SARIF 2.1.0 (GitHub code scanning)
junit      JUnit XML, one test case per file
========== ==================================================================

The module of a format is imported when it is first used (PEP 562), so a run
pays only for the format it prints.

Imports: :mod:`orgspec.diagnostics` and the modules of this package.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from orgspec.diagnostics import Diagnostic
from orgspec.report.context import ReportContext, fingerprints, relative_path
from orgspec.report.summary import Summary, summarize

if TYPE_CHECKING:
    from orgspec.report.github import format_github, format_step_summary
    from orgspec.report.gitlab import format_gitlab
    from orgspec.report.jsonfmt import format_json, format_json_lines
    from orgspec.report.junit import format_junit
    from orgspec.report.sarif import format_sarif
    from orgspec.report.text import format_concise, format_text

__all__ = [
    "ALIASES",
    "FORMATS",
    "ReportContext",
    "Summary",
    "fingerprints",
    "format_concise",
    "format_github",
    "format_gitlab",
    "format_json",
    "format_json_lines",
    "format_junit",
    "format_sarif",
    "format_step_summary",
    "format_text",
    "relative_path",
    "render",
    "summarize",
]

_LAZY = {
    "format_github": "github",
    "format_step_summary": "github",
    "format_gitlab": "gitlab",
    "format_json": "jsonfmt",
    "format_json_lines": "jsonfmt",
    "format_junit": "junit",
    "format_sarif": "sarif",
    "format_concise": "text",
    "format_text": "text",
}


def __getattr__(name: str) -> Any:
    """Import a format's function on first use."""
    if name not in _LAZY:
        raise AttributeError(f"module 'orgspec.report' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"orgspec.report.{_LAZY[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


#: The output formats, in the order the help lists them.
FORMATS = ("full", "concise", "json", "json-lines", "github", "gitlab", "sarif", "junit")
#: Other names accepted for a format.
ALIASES = {"text": "full"}


def render(
    name: str,
    diagnostics: Sequence[Diagnostic],
    context: ReportContext,
    *,
    color: bool = False,
    show_source: bool = True,
) -> str:
    """Return the text of ``diagnostics`` in the format ``name`` (one of :data:`FORMATS`)."""
    name = ALIASES.get(name, name)
    if name == "full":
        from orgspec.report.text import format_text

        return format_text(diagnostics, color=color, show_source=show_source)
    if name == "concise":
        from orgspec.report.text import format_concise

        return format_concise(diagnostics)
    if name == "json":
        from orgspec.report.jsonfmt import format_json

        return format_json(diagnostics, summarize(diagnostics, len(context.files)))
    if name == "json-lines":
        from orgspec.report.jsonfmt import format_json_lines

        return format_json_lines(diagnostics)
    if name == "github":
        from orgspec.report.github import format_github

        return format_github(diagnostics, context)
    if name == "gitlab":
        from orgspec.report.gitlab import format_gitlab

        return format_gitlab(diagnostics, context)
    if name == "sarif":
        from orgspec.report.sarif import format_sarif

        return format_sarif(diagnostics, context)
    if name == "junit":
        from orgspec.report.junit import format_junit

        return format_junit(diagnostics, context)
    raise ValueError(f"unknown output format {name!r}; expected one of {', '.join(FORMATS)}")
