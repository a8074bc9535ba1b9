"""JUnit XML, for CI services that show test reports (GitLab, Jenkins, Azure).

One test suite, one test case per file checked; each finding that fails
the run (``--fail-on``) is a ``<failure>`` of its file's case, the others are
listed in the case's ``<system-out>``. Characters XML 1.0 cannot carry are
replaced.

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
        others = []
        for d in found:
            if not context.fails(d):
                others.append(d)
                continue
            failure = ET.SubElement(
                case, "failure", message=_clean(f"{d.code} {d.message}"), type=_clean(f"{d.code} {d.severity.value}")
            )
            body = f"{location(d)}: {d.code} {d.severity.value}: {d.message}"
            if d.hint:
                body += f"\nhint: {d.hint}"
            failure.text = _clean(body)
        if others:
            ET.SubElement(case, "system-out").text = _clean(format_concise(others))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
