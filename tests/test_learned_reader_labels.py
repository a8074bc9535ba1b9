"""The learned reader's label locator (bench/learned_labels.py): spec names found at their place in the text.

The locator needs no ML library, so these tests always run; the tagger itself
(bench/learned_reader.py, the ``experiment`` extra) is not tested here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import orgspec

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import learned_labels as labels  # noqa: E402


def _corpus_document(stem: str) -> labels.Document:
    spec = ROOT / "specs" / "corpus" / f"{stem}.orgspec"
    source = next((ROOT / "corpus" / "found").glob(stem.split("-")[1] + "_*.txt"))
    text = source.read_text("utf-8").split("\n", 2)[2]
    return labels.Document(name=stem, text=text, spec_path=spec, source=source, batch=1, batch1_held_out=True)


def test_a_section_of_a_corpus_document_is_found_at_its_heading_not_in_the_staffing_sentence() -> None:
    doc = _corpus_document("found-12-city-gov-office-79")
    found = labels.locate(doc.text, doc.spec)
    spans = [s for s in found.spans if s.name == "市政务公开办公室"]
    # the document opens "(十五)市政务公开办公室" and names it again later as "市政务公开办公室主任1名"
    assert doc.text.startswith("(十五)市政务公开办公室\n")
    assert [(s.start, s.end, s.label) for s in spans] == [(4, 12, labels.SECTION)]
    assert doc.text.count("市政务公开办公室") == 2
    # its body's name is written on the page ("市政府办公室机关行政编制79名"), its 21 + 2 sections all are
    assert sorted({s.label for s in found.spans}) == [labels.BODY, labels.SECTION]
    assert found.unlocated == ()


def test_a_name_the_text_does_not_write_is_reported_unlocatable() -> None:
    # found-61 is a news page with injected pinyin: "思想政治和權益維(wéi)護(hù)司"
    doc = _corpus_document("found-61-veterans-affairs-ministry-2018-trad")
    found = labels.locate(doc.text, doc.spec)
    assert (labels.SECTION, "思想政治和權益維護司") in found.unlocated
    assert all(s.name != "思想政治和權益維護司" for s in found.spans)


def test_names_in_the_other_script_with_spaces_and_repeats() -> None:
    text = "乙市財政局\n一、辦 公室\n二、預算科\n办公室主任1名\n三、辦公室\n"
    spec = orgspec.loads(
        'body b "乙市财政局" {\n  section "办公室" {}\n  section "预算科" {}\n'
        '  section "人事科" {}\n}\nbody c "丙县财政局" {\n  section "办公室" {}\n}\n'
    )
    found = labels.locate(text, spec)
    got = [(text[s.start : s.end], s.label) for s in found.spans]
    # both 办公室 are the list's items (one written with a space), not the one before 主任
    assert got == [
        ("乙市財政局", labels.BODY),
        ("辦 公室", labels.SECTION),
        ("預算科", labels.SECTION),
        ("辦公室", labels.SECTION),
    ]
    assert sorted(found.unlocated) == [(labels.BODY, "丙县财政局"), (labels.SECTION, "人事科")]


def test_key_text_maps_each_key_character_to_its_offset() -> None:
    key, index = labels.key_text("（一）辦 公室")
    assert key == "(一)办公室"
    assert index == [0, 1, 2, 3, 5, 6]


def test_duty_texts_are_found_apart_even_across_a_broken_line() -> None:
    text = "主要职责\n(一)负责全市财政\n预算的编制。\n(二)承办交办的其他事项。\n"
    spec = orgspec.loads(
        'body b "乙市财政局" {\n  duties {\n    duty "负责全市财政预算的编制。"\n'
        '    duty "承办交办的其他事项。"\n    duty "负责会计管理。"\n  }\n}\n'
    )
    found = labels.locate_duties(text, spec)
    assert [(text[s.start : s.end], s.label) for s in found.spans] == [
        ("负责全市财政\n预算的编制。", labels.DUTY),
        ("承办交办的其他事项。", labels.DUTY),
    ]
    assert found.unlocated == ((labels.DUTY, "负责会计管理。"),)
    # the names' locator takes no duty: the body's name is not written, and there are no sections
    names = labels.locate(text, spec)
    assert names.spans == ()
    assert names.unlocated == ((labels.BODY, "乙市财政局"),)
