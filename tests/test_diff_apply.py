"""Applying and inverting a diff: what each operation checks, where it puts a unit, how it is undone.

test_diff_conflicts.py applies diffs to specs they were not made from; these tests pin the
conflict named for each kind of operation, the positions that establish and move give, diffs
written or joined by hand, and the inverse of a diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import orgspec
from orgspec.model.units import Unit
from orgspec.reorg import Diff, apply, diff, invert
from orgspec.reorg.ops import AttributeChanged, Establish, Pair, Reorder
from orgspec.reorg.patch import ApplyError

from .conftest import FIXTURES

CASES = sorted(p for p in (FIXTURES / "diff").iterdir() if (p / "old.orgspec").exists())
BODY = 'body a "A" {{\n{}}}\n'


def _section(key: str, name: str) -> str:
    return f'  section {key} "{name}" {{ duties {{ duty "{name}的职责" }} }}\n'


def _sections(*names: str) -> str:
    return BODY.format("".join(_section(n.lower(), n) for n in names))


def _diff(old: str, new: str) -> Diff:
    return diff(orgspec.loads(old), orgspec.loads(new))


def _conflicts(d: Diff, base: str) -> list[str]:
    with pytest.raises(ApplyError) as err:
        apply(orgspec.loads(base), d)
    return list(err.value.conflicts)


def _joined(*diffs: Diff) -> Diff:
    return diffs[0].model_copy(update={"operations": tuple(op for d in diffs for op in d.operations)})


def test_the_error_lists_every_conflict_on_a_line_of_its_own() -> None:
    d = _diff(
        _sections("B") + 'body z "Z" {\n  rank "正处级"\n}\n', _sections("C") + 'body z "Z" {\n  rank "副厅级"\n}\n'
    )
    with pytest.raises(ApplyError) as err:
        apply(orgspec.loads(_sections("D") + 'body z "Z" {\n  rank "正科级"\n}\n'), d)
    assert str(err.value) == (
        "the diff does not apply (2 conflict(s)); nothing changed:\n"
        "  - operation 2 (rank-changed Z): rank is '正科级', expected '正处级'\n"
        "  - operation 3 (abolish B): unit @b is not there"
    )


def test_a_new_unit_is_not_established_where_the_spec_already_has_it() -> None:
    # applying the same diff twice would give two units with one id
    d = _diff(_sections("B"), _sections("B", "C"))
    assert _conflicts(d, _sections("B", "C")) == ["operation 1 (establish C): unit @c is already there"]
    # the same unit established twice in one diff
    assert _conflicts(_joined(d, d), _sections("B")) == ["operation 2 (establish C): unit @c is already there"]
    # a diff that abolishes a unit and then establishes another with its key still applies
    other = BODY.format('  section c "C" {\n    duties { duty "另一职责" }\n  }\n')
    again = _joined(_diff(_sections("C"), _sections()), _diff(_sections(), other))
    assert apply(orgspec.loads(_sections("C")), again) == orgspec.loads(other)


def test_a_hand_written_establish_without_a_position_puts_the_unit_last() -> None:
    op = Establish(
        unit=Pair(new="@d"), name="D", parent=Pair(old="@a", new="@a"), after=Unit(name="D", id="d", kind="section")
    )
    d = _diff(_sections("B"), _sections("B")).model_copy(update={"operations": (op,)})
    out = apply(orgspec.loads(_sections("B", "C")), d)
    assert [u.name for u in out.bodies[0].units] == ["B", "C", "D"]


def test_an_abolished_unit_must_be_where_the_diff_says() -> None:
    d = _diff(_sections("B", "C"), _sections("C"))
    assert _conflicts(d, _sections("C", "B")) == ["operation 1 (abolish B): unit @b is not at position 0"]
    changed = _sections("C").replace('"C的职责"', '"另一职责"')
    assert _conflicts(_diff(_sections("C"), _sections()), changed) == [
        "operation 1 (abolish C): unit @c is not as expected"
    ]
    elsewhere = _sections() + 'body z "Z" {\n' + _section("c", "C") + "}\n"
    assert _conflicts(_diff(_sections("C"), _sections()), elsewhere) == [
        "operation 1 (abolish C): unit @c is not under @a"
    ]


def test_a_unit_abolished_earlier_in_the_diff_is_no_longer_there() -> None:
    gone = _diff(_sections("B"), _sections())
    renamed = _diff(_sections("B"), BODY.format(_section("b", "B2")))
    assert _conflicts(_joined(gone, renamed), _sections("B"))[0] == "operation 2 (rename B2): unit @b is not there"


def test_a_move_lands_at_its_position_and_checks_where_it_starts() -> None:
    other = 'body z "Z" {{\n{}}}\n'
    old = _sections("B", "C") + other.format(_section("x", "X") + _section("y", "Y"))
    new = _sections("C") + other.format(_section("x", "X") + _section("b", "B") + _section("y", "Y"))
    d = _diff(old, new)
    assert [op.op for op in d.operations] == ["move"]
    assert apply(orgspec.loads(old), d) == orgspec.loads(new)
    swapped = _sections("C", "B") + other.format(_section("x", "X") + _section("y", "Y"))
    assert _conflicts(d, swapped) == ["operation 1 (move B): unit @b is not at position 0"]
    elsewhere = (
        _sections("C")
        + other.format(_section("x", "X") + _section("y", "Y"))
        + 'body w "W" {\n'
        + _section("b", "B")
        + "}\n"
    )
    assert _conflicts(d, elsewhere) == ["operation 1 (move B): unit @b is not under @a"]


def test_a_change_of_superior_checks_the_superior_it_replaces() -> None:
    superior = 'body a "A" {{\n  superior "{}"\n}}\n'
    d = _diff(superior.format("X"), superior.format("Y"))
    assert _conflicts(d, superior.format("Z")) == ["operation 1 (move A): superior of @a is Z, expected X"]


def test_each_change_of_a_unit_checks_the_value_it_replaces() -> None:
    assert _conflicts(_diff(_sections("B"), BODY.format(_section("b", "B2"))), BODY.format(_section("b", "B3")))[0] == (
        "operation 1 (rename B2): name is 'B3', expected 'B'"
    )
    kind = 'body a "A" {{\n  kind "{}"\n}}\n'
    d = _diff(kind.format("工作部门"), kind.format("事业单位"))
    assert _conflicts(d, kind.format("部门管理机构")) == [
        "operation 1 (kind-changed A): kind is department-administered, expected working-department"
    ]
    duties = 'body a "A" {{\n  duties {{\n{}  }}\n}}\n'
    two = duties.format('    duty 1 "甲"\n    duty 2 "乙"\n')
    d = _diff(two, duties.format('    duty 1 "乙"\n    duty 2 "甲"\n'))
    assert _conflicts(d, duties.format('    duty 1 "甲"\n    duty 2 "乙"\n    duty 3 "丙"\n')) == [
        "operation 3 (duties-reordered A): the duties are not the expected list"
    ]
    posts = 'body a "A" {{\n  posts {{\n    post "局长" {}\n  }}\n}}\n'
    d = _diff(posts.format(1), posts.format(2))
    assert [op.op for op in d.operations] == ["posts-changed"]
    assert _conflicts(d, posts.format(3)) == ["operation 1 (posts-changed A): the posts are not the expected list"]


def test_a_reworded_duty_must_still_be_there() -> None:
    duty = 'body a "A" {{\n  duties {{\n    duty 1 "{}"\n  }}\n}}\n'
    d = _diff(duty.format("负责全市机构编制工作"), duty.format("负责全市机构编制管理工作"))
    assert [op.op for op in d.operations] == ["duty-reworded"]
    assert _conflicts(d, duty.format("另一职责")) == [
        "operation 1 (duty-reworded A): duty '负责全市机构编制工作' is not there"
    ]


def test_a_quota_changes_in_place_among_the_others() -> None:
    quotas = 'body a "A" {{\n  quota administrative {}\n  quota public-institution 5\n  quota logistics 2\n}}\n'
    old, new = quotas.format(10), quotas.format(12)
    assert apply(orgspec.loads(old), _diff(old, new)) == orgspec.loads(new)


def test_a_reorder_of_the_bodies_names_the_spec() -> None:
    bodies = "".join(f'body {k} "{k.upper()}" {{\n}}\n' for k in "ab")
    reordered = "".join(f'body {k} "{k.upper()}" {{\n}}\n' for k in "ba")
    d = _diff(bodies, reordered)
    assert _conflicts(d, bodies + 'body c "C" {\n}\n') == [
        "operation 1 (reorder (spec)): the units under the spec are not in the expected order"
    ]
    op = d.operations[0]
    assert isinstance(op, Reorder)
    lost = d.model_copy(update={"operations": (op.model_copy(update={"after": op.after[:1] * 2}),)})
    assert _conflicts(lost, bodies) == [
        "operation 1 (reorder (spec)): the new order under the spec is not a permutation"
    ]


def test_the_notes_of_the_spec_change_only_from_the_expected_notes() -> None:
    d = _diff('note "x"\n' + _sections("B"), 'note "y"\n' + _sections("B"))
    assert _conflicts(d, 'note "z"\n' + _sections("B")) == [
        "operation 1 (attribute-changed (spec)): the spec's notes is not the expected value"
    ]
    bad = d.model_copy(update={"operations": (d.operations[0].model_copy(update={"field": "bodies"}),)})
    assert _conflicts(bad, 'note "x"\n' + _sections("B")) == [
        "operation 1 (attribute-changed (spec)): the spec has no attribute 'bodies'"
    ]


def test_joined_diffs_apply_one_after_the_other() -> None:
    a = 'note "x"\n' + _sections("B")
    b = 'note "y"\n' + BODY.format(_section("b", "B2"))
    c = 'note "z"\n' + BODY.format(_section("b", "B3"))
    assert apply(orgspec.loads(a), _joined(_diff(a, b), _diff(b, c))) == orgspec.loads(c)


@pytest.mark.parametrize("field", ["name", "units", "colour"])
def test_a_hand_written_attribute_change_of_a_statement_that_is_not_an_attribute_is_refused(field: str) -> None:
    op = AttributeChanged(unit=Pair(old="@a", new="@a"), name="A", field=field, before="A", after="B")
    d = _diff(_sections(), _sections()).model_copy(update={"operations": (op,)})
    assert _conflicts(d, _sections()) == [f"operation 1 (attribute-changed A): no attribute {field!r}"]


def test_an_attribute_change_keeps_the_units_below() -> None:
    old = 'body a "A" {\n  funding "全额拨款"\n' + _section("b", "B") + "}\n"
    new = old.replace("全额拨款", "差额拨款")
    d = _diff(old, new)
    assert [op.op for op in d.operations] == ["attribute-changed"]
    assert apply(orgspec.loads(old), d) == orgspec.loads(new)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_the_inverse_of_the_inverse_is_the_diff(case: Path) -> None:
    old, new = orgspec.load(case / "old.orgspec"), orgspec.load(case / "new.orgspec")
    d = diff(old, new, old_label="old.orgspec", new_label="new.orgspec")
    back = invert(d)
    assert (back.old, back.new) == (d.new, d.old)
    assert [(p.old_name, p.new_name) for p in back.proposals] == [(p.new_name, p.old_name) for p in d.proposals]
    # a demotion and an absorption are undone by an establish and a split, whose own inverses
    # are the abolish and the merge they imply; every other operation comes back as it was
    lossy = {"demote-to-plaque": "abolish", "absorb": "merge"}
    again = invert(back)
    assert again.model_copy(update={"operations": ()}) == d.model_copy(update={"operations": ()})
    assert [op.op for op in again.operations] == [lossy.get(op.op, op.op) for op in d.operations]
    for op, twice in zip(d.operations, again.operations, strict=True):
        assert twice.op == lossy[op.op] if op.op in lossy else twice == op


def test_a_removed_duty_or_plaque_that_is_not_there_is_named_by_its_words() -> None:
    # the conflict names what the reader wrote, never the model's repr (Duty(text=…, number=None, …))
    duty = 'body a "A" {{\n  duties {{\n    duty 1 "负责全市机构编制工作"\n{}  }}\n}}\n'
    d = _diff(duty.format('    duty 2 "承办交办的其他事项"\n'), duty.format(""))
    assert [op.op for op in d.operations] == ["duty-cancelled"]
    assert _conflicts(d, duty.format("")) == ["operation 1 (duty-cancelled A): duty '承办交办的其他事项' is not there"]
    plaque = 'body a "A" {{\n{}}}\n'
    d = _diff(plaque.format('  plaque "甲办"\n'), plaque.format(""))
    assert [op.op for op in d.operations] == ["plaque-removed"]
    assert _conflicts(d, plaque.format("")) == ["operation 1 (plaque-removed A): plaque '甲办' is not there"]


def test_undoing_an_abolished_section_puts_it_back_under_its_body_in_its_place() -> None:
    old = orgspec.loads('body a "甲局" {\n  section "秘书处" {}\n  section "综合处" {}\n}\n')
    new = orgspec.loads('body a "甲局" {\n  section "综合处" {}\n}\n')
    back = invert(diff(old, new))
    assert str(back.operations[0].parent) == "@a"
    assert apply(new, back) == old


def test_undoing_a_reconstitution_drops_the_document_s_word() -> None:
    from orgspec.reorg.render_zh import render_zh

    old = orgspec.loads('body c "扶贫办" {\n  duties { duty "负责扶贫。" }\n}\n')
    new = orgspec.loads(
        'body b "国家乡村振兴局" {\n  duties { duty "负责扶贫。" }\n  history {\n'
        '    event established 2021 { from "扶贫办"; verb "设立" }\n  }\n}\n'
    )
    d = diff(old, new)
    assert render_zh(d).splitlines() == ["1. 在扶贫办基础上设立国家乡村振兴局，不再保留扶贫办。"]
    # the 设立 words the change the document made, not its undoing
    assert render_zh(invert(d)).splitlines() == ["1. 在国家乡村振兴局基础上组建扶贫办，不再保留国家乡村振兴局。"]


def test_the_first_of_two_plaques_removed_applies_both_ways() -> None:
    # undoing the removal appends the plaque again, so the diff first puts the plaques in the order
    # the inverse will leave them (丙局 before 乙局): both laws hold and the text says what was removed
    old = orgspec.loads('body a "甲局" {\n  plaque "乙局"\n  plaque "丙局"\n}\n')
    new = orgspec.loads('body a "甲局" {\n  plaque "丙局"\n}\n')
    d = diff(old, new)
    assert [op.op for op in d.operations] == ["attribute-changed", "plaque-removed"]
    reorder = d.operations[0]
    assert isinstance(reorder, AttributeChanged)
    assert [p["name"] for p in reorder.before] == ["乙局", "丙局"]
    assert [p["name"] for p in reorder.after] == ["丙局", "乙局"]
    assert apply(old, d) == new
    assert apply(new, invert(d)) == old


def test_undoing_a_section_kept_as_a_sibling_s_plaque_puts_it_back_under_its_body() -> None:
    old = orgspec.loads(
        'body a "甲局" {\n  section b "综合处" { duties { duty "负责综合" } }\n'
        '  section c "秘书处" { duties { duty "负责文电" } }\n}\n'
    )
    new = orgspec.loads(
        'body a "甲局" {\n  section b "综合处" {\n    plaque "秘书处"\n'
        '    duties {\n      duty "负责综合"\n      duty "负责文电"\n    }\n  }\n}\n'
    )
    d = diff(old, new)
    assert "demote-to-plaque" in [op.op for op in d.operations]
    assert apply(old, d) == new
    assert apply(new, invert(d)) == old


def test_the_inverse_of_a_merge_keeps_the_bodies_that_stay() -> None:
    # 丙局 stays but gives all its duties to the new 丁局 (以及丙局的职责整合): undoing and redoing keeps that
    old = orgspec.loads("".join(f'body "{n}局" {{\n  duties {{ duty "负责{n}" }}\n}}\n' for n in "甲乙丙"))
    new = orgspec.loads(
        'body "丁局" {\n  duties {\n    duty "负责甲"\n    duty "负责乙"\n    duty "负责丙"\n  }\n}\n'
        'body "丙局" {\n  history { event duties-transferred 2018 { to "丁局" } }\n}\n'
    )
    d = diff(old, new)
    back = invert(d)
    assert [op.kept for op in back.operations if op.op == "split"] == [("丙局",)]
    assert invert(back) == d


def test_duties_stated_twice_are_put_back_in_their_order_by_the_inverse() -> None:
    # 丁 and 丙 are stated twice; one of each goes and 戊, 己 come. The operations remove the first
    # equal duty and their inverse re-appends it, so the list around them needs more than one round
    # to settle: the diff puts the old list in that order first, and the inverse gives it back
    def body(names: str) -> orgspec.Spec:
        duties = "".join(f'    duty "负责{x}"\n' for x in names)
        return orgspec.loads('body a "甲局" {\n  duties {\n' + duties + "  }\n}\n")

    old, new = body("丁乙丙丙丁"), body("乙丙丁戊己")
    d = diff(old, new)
    assert [op.op for op in d.operations] == [
        "duties-reordered",
        "duty-cancelled",
        "duty-cancelled",
        "duty-added",
        "duty-added",
        "duties-reordered",
    ]
    assert apply(old, d) == new
    assert [x.text[-1] for x in apply(new, invert(d)).bodies[0].duties] == list("丁乙丙丙丁")
    assert apply(new, invert(d)) == old


def test_an_abolished_body_stating_a_duty_three_times_is_put_back_as_it_was() -> None:
    # one 甲 of 丙局's three goes to 甲局 and 丙局 is abolished: removing the first 甲 and re-appending
    # it takes three rounds to settle (甲甲甲乙, 甲甲乙甲, 甲乙甲甲, 乙甲甲甲)
    def spec(*bodies: tuple[str, str, str]) -> orgspec.Spec:
        text = ""
        for uid, name, duties in bodies:
            listed = "".join(f'    duty "{x}"\n' for x in duties)
            text += f'body {uid} "{name}" {{\n  duties {{\n{listed}  }}\n}}\n' if duties else f'body {uid} "{name}"\n'
        return orgspec.loads(text)

    old = spec(("a", "甲局", ""), ("c", "丙局", "甲甲甲乙"))
    new = spec(("a", "甲局", "甲"))
    d = diff(old, new)
    assert apply(old, d) == new
    assert [x.text for x in apply(new, invert(d)).bodies[1].duties] == list("甲甲甲乙")
    assert apply(new, invert(d)) == old


def test_duties_only_put_in_another_order_are_a_duties_reordered() -> None:
    # no duty goes or comes: the list is the same set in another order, and the diff still says so
    old = orgspec.loads('body a "甲局" {\n  duties {\n    duty "负责甲"\n    duty 1 "负责乙"\n  }\n}\n')
    new = orgspec.loads('body a "甲局" {\n  duties {\n    duty 1 "负责乙"\n    duty "负责甲"\n  }\n}\n')
    d = diff(old, new)
    assert [op.op for op in d.operations] == ["duties-reordered"]
    assert apply(old, d) == new
    assert apply(new, invert(d)) == old
