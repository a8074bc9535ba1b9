"""Reading text: syntax errors are located diagnostics with a useful message and hint."""

from __future__ import annotations

import pytest

import orgspec
from orgspec.source import SourceText
from orgspec.syntax import ArgKind, parse_document


def _one(text: str) -> orgspec.Diagnostic:
    found = orgspec.check_text(text, "t.orgspec")
    assert len(found) == 1, found
    return found[0]


def test_statements_args_and_blocks_keep_their_spans() -> None:
    text = 'body zj "鎮江" {\n  quota administrative 21 # c\n}\n'
    doc, diags = parse_document(SourceText(text))
    assert diags == []
    (body,) = doc.statements
    assert body.keyword == "body"
    assert [a.kind for a in body.args] == [ArgKind.IDENT, ArgKind.STRING]
    assert text[body.args[1].span.start : body.args[1].span.end] == '"鎮江"'
    assert body.block is not None
    (quota,) = body.block
    assert text[quota.span.start : quota.span.end] == "quota administrative 21"
    assert [c.text for c in doc.comments] == ["# c"]


def test_string_escapes_are_decoded() -> None:
    doc, diags = parse_document(SourceText('note "a\\"b\\\\c\\n\\u{1F600}"'))
    assert diags == []
    assert doc.statements[0].args[0].value == 'a"b\\c\n\U0001f600'


@pytest.mark.parametrize(
    ("text", "code", "line", "column", "words"),
    [
        ('body "A" {\n  kind "x"\n', "OS105", 3, 1, "ends"),
        ('body "A" { kind "x" }}', "OS103", 1, 22, "'}'"),
        ("body 人事處", "OS102", 1, 6, "'人'"),
        ('body "A" {\n  note "open\n}', "OS104", 2, 8, "not closed"),
        ("body “A”", "OS102", 1, 6, "'“'"),
        ('body "A" \x00', "OS102", 1, 10, "U+0000"),
        ('"A" body', "OS103", 1, 1, "found a quoted string"),
    ],
)
def test_syntax_errors_are_located(text: str, code: str, line: int, column: int, words: str) -> None:
    d = _one(text)
    assert (d.code, d.line, d.column) == (code, line, column)
    assert words in d.message
    assert d.hint


def test_unclosed_block_points_at_the_open_brace() -> None:
    d = _one('body "A" {\n  section "B" {\n  }\n')
    assert d.code == "OS105"
    assert [(r.message, r.span is not None) for r in d.related] == [("this block is still open", True)]
    assert d.related[0].span is not None
    assert d.related[0].span.start == 9


def test_chinese_quotes_get_a_specific_hint() -> None:
    d = _one("body “外事辦”")
    assert d.hint is not None
    assert "ASCII double quotes" in d.hint


def test_semicolons_and_newlines_separate_statements_alike() -> None:
    a = orgspec.loads('body "A" { kind working-department; rank "處級" }')
    b = orgspec.loads('body "A" {\n  kind working-department\n  rank "處級"\n}\n')
    assert a == b


def test_crlf_and_lone_cr_line_endings() -> None:
    crlf = orgspec.loads('body "A" {\r\n  rank "處級"\r\n}\r\n')
    cr = orgspec.loads('body "A" {\r  rank "處級"\r}\r')
    assert crlf == cr
    d = orgspec.check_text('body "A" {\r\n  quote 3\r\n}\r\n')[0]
    assert (d.line, d.column) == (2, 3)
