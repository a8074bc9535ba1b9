"""The two constructs batch 12's hand encoding could not state (issue 13/14 follow-up).

A document that quotes only part of a list (``excerpt WHAT ["words"]``: a reading that quotes duties 1
and 16 of a 规定): no OS310 gap, a stated count not compared (OS309), not a count across files, a floor
for a policy limit. Staff in post as a range or bound (``actual at-least 100 "干部百余名"``): OS311 and
OS312 read the bound soundly. Each is tested read back, through its check with and without it, fmt,
a bad use, completion, hover, lexer and the tables export.
"""

from __future__ import annotations

import pytest

import orgspec
from orgspec.model.values import Count, CountStatus
from tests.conftest import SPECS
from tests.construct_helpers import findings as _findings
from tests.construct_helpers import round_trips as _round_trips

# ---- a document that quotes only part of a list ------------------------------------------------------

_EXCERPT = """body yjb "应急管理部" {
  excerpt duties "职责第一条"
  duties {
    duty 1 "负责安全生产综合监督管理工作。"
    duty 16 "负责应急管理、安全生产宣传教育和培训工作。"
  }
}
"""


def test_an_excerpt_reads_back_and_is_written_canonically() -> None:
    spec = _round_trips(_EXCERPT)
    (part,) = spec.bodies[0].excerpt
    assert (part.what, part.text) == ("duties", "职责第一条")
    assert spec.bodies[0].partial("duties") == ("excerpt", 0)
    assert spec.bodies[0].partial("sections") is None
    bare = _EXCERPT.replace(' "职责第一条"', "")
    assert _round_trips(bare).bodies[0].excerpt[0].text is None


def test_a_gap_in_a_list_quoted_in_part_is_not_a_numbering_anomaly() -> None:
    assert _findings(_EXCERPT) == []
    # without it, the gap 1 → 16 is asked for (the old false alarm on found-97)
    assert _findings(_EXCERPT.replace('  excerpt duties "职责第一条"\n', ""), "OS310") == [("OS310", 4)]
    # an excerpt of the sections says nothing of the duties
    assert _findings(_EXCERPT.replace("excerpt duties", "excerpt sections"), "OS310") == [("OS310", 5)]


def test_a_repeated_or_backward_number_in_an_excerpt_is_still_reported() -> None:
    assert _findings(_EXCERPT.replace("duty 16", "duty 1"), "OS310") == [("OS310", 5)]
    backward = _EXCERPT.replace("duty 1 ", "duty 20 ")
    found = [d for d in orgspec.check_text(backward) if d.code == "OS310"]
    assert [(d.line, "goes back" in d.message) for d in found] == [(5, True)]


def test_a_gap_in_sections_quoted_in_part_is_not_reported() -> None:
    text = """body b "某部" {
  excerpt sections "内设机构的教育训练司"
  section-duties-unstated
  section "办公厅" {
    number 1
  }
  section "教育训练司" {
    number 12
  }
}
"""
    assert _findings(text) == []
    assert _findings(text.replace('  excerpt sections "内设机构的教育训练司"\n', ""), "OS310") == [("OS310", 6)]


def test_a_stated_count_is_not_compared_with_a_list_quoted_in_part() -> None:
    stated = _EXCERPT.replace("  duties {", '  stated duties 16 "职责十六条"\n  duties {')
    found = [d for d in orgspec.check_text(stated) if d.code in ("OS301", "OS309")]
    assert [(d.code, d.line) for d in found] == [("OS309", 3)]
    assert "quotes 2 of them" in found[0].message
    assert found[0].related[0].message == "the document quotes only part"
    # without the excerpt, 16 stated against 2 listed is a mismatch
    plain = stated.replace('  excerpt duties "职责第一条"\n', "")
    assert _findings(plain, "OS301", "OS309", "OS310") == [("OS301", 2), ("OS310", 5)]
    # more listed than stated is still an error, excerpt or not
    assert _findings(stated.replace("duties 16", "duties 1"), "OS301", "OS309") == [("OS301", 3)]


def test_sections_quoted_in_part_are_no_count_across_files_nor_a_ceiling_for_a_policy() -> None:
    from orgspec.across import _sections
    from orgspec.policy.evaluate import sections_of

    text = 'body b "某部" {\n  excerpt sections\n  section-duties-unstated\n  section "办公厅"\n  section "政策法规司"\n}\n'
    body = orgspec.loads(text).bodies[0]
    assert _sections(body, "/bodies/0", frozenset()) is None
    assert sections_of("/bodies/0", body, frozenset()) == ((2, None), None)
    whole = orgspec.loads(text.replace("  excerpt sections\n", "")).bodies[0]
    assert _sections(whole, "/bodies/0", frozenset()) == 2
    assert sections_of("/bodies/0", whole, frozenset()) == ((2, 2), None)


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        ("excerpt page", "does not know 'page'"),
        ("excerpt dutys", "did you mean 'duties'"),
        ("excerpt", "needs what the document quotes only part of"),
        ('excerpt duties "a" "b"', "excerpt"),
        ('excerpt duties {\n    note "x"\n  }', "block"),
    ],
)
def test_a_bad_excerpt_is_a_located_error(statement: str, message: str) -> None:
    text = _EXCERPT.replace('excerpt duties "职责第一条"', statement)
    found = [d for d in orgspec.check_text(text) if d.severity.value == "error"]
    assert len(found) == 1, found
    assert found[0].line == 2
    assert message in found[0].message + (found[0].hint or "")


def test_the_found_97_reading_states_its_excerpts() -> None:
    (path,) = SPECS.glob("corpus/found-97-*.orgspec")
    spec = orgspec.load(path)
    assert {e.what for e in spec.bodies[0].excerpt} == {"duties", "sections"}
    assert [d.code for d in orgspec.check(path)] == []


# ---- staff in post as a range or bound ---------------------------------------------------------------

_ACTUAL = """body b "某局" {
  quota administrative 20 "行政编制20名"
  actual administrative at-least 15 "干部十余名"
  actual at-least 100 "干部百余名" {
    as-of 1949
  }
  posts {
    post "副局长" 3 {
      actual at-most 3 "不超过3名"
    }
  }
}
"""


def test_staff_in_post_as_a_bound_reads_back() -> None:
    spec = _round_trips(_ACTUAL)
    admin, everyone = spec.bodies[0].actual
    assert admin.count == Count.between(15, None, "干部十余名")
    assert everyone.count.low_bound == 100
    assert everyone.count.high_bound is None
    assert str(everyone.as_of) == "1949"
    post = spec.bodies[0].posts[0]
    assert post.actual == Count.between(None, 3, "不超过3名")


@pytest.mark.parametrize(
    "figure",
    [
        'between 3 5 "三至五人"',
        'at-most 9 "不超过9人"',
        "unstated",
        "separately",
        'unreadable "1O"',
        'cut-off "1"',
    ],
)
def test_staff_in_post_takes_every_figure_a_quota_takes(figure: str) -> None:
    text = f'body b "某局" {{\n  quota administrative 20\n  actual administrative {figure}\n}}\n'
    spec = _round_trips(text)
    quota = orgspec.loads(text.replace(f"actual administrative {figure}", f"quota logistics {figure}"))
    assert spec.bodies[0].actual[0].count == quota.bodies[0].quotas[1].count
    assert _findings(text) == []


def test_a_lower_bound_above_the_quota_is_over_and_one_below_says_nothing() -> None:
    # the 100 of every category against the quotas' 20 in all: over even at its least
    assert _findings(_ACTUAL, "OS311", "OS312") == [("OS311", 4)]
    assert _findings(_ACTUAL.replace("at-least 100", "at-least 18"), "OS311") == []
    over = _ACTUAL.replace("at-least 15", "at-least 22")
    found = [d for d in orgspec.check_text(over) if d.code == "OS311"]
    assert [d.line for d in found] == [3, 4]
    assert "has ≥22 administrative staff in post" in found[0].message
    assert "at least 2 more than its administrative quota of 20" in found[0].message
    # a range over the quota only at its top is not over; one over at its bottom is
    assert _findings(_ACTUAL.replace('at-least 15 "干部十余名"', 'between 18 25 "18-25人"'), "OS311") == [("OS311", 4)]
    assert _findings(_ACTUAL.replace('at-least 15 "干部十余名"', 'between 21 25 "21-25人"'), "OS311") == [
        ("OS311", 3),
        ("OS311", 4),
    ]


def test_a_bound_is_compared_with_the_most_the_quota_allows() -> None:
    # a quota with no upper bound (不少于20名) allows any number in post
    text = _ACTUAL.replace('quota administrative 20 "行政编制20名"', 'quota administrative at-least 20 "不少于20名"')
    assert _findings(text.replace("at-least 15", "at-least 40"), "OS311") == []
    # a quota of at most 20 is a ceiling
    ceiling = _ACTUAL.replace('20 "行政编制20名"', 'at-most 20 "不超过20名"').replace("at-least 15", "at-least 21")
    assert _findings(ceiling, "OS311") == [("OS311", 3), ("OS311", 4)]


def test_staff_in_a_category_with_no_quota_is_reported_only_when_surely_some() -> None:
    text = 'body b "某局" {\n  quota administrative 20\n  actual logistics at-least 2 "工勤二人以上"\n}\n'
    assert _findings(text, "OS311") == [("OS311", 3)]
    assert _findings(text.replace('at-least 2 "工勤二人以上"', 'at-most 2 "工勤至多二人"'), "OS311") == []


def test_posts_filled_as_a_bound_are_read_soundly() -> None:
    assert _findings(_ACTUAL, "OS312") == []
    over = _ACTUAL.replace('at-most 3 "不超过3名"', 'at-least 4 "四名以上"')
    found = [d for d in orgspec.check_text(over) if d.code == "OS312"]
    assert [d.line for d in found] == [9]
    assert "at least 1 more than the 3 authorised" in found[0].message
    assert _findings(_ACTUAL.replace('at-most 3 "不超过3名"', 'at-most 5 "不超过5名"'), "OS312") == []


@pytest.mark.parametrize(
    ("figure", "message"),
    [
        ('at-least "百余名"', "the bounds of the range after 'at-least'"),
        ("at-least 100", 'the figure as written after "at-least"'),
        ('between 5 3 "5-3"', "runs backwards"),
        ('"百余名"', "the staff in post"),
    ],
)
def test_a_bad_figure_of_staff_in_post_is_a_located_error(figure: str, message: str) -> None:
    text = f'body b "某局" {{\n  quota administrative 20\n  actual {figure}\n}}\n'
    found = [d for d in orgspec.check_text(text) if d.severity.value == "error"]
    assert len(found) == 1, found
    assert found[0].line == 3
    assert message in found[0].message


def test_the_found_95_article_states_its_cadres_as_a_lower_bound() -> None:
    (path,) = SPECS.glob("corpus/found-95-*.orgspec")
    spec = orgspec.load(path)
    bounds = [a for a in spec.bodies[0].actual if a.count.status is CountStatus.RANGE]
    assert [(a.count.low_bound, a.count.high_bound, a.count.text) for a in bounds] == [(100, None, "干部百余名")]
    assert "# cannot state" not in path.read_text(encoding="utf-8")
    assert [d.code for d in orgspec.check(path)] == []


# ---- tools --------------------------------------------------------------------------------------------


def test_the_tables_export_carries_an_excerpt() -> None:
    from orgspec.export.tables import table_rows

    rows = list(table_rows(orgspec.loads(_EXCERPT), "units"))
    assert rows[0]["excerpt"] == "duties: 职责第一条"


def test_completion_hover_and_lexer_know_the_new_constructs() -> None:
    pytest.importorskip("lsprotocol")
    pytest.importorskip("pygments")
    from pygments import lex
    from pygments.token import Keyword

    from orgspec.lsp.complete import completions
    from orgspec.lsp.features import Document, unit_summary
    from orgspec.pygments_lexer import OrgspecLexer

    def labels(text: str) -> list[str]:
        doc = Document.open("file:///c.orgspec", text)
        return [i.label for i in completions(text, len(text), doc.lines)]

    assert "excerpt" in labels('body b "B" {\n  ')
    offered = labels('body b "B" {\n  excerpt ')
    assert "duties" in offered
    assert "page" not in offered
    assert "at-least" in labels('body b "B" {\n  actual ')
    assert "at-least" in labels('body b "B" {\n  posts {\n    post "x" 1 {\n      actual ')
    summary = unit_summary(orgspec.loads(_EXCERPT + _ACTUAL).bodies[0])
    assert "the document quotes only part of its duties" in summary
    summary = unit_summary(orgspec.loads(_ACTUAL).bodies[0])
    assert "staff in post (every category): a range, ≥100 (干部百余名)" in summary
    tokens = {v: t for t, v in lex(_EXCERPT, OrgspecLexer())}
    assert tokens["excerpt"] is Keyword
