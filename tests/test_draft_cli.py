"""The ``orgspec draft`` command: files written, report, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import orgspec
from orgspec.cli.main import main
from tests.conftest import GOLDEN

SEED = GOLDEN / "draft" / "inputs" / "000_6d360ffbc73a8950.txt"


def test_draft_writes_the_spec_and_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "draft.orgspec"
    assert main(["draft", str(SEED), "-o", str(out), "--report", "json"]) == 0
    assert orgspec.load(out).bodies[0].name == "鎮江市人民政府外事辦公室"
    report = json.loads((tmp_path / "draft.orgspec.report.json").read_text(encoding="utf-8"))
    assert (report["counts"]["sections"], report["counts"]["other_units"]) == (6, 1)
    assert "drafted 6 sections" in capsys.readouterr().err
    assert main(["check", str(out)]) == 0


def test_draft_prints_to_stdout_without_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Draft made by `orgspec draft` from 000_6d360ffbc73a8950.txt.")
    assert '"counts"' not in out


def test_a_report_never_shares_stdout_with_the_spec(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", str(SEED), "--report", "json"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "--report-file PATH" in err
    report = tmp_path / "r.json"
    assert main(["draft", str(SEED), "--report-file", str(report)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Draft made by")
    assert '"counts"' not in out
    assert json.loads(report.read_text(encoding="utf-8"))["counts"]["sections"] == 6
    # the spec to a file, the report to stdout
    assert main(["draft", str(SEED), "-o", str(tmp_path / "d.orgspec"), "--report-file", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["sections"] == 6
    assert main(["draft", str(SEED), "-o", "-", "--report-file", "-"]) == 2


def test_draft_reads_stdin_and_writes_stdout(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes()), encoding="utf-8"))
    assert main(["draft", "-", "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Draft made by `orgspec draft` from stdin.")


def test_draft_of_a_missing_file_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert "nope.txt" in err
    assert "Traceback" not in err


def test_draft_into_a_missing_folder_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", str(SEED), "-o", str(tmp_path / "no" / "such" / "x.orgspec")]) == 2
    err = capsys.readouterr().err
    assert (
        f"cannot write {tmp_path / 'no' / 'such' / 'x.orgspec'}: folder {tmp_path / 'no' / 'such'} does not exist"
        in err
    )


def test_draft_bytes_do_not_depend_on_the_process(tmp_path: Path) -> None:
    # deterministic across processes (string hashing is randomised per process)
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"draft{seed}.orgspec"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "orgspec", "draft", str(GOLDEN / "draft" / "inputs" / "002_8d796a1540accf81.txt"),
             "-o", str(out), "--report", "json"],
            env=env, capture_output=True, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        outputs.append((out.read_bytes(), (tmp_path / f"draft{seed}.orgspec.report.json").read_bytes()))
    assert outputs[0] == outputs[1]
