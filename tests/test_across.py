"""Across files (OS802): one body stated in two specs whose facts disagree, reported once with both places."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgspec.cli.main import main

A = """\
body fao "某市外事办公室" {
  basis "某办发〔2019〕1号" {
    date 2019-03
  }
  rank "正处级"
  quota administrative 21
  posts { post "主任" 1; post "副主任" 3 }
}
"""


def _run(paths: list[str], capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["check", "--format", "json", "-q", *extra, *paths])
    return code, capsys.readouterr()[0]


def _found(out: str) -> list[dict[str, object]]:
    return [d for d in json.loads(out)["diagnostics"] if d["code"] == "OS802"]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ORGSPEC_CACHE_DIR", str(tmp_path / ".cache"))
    (tmp_path / ".git").mkdir()
    return tmp_path


def test_one_body_in_two_specs_with_other_figures_is_reported_once_with_both_places(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "a.orgspec").write_text(A, encoding="utf-8")
    b = A.replace("某市外事办公室", "某市外事辦公室").replace("21", "19").replace('副主任" 3', '副主任" 4')
    (folder / "b.orgspec").write_text(b.replace("body fao ", "body "), encoding="utf-8")
    for _ in range(2):  # the second run reads the facts from the cache
        code, out = _run(["a.orgspec", "b.orgspec"], capsys)
        found = _found(out)
        assert code == 0
        assert [(d["file"], d["line"], d["severity"]) for d in found] == [
            ("b.orgspec", 6, "warning"),
            ("b.orgspec", 7, "warning"),
        ]
        assert "its administrative quota as 19 (as of 2019-03) here, but as 21 (as of 2019-03) in a.orgspec" in str(
            found[0]["message"]
        )
        assert "its leadership posts as 5" in str(found[1]["message"])
        related = found[0]["related"]
        assert isinstance(related, list)
        assert [(r["file"], r["line"], r["column"]) for r in related] == [("a.orgspec", 6, 24)]


def test_the_same_id_matches_and_a_folder_is_walked(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "specs").mkdir()
    (folder / "specs" / "a.orgspec").write_text(A, encoding="utf-8")
    other = A.replace("某市外事办公室", "某市人民政府外事办公室").replace('"正处级"', '"副处级"')
    (folder / "specs" / "b.orgspec").write_text(other, encoding="utf-8")
    _, out = _run(["specs"], capsys)
    assert [str(d["message"]).split(" here")[0] for d in _found(out)] == [
        "'某市人民政府外事办公室' states its rank as 副处级 (as of 2019-03)"
    ]


def test_undated_statements_are_not_compared(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    undated = A.replace('  basis "某办发〔2019〕1号" {\n    date 2019-03\n  }\n', "")
    (folder / "a.orgspec").write_text(undated, encoding="utf-8")
    (folder / "b.orgspec").write_text(undated.replace("21", "30"), encoding="utf-8")
    _, out = _run(["a.orgspec", "b.orgspec"], capsys)
    assert _found(out) == []


def test_quotas_of_two_dates_are_not_compared(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "a.orgspec").write_text(
        A.replace("quota administrative 21", "quota administrative 21 { as-of 2010 }"), encoding="utf-8"
    )
    (folder / "b.orgspec").write_text(
        A.replace("quota administrative 21", "quota administrative 30 { as-of 2020 }"), encoding="utf-8"
    )
    _, out = _run(["a.orgspec", "b.orgspec"], capsys)
    assert _found(out) == []


def test_one_file_alone_is_not_compared_with_itself(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "a.orgspec").write_text(A + A.replace("body fao ", "body ").replace("21", "30"), encoding="utf-8")
    _, out = _run(["a.orgspec"], capsys)
    assert _found(out) == []


def test_config_can_leave_it_out(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "a.orgspec").write_text(A, encoding="utf-8")
    (folder / "b.orgspec").write_text(A.replace("21", "19"), encoding="utf-8")
    (folder / "orgspec.toml").write_text('per-file-ignores = { "b.orgspec" = ["OS802"] }\n', encoding="utf-8")
    _, out = _run(["a.orgspec", "b.orgspec"], capsys)
    assert _found(out) == []
    _, out = _run(["a.orgspec", "b.orgspec"], capsys, "--isolated")
    assert len(_found(out)) == 1


def test_worker_processes_return_the_same_facts_and_policy_findings(folder: Path) -> None:
    from orgspec.policy import resolve_pack
    from orgspec.runner import check_files

    (folder / "a.orgspec").write_text(A, encoding="utf-8")
    (folder / "b.orgspec").write_text(A.replace("21", "19"), encoding="utf-8")
    pack = (str(resolve_pack("r5-leadership-ratios")),)
    serial = check_files(["a.orgspec", "b.orgspec"], jobs=1, cache=False, facts=True, policy=pack)
    parallel = check_files(["a.orgspec", "b.orgspec"], jobs=2, cache=False, facts=True, policy=pack)
    assert [r.facts for r in parallel.files] == [r.facts for r in serial.files]
    assert [[f["quotas"][0]["value"] for f in r.facts or []] for r in parallel.files] == [[21], [19]]


def test_a_count_of_a_former_state_is_not_today_s_count(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the same sections today in both specs; one also gives the former layout (原来29个部门, `until`)
    a = A.replace(
        "  rank", '  section-duties-unstated\n  stated sections 2\n  section "一处"\n  section "二处"\n  rank'
    )
    former = '  stated sections 29 "原来29个部门" {\n    until 2018\n  }\n'
    b = a.replace("  stated sections 2\n", former + "  stated sections 2\n")
    (folder / "a.orgspec").write_text(a, encoding="utf-8")
    (folder / "b.orgspec").write_text(b, encoding="utf-8")
    _, out = _run(["a.orgspec", "b.orgspec"], capsys)
    assert _found(out) == []
    # read as today's count, the 29 would disagree with the 2
    (folder / "b.orgspec").write_text(b.replace("    until 2018\n", ""), encoding="utf-8")
    _, out = _run(["a.orgspec", "b.orgspec"], capsys)
    assert [d["line"] for d in _found(out)] == [6]
