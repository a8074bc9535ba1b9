"""``orgspec draft``: golden drafts and reports of the seeds and of hand-made documents, and its laws."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import orgspec
from orgspec.api import analyze
from orgspec.diagnostics import has_errors
from orgspec.draft import draft
from tests.conftest import GOLDEN, golden

DRAFT = GOLDEN / "draft"
INPUTS = sorted((DRAFT / "inputs").glob("*.txt"))


def _draft(path: Path) -> orgspec.draft.Draft:
    return draft(path.read_text(encoding="utf-8"), path.name)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_draft_matches_golden(path: Path) -> None:
    result = _draft(path)
    golden(DRAFT / f"{path.stem}.orgspec", result.text)
    golden(DRAFT / f"{path.stem}.report.json", json.dumps(result.report, ensure_ascii=False, indent=2) + "\n")


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_draft_parses_to_its_model_and_passes_check(path: Path) -> None:
    result = _draft(path)
    assert analyze(result.text).spec == result.spec
    # a stated count the document contradicts is kept as stated, so check's only error is OS301
    errors = [d for d in orgspec.check_text(result.text) if d.severity.value == "error"]
    assert all(d.code == "OS301" for d in errors), errors
    assert bool(errors) == any(n["kind"] == "anomaly" and "states" in str(n["message"]) for n in result.report["notes"])


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_every_statement_names_its_source_line(path: Path) -> None:
    result = _draft(path)
    lines = result.text.splitlines()
    openers = [line for line in lines if line.lstrip().startswith(("body ", "section ", "duty ", "quota ", "post "))]
    assert openers
    assert all("# L" in line for line in openers)


def test_draft_is_deterministic() -> None:
    path = DRAFT / "inputs" / "000_6d360ffbc73a8950.txt"
    assert _draft(path).text == _draft(path).text
    assert _draft(path).report == _draft(path).report


def _notes(stem: str) -> list[dict[str, object]]:
    notes: list[dict[str, object]] = _draft(DRAFT / "inputs" / f"{stem}.txt").report["notes"]
    return notes


def test_seed_000_first_lines_are_reported_as_repeated_duties() -> None:
    assert any(
        n["line"] == 3 and "repeats duties (五)(六)" in str(n["message"]) for n in _notes("000_6d360ffbc73a8950")
    )


def test_seed_002_duplicated_number_and_junk_are_reported() -> None:
    notes = _notes("002_8d796a1540accf81")
    assert any(n["line"] == 21 and "used twice" in str(n["message"]) for n in notes)
    assert any("r,?3HH4?1UQ8:8m" in str(n["message"]) and n["line"] == 2 for n in notes)


def test_seed_003_narrative_is_not_a_structure() -> None:
    result = _draft(DRAFT / "inputs" / "003_79b8b4ee092f22dd.txt")
    assert not result.report["structure_found"]
    assert [b.kind.value if b.kind else None for b in result.spec.bodies] == ["coordinating-body"]
    assert any(n["kind"] == "structure" for n in result.report["notes"])


def test_seed_004_garbled_and_split_figures_are_noted() -> None:
    result = _draft(DRAFT / "inputs" / "004_116e45fde44820c8.txt")
    body = result.spec.bodies[0]
    logistics = body.quota("logistics")
    assert logistics is not None
    assert logistics.count == orgspec.Count.unreadable("365,438+0")
    assert body.stated[0].count == orgspec.Count.of(21)
    messages = [str(n["message"]) for n in result.report["notes"]]
    assert any("'2 1' split by a stray space" in m for m in messages)
    assert any("'365,438+0' is garbled" in m for m in messages)


def test_a_stated_count_that_differs_is_kept_as_stated_so_check_reports_os301() -> None:
    result = _draft(DRAFT / "inputs" / "provincial-department.txt")
    body = result.spec.bodies[0]
    assert [(s.what, s.count.value) for s in body.stated] == [("sections", 5)]
    assert len([u for u in body.units if u.kind.value == "section"]) == 4
    assert any(n["kind"] == "anomaly" and "states 5 sections" in str(n["message"]) for n in result.report["notes"])
    assert [d.code for d in orgspec.check_text(result.text) if d.severity.value == "error"] == ["OS301"]


def test_report_counts_what_was_read() -> None:
    counts = _draft(DRAFT / "inputs" / "000_6d360ffbc73a8950.txt").report["counts"]
    assert (counts["duties"], counts["sections"], counts["quotas"], counts["posts"]) == (10, 6, 2, 6)


_PIECES = st.sampled_from(
    [
        "一、主要职责\n",
        "内设机构\n",
        "(一)",
        "(十三)",
        "办公室",
        "(挂“X处”牌子)",
        "根据上述职责,某局设3个内设机构(科级建制):\n",
        "行政编制为",
        "名(含",
        "另行核定",
        "领导职数为:局长1名,正副处长",
        "其中正处长",
        "。",
        ",",
        "\n",
        "2019年3月",
        "更名为",
        "增挂“某某”牌子",
        "设在",
        "苏委〔2009〕573号",
        " r,?3HH4?1UQ8:8m",
        "(a) has 2 1 functional departments:",
        "75 administrative staff (including 8 x)",
        "(plus the x brand)",
    ]
)


@given(st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=30).map("".join))
@settings(max_examples=80)
def test_any_text_drafts_without_error_and_round_trips(text: str) -> None:
    result = draft(text, "fuzz.txt")
    assert orgspec.loads(result.text) == result.spec


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_draft_without_its_comments_is_the_canonical_text(path: Path) -> None:
    result = _draft(path)
    kept = [re.sub(r"  # L\d+$", "", line) for line in result.text.splitlines() if not line.lstrip().startswith("#")]
    assert "\n".join(kept).lstrip("\n") + "\n" == orgspec.dumps(result.spec)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_the_draft_is_in_fmts_canonical_layout_comments_and_all(path: Path) -> None:
    from orgspec.fmt import format_text

    text = _draft(path).text
    assert format_text(text, path.name) == text


# statements that state a fact of the document (inside an event block, `plaque`, `basis` and
# `unit` are the event's own fields and the event carries the line)
_FACTS = re.compile(
    r"^\s*(body|section|institution|group|duty|quota|post|plaque|basis|event|stated|hosts|superior|"
    r"transferred-out|transferred-in|added|cancelled|shared-duties|member) "
)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_every_fact_names_its_source_line(path: Path) -> None:
    depth_of_event: int | None = None
    for line in _draft(path).text.splitlines():
        indent = len(line) - len(line.lstrip())
        if depth_of_event is not None and indent <= depth_of_event and line.strip() == "}":
            depth_of_event = None
            continue
        if depth_of_event is not None or line.lstrip().startswith("#"):
            continue
        if _FACTS.match(line):
            assert re.search(r"  # L\d+$", line), line
        if line.lstrip().startswith("event "):
            depth_of_event = indent


_FUNCTIONS = """某县商务局职能配置、内设机构和人员编制规定

一、职责调整
(一)划出的职责
1.将对外贸易统计职责划给县统计局。
(二)划入的职责
1.将县经济贸易局的外资管理职责划入县商务局。
(三)取消的职责
1.取消外贸经营者备案登记。
(四)增加的职责
1.增加电子商务促进职责。

二、主要职责
(一)负责全县商务工作。
(二)将对外贸易统计职责划出,交由县统计局承担。
(三)完成县政府交办的其他任务。
"""


def test_function_changes_by_sub_heading_out_in_cancelled_added() -> None:
    result = draft(_FUNCTIONS, "functions.txt")
    changes = result.spec.bodies[0].function_changes
    assert [(c.kind.value, c.counterpart.target if c.counterpart else None) for c in changes] == [
        ("transferred-out", "县统计局"),
        ("transferred-in", "县经济贸易局"),
        ("cancelled", None),
        ("added", None),
    ]
    assert [n["line"] for n in result.report["read"] if n["path"].startswith("/bodies/0/function_changes/")] == [
        5,
        7,
        9,
        11,
    ]
    assert len(result.spec.bodies[0].duties) == 3  # a duty that mentions 划出 stays a duty


def test_function_changes_read_from_the_verb_are_noted() -> None:
    text = (
        "某县商务局主要职责\n\n一、职能转变\n1.将对外贸易统计职责划出,交由县统计局承担。\n"
        "2.增加电子商务促进职责。\n\n二、主要职责\n(一)负责全县商务工作。\n"
    )
    result = draft(text, "verbs.txt")
    changes = result.spec.bodies[0].function_changes
    assert [(c.kind.value, c.counterpart.target if c.counterpart else None) for c in changes] == [
        ("transferred-out", "县统计局"),
        ("added", None),
    ]
    doubts = [n for n in result.report["notes"] if n["kind"] == "doubt"]
    assert [(n["line"], "read from the words" in n["message"]) for n in doubts] == [(4, True), (5, True)]
    assert "# draft: kind 'transferred-out' read from the words of the line" in result.text


def test_skipped_and_duplicated_numbers_are_reported_where_they_occur() -> None:
    text = (
        "某市商务局\n\n某市商务局是市政府工作部门。\n\n主要职责\n\n(一)负责全市商务工作。\n"
        "(二)负责外资工作。\n(四)完成市政府交办的其他任务。\n\n内设机构\n\n"
        "根据上述职责,市商务局设3个内设机构(科级建制):\n(一)办公室。负责机关日常运转。\n"
        "(二)外贸科。负责外贸。\n(二)外资科。负责外资。\n"
    )
    result = draft(text, "numbers.txt")
    anomalies = [(n["line"], n["message"]) for n in result.report["notes"] if n["kind"] == "anomaly"]
    assert (9, "duty numbering skips from 2 to 4") in anomalies
    assert (16, "section number 2 is used twice") in anomalies
    assert [d.number for d in result.spec.bodies[0].duties] == [1, 2, 4]  # the document's numbers are kept
    assert "# draft: L9: anomaly: duty numbering skips from 2 to 4" in result.text
    assert not has_errors(orgspec.check_text(result.text))


def test_seed_001_parenthesised_names_are_plaques_with_a_doubt_at_the_place() -> None:
    result = _draft(DRAFT / "inputs" / "001_6ba292e773262653.txt")
    doubts = {n["line"]: n for n in result.report["notes"] if "may be another name or an abbreviation" in n["message"]}
    assert sorted(doubts) == [29, 31, 33]
    assert all(str(n["path"]).endswith("/plaques/0") for n in doubts.values())
    lines = result.text.splitlines()
    for name in ("市委外事工作委員會辦公室綜合協調處", "民間交流促進處", "港澳事務處"):
        at = next(i for i, line in enumerate(lines) if line.strip().startswith(f'plaque "{name}"'))
        assert "may be another name or an abbreviation" in lines[at - 1]
