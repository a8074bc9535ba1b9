"""The diff states reforms as an establishment office does: 组建, 重新组建, 对外保留, one script.

Each case is a small before/after pair written after a real reform text of ../shared/corpus/reorg
(the 2018 State Council reform: the immigration administration with its plaque, the intellectual
property office re-established, the market regulator built on the industry-and-commerce
administration), and the Chinese summary is compared sentence by sentence with what the text says.
"""

from __future__ import annotations

import orgspec
from orgspec.reorg import apply, diff, invert
from orgspec.reorg.render_text import render_text
from orgspec.reorg.render_zh import render_zh

IMMIGRATION_OLD = """\
body mps "公安部" {
  duties {
    duty "负责出入境管理工作。"
    duty "负责治安管理工作。"
  }
}
body crj "中华人民共和国出入境管理局" {
  duties {
    duty "负责签证管理工作。"
  }
}
"""
IMMIGRATION_NEW = """\
body mps "公安部" {
  duties {
    duty "负责治安管理工作。"
  }
}
body nia "国家移民管理局" {
  plaque "中华人民共和国出入境管理局" {
    form "加挂"
  }
  duties {
    duty "负责出入境管理工作。"
    duty "负责签证管理工作。"
  }
  history {
    event established 2018-04-02 {
      basis "深化党和国家机构改革方案"
    }
  }
}
"""


def _laws(old: orgspec.Spec, new: orgspec.Spec) -> orgspec.Diff:
    d = diff(old, new)
    assert apply(old, d) == new
    assert apply(new, invert(d)) == old
    return d


def test_a_new_body_keeping_an_old_name_as_a_plaque_is_established_not_a_rename() -> None:
    old, new = orgspec.loads(IMMIGRATION_OLD), orgspec.loads(IMMIGRATION_NEW)
    d = _laws(old, new)
    ops = [op.op for op in d.operations]
    assert "rename" not in ops
    assert ops.count("establish") == 1
    assert ops.count("demote-to-plaque") == 1
    establish = next(op for op in d.operations if op.op == "establish")
    assert [b.number for b in establish.basis] == ["深化党和国家机构改革方案"]
    assert render_zh(d).splitlines() == [
        # the gone body's duties all went into the new one, beside another's: 将…的职责整合，组建…
        "1. 将中华人民共和国出入境管理局的职责整合，组建国家移民管理局，加挂中华人民共和国出入境管理局牌子"
        "（依据深化党和国家机构改革方案）。",
        "2. 将公安部的“负责出入境管理工作”职责划入国家移民管理局（依据深化党和国家机构改革方案）。",
        "3. 不再保留中华人民共和国出入境管理局。",
    ]


def test_a_plaque_kept_for_outside_use_reads_dui_wai_bao_liu() -> None:
    old = orgspec.loads('body a "国家海洋局" {\n  duties {\n    duty "负责海洋管理。"\n  }\n}\nbody b "国土资源部"\n')
    new = orgspec.loads(
        'body b "国土资源部" {\n  plaque "国家海洋局" {\n    form "对外保留"\n  }\n'
        '  duties {\n    duty "负责海洋管理。"\n  }\n}\n'
    )
    d = _laws(old, new)
    lines = render_zh(d).splitlines()
    assert "将国家海洋局并入国土资源部，对外保留国家海洋局牌子。" in lines[-1]
    assert not any("加挂" in line for line in lines)


def test_reconstitution_on_the_basis_of_an_old_body_and_reestablishment() -> None:
    old = orgspec.loads(
        'body ipa "国家知识产权局" {\n  duties {\n    duty "负责专利管理工作。"\n  }\n}\n'
        'body saic "国家工商行政管理总局" {\n  duties {\n    duty "负责商标管理工作。"\n'
        '    duty "负责市场监督管理工作。"\n  }\n}\n'
    )
    new = orgspec.loads(
        'body ipa "国家知识产权局" {\n  duties {\n    duty "负责专利管理工作。"\n    duty "负责商标管理工作。"\n  }\n'
        '  history {\n    event reestablished 2018-03 {\n      basis "国发〔2018〕6号"\n    }\n  }\n}\n'
        'body samr "国家市场监督管理总局" {\n  duties {\n    duty "负责市场监督管理工作。"\n  }\n'
        '  history {\n    event established 2018-03 {\n      from "国家工商行政管理总局"\n'
        '      basis "国发〔2018〕6号"\n    }\n  }\n}\n'
    )
    d = _laws(old, new)
    recon = [op for op in d.operations if op.op == "reconstitute"]
    assert [(op.before, op.after) for op in recon] == [  # type: ignore[union-attr]
        ("国家知识产权局", "国家知识产权局"),
        ("国家工商行政管理总局", "国家市场监督管理总局"),
    ]
    assert all(b.number == "国发〔2018〕6号" for op in recon for b in op.basis)
    assert not [op for op in d.operations if op.op == "rename"]
    assert render_zh(d).splitlines()[:3] == [
        "1. 重新组建国家知识产权局（依据国发〔2018〕6号）。",
        "2. 在国家工商行政管理总局基础上组建国家市场监督管理总局，不再保留国家工商行政管理总局（依据国发〔2018〕6号）。",
        "3. 将国家工商行政管理总局的“负责商标管理工作”职责划入国家知识产权局（依据国发〔2018〕6号）。",
    ]
    assert "reconstituted 国家市场监督管理总局 on the basis of 国家工商行政管理总局" in render_text(d)


def test_two_texts_of_one_structure_in_two_scripts_are_no_change() -> None:
    old = orgspec.loads(
        'body gov "国务院办公厅" {\n  rank "正部级"\n  plaque "国务院总值班室"\n  duties {\n'
        '    duty 1 "负责国务院会议的准备工作。"\n    duty 2 "督促检查国务院各部门贯彻落实工作。"\n  }\n'
        '  section "秘书一局"\n}\n'
    )
    new = orgspec.loads(
        'body gov "國務院辦公廳" {\n  rank "正部級"\n  plaque "國務院總值班室"\n  duties {\n'
        '    duty 2 "負責國務院會議的準備工作。"\n    duty 3 "督促檢查國務院各部門貫徹落實工作。"\n  }\n'
        '  section "秘書一局"\n}\n'
    )
    d = _laws(old, new)
    kinds = {op.op for op in d.operations}
    assert kinds <= {"respell", "duty-reworded", "duties-reordered"}, kinds
    assert {op.field for op in d.operations if op.op == "respell"} == {"name", "rank", "plaques"}  # type: ignore[union-attr]
    # nothing changed but the script and the duties' numbers: the summary says the numbers, never "no change"
    assert render_zh(d) == "除職責序號外無變化。\n"
    text = render_text(d)
    assert "renamed" not in text
    assert "rank changed" not in text
    assert "duty renumbered: (1) → (2) 負責國務院會議的準備工作。" in text


def test_a_plaque_moved_from_one_body_to_another_is_one_sentence_with_its_basis() -> None:
    old = orgspec.loads('body a "科学技术部" {\n  plaque "国家外国专家局"\n}\nbody b "人力资源和社会保障部"\n')
    new = orgspec.loads(
        'body a "科学技术部"\nbody b "人力资源和社会保障部" {\n  plaque "国家外国专家局"\n'
        '  history {\n    event plaque-added 2023-03 {\n      plaque "国家外国专家局"\n'
        '      basis "党和国家机构改革方案"\n    }\n  }\n}\n'
    )
    d = _laws(old, new)
    assert render_zh(d).splitlines() == [
        "1. 将国家外国专家局牌子由科学技术部调整至人力资源和社会保障部（依据党和国家机构改革方案）。"
    ]


def test_summary_words_follow_the_script_of_the_names_and_abolitions_read_in_document_order() -> None:
    old = orgspec.loads(
        'body a "鎮江市外事辦公室" {\n  section "秘書處"\n  section "歐美處"\n  section "亞非處"\n'
        '  duties {\n    duty "負責外事工作。"\n  }\n}\n'
    )
    new = orgspec.loads('body a "鎮江市外事辦公室" {\n  duties {\n    duty "負責外事工作。"\n  }\n}\n')
    d = _laws(old, new)
    # one sentence naming the sections in the document's order, as the texts list them
    assert render_zh(d).splitlines() == ["1. 不再保留秘書處、歐美處、亞非處。"]
    renamed = orgspec.loads('body a "鎮江市人民政府外事辦公室" {\n  duties {\n    duty "負責外事工作。"\n  }\n}\n')
    d2 = diff(new, renamed)
    assert d2.operations  # an undeclared rename of the only body is matched by nothing: established + abolished
    assert all("组建" not in line and "职责" not in line for line in render_zh(d2).splitlines())


def test_a_duty_moved_names_the_duty_and_counts_past_three() -> None:
    duties = [f"负责第{i}项工作。" for i in range(1, 6)]
    body_a = "\n".join(f'    duty "{t}"' for t in duties)
    old = orgspec.loads(f'body a "甲局" {{\n  duties {{\n{body_a}\n    duty "留下的职责。"\n  }}\n}}\nbody b "乙局"\n')
    new = orgspec.loads(
        f'body a "甲局" {{\n  duties {{\n    duty "留下的职责。"\n  }}\n}}\nbody b "乙局" {{\n  duties {{\n{body_a}\n  }}\n}}\n'
    )
    d = _laws(old, new)
    assert render_zh(d).splitlines() == [
        "1. 将甲局的“负责第1项工作”、“负责第2项工作”、“负责第3项工作”等5项职责划入乙局。"
    ]


def test_script_is_told_by_characters_one_script_only_writes() -> None:
    from orgspec.model.script import detect_script

    # 家 and 局 are written in both scripts (家 / 傢, 局 / 侷): only 國 tells
    assert detect_script(["國家移民管理局"]) == "traditional"
    assert detect_script(["国家移民管理局"]) == "simplified"
    assert detect_script(["家局出"]) == "unknown"


def test_integration_names_only_the_bodies_whose_duties_all_went() -> None:
    old = orgspec.loads(
        'body a "甲总局" {\n  duties {\n    duty "甲的职责"\n  }\n}\n'
        'body b "乙部" {\n  duties {\n    duty "救灾"\n    duty "（未列明）"\n  }\n}\n'
    )
    new = orgspec.loads('body c "丙部" {\n  duties {\n    duty "甲的职责"\n    duty "救灾"\n  }\n}\n')
    d = _laws(old, new)
    assert render_zh(d).splitlines()[:2] == [
        "1. 将甲总局的职责整合，组建丙部。",
        "2. 将乙部的“救灾”职责划入丙部。",
    ]


def test_a_merge_declared_in_history_reads_bing_ru_and_relations_moved_read_gai() -> None:
    old = orgspec.loads(
        'body a "外国专家局" {\n  manages "老龄协会"\n}\nbody b "引智办公室"\nbody c "民政部"\n'
        'body d "卫健委" {\n  hosts "老龄办"\n}\n'
    )
    new = orgspec.loads(
        'body a "外国专家局" {\n  history {\n    event merged 1988 {\n      unit "引智办公室"\n    }\n  }\n}\n'
        'body c "民政部" {\n  manages "老龄协会"\n  hosts "老龄办"\n}\nbody d "卫健委"\n'
    )
    d = _laws(old, new)
    assert render_zh(d).splitlines() == [
        "1. 将引智办公室并入外国专家局。",
        "2. 外国专家局代管的老龄协会改由民政部代管。",
        "3. 老龄办由设在卫健委改设在民政部。",
    ]


def test_a_new_body_colocated_and_a_kind_stated_where_none_was() -> None:
    old = orgspec.loads('body a "甲办公室"\nbody b "乙局"\n')
    new = orgspec.loads(
        'body a "甲办公室"\nbody b "乙局" {\n  kind "直属机构"\n}\n'
        'body c "甲工委" {\n  colocated "甲办公室"\n  basis {\n    title "某方案"\n  }\n}\n'
    )
    d = _laws(old, new)
    assert render_zh(d).splitlines() == [
        "1. 组建甲工委，与甲办公室合署办公（依据《某方案》）。",
        "2. 乙局机构类别为直属机构。",
    ]


def test_duties_moved_to_several_bodies_read_fen_bie_hua_ru() -> None:
    old = orgspec.loads(
        'body a "甲局" {\n  duties {\n    duty "负责甲工作。"\n    duty "负责乙工作。"\n    duty "留下。"\n  }\n}\n'
        'body b "乙局"\nbody c "丙局"\n'
    )
    new = orgspec.loads(
        'body a "甲局" {\n  duties {\n    duty "留下。"\n  }\n}\n'
        'body b "乙局" {\n  duties {\n    duty "负责甲工作。"\n  }\n}\n'
        'body c "丙局" {\n  duties {\n    duty "负责乙工作。"\n  }\n}\n'
    )
    d = _laws(old, new)
    assert render_zh(d).splitlines() == ["1. 将甲局的“负责甲工作”、“负责乙工作”职责分别划入乙局、丙局。"]


def test_a_plaque_that_becomes_a_body_is_one_sentence() -> None:
    old = orgspec.loads('body a "农业农村部" {\n  plaque "国家乡村振兴局"\n}\n')
    new = orgspec.loads('body a "农业农村部"\nbody b "国家乡村振兴局"\n')
    d = _laws(old, new)
    assert render_zh(d).splitlines() == ["1. 单独组建国家乡村振兴局，农业农村部不再加挂国家乡村振兴局牌子。"]


def test_a_change_of_kind_with_its_quota_category_is_one_sentence() -> None:
    old = orgspec.loads(
        'body a "某市机构编制电子政务中心" {\n  kind public-institution\n  quota public-institution 8\n}\n'
    )
    new = orgspec.loads('body a "某市机构编制电子政务中心" {\n  kind "行政机构"\n  quota administrative 8\n}\n')
    d = _laws(old, new)
    lines = render_zh(d).splitlines()
    assert lines == ["1. 某市机构编制电子政务中心由事业单位调整为行政机构，事业编制8名调整为行政编制。"], lines


def test_a_plaque_that_becomes_a_body_built_from_others_is_one_sentence_without_danduo() -> None:
    # 单独组建 says the body stands on its own plaque alone; built from others' duties it is 整合…组建
    old = orgspec.loads(
        'body a "农业农村部" {\n  plaque "国家乡村振兴局"\n}\n'
        'body c "扶贫办" {\n  duties { duty "负责扶贫。" }\n}\nbody d "甲办" {\n  duties { duty "负责甲。" }\n}\n'
    )
    new = orgspec.loads(
        'body a "农业农村部"\nbody b "国家乡村振兴局" {\n  duties {\n    duty "负责扶贫。"\n    duty "负责甲。"\n  }\n}\n'
    )
    assert render_zh(_laws(old, new)).splitlines() == [
        "1. 将扶贫办、甲办的职责整合，组建国家乡村振兴局，农业农村部不再加挂国家乡村振兴局牌子。",
        "2. 不再保留扶贫办、甲办。",
    ]


def test_a_body_managed_by_another_says_guanli_unless_its_relation_has_a_word() -> None:
    old = orgspec.loads('body a "甲部"\n')
    new = orgspec.loads('body a "甲部"\nbody b "乙局" {\n  managed-by "甲部"\n}\n')
    assert render_zh(_laws(old, new)).splitlines() == ["1. 组建乙局，由甲部管理。"]


def test_a_quota_given_as_a_range_is_quoted_in_the_document_s_words() -> None:
    old = orgspec.loads('body "甲局" {\n  quota administrative 10\n}\n')
    new = orgspec.loads('body "甲局" {\n  quota administrative between 8 12 "8至12名"\n}\n')
    assert render_zh(diff(old, new)).splitlines() == ["1. 甲局行政编制由10名调整为“8至12名”。"]


def test_a_kind_worded_in_the_other_script_is_a_respelling_not_a_change_of_kind() -> None:
    old = orgspec.loads('body "甲局" {\n  kind "直属特设机构"\n}\n')
    new = orgspec.loads('body "甲局" {\n  kind "直屬特設機構"\n}\n')
    d = _laws(old, new)
    assert [(op.op, op.field) for op in d.operations] == [("respell", "kind_label")]  # type: ignore[union-attr]
    assert render_zh(d) == "无变化。\n"
    assert "kind label respelled in the other script: 直属特设机构 → 直屬特設機構" in render_text(d)
    other = orgspec.loads('body "甲局" {\n  kind "直属机构"\n}\n')
    assert [op.op for op in diff(old, other).operations] == ["kind-changed"]
