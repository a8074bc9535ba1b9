"""The seventh pass: every body a document names, and the basis of such documents.

Each rule reads a pattern of the field found in at least two corpus documents of different sources
(docs/draft.md, "The seventh pass: every body a document names"); the texts below are made up in
other words than any document, and each refusal beside a rule is a near-miss it must not read.
"""

from __future__ import annotations

from orgspec.draft import Draft
from orgspec.model.units import EventKind, Unit
from orgspec.model.values import UnitKind
from tests.draft_helpers import checked_draft


def _draft(text: str) -> Draft:
    return checked_draft(text, "made-up.txt")


def _bodies(result: Draft) -> dict[str, Unit]:
    return {b.name: b for b in result.spec.bodies}


def _fates(body: Unit) -> list[EventKind]:
    return [e.kind for e in body.history]


# --- bodies named after the verb that decides them (a reform plan, a news item) -------------------


def test_each_body_a_reform_sentence_names_is_drafted_with_its_fate() -> None:
    text = (
        "甲省机构改革有关情况如下。\n"
        "一是组建省湖泊保护委员会,作为省政府组成部门。不再保留省水产局、省湖泊管理办公室。\n"
        "二是重新组建省档案局。省农机中心并入省农业农村厅。\n"
        "三是保留省信访局、省机关事务管理局。\n"
    )
    bodies = _bodies(_draft(text))
    assert _fates(bodies["省湖泊保护委员会"]) == [EventKind.ESTABLISHED]
    assert bodies["省湖泊保护委员会"].kind is UnitKind.CONSTITUENT_DEPARTMENT
    assert bodies["省湖泊保护委员会"].kind_label == "组成部门"
    assert _fates(bodies["省水产局"]) == _fates(bodies["省湖泊管理办公室"]) == [EventKind.ABOLISHED]
    assert _fates(bodies["省档案局"]) == [EventKind.REESTABLISHED]
    merged = bodies["省农机中心"].history[0]
    assert merged.kind is EventKind.MERGED
    assert merged.target is not None
    assert merged.target.target == "省农业农村厅"
    assert _fates(bodies["省信访局"]) == _fates(bodies["省机关事务管理局"]) == [EventKind.KEPT]


def test_a_renamed_body_is_one_body_under_its_new_name() -> None:
    text = "将区商务局更名为区商务和投资促进局。组建区政务数据局。撤销区招商中心、区电商中心。\n"
    bodies = _bodies(_draft(text))
    renamed = bodies["区商务和投资促进局"].history[0]
    assert (renamed.kind, renamed.before, renamed.after) == (EventKind.RENAMED, "区商务局", "区商务和投资促进局")
    assert "区商务局" not in bodies


def test_a_body_put_under_another_is_no_merger() -> None:
    # refusal: "A划入B" may place A under B or move its duties: neither is read as a merger
    text = "区农机站划入区农业农村局。组建区政务数据局。撤销区招商中心、区电商中心。\n"
    assert "区农机站" not in _bodies(_draft(text))


def test_a_body_that_lives_on_as_a_plaque_is_not_drafted_twice() -> None:
    text = (
        "组建市海防委员会,保留市口岸办公室牌子。不再保留单设的市口岸办公室。\n"
        "组建市数据资源局。市统计中心调整为市政府直属机构。\n"
    )
    bodies = _bodies(_draft(text))
    assert [(p.name, p.form) for p in bodies["市海防委员会"].plaques] == [("市口岸办公室", "保留")]
    assert "市口岸办公室" not in bodies  # the plaque's name is no body of its own (OS402 otherwise)
    assert bodies["市统计中心"].kind_label == "直属机构"
    assert _fates(bodies["市数据资源局"]) == [EventKind.ESTABLISHED]


def test_a_name_must_end_its_clause_and_one_body_is_no_list() -> None:
    # refusal: "组建X的职责" names no body; a single 撤销 is a body's own history, not a list
    result = _draft("组建生态保护部的职责划入省水利厅承担。撤销县林业站。\n")
    assert "生态保护部" not in _bodies(result)
    assert "县林业站" not in _bodies(result)


def test_a_dated_change_is_history_not_a_plan() -> None:
    # refusal: "1985年,撤销A,成立B": a gazetteer's history of one body, read by the history reader
    result = _draft("1985年,撤销城关公社管委会,成立城关镇人民政府。1992年3月,设立城关镇财政所。\n")
    assert "城关公社管委会" not in _bodies(result)


def test_a_body_of_another_jurisdiction_is_refused_with_a_note() -> None:
    text = (
        "根据《乙县机构改革方案》,组建县应急管理局,不再保留县安全生产监督管理局。\n"
        "组建县医疗保障局。撤销省煤炭工业局。\n"
    )
    result = _draft(text)
    bodies = _bodies(result)
    assert {"县应急管理局", "县安全生产监督管理局", "县医疗保障局"} <= set(bodies)
    assert "省煤炭工业局" not in bodies
    assert any("省煤炭工业局" in n["message"] for n in result.report["notes"])


# --- the basis of such documents ---------------------------------------------------------------


def test_a_plan_a_meeting_passed_or_a_decision_made_is_the_basis() -> None:
    text = (
        "2019年1月5日,丙市人大常委会第二次会议审议通过了《丙市人民政府机构改革方案》。\n"
        "组建市文化广电旅游局,不再保留市文化局、市旅游局。\n"
    )
    result = _draft(text)
    assert [b.title for b in result.spec.bodies[0].basis] == ["丙市人民政府机构改革方案"]
    text = "丁县县委作出《关于设立县委巡察机构的决定》。组建县委巡察办,撤销县督查室、县考核办。\n"
    assert [b.title for b in _draft(text).spec.bodies[0].basis] == ["关于设立县委巡察机构的决定"]


def test_a_report_a_meeting_heard_is_no_basis() -> None:
    # refusal: a work report the meeting heard (no plan, decision, notice or rules) rests nothing on it
    text = "会议审议通过了《县政府二〇一九年工作报告》。组建县数据局,撤销县信息中心、县统计中心。\n"
    assert not any(b.basis for b in _draft(text).spec.bodies)


def test_a_description_with_de_is_no_name() -> None:
    # refusal: "成立了由县长任组长的X领导小组" describes the group; its name is read by the group reader
    text = "成立了由县长任组长的防汛工作领导小组。成立了由副县长任组长的森林防火领导小组。\n"
    assert not any("的" in b.name for b in _draft(text).spec.bodies)


# --- lists of bodies under their class, in more layouts -----------------------------------------


def test_each_class_a_sentence_lists_gives_its_bodies_the_last_list_of_a_class_in_force() -> None:
    text = (
        "戊县概况\n"
        "2001年,县政府工作部门有办公室、计划局、财政局、教育局。\n"
        "2010年,县政府工作部门(4个)有:办公室、发展和改革局、财政局、教育体育局。"
        "县政府直属事业单位有:县档案馆、县广播电视台、县党校。\n"
    )
    result = _draft(text)
    bodies = _bodies(result)
    assert list(bodies) == ["办公室", "发展和改革局", "财政局", "教育体育局", "县档案馆", "县广播电视台", "县党校"]
    assert bodies["发展和改革局"].kind_label == "县政府工作部门"
    assert bodies["县党校"].kind_label == "县政府直属事业单位"
    assert any("listed 2 times" in n["message"] for n in result.report["notes"])


def test_a_class_list_with_an_item_no_body_is_refused() -> None:
    # refusal: "计划" and "财政" end like no body: the words are no list of bodies
    result = _draft("县政府工作部门有办公室、计划、财政。\n")
    assert "办公室" not in _bodies(result)


def test_numbered_names_under_a_class_heading_line_are_bodies_of_that_class() -> None:
    text = (
        "一、市政府工作部门\n1.市发展和改革委员会\n2.市教育局(挂市语言文字工作委员会牌子)\n3.市财政局\n"
        "二、市政府直属机构\n(1)市统计局\n(2)市医疗保障局\n"
    )
    bodies = _bodies(_draft(text))
    assert bodies["市教育局"].kind_label == "市政府工作部门"
    assert [(p.name, p.form) for p in bodies["市教育局"].plaques] == [("市语言文字工作委员会", "挂")]
    assert bodies["市医疗保障局"].kind_label == "市政府直属机构"  # scored as directly-affiliated (its ending)
    assert not any(b.units for b in bodies.values())  # bodies, not sections of one body


def test_numbered_names_under_a_sections_heading_stay_sections() -> None:
    # refusal: "内设机构" is the body's own sections, not a class of bodies
    body = _draft("某市统计局\n一、内设机构\n1.办公室\n2.综合统计科\n3.法规科\n").spec.bodies[0]
    assert [u.name for u in body.units] == ["办公室", "综合统计科", "法规科"]


# --- a review of coordinating bodies: the fate its class headings give --------------------------


def test_a_heading_that_keeps_or_abolishes_a_class_gives_each_body_its_fate() -> None:
    text = (
        "一、保留的议事协调机构\n区河道治理指挥部\n区老龄工作委员会\n"
        "二、撤销的议事协调机构\n区文明城区创建领导小组\n区人口普查领导小组\n"
    )
    bodies = _bodies(_draft(text))
    assert _fates(bodies["区河道治理指挥部"]) == _fates(bodies["区老龄工作委员会"]) == [EventKind.KEPT]
    assert _fates(bodies["区人口普查领导小组"]) == [EventKind.ABOLISHED]
    assert bodies["区老龄工作委员会"].kind is UnitKind.COORDINATING_BODY  # "保留的" is the fate, not the class


def test_numbered_bodies_with_their_leaders_under_a_keeping_heading_are_kept() -> None:
    text = "一、保留的非常设机构\n1、区防汛委员会\n主 任:赵一\n副主任:钱二\n2、区绿化委员会\n主 任:孙三\n"
    bodies = _bodies(_draft(text))
    assert _fates(bodies["区防汛委员会"]) == _fates(bodies["区绿化委员会"]) == [EventKind.KEPT]


def test_a_heading_with_no_fate_word_gives_none() -> None:
    # refusal: "现有的" states no decision; the bodies have their class and no event
    bodies = _bodies(_draft("一、现有的议事协调机构\n区河道治理指挥部\n区老龄工作委员会\n"))
    assert bodies["区老龄工作委员会"].history == ()


def test_the_place_a_reform_plan_names_is_the_body_of_a_text_that_names_no_other() -> None:
    text = "根据《青川县机构改革实施方案》,组建县退役军人事务局,不再保留县民政局双拥办、县老干部中心。\n"
    assert _draft(text).spec.bodies[0].name == "青川县"
    # refusal: a plan of no place names no body
    text = "根据《党和国家机构改革方案》,组建国家数据局,不再保留国家信息中心、国家统计中心。\n"
    assert _draft(text).spec.bodies[0].name == "(name not found)"


def test_the_class_a_reform_sentence_gives_a_listed_body_is_not_the_texts_own() -> None:
    text = "组建省湖泊保护委员会,作为省政府组成部门。不再保留省水产局、省湖泊管理办公室。\n"
    result = _draft(text)
    assert [b.name for b in result.spec.bodies] == ["省湖泊保护委员会", "省水产局", "省湖泊管理办公室"]


def test_a_body_of_another_jurisdiction_is_refused_in_either_script() -> None:
    text = "根據《甲省機構改革方案》,組建省應急管理廳,不再保留省安全生產監督管理局。撤銷縣煤炭工業局。\n"
    bodies = _bodies(_draft(text))
    assert "省應急管理廳" in bodies
    assert "縣煤炭工業局" not in bodies  # 縣 is 县: a county's body in a province's plan


def test_words_that_open_like_a_level_are_no_other_jurisdiction() -> None:
    # refusal of the refusal: 城市, 市场 and 市政 open names of any level; only a level or a place is one
    text = "根据《乙县机构改革方案》,组建城市管理局,组建市场监督管理局。撤销市政工程局、县环卫所办。\n"
    bodies = _bodies(_draft(text))
    assert {"城市管理局", "市场监督管理局", "市政工程局", "县环卫所办"} <= set(bodies)
