"""``orgspec export``: every format of every spec against golden files, ids, CSV files, the CLI."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings

import orgspec
from orgspec.cli.main import main
from orgspec.export import FORMATS, export
from orgspec.export.ids import UnitIds
from orgspec.export.popolo import popolo
from orgspec.export.tables import TABLES, table_rows, tables
from orgspec.model.units import Spec

from .conftest import FIXTURES, GOLDEN, ROOT, SPECS, golden, require_module
from .strategies import specs

SOURCES = sorted(SPECS.glob("*.orgspec")) + sorted((FIXTURES / "export").glob("*.orgspec"))
SUFFIX = {"json": "json", "popolo": "popolo.json", "org-ttl": "ttl", "org-jsonld": "jsonld", "csv": "units.csv"}
HISTORY = FIXTURES / "export" / "history.orgspec"
FAO = SPECS / "zhenjiang-fao.orgspec"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_export_matches_golden(path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(path), "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "csv":
        assert out.count("\r\n") == out.count("\n")
        out = out.replace("\r\n", "\n")  # golden files are read with universal newlines
    golden(GOLDEN / "export" / path.stem / f"{path.stem}.{SUFFIX[fmt]}", out)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_csv_folder_matches_golden(path: Path, tmp_path: Path) -> None:
    assert main(["export", str(path), "--format", "csv", "-o", str(tmp_path / "out")]) == 0
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(f"{name}.csv" for name in TABLES)
    for name in TABLES:
        text = (tmp_path / "out" / f"{name}.csv").read_bytes().decode("utf-8")
        assert text.count("\r\n") == text.count("\n")  # RFC 4180 line ends
        text = text.replace("\r\n", "\n")
        golden(GOLDEN / "export" / path.stem / "csv" / f"{name}.csv", text)


def test_json_export_is_the_model_dump(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(FAO)]) == 0
    assert json.loads(capsys.readouterr().out) == orgspec.load(FAO).model_dump(mode="json")


def test_stable_ids_are_path_based_and_shared_by_every_export() -> None:
    spec = orgspec.load(HISTORY)
    ids = [e.id for e in UnitIds(spec)]
    assert ids == ["bodies/0", "bodies/0/units/0", "bodies/0/units/1", "bodies/0/units/1/units/0", "lingdao"]
    assert [o["id"] for o in popolo(spec)["organizations"]] == ids
    assert [r["id"] for r in table_rows(spec, "units")] == ids
    assert {r["unit_id"] for r in table_rows(spec, "quotas")} == {"bodies/0", "bodies/0/units/1/units/0"}
    require_module("rdflib")
    from orgspec.export.org_rdf import ORG, graph

    g = graph(spec)
    assert sorted(str(o) for o in g.objects(None, ORG.identifier)) == sorted(ids)


def test_popolo_plaques_are_dated_other_names_and_sections_have_parents() -> None:
    data = popolo(orgspec.load(HISTORY))
    body = data["organizations"][0]
    assert body["other_names"] == [
        {"name": "某市港澳事务办公室", "start_date": "2010-06", "note": "plaque (加挂)"},
        {"name": "某市侨务办公室", "start_date": "2015-03", "note": "plaque (挂)"},
        {"name": "某市外事侨务办公室", "end_date": "2005-07", "note": "former name"},
    ]
    assert data["organizations"][3]["parent_id"] == "bodies/0/units/1"
    assert [m["role"] for m in data["memberships"]] == ["组长", "副组长"]
    assert [p["name"] for p in data["persons"]] == ["张三", "李四"]
    assert {m["organization_id"] for m in data["memberships"]} == {"lingdao"}


def test_popolo_basis_documents_are_sources_and_open_counts_stay_open() -> None:
    spec = orgspec.load(FAO)
    data = popolo(spec)
    sources = data["organizations"][0]["sources"]
    assert [s["note"].split()[0] for s in sources] == ["蘇委〔2009〕573號", "鎮發〔2010〕11號"]
    quotas = table_rows(spec, "quotas")
    assert [(q["category"], q["count"], q["status"]) for q in quotas] == [
        ("administrative", "21", "number"),
        ("discipline", "", "unstated"),
        ("logistics", "", "separately"),
    ]
    assert [p["label"] for p in data["posts"]] == ["主任", "副主任", "正處長", "副處長", "監察室主任"]


def test_csv_excel_option_writes_a_byte_order_mark(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(FAO), "--format", "csv", "--excel", "-o", str(tmp_path)]) == 0
    data = (tmp_path / "units.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,parent_id,")
    assert main(["export", str(FAO), "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("id,parent_id,")
    assert tables(orgspec.load(FAO))["duties"].count("\r\n") == 1 + 10 + 4 + 2  # header, body, sections, shared


def test_shared_duties_are_listed_under_each_section() -> None:
    rows = [r for r in table_rows(orgspec.load(FAO), "duties") if r["shared_id"]]
    assert [(r["unit_id"], r["shared_id"]) for r in rows] == [("oumei", "regional"), ("yafei", "regional")]


def test_export_to_a_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "fao.json"
    assert main(["export", str(FAO), "--format", "popolo", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["organizations"][0]["id"] == "zj_fao"


def test_export_of_a_spec_with_errors_exports_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.orgspec"
    bad.write_text('body "A" {\n  quota administrative "x"\n', encoding="utf-8")
    assert main(["export", str(bad), "--format", "popolo"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "nothing exported" in captured.err


@pytest.mark.parametrize("fmt", ["org-ttl", "org-jsonld"])
def test_rdf_without_rdflib_says_how_to_install_it(
    fmt: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "rdflib", None)
    monkeypatch.delitem(sys.modules, "orgspec.export.org_rdf", raising=False)
    assert main(["export", str(FAO), "--format", fmt]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "pip install 'orgspec[rdf]'" in captured.err


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(FAO), "--format", "xml"]) == 2
    with pytest.raises(ValueError, match="unknown export format"):
        export(orgspec.load(FAO), "xml")


def test_docs_examples_are_what_export_prints() -> None:
    page = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")
    source = re.search(r"```orgspec\n(.*?)```", page, re.DOTALL)
    assert source is not None
    spec = orgspec.loads(source.group(1))
    outputs = re.findall(r"<!-- output: ([a-z-]+) -->\n```\w+\n(.*?)```", page, re.DOTALL)
    assert [fmt for fmt, _ in outputs] == ["popolo", "org-ttl", "csv"]
    for fmt, block in outputs:
        if fmt == "org-ttl":
            require_module("rdflib")
        assert export(spec, fmt).replace("\r\n", "\n").rstrip("\n") == block.rstrip("\n"), fmt


@pytest.mark.parametrize("name", ["exports.md", "editors.md"])
def test_docs_orgspec_blocks_check_clean(name: str) -> None:
    blocks = re.findall(r"```orgspec\n(.*?)```", (ROOT / "docs" / name).read_text(encoding="utf-8"), re.DOTALL)
    assert blocks
    for block in blocks:
        assert [d.code for d in orgspec.check_text(block) if d.severity is not orgspec.Severity.INFO] == []


def test_language_table_pairs_are_distinct() -> None:
    from orgspec.export.lang import _PAIRS, _SIMP, _TRAD

    assert all(len(p) == 2 and p[0] != p[1] for p in _PAIRS.split())
    assert not _TRAD & _SIMP


@settings(max_examples=10)
@given(specs(max_depth=1))
def test_every_export_of_any_model_works_and_ids_are_unique(spec: Spec) -> None:
    ids = [e.id for e in UnitIds(spec)]
    explicit = [u.id for u in spec.walk() if u.id is not None]
    if len(set(explicit)) == len(explicit):
        assert len(set(ids)) == len(ids)
    for fmt in ("json", "popolo", "csv"):
        assert export(spec, fmt)
    assert set(tables(spec)) == set(TABLES)
    assert len(table_rows(spec, "units")) == len(ids)


def test_popolo_former_names_and_founding_date_come_from_history() -> None:
    body = popolo(orgspec.load(HISTORY))["organizations"][0]
    former = [o for o in body["other_names"] if o["note"] == "former name"]
    assert former == [{"name": "某市外事侨务办公室", "end_date": "2005-07", "note": "former name"}]
    assert body["founding_date"] == "2001-02"
