"""The eleventh pass (a): bodies, by shapes of the field.

Each rule reads a shape many bodies' documents share, seen in at least two development documents of
different sources (docs/draft.md, "The eleventh pass (a): bodies"); the texts below are made up in
other words than any document, and each refusal beside a rule is a near-miss it must not read.
"""

from __future__ import annotations

from orgspec.draft.extract_fates import run_together
from orgspec.model.units import EventKind
from tests.draft_helpers import checked_draft, notes_of

# --- names a copy ran together (a guard) ------------------------------------------------------------


def test_names_a_copy_ran_together_are_no_body() -> None:
    text = (
        "戊省机构沿革\n1. 撤销戊省人民政府农垦局戊省人民政府林垦局\n2. 设立戊省人民政府水产局,撤销戊省人民政府渔业局\n"
    )
    result = checked_draft(text)
    names = [b.name for b in result.spec.bodies]
    assert "戊省人民政府农垦局戊省人民政府林垦局" not in names
    assert not any(n.count("戊省人民政府") > 1 for n in names)
    assert any("run together" in m for m in notes_of(result, "doubt"))


def test_a_name_whose_opening_does_not_recur_after_an_ending_is_one_name() -> None:
    assert run_together("中央人民政府情报总署中央人民政府新闻总署")
    assert not run_together("国务院国有资产监督管理委员会")
    assert not run_together("戊省人民政府参事室")
    # the opening recurs, but not after a body's ending: one name
    assert not run_together("戊省人民政府戊省人民政府驻京联络组")
    text = "撤销戊省人民政府研究室、戊省人民政府金融工作办公室、戊省人民政府外事办公室\n"
    result = checked_draft(text)
    names = [b.name for b in result.spec.bodies]
    assert "戊省人民政府研究室" in names
    assert "戊省人民政府外事办公室" in names


# --- a fate verb and a colon introduce the bodies it decides ---------------------------------------


def test_the_bodies_under_a_fate_verb_and_a_colon_get_its_fate() -> None:
    text = (
        "己省政府机构调整一览\n"
        "1. 会议审议了调整方案。\n"
        "2. 决定撤销:\n"
        "  1. 己省轻工业厅\n"
        "  2. 己省纺织工业厅\n"
        "3. 决定设立:\n"
        "  1. 己省经济贸易委员会\n"
        "  2. 己省外商投资服务中心\n"
        "  3. 己省电子\n"
    )
    result = checked_draft(text)
    fates = {b.name: [e.kind for e in b.history] for b in result.spec.bodies}
    assert fates["己省轻工业厅"] == [EventKind.ABOLISHED]
    assert fates["己省纺织工业厅"] == [EventKind.ABOLISHED]
    assert fates["己省经济贸易委员会"] == [EventKind.ESTABLISHED]
    assert fates["己省外商投资服务中心"] == [EventKind.ESTABLISHED]
    # a line that ends like no body's name ends the list (a copy cut inside a name)
    assert "己省电子" not in fates


def test_a_run_of_names_after_the_verb_and_colon_is_read_in_one_line() -> None:
    text = "庚市机构改革\n撤销以下3个机构:庚市物价局、庚市粮食局、庚市外经贸委。\n"
    result = checked_draft(text)
    abolished = [b.name for b in result.spec.bodies if [e.kind for e in b.history] == [EventKind.ABOLISHED]]
    assert abolished == ["庚市物价局", "庚市粮食局", "庚市外经贸委"]


def test_a_shorthand_a_count_that_differs_or_a_dated_head_is_no_list() -> None:
    # a shorthand list (the names share one ending), a count the list does not meet, a dated head
    text = (
        "辛省驻外机构改革\n"
        "撤销5个驻外机构:省政府驻沈阳、南京、大连办事处。\n"
        "撤销以下3个机构:辛省物价局、辛省粮食局。\n"
        "1998年撤销:\n"
        "1. 辛省冶金厅\n"
        "2. 辛省煤炭厅\n"
    )
    result = checked_draft(text)
    names = [b.name for b in result.spec.bodies]
    for name in ("辛省物价局", "辛省粮食局", "辛省冶金厅", "辛省煤炭厅"):
        assert name not in names
    assert not any("驻沈阳" in n for n in names)


# --- the order that issued a body's rules: its number, issuer and date --------------------------------


_RULES = "第一條\n本局置局長一人,綜理局務。\n第二條\n本局設左列各課:\n一、總務課。\n二、建設課。\n"


def test_the_order_that_issued_the_rules_gives_their_basis_its_number() -> None:
    text = (
        "壬縣地政局組織規程\n"
        "壬縣地政局組織規程(廢止) 中華民國61年(1972年)3月9日 壬縣政府令(61) 府人字第04512號\n" + _RULES
    )
    result = checked_draft(text)
    (basis,) = result.spec.bodies[0].basis
    assert basis.title == "壬縣地政局組織規程"
    assert basis.number == "(61) 府人字第04512號"
    assert basis.issuer == "壬縣政府"
    assert basis.date is not None
    assert (basis.date.year, basis.date.month, basis.date.day) == (1972, 3, 9)
    # the issuing order among amendments: the one that does not amend ("訂定發布"), the year from 民國
    text = (
        "壬縣地政局組織規程\n"
        "1.中華民國七十年五月二日壬縣政府(70)府法字第1234號令訂定發布全文\n"
        "2.中華民國八十年一月三日壬縣政府府法字第5678號令修正發布第2條條文\n" + _RULES
    )
    result = checked_draft(text)
    (basis,) = result.spec.bodies[0].basis
    assert basis.number == "(70)府法字第1234號"
    assert basis.date is not None
    assert basis.date.year == 1981


def test_two_issuing_orders_or_an_amending_order_give_no_number() -> None:
    text = "壬縣地政局組織規程\n1.中華民國八十年一月三日壬縣政府府法字第5678號令修正發布第2條條文\n" + _RULES
    result = checked_draft(text)
    (basis,) = result.spec.bodies[0].basis
    assert basis.number is None
    text = (
        "壬縣地政局組織規程\n"
        "中華民國61年(1972年)3月9日 壬縣政府令(61) 府人字第04512號\n"
        "中華民國65年(1976年)8月1日 壬縣政府令(65) 府人字第09999號\n" + _RULES
    )
    result = checked_draft(text)
    (basis,) = result.spec.bodies[0].basis
    assert basis.number is None
    assert any("2 orders" in m for m in notes_of(result, "doubt"))


# --- a plan's own opening sentence: "结合实际,制定X机构改革方案" ---------------------------------------


def test_the_plans_own_opening_sentence_names_its_body_and_basis() -> None:
    text = (
        "省委办公厅、省政府办公厅印发《癸山州机构改革方案》\n"
        "为贯彻落实党中央的部署,根据有关文件精神,结合本州实际,制定癸山州机构改革方案。\n"
        "一、总体要求\n"
        "深化机构改革,要坚持正确方向。\n"
    )
    result = checked_draft(text)
    (body,) = result.spec.bodies
    assert body.name == "癸山州"
    (basis,) = body.basis
    assert basis.title == "癸山州机构改革方案"
    assert basis.issuer == "省委办公厅、省政府办公厅"


def test_a_plan_cited_or_announced_is_not_the_texts_own() -> None:
    # a plan cited after 根据, a headline announcing one, a plan made by no place: none is the text's own
    for text in (
        "根据《癸山州机构改革方案》,结合实际,制定本县实施意见。\n一、总体要求\n深化改革。\n",
        "癸山州机构改革方案正式出台\n记者从州委编办获悉,方案近日印发。\n",
        "结合实际,制定深化党和国家机构改革方案。\n一、总体要求\n深化改革。\n",
    ):
        result = checked_draft(text)
        assert all(b.name != "癸山州" for b in result.spec.bodies)
        assert all(not b.basis or b.basis[0].title != "癸山州机构改革方案" for b in result.spec.bodies)


def test_names_of_no_level_under_a_fate_verb_stay_the_texts_own_units() -> None:
    # "设立:" over names that open with no level or place: the body's own units, read as sections as before
    text = "辛街道办事处\n设立:\n1. 党政综合办公室\n2. 社会事务办公室\n3. 经济发展办公室\n"
    result = checked_draft(text)
    (body,) = result.spec.bodies
    assert body.name == "辛街道办事处"
    assert [u.name for u in body.walk()][1:] == ["党政综合办公室", "社会事务办公室", "经济发展办公室"]


def test_a_plan_made_in_a_news_items_report_is_not_the_texts_own() -> None:
    # the sentence does not open the plan (no 根据/为 before it), or comes after the plan's first part
    for text in (
        "子县机构改革动员会召开\n会上,县委编办结合实际,制定子山县机构改革方案,报市委审批。\n",
        "子县某局工作总结\n一、工作开展情况\n根据上级部署,结合实际,制定子山县机构改革方案。\n",
    ):
        result = checked_draft(text)
        assert all(b.name != "子山县" for b in result.spec.bodies)
        assert all(x.title != "子山县机构改革方案" for b in result.spec.bodies for x in b.basis)
