"""The administrative documents' reader (``orgspec.draft.extract_admin``): each rule on a made-up text in
words other than the shape catalogue's, and the refusal beside it.

The frame of a 批复, 请示 or 通知 (title, number, addressee, formula, signature, date) says whose facts the
text gives: the unit set up, renamed or adjusted, never the sender; a sentence is never a unit's name; a
signature or a date line is never a unit.
"""

from __future__ import annotations

from orgspec.model.units import Post, Unit
from tests.draft_helpers import checked_draft, notes_of


def _body(text: str) -> Unit:
    spec = checked_draft(text).spec
    assert len(spec.bodies) == 1, [b.name for b in spec.bodies]
    return spec.bodies[0]


SETUP = """丁县机构编制委员会办公室
关于同意成立丁县老年大学的批复
丁编办字〔2020〕7号
县委老干部局：
你局《关于成立丁县老年大学的请示》收悉。经研究，同意成立丁县老年大学，为县委老干部局所属公益二类事业单位，机构规格相当于副股级，经费实行差额拨款，核定事业编制6名，设校长1名。
此复。
丁县机构编制委员会办公室
2020年11月3日
"""


def test_a_reply_setting_up_a_unit_drafts_that_unit_not_its_sender() -> None:
    body = _body(SETUP)
    assert body.name == "丁县老年大学"
    assert (body.kind_label, body.rank, body.funding) == ("公益二类事业单位", "副股级", "差额拨款")
    assert body.superior is not None
    assert body.superior.target == "县委老干部局"
    assert [(q.category.value, q.count.value) for q in body.quotas] == [("public-institution", 6)]
    assert [(p.title, p.count.value) for p in body.posts if isinstance(p, Post)] == [("校长", 1)]
    assert [b.number for b in body.basis] == ["丁编办字〔2020〕7号"]
    assert body.basis[0].issuer == "丁县机构编制委员会办公室"
    assert str(body.basis[0].date) == "2020-11-03"
    assert not body.units  # the signature and the date are no unit


def test_you_bureau_s_unit_has_the_addressee_as_its_superior() -> None:
    text = SETUP.replace("为县委老干部局所属", "为你局所属")
    superior = _body(text).superior
    assert superior is not None
    assert superior.target == "县委老干部局"


def test_a_reply_on_anything_else_is_left_to_the_general_readers() -> None:
    text = "丁县财政局\n关于2021年部门预算的批复\n县民政局：\n你局报送的预算收悉。此复。\n丁县财政局\n2021年2月1日\n"
    result = checked_draft(text)
    assert all(b.name != "2021年部门预算" for b in result.spec.bodies)
    assert not any("批复 sets up" in str(n) for n in result.report["notes"])


RENAME = """戊市机构编制委员会关于戊市园林绿化管理所更名的批复
戊编〔2018〕31号
市城市管理局：
你局请示收悉。经研究，同意将戊市园林绿化管理所更名为戊市园林绿化服务中心，机构规格和编制不变。
此复。
戊市机构编制委员会
2018年7月9日
"""


def test_a_renaming_reply_drafts_the_new_name_with_the_rename_as_history() -> None:
    body = _body(RENAME)
    assert body.name == "戊市园林绿化服务中心"
    assert [(e.kind.value, e.before, e.after) for e in body.history] == [
        ("renamed", "戊市园林绿化管理所", "戊市园林绿化服务中心")
    ]


def test_a_rename_of_another_unit_does_not_name_the_body() -> None:
    body = _body(RENAME.replace("同意将戊市园林绿化管理所更名为", "同意将戊市苗圃更名为"))
    assert body.name == "戊市园林绿化管理所"
    assert not body.history


ADJUST = """己县人民政府办公室关于调整己县交通运输局机构编制的通知
各乡镇人民政府，县直各部门：
经县委编委研究同意，现将有关事项通知如下：
（一）撤销运输管理股，将综合规划股更名为规划建设股。
（二）调整后，县交通运输局内设办公室、规划建设股、公路管理股、安全监督股4个股室。
（三）县交通运输局机关行政编制由14名调整为12名，局长1名，副局长2名。
（四）县交通运输局加挂县地方海事局、县港航管理局牌子。
己县人民政府办公室
2021年9月30日
"""


def test_an_adjusting_notice_drafts_the_state_after_it_never_a_sentence_as_a_unit() -> None:
    body = _body(ADJUST)
    assert body.name == "己县交通运输局"
    assert [u.name for u in body.units] == ["办公室", "规划建设股", "公路管理股", "安全监督股"]
    assert [(q.count.value) for q in body.quotas] == [12]
    assert [p.name for p in body.plaques] == ["县地方海事局", "县港航管理局"]
    assert [(e.kind.value, e.target.target if e.target else None) for e in body.history] == [
        ("abolished", "运输管理股")
    ]
    assert "将综合规划股更名为规划建设股" in body.notes
    assert not any("2021" in u.name or "人民政府办公室" in u.name for u in body.units)  # the signature, the date


def test_a_list_holding_a_change_is_not_read_as_sections() -> None:
    text = ADJUST.replace("内设办公室、规划建设股", "内设办公室、将综合规划股更名为规划建设股")
    result = checked_draft(text)
    assert not result.spec.bodies[0].units
    assert any("not read as sections" in m for m in notes_of(result, "doubt"))


ASK = """庚区卫生健康局关于增设内设机构的请示
庚区委编办：
因工作需要，我局拟增设以下内设机构：
一、增设老龄健康股，负责全区老龄健康工作。
二、增设职业健康股，负责全区职业健康监督管理。
妥否，请批示。
庚区卫生健康局
2023年2月14日
"""


def test_a_request_for_units_drafts_its_sender_with_the_units_asked_for() -> None:
    body = _body(ASK)
    assert body.name == "庚区卫生健康局"
    assert [(u.name, [d.text for d in u.duties]) for u in body.units] == [
        ("老龄健康股", ["负责全区老龄健康工作。"]),
        ("职业健康股", ["负责全区职业健康监督管理。"]),
    ]
    assert any("not yet approved" in n for n in body.notes)
    assert not body.basis  # a request decides nothing


GROUP = """辛市人民政府关于成立辛市河长制工作领导小组的通知
为全面推行河长制，市政府决定成立辛市河长制工作领导小组，负责统筹全市河长制工作。
组  长：钱进  市长
副组长：宋平  副市长
成  员：胡明  市水利局局长
        林芳  市生态环境局局长
领导小组办公室设在市水利局，市水利局副局长黄海同志兼任办公室主任。
辛市人民政府
2017年3月1日
"""


def test_a_group_notice_drafts_the_group_with_members_duty_and_office() -> None:
    body = _body(GROUP)
    assert body.name == "辛市河长制工作领导小组"
    assert body.kind is not None
    assert body.kind.value == "coordinating-body"
    assert [(m.role, m.person, m.post, m.body.target if m.body else None) for m in body.members] == [
        ("组长", "钱进", "市长", None),
        ("副组长", "宋平", "副市长", None),
        ("成员", "胡明", "局长", "市水利局"),
        ("成员", "林芳", "局长", "市生态环境局"),
    ]
    assert [d.text for d in body.duties] == ["负责统筹全市河长制工作。"]
    (office,) = body.units
    assert office.name == "领导小组办公室"
    assert [r.target.target for r in office.relations] == ["市水利局"]
    (head,) = office.posts
    assert isinstance(head, Post)
    assert (head.concurrent, head.holder) == ("市水利局副局长", "黄海")


def test_an_office_head_named_without_a_post_is_a_note_not_a_post() -> None:
    text = GROUP.replace("市水利局副局长黄海同志兼任办公室主任", "办公室主任由黄海同志兼任")
    (office,) = _body(text).units
    assert not office.posts
    assert office.notes == ("办公室主任由黄海同志兼任",)


NEWS = """壬市生态环境局“三定”规定出台
近日，市委办公室、市政府办公室印发《壬市生态环境局职能配置、内设机构和人员编制规定》。壬市生态环境局为市政府工作部门，正处级。
市生态环境局内设机构8个，分别为：办公室、法规科、大气环境科、水生态环境科、土壤生态环境科、自然生态科、核与辐射科、执法监督科。
市生态环境局机关行政编制30名。设局长1名，副局长3名。
"""


def test_news_of_a_sanding_drafts_the_body_of_the_rules() -> None:
    body = _body(NEWS)
    assert body.name == "壬市生态环境局"
    assert body.rank == "正处级"
    assert len(body.units) == 8
    assert body.units[-1].name == "执法监督科"
    assert [b.title for b in body.basis] == ["壬市生态环境局职能配置、内设机构和人员编制规定"]


def test_a_notice_issuing_the_rules_with_their_text_is_not_read_as_news() -> None:
    text = "各科室：\n《壬市生态环境局职能配置、内设机构和人员编制规定》已经市政府批准，现予印发。\n一、主要职责\n"
    result = checked_draft(text)
    assert "the body of the 三定 规定 the text reports" not in result.text


def test_a_reform_sentence_hanging_a_plaque_gives_that_body_the_plaque() -> None:
    text = "癸县机构改革实施方案（摘要）\n一、组建县数据局，作为县政府工作部门。\n二、组建县信访局，作为县政府工作部门。\n县民政局加挂县老龄工作委员会办公室牌子。\n"
    spec = checked_draft(text).spec
    assert spec.bodies[0].name == "癸县"
    plaques = {b.name: [p.name for p in b.plaques] for b in spec.bodies}
    assert plaques.get("县民政局") == ["县老龄工作委员会办公室"]


def test_a_plaque_hung_on_a_body_by_another_s_sentence_is_no_body() -> None:
    text = (
        "一、组建县数据局，作为县政府工作部门。\n二、组建县信访局，作为县政府工作部门。\n在县民政局加挂该机构牌子。\n"
    )
    spec = checked_draft(text).spec
    assert all("在" not in b.name for b in spec.bodies)


def test_the_reform_plan_a_news_item_names_is_its_basis() -> None:
    text = (
        "近日，《癸县机构改革方案》经市委批准。组建县数据局，作为县政府工作部门；组建县信访局，作为县政府直属机构。\n"
    )
    spec = checked_draft(text).spec
    assert spec.bodies[0].name == "癸县"
    assert [b.title for b in spec.bodies[0].basis] == ["癸县机构改革方案"]


def test_a_plan_of_no_place_is_not_read_as_a_place_s_basis() -> None:
    text = "近日，《党和国家机构改革方案》印发。组建县数据局，作为县政府工作部门；组建县信访局，作为县政府直属机构。\n"
    spec = checked_draft(text).spec
    assert not any(body.basis for body in spec.bodies)


def test_the_frame_s_formula_and_addressee_are_reported_as_giving_no_fact() -> None:
    result = checked_draft(SETUP)
    skipped = {n["line"]: n["message"] for n in result.report["notes"] if n["kind"] == "skipped"}
    assert "addressee" in skipped[4]
    assert "formula" in skipped[6]  # 此复。
    assert 5 not in skipped  # "…收悉。经研究,同意成立…": the opening runs on into the sentence of the facts
