"""The ninth pass: the basis and the body's name of a text that says what it is.

Each rule reads a pattern of the field found in at least two corpus documents of different sources
(docs/draft.md, "The ninth pass: the basis and the body's name"); the texts below are made up in other
words than any document, and each refusal beside a rule is a near-miss it must not read.
"""

from __future__ import annotations

from orgspec.draft import draft
from tests.draft_helpers import checked_draft, notes_of

# --- a plan's own title on its first lines -----------------------------------------------------------


def test_a_plans_own_title_is_its_basis_and_names_its_place() -> None:
    text = (
        "丙江省机构改革方案\n"
        "\n"
        "丙江省机构改革方案是省委、省政府二〇一九年印发的文件。\n"
        "根据《中共中央关于深化党和国家机构改革的决定》,结合本省实际,制定本方案。\n"
    )
    result = checked_draft(text)
    (body,) = result.spec.bodies
    assert body.name == "丙江省"
    assert [b.title for b in body.basis] == ["丙江省机构改革方案"]
    # the document the opening cites is a note, not a second basis; the report still says no structure
    assert any("cited by the opening" in m for m in notes_of(result, "doubt"))
    assert any("no structure found" in m for m in notes_of(result, "structure"))


def test_an_attachments_title_with_its_abstract_mark_is_the_texts_basis() -> None:
    text = (
        "附件 丁市林业系统机构设置方案(摘要)\n"
        "丁市林业局内设办公室、造林科、计划财务科,其规格为正科级。\n"
        "丁市林业局核定行政编制12名。\n"
    )
    result = checked_draft(text)
    bases = [b.title for body in result.spec.bodies for b in body.basis]
    assert bases == ["丁市林业系统机构设置方案"]
    assert result.spec.bodies[0].name == "丁市林业局"  # the sections' body, not the system


def test_a_title_that_is_no_plans_own_gives_no_basis_and_no_body() -> None:
    # a headline about a plan, a plan cited in a sentence, a plan of no place
    for text in (
        "丙江省机构改革方案正式出台\n本报讯 日前方案已经印发。\n",
        "根据《丙江省机构改革方案》,现将有关事项通知如下。\n",
        "深化党和国家机构改革方案\n本方案分为三个部分。\n",
        "全省机构改革方案\n本方案分为三个部分。\n",
        "省政府机构改革方案\n本方案分为三个部分。\n",
    ):
        result = draft(text, "made-up.txt")
        assert not any("own title" in n["message"] for n in result.report["notes"]), text
        assert all(
            b.name != "丙江省" or not b.basis or b.basis[0].title != "丙江省机构改革方案" for b in result.spec.bodies
        )
        assert not [b for b in result.spec.bodies if b.name in {"深化党和国家", "全省", "省政府"}], text


# --- the subject of a news text's dated first sentence ------------------------------------------------


def test_the_subject_of_a_dated_first_sentence_named_again_is_the_body() -> None:
    text = (
        "3月5日上午,庚山街道办事处两个直属事业单位举行揭牌仪式。\n"
        "庚山街道设综合执法队、便民服务中心2个直属事业单位,核定事业编制20名。\n"
    )
    result = checked_draft(text)
    assert result.spec.bodies[0].name == "庚山街道办事处"


def test_a_dated_subject_not_named_again_or_a_class_is_no_body_name() -> None:
    once = "3月5日上午,辛河街道办事处举行揭牌仪式。\n该处设综合执法队、便民服务中心2个直属事业单位,核定事业编制20名。\n"
    every = (
        "3月5日上午,各街道办事处举行揭牌仪式。\n各街道设综合执法队、便民服务中心2个直属事业单位,核定事业编制20名。\n"
    )
    for text in (once, every):
        names = [b.name for b in draft(text, "made-up.txt").spec.bodies]
        assert "辛河街道办事处" not in names
        assert "各街道办事处" not in names
