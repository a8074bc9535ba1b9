"""``orgspec draft``'s fourth pass (batches 2 and 3 promoted): made-up snippets, one per rule.

Each rule is tested on a text written for this test in other words than the corpus document that
showed it; a refusal (a fact the drafter must not guess) is tested as well as a reading. Every
draft reads back to its model and passes check but for OS301.
"""

from __future__ import annotations

import orgspec
from orgspec.api import analyze
from orgspec.draft import Draft, draft
from orgspec.model.units import RelationKind


def _draft(text: str) -> Draft:
    result = draft(text, "snippet.txt")
    assert analyze(result.text).spec == result.spec
    assert {d.code for d in orgspec.check_text(result.text) if d.severity.value == "error"} <= {"OS301"}
    return result


# ---- one body, read more exactly -------------------------------------------------------------


def test_duties_enumerated_inline_are_one_duty_per_item_not_per_sentence() -> None:
    text = (
        "某省水利厅职能配置规定 第一条 为明确职责,制定本规定。 第二条 某省水利厅是省政府组成部门。"
        "主要职责是: (一)负责保障水资源的合理开发利用。拟订全省水利规划。 (二)负责生活、生产经营和生态环境用水"
        "的统筹和保障。 (三)指导水利设施的管理"
    )
    body = _draft(text).spec.bodies[0]
    assert [d.text for d in body.duties] == [
        "负责保障水资源的合理开发利用。拟订全省水利规划。",
        "负责生活、生产经营和生态环境用水的统筹和保障。",
        "指导水利设施的管理",
    ]


def test_every_title_a_basis_clause_lists_is_a_basis() -> None:
    text = (
        "某市商务局主要职责内设机构和人员编制规定\n"
        "根据《某市机构改革实施意见》、《某市机构改革方案》及市人大常委会批准的《某市政府机构设置方案》,制定本规定。\n"
        "某市商务局是市政府工作部门。\n"
    )
    titles = [b.title for b in _draft(text).spec.bodies[0].basis]
    assert titles == ["某市机构改革实施意见", "某市机构改革方案", "某市政府机构设置方案"]


def test_a_law_databases_header_block_is_not_the_title_and_an_item_names_the_body() -> None:
    text = (
        "發文機關國務院辦公廳\n"
        "發文字號國辦發〔1990〕12號\n"
        "時效性現行有效\n"
        "各省、自治區、直轄市人民政府:\n"
        "一、 國務院某某協調辦公室由張三同志任主任。\n"
        "二、 國務院某某協調辦公室為國務院直屬機構,編制暫定三十人。\n"
        "三、 國務院某某協調辦公室設在某某部,黨政工作由某某部負責。\n"
    )
    body = _draft(text).spec.bodies[0]
    assert body.name == "國務院某某協調辦公室"
    assert [b.number for b in body.basis] == ["國辦發〔1990〕12號"]
    assert [(q.category.value, q.count.value) for q in body.quotas] == [("other", 30)]
    # the body itself is set in another: hosted-in, not "hosts" the body
    assert [(r.kind, r.target.target) for r in body.relations] == [(RelationKind.HOSTED_IN, "某某部")]
