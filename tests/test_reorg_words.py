"""What a reform sentence says beyond its operation: a new body's kind and rank, duties handed to an executor.

The texts say a new body's kind or standing in some 组建 sentences and not in others of one plan
(../shared/corpus/reorg/01: 1、组建自然资源部 has none, (七) 组建应急管理部，作为国务院组成部门 has one),
and a rank in brackets (21: 成立山西省环渤海招商局（正处级建制）); an ``established`` or ``reestablished``
event's ``as`` and ``rank`` keep those words. Duties can go to an executor that is no body of the spec
and that no spec lists them for (05: 商標、專利執法職責交由市場監管綜合執法隊伍承擔): a ``duties-transferred``
event ``to`` it with ``verb "交由"``. The expected sentences are written by hand after those texts.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import orgspec
from orgspec.model import Spec
from orgspec.model.script import fold_script
from orgspec.model.units import Event, EventKind
from orgspec.reorg import apply, diff, invert
from orgspec.reorg.ops import DutiesHandedOver, Establish, Reconstitute
from orgspec.reorg.render_text import render_text
from orgspec.reorg.render_zh import render_zh

from .strategies import _flat, _get, _replace, specs

OLD = """\
body "甲部" {
  duties {
    duty "甲部的职责"
  }
}
body "丙局" {}
body "丁委" {}
"""
NEW = """\
body "乙部" {
  kind "组成部门"
  duties {
    duty "甲部的职责"
  }
  history {
    event established 2018-03 {
      as "国务院组成部门"
    }
  }
}
body "戊局" {
  rank "正处级"
  history {
    event established 2018-03 {
      verb "成立"
      rank "正处级建制"
    }
  }
}
body "丙局" {
  history {
    event reestablished 2018-03 {
      as "国务院直属机构"
      rank "正部级"
    }
    event duties-transferred 2018-03 {
      to "综合执法队伍"
      verb "交由"
      duty "甲、乙执法"
    }
  }
}
body "丁委" {}
"""


def _pair() -> tuple[orgspec.Spec, orgspec.Spec]:
    return orgspec.loads(OLD), orgspec.loads(NEW)


def test_as_and_rank_round_trip_through_the_formatter_and_the_model() -> None:
    new = orgspec.loads(NEW)
    established = new.bodies[0].history[0]
    assert (established.stated_as, established.stated_rank) == ("国务院组成部门", None)
    assert (new.bodies[1].history[0].stated_as, new.bodies[1].history[0].stated_rank) == (None, "正处级建制")
    text = orgspec.dumps(new)
    assert 'as "国务院组成部门"' in text
    assert 'rank "正处级建制"' in text
    assert orgspec.loads(text) == new
    dumped = json.loads(new.model_dump_json())["bodies"][2]["history"][0]
    assert (dumped["stated_as"], dumped["stated_rank"]) == ("国务院直属机构", "正部级")


def test_the_sentence_says_the_kind_and_rank_where_the_event_states_them() -> None:
    old, new = _pair()
    d = diff(old, new)
    assert apply(old, d) == new
    assert apply(new, invert(d)) == old
    assert render_zh(d).splitlines() == [
        "1. 组建乙部，作为国务院组成部门。",
        "2. 成立戊局（正处级建制）。",
        "3. 重新组建丙局（正部级），作为国务院直属机构。",
        "4. 将甲部的“甲部的职责”职责划入乙部。",
        "5. 不再保留甲部。",
        "6. “甲、乙执法”职责交由综合执法队伍承担。",
    ]


def test_a_kind_the_unit_holds_is_not_said_unless_the_event_says_it() -> None:
    # 01: 1、组建自然资源部 (a 组成部门 too) says no kind; only the event's `as` makes the sentence say one
    old = orgspec.loads('body "甲" {}\n')
    new = orgspec.loads('body "甲" {}\nbody "乙部" {\n  kind "组成部门"\n  history { event established 2018 }\n}\n')
    assert render_zh(diff(old, new)).splitlines() == ["1. 组建乙部。"]


def test_the_words_are_said_in_the_documents_script_and_carried_in_json() -> None:
    old = orgspec.loads('body "環境保護部" {}\n')
    new = orgspec.loads(
        'body "生態環境部" {\n  kind "組成部門"\n  history { event established 2018-03 { as "國務院組成部門" } }\n}\n'
    )
    d = diff(old, new)
    assert render_zh(d).splitlines() == ["1. 組建生態環境部，作為國務院組成部門。", "2. 不再保留環境保護部。"]
    ops = json.loads(d.model_dump_json())["operations"]
    assert [(o["op"], o["stated_as"], o["stated_rank"]) for o in ops if o["op"] == "establish"] == [
        ("establish", "國務院組成部門", None)
    ]


def test_the_inverse_carries_neither_the_words_nor_the_verb() -> None:
    old, new = _pair()
    back = invert(diff(old, new))
    for op in back.operations:
        assert getattr(op, "stated_as", None) is None
        assert getattr(op, "stated_rank", None) is None
        assert getattr(op, "verb", None) is None
    again = [op for op in back.operations if isinstance(op, Reconstitute)]
    assert [op.name for op in again] == ["丙局"]
    said = render_zh(back).splitlines()
    assert "2. 重新组建丙局。" in said
    assert "5. 将综合执法队伍的“甲、乙执法”职责划入丙局。" in said  # the duties come back: no 交由


def test_the_operations_carry_the_words_of_the_stating_event() -> None:
    old, new = _pair()
    d = diff(old, new)
    words = {op.name: (op.stated_as, op.stated_rank) for op in d.operations if isinstance(op, Establish | Reconstitute)}
    assert words == {
        "乙部": ("国务院组成部门", None),
        "戊局": (None, "正处级建制"),
        "丙局": ("国务院直属机构", "正部级"),
    }


@pytest.mark.parametrize("keyword", ["as", "rank"])
@pytest.mark.parametrize("event", ["renamed", "abolished", "kind-changed", "merged"])
def test_as_and_rank_on_another_kind_of_event_are_os201(keyword: str, event: str) -> None:
    text = f'body "甲" {{\n  history {{\n    event {event} 2018 {{ {keyword} "国务院组成部门" }}\n  }}\n}}\n'
    found = orgspec.check_text(text)
    assert [(d.code, d.line, d.column) for d in found if d.severity.value == "error"] == [
        ("OS201", 3, len(f"    event {event} 2018 {{ ") + 1)
    ]


def test_as_takes_one_quoted_string_and_is_stated_once() -> None:
    bad = orgspec.check_text('body "甲" {\n  history { event established 2018 { as constituent-department } }\n}\n')
    assert {(d.code, d.line) for d in bad if d.severity.value == "error"} == {("OS202", 2)}
    twice = orgspec.check_text('body "甲" {\n  history { event established 2018 { as "甲"; as "乙" } }\n}\n')
    assert [(d.code, d.line) for d in twice if d.severity.value == "error"] == [("OS203", 2)]


def test_duties_handed_to_an_executor_change_nothing_and_are_said_with_the_texts_verb() -> None:
    old, new = _pair()
    d = diff(old, new)
    handed = [op for op in d.operations if isinstance(op, DutiesHandedOver)]
    assert [(op.name, op.counterpart, op.duties, op.verb) for op in handed] == [
        ("丙局", "综合执法队伍", ("甲、乙执法",), "交由")
    ]
    assert not [op for op in d.operations if op.op in ("duty-cancelled", "duty-added")]
    assert "duties handed over to 综合执法队伍 (outside the spec): 甲、乙执法" in render_text(d)
    back = invert(d)
    assert [(op.verb, op.back) for op in back.operations if isinstance(op, DutiesHandedOver)] == [(None, True)]
    assert "duties taken back from 综合执法队伍 (outside the spec): 甲、乙执法" in render_text(back)
    twice = [op for op in invert(back).operations if isinstance(op, DutiesHandedOver)]
    assert [(op.back, op.duties, op.counterpart) for op in twice] == [(False, ("甲、乙执法",), "综合执法队伍")]


def test_duties_handed_over_without_the_verb_read_as_moved_in() -> None:
    old = orgspec.loads('body "甲" {}\n')
    new = orgspec.loads('body "甲" {\n  history { event duties-transferred 2018 { to "某队伍"; duty "执法" } }\n}\n')
    assert render_zh(diff(old, new)).splitlines() == ["1. “执法”职责划入某队伍。"]


def test_a_duty_the_old_unit_lists_is_a_cancellation_with_its_counterpart_not_a_handover() -> None:
    old = orgspec.loads('body "甲" { duties { duty "执法" } }\n')
    new = orgspec.loads('body "甲" {\n  history { event duties-transferred 2018 { to "某队伍"; duty "执法" } }\n}\n')
    d = diff(old, new)
    assert not [op for op in d.operations if isinstance(op, DutiesHandedOver)]
    assert render_zh(d).splitlines() == ["1. 将甲的“执法”职责划入某队伍。"]


def test_a_listed_duty_given_to_a_body_outside_the_spec_says_the_texts_verb() -> None:
    old = orgspec.loads('body "甲" { duties { duty "执法" } }\n')
    new = orgspec.loads(
        'body "甲" {\n  history { event duties-transferred 2018 { to "某队伍"; verb "交由"; duty "执法" } }\n}\n'
    )
    d = diff(old, new)
    assert [op.verb for op in d.operations if op.op == "duty-cancelled"] == ["交由"]
    assert render_zh(d).splitlines() == ["1. 将甲的“执法”职责交由某队伍承担。"]
    assert render_zh(invert(d)).splitlines() == ["1. 将某队伍的“执法”职责划入甲。"]


def test_a_handover_to_a_unit_of_the_spec_is_a_transfer_said_with_the_texts_verb() -> None:
    old = orgspec.loads('body "甲" { duties { duty "执法" } }\nbody "乙" {}\n')
    new = orgspec.loads(
        'body "甲" {\n  history { event duties-transferred 2018 { to "乙"; verb "交由"; duty "执法" } }\n}\n'
        'body "乙" { duties { duty "执法" } }\n'
    )
    d = diff(old, new)
    assert not [op for op in d.operations if isinstance(op, DutiesHandedOver)]
    assert render_zh(d).splitlines() == ["1. 将甲的“执法”职责交由乙承担。"]


def test_jiaoyou_is_a_verb_of_a_duties_transfer_and_of_a_function_moved_out_only() -> None:
    ok = orgspec.check_text(
        'body "甲" {\n  function-changes { transferred-out "执法" to "某队伍" { verb "交由" } }\n}\n'
    )
    assert not [d for d in ok if d.severity.value == "error"]
    bad = orgspec.check_text(
        'body "甲" {\n  function-changes { transferred-in "执法" from "某队伍" { verb "交由" } }\n}\n'
    )
    assert [d.code for d in bad if d.severity.value == "error"] == ["OS206"]


@given(spec=specs(max_depth=2, min_bodies=1), where=st.data(), duty=st.text("商标专利执法监管", min_size=1, max_size=8))
@settings(max_examples=30, deadline=None)
def test_a_handover_added_to_any_unit_is_one_operation_that_changes_nothing(
    spec: Spec, where: st.DataObject, duty: str
) -> None:
    # the property over generated specs: whichever unit hands duties no spec lists to an executor
    # outside the spec, the diff has one duties-handed-over for it, applying and undoing hold, and
    # the summary says it with the text's verb
    paths = _flat(spec)
    assume(all(duty != d.text for p in paths for d in _get(spec, p).duties))  # a duty no spec lists
    path = where.draw(st.sampled_from(paths))
    unit = _get(spec, path)
    event = Event(kind=EventKind.DUTIES_TRANSFERRED, after="综合执法队伍", duties=(duty,), verb="交由")
    new = _replace(spec, path, unit.model_copy(update={"history": (*unit.history, event)}))
    d = diff(spec, new)
    handed = [op for op in d.operations if isinstance(op, DutiesHandedOver)]
    assert [(op.name, op.counterpart, list(op.duties)) for op in handed] == [(unit.name, "综合执法队伍", [duty])]
    assert apply(spec, d) == new
    assert apply(new, invert(d)) == spec
    # the summary's own words follow the script of the names (a unit named …辦… is written in traditional)
    assert f"“{duty}”职责交由综合执法队伍承担" in fold_script(render_zh(d))
