"""Every hostile input that issue 8 lists, through the command line: a located diagnostic, no traceback.

One table, one row per input: the bytes of the file, the exit code of ``orgspec check`` and the
finding it must report (code, line, column). The generated inputs (random bytes, text from the
grammar, truncations, single-token edits) are in ``tests/test_hardening.py``; the renderers'
escaping of hostile names in ``tests/test_render_formats.py``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

import pytest

from orgspec.cli.main import main

DEPTH = 100_000
LONG = 3_400_000  # characters of one line: 10.2 MB of UTF-8


class Case(NamedTuple):
    data: bytes
    exit: int
    code: str | None  # None: no finding at all
    line: int | None = None
    column: int | None = None
    text: str = ""  # in the message or the hint


CASES = {
    "random-bytes": Case(b"body \x82\xff{\x00\x9c", 2, "OS101", 1, 6, "not valid UTF-8"),
    "invalid-utf8": Case(b'body "A" {\n  note "\xff"\n}\n', 2, "OS101", 2, 9, "byte 0xFF"),
    "gbk": Case('body "外事办公室" {\n  kind "工作部门"\n}\n'.encode("gbk"), 2, "OS101", 1, 7, "iconv -f GB18030"),
    "gb18030": Case('body "外事办公室𠀋" {\n}\n'.encode("gb18030"), 2, "OS101", 1, 7, "iconv -f GB18030"),
    "utf8-bom": Case(b"\xef\xbb\xbf" + b'body "A" {\n  kind "x"\n  bogus 1\n}\n', 1, "OS201", 3, 3),
    "crlf": Case('body "A" {\r\n  kind "工作部門"\r\n  bogus 1\r\n}\r\n'.encode(), 1, "OS201", 3, 3),
    "lone-cr": Case('body "A" {\r  kind "工作部門"\r  bogus 1\r}\r'.encode(), 1, "OS201", 3, 3),
    "nul": Case(b'body "A" {\n  kind "x"\n  \x00\n}\n', 1, "OS102", 3, 3, "U+0000"),
    "10mb-line": Case(
        b'body "A" { note "' + "外".encode() * LONG + b'" bogus }', 1, "OS202", 1, LONG + 20, "one too many"
    ),
    "empty": Case(b"", 0, None),
    "deep-nesting": Case(
        # at the keyword of the section that is one level too deep (the body is level 1)
        ('body "A" ' + '{ section "S" ' * DEPTH + "}" * DEPTH).encode(),
        1,
        "OS106",
        1,
        9 + 14 * 62 + 3,
        "64 levels",
    ),
    "10^100": Case(b'body "A" {\n  quota administrative 1' + b"0" * 100 + b"\n}\n", 1, "OS204", 2, 24, "101 digits"),
    "negative": Case(b'body "A" {\n  quota administrative -3\n}\n', 1, "OS204", 2, 24, "negative"),
    "full-width": Case('body "A" {\n  quota administrative ２１\n}\n'.encode(), 1, "OS204", 2, 24, "21"),
    "duplicate-id": Case(b'body a "A" {\n  section a "B" { duties { duty "x" } }\n}\n', 1, "OS207", 2, 11),
    "section-hosted-in-itself": Case(
        b'body a "A" {\n  section s "S" { hosted-in @s; duties { duty "x" } }\n}\n', 1, "OS209", 2, 29, "itself"
    ),
    "body-hosting-itself": Case(b'body a "A" {\n  hosts @a\n}\n', 1, "OS209", 2, 9, "itself"),
    "manages-cycle": Case(b'body a "A" { manages @b }\nbody b "B" { manages @a }\n', 1, "OS209", 1, 1, "A → B → A"),
    "2019-02-30": Case(b'body "A" {\n  history {\n    event renamed 2019-02-30\n  }\n}\n', 1, "OS205", 3, 19),
    "partial-dates": Case(b'body "A" {\n  history {\n    event established 2019-02\n  }\n}\n', 0, None),
}


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object], str]:
    code = main(["check", str(path), "--output-format", "json", "--isolated", "--no-cache"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "internal error" not in err
    return code, json.loads(out), err


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_file_gets_a_located_diagnostic(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = CASES[name]
    path = tmp_path / f"{name}.orgspec"
    path.write_bytes(case.data)
    code, report, _ = _check(path, capsys)
    assert code == case.exit
    findings = report["diagnostics"]
    assert isinstance(findings, list)
    if case.code is None:
        assert findings == []
        return
    first = findings[0]
    assert (first["code"], first["file"], first["line"], first["column"]) == (
        case.code,
        str(path),
        case.line,
        case.column,
    ), first
    assert case.text in f"{first['message']} {first['hint']}"


@pytest.mark.parametrize("command", ["check", "render", "export", "show", "fmt", "draft"])
def test_missing_file(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.orgspec"
    argv = {
        "render": ["render", str(missing), "-o", str(tmp_path / "x.svg")],
        "draft": ["draft", str(missing), "-o", str(tmp_path / "x.orgspec")],
    }.get(command, [command, str(missing)])
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert "nope.orgspec" in out + err
    assert "Traceback" not in out + err


@pytest.mark.parametrize("command", ["render", "export", "show", "draft"])
def test_directory_where_a_file_is_expected(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "folder.orgspec"
    folder.mkdir()
    argv = {
        "render": ["render", str(folder), "-o", str(tmp_path / "x.svg")],
        "draft": ["draft", str(folder), "-o", str(tmp_path / "x.orgspec")],
    }.get(command, [command, str(folder)])
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert f"{folder}: OS100 error: " in err
    assert "is a directory" in err
    assert "Traceback" not in out + err


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "secret.orgspec"
    path.write_text('body "A"\n', encoding="utf-8")
    import orgspec.io

    real = orgspec.io.read_limited

    def denied(path: Path, limit: int = orgspec.io.MAX_FILE_BYTES) -> bytes:  # chmod 000 does not stop root
        if Path(path).name == "secret.orgspec":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, limit)

    monkeypatch.setattr(orgspec.io, "read_limited", denied)
    monkeypatch.setattr("orgspec.runner.read_limited", denied)
    code, report, _ = _check(path, capsys)
    assert code == 2
    findings = report["diagnostics"]
    assert isinstance(findings, list)
    (finding,) = findings
    assert (finding["code"], finding["file"]) == ("OS100", str(path))
    assert "permission denied" in finding["message"]
