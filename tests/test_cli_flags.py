"""One vocabulary of flags: --format, -o [FORMAT=]PATH, - for stdin/stdout; check's --quiet,
--statistics, --exit-zero, --stdin-filename, .gitignore; a command's own usage; shell completion."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from orgspec.cli.main import _COMMANDS, main

from .conftest import FIXTURES, require

BAD = (FIXTURES / "checks" / "OS307" / "fail.orgspec").read_text(encoding="utf-8")
WARN = (FIXTURES / "checks" / "OS310" / "fail.orgspec").read_text(encoding="utf-8")
GOOD = (FIXTURES / "checks" / "OS307" / "pass.orgspec").read_text(encoding="utf-8")


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    _write(tmp_path / "specs" / "bad.orgspec", BAD)
    _write(tmp_path / "specs" / "warn.orgspec", WARN)
    _write(tmp_path / "specs" / "good.orgspec", GOOD)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--no-cache", "-j", "1", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


# ---- --format / -o and their old spellings ---------------------------------------------------


def test_format_and_output_format_are_the_same_flag(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(capsys, "specs", "--format", "concise") == _check(capsys, "specs", "--output-format", "concise")


def test_o_format_path_and_output_file_write_the_same_report(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(capsys, "specs", "-o", "sarif=new.sarif", "--output", "json=new.json")[0] == 1
    assert _check(capsys, "specs", "--output-file", "sarif=old.sarif", "--output-file", "json=old.json")[0] == 1
    assert (repo / "new.sarif").read_text(encoding="utf-8") == (repo / "old.sarif").read_text(encoding="utf-8")
    assert json.loads((repo / "new.json").read_text(encoding="utf-8"))["summary"]["errors"] == 1


def test_o_path_sends_the_chosen_format_to_a_file_instead_of_stdout(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _check(capsys, "specs", "--format", "json", "-o", "report.json")
    assert code == 1
    assert out == ""
    assert json.loads((repo / "report.json").read_text(encoding="utf-8"))["summary"]["files"] == 3
    assert "3 files checked" in err
    # - is stdout: the same as no -o at all
    assert _check(capsys, "specs", "--format", "json", "-o", "-")[1] == (repo / "report.json").read_text("utf-8")


def test_o_with_a_bare_format_name_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _check(capsys, "specs", "-o", "sarif")
    assert (code, out) == (2, "")
    assert "--format sarif" in err
    assert "-o sarif=PATH" in err
    assert not (repo / "sarif").exists()
    assert _check(capsys, "specs", "-o", "./sarif")[0] == 1
    assert "OS307" in (repo / "sarif").read_text(encoding="utf-8")


def test_stdout_carries_one_output(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _check(capsys, "specs", "-o", "sarif=-")
    assert (code, out) == (2, "")
    assert "only one output can go to stdout" in err
    # with the --format output sent to a file, stdout is free for another report
    code, out, _ = _check(capsys, "specs", "-o", "log.txt", "-o", "sarif=-")
    assert code == 1
    assert json.loads(out)["version"] == "2.1.0"
    assert "OS307" in (repo / "log.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("flag", ["-o", "--output", "--output-file"])
def test_an_output_into_a_missing_folder_is_an_error_and_creates_nothing(
    repo: Path, capsys: pytest.CaptureFixture[str], flag: str
) -> None:
    code, out, err = _check(capsys, "specs", flag, "sarif=reports/x.sarif")
    assert code == 2
    assert out == ""  # refused before anything was checked
    assert err == "orgspec: error: cannot write reports/x.sarif: folder reports does not exist\n"
    assert not (repo / "reports").exists()


# ---- stdin ------------------------------------------------------------------------------------


def test_check_dash_reads_stdin(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, BAD)
    code, out, err = _check(capsys, "-", "--format", "concise")
    assert code == 1
    assert out.startswith("<stdin>:5:18: OS307 error:")
    assert err == "1 file checked: 1 error, 0 warnings, 0 info\n"


def test_stdin_filename_names_stdin_and_selects_its_config(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(repo / "pyproject.toml", '[tool.orgspec]\nper-file-ignores = { "legacy/*.orgspec" = ["OS310"] }\n')
    _stdin(monkeypatch, WARN)
    code, out, _ = _check(capsys, "-", "--stdin-filename", "legacy/old.orgspec", "--format", "concise")
    assert (code, out) == (0, "")  # the per-file ignore of legacy/ applied to stdin
    _stdin(monkeypatch, WARN)
    code, out, _ = _check(capsys, "-", "--stdin-filename", "specs/new.orgspec", "--format", "concise")
    assert code == 0
    assert out.startswith("specs/new.orgspec:")
    assert "OS310 warning" in out


def test_stdin_with_files_and_the_usage_errors(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, GOOD)
    code, _, err = _check(capsys, "specs", "-")
    assert code == 1
    assert "4 files checked" in err
    assert _check(capsys, "specs", "--stdin-filename", "x.orgspec")[0] == 2
    assert _check(capsys, "-", "-")[0] == 2


def test_check_dash_in_a_real_process(repo: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "orgspec", "check", "-", "--stdin-filename", "zj.orgspec", "--format", "concise"],
        input=BAD.encode("utf-8"),
        capture_output=True,
    )
    assert out.returncode == 1
    assert out.stdout.decode("utf-8").startswith("zj.orgspec:5:18: OS307 error:")


# ---- .gitignore and exclude --------------------------------------------------------------------


@pytest.fixture
def ignored(repo: Path) -> Path:
    _write(repo / ".gitignore", "build/\nnode_modules\n*.tmp.orgspec\n")
    _write(repo / "build" / "gen.orgspec", BAD)
    _write(repo / "node_modules" / "pkg" / "x.orgspec", BAD)
    _write(repo / "specs" / "scratch.tmp.orgspec", BAD)
    _write(repo / "specs" / "sub" / ".gitignore", "*.orgspec\n!keep.orgspec\n")
    _write(repo / "specs" / "sub" / "drop.orgspec", BAD)
    _write(repo / "specs" / "sub" / "keep.orgspec", GOOD)
    return repo


def _checked(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    code = main(["check", "--no-cache", "-j", "1", "--format", "junit", *args])
    assert code in (0, 1)
    from xml.etree import ElementTree as ET

    return sorted(c.get("name") or "" for c in ET.fromstring(capsys.readouterr().out).iter("testcase"))


def test_gitignore_is_honoured_when_walking(ignored: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _checked(capsys, ".") == [
        "specs/bad.orgspec", "specs/good.orgspec", "specs/sub/keep.orgspec", "specs/warn.orgspec",
    ]  # fmt: skip


def test_the_gitignore_of_the_repository_applies_to_a_subfolder(
    ignored: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(ignored / "specs" / "build" / "gen.orgspec", BAD)  # build/ at any depth
    assert "specs/build/gen.orgspec" not in _checked(capsys, "specs")
    assert "specs/scratch.tmp.orgspec" not in _checked(capsys, "specs")


def test_no_ignore_walks_everything(ignored: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = _checked(capsys, ".", "--no-ignore")
    assert {"build/gen.orgspec", "node_modules/pkg/x.orgspec", "specs/sub/drop.orgspec"} <= set(names)


def test_named_files_and_folders_are_checked_even_when_ignored(
    ignored: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _checked(capsys, "build/gen.orgspec", "specs/sub/drop.orgspec") == [
        "build/gen.orgspec",
        "specs/sub/drop.orgspec",
    ]
    assert _checked(capsys, "build") == ["build/gen.orgspec"]


def test_config_exclude_globs_leave_walked_files_out(ignored: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(ignored / "orgspec.toml", 'exclude = ["specs/w*.orgspec", "**/keep.orgspec"]\n')
    assert _checked(capsys, ".") == ["specs/bad.orgspec", "specs/good.orgspec"]
    assert _checked(capsys, "specs/warn.orgspec") == ["specs/warn.orgspec"]  # named: always checked


# ---- --quiet, --statistics, --exit-zero -------------------------------------------------------


def test_quiet_prints_the_findings_only(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _check(capsys, "specs", "--quiet", "--format", "concise")
    assert code == 1
    assert err == ""
    assert [line.split(": ")[1] for line in out.splitlines()] == ["OS307 error", "OS310 warning"]


def test_statistics_count_per_code(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(repo / "specs" / "bad2.orgspec", BAD)
    code, out, _ = _check(capsys, "specs", "--statistics")
    assert code == 1
    assert out == "2  OS307  deputies-exceed-quota\n1  OS310  numbering-anomaly\n"
    code, out, _ = _check(capsys, "specs", "--statistics", "--format", "json")
    assert json.loads(out) == [
        {"code": "OS307", "name": "deputies-exceed-quota", "count": 2},
        {"code": "OS310", "name": "numbering-anomaly", "count": 1},
    ]
    assert _check(capsys, "specs", "--statistics", "--format", "sarif")[0] == 2


def test_exit_zero_keeps_the_findings_but_not_the_failure(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _check(capsys, "specs", "--exit-zero")
    assert code == 0
    assert "OS307 error" in out
    assert _check(capsys, "specs/missing.orgspec", "--exit-zero")[0] == 2  # unreadable input is still an error


# ---- usage of the command that was run -------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "render", "diff", "draft", "export", "fmt"])
def test_an_unknown_flag_prints_the_usage_of_its_command(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--no-such-flag", "x"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: orgspec {command} ")
    assert "error: unrecognized arguments: --no-such-flag" in err


# ---- shell completion --------------------------------------------------------------------------


def test_bash_completion_names_every_command_and_parses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", "bash"]) == 0
    script = capsys.readouterr().out
    for command in _COMMANDS:
        assert command in script.split("_shtab_orgspec_subparsers=(")[1].split(")")[0], command
    for flag in ("--stdin-filename", "--statistics", "--exit-zero", "--no-ignore", "--output-format"):
        assert flag in script
    path = tmp_path / "orgspec.bash"
    path.write_text(script, encoding="utf-8")
    bash = shutil.which("bash")
    require(bash, "bash is not installed")
    assert bash is not None
    assert subprocess.run([bash, "-n", str(path)], capture_output=True).returncode == 0
    # sourced in a real bash, completing "orgspec ch" offers check
    probe = (
        f"source {path}; COMP_WORDS=(orgspec ch); COMP_CWORD=1; COMP_LINE='orgspec ch'; COMP_POINT=10; "
        '_shtab_orgspec; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = subprocess.run([bash, "-c", probe], capture_output=True, text=True)
    assert "check" in done.stdout.split()


@pytest.mark.parametrize(("shell", "check"), [("zsh", ["-n"]), ("fish", ["--no-execute"])])
def test_zsh_and_fish_completion(
    shell: str, check: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    assert all(command in script for command in _COMMANDS)
    exe = shutil.which(shell)
    require(exe, f"{shell} is not installed")
    assert exe is not None
    path = tmp_path / f"orgspec.{shell}"
    path.write_text(script, encoding="utf-8")
    assert subprocess.run([exe, *check, str(path)], capture_output=True).returncode == 0


def test_completion_of_an_unknown_shell_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", "tcsh"]) == 2
    assert capsys.readouterr().err.startswith("usage: orgspec completion ")
