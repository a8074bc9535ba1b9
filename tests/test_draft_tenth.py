"""The tenth pass: development recall, by patterns of the field.

Each rule reads a pattern of the field found in at least two corpus documents of different sources
(docs/draft.md, "The tenth pass: development recall"); the texts below are made up in other words than
any document, and each refusal beside a rule is a near-miss it must not read.
"""

from __future__ import annotations

from orgspec.model.units import EventKind
from tests.draft_helpers import checked_draft

# --- a run of bodies one reform verb sets up ----------------------------------------------------------


def test_every_body_of_a_run_one_verb_sets_up_is_a_body() -> None:
    text = (
        "本报讯 戊市政府机构改革动员会昨日召开。改革中,撤销市物资局,"
        "组建市住房保障局、市城乡规划委员会、市旅游发展中心,市统计局调整为市政府直属机构。\n"
    )
    result = checked_draft(text)
    names = [b.name for b in result.spec.bodies]
    for name in ("市住房保障局", "市城乡规划委员会", "市旅游发展中心"):
        (body,) = [b for b in result.spec.bodies if b.name == name]
        assert [e.kind for e in body.history] == [EventKind.ESTABLISHED]
    assert "市物资局" in names
    assert "市统计局" in names


def test_a_run_that_does_not_end_its_clause_is_not_read_as_one() -> None:
    # "组建A、B三个中心": the run goes on into a count and a class, so only the first name is the verb's
    # (as before); "组建A、B的职责" and a run whose item ends like no body name nothing more
    text = (
        "撤销己区城管局、己区环卫处。组建己区政务服务中心、己区网格管理中心两个直属事业单位。"
        "组建己区规划局、己区的规划职责由其承担。\n"
    )
    result = checked_draft(text)
    names = [b.name for b in result.spec.bodies]
    assert "己区网格管理中心" not in names
    assert not any("职责" in n or "两个" in n for n in names)
    # a plaque after a run: whose it is the sentence does not say, so no body gets it
    text = "组建庚县文化局、庚县体育局,保留庚县文物局牌子。不再保留庚县文广局。\n"
    result = checked_draft(text)
    assert all(not b.plaques for b in result.spec.bodies)


# --- duties a quotation gives another body -----------------------------------------------------------


def test_the_duties_a_quotation_lists_are_the_named_bodys() -> None:
    text = (
        "辛省机构编制工作简介\n"
        "《辛省机构编制管理办法》第三条规定,“省机构编制委员会的主要职责是:……(三)审核省直各部门的"
        "机构设置和人员编制方案[4]。”此外,各市另行规定。\n"
        "本页列出各部门名单。\n"
    )
    result = checked_draft(text)
    (body,) = [b for b in result.spec.bodies if b.name == "省机构编制委员会"]
    # the excerpt's ellipsis and item number and the wiki's reference mark are not the duty's words
    assert [d.text for d in body.duties] == ["审核省直各部门的机构设置和人员编制方案。"]
    assert all(not b.duties for b in result.spec.bodies if b.name != "省机构编制委员会")


def test_a_quotation_of_the_texts_own_body_or_no_quotation_keeps_the_duties_its_own() -> None:
    # the text's own body named inside the quotation: its duties, as before
    text = (
        "壬市农业农村局\n"
        "壬市农业农村局是市政府工作部门。《方案》规定,“壬市农业农村局的主要职责是:负责全市农业农村工作。”\n"
    )
    result = checked_draft(text)
    assert [b.name for b in result.spec.bodies] == ["壬市农业农村局"]
    assert [d.text for d in result.spec.bodies[0].duties] == ["负责全市农业农村工作。"]
    # a body named before its duties outside any quotation: no quotation, no other body
    text = "壬市统计局的主要职责是:负责全市统计工作。组织实施统计调查。\n"
    result = checked_draft(text)
    assert len(result.spec.bodies) == 1
    assert [d.text for d in result.spec.bodies[0].duties][:1] == ["负责全市统计工作。"]


# --- a class of bodies a sentence counts and does not list ---------------------------------------------


def test_a_class_of_bodies_the_text_counts_is_one_body_standing_for_them() -> None:
    text = (
        "癸县审计局\n"
        "癸县审计局是县政府工作部门。审计监督范围包括96个县直部门和乡镇单位,联系指导3个省市驻县单位。"
        "全县共有40家单位需要进行专项审计。\n"
    )
    result = checked_draft(text)
    classes = {b.name: b.stands_for for b in result.spec.bodies if b.stands_for is not None}
    assert set(classes) == {"县直部门和乡镇单位", "40家单位"}
    assert classes["县直部门和乡镇单位"] is not None
    assert classes["县直部门和乡镇单位"].count.value == 96
    assert result.spec.bodies[0].name == "癸县审计局"


def test_a_count_the_text_lists_or_a_count_of_people_is_no_class() -> None:
    text = "癸县林业局\n癸县林业局共有3个下属单位:县林场、县苗圃、县林业站。\n全局包括45名干部职工,管辖1个国有单位。\n"
    result = checked_draft(text)
    assert all(b.stands_for is None for b in result.spec.bodies)
