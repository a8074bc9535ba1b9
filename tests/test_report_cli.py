"""``orgspec check`` on the command line: formats, output files, exit codes, stdout vs stderr."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from orgspec.cli.main import main
from orgspec.cli.progress import MIN_FILES, Progress

from .conftest import FIXTURES

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with one failing, one warning-only and one clean spec; the working directory."""
    (tmp_path / ".git").mkdir()
    specs = tmp_path / "specs"
    specs.mkdir()
    shutil.copy(FIXTURES / "checks" / "OS307" / "fail.orgspec", specs / "bad.orgspec")
    shutil.copy(FIXTURES / "checks" / "OS310" / "fail.orgspec", specs / "warn.orgspec")
    shutil.copy(FIXTURES / "checks" / "OS307" / "pass.orgspec", specs / "good.orgspec")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def test_format_json_alias_prints_only_the_document(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "specs", "--format", "json"]) == 1
    out, err = capsys.readouterr()
    doc = json.loads(out)
    assert list(doc) == ["version", "diagnostics", "summary"]
    assert doc["summary"] == {"files": 3, "errors": 1, "warnings": 1, "infos": 0}
    assert list(doc["diagnostics"][0]) == [
        *("code", "severity", "message", "file", "line", "column", "end_line", "end_column", "hint", "related"),
    ]
    assert err == "3 files checked: 1 error, 1 warning, 0 info\n"


def test_one_run_prints_a_log_and_writes_sarif_and_json(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "out").mkdir()
    code = main(["check", "specs", "--output-file", "sarif=out/orgspec.sarif", "--output-file", "json=report.json"])
    assert code == 1
    out, err = capsys.readouterr()
    assert "specs/bad.orgspec:5:18: OS307 error:" in out
    assert "^" in out
    assert "files checked" in err
    assert "files checked" not in out
    sarif = json.loads((repo / "out" / "orgspec.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {"OS307", "OS310"}
    assert json.loads((repo / "report.json").read_text(encoding="utf-8"))["summary"]["files"] == 3


def test_text_is_full(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "specs", "--format", "text"])
    text = capsys.readouterr().out
    main(["check", "specs", "--output-format", "full"])
    assert capsys.readouterr().out == text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["specs/good.orgspec"], 0),
        (["specs/warn.orgspec"], 0),
        (["specs/warn.orgspec", "--fail-on", "warning"], 1),
        (["specs/bad.orgspec"], 1),
        (["specs/missing.orgspec"], 2),
        (["specs", "--output-file", "sarif"], 2),
        (["specs", "--output-file", "yaml=x.yaml"], 2),
        (["specs", "--output-format", "yaml"], 2),
        (["specs/good.orgspec", "--output-file", "json=specs/good.orgspec/x.json"], 2),
    ],
    ids=[
        "clean",
        "warning",
        "fail-on-warning",
        "error",
        "missing",
        "no-path",
        "bad-format",
        "bad-stdout",
        "unwritable",
    ],
)
def test_exit_codes(repo: Path, args: list[str], expected: int) -> None:
    assert main(["check", *args]) == expected


@pytest.mark.parametrize("fmt", ["concise", "json-lines", "github", "gitlab", "sarif", "junit"])
def test_machine_formats_keep_logs_on_stderr(repo: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    main(["check", "specs", "--output-format", fmt])
    out, err = capsys.readouterr()
    assert "files checked" not in out
    assert err.endswith("3 files checked: 1 error, 1 warning, 0 info\n")


def test_github_step_summary_is_appended(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = repo / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    main(["check", "specs", "--output-format", "github"])
    out = capsys.readouterr().out
    assert out.startswith("::error file=specs/bad.orgspec,line=5,col=18,")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## orgspec check\n")
    assert "| warning | OS310 | `specs/warn.orgspec:3:3` |" in text
    # other formats leave the summary alone
    main(["check", "specs", "--output-format", "concise"])
    assert summary.read_text(encoding="utf-8") == text


def test_progress_bar_draws_only_when_enabled_and_long() -> None:
    stream = io.StringIO()
    with Progress(MIN_FILES, enabled=True, stream=stream) as bar:
        for _ in range(MIN_FILES):
            bar.advance()
    assert f"{MIN_FILES}/{MIN_FILES} files" in stream.getvalue()
    assert stream.getvalue().endswith("\r")
    for total, enabled in [(MIN_FILES, False), (MIN_FILES - 1, True)]:
        quiet = io.StringIO()
        with Progress(total, enabled=enabled, stream=quiet) as bar:
            for _ in range(total):
                bar.advance()
        assert quiet.getvalue() == ""


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(MIN_FILES):
        (tmp_path / f"{i}.orgspec").write_text('body "A" { }\n', encoding="utf-8")
    assert main(["check", str(tmp_path), "--output-format", "concise"]) == 0
    assert "\r" not in capsys.readouterr().err


def test_force_color_does_not_turn_on_the_progress_bar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("CI", raising=False)
    for i in range(MIN_FILES):
        (tmp_path / f"{i}.orgspec").write_text('body "A" { }\n', encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 0
    assert "\r" not in capsys.readouterr().err


def test_the_command_offers_every_format_of_the_report_package() -> None:
    from orgspec.cli import check_cmd
    from orgspec.report import ALIASES, FORMATS

    assert check_cmd._FORMATS == FORMATS
    assert check_cmd._ALIASES == ALIASES
