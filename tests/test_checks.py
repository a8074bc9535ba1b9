"""Every check code has a failing fixture that triggers it and a passing one that does not."""

from __future__ import annotations

from pathlib import Path

import pytest

import orgspec
from orgspec.codes import CODES

from .conftest import FIXTURES

CASES = sorted(p.name for p in (FIXTURES / "checks").iterdir() if p.is_dir())
#: Codes tested elsewhere: reading files (test_io.py) and limits (test_limits.py).
TESTED_ELSEWHERE = {"OS100", "OS101", "OS106", "OS801", "OS802"}  # OS801: test_policy, OS802: test_across


def _codes(path: Path) -> list[str]:
    return [d.code for d in orgspec.check_text(path.read_text(encoding="utf-8"), path.name)]


@pytest.mark.parametrize("code", CASES)
def test_fail_fixture_triggers_its_code(code: str) -> None:
    found = _codes(FIXTURES / "checks" / code / "fail.orgspec")
    assert code in found


@pytest.mark.parametrize("code", CASES)
def test_pass_fixture_is_clean_of_its_code(code: str) -> None:
    found = _codes(FIXTURES / "checks" / code / "pass.orgspec")
    assert code not in found
    # the passing fixture should be clean of errors altogether
    errors = [
        d
        for d in orgspec.check_text((FIXTURES / "checks" / code / "pass.orgspec").read_text())
        if d.severity.value == "error"
    ]
    assert errors == []


def test_every_code_has_fixtures() -> None:
    assert set(CODES) - TESTED_ELSEWHERE == set(CASES)


def test_diagnostics_carry_location_code_message() -> None:
    text = (FIXTURES / "checks" / "OS307" / "fail.orgspec").read_text()
    (d,) = [d for d in orgspec.check_text(text, "x.orgspec") if d.code == "OS307"]
    assert (d.file, d.line, d.column) == ("x.orgspec", 5, 18)
    assert "7 deputy posts" in d.message
    assert "room for 5" in d.message
    assert d.hint
    # related locations: the group total and each part
    assert [r.message for r in d.related] == ["the group total", "正處長 6", "副處長 7"]
    assert all(r.span is not None for r in d.related)


def test_stated_count_related_lists_each_unit() -> None:
    text = (FIXTURES / "checks" / "OS301" / "fail.orgspec").read_text()
    (d,) = [d for d in orgspec.check_text(text) if d.code == "OS301"]
    assert "states 3 sections" in d.message
    assert "lists 2" in d.message
    assert "設3個內設機構" in d.message
    assert len(d.related) == 3


def test_shared_duty_list_counts_as_duties() -> None:
    text = """body "A" {
  section a "B"
  section b "C"
  shared-duties { sections @a @b; duty "x" }
}"""
    assert [d.code for d in orgspec.check_text(text)] == []


def test_open_figures_are_not_treated_as_zero() -> None:
    text = """body "A" {
  quota administrative separately { includes 3 "甲" }
  quota logistics unstated
  posts { post "主任" unstated; post "副主任" 3 }
}"""
    found = orgspec.check_text(text)
    assert [d.code for d in found] == ["OS309"]
    assert "separately" in found[0].message


def test_role_read_from_title_when_not_declared() -> None:
    text = """body "A" {
  posts {
    group "正副科長" 4 {
      post "正科長" 2
      post "副科長" 3
    }
  }
}"""
    assert [d.code for d in orgspec.check_text(text)] == ["OS307"]


def test_rename_chain_must_end_at_current_name() -> None:
    text = """body "A" {
  history { event renamed 2001 { from "C"; to "B" } }
}"""
    found = orgspec.check_text(text)
    assert [d.code for d in found] == ["OS602"]
    assert "'B'" in found[0].message
    assert "'A'" in found[0].message


def test_stated_members_of_a_coordinating_body() -> None:
    text = """body "小组" {
  kind coordinating-body
  stated members 3 "3人组成"
  members {
    member "组长" person "甲"
    member "成员" person "乙"
  }
}"""
    (d,) = orgspec.check_text(text)
    assert d.code == "OS301"
    assert "states 3 members" in d.message


def test_english_deputy_titles_are_deputies() -> None:
    text = """body "A" {
  posts {
    group "directors and deputy directors" 3 {
      post "director" 1 chief
      post "deputy directors" 3
    }
  }
}"""
    assert [d.code for d in orgspec.check_text(text)] == ["OS307"]


#: Families whose findings are checks of a built spec (issue 2): each names a hint.
_CHECK_FAMILIES = ("OS207", "OS208", "OS209", "OS3", "OS4", "OS5", "OS6")


@pytest.mark.parametrize("code", [c for c in CASES if c.startswith(_CHECK_FAMILIES)])
def test_every_check_finding_has_a_hint(code: str) -> None:
    text = (FIXTURES / "checks" / code / "fail.orgspec").read_text(encoding="utf-8")
    found = [d for d in orgspec.check_text(text, "fail.orgspec") if d.code == code]
    assert found
    assert all(d.hint for d in found), [d.message for d in found if not d.hint]


def test_every_check_call_site_gives_a_hint() -> None:
    """Every branch of every check passes a hint, including those no fixture reaches."""
    import ast

    src = Path(orgspec.__file__).parent / "checks"
    missing = []
    for path in sorted(src.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr == "diag" and "hint" not in {k.arg for k in node.keywords}:
                missing.append(f"{path.name}:{node.lineno}")
    assert missing == []


def test_a_section_inside_an_unranked_office_is_compared_with_the_body() -> None:
    text = """body "A" {
  rank "科級"
  office "O" {
    section "S" { rank "處級"; duties { duty "x" } }
  }
}"""
    (d,) = [d for d in orgspec.check_text(text) if d.code == "OS502"]
    assert d.message == "'S' (處級) outranks 'A' (科級)"
    assert (d.line, [r.message for r in d.related]) == (4, ["the rank of 'A'"])
    # the nearest ranked unit above decides: a 處級 office inside a 廳局級 body may hold 處級 sections
    ok = text.replace('rank "科級"', 'rank "廳局級"').replace('office "O" {', 'office "O" {\n    rank "處級"')
    assert [d.code for d in orgspec.check_text(ok) if d.code == "OS502"] == []


# ---- history: names and units in force at each event's date (OS602) ----------------------


def _os602(text: str) -> list[str]:
    return [d.message for d in orgspec.check_text(text) if d.code == "OS602"]


def test_top_level_events_about_a_unit_join_its_rename_chain() -> None:
    text = 'body a "A" {}\nhistory {\n  event renamed 2010 { unit @a; from "Q"; to "R" }\n}\n'
    assert _os602(text) == ["the last rename gives the name 'R', but the unit is now 'A'"]
    assert _os602(text.replace('to "R"', 'to "A"')) == []
    # the unit's own events and the top-level ones form one chain, in date order
    mixed = (
        'body a "A" {\n  history { event renamed 2001 { from "P"; to "Q" } }\n}\n'
        'history {\n  event renamed 2010 { unit @a; from "X"; to "A" }\n}\n'
    )
    assert _os602(mixed) == ["this rename starts from 'X', but the name in force then was 'Q'"]
    assert _os602(mixed.replace('from "X"', 'from "Q"')) == []


def test_events_about_a_unit_come_after_its_establishment() -> None:
    text = (
        'body a "A" {\n  history {\n    event established 2010-06\n    event plaque-added 2009 { plaque "P" }\n'
        '  }\n  plaque "P"\n}\n'
    )
    found = [d for d in orgspec.check_text(text) if d.code == "OS602"]
    assert [d.message for d in found] == [
        "this plaque-added event of 2009 is about 'A', which was established only on 2010-06"
    ]
    assert [r.message for r in found[0].related] == ["the establishment"]
    # a partial date that may fall on or after the establishment is not reported
    assert _os602(text.replace("plaque-added 2009", "plaque-added 2010")) == []


def test_events_about_an_abolished_unit_until_it_is_reestablished() -> None:
    text = (
        'body a "A" {}\nhistory {\n  event abolished 2005 { unit @a }\n'
        '  event plaque-added 2007 { unit @a; plaque "P" }\n}\n'
    )
    assert _os602(text) == [
        "this plaque-added event of 2007 is about 'A', which was abolished on 2005",
        "the plaque 'P' is added here but the unit does not carry it now",
    ]
    again = text.replace("  event plaque-added", "  event reestablished 2006 { unit @a }\n  event plaque-added")
    assert _os602(again.replace('body a "A" {}', 'body a "A" { plaque "P" }')) == []


def test_an_event_refers_only_to_units_already_established() -> None:
    text = (
        'body a "A" {\n  section t "T" {\n    duties { duty "x" }\n    history { event established 2010 }\n  }\n'
        "  history { event hosted 2005 { unit @t } }\n}\n"
    )
    found = [d for d in orgspec.check_text(text) if d.code == "OS602"]
    assert [d.message for d in found] == ["this hosted event of 2005 refers to 'T', which was established only on 2010"]
    assert (found[0].line, found[0].related[0].message) == (6, "the establishment")
    assert _os602(text.replace("hosted 2005", "hosted 2011")) == []


def test_chiefs_exceed_units_message_names_both_figures() -> None:
    text = (FIXTURES / "checks" / "OS306" / "fail.orgspec").read_text(encoding="utf-8")
    (d,) = [d for d in orgspec.check_text(text) if d.code == "OS306"]
    assert d.message == "'A' has 2 chief posts in 正副處長 but only 1 section for them to head"
    assert [r.message for r in d.related][:1] == ["the group total"]


def test_duplicate_names_fold_simplified_and_traditional_script() -> None:
    # 辦公室 beside 办公室 is one name written in two scripts: a reviewer raises it as a duplicate.
    text = 'body b "某局" {\n  section "辦公室"\n  section "办公室"\n}\n'
    found = [d for d in orgspec.check_text(text) if d.code == "OS504"]
    assert len(found) == 1
    assert found[0].line == 3
    assert "'办公室' is listed twice (first as '辦公室'" in found[0].message


def test_references_resolve_across_scripts() -> None:
    text = 'body b "某局" {\n  section oz "歐美處"\n  section "综合处" { note "见 @x" }\n}\n'
    spec = orgspec.loads(text)
    assert spec.find("欧美处") is not None
    assert spec.find("欧美处").id == "oz"  # type: ignore[union-attr]


def test_a_body_whose_document_gives_no_section_duties_says_so_once() -> None:
    # Gazetteers and news list sections by name only: a reviewer does not ask for duties the
    # document never gives, but still does where the document is silent only by accident.
    text = (
        'body a "某县机构编制委员会办公室" {\n  section-duties-unstated\n  section "综合科"\n'
        '  section "机构编制科" {\n    section "一股"\n  }\n}\nbody b "某局" {\n  section "办公室"\n}\n'
    )
    found = [(d.code, d.line) for d in orgspec.check_text(text) if d.code == "OS501"]
    assert found == [("OS501", 9)]
    spec = orgspec.loads(text)
    assert spec.bodies[0].section_duties_unstated
    assert "  section-duties-unstated\n" in orgspec.dumps(spec)
    assert orgspec.loads(orgspec.dumps(spec)) == spec
