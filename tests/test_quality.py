"""The quality gates run with the tests: ruff (lint and format) and mypy --strict."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, require


def _tool(name: str) -> list[str]:
    # The interpreter's own scripts folder first: the tools come with the test extra.
    exe = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    require(exe, f"{name} is not installed (it comes with the test extra)")
    assert exe is not None
    return [exe]


def test_ruff_lint_is_clean() -> None:
    out = subprocess.run([*_tool("ruff"), "check", "src", "tests", "bench", "examples"], cwd=ROOT,
                         capture_output=True, text=True)  # fmt: skip
    assert out.returncode == 0, out.stdout + out.stderr


def test_ruff_format_is_clean() -> None:
    out = subprocess.run([*_tool("ruff"), "format", "--check", "src", "tests"], cwd=ROOT, capture_output=True,
                         text=True)  # fmt: skip
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_strict_is_clean() -> None:
    out = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
