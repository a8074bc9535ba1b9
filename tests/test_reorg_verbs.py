"""An event's ``verb``: the document's word for a change (设立, 撤销, 改制, 统一领导, 转隶, …).

The words are those of the corpus texts (../shared/corpus/reorg): 设立中央金融委员会办公室 (10, 11),
成立山西省环渤海招商局 and 撤销9个驻外机构 (21), 不再设立国务院深化医药卫生体制改革领导小组办公室 (01),
不再保留单设的国家乡村振兴局 (10), 中央社会工作部统一领导国家信访局 (10), 人事部改制为人力资源和社会保障部
(07), 吉林省外国专家局由吉林省科学技术厅转隶至吉林省人力资源和社会保障厅 (28). The expected sentences
are written by hand after those texts.
"""

from __future__ import annotations

import json

import pytest

import orgspec
from orgspec.reorg import apply, diff, invert
from orgspec.reorg.ops import Abolish, Establish
from orgspec.reorg.render_zh import render_zh

OLD = """\
body "甲办" {}
body "乙办" {}
body "丙局" {
  superior "丁部"
}
body "丁部" {}
body "戊部" {}
body "己厅" {
  plaque "某省外国专家局"
}
body "庚厅" {}
body "人事部" {}
"""
NEW = """\
body "子办" {
  history { event established 2023-03 { verb "设立" } }
}
body "丙局" {
  superior "戊部"
  history { event moved 2023-03 { from "丁部"; to "戊部"; verb "统一领导" } }
}
body "丁部" {}
body "戊部" {}
body "己厅" {}
body "庚厅" {
  plaque "某省外国专家局"
  history { event plaque-added 2024-01 { plaque "某省外国专家局"; verb "转隶" } }
}
body "人力资源和社会保障部" {
  history { event established 2008-03 { from "人事部"; verb "改制" } }
}
history {
  event abolished 2023-03 { unit "甲办"; verb "撤销" }
  event abolished 2023-03 { unit "乙办"; verb "不再设立" }
}
"""


def test_each_verb_is_said_as_the_text_says_it() -> None:
    old, new = orgspec.loads(OLD), orgspec.loads(NEW)
    d = diff(old, new)
    assert apply(old, d) == new
    assert apply(new, invert(d)) == old
    assert render_zh(d).splitlines() == [
        "1. 设立子办。",
        "2. 人事部改制为人力资源和社会保障部。",
        "3. 撤销甲办。",
        "4. 不再设立乙办。",
        "5. 某省外国专家局由己厅转隶至庚厅。",
        "6. 丙局由丁部调整为戊部统一领导。",
    ]


def test_the_operations_carry_the_verb_in_json_and_the_inverse_carries_none() -> None:
    d = diff(orgspec.loads(OLD), orgspec.loads(NEW))
    verbs = {(o["op"], o["name"]): o.get("verb") for o in json.loads(d.model_dump_json())["operations"]}
    assert verbs[("establish", "子办")] == "设立"
    assert verbs[("abolish", "甲办")] == "撤销"
    assert verbs[("reconstitute", "人力资源和社会保障部")] == "改制"
    assert verbs[("move", "丙局")] == "统一领导"
    assert verbs[("plaque-added", "庚厅")] == "转隶"
    back = invert(d)
    assert all(getattr(op, "verb", None) is None for op in back.operations)
    # the inverse of 撤销甲办 re-establishes it: 组建, not 撤销
    assert any(isinstance(op, Establish) and op.name == "甲办" for op in back.operations)
    assert "组建甲办。" in [line.split(". ", 1)[1] for line in render_zh(back).splitlines()]


def test_a_traditional_verb_is_accepted_and_said_in_the_names_script() -> None:
    old = orgspec.loads('body "甲辦" {}\nbody "乙辦" {}\n')
    new = orgspec.loads('body "乙辦" {}\nhistory {\n  event abolished 2023-03 { unit "甲辦"; verb "撤銷" }\n}\n')
    d = diff(old, new)
    assert [op.verb for op in d.operations if isinstance(op, Abolish)] == ["撤銷"]
    assert render_zh(d).splitlines() == ["1. 撤銷甲辦。"]


def test_the_abolitions_of_one_word_are_one_sentence_and_other_words_another() -> None:
    old = orgspec.loads('body "甲办" {}\nbody "乙办" {}\nbody "丙办" {}\n')
    new = orgspec.loads(
        "history {\n"
        '  event abolished 2023-03 { unit "甲办"; verb "撤销" }\n'
        '  event abolished 2023-03 { unit "乙办" }\n'
        '  event abolished 2023-03 { unit "丙办"; verb "撤销" }\n'
        "}\n"
    )
    assert render_zh(diff(old, new)).splitlines() == ["1. 撤销甲办、丙办。", "2. 不再保留乙办。"]


@pytest.mark.parametrize(
    ("event", "column"),
    [
        ('event abolished 2023 { unit "甲办"; verb "设立" }', 42),  # 设立 words an establishment
        ('event renamed 2023 { from "甲办"; verb "更名" }', 40),  # a rename takes no verb
    ],
)
def test_a_verb_that_does_not_word_the_event_is_os206(event: str, column: int) -> None:
    found = orgspec.check_text(f"history {{\n  {event}\n}}\n")
    assert [(d.code, d.line, d.column) for d in found if d.severity.value == "error"] == [("OS206", 2, column)]


@pytest.mark.parametrize("verb", ["设置", "設置"])
def test_setting_up_a_body_may_be_worded_shezhi(verb: str) -> None:
    """设置 words an establishment ("總統府即於2008年設置財經諮詢小組", found-75): no OS206."""
    found = orgspec.check_text(f'body "甲" {{\n  history {{ event established 2008 {{ verb "{verb}" }} }}\n}}\n')
    assert [d.code for d in found if d.severity.value == "error"] == []


def test_an_item_is_a_number_from_one() -> None:
    found = orgspec.check_text('body "甲" {\n  history { event established 2023 { item 0 } }\n}\n')
    assert [(d.code, d.line) for d in found if d.severity.value == "error"] == [("OS204", 2)]
    found = orgspec.check_text('body "甲" {\n  history { event established 2023 { item "一" } }\n}\n')
    assert {(d.code, d.line) for d in found if d.severity.value == "error"} == {("OS202", 2)}


def test_a_duty_moved_is_said_with_its_verb_from_a_function_change_or_an_event() -> None:
    # 22: 将原省公安厅负责的华侨来陕定居审批职责划转省政府外事办公室 (a 三定's function change)
    old = orgspec.loads('body "外办" {}\nbody "公安厅" {\n  duties { duty "华侨来陕定居审批" }\n}\n')
    stated = (
        'body "外办" {\n  duties { duty "华侨来陕定居审批" }\n  function-changes {\n'
        '    transferred-in "华侨来陕定居审批" from "公安厅" { verb "划转" }\n  }\n}\nbody "公安厅" {}\n'
    )
    new = orgspec.loads(stated)
    assert orgspec.loads(orgspec.dumps(new)) == new
    d = diff(old, new)
    assert render_zh(d).splitlines() == ["1. 将公安厅的“华侨来陕定居审批”职责划转外办。"]
    assert render_zh(invert(d)).splitlines() == ["1. 将外办的“华侨来陕定居审批”职责划入公安厅。"]
    by_event = orgspec.loads(
        'body "外办" {\n  duties { duty "华侨来陕定居审批" }\n  history {\n'
        '    event duties-transferred 2014 { from "公安厅"; duty "华侨来陕定居审批"; verb "划转" }\n  }\n}\n'
        'body "公安厅" {}\n'
    )
    assert render_zh(diff(old, by_event)).splitlines() == ["1. 将公安厅的“华侨来陕定居审批”职责划转外办。"]


def test_a_function_change_takes_only_a_verb_of_its_kind() -> None:
    text = 'body "外办" {\n  function-changes {\n    transferred-in "甲" from "乙" { verb "撤销"; note "x" }\n  }\n}\n'
    found = [(d.code, d.line) for d in orgspec.check_text(text) if d.severity.value == "error"]
    assert sorted(found) == [("OS201", 3), ("OS206", 3)]


def test_a_transfer_takes_the_verb_of_the_event_that_states_it_on_either_side() -> None:
    old = orgspec.loads('body "外办" {}\nbody "公安厅" {\n  duties { duty "华侨来陕定居审批" }\n}\n')
    # stated by the giving body: 公安厅's history says where its duty went, and with which word
    by_source = orgspec.loads(
        'body "外办" {\n  duties { duty "华侨来陕定居审批" }\n}\nbody "公安厅" {\n  history {\n'
        '    event duties-transferred 2014 { to "外办"; duty "华侨来陕定居审批"; verb "划转" }\n  }\n}\n'
    )
    assert render_zh(diff(old, by_source)).splitlines() == ["1. 将公安厅的“华侨来陕定居审批”职责划转外办。"]
    # an event naming another body does not word this transfer
    to_other = orgspec.loads(orgspec.dumps(by_source).replace('to "外办"', 'to "民政厅"'))
    assert render_zh(diff(old, to_other)).splitlines() == ["1. 将公安厅的“华侨来陕定居审批”职责划入外办。"]


def test_an_earlier_transfer_s_verb_does_not_word_a_new_one() -> None:
    # the receiving body's history already held a 划转 of an earlier year; this year's move states no word
    earlier = '    event duties-transferred 2010 { from "公安厅"; duty "出入境证件审批"; verb "划转" }\n'
    old = orgspec.loads(
        f'body "外办" {{\n  history {{\n{earlier}  }}\n}}\nbody "公安厅" {{\n  duties {{ duty "华侨来陕定居审批" }}\n}}\n'
    )
    new = orgspec.loads(
        f'body "外办" {{\n  duties {{ duty "华侨来陕定居审批" }}\n  history {{\n{earlier}'
        '    event duties-transferred 2014 { from "公安厅"; duty "华侨来陕定居审批" }\n  }\n}\nbody "公安厅" {}\n'
    )
    assert render_zh(diff(old, new)).splitlines() == ["1. 将公安厅的“华侨来陕定居审批”职责划入外办。"]
    # the same when the giving body's history holds the earlier 划转
    given = '    event duties-transferred 2010 { to "外办"; duty "出入境证件审批"; verb "划转" }\n'
    old = orgspec.loads(
        f'body "外办" {{}}\nbody "公安厅" {{\n  duties {{ duty "华侨来陕定居审批" }}\n  history {{\n{given}  }}\n}}\n'
    )
    new = orgspec.loads(
        f'body "外办" {{\n  duties {{ duty "华侨来陕定居审批" }}\n}}\nbody "公安厅" {{\n  history {{\n{given}  }}\n}}\n'
    )
    assert render_zh(diff(old, new)).splitlines() == ["1. 将公安厅的“华侨来陕定居审批”职责划入外办。"]


def test_a_transfer_stated_as_hua_chu_by_the_giving_body_is_said_hua_ru() -> None:
    # 划出 is the giving body's word: the sentence names both bodies, so it says 划入 (将甲的…职责划出乙 is no Chinese)
    old = orgspec.loads('body "外办" {}\nbody "公安厅" {\n  duties { duty "华侨来陕定居审批" }\n}\n')
    new = orgspec.loads(
        'body "外办" {\n  duties { duty "华侨来陕定居审批" }\n}\nbody "公安厅" {\n  function-changes {\n'
        '    transferred-out "华侨来陕定居审批" to "外办" { verb "划出" }\n  }\n}\n'
    )
    d = diff(old, new)
    assert [getattr(op, "verb", None) for op in d.operations if op.op == "duty-transferred"] == ["划出"]
    assert render_zh(d).splitlines() == ["1. 将公安厅的“华侨来陕定居审批”职责划入外办。"]


def test_an_earlier_move_s_verb_does_not_word_a_new_one() -> None:
    # 丙局 came under 戊部 in 2018 (统一领导); it now goes to 己部, and no event words that move
    earlier = '  history { event moved 2018-03 { from "丁部"; to "戊部"; verb "统一领导" } }\n'
    others = 'body "丁部" {}\nbody "戊部" {}\nbody "己部" {}\n'
    old = orgspec.loads('body "丙局" {\n  superior "戊部"\n' + earlier + "}\n" + others)
    new = orgspec.loads('body "丙局" {\n  superior "己部"\n' + earlier + "}\n" + others)
    d = diff(old, new)
    assert [getattr(op, "verb", None) for op in d.operations] == [None]
    assert render_zh(d).splitlines() == ["1. 丙局由戊部调整为己部管理。"]
