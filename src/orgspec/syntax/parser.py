"""Drive lark over the grammar and turn its results and errors into nodes and diagnostics.

lark runs as an LALR parser with the contextual lexer and an inline
transformer, so no ``lark.Tree`` is ever built: each rule is reduced straight
into a frozen node of :mod:`orgspec.syntax.nodes`. The parser is iterative, so
deep nesting cannot overflow Python's stack here. Every lark exception is
caught and reported as a located diagnostic.

This is the only module that imports lark.

Imports: lark, :mod:`orgspec.syntax.nodes`, :mod:`orgspec.source`,
:mod:`orgspec.diagnostics`, :mod:`orgspec.limits`.
"""

from __future__ import annotations

import hashlib
import re
import threading
from importlib import resources
from pathlib import Path
from typing import Any

import lark
from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from orgspec import limits
from orgspec.diagnostics import Diagnostic, Related
from orgspec.source import SourceText, Span
from orgspec.syntax.nodes import Arg, ArgKind, Comment, Document, Stmt

__all__ = ["parse_document"]

_TERMINAL_NAMES = {
    "IDENT": "a keyword or identifier",
    "STRING": "a quoted string",
    "INT": "a number",
    "DATE": "a date",
    "REF": "a reference such as @id",
    "NAMEREF": 'a reference such as @"name"',
    "LBRACE": "'{'",
    "RBRACE": "'}'",
    "SEMICOLON": "';'",
    "_NL": "a line break",
    "$END": "the end of the file",
}

_ARG_KINDS = {
    "STRING": ArgKind.STRING,
    "INT": ArgKind.INT,
    "DATE": ArgKind.DATE,
    "IDENT": ArgKind.IDENT,
    "REF": ArgKind.REF,
    "NAMEREF": ArgKind.NAMEREF,
}

_ESCAPE = re.compile(r"\\(u\{[0-9A-Fa-f]{1,6}\}|.)", re.DOTALL)
_SIMPLE_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r"}


class _State:
    """Per-parse collectors; the parser object is shared, so these are swapped per call."""

    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.diagnostics: list[Diagnostic] = []
        self.comments: list[Comment] = []


_local = threading.local()


def _state() -> _State:
    state: _State = _local.state
    return state


def _unescape(raw: str, start: int) -> str:
    """Decode the body of a string literal; report unknown escapes and keep them as written."""
    if "\\" not in raw:
        return raw

    def replace(m: re.Match[str]) -> str:
        esc = m.group(1)
        if esc in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[esc]
        if esc.startswith("u{"):
            cp = int(esc[2:-1], 16)
            if cp <= 0x10FFFF and not 0xD800 <= cp <= 0xDFFF:
                return chr(cp)
        state = _state()
        span = Span(start + m.start(), start + m.end())
        state.diagnostics.append(
            Diagnostic(
                "OS107",
                f"unknown escape '\\{esc}' in a string",
                span,
                state.source,
                hint='write "\\\\" for a backslash; known escapes are \\" \\\\ \\n \\t \\u{XXXX}',
            )
        )
        return m.group(0)

    return _ESCAPE.sub(replace, raw)


class _ToNodes(Transformer[Token, Any]):
    """Reduce each grammar rule into a syntax node as the LALR parser goes."""

    def arg(self, children: list[Token]) -> Arg:
        tok = children[0]
        kind = _ARG_KINDS[tok.type]
        start = tok.start_pos or 0
        span = Span(start, tok.end_pos or start)
        text = str(tok)
        if kind is ArgKind.STRING:
            value = _unescape(text[1:-1], start + 1)
        elif kind is ArgKind.NAMEREF:
            value = _unescape(text[2:-1], start + 2)
        elif kind is ArgKind.REF:
            value = text[1:]
        else:
            value = text
        return Arg(kind, value, span)

    def block(self, children: list[Any]) -> tuple[Span, tuple[Stmt, ...]]:
        open_tok: Token = children[0]
        close_tok: Token = children[-1]
        return (Span(open_tok.start_pos or 0, close_tok.end_pos or 0), tuple(children[1:-1]))

    def stmt(self, children: list[Any]) -> Stmt:
        kw: Token = children[0]
        kw_span = Span(kw.start_pos or 0, kw.end_pos or 0)
        block: tuple[Stmt, ...] | None = None
        end = kw_span.end
        if children and isinstance(children[-1], tuple):
            block_span, block = children.pop()
            end = block_span.end
        args = tuple(children[1:])
        if args and args[-1].span.end > end:
            end = args[-1].span.end
        return Stmt(str(kw), kw_span, args, block, Span(kw_span.start, end))

    def start(self, children: list[Stmt]) -> tuple[Stmt, ...]:
        return tuple(children)


def _on_comment(tok: Token) -> Token:
    start = tok.start_pos or 0
    _state().comments.append(Comment(str(tok), Span(start, tok.end_pos or start)))
    return tok


_GRAMMAR = resources.files("orgspec.syntax").joinpath("grammar.lark").read_text(encoding="utf-8")
_parser: Lark | None = None
_parser_lock = threading.Lock()


def _cache_file() -> str | bool:
    """Return a per-user cache path for lark's compiled tables, or False to build in memory."""
    try:
        from orgspec.cache import cache_dir

        digest = hashlib.sha256((_GRAMMAR + lark.__version__).encode()).hexdigest()[:16]
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        return str(Path(folder) / f"grammar-{digest}.lark-cache")
    except OSError:
        return False


def _get_parser() -> Lark:
    global _parser
    if _parser is None:
        with _parser_lock:
            if _parser is None:
                _parser = Lark(
                    _GRAMMAR,
                    parser="lalr",
                    lexer="contextual",
                    transformer=_ToNodes(),
                    lexer_callbacks={"COMMENT": _on_comment},
                    maybe_placeholders=False,
                    cache=_cache_file(),
                )
    return _parser


def _describe_expected(expected: set[str] | frozenset[str] | list[str]) -> str:
    names = sorted({_TERMINAL_NAMES.get(t, repr(t)) for t in expected if not t.startswith("__")})
    if not names:
        return "nothing more"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " or " + names[-1]


def _open_brace_before(text: str, end: int) -> int | None:
    """Return the offset of the innermost '{' still open at ``end`` (strings and comments skipped)."""
    stack: list[int] = []
    i = 0
    while i < end:
        ch = text[i]
        if ch == '"':
            i += 1
            while i < end and text[i] not in '"\n\r':
                i += 2 if text[i] == "\\" else 1
        elif ch == "#":
            while i < end and text[i] not in "\n\r":
                i += 1
        elif ch == "{":
            stack.append(i)
        elif ch == "}" and stack:
            stack.pop()
        i += 1
    return stack[-1] if stack else None


def _error_diagnostic(err: UnexpectedInput, source: SourceText) -> Diagnostic:
    text = source.text
    if isinstance(err, UnexpectedCharacters):
        pos: int = err.pos_in_stream or 0
        ch = text[pos] if pos < len(text) else ""
        if ch == '"' or (ch == "@" and text[pos + 1 : pos + 2] == '"'):
            line_end = pos
            while line_end < len(text) and text[line_end] not in "\n\r":
                line_end += 1
            return Diagnostic(
                "OS104",
                "this string is not closed before the end of the line",
                Span(pos, line_end),
                source,
                hint='close it with "; strings cannot span lines (write \\n for a line break)',
            )
        if ch.isdigit() and not ch.isascii():
            what = f"full-width digit {ch!r}"
        elif ch.isprintable() and not ch.isspace():
            what = f"character {ch!r}"
        else:
            what = f"character U+{ord(ch):04X}" if ch else "end of input"
        hint: str | None = "names and text go in double quotes; identifiers are ASCII letters, digits, _ - ."
        if ch in "“”「」『』":
            hint = 'strings use ASCII double quotes "…"; Chinese quotation marks may appear inside them'
        return Diagnostic("OS102", f"unexpected {what}", Span(pos, pos + (1 if ch else 0)), source, hint=hint)
    if isinstance(err, UnexpectedToken):
        tok = err.token
        expected = _describe_expected(err.expected)
        if tok.type == "$END":
            opened = _open_brace_before(text, len(text))
            related: tuple[Related, ...] = ()
            if opened is not None:
                related = (Related("this block is still open", Span(opened, opened + 1), source),)
            end = len(text)
            return Diagnostic(
                "OS105",
                f"the file ends where {expected} was expected",
                Span(end, end),
                source,
                hint="add the missing '}'" if opened is not None else None,
                related=related,
            )
        start = tok.start_pos or 0
        found = _TERMINAL_NAMES.get(tok.type, repr(tok.type))
        if tok.type in ("IDENT", "STRING", "INT", "DATE", "REF", "NAMEREF"):
            found = f"{found} {str(tok)!r}"
        hint = None
        if tok.type == "RBRACE":
            hint = "there is a '}' with no '{' to close"
        elif tok.type in ("STRING", "INT", "DATE", "REF", "NAMEREF"):
            hint = "a statement starts with a keyword; is the previous line missing its keyword?"
        elif tok.type == "LBRACE":
            hint = "a block follows a statement's keyword and arguments on the same line"
        return Diagnostic(
            "OS103",
            f"expected {expected}, found {found}",
            Span(start, tok.end_pos or start),
            source,
            hint=hint,
        )
    if isinstance(err, UnexpectedEOF):  # pragma: no cover - LALR reports $END as a token
        end = len(text)
        return Diagnostic("OS105", "the file ends too early", Span(end, end), source)
    raise TypeError(err)  # pragma: no cover


def parse_document(source: SourceText) -> tuple[Document, list[Diagnostic]]:
    """Parse one source text into a :class:`Document` and the diagnostics of reading it.

    Never raises on user input: on a syntax error the document holds no
    statements and the diagnostics say where and why.
    """
    text = source.text
    diagnostics: list[Diagnostic] = []
    if len(text) > limits.MAX_FILE_CHARS:
        diagnostics.append(
            Diagnostic(
                "OS106",
                f"the file has {len(text):,} characters; the limit is {limits.MAX_FILE_CHARS:,}",
                Span(0, 0),
                source,
                hint="split the spec into several files",
            )
        )
        return Document((), (), source), diagnostics
    state = _State(source)
    _local.state = state
    try:
        statements: tuple[Stmt, ...] = _get_parser().parse(text)  # type: ignore[assignment]
    except UnexpectedInput as err:
        state.diagnostics.append(_error_diagnostic(err, source))
        statements = ()
    finally:
        _local.state = None
    diagnostics.extend(state.diagnostics)
    return Document(statements, tuple(state.comments), source), diagnostics
