"""JUnit XML, for CI services that show test reports (GitLab, Jenkins, Azure).

One test suite, one test case per file checked. A case that has findings
failing the run (``--fail-on``) holds exactly one ``<failure>`` (JUnit allows
one per case, and the suite's ``failures`` counts failed cases): its message
names the first finding and how many more there are, its text lists every
one. Findings below the threshold are listed in the case's ``<system-out>``.
Characters XML 1.0 cannot carry are replaced.

Imports: :mod:`orgspec.diagnostics`, :mod:`orgspec.report.context`, :mod:`orgspec.report.text`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from orgspec.diagnostics import Diagnostic
from orgspec.report.context import ReportContext, relative_path
from orgspec.report.text import format_concise, location

__all__ = ["format_junit"]

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def _failure(case: ET.Element, failing: Sequence[Diagnostic]) -> None:
    """Add the one ``<failure>`` of a case: the first finding in its message, every finding in its text."""
    first = failing[0]
    message = f"{first.code} {first.message}"
    if len(failing) > 1:
        message += f" (and {len(failing) - 1} more finding{'s' if len(failing) > 2 else ''})"
    failure = ET.SubElement(
        case, "failure", message=_clean(message), type=_clean(f"{first.code} {first.severity.value}")
    )
    bodies = []
    for d in failing:
        body = f"{location(d)}: {d.code} {d.severity.value}: {d.message}"
        if d.hint:
            body += f"\nhint: {d.hint}"
        bodies.append(body)
    failure.text = _clean("\n".join(bodies))


def format_junit(diagnostics: Sequence[Diagnostic], context: ReportContext) -> str:
    """Return the JUnit XML report of a run."""
    by_file: dict[str, list[Diagnostic]] = {relative_path(f, context.root): [] for f in context.files}
    for d in diagnostics:
        by_file.setdefault(relative_path(d.file, context.root), []).append(d)
    failed_cases = sum(1 for found in by_file.values() if any(context.fails(d) for d in found))
    suites = ET.Element("testsuites", name="orgspec", tests=str(len(by_file)), failures=str(failed_cases))
    suite = ET.SubElement(
        suites, "testsuite", name="orgspec check", tests=str(len(by_file)), failures=str(failed_cases), errors="0"
    )
    suite.set("skipped", "0")
    for path, found in by_file.items():
        case = ET.SubElement(suite, "testcase", name=_clean(path), classname="orgspec", file=_clean(path))
        failing = [d for d in found if context.fails(d)]
        others = [d for d in found if not context.fails(d)]
        if failing:
            _failure(case, failing)
        if others:
            ET.SubElement(case, "system-out").text = _clean(format_concise(others))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
