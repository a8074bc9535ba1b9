"""The drafter on the corpus: scores against the hand-written specs, pinned; round trip on corpus lines.

Every document of ``corpus/found/`` (and of ``../shared/corpus/docs/`` when present) is drafted and
scored against its spec in ``specs/corpus/`` per field (matched/drafted/expected); the table, with the
development documents (batch 1's held-out eight among them since
they were promoted) and each held-out batch totalled apart, is a golden file. A change to the drafter that
moves any figure shows up as a diff of the table: raise the golden only when the figures improve.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import orgspec
from orgspec.api import analyze
from orgspec.draft import draft
from orgspec.draft.score import FIELDS, FieldScore, score
from tests.conftest import GOLDEN, ROOT

SHARED = ROOT.parent / "shared" / "corpus"


def _group(entry: dict[str, object]) -> str:
    """The total a document counts in: development, held out (batch 1) or held out batch N."""
    if not entry["held_out"]:
        return "development"
    return "held out" if entry.get("batch", 1) == 1 else f"held out batch {entry['batch']}"


INDEX = json.loads((ROOT / "corpus" / "index.json").read_text("utf-8"))
# development first, then each held-out batch in the order of its number
GROUPS = ("development", *sorted({_group(e) for e in INDEX if e["held_out"]}, key=lambda g: (len(g), g)))


def _by_number(spec: Path) -> tuple[int, str]:
    """A corpus spec's place in the table: found documents by number (found-100 after found-99), then shared."""
    m = re.match(r"found-(\d+)-", spec.stem)
    return (int(m.group(1)), "") if m else (10**9, spec.stem)


def _documents(shared: bool) -> list[tuple[str, Path, Path, str]]:
    held = {Path(str(e["spec"])).stem: _group(e) for e in INDEX}
    out = []
    for spec in sorted((ROOT / "specs" / "corpus").glob("*.orgspec"), key=_by_number):
        source = re.search(r"Source: (\S+)", spec.read_text("utf-8"))
        assert source, spec
        path = source.group(1)
        if path.startswith("shared/corpus/") != shared:
            continue
        doc = SHARED / path.removeprefix("shared/corpus/") if shared else ROOT / path
        out.append((spec.stem, doc, spec, held.get(spec.stem, "development")))
    return out


def _text(doc: Path) -> str:
    return doc.read_text("utf-8").split("\n", 2)[2]  # the two header lines (source, level) are not the document


def _table(docs: list[tuple[str, Path, Path, str]]) -> str:
    totals = {g: {f: [0, 0, 0] for f in FIELDS} for g in GROUPS}
    rows = ["document | held out | " + " | ".join(FIELDS)]
    for name, doc, spec, held in docs:
        result = score(draft(_text(doc), doc.name).spec, orgspec.load(spec))
        for f in FIELDS:
            for i, v in enumerate((result[f].matched, result[f].drafted, result[f].expected)):
                totals[held][f][i] += v
        cells = [f"{result[f].matched}/{result[f].drafted}/{result[f].expected}" for f in FIELDS]
        mark = {"development": "", "held out": "yes"}.get(held, held.removeprefix("held out "))
        rows.append(f"{name} | {mark} | " + " | ".join(cells))
    for held in GROUPS:
        if held.startswith("held out batch") and not any(d[3] == held for d in docs):
            continue  # the shared corpus has no later batch
        cells = []
        for f in FIELDS:
            c = FieldScore(*totals[held][f])
            cells.append(f"{c.matched}/{c.drafted}/{c.expected} P{c.precision:.2f} R{c.recall:.2f}")
        rows.append(f"TOTAL {held} | | " + " | ".join(cells))
    return "\n".join(rows) + "\n"


def test_found_corpus_scores_are_pinned() -> None:
    from tests.conftest import golden

    golden(GOLDEN / "draft" / "corpus-found.txt", _table(_documents(shared=False)))


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared corpus is not next to the repository")
def test_shared_corpus_scores_are_pinned() -> None:
    from tests.conftest import golden

    golden(GOLDEN / "draft" / "corpus-shared.txt", _table(_documents(shared=True)))


def test_held_out_documents_are_scored_apart() -> None:
    table = _table(_documents(shared=False))
    assert "TOTAL development" in table
    batches = {Path(str(e["spec"])).stem: e.get("batch", 1) for e in INDEX}
    rows = [line.split(" | ") for line in table.splitlines()[1:] if not line.startswith("TOTAL")]
    assert len(rows) == len(INDEX)
    for name, mark, *_ in rows:
        # batches 1-13 (found 01-104) were promoted to development once their held-out figures were quoted
        # (batch 1 on 2026-12-04, the others on 2026-12-05); a later batch is totalled apart
        if batches[name] <= 13:
            assert mark == "", name
        else:
            assert mark == f"batch {batches[name]}", name
            assert f"TOTAL held out batch {batches[name]} |" in table
    assert "TOTAL held out |" not in table
    # batches 4 (found 44-53) and 5 (found 54-63), ten documents each, 6 (found 64-69), six, 7 (found 70-73),
    # four, 8 (found 74-75), two, 9 (found 76-78), three, 10 (found 79-84) and 11 (found 85-90), six each,
    # 12 (found 91-98), eight, and 13 (found 99-104), six: development since their held-out figures were
    # quoted; 6 to 13 were each sampled by a fixed procedure of queries (corpus/README.md)
    for batch, size in ((4, 10), (5, 10), (6, 6), (7, 4), (8, 2), (9, 3), (10, 6), (11, 6), (12, 8), (13, 6)):
        assert sum(1 for b in batches.values() if b == batch) == size
        assert all(
            not e["held_out"] and e["was_held_out"] == f"batch {batch}, scored 2026-12-05"
            for e in INDEX
            if e.get("batch") == batch
        )
    # batch 14 (found 105-109), five, sampled by the same procedure: the held-out set, totalled apart
    assert sum(1 for b in batches.values() if b == 14) == 5
    assert all(e["held_out"] and "was_held_out" not in e for e in INDEX if e.get("batch") == 14)
    assert "TOTAL held out batch 14 |" in table
    # the table lists the found documents by number: found-100 after found-99, not between found-10 and found-11
    names = [name for name, *_ in rows]
    assert names.index("found-99-kinmen-county-government-organisation-rules-trad") + 1 == names.index(
        "found-100-zhongguancun-science-park-committee-setup-duties"
    )


#: Drafts that break the rule below: known drafter defects, found by held-out documents.
_DRAFT_DEFECTS: dict[str, str] = {
    # none today; found-38 was one (a listed unit's plaques also put on the body, OS402) until
    # the drafter kept a plaque read inside a listed unit's parentheses on that unit alone
}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(d[0], marks=pytest.mark.xfail(reason=_DRAFT_DEFECTS[d[0]], strict=True))
        if d[0] in _DRAFT_DEFECTS
        else d[0]
        for d in _documents(shared=False)
    ],
)
def test_every_corpus_draft_reads_back_to_its_model(name: str) -> None:
    doc = next(d for d in _documents(shared=False) if d[0] == name)[1]
    result = draft(_text(doc), doc.name)
    assert analyze(result.text).spec == result.spec
    # the only errors a draft may carry are the document's own contradictions of a stated count
    assert {d.code for d in orgspec.check_text(result.text) if d.severity.value == "error"} <= {"OS301"}


def test_a_stated_count_the_list_contradicts_is_reported_by_check() -> None:
    # without 等: "综合科、业务科等3个科室" names some of three (tests/test_draft_bodies.py), not a contradiction
    text = "某市某局\n某市某局内设综合科、业务科3个科室。\n"
    result = draft(text, "contradiction.txt")
    assert [u.name for u in result.spec.bodies[0].units] == ["综合科", "业务科"]
    assert [d.code for d in orgspec.check_text(result.text) if d.severity.value == "error"] == ["OS301"]


_LINES = [line for _, doc, _, _ in _documents(shared=False) for line in _text(doc).splitlines() if line.strip()]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_LINES), max_size=25), st.integers(0, 200))
def test_draft_of_shuffled_and_truncated_corpus_lines_reads_back(lines: list[str], cut: int) -> None:
    text = "\n".join(line[: max(1, len(line) - cut)] if cut % 3 == 0 else line for line in lines)
    result = draft(text, "mixed.txt")
    assert analyze(result.text).spec == result.spec
    assert {d.code for d in orgspec.check_text(result.text) if d.severity.value == "error"} <= {"OS301"}


def test_report_lists_every_line_without_a_fact_and_every_figure_not_placed() -> None:
    text = "某县某局\n某县某局内设办公室、业务股2个内设机构。\n另有临时人员12人。\n欢迎访问本网站\n"
    report = draft(text, "report.txt").report
    assert [(d["line"], d["text"]) for d in report["lines_with_no_fact"]] == [
        (3, "另有临时人员12人。"),
        (4, "欢迎访问本网站"),
    ]
    assert report["figures_not_placed"] == [{"line": 3, "figure": "12人"}]
    assert 0 < report["share_of_text_used"] < 1


def test_a_bilingual_page_is_read_in_chinese_and_its_english_lines_are_listed() -> None:
    english = "\n".join(
        f"The office is responsible for coordination work number {i} of the government." for i in range(12)
    )
    text = "某市外事办公室\n某市外事办公室内设秘书处、综合处、护照签证处3个处。\n行政编制为20名。\n" + english + "\n"
    result = draft(text, "bilingual.txt")
    body = result.spec.bodies[0]
    assert [u.name for u in body.units] == ["秘书处", "综合处", "护照签证处"]
    assert [(q.category.value, q.count.value) for q in body.quotas] == [("administrative", 20)]
    assert result.report["language"] == "zh"
    assert sum(1 for d in result.report["lines_with_no_fact"] if d["text"].startswith("The office")) == 12


def test_a_news_text_without_structure_says_so_with_what_was_seen() -> None:
    text = "新华社北京电 记者从有关方面获悉,某市近日召开会议,部署下一阶段改革工作。\n会议强调,要抓好落实。\n"
    result = draft(text, "news.txt")
    assert not result.report["structure_found"]
    assert any(n["kind"] == "structure" and "no structure found" in n["message"] for n in result.report["notes"])
    assert len(result.report["lines_with_no_fact"]) == 2


#: Every stated-vs-listed inconsistency of every development document (batch 1's held-out eight and
#: batches 2 to 5 among them since they were promoted), as the draft reports it (a stated count against the sections listed,
#: a group of posts against its posts); documents whose counts agree (corpus/README.md) report none.
#: Held-out documents are scored, not listed here.
_INCONSISTENCIES: dict[str, list[str]] = {
    "found-01-sc-general-office-2008-trad": [
        "the document states 9 sections ('設9個內設機構') but lists 1",
    ],
    "found-02-sc-general-office-2008-notice": [],
    "found-03-ministry-land-resources-2008-staffing": [],
    "found-04-land-inspector-office-2007-trad": [],
    "found-05-zhejiang-2018-bodies-plaques-trad": [],
    "found-06-jiangxi-2009-eleven-bodies": [],
    "found-07-jiangxi-development-research-centre-2001": [],
    "found-08-shandong-minors-protection-group-trad": [],
    "found-09-state-council-minors-protection-group": [],
    "found-10-state-council-minors-group-office-2021": [],
    "found-11-zhongshan-minors-protection-group-trad": [],
    "found-12-city-gov-office-79": [],
    "found-13-gannan-party-publicity-dept": [],
    "found-14-fuzhou-party-publicity-dept-gazetteer": [],
    "found-15-suzhou-party-publicity-dept-trad": [],
    "found-16-xinning-county-agriculture-bureau-2019": [],
    "found-17-kenli-county-forestry-bureau": [],
    "found-18-jingtai-county-forestry-bureau-trad": [],
    "found-19-cangxi-county-forestry-bureau-2016": [],
    "found-20-minle-staffing-commission": [],
    "found-21-jinan-huaiyin-subdistrict-offices": [],
    "found-22-huanggang-2020-subdistrict-model": [],
    "found-23-subdistrict-office-regulation-1954-trad": [],
    "found-24-pishan-county-forestry-bureau-trad": [],
    "found-25-discipline-supervision-joint-office-history-trad": [],
    # batches 2 and 3, development documents since 2026-12-05
    "found-26-jiedong-district-industry-it-science-bureau-2019": [],
    "found-27-pingyuan-county-taiwan-work-leading-group-trad": [],
    # 18 names with 林业和草原改革发展司 twice (the second is dropped, noted) and the 机关党委 not
    # counted as a section by the drafter: 16 against the stated 18
    "found-28-national-forestry-grassland-administration-2018-trad": [
        "the document states 18 sections ('設18個機構') but lists 16",
    ],
    "found-29-ministry-natural-resources-2018": [],
    "found-30-provincial-forestry-department-sections-4-9": [],
    "found-31-aba-prefecture-township-institutions": [],
    "found-32-three-gorges-economic-development-office-1986-trad": [],
    # 1 + 50 + 718 + 2098 = 2867 against "共管辖全国2868个": a sum over budget levels, not read (a known gap)
    "found-33-china-meteorological-administration-2011-budget": [],
    # "共9个(不含合署机构)" against 10 listed: the count leaves out the 合署 one, as it says
    "found-34-zhoushan-party-committee-working-bodies-1989-1994": [],
    "found-35-city-gov-office-sections-12-15-quota-63": [],
    "found-36-district-civil-affairs-bureau-sections-trad": [],
    "found-37-feicheng-townships-gazetteer-1988-2002": [],
    "found-38-subdistrict-eight-working-bodies-plaques": [],
    "found-39-beijing-dongcheng-subdistrict-reform-2018-trad": [],
    "found-40-tongwei-county-dispatched-discipline-groups": [],
    "found-41-yiyang-county-township-supervision-offices-2018-trad": [],
    "found-42-hexian-county-farm-machinery-stations-2006": [],
    "found-43-sichuan-forestry-department-2009-sanding-opening": [],
    # batch 4, development documents since 2026-12-05
    "found-44-fujian-provincial-gov-general-office-2009": [],
    "found-45-zhongwei-meteorological-system-staffing-plan": [],
    "found-46-wujin-ethnic-religious-affairs-bureau-2015": [],
    "found-47-changsha-xueshi-subdistrict-reform-2018": [],
    "found-48-nanxian-housing-construction-bureau-2018": [],
    "found-49-kangxianzhuang-township-working-bodies-trad": [],
    "found-50-lushi-county-open-government-leading-group-2018": [],
    "found-51-dongfang-party-united-front-dept": [],
    "found-52-wuhan-district-united-front-service-centres-2019": [],
    "found-53-party-central-bodies-2023-trad": [],
    # batch 5, development documents since 2026-12-05; found-54 and found-62 stop in their lists
    "found-54-dongguan-guancheng-subdistrict-2020": [
        "the document states 13 sections ('莞城街道党委、办事处设下列13个机构') but lists 4",
    ],
    "found-55-suizhou-nanjiao-subdistrict-institutions-2020": [],
    "found-56-jiading-greening-city-appearance-bureau-sections": [],
    "found-57-changshu-kunchenghu-maintenance-station-approval": [],
    "found-58-huanggang-2007-non-standing-bodies": [],
    "found-59-asian-games-leading-group-2022": [],
    "found-60-shangli-county-institutional-reform-trad": [],
    "found-61-veterans-affairs-ministry-2018-trad": [],
    # the three 委员会 are counted apart ("3个委员会"): 8 of the 13 办公室(局) before the cut
    "found-62-dongguan-towns-committees-and-bodies": [
        "the document states 13 sections ('设下列13个办公室(局)') but lists 8",
    ],
    "found-63-guangzhou-cantonese-chefs-joint-meeting-2019-trad": [],
    # batch 7 (development since 2026-12-05): no stated count beside a list; found-73's "至少有716个"
    # over classes of 269 + 357 + 14 + 52 = 692 has no list and is not read by the drafter (the hand
    # spec states it, and `orgspec check` reports OS317)
    "found-70-ningxia-2018-institutional-reform-plan-opening-trad": [],
    "found-71-guangzhou-2004-government-reform-41-departments": [],
    "found-72-new-taipei-social-welfare-department-sections-trad": [],
    "found-73-central-bodies-sanding-approved-list-wiki": [],
    # batches 6, 8 and 9 (development since 2026-12-05): the counts found-67, 69, 75, 76 and 77 state agree
    # with what they list (their hand specs' `stated` lines check clean)
    "found-64-city-subdistrict-office-nine-duties": [],
    "found-65-gansu-2018-institutional-reform-plan-opening": [],
    "found-66-anhui-gazetteer-state-organ-staffing-1951-layouts": [],
    "found-67-state-council-reforms-1952-1956-wiki": [],
    "found-68-mofa-taipei-standing-task-groups-2017-trad": [],
    "found-69-bureau-director-powers-labour-law-site-trad": [],
    "found-74-unnamed-body-office-five-duties": [],
    "found-75-taipei-presidential-office-three-committees-trad": [],
    "found-76-jincheng-2018-institutional-reform-plan-opening-trad": [],
    "found-77-yangmingshan-administration-bureau-rules-1963-trad": [],
    "found-78-state-council-third-economic-census-leading-group-2013-trad": [],
    # batches 10 and 11 (development since 2026-12-05)
    "found-79-jiading-planning-land-bureau-institutions-2014": [],
    "found-80-mofa-bureau-of-consular-affairs-organisation-act-1992-art5-trad": [],
    "found-81-npc-standing-committee-key-words-bilingual-trad": [],
    "found-82-supreme-procuratorate-internal-units-reform-feature-trad": [],
    "found-83-samr-2018-sanding-27-departments-news": [],
    "found-84-ccdi-nsc-dispatched-discipline-groups-one-name-2018-trad": [],
    "found-85-vice-provincial-cities-2019-party-government-body-counts-news": [],
    "found-86-changhua-county-gazette-staffing-table-accounting-ethics-offices-trad": [],
    "found-87-muping-economic-development-zone-committee-gazetteer": [],
    # it lists 8 局 and 机关党委 beside them ("以及"); the draft reads all 9, the 机关党委 outside the count
    "found-88-cppcc-national-committee-general-office-wiki-trad": [],
    "found-89-nhc-2018-sanding-internal-units-news-pinyin-trad": [],
    "found-90-executive-yuan-organisation-act-1949-wikisource-trad": [],
    # batch 12 (development since 2026-12-05)
    "found-91-shanghai-district-level-reform-staffing-office-article-2019-trad": [],
    "found-92-state-council-western-development-northeast-leading-groups-2013-news": [],
    "found-93-export-processing-zone-branch-offices-organisation-rules-1979-wikisource-trad": [],
    "found-94-shaoyang-county-gazetteer-news-chapter-1978-2002": [],
    "found-95-cyl-central-committee-organs-history-1949-1954-spam-trad": [],
    "found-96-guangzhou-haizhu-district-court-internal-units-trad": [],
    "found-97-emergency-management-ministry-2018-sanding-reading": [],
    "found-98-xiangcheng-county-township-duty-list-notice-2021": [],
    # batch 13 (development since 2026-12-05)
    "found-99-kinmen-county-government-organisation-rules-trad": [],
    "found-100-zhongguancun-science-park-committee-setup-duties": [],
    "found-101-unnamed-district-enforcement-bureau-unit-duties": [],
    "found-102-dalian-audit-bureau-leaders-units-pinyin-trad": [],
    "found-103-ecology-environment-ministry-2018-sanding-opening-pinyin": [],
    "found-104-university-inspection-work-office-duties": [],
    "shared-02-nanjing-fao": [],
    "shared-03-caoxian-bianban": [],
    "shared-07-sc-general-office-2008-vs-1998-trad": [
        "the document states 9 sections ('內設機構由以前的六個增至九個') but lists 4",
    ],
    "shared-08-sc-general-office-1998-opening": [
        "the document states 6 sections ('设6个职能司局') but lists 1",
    ],
    "shared-11-province-gov-general-office": [],
    "shared-12-unit-office-section-history-trad": [],
    "shared-15-zhejiang-counsellors-office-2000-trad": [],
    "shared-16-city-gov-general-office-74": [],
    "shared-18-qingdao-shibei-subdistricts": [
        "the posts of '处级职数' of the body add up to 8, not 7",
    ],
    "shared-20-state-council-bodies-2023-trad": [],
}


def test_every_development_document_has_its_inconsistencies_listed() -> None:
    development = {d[0] for d in _documents(shared=False) if d[3] == "development"}
    assert development <= set(_INCONSISTENCIES)


@pytest.mark.parametrize("name", sorted(_INCONSISTENCIES))
def test_every_stated_vs_listed_inconsistency_is_reported(name: str) -> None:
    docs = {d[0]: d for d in _documents(shared=False) + (_documents(shared=True) if SHARED.is_dir() else [])}
    if name not in docs:
        pytest.skip("the shared corpus is not next to the repository")
    doc = docs[name][1]
    report = draft(_text(doc), doc.name).report
    messages = [n["message"] for n in report["notes"] if n["kind"] == "anomaly"]
    found = [m for m in messages if " but lists " in m or " add up to " in m]
    assert found == _INCONSISTENCIES[name]


_REORG = sorted((SHARED / "reorg").glob("*.txt")) if (SHARED / "reorg").is_dir() else []


@pytest.mark.skipif(not _REORG, reason="the shared corpus is not next to the repository")
@pytest.mark.parametrize("path", _REORG, ids=lambda p: p.stem[:40])
def test_every_reorganisation_text_gives_its_structure_or_says_none_was_found(path: Path) -> None:
    result = draft(path.read_text("utf-8"), path.name)
    assert analyze(result.text).spec == result.spec
    assert {d.code for d in orgspec.check_text(result.text) if d.severity.value == "error"} <= {"OS301"}
    said = [n["message"] for n in result.report["notes"] if n["kind"] == "structure"]
    if not result.report["structure_found"]:
        # a clear statement, with what was seen: what was read and how much of the text was not
        assert len(said) == 1
        assert said[0].startswith("no structure found")
        assert "lines not read" in said[0] or "lines of narrative skipped" in said[0]
