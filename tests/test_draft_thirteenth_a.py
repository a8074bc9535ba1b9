"""The thirteenth pass (a): bodies and document frames, by shapes of the field.

Each rule reads a shape many bodies' documents share, seen in at least two development documents of
different sources or one and a type of the shape catalogue (docs/draft.md, "The thirteenth pass (a):
bodies and frames"); each guard keeps a reader from a wrong fact development showed. The texts below are
made up in other words than any document, and each refusal beside a rule is a near-miss it must not read.
"""

from __future__ import annotations

from tests.draft_helpers import checked_draft

# --- an ordinal's 是 ("一是…二是…") enumerates points; it is no copula giving the body's kind -------------


def test_an_ordinal_is_gives_no_kind_nor_superior() -> None:
    text = (
        "己县推进县级机构改革\n"
        "己县机构改革突出三个重点。一是加强党的全面领导。二是优化设置政府工作部门,理顺职责关系。"
        "三是完善基层治理体系。\n"
        "己县统计局内设办公室、综合统计股、调查股。\n"
    )
    (body,) = checked_draft(text).spec.bodies
    assert body.kind is None
    assert body.superior is None


def test_a_copula_is_still_gives_the_kind_and_the_superior() -> None:
    text = "己县统计局\n己县统计局是县人民政府工作部门,为正科级。\n"
    (body,) = checked_draft(text).spec.bodies
    assert body.kind is not None
    assert body.superior is not None
    assert body.superior.target == "己县人民政府"
