"""``orgspec fmt``: canonical layout, idempotent, keeps every comment and fact, checks itself."""

from __future__ import annotations

import os
import stat
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgspec.cli.main import main
from orgspec.fmt import detect_newline, format_source
from orgspec.lowering import build
from orgspec.source import SourceText
from orgspec.syntax.nodes import Arg, ArgKind, Stmt
from orgspec.text.printer import escape

from .conftest import FIXTURES, GOLDEN, SPECS, golden

MESSY = """# a spec written in a hurry
body   zj "鎮江市外事辦"{kind "工作部門" ;rank "處級"   # two on one line
  plaque "港澳辦"{form "掛"}


  # sections follow
section a "人事處" { number 1; duties { duty "x" ; duty "y" } }  # after a
    section b "亞非處" {
number 2
  }
}
"""


def _texts() -> list[tuple[str, str]]:
    """Every spec text of the repository that the formatter accepts: the specs and the check fixtures.

    A fixture with an invalid escape (OS107) is left out: the formatter refuses it (tests/test_hardening_second.py).
    """
    out = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SPECS.glob("*.orgspec"))]
    for p in sorted((FIXTURES / "checks").glob("*/*.orgspec")):
        text = p.read_text(encoding="utf-8")
        built = build(SourceText(text))
        if built.spec is not None and not any(d.code == "OS107" for d in built.diagnostics):
            out.append((f"{p.parent.name}/{p.name}", text))
    return out


TEXTS = _texts()


def _comments(text: str) -> Counter[str]:
    return Counter(c.text.rstrip() for c in build(SourceText(text)).document.comments)


def _model(text: str) -> object:
    return build(SourceText(text)).spec


def test_messy_golden() -> None:
    result = format_source(MESSY)
    assert result.output is not None
    golden(GOLDEN / "fmt" / "messy.orgspec", result.output)


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=[n for n, _ in TEXTS])
def test_repository_texts_format_cleanly(name: str, text: str) -> None:
    result = format_source(text, name)
    assert result.problem is None
    assert result.output is not None
    assert format_source(result.output).output == result.output
    assert _model(result.output) == _model(text)
    assert _comments(result.output) == _comments(text)


@pytest.mark.parametrize("path", sorted(SPECS.glob("*.orgspec")), ids=lambda p: p.name)
def test_the_specs_in_the_repository_are_formatted(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert format_source(text, path.name).output == text


def test_newline_style_is_kept() -> None:
    crlf = MESSY.replace("\n", "\r\n")
    assert detect_newline(crlf) == "\r\n"
    out = format_source(crlf).output
    assert out is not None
    assert out == (format_source(MESSY).output or "").replace("\n", "\r\n")
    assert "\n" not in out.replace("\r\n", "")


def test_refuses_text_that_does_not_parse() -> None:
    result = format_source('body "A" {\n  kind "x"\n')
    assert result.output is None
    assert [d.code for d in result.diagnostics] == ["OS105"]


def _lose_the_first_comment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the formatter's printer drop the first comment it is given (a printer with a bug)."""
    import orgspec.fmt

    real = orgspec.fmt.StatementPrinter

    class Lossy(real):  # type: ignore[misc, valid-type]
        def __init__(self, source: Any, comments: Callable[[], Sequence[Any]], newline: str) -> None:
            super().__init__(source, lambda: comments()[1:], newline)

        def finish(self, comments: Sequence[Any]) -> str:
            return str(super().finish(comments[1:]))

    monkeypatch.setattr(orgspec.fmt, "StatementPrinter", Lossy)


def test_self_check_refuses_a_printer_that_loses_a_comment(monkeypatch: pytest.MonkeyPatch) -> None:
    _lose_the_first_comment(monkeypatch)
    result = format_source(MESSY)
    assert result.output is None
    assert result.problem is not None
    assert "loses a comment" in result.problem


# ---- the command ----------------------------------------------------------------------


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "messy.orgspec").write_text(MESSY, encoding="utf-8")
    (tmp_path / "clean.orgspec").write_text(format_source(MESSY).output or "", encoding="utf-8")
    return tmp_path


def test_fmt_rewrites_in_place_keeping_the_mode(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    messy = files / "messy.orgspec"
    os.chmod(messy, 0o640)
    assert main(["fmt", str(files)]) == 0
    assert messy.read_text(encoding="utf-8") == format_source(MESSY).output
    assert stat.S_IMODE(messy.stat().st_mode) == 0o640
    out, err = capsys.readouterr()
    assert out == ""
    assert f"reformatted {messy}" in err
    assert "1 file reformatted, 1 left unchanged" in err
    assert list(files.glob(".*.tmp")) == []


def test_fmt_check_and_diff_write_nothing(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    messy = files / "messy.orgspec"
    assert main(["fmt", "--check", str(files)]) == 1
    assert main(["fmt", "--check", str(files / "clean.orgspec")]) == 0
    capsys.readouterr()
    assert main(["fmt", "--diff", str(messy)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"--- a/{messy}\n+++ b/{messy}\n")
    assert '-body   zj "鎮江市外事辦"{kind "工作部門" ;rank "處級"   # two on one line' in out
    assert messy.read_text(encoding="utf-8") == MESSY


def test_fmt_refuses_a_file_that_does_not_parse(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = files / "broken.orgspec"
    broken.write_text('body "A" {\n', encoding="utf-8")
    assert main(["fmt", str(files)]) == 2
    err = capsys.readouterr().err
    assert "OS105" in err
    assert f"{broken}: not formatted: the file does not parse" in err
    assert broken.read_text(encoding="utf-8") == 'body "A" {\n'
    # the other files were still formatted
    assert (files / "messy.orgspec").read_text(encoding="utf-8") == format_source(MESSY).output


def test_fmt_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MESSY.encode("utf-8"))))
    assert main(["fmt", "-"]) == 0
    assert capsys.readouterr().out == format_source(MESSY).output


# ---- properties on perturbed texts ---------------------------------------------------------


def _arg(a: Arg) -> str:
    if a.kind is ArgKind.STRING:
        return escape(a.value)
    if a.kind is ArgKind.NAMEREF:
        return "@" + escape(a.value)
    if a.kind is ArgKind.REF:
        return "@" + a.value
    return a.value


_BLANK = st.sampled_from([" ", "  ", "\t", " \u3000"])
_COMMENT = st.text(st.sampled_from("ab 甲乙#;{}\"'"), max_size=8).map(lambda t: "#" + t)


def _messy(draw: st.DrawFn, stmts: tuple[Stmt, ...], depth: int) -> str:
    out = []
    for i, s in enumerate(stmts):
        if draw(st.booleans()):
            out.append(draw(_COMMENT) + "\n")
        head = s.keyword + "".join(draw(_BLANK) + _arg(a) for a in s.args)
        if s.block is not None:
            inner = _messy(draw, s.block, depth + 1)
            head += draw(st.sampled_from(["", " ", "  "])) + "{" + draw(st.sampled_from(["", " ", "\n"]))
            closing = draw(st.sampled_from(["", " ", "\n", "comment"]))
            head += inner + (f"\n{draw(_COMMENT)}\n" if closing == "comment" else closing) + "}"
        indent = draw(st.sampled_from(["", "  " * depth, "\t", "     "]))
        out.append(indent + head)
        if i < len(stmts) - 1:
            sep = draw(st.sampled_from(["\n", ";", " ; ", "\n\n", "\n\n\n", "comment"]))
            out.append(f"  {draw(_COMMENT)}\n" if sep == "comment" else sep)
    return "".join(out)


@st.composite
def perturbed(draw: st.DrawFn) -> str:
    _, text = draw(st.sampled_from(TEXTS))
    document = build(SourceText(text)).document
    return _messy(draw, document.statements, 0) + draw(st.sampled_from(["", "\n", "\n\n", "  # the end\n"]))


@settings(max_examples=60)
@given(perturbed())
def test_fmt_laws_on_perturbed_texts(text: str) -> None:
    assert build(SourceText(text)).spec is not None, text
    result = format_source(text, verify=False)
    out = result.output
    assert out is not None
    assert format_source(out, verify=False).output == out  # idempotent
    assert _model(out) == _model(text)  # same facts
    assert _comments(out) == _comments(text)  # no comment lost or added
    assert format_source(text).problem is None  # and the self-check agrees


def test_statements_joined_by_semicolons_get_no_blank_line_between_them() -> None:
    text = 'body "A" {\n  kind "x"\n\n  rank "y"; note "z"\n}\n'
    assert format_source(text).output == 'body "A" {\n  kind "x"\n\n  rank "y"\n  note "z"\n}\n'


def test_fmt_keeps_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.orgspec"
    path.write_bytes(b"\xef\xbb\xbf" + MESSY.encode("utf-8"))
    assert main(["fmt", str(path)]) == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + (format_source(MESSY).output or "").encode("utf-8")


def test_fmt_does_not_write_when_the_self_check_fails(
    files: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _lose_the_first_comment(monkeypatch)
    messy = files / "messy.orgspec"
    assert main(["fmt", str(messy)]) == 2
    assert messy.read_text(encoding="utf-8") == MESSY
    assert "not formatted: the formatted text loses a comment: '# a spec written in a hurry'" in capsys.readouterr().err


def test_bidirectional_controls_are_printed_as_escapes() -> None:
    text = 'body "A\u202eB\u2066C\u200fD" {\n  kind "x"\n}\n'
    result = format_source(text)
    assert result.problem is None
    assert result.output == 'body "A\\u{202E}B\\u{2066}C\\u{200F}D" {\n  kind "x"\n}\n'


@pytest.mark.parametrize(
    ("text", "formatted"),
    [
        # a comment keeps the spaces after its '#', loses those at its end
        ('#   indented note   \nbody "a"\n', '#   indented note\nbody "a"\n'),
        # a blank line the writer left between statements is kept, from the second line on
        ('note "a"\n\nnote "b"\n', 'note "a"\n\nnote "b"\n'),
        # never two blank lines in a row, nor one after an opening brace
        (
            'body "a" {\n  note "x"\n\n\n  # c\n\n\n  note "y"\n}\n',
            'body "a" {\n  note "x"\n\n  # c\n\n  note "y"\n}\n',
        ),
        ('body "a" {\n\n  note "x"\n}\n', 'body "a" {\n  note "x"\n}\n'),
    ],
)
def test_fmt_keeps_the_writers_blank_lines_and_comment_indents(text: str, formatted: str) -> None:
    assert format_source(text, "x.orgspec").output == formatted
