"""The fifteenth pass (b): units.

Each rule reads a shape of the field seen in a development document and a type of the shape catalogue
(tests/fixtures/draft_shapes/71-73; docs/draft.md, "The fifteenth pass (b)"); the texts below are made up in
other words, and each refusal beside a rule is a near-miss it must not read.
"""

from __future__ import annotations

from orgspec.model.units import Post, Unit
from tests.draft_helpers import checked_draft


def _units(text: str) -> list[Unit]:
    return [u for b in checked_draft(text).spec.bodies for u in b.units]


def _posts(unit: Unit) -> list[tuple[str, int | None, str | None]]:
    return [(p.title, p.count.value, p.role) for p in unit.posts if isinstance(p, Post)]


# --- units an article lets the body set up (得設下列…), with a clause before the colon ---------------


def test_units_an_article_lets_the_body_set_up_are_optional_in_its_words() -> None:
    text = (
        "某市政府交通局處務規程\n"
        "第七條　本局為因應重大工程需要得設下列工作小組，其組成及分工另以實施要點定之：\n"
        "一、捷運協調小組：辦理捷運路線用地之協調事項。\n"
        "二、停車規劃小組：辦理公共停車場之規劃事項。\n"
    )
    units = _units(text)
    assert [u.name for u in units] == ["捷運協調小組", "停車規劃小組"]
    assert {u.optional for u in units} == {"為因應重大工程需要得設"}
    assert [d.text for d in units[0].duties] == ["辦理捷運路線用地之協調事項。"]


def test_a_clause_before_the_colon_that_is_not_about_insides_set_elsewhere_opens_no_list() -> None:
    # refusal: a clause after the class that is no "其…另以…定之" is not skipped over
    text = (
        "本局得設下列工作小組，並報市政府備查：\n一、捷運協調小組：辦理協調事項。\n二、停車規劃小組：辦理規劃事項。\n"
    )
    assert _units(text) == []


def test_units_a_non_self_subject_may_set_up_are_not_read() -> None:
    # refusal: 得設 with a subject that is not 本X (a unit under the body may set them): nothing read
    text = "各區公所得設下列各課：\n一、民政課。\n二、社會課。\n"
    assert _units(text) == []


# --- an item's posts after its work: 置A、副A各N人 --------------------------------------------------------


def test_an_items_posts_with_each_are_the_units_head_and_deputy() -> None:
    text = (
        "本處得設下列專案小組：\n"
        "一、資訊整合小組：辦理資訊系統整合之推動，置組長、副組長各一人，由處內人員派兼。\n"
        "二、法規研修小組：辦理法規之研修，置組長、副組長各一人，由處內人員派兼。\n"
    )
    units = _units(text)
    assert [_posts(u) for u in units] == [[("組長", 1, "chief"), ("副組長", 1, "deputy")]] * 2
    assert [d.text for d in units[0].duties] == ["辦理資訊系統整合之推動"]
    assert not units[1].duties[0].cut_off
    assert units[0].notes
    assert units[0].notes[0].startswith("置組長、副組長各一人")


def test_an_items_posts_without_each_are_not_read() -> None:
    # refusal: "置組長、副組長二人" has no 各: the figure may be the two posts' total; no post is read
    text = (
        "本處得設下列專案小組：\n"
        "一、資訊整合小組：辦理資訊系統整合之推動，置組長、副組長二人。\n"
        "二、法規研修小組：辦理法規之研修。\n"
    )
    units = _units(text)
    assert all(not u.posts for u in units)


# --- the head set by an article whose subject is the body's name with its short name --------------------


def test_the_head_an_article_sets_under_the_bodys_name_and_its_short_name() -> None:
    text = "癸市政府組織規程\n第二條　癸市政府（以下簡稱本府）置市長一人，綜理市政。\n"
    body = checked_draft(text).spec.bodies[0]
    assert [(p.title, p.count.value, p.role) for p in body.posts if isinstance(p, Post)] == [("市長", 1, "chief")]


def test_other_posts_of_an_article_of_their_own_are_not_read() -> None:
    # refusal: "本府置主任秘書一人;置秘書三人" after the head's article: the specs disagree whether such titles
    # are posts or pools of staff, so none is read
    text = (
        "癸市政府組織規程\n"
        "第二條　癸市政府（以下簡稱本府）置市長一人，綜理市政。\n"
        "第三條　本府置主任秘書一人，襄理市政；置秘書三人，辦理機要事項。\n"
    )
    body = checked_draft(text).spec.bodies[0]
    assert [p.title for p in body.posts if isinstance(p, Post)] == ["市長"]


def test_a_name_with_a_short_name_that_is_no_government_gives_no_head_from_its_level() -> None:
    # refusal: "某某協會(以下簡稱本會)置理事長一人": no 省市縣… government, so no level head; 理事長 is no 主任委員
    text = "某某協會組織規程\n第二條　某某協會（以下簡稱本會）置理事長一人，綜理會務。\n"
    posts = [p for b in checked_draft(text).spec.bodies for p in b.posts if isinstance(p, Post)]
    assert all(p.role != "chief" for p in posts)


# --- an item's units by their fields and the unit they share: 下設A、B等N股 -----------------------------------


def test_units_an_item_sets_up_by_their_fields_are_sections_of_its_unit() -> None:
    text = "本處設左列各科：\n一、總務科：下設採購、檔案、出納等三股。\n二、業務科：下設規劃、稽查等二組。\n"
    units = _units(text)
    assert [[c.name for c in u.units] for u in units] == [["採購股", "檔案股", "出納股"], ["規劃組", "稽查組"]]
    assert [s.count.value for u in units for s in u.stated] == [3, 2]


def test_a_sub_list_whose_count_the_fields_do_not_meet_is_not_read() -> None:
    # refusal: "下設採購、檔案等三股" names two fields for three 股: no unit is made up, the words stay a note
    text = "本處設左列各科：\n一、總務科：下設採購、檔案等三股。\n二、業務科。\n"
    units = _units(text)
    assert all(not u.units for u in units)
    assert units[0].notes == ("下設採購、檔案等三股。",)
