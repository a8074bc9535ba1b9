"""The thirteenth pass (b): units (sections, posts, duty texts, plaques, quotas), by shapes of the field.

Each guard or rule reads a shape of the field seen in development documents (docs/draft.md, "The
thirteenth pass (b): units"); the texts below are made up in other words than any document, and each
refusal beside a rule is a near-miss it must not read.
"""

from __future__ import annotations

from tests.draft_helpers import checked_draft


def _units(text: str) -> set[str]:
    result = checked_draft(text)
    return {u.name for b in result.spec.bodies for u in b.walk() if u is not b}


# --- a department named by 部 in a list already begun ------------------------------------------------------


def test_departments_named_by_bu_continue_a_list_of_units() -> None:
    # found-66, found-95: "…办公室、研究室、秘书处、组织部、宣传部…" — a committee's departments among its units
    text = "甲县委员会\n县委内设机构为:办公室、调研室、组织部、宣传部、统战部。\n"
    assert {"办公室", "调研室", "组织部", "宣传部", "统战部"} <= _units(text)


def test_a_name_ending_in_bu_opens_no_list() -> None:
    # a ministry's name alone is no unit: no list starts with it
    text = "乙市委员会\n会议由外交部、商务部、财政部共同召开。\n"
    assert not {"外交部", "商务部", "财政部"} & _units(text)


def test_a_duty_after_two_units_is_no_department() -> None:
    text = "丙县委员会\n县委内设机构为:办公室、调研室、负责指导各乡镇工作的联络部。\n"
    names = _units(text)
    assert {"办公室", "调研室"} <= names
    assert not [n for n in names if n.startswith("负责")]


# --- a court's divisions (庭) -------------------------------------------------------------------------------


def _duties(text: str) -> dict[str, list[str]]:
    result = checked_draft(text)
    return {u.name: [d.text for d in u.duties] for b in result.spec.bodies for u in b.walk() if u is not b}


def test_a_courts_divisions_are_units_with_their_duties() -> None:
    # found-96 and catalogue 48: "(二)立案庭(挂…牌子)", "(三)刑事审判庭", each with its duty below it
    text = (
        "乙区人民法院内设机构\n"
        "(一)政治部\n负责队伍建设和干部管理工作。\n"
        "(二)立案庭(挂乙区人民法院诉讼服务中心牌子)\n负责案件受理和审判流程管理。\n"
        "(三)行政审判第二庭\n审理本院管辖的行政赔偿案件。\n"
        "(四)执行庭\n协助执行局办理财产查控事务。\n"
    )
    units = _duties(text)
    assert {"立案庭", "行政审判第二庭", "执行庭"} <= set(units)
    assert units["行政审判第二庭"] == ["审理本院管辖的行政赔偿案件。"]
    assert units["执行庭"] == ["协助执行局办理财产查控事务。"]


def test_a_family_or_a_hall_is_no_division() -> None:
    # 庭 ends many words that are no unit: 家庭, 法庭 of a class, 开庭
    text = "丙县妇女联合会\n县妇联内设:婚姻家庭、儿童家庭、联络家庭。\n"
    assert not [n for n in _units(text) if n.endswith("庭")]


# --- a ministry's general office, and a list opened by a comma ----------------------------------------------


def test_the_general_office_opens_a_list_of_internal_units() -> None:
    # found-83, found-89, catalogue 49: "内设机构包括:办公厅、人事司、…"
    text = "丁部\n丁部内设机构包括:办公厅、法制司、财务审计司、对外联络司。\n"
    assert {"办公厅", "法制司", "财务审计司", "对外联络司"} <= _units(text)


def test_a_provinces_departments_are_no_internal_units() -> None:
    # 厅 ends a province's departments, bodies of their own; without 内设机构 no list of sections starts
    text = "戊省人民政府\n省政府组成部门包括办公厅、财政厅、教育厅、民政厅。\n"
    assert not {"办公厅", "财政厅", "教育厅", "民政厅"} & _units(text)


def test_a_comma_after_the_internal_units_words_opens_the_list() -> None:
    # found-83, catalogue 49: "内设机构包括,办公厅、…"
    text = "己部\n己部内设机构包括,办公厅、综合司、监督司等8个司局。\n"
    assert {"办公厅", "综合司", "监督司"} <= _units(text)


def test_a_comma_after_a_weaker_verb_opens_no_list() -> None:
    text = "庚县人民政府\n会议认为,设立,综合科、督查科、信息科的意见可以研究。\n"
    assert not {"综合科", "督查科", "信息科"} & _units(text)


# --- an exception before a unit's duties in articles --------------------------------------------------------


def test_an_exception_before_the_duties_of_a_unit_is_passed_over() -> None:
    # found-77, catalogue 50: "秘書室除…另有規定外,掌理左列事項:" then the enumerated duties
    text = (
        "庚縣政府衛生局組織規程\n第一條 本局設下列各課:\n一、保健課。\n二、防疫課。\n"
        "第二條 防疫課除法律另有規定外,掌理下列事項:\n一、傳染病防治事項。\n二、預防接種事項。\n"
    )
    assert _duties(text)["防疫課"] == ["傳染病防治事項。", "預防接種事項。"]


def test_an_exception_without_a_list_of_duties_gives_none() -> None:
    text = (
        "辛縣政府衛生局組織規程\n第一條 本局設下列各課:\n一、保健課。\n二、防疫課。\n"
        "第二條 防疫課除法律另有規定外,不得對外行文。\n一、傳染病防治事項。\n"
    )
    assert _duties(text).get("防疫課", []) == []


# --- a copy that stops at the opening of a next item --------------------------------------------------------


def _anomalies(text: str) -> list[str]:
    return [n["message"] for n in checked_draft(text).report["notes"] if n["kind"] == "anomaly"]


def test_a_count_is_not_compared_with_a_list_the_copy_stops_inside() -> None:
    # found-96: "內設16個機構", five units, and the copy's last line is "(": the list goes on past the copy
    text = "壬区法院\n壬区法院内设6个机构。\n(一)办公室\n负责文电工作。\n(二)立案庭\n负责立案工作。\n(\n"
    assert not [m for m in _anomalies(text) if " but lists " in m]


def test_a_list_that_ends_in_full_is_still_compared() -> None:
    text = "癸区法院\n癸区法院内设6个机构。\n(一)办公室\n负责文电工作。\n(二)立案庭\n负责立案工作。\n"
    assert [m for m in _anomalies(text) if "states 6 sections" in m and "lists 2" in m]
