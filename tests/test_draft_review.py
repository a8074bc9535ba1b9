"""Review of the drafter's code and its page: every module listed, every Imports line true."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from orgspec.draft import draft

ROOT = Path(__file__).resolve().parents[1]
DRAFT = ROOT / "src" / "orgspec" / "draft"


def _pipeline_block() -> str:
    text = (ROOT / "docs" / "draft.md").read_text(encoding="utf-8")
    start = text.index("## Pipeline")
    return text[start : text.index("```", text.index("```", start) + 3)]


def test_pipeline_list_names_every_draft_module() -> None:
    """docs/draft.md's Pipeline list has a line for each module of src/orgspec/draft/."""
    listed = set(re.findall(r"^draft/(\w+\.py)", _pipeline_block(), re.M))
    modules = {p.name for p in DRAFT.glob("*.py") if p.name != "__init__.py"}
    assert modules - listed == set()
    assert listed - modules == set()


def _imported_draft_modules(tree: ast.Module) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("orgspec.draft."):
            found.add(node.module)
    return found


def test_imports_lines_name_the_draft_modules_imported() -> None:
    """Each module docstring's "Imports:" line names the draft modules the module imports, and no others."""
    wrong: dict[str, tuple[list[str], list[str]]] = {}
    for path in sorted(DRAFT.glob("*.py")):
        if path.name in {"__init__.py", "pipeline.py"}:  # these say "the stages", not a list
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        doc = ast.get_docstring(tree) or ""
        line = doc[doc.index("Imports:") :] if "Imports:" in doc else ""
        stated = {m for m in re.findall(r":mod:`([\w.]+)`", line) if m.startswith("orgspec.draft.")}
        actual = _imported_draft_modules(tree)
        if stated != actual:
            wrong[path.name] = (sorted(actual - stated), sorted(stated - actual))
    assert wrong == {}


_ARTICLES = (
    "臺北市政府某某處組織規程\n"
    "第一條 臺北市政府為辦理某某業務,特設臺北市政府某某處(以下簡稱本處)。\n"
    "第三條 本處設下列各科、室:\n"
    "一、企劃科:於民國八十年成立。\n"
    "二、總務科:掌理總務事項。\n"
)


def test_article_words_that_are_no_duty_are_kept_as_a_note() -> None:
    """What an article says of a unit that is not a duty is a note, worded as every other note."""
    text = draft(_ARTICLES).text
    assert "# draft: what the article says of the unit, not a duty: kept as a note" in text
    assert 'note "於民國八十年成立。"  # L4' in text
    assert 'duty "掌理總務事項。"  # L5' in text
    assert "kept as words" not in text
