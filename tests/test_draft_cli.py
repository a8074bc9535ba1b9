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
    assert main(["draft", str(SEED), "--report", "json"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Draft made by `orgspec draft` from 000_6d360ffbc73a8950.txt.")
    assert '"counts"' in out


def test_draft_of_a_missing_file_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert "nope.txt" in err
    assert "Traceback" not in err


def test_draft_into_a_missing_folder_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", str(SEED), "-o", str(tmp_path / "no" / "such" / "x.orgspec")]) == 2
    assert "cannot write" in capsys.readouterr().err


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
