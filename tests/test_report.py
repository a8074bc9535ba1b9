"""Every output format of ``orgspec check``: golden files, schema validity, escaping, fingerprints."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

import orgspec
from orgspec.diagnostics import Diagnostic, Severity, sort_key
from orgspec.report import (
    FORMATS,
    ReportContext,
    fingerprints,
    format_github,
    format_json,
    format_step_summary,
    render,
    summarize,
)
from orgspec.report.github import ANNOTATIONS_PER_SEVERITY, escape_data, escape_property
from orgspec.report.sarif import FINGERPRINT_KEY
from orgspec.source import SourceText, Span

from .conftest import FIXTURES, GOLDEN, golden

ROOT = Path("/repo")
SAMPLE = ("OS307", "OS310", "OS309", "OS701")
SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _sample() -> tuple[list[Diagnostic], ReportContext]:
    found: list[Diagnostic] = []
    files = []
    for code in SAMPLE:
        name = f"specs/{code.lower()}.orgspec"
        files.append(name)
        found += orgspec.check_text((FIXTURES / "checks" / code / "fail.orgspec").read_text(encoding="utf-8"), name)
    files.append("specs/clean.orgspec")
    missing = SourceText("", "specs/missing.orgspec")
    found.append(Diagnostic("OS100", "no such file: specs/missing.orgspec", None, missing))
    files.append("specs/missing.orgspec")
    found.sort(key=sort_key)
    return found, ReportContext(tuple(files), ROOT, Severity.ERROR)


@pytest.mark.parametrize("fmt", FORMATS)
def test_format_golden(fmt: str) -> None:
    found, context = _sample()
    golden(GOLDEN / "report" / f"sample.{fmt}", render(fmt, found, context))


def test_json_is_the_versioned_document() -> None:
    found, context = _sample()
    doc = json.loads(render("json", found, context))
    assert doc["version"] == 1
    assert doc["summary"] == {"files": 6, "errors": 2, "warnings": 2, "infos": 1}
    assert [d["code"] for d in doc["diagnostics"]] == [d.code for d in found]
    assert render("json", found, context) == format_json(found, summarize(found, 6))


def test_json_lines_one_object_per_finding() -> None:
    found, context = _sample()
    lines = render("json-lines", found, context).splitlines()
    assert [json.loads(line) for line in lines] == [d.to_dict() for d in found]


def test_concise_one_line_per_finding() -> None:
    found, context = _sample()
    lines = render("concise", found, context).splitlines()
    assert len(lines) == len(found)
    assert lines[0] == "specs/missing.orgspec: OS100 error: no such file: specs/missing.orgspec"


# ---- SARIF -------------------------------------------------------------------------


def test_sarif_validates_against_the_oasis_schema() -> None:
    found, context = _sample()
    log = json.loads(render("sarif", found, context))
    jsonschema.Draft4Validator(SCHEMA).validate(log)


def test_sarif_has_rules_locations_and_fingerprints() -> None:
    found, context = _sample()
    run = json.loads(render("sarif", found, context))["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == "file:///repo/"
    rules = run["tool"]["driver"]["rules"]
    first = next(r for r in run["results"] if r["ruleId"] == "OS307")
    rule = rules[first["ruleIndex"]]
    assert rule["id"] == first["ruleId"] == "OS307"
    # the rule's help: the summary, the explanation, and the example that triggers it (codes.py, word for word)
    help_lines = rule["help"]["text"].split("\n")
    assert help_lines[:2] == ["Deputy posts exceed what their group leaves for them.", ""]
    assert help_lines[2].startswith("Deputy posts in a group must fit within the group total less the chief posts.")
    assert (
        help_lines[help_lines.index("Triggers it:") + 1] == 'group "正副處長" 11 { post "正處長" 6; post "副處長" 7 }'
    )
    assert rule["shortDescription"]["text"] == "Deputy posts exceed what their group leaves for them."
    assert rule["defaultConfiguration"]["level"] == "error"
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "specs/os307.orgspec", "uriBaseId": "SRCROOT"}
    assert (loc["region"]["startLine"], loc["region"]["startColumn"]) == (5, 18)
    assert [r["message"]["text"] for r in first["relatedLocations"]] == ["the group total", "正處長 6", "副處長 7"]
    assert len(first["partialFingerprints"][FINGERPRINT_KEY]) == 64
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["OS310"] == "warning"
    assert levels["OS309"] == "note"


def test_sarif_columns_count_code_points_outside_the_bmp() -> None:
    text = 'body "𠀀𠀁" {\n  plaque "𠀀𠀁"\n}\n'
    found = orgspec.check_text(text, "a.orgspec")
    (d,) = [d for d in found if d.code == "OS401"]
    region = json.loads(render("sarif", [d], ReportContext(("a.orgspec",), ROOT)))["runs"][0]["results"][0][
        "locations"
    ][0]["physicalLocation"]["region"]
    # `plaque "𠀀𠀁"` is 11 code points (UTF-16 would count 13)
    assert (region["startColumn"], region["endColumn"]) == (3, 14)


def test_fingerprints_survive_inserted_lines_and_tell_repeats_apart() -> None:
    text = (FIXTURES / "checks" / "OS307" / "fail.orgspec").read_text(encoding="utf-8")
    before = orgspec.check_text(text, "a.orgspec")
    after = orgspec.check_text("# a new comment\n\n" + text, "a.orgspec")
    assert [d.line for d in before] != [d.line for d in after]
    assert fingerprints(before, ROOT) == fingerprints(after, ROOT)
    # the same finding in another file, or twice on one line, gets another print
    assert fingerprints(before, ROOT) != fingerprints(orgspec.check_text(text, "b.orgspec"), ROOT)
    twice = fingerprints([before[0], before[0]], ROOT)
    assert twice[0] != twice[1]


# ---- GitHub ------------------------------------------------------------------------


def test_github_escaping() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    source = SourceText('body "A" {\n}\n', "dir,with:odd/a.orgspec")
    d = Diagnostic("OS504", "50% of 'A'\nsecond line", Span(5, 8), source)
    (line,) = format_github([d], ReportContext((), ROOT)).splitlines()
    assert line == (
        "::error file=dir%2Cwith%3Aodd/a.orgspec,line=1,col=6,endColumn=9,"
        "title=OS504 duplicate-name::50%25 of 'A'%0Asecond line"
    )


def test_github_column_only_on_single_line_spans() -> None:
    source = SourceText('body "A" {\n  kind "x"\n}\n', "a.orgspec")
    d = Diagnostic("OS105", "ends inside a block", Span(0, 20), source)
    (line,) = format_github([d], ReportContext((), ROOT)).splitlines()
    assert "line=1,endLine=2," in line
    assert "col=" not in line
    assert "endColumn=" not in line


def test_github_caps_annotations_per_severity_and_says_how_many_were_cut() -> None:
    source = SourceText("x\n" * 30, "a.orgspec")
    errors = [Diagnostic("OS504", f"e{i}", Span(2 * i, 2 * i + 1), source) for i in range(15)]
    warnings = [Diagnostic("OS310", f"w{i}", Span(2 * i, 2 * i + 1), source) for i in range(3)]
    out = format_github(errors + warnings, ReportContext((), ROOT)).splitlines()
    annotations = [line for line in out if line.startswith("::error")]
    assert len(annotations) == ANNOTATIONS_PER_SEVERITY
    assert "6 more error findings are not shown" in annotations[-1]
    assert len([line for line in out if line.startswith("::warning")]) == 3
    # every cut finding is still in the log
    for i in range(9, 15):
        assert any(line.endswith(f"OS504 error: e{i}") for line in out)


def test_step_summary_table() -> None:
    found, context = _sample()
    text = format_step_summary(found, summarize(found, 6), context)
    assert text.startswith("## orgspec check\n")
    assert text.count("\n| ") == len(found) + 1
    assert "| error | OS307 | `specs/os307.orgspec:5:18` |" in text


# ---- GitLab and JUnit --------------------------------------------------------------


def test_gitlab_code_quality_fields() -> None:
    found, context = _sample()
    issues = json.loads(render("gitlab", found, context))
    assert len(issues) == len(found)
    first = next(i for i in issues if i["check_name"].startswith("OS307"))
    assert set(first) >= {"description", "check_name", "fingerprint", "severity", "location"}
    assert first["location"] == {"path": "specs/os307.orgspec", "lines": {"begin": 5, "end": 5}}
    assert {i["severity"] for i in issues} == {"major", "minor", "info"}
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_junit_one_case_per_file_failures_per_finding() -> None:
    found, context = _sample()
    root = ET.fromstring(render("junit", found, context))
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == list(context.files)
    by_name = {c.get("name"): c for c in cases}
    assert len(by_name["specs/os307.orgspec"].findall("failure")) == 1
    assert by_name["specs/clean.orgspec"].findall("failure") == []
    # a warning fails only with --fail-on warning
    assert by_name["specs/os310.orgspec"].findall("failure") == []
    assert "OS310" in (by_name["specs/os310.orgspec"].findtext("system-out") or "")
    strict = ET.fromstring(render("junit", found, ReportContext(context.files, ROOT, Severity.WARNING)))
    assert strict.get("failures") == "4"


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown output format"):
        render("yaml", [], ReportContext())


# ---- text from a hostile spec reaches the terminal as visible symbols ------------------------

_HOSTILE_GROUP = """body "{name}" {{
  posts {{
    group "正副處長" 11 {{
      post "正處長" 6 chief
      post "副處長" 7 deputy  # \x1b]0;title\x07 \u202e
    }}
  }}
}}
"""
#: Escape sequences, a faked finding after an escaped line break, NUL, BEL, DEL, C1 and bidi controls.
_HOSTILE_NAME = "A\x1b[2J\\ninjected.orgspec:1:1: OS000 error: fake\x00\x07\x7f\x9b\u202eB\u2066C"


def _control_characters(text: str) -> set[str]:
    import unicodedata

    return {ch for ch in text if ch not in "\n" and unicodedata.category(ch) in ("Cc", "Cf") and ch != "\u200b"}


@pytest.mark.parametrize("fmt", ["full", "concise", "github"])
def test_terminal_formats_show_control_characters_as_symbols(fmt: str) -> None:
    text = _HOSTILE_GROUP.format(name=_HOSTILE_NAME)
    found = orgspec.check_text(text, "specs/\x1b[31mred\u202e.orgspec")
    (finding,) = found
    assert "\x1b" in finding.message  # the model keeps the name as written
    out = render(fmt, found, ReportContext(("specs/x.orgspec",), ROOT))
    assert _control_characters(out) == set()
    lines = out.splitlines()
    if fmt == "concise":
        assert len(lines) == 1  # the escaped line break did not fake a second finding
    assert not any(line.startswith("injected.orgspec") for line in lines)
    # a line break in a name stays a symbol in the log; an annotation escapes it as GitHub reads it (%0A)
    newline = "%0A" if fmt == "github" else "␊"
    assert f"␛[2J{newline}injected.orgspec:1:1: OS000 error: fake␀␇␡\ufffd\ufffdB\ufffdC" in out
    if fmt == "full":
        # the caret still sits under the 7 of line 5, below the shown source line
        source, caret = lines[1], lines[2]
        assert source.startswith(" 5 | ")
        assert "␛]0;title␇ \ufffd" in source
        from orgspec.source import display_width

        assert display_width(caret.rstrip()) - 1 == display_width(source[: source.index(" 7 deputy") + 1])


def test_step_summary_shows_control_characters_as_symbols() -> None:
    found = orgspec.check_text(_HOSTILE_GROUP.format(name=_HOSTILE_NAME), "specs/x.orgspec")
    table = format_step_summary(found, summarize(found, 1), ReportContext(("specs/x.orgspec",), ROOT))
    assert _control_characters(table) == set()
    assert "␛[2J" in table


def test_color_codes_are_the_only_escape_sequences() -> None:
    found = orgspec.check_text(_HOSTILE_GROUP.format(name=_HOSTILE_NAME), "specs/x.orgspec")
    out = render("full", found, ReportContext(("specs/x.orgspec",), ROOT), color=True)
    stripped = out.replace("\x1b[1;31m", "").replace("\x1b[0m", "")
    assert _control_characters(stripped) == set()


# ---- the caret window of long lines ------------------------------------------------------------
def _long_line_finding(before: str, after: str) -> list[str]:
    text = f'body "A" {{\n  note "{before}" ; quota administrative abc ; note "{after}"\n}}\n'
    found = [d for d in orgspec.check_text(text, "a.orgspec") if d.code == "OS202"][:1]
    return render("full", found, ReportContext(("a.orgspec",), ROOT)).splitlines()


def _caret_under_abc(lines: list[str]) -> None:
    from orgspec.source import display_width

    source, caret = lines[1], lines[2]
    # the caret starts in the column where 'abc' starts on the shown line, and is three wide
    assert caret.index("^") == display_width(source[: source.index("abc")])
    assert caret.strip() == "^^^"


def test_a_short_line_is_shown_whole_with_the_caret_under_the_span() -> None:
    lines = _long_line_finding("中" * 10, "x")
    assert lines[0].startswith("a.orgspec:2:44: OS202 error: ")
    assert lines[1] == ' 2 |   note "' + "中" * 10 + '" ; quota administrative abc ; note "x"'
    _caret_under_abc(lines)


def test_a_long_line_is_shown_as_a_window_that_keeps_the_span_in_view() -> None:
    # 200 Chinese characters before the span: 400 columns, far wider than a terminal
    lines = _long_line_finding("中" * 200, "x")
    assert lines[0].startswith("a.orgspec:2:234: OS202 error: ")
    # the window starts 20 characters before the span, marked by an ellipsis
    assert lines[1] == ' 2 | …uota administrative abc ; note "x"'
    assert lines[2] == " " * 26 + "^^^"
    _caret_under_abc(lines)


def test_a_long_line_of_wide_characters_is_cut_to_the_terminal_width() -> None:
    from orgspec.source import display_width

    # the span early in the line, 300 Chinese characters (600 columns) after it
    lines = _long_line_finding("中" * 60, "中" * 300)
    gutter = " 2 | "
    assert lines[1].startswith(gutter + "…uota administrative abc")
    assert lines[1].endswith("…")
    assert display_width(lines[1]) <= len(gutter) + 160
    _caret_under_abc(lines)
