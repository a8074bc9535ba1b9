"""The compiled front end prototype (bench/compiled_front) against lark: tables, token streams, nodes.

The extension is built by this module in a temporary folder (a few seconds with gcc), so CI
exercises it; without a C compiler and Python's headers the tests that need it are skipped locally
and fail under CI. The prototype is not part of the package: nothing in ``src/`` imports it.
"""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgspec.syntax import parser as syntax_parser

from .conftest import ROOT, require
from .strategies import spec_like_text
from .test_syntax_fast import _SMALL, _SOUP, _grammar_texts, _lark, _near_valid

FRONT = ROOT / "bench" / "compiled_front"
sys.path.insert(0, str(FRONT))
import gen_tables  # noqa: E402
from gen_tables import UnsupportedError  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate_text  # noqa: E402

_SYNTAX_ERRORS = ("OS102", "OS103", "OS104", "OS105")


def _compiler() -> bool:
    cc = (sysconfig.get_config_var("CC") or "cc").split()[0]
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    return shutil.which(cc) is not None and headers.exists()


@pytest.fixture(scope="module")
def front(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """The prototype, compiled from the committed tables into a temporary folder and imported."""
    require(_compiler(), "no C compiler and Python headers to build bench/compiled_front")
    require(importlib.util.find_spec("setuptools") is not None, "setuptools is not installed")
    out = tmp_path_factory.mktemp("compiled_front")
    done = subprocess.run(
        [sys.executable, str(FRONT / "build.py"), "--no-generate", "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    sys.path.insert(0, str(out))
    try:
        for name in ("orgfront", "_orgfront"):
            sys.modules.pop(name, None)
        module = importlib.import_module("orgfront")
    finally:
        sys.path.remove(str(out))
    assert Path(module._orgfront.__file__).parent == out
    return module


# ---- the generated tables -------------------------------------------------------------------------


def test_the_committed_tables_are_those_lark_gives_for_grammar_lark() -> None:
    """Regenerated from grammar.lark through lark: run bench/compiled_front/generate.py when this fails."""
    expected = gen_tables.render(syntax_parser._GRAMMAR)
    assert (FRONT / "_orgfront_tables.h").read_text(encoding="utf-8") == expected


def test_the_tables_follow_the_grammar_and_refuse_what_the_engine_cannot_read() -> None:
    grammar = syntax_parser._GRAMMAR
    assert gen_tables.render(grammar.replace("INT.2:", "INT.4:")) != gen_tables.render(grammar)
    with pytest.raises(UnsupportedError, match="regex construct"):
        gen_tables.render(grammar.replace("IDENT.1: /[A-Za-z_][A-Za-z0-9_.\\-]*/", "IDENT.1: /[A-Za-z_]\\w*?/"))
    with pytest.raises(UnsupportedError, match="no node builder"):
        gen_tables.render(grammar.replace("block: LBRACE", "block: opening") + "\nopening: LBRACE\n")


#: Overlapping terminals, in priority order (grammar.lark's never overlap at one position, so its
#: tables alone would not show that the first terminal that matches wins, whatever the lengths).
_OVERLAPPING = [
    ("KW", r"ab(?![a-z])"),
    ("WORD", r"[a-z]+"),
    ("A", r"a"),
    ("DATE", r"[0-9]{1,2}(-[0-9])?(?![0-9])"),
    ("NUM", r"\d+"),
    ("WS", r"[ \u3000]+"),
]
_OVERLAPPING_LEXER = gen_tables.build_lexer(_OVERLAPPING)


def _class_of(lexer: dict[str, Any], ch: str) -> int:
    import bisect

    runs = lexer["runs"]
    return int(runs[bisect.bisect_right([r[0] for r in runs], ord(ch)) - 1][2])


def _dfa_token(lexer: dict[str, Any], text: str, pos: int) -> tuple[int, int] | None:
    """Read one token with the generated tables, as scan_one in _orgfront.c does: (terminal, end) or None."""
    end_class = lexer["nclasses"]
    state, q, last = 1, pos, {}
    while True:
        c = _class_of(lexer, text[q]) if q < len(text) else end_class
        for t in lexer["accepts"][state]:
            if c == end_class or not lexer["lookahead"][t][c]:
                last[t] = q
        if c == end_class:
            break
        state = lexer["trans"][state][c]
        if not state:
            break
        q += 1
    return (min(last), last[min(last)]) if last else None


@given(st.text(st.sampled_from(list("ab c1-2\u3000\u0663")), max_size=12), st.data())
def test_the_dfa_reads_like_pythons_ordered_alternation(text: str, data: st.DataObject) -> None:
    pattern = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in _OVERLAPPING))
    names = [name for name, _ in _OVERLAPPING]
    pos = data.draw(st.integers(0, len(text)))
    m = pattern.match(text, pos)
    expected = None if m is None or m.end() == pos else (names.index(m.lastgroup or ""), m.end())
    assert _dfa_token(_OVERLAPPING_LEXER, text, pos) == expected


# ---- the extension against lark -------------------------------------------------------------------


def _lark_tokens() -> Any:
    import lark

    return lark.Lark(syntax_parser._GRAMMAR, parser="lalr", lexer="basic")


_LARK_BASIC = _lark_tokens()


def _lark_token_view(text: str) -> list[tuple[str, int, int]] | None:
    from lark.exceptions import UnexpectedCharacters

    try:
        return [(t.type, t.start_pos, t.end_pos) for t in _LARK_BASIC.lex(text)]  # type: ignore[misc]
    except UnexpectedCharacters:
        return None


def _check_nodes(front: ModuleType, text: str) -> None:
    """The prototype reads ``text`` exactly when the shape loop would, into lark's nodes and comments."""
    statements, comments, diagnostics = _lark(text)
    mine = front.parse(text)
    if "\\" in text or any(d[0] in _SYNTAX_ERRORS for d in diagnostics):
        assert mine is None, text
    else:
        assert diagnostics == []
        assert mine == (statements, comments), text
        assert [type(s) for s in mine[0]] == [type(s) for s in statements]  # type: ignore[attr-defined]


#: Arbitrary characters next to the grammar's: other scripts' digits and letters (\d and \w are Unicode),
#: astral ones, the separators and the characters of every terminal.
_CHARS = st.text(
    st.one_of(
        st.characters(),
        st.sampled_from(list('0123456789-+._@"\\{};#\n\r\t \u3000\u00a0\u0663\u0967\U0001d7d9\uff12abcXYZ人')),
    ),
    max_size=40,
)


@settings(max_examples=400)
@given(st.one_of(_SOUP, _SMALL, _CHARS, spec_like_text, _grammar_texts()))
def test_the_token_stream_is_larks(front: ModuleType, text: str) -> None:
    """Tokens (ignored ones dropped), or None where lark's lexer finds a character no terminal matches."""
    assert front.tokens(text) == _lark_token_view(text)
    expected = _lark_token_view(text)
    assert front.scan(text) == (-1 if expected is None else len(expected))


@settings(max_examples=400)
@given(st.one_of(_near_valid(), _SMALL, _SOUP, spec_like_text, _grammar_texts(), _CHARS))
def test_the_prototype_builds_larks_nodes(front: ModuleType, text: str) -> None:
    """Alone, it reads a text exactly when lark reads it without a syntax error, into the same nodes."""
    _check_nodes(front, text)


def test_the_prototype_reads_every_spec_of_the_repository_as_lark_does(front: ModuleType) -> None:
    paths = sorted(p for folder in ("specs", "examples", "tests") for p in (ROOT / folder).rglob("*.orgspec"))
    assert len(paths) > 60
    read = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        _check_nodes(front, text)
        read += front.parse(text) is not None
    for text in (generate_text(300), generate_text(40, seed=7), "", ";", "# c", "a {} b", "a { b } }", "a\n#c\n{"):
        _check_nodes(front, text)
    assert read > len(paths) * 0.9  # the real specs are read, not handed on


def test_the_prototype_needs_configuring_and_a_str(front: ModuleType) -> None:
    with pytest.raises(TypeError):
        front.parse(b"body")
    assert front.terminals()[0] == "DATE"
