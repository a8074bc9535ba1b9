"""The shape catalogue (b): made-up descriptive documents of the field, drafted and scored.

Each ``tests/fixtures/draft_shapes/NN-<type>-<variant>.txt`` numbered 31-59 is a made-up document of one
of the field's descriptive types (a gazetteer's 沿革, a body's web page, a 組織規程, a township's 机构设置
page, an encyclopedia page, a list of departments by class), and the ``.orgspec`` beside it is the
spec a careful reviewer writes by hand. The table of matched/drafted/expected per field is a golden
file; the catalogue must draft no wrong fact (precision 1.0 on every field).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import orgspec
from orgspec.api import analyze
from orgspec.draft import draft
from orgspec.draft.score import FIELDS, FieldScore, score
from tests.conftest import GOLDEN, ROOT, golden

SHAPES = ROOT / "tests" / "fixtures" / "draft_shapes"
DOCS = sorted(p for p in SHAPES.glob("*.txt") if 31 <= int(p.name[:2]) <= 59)


def _scores() -> list[tuple[str, dict[str, FieldScore]]]:
    out = []
    for doc in DOCS:
        result = draft(doc.read_text("utf-8"), doc.name)
        out.append((doc.stem, score(result.spec, orgspec.load(doc.with_suffix(".orgspec")))))
    return out


def _cell(s: FieldScore) -> str:
    return f"{s.matched}/{s.drafted}/{s.expected}"


def _table(rows: list[tuple[str, dict[str, FieldScore]]]) -> str:
    lines = ["| document | " + " | ".join(FIELDS) + " |", "|---|" + "---|" * len(FIELDS)]
    totals = {f: [0, 0, 0] for f in FIELDS}
    for name, result in rows:
        lines.append(f"| {name} | " + " | ".join(_cell(result[f]) for f in FIELDS) + " |")
        for f in FIELDS:
            for i, v in enumerate((result[f].matched, result[f].drafted, result[f].expected)):
                totals[f][i] += v
    cells = [FieldScore(*totals[f]) for f in FIELDS]
    lines.append(
        "| **shape catalogue (b, made up)** | "
        + " | ".join(f"{_cell(c)} (P {c.precision:.2f}, R {c.recall:.2f})" for c in cells)
        + " |"
    )
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def rows() -> list[tuple[str, dict[str, FieldScore]]]:
    return _scores()


def test_catalogue_has_two_variants_of_six_types() -> None:
    types = {p.name[3:].split("-")[0] for p in DOCS}
    assert len(DOCS) >= 12
    assert len(types) >= 5
    for doc in DOCS:
        assert doc.with_suffix(".orgspec").exists(), doc
        assert not [d for d in orgspec.check(doc.with_suffix(".orgspec")) if d.severity.value == "error"]


def test_catalogue_scores_pinned(rows: list[tuple[str, dict[str, FieldScore]]]) -> None:
    golden(GOLDEN / "draft" / "shapes-b.txt", _table(rows))


def test_catalogue_draws_no_wrong_fact(rows: list[tuple[str, dict[str, FieldScore]]]) -> None:
    wrong = [(name, f, _cell(r[f])) for name, r in rows for f in FIELDS if r[f].matched != r[f].drafted]
    assert wrong == []


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem)
def test_catalogue_drafts_read_back(doc: Path) -> None:
    result = draft(doc.read_text("utf-8"), doc.name)
    assert analyze(result.text).spec == result.spec
