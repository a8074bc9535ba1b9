"""A diff applied to a spec it was not made from: every conflict named, nothing changed."""

from __future__ import annotations

import pytest

import orgspec
from orgspec.reorg import apply, diff
from orgspec.reorg.patch import ApplyError

from .test_diff_sentences import NEW, OLD


def _conflicts(old: str, new: str, base: str) -> list[str]:
    d = diff(orgspec.loads(old), orgspec.loads(new))
    with pytest.raises(ApplyError) as err:
        apply(orgspec.loads(base), d)
    assert str(err.value).startswith(
        f"the diff does not apply ({len(err.value.conflicts)} conflict(s)); nothing changed:\n"
    )
    return list(err.value.conflicts)


def test_a_diff_applied_twice_names_each_value_that_is_no_longer_there() -> None:
    conflicts = _conflicts(OLD, NEW, NEW)
    assert conflicts[0] == "operation 1 (rank-changed 甲局): rank is '副厅级', expected '正处级'"
    assert conflicts[1] == "operation 2 (plaque-removed 甲局): plaque '旧牌' is not there"
    assert conflicts[2:] == [
        "operation 4 (quota-changed 甲局): no administrative quota 10",
        "operation 5 (attribute-changed 甲局): relations is not the expected value",
    ]


SECTIONS = 'body a "A" {{\n{}}}\n'


def _section(i: str, name: str) -> str:
    return f'  section {i} "{name}" {{ duties {{ duty "{name}的职责" }} }}\n'


def test_a_new_unit_cannot_be_placed_past_the_end() -> None:
    old = SECTIONS.format(_section("b", "B") + _section("c", "C"))
    new = SECTIONS.format(_section("b", "B") + _section("d", "D") + _section("c", "C"))
    assert _conflicts(old, new, SECTIONS.format("")) == [
        "operation 1 (establish D): position 1 is past the end (0 units)"
    ]


def test_a_unit_with_units_below_it_is_not_abolished() -> None:
    old = SECTIONS.format(_section("b", "B"))
    base = 'body a "A" {\n  section b "B" {\n    duties { duty "B的职责" }\n    section e "E" { duties { duty "q" } }\n  }\n}\n'
    assert _conflicts(old, SECTIONS.format(""), base) == [
        "operation 1 (abolish B): unit @b still has 1 unit(s) below it"
    ]


def test_a_reorder_needs_the_same_units_in_the_same_order() -> None:
    old = SECTIONS.format(_section("b", "B") + _section("c", "C"))
    new = SECTIONS.format(_section("c", "C") + _section("b", "B"))
    base = SECTIONS.format(_section("b", "B") + _section("c", "C") + _section("g", "G"))
    assert _conflicts(old, new, base) == ["operation 1 (reorder A): the units under @a are not in the expected order"]
    # on the spec it was made from, the same diff applies
    assert apply(orgspec.loads(old), diff(orgspec.loads(old), orgspec.loads(new))) == orgspec.loads(new)


def test_a_move_needs_both_parents() -> None:
    old = SECTIONS.format(_section("b", "B")) + 'body z "Z" {\n}\n'
    new = SECTIONS.format("") + 'body z "Z" {\n' + _section("b", "B") + "}\n"
    assert _conflicts(old, new, SECTIONS.format(_section("b", "B"))) == ["operation 1 (move B): unit @z is not there"]
    other = old.replace('body a "A"', 'body y "A"')
    assert _conflicts(old, new, other) == ["operation 1 (move B): unit @a is not there"]
