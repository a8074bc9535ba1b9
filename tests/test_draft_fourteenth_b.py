"""The fourteenth pass (b): units (sections, posts, duty texts, plaques, quotas), by shapes of the field.

Each guard or rule reads a shape of the field seen in development documents (docs/draft.md, "The
fourteenth pass (b): units"); the texts below are made up in other words than any document, and each
refusal beside a rule is a near-miss it must not read.
"""

from __future__ import annotations

from orgspec.draft.normalize import read_lines
from tests.draft_helpers import checked_draft


def _duties(text: str) -> list[str]:
    result = checked_draft(text)
    return [d.text for b in result.spec.bodies for u in b.walk() for d in u.duties]


def _plaques(text: str) -> list[str]:
    result = checked_draft(text)
    return [p.name for b in result.spec.bodies for u in b.walk() for p in u.plaques]


# --- pinyin a page injects, in lenticular brackets or cut at a line's end ------------------------------------


def test_pinyin_in_lenticular_brackets_is_page_chrome() -> None:
    # found-103 (【】), found-102 and found-98-style pages ("(jì)"): the reading is not the text's
    lines = read_lines("负责【zé】统筹规划【huà】工作,制【zhì】定标准。\n")
    assert lines[0].text == "负责统筹规划工作,制定标准。"


def test_pinyin_cut_in_its_bracket_at_a_lines_end_is_page_chrome() -> None:
    # found-102: a copy that stops inside the reading "業(y"
    assert read_lines("承担审计业(y\n")[0].text == "承担审计业"


def test_latin_words_in_brackets_that_are_no_reading_stay() -> None:
    # a bracket of letters after a Latin word, a code in 【】 after a figure, a reading too long: kept
    text = "管理GDP(core)数据【2018】,负责【abcdefghij】事项。\n"
    assert read_lines(text)[0].text == text.strip()


def test_plaques_read_once_when_a_reading_is_injected_in_one_copy() -> None:
    text = (
        "甲市生态局职能配置规定\n"
        "第一条 甲市生态局为市政府工作部门,加挂甲市环境管理办公室牌子。\n"
        "第二条 甲市生态局加挂甲市环境管理办【bàn】公室牌子。\n"
    )
    assert _plaques(text).count("甲市环境管理办公室") == len(_plaques(text)) >= 1


# --- an abbreviation in parentheses is no plaque --------------------------------------------------------------


def test_an_abbreviation_in_parentheses_is_no_plaque() -> None:
    # found-104: "领导小组下设X办公室(简称X办)": a short form, not a second name the unit bears
    text = "乙校督导工作领导小组下设督导工作办公室(简称督导办),负责日常工作。\n"
    assert not [p for p in _plaques(text) if "督导办" in p]


def test_a_second_name_in_parentheses_is_still_read_as_a_plaque() -> None:
    text = "丙县农业局\n内设机构:\n(一)办公室(县农业执法大队)。\n(二)计划财务股。\n"
    assert "县农业执法大队" in _plaques(text)


# --- a numbered heading over the duties list ------------------------------------------------------------------


SUBHEADED = (
    "丁区管理委员会职责\n"
    "一、主要职责\n"
    "(一)丁区管委会的主要职责:\n"
    "丁区管委会负责园区的综合管理。\n"
    "1.负责拟订园区发展规划。\n"
    "2.负责园区招商引资工作。\n"
    "3.负责园区对外宣传工作。\n"
)


def test_items_under_a_numbered_duties_heading_are_the_duties() -> None:
    # found-100: "(一)X的主要职责:" then a summary sentence and "1.…" "2.…"
    assert _duties(SUBHEADED) == ["负责拟订园区发展规划。", "负责园区招商引资工作。", "负责园区对外宣传工作。"]


def test_a_numbered_duty_ending_in_a_colon_is_still_a_duty() -> None:
    # a duty item whose own words end in a colon, sub-items below: no heading, one duty as before
    text = (
        "戊县水利局职责\n"
        "一、主要职责\n"
        "(一)负责全县水资源管理:\n"
        "1.拟订用水计划。\n"
        "2.监督取水许可。\n"
        "(二)负责水利工程建设管理。\n"
    )
    duties = _duties(text)
    assert len(duties) == 2
    assert duties[0].startswith("负责全县水资源管理")


# --- a numbered sentence under a setup heading is no unit ----------------------------------------------------


def _sections(text: str) -> set[str]:
    result = checked_draft(text)
    return {u.name for b in result.spec.bodies for u in b.walk() if u is not b}


def test_a_numbered_sentence_is_no_section() -> None:
    # found-100: "二、机构设置 (一)X包括甲园、乙园。(二)X与Y合并,不再保留…": sentences, not units' names
    text = (
        "二、机构设置\n"
        "(一)己市开发区包括己市东区开发园、己市西区开发园、己市南区开发园和己市北区开发园。\n"
        "(二)己市开发区管委会与东区开发园管委会合并,不再保留东区开发园管委会的名义。\n"
    )
    names = _sections(text)
    assert not [n for n in names if "包括" in n or "合并" in n]


def test_a_numbered_office_placed_somewhere_is_no_section() -> None:
    # catalogue 55: "(二)X办公室设在Y。" is a sentence whose 。 ends it early, not a unit named "X设在Y"
    text = "二、机构设置\n(一)癸区规划工作领导小组办公室设在癸区管委会。\n(二)癸区管委会挂靠区政府办公室。\n"
    assert not [n for n in _sections(text) if "设在" in n or "挂靠" in n]


def test_numbered_units_with_notes_after_their_names_stay_sections() -> None:
    text = "庚县民政局\n内设机构:\n(一)办公室,设在局机关一楼。\n(二)社会救助股,与县救助站合署。\n"
    assert {"办公室", "社会救助股"} <= _sections(text)


# --- an office placed in the body whose duties the text gives ------------------------------------------------


def test_an_office_placed_in_the_documents_own_body_is_no_unit_of_it() -> None:
    # found-100: "建设X领导小组办公室设在Y" and "Y的主要职责:": Y hosts the office; no unit is drafted
    text = (
        "辛区开发领导小组办公室设在辛区管委会。\n"
        "辛区管委会的主要职责:\n"
        "(一)负责拟订开发区规划。\n"
        "(二)负责开发区招商工作。\n"
    )
    assert "辛区开发领导小组办公室" not in _sections(text)


def test_a_groups_office_placed_in_another_body_is_still_its_unit() -> None:
    # the seeds' and found notices' shape: the group's office is placed in a department the text gives no duties
    text = "壬省养老工作领导小组\n壬省养老工作领导小组办公室设在省民政厅,承担领导小组日常工作。\n"
    assert "壬省养老工作领导小组办公室" in _sections(text)


# --- leaders named first: "王立平:乙县统计局局长" ------------------------------------------------------------


def _posts(text: str) -> dict[str, list[str]]:
    result = checked_draft(text)
    out: dict[str, list[str]] = {}
    for b in result.spec.bodies:
        for p in b.posts:
            people = [p.holder] if getattr(p, "holder", None) else [h.person for h in getattr(p, "holders", ())]
            out[getattr(p, "title", "") or ""] = [x for x in people if x]
    return out


def test_leaders_named_first_with_the_bodys_post() -> None:
    # found-102, catalogue 56: a person, a colon, the body's name and the post, one a line
    text = "丁市审计局\n赵一鸣:丁市审计局局长\n钱多多:丁市审计局副局长\n孙小林:丁市审计局党组成员、副局长\n"
    assert _posts(text) == {"局长": ["赵一鸣"], "副局长": ["钱多多", "孙小林"]}


def test_a_label_before_a_colon_is_no_leader() -> None:
    # "地址:…", "电话:…" and a role before the name ("组长:张三") are no leader named first
    text = "戊县民政局\n地址:戊县人民路局长楼\n组长:张三\n"
    assert _posts(text) == {}
