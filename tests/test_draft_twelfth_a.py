"""The twelfth pass (a): bodies and document frames, by shapes of the field.

Each rule reads a shape many bodies' documents share, seen in at least two development documents of
different sources or one and a type of the shape catalogue (docs/draft.md, "The twelfth pass (a): bodies
and frames"); the texts below are made up in other words than any document, and each refusal beside a
rule is a near-miss it must not read.
"""

from __future__ import annotations

from orgspec.draft.extract_admin import read_news
from orgspec.draft.extract_duties import split_duty
from orgspec.draft.facts import Facts
from orgspec.draft.normalize import read_lines
from tests.draft_helpers import checked_draft

# --- 三定 news: the frame says whose facts they are, the general readers read the rest ---------------

_NEWS = (
    "戊市文化广电旅游局“三定”规定出台\n"
    "来源：戊市编办  发布时间：2024-03-02  浏览次数：35\n"
    "日前，市委办公室、市政府办公室印发《戊市文化广电旅游局职能配置、内设机构和人员编制规定》。\n"
    "根据规定，戊市文化广电旅游局是市政府工作部门，为正处级，对外保留戊市文物局牌子。\n"
    "市文化广电旅游局机关行政编制28名。设局长1名，副局长3名。\n"
)


def test_news_of_a_sanding_rule_is_read_by_its_frame_and_the_general_readers() -> None:
    result = checked_draft(_NEWS)
    (body,) = result.spec.bodies
    # the frame's: whose facts they are, and their basis
    assert body.name == "戊市文化广电旅游局"
    assert [b.title for b in body.basis] == ["戊市文化广电旅游局职能配置、内设机构和人员编制规定"]
    # the general readers': a plaque kept "对外保留", the superior completed from the name
    assert [(p.name, p.form) for p in body.plaques] == [("戊市文物局", "对外保留")]
    assert body.superior is not None
    assert body.superior.target == "戊市人民政府"
    assert body.rank == "正处级"
    assert [(q.category.value, q.count.value) for q in body.quotas] == [("administrative", 28)]


def test_the_frame_of_news_keeps_its_body_and_its_lines_are_no_facts() -> None:
    text = (
        "市文旅局“三定”方案公布\n"
        "发布时间：2024-03-02  来源：戊市机构编制网  【打印】【关闭】\n"
        "近日，《戊市文化广电旅游局职能配置、内设机构和人员编制规定》印发。\n"
        "市文旅局是市政府工作部门，加挂戊市文物局牌子。\n"
    )
    frame = read_news(read_lines(text), Facts())
    assert frame is not None
    assert frame.lines == {2}  # the chrome: hidden from the general readers
    result = checked_draft(text)
    (body,) = result.spec.bodies
    assert body.name == "戊市文化广电旅游局"  # not the short form the text's sentence uses
    assert "戊市机构编制网" not in result.text.replace("# L", "").split("body", 1)[1]


def test_an_administrative_document_of_another_type_is_no_news_frame() -> None:
    text = (
        "戊县机构编制委员会关于同意设立戊县数据中心的批复\n"
        "戊编〔2024〕3号\n"
        "县政务服务局：\n"
        "你局《关于设立戊县数据中心的请示》收悉。经研究，现批复如下：\n"
        "一、同意设立戊县数据中心，为你局所属股级公益一类事业单位。\n"
        "二、核定事业编制5名。\n"
        "此复。\n"
    )
    assert read_news(read_lines(text), Facts()) is None
    result = checked_draft(text)
    assert [b.name for b in result.spec.bodies] == ["戊县数据中心"]


# --- a gazetteer's entries under a line introducing the units are units, not the body (a guard) ----


def test_entries_under_a_line_introducing_the_units_do_not_name_the_body() -> None:
    text = (
        "第二节 园区管理机构\n"
        "2001年3月,己县工业园区管理处设立,是己县政府派出机构,正科级,编制12人。下设机构为:\n"
        "办公室 2001年4月成立,股级,工作人员3人。负责文秘、后勤工作。\n"
        "招商服务中心 2001年4月成立,股级,工作人员4人。负责招商引资工作。\n"
    )
    result = checked_draft(text)
    assert all(b.name not in ("办公室", "招商服务中心") for b in result.spec.bodies)


def test_a_gazetteer_entry_that_opens_the_text_still_names_the_body() -> None:
    text = "己县农业机械管理局 1984年6月设立,正科级,编制8人。\n局内设办公室、农机推广站。\n"
    result = checked_draft(text)
    assert [b.name for b in result.spec.bodies] == ["己县农业机械管理局"]


# --- a series of duties "负责A、负责B、…等" is one duty an item -----------------------------------------


def test_a_series_of_duties_in_news_is_one_duty_an_item() -> None:
    text = (
        "辛县医疗保障局“三定”方案印发\n"
        "近日，《辛县医疗保障局职能配置、内设机构和人员编制规定》印发。\n"
        "根据规定，辛县医疗保障局是县政府工作部门，主要职责是，负责医疗保险基金监管、负责药品招标采购管理、"
        "负责医疗救助工作等。\n"
    )
    result = checked_draft(text)
    (body,) = result.spec.bodies
    assert [d.text for d in body.duties] == ["负责医疗保险基金监管", "负责药品招标采购管理", "负责医疗救助工作"]


def test_a_duty_whose_items_do_not_each_open_with_the_verb_is_one_duty() -> None:
    # the series is split by the one rule every drafted duty goes through (extract_duties.split_duty)
    assert split_duty("负责医疗保险、生育保险和医疗救助工作。") == ["负责医疗保险、生育保险和医疗救助工作。"]
    assert split_duty("负责A、负责B、负责C") == ["负责A、负责B、负责C"]  # items too short to be duties
    # two clauses are not yet a chain: one duty, as the document may mean one
    two = "负责医疗保险基金监管、负责医疗救助等工作。"
    assert split_duty(two) == [two]
    assert split_duty("负责医疗保险基金监管、指导定点医疗机构管理、负责医疗救助等。") == [
        "负责医疗保险基金监管",
        "指导定点医疗机构管理",
        "负责医疗救助",
    ]


# --- a request a copy gives without its title: the body is the one that signs it --------------------


_REQUEST = (
    "县机构编制委员会：\n"
    "根据《辛县事业单位改革实施意见》（辛办发〔2019〕5号）的要求，经局党组研究，现将我局所属事业单位调整事项请示如下：\n"
    "一、辛县农机推广站更名为辛县农业技术服务中心，为公益一类事业单位。\n"
    "二、辛县种子管理站并入辛县农业技术服务中心。\n"
    "妥否，请批示。\n"
    "辛县农业农村局\n"
    "二〇一九年六月十日\n"
)


def test_an_untitled_request_names_the_body_that_signs_it() -> None:
    result = checked_draft(_REQUEST)
    names = [b.name for b in result.spec.bodies]
    assert names[0] == "辛县农业农村局"
    assert "县机构编制委员会" not in names  # the addressee
    # a request decides nothing: the document it cites is its ground, not the body's basis
    assert not result.spec.bodies[0].basis
    frame = read_news(read_lines(_REQUEST), Facts())
    assert frame is not None
    assert not frame.decides
    assert frame.lines == {1, 5, 6, 7}  # the addressee, the formula, the signature, the date


def test_a_signed_text_that_never_speaks_of_its_sender_or_ends_without_a_date_is_no_request_frame() -> None:
    unsigned = _REQUEST.replace("我局所属", "全县")
    assert read_news(read_lines(unsigned), Facts()) is None
    undated = _REQUEST.replace("二〇一九年六月十日\n", "")
    assert read_news(read_lines(undated), Facts()) is None
    no_formula = _REQUEST.replace("妥否，请批示。\n", "")
    assert read_news(read_lines(no_formula), Facts()) is None
