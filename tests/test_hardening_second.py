"""Hardening, second pass (issue 19): what an outside fuzzing and fault campaign found.

Each test here failed before its fix; the item of the issue it covers is named in its docstring.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given

from orgspec.api import check_text
from orgspec.diagnostics import Diagnostic
from orgspec.report import (
    ReportContext,
    format_concise,
    format_github,
    format_gitlab,
    format_json,
    format_json_lines,
    format_junit,
    format_sarif,
    format_step_summary,
    format_text,
    summarize,
)
from tests.hostile_strategies import runs

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


# 1. lone surrogates -----------------------------------------------------------------------------


def test_check_text_reports_a_lone_surrogate_as_os101() -> None:
    """Item 1: a str holding a lone surrogate gets OS101 at the surrogate, not a silent pass."""
    found = check_text('body "A\ud800" {\n  kind "工作部門"\n}\n', "x.orgspec")
    assert [(d.code, d.line, d.column) for d in found] == [("OS101", 1, 8)]
    assert "U+D800" in found[0].message
    assert found[0].source is not None and "\ud800" not in found[0].source.text


def test_every_format_writes_a_lone_surrogate_from_check_text() -> None:
    """Item 1: the issue's case: check_text, then gitlab and sarif raised UnicodeEncodeError."""
    found = check_text('body "A" {\n  kind "工作部門"\n  section "B\udc80" {\n  }\n}\n', "a\udc80.orgspec")
    context = ReportContext(("a\udc80.orgspec",), Path("/work"))
    for text in (format_gitlab(found, context), format_sarif(found, context), format_json(found, summarize(found, 1))):
        text.encode("utf-8")
        json.loads(text)


def _encodes(text: str) -> str:
    text.encode("utf-8")  # raises UnicodeEncodeError on a lone surrogate
    return text


@given(runs())
def test_machine_formats_parse_and_encode_whatever_the_strings(run: tuple[list[Diagnostic], tuple[str, ...], Path]) -> None:
    """Item 1: JSON, JSON Lines, GitLab and SARIF stay UTF-8 and valid JSON for any string in any field."""
    found, files, root = run
    context = ReportContext(files, root)
    doc = json.loads(_encodes(format_json(found, summarize(found, len(files)))))
    assert len(doc["diagnostics"]) == len(found)
    lines = _encodes(format_json_lines(found)).split("\n")[:-1]
    assert [json.loads(line)["severity"] for line in lines] == [d.severity.value for d in found]
    assert len(json.loads(_encodes(format_gitlab(found, context)))) == len(found)
    sarif = json.loads(_encodes(format_sarif(found, context)))
    assert len(sarif["runs"][0]["results"]) == len(found)


@given(runs())
def test_junit_is_well_formed_xml_whatever_the_strings(run: tuple[list[Diagnostic], tuple[str, ...], Path]) -> None:
    """Item 1: JUnit stays well-formed XML in UTF-8 for any string, file names included."""
    found, files, root = run
    xml = _encodes(format_junit(found, ReportContext(files, root)))
    ET.fromstring(xml.encode("utf-8"))


@given(runs())
def test_human_formats_show_no_control_character_whatever_the_strings(
    run: tuple[list[Diagnostic], tuple[str, ...], Path],
) -> None:
    """Item 1: full, concise, github and the step summary: UTF-8, no control or bidi character, one line each."""
    found, files, root = run
    context = ReportContext(files, root)
    concise = _encodes(format_concise(found))
    assert not _UNSAFE.search(concise)
    assert concise.count("\n") == len(found)
    for text in (
        format_text(found),
        format_text(found, show_source=False),
        format_github(found, context),
        format_step_summary(found, summarize(found, len(files)), context),
    ):
        assert not _UNSAFE.search(_encodes(text))
    annotations = [line for line in format_github(found, context).split("\n") if line.startswith("::")]
    assert len(annotations) == len(found)


@pytest.mark.parametrize("code", ["OS999", "\ud800", ""])
def test_sarif_accepts_a_code_it_does_not_know(code: str) -> None:
    """Item 1: a diagnostic built by a library user with its own code does not crash SARIF (KeyError)."""
    from orgspec.diagnostics import Severity

    d = Diagnostic(code, "m", None, None, severity=Severity.WARNING)
    result = json.loads(format_sarif([d], ReportContext()))["runs"][0]["results"][0]
    assert "ruleIndex" not in result
