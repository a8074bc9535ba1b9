"""A change no event states has a place too: the function change or relation that states it gives its item.

A plan says 1、撤销丁办。2、甲局增加“负责乙工作”职责。3、组建丙局。4、甲局与丙局合署办公。 The abolition and the
establishment are events; the duty added is a function change of 甲局 (职能转变: 增加…) and the
co-location a relation of 甲局. Each states its item, so the summary follows the plan. The expected
sentences are the plan's, written by hand.
"""

from __future__ import annotations

import pytest

import orgspec
from orgspec.fmt import format_text
from orgspec.model.units import Spec
from orgspec.reorg import diff
from orgspec.reorg.order import document_order
from orgspec.reorg.render_zh import render_zh

OLD = """\
body "甲局" {
  duties { duty "负责甲工作" }
}
body "丁办"
"""

NEW = """\
body "甲局" {
  colocated "丙局" { item 4 }
  duties {
    duty "负责甲工作"
    duty "负责乙工作"
  }
  function-changes { added "负责乙工作" { item 2 } }
}
body "丙局" {
  history { event established { item 3 } }
}
history {
  event abolished { unit "丁办"; item 1 }
}
"""

PLAN = ["1. 不再保留丁办。", "2. 甲局增加“负责乙工作”职责。", "3. 组建丙局。", "4. 甲局与丙局合署办公。"]


def _zh(old_text: str, new_text: str) -> list[str]:
    old, new = orgspec.loads(old_text), orgspec.loads(new_text)
    d = diff(old, new)
    return render_zh(d, document_order(old, new, d)).splitlines()


def test_a_duty_added_and_a_relation_take_the_items_of_the_statements_that_state_them() -> None:
    assert _zh(OLD, NEW) == PLAN


def test_without_their_items_the_summary_keeps_the_grouped_order() -> None:
    # the behaviour before: a duty added and a relation of a body no event concerns have no place
    bare = NEW.replace('colocated "丙局" { item 4 }', 'colocated "丙局"').replace(
        'function-changes { added "负责乙工作" { item 2 } }', ""
    )
    assert _zh(OLD, bare) == [
        "1. 组建丙局。",
        "2. 不再保留丁办。",
        "3. 甲局与丙局合署办公。",
        "4. 甲局增加“负责乙工作”职责。",
    ]


def test_a_cancelled_duty_takes_the_item_of_its_function_change() -> None:
    old = 'body "甲局" {\n  duties {\n    duty "负责甲工作"\n    duty "负责丙工作"\n  }\n}\nbody "乙办"\n'
    new = (
        'body "甲局" {\n  duties { duty "负责甲工作" }\n'
        '  function-changes { cancelled "负责丙工作" { item 1 } }\n}\n'
        'history { event abolished { unit "乙办"; item 2 } }\n'
    )
    assert _zh(old, new) == ["1. 取消甲局的“负责丙工作”职责。", "2. 不再保留乙办。"]


def test_a_relations_since_is_its_date() -> None:
    # 2018: 丙局 is established; 2020: 甲局 and 丙局 work as one (合署办公); 2021: 丁办 goes
    old = 'body "甲局"\nbody "丁办"\n'
    new = (
        'body "甲局" {\n  colocated "丙局" { since 2020 }\n}\n'
        'body "丙局" {\n  history { event established 2018 {} }\n}\n'
        'history { event abolished 2021 { unit "丁办" } }\n'
    )
    assert _zh(old, new) == ["1. 组建丙局。", "2. 甲局与丙局合署办公。", "3. 不再保留丁办。"]


def test_an_undated_statement_with_an_item_follows_the_dated_statement_before_it() -> None:
    # 1、2019年组建丙局。2、甲局增加“负责乙工作”职责 (no date)。3、2020年撤销丁办。 The undated item 2 takes
    # the date of item 1; without its item it would be undated, and come first.
    old = 'body "甲局"\nbody "丁办"\n'
    new = (
        'body "甲局" {\n  duties { duty "负责乙工作" }\n'
        '  function-changes { added "负责乙工作" { item 2 } }\n}\n'
        'body "丙局" {\n  history { event established 2019 { item 1 } }\n}\n'
        'history { event abolished 2020 { unit "丁办"; item 3 } }\n'
    )
    assert _zh(old, new) == ["1. 组建丙局。", "2. 甲局增加“负责乙工作”职责。", "3. 不再保留丁办。"]
    o, n = orgspec.loads(old), orgspec.loads(new)
    d = diff(o, n)
    places = {type(op).__name__: p for op, p in zip(d.operations, document_order(o, n, d), strict=True)}
    assert places["DutyAdded"] == (1, (2019, 0, 0), 2)
    assert places["Abolish"] == (1, (2020, 0, 0), 3)


def test_an_undated_statement_with_no_dated_item_before_it_stays_first() -> None:
    old = 'body "甲局"\n'
    new = (
        'body "甲局" {\n  duties { duty "负责乙工作" }\n'
        '  function-changes { added "负责乙工作" { item 5 } }\n}\n'
        'body "丙局" {\n  history { event established 2019 { item 6 } }\n}\n'
    )
    o, n = orgspec.loads(old), orgspec.loads(new)
    d = diff(o, n)
    places = {type(op).__name__: p for op, p in zip(d.operations, document_order(o, n, d), strict=True)}
    assert places["DutyAdded"] == (0, (0, 0, 0), 5)
    assert places["Establish"] == (1, (2019, 0, 0), 6)


def test_a_statement_the_old_side_already_has_gives_no_place() -> None:
    # 甲局 keeps its co-location (item 9 of an earlier plan) and gains a relation no item states: the
    # change of its relations has no place (the old item is not this diff's)
    old = orgspec.loads('body "甲局" {\n  colocated "乙局" { item 9 }\n}\nbody "乙局"\n')
    new = orgspec.loads('body "甲局" {\n  colocated "乙局" { item 9 }\n  managed-by "戊局"\n}\nbody "乙局"\n')
    d = diff(old, new)
    assert [op.op for op in d.operations] == ["attribute-changed"]
    assert document_order(old, new, d) == [None]


@pytest.mark.parametrize(
    "text",
    [
        'body "甲局" {\n  colocated "乙局" {\n    since 2019\n    item 4\n  }\n}\nbody "乙局"\n',
        'body "甲局" {\n  function-changes {\n    added "负责乙工作" {\n      item 2\n    }\n'
        '    transferred-in "华侨" from "乙局" {\n      verb "划转"\n      item 3\n    }\n  }\n}\nbody "乙局"\n',
    ],
)
def test_the_item_of_a_relation_or_function_change_survives_fmt_json_and_unlowering(text: str) -> None:
    spec = orgspec.loads(text)
    assert orgspec.loads(text.replace("item ", "item 1")) != spec  # a stated fact, like an event's item
    assert Spec.model_validate_json(spec.model_dump_json()) == spec
    assert format_text(text) == text
    assert orgspec.loads(orgspec.dumps(spec)) == spec
    assert orgspec.dumps(spec).count("item ") == text.count("item ")


def test_an_item_of_zero_is_a_located_error() -> None:
    for text, at in (
        ('body "甲局" {\n  colocated "乙局" { item 0 }\n}\nbody "乙局"\n', "item 0"),
        ('body "甲局" {\n  function-changes { added "x" { item 0 } }\n}\n', "item 0"),
    ):
        found = [d for d in orgspec.check_text(text) if d.severity.value == "error"]
        assert [d.code for d in found] == ["OS204"]
        assert found[0].span is not None
        assert text.index(at) + len("item ") == found[0].span.start


@pytest.mark.parametrize(
    ("new_jia", "new_yi", "said"),
    [
        # 将甲局的“负责乙工作”职责划入乙局, stated by the body it left (划出)
        (
            '  duties { duty "负责甲工作" }\n  function-changes { transferred-out "负责乙工作" to "乙局" { item 2 } }\n',
            '  duties { duty "负责乙工作" }\n',
            "2. 将甲局的“负责乙工作”职责划入乙局。",
        ),
        # the same, stated by the body it joined (划入)
        (
            '  duties { duty "负责甲工作" }\n',
            '  duties { duty "负责乙工作" }\n  function-changes { transferred-in "负责乙工作" from "甲局" { item 2 } }\n',
            "2. 将甲局的“负责乙工作”职责划入乙局。",
        ),
        # a duty from a body outside the spec (划入 from 戊部)
        (
            '  duties {\n    duty "负责甲工作"\n    duty "负责乙工作"\n    duty "负责戊工作"\n  }\n'
            '  function-changes { transferred-in "负责戊工作" from "戊部" { item 2 } }\n',
            "",
            "2. 将戊部的“负责戊工作”职责划入甲局。",
        ),
    ],
    ids=["transferred-out", "transferred-in", "from-outside"],
)
def test_a_duty_moved_takes_the_item_of_the_function_change_on_either_side(
    new_jia: str, new_yi: str, said: str
) -> None:
    old = 'body "甲局" {\n  duties {\n    duty "负责甲工作"\n    duty "负责乙工作"\n  }\n}\nbody "乙局"\nbody "丁办"\n'
    new = (
        f'body "甲局" {{\n{new_jia}}}\nbody "乙局" {{\n{new_yi}}}\n'
        'body "丙局" {\n  history { event established { item 3 } }\n}\n'
        'history { event abolished { unit "丁办"; item 1 } }\n'
    )
    assert _zh(old, new) == ["1. 不再保留丁办。", said, "3. 组建丙局。"]
