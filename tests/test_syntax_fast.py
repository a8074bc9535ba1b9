"""The statement-shape fast path (orgspec.syntax.shape) against lark, and the light syntax nodes."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from orgspec.source import SourceText, Span
from orgspec.syntax import Arg, ArgKind, Comment, Stmt
from orgspec.syntax import parser as syntax_parser
from orgspec.syntax.driver import FastPathError
from orgspec.syntax.shape import RULES, rules_of

from .conftest import FIXTURES, ROOT, SPECS
from .strategies import TOKENS, spec_like_text

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate_text

_SOUP = st.lists(
    st.sampled_from([*TOKENS, " ", "\t", "\u3000", "\u00a0", "#", "# 注释", "\r", ";;", "\n\n  ", "{}", "x.y-z", "@a"]),
    max_size=40,
).map("".join)

#: A small alphabet dense in braces and separators, so that every transition of the loop comes up often.
_SMALL = st.lists(
    st.sampled_from(["a", "b", '"s"', '"\\q"', "1", "2018-03", "@r", '@"n"', "{", "}", ";", "\n", "#c\n", "", "人"]),
    max_size=25,
).flatmap(lambda parts: st.sampled_from([" ", ""]).map(lambda sep: sep.join(parts)))


_WORDS = ["a", "b", '"s"', '"\\q"', "1", "2018-03", "@r", '@"n"', "{", "}", ";", "\n", "#c\n", "人", "{}"]


@st.composite
def _near_valid(draw: st.DrawFn) -> str:
    """Valid statements with blocks, then at most one token inserted, deleted or replaced."""

    def statements(depth: int) -> list[str]:
        out: list[str] = []
        for _ in range(draw(st.integers(0, 3))):
            out.append(draw(st.sampled_from(["a", "b"])))
            out += draw(st.lists(st.sampled_from(['"s"', "1", "2018-03", "@r", '@"n"', "c"]), max_size=2))
            if depth < 2 and draw(st.booleans()):
                out += ["{", *statements(depth + 1), "}"]
            out.append(draw(st.sampled_from([";", "\n", "#c\n"])))
        return out

    tokens = statements(0)
    if tokens and draw(st.booleans()):
        i = draw(st.integers(0, len(tokens) - 1))
        how = draw(st.sampled_from(["insert", "delete", "replace"]))
        word = draw(st.sampled_from(_WORDS))
        if how == "insert":
            tokens.insert(i, word)
        elif how == "delete":
            del tokens[i]
        else:
            tokens[i] = word
    return draw(st.sampled_from([" ", ""])).join(tokens)


def _grammar_texts() -> st.SearchStrategy[str]:
    import lark
    from hypothesis.extra.lark import from_lark

    grammar = lark.Lark(syntax_parser._GRAMMAR, parser="lalr", lexer="contextual")
    return from_lark(grammar, explicit={"INT": st.sampled_from(["0", "21", "-3", "２１"])})


def _lark(text: str) -> tuple[object, object, list[tuple[object, ...]]]:
    """What lark itself reads: the statements, the comments and the diagnostics (code, message, span)."""
    previous = syntax_parser._use_fast_path
    syntax_parser._use_fast_path = False
    try:
        doc, diags = syntax_parser.parse_document(SourceText(text, "t.orgspec"))
    finally:
        syntax_parser._use_fast_path = previous
    return doc.statements, doc.comments, [(d.code, d.message, d.span) for d in diags]


def _shape(text: str) -> tuple[object, object, list[tuple[object, ...]]] | None:
    """What the shape loop alone reads, without any fallback; None when it hands the text on."""
    syntax_parser._get_parser()
    loop = syntax_parser._shape
    assert loop is not None
    state = syntax_parser._State(SourceText(text, "t.orgspec"))
    syntax_parser._local.state = state
    try:
        statements = loop.parse(text)
    except FastPathError:
        return None
    finally:
        syntax_parser._local.state = None
    return statements, tuple(state.comments), [(d.code, d.message, d.span) for d in state.diagnostics]


def test_the_shape_loop_is_on_for_this_grammar() -> None:
    """If grammar.lark changes, the loop switches itself off and this test asks for RULES and the loop to follow."""
    syntax_parser._get_parser()
    lalr = syntax_parser._get_parser().parser.parser.parser  # type: ignore[attr-defined]
    assert rules_of(list(lalr.callbacks)) == RULES
    assert syntax_parser._shape is not None


def test_the_shape_loop_reads_every_fixture_and_spec_as_lark_does() -> None:
    paths = sorted((FIXTURES / "checks").rglob("*.orgspec")) + sorted(SPECS.glob("*.orgspec"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    texts += [generate_text(200), "", ";", "# c", "a\n#c\n{", 'body "a" { ; ; }', "a {} b", "}", "a { b } }"]
    for text in texts:
        lark_view = _lark(text)
        shape_view = _shape(text)
        if shape_view is None:
            assert "\\" in text or any(d[0] in ("OS102", "OS103", "OS104", "OS105") for d in lark_view[2]), text
        else:
            assert shape_view == lark_view, text


@settings(max_examples=400)
@given(st.one_of(_near_valid(), _SMALL, _SOUP, spec_like_text, _grammar_texts()))
def test_the_shape_loop_accepts_what_lark_accepts_and_builds_the_same_nodes(text: str) -> None:
    """Alone, the loop reads a text exactly when lark reads it without a syntax error, into the same nodes.

    (Except a text with a backslash, which it always hands on, so that escape diagnostics keep lark's order.)
    """
    lark_view = _lark(text)
    syntax_error = any(d[0] in ("OS102", "OS103", "OS104", "OS105") for d in lark_view[2])
    shape_view = _shape(text)
    if syntax_error or "\\" in text:
        assert shape_view is None
    else:
        assert shape_view == lark_view
        assert [type(s) for s in shape_view[0]] == [type(s) for s in lark_view[0]]  # type: ignore[attr-defined]


def test_light_nodes_keep_their_public_fields_and_spans() -> None:
    arg = Arg(ArgKind.STRING, "外事辦", Span(5, 10))
    assert (arg.kind, arg.value, arg.span, arg.start, arg.end) == (ArgKind.STRING, "外事辦", Span(5, 10), 5, 10)
    stmt = Stmt("body", Span(0, 4), (arg,), None, Span(0, 10))
    assert (stmt.keyword, stmt.keyword_span, stmt.args, stmt.block, stmt.span) == (
        "body",
        Span(0, 4),
        (arg,),
        None,
        Span(0, 10),
    )
    comment = Comment("# c", Span(11, 14))
    assert (comment.text, comment.span) == ("# c", Span(11, 14))
    for node in (arg, stmt, comment):
        assert pickle.loads(pickle.dumps(node)) == node
        assert type(pickle.loads(pickle.dumps(node))) is type(node)
    assert repr(arg) == "Arg(kind=<ArgKind.STRING: 'string'>, value='外事辦', span=Span(start=5, end=10))"
    assert "keyword='body'" in repr(stmt)
    assert hash(stmt) == hash(Stmt("body", Span(0, 4), (arg,), None, Span(0, 10)))


def test_a_first_check_reads_the_shape_without_importing_lark_once_the_tokens_are_kept(tmp_path: Path) -> None:
    """Start-up: the token pattern lark produced is kept, so the next process reads a well-formed file without lark.

    A malformed file still gets lark's diagnostic, and a corrupt or stale record is ignored.
    """
    spec = tmp_path / "a.orgspec"
    spec.write_text((SPECS / "zhenjiang-fao.orgspec").read_text(encoding="utf-8"), encoding="utf-8")
    bad = tmp_path / "bad.orgspec"
    bad.write_text('body "A" {\n', encoding="utf-8")
    env = {**os.environ, "ORGSPEC_CACHE_DIR": str(tmp_path / "cache")}
    probe = (
        "import sys\n"
        "from orgspec.cli.main import main\n"
        "code = main(['check', '--no-cache', '--quiet', sys.argv[1]])\n"
        "print(code, 'lark' in sys.modules)\n"
    )

    def run(path: Path) -> str:
        done = subprocess.run([sys.executable, "-c", probe, str(path)], env=env, capture_output=True, text=True)
        assert done.returncode in (0, 1), done.stderr
        return done.stdout.split("\n")[-2]

    assert run(spec) == "0 True"  # the first run builds lark's tables and keeps the token pattern
    record = tmp_path / "cache" / "grammar-tokens.json"
    assert json.loads(record.read_text(encoding="utf-8"))["pattern"]
    assert run(spec) == "0 False"
    assert run(bad) == "1 True"  # any doubt: lark reads the text and reports the error
    record.write_text("{not json", encoding="utf-8")
    assert run(spec) == "0 True"  # a corrupt record is ignored and written again
    assert run(spec) == "0 False"
    data = json.loads(record.read_text(encoding="utf-8"))
    record.write_text(json.dumps({**data, "key": "stale", "pattern": "(?P<orgspec_end>)"}), encoding="utf-8")
    assert run(spec) == "0 True"  # a record for another grammar or lark is not used


def test_statements_handed_over_before_a_doubt_are_not_handed_twice() -> None:
    # The shape loop hands the first bodies over, then meets what it does not read (an unclosed
    # block, a stray token); the next reader starts again and must hand only the rest.
    from orgspec.api import analyze

    good = "".join(f'body b{i} "机关{i}" {{\n  section "处{i}"\n}}\n' for i in range(5))
    for tail in ('body x "未完" {\n  section "处"\n', 'body y "乙" {\n  rank "正处级" @@\n}\n', 'section "游离"\n'):
        text = good + tail
        kept = analyze(text, "a.orgspec")
        lean = analyze(text, "a.orgspec", keep_tree=False)
        assert [(d.code, d.line, d.column) for d in lean.diagnostics] == [
            (d.code, d.line, d.column) for d in kept.diagnostics
        ]
        assert lean.spec == kept.spec
