"""What the diff says, sentence by sentence, against hand-written expectations.

The diff goldens (tests/golden/diff) pin whole outputs; these tests pin the meaning of single
sentences on small hand-made pairs, so that regenerating a golden cannot accept a swapped or
wrong sentence.
"""

from __future__ import annotations

import orgspec
from orgspec.reorg import Diff
from orgspec.reorg.render_text import render_text
from orgspec.reorg.render_zh import render_zh

OLD = """body a "甲局" {
  kind "工作部门"
  rank "正处级"
  superior "市政府"
  plaque "旧牌"
  hosts "丙办公室"
  quota administrative 10
  section s1 "综合处" {
    duties {
      duty "办文"
    }
  }
}
"""
NEW = (
    OLD.replace('"正处级"', '"副厅级"')
    .replace('"旧牌"', '"新牌"')
    .replace('"丙办公室"', '"丁办公室"')
    .replace("administrative 10", "administrative 12")
)


def _diff(old: str, new: str) -> Diff:
    return orgspec.diff(orgspec.loads(old), orgspec.loads(new))


def test_the_chinese_summary_says_which_plaque_is_added_and_which_removed() -> None:
    # both a plaque added and a plaque removed: the two sentences must not trade places or verbs
    assert render_zh(_diff(OLD, NEW)).splitlines() == [
        "1. 甲局加挂新牌牌子。",
        "2. 甲局不再加挂旧牌牌子。",
        "3. 丁办公室设在甲局。",
        "4. 丙办公室不再设在甲局。",
        "5. 甲局机构规格由正处级调整为副厅级。",
        "6. 甲局行政编制由10名调整为12名。",
    ]


def test_the_chinese_summary_of_the_reverse_change_swaps_the_plaques() -> None:
    assert render_zh(_diff(NEW, OLD)).splitlines()[:4] == [
        "1. 甲局加挂旧牌牌子。",
        "2. 甲局不再加挂新牌牌子。",
        "3. 丙办公室设在甲局。",
        "4. 丁办公室不再设在甲局。",
    ]


def test_the_text_diff_names_each_change_and_counts_them() -> None:
    lines = render_text(_diff(OLD, NEW)).splitlines()
    assert lines[0] == "changed 甲局"
    assert "    plaque removed: 旧牌" in lines
    assert "    plaque added: 新牌" in lines
    assert "    rank: 正处级 → 副厅级" in lines
    assert "    administrative quota: 10 → 12" in lines
    assert lines[-1] == (
        "1 plaque added, 1 plaque removed, 1 rank changed, 1 quota changed, 1 other statement changed; "
        "administrative quota +2"
    )


def test_no_change_is_said_in_one_sentence() -> None:
    assert render_zh(_diff(OLD, OLD)) == "无变化。\n"
