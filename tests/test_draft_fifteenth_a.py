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
