"""The options of ``diff()``: units the caller pairs, the least score of a proposal, the candidate limit."""

from __future__ import annotations

import orgspec
from orgspec.reorg import diff
from orgspec.reorg.ops import DiffNote

from .conftest import FIXTURES

ZHENJIANG = FIXTURES / "diff" / "zhenjiang-reorg"


def test_units_the_caller_pairs_are_one_unit_renamed() -> None:
    old = orgspec.loads('body a "A" {\n  section b "综合处" { duties { duty "办文" } }\n}\n')
    new = orgspec.loads('body a "A" {\n  section c "秘书处" { duties { duty "办会" } }\n}\n')
    assert [op.op for op in diff(old, new).operations] == ["establish", "abolish"]
    paired = diff(old, new, pairs=[("@b", "@c")])
    assert [op.op for op in paired.operations][:1] == ["rename"]
    assert "establish" not in [op.op for op in paired.operations]


def test_pairs_naming_a_unit_that_is_not_there_are_ignored() -> None:
    old = orgspec.loads('body a "A" {\n  section b "综合处" { duties { duty "办文" } }\n}\n')
    new = orgspec.loads('body a "A" {\n  section c "秘书处" { duties { duty "办会" } }\n}\n')
    unpaired = diff(old, new)
    # a key missing on either side (a typo, a unit of another spec) pairs nothing
    assert diff(old, new, pairs=[("@zz", "@c"), ("@b", "@zz")]) == unpaired
    # a unit paired twice keeps its first partner
    twice = diff(old, new, pairs=[("@b", "@c"), ("@a", "@c")])
    assert [op.op for op in twice.operations][:1] == ["rename"]
    assert twice == diff(old, new, pairs=[("@b", "@c")])


def test_the_threshold_is_the_least_score_of_a_proposal() -> None:
    old, new = orgspec.load(ZHENJIANG / "old.orgspec"), orgspec.load(ZHENJIANG / "new.orgspec")
    scores = sorted(p.score for p in diff(old, new).proposals)
    assert len(scores) == 2
    between = (scores[0] + scores[1]) / 2
    assert [p.score for p in diff(old, new, threshold=between).proposals] == scores[1:]
    assert diff(old, new, threshold=1.0).proposals == ()


def test_a_diff_past_the_candidate_limit_says_so_in_a_note() -> None:
    old, new = orgspec.load(ZHENJIANG / "old.orgspec"), orgspec.load(ZHENJIANG / "new.orgspec")
    d = diff(old, new, limit=3)
    assert d.candidate_limit_hit
    assert d.proposals == ()
    assert (
        DiffNote(
            code="candidate-limit",
            severity="info",
            message="25 pairs of unmatched units exceed the limit of 3: no possible renames were looked for "
            "(raise the limit to look)",
        )
        in d.notes
    )
    assert not diff(old, new).candidate_limit_hit
