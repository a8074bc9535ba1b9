"""The language server's answers computed in process: quota totals, formatting refusals, newline style."""

from __future__ import annotations

from hypothesis import given, settings

from .conftest import FIXTURES, SPECS, require_module
from .strategies import spec_like_text

require_module("pygls")
from lsprotocol import types as lsp  # noqa: E402

from orgspec.lsp.features import Document, definition, diagnostics, formatted, formatting, hover, symbols  # noqa: E402

HISTORY = (FIXTURES / "export" / "history.orgspec").read_text(encoding="utf-8")


def _at(text: str, needle: str) -> lsp.Position:
    offset = text.index(needle) + 1
    line = text.count("\n", 0, offset)
    return lsp.Position(line, offset - (text.rfind("\n", 0, offset) + 1))


def test_hover_shows_quota_totals_of_units_below() -> None:
    doc = Document.open("file:///h.orgspec", HISTORY)
    result = hover(doc, _at(HISTORY, '"联络处"'))
    assert result is not None
    assert isinstance(result.contents, lsp.MarkupContent)
    assert "quota totals with units below: public-institution 8" in result.contents.value
    body = hover(doc, _at(HISTORY, '"某市外事办公室" {'))
    assert body is not None
    assert isinstance(body.contents, lsp.MarkupContent)
    assert "quota totals with units below: administrative 12, public-institution 8" in body.contents.value


def test_hover_on_a_plaque_shows_the_unit_that_carries_it() -> None:
    doc = Document.open("file:///h.orgspec", HISTORY)
    result = hover(doc, _at(HISTORY, '"友好城市处"'))
    assert result is not None
    assert isinstance(result.contents, lsp.MarkupContent)
    assert result.contents.value.startswith("**联络处**")


def test_outline_nests_units() -> None:
    (body, group) = symbols(Document.open("file:///h.orgspec", HISTORY))
    assert [c.name for c in body.children or []] == ["秘书处", "联络处"]
    assert [c.name for c in (body.children or [])[1].children or []] == ["翻译中心"]
    assert group.detail == "coordinating-body @lingdao"


def test_formatting_keeps_crlf_and_comments() -> None:
    text = 'body "A" {   # the body\r\n    kind "工作部门"\r\n}\r\n'
    assert formatted(text) == 'body "A" {  # the body\r\n  kind "工作部门"\r\n}\r\n'


def test_formatting_refuses_what_does_not_parse() -> None:
    assert formatted('body "A" {\n') is None
    assert formatting(Document.open("file:///x.orgspec", 'body "A" {\n  kind "x"\n')) == []


def test_canonical_text_needs_no_edits() -> None:
    text = (SPECS / "zhenjiang-fao.orgspec").read_text(encoding="utf-8")
    assert formatted(text) == text
    assert formatting(Document.open("file:///z.orgspec", text)) == []


@settings(max_examples=60)
@given(spec_like_text.map(lambda t: t.replace("人", "𠀋", 1)))
def test_any_text_gets_answers_never_an_exception(text: str) -> None:
    doc = Document.open("file:///any.orgspec", text)
    last_line = len(doc.lines.starts) - 1
    for d in diagnostics(doc):
        assert 0 <= d.range.start.line <= d.range.end.line <= last_line
    symbols(doc)
    formatting(doc)
    for offset in range(0, len(text) + 1, 5):
        line, character = doc.lines.position(offset)
        hover(doc, lsp.Position(line, character))
        definition(doc, lsp.Position(line, character))


def test_hover_on_a_reference_shows_the_unit_it_names() -> None:
    text = (SPECS / "zhenjiang-fao.orgspec").read_text(encoding="utf-8")
    doc = Document.open("file:///z.orgspec", text)
    result = hover(doc, _at(text, "@yafei"))
    assert result is not None
    assert isinstance(result.contents, lsp.MarkupContent)
    assert result.contents.value.startswith("**亞非處** `@yafei`")
    assert "plaques: 民間交流促進處" in result.contents.value
