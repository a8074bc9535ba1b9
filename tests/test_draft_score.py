"""The drafter's scores against the hand-written specs of the four structural seeds, pinned.

The pins only go up: when the drafter improves, raise them. A reference spec that
is not (yet) in ``specs/`` skips its case.
"""

from __future__ import annotations

import pytest

import orgspec
from orgspec.draft import draft
from orgspec.draft.score import FIELDS, FieldScore, pair_bodies, score
from tests.conftest import GOLDEN, SPECS

# seed → spec, and per field (matched, drafted, expected) as measured.
PINNED: dict[str, tuple[str, dict[str, tuple[int, int, int]]]] = {
    "000_6d360ffbc73a8950": (
        "zhenjiang-fao",
        {
            "section_names": (7, 7, 7),
            "plaques": (4, 4, 4),
            "duty_count": (1, 1, 1),
            "duty_texts": (15, 15, 15),
            "quotas": (3, 3, 3),
            "posts": (6, 6, 6),
            "body_name": (1, 1, 1),
            "kind": (1, 1, 1),
            "basis": (2, 2, 2),
        },
    ),
    "001_6ba292e773262653": (
        "xuzhou-fao",
        {
            "section_names": (5, 5, 5),
            "plaques": (4, 4, 4),
            "duty_count": (1, 1, 1),
            "duty_texts": (18, 18, 18),
            "quotas": (0, 0, 0),
            "posts": (0, 0, 0),
            "body_name": (1, 1, 1),
            "kind": (1, 1, 1),
            "basis": (0, 0, 0),
        },
    ),
    "002_8d796a1540accf81": (
        "jiangxi-fao",
        {
            "section_names": (9, 9, 9),
            "plaques": (2, 2, 2),
            "duty_count": (1, 1, 1),
            "duty_texts": (18, 18, 18),
            "quotas": (0, 0, 0),
            "posts": (1, 1, 1),
            "body_name": (1, 1, 1),
            "kind": (1, 1, 1),
            "basis": (0, 0, 0),
        },
    ),
    "004_116e45fde44820c8": (
        "hengyang-gov-office",
        {
            "section_names": (25, 25, 26),
            "plaques": (2, 2, 2),
            "duty_count": (1, 1, 1),
            "duty_texts": (59, 59, 59),
            "quotas": (5, 5, 5),
            "posts": (6, 6, 6),
            "body_name": (1, 1, 1),
            "kind": (0, 0, 0),
            "basis": (0, 0, 0),
        },
    ),
}


@pytest.mark.parametrize("seed", sorted(PINNED))
def test_scores_do_not_fall(seed: str) -> None:
    spec_name, pins = PINNED[seed]
    reference_path = SPECS / f"{spec_name}.orgspec"
    assert reference_path.exists(), f"{reference_path.name} is pinned here but missing from specs/"
    text = (GOLDEN / "draft" / "inputs" / f"{seed}.txt").read_text(encoding="utf-8")
    scores = score(draft(text, seed).spec, orgspec.load(reference_path))
    for field in FIELDS:
        pinned = FieldScore(*pins[field])
        got = scores[field]
        assert got.precision >= pinned.precision - 1e-9, (field, got, pinned)
        assert got.recall >= pinned.recall - 1e-9, (field, got, pinned)


def test_score_of_a_spec_against_itself_is_perfect() -> None:
    spec = orgspec.load(SPECS / "zhenjiang-fao.orgspec")
    assert all(s.precision == 1.0 and s.recall == 1.0 for s in score(spec, spec).values())


def test_score_counts_missing_and_extra_items() -> None:
    reference = orgspec.loads('body "甲" {\n  section "一处"\n  section "二处"\n}\n')
    drafted = orgspec.loads('body "甲" {\n  section "一处"\n  section "三处"\n  section "四处"\n}\n')
    names = score(drafted, reference)["section_names"]
    assert (names.matched, names.drafted, names.expected) == (1, 3, 2)
    assert names.precision == pytest.approx(1 / 3)
    assert names.recall == pytest.approx(1 / 2)


def test_every_body_is_scored_and_bodies_are_paired_by_name() -> None:
    reference = orgspec.loads(
        'body "甲局" {\n  section "一处"\n}\nbody "乙局" {\n  section "二处"\n  section "三处"\n}\n'
    )
    # the draft lists the bodies in the other order and misses the second body's third section
    drafted = orgspec.loads('body "乙局" {\n  section "二处"\n}\nbody "甲局" {\n  section "一处"\n}\n')
    result = score(drafted, reference)
    assert (result["section_names"].matched, result["section_names"].drafted, result["section_names"].expected) == (
        2,
        2,
        3,
    )
    assert (result["body_name"].matched, result["body_name"].expected) == (2, 2)
    assert (result["duty_count"].matched, result["duty_count"].expected) == (2, 2)


def test_a_reference_body_the_draft_lacks_counts_as_expected_and_an_extra_one_as_drafted() -> None:
    reference = orgspec.loads('body "甲局" {\n  section "一处"\n}\nbody "乙局" {\n  section "二处"\n}\n')
    drafted = orgspec.loads('body "甲局" {\n  section "一处"\n}\n')
    names = score(drafted, reference)["body_name"]
    assert (names.matched, names.drafted, names.expected) == (1, 1, 2)
    assert score(reference, drafted)["section_names"].drafted == 2


def test_a_body_named_by_a_longer_form_is_paired_with_it_and_leftovers_pair_in_order() -> None:
    reference = orgspec.loads('body "省水利厅" {\n  section "办公室"\n}\nbody "某局" {\n  section "综合科"\n}\n')
    drafted = orgspec.loads('body "其他名称" {\n  section "综合科"\n}\nbody "江西省水利厅" {\n  section "办公室"\n}\n')
    pairs = pair_bodies(drafted, reference)
    assert [(d.name if d else None, r.name if r else None) for d, r in pairs] == [
        ("江西省水利厅", "省水利厅"),
        ("其他名称", "某局"),
    ]
    assert score(drafted, reference)["section_names"].matched == 2
    assert score(drafted, reference)["body_name"].matched == 0


def test_a_part_for_each_of_several_units_scores_as_one_part_per_unit() -> None:
    # "一处、二处各4名": the reference states one figure for two units; a draft that writes the two
    # parts out one by one states the same facts and must score as exact
    reference = orgspec.loads(
        'body "甲" {\n  section a "一处"\n  section b "二处"\n'
        '  quota administrative 10 {\n    includes 4 "一处、二处各4名" each @a @b\n  }\n}\n'
    )
    drafted = orgspec.loads(
        'body "甲" {\n  section "一处"\n  section "二处"\n'
        '  quota administrative 10 {\n    includes 4 "一处"\n    includes 4 "二处"\n  }\n}\n'
    )
    quotas = score(drafted, reference)["quotas"]
    assert (quotas.matched, quotas.drafted, quotas.expected) == (3, 3, 3)
