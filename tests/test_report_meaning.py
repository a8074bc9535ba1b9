"""What each report format means to the program or person that reads it, beyond its golden file.

The golden files of tests/test_report.py pin the bytes of one sample; these tests read the outputs
the way their consumers do (a Markdown renderer, a JUnit reader, a SARIF viewer, a terminal) and
assert the facts a regenerated golden could silently lose.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

import orgspec
import orgspec.report
from orgspec.diagnostics import Diagnostic, PolicyRule, Severity
from orgspec.report import ReportContext, format_step_summary, format_text, render, summarize
from orgspec.report.summary import Summary
from orgspec.source import SourceText, Span

ROOT = Path("/repo")


def _found(text: str, start: int, end: int, code: str = "OS307", message: str = "m") -> Diagnostic:
    return Diagnostic(code, message, Span(start, end), SourceText(text, "specs/a.orgspec"))


def _context(*files: str) -> ReportContext:
    return ReportContext(files or ("specs/a.orgspec",), ROOT, Severity.ERROR)


# ---- the package's lazy names ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "module"),
    [("format_sarif", "sarif"), ("format_junit", "junit"), ("format_gitlab", "gitlab"), ("format_text", "text")],
)
def test_the_formatters_are_reachable_from_the_package(name: str, module: str) -> None:
    import importlib

    assert getattr(orgspec.report, name) is getattr(importlib.import_module(f"orgspec.report.{module}"), name)


def test_an_unknown_name_of_the_package_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'format_pdf'"):
        orgspec.report.format_pdf  # noqa: B018


# ---- the GitHub step summary, read as Markdown ------------------------------------------------


def _tokens(markdown: str) -> list[object]:
    return list(MarkdownIt("commonmark").enable("table").parse(markdown))


def test_the_step_summary_renders_as_a_heading_a_line_and_one_table_row_per_finding() -> None:
    found = [
        _found("a\nbb\n", 2, 4, message="first | with a bar"),
        _found("a\nbb\n", 0, 1, code="OS310", message="second\r\nline"),
    ]
    markdown = format_step_summary(found, summarize(found, 1), _context())
    tokens = _tokens(markdown)
    types = [t.type for t in tokens]  # type: ignore[attr-defined]
    # a heading, then the summary line as its own paragraph, then the table: nothing else
    assert types.count("heading_open") == 1
    assert types.count("paragraph_open") == 1
    assert types.count("table_open") == 1
    inline = [t.content for t in tokens if t.type == "inline"]  # type: ignore[attr-defined]
    assert inline[0] == "orgspec check"
    assert inline[1] == "1 file checked: 1 error, 1 warning, 0 info"
    cells = inline[2:]
    assert cells[:4] == ["severity", "code", "location", "message"]
    rows = [cells[i : i + 4] for i in range(4, len(cells), 4)]
    assert [row[1] for row in rows] == ["OS307", "OS310"]
    assert rows[0][2] == "`specs/a.orgspec:2:1`"
    # a bar inside a message stays in its cell; a CR LF becomes a space, not a row break
    assert rows[0][3] == "first | with a bar"
    assert rows[1][3] == "second  line"


# ---- GitHub annotations -----------------------------------------------------------------------


def test_an_annotation_of_a_code_outside_orgspecs_list_is_titled_by_the_code_alone() -> None:
    source = SourceText("a\n", "specs/a.orgspec")
    mine = Diagnostic("X1", "a finding of a library user", Span(0, 1), source, Severity.WARNING)
    line = render("github", [mine], _context())
    assert ",title=X1::" in line


# ---- JUnit ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("count", "tail"), [(1, ""), (2, " (and 1 more finding)"), (3, " (and 2 more findings)")])
def test_a_junit_failure_names_the_first_finding_and_counts_the_rest(count: int, tail: str) -> None:
    text = "ab\ncd\nef\n"
    found = [
        Diagnostic("OS504", f"e{i}", Span(3 * i, 3 * i + 1), SourceText(text, "specs/a.orgspec")) for i in range(count)
    ]
    root = ET.fromstring(render("junit", found, _context()))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "OS504 e0" + tail
    # one line per finding in the text, each with its place
    assert (failure.text or "").splitlines() == [f"specs/a.orgspec:{i + 1}:1: OS504 error: e{i}" for i in range(count)]


# ---- SARIF ------------------------------------------------------------------------------------


def test_a_sarif_region_has_a_snippet_only_when_the_span_covers_text() -> None:
    text = "office 外办\n"
    empty, covering = _found(text, 7, 7), _found(text, 7, 9)
    log = json.loads(render("sarif", [empty, covering], _context()))
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"]]
    assert "snippet" not in regions[0]
    assert regions[1]["snippet"] == {"text": "外办"}


def test_a_policy_finding_carries_its_rule_in_the_sarif_properties() -> None:
    rule = PolicyRule("r6", "sections", "basis text", "pack.toml", "at most 8 sections")
    d = Diagnostic("OS801", "too many", Span(0, 1), SourceText("a\n", "specs/a.orgspec"), policy=rule)
    result = json.loads(render("sarif", [d], _context()))["runs"][0]["results"][0]
    assert result["properties"]["policy"] == rule.to_dict()


# ---- the summary line and the text format ---------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "line"),
    [
        ((1, 1, 1, 1), "1 file checked: 1 error, 1 warning, 1 info"),
        ((2, 0, 3, 2), "2 files checked: 0 errors, 3 warnings, 2 info"),
    ],
)
def test_the_summary_line_says_each_count_in_the_right_number(counts: tuple[int, int, int, int], line: str) -> None:
    assert Summary(*counts).line() == line


def test_no_findings_print_nothing_at_all() -> None:
    assert format_text([]) == ""


def test_the_caret_stays_under_the_span_after_a_tab() -> None:
    text = "\t\toffice 外办\n"
    out = format_text([_found(text, 9, 11)]).splitlines()
    shown, caret = out[-2], out[-1]
    # a tab is shown as one space, so the caret's column is the span's column
    assert shown.endswith("|   office 外办")
    assert caret.index("^") == shown.index("外")
    assert caret.strip().endswith("^^^^")  # two wide characters, four columns


def test_a_line_exactly_as_wide_as_the_terminal_window_is_shown_whole() -> None:
    text = "x" * 159 + "y\n"  # 160 columns: the widest line shown whole
    out = format_text([_found(text, 100, 101)]).splitlines()
    assert out[-2].endswith("x" * 59 + "y")
    assert "…" not in out[-2]
    longer = "x" * 160 + "y\n"
    cut = format_text([_found(longer, 100, 101)]).splitlines()
    assert cut[-2].split("| ", 1)[1].startswith("…")


def test_check_text_of_a_real_spec_reports_to_every_format_without_loss() -> None:
    found = orgspec.check_text("office 外办 {\n  section 办公室 {}\n  section 办公室 {}\n}\n", "specs/a.orgspec")
    assert found, "the duplicate section is a finding"
    for fmt in ("json", "json-lines"):
        out = render(fmt, found, _context())
        codes = (
            [r["code"] for r in json.loads(out)["diagnostics"]]
            if fmt == "json"
            else [json.loads(line)["code"] for line in out.splitlines() if '"code"' in line]
        )
        assert codes == [d.code for d in found]
