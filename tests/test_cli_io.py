"""``-`` for stdin and stdout in every command that reads a spec or writes an output; missing folders."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from orgspec.cli.main import main

from .conftest import FIXTURES, SPECS

SPEC = SPECS / "zhenjiang-fao.orgspec"
OLD = FIXTURES / "diff" / "zhenjiang-reorg" / "old.orgspec"
NEW = FIXTURES / "diff" / "zhenjiang-reorg" / "new.orgspec"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(autouse=True)
def _plain(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize(("fmt", "start"), [("svg", "<"), ("dot", "digraph"), ("mmd", "flowchart"), ("html", "<!")])
def test_render_writes_text_formats_to_stdout(fmt: str, start: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "render", str(SPEC), "-o", "-", "--format", fmt, "--engine", "embedded")
    assert code == 0
    assert out.lstrip().startswith(start)
    # the same bytes as the file it would write
    assert _run(capsys, "render", str(SPEC), "-o", f"chart.{fmt}", "--engine", "embedded")[0] == 0
    assert Path(f"chart.{fmt}").read_text(encoding="utf-8") == out


def test_render_reads_stdin_and_needs_a_format_for_stdout(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, SPEC.read_bytes())
    code, out, _ = _run(capsys, "render", "-", "--format", "mmd")
    assert code == 0
    assert out.startswith("flowchart")
    code, out, err = _run(capsys, "render", str(SPEC), "-o", "-")
    assert (code, out) == (2, "")
    assert "needs --format" in err
    code, _, err = _run(capsys, "render", str(SPEC), "-o", "x.png", "--format", "svg")
    assert code == 2
    assert "make them agree" in err
    assert _run(capsys, "render", str(SPEC), "--split", "--format", "svg")[0] == 2


def test_export_to_stdout_with_dash_and_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = _run(capsys, "export", str(SPEC))[1]
    assert _run(capsys, "export", str(SPEC), "-o", "-")[1] == plain
    _stdin(monkeypatch, SPEC.read_bytes())
    code, out, _ = _run(capsys, "export", "-", "-o", "-")
    assert code == 0
    assert json.loads(out) == json.loads(plain)


def test_diff_to_stdout_with_dash_and_one_side_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = _run(capsys, "diff", str(OLD), str(NEW))[1]
    assert "established" in plain
    assert _run(capsys, "diff", str(OLD), str(NEW), "-o", "-")[1] == plain
    _stdin(monkeypatch, NEW.read_bytes())
    code, out, _ = _run(capsys, "diff", str(OLD), "-", "--format", "json")
    assert code == 0
    assert json.loads(out)["new"] == "-"
    assert _run(capsys, "diff", "-", "-")[0] == 2


def test_show_history_schema_and_explain_take_o(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["show", str(SPEC)], ["history", str(SPEC)], ["schema"], ["explain", "OS307"]):
        code, printed, _ = _run(capsys, *args)
        assert code == 0
        assert _run(capsys, *args, "-o", "out.txt") == (0, "", "")
        assert Path("out.txt").read_text(encoding="utf-8") == printed
        assert _run(capsys, *args, "-o", "-")[1] == printed


@pytest.mark.parametrize(
    "args",
    [
        ["render", str(SPEC), "-o", "no/chart.svg", "--engine", "embedded"],
        ["export", str(SPEC), "-o", "no/spec.json"],
        ["export", str(SPEC), "--format", "csv", "-o", "no/tables"],
        ["diff", str(OLD), str(NEW), "-o", "no/diff.txt"],
        ["draft", str(FIXTURES.parent.parent / "README.md"), "-o", "no/draft.orgspec"],
        ["show", str(SPEC), "-o", "no/show.txt"],
        ["schema", "-o", "no/schema.json"],
    ],
    ids=lambda a: a[0] + ("-csv" if "csv" in a else ""),
)
def test_an_output_into_a_missing_folder_is_an_error(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, *args)
    assert code == 2
    assert "folder no does not exist" in err
    assert not Path("no").exists()


def test_csv_export_creates_its_own_folder_in_an_existing_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "export", str(SPEC), "--format", "csv", "-o", "tables")[0] == 0
    assert (Path("tables") / "units.csv").is_file()


def test_fmt_dash_with_a_stdin_filename(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b'body "x" {\n')
    code, _, err = _run(capsys, "fmt", "-", "--stdin-filename", "specs/x.orgspec")
    assert code == 2
    assert err.startswith("specs/x.orgspec:2:1: OS105 error:")


def test_fmt_honours_gitignore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    (tmp_path / "build").mkdir()
    ugly = 'body "甲" {   section "乙" { duties { duty "丙" } } }\n'
    (tmp_path / "build" / "gen.orgspec").write_text(ugly, encoding="utf-8")
    (tmp_path / "a.orgspec").write_text(ugly, encoding="utf-8")
    assert _run(capsys, "fmt", "--check", ".")[0] == 1
    assert (tmp_path / "build" / "gen.orgspec").read_text(encoding="utf-8") == ugly
    code, _, err = _run(capsys, "fmt", ".")
    assert code == 0
    assert "1 file reformatted" in err
    assert (tmp_path / "build" / "gen.orgspec").read_text(encoding="utf-8") == ugly
    assert _run(capsys, "fmt", "--check", "--no-ignore", ".")[0] == 1
