"""The command line: output formats, exit codes, help on every command, clean internal errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from orgspec.cli.main import _COMMANDS, build_parser, main

from .conftest import FIXTURES, SPECS


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "orgspec", *args], capture_output=True, text=True, env=env)


def test_version() -> None:
    out = run("--version")
    assert out.returncode == 0
    assert out.stdout.startswith("orgspec ")


@pytest.mark.parametrize("command", sorted(_COMMANDS))
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    assert "usage: orgspec " + command in capsys.readouterr().out


def test_check_clean_specs_exit_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SPECS)]) == 0
    captured = capsys.readouterr()
    assert "0 errors" in captured.err


def test_check_errors_exit_one_with_located_text(capsys: pytest.CaptureFixture[str]) -> None:
    bad = FIXTURES / "checks" / "OS307" / "fail.orgspec"
    assert main(["check", str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"{bad}:5:18: OS307 error: 'A' has 7 deputy posts in 正副處長, but the group total of 11 less 6 chief "
        "posts leaves room for 5"
    )
    # the caret sits under the figure, counted in display cells
    assert out[1] == ' 5 |       post "副處長" 7 deputy'
    # "副處長" takes six terminal cells, so the caret is 25 cells in: under the 7
    assert out[2] == " " * 25 + "^"
    assert out[3].startswith("  = hint: ")


def test_caret_aligns_under_chinese_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "x.orgspec"
    p.write_text('body "外事辦" { quote 1 }\n', encoding="utf-8")
    assert main(["check", str(p)]) == 1
    lines = capsys.readouterr().out.splitlines()
    source, caret = lines[1], lines[2]
    # "外事辦" is three full-width characters: six cells, so the caret is three columns
    # further right than the character index of "quote"
    assert caret.index("^") == source.index("quote") + 3
    assert caret.count("^") == len("quote")


def test_check_json_document(capsys: pytest.CaptureFixture[str]) -> None:
    bad = FIXTURES / "checks" / "OS301" / "fail.orgspec"
    assert main(["check", "--format", "json", str(bad)]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["version"] == 1
    assert doc["summary"] == {"files": 1, "errors": 1, "warnings": 0, "infos": 0}
    (d,) = doc["diagnostics"]
    assert set(d) == {
        "code", "severity", "message", "file", "line", "column", "end_line", "end_column", "hint", "related",
    }  # fmt: skip
    assert (d["code"], d["line"], d["column"]) == ("OS301", 2, 19)
    assert {"message", "file", "line", "column", "end_line", "end_column"} <= set(d["related"][0])


def test_fail_on_warning(tmp_path: Path) -> None:
    p = FIXTURES / "checks" / "OS310" / "fail.orgspec"
    assert main(["check", str(p)]) == 0
    assert main(["check", "--fail-on", "warning", str(p)]) == 1


def test_missing_file_is_exit_two(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "/nonexistent/x.orgspec"]) == 2
    assert "OS100" in capsys.readouterr().out


def test_usage_error_is_exit_two(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "yaml", "x"]) == 2
    assert main(["no-such-command"]) == 2
    assert main([]) == 2


def test_export_and_schema_agree(capsys: pytest.CaptureFixture[str]) -> None:
    import jsonschema

    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    for spec in sorted(SPECS.glob("*.orgspec")):
        assert main(["export", str(spec)]) == 0
        data = json.loads(capsys.readouterr().out)
        jsonschema.validate(data, schema)


def test_export_refuses_a_spec_with_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(FIXTURES / "checks" / "OS305" / "fail.orgspec")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "OS305" in captured.err


def test_internal_error_is_one_line_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import orgspec.api

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(orgspec.api, "analyze", boom)
    assert main(["check", "--no-cache", str(SPECS)]) == 2
    err = capsys.readouterr().err
    assert (
        err == "orgspec: internal error: RuntimeError: simulated bug (please report; --verbose shows the traceback)\n"
    )
    assert main(["check", "--no-cache", "--verbose", str(SPECS)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("orgspec: internal error: RuntimeError: simulated bug (please report)\nTraceback")


def test_internal_error_with_a_multi_line_message_is_still_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import orgspec.api

    def boom(*args: object, **kwargs: object) -> None:
        raise ValueError("first line\n  second line\x1b[2J")

    monkeypatch.setattr(orgspec.api, "analyze", boom)
    assert main(["check", "--no-cache", str(SPECS)]) == 2
    err = capsys.readouterr().err
    assert (
        err
        == "orgspec: internal error: ValueError: first line second line␛[2J (please report; --verbose shows the traceback)\n"
    )


def test_no_color_when_piped() -> None:
    out = run("check", str(FIXTURES / "checks" / "OS301" / "fail.orgspec"))
    assert out.returncode == 1
    assert "\x1b[" not in out.stdout


@pytest.mark.parametrize("command", sorted(_COMMANDS))
def test_a_command_configured_alone_reads_its_arguments_as_in_the_full_parser(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """main() configures only the command it runs (start-up); the command's help must not change."""
    helps = []
    for parser in (build_parser(), build_parser(command)):
        with pytest.raises(SystemExit):
            parser.parse_args([command, "--help"])
        helps.append(capsys.readouterr().out)
    assert helps[0] == helps[1]
    assert "usage: orgspec " + command in helps[0]
