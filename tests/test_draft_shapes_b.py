"""The shape catalogue (b): made-up descriptive documents of the field, drafted and scored.

Each ``tests/fixtures/draft_shapes/NN-<type>-<variant>.txt`` numbered 31-59 is a made-up document of one
of the field's descriptive types (a gazetteer's 沿革, a body's web page, a 組織規程, a township's 机构设置
page, an encyclopedia page, a list of departments by class), and the ``.orgspec`` beside it is the
spec a careful reviewer writes by hand. tests/test_draft_shapes.py scores and pins the
whole catalogue; this file tests each rule of the pass on a made-up text in other words, with a refusal.
"""

from __future__ import annotations

from orgspec.draft import Draft
from orgspec.draft.extract_pages import not_units
from orgspec.draft.facts import Facts, SectionFacts, Src
from tests.conftest import ROOT
from tests.draft_helpers import checked_draft

SHAPES = ROOT / "tests" / "fixtures" / "draft_shapes"
DOCS = sorted(p for p in SHAPES.glob("*.txt") if 31 <= int(p.name[:2]) <= 59)


def test_catalogue_has_two_variants_of_six_types() -> None:
    types = {p.name[3:].split("-")[0] for p in DOCS}
    assert len(DOCS) >= 12
    assert len(types) >= 5
    for doc in DOCS:
        assert doc.with_suffix(".orgspec").exists(), doc


# Each rule of the pass, on a made-up text in other words than the catalogue's, with a refusal beside it.


def _names(result: Draft) -> list[str]:
    return [u.name for u in result.spec.bodies[0].walk() if u is not result.spec.bodies[0]]


def test_chronicle_keeps_the_latest_period() -> None:
    text = (
        "戊县水利局\n"
        "1975年，成立戊县水利局，下设办公室、水保股、农水股，编制7人。2005年机构改革，戊县水利局内设办公室、"
        "水政股、工程股，核定行政编制11名。\n"
    )
    body = checked_draft(text).spec.bodies[0]
    assert [u.name for u in body.units] == ["办公室", "水政股", "工程股"]
    assert [(q.category.value, q.count.value) for q in body.quotas] == [("administrative", 11)]
    assert "水保股" in body.notes


def test_chronicle_refusal_one_period_keeps_its_quota() -> None:
    text = "戊县档案局\n1990年，成立戊县档案局。戊县档案局内设办公室、业务股，核定行政编制6名。\n"
    body = checked_draft(text).spec.bodies[0]
    assert [(q.category.value, q.count.value) for q in body.quotas] == [("administrative", 6)]
    assert [u.name for u in body.units] == ["办公室", "业务股"]


def test_page_leaders_both_layouts() -> None:
    text = (
        "丙区审计局\n现任领导\n主任：周某某，主持全面工作。\n副主任：吴某某，分管财政审计。\n"
        "郑某某　党组书记、副主任\n内设机构\n办公室：负责机关日常运转。\n财政审计科：负责财政收支审计。\n"
    )
    posts = {p.title: [h.person for h in p.holders] for p in checked_draft(text).spec.bodies[0].posts}
    assert posts == {"主任": ["周某某"], "副主任": ["吴某某", "郑某某"], "党组书记": ["郑某某"]}


def test_page_leaders_refusal() -> None:
    # a seat on the party group is no post; a name and title under another heading is not a leader's line
    text = (
        "丙区审计局\n领导信息\n钱某某　党组成员\n内设机构\n办公室：负责机关日常运转。\n财政审计科：负责财政收支审计。\n"
    )
    assert checked_draft(text).spec.bodies[0].posts == ()


def test_bracketed_headings_and_introduction() -> None:
    text = (
        "丁县审计局\n【机构职能】\n丁县审计局是县政府工作部门。\n主要职责：\n1.负责全县审计监督。\n2.负责审计统计工作。\n"
        "【内设机构】\n办公室\n负责文电、会务工作。\n审计一股\n负责财政审计工作。\n【联系方式】\n电话：0123-1234567\n"
    )
    body = checked_draft(text).spec.bodies[0]
    assert [d.text for d in body.duties] == ["负责全县审计监督。", "负责审计统计工作。"]
    assert body.kind_label == "工作部门"
    assert [u.name for u in body.units] == ["办公室", "审计一股"]


def test_bracketed_duties_heading_over_numbered_duties_stays_duties() -> None:
    text = "丁县审计局\n【机构职能】\n1.负责全县审计监督。\n2.负责审计统计工作。\n"
    assert [d.text for d in checked_draft(text).spec.bodies[0].duties] == ["负责全县审计监督。", "负责审计统计工作。"]


def test_site_header_is_no_title() -> None:
    text = "乙县人民政府网\n乙县审计局机构职能\n一、主要职责\n(一)负责全县审计监督。\n(二)负责审计统计工作。\n"
    assert checked_draft(text).spec.bodies[0].name == "乙县审计局"
    refusal = "乙县审计局网络中心\n一、主要职责\n(一)负责全县审计信息化建设。\n"
    assert checked_draft(refusal).spec.bodies[0].name == "乙县审计局网络中心"


def test_own_duties_under_the_rules_title() -> None:
    text = (
        "庚縣政府主計處組織規程\n第一條　庚縣政府為辦理主計業務，特設主計處（以下簡稱本處）。\n"
        "第二條　本處掌理下列事項：\n一、歲計事項。\n二、會計事項。\n"
        "第三條　本處設下列各課：\n一、歲計課。\n二、會計課。\n第四條　本處置處長一人。\n"
    )
    body = checked_draft(text).spec.bodies[0]
    assert body.name == "庚縣政府主計處"
    assert [d.text for d in body.duties] == ["歲計事項。", "會計事項。"]
    # refusal: with no rules' title, 本處's duties are a doubt, not the body's
    bare = text.split("\n", 1)[1]
    assert checked_draft(bare).spec.bodies[0].duties == ()


def test_township_title_and_institutions() -> None:
    text = (
        "辛乡机构设置\n辛乡党委、政府内设机构：\n党政办公室\n经济发展办公室\n辛乡所属事业单位：\n"
        "辛乡便民服务中心\n辛乡文化站\n"
    )
    body = checked_draft(text).spec.bodies[0]
    assert body.name == "辛乡"
    assert [
        (u.name, u.kind.value if u.kind else None)
        for u in body.units
        if u.kind and u.kind.value == "public-institution"
    ] == [
        ("辛乡便民服务中心", "public-institution"),
        ("辛乡文化站", "public-institution"),
    ]
    # refusal: a title over every township names no body
    assert checked_draft("乡镇机构设置\n内设机构：\n党政办公室\n经济发展办公室\n").spec.bodies[0].name != "乡镇"


def test_lists_by_class() -> None:
    text = (
        "丙县党政机构\n一、县委工作机关（3个）\n县委办公室、县委组织部、县委宣传部。\n"
        "二、县政府工作部门4个，分别是：县政府办公室、县教育局、县财政局、县审计局。\n"
    )
    bodies = {b.name: b.kind_label for b in checked_draft(text).spec.bodies}
    assert bodies["县委组织部"] == "县委工作机关"
    assert bodies["县审计局"] == "县政府工作部门"
    assert len(bodies) == 7
    # refusal: fewer than three names, or items that are no body's name, give no bodies
    few = checked_draft("丙县党政机构\n县政府工作部门2个，分别是：县政府办公室、县教育局。\n").spec.bodies
    assert "县教育局" not in {b.name for b in few}


def test_bare_list_under_heading_and_infobox_row() -> None:
    text = "戊市林业局\n戊市林业局是市政府工作部门。\n内设机构\n办公室、造林科、森林防火科。\n"
    assert _names(checked_draft(text)) == ["办公室", "造林科", "森林防火科"]
    row = "戊市林业局\n戊市林业局是市政府工作部门。\n下设机构 办公室、造林科、森林防火科\n办公地址 戊市林苑路1号\n"
    assert _names(checked_draft(row)) == ["办公室", "造林科", "森林防火科"]
    # refusal: items that are no unit's names
    words = "戊市林业局\n戊市林业局是市政府工作部门。\n内设机构\n精简、统一、效能。\n"
    assert _names(checked_draft(words)) == []


def test_fate_is_no_unit() -> None:
    facts = Facts(name=Src("戊市林业局", 1))
    facts.sections = [
        SectionFacts("不再保留戊市绿化委员会", 2),
        SectionFacts("戊市林业局", 2),
        SectionFacts("造林科", 3),
    ]
    not_units(facts)
    assert [s.name for s in facts.sections] == ["造林科"]


_RULES = (
    "辛縣政府主計處組織規程\n第一條　辛縣政府為辦理主計業務，特設主計處（以下簡稱本處）。\n"
    "第二條　本處設下列各課：\n一、歲計課。\n二、會計課。\n"
)


def test_article_posts_beyond_the_head() -> None:
    text = _RULES + "第三條　本處置處長一人；副處長一人；秘書一人、課長二人。\n"
    posts = {p.title: p.count.value for p in checked_draft(text).spec.bodies[0].posts}
    assert posts == {"處長": 1, "副處長": 1, "秘書": 1, "課長": 2}
    # refusal: staff (科員) are no post, and with no head the article's posts are not read
    staff = _RULES + "第三條　本處置處長一人，科員四人。\n"
    assert [p.title for p in checked_draft(staff).spec.bodies[0].posts] == ["處長"]
    headless = _RULES + "第三條　本處置秘書一人、課長二人。\n"
    assert checked_draft(headless).spec.bodies[0].posts == ()


def test_article_offices_share_their_work() -> None:
    text = _RULES + "第三條　本處設統計室、資訊室，依法辦理統計及資訊事項。\n"
    body = checked_draft(text).spec.bodies[0]
    assert [u.name for u in body.units] == ["歲計課", "會計課", "統計室", "資訊室"]
    assert [d.text for s in body.shared_duties for d in s.duties] == ["依法辦理統計及資訊事項。"]
    # refusal: one office is no shared list; words that are no unit's name give none
    one = _RULES + "第三條　本處設統計室，依法辦理統計事項。\n"
    assert checked_draft(one).spec.bodies[0].shared_duties == ()


def test_staffing_table() -> None:
    text = (
        _RULES
        + "辛縣政府主計處編制表\n職稱　官等　員額\n處長　簡任　一\n課長　薦任　二\n辦事員　委任　三\n合計　　六\n"
    )
    body = checked_draft(text).spec.bodies[0]
    assert [(p.title, p.count.value) for p in body.posts] == [("處長", 1), ("課長", 2)]
    assert [(q.category.value, q.count.value) for q in body.quotas] == [("other", 6)]
    # refusal: a sentence naming 職稱 and 員額 is no table's header
    words = _RULES + "第三條　本處各職稱之員額，另定之。\n處長　簡任　一\n"
    assert checked_draft(words).spec.bodies[0].quotas == ()


def test_listed_body_plaque_hung_on_it() -> None:
    text = "丁县党政机构\n县委工作机关3个，分别是：县委办公室、县委组织部、县委统战部（县侨务办公室在县委统战部加挂牌子）。\n"
    bodies = {b.name: [p.name for p in b.plaques] for b in checked_draft(text).spec.bodies}
    assert bodies["县委统战部"] == ["县侨务办公室"]
    # refusal: a plaque hung on another body is not this item's
    other = text.replace("在县委统战部加挂", "在县委组织部加挂")
    assert {b.name: [p.name for p in b.plaques] for b in checked_draft(other).spec.bodies}["县委统战部"] == []
