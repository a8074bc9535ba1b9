"""The layering the folder listing promises, and a small, sorted public surface."""

from __future__ import annotations

import ast
from pathlib import Path

import orgspec

from .conftest import ROOT

SRC = ROOT / "src" / "orgspec"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
    return out


def _modules() -> dict[Path, set[str]]:
    return {p: _imports(p) for p in SRC.rglob("*.py")}


def test_lark_is_used_only_in_the_syntax_package() -> None:
    for path, imports in _modules().items():
        if any(i == "lark" or i.startswith("lark.") for i in imports):
            assert path.parent.name == "syntax", path


def test_model_depends_on_nothing_downstream() -> None:
    for path, imports in _modules().items():
        if path.parent.name == "model":
            inner = {i for i in imports if i.startswith("orgspec.")}
            assert all(i.startswith("orgspec.model") for i in inner), (path, inner)


def test_front_end_does_not_import_the_checks_or_cli() -> None:
    for path, imports in _modules().items():
        if path.parent.name in ("syntax", "lowering", "model", "text"):
            assert not any(i.startswith(("orgspec.checks", "orgspec.cli", "orgspec.api")) for i in imports), path


def test_public_names_are_sorted_and_exist() -> None:
    names = [n for n in orgspec.__all__ if n != "__version__"]
    assert names == sorted(names)
    for name in orgspec.__all__:
        assert hasattr(orgspec, name)


def test_modules_stay_small() -> None:
    for path in SRC.rglob("*.py"):
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= 900, f"{path} has {lines} lines; split it"
