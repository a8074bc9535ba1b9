"""``orgspec draft`` on texts that list many bodies (``draft.extract_bodies``): made-up snippets.

Each layout is tested on a text written for this test in other words than the corpus document
that showed it, in both scripts where the reader folds characters; a 三定's own sentence about its
body is not taken for a list. Every draft reads back to its model and passes check.
"""

from __future__ import annotations

import pytest

import orgspec
from orgspec.draft import Draft, draft
from orgspec.model.units import PostGroup, RelationKind, Unit
from tests.draft_helpers import checked_draft as _draft


def _named(result: Draft) -> dict[str, Unit]:
    return {b.name: b for b in result.spec.bodies}


def test_clauses_that_each_give_a_body_a_plaque_are_bodies_with_plaques() -> None:
    text = (
        "某市机构改革方案公布\n"
        "某市人民政府设置工作部门30个。市司法局加挂市行政复议局牌子;市农业农村局挂市扶贫开发办公室牌子;"
        "市卫生健康委员会对外保留市老龄工作委员会办公室、市爱国卫生运动委员会办公室牌子。\n"
    )
    bodies = _named(_draft(text))
    assert [(p.name, p.form) for p in bodies["市司法局"].plaques] == [("市行政复议局", "加挂")]
    assert [p.name for p in bodies["市农业农村局"].plaques] == ["市扶贫开发办公室"]
    assert [p.name for p in bodies["市卫生健康委员会"].plaques] == [
        "市老龄工作委员会办公室",
        "市爱国卫生运动委员会办公室",
    ]
    # the government that sets them up is the body the text is about; the plaques are not its own
    assert bodies["某市人民政府"].plaques == ()


def test_a_body_s_own_plaque_sentence_is_not_a_list_of_bodies() -> None:
    text = (
        "某县应急管理局主要职责内设机构和人员编制规定\n某县应急管理局加挂县防汛抗旱指挥部办公室牌子。\n"
        "一、主要职责\n(一)负责全县应急管理工作。\n"
    )
    result = _draft(text)
    assert [b.name for b in result.spec.bodies] == ["某县应急管理局"]
    assert [p.name for p in result.spec.bodies[0].plaques] == ["县防汛抗旱指挥部办公室"]


def test_bodies_managed_by_others_are_listed_with_their_kind_and_manager() -> None:
    text = (
        "另設部門管理機構3個。其中,縣醫療保障局、縣信訪局由縣政府辦公室管理;縣糧食和物資儲備局由縣發展和改革局管理。\n"
    )
    bodies = _named(_draft(text))
    for name, boss in (
        ("縣醫療保障局", "縣政府辦公室"),
        ("縣信訪局", "縣政府辦公室"),
        ("縣糧食和物資儲備局", "縣發展和改革局"),
    ):
        body = bodies[name]
        assert body.kind is not None
        assert body.kind.value == "department-administered"
        assert [(r.kind, r.target.target) for r in body.relations] == [(RelationKind.MANAGED_BY, boss)]
    assert "縣發展和改革局" in bodies  # the managing body is a body of the draft


def test_a_class_heading_then_one_body_per_line() -> None:
    text = (
        "省政府机构一览\n"
        "一、省政府办公厅:负责省政府日常运转。\n"
        "二、省政府组成部门:共22个。\n"
        "省教育厅:加挂省语言文字工作委员会牌子。\n"
        "省公安厅。\n"
        "省审计厅:对外保留省内部审计指导办公室牌子。\n"
        "三、省政府直属机构:\n"
    )
    bodies = _named(_draft(text))
    assert {"省政府办公厅", "省教育厅", "省公安厅", "省审计厅"} <= set(bodies)
    assert bodies["省公安厅"].kind is not None
    assert bodies["省公安厅"].kind.value == "constituent-department"
    assert [(p.name, p.form) for p in bodies["省教育厅"].plaques] == [("省语言文字工作委员会", "加挂")]
    assert [(p.name, p.form) for p in bodies["省审计厅"].plaques] == [("省内部审计指导办公室", "对外保留")]


def test_figures_per_body_after_a_colon_are_quotas_with_the_category_carried_and_noted() -> None:
    text = (
        "近日,市里公布了部分单位的编制情况。\n"
        "机关行政编制在50名以下的有:市民政局38名、市统计局27名、市档案局12名。\n"
        "超过50名的有:市财政局66名、市公安局58名。\n"
    )
    result = _draft(text)
    bodies = _named(result)
    got = {n: [(q.category.value, q.count.value) for q in b.quotas] for n, b in bodies.items() if b.quotas}
    assert got == {
        "市民政局": [("administrative", 38)],
        "市统计局": [("administrative", 27)],
        "市档案局": [("administrative", 12)],
        "市财政局": [("administrative", 66)],
        "市公安局": [("administrative", 58)],
    }
    assert "the category is the one the list of line 2 names" in result.text


def test_figures_with_no_category_anywhere_are_not_read_as_quotas() -> None:
    text = "今年各单位的考核情况:市民政局38名、市统计局27名。\n"
    assert all(not b.quotas for b in draft(text, "x.txt").spec.bodies)


# --- a gazetteer's entry --------------------------------------------------------------------------


def test_a_gazetteer_entry_names_its_body_and_a_dated_founding_does_not() -> None:
    text = (
        "卫生局 1950年3月,在原卫生科的基础上成立卫生局,为县人民政府工作部门。1958年8月成立县卫生防疫委员会,\n"
        "与卫生局一套机构两个牌子。1985年,局内设办公室、医政股、防疫股,编制12人。\n"
    )
    body = _draft(text).spec.bodies[0]
    assert body.name == "卫生局"
    assert [u.name for u in body.units] == ["办公室", "医政股", "防疫股"]


def test_a_plaque_kept_for_a_time_is_a_note_not_a_plaque() -> None:
    text = (
        "文化館 1952年5月成立,為縣人民政府直屬事業單位。1970年併入縣革委會政工組(至1978年,對外仍掛文化館牌子)。\n"
        "1985年,館內設辦公室、群文股、美術股。\n"
    )
    result = _draft(text)
    assert all(not b.plaques for b in result.spec.bodies)
    assert any("kept for a time" in n["message"] for n in result.report["notes"])


# --- a numbered list of names under a duties heading ---------------------------------------------


def test_numbered_unit_names_under_a_duties_heading_are_sections_with_their_duties() -> None:
    text = (
        "某市委組織部\n"
        "職能\n"
        "1. 辦公室\n"
        "2. 組織科\n"
        "負責全市基層黨組織建設工作。指導黨員發展和教育管理工作。\n"
        "3. 幹部監督科(市委幹部監督辦公室、市委幹部舉報中心)\n"
        "負責幹部監督工作;受理幹部問題的舉報。\n"
    )
    result = _draft(text)
    body = result.spec.bodies[0]
    assert body.duties == ()
    assert [u.name for u in body.units] == ["辦公室", "組織科", "幹部監督科"]
    # a short name may start like a verb (组织); the plaques keep the document's script
    assert [p.name for p in body.units[2].plaques] == ["市委幹部監督辦公室", "市委幹部舉報中心"]
    # up to the next listed name, every sentence is the section's duty
    assert [d.text for d in body.units[1].duties] == ["負責全市基層黨組織建設工作。指導黨員發展和教育管理工作。"]


# --- a staffing paragraph in running text ---------------------------------------------------------


def test_a_running_staffing_paragraph_gives_the_quota_s_parts_and_the_posts_after_qizhong() -> None:
    text = (
        "某省农业厅机关行政编制为86名(含援派机动编制1名、离退休干部工作人员编制5名)。"
        "其中:厅长1名(兼任省农村工作领导小组副组长)、副厅长4名,专职副巡视员(副厅级)1名,"
        "处级领导职数30名(含机关党委专职副书记1名)。\n"
    )
    body = _draft(text).spec.bodies[0]
    assert [(q.category.value, q.count.value, [p.count.value for p in q.parts]) for q in body.quotas] == [
        ("administrative", 86, [1, 5])
    ]
    posts = [(p.title, p.count.value, getattr(p, "concurrent", None)) for p in body.posts]
    assert posts == [
        ("厅长", 1, "省农村工作领导小组副组长"),
        ("副厅长", 4, None),
        ("专职副巡视员", 1, None),
        ("处级领导职数", 30, None),
    ]
    # the rank in parentheses is the post's rank, apart from its title (as the corpus specs state it)
    assert [getattr(p, "rank", None) for p in body.posts] == [None, None, "副厅级", None]


# --- a list of subordinate units its stated count closes or opens ---------------------------------


def test_a_list_of_subordinate_units_whose_count_covers_every_item_is_read_whatever_the_endings() -> None:
    text = (
        "某縣水務局\n"
        "水務局現轄水政監察大隊、灌溉試驗場、水土保持工作站、防汛抗旱服務中心共四個單位。\n"
        "下屬3個部門,分別是水文站、河道管理所、水利勘測設計。\n"
    )
    result = _draft(text)
    names = [u.name for u in result.spec.bodies[0].units]
    assert names == [
        "水政監察大隊",
        "灌溉試驗場",
        "水土保持工作站",
        "防汛抗旱服務中心",
        "水文站",
        "河道管理所",
        "水利勘測設計",
    ]
    # subordinate units, not internal sections: no stated count of sections is compared with them
    assert all(u.kind is not None and u.kind.value != "section" for u in result.spec.bodies[0].units)


def test_a_count_that_does_not_cover_the_items_reads_only_names_that_end_like_a_unit_s() -> None:
    text = "某縣水務局\n水務局現轄水政監察大隊、灌溉試驗場、水土保持工作站共四個單位。\n"
    names = [u.name for u in _draft(text).spec.bodies[0].units]
    assert "灌溉試驗場" not in names


def test_an_encyclopedia_infobox_gives_the_kind_when_the_text_states_none() -> None:
    text = (
        "某縣統計局\n基本介紹\n  • 中文名:某縣統計局\n  • 類別:政府部門\n"
        "某縣統計局內設辦公室、綜合股、調查股3個股室。\n"
    )
    body = _draft(text).spec.bodies[0]
    assert body.kind_label == "政府部門"
    assert [u.name for u in body.units] == ["辦公室", "綜合股", "調查股"]


# --- the last page of a notice: an office set in another body -------------------------------------


def test_an_office_set_in_another_body_is_the_body_when_the_text_is_about_it_alone() -> None:
    text = (
        "四、其他事项\n"
        "(一)工作专班办公室设在省教育厅,承担工作专班日常工作。办公室主任由省教育厅厅长王建国兼任;"
        "副主任由省财政厅副厅长张志明,省人力资源社会保障厅副厅长李红兼任。\n"
        "(二)工作专班实行例会制度。\n"
    )
    result = _draft(text)
    [body] = result.spec.bodies
    assert body.name == "工作专班办公室"
    assert [(r.kind, r.target.target) for r in body.relations] == [(RelationKind.HOSTED_IN, "省教育厅")]
    assert [d.text for d in body.duties] == ["承担工作专班日常工作。"]
    assert [(p.title, getattr(p, "holder", None)) for p in body.posts][:1] == [("办公室主任", "王建国")]
    assert body.units == ()


def test_a_heading_that_counts_the_duties_opens_them_and_the_next_comma_heading_ends_them() -> None:
    text = (
        "某镇人民政府\n"
        "一、职能定位\n"
        "镇政府五項職責\n"
        "01、促进经济发展\n"
        "02、加强社会管理\n"
        "03、强化公共服务\n"
        "二、机构设置\n"
        "镇政府内设党政综合办公室、经济发展办公室、社会事务办公室3个内设机构。\n"
    )
    body = _draft(text).spec.bodies[0]
    assert [d.text for d in body.duties] == ["促进经济发展", "加强社会管理", "强化公共服务"]
    assert [u.name for u in body.units] == ["党政综合办公室", "经济发展办公室", "社会事务办公室"]


def test_a_page_that_opens_mid_list_is_named_by_its_staffing_sentence_not_its_first_item() -> None:
    lines = [
        "(八)信息科",
        "负责局机关信息化建设工作。",
        "(九)法规科",
        "负责局机关规范性文件的合法性审查工作。",
        *[f"负责第{i}项专项工作的组织协调。" for i in range(12)],
        "市统计局机关行政编制32名。其中:局长1名,副局长3名。",
    ]
    body = _draft("\n".join(lines) + "\n").spec.bodies[0]
    assert body.name == "市统计局"
    assert [u.name for u in body.units][:2] == ["信息科", "法规科"]


# --- a news report of a 三定 -----------------------------------------------------------------------


NEWS = (
    "近日,《某市交通运输局职能配置、内设机构和人员编制规定》正式印发。\n"
    "根据规定,市交通运输局是市政府工作部门,为正处级。\n"
    "市交通运输局设办公室、综合规划科、运输管理科等9个内设机构。\n"
    "市交通运输局机关行政编制30名。设局长1名,副局长3名;科级领导职数12名(含机关党委专职副书记1名、总工程师1名)。\n"
)


def test_a_list_closed_by_deng_names_some_of_those_it_counts_and_is_no_contradiction() -> None:
    result = _draft(NEWS)
    body = result.spec.bodies[0]
    [stated] = body.stated
    assert (stated.count.value, stated.unlisted.value if stated.unlisted else None) == (9, 6)
    assert not [n for n in result.report["notes"] if n["kind"] == "anomaly"]
    assert not [d for d in orgspec.check_text(result.text) if d.code == "OS301"]


def test_a_running_post_keeps_the_parts_its_parentheses_give() -> None:
    posts = _draft(NEWS).spec.bodies[0].posts
    assert [(p.title, p.count.value) for p in posts] == [("局长", 1), ("副局长", 3), ("科级领导职数", 12)]
    assert [(x.label, x.count.value) for x in posts[2].parts] == [("机关党委专职副书记", 1), ("总工程师", 1)]


# --- the body's name and kind in other phrasings --------------------------------------------------


_PLAN = "\n一、主要职责\n(一)负责全县自然资源管理工作。\n(二)负责全县国土空间规划工作。\n"


@pytest.mark.parametrize(
    "title",
    [
        "某县自然资源局机构职能编制规定",
        "关于印发《某县自然资源局机构职能编制规定》的通知",
        "某县自然资源局“三定”规定",
        "某縣自然資源局「三定」方案",
    ],
)
def test_titles_of_a_sanding_in_other_words_name_the_body(title: str) -> None:
    name = _draft(title + _PLAN).spec.bodies[0].name
    assert name in ("某县自然资源局", "某縣自然資源局")


@pytest.mark.parametrize(
    ("sentence", "kind", "superior"),
    [
        ("县委组织部是县委工作机关,为正科级。", "工作机关", "县委"),
        ("县委宣传部是县委的职能部门,为正科级。", "职能部门", "县委"),
        ("區委編辦是區委的派出機構。", "派出機構", "區委"),
    ],
)
def test_a_party_body_s_kind_is_read_in_its_own_words(sentence: str, kind: str, superior: str) -> None:
    body = _draft("某县某机构\n" + sentence + _PLAN).spec.bodies[0]
    assert (body.kind_label, str(body.superior)) == (kind, superior)


def test_name_led_lines_in_the_sections_part_are_sections_with_their_duties() -> None:
    text = (
        "某市生态环境局主要职责、内设机构和人员编制规定\n"
        "三、内设机构\n根据上述职责,市生态环境局设3个内设机构:\n"
        "办公室:负责机关日常运转工作。\n"
        "法规与标准科:负责起草地方性法规草案。\n"
        "大气环境科。负责全市大气环境监督管理:统筹协调。\n"
    )
    body = _draft(text).spec.bodies[0]
    assert [(u.name, [d.text for d in u.duties]) for u in body.units] == [
        ("办公室", ["负责机关日常运转工作。"]),
        ("法规与标准科", ["负责起草地方性法规草案。"]),
        ("大气环境科", ["负责全市大气环境监督管理:统筹协调。"]),
    ]


def test_a_party_department_s_sanding_in_articles() -> None:
    text = (
        "中共某县委统战部职能配置、内设机构和人员编制规定\n"
        "第二条 县委统战部是县委工作机关,为正科级,对外加挂县民族宗教事务局牌子。\n"
        "第三条 县委统战部设下列内设机构:\n"
        "(一)办公室(党建工作室)。负责机关日常运转。\n"
        "(二)民族宗教股(宗教事务管理股)。负责民族宗教工作。\n"
        "第四条 县委统战部机关行政编制为9名。设部长1名(由县委常委兼任),副部长2名。\n"
    )
    body = _draft(text).spec.bodies[0]
    assert [(p.name, p.form) for p in body.plaques] == [("县民族宗教事务局", "加挂")]
    assert [[p.name for p in u.plaques] for u in body.units] == [["党建工作室"], ["宗教事务管理股"]]
    posts = [(p.title, p.count.value, getattr(p, "concurrent", None)) for p in body.posts]
    assert posts == [("部长", 1, "县委常委"), ("副部长", 2, None)]


def test_a_list_of_bodies_printed_twice_gives_each_plaque_and_relation_once() -> None:
    line = "市司法局加挂市行政复议局牌子;市农业农村局挂市扶贫开发办公室牌子。其中,市信访局、市医疗保障局由市政府办公室管理。"
    result = _draft(line + "\n" + line + "\n")
    bodies = _named(result)
    assert [p.name for p in bodies["市司法局"].plaques] == ["市行政复议局"]
    assert len(bodies["市信访局"].relations) == 1


def test_a_closing_part_that_sets_up_an_institution_is_read() -> None:
    text = (
        "某县水利局职能配置、内设机构和人员编制规定\n"
        "一、主要职责\n(一)负责保障水资源的合理开发利用。\n"
        "二、人员编制\n县水利局机关行政编制10名。\n"
        "三、其他事项\n(一)县水利工程管理站为县水利局所属公益一类事业单位,核定事业编制8名。\n"
        "(二)本规定由县委机构编制委员会办公室负责解释。\n"
    )
    body = _draft(text).spec.bodies[0]
    [station] = body.units
    assert (station.name, station.kind.value if station.kind else None) == ("县水利工程管理站", "public-institution")
    assert [(q.category.value, q.count.value) for q in station.quotas] == [("public-institution", 8)]


def test_a_plaque_that_is_another_listed_unit_s_name_is_kept_as_a_note() -> None:
    text = "某市某局设办公室、综合科、业务科。\n(一)秘书科(办公室)。(二)会议科。(三)综合科。\n"
    result = _draft(text)  # passes check: no OS402
    units = {u.name: u for u in result.spec.bodies[0].units}
    assert units["秘书科"].plaques == ()
    assert any("also the name of another unit" in n["message"] for n in result.report["notes"])


def test_a_web_page_s_breadcrumb_is_not_its_title_and_subordinate_institutions_follow_the_sections() -> None:
    text = (
        "首页 > 政务公开 > 机构职能\n某县医疗保障局\n发布时间:2022-04-01 来源:县医保局\n"
        "县医疗保障局是县政府工作部门,为正科级。\n"
        "内设机构\n县医保局内设办公室、待遇保障股、基金监管股3个股室。\n"
        "下属事业单位:县医疗保障服务中心、县医疗保险稽核中心。\n"
    )
    body = _draft(text).spec.bodies[0]
    assert body.name == "某县医疗保障局"
    kinds = [(u.name, u.kind.value if u.kind else None) for u in body.units]
    assert kinds[3:] == [("县医疗保障服务中心", "public-institution"), ("县医疗保险稽核中心", "public-institution")]


def test_a_coordinating_body_stated_twice_is_drafted_once() -> None:
    line = "今年成立8人组成的河道保洁工作领导小组,组长由镇长王明担任,副组长由副镇长李强担任,成员由各村主任组成。"
    result = _draft(line + "\n" + line + "\n")
    assert [b.name for b in result.spec.bodies] == ["河道保洁工作领导小组"]


def test_plaque_clauses_about_the_body_s_own_sections_stay_sections() -> None:
    text = (
        "某街道办事处\n"
        "街道办事处下设党政综合办公室、社会事务办公室、平安建设办公室。"
        "党政综合办公室挂党建办公室牌子;社会事务办公室挂民政办公室牌子。\n"
    )
    result = _draft(text)
    [body] = result.spec.bodies
    units = {u.name: [p.name for p in u.plaques] for u in body.units}
    assert units == {"党政综合办公室": ["党建办公室"], "社会事务办公室": ["民政办公室"], "平安建设办公室": []}


def test_a_quota_s_breakdown_after_qizhong_is_not_a_list_of_bodies() -> None:
    text = "某市政府办公室\n核定市政府办公室行政编制20名。其中:综合办12名、政策研究办8名。\n"
    result = _draft(text)
    assert [b.name for b in result.spec.bodies] == ["某市政府办公室"]


def test_posts_that_outnumber_the_quota_as_read_are_kept_as_notes_so_the_draft_passes_check() -> None:
    text = "某县档案馆\n某县档案馆行政编制3名。其中:馆长1名,副馆长2名,科级领导职数4名。\n"
    result = _draft(text)  # passes check: no OS304
    body = result.spec.bodies[0]
    assert body.posts == ()
    assert any("more than the administrative quota of 3" in n["message"] for n in result.report["notes"])


def test_one_section_name_in_both_scripts_is_drafted_once() -> None:
    text = "某县林业局内设办公室、林政股。\n某縣林業局下設3個機構,分別為:辦公室、營林股、森林防火辦公室。\n"
    names = [u.name for u in _draft(text).spec.bodies[0].units]
    assert names.count("办公室") + names.count("辦公室") == 1


def test_a_group_for_the_sections_with_more_chiefs_than_sections_listed_passes_check() -> None:
    text = "四、人员编制\n领导职数为:主任1名,副主任3名;正副处长11名,其中正处长6名,副处长5名。\n"
    result = _draft(text)  # passes check: no OS306
    [group] = [p for p in result.spec.bodies[0].posts if isinstance(p, PostGroup)]
    assert group.for_sections is False
    assert "6 chief posts but 0 sections listed" in result.text


def test_a_plaque_inside_a_listed_units_parentheses_is_that_units_alone() -> None:
    text = (
        "某镇人民政府机构设置情况\n"
        "设立了3个工作机构。即:综合办公室、经济发展办公室(挂统计站、农业服务中心牌子)、社会事务办公室。\n"
    )
    result = _draft(text)
    body = result.spec.bodies[0]
    assert body.plaques == ()
    plaques = {u.name: [p.name for p in u.plaques] for u in body.units}
    assert plaques == {"综合办公室": [], "经济发展办公室": ["统计站", "农业服务中心"], "社会事务办公室": []}
    assert not [d for d in orgspec.check_text(result.text) if d.code == "OS402"]
