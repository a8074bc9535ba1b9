"""The eleventh pass (b): units (sections, posts, duty texts, plaques, quotas), by shapes of the field.

Each guard or rule reads a shape of the field seen in at least two development documents of different
sources (docs/draft.md, "The eleventh pass (b): units"); the texts below are made up in other words than
any document, and each refusal beside a rule is a near-miss it must not read.
"""

from __future__ import annotations

from orgspec.draft.extract_duties import clean_duty
from tests.draft_helpers import checked_draft, notes_of


def _sections(text: str) -> list[str]:
    result = checked_draft(text)
    return [u.name for b in result.spec.bodies for u in b.walk() if u is not b]


def _duties(text: str) -> list[str]:
    result = checked_draft(text)
    return [d.text for b in result.spec.bodies for u in b.walk() for d in u.duties]


# --- guards: what a list of units never holds -----------------------------------------------------------


def test_a_list_of_classes_of_bodies_at_every_level_gives_no_section() -> None:
    text = "卫生机构:各级卫生防疫站、专科防治所、乡镇卫生院;\n甲专署设办公室、民政科、财政科。\n"
    names = _sections(text)
    assert "各级卫生防疫站" not in names
    assert "专科防治所" not in names  # the whole list is of classes, not only its first item
    assert "乡镇卫生院" not in names


def test_a_list_of_units_beside_it_is_still_read() -> None:
    # the refusal's near-miss: the same layout with a body's units
    text = "乙县人民政府办公室设立:秘书科、综合科、督查室;\n"
    assert {"秘书科", "综合科", "督查室"} <= set(_sections(text))


def test_a_state_body_and_an_advisory_group_are_never_sections() -> None:
    text = (
        "1958年决定设立:\n"
        "1. 中华人民共和国国家计量委员会\n"
        "2. 中华人民共和国国家科学规划委员会\n"
        "丙市政府曾设置经济顾问小组、法律咨询委员会,均为咨询性质。\n"
    )
    names = _sections(text)
    assert not [n for n in names if n.startswith("中华人民共和国")]
    assert "经济顾问小组" not in names
    assert "法律咨询委员会" not in names


def test_numbered_units_of_a_body_are_still_read() -> None:
    text = "丁局内设机构:\n1. 办公室\n2. 计划财务科\n3. 纪检监察组\n"
    names = _sections(text)
    assert {"办公室", "计划财务科"} <= set(names)


# --- guards: what a duty's text never holds ---------------------------------------------------------------


def test_a_duty_loses_the_abbreviation_it_defines() -> None:
    assert clean_duty("审核下级机关的机构编制方案(以下简称“方案”)。") == "审核下级机关的机构编制方案"
    assert clean_duty("审核方案(以下简称“方案”),并监督执行。") == "审核方案,并监督执行。"


def test_a_duty_loses_a_closing_post_held_concurrently() -> None:
    text = "承担工作组的日常事务,督办议定事项,办公室主任由市商务局副局长某某兼任。"
    assert clean_duty(text) == "承担工作组的日常事务,督办议定事项"


def test_a_duty_about_concurrent_posts_keeps_its_words() -> None:
    # the refusal: the duty is the work of proposing who holds posts, not a post held
    text = "负责提出领导干部兼任社会团体职务的审核意见。"
    assert clean_duty(text) == text
    text = "协调各成员单位,督促由各单位兼任的联络员履职。"
    assert clean_duty(text) == text


def test_a_group_office_duty_in_a_notice_is_drafted_without_its_director() -> None:
    text = (
        "戊区防汛工作领导小组\n"
        "一、主要职责\n"
        "(一)统一指挥全区防汛工作。\n"
        "(二)协调解决防汛中的重大问题。\n"
        "二、领导小组办公室\n"
        "领导小组办公室设在区水利局,承担领导小组的日常工作,督促落实议定事项,办公室主任由区水利局局长兼任。\n"
    )
    duties = _duties(text)
    assert not [d for d in duties if "兼任" in d]


# --- several bodies, each its own list of units in one sentence --------------------------------------------


def _bodies(text: str) -> dict[str, list[str]]:
    result = checked_draft(text)
    return {b.name: [u.name for u in b.walk() if u is not b] for b in result.spec.bodies}


def test_each_subject_of_a_sentence_gets_its_own_list() -> None:
    # a layout that sets up two bodies' units in one sentence, clause by clause
    text = "按照编制草案,县委设办公室、组织部、宣传部;县人民委员会设秘书科、民政科、财粮科、建设科。\n"
    bodies = _bodies(text)
    assert bodies["县委"] == ["办公室", "组织部", "宣传部"]
    (council,) = [units for name, units in bodies.items() if name.endswith("县人民委员会")]
    assert council == ["秘书科", "民政科", "财粮科", "建设科"]


def test_a_pair_of_bodies_sharing_a_name_gets_the_list_each() -> None:
    text = "庚市水文局内设办公室、水情科、计划财务科。甲县、乙县水文局内设办公室、水文站、水质监测中心。\n"
    bodies = _bodies(text)
    assert bodies["庚市水文局"] == ["办公室", "水情科", "计划财务科"]
    assert bodies["甲县水文局"] == ["办公室", "水文站", "水质监测中心"]
    assert bodies["乙县水文局"] == ["办公室", "水文站", "水质监测中心"]


def test_one_subject_with_its_list_gives_no_other_body() -> None:
    # the refusal: one clause with one subject is the body's own list, not a second body's
    text = "辛县林业局设办公室、林政股、造林股;负责全县林业工作。\n"
    bodies = _bodies(text)
    assert len(bodies) == 1
    # nor does a sentence whose second clause lists what is no unit ("设岗位")
    text = "壬县农业局设办公室、种植股、畜牧股;各乡镇设农技员、防疫员。\n"
    bodies = _bodies(text)
    assert not [name for name in bodies if name.startswith("各")]
    assert all("农技员" not in units for units in bodies.values())


# --- the verbs a 三定 duty opens with ------------------------------------------------------------------------


def _units(text: str) -> dict[str, list[tuple[str, bool]]]:
    result = checked_draft(text)
    return {u.name: [(d.text, d.cut_off) for d in u.duties] for b in result.spec.bodies for u in b.walk()}


def test_a_section_duty_opening_with_chengban_or_niding_is_read_and_a_cut_one_is_marked() -> None:
    text = (
        "(三)对外联络处\n"
        "承办本委对外交流合作事项;归口管理机关的外事接待工作。\n"
        "(四)法规处\n"
        "拟定本委规范性文件的起草计划并组织"
    )
    units = _units(text)
    assert units["对外联络处"] == [("承办本委对外交流合作事项;归口管理机关的外事接待工作。", False)]
    assert units["法规处"] == [("拟定本委规范性文件的起草计划并组织", True)]


def test_words_after_a_listed_section_that_open_no_duty_are_not_its_duty() -> None:
    # the refusal: the same layout, but the line after the last name is a page's contact line
    text = "(三)对外联络处\n承办本委对外交流合作事项。\n(四)法规处\n联系电话:0000-1234567。\n"
    units = _units(text)
    assert units["法规处"] == []


def test_every_kind_of_township_side_by_side_gets_its_own_list() -> None:
    # "镇设…;乡设…" in a plan for all townships: the second kind is drafted apart, with its own list
    text = (
        "为规范乡镇机构设置,现提出如下意见。乡镇机构设置要精简统一,乡镇机构数量要从严控制。"
        "各乡镇机构改革要在年底前完成。镇设党政综合办公室、经济发展办公室、社会事务办公室;"
        "乡设党政综合办公室、社会事务办公室。\n"
    )
    result = checked_draft(text)
    bodies = {b.name: [u.name for u in b.walk() if u is not b] for b in result.spec.bodies}
    assert bodies["乡"] == ["党政综合办公室", "社会事务办公室"]
    assert not [n for n in result.report["notes"] if "not drafted apart" in n["message"]]


def test_a_clause_opener_is_no_body_and_the_body_s_own_list_is_not_drafted_twice() -> None:
    # "其中…设" opens a clause about a part, not a body; an unnamed body's own list is not a second body's
    text = "丑县卫生局设办公室、财务科、人事科;其中县疾控局设综合科、检验科。\n"
    bodies = _bodies(text)
    assert not [name for name in bodies if name.startswith("其中")]
    text = "癸局设办公室、财务科、人事科;子县分局设综合科、执法科。\n"
    bodies = _bodies(text)
    assert bodies["癸局"] == ["办公室", "财务科", "人事科"]
    assert bodies["子县分局"] == ["综合科", "执法科"]
    assert sum(units.count("财务科") for units in bodies.values()) == 1


# --- guards: a listed section's name and the lines after the last one -------------------------------------


def test_a_section_name_ends_at_its_comma_and_a_parenthesised_jian_is_a_plaque() -> None:
    text = (
        "某县司法局\n"
        "县司法局设下列内设机构:\n"
        "(一)办公室(兼县法律援助办公室)。\n"
        "(二)法治宣传股,负责全县普法工作。\n"
        "(三)社区矫正股,对外保留县社区矫正中心牌子。\n"
    )
    result = checked_draft(text)
    units = {u.name: u for u in result.spec.bodies[0].units}
    assert list(units) == ["办公室", "法治宣传股", "社区矫正股"]
    assert [(p.name, p.form) for p in units["办公室"].plaques] == [("县法律援助办公室", "兼")]
    assert [d.text for d in units["法治宣传股"].duties] == ["负责全县普法工作。"]
    assert units["社区矫正股"].duties == ()  # the clause after the comma is no duty: the unit's plaque
    assert [(p.name, p.form) for p in units["社区矫正股"].plaques] == [("县社区矫正中心", "对外保留")]
    # the sections are read, so no reader says the list was not read as sections
    assert not [m for m in notes_of(result, "doubt") if "not read as sections" in m]
    # a clause after the comma that is neither a duty nor a plaque stays a note
    result = checked_draft(text.replace("对外保留县社区矫正中心牌子", "与县安置帮教办合署"))
    units = {u.name: u for u in result.spec.bodies[0].units}
    assert units["社区矫正股"].plaques == ()
    assert units["社区矫正股"].duties == ()
    assert "与县安置帮教办合署。" in result.text


def test_a_staffing_line_after_the_last_section_is_no_duty_of_it() -> None:
    text = (
        "某县司法局\n"
        "县司法局是县政府工作部门,为正科级。\n"
        "县司法局设下列内设机构:\n"
        "(一)办公室。\n"
        "(二)社区矫正股,对外保留县社区矫正中心牌子。\n"
        "县司法局机关行政编制9名。设局长1名,副局长2名。\n"
    )
    result = checked_draft(text)
    body = result.spec.bodies[0]
    assert all(not u.duties for u in body.units)
    assert [q.count.value for q in body.quotas] == [9]


def test_a_duty_line_that_mentions_staffing_is_still_a_duty() -> None:
    # the refusal: a duty about staffing work states no figure of its own
    text = (
        "某县司法局\n"
        "县司法局是县政府工作部门,为正科级。\n"
        "县司法局设下列内设机构:\n"
        "(一)办公室。\n"
        "(二)政工股,对外保留县司法培训中心牌子。\n"
        "负责机关和所属单位的机构编制、人事管理工作。\n"
    )
    result = checked_draft(text)
    units = {u.name: u for u in result.spec.bodies[0].units}
    assert [d.text for d in units["政工股"].duties] == ["负责机关和所属单位的机构编制、人事管理工作。"]
