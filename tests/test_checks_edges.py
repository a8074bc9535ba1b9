"""Edges of the checks a reviewer relies on: exact wording, the related places a finding points at,
and the branches a corpus spec reaches rarely (totals over plain bodies, optional units in a count
over several bodies, open classes, events of one date in item order).
"""

from __future__ import annotations

import orgspec
from orgspec.diagnostics import Diagnostic

from .test_constructs_n4 import _COUNT_OVER


def _found(text: str, code: str) -> list[Diagnostic]:
    return [d for d in orgspec.check_text(text) if d.code == code]


# ---- OS311: staff in post against every quota -----------------------------------------------


_STAFF = """body "某局" {
  quota administrative 6 "行政编制6名"
  quota logistics 4 "工勤编制4名"
  actual 12 "在职12人"
}
"""


def test_staff_above_all_quotas_quotes_the_document_and_names_each_quota() -> None:
    (d,) = _found(_STAFF, "OS311")
    assert d.message == "'某局' has 12 staff in post (“在职12人”), 2 more than its quotas of 10 in all (超编)"
    assert [r.message for r in d.related] == ["the administrative quota", "the logistics quota"]
    assert [d.source.position(r.span.start).line for r in d.related if d.source and r.span] == [2, 3]
    (bare,) = _found(_STAFF.replace(' "在职12人"', ""), "OS311")
    assert bare.message == "'某局' has 12 staff in post, 2 more than its quotas of 10 in all (超编)"
    assert _found(_STAFF.replace("actual 12", "actual 10"), "OS311") == []


# ---- OS317: a class covering one area each ----------------------------------------------------


def test_a_class_covering_too_few_areas_points_at_the_class_count() -> None:
    text = 'body pc "派出组" {\n  stands-for 3 "3个派出组"\n  covers "甲口" "乙口" {\n    each\n  }\n}\n'
    (d,) = _found(text, "OS317")
    assert d.message == "the 3 bodies of the class '派出组' cover one area each, but 2 areas are named"
    assert [r.message for r in d.related] == ["the class"]
    assert [d.source.position(r.span.start).line for r in d.related if d.source and r.span] == [2]


# ---- OS301: an open class counts as one, at least ---------------------------------------------


def test_a_class_of_open_size_counts_as_one_and_makes_the_count_a_bound() -> None:
    text = """body "某县林业局" {
  stated subordinates 3 "下属3个单位"
  institution "县林业站"
  institution "乡镇林业站" {
    stands-for unstated "若干乡镇林业站"
  }
}
"""
    assert _found(text, "OS301") == []  # 1 + at least 1: 3 may hold
    assert _found(text.replace("subordinates 3", "subordinates 2"), "OS301") == []  # the class may be one
    (d,) = _found(text.replace("subordinates 3", "subordinates 1"), "OS301")
    assert d.message.endswith("but lists 2")


# ---- OS301: optional units in a count over several bodies -------------------------------------


# test_constructs_n4's count over two classes (3 × 2 + 4 × 1 = 10), the second section of 镇 made optional
_OVER = _COUNT_OVER.replace('  section "综合办公室"\n', '  section "综合办公室" {\n    optional "选设"\n  }\n')


def test_optional_sections_of_each_body_a_count_is_over_make_it_a_range() -> None:
    # 3 × (1 or 2) + 4 × 1: 7 to 10 listed
    for stated in (7, 10):
        assert _found(_OVER.replace("sections 10", f"sections {stated}"), "OS301") == [], stated
    for stated in (6, 11):
        assert len(_found(_OVER.replace("sections 10", f"sections {stated}"), "OS301")) == 1, stated
    # the optional unit of the second body counts too
    both = _OVER.replace(
        '  section "党政办公室"\n}\n', '  section "党政办公室"\n  section "综合办公室" {\n    optional "选设"\n  }\n}\n'
    )
    assert _found(both.replace("sections 10", "sections 14"), "OS301") == []  # 3 × 2 + 4 × 2
    assert _found(both.replace("sections 10", "sections 7"), "OS301") == []  # 3 × 1 + 4 × 1


# ---- OS320: a total over plain bodies ---------------------------------------------------------


_PLAIN = """body all "两局" {
  quota administrative 30 "两局行政编制共30名" {
    over @a @b
  }
}

body a "甲局" {
  quota administrative 10
}

body b "乙局" {
  quota administrative 20
}
"""


def test_a_total_over_plain_bodies_adds_their_quotas_once_each() -> None:
    assert _found(_PLAIN, "OS320") == []
    (d,) = _found(_PLAIN.replace("共30名", "共31名").replace("administrative 30", "administrative 31"), "OS320")
    assert "10 + 20" in d.message


def test_a_total_over_a_body_with_no_such_quota_says_how_to_mend_it() -> None:
    (d,) = _found(_PLAIN.replace("  quota administrative 20\n", ""), "OS309")
    assert d.message == (
        "the administrative quota of '两局' is a total over '乙局', which states no administrative quota, "
        "so the total cannot be checked"
    )
    assert d.hint == "state the body's own quota, or leave it out of 'over'"


# ---- events of one date go by their items -----------------------------------------------------


def test_renames_of_one_date_written_out_of_item_order_are_read_by_item() -> None:
    text = """body j "丙局" {
  history {
    event renamed 2019-03 {
      from "乙局"
      to "丙局"
      item 2
    }
    event renamed 2019-03 {
      from "甲局"
      to "乙局"
      item 1
    }
  }
}
"""
    # 甲局 → 乙局 (item 1), then 乙局 → 丙局 (item 2): each rename starts from the name in force
    assert _found(text, "OS602") == []
    swapped = text.replace("item 2", "item 9").replace("item 1", "item 2").replace("item 9", "item 1")
    assert [d.message for d in _found(swapped, "OS602")] == [
        "this rename starts from '甲局', but the name in force then was '丙局'",
        "the last rename gives the name '乙局', but the unit is now '丙局'",
    ]


def test_only_bodies_count_as_bodies_under_a_body() -> None:
    text = """body gov "某县人民政府" {
  stated bodies 1 "所属机构1个"
}

body "某局" {
  superior @gov
  section "办公室" {
    managed-by @gov
  }
}
"""
    # the section managed by the government is not one of its bodies
    assert _found(text, "OS301") == []


# ---- class totals: each total of a post is read, the class named ------------------------------


def test_every_total_of_a_post_is_checked_after_one_over_too_many_bodies() -> None:
    text = """body sb "街道办事处" {
  stands-for 3 "3个"
  posts {
    post "副主任" 2 deputy {
      across 5 10 "5个街道10名"
      across 3 7 "3个街道7名"
    }
  }
}
"""
    found = _found(text, "OS317")
    assert [d.message for d in found] == [
        "a total over 5 bodies of a class of 3",
        "the total of '副主任' over 3 bodies is 7 (“3个街道7名”), but 2 for each makes 6",
    ]
    assert [r.message for r in found[0].related] == ["the class"]
    # a total of no figure is passed over, and the next one is still checked
    unread = text.replace('across 5 10 "5个街道10名"', 'across 3 unstated "若干"')
    assert [d.message for d in _found(unread, "OS317")] == [found[1].message]


def test_a_single_body_covering_areas_one_each_names_no_class() -> None:
    (d,) = _found('body nj "站" {\n  covers "甲镇" "乙镇" {\n    each\n  }\n}\n', "OS317")
    assert d.related == ()


# ---- counts over plain bodies and of bodies with optional ones ---------------------------------


def test_optional_sections_of_plain_bodies_a_count_is_over_count_once_each() -> None:
    plain = _OVER.replace("  stands-for 3\n", "").replace("  stands-for 4\n", "")
    # 1 or 2 + 1: 2 to 3 listed
    assert _found(plain.replace("sections 10", "sections 3"), "OS301") == []
    assert len(_found(plain.replace("sections 10", "sections 4"), "OS301")) == 1


def test_optional_bodies_make_a_count_of_bodies_a_range() -> None:
    text = """body gov "某县人民政府" {
  stated bodies 2 "设2至3个机构"
}

body "甲局" {
  superior @gov
}

body "乙局" {
  superior @gov
}

body "丙局" {
  superior @gov
  optional "根据需要设置"
}
"""
    assert _found(text, "OS301") == []
    assert _found(text.replace("bodies 2", "bodies 3"), "OS301") == []
    assert len(_found(text.replace("bodies 2", "bodies 1"), "OS301")) == 1


# ---- totals whose terms may be nothing ----------------------------------------------------------


def test_a_body_with_a_quota_of_none_adds_nothing_to_a_total() -> None:
    zero = _PLAIN.replace("  quota administrative 20\n", '  quota administrative between 0 0 "0"\n').replace(
        "administrative 30", "administrative 10"
    )
    assert _found(zero, "OS320") == []
    assert len(_found(zero.replace('administrative 10 "', 'administrative 11 "'), "OS320")) == 1


# ---- a post of none held by another ----------------------------------------------------------------


def test_a_post_of_none_held_by_another_takes_no_place() -> None:
    text = """body jd "某街道" {
  quota administrative 20
  posts {
    group "处级职数" 7 {
      post "书记" 1 chief
      post "主任" 0 chief held-by "副书记"
      post "副书记" 3 deputy
      post "副主任" 2 deputy
      post "武装部长" 1 deputy
    }
  }
}
"""
    # 1 + 3 + 2 + 1 = 7 persons: the post of none held by a 副书记 takes none of them
    assert [d.code for d in orgspec.check_text(text) if d.code.startswith("OS3")] == []


# ---- OS603: an interim period that ends before it starts -----------------------------------------


def test_an_interim_period_ending_before_it_starts_says_how_a_period_runs() -> None:
    text = 'body "某局" {\n  history {\n    event kept 2018-10 {\n      until 2018-03\n    }\n  }\n}\n'
    (d,) = _found(text, "OS603")
    assert d.message == "the interim period ends on 2018-03, before it starts on 2018-10"
    assert d.hint == "an interim period (过渡期) runs from the event's date until a later one"


# ---- OS316 and the like: every post group is compared with the units it heads ---------------------


def test_each_section_leadership_total_is_compared_even_after_one_that_suffices() -> None:
    text = """body "某局" {
  section-duties-unstated
  section "办公室"
  section "甲股"
  section "乙股"
  posts {
    group "内设机构领导职数" 3 for-sections
    group "内设机构领导职数（调整后）" 2 for-sections
  }
}
"""
    (d,) = _found(text, "OS316")
    assert d.message.startswith("内设机构领导职数（调整后） of '某局' is 2, fewer than the 3 sections it heads")


def test_sub_counts_of_an_untitled_group_name_the_posts() -> None:
    text = 'body "某局" {\n  posts {\n    group 3 {\n      post "局长" 1\n      includes 4 "另核"\n    }\n  }\n}\n'
    messages = [d.message for d in _found(text, "OS308")]
    assert messages == ["the sub-counts of the posts of '某局' add up to 4, more than 3"]


def test_each_plaque_only_body_with_staff_is_reported() -> None:
    text = """body a "甲局" {
  plaque "乙办"
  plaque "丙办"
}

body b "乙办" {
  quota administrative 3
  plaque-on @a
}

body c "丙办" {
  quota administrative 2
  plaque-on @a
}
"""
    assert [d.line for d in _found(text, "OS404")] == [7, 12]


def test_staff_above_the_posts_of_an_untitled_group_name_the_group() -> None:
    text = 'body "某局" {\n  posts {\n    group 3 {\n      actual 4\n      post "局长" 1\n    }\n  }\n}\n'
    messages = [d.message for d in orgspec.check_text(text) if d.code in ("OS311", "OS312")]
    assert messages == ["4 'post group' posts of '某局' are filled, 1 more than the 3 authorised (超职数)"]


def test_a_total_with_no_words_is_quoted_as_nothing() -> None:
    bare = _PLAIN.replace(' "两局行政编制共30名"', "").replace("administrative 30", "administrative 31")
    (d,) = _found(bare, "OS320")
    assert d.message.startswith("the administrative quota of '两局' is 31, but ")


def test_a_section_abolished_and_its_quota_taken_back_the_same_day_is_not_counted() -> None:
    # 撤销乙科, its quota taken back the same day: a later event of the date that is no life event
    text = """body "某局" {
  section-duties-unstated
  stated sections 1 "设1个内设机构"
  section a "甲科"
  section "乙科" {
    history {
      event abolished 2018-03
      event quota-changed 2018-03 {
        from 3
        amount 0
      }
    }
  }
}
"""
    assert _found(text, "OS301") == []


def test_an_event_naming_its_own_unit_before_its_establishment_is_reported_once() -> None:
    text = 'body a "甲" {\n  history {\n    event merged 1995 {\n      unit @a\n    }\n    event established 2000\n  }\n}\n'
    assert [d.message for d in _found(text, "OS602")] == [
        "this merged event of 1995 is about '甲', which was established only on 2000"
    ]


def test_an_open_class_counts_its_optional_units_once_in_a_count_over_bodies() -> None:
    text = _OVER.replace("  stands-for 3\n", "").replace("stands-for 4", "stands-for unstated")
    text = text.replace(
        '  section "党政办公室"\n}\n', '  section "党政办公室"\n  section "综合办公室" {\n    optional "选设"\n  }\n}\n'
    )
    (d,) = _found(text.replace("sections 10", "sections 1"), "OS301")
    assert d.message.endswith("but the 2 bodies it is over list 2 to 4 (optional: 2)")


def test_a_range_of_two_ranks_on_the_scale_is_no_unknown_rank() -> None:
    # "正科级至副厅级" (a unit ranked anywhere between the two): both ends are on the scale, so no OS503;
    # a range with an end off the scale, or a rank off it, is still reported
    def os503(rank: str) -> list[str]:
        text = f'body "某局" {{\n  rank "{rank}"\n}}\n'
        return [d.message for d in orgspec.check_text(text) if d.code == "OS503"]

    assert os503("正科级至副厅级") == []
    assert os503("副处级到正处级") == []
    assert os503("正科级至某级") == ["the rank '正科级至某级' of '某局' is not on the known scale"]
    assert os503("某某级") == ["the rank '某某级' of '某局' is not on the known scale"]
