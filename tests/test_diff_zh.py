"""The Chinese summary of a diff, sentence by sentence, for the changes the diff goldens do not reach.

Each expectation is written by hand the way a reform plan (机构改革方案) words the change: duties
handed to several bodies, a body's kind and quota category changed together, a body kept as
another's plaque, several bodies no longer kept.
"""

from __future__ import annotations

import pytest

import orgspec
from orgspec.reorg.render_zh import render_zh

ESTABLISHED = '  history { event established 2018-03 { basis { title "改革方案" } } }\n'


def _zh(old: str, new: str) -> list[str]:
    return render_zh(orgspec.diff(orgspec.loads(old), orgspec.loads(new))).splitlines()


def _body(key: str, name: str, *duties: str, extra: str = "") -> str:
    lines = "".join(f'    duty {i} "{d}"\n' for i, d in enumerate(duties, 1))
    return f'body {key} "{name}" {{\n{extra}  duties {{\n{lines}  }}\n}}\n'


DUTIES = [f"负责{x}事务的管理工作" for x in "甲乙丙丁"]


def test_duties_handed_to_two_bodies_unevenly_are_one_sentence_with_a_clause_per_body() -> None:
    old = _body("a", "甲局", *DUTIES)
    new = (
        _body("a", "甲局", DUTIES[3])
        + _body("b", "乙局", DUTIES[0], extra=ESTABLISHED)
        + _body("c", "丙局", DUTIES[1], DUTIES[2], extra=ESTABLISHED)
    )
    assert _zh(old, new) == [
        "1. 组建乙局（依据《改革方案》）。",
        "2. 组建丙局（依据《改革方案》）。",
        "3. 将甲局的“负责甲事务的管理工作”职责划入乙局，“负责乙事务的管理工作”、“负责丙事务的管理工作”职责划入丙局"
        "（依据《改革方案》）。",
    ]


def test_one_duty_to_each_of_two_bodies_is_said_with_fen_bie() -> None:
    old = _body("a", "甲局", DUTIES[0], DUTIES[1], DUTIES[3])
    new = (
        _body("a", "甲局", DUTIES[3])
        + _body("b", "乙局", DUTIES[0], extra=ESTABLISHED)
        + _body("c", "丙局", DUTIES[1], extra=ESTABLISHED)
    )
    assert _zh(old, new)[2] == (
        "3. 将甲局的“负责甲事务的管理工作”、“负责乙事务的管理工作”职责分别划入乙局、丙局（依据《改革方案》）。"
    )


def _kind_and_quota(kind: str, quota: str, other: str = "") -> str:
    return f'{other}body a "甲中心" {{\n  kind "{kind}"\n  quota {quota}\n}}\n'


def test_a_kind_and_quota_category_changed_together_are_one_sentence() -> None:
    old = _kind_and_quota("事业单位", "public-institution 5", other='body b "乙局" {\n  quota logistics 5\n}\n')
    new = _kind_and_quota("行政机构", "administrative 5", other='body b "乙局" {\n}\n')
    # 乙局's 5 logistics staff went too, but they are not the ones 甲中心's 5 became
    assert _zh(old, new) == [
        "1. 甲中心由事业单位调整为行政机构，事业编制5名调整为行政编制。",
        "2. 乙局不再单独核定工勤编制(原5名)。",
    ]


def test_a_kind_change_with_a_new_quota_of_another_size_is_said_in_three_sentences() -> None:
    old = _kind_and_quota("事业单位", "public-institution 5")
    new = _kind_and_quota("行政机构", "administrative 6")
    assert _zh(old, new) == [
        "1. 甲中心机构类别由事业单位调整为行政机构。",
        "2. 甲中心不再单独核定事业编制(原5名)。",
        "3. 甲中心核定行政编制6名。",
    ]


def test_a_body_kept_as_a_plaque_and_another_plaque_added_are_both_said() -> None:
    old = _body("t", "外事办", "负责外事工作") + _body("d", "外专局", "负责引进外国专家工作")
    new = _body("t", "外事办", "负责外事工作", extra='  plaque "外专局"\n  plaque "港澳办"\n')
    assert _zh(old, new) == ["1. 不再保留外专局，外事办加挂外专局牌子。", "2. 外事办加挂港澳办牌子。"]


def test_a_body_merged_into_another_and_a_body_no_longer_kept_are_both_said() -> None:
    old = (
        _body("t", "外事办", "负责外事工作")
        + _body("d", "外专局", "负责引进外国专家工作")
        + _body("e", "甲局", "负责甲工作")
    )
    new = _body("t", "外事办", "负责外事工作", "负责引进外国专家工作", extra='  plaque "外专局"\n')
    assert _zh(old, new) == ["1. 将外专局并入外事办，加挂外专局牌子。", "2. 不再保留甲局。"]


def _with_event(kind: str) -> str:
    return f'  history {{ event {kind} 2019-01 {{ basis {{ title "调整通知" }} }} }}\n'


def _unit(statements: str) -> str:
    return f'body a "甲局" {{\n{statements}}}\n'


def test_a_rank_changed_stated_or_dropped_cites_its_basis() -> None:
    event = _with_event("rank-changed")
    assert _zh(_unit('  rank "正处级"\n'), _unit('  rank "副厅级"\n' + event)) == [
        "1. 甲局机构规格由正处级调整为副厅级（依据《调整通知》）。"
    ]
    assert _zh(_unit(""), _unit('  rank "副厅级"\n' + event)) == ["1. 甲局机构规格为副厅级（依据《调整通知》）。"]
    assert _zh(_unit('  rank "正处级"\n'), _unit(event)) == [
        "1. 甲局机构规格由正处级调整为未明确（依据《调整通知》）。"
    ]
    assert _zh(_unit('  rank "正处级"\n' + event), _unit("")) == ["1. 甲局机构规格由正处级调整为未明确。"]


def test_a_kind_stated_where_none_was_is_not_a_change_from_another_kind() -> None:
    event = _with_event("kind-changed")
    assert _zh(_unit(""), _unit('  kind "行政机构"\n' + event)) == ["1. 甲局机构类别为行政机构（依据《调整通知》）。"]
    assert _zh(_unit('  kind "事业单位"\n'), _unit('  kind "行政机构"\n' + event)) == [
        "1. 甲局机构类别由事业单位调整为行政机构（依据《调整通知》）。"
    ]
    # stated where none was, with the quota in another category: not said as 由…调整为…
    old = _unit("  quota public-institution 5\n")
    assert _zh(old, _unit('  kind "行政机构"\n  quota administrative 5\n')) == [
        "1. 甲局机构类别为行政机构。",
        "2. 甲局不再单独核定事业编制(原5名)。",
        "3. 甲局核定行政编制5名。",
    ]


def test_a_section_moved_to_another_body_or_set_up_on_its_own_cites_its_basis() -> None:
    section = '  section x "综合处" {\n' + _with_event("moved").replace("  history", "    history")
    section += '    duties { duty "综合处的职责" }\n  }\n'
    old = 'body a "甲局" {\n' + section.replace(_with_event("moved").replace("  history", "    history"), "")
    old += '}\nbody b "乙局" {\n}\n'
    new = 'body a "甲局" {\n}\nbody b "乙局" {\n' + section + "}\n"
    assert _zh(old, new) == ["1. 将综合处由甲局调整至乙局（依据《调整通知》）。"]
    alone = 'body a "甲局" {\n}\nbody b "乙局" {\n}\nbody x "综合处" {\n' + _with_event("moved")
    alone += '  duties { duty "综合处的职责" }\n}\n'
    assert _zh(old, alone)[0] == "1. 将综合处由甲局调整至独立设置（依据《调整通知》）。"


def test_a_kind_and_quota_changed_together_cite_their_basis_and_the_next_kind_change_follows() -> None:
    event = _with_event("kind-changed")
    old = 'body a "甲中心" {\n  kind "事业单位"\n  quota public-institution 5\n}\nbody b "乙中心" {\n  kind "事业单位"\n}\n'
    new = old.replace('"事业单位"', '"行政机构"').replace("public-institution", "administrative")
    new = new.replace("  quota", event + "  quota")
    assert _zh(old, new) == [
        "1. 甲中心由事业单位调整为行政机构，事业编制5名调整为行政编制（依据《调整通知》）。",
        "2. 乙中心机构类别由事业单位调整为行政机构。",
    ]


def test_duties_added_and_cancelled_as_the_document_states_cite_its_basis() -> None:
    old = _unit('  duties {\n    duty 1 "负责外事工作"\n  }\n')
    new = _unit(
        '  basis { title "三定规定" }\n'
        '  function-changes {\n    added "负责港澳事务"\n    cancelled "负责外事工作"\n  }\n'
        '  duties {\n    duty 1 "负责港澳事务"\n  }\n'
    )
    assert _zh(old, new) == [
        "1. 甲局增加“负责港澳事务”职责（依据《三定规定》）。",
        "2. 取消甲局的“负责外事工作”职责（依据《三定规定》）。",
    ]


def test_only_an_event_new_in_the_new_spec_and_about_this_change_gives_a_basis() -> None:
    event = _with_event("rank-changed")
    # the event was already in the old spec: it decided an earlier change, not this one
    assert _zh(_unit('  rank "正处级"\n' + event), _unit('  rank "副厅级"\n' + event)) == [
        "1. 甲局机构规格由正处级调整为副厅级。"
    ]

    def renamed(old_name: str) -> str:
        return (
            f'body a "乙局" {{\n  history {{ event renamed 2019-01 {{\n    from "{old_name}"\n    to "乙局"\n'
            '    basis { title "更名通知" }\n  } }\n}\n'
        )

    assert _zh(_unit(""), renamed("甲局")) == ["1. 甲局更名为乙局（依据《更名通知》）。"]
    # a rename from another name is another rename's basis
    assert _zh(_unit(""), renamed("丙局")) == ["1. 甲局更名为乙局。"]


def test_a_body_merged_beside_one_kept_as_a_plaque_does_not_take_its_plaque() -> None:
    old = (
        _body("t", "外事办", "负责外事工作")
        + _body("d", "外专局", "负责引进外国专家工作")
        + _body("x", "侨办", "负责侨务工作")
    )
    new = _body("t", "外事办", "负责外事工作", "负责引进外国专家工作", "负责侨务工作", extra='  plaque "外专局"\n')
    assert _zh(old, new) == ["1. 将外专局并入外事办，加挂外专局牌子。", "2. 将侨办并入外事办。"]


def test_a_change_no_plan_sentence_covers_is_still_said_never_claimed_away() -> None:
    # each of these diffs used to read 无变化 beside a JSON diff that had the change
    assert _zh(_unit('  funding "全额拨款"\n'), _unit('  funding "差额拨款"\n')) == [
        "1. 甲局经费形式由全额拨款调整为差额拨款。"
    ]
    assert _zh(_unit('  section-rank "科级"\n'), _unit("")) == ["1. 甲局内设机构规格由科级调整为未明确。"]
    assert _zh(_unit(""), _unit('  funding "差额拨款"\n')) == ["1. 甲局经费形式由未明确调整为差额拨款。"]
    assert _zh(_unit('  stands-for 9 "九个农机站"\n'), _unit('  stands-for 10 "十个农机站"\n')) == [
        "1. 甲局的同类机构有调整。"
    ]
    assert _zh(
        _unit('  quota administrative 5 { funding "全额拨款" }\n'),
        _unit('  quota administrative 5 { funding "差额拨款" }\n'),
    ) == ["1. 甲局行政编制5名的经费形式有调整。"]
    # the same duty in other words (same number, most of its words): 将…职责调整为…
    assert _zh(
        _unit('  duties { duty 1 "负责全市外事工作的归口管理。" }\n'),
        _unit('  duties { duty 1 "负责全市外事工作的统筹协调和归口管理。" }\n'),
    ) == ["1. 甲局的“负责全市外事工作的归口管理”职责调整为“负责全市外事工作的统筹协调和归口管理”。"]


def test_a_diff_of_records_only_says_what_changed_besides() -> None:
    assert _zh(_unit('  note "甲"\n'), _unit('  note "乙"\n')) == ["除沿革、依据、备注等记载外无变化。"]
    assert _zh(_unit(""), _unit("")) == ["无变化。"]


def test_dual_leadership_set_up_or_ended_is_a_sentence_not_a_record() -> None:
    old = 'body "县人武部"\nbody "甲镇" {\n  section "人民武装部"\n}\n'
    new = 'body "县人武部"\nbody "甲镇" {\n  section "人民武装部" {\n    dual-led-by "县人武部"\n  }\n}\n'
    assert _zh(old, new) == ["1. 人民武装部实行县人武部双重领导。"]
    assert _zh(new, old) == ["1. 人民武装部不再实行县人武部双重领导。"]


def test_an_office_stated_as_hosted_in_a_body_is_said_as_its_host_would_say_it() -> None:
    old = 'body "甲局"\nbody "乙办"\n'
    new = 'body "甲局"\nbody "乙办" {\n  hosted-in "甲局"\n}\n'
    assert _zh(old, new) == ["1. 乙办设在甲局。"]
    assert _zh(new, old) == ["1. 乙办不再设在甲局。"]


def test_every_statement_of_a_unit_is_said_or_judged_a_record() -> None:
    # a statement added to the language must be given its words in the summary or be judged a
    # record about the document; else a diff of it alone would read 无变化
    from orgspec.reorg.emit_base import _OTHER
    from orgspec.reorg.render_zh_changes import _FIELD_WORDS, RECORDS

    assert [f for f in _OTHER if f not in _FIELD_WORDS and f not in RECORDS] == []


def test_two_units_of_one_name_have_their_changes_said_apart() -> None:
    old = 'body "甲局" {\n  section "办公室"\n}\nbody "乙局" {\n  section "办公室"\n}\n'
    new = (
        'body "甲局" {\n  section "办公室" {\n    covers "城区"\n  }\n}\n'
        'body "乙局" {\n  section "办公室" {\n    optional "必要时"\n  }\n}\n'
    )
    assert _zh(old, new) == ["1. 办公室的管辖范围有调整。", "2. 办公室的设置条件有调整。"]


def test_a_working_office_set_up_or_ended_is_said_as_the_documents_say_it() -> None:
    old = 'body "甲组"\nbody "乙办"\n'
    new = 'body "甲组"\nbody "乙办" {\n  office-of "甲组"\n}\n'
    assert _zh(old, new) == ["1. 乙办承担甲组的日常工作。"]
    assert _zh(new, old) == ["1. 乙办不再承担甲组的日常工作。"]


def test_a_body_become_an_institution_of_another_with_nothing_else_changed_is_moved() -> None:
    # the kind is stated on both sides, so the move is the only change
    old = _body("a", "甲局", "负责甲") + _body("b", "乙中心", "负责乙", extra="  kind public-institution\n")
    new = (
        'body a "甲局" {\n  duties {\n    duty 1 "负责甲"\n  }\n'
        '  institution b "乙中心" {\n    duties {\n      duty 1 "负责乙"\n    }\n  }\n}\n'
    )
    assert _zh(old, new) == ["1. 将乙中心由独立设置调整至甲局。"]


RELATION_SENTENCES = [  # (kind, set up, ended), as the plans word them, 甲局 stating the relation to 乙局
    ("hosts", "乙局设在甲局。", "乙局不再设在甲局。"),
    ("colocated", "甲局与乙局合署办公。", "甲局不再与乙局合署办公。"),
    ("managed-by", "甲局由乙局管理。", "甲局不再由乙局管理。"),
    ("manages", "甲局代管乙局。", "甲局不再代管乙局。"),
    ("office-of", "甲局承担乙局的日常工作。", "甲局不再承担乙局的日常工作。"),
    ("working-office", "乙局承担甲局的日常工作。", "乙局不再承担甲局的日常工作。"),
    ("hosted-in", "甲局设在乙局。", "甲局不再设在乙局。"),
    ("dual-led-by", "甲局实行乙局双重领导。", "甲局不再实行乙局双重领导。"),
]


@pytest.mark.parametrize(("kind", "set_up", "ended"), RELATION_SENTENCES)
def test_each_relation_set_up_or_ended_is_one_sentence(kind: str, set_up: str, ended: str) -> None:
    without = 'body "甲局" {}\nbody "乙局" {}\n'
    with_it = f'body "甲局" {{\n  {kind} "乙局"\n}}\nbody "乙局" {{}}\n'
    assert _zh(without, with_it) == [f"1. {set_up}"]
    assert _zh(with_it, without) == [f"1. {ended}"]


def test_a_reworded_duty_cites_the_basis_its_operation_gives() -> None:
    # a diff made by hand (or read back from its JSON) may give a rewording its document
    from orgspec.model import Basis, Duty
    from orgspec.reorg.ops import Diff, DutyReworded, Pair

    op = DutyReworded(
        unit=Pair(old="@a", new="@a"),
        name="甲局",
        established_by="id",
        basis=(Basis(title="改革方案"),),
        before=Duty(text="负责甲"),
        after=Duty(text="负责甲乙"),
    )
    assert render_zh(Diff(operations=(op,))).splitlines() == [
        "1. 甲局的“负责甲”职责调整为“负责甲乙”（依据《改革方案》）。"
    ]


def test_a_quota_whose_words_change_is_said_after_another_whose_figure_changes() -> None:
    old = 'body "甲局" {\n  quota administrative 5\n  quota logistics 2 "工勤编制"\n}\n'
    new = 'body "甲局" {\n  quota administrative 6\n  quota logistics 2 "工勤人员编制"\n}\n'
    assert _zh(old, new) == ["1. 甲局行政编制由5名调整为6名。", "2. 甲局工勤编制2名的表述有调整。"]


def test_a_relation_stated_again_with_another_date_is_neither_set_up_nor_ended() -> None:
    # its date is a record: the summary said 乙局设在甲局。乙局不再设在甲局。 for it
    old = 'body "甲局" {\n  hosts "乙局" { since 2010 }\n}\nbody "乙局" {}\nbody "丙局" {}\n'
    new = 'body "甲局" {\n  hosts "乙局" { since 2019 }\n}\nbody "乙局" {}\nbody "丙局" {}\n'
    assert _zh(old, new) == ["除沿革、依据、备注等记载外无变化。"]
    # and 丙局 hosting 乙局 too is not a move away from 甲局, which still hosts it (was 由设在甲局改设在丙局)
    also = new.replace('body "丙局" {}', 'body "丙局" {\n  hosts "乙局"\n}')
    assert _zh(old, also) == ["1. 乙局设在丙局。"]
