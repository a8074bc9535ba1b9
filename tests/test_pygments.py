"""The Pygments lexer: found by alias and file name, no error tokens on any spec, tokens classed right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import orgspec.api

from .conftest import FIXTURES, ROOT, SPECS, require_module

pygments = require_module("pygments")
from pygments import lex  # noqa: E402
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename  # noqa: E402
from pygments.token import Comment, Error, Keyword, Name, Number, Punctuation, String, Whitespace  # noqa: E402

from orgspec.pygments_lexer import OrgspecLexer  # noqa: E402

ALL = sorted(SPECS.rglob("*.orgspec")) + sorted(FIXTURES.rglob("*.orgspec"))
PARSED = [p for p in ALL if orgspec.api.analyze(p.read_text(encoding="utf-8")).spec is not None]


def test_registered_by_entry_point() -> None:
    assert isinstance(get_lexer_by_name("orgspec"), OrgspecLexer)
    assert isinstance(get_lexer_for_filename("zhenjiang-fao.orgspec"), OrgspecLexer)


@pytest.mark.parametrize("path", PARSED, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_error_tokens_on_any_spec(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    tokens = list(lex(text, OrgspecLexer()))
    assert [v for t, v in tokens if t is Error] == []
    assert "".join(v for _, v in tokens).rstrip("\n") == text.rstrip("\n")


DOC_BLOCKS = [
    block
    for page in [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
    for block in re.findall(r"```orgspec\n(.*?)```", page.read_text(encoding="utf-8"), re.DOTALL)
    if orgspec.api.analyze(block).spec is not None
]


@pytest.mark.parametrize("block", DOC_BLOCKS, ids=[f"block{i}" for i in range(len(DOC_BLOCKS))])
def test_no_error_tokens_in_docs_examples_that_parse(block: str) -> None:
    assert [v for t, v in lex(block, OrgspecLexer()) if t is Error] == []


def test_tokens_are_classed_right() -> None:
    text = (
        'body zj "某辦公室" {  # a comment\n'
        '  quota administrative 21 { includes discipline unstated "派駐" }\n'
        '  shared-duties s { sections @oumei @"亞非處"; intro "上述" }\n'
        '  history { event renamed 2010-06 { from "甲" } }\n'
        "}\n"
    )
    tokens = [(t, v) for t, v in lex(text, OrgspecLexer()) if t is not Whitespace]
    kinds = {v: t for t, v in tokens}
    assert kinds["body"] is Keyword
    assert kinds["quota"] is Keyword
    assert kinds["includes"] is Keyword
    assert kinds["sections"] is Keyword
    assert kinds["intro"] is Keyword
    assert kinds["event"] is Keyword
    assert kinds["administrative"] is Name.Constant
    assert kinds["zj"] is Name.Constant
    assert kinds['"某辦公室"'] is String.Double
    assert kinds["21"] is Number.Integer
    assert kinds["2010-06"] is Number.Other
    assert kinds["@oumei"] is Name.Label
    assert kinds['@"亞非處"'] is Name.Label
    assert kinds["# a comment"] is Comment.Single
    assert kinds["{"] is Punctuation
    assert kinds["}"] is Punctuation
    assert kinds[";"] is Punctuation


def test_range_words_are_values_and_their_bounds_numbers() -> None:
    text = 'body a "A" {\n  quota administrative between 3 7 "三人至七人"\n  quota logistics at-most 5 "x"\n}\n'
    tokens = [(t, v) for t, v in lex(text, OrgspecLexer()) if t is not Whitespace]
    assert all(t is not Error for t, _ in tokens)
    kinds = {v: t for t, v in tokens}
    assert kinds["between"] is Name.Constant
    assert kinds["at-most"] is Name.Constant
    assert kinds["3"] is Number.Integer
    assert kinds["7"] is Number.Integer


def test_docs_use_orgspec_fences() -> None:
    docs = sorted((ROOT / "docs").glob("*.md"))
    fenced = [p.name for p in docs if "```orgspec" in p.read_text(encoding="utf-8")]
    assert "exports.md" in fenced
    assert "editors.md" in fenced
