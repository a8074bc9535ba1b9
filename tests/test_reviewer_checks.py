"""The reviewer's checks of issue 13: posts less the logistics part (OS314), parts for units (OS315),
section leadership totals against the sections (OS316)."""

from __future__ import annotations

import orgspec


def _found(text: str, code: str) -> list[orgspec.Diagnostic]:
    found = orgspec.check_text(text, "t.orgspec")
    assert not [d.message for d in found if d.code.startswith(("OS1", "OS2"))]  # the spec itself is well formed
    return [d for d in found if d.code == code]


# ---- OS314 ---------------------------------------------------------------------------------

LOGISTICS = """\
body "某县档案局" {
  section-duties-unstated
  quota administrative 8 "行政编制8名" {
    includes logistics 2 "其中工勤编制2名"
  }
  posts {
    post "局长" 1
    post "副局长" 2
    group "股长" POSTS
  }
}
"""


def test_posts_above_quota_less_logistics_are_reported_at_the_quota() -> None:
    found = _found(LOGISTICS.replace("POSTS", "4"), "OS314")
    assert [(d.line, d.severity.value) for d in found] == [(3, "error")]
    assert "7 leadership posts" in found[0].message
    assert "leaves 6" in found[0].message
    assert [r.message for r in found[0].related][:2] == ["the quota", "the logistics part 2"]
    assert found[0].related[1].span is not None
    assert found[0].related[1].file == "t.orgspec"


def test_posts_within_quota_less_logistics_pass() -> None:
    assert _found(LOGISTICS.replace("POSTS", "3"), "OS314") == []


def test_posts_above_the_whole_quota_are_os304_alone() -> None:
    found = orgspec.check_text(LOGISTICS.replace("POSTS", "6"), "t.orgspec")
    assert "OS304" in {d.code for d in found}
    assert "OS314" not in {d.code for d in found}


def test_a_separate_logistics_pool_is_not_taken_out_again() -> None:
    text = LOGISTICS.replace('{\n    includes logistics 2 "其中工勤编制2名"\n  }', "").replace("POSTS", "4")
    text = text.replace('"行政编制8名"', '"行政编制8名"\n  quota logistics 2 "工勤编制2名"')
    assert _found(text, "OS314") == []


def test_an_unreadable_logistics_part_leaves_the_check_undecided() -> None:
    text = LOGISTICS.replace("includes logistics 2", 'includes logistics unreadable "2?"').replace("POSTS", "4")
    assert _found(text, "OS314") == []


def test_an_institution_is_checked_against_its_public_institution_quota() -> None:
    text = """\
body "某县档案馆" {
  kind public-institution
  quota public-institution 4 { includes logistics 1 "工勤1名" }
  posts { post "馆长" 1; post "副馆长" 3 }
}
"""
    assert [d.line for d in _found(text, "OS314")] == [3]


def test_a_pool_called_jiguan_bianzhi_is_the_quota_leaders_hold() -> None:
    text = """\
body "某省政府參事室" {
  quota "機關編制" 3 "機關編制為3名" { includes logistics 1 "後勤服務人員編制1名" }
  posts { post "主任" 1; post "副主任" 2 }
}
"""
    assert [d.line for d in _found(text, "OS314")] == [2]
    assert _found(text.replace('"機關編制" 3', '"機關編制" 4'), "OS314") == []


# ---- OS315 ---------------------------------------------------------------------------------

PARTS = """\
body "某市政府办公室" {
  section-duties-unstated
  office qiao "侨务办公室" {
    quota administrative OWN
  }
  quota administrative 40 {
    includes 8 "侨务办公室" for @qiao
  }
}
"""


def test_a_part_for_a_unit_larger_than_its_own_quota_is_reported() -> None:
    found = _found(PARTS.replace("OWN", "6"), "OS315")
    assert [(d.line, d.severity.value) for d in found] == [(7, "warning")]
    assert "gives 8 for '侨务办公室', more than the administrative quota of 6 that" in found[0].message
    assert found[0].related[0].file == "t.orgspec"
    assert found[0].related[0].span is not None


def test_a_part_smaller_than_the_units_own_quota_is_reported_too() -> None:
    found = _found(PARTS.replace("OWN", "10"), "OS315")
    assert len(found) == 1
    assert "fewer than the administrative quota of 10" in found[0].message


def test_agreeing_part_and_quota_pass() -> None:
    assert _found(PARTS.replace("OWN", "8"), "OS315") == []


def test_a_unit_without_a_quota_of_that_category_is_not_compared() -> None:
    text = PARTS.replace("quota administrative OWN", "quota public-institution 3")
    assert _found(text, "OS315") == []


def test_figures_for_different_dates_are_not_compared() -> None:
    text = PARTS.replace("OWN", "6 { as-of 2010 }").replace(
        'includes 8 "侨务办公室" for @qiao', 'includes 8 "侨务办公室" for @qiao\n    as-of 2019'
    )
    assert _found(text, "OS315") == []


# ---- OS316 ---------------------------------------------------------------------------------

HEADS = """\
body "某县农业农村局" {
  section-duties-unstated
  section "办公室"
  section "政策法规股"
  section "产业发展股"
  section "农田建设股"
  section "机关党委" { kind party-committee }
  posts {
    post "局长" 1
    group "内设机构领导职数" TOTAL for-sections
  }
}
"""


def test_a_section_leadership_total_below_the_sections_is_reported() -> None:
    found = _found(HEADS.replace("TOTAL", "3"), "OS316")
    assert [(d.line, d.severity.value) for d in found] == [(10, "warning")]
    assert "is 3, fewer than the 4 sections" in found[0].message
    assert [r.message for r in found[0].related] == [
        "section '办公室'",
        "section '政策法规股'",
        "section '产业发展股'",
        "section '农田建设股'",
    ]


def test_a_total_with_a_head_for_each_section_passes() -> None:
    assert _found(HEADS.replace("TOTAL", "4"), "OS316") == []


def test_a_section_headed_by_a_post_of_its_own_needs_none_from_the_group() -> None:
    text = HEADS.replace("TOTAL", "3").replace('post "局长" 1', 'post "局长" 1\n    post "办公室主任" 1')
    assert _found(text, "OS316") == []


def test_sections_outside_the_count_need_no_head_from_the_group() -> None:
    text = HEADS.replace("TOTAL", "3").replace('section "农田建设股"', 'section "农田建设股" { outside-count }')
    assert _found(text, "OS316") == []


def test_a_group_with_a_chief_deputy_split_is_left_to_os306() -> None:
    text = HEADS.replace("TOTAL for-sections", '3 for-sections { post "股长" 3 chief }')
    assert _found(text, "OS316") == []
