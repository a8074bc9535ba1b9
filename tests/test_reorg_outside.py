"""Issue 15's remaining operations: duties to or from a body outside the spec (划入 that body, not 取消),
a split (分设) with a successor outside the spec, a rename that keeps or changes the short name
(简称), and the zh summary in the order of the history's dates.

Each case checks the zh sentences written by hand and the laws ``apply(old, diff) == new`` and
``apply(new, invert(diff)) == old``.
"""

from __future__ import annotations

import orgspec
from orgspec.history import as_of
from orgspec.reorg import Diff, apply, diff, invert
from orgspec.reorg.ops import DutyAdded, DutyCancelled, Rename, Split
from orgspec.reorg.order import document_order
from orgspec.reorg.render_text import render_text
from orgspec.reorg.render_zh import render_zh

B = "（依据《某省机构改革方案》）"
BASIS = 'basis { title "某省机构改革方案" }'


def _laws(old: orgspec.Spec, new: orgspec.Spec) -> Diff:
    d = diff(old, new)
    assert apply(old, d) == new
    assert apply(new, invert(d)) == old
    return d


def _zh(old: orgspec.Spec, new: orgspec.Spec) -> list[str]:
    d = _laws(old, new)
    return render_zh(d, document_order(old, new, d)).splitlines()


def test_a_duty_given_to_a_body_outside_the_spec_is_transferred_there_not_cancelled() -> None:
    old = orgspec.loads('body "甲局" {\n  duties {\n    duty "负责甲工作。"\n    duty "负责乙工作。"\n  }\n}\n')
    new = orgspec.loads(
        'body "甲局" {\n  duties { duty "负责甲工作。" }\n'
        f'  history {{ event duties-transferred 2018-10 {{ to "乙厅"; duty "负责乙工作。"; {BASIS} }} }}\n}}\n'
    )
    d = _laws(old, new)
    cancelled = [op for op in d.operations if isinstance(op, DutyCancelled)]
    assert [(op.counterpart, op.basis[0].title) for op in cancelled] == [("乙厅", "某省机构改革方案")]
    assert _zh(old, new) == [f"1. 将甲局的“负责乙工作”职责划入乙厅{B}。"]
    # the other way round: the duty came from the body outside the spec
    added = [op for op in invert(d).operations if isinstance(op, DutyAdded)]
    assert [op.counterpart for op in added] == ["乙厅"]
    assert render_zh(invert(d)).splitlines() == [f"1. 将乙厅的“负责乙工作”职责划入甲局{B}。"]


def test_a_function_change_names_the_body_outside_the_spec_a_duty_came_from() -> None:
    old = orgspec.loads('body "甲局" {\n  duties { duty "负责甲工作。" }\n}\n')
    new = orgspec.loads(
        'body "甲局" {\n  duties {\n    duty "负责甲工作。"\n    duty "负责丙工作。"\n  }\n'
        '  function-changes {\n    transferred-in "负责丙工作。" from "丙委"\n  }\n}\n'
    )
    assert _zh(old, new) == ["1. 将丙委的“负责丙工作”职责划入甲局。"]


def test_a_split_with_a_successor_outside_the_spec_is_stated_as_split() -> None:
    old = orgspec.loads('body "甲局" {\n  duties {\n    duty "负责甲工作。"\n    duty "负责乙工作。"\n  }\n}\n')
    new = orgspec.loads(
        'body "甲一局" {\n  duties { duty "负责甲工作。" }\n}\n'
        f'history {{\n  event split 2018-10 {{ unit "甲局"; to "甲二局"; duty "负责乙工作。"; {BASIS} }}\n}}\n'
    )
    d = _laws(old, new)
    splits = [op for op in d.operations if isinstance(op, Split)]
    assert [(op.name, op.into_names, op.external) for op in splits] == [("甲局", ("甲一局",), ("甲二局",))]
    assert splits[0].basis[0].title == "某省机构改革方案"
    assert not [n for n in d.notes if n.code == "duty-unaccounted"]  # 负责乙工作 went to 甲二局
    lines = _zh(old, new)
    assert f"将甲局分设为甲一局和甲二局{B}。" in "\n".join(lines)
    assert not any("不再保留甲局" in line or "取消" in line or "撤销" in line for line in lines)
    assert any("将甲局的“负责甲工作”职责划入甲一局" in line for line in lines)


def test_a_rename_that_keeps_the_short_name_says_so_in_its_sentence() -> None:
    old = orgspec.loads('body a "某市人民政府外事办公室" {\n  short-name "市外办"\n}\n')
    new = orgspec.loads('body a "某市外事办公室" {\n  short-name "市外办"\n}\n')
    d = _laws(old, new)
    assert [op.short_names for op in d.operations if isinstance(op, Rename)] == [("市外办",)]
    assert _zh(old, new) == ["1. 某市人民政府外事办公室更名为某市外事办公室，简称不变。"]


def test_a_rename_that_changes_the_short_name_says_it_once() -> None:
    old = orgspec.loads('body a "某市人民政府外事侨务办公室" {\n  short-name "市外侨办"\n}\n')
    new = orgspec.loads('body a "某市人民政府外事办公室" {\n  short-name "市外办"\n}\n')
    assert _zh(old, new) == ["1. 某市人民政府外事侨务办公室更名为某市人民政府外事办公室，简称由市外侨办调整为市外办。"]
    assert _zh(new, old) == ["1. 某市人民政府外事办公室更名为某市人民政府外事侨务办公室，简称由市外办调整为市外侨办。"]


def test_a_short_name_changed_without_a_rename_has_its_own_sentence() -> None:
    old = orgspec.loads('body a "某市外事办公室"\n')
    new = orgspec.loads('body a "某市外事办公室" {\n  short-name "市外办"\n}\n')
    assert _zh(old, new) == ["1. 某市外事办公室简称调整为市外办。"]


HISTORY = """\
body "某局" {
  history {
    event plaque-added 2001-02 { plaque "某办"; basis { title "甲文件" } }
    event renamed 2009-05 { from "某处"; to "某局"; basis { title "乙文件" } }
  }
  plaque "某办"
}
"""


def test_a_history_diff_goes_date_by_date_and_a_two_file_diff_is_grouped() -> None:
    spec = orgspec.loads(HISTORY)
    old, new = as_of(spec, "2000"), as_of(spec, "2010")
    d = _laws(old, new)
    dated = render_zh(d, document_order(old, new, d)).splitlines()
    grouped = render_zh(d).splitlines()
    assert dated == ["1. 某局加挂某办牌子（依据《甲文件》）。", "2. 某处更名为某局（依据《乙文件》）。"]
    # without places: the plans' grouped order (更名 before 加挂)
    assert grouped == ["1. 某处更名为某局（依据《乙文件》）。", "2. 某局加挂某办牌子（依据《甲文件》）。"]


FIGURES = """\
body "甲局" {
  quota administrative 444
  history {
    event quota-transferred 2023-09-24 {
      category administrative
      from "乙部"
      amount 4
    }
    event posts-transferred 2023-09-24 {
      from "乙部"
      amount 1
    }
    event quota-transferred 2023-09-24 {
      category administrative
      to "丙部"
      amount 3
    }
  }
}

body "丙部" {
  quota administrative 100
}
"""


def test_a_figure_moved_without_totals_round_trips_and_changes_each_stated_quota() -> None:
    spec = orgspec.loads(FIGURES)
    assert orgspec.dumps(spec) == FIGURES
    before = as_of(spec, "2023")
    # 甲局 received 4 from 乙部 (outside the spec) and gave 3 to 丙部, whose stated figure changes too
    assert [str(b.quotas[0].count) for b in before.bodies] == ["443", "97"]


def test_a_figure_moved_is_a_declared_transfer_in_the_summary() -> None:
    spec = orgspec.loads(FIGURES)
    old, new = as_of(spec, "2023"), spec
    lines = _zh(old, new)
    assert "将乙部的行政编制4名划入甲局。" in "\n".join(lines)
    assert "将甲局的行政编制3名划入丙部。" in "\n".join(lines)
    assert "将乙部的领导职数1名划入甲局。" in "\n".join(lines)


def test_a_body_that_stays_and_gives_all_its_duties_is_named_in_the_merge() -> None:
    old = orgspec.loads(
        'body "甲局" {\n  duties { duty "负责甲工作。" }\n}\n'
        'body "乙局" {\n  duties { duty "负责乙工作。" }\n}\n'
        'body "指挥部" {\n  duties { duty "指挥部的职责" }\n}\n'
    )
    new_text = (
        'body "丙部" {\n  duties {\n    duty "负责甲工作。"\n    duty "负责乙工作。"\n    duty "指挥部的职责"\n  }\n}\n'
        'body "指挥部" {\n  history {\n    event duties-transferred 2018-03 { to "丙部"; duty "指挥部的职责" }\n  }\n}\n'
    )
    lines = _zh(old, orgspec.loads(new_text))
    assert lines[0] == "1. 将甲局、乙局、指挥部的职责整合，组建丙部。"
    assert not any("划入" in line for line in lines)
    # without the statement, a body left with no duty in the new spec is not taken to have given them all
    plain = orgspec.loads(
        new_text.replace(
            '  history {\n    event duties-transferred 2018-03 { to "丙部"; duty "指挥部的职责" }\n  }\n', ""
        )
    )
    assert "将指挥部的“指挥部的职责”职责划入丙部。" in "\n".join(_zh(old, plain))


def test_a_function_change_says_which_way_a_duty_went_outside_the_spec() -> None:
    gave = orgspec.loads('body "甲局" {\n  function-changes {\n    transferred-out "负责甲" to "外部局"\n  }\n}\n')
    had = orgspec.loads('body "甲局" {\n  duties { duty "负责甲。" }\n}\n')
    assert render_zh(diff(had, gave)).splitlines() == ["1. 将甲局的“负责甲”职责划入外部局。"]
    took = orgspec.loads(
        'body "甲局" {\n  duties { duty "负责甲。" }\n  function-changes {\n'
        '    transferred-in "负责甲" from "外部局"\n  }\n}\n'
    )
    assert render_zh(diff(orgspec.loads('body "甲局" {}\n'), took)).splitlines() == [
        "1. 将外部局的“负责甲”职责划入甲局。"
    ]
    # a statement that the duty came in does not make its cancellation a move out
    wrong_way = orgspec.loads(
        'body "甲局" {\n  function-changes {\n    transferred-in "负责甲" from "外部局"\n  }\n}\n'
    )
    assert render_zh(diff(had, wrong_way)).splitlines() == ["1. 取消甲局的“负责甲”职责。"]


def test_a_duty_moved_to_or_from_a_body_outside_the_spec_is_no_unmatched_declaration() -> None:
    # the function change is what the text states, and the duty did move: no note says it did not
    took = orgspec.loads(
        'body "甲局" {\n  duties { duty "负责甲。" }\n  function-changes {\n'
        '    transferred-in "负责甲" from "外部局"\n  }\n}\n'
    )
    d = diff(orgspec.loads('body "甲局" {}\n'), took)
    assert [n.code for n in d.notes] == []
    assert "duty transferred from 外部局 (outside the spec): 负责甲。" in render_text(d)
    # a declaration of a duty that did not move keeps its note
    stated_only = orgspec.loads(
        'body "甲局" {\n  function-changes {\n    transferred-in "负责乙" from "外部局"\n  }\n}\n'
    )
    assert [n.code for n in diff(orgspec.loads('body "甲局" {}\n'), stated_only).notes] == [
        "declared-transfer-unmatched"
    ]


def test_a_function_change_ending_in_a_full_stop_matches_a_duty_written_without_one() -> None:
    # 。 at the end of either text is not a difference: the declaration still finds the duty that moved
    took = orgspec.loads(
        'body "甲局" {\n  duties { duty "负责甲" }\n  function-changes {\n'
        '    transferred-in "负责甲。" from "外部局"\n  }\n}\n'
    )
    d = diff(orgspec.loads('body "甲局" {}\n'), took)
    assert [n.code for n in d.notes] == []
    assert "duty transferred from 外部局 (outside the spec): 负责甲" in render_text(d)


def test_a_duty_ending_in_a_latin_letter_is_matched_whole_to_its_function_change() -> None:
    # only a trailing 。 is dropped before comparing: a duty ending in X keeps its X
    gave = orgspec.loads(
        'body "甲局" {\n  duties { duty "负责对接SpaceX" }\n  function-changes {\n'
        '    transferred-in "负责对接SpaceX" from "外部局"\n  }\n}\n'
    )
    assert [n.code for n in diff(orgspec.loads('body "甲局" {}\n'), gave).notes] == []
    other = orgspec.loads(
        'body "甲局" {\n  duties { duty "负责对接SpaceX" }\n  function-changes {\n'
        '    transferred-in "负责对接Space" from "外部局"\n  }\n}\n'
    )
    assert [n.code for n in diff(orgspec.loads('body "甲局" {}\n'), other).notes] == ["declared-transfer-unmatched"]


def test_an_unmatched_declaration_says_which_way_and_with_whom() -> None:
    bare = orgspec.loads('body "甲局" {}\n')

    def notes(changes: str) -> list[str]:
        new = orgspec.loads('body "甲局" {\n  function-changes {\n    ' + changes + "\n  }\n}\n")
        return [n.message for n in diff(bare, new).notes]

    tail = "(负责乙…), but no such duty moved between the two specs"
    assert notes('transferred-out "负责乙" to "外部局"') == [f"甲局 states a function transferred-out to 外部局 {tail}"]
    assert notes('transferred-in "负责乙"') == [f"甲局 states a function transferred-in from another body {tail}"]


def test_a_declaration_the_old_spec_already_made_is_no_note_of_this_diff() -> None:
    kept = '  function-changes {\n    transferred-in "负责乙" from "外部局"\n  }\n'
    old = orgspec.loads('body "甲局" {\n' + kept + "}\n")
    new = orgspec.loads('body "甲局" {\n  duties { duty "负责丙" }\n' + kept + "}\n")
    assert diff(old, new).notes == ()


def test_a_split_with_a_successor_outside_the_spec_takes_its_date_in_the_summary() -> None:
    # 2018-10: 甲局 split into 甲一局 and 甲二局 (outside the spec); 2019: 丙局 established, said last
    old = orgspec.loads('body "甲局" {\n  duties {\n    duty "负责甲工作。"\n    duty "负责乙工作。"\n  }\n}\n')
    new = orgspec.loads(
        'body "甲一局" {\n  duties { duty "负责甲工作。" }\n  history { event established 2018-10 {} }\n}\n'
        'body "丙局" {\n  history { event established 2019 {} }\n}\n'
        f'history {{\n  event split 2018-10 {{ unit "甲局"; to "甲二局"; duty "负责乙工作。"; {BASIS} }}\n}}\n'
    )
    assert _zh(old, new) == [
        "1. 组建甲一局。",
        f"2. 将甲局分设为甲一局和甲二局{B}。",
        "3. 将甲局的“负责甲工作”职责划入甲一局。",
        "4. 组建丙局。",
    ]
