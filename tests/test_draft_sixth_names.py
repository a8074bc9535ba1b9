"""The sixth pass: names, lists and the report, each pattern on made-up text with a refusal beside it.

Every rule here reads a pattern of the field found in at least two corpus documents of different
sources (docs/draft.md, "Batch 5 promoted; the sixth pass"); the texts below are written in other
words than any document, and each refusal is a near-miss the rule must not read.
"""

from __future__ import annotations

from orgspec.draft import Draft
from orgspec.model.values import UnitKind
from tests.draft_helpers import checked_draft, notes_of


def _anomalies(result: Draft) -> list[str]:
    return notes_of(result, "anomaly")


def _draft(text: str) -> Draft:
    return checked_draft(text, "made-up.txt")


#: a duty part the drafter reads, so that a made-up notice has a structure
DUTIES = "一、主要职责\n贯彻落实市委、市政府的决策部署,研究制定相关政策,统筹协调重大问题。\n"


# --- a count the sentence states before its list ---------------------------------------------


def test_the_subject_of_a_counting_sentence_names_the_body_and_its_count_is_stated() -> None:
    text = (
        "青山镇召开会议。\n"
        "调整后,青山镇党委、政府设下列4个机构,分别为综合办公室(统计办公室)、平安建设办公室、"
        "经济发展办公室、社会事务办公室。\n"
    )
    body = _draft(text).spec.bodies[0]
    assert body.name == "青山镇"  # "X党委、政府" stands for X
    assert [u.name for u in body.units] == ["综合办公室", "平安建设办公室", "经济发展办公室", "社会事务办公室"]
    assert [p.name for p in body.units[0].plaques] == ["统计办公室"]
    assert [(s.what, s.count.value, s.text) for s in body.stated] == [("sections", 4, "青山镇党委、政府设下列4个机构")]


def test_a_class_or_a_government_as_the_subject_names_no_body() -> None:
    # refusal: "各镇" is a class, not a body; a government's 机构 are bodies, not its sections
    result = _draft("各镇党委、政府设下列2个机构,分别为综合办公室、经济发展办公室。\n")
    assert result.spec.bodies[0].name == "(name not found)"
    result = _draft("会议指出,某县人民政府设下列2个机构,分别为综合办公室、经济发展办公室。\n")
    assert not result.spec.bodies[0].stated


def test_a_count_before_the_list_vouches_for_names_that_end_otherwise() -> None:
    # "办公厅" does not end like a section's name; the count says the three are the units counted
    text = "甲乙事务部机构组建完成。\n甲乙事务部内部机构包括3个司(厅),分别是:办公厅、规划司、机关党委(人事司)。\n"
    body = _draft(text).spec.bodies[0]
    assert [u.name for u in body.units] == ["办公厅", "规划司", "机关党委"]
    assert all(u.kind is UnitKind.SECTION for u in body.units)  # counted among the 司(厅), not apart
    assert [p.name for p in body.units[2].plaques] == ["人事司"]
    assert body.stated[0].count.value == 3


def test_a_count_that_the_items_do_not_match_vouches_for_none_and_is_reported() -> None:
    # refusal: four counted, three listed: only the names that end like a unit's are read, and the
    # count against the list is reported (the copy may be cut); 办公厅 is a unit of such a list since the
    # thirteenth pass (b), a name of another ending still stops it
    result = _draft("某事务部包括4个司(厅),分别是:规划司、办公厅、财务司。\n")
    body = result.spec.bodies[0]
    assert [u.name for u in body.units] == ["规划司", "办公厅", "财务司"]
    assert any("states 4 sections" in m and "lists 3" in m for m in _anomalies(result))
    result = _draft("某事务部包括4个司(厅),分别是:规划司、财政厅、财务司。\n")
    assert [u.name for u in result.spec.bodies[0].units] == ["规划司"]  # the list stops at 财政厅
    assert any("states 4 sections" in m and "lists 1" in m for m in _anomalies(result))


def test_a_count_of_committees_before_its_list_reads_other_units_not_sections() -> None:
    text = (
        "改革后,甲镇设3个委员会,分别为:平安委员会、民生委员会、执法委员会。"
        "甲镇设下列2个办公室(局),机构具体名称包括:党政办公室、财政办公室。\n"
    )
    body = _draft(text).spec.bodies[0]
    kinds = {u.name: u.kind for u in body.units}
    assert kinds["平安委员会"] is UnitKind.OFFICE
    assert kinds["执法委员会"] is UnitKind.OFFICE
    assert kinds["党政办公室"] is UnitKind.SECTION
    assert body.stated[0].count.value == 2  # the committees are not counted against the sections


def test_a_colocated_clause_after_an_item_does_not_end_the_list() -> None:
    text = "乙街道设下列3个机构,分别为:综合办公室、纪检监察办公室(审计办公室)与区监委派出监察组合署办公、财务办公室。\n"
    body = _draft(text).spec.bodies[0]
    assert [u.name for u in body.units] == ["综合办公室", "纪检监察办公室", "财务办公室"]
    assert [p.name for p in body.units[1].plaques] == ["审计办公室"]


def test_a_counted_noun_is_no_body_name() -> None:
    # refusal: "3个委员会分别为" has no subject; the words before the list are a count, not a name
    result = _draft("会议召开。\n3个委员会分别为:平安委员会、民生委员会、执法委员会。\n")
    assert result.spec.bodies[0].name != "个委员会"


# --- the body a notice sets up, a news item's subject -------------------------------------------


def test_a_title_that_sets_up_a_body_with_figures_in_its_name() -> None:
    text = (
        "市人民政府办公室关于成立第3届青年运动会筹备工作领导小组的通知\n"
        "某府办函[2031]7号\n"
        "为做好筹备工作,市政府决定成立第3届青年运动会筹备工作领导小组(以下简称领导小组)。\n" + DUTIES
    )
    body = _draft(text).spec.bodies[0]
    assert body.name == "第3届青年运动会筹备工作领导小组"
    assert body.kind is UnitKind.COORDINATING_BODY
    # the number under the title is that notice's: one basis with its number and title
    assert [(b.number, b.title) for b in body.basis] == [
        ("某府办函[2031]7号", "市人民政府办公室关于成立第3届青年运动会筹备工作领导小组的通知")
    ]


def test_a_title_about_an_event_names_no_body() -> None:
    # refusal: "关于成立…的通知" whose object does not end like a body's name
    text = "市人民政府办公室关于成立2031年春季检查活动的通知\n" + DUTIES
    assert _draft(text).spec.bodies[0].name != "2031年春季检查活动"


def test_a_joint_meeting_the_text_sets_up_by_its_shortened_name() -> None:
    text = (
        "某府办函[2031]9号\n"
        "各有关单位:为推进工作,市政府决定建立某市“菜篮子”工程联席会议制度(以下简称联席会议)。现将有关事项通知如下:\n"
        + DUTIES
    )
    body = _draft(text).spec.bodies[0]
    assert body.name == "某市“菜篮子”工程联席会议"
    assert body.kind is UnitKind.COORDINATING_BODY


def test_a_shortened_name_of_a_law_names_no_body() -> None:
    # refusal: "(以下简称…)" after a law's title, not a body's name
    text = "为落实《某某保护条例》(以下简称条例),现通知如下:\n" + DUTIES
    assert _draft(text).spec.bodies[0].name == "(name not found)"


def test_a_joint_meeting_a_rule_provides_for_is_not_set_up() -> None:
    # refusal: "…的,建立部门联席会议制度" is a rule for cases to come, not a meeting set up
    text = "某市某局\n某市某局内设办公室、业务科2个科室。\n今后涉及多个部门职责的,建立部门联席会议制度进行协调。\n"
    assert [b.name for b in _draft(text).spec.bodies] == ["某市某局"]


def test_a_news_items_subject_named_again_names_the_body() -> None:
    text = (
        "丙丁事务部机构组建基本完成\n记者获悉,该部设有以下2个司,分别是:规划司、财务司。丙丁事务部副部长介绍了情况。\n"
    )
    assert _draft(text).spec.bodies[0].name == "丙丁事务部"


def test_a_class_as_a_news_items_subject_names_no_body() -> None:
    # refusal: "全县机构改革" names no body: a place in general
    text = "全县机构改革全面完成\n记者获悉,全县机构改革后设有以下2个办公室,分别是:党政办公室、财政办公室。\n"
    assert _draft(text).spec.bodies[0].name != "全县"


# --- units set per regulations -------------------------------------------------------------------


def test_a_unit_set_per_regulations_in_either_word_order() -> None:
    text = "某区某局\n内设机构\n(一)办公室\n负责日常工作。\n(二)业务科\n负责业务工作。\n按有关规定设置纪检监察机构。\n来源:某网站\n"
    body = _draft(text).spec.bodies[0]
    unit = body.units[-1]
    assert (unit.name, unit.kind, unit.per_regulations) == ("纪检监察机构", UnitKind.DISCIPLINE_UNIT, True)
    assert not unit.duties  # the line after it is no duty of it


def test_a_post_set_per_regulations_is_no_unit() -> None:
    # refusal: "按有关规定设置公益性岗位" sets posts, not a unit
    text = "某区某局\n内设机构\n(一)办公室\n负责日常工作。\n(二)业务科\n负责业务工作。\n按有关规定设置公益性岗位。\n"
    assert "公益性岗位" not in [u.name for u in _draft(text).spec.bodies[0].units]


# --- bodies listed with their leaders, bodies of a counted class ------------------------------


def test_enumerated_bodies_with_their_leaders_are_bodies_of_the_heading_class() -> None:
    text = (
        "某市人民政府办公室关于调整议事协调机构的通知\n"
        "一、保留的议事协调机构及其负责人\n"
        "1、市防汛抗旱委员会\n主  任:张一\n副主任:李二、王三\n"
        "2、市全民健身委员会\n主  任:赵四\n"
    )
    bodies = {b.name: b for b in _draft(text).spec.bodies}
    assert {"市防汛抗旱委员会", "市全民健身委员会"} <= set(bodies)
    assert bodies["市防汛抗旱委员会"].kind_label == "议事协调机构"
    assert [(m.role, m.person) for m in bodies["市防汛抗旱委员会"].members] == [
        ("主任", "张一"),
        ("副主任", "李二"),
        ("副主任", "王三"),
    ]


def test_an_enumerated_section_with_its_duty_is_no_body() -> None:
    # refusal: an item followed by a duty, not by leaders, stays a section
    text = "某县某局\n内设机构\n1、办公室\n负责日常工作。\n2、业务股\n负责业务工作。\n"
    result = _draft(text)
    assert [b.name for b in result.spec.bodies] == ["某县某局"]
    assert [u.name for u in result.spec.bodies[0].units] == ["办公室", "业务股"]


def test_bodies_in_plaque_clauses_take_the_class_their_government_counts() -> None:
    text = "改革后,某省人民政府设置工作部门30个。甲乙厅挂丙丁局牌子;戊己厅挂庚辛办公室牌子。\n"
    bodies = {b.name: b for b in _draft(text).spec.bodies}
    assert bodies["甲乙厅"].kind is UnitKind.WORKING_DEPARTMENT
    assert bodies["戊己厅"].kind is UnitKind.WORKING_DEPARTMENT


def test_bodies_in_plaque_clauses_without_a_count_keep_no_class() -> None:
    # refusal: no count of a class before the clauses, no kind
    text = "甲乙厅挂丙丁局牌子;戊己厅挂庚辛办公室牌子。\n"
    bodies = {b.name: b for b in _draft(text).spec.bodies}
    assert bodies["甲乙厅"].kind is None


# --- the report tells the truth ---------------------------------------------------------------


def test_a_line_kept_only_as_a_note_gave_no_fact() -> None:
    text = (
        "某某新闻网\n改革后,青山镇党委、政府设下列2个机构,分别为综合办公室、社会事务办公室。\n会议强调,要抓好落实。\n"
    )
    report = _draft(text).report
    rows = {d["line"]: d for d in report["lines_with_no_fact"]}
    assert rows[1]["kept_as_note"]
    assert rows[1]["why"].startswith("a note, not a fact")
    assert 2 not in rows  # the line that gave the sections gave facts
    assert report["lines_kept_as_notes"] == sum(1 for d in rows.values() if d.get("kept_as_note"))
    line2 = len(text.splitlines()[1])
    total = sum(len(line) for line in text.splitlines())
    assert report["share_of_text_used"] == round(line2 / total, 3)


def test_a_news_item_of_which_nothing_was_read_uses_none_of_the_text() -> None:
    text = "某某新闻\n某单位开展活动\n活动期间,大家积极参与,气氛热烈。\n某单位负责人讲话。\n"
    report = _draft(text).report
    assert report["share_of_text_used"] == 0
    assert len(report["lines_with_no_fact"]) == 4


# --- a count with its noun first; the subject of a list's verb -----------------------------------


def test_a_count_of_sections_no_list_follows_is_stated_as_unlisted() -> None:
    # "内设机构6个" with none named: counted, not listed; the institutions set up beside them are not sections
    text = "某某新闻\n改革方案确定东山街道机关内设机构5个,同时新组建甲中心、乙中心两个直属事业单位。\n"
    result = _draft(text)
    body = result.spec.bodies[0]
    assert [(s.what, s.count.value, s.unlisted.value if s.unlisted else None) for s in body.stated] == [
        ("sections", 5, 5)
    ]
    assert [(u.name, u.kind) for u in body.units] == [
        ("甲中心", UnitKind.PUBLIC_INSTITUTION),
        ("乙中心", UnitKind.PUBLIC_INSTITUTION),
    ]
    assert not [m for m in _anomalies(result) if " but lists " in m]


def test_a_count_of_sections_a_shorter_list_follows_is_reported() -> None:
    # refusal: the count and a list of its sections that names fewer is a contradiction, not "unlisted"
    result = _draft("某某新闻\n东山街道内设机构5个,分别是:党政办公室、社会事务办公室。\n")
    assert any("states 5 sections" in m and "lists 2" in m for m in _anomalies(result))


def test_the_subject_of_a_lists_verb_names_the_body() -> None:
    for text, name in (
        ("某某新闻\n西湖街道办事处内设机构包括:党政办公室、社会事务科、城市管理科。\n", "西湖街道办事处"),
        ("某某新闻\n某区卫健局下设机构有:办公室、医政科、疾控科。\n", "某区卫健局"),
        ("某某新闻\n东山街道内设机构3个,分别是:党政办公室、社会事务办公室、平安办公室。\n", "东山街道"),
    ):
        assert _draft(text).spec.bodies[0].name == name


def test_a_class_before_a_lists_verb_names_no_body() -> None:
    # refusal: "全县各乡镇" is a class of bodies
    result = _draft("某某新闻\n全县各乡镇内设机构包括:党政办公室、社会事务科、城市管理科。\n")
    assert result.spec.bodies[0].name == "(name not found)"


# --- a sections part: "设下列N个", several plaques in one parenthesis --------------------------

_SECTIONS = (
    "某市民政局\n一、主要职责\n(一)贯彻执行国家有关法律法规,拟订全市民政事业发展规划。\n"
    "(二)承担社会组织登记管理工作。\n二、内设机构\n某市民政局设下列3个内设机构:\n"
    "(一)办公室(挂行政审批科牌子)。\n(二)社会救助科。\n(三)养老服务科(加挂老龄工作科、慈善科牌子)。\n"
)


def test_a_parenthesis_that_hangs_several_plaques_gives_one_plaque_each() -> None:
    body = _draft(_SECTIONS).spec.bodies[0]
    plaques = {u.name: [(p.name, p.form) for p in u.plaques] for u in body.units}
    assert plaques["养老服务科"] == [("老龄工作科", "加挂"), ("慈善科", "加挂")]
    assert plaques["办公室"] == [("行政审批科", "挂")]  # one name, one plaque
    assert plaques["社会救助科"] == []


def test_a_count_stated_with_xialie_before_the_sections_part() -> None:
    body = _draft(_SECTIONS).spec.bodies[0]
    assert [(s.count.value, s.text) for s in body.stated] == [(3, "设下列3个内设机构")]


# --- a title split over lines; the title's name against the text's ------------------------------


def test_a_title_split_over_lines_names_the_body_it_sets_up() -> None:
    text = "某府办函[2031]5号\n某市人民政府办公厅关于建立某市推进\n“早餐工程”联席会议制度的通知\n" + DUTIES
    body = _draft(text).spec.bodies[0]
    assert body.name == "某市推进“早餐工程”联席会议"


def test_the_texts_own_name_wins_over_the_titles_and_the_title_is_noted() -> None:
    text = (
        "某府办函[2031]5号\n某市人民政府办公厅关于建立某市推进\n“早餐工程”联席会议制度的通知\n"
        "各单位:市政府决定建立某市“早餐工程”联席会议制度(以下简称联席会议)。\n" + DUTIES
    )
    result = _draft(text)
    assert result.spec.bodies[0].name == "某市“早餐工程”联席会议"
    assert "# draft: the title reads '某市推进“早餐工程”联席会议'" in result.text


def test_a_split_title_that_issues_rules_names_no_body() -> None:
    # refusal: "关于印发…办法的通知" sets no body up
    text = "某府办函[2031]6号\n某市人民政府办公厅关于印发某市早餐\n工程管理办法的通知\n" + DUTIES
    assert _draft(text).spec.bodies[0].name == "(name not found)"


def test_enumerated_sections_with_their_heads_stay_sections() -> None:
    # refusal: "1、办公室" / "主任:张三" is a section and its head (a directory page), not a body
    text = "某县某局机构设置\n1、综合办公室\n主任:张三\n2、财务管理办公室\n主任:李四\n"
    assert not {"综合办公室", "财务管理办公室"} & {b.name for b in _draft(text).spec.bodies}


def test_a_plaque_hung_on_two_units_stays_on_the_first() -> None:
    # one name identifies one unit (OS402): the second carrier keeps it as a note, the report says so
    text = "甲乙厅挂丙丁局牌子;戊己厅挂庚辛办公室牌子。\n壬癸厅挂丙丁局牌子;子丑厅挂寅卯办公室牌子。\n"
    result = _draft(text)
    carriers = [b.name for b in result.spec.bodies if any(p.name == "丙丁局" for p in b.plaques)]
    assert carriers == ["甲乙厅"]
    assert any("丙丁局" in n["message"] and n["kind"] == "doubt" for n in result.report["notes"])
