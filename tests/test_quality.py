"""The quality gates run with the tests: ruff (lint and format) and mypy --strict."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

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


def test_properties_never_return_early() -> None:
    # A property that returns before its assertion passes without checking anything, and the reach
    # measured in conftest.py counts it as reached: properties use assume() or targeted strategies.
    import ast

    early = []
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            decorators = [d.func if isinstance(d, ast.Call) else d for d in node.decorator_list]
            if not any(isinstance(d, ast.Name) and d.id == "given" for d in decorators):
                continue
            nested = {
                id(n)
                for f in ast.walk(node)
                if f is not node and isinstance(f, ast.FunctionDef | ast.Lambda)
                for n in ast.walk(f)
            }
            early += [
                f"{path.name}:{n.lineno}" for n in ast.walk(node) if isinstance(n, ast.Return) and id(n) not in nested
            ]
    assert early == []


def test_a_property_that_rarely_reaches_its_assertion_fails(tmp_path: Path) -> None:
    # conftest.py's reach measure, on a property that assumes away about 90% of its examples
    shutil.copy(ROOT / "tests" / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_p.py").write_text(
        "from hypothesis import assume, given, settings, strategies as st\n\n"
        "@settings(max_examples=20)\n@given(st.integers(0, 9))\n"
        "def test_rare(n):\n    assume(n == 0)\n    assert n == 0\n\n"
        "@settings(max_examples=20)\n@given(st.integers(0, 9))\n"
        "def test_common(n):\n    assume(n != 0)\n    assert n != 0\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "HYPOTHESIS_PROFILE")}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", str(tmp_path)],
        cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert "1 failed, 1 passed" in run.stdout, run.stdout
    assert "test_rare - Failed: only" in run.stdout
    assert "examples reached the assertion" in run.stdout
