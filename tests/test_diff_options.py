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


DUTY = 'duties { duty "负责文电、会务、机要和档案工作。" }'
OFFICE = orgspec.loads(f'body a "A" {{\n  section "综合处" {{ {DUTY} }}\n}}\n')


def test_one_unit_gone_and_one_new_are_proposed_at_a_score_equal_to_the_threshold() -> None:
    # 综合处 and 秘书处 with one duty: 16 bigrams shared of 20, a score of 0.8 exactly
    new = orgspec.loads(f'body a "A" {{\n  section "秘书处" {{ {DUTY} }}\n}}\n')
    d = diff(OFFICE, new)
    assert [(p.old_name, p.new_name, p.score) for p in d.proposals] == [("综合处", "秘书处", 0.8)]
    # a threshold equal to the score keeps it, and one pair is within a limit of one
    assert diff(OFFICE, new, threshold=0.8).proposals == d.proposals
    assert diff(OFFICE, new, limit=1).proposals == d.proposals
    assert not diff(OFFICE, new, limit=1).candidate_limit_hit


def test_of_two_new_units_scoring_the_same_the_first_is_proposed() -> None:
    new = orgspec.loads(f'body a "A" {{\n  section "秘书一处" {{ {DUTY} }}\n  section "秘书二处" {{ {DUTY} }}\n}}\n')
    assert [(p.old_name, p.new_name) for p in diff(OFFICE, new).proposals] == [("综合处", "秘书一处")]
