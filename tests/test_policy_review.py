"""Policy rules as a reviewer applies them: ranges and bounds, abolished sections, the rule in every report."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import orgspec
from orgspec.api import analyze
from orgspec.cache import decode_diagnostics, encode_diagnostics
from orgspec.cli.main import main
from orgspec.diagnostics import Severity
from orgspec.policy import load_pack, resolve_pack
from orgspec.report import ReportContext, format_github, format_json, render, summarize

SPECS = Path(__file__).resolve().parents[1] / "specs"
SARIF_SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _policy(text: str, *names: str) -> list[orgspec.Diagnostic]:
    packs = [load_pack(str(resolve_pack(n))) for n in names]
    return [d for d in analyze(text, "t.orgspec", policy=packs).diagnostics if d.code == "OS801"]


def _office(stated: str, listed: int = 5) -> str:
    sections = "\n".join(f'  section "第{n}科"' for n in range(1, listed + 1))
    return f'body "某街道办事处" {{\n  section-duties-unstated\n  {stated}\n{sections}\n}}\n'


# ---- a stated section count given as a range or a bound (R6-sections: at most 7) -------------------------------
@pytest.mark.parametrize(
    ("stated", "words"),
    [
        ('stated sections between 5 8 "5-8个"', "may have up to 8 sections (“5-8个”)"),
        ('stated sections at-most 8 "不超过8个"', "may have up to 8 sections (“不超过8个”)"),
        ('stated sections between 9 12 "9-12个"', "has 9 to 12 sections (“9-12个”)"),
        ('stated sections at-least 8 "不少于8个"', "has at least 8 sections (“不少于8个”)"),
        ("stated sections 8", "has 8 sections"),
    ],
)
def test_a_range_that_allows_more_than_the_limit_breaks_it(stated: str, words: str) -> None:
    found = _policy(_office(stated), "r6-subdistrict-model")
    assert [(d.line, d.message.split(";")[0]) for d in found] == [(3, f"'某街道办事处' {words}")]
    assert found[0].policy is not None
    assert found[0].policy.rule == "R6-sections"


@pytest.mark.parametrize(
    "stated",
    [
        'stated sections between 5 7 "5-7个"',
        'stated sections at-most 7 "不超过7个"',
        # a floor is not a ceiling: "不少于5个" does not allow more than the limit by itself
        'stated sections at-least 5 "不少于5个"',
        "stated sections 7",
    ],
)
def test_a_range_within_the_limit_is_not_reported(stated: str) -> None:
    assert _policy(_office(stated), "r6-subdistrict-model") == []


def test_the_listed_sections_are_a_floor_under_a_bound() -> None:
    # at least 5 stated, 8 listed: the office has 8, whatever the bound says
    found = _policy(_office('stated sections at-least 5 "不少于5个"', listed=8), "r6-subdistrict-model")
    assert [d.message.split(";")[0] for d in found] == ["'某街道办事处' has at least 8 sections (“不少于5个”)"]


SECTION = """\
body "某局" {
  section-duties-unstated
  section "综合处" {
    rank "处级"
    quota administrative QUOTA
    posts { post "处长" 1; post "副处长" DEPUTIES }
  }
}
"""


@pytest.mark.parametrize(
    ("quota", "deputies", "expected"),
    [
        # R5-1.2: up to 4 places 1 post, 5-10 places 2, 11 and more 3
        ('between 4 6 "4-6名"', "1", None),  # the quota may be 5 or 6, which allows 2: not the document's fault
        (
            'between 3 4 "3-4名"',
            "1",
            "has 2 leadership posts; rule R5-1.2 of policy r5-leadership-ratios allows 1 for its "
            "administrative quota of 3 to 4 (3-4)",
        ),
        ('at-least 11 "11名以上"', "2", None),  # unbounded: the largest band allows 3
        ("10", 'between 1 2 "1-2名"', "may have up to 3 leadership posts"),
        ("4", 'between 1 2 "1-2名"', "has 2 to 3 leadership posts"),
        ("10", 'at-least 1 "1名以上"', None),  # 2 or more: a floor within the limit
        ("10", 'at-least 2 "2名以上"', "has at least 3 leadership posts"),
    ],
)
def test_posts_rules_read_ranges_of_the_quota_and_of_the_posts(quota: str, deputies: str, expected: str | None) -> None:
    found = _policy(SECTION.replace("QUOTA", quota).replace("DEPUTIES", deputies), "r5-leadership-ratios")
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1
        assert expected in found[0].message


def test_a_posts_ratio_does_not_count_the_posts_of_the_sections_below() -> None:
    # a 处 of 5 places may have 2 处级 posts (R5-1.2); the heads of its 科 are not 处级 posts
    text = (
        SECTION.replace("QUOTA", "5")
        .replace("DEPUTIES", "1")
        .replace(
            '    posts { post "处长" 1; post "副处长" 1 }',
            '    posts {\n      post "处长" 1\n      post "副处长" 1\n      group "科级领导职数" 3 for-sections\n    }',
        )
    )
    assert "for-sections" in text
    assert _policy(text, "r5-leadership-ratios") == []
    assert len(_policy(text.replace('"副处长" 1', '"副处长" 2'), "r5-leadership-ratios")) == 1


@pytest.mark.parametrize(
    ("logistics", "expected"),
    [
        ('between 1 2 "后勤1-2名"', None),
        ('between 2 3 "后勤2-3名"', "may have up to 3 logistics places in a quota of 20"),
        ('at-least 3 "不少于3名"', "has at least 3 logistics places in a quota of 20"),
        ('at-most 2 "不超过2名"', None),
    ],
)
def test_the_logistics_share_reads_a_ranged_part(logistics: str, expected: str | None) -> None:
    text = f'body "某街道办事处" {{\n  quota administrative 20 {{ includes logistics {logistics} }}\n}}\n'
    found = _policy(text, "r6-subdistrict-model")
    assert [d.message.split(";")[0] for d in found] == ([f"'某街道办事处' {expected}"] if expected else [])


def test_the_logistics_share_of_a_ranged_quota_is_taken_at_its_largest() -> None:
    # 10% of 20-30 allows 3 at most: 3 logistics places break no limit the document is bound by
    text = (
        'body "某街道办事处" {\n  quota administrative between 20 30 "20-30名" { includes logistics 3 "后勤3名" }\n}\n'
    )
    assert _policy(text, "r6-subdistrict-model") == []
    four = text.replace("logistics 3", "logistics 4")
    assert [d.message.split(";")[0] for d in _policy(four, "r6-subdistrict-model")] == [
        "'某街道办事处' has 4 logistics places in a quota of at most 30"
    ]


# ---- false alarms on the corpus --------------------------------------------------------------------------------
ABOLISHED = """\
body "某街道办事处" {
  section-duties-unstated
SECTIONS  section "生产办公室" {
    history {
      event established 1971
      event abolished 1983
    }
  }
}
"""


def test_a_section_abolished_in_its_own_history_is_not_counted_by_a_limit() -> None:
    seven = "".join(f'  section "第{n}科"\n' for n in range(1, 8))
    assert _policy(ABOLISHED.replace("SECTIONS", seven), "r6-subdistrict-model") == []
    again = ABOLISHED.replace("SECTIONS", seven).replace(
        "      event abolished 1983\n", "      event abolished 1983\n      event reestablished 1988\n"
    )
    assert [d.message.split(";")[0] for d in _policy(again, "r6-subdistrict-model")] == [
        "'某街道办事处' has 8 sections"
    ]


@pytest.mark.parametrize(
    ("events", "counted"),
    [
        # the body's history abolishes its section by name (撤销…科), or merges it into another (并入)
        ("    event abolished 2010 {\n      unit @s8\n    }\n", 7),
        ("    event merged 2010 {\n      unit @s8\n    }\n", 7),
        # set up again later: it stands
        ("    event abolished 2010 {\n      unit @s8\n    }\n    event established 2015 {\n      unit @s8\n    }\n", 8),
        # a plaque removed is not the unit abolished
        ('    event plaque-removed 2010 {\n      plaque "某牌子"\n    }\n', 8),
    ],
)
def test_a_section_abolished_by_its_body_is_not_counted(events: str, counted: int) -> None:
    sections = "".join(f'  section "第{n}科"\n' for n in range(1, 8)) + '  section s8 "第8科"\n'
    text = f'body "某街道办事处" {{\n  section-duties-unstated\n{sections}  history {{\n{events}  }}\n}}\n'
    assert not [d.message for d in analyze(text, "t.orgspec").diagnostics if d.severity is Severity.ERROR]
    found = _policy(text, "r6-subdistrict-model")
    assert [d.message.split(";")[0] for d in found] == (["'某街道办事处' has 8 sections"] if counted > 7 else [])


def test_the_dates_decide_between_the_body_s_history_and_the_section_s_own() -> None:
    # the body abolished the section in 2010; the section's own history sets it up again in 2015
    sections = "".join(f'  section "第{n}科"\n' for n in range(1, 8))
    text = (
        f'body "某街道办事处" {{\n  section-duties-unstated\n{sections}'
        '  section s8 "第8科" {\n    history {\n      event reestablished 2015\n    }\n  }\n'
        "  history {\n    event abolished 2010 {\n      unit @s8\n    }\n  }\n}\n"
    )
    assert not [d.message for d in analyze(text, "t.orgspec").diagnostics if d.severity is Severity.ERROR]
    assert [d.message.split(";")[0] for d in _policy(text, "r6-subdistrict-model")] == ["'某街道办事处' has 8 sections"]
    earlier = text.replace("reestablished 2015", "reestablished 2005")
    assert _policy(earlier, "r6-subdistrict-model") == []


def test_the_corpus_raises_no_policy_or_reviewer_false_alarm(capsys: pytest.CaptureFixture[str]) -> None:
    # found-21 lists the 生产办公室 abolished in 1983 beside the seven sections of 1988: the
    # subdistrict office of 1988 has seven, within R6's 5-7. found-38 (8 工作机构) and found-39
    # (12 部門), both named only "街道", are over R6's 7 by their own counts: true findings of the
    # rule (docs/corpus.md judges them), as is found-54 (莞城街道's 13 机构, batch 5); found-55's six
    # are within it; every other spec reaches no rule
    if not SPECS.is_dir():
        pytest.skip("no specs/ folder")
    codes = ("OS314", "OS315", "OS316", "OS801", "OS802")
    args = ["check", "--format", "json", "-q", "--no-cache", "--jobs", "1", "--exit-zero"]
    main([*args, "--policy", "r5-leadership-ratios", "--policy", "r6-subdistrict-model", str(SPECS)])
    found = [d for d in json.loads(capsys.readouterr()[0])["diagnostics"] if d["code"] in codes]
    assert sorted((Path(d["file"]).name, d["code"], d["message"].split(";")[0]) for d in found) == [
        (
            "found-38-subdistrict-eight-working-bodies-plaques.orgspec",
            "OS801",
            "'街道' has 8 sections (“设立了“4办、1队、2中心、1站”8个工作机构”)",
        ),
        (
            "found-39-beijing-dongcheng-subdistrict-reform-2018-trad.orgspec",
            "OS801",
            "'街道' has 12 sections (“精簡到12個部門”)",
        ),
        (
            "found-54-dongguan-guancheng-subdistrict-2020.orgspec",
            "OS801",
            "'莞城街道' has 13 sections (“莞城街道党委、办事处设下列13个机构”)",
        ),
    ]


@pytest.mark.parametrize(
    ("name", "applies"),
    [
        ("某街道办事处", True),
        ("東華門街道", True),  # named only …街道, in the traditional script
        ("东华门街道办", True),
        ("街道", True),
        ("东华门街道党工委", False),  # the party working committee, not the subdistrict office
        ("街道工业公司", False),
        ("某县民政局", False),
    ],
)
def test_r6_applies_to_subdistrict_bodies_however_named(name: str, applies: bool) -> None:
    sections = "\n".join(f'  section "第{n}科"' for n in range(1, 9))
    text = f'body "{name}" {{\n  section-duties-unstated\n{sections}\n}}\n'
    found = _policy(text, "r6-subdistrict-model")
    assert [d.message.split(";")[0] for d in found] == ([f"'{name}' has 8 sections"] if applies else [])


def test_a_short_name_or_plaque_ending_in_the_suffix_is_enough() -> None:
    sections = "".join(f'  section "第{n}科"\n' for n in range(1, 9))
    text = f'body "东华门地区管理委员会" {{\n  section-duties-unstated\n  plaque "东华门街道办事处"\n{sections}}}\n'
    assert len(_policy(text, "r6-subdistrict-model")) == 1
    assert _policy(text.replace("街道办事处", "文化中心"), "r6-subdistrict-model") == []


def test_a_section_group_does_not_head_an_abolished_section() -> None:
    text = """\
body "某局" {
  section-duties-unstated
  section "甲科"
  section "乙科"
  section "丙科" {
    history {
      event abolished 2010
    }
  }
  posts { group "内设机构领导职数" 2 for-sections }
}
"""
    assert not [d for d in orgspec.check_text(text, "t.orgspec") if d.code == "OS316"]
    kept = text.replace("      event abolished 2010\n", "      event established 2010\n")
    assert [d.code for d in orgspec.check_text(kept, "t.orgspec") if d.code == "OS316"] == ["OS316"]


# ---- the rule and its basis in every report ----------------------------------------------------------------------
def _finding() -> list[orgspec.Diagnostic]:
    found = _policy(_office('stated sections between 5 8 "5-8个"'), "r6-subdistrict-model")
    assert len(found) == 1
    return found


def test_json_carries_the_rule_and_its_basis() -> None:
    found = _finding()
    doc = json.loads(format_json(found, summarize(found, 1)))
    assert doc["diagnostics"][0]["policy"] == {
        "pack": "r6-subdistrict-model",
        "rule": "R6-sections",
        "title": "at most 7 sections in a 街道办事处",
        "basis": "根據街道規模和任務數量,可綜合設置5-7個機構",
        "source": load_pack(str(resolve_pack("r6-subdistrict-model"))).source,
    }
    other = orgspec.check_text('body "x" {\n  stated sections 2\n  section "a"\n}\n', "t.orgspec")
    assert "policy" not in json.loads(format_json(other, summarize(other, 1)))["diagnostics"][0]


def test_sarif_carries_the_rule_and_its_basis_and_validates() -> None:
    found = _finding()
    log = json.loads(render("sarif", found, ReportContext(("t.orgspec",), Path("/repo"), Severity.ERROR)))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    props = log["runs"][0]["results"][0]["properties"]
    assert props["policy"]["rule"] == "R6-sections"
    assert props["policy"]["basis"] == "根據街道規模和任務數量,可綜合設置5-7個機構"
    assert "basis: 根據街道規模" in props["hint"]


def test_github_annotation_names_the_rule_and_gives_the_basis() -> None:
    found = _finding()
    line = format_github(found, ReportContext(("t.orgspec",), Path("/repo"), Severity.ERROR)).splitlines()[0]
    assert "title=OS801 policy-limit-exceeded r6-subdistrict-model/R6-sections::" in line
    assert "basis: 根據街道規模和任務數量" in line


def test_the_result_cache_keeps_the_rule() -> None:
    found = _finding()
    source = found[0].source
    assert source is not None
    record = encode_diagnostics(found, source)
    assert record is not None
    back = decode_diagnostics(json.loads(json.dumps(record)), source)
    assert back == found
    assert back[0].policy == found[0].policy


def test_across_files_an_abolished_section_is_not_a_disagreement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    head = 'body "某局" {\n  basis "某发〔2019〕1号" {\n    date 2019-03\n  }\n  section-duties-unstated\n'
    three = "".join(f'  section "第{n}科"\n' for n in range(1, 4))
    gone = '  section "第4科" {\n    history {\n      event abolished 2018\n    }\n  }\n'
    (tmp_path / "a.orgspec").write_text(head + three + "}\n", encoding="utf-8")
    (tmp_path / "b.orgspec").write_text(head + three + gone + "}\n", encoding="utf-8")
    main(["check", "--format", "json", "-q", "--no-cache", "--exit-zero", "a.orgspec", "b.orgspec"])
    assert [d for d in json.loads(capsys.readouterr()[0])["diagnostics"] if d["code"] == "OS802"] == []
    (tmp_path / "b.orgspec").write_text(
        head + three + gone.replace("abolished", "established") + "}\n", encoding="utf-8"
    )
    main(["check", "--format", "json", "-q", "--no-cache", "--exit-zero", "a.orgspec", "b.orgspec"])
    found = [d for d in json.loads(capsys.readouterr()[0])["diagnostics"] if d["code"] == "OS802"]
    assert [d["message"].split(" here")[0] for d in found] == [
        "'某局' states its number of sections as 4 (as of 2019-03)"
    ]


@pytest.mark.parametrize(
    ("history", "stated", "os301"),
    [
        # a gazetteer keeps the section of an earlier layout beside today's two: the count states today's
        ("      event abolished 1983\n", 2, False),
        ("      event abolished 1983\n", 3, True),
        # set up again later, it is listed and counted
        ("      event abolished 1983\n      event reestablished 1988\n", 3, False),
        ("      event abolished 1983\n      event reestablished 1988\n", 2, True),
    ],
)
def test_a_stated_section_count_does_not_count_a_section_abolished_in_its_history(
    history: str, stated: int, os301: bool
) -> None:
    text = (
        f'body "某局" {{\n  stated sections {stated}\n  section-duties-unstated\n'
        '  section "办公室"\n  section "业务科"\n'
        f'  section "生产办公室" {{\n    history {{\n{history}    }}\n  }}\n}}\n'
    )
    codes = [d.code for d in analyze(text, "t.orgspec").diagnostics]
    assert ("OS301" in codes) is os301
