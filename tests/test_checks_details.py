"""What each check says, where, and why: messages, locations, hints and related notes.

test_checks.py asks whether a check fires; here the finding itself is pinned. Each fixture and
each small case below has its full text output in tests/golden/checks/ (the message, the
caret, the hint, every related note), and the tests after that check the parts a user acts
on against hand-written expectations: the numbers named in a message, the line and column,
the boundaries of partial dates.
"""

from __future__ import annotations

import pytest

import orgspec
from orgspec.diagnostics import Diagnostic
from orgspec.report.text import format_text

from .conftest import FIXTURES, GOLDEN, golden

FAIL_FIXTURES = sorted(p.name for p in (FIXTURES / "checks").iterdir() if (p / "fail.orgspec").exists())

#: Small specs that reach branches no fixture reaches; each one's findings are pinned in a golden.
CASES = {
    "numbering-skips-many": """body "A" {
  duties {
    duty 1 "a"
    duty 9 "b"
    duty 3 "c"
    duty 3 "d"
  }
}
""",
    "stated-every-kind": """body "A" {
  stated sections 1
  stated duties 3 "三項"
  stated institutions 2
  stated members 2
  section "B" { duties { duty "x" } }
  section "C" { duties { duty "y" } }
  institution "D"
  duties {
    duty "a"
  }
  members {
    member "組長"
  }
}
""",
    "event-steps-out-of-order": """body "A" {
  history {
    event established 2010 {
      decided 2010-06
      approved 2010-05
      effective 2010-04
    }
    event renamed 2009 { from "B"; to "A" }
  }
}
""",
    "events-before-establishment": """body "A" {
  section s "B" {
    duties { duty "x" }
    history {
      event established 2010-06
      event renamed 2010-05 { from "C"; to "B" }
    }
  }
  history {
    event hosted 2010-05 { unit @s }
  }
}
""",
    "plaques-added-removed": """body "A" {
  plaque "P"
  history {
    event plaque-added 2001 { plaque "Q" }
    event plaque-removed 2002 { plaque "P" }
  }
}
""",
    "plaque-names": """body a "A" {
  plaque "B"
  section b "B" { duties { duty "x" } }
}
body c "C" {
  plaque "C"
  plaque "D"
  plaque "D"
}
""",
    "abolished-then-events": """body a "A" {
  history {
    event established 2001
    event abolished 2005
    event plaque-added 2006 { plaque "P" }
    event rank-changed 2007 { from "处级"; to "副厅级" }
  }
  plaque "P"
  rank "副厅级"
}
history {
  event renamed 2003 { unit @a; from "B"; to "A" }
}
""",
    "deputies-and-breakdowns": """body "A" {
  posts {
    group "副處長" 2 {
      post "副處長" 3
    }
    group "處長" 2 {
      post "處長" 3
    }
    group 5 {
      post "正處長" 1
      post "副處長" 2
    }
  }
}
""",
    "spec-level-history-order": """body a "A" {
}
history {
  event established 2005 { unit @a }
  event renamed 2001 { unit @a; from "B"; to "A" }
}
""",
    "rename-ends-elsewhere": """body "A" {
  history {
    event renamed 2001 { from "C"; to "B" }
    event renamed 2007 { from "B"; to "Z" }
  }
}
""",
}


def _found(text: str, name: str = "case.orgspec") -> list[Diagnostic]:
    return orgspec.check_text(text, name)


@pytest.mark.parametrize("code", FAIL_FIXTURES)
def test_each_fixture_s_findings_in_full(code: str) -> None:
    text = (FIXTURES / "checks" / code / "fail.orgspec").read_text(encoding="utf-8")
    golden(GOLDEN / "checks" / f"{code}.txt", format_text(_found(text, f"{code}/fail.orgspec")))


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_s_findings_in_full(case: str) -> None:
    golden(GOLDEN / "checks" / f"case-{case}.txt", format_text(_found(CASES[case], f"{case}.orgspec")))


def _messages(text: str, code: str) -> list[str]:
    return [d.message for d in _found(text) if d.code == code]


def test_numbering_names_the_missing_numbers_up_to_five() -> None:
    assert _messages(CASES["numbering-skips-many"], "OS310") == [
        "duty numbering skips from 1 to 9 (missing 2, 3, 4, 5, 6) in 'A'",
        "duty numbering goes back from 9 to 3 in 'A'",
        "duty number 3 is used twice in 'A'",
    ]


def test_numbering_findings_point_at_the_number_and_the_previous_one() -> None:
    found = [d for d in _found(CASES["numbering-skips-many"]) if d.code == "OS310"]
    # duty 9 is on line 4, duty 3 on lines 5 and 6; the related note is the duty before
    assert [(d.line, d.related[0].message) for d in found] == [
        (4, "the previous one"),
        (5, "the previous one"),
        (6, "the previous one"),
    ]
    assert [d.source.position(d.related[0].span.start).line for d in found] == [3, 4, 5]  # type: ignore[union-attr]
    assert all(d.hint == "this is usually a defect of the document; keep its numbers and note it" for d in found)


def test_a_skip_of_two_names_one_number() -> None:
    text = 'body "A" {\n  duties {\n    duty 1 "a"\n    duty 3 "b"\n  }\n}\n'
    assert _messages(text, "OS310") == ["duty numbering skips from 1 to 3 (missing 2) in 'A'"]


def test_stated_counts_count_what_they_name() -> None:
    assert _messages(CASES["stated-every-kind"], "OS301") == [
        "'A' states 1 sections but lists 2",
        "'A' states 3 duties (“三項”) but lists 1",
        "'A' states 2 public institutions but lists 1",
        "'A' states 2 members but lists 1",
    ]


def test_a_stated_count_lists_what_it_counted() -> None:
    (sections, *_) = [d for d in _found(CASES["stated-every-kind"]) if d.code == "OS301"]
    assert [r.message for r in sections.related] == ["stated here", "listed (1)", "listed (2)"]
    assert [sections.source.position(r.span.start).line for r in sections.related] == [2, 6, 7]  # type: ignore[union-attr]


def test_event_steps_are_named_in_the_order_they_break() -> None:
    assert _messages(CASES["event-steps-out-of-order"], "OS603") == [
        "the event is approved on 2010-05, before it was decided on 2010-06",
        "the event is effective on 2010-04, before it was approved on 2010-05",
    ]
    assert _messages(CASES["event-steps-out-of-order"], "OS601") == [
        "the renamed event of 2009 is listed after one of 2010"
    ]


def test_same_day_steps_are_in_order() -> None:
    text = 'body "A" {\n  history {\n    event established 2010 { decided 2010-06; approved 2010-06 }\n  }\n}\n'
    assert _messages(text, "OS603") == []


@pytest.mark.parametrize(
    ("established", "event", "reported"),
    [
        ("2010-06", "2010-05", True),  # a month before
        ("2010-06", "2010", False),  # 2010 may mean June or later
        ("2010", "2010-05", False),  # 2010 may mean January
        ("2010", "2009-12-31", True),
        ("2010-06-02", "2010-06-01", True),
        ("2010-06-02", "2010-06", False),
        ("2010-06", "2010-06-30", False),
        ("2011-01", "2010-12", True),
        ("2010", "2010-01-15", False),  # 2010 may mean the 15th of January or later
        ("2010-06", "2010-06-01", False),
        ("2010-06-01", "2010-06-01", False),  # the same day is not before
    ],
)
def test_an_event_before_the_establishment_is_reported_only_when_surely_before(
    established: str, event: str, reported: bool
) -> None:
    text = (
        'body "A" {\n  history {\n'
        f"    event established {established}\n"
        f'    event plaque-added {event} {{ plaque "P" }}\n'
        '  }\n  plaque "P"\n}\n'
    )
    messages = [m for m in _messages(text, "OS602") if "established only" in m]
    assert messages == (
        [f"this plaque-added event of {event} is about 'A', which was established only on {established}"]
        if reported
        else []
    )


def test_an_event_after_the_abolition_is_reported() -> None:
    text = (
        'body "A" {\n  history {\n    event established 2001\n    event abolished 2005\n'
        '    event plaque-added 2006 { plaque "P" }\n  }\n  plaque "P"\n}\n'
    )
    assert _messages(text, "OS602") == ["this plaque-added event of 2006 is about 'A', which was abolished on 2005"]


def test_a_re_establishment_lifts_the_abolition() -> None:
    text = (
        'body "A" {\n  history {\n    event established 2001\n    event abolished 2005\n'
        '    event reestablished 2006\n    event plaque-added 2007 { plaque "P" }\n  }\n  plaque "P"\n}\n'
    )
    assert _messages(text, "OS602") == []


def test_plaque_events_are_checked_against_the_plaques_carried_now() -> None:
    assert _messages(CASES["plaques-added-removed"], "OS602") == [
        "the plaque 'Q' is added here but the unit does not carry it now",
        "the plaque 'P' is removed here but the unit still carries it",
    ]


def test_events_about_a_section_come_after_it_was_set_up() -> None:
    messages = _messages(CASES["events-before-establishment"], "OS602")
    assert "this renamed event of 2010-05 is about 'B', which was established only on 2010-06" in messages
    assert "this hosted event of 2010-05 refers to 'B', which was established only on 2010-06" in messages


def test_renames_chain_and_end_at_the_name() -> None:
    text = (FIXTURES / "checks" / "OS602" / "fail.orgspec").read_text(encoding="utf-8")
    assert _messages(text, "OS602") == [
        "this rename starts from 'X', but the name in force then was 'B'",
    ]
    good = 'body "A" {\n  history {\n    event renamed 2001 { from "C"; to "B" }\n    event renamed 2007 { from "B"; to "A" }\n  }\n}\n'
    assert _messages(good, "OS602") == []
    wrong_end = good.replace('to "A"', 'to "Z"').replace('body "A"', 'body "A"')
    assert _messages(wrong_end, "OS602") == ["the last rename gives the name 'Z', but the unit is now 'A'"]


# ---- leadership posts -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Deputy Director", "deputy"),
        ("vice-chair", "deputy"),
        ("Associate Director", "deputy"),
        ("Director", None),
        ("正副處長", None),  # a group title: chief and deputies
        ("副正職", None),
        ("副處長", "deputy"),
        ("處副長", "deputy"),  # 副 within the first four characters
        ("辦公室主任兼副", None),  # 副 only after the fourth character
        ("正處長", "chief"),
        ("處長", None),
        ("  副處長", "deputy"),  # the title is read without surrounding spaces
    ],
)
def test_role_of_reads_the_title(title: str, role: str | None) -> None:
    from orgspec.checks.posts import role_of
    from orgspec.model import Count, Post

    assert role_of(Post(title=title, count=Count.of(1))) == role


def test_a_declared_role_wins_over_the_title() -> None:
    from orgspec.checks.posts import role_of
    from orgspec.model import Count, Post

    assert role_of(Post(title="副處長", count=Count.of(1), role="chief")) == "chief"


def test_posts_within_the_quota_count_groups_by_their_posts_and_skip_separate_approvals() -> None:
    from orgspec.checks.posts import posts_total as _posts_total
    from orgspec.model import Count, Post, PostGroup

    one = Post(title="主任", count=Count.of(1))
    two = Post(title="副主任", count=Count.of(2))
    separately = Post(title="總工程師", count=Count.of(1), approved_separately=True)
    group_open = PostGroup(title="處長", count=Count.unstated(), posts=(one, two))
    group_unknown = PostGroup(
        title="處長", count=Count.unstated(), posts=(one, Post(title="副處長", count=Count.unstated()))
    )
    assert _posts_total((one, two)) == (3, [0, 1], False)
    assert _posts_total((separately, one)) == (1, [1], False)
    # a group without its own figure counts the posts under it, when all of them are known
    assert _posts_total((group_open, one)) == (4, [0, 1], False)
    assert _posts_total((group_unknown, one)) == (1, [1], True)
    assert _posts_total((Post(title="x", count=Count.unstated()),)) == (0, [], True)


def test_posts_over_the_quota_name_every_post_counted() -> None:
    text = """body "A" {
  quota administrative 2
  posts {
    post "主任" 1
    post "副主任" 2
    post "總工程師" 1 approved-separately
  }
}
"""
    (d,) = [d for d in _found(text) if d.code == "OS304"]
    assert d.message == "'A' has 3 leadership posts but an administrative quota of 2"
    assert [r.message for r in d.related] == ["主任 1", "副主任 2"]


def test_deputies_beyond_what_the_group_leaves_name_the_room_left() -> None:
    text = (
        'body "A" {\n  posts {\n    group "正副處長" 5 {\n      post "正處長" 2\n      post "副處長" 4\n    }\n  }\n}\n'
    )
    (d,) = [d for d in _found(text) if d.code == "OS307"]
    assert (
        d.message == "'A' has 4 deputy posts in 正副處長, but the group total of 5 less 2 chief posts leaves room for 3"
    )
    assert [r.message for r in d.related] == ["the group total", "正處長 2", "副處長 4"]
    assert d.line == 5


def test_deputies_without_chiefs_are_compared_with_the_whole_group() -> None:
    text = 'body "A" {\n  posts {\n    group "副處長" 2 {\n      post "副處長" 3\n    }\n  }\n}\n'
    assert _messages(text, "OS307") == ["'A' has 3 deputy posts in 副處長, more than the group total of 2"]
    fits = text.replace('post "副處長" 3', 'post "副處長" 2')
    assert _messages(fits, "OS307") == []


def test_a_complete_breakdown_must_add_up_and_a_partial_one_must_fit() -> None:
    complete = 'body "A" {\n  posts {\n    group 5 {\n      post "正處長" 1\n      post "副處長" 2\n    }\n  }\n}\n'
    assert _messages(complete, "OS305") == ["post group of 'A' is 5, but its breakdown adds up to 3"]
    partial = 'body "A" {\n  posts {\n    group "處長" 2 {\n      post "處長" 3\n    }\n  }\n}\n'
    assert _messages(partial, "OS305") == ["the posts listed under 處長 of 'A' add up to 3, more than its total of 2"]


def test_a_plaque_may_not_name_another_unit_or_be_carried_twice() -> None:
    found = [d for d in _found(CASES["plaque-names"]) if d.code in ("OS401", "OS402")]
    assert [(d.code, d.line, d.message) for d in found] == [
        ("OS402", 2, "the plaque 'B' is the name of another unit in this spec"),
        ("OS401", 6, "the plaque 'C' repeats the name of the unit that carries it"),
        ("OS402", 8, "the plaque 'D' is carried twice"),
    ]
    # each names where the other name is: section B's name, C's own name, the first plaque D
    assert [[d.source.position(r.span.start).line for r in d.related] for d in found] == [[3], [5], [7]]  # type: ignore[union-attr]


def test_spec_level_events_about_a_unit_are_read_in_date_order_with_its_own() -> None:
    text = """body a "A" {
  history {
    event renamed 2005 { from "B"; to "A" }
  }
}
history {
  event renamed 2001 { unit @a; from "C"; to "B" }
}
"""
    assert _messages(text, "OS602") == []
    # with one of them undated, they stay as listed: the unit's own first
    undated = text.replace("event renamed 2001 {", "event renamed {")
    assert _messages(undated, "OS602") == [
        "this rename starts from 'C', but the name in force then was 'A'",
        "the last rename gives the name 'B', but the unit is now 'A'",
    ]


def test_a_plaque_added_then_removed_is_decided_by_its_last_event() -> None:
    text = """body a "A" {
  history {
    event plaque-added 2001 { plaque "P" }
    event plaque-removed 2002 { plaque "P" }
    event plaque-added 2003 { plaque "Q" }
    event plaque-added 2004
  }
}
"""
    assert _messages(text, "OS602") == ["the plaque 'Q' is added here but the unit does not carry it now"]


def test_stated_counts_that_match_are_not_reported() -> None:
    # each figure matches what it counts, and would not match anything else listed here
    text = """body "A" {
  stated duties 1
  stated members 1
  stated sections 2
  section "B" { duties { duty "x" } }
  section "C" { duties { duty "y" } }
  duties {
    duty "a"
  }
  members {
    member "組長"
  }
}
"""
    assert _messages(text, "OS301") == []


def test_chief_posts_beyond_the_sections_say_how_many_sections_there_are() -> None:
    sections = "".join(f'  section "S{i}" {{ duties {{ duty "x" }} }}\n' for i in range(2))
    text = (
        'body "A" {\n' + sections + '  posts {\n    group "正副處長" 4 for-sections {\n'
        '      post "正處長" 3 chief\n      post "副處長" 1 deputy\n    }\n  }\n}\n'
    )
    assert _messages(text, "OS306") == ["'A' has 3 chief posts in 正副處長 but only 2 sections for them to head"]


def test_a_long_list_names_its_first_twenty_entries() -> None:
    sections = "".join(f'  section "S{i}" {{ duties {{ duty "x" }} }}\n' for i in range(22))
    (d,) = [d for d in _found('body "A" {\n  stated sections 1\n' + sections + "}\n") if d.code == "OS301"]
    assert d.message == "'A' states 1 sections but lists 22"
    assert [r.message for r in d.related] == ["stated here"] + [f"listed ({n})" for n in range(1, 21)]


def test_sub_counts_beyond_the_post_count_are_reported_once_they_exceed_it() -> None:
    text = 'body "A" {\n  posts {\n    post "副科長" 3 {\n      includes 3 "僑務辦公室"\n    }\n  }\n}\n'
    assert _messages(text, "OS308") == []
    assert _messages(text.replace("includes 3", "includes 4"), "OS308") == [
        "the sub-counts of 副科長 of 'A' add up to 4, more than 3"
    ]


def test_zero_is_a_figure_like_any_other() -> None:
    # a count of 0 is known and compared: no post fits a quota of 0, no sub-count a post count of 0
    quota = 'body "A" {\n  quota administrative 0\n  posts {\n    post "主任" 1\n  }\n}\n'
    assert _messages(quota, "OS304") == ["'A' has 1 leadership posts but an administrative quota of 0"]
    parts = 'body "A" {\n  posts {\n    post "副科長" 0 {\n      includes 1 "僑務辦公室"\n    }\n  }\n}\n'
    assert _messages(parts, "OS308") == ["the sub-counts of 副科長 of 'A' add up to 1, more than 0"]
    group = (
        'body "A" {\n  posts {\n    group "正副處長" 0 {\n      post "正處長" 0\n      post "副處長" 1\n    }\n  }\n}\n'
    )
    assert _messages(group, "OS307") == [
        "'A' has 1 deputy posts in 正副處長, but the group total of 0 less 0 chief posts leaves room for 0"
    ]
    # zero posts under a group with no figure of its own count as zero against the quota
    grouped = (
        'body "A" {\n  quota administrative 1\n  posts {\n    group "處長" unstated {\n'
        '      post "正處長" 0\n      post "副處長" 0\n    }\n    post "主任" 1\n  }\n}\n'
    )
    assert _messages(grouped, "OS304") == []


def _checked(text: str) -> list[tuple[str, str, list[str]]]:
    return [(d.code, d.message, [r.message for r in d.related]) for d in orgspec.check_text(text)]


def test_a_copy_cut_off_at_a_page_leaves_a_stated_count_uncompared() -> None:
    spec = 'body "甲局" {\n  stated sections 3\n  cut-off page\n  section "办公室"\n}\n'
    codes = [code for code, _, _ in _checked(spec)]
    assert "OS309" in codes
    assert "OS301" not in codes
    assert "OS301" in [code for code, _, _ in _checked(spec.replace("  cut-off page\n", ""))]


def test_bodies_under_a_body_are_counted_past_a_cycle_of_managing_bodies() -> None:
    spec = (
        'body gov "某市人民政府" {\n  stated bodies 1 "管理1个机构"\n}\n'
        'body a "甲局" {\n  superior "某市人民政府"\n}\n'
        'body b "乙局" {\n  managed-by "丙局"\n}\nbody c "丙局" {\n  managed-by "乙局"\n}\n'
    )
    assert "OS301" not in [code for code, _, _ in _checked(spec)]
    assert [m for code, m, _ in _checked(spec.replace("stated bodies 1", "stated bodies 2")) if code == "OS301"] == [
        "'某市人民政府' states 2 bodies (“管理1个机构”) but lists 1"
    ]


def test_an_untitled_post_group_is_named_by_its_figure_where_posts_are_counted() -> None:
    posts = '  posts {\n    post "局长" 1\n    group 2 {\n      post "副局长" 2\n    }\n  }\n'
    over = _checked(f'body "甲局" {{\n  quota administrative 2\n{posts}}}\n')
    assert [(code, related) for code, _, related in over] == [("OS304", ["局长 1", "posts 2"])]
    logistics = _checked(
        f'body "甲局" {{\n  quota administrative 5 {{\n    includes logistics 3 "工勤"\n  }}\n{posts}}}\n'
    )
    assert [(code, related) for code, _, related in logistics] == [
        ("OS314", ["the quota", "the logistics part 3", "局长 1", "posts 2"])
    ]


def test_parts_above_a_range_s_upper_bound_say_where_includes_counts() -> None:
    spec = 'body "甲局" {\n  quota administrative between 3 5 "3至5名" {\n    includes 4 "局长"\n    includes 3 "工勤"\n  }\n}\n'
    (found,) = orgspec.check_text(spec)
    assert (found.code, found.hint) == ("OS302", "parts written with 'includes' are counted inside the total")
