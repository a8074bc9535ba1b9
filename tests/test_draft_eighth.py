"""The eighth pass: organisational rules written as articles (组织条例, 組織規程, 處務規程).

Each rule reads a pattern found in at least two documents of different sources (the development
examples in ``tests/fixtures/draft_articles/``, listed in its README; docs/draft.md, "The eighth
pass"); the texts below are made up in other words than any document, and each refusal beside a
rule is a near-miss it must not read.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgspec.draft import Draft
from orgspec.model.units import Post, Unit
from orgspec.model.values import CountStatus
from tests.draft_helpers import checked_draft, notes_of

FIXTURES = Path(__file__).parent / "fixtures" / "draft_articles"


def _body(result: Draft) -> Unit:
    assert len(result.spec.bodies) == 1
    return result.spec.bodies[0]


def _posts(body: Unit) -> dict[str, tuple[object, object, object]]:
    return {p.title: (p.count.status, p.count.value, p.role) for p in body.posts if isinstance(p, Post)}


# --- units an article sets up ----------------------------------------------------------------------


def test_units_an_article_sets_up_one_a_line_with_their_duties() -> None:
    text = (
        "第三條\n"
        "本處設下列各科、室,分別掌理下列事項:\n"
        "一、企劃科:掌理年度計畫之擬訂及管考事項。\n"
        "二、服務科:掌理民眾申辦案件之受理事項。\n"
        "三、秘書室:掌理文書、印信及出納事項。\n"
    )
    body = _body(checked_draft(text))
    assert [(u.name, u.number) for u in body.units] == [("企劃科", 1), ("服務科", 2), ("秘書室", 3)]
    assert [d.text for d in body.units[0].duties] == ["掌理年度計畫之擬訂及管考事項。"]  # as written


def test_units_an_article_sets_up_in_the_simplified_script_and_with_zuo_lie() -> None:
    text = "第四条\n- 本厅设左列各处:\n- 一、综合处。\n- 二、规划处。\n- 三、督查处。\n"
    body = _body(checked_draft(text))
    assert [u.name for u in body.units] == ["综合处", "规划处", "督查处"]
    assert all(not u.duties for u in body.units)


def test_internal_units_an_article_sets_up_numbered_in_parentheses() -> None:
    text = "某某市档案局组织规程\n第四条 本局内设下列机构:\n(一)办公室;\n(二)业务指导科;\n(三)保管利用科。\n"
    body = _body(checked_draft(text))
    assert body.name == "某某市档案局"
    assert [u.name for u in body.units] == ["办公室", "业务指导科", "保管利用科"]


def test_what_a_plan_must_include_is_no_list_of_units() -> None:
    # refusal: "应当包括下列事项:(一)…" in a regulation's article lists contents, not units
    text = "第十五条 增设内设机构的方案,应当包括下列事项:\n(一)增设机构的必要性;\n(二)增设机构的名称和职能;\n"
    assert not any(b.units for b in checked_draft(text).spec.bodies)
    # the article's second paragraph, with no number of its own, in a text of articles
    text += "撤销内设机构的方案,应当包括下列事项:\n(一)撤销机构的理由;\n(二)撤销后职能的去向。\n第十六条 其他。\n"
    assert not any(b.units for b in checked_draft(text).spec.bodies)


def test_units_run_on_in_one_line_are_split_when_their_numbers_run_in_order() -> None:
    body = _body(checked_draft("乙部置左列各司 一、總務司。 二、財務司。 三、法規司。 |\n"))
    assert [u.name for u in body.units] == ["總務司", "財務司", "法規司"]  # a table cell's "|" is no name
    assert body.name == "乙部"  # the article's subject, when nothing else names the body


def test_a_body_spoken_of_as_ben_x_is_not_named_by_the_article() -> None:
    # refusal: "本部" is how the rules speak of their body, not its name
    result = checked_draft("本部置左列各司 一、總務司。 二、財務司。\n")
    assert all(b.name != "本部" for b in result.spec.bodies)


def test_units_an_article_sets_under_a_unit_are_not_the_bodys() -> None:
    # refusal: "秘書室分設下列各股" sets units under 秘書室, not the body's sections
    text = "本處設下列各科、室:\n一、企劃科。\n二、秘書室。\n秘書室分設下列各股:\n一、文書股。\n二、出納股。\n"
    result = checked_draft(text)
    assert [u.name for u in _body(result).units] == ["企劃科", "秘書室"]
    assert any("units under '秘书室'" in m for m in notes_of(result, "doubt"))


def test_items_out_of_order_are_no_list() -> None:
    # refusal: "一、… 三、…" skips a number: the line is not split into units
    result = checked_draft("乙部置左列各司 一、總務司。 三、財務司。\n")
    assert not any(u.name in {"總務司", "財務司"} for b in result.spec.bodies for u in b.units)


def test_a_list_of_people_or_of_a_meetings_members_is_no_list_of_units() -> None:
    # refusal: "置下列人員" lists posts (they end like no unit); "以下列人員組成" is a meeting's members
    result = checked_draft("本會置下列人員:\n一、主任委員。\n二、副主任委員。\n三、執行秘書。\n")
    assert not any(b.units for b in result.spec.bodies)
    assert any("not all units" in m for m in notes_of(result, "doubt"))
    result = checked_draft("本會設委員會議,均以下列人員組成:\n一、企劃組。\n二、服務組。\n")
    assert not any(u.name == "企劃組" for b in result.spec.bodies for u in b.units)


def test_units_an_article_may_set_up_are_not_read_as_units_it_sets() -> None:
    # 得設 sets optional units: read as units the body may set (optional, in the article's words),
    # never as units it has (the fifteenth pass (b) reads them; before, they were refused)
    result = checked_draft("本局得設下列各課:\n一、甲課。\n二、乙課。\n")
    units = [u for b in result.spec.bodies for u in b.units]
    assert [u.optional for u in units] == ["得設", "得設"]


# --- the duties an article gives a unit ------------------------------------------------------------


def test_the_duties_an_article_gives_a_unit_it_set_up() -> None:
    text = (
        "丙部置左列各司。\n一、總務司。\n二、財務司。\n"
        "總務司掌左列事項。\n一、關於文書收發事項。\n二、關於印信典守事項。\n"
        "財務司掌理下列事項:\n一、關於預算編列事項。\n二、關於決算審核事項;\n"
    )
    units = {u.name: u for u in _body(checked_draft(text)).units}
    assert [(d.number, d.text) for d in units["總務司"].duties] == [
        (1, "關於文書收發事項。"),
        (2, "關於印信典守事項。"),
    ]
    assert [d.text for d in units["財務司"].duties] == ["關於預算編列事項。", "關於決算審核事項;"]


def test_a_duty_the_copy_stops_inside_is_cut_off() -> None:
    text = (
        "丙部置左列各司。\n一、總務司。\n二、財務司。\n總務司掌左列事項。\n一、關於文書收發事項。\n二、關於印信之典\n"
    )
    units = {u.name: u for u in _body(checked_draft(text)).units}
    assert [d.cut_off for d in units["總務司"].duties] == [False, True]
    # run on in the last line, only the last item can be where the copy stops
    text = "丙部置左列各司。\n一、總務司。\n二、財務司。\n總務司掌左列事項。 一、關於文書收發 二、關於印信之典\n"
    units = {u.name: u for u in _body(checked_draft(text)).units}
    assert [d.cut_off for d in units["總務司"].duties] == [False, True]


def test_an_item_a_copy_broke_over_lines_is_one_unit_with_one_duty() -> None:
    # a print page that breaks lines inside items, its enumerators followed by a space; the opening
    # says each item's words are the unit's duties (分別掌理下列事項)
    text = (
        "第 3 條\n本處設下列各科、室,分別掌理下列事項:\n"
        "一 規劃科:年度計畫之擬訂、執行與管\n考等事項。\n"
        "二 行政室:文書、檔案、出納\n、庶務等事項。\n"
        "第 4 條\n本處置處長一人。\n"
    )
    result = checked_draft(text)
    units = {u.name: u for u in _body(result).units}
    assert [(n, [d.text for d in u.duties]) for n, u in units.items()] == [
        ("規劃科", ["年度計畫之擬訂、執行與管考等事項。"]),
        ("行政室", ["文書、檔案、出納、庶務等事項。"]),
    ]
    unread = {line["line"] for line in result.report["lines_with_no_fact"]}
    assert not {4, 6} & unread  # the lines an item was broken onto gave that item
    # refusal: a line that opens an article of its own ends the item before it
    text = "本處設下列各科:\n一 規劃科:年度計畫之擬訂\n本處置處長一人。\n"
    units = {u.name: u for u in _body(checked_draft(text)).units}
    assert "本處置處長一人" not in "".join(d.text for u in units.values() for d in u.duties)


def test_duties_of_a_unit_no_article_sets_up_are_not_read() -> None:
    # refusal: 會計室 is set up by no list: its duties are not hung on another unit, and a note says so
    text = "丙部置左列各司。\n一、總務司。\n二、財務司。\n會計室掌理下列事項:\n一、關於歲計事項。\n二、關於會計事項。\n"
    result = checked_draft(text)
    assert all(not u.duties for u in _body(result).units)
    assert any("no article sets up" in m for m in notes_of(result, "doubt"))


# --- the head's posts ------------------------------------------------------------------------------


def test_the_heads_posts_an_article_sets() -> None:
    body = _body(checked_draft("戊市消防署組織規程\n第二條\n本署置署長一人,綜理署務;副署長二人,襄理署務。\n"))
    assert _posts(body) == {"署長": (CountStatus.NUMBER, 1, "chief"), "副署長": (CountStatus.NUMBER, 2, "deputy")}


def test_a_deputy_count_with_huo_is_a_range_as_written() -> None:
    body = _body(checked_draft("本中心置主任一人,綜理中心業務;副主任一人或二人,襄理業務。\n"))
    deputy = next(p for p in body.posts if isinstance(p, Post) and p.title == "副主任")
    assert (deputy.count.status, deputy.count.value, deputy.count.high) == (CountStatus.RANGE, 1, 2)


def test_staff_posts_and_a_deputy_alone_are_not_read_as_the_heads() -> None:
    # refusal: 秘書 and 科長 are no head of 本署; a deputy with no head read is a note, not a post
    result = checked_draft("本署置秘書四人、科長五人,均薦任。\n")
    assert not any(b.posts for b in result.spec.bodies)
    result = checked_draft("本署置副署長二人,襄理署務。\n")
    assert not any(b.posts for b in result.spec.bodies)
    assert any("a deputy with no" in m for m in notes_of(result, "doubt"))


# --- the body and the article numbers --------------------------------------------------------------


def test_the_body_is_the_one_the_title_names_when_the_articles_speak_of_it() -> None:
    text = "己縣文化資產局組織規程\n第一條\n本局置局長一人,承縣長之命綜理局務。\n"
    body = _body(checked_draft(text))
    assert body.name == "己縣文化資產局"
    assert [b.title for b in body.basis] == ["己縣文化資產局組織規程"]


def test_a_title_the_articles_do_not_speak_of_names_no_body() -> None:
    # refusal: the title names a 局 but the articles speak of 本處; a class of bodies (各區…所) is none
    result = checked_draft("庚市環境保護局組織規程\n本處設下列各科:\n一、甲科。\n二、乙科。\n")
    assert all(b.name != "庚市環境保護局" for b in result.spec.bodies)
    assert any("no article speaks of it" in m for m in notes_of(result, "doubt"))
    result = checked_draft("辛部各區監理所辦事細則\n本所設下列各課:\n一、甲課。\n二、乙課。\n")
    assert all("各區" not in b.name for b in result.spec.bodies)
    result = checked_draft("本所設下列各課:\n一、甲課。\n二、乙課。\n")
    assert any("no title names it" in m for m in notes_of(result, "doubt"))


def test_an_articles_number_gives_no_fact_and_says_so() -> None:
    text = "第 1 條\n本署置署長一人,綜理署務。\n第\n2 條\n本署置副署長二人。\n"
    result = checked_draft(text)
    listed = {e["line"]: e.get("why", "") for e in result.report["lines_with_no_fact"]}
    assert {1, 3, 4} <= set(listed)
    assert all("article's number (第N條)" in listed[no] for no in (1, 3, 4))
    # an article's number before its text on one line is no fact either, and the text is read
    result = checked_draft("第三条 本署置署長一人,綜理署務。\n")
    assert _posts(_body(result)) == {"署長": (CountStatus.NUMBER, 1, "chief")}


# --- the development examples ----------------------------------------------------------------------

#: what each development example must give: (body name or None, sections, posts)
EXPECTED = {
    "01": (None, 2, {"所長"}),
    "02": ("內政部", 8, set()),
    "03": ("台北市阳明山管理局", 10, {"局长"}),
    "04": ("中华民国总统府", 10, set()),
    "05": ("內政部資訊中心", 0, {"主任", "副主任"}),
    "06": ("外交部領事事務局", 0, {"局長", "副局長"}),
    "07": ("內政部", 7, set()),
}


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.name[:2])
def test_each_development_example_gives_its_structure_reads_back_and_checks(path: Path) -> None:
    text = path.read_text(encoding="utf-8").split("\n", 2)[2]  # line 1 source, line 2 retrieval
    result = checked_draft(text, path.name)
    body = _body(result)
    name, sections, posts = EXPECTED[path.name[:2]]
    assert (body.name if name else None) == name
    assert len(body.units) == sections
    assert {p.title for p in body.posts} == posts


#: pieces of articles, joined at random: every such text drafts, reads back and checks
_ARTICLE_PIECES = st.sampled_from(
    [
        "第三條\n",
        "第\n",
        "1 條\n",
        "本局設下列各科:\n",
        "乙部置左列各司 ",
        "一、",
        "二、",
        "三、",
        "(一)",
        "總務司",
        "企劃科",
        "秘書室",
        "主任委員",
        ":掌理文書事項。",
        "。",
        "\n",
        " |",
        "總務司掌左列事項。\n",
        "關於印信事項。",
        "本局置局長一人,",
        "副局長一人或二人",
        "本署置副署長二人",
        "某市某某局組織規程\n",
        "应当包括下列事项:\n",
        "本局得設下列各課:\n",
        "秘書室分設下列各股:\n",
        "本规程依",
    ]
)


@given(st.lists(_ARTICLE_PIECES, max_size=25).map("".join))
@settings(max_examples=80)
def test_any_text_of_article_pieces_drafts_reads_back_and_checks(text: str) -> None:
    checked_draft(text)
