"""The language server's answers computed in process: quota totals, formatting refusals, newline style."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

import orgspec

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


def test_hover_shows_a_range_with_the_documents_words() -> None:
    text = 'body a "A" {\n  quota administrative between 3 7 "三人至七人"\n}\n'
    result = hover(Document.open("file:///r.orgspec", text), lsp.Position(line=0, character=8))
    assert result is not None
    assert isinstance(result.contents, lsp.MarkupContent)
    assert "quota administrative: a range, 3-7 (三人至七人)" in result.contents.value


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


# ---- completion, rename, code actions, semantic tokens, in process --------------------------------
from orgspec.lsp.complete import BLOCK_KEYWORDS, completions, unit_ids  # noqa: E402
from orgspec.lsp.edits import code_actions, prepare_rename, references, rename  # noqa: E402
from orgspec.lsp.features import docs_href  # noqa: E402
from orgspec.lsp.tokens import LEGEND, semantic_tokens  # noqa: E402


def _complete(marked: str) -> list[str]:
    offset = marked.index("|")
    text = marked.replace("|", "", 1)
    doc = Document.open("file:///c.orgspec", text)
    return [i.label for i in completions(text, offset, doc.lines)]


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("|", ["body", "history", "note"]),
        (
            'body a "A" {\n  quota administrative 3 {\n    |',
            [
                "includes",
                "excludes",
                "complete",
                "funding",
                "funded-as",
                "phasing-out",
                "provisional",
                "as-of",
                "source",
                "also",
                "across",
                "over",
                "note",
            ],
        ),
        ('body a "A" {\n  plaque "B" {\n    f|', ["form", "since", "basis", "note"]),
        ('body a "A" {\n  members {\n    |', ["member"]),
        (
            'body a "A" {\n  function-changes {\n    |',
            ["transferred-out", "transferred-in", "cancelled", "added", "merged", "strengthened"],
        ),
        (
            'body a "A" {\n  stated |',
            ["sections", "duties", "institutions", "members", "subordinates", "bodies", "quota"],
        ),
        (
            'body a "A" {\n  quota logistics |',
            ["separately", "unstated", "unreadable", "cut-off", "between", "at-most", "at-least"],
        ),
        (
            'body a "A" {\n  posts {\n    post "主任" 1 |',
            ["chief", "deputy", "approved-separately", "concurrent", "held-by", "rank", "holder"],
        ),
        ('body a "A" {\n  posts {\n    post "主任" 1 holder |', []),
        (
            'body a "A" {\n  posts {\n    group 3 |',
            ["separately", "unstated", "unreadable", "cut-off", "between", "at-most", "at-least", "for-sections"],
        ),
        ('body a "A" {\n  members {\n    member "组长" |', ["post", "of", "person"]),
        (
            'body a "A" {\n  history {\n    event abolished 2018 {\n      verb |',
            [
                *('"组建"', '"新组建"', '"设立"', '"新设立"', '"成立"', '"改制"', '"设置"', '"重新组建"'),
                *('"不再保留"', '"不再设立"', '"撤销"', '"不再保留单设的"'),
                *(
                    '"管理"',
                    '"统一领导"',
                    '"统一领导和管理"',
                    '"领导"',
                    '"加挂"',
                    '"转隶"',
                    '"划入"',
                    '"划转"',
                    '"交由"',
                ),
            ],
        ),
        ('body a "A" {\n  members {\n    member |', ['"组长"', '"副组长"', '"成员"', '"組長"', '"副組長"', '"成員"']),
        ('body a "A" {\n  members {\n    member "组长" of |', ["@a"]),
        ('body a "A" {\n  section b "B"\n  hosts |', ["@a", "@b"]),
        ('body a "A" {\n  section b "B"\n  quota administrative 2 { includes 1 for @|', ["@a", "@b"]),
        ('body a "A" {\n  section "B" {\n    duties {\n      duty "x|', []),
        ('body a "A" {\n  # a comment |', []),
        ('body a "A" {  # a comment\n  |', list(BLOCK_KEYWORDS["body"])),
    ],
)
def test_completion_in_context(marked: str, expected: list[str]) -> None:
    assert _complete(marked) == expected


def test_completion_in_an_event_offers_its_item_and_verb() -> None:
    labels = _complete('body a "A" {\n  history {\n    event abolished 2018 {\n      |')
    assert {"item", "verb"} <= set(labels)
    block = 'body a "A" {\n  function-changes {\n    transferred-in "x" from "B" {\n      '
    assert _complete(block + "|") == ["verb", "item"]
    assert _complete(block + "verb |") == ['"划入"', '"划转"']


def test_completion_in_an_event_offers_what_its_sentence_says_of_the_body() -> None:
    event = 'body a "A" {\n  history {\n    event established 2018 {\n      '
    assert {"as", "rank"} <= set(_complete(event + "|"))
    assert '"组成部门"' in _complete(event + "as |")
    assert '"正处级"' in _complete(event + "rank |")


def test_completion_in_a_relation_or_a_function_change_offers_its_item() -> None:
    # the plan's item that states a relation or a function change: its place in the diff's summary
    assert "item" in _complete('body a "A" {\n  colocated "B" {\n    |')
    assert _complete('body a "A" {\n  function-changes {\n    added "x" {\n      |') == ["verb", "item"]


def test_completion_of_kinds_offers_keywords_and_chinese_terms() -> None:
    labels = _complete('body a "A" {\n  kind |\n}')
    assert labels[:2] == ["constituent-department", "working-department"]
    assert '"工作部门"' in labels
    assert '"工作部門"' in labels
    assert '"正处级"' in _complete('body a "A" {\n  rank |')


def test_keyword_tables_match_what_the_lowering_accepts() -> None:
    from orgspec.lowering.lower import _UNIT_KEYWORDS

    assert BLOCK_KEYWORDS["section"] == tuple(_UNIT_KEYWORDS)
    # every keyword offered inside a body is accepted there: no OS201 for any of them
    for keyword in BLOCK_KEYWORDS["body"]:
        found = orgspec.check_text(f'body "A" {{\n  {keyword}\n}}')
        assert not any(d.code == "OS201" for d in found), keyword
    for keyword in BLOCK_KEYWORDS["event"]:  # as and rank: an established or reestablished event's only
        found = orgspec.check_text(
            f'body "A" {{\n  history {{\n    event established 2001 {{\n      {keyword}\n    }}\n  }}\n}}'
        )
        assert not any(d.code == "OS201" for d in found), keyword


def test_unit_ids_are_found_in_text_that_does_not_parse() -> None:
    assert unit_ids('body a "甲" {\n  section b "乙" {\n  office c "丙"') == {"a": "甲", "b": "乙", "c": "丙"}


ZJ_TEXT = (SPECS / "zhenjiang-fao.orgspec").read_text(encoding="utf-8")


def test_references_from_the_declaration_and_by_name() -> None:
    doc = Document.open("file:///z.orgspec", ZJ_TEXT)
    from_ref = references(doc, _at(ZJ_TEXT, "@yafei"), include_declaration=False)
    from_decl = references(doc, _at(ZJ_TEXT, "yafei"), include_declaration=False)
    assert from_ref == from_decl
    assert len(from_ref) == ZJ_TEXT.count("@yafei")
    with_decl = references(doc, _at(ZJ_TEXT, "@yafei"), include_declaration=True)
    assert with_decl[0].range.start == _at_start(ZJ_TEXT, "yafei")
    assert references(doc, _at(ZJ_TEXT, "kind"), include_declaration=True) == []


def _at_start(text: str, needle: str) -> lsp.Position:
    offset = text.index(needle)
    return lsp.Position(text.count("\n", 0, offset), offset - (text.rfind("\n", 0, offset) + 1))


def test_rename_refuses_what_is_not_an_id_and_a_broken_text() -> None:
    from pygls.exceptions import JsonRpcInvalidParams

    doc = Document.open("file:///z.orgspec", ZJ_TEXT)
    for bad in ("", "处", "a b", "-x"):
        with pytest.raises(JsonRpcInvalidParams):
            rename(doc, _at(ZJ_TEXT, "@yafei"), bad)
    edit = rename(doc, _at(ZJ_TEXT, "@yafei"), "@afro_asia")  # a leading @ is tolerated
    assert edit is not None
    assert {e.new_text for e in (edit.changes or {})["file:///z.orgspec"]} == {"afro_asia"}
    broken = Document.open("file:///b.orgspec", ZJ_TEXT + "\nbody {")
    assert prepare_rename(broken, _at(ZJ_TEXT, "@yafei")) is None


def _apply(text: str, edits: list[lsp.TextEdit]) -> str:
    index = Document.open("file:///t.orgspec", text).lines
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start = index.offset(e.range.start.line, e.range.start.character)
        end = index.offset(e.range.end.line, e.range.end.character)
        text = text[:start] + e.new_text + text[end:]
    return text


def _suppress_action(text: str, needle: str) -> lsp.CodeAction:
    doc = Document.open("file:///s.orgspec", text)
    at = _at_start(text, needle)
    (action,) = [a for a in code_actions(doc, lsp.Range(at, at)) if a.title.startswith("Suppress")]
    return action


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # no comment: the suppression ends the line
        ("  stated sections 3", "  stated sections 3  # orgspec: ignore[OS301] TODO: say why this finding is accepted"),
        # a suppression already there: the code joins it
        (
            "  stated sections 3  # orgspec: ignore[OS303] parts",
            "  stated sections 3  # orgspec: ignore[OS303, OS301] parts",
        ),
        # another comment: the suppression goes alone on the line above
        (
            "  stated sections 3  # as the document says",
            "  # orgspec: ignore[OS301] TODO: say why this finding is accepted\n  stated sections 3  # as the document says",
        ),
    ],
)
def test_suppression_action_placement(line: str, expected: str) -> None:
    text = f'body "A" {{\n{line}\n  section "B" {{\n    duties {{\n      duty "x"\n    }}\n  }}\n}}\n'
    action = _suppress_action(text, "3")
    assert action.edit is not None
    fixed = _apply(text, (action.edit.changes or {})["file:///s.orgspec"])
    assert fixed == text.replace(line, expected)
    assert "OS301" not in {d.code for d in orgspec.check_text(fixed)}


def test_no_suppression_offered_for_syntax_errors() -> None:
    text = 'body "A" {\n  kind\n}\n'
    doc = Document.open("file:///e.orgspec", text)
    at = _at_start(text, "kind")
    assert not [a for a in code_actions(doc, lsp.Range(at, at)) if a.title.startswith("Suppress OS1")]


def test_script_conversion_needs_opencc(monkeypatch: pytest.MonkeyPatch) -> None:
    from orgspec.lsp import edits

    text = 'body "镇江市外事办公室" {\n}\n'
    doc = Document.open("file:///o.orgspec", text)
    at = _at_start(text, "镇")
    titles = [a.title for a in code_actions(doc, lsp.Range(at, at))]
    if edits.converter("s2t") is not None:
        assert titles == ['Convert to traditional characters: "鎮江市外事辦公室"']
    monkeypatch.setattr(edits, "converter", lambda config: None)
    assert code_actions(doc, lsp.Range(at, at)) == []


def test_semantic_tokens_cover_broken_text_and_suppressions() -> None:
    text = 'body a "甲" {  # orgspec: ignore[OS301] why\n  quota administrative 𠀋 3\n  section @x'
    doc = Document.open("file:///t.orgspec", text)
    data = semantic_tokens(text, doc.lines).data
    rows = [data[i : i + 5] for i in range(0, len(data), 5)]
    types = [LEGEND.token_types[r[3]] for r in rows]
    assert types == [
        "keyword",
        "variable",
        "string",
        "comment",
        "keyword",
        "enumMember",
        "number",
        "keyword",
        "variable",
    ]
    assert rows[3][4] == 2  # the suppression comment carries the documentation modifier
    assert rows[6][1] == len("administrative 𠀋 ".encode("utf-16-le")) // 2  # after 𠀋: two UTF-16 units


def test_every_code_links_to_a_heading_of_the_checks_page() -> None:
    from orgspec.codes import CODES

    page = None
    for code in CODES:
        href = docs_href(code)
        assert href is not None
        page_uri, _, anchor = href.partition("#")
        assert anchor == code.lower()
        page = page_uri
    assert page is not None
    from pathlib import Path
    from urllib.parse import urlparse
    from urllib.request import url2pathname

    text = Path(url2pathname(urlparse(page).path)).read_text(encoding="utf-8")
    for code in CODES:
        assert f"\n## {code}\n" in text
    assert docs_href("OS999") is None


@settings(max_examples=60)
@given(spec_like_text.map(lambda t: t.replace("人", "𠀋", 1)))
def test_editing_features_never_raise(text: str) -> None:
    doc = Document.open("file:///any.orgspec", text)
    semantic_tokens(text, doc.lines)
    whole = lsp.Range(lsp.Position(0, 0), lsp.Position(*doc.lines.position(len(text))))
    code_actions(doc, whole)
    for offset in range(0, len(text) + 1, 7):
        position = lsp.Position(*doc.lines.position(offset))
        completions(text, offset, doc.lines)
        references(doc, position, include_declaration=True)
        prepare_rename(doc, position)


def test_the_editors_page_example_does_what_the_page_says() -> None:
    import re

    page = (SPECS.parent / "docs" / "editors.md").read_text(encoding="utf-8")
    text = re.findall(r"```orgspec\n(.*?)```", page, re.DOTALL)[0]
    doc = Document.open("file:///e.orgspec", text)
    assert len(references(doc, _at(text, "mishu"), include_declaration=True)) == 2
    edit = rename(doc, _at(text, "@mishu"), "secretariat")
    assert edit is not None
    assert len((edit.changes or {})["file:///e.orgspec"]) == 2
    assert "@mishu" in _complete(text.replace("sections @mishu", "sections @|"))
    at = _at_start(text, '"某市外事辦公室"')
    titles = [a.title for a in code_actions(doc, lsp.Range(at, at))]
    assert titles == ['Convert to simplified characters: "某市外事办公室"']
    stated = text.replace("quota administrative 12", "stated sections 3")
    doc = Document.open("file:///e.orgspec", stated)
    (finding,) = diagnostics(doc)
    assert finding.code_description is not None
    at = finding.range.start
    titles = [a.title for a in code_actions(doc, lsp.Range(at, at))]
    assert titles == [
        "Change the stated count 3 to 2, the number listed",
        "Suppress OS301 on this line (with a reason to fill in)",
    ]


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            'body a "A" {\n  cut-off |',
            ["page", "sections", "duties", "institutions", "members", "posts", "quotas", "relations", "text"],
        ),
        (
            'body a "A" {\n  posts {\n    post "主任" 1 {\n      |',
            ["includes", "actual", "holder", "across", "optional", "note"],
        ),
        (
            'body a "A" {\n  stands-for 31 {\n    |',
            ["source", "includes", "complete", "member", "placeholder", "also", "note"],
        ),
        (
            'body a "A" {\n  actual |',
            [
                "administrative",
                "public-institution",
                "logistics",
                "dispatched",
                "discipline",
                "other",
                "separately",
                "unstated",
                "unreadable",
                "cut-off",
                "between",
                "at-most",
                "at-least",
            ],
        ),
    ],
)
def test_completion_of_the_issue_13_constructs(marked: str, expected: list[str]) -> None:
    assert _complete(marked) == expected
