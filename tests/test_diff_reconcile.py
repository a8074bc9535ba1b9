"""Reconciliation: the diff says what does not add up instead of inventing a change; posts transfers."""

from __future__ import annotations

import orgspec
from orgspec.model import Count, Post, PostGroup, Quota, QuotaCategory, Spec, Unit
from orgspec.reorg import apply, diff, invert
from orgspec.reorg.derived import declared_transfers
from orgspec.reorg.ops import Pair, PostsChanged, QuotaChanged, QuotaTransferred
from orgspec.reorg.render_text import render_text
from orgspec.reorg.render_zh import render_zh
from orgspec.reorg.summary import posts_total, reconcile


def _codes(d: orgspec.reorg.Diff) -> list[str]:
    return [n.code for n in d.notes]


def _posts(*counts: int | Count) -> tuple[Post, ...]:
    titles = ["局长", "副局长", "总工程师"]
    return tuple(Post(title=titles[i], count=c if isinstance(c, Count) else Count.of(c)) for i, c in enumerate(counts))


def test_an_abolished_units_duty_found_nowhere_is_a_note_not_a_cancellation() -> None:
    old = orgspec.loads(
        'body "甲局" {\n  section "一处" {\n    duties {\n      duty "负责一处工作。"\n'
        '      duty "负责特别工作。"\n    }\n  }\n  section "二处"\n}\n'
    )
    new = orgspec.loads('body "甲局" {\n  section "二处" {\n    duties {\n      duty "负责一处工作。"\n    }\n  }\n}\n')
    d = diff(old, new)
    assert _codes(d) == ["duty-unaccounted"]
    assert "负责特别工作" in d.notes[0].message
    assert d.notes[0].unit == Pair(old="甲局/一处")
    ops = [op.op for op in d.operations]
    assert "duty-cancelled" not in ops
    assert ops.count("duty-transferred") == 1
    assert apply(old, d) == new
    assert apply(new, invert(d)) == old


def test_a_stated_transfer_that_no_duty_carries_is_a_note() -> None:
    old = orgspec.loads('body "甲局" {\n  duties {\n    duty 1 "负责甲工作。"\n  }\n}\n')
    new = orgspec.loads(
        'body "甲局" {\n  function-changes {\n    transferred-out 1 "将丙工作划入乙局。" to "乙局"\n  }\n'
        '  duties {\n    duty 1 "负责甲工作。"\n  }\n}\n'
    )
    d = diff(old, new)
    assert _codes(d) == ["declared-transfer-unmatched"]
    assert "乙局" in d.notes[0].message
    assert not [op for op in d.operations if op.op == "duty-transferred"]


def test_an_open_quota_figure_is_not_reconciled_with_a_made_up_number() -> None:
    old = orgspec.loads('body "甲局" {\n  quota logistics separately "后勤服务人员编制"\n}\n')
    new = orgspec.loads('body "甲局" {\n  quota logistics 3 "后勤服务人员编制"\n}\n')
    d = diff(old, new)
    assert _codes(d) == ["quota-open"]
    assert d.summary.quota == {"logistics": "open"}
    assert "logistics quota open" in render_text(d)


def test_quota_totals_that_do_not_reconcile_are_reported() -> None:
    old = Spec(bodies=(Unit(name="甲", quotas=(Quota(category=QuotaCategory.ADMINISTRATIVE, count=Count.of(10)),)),))
    new = Spec(bodies=(Unit(name="甲", quotas=(Quota(category=QuotaCategory.ADMINISTRATIVE, count=Count.of(12)),)),))
    # operations that account for only one of the two new posts of the quota
    partial = [
        QuotaChanged(
            unit=Pair(old="甲", new="甲"),
            name="甲",
            category=QuotaCategory.ADMINISTRATIVE,
            before=old.bodies[0].quotas[0],
            after=Quota(category=QuotaCategory.ADMINISTRATIVE, count=Count.of(11)),
        )
    ]
    notes = reconcile(old, new, partial)
    assert [n.code for n in notes] == ["quota-unreconciled"]
    assert "10 before +1 in changes != 12 after" in notes[0].message
    assert _codes(diff(old, new)) == []  # the diff itself accounts for every change


def test_post_totals_that_do_not_reconcile_are_reported() -> None:
    old = Spec(bodies=(Unit(name="甲", posts=_posts(1, 2)),))
    new = Spec(bodies=(Unit(name="甲", posts=_posts(1, 4)),))
    partial = [PostsChanged(unit=Pair(old="甲", new="甲"), name="甲", before=_posts(1, 2), after=_posts(1, 3))]
    notes = reconcile(old, new, partial)
    assert [n.code for n in notes] == ["posts-unreconciled"]
    assert "3 before +1 in changes != 5 after" in notes[0].message
    d = diff(old, new)
    assert _codes(d) == []
    assert d.summary.posts == "+2"
    assert render_text(d).rstrip().endswith("1 set of posts changed; leadership posts +2")


def test_an_open_post_figure_is_not_reconciled() -> None:
    old = Spec(bodies=(Unit(name="甲", posts=_posts(1, Count.separately())),))
    new = Spec(bodies=(Unit(name="甲", posts=_posts(1, 3)),))
    d = diff(old, new)
    assert _codes(d) == ["posts-open"]
    assert d.summary.posts == "open"
    assert "领导职数调整" in render_zh(d)  # no figure is made up for the open side


def test_posts_total_counts_groups_once_and_falls_back_on_their_breakdown() -> None:
    group = PostGroup(title="正副处长", count=Count.of(11), posts=_posts(6, 5))
    assert posts_total((*_posts(1, 3), group)) == Count.of(15)
    open_group = group.model_copy(update={"count": Count.unstated()})
    assert posts_total((open_group,)) == Count.of(11)
    assert not posts_total((open_group.model_copy(update={"posts": ()}),)).known
    assert posts_total(()) == Count.of(0)


def test_posts_leaving_one_body_for_another_are_a_transfer() -> None:
    old = Spec(bodies=(Unit(name="甲局", posts=_posts(1, 2)), Unit(name="乙局", posts=_posts(1, 3))))
    new = Spec(bodies=(Unit(name="甲局", posts=_posts(1, 3)), Unit(name="乙局", posts=_posts(1, 2))))
    d = diff(old, new)
    transfers = [op for op in d.operations if op.op == "posts-transferred"]
    assert [(op.source_name, op.name, op.amount, op.established_by) for op in transfers] == [  # type: ignore[union-attr]
        ("乙局", "甲局", 1, "inferred")
    ]
    assert d.summary.posts is None  # nothing gained or lost overall
    assert "将乙局的领导职数1名划入甲局。" in render_zh(d)
    assert "leadership posts transferred from 乙局: 1" in render_text(d)
    assert apply(old, d) == new
    back = invert(d)
    assert apply(new, back) == old
    assert [(op.source_name, op.name) for op in back.operations if op.op == "posts-transferred"] == [  # type: ignore[union-attr]
        ("甲局", "乙局")
    ]


def test_posts_of_an_abolished_body_taken_over_by_a_new_one_are_a_transfer() -> None:
    old = Spec(bodies=(Unit(name="甲局", posts=_posts(1, 2)),))
    new = Spec(bodies=(Unit(name="丙局", posts=_posts(1, 2)),))
    d = diff(old, new, limit=0)
    assert [(op.source_name, op.name, op.amount) for op in d.operations if op.op == "posts-transferred"] == [  # type: ignore[union-attr]
        ("甲局", "丙局", 3)
    ]


def test_an_open_post_total_is_never_paired_as_a_transfer() -> None:
    old = Spec(bodies=(Unit(name="甲局", posts=_posts(1, Count.unstated())), Unit(name="乙局", posts=_posts(1, 3))))
    new = Spec(bodies=(Unit(name="甲局", posts=_posts(1, 3)), Unit(name="乙局", posts=_posts(1, 2))))
    d = diff(old, new)
    assert not [op for op in d.operations if op.op == "posts-transferred"]
    assert _codes(d) == ["posts-open"]


def test_a_reorder_is_not_counted_among_the_changes_of_the_summary() -> None:
    old = orgspec.loads('body "甲局" {\n  section "一处"\n  section "二处"\n}\n')
    new = orgspec.loads('body "甲局" {\n  section "二处"\n  section "一处"\n}\n')
    d = diff(old, new)
    assert [op.op for op in d.operations] == ["reorder"]
    assert d.summary.counts == {}


def test_an_open_quota_does_not_hide_the_change_of_a_later_category() -> None:
    old = orgspec.loads(
        'body "甲局" {\n  quota administrative separately "行政编制"\n  quota logistics 3 "后勤服务人员编制"\n}\n'
    )
    new = orgspec.loads(
        'body "甲局" {\n  quota administrative 10 "行政编制"\n  quota logistics 5 "后勤服务人员编制"\n}\n'
    )
    d = diff(old, new)
    assert d.summary.quota == {"administrative": "open", "logistics": "+2"}
    assert render_text(d).rstrip().endswith("2 quotas changed; administrative quota open, logistics quota +2")


def test_a_quota_category_the_old_spec_did_not_have_is_reconciled_too() -> None:
    old = orgspec.loads('body "甲局" {\n  quota administrative 5 "行政编制"\n}\n')
    new = orgspec.loads(
        'body "甲局" {\n  quota administrative 5 "行政编制"\n  quota logistics separately "后勤服务人员编制"\n}\n'
    )
    d = diff(old, new)
    assert [(n.code, n.severity) for n in d.notes] == [("quota-open", "info")]
    assert d.notes[0].message == (
        "logistics quota total cannot be reconciled: 0 before, separately after "
        "(an open figure: determined separately, not stated, unreadable or a range)"
    )


def test_a_quota_category_that_changed_without_an_operation_is_unreconciled() -> None:
    def spec(admin: int, logistics: int) -> Spec:
        quotas = (
            Quota(category=QuotaCategory.ADMINISTRATIVE, count=Count.of(admin)),
            Quota(category=QuotaCategory.LOGISTICS, count=Count.of(logistics)),
        )
        return Spec(bodies=(Unit(name="甲", quotas=quotas),))

    old, new = spec(10, 3), spec(12, 4)
    # the operations account for the administrative change only
    partial = [
        QuotaChanged(
            unit=Pair(old="甲", new="甲"),
            name="甲",
            category=QuotaCategory.ADMINISTRATIVE,
            before=old.bodies[0].quotas[0],
            after=new.bodies[0].quotas[0],
        )
    ]
    notes = reconcile(old, new, partial)
    assert [(n.code, n.message) for n in notes] == [
        ("quota-unreconciled", "logistics quota total does not reconcile: 3 before +0 in changes != 4 after")
    ]


def test_posts_that_become_open_are_not_reconciled() -> None:
    old = Spec(bodies=(Unit(name="甲", posts=_posts(1, 2)),))
    new = Spec(bodies=(Unit(name="甲", posts=_posts(1, Count.separately())),))
    d = diff(old, new)
    assert [(n.code, n.severity, n.message) for n in d.notes] == [
        (
            "posts-open",
            "info",
            "leadership post total cannot be reconciled: 3 before, separately after "
            "(an open figure: determined separately, not stated, unreadable or a range)",
        )
    ]
    assert d.summary.posts == "open"


def test_an_open_post_figure_elsewhere_keeps_the_totals_open() -> None:
    old = Spec(bodies=(Unit(name="甲", posts=_posts(Count.separately())), Unit(name="乙", posts=_posts(1, 2))))
    new = Spec(bodies=(Unit(name="甲", posts=_posts(Count.separately())), Unit(name="乙", posts=_posts(1, 3))))
    d = diff(old, new)
    assert [n.code for n in d.notes] == ["posts-open"]
    assert d.summary.posts == "+1"  # the changes themselves are all numbers


def test_posts_given_to_a_body_that_had_none_and_taken_from_one_reconcile() -> None:
    none = Spec(bodies=(Unit(name="甲"),))
    some = Spec(bodies=(Unit(name="甲", posts=_posts(1, 2)),))
    up, down = diff(none, some), diff(some, none)
    assert (up.notes, up.summary.posts) == ((), "+3")
    assert (down.notes, down.summary.posts) == ((), "-3")


def test_an_open_quota_no_operation_touches_is_not_a_note() -> None:
    old = orgspec.loads('body "甲局" {\n  quota administrative 5 "行政编制"\n  quota logistics separately "后勤"\n}\n')
    new = orgspec.loads('body "甲局" {\n  quota administrative 6 "行政编制"\n  quota logistics separately "后勤"\n}\n')
    d = diff(old, new)
    assert (d.notes, d.summary.quota) == ((), {"administrative": "+1"})


def test_a_quota_category_given_or_taken_whole_reconciles() -> None:
    without = orgspec.loads('body "甲局" {\n  quota administrative 5 "行政编制"\n}\n')
    with_ = orgspec.loads('body "甲局" {\n  quota administrative 5 "行政编制"\n  quota logistics 3 "后勤"\n}\n')
    up, down = diff(without, with_), diff(with_, without)
    assert (up.notes, up.summary.quota) == ((), {"logistics": "+3"})
    assert (down.notes, down.summary.quota) == ((), {"logistics": "-3"})


def test_changes_that_do_not_add_up_to_equal_totals_are_unreconciled() -> None:
    spec = Spec(bodies=(Unit(name="甲", quotas=(Quota(category=QuotaCategory.ADMINISTRATIVE, count=Count.of(10)),)),))
    spurious = QuotaChanged(
        unit=Pair(old="甲", new="甲"),
        name="甲",
        category=QuotaCategory.ADMINISTRATIVE,
        before=spec.bodies[0].quotas[0],
        after=Quota(category=QuotaCategory.ADMINISTRATIVE, count=Count.of(11)),
    )
    assert [n.message for n in reconcile(spec, spec, [spurious])] == [
        "administrative quota total does not reconcile: 10 before +1 in changes != 10 after"
    ]


def test_an_open_quota_figure_in_another_body_keeps_the_category_open() -> None:
    old = orgspec.loads(
        'body "甲局" {\n  quota administrative separately "行政编制"\n}\n'
        'body "乙局" {\n  quota administrative 3 "行政编制"\n}\n'
    )
    new = orgspec.loads(
        'body "甲局" {\n  quota administrative separately "行政编制"\n}\n'
        'body "乙局" {\n  quota administrative 4 "行政编制"\n}\n'
    )
    d = diff(old, new)
    assert [n.code for n in d.notes] == ["quota-open"]
    assert d.summary.quota == {"administrative": "+1"}  # the change itself is a number


def test_the_quota_and_posts_of_a_body_established_or_abolished_count_in_the_summary() -> None:
    one = orgspec.loads('body "甲局" {\n  quota administrative 5 "行政编制"\n}\n')
    two = orgspec.loads(
        'body "甲局" {\n  quota administrative 5 "行政编制"\n}\n'
        'body "乙局" {\n  quota administrative 7 "行政编制"\n'
        '  posts {\n    post "局长" 1\n    post "副局长" 2\n  }\n}\n'
    )
    up, down = diff(one, two), diff(two, one)
    assert [op.op for op in up.operations] == ["establish"]
    assert (up.notes, up.summary.quota, up.summary.posts) == ((), {"administrative": "+7"}, "+3")
    assert [op.op for op in down.operations] == ["abolish"]
    assert (down.notes, down.summary.quota, down.summary.posts) == ((), {"administrative": "-7"}, "-3")


def test_quotas_of_one_category_stated_twice_are_counted_as_a_whole() -> None:
    old = orgspec.loads(
        'body "甲局" {\n  quota administrative 5 "行政编制"\n  quota administrative 2 "政法专项编制"\n}\n'
    )
    new = orgspec.loads(
        'body "甲局" {\n  quota administrative 6 "行政编制"\n  quota administrative 2 "政法专项编制"\n}\n'
    )
    for a, b, net in ((old, new, "+1"), (new, old, "-1")):
        d = diff(a, b)
        assert [op.op for op in d.operations] == ["attribute-changed"]  # the whole list of quotas
        assert (d.notes, d.summary.quota) == ((), {"administrative": net})
    # stated twice on the old side only (5 and 2 become one 7): the whole list again, both ways
    one = orgspec.loads('body "甲局" {\n  quota administrative 7 "行政编制"\n}\n')
    for a, b in ((old, one), (one, old)):
        d = diff(a, b)
        assert [op.op for op in d.operations] == ["attribute-changed"]
        assert (d.notes, d.summary.quota) == ((), {})
        assert apply(a, d) == b
    # the same line stated twice is one list too, never a change of each copy
    twice = orgspec.loads(
        'body "甲局" {\n  quota administrative 5 "行政编制"\n  quota administrative 5 "行政编制"\n}\n'
    )
    d = diff(twice, one)
    assert [op.op for op in d.operations] == ["attribute-changed"]
    assert d.summary.quota == {"administrative": "-3"}


def test_every_open_quota_category_is_a_note() -> None:
    old = orgspec.loads('body "甲局" {\n  quota administrative separately "行政编制"\n  quota logistics 3 "后勤"\n}\n')
    new = orgspec.loads('body "甲局" {\n  quota administrative 10 "行政编制"\n  quota logistics separately "后勤"\n}\n')
    d = diff(old, new)
    assert [n.message.split(" quota")[0] for n in d.notes] == ["administrative", "logistics"]


def test_posts_moved_are_paired_past_a_unit_that_lost_posts_no_one_gained() -> None:
    # 甲局 loses one post that no unit gains; 乙局's two go to 丙局: the pairing goes on past 甲局
    old = orgspec.loads(
        'body "甲局" {\n  posts { post "局长" 1 }\n}\n'
        'body "乙局" {\n  posts {\n    post "局长" 1\n    post "副局长" 2\n  }\n}\n'
        'body "丙局" {\n  posts { post "局长" 1 }\n}\n'
    )
    new = orgspec.loads(
        'body "甲局" {\n  posts { post "局长" 0 }\n}\n'
        'body "乙局" {\n  posts { post "局长" 1 }\n}\n'
        'body "丙局" {\n  posts {\n    post "局长" 1\n    post "副局长" 2\n  }\n}\n'
    )
    moved = [(op.source_name, op.name, op.amount) for op in diff(old, new).operations if op.op == "posts-transferred"]
    assert moved == [("乙局", "丙局", 2)]


def test_a_unit_left_with_no_posts_gives_them_all() -> None:
    # 甲局's one post (1 → 0) goes to 乙局, which had none listed (none → 1)
    old = orgspec.loads('body "甲局" {\n  posts { post "局长" 1 }\n}\nbody "乙局"\n')
    new = orgspec.loads('body "甲局" {\n  posts { post "局长" 0 }\n}\nbody "乙局" {\n  posts { post "局长" 1 }\n}\n')
    moved = [(op.source_name, op.name, op.amount) for op in diff(old, new).operations if op.op == "posts-transferred"]
    assert moved == [("甲局", "乙局", 1)]


def test_declared_transfers_reads_the_new_spec_s_events_when_given_none() -> None:
    # 4 administrative posts move to 丙局 from 乙部 (outside the spec), as its history states
    old = orgspec.loads('body "丙局" {\n  quota administrative 20\n}\n')
    new = orgspec.loads(
        'body "丙局" {\n  quota administrative 24\n  history {\n'
        '    event quota-transferred 2023 { from "乙部"; category administrative; amount 4 }\n  }\n}\n'
    )
    d = diff(old, new)
    others = [op for op in d.operations if not isinstance(op, QuotaTransferred)]
    (found,) = declared_transfers(old, new, others)
    assert isinstance(found, QuotaTransferred)
    assert (found.source_name, found.name, found.amount) == ("乙部", "丙局", 4)
    assert found.category is QuotaCategory.ADMINISTRATIVE
    assert [op for op in d.operations if isinstance(op, QuotaTransferred)] == [found]


def test_the_note_of_a_duty_found_nowhere_quotes_its_first_24_characters() -> None:
    duty = "负责全省经济社会发展重大问题的调查研究和政策建议工作。"  # 27 characters
    old = orgspec.loads(f'body "甲局" {{\n  section "一处" {{ duties {{ duty "{duty}" }} }}\n}}\n')
    (note,) = diff(old, orgspec.loads('body "甲局"\n')).notes
    assert note.message == (
        "1 of the 1 duties of abolished 一处 are neither transferred to a unit of the new spec nor stated "
        f"elsewhere; they are not reported as cancelled (first: {duty[:24]}…)"
    )
