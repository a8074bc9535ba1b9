"""Hardening, second pass (issue 19): what an outside fuzzing and fault campaign found.

Each test here failed before its fix; the item of the issue it covers is named in its docstring.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import orgspec.io
from orgspec.api import check_text
from orgspec.cli.main import main
from orgspec.diagnostics import Diagnostic
from orgspec.export.tables import escape_cell, unescape_cell
from orgspec.fmt import format_source
from orgspec.report import (
    ReportContext,
    format_concise,
    format_github,
    format_gitlab,
    format_json,
    format_json_lines,
    format_junit,
    format_sarif,
    format_step_summary,
    format_text,
    summarize,
)
from tests.conftest import GOLDEN, SPECS
from tests.hostile_strategies import runs

ZJ = SPECS / "zhenjiang-fao.orgspec"
JX = SPECS / "jiangxi-fao.orgspec"
DOCUMENT = GOLDEN / "draft" / "inputs" / "000_6d360ffbc73a8950.txt"

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


# 1. lone surrogates -----------------------------------------------------------------------------


def test_check_text_reports_a_lone_surrogate_as_os101() -> None:
    """Item 1: a str holding a lone surrogate gets OS101 at the surrogate, not a silent pass."""
    found = check_text('body "A\ud800" {\n  kind "工作部門"\n}\n', "x.orgspec")
    assert [(d.code, d.line, d.column) for d in found] == [("OS101", 1, 8)]
    assert "U+D800" in found[0].message
    assert found[0].source is not None
    assert "\ud800" not in found[0].source.text


def test_every_format_writes_a_lone_surrogate_from_check_text() -> None:
    """Item 1: the issue's case: check_text, then gitlab and sarif raised UnicodeEncodeError."""
    found = check_text('body "A" {\n  kind "工作部門"\n  section "B\udc80" {\n  }\n}\n', "a\udc80.orgspec")
    context = ReportContext(("a\udc80.orgspec",), Path("/work"))
    for text in (format_gitlab(found, context), format_sarif(found, context), format_json(found, summarize(found, 1))):
        text.encode("utf-8")
        json.loads(text)


def _encodes(text: str) -> str:
    text.encode("utf-8")  # raises UnicodeEncodeError on a lone surrogate
    return text


@given(runs())
def test_machine_formats_parse_and_encode_whatever_the_strings(
    run: tuple[list[Diagnostic], tuple[str, ...], Path],
) -> None:
    """Item 1: JSON, JSON Lines, GitLab and SARIF stay UTF-8 and valid JSON for any string in any field."""
    found, files, root = run
    context = ReportContext(files, root)
    doc = json.loads(_encodes(format_json(found, summarize(found, len(files)))))
    assert len(doc["diagnostics"]) == len(found)
    lines = _encodes(format_json_lines(found)).split("\n")[:-1]
    assert [json.loads(line)["severity"] for line in lines] == [d.severity.value for d in found]
    assert len(json.loads(_encodes(format_gitlab(found, context)))) == len(found)
    sarif = json.loads(_encodes(format_sarif(found, context)))
    assert len(sarif["runs"][0]["results"]) == len(found)


@given(runs())
def test_junit_is_well_formed_xml_whatever_the_strings(run: tuple[list[Diagnostic], tuple[str, ...], Path]) -> None:
    """Item 1: JUnit stays well-formed XML in UTF-8 for any string, file names included."""
    found, files, root = run
    xml = _encodes(format_junit(found, ReportContext(files, root)))
    ET.fromstring(xml.encode("utf-8"))


@given(runs())
def test_human_formats_show_no_control_character_whatever_the_strings(
    run: tuple[list[Diagnostic], tuple[str, ...], Path],
) -> None:
    """Item 1: full, concise, github and the step summary: UTF-8, no control or bidi character, one line each."""
    found, files, root = run
    context = ReportContext(files, root)
    concise = _encodes(format_concise(found))
    assert not _UNSAFE.search(concise)
    assert concise.count("\n") == len(found)
    for text in (
        format_text(found),
        format_text(found, show_source=False),
        format_github(found, context),
        format_step_summary(found, summarize(found, len(files)), context),
    ):
        assert not _UNSAFE.search(_encodes(text))
    annotations = [line for line in format_github(found, context).split("\n") if line.startswith("::")]
    assert len(annotations) == len(found)


@pytest.mark.parametrize("code", ["OS999", "\ud800", ""])
def test_sarif_accepts_a_code_it_does_not_know(code: str) -> None:
    """Item 1: a diagnostic built by a library user with its own code does not crash SARIF (KeyError)."""
    from orgspec.diagnostics import Severity

    d = Diagnostic(code, "m", None, None, severity=Severity.WARNING)
    result = json.loads(format_sarif([d], ReportContext()))["runs"][0]["results"][0]
    assert "ruleIndex" not in result


# 2. fmt never hides an error --------------------------------------------------------------------

_BAD_ESCAPES = ['"A\\qB"', '"\\u{zz}"', '"\\u{D800}"']


@pytest.mark.parametrize("string", _BAD_ESCAPES)
def test_fmt_leaves_a_file_with_an_invalid_escape_as_it_is(
    string: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 2: fmt rewrote an invalid escape into an escaped backslash, hiding the OS107 error."""
    path = tmp_path / "a.orgspec"
    text = f'body {string} {{\n    kind "工作部门"\n}}\n'  # badly indented: fmt would change it
    path.write_text(text, encoding="utf-8")
    assert [d.code for d in check_text(text)] == ["OS107"]
    assert main(["fmt", str(path)]) == 2
    err = capsys.readouterr().err
    assert "OS107" in err
    assert "not formatted: the file has invalid escapes" in err
    assert path.read_text(encoding="utf-8") == text
    assert main(["fmt", "--check", str(path)]) == 2
    assert format_source(text).output is None


# 3. CSV formula injection -----------------------------------------------------------------------

_RISKY = ["=HYPERLINK(1)", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "'quoted", "'=already"]


def _spec_with_names(names: list[str]) -> str:
    sections = "".join(
        f'  section s{i} "{n.replace(chr(9), chr(92) + "t").replace(chr(13), chr(92) + "r")}" {{\n'
        f'    duties {{\n      duty "{n.replace(chr(9), " ").replace(chr(13), " ")}"\n    }}\n  }}\n'
        for i, n in enumerate(names)
    )
    return f'body "某市外事办公室" {{\n  kind "工作部门"\n{sections}}}\n'


@pytest.mark.parametrize("excel", [False, True])
def test_csv_cells_never_start_a_formula_and_read_back_exactly(
    excel: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 3: a cell starting with = + - @ tab or CR was written as it is (formula injection)."""
    spec = tmp_path / "a.orgspec"
    spec.write_text(_spec_with_names(_RISKY), encoding="utf-8")
    out = tmp_path / "tables"
    assert main(["export", str(spec), "--format", "csv", "-o", str(out), *(["--excel"] if excel else [])]) == 0
    text = (out / "units.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    names = [unescape_cell(row[3]) for row in rows[2:]]
    assert names == _RISKY
    assert rows[2][3] == "'" + _RISKY[0]


@given(st.text())
def test_escape_cell_is_undone_by_unescape_cell(value: str) -> None:
    """Item 3: the apostrophe rule is reversible for every text, and the escaped cell is never a formula."""
    escaped = escape_cell(value)
    assert unescape_cell(escaped) == value
    assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r"))


# 4. fmt --diff shows no raw bidi or control character -------------------------------------------


def test_fmt_diff_prints_no_raw_bidi_or_control_character(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Item 4: the removed lines of fmt --diff carried raw U+202E and U+2066."""
    path = tmp_path / "a.orgspec"
    path.write_text('body "A\u202eB" {  # note \u2066x\x1b[31m\n kind "工作部门"\n}\n', encoding="utf-8")
    assert main(["fmt", "--diff", str(path)]) == 0
    out = capsys.readouterr().out
    assert not _UNSAFE.search(out.replace("\n", "")), out
    assert '-body "A\ufffdB" {  # note \ufffdx\u241b[31m' in out.split("\n")
    assert '+body "A\\u{202E}B" {  # note \ufffdx\u241b[31m' in out.split("\n")


# 5. a write that fails is one line "cannot write", exit 2 -----------------------------------------


def _writing_commands(tmp_path: Path, target_dir: Path) -> dict[str, list[str]]:
    spec = tmp_path / "spec.orgspec"
    spec.write_text(ZJ.read_text(encoding="utf-8").replace("  kind", "      kind", 1), encoding="utf-8")
    return {
        "diff": ["diff", str(ZJ), str(JX), "-o", str(target_dir / "d.txt")],
        "render": ["render", str(ZJ), "-o", str(target_dir / "a.dot")],
        "export": ["export", str(ZJ), "-o", str(target_dir / "a.json")],
        "export-csv": ["export", str(ZJ), "--format", "csv", "-o", str(target_dir / "t")],
        "draft": ["draft", str(DOCUMENT), "-o", str(target_dir / "d.orgspec")],
        "check": ["check", str(ZJ), "--no-progress", "--output-file", f"sarif={target_dir / 'a.sarif'}"],
        "fmt": ["fmt", str(spec)],
    }


@pytest.mark.parametrize("command", ["diff", "render", "export", "export-csv", "draft", "check", "fmt"])
@pytest.mark.parametrize("fault", ["enospc-replace", "enospc-write", "read-only", "not-a-folder"])
def test_a_failed_write_is_one_line_cannot_write(
    command: str, fault: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 5: diff -o on a full disk or an unwritable target ended in "internal error: OSError"."""
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    argv = _writing_commands(tmp_path, blocker if fault == "not-a-folder" else tmp_path)[command]
    if command == "fmt" and fault == "not-a-folder":
        (tmp_path / "spec.orgspec").chmod(0o444)
        monkeypatch.setattr(os, "replace", _raise(errno.EROFS, "Read-only file system"))
    elif fault == "enospc-replace":
        monkeypatch.setattr(os, "replace", _raise(errno.ENOSPC, "No space left on device"))
    elif fault == "enospc-write":
        monkeypatch.setattr(os, "fsync", _raise(errno.ENOSPC, "No space left on device"))
    elif fault == "read-only":  # a read-only file system, as root sees it too
        monkeypatch.setattr(tempfile, "mkstemp", _raise(errno.EROFS, "Read-only file system"))
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert "internal error" not in err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if "cannot write" in line]
    assert len(lines) == 1, err
    assert lines[0].startswith("orgspec: error: cannot write ") or lines[0].startswith("orgspec: cannot write ")
    assert not [p for p in tmp_path.rglob("*") if ".orgspec-tmp-" in p.name]


def _raise(code: int, text: str) -> Callable[..., None]:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, text)

    return fail


def test_a_read_only_folder_is_one_line_cannot_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Item 5: a read-only target folder (as a non-root user sees it) gives "cannot write", exit 2."""
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: a read-only folder is writable")
        assert main(["diff", str(ZJ), str(JX), "-o", str(folder / "d.txt")]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"orgspec: error: cannot write {folder / 'd.txt'}: ")
    finally:
        folder.chmod(0o755)


def test_a_full_standard_output_is_one_line_cannot_write() -> None:
    """Item 5: `orgspec schema > /dev/full` is one line on stderr and exit 2, not a traceback at exit."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "orgspec", "schema"], stdout=full, stderr=subprocess.PIPE, text=True, check=False
        )
    assert proc.returncode == 2
    assert proc.stderr == "orgspec: error: cannot write standard output: No space left on device\n"


# 6. the CSV set is written whole or not at all ----------------------------------------------------


def test_export_csv_that_fails_half_way_leaves_the_old_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 6: a failure at the third table left the first two new and the others old."""
    out = tmp_path / "tables"
    assert main(["export", str(ZJ), "--format", "csv", "-o", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real = orgspec.io._write_temp
    calls = []

    def third_fails(target: Path, data: bytes | str) -> str:
        calls.append(target.name)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(target, data)

    monkeypatch.setattr(orgspec.io, "_write_temp", third_fails)
    assert main(["export", str(JX), "--format", "csv", "-o", str(out)]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    monkeypatch.setattr(orgspec.io, "_write_temp", real)
    assert main(["export", str(JX), "--format", "csv", "-o", str(out)]) == 0
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert set(after) == set(before)
    assert all(after[n] != before[n] for n in ("units.csv", "duties.csv"))


# 7. the cache reads only bounded regular files --------------------------------------------------

_CACHE_PROBE = """
import os, sys, time
from pathlib import Path
from orgspec.cache import ResultCache
from orgspec.runner import check_files
spec = Path(sys.argv[1])
store = ResultCache()
key = store.key(spec.read_bytes())
entry = store._path(key)
entry.parent.mkdir(parents=True, exist_ok=True)
if sys.argv[2] == "fifo":
    os.mkfifo(entry)
else:
    entry.symlink_to("/dev/zero")
assert store.get(key) is None
found = check_files([spec], jobs=1, cache=True).files[0]
print(len(found.diagnostics), found.cache.hits)
"""


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_a_cache_entry_that_is_a_fifo_or_dev_zero_is_a_miss(kind: str, tmp_path: Path) -> None:
    """Item 7: a FIFO entry hung check; one linked to /dev/zero ended in MemoryError."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    spec = tmp_path / "a.orgspec"
    spec.write_text(JX.read_text(encoding="utf-8"), encoding="utf-8")
    env = {**os.environ, "ORGSPEC_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.run(
        [sys.executable, "-c", _CACHE_PROBE, str(spec), kind],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split()[1] == "0"  # no hit


def test_an_oversized_cache_entry_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 7: an entry larger than the cap is not read."""
    from orgspec import cache as cache_mod

    store = cache_mod.ResultCache(tmp_path)
    key = store.key(b"x")
    assert store.put(key, [["OS301", "m" * 100, 1, 2, "error", None, []]])
    assert store.get(key) is not None
    monkeypatch.setattr(cache_mod, "MAX_ENTRY_BYTES", 50)
    assert store.get(key) is None
    assert not store.put(store.key(b"y"), [["OS301", "m" * 100, 1, 2, "error", None, []]])


# 8. size limits are checked before reading ------------------------------------------------------


def test_check_refuses_an_oversized_file_before_reading_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Item 8: the size limit of check was applied after reading the whole file (1 GB read to say no)."""
    from orgspec.limits import MAX_FILE_BYTES

    big = tmp_path / "big.orgspec"
    with big.open("wb") as fh:  # sparse: no disk used
        fh.truncate(MAX_FILE_BYTES + 1)
    tracemalloc.start()
    try:
        code = main(["check", str(big), "--no-progress", "--no-cache", "--format", "concise"])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == 2
    out = capsys.readouterr().out
    assert out.startswith(f"{big}: OS106 error: ")
    assert f"the limit is {MAX_FILE_BYTES:,}" in out
    assert peak < 20_000_000


def test_draft_refuses_an_oversized_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Item 8: draft had no input limit (1 GB: killed at 200 s with 4.65 GB)."""
    from orgspec.draft import draft
    from orgspec.limits import MAX_DRAFT_BYTES

    doc = tmp_path / "big.txt"
    with doc.open("wb") as fh:
        fh.truncate(MAX_DRAFT_BYTES + 1)
    assert main(["draft", str(doc), "-o", str(tmp_path / "d.orgspec")]) == 2
    err = capsys.readouterr().err
    assert "OS106" in err
    assert f"the limit is {MAX_DRAFT_BYTES:,}" in err
    assert not (tmp_path / "d.orgspec").exists()
    with pytest.raises(ValueError, match="draft reads at most"):
        draft("x" * (MAX_DRAFT_BYTES + 1))


# 10. a path given that holds no spec is an error --------------------------------------------------


@pytest.mark.parametrize("name", ["x.orgspec", "empty"])
@pytest.mark.parametrize("command", ["check", "fmt"])
def test_a_folder_given_that_holds_no_spec_is_an_error(
    name: str, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 10: x.orgspec/ (or an empty folder) passed with "0 files checked"."""
    folder = tmp_path / name
    folder.mkdir()
    argv = ["check", str(folder), "--no-progress"] if command == "check" else ["fmt", str(folder)]
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert f"{folder}: OS100 error: {folder} " in out + err
    expected = (
        "is a folder, not a spec file, and holds no .orgspec file" if name == "x.orgspec" else "holds no .orgspec file"
    )
    assert expected in out + err


def test_a_folder_named_like_a_spec_holding_specs_is_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 10: a folder that does hold spec files is still searched, as before."""
    folder = tmp_path / "x.orgspec"
    folder.mkdir()
    (folder / "a.orgspec").write_text(JX.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["check", str(folder), "--no-progress"]) == 0
    assert "1 file checked" in capsys.readouterr().err


# 11. temporary files are recognisable and stale ones are removed ----------------------------------


def test_a_stale_temporary_file_is_removed_by_the_next_write(tmp_path: Path) -> None:
    """Item 11: a killed write left a hidden temporary file that nothing removed later."""
    from orgspec.io import STALE_SECONDS, TEMP_MARK, write_atomic

    target = tmp_path / "out.svg"
    stale = tmp_path / f".out.svg{TEMP_MARK}k1ll3d"
    young = tmp_path / f".out.svg{TEMP_MARK}w0rk1n"
    other = tmp_path / f".other.svg{TEMP_MARK}k1ll3d"
    for p in (stale, young, other):
        p.write_text("half", encoding="utf-8")
    old = time.time() - STALE_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert not stale.exists()
    assert young.exists()  # another run may still be writing it
    assert other.exists()  # another target's: left to that target's next write


def test_temporary_files_are_named_recognisably(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 11: the temporary file of a write is .NAME.orgspec-tmp-XXXX beside the target."""
    seen: list[str] = []
    real = os.replace

    def spy(src: str, dst: object) -> None:
        seen.append(Path(src).name)
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", spy)
    orgspec.io.write_atomic(tmp_path / "a.json", "{}")
    assert len(seen) == 1
    assert seen[0].startswith(".a.json.orgspec-tmp-")


# 9. memory: no syntax tree kept by check; findings capped per code --------------------------------

_REPOSITORY_TEXTS = sorted(
    [*SPECS.glob("*.orgspec"), *(SPECS.parent / "tests" / "fixtures").rglob("*.orgspec")], key=str
)


@pytest.mark.parametrize("path", _REPOSITORY_TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_check_without_a_syntax_tree_finds_the_same(path: Path) -> None:
    """Item 9: the streaming front end (no tree kept, packed spans) gives the same model, map and findings."""
    from orgspec.api import analyze

    text = path.read_bytes().decode("utf-8", "replace")
    full, lean = analyze(text, path.name), analyze(text, path.name, keep_tree=False)
    assert lean.spec == full.spec
    assert [(d.code, d.span, d.message, d.related) for d in lean.diagnostics] == [
        (d.code, d.span, d.message, d.related) for d in full.diagnostics
    ]
    assert dict(lean.built.source_map.spans.items()) == dict(full.built.source_map.spans.items())
    assert lean.built.document.statements == ()
    assert lean.built.document.comments == full.built.document.comments


def test_check_keeps_no_syntax_tree_of_a_large_spec() -> None:
    """Item 9: check of a large spec held the whole syntax tree with the model (3.7 GB for 100 MB)."""
    text = "\n".join(f'body "机关{i}" {{\n  kind "工作部门"\n  section s "处{i}" {{\n    duties {{\n      duty "职责{i}"\n    }}\n  }}\n}}' for i in range(3000))  # fmt: skip
    from orgspec.api import analyze

    analyze(text, "a.orgspec", keep_tree=False)  # caches and memos filled before either is measured
    tracemalloc.start()
    try:
        analyze(text, "a.orgspec")
        full = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        analyze(text, "a.orgspec", keep_tree=False)
        lean = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert lean < 0.75 * full, (lean, full)


def test_findings_of_one_code_are_capped_per_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 9: 1M sections gave 1M warnings with no cap; now 1,000 and one summary finding."""
    sections = "".join(f'  section s{i} "处{i}" {{\n  }}\n' for i in range(1500))
    text = f'body "某市外事办公室" {{\n  kind "工作部门"\n{sections}}}\n'
    found = check_text(text, "a.orgspec")
    assert [d.code for d in found] == ["OS501"] * 1001
    summary = found[-1]
    assert summary.message == "500 more OS501 findings in this file not shown (at most 1,000 of one code per file)"
    assert summary.line == found[-2].line + 2  # where the first finding left out is
    monkeypatch.setenv("ORGSPEC_MAX_FINDINGS_PER_CODE", "0")
    assert len(check_text(text, "a.orgspec")) == 1500
    monkeypatch.setenv("ORGSPEC_MAX_FINDINGS_PER_CODE", "10")
    assert len(check_text(text, "a.orgspec")) == 11


def test_check_without_a_syntax_tree_on_lark_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 9: the streaming front end gives the same result when lark reads the text (no fast path)."""
    from orgspec.api import analyze
    from orgspec.syntax import parser

    text = JX.read_text(encoding="utf-8")
    full = analyze(text, "a.orgspec")
    monkeypatch.setattr(parser, "_use_fast_path", False)
    lean = analyze(text, "a.orgspec", keep_tree=False)
    assert lean.spec == full.spec
    assert [(d.code, d.span) for d in lean.diagnostics] == [(d.code, d.span) for d in full.diagnostics]
