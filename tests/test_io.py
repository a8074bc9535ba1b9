"""Reading files: every problem is a diagnostic (OS100, OS101), never a traceback; writes are atomic."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import orgspec
from orgspec.io import read_source, write_atomic, write_atomic_set


def test_missing_file(tmp_path: Path) -> None:
    (d,) = orgspec.check(tmp_path / "nope.orgspec")
    assert d.code == "OS100"
    assert "no such file" in d.message


def test_directory_given_as_file(tmp_path: Path) -> None:
    source, found = read_source(tmp_path)
    assert source is None
    assert found[0].code == "OS100"
    assert "directory" in found[0].message


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "secret.orgspec"
    p.write_text('body "A"')

    def denied(path: object, limit: int = 0) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("orgspec.io.read_limited", denied)
    (d,) = orgspec.check(p)
    assert d.code == "OS100"
    assert "permission denied" in d.message


def test_gbk_file_gets_a_conversion_hint(tmp_path: Path) -> None:
    p = tmp_path / "gbk.orgspec"
    p.write_bytes('body "外事办公室" {\n  kind "工作部门"\n}\n'.encode("gb18030"))
    (d,) = orgspec.check(p)
    assert d.code == "OS101"
    assert d.line == 1
    assert d.hint is not None
    assert "iconv -f GB18030" in d.hint


def test_invalid_utf8_is_located(tmp_path: Path) -> None:
    p = tmp_path / "bad.orgspec"
    p.write_bytes(b'body "A" {\n  note "\xff"\n}\n')
    (d,) = orgspec.check(p)
    assert (d.code, d.line, d.column) == ("OS101", 2, 9)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    p = tmp_path / "bom.orgspec"
    p.write_bytes(b"\xef\xbb\xbf" + 'body "外事辦公室"\n'.encode())
    assert orgspec.load(p).bodies[0].name == "外事辦公室"


def test_empty_file_is_an_empty_spec(tmp_path: Path) -> None:
    p = tmp_path / "empty.orgspec"
    p.write_text("")
    assert orgspec.load(p) == orgspec.Spec()


def test_load_raises_one_error_with_every_diagnostic() -> None:
    text = 'body "A" {\n  quote 1\n  kind nonsense\n}\n'
    with pytest.raises(orgspec.SpecError) as info:
        orgspec.loads(text, "x.orgspec")
    assert [d.code for d in info.value.diagnostics] == ["OS201", "OS206"]
    assert isinstance(info.value, ValueError)
    assert str(info.value).startswith("x.orgspec:2:3: OS201")


def test_write_atomic_replaces_whole_file(tmp_path: Path) -> None:
    p = tmp_path / "out.txt"
    p.write_text("old")
    write_atomic(p, "新內容")
    assert p.read_text() == "新內容"
    assert [x.name for x in tmp_path.iterdir()] == ["out.txt"]


def test_write_atomic_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    real = tmp_path / "real" / "spec.orgspec"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "link.orgspec"
    link.symlink_to(real)
    write_atomic(link, "新內容")
    assert link.is_symlink()
    assert real.read_text() == "新內容"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["link.orgspec", "real"]


def test_a_set_of_files_is_written_through_symbolic_links_too(tmp_path: Path) -> None:
    # export --format csv writes its tables as a set: a table kept as a link to a shared folder stays a link
    real = tmp_path / "shared" / "units.csv"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "units.csv"
    link.symlink_to(real)
    write_atomic_set({link: "id,name\n", tmp_path / "posts.csv": "id,title\n"})
    assert link.is_symlink()
    assert real.read_text() == "id,name\n"
    assert (tmp_path / "posts.csv").read_text() == "id,title\n"


def test_write_atomic_keeps_old_file_when_the_write_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "out.txt"
    p.write_text("old")

    def boom(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError, match="No space"):
        write_atomic(p, "x" * 100_000)
    assert p.read_text() == "old"
    assert [x.name for x in tmp_path.iterdir()] == ["out.txt"]


def _line_starts_reference(text: str) -> list[int]:
    starts, i = [0], 0
    while i < len(text):
        if text[i] == "\r" and text[i + 1 : i + 2] == "\n":
            i += 1
        if text[i] in "\r\n":
            starts.append(i + 1)
        i += 1
    return starts


@given(st.text(alphabet="a\r\n\u2028\x85国", max_size=40))
def test_lines_end_at_crlf_lf_or_a_lone_cr(text: str) -> None:
    from orgspec.source import SourceText

    source = SourceText(text)
    starts = _line_starts_reference(text)
    assert source.line_count == len(starts)
    for line, start in enumerate(starts, start=1):
        assert source.position(start).line == line
        assert source.offset(line, 1) == start
