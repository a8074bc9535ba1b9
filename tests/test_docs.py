"""Docs are tested like code: examples parse, the checks page is generated, every code is documented."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import orgspec
from orgspec.codes import CODES, render_markdown

from .conftest import ROOT

DOCS = ROOT / "docs"
FENCE = re.compile(r"```orgspec\n(.*?)```", re.DOTALL)


def _blocks(path: Path) -> list[str]:
    return FENCE.findall(path.read_text(encoding="utf-8"))


def test_checks_page_is_generated_from_the_registry() -> None:
    assert (DOCS / "checks.md").read_text(encoding="utf-8") == render_markdown()


def test_every_code_is_documented() -> None:
    page = (DOCS / "checks.md").read_text(encoding="utf-8")
    for code in CODES.values():
        assert f"## {code.code}" in page
        assert code.explanation


# The tutorial's blocks are excerpts of one file; tests/test_docs_examples.py assembles and checks it.
LANGUAGE_BLOCKS = [b for name in ("language.md", "api.md") for b in _blocks(DOCS / name)]
LANGUAGE_BLOCKS += _blocks(ROOT / "README.md")


@pytest.mark.parametrize("block", LANGUAGE_BLOCKS, ids=[f"block{i}" for i in range(len(LANGUAGE_BLOCKS))])
def test_language_reference_examples_are_clean(block: str) -> None:
    found = orgspec.check_text(block, "language.md")
    assert [f"{d.code} {d.message}" for d in found if d.severity is not orgspec.Severity.INFO] == []


def test_language_reference_covers_every_unit_statement() -> None:
    from orgspec.lowering.lower import _UNIT_KEYWORDS

    page = (DOCS / "language.md").read_text(encoding="utf-8")
    for keyword in _UNIT_KEYWORDS:
        assert f"`{keyword}`" in page, keyword


def test_readme_opens_with_the_two_commands() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    block = lines[lines.index("```sh") + 1 : lines.index("```sh") + 3]
    assert block[0].startswith("python -m pip install . && orgspec check specs/")
    assert block[1] == "python -m pip install -e '.[test]' && python -m pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert block[1] in ci


def test_explain_prints_a_code() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "orgspec", "explain", "OS307"], capture_output=True, text=True, check=True
    ).stdout
    assert out.startswith("OS307 deputies-exceed-quota (error)")


def test_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (block,) = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.DOTALL)
    monkeypatch.chdir(ROOT)
    exec(compile(block, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "鎮江市人民政府外事辦公室 21" in out
    assert "rename 徐州市人民政府外事辦公室" in out
