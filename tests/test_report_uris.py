"""SARIF URIs are RFC 3986 references for any path; JUnit has one failure per case with counts that match."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest

import orgspec
from orgspec.cli.main import main
from orgspec.diagnostics import Severity
from orgspec.report import ReportContext, render
from orgspec.report.sarif import artifact_uri

from .conftest import require_module

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
#: RFC 3986 URI reference characters: unreserved, sub-delims, ":", "@", "/", and percent-encodings.
_URI_REF = re.compile(r"^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-F]{2})*$")
_NAMES = ("with space.orgspec", "100%.orgspec", "a#b.orgspec", "外事 辦公室.orgspec", "x:y.orgspec", "q?.orgspec")
_BAD = 'body "甲" {\n  stated sections 3\n  section "乙" { number 1; duties { duty "丙" } }\n  section "丁" { number 1; duties { duty "戊" } }\n}\n'


def _uris(log: dict[str, object]) -> list[dict[str, str]]:
    out = []
    for run in log["runs"]:  # type: ignore[attr-defined]
        for result in run["results"]:
            for loc in (*result["locations"], *result.get("relatedLocations", ())):
                out.append(loc["physicalLocation"]["artifactLocation"])
    return out


@pytest.mark.parametrize("name", _NAMES)
def test_artifact_uri_round_trips_through_urllib(name: str) -> None:
    rel = f"specs/{name}"
    uri = artifact_uri(rel)
    assert _URI_REF.match(uri), uri
    parts = urlsplit(uri)
    assert (parts.scheme, parts.netloc, parts.query, parts.fragment) == ("", "", "", "")
    assert unquote(parts.path) == rel
    absolute = artifact_uri("/home/me/" + rel)
    parts = urlsplit(absolute)
    assert parts.scheme == "file"
    assert _URI_REF.match(absolute[len("file:") :])
    assert unquote(parts.path) == "/home/me/" + rel


def test_sarif_of_awkward_paths_validates_and_parses_back(tmp_path: Path) -> None:
    found = []
    for name in _NAMES:
        found += orgspec.check_text(_BAD, f"specs/{name}")
    context = ReportContext(tuple(f"specs/{n}" for n in _NAMES), Path("/work/a repo%/中"), Severity.ERROR)
    log = json.loads(render("sarif", found, context))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    seen = set()
    for artifact in _uris(log):
        assert artifact["uriBaseId"] == "SRCROOT"
        assert _URI_REF.match(artifact["uri"]), artifact
        seen.add(unquote(urlsplit(artifact["uri"]).path))
    assert seen == {f"specs/{n}" for n in _NAMES}
    root = log["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"]
    assert root == "file:///work/a%20repo%25/%E4%B8%AD/"


def test_check_writes_sarif_for_files_with_awkward_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "spec files"
    folder.mkdir()
    for name in _NAMES:
        (folder / name).write_text(_BAD, encoding="utf-8")
    assert main(["check", "spec files", "-o", "sarif=out.sarif", "--no-cache", "-j", "1"]) == 1
    log = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    paths = {unquote(urlsplit(a["uri"]).path) for a in _uris(log)}
    assert paths == {f"spec files/{n}" for n in _NAMES}
    assert all(_URI_REF.match(a["uri"]) for a in _uris(log))


# ---- JUnit ------------------------------------------------------------------------------


def _two_failures() -> tuple[list[orgspec.Diagnostic], ReportContext]:
    found = orgspec.check_text(_BAD, "specs/bad.orgspec")
    found += orgspec.check_text('body "甲" {\n  section "乙" { duties { duty "丙" } }\n}\n', "specs/good.orgspec")
    return found, ReportContext(("specs/bad.orgspec", "specs/good.orgspec"), Path("/repo"), Severity.WARNING)


def test_junit_has_at_most_one_failure_per_case_and_counts_that_match() -> None:
    found, context = _two_failures()
    failing = [d for d in found if context.fails(d) and d.file == "specs/bad.orgspec"]
    assert len(failing) >= 2  # the point of the sample: one file, several failing findings
    root = ET.fromstring(render("junit", found, context))
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert all(len(c.findall("failure")) <= 1 for c in cases)
    failed = [c for c in cases if c.find("failure") is not None]
    assert suite.get("tests") == str(len(cases)) == "2"
    assert suite.get("failures") == str(len(failed)) == root.get("failures") == "1"
    failure = failed[0].find("failure")
    assert failure is not None
    assert f"and {len(failing) - 1} more finding" in (failure.get("message") or "")
    for d in failing:  # every failing finding is still in the text
        assert f"{d.code} {d.severity.value}: {d.message}" in (failure.text or "")


def test_junit_reads_back_with_junitparser(tmp_path: Path) -> None:
    junitparser = require_module("junitparser")
    found, context = _two_failures()
    path = tmp_path / "junit.xml"
    path.write_text(render("junit", found, context), encoding="utf-8")
    xml = junitparser.JUnitXml.fromfile(str(path))
    suites = list(xml) if isinstance(xml, junitparser.JUnitXml) else [xml]
    cases = [case for suite in suites for case in suite]
    failed = [case for case in cases if not case.is_passed]
    assert len(cases) == 2
    assert len(failed) == 1
    assert sum(int(s.failures) for s in suites) == len(failed)
    assert all(len(case.result) <= 1 for case in cases)
