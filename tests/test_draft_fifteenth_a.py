"""The fifteenth pass (a): bodies and document frames, read by the field's general shapes.

Each rule reads a shape seen in development and the shape catalogue (docs/draft.md, "The fifteenth pass
(a): bodies and frames"). The texts below are made up in other words than any document, and each rule is
set beside a refusal: the near-miss it must leave alone.
"""

from __future__ import annotations

from tests.draft_helpers import checked_draft

# --- "X(以下简称本府)置…": a short form that points at the text's own body names it ----------------------

_OWN_SHORT_FORM = (
    "第 3 条\n"
    "丙县政府 (以下简称本府) 置县长一人,综理县政,并指挥监督所属职员。\n"
    "第 4 条\n"
    "本府设下列各局、室:\n"
    "一、民政局。\n"
    "二、财政局。\n"
)


def test_a_short_form_that_points_at_the_text_itself_names_the_body() -> None:
    (body,) = checked_draft(_OWN_SHORT_FORM).spec.bodies
    assert body.name == "丙县政府"


def test_the_own_short_form_names_a_bureau_whatever_verb_follows() -> None:
    text = _OWN_SHORT_FORM.replace("丙县政府 (以下简称本府) 置县长一人", "丁市环境保护局(以下简称本局)隶属丁市人民政府")
    (body,) = checked_draft(text).spec.bodies
    assert body.name == "丁市环境保护局"


def test_a_short_form_of_rules_names_no_body() -> None:
    # "本办法" points at the rules, not at a body: the refusal beside the rule
    text = _OWN_SHORT_FORM.replace("丙县政府 (以下简称本府) 置县长一人", "丙县政府工作规程(以下简称本办法)置于公报")
    (body,) = checked_draft(text).spec.bodies
    assert body.name != "丙县政府工作规程"
    assert "政府" not in body.name or body.name == "(name not found)"


def test_a_short_form_for_another_body_with_a_verb_after_it_names_no_body() -> None:
    # "(以下简称县局)" is a plain short form: without 是/为 after it the sentence does not define the body
    text = _OWN_SHORT_FORM.replace("(以下简称本府)", "(以下简称县局)")
    (body,) = checked_draft(text).spec.bodies
    assert body.name != "丙县政府"


# --- a 批复 a copy gives without its title: "X:", "…请示收悉", "同意设立Y,…", "特此批复" ------------------

_UNTITLED_REPLY = (
    "区卫生健康局:\n"
    "你局己卫〔2023〕9号请示收悉。经研究,同意成立“己区妇幼保健服务站”,为你局所属的下设机构,"
    "生产经营类全民事业单位,核定事业编制6名,经费实行差额拨款。\n"
    "此复。\n"
    "己区机构编制委员会办公室\n"
    "2023年5月4日\n"
)


def test_an_untitled_reply_names_the_unit_it_agrees_to_set_up() -> None:
    (body,) = checked_draft(_UNTITLED_REPLY).spec.bodies
    assert body.name == "己区妇幼保健服务站"
    assert body.kind_label == "生产经营类全民事业单位"
    assert body.superior is not None
    assert body.superior.target == "区卫生健康局"


def test_the_request_an_untitled_reply_answers_is_no_basis() -> None:
    (body,) = checked_draft(_UNTITLED_REPLY).spec.bodies
    assert not body.basis


def test_a_reply_agreeing_to_two_units_is_no_frame_of_one_body() -> None:
    # two units agreed to: the reply names no single body, so no unit's standing is given to the text's body
    text = _UNTITLED_REPLY.replace("同意成立“己区妇幼保健服务站”", "同意成立“己区妇幼保健服务站”和“己区疾病预防控制站”")
    text = text.replace(",为你局所属", "。同意成立己区疾病预防控制站,为你局所属")
    (body,) = checked_draft(text).spec.bodies
    assert body.name != "己区妇幼保健服务站"


def test_a_text_without_the_closing_formula_is_no_reply() -> None:
    text = _UNTITLED_REPLY.replace("此复。\n", "")
    (body,) = checked_draft(text).spec.bodies
    assert body.superior is None or body.superior.target != "区卫生健康局"


def test_a_reply_refusing_a_unit_names_no_unit() -> None:
    text = _UNTITLED_REPLY.replace("同意成立", "不同意成立")
    (body,) = checked_draft(text).spec.bodies
    assert body.kind_label != "生产经营类全民事业单位"
