"""The drafter on the shape catalogue: made-up documents of the field's standard types, scored and pinned.

``tests/fixtures/draft_shapes/NN-<type>-<variant>.txt`` is a made-up document in the field's usual words;
beside it, ``NN-<type>-<variant>.orgspec`` is the spec a careful reviewer writes by hand (it passes
``orgspec check``). Files 01-29 are the administrative documents (批复, 通知, 请示, 三定 news, reform plans:
golden ``shapes-a.txt``), 31-79 the descriptive ones (golden ``shapes-b.txt``). Each table pins
matched/drafted/expected per field and its total; raise a golden only when the figures improve. The
catalogue counts in no corpus total (``bench/corpus_score.py`` prints it as its own group).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import orgspec
from orgspec.draft import draft
from orgspec.draft.score import FIELDS, FieldScore, score
from tests.conftest import GOLDEN, ROOT, golden
from tests.draft_helpers import checked_draft

SHAPES = ROOT / "tests" / "fixtures" / "draft_shapes"
#: the catalogue's two parts: the golden's letter and the numbers of its files
PARTS = {"a": range(1, 30), "b": range(31, 80)}


def _documents(part: str) -> list[Path]:
    return [p for p in sorted(SHAPES.glob("*.txt")) if int(p.name[:2]) in PARTS[part]]


def _table(docs: list[Path]) -> str:
    totals = {f: [0, 0, 0] for f in FIELDS}
    rows = ["document | " + " | ".join(FIELDS)]
    for doc in docs:
        result = score(draft(doc.read_text("utf-8"), doc.name).spec, orgspec.load(doc.with_suffix(".orgspec")))
        for f in FIELDS:
            for i, v in enumerate((result[f].matched, result[f].drafted, result[f].expected)):
                totals[f][i] += v
        rows.append(
            doc.stem
            + " | "
            + " | ".join(f"{result[f].matched}/{result[f].drafted}/{result[f].expected}" for f in FIELDS)
        )
    cells = []
    for f in FIELDS:
        c = FieldScore(*totals[f])
        cells.append(f"{c.matched}/{c.drafted}/{c.expected} P{c.precision:.2f} R{c.recall:.2f}")
    rows.append("TOTAL | " + " | ".join(cells))
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("part", sorted(PARTS))
def test_shape_catalogue_scores_are_pinned(part: str) -> None:
    docs = _documents(part)
    if not docs:
        pytest.skip(f"no catalogue document numbered {PARTS[part].start}-{PARTS[part].stop - 1} yet")
    golden(GOLDEN / "draft" / f"shapes-{part}.txt", _table(docs))


def test_every_catalogue_document_has_a_reference_spec_that_checks() -> None:
    for doc in sorted(SHAPES.glob("*.txt")):
        spec = doc.with_suffix(".orgspec")
        assert spec.exists(), f"{doc.name} has no hand-written spec beside it"
        errors = [d for d in orgspec.check_text(spec.read_text("utf-8")) if d.severity.value == "error"]
        assert not errors, (spec.name, errors)


@pytest.mark.parametrize("doc", sorted(SHAPES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_catalogue_draft_reads_back_and_checks(doc: Path) -> None:
    checked_draft(doc.read_text("utf-8"), doc.name)


@pytest.mark.parametrize("doc", sorted(SHAPES.glob("*.txt")), ids=lambda p: p.stem)
def test_no_catalogue_draft_states_a_wrong_fact(doc: Path) -> None:
    # precision first: on the field's ordinary documents every drafted item is the reviewer's
    result = score(draft(doc.read_text("utf-8"), doc.name).spec, orgspec.load(doc.with_suffix(".orgspec")))
    assert [f for f in FIELDS if result[f].matched != result[f].drafted] == []
