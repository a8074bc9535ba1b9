"""Drive lark over the grammar and turn its results and errors into nodes and diagnostics.

lark runs as an LALR parser with the contextual lexer and an inline
transformer, so no ``lark.Tree`` is ever built: each rule is reduced straight
into a frozen node of :mod:`orgspec.syntax.nodes`. The parser is iterative, so
deep nesting cannot overflow Python's stack here. Every lark exception is
caught and reported as a located diagnostic.

Three readers, fastest first, each handing the text to the next on any doubt:
the statement-shape loop (:mod:`orgspec.syntax.shape`), lark's tables driven
by :mod:`orgspec.syntax.driver`, and lark itself, which reports every syntax
error. All three build the same nodes. The shape loop's token pattern, which
lark produced, is kept in the user's cache folder, so that a well-formed file
is read without importing lark at all (start-up).

lark is imported here (and, for its parse-table type, in the driver) only
when it runs.

Imports: lark (lazily), :mod:`orgspec.syntax.nodes`, :mod:`orgspec.syntax.shape`, :mod:`orgspec.source`,
:mod:`orgspec.diagnostics`, :mod:`orgspec.limits`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import threading
from collections.abc import Callable
from importlib import util
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orgspec import limits
from orgspec.diagnostics import Diagnostic, Related
from orgspec.source import SourceText, Span
from orgspec.syntax.driver import END, Driver, FastPathError, UnsupportedGrammarError
from orgspec.syntax.nodes import Arg, ArgKind, Comment, Document, Stmt
from orgspec.syntax.shape import ARG_TERMINALS, RULES, StatementLoop, rules_of

if TYPE_CHECKING:
    from lark import Lark, Token
    from lark.exceptions import UnexpectedInput

__all__ = ["comments_so_far", "parse_document"]

_TERMINAL_NAMES = {
    "IDENT": "a keyword or identifier",
    "STRING": "a quoted string",
    "INT": "a number",
    "DATE": "a date",
    "REF": "a reference such as @id",
    "NAMEREF": 'a reference such as @"name"',
    "LBRACE": "'{'",
    "RBRACE": "'}'",
    "_SEP": "a line break or ';'",
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

#: Use the fast paths (False: lark's own loop, for comparison tests).
_use_fast_path = True
#: Try the statement-shape loop of :mod:`orgspec.syntax.shape` first (False: lark's tables, driven).
_use_shape = True


def _state() -> _State:
    state: _State = _local.state
    return state


def comments_so_far() -> list[Comment]:
    """Return the comments read so far by the parse running in this thread, in the order of the text.

    For a consumer of :func:`parse_document`'s ``on_top`` (the streaming formatter):
    when a top-level statement is handed over, every comment that starts before its
    end has been read. The list is the parser's own and grows as it reads (a reader
    that hands over to the next one starts a new list, which reads the same comments
    again); it must not be changed. Outside a parse: an empty list.
    """
    state: _State | None = getattr(_local, "state", None)
    return state.comments if state is not None else []


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


_intern = sys.intern
_STRING, _NAMEREF, _REF = ArgKind.STRING, ArgKind.NAMEREF, ArgKind.REF
#: The argument terminals for the shape loop: the kind, and the characters the value drops at each end
#: (the same values as :func:`_make_arg` gives for text without a backslash).
_SHAPE_ARGS: dict[str, tuple[Any, int, int]] = {
    "STRING": (ArgKind.STRING, 1, 1),
    "NAMEREF": (ArgKind.NAMEREF, 2, 1),
    "REF": (ArgKind.REF, 1, 0),
    "INT": (ArgKind.INT, 0, 0),
    "DATE": (ArgKind.DATE, 0, 0),
    "IDENT": (ArgKind.IDENT, 0, 0),
}
_new = tuple.__new__


def _make_arg(kind_name: str, text: str, start: int, end: int) -> Arg:
    kind = _ARG_KINDS[kind_name]
    # Strings are interned: names, ranks, labels and many duties recur, and the model keeps them
    # all (a tenth of the memory of a large spec; docs/performance.md).
    if kind is _STRING:
        value = _intern(_unescape(text[1:-1], start + 1) if "\\" in text else text[1:-1])
    elif kind is _NAMEREF:
        value = _intern(_unescape(text[2:-1], start + 2))
    elif kind is _REF:
        value = text[1:]
    else:
        value = text
    arg: Arg = _new(Arg, (kind, value, start, end))
    return arg


class _BlockValue:
    """The value of a reduced block: its end offset and statements (told apart from tokens by type)."""

    __slots__ = ("end", "statements")

    def __init__(self, end: int, statements: tuple[Stmt, ...]) -> None:
        self.end = end
        self.statements = statements


def _make_block(open_start: int, close_end: int, statements: list[Stmt]) -> _BlockValue:
    return _BlockValue(close_end, tuple(statements))


def _make_stmt(keyword: str, kw_start: int, kw_end: int, args: tuple[Arg, ...], last: Any) -> Stmt:
    """Build a statement from its keyword, its arguments and its last child (a block value, or not)."""
    stmt: Stmt
    if type(last) is _BlockValue:
        stmt = _new(Stmt, (keyword, kw_start, kw_end, args, last.statements, kw_start, last.end))
    else:
        stmt = _new(Stmt, (keyword, kw_start, kw_end, args, None, kw_start, args[-1][3] if args else kw_end))
    return stmt


def _to_nodes() -> Any:
    """Return lark's inline transformer into syntax nodes (lark imported only when lark itself runs)."""
    from lark import Token, Transformer

    class ToNodes(Transformer[Token, Any]):
        """Reduce each grammar rule into a syntax node as lark's LALR parser goes."""

        block = staticmethod(_lark_block)
        stmt = staticmethod(_lark_stmt)
        start = staticmethod(_lark_start)

    return ToNodes()


class _LarkReducers:
    """The node builders of lark's own loop (see :func:`_to_nodes`)."""

    def block(self, children: list[Any]) -> _BlockValue:
        open_tok: Token = children[0]
        close_tok: Token = children[-1]
        return _make_block(open_tok.start_pos or 0, close_tok.end_pos or 0, children[1:-1])

    def stmt(self, children: list[Any]) -> Stmt:
        kw: Token = children[0]
        args = tuple(
            _make_arg(tok.type, str(tok), tok.start_pos or 0, tok.end_pos or 0)
            for tok in children[1:]
            if type(tok) is not _BlockValue
        )
        return _make_stmt(_intern(str(kw)), kw.start_pos or 0, kw.end_pos or 0, args, children[-1])

    def start(self, children: list[Stmt]) -> tuple[Stmt, ...]:
        return tuple(children)


_lark_reducers = _LarkReducers()
_lark_block = _lark_reducers.block
_lark_stmt = _lark_reducers.stmt
_lark_start = _lark_reducers.start


# ---- the fast path: the same nodes from lark's tables, driven by orgspec.syntax.driver ----------


def _fast_block(children: list[Any]) -> _BlockValue:
    return _make_block(children[0][2], children[-1][3], children[1:-1])


def _fast_stmt(children: list[Any]) -> Stmt:
    _, keyword, kw_start, kw_end = children[0]
    keyword = _intern(keyword)
    last = children[-1]
    stop = len(children) - 1 if type(last) is _BlockValue else len(children)
    args = tuple([_make_arg(*tok) for tok in children[1:stop]])
    return _make_stmt(keyword, kw_start, kw_end, args, last)


def _fast_start(children: list[Any]) -> tuple[Stmt, ...]:
    return tuple(c for c in children if c is not None)  # None: a statement handed over while parsing


_FAST_BUILDERS: dict[str, Callable[[list[Any]], Any]] = {
    "block": _fast_block,
    "stmt": _fast_stmt,
    "start": _fast_start,
}


def _make_driver(parser: Lark) -> Driver | None:
    """Return a fast driver over ``parser``'s own scanner and tables, or None if its shape is unexpected."""
    try:
        lk: Any = parser
        lexer = lk.parser.lexer
        root = lexer.root_lexer
        mres = root.scanner._mres
        if len(mres) != 1 or set(root.callback) - {"_SEP"}:
            return None
        lalr = lk.parser.parser.parser
        if any(isinstance(rule, str) for rule in lalr.callbacks):
            return None  # terminal callbacks: not supported by the fast path
        table = lalr.parse_table
        return Driver.from_lark(
            scanner=mres[0],
            ignore=frozenset(root.ignore_types),
            ignore_patterns={t.name: t.pattern.to_regexp() for t in root.terminals if t.name in root.ignore_types},
            states=table.states,
            start_state=table.start_states["start"],
            end_state=table.end_states["start"],
            rules=list(lalr.callbacks),
            builders=_FAST_BUILDERS,
            on_token={"_SEP": _fast_separator},
        )
    except (AttributeError, KeyError, TypeError, UnsupportedGrammarError):  # pragma: no cover - another lark version
        return None


def _make_shape(parser: Lark, driver: Driver | None) -> StatementLoop | None:
    """Return the statement-shape loop over the driver's tokens, or None if lark's rules are not its shape."""
    if driver is None:
        return None
    lk: Any = parser
    if rules_of(list(lk.parser.parser.parser.callbacks)) != RULES or set(_SHAPE_ARGS) != ARG_TERMINALS:
        return None
    return StatementLoop(driver.tokens, end=END, arg_kinds=_SHAPE_ARGS, on_separator=_fast_separator)


_COMMENT = re.compile(r"#[^\n\r]*")


def _fast_separator(text: str, start: int, end: int) -> None:
    """Collect the comments inside one separator token (see ``_SEP`` in the grammar)."""
    if "#" in text:
        comments = _state().comments
        for m in _COMMENT.finditer(text):
            comments.append(_new(Comment, (m.group(), start + m.start(), start + m.end())))


def _on_separator(tok: Token) -> Token:
    _fast_separator(str(tok), tok.start_pos or 0, tok.end_pos or 0)
    return tok


def _read_grammar() -> str:
    """Return the grammar's text: the file beside this module, else through importlib.resources (a zipped install).

    Importing importlib.resources costs more start-up than reading a small spec (it imports zipfile and tempfile).
    """
    try:
        return (Path(__file__).parent / "grammar.lark").read_text(encoding="utf-8")
    except OSError:  # pragma: no cover - installed as a zip archive
        from importlib import resources

        return resources.files("orgspec.syntax").joinpath("grammar.lark").read_text(encoding="utf-8")


_GRAMMAR = _read_grammar()
_parser: Lark | None = None
_driver: Driver | None = None
_shape: StatementLoop | None = None
_parser_lock = threading.Lock()


def _cache_file() -> str | bool:
    """Return a per-user cache path for lark's compiled tables, or False to build in memory."""
    try:
        import lark

        from orgspec.cache import cache_dir

        digest = hashlib.sha256((_GRAMMAR + lark.__version__).encode()).hexdigest()[:16]
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        return str(Path(folder) / f"grammar-{digest}.lark-cache")
    except OSError:
        return False


def _get_parser() -> Lark:
    global _parser, _driver, _shape
    if _parser is None:
        with _parser_lock:
            if _parser is None:
                from lark import Lark

                parser = Lark(
                    _GRAMMAR,
                    parser="lalr",
                    lexer="contextual",
                    transformer=_to_nodes(),
                    lexer_callbacks={"_SEP": _on_separator},
                    maybe_placeholders=False,
                    cache=_cache_file(),
                )
                _driver = _make_driver(parser)
                _shape = _make_shape(parser, _driver)
                _parser = parser
                _save_tokens(_shape)
    return _parser


# ---- start-up: the shape loop without importing lark ----------------------------------------------
#
# lark's import and its table cache cost about 35 ms of CPU, a sixth of checking one small file. The
# shape loop needs only the driver's token regex, so the pattern lark produced is kept in the user's
# cache folder, keyed by the grammar, orgspec's syntax modules and lark's installed files; a text
# the loop reads needs no lark at all, and any doubt imports lark as before.

_tokens_loaded = False


def _tokens_key() -> str:
    """Return the key of the cached token pattern: the grammar, this package's modules and lark's files."""
    h = hashlib.sha256(_GRAMMAR.encode())
    here = Path(__file__).resolve().parent
    paths = [here / name for name in ("driver.py", "shape.py", "parser.py")]
    spec = util.find_spec("lark")
    if spec is None or spec.origin is None:  # pragma: no cover - lark is a dependency
        raise OSError("lark is not installed")
    lark_root = Path(spec.origin).parent
    paths += [lark_root / name for name in ("__init__.py", "lexer.py", "lark.py", "load_grammar.py")]
    for path in paths:
        st = os.stat(path)
        h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:32]


def _tokens_file() -> Path:
    from orgspec.cache import cache_dir

    return cache_dir() / "grammar-tokens.json"


def _save_tokens(shape: StatementLoop | None) -> None:
    """Keep the shape loop's token pattern for the next process (never fails a parse)."""
    if shape is None:
        return
    try:
        from orgspec.io import write_atomic

        record = {"key": _tokens_key(), "pattern": shape.tokens.pattern, "flags": int(shape.tokens.flags)}
        path = _tokens_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(record))
    except (OSError, ValueError):
        pass


def _get_shape() -> StatementLoop | None:
    """Return the shape loop, from the cached token pattern when it is current, else through lark."""
    global _shape, _tokens_loaded
    if _shape is None and not _tokens_loaded and _parser is None:
        _tokens_loaded = True
        try:
            record = json.loads(_tokens_file().read_text(encoding="utf-8"))
            if record["key"] == _tokens_key():
                tokens = re.compile(record["pattern"], record["flags"])
                _shape = StatementLoop(tokens, end=END, arg_kinds=_SHAPE_ARGS, on_separator=_fast_separator)
        except (OSError, ValueError, KeyError, TypeError, re.error):
            pass
    if _shape is None:
        _get_parser()
    return _shape


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
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

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


def parse_document(
    source: SourceText, on_top: Callable[[Stmt], None] | None = None
) -> tuple[Document, list[Diagnostic]]:
    """Parse one source text into a :class:`Document` and the diagnostics of reading it.

    Never raises on user input: on a syntax error the document holds no
    statements and the diagnostics say where and why.

    With ``on_top``, each top-level statement is handed to it as soon as it is
    read, and the document holds no statements (only the comments): the
    syntax tree of a large file is never whole in memory. On a syntax error
    some statements may have been handed over before the error was found.
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
        statements: tuple[Stmt, ...] | None = None
        handed = 0  # top-level statements the shape loop handed to on_top before any doubt

        def hand(stmt: Stmt) -> None:
            nonlocal handed
            handed += 1
            on_top(stmt)  # type: ignore[misc]

        shape = _get_shape() if _use_fast_path and _use_shape else None
        if shape is not None:
            try:
                statements = shape.parse(text, None if on_top is None else hand)
            except FastPathError:
                # Some doubt: the lark-driven parser reads the text again from the start.
                state = _State(source)
                _local.state = state
        if statements is None:
            state, statements = _parse_with_lark(source, state, on_top, skip=handed)
    finally:
        _local.state = None
    diagnostics.extend(state.diagnostics)
    return Document(statements, tuple(state.comments), source), diagnostics


def _parse_with_lark(
    source: SourceText, state: _State, on_top: Callable[[Stmt], None] | None = None, skip: int = 0
) -> tuple[_State, tuple[Stmt, ...]]:
    """Read ``source`` with lark's tables (driven), or lark itself on an error: the state and statements.

    With ``on_top``, top-level statements are handed to it, the first ``skip`` excepted (an
    earlier reader handed those already, the same).
    """
    from lark.exceptions import UnexpectedInput

    text = source.text
    parser = _get_parser()
    try:
        statements: tuple[Stmt, ...] | None = None
        handed = 0  # statements read by the driver (handed to on_top past the first ``skip``)

        def hand(stmt: Stmt) -> None:
            nonlocal handed
            handed += 1
            if handed > skip:
                on_top(stmt)  # type: ignore[misc]

        if _driver is not None and _use_fast_path:
            try:
                statements = _driver.parse(text, None if on_top is None else hand)
                if on_top is not None:
                    statements = ()
            except FastPathError:
                # Let lark itself read the text and report the error exactly as it does.
                state = _State(source)
                _local.state = state
        if statements is None:
            statements = parser.parse(text)  # type: ignore[assignment]
            if on_top is not None and statements:
                for stmt in statements[max(handed, skip) :]:  # the fast readers handed the first ones the same way
                    on_top(stmt)
                statements = ()
        assert statements is not None
    except UnexpectedInput as err:
        state.diagnostics.append(_error_diagnostic(err, source))
        statements = ()
    return state, statements
