"""Figures given as ranges or bounds (issue 13, N3/K5): "2-3名", "不超过50名", "三人至七人".

Each test states what a reviewer expects of a small document, independently of the code: a range
is kept with the document's words, adds up as a range, and is a finding only when even the bound
that favours the document breaks the rule.
"""

from __future__ import annotations

import json

import pytest

import orgspec
from orgspec.export import export
from orgspec.export.popolo import count_value
from orgspec.export.tables import table_rows
from orgspec.model import Count, CountStatus, UnitKind
from orgspec.model.arith import sum_counts
from orgspec.render.chart import format_count
from orgspec.reorg import apply, diff
from orgspec.reorg.render_text import render_text


def _findings(text: str) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in orgspec.check_text(text)]


_RANGES = """body a "街道办事处" {
  section-duties-unstated
  stated sections between 2 3 "内设机构2-3个"
  section "党政综合办公室"
  section "社会事务办公室"
  quota administrative between 3 7 "三人至七人" {
    includes 1 "内有妇女工作干部一人"
  }
  quota logistics at-most 5 "不超过5名"
  posts {
    post "主任" at-least 1 "至少一人"
  }
}
"""


def test_ranges_are_read_with_the_documents_words_and_round_trip() -> None:
    spec = orgspec.loads(_RANGES)
    body = spec.bodies[0]
    assert body.stated[0].count == Count(status=CountStatus.RANGE, value=2, high=3, text="内设机构2-3个")
    assert body.quotas[0].count == Count.between(3, 7, "三人至七人")
    assert body.quotas[1].count == Count.between(None, 5, "不超过5名")
    assert str(body.quotas[0].count) == "3-7"
    assert str(body.quotas[1].count) == "\u22645"
    assert orgspec.loads(orgspec.dumps(spec)) == spec
    assert 'between 3 7 "三人至七人"' in orgspec.dumps(spec)
    assert 'at-most 5 "不超过5名"' in orgspec.dumps(spec)
    assert 'at-least 1 "至少一人"' in orgspec.dumps(spec)


def test_a_range_within_the_rules_gives_no_finding() -> None:
    # two sections listed against 2-3, one part of 1 inside 3-7: consistent; no OS309 either
    assert _findings(_RANGES) == []


@pytest.mark.parametrize(
    ("stated", "listed", "expected"),
    [
        ("between 2 3", 2, []),
        ("between 2 3", 3, []),
        ("between 2 3", 4, [("OS301", 3)]),
        ("between 2 3", 1, [("OS301", 3)]),
        ("at-most 3", 1, []),
        ("at-most 3", 4, [("OS301", 3)]),
        ("at-least 2", 9, []),
        ("at-least 2", 1, [("OS301", 3)]),
    ],
)
def test_a_stated_range_of_sections_against_the_list(stated: str, listed: int, expected: list[tuple[str, int]]) -> None:
    sections = "".join(f'  section "第{i}处"\n' for i in range(listed))
    text = f'body a "A" {{\n  section-duties-unstated\n  stated sections {stated} "如文"\n{sections}}}\n'
    assert _findings(text) == expected


def test_os301_message_shows_the_range_as_written() -> None:
    text = 'body a "A" {\n  section-duties-unstated\n  stated sections between 4 6 "4-6个"\n  section "甲"\n}\n'
    (d,) = orgspec.check_text(text)
    assert "states 4-6 sections" in d.message
    assert "lists 1" in d.message


@pytest.mark.parametrize(
    ("total", "parts", "expected"),
    [
        ('between 3 7 "三人至七人"', (5, 2), []),
        ('between 3 7 "三人至七人"', (5, 3), [("OS302", 2)]),
        ('at-most 4 "不超过4名"', (3, 2), [("OS302", 2)]),
        ('at-least 4 "不少于4名"', (30, 20), []),
    ],
)
def test_parts_against_a_range_total(total: str, parts: tuple[int, ...], expected: list[tuple[str, int]]) -> None:
    inside = "".join(f"    includes {p}\n" for p in parts)
    text = f'body a "A" {{\n  quota administrative {total} {{\n{inside}  }}\n}}\n'
    assert _findings(text) == expected


def test_parts_given_as_ranges_count_by_their_lower_bounds() -> None:
    text = 'body a "A" {\n  quota administrative at-most 4 "不超过4名" {\n    includes between 2 9 "2-9"\n  }\n}\n'
    assert _findings(text) == []
    text = 'body a "A" {\n  quota administrative at-most 4 "不超过4名" {\n    includes between 5 9 "5-9"\n  }\n}\n'
    assert _findings(text) == [("OS302", 2)]


def test_a_sum_of_ranges_is_a_range() -> None:
    assert sum_counts([Count.between(2, 3), Count.of(4)]) == Count.between(6, 7)
    assert sum_counts([Count.between(2, 3), Count.between(None, 5)]) == Count.between(2, 8)
    assert sum_counts([Count.between(None, 3), Count.between(None, 5)]) == Count.between(None, 8)
    assert sum_counts([Count.between(2, None), Count.of(1)]) == Count.between(3, None)
    # an open figure still wins: the sum is as open as its least known term
    assert sum_counts([Count.between(2, 3), Count.unstated()]).status is CountStatus.UNSTATED


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('body a "A" {\n  quota administrative between 7 3 "x"\n}\n', "runs backwards"),
        ('body a "A" {\n  quota administrative between 3 "x"\n}\n', "bounds of the range"),
        ('body a "A" {\n  quota administrative between 3 7\n}\n', "figure as written"),
    ],
)
def test_malformed_ranges_are_located_diagnostics(text: str, message: str) -> None:
    found = orgspec.check_text(text)
    assert [d.code for d in found] == ["OS202"]
    assert message in found[0].message
    assert found[0].line == 2


def test_the_model_rejects_a_backward_range_and_a_stray_bound() -> None:
    with pytest.raises(ValueError, match="runs backwards"):
        Count.between(7, 3)
    with pytest.raises(ValueError, match="at least one bound"):
        Count.between(None, None)
    with pytest.raises(ValueError, match="only a range"):
        Count(status=CountStatus.NUMBER, value=3, high=4)


def test_exports_and_charts_show_ranges_as_the_document_does() -> None:
    spec = orgspec.loads(_RANGES)
    quotas = [r for r in table_rows(spec, "quotas") if not r["part_of"]]
    assert [(r["count"], r["status"], r["text"]) for r in quotas[:2]] == [
        ("3-7", "range", "三人至七人"),
        ("\u22645", "range", "不超过5名"),
    ]
    assert count_value(Count.between(2, 3, "2-3名")) == "2-3"
    assert format_count(Count.between(2, 3, "2-3名")) == "2-3"
    data = json.loads(export(spec, "json"))
    assert data["bodies"][0]["quotas"][0]["count"] == {
        "status": "range",
        "value": 3,
        "high": 7,
        "text": "三人至七人",
    }


def test_the_diff_compares_ranges_as_values() -> None:
    old = orgspec.loads('body a "A" {\n  quota administrative between 2 3 "2-3名"\n}\n')
    new = orgspec.loads('body a "A" {\n  quota administrative between 2 4 "2-4名"\n}\n')
    same = orgspec.loads('body a "A" {\n  quota administrative between 2 3 "2-3名"\n}\n')
    assert diff(old, same).operations == ()
    changed = diff(old, new)
    assert len(changed.operations) == 1
    assert "administrative quota: 2-3 \u2192 2-4" in render_text(changed)
    assert apply(old, changed) == new


# ---- K9: a stated count of subordinate units of mixed kinds ---------------------------------

_SUBORDINATES = """body a "某林業局" {{
  section-duties-unstated
  stated subordinates {n} "下屬{n}個部門"
  section "辦公室"
  institution "林業站"
  institution "苗圃"
  office "林業派出所"
  institution "機關黨委" {{
    outside-count
  }}
}}
"""


@pytest.mark.parametrize(("n", "expected"), [(3, []), (4, [("OS301", 3)]), (5, [("OS301", 3)]), (2, [("OS301", 3)])])
def test_stated_subordinates_count_units_of_any_kind_but_sections(n: int, expected: list[tuple[str, int]]) -> None:
    # three subordinate units: two institutions and a 派出所; the section and the unit outside the count are not
    text = _SUBORDINATES.format(n=n)
    assert _findings(text) == expected


def test_stated_subordinates_round_trip() -> None:
    spec = orgspec.loads(_SUBORDINATES.format(n=3))
    assert spec.bodies[0].stated[0].what == "subordinates"
    assert 'stated subordinates 3 "下屬3個部門"' in orgspec.dumps(spec)
    assert orgspec.loads(orgspec.dumps(spec)) == spec


def test_os301_names_subordinate_units() -> None:
    (d,) = orgspec.check_text(_SUBORDINATES.format(n=4))
    assert "states 4 subordinate units" in d.message
    assert "lists 3" in d.message


# ---- K9: a stated count of the bodies under a body --------------------------------------------

_BODIES = """body zj "某省人民政府" {{
  stated bodies {managed} "部門管理機構{managed}個" {{
    kind department-administered
  }}
  stated bodies {departments} "組成部門{departments}個" {{
    kind "組成部門"
  }}
}}
body a "甲廳" {{
  kind "組成部門"
  superior @zj
}}
body b "乙廳" {{
  kind "組成部門"
  superior @zj
}}
body s "特設委" {{
  kind "直屬特設機構"
  superior @zj
}}
body c "某局" {{
  kind department-administered
  managed-by @a
}}
body d "某署" {{
  kind department-administered
  managed-by @b
}}
body x "別省某局" {{
  kind department-administered
}}
"""


@pytest.mark.parametrize(
    ("managed", "departments", "expected"),
    [(2, 2, []), (3, 2, [("OS301", 2)]), (2, 3, [("OS301", 5)]), (1, 1, [("OS301", 2), ("OS301", 5)])],
)
def test_stated_bodies_count_the_bodies_under_a_body(
    managed: int, departments: int, expected: list[tuple[str, int]]
) -> None:
    # managed bodies reach the government through the department that manages them; the body with no
    # link (別省某局) is not under it; the worded kind 組成部門 does not take in the 直屬特設機構
    assert _findings(_BODIES.format(managed=managed, departments=departments)) == expected


def test_stated_bodies_round_trip_with_their_kind() -> None:
    spec = orgspec.loads(_BODIES.format(managed=2, departments=2))
    stated = spec.bodies[0].stated
    assert [(s.what, s.kind, s.kind_label) for s in stated] == [
        ("bodies", UnitKind.DEPARTMENT_ADMINISTERED, None),
        ("bodies", UnitKind.CONSTITUENT_DEPARTMENT, "組成部門"),
    ]
    assert orgspec.loads(orgspec.dumps(spec)) == spec


def test_kind_is_only_for_a_count_of_bodies() -> None:
    text = 'body a "A" {\n  stated duties 1 {\n    kind "組成部門"\n  }\n  duties {\n    duty "x"\n  }\n}\n'
    assert [d.code for d in orgspec.check_text(text) if d.severity.value == "error"]
