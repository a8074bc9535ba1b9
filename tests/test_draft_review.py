"""Review of the drafter's code and its page: every module listed, every Imports line true."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from orgspec.draft import draft
from orgspec.draft.extract_admin_parts import _LISTED

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


def test_a_counted_list_reads_its_subject_from_the_start_of_its_clause() -> None:
    """The count readers' subject opens its clause (not the sentence), wherever the clause stands."""
    m = _LISTED.search("经研究,调整后,县交通运输局内设办公室、规划建设股2个股室。")
    assert m is not None
    assert m.group("subject") == "县交通运输局"
    assert m.group("list") == "办公室、规划建设股"
    assert _LISTED.search("同意设某某科" * 50) is None


def test_an_adjusting_notice_reads_its_units_after_an_opening_clause() -> None:
    """A sentence that opens with a clause of its own ("经研究,") still gives the units it counts."""
    text = (
        "己县人民政府办公室关于调整己县交通运输局机构编制的通知\n"
        "各乡镇人民政府，县直各部门：\n"
        "经县委编委研究同意，现将有关事项通知如下：\n"
        "（一）经研究，调整后，县交通运输局内设办公室、规划建设股、公路管理股3个股室。\n"
        "己县人民政府办公室\n"
        "2021年9月30日\n"
    )
    units = [u.name for u in draft(text).spec.bodies[0].units]
    assert units == ["办公室", "规划建设股", "公路管理股"]


def test_four_groups_of_the_longest_names_are_still_read_as_adjusted() -> None:
    """The members' word may stand as far as four groups of 30-character names allow (the lookahead's bound)."""
    names = [c * 30 + "工作小组" for c in "甲乙丙丁"]
    line = "决定对" + "、".join(names) + "的成员单位和人员进行调整。\n"
    coordinating = [g.name for g in draft(line).spec.bodies]
    assert coordinating == names
