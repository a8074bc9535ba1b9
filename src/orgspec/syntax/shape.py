"""The statement-shape fast path: lark's scanner regex, read by a loop written for this grammar.

orgspec's grammar has one shape: statements of a keyword and arguments, each
with an optional block of statements in braces, separated by ``_SEP`` tokens
(see ``grammar.lark``). For text of that shape no general LALR machinery is
needed: a small loop over the tokens knows at each one whether it continues a
statement, ends it, opens or closes a block. This module is that loop.

lark stays the grammar's single source of truth:

- the tokens come from lark's own scanner (the regex of
  :class:`orgspec.syntax.driver.Driver`, built from the grammar's terminals,
  their priorities and its ``%ignore``), so every token is the one lark reads;
- the loop is used only when lark's rules for the grammar are exactly those it
  was written for (:data:`RULES`, compared at start-up with the rules lark
  compiled from ``grammar.lark``); any change to the grammar switches it off,
  and ``tests/test_runner.py`` fails until the loop and :data:`RULES` follow;
- on any doubt (a backslash anywhere, a token the shape does not allow there,
  a character no terminal matches, an unclosed block) it raises :class:`FastPathError` and
  the caller hands the text to the lark-driven parser, so every syntax
  diagnostic stays lark's.

It builds the same nodes as the LALR driver and lark (tested node for node on
token soup, spec-like and grammar-generated text), with one call per argument
and one ``tuple.__new__`` per statement.

Imports: :mod:`orgspec.syntax.driver`, :mod:`orgspec.syntax.nodes`.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

from orgspec.syntax.driver import FastPathError
from orgspec.syntax.nodes import Arg, Stmt

__all__ = ["ARG_TERMINALS", "RULES", "StatementLoop", "rules_of"]

#: The rules lark compiles from ``grammar.lark`` (``str(rule)`` for each), for which the loop was written.
RULES = frozenset(
    {
        "<start : _SEP __start_star_0 stmt>",
        "<start : _SEP __start_star_0>",
        "<start : _SEP stmt>",
        "<start : _SEP>",
        "<start : __start_star_0 stmt>",
        "<start : __start_star_0>",
        "<start : stmt>",
        "<start : >",
        "<stmt : IDENT __stmt_star_1 block>",
        "<stmt : IDENT __stmt_star_1>",
        "<stmt : IDENT block>",
        "<stmt : IDENT>",
        "<block : LBRACE _SEP __start_star_0 stmt RBRACE>",
        "<block : LBRACE _SEP __start_star_0 RBRACE>",
        "<block : LBRACE _SEP stmt RBRACE>",
        "<block : LBRACE _SEP RBRACE>",
        "<block : LBRACE __start_star_0 stmt RBRACE>",
        "<block : LBRACE __start_star_0 RBRACE>",
        "<block : LBRACE stmt RBRACE>",
        "<block : LBRACE RBRACE>",
        "<__start_star_0 : stmt _SEP>",
        "<__start_star_0 : __start_star_0 stmt _SEP>",
    }
    | {f"<__stmt_star_1 : {t}>" for t in ("STRING", "DATE", "INT", "IDENT", "REF", "NAMEREF")}
    | {f"<__stmt_star_1 : __stmt_star_1 {t}>" for t in ("STRING", "DATE", "INT", "IDENT", "REF", "NAMEREF")}
)

#: The terminals that are a statement's arguments (``stmt: IDENT (STRING | DATE | …)*``).
ARG_TERMINALS = frozenset({"STRING", "DATE", "INT", "IDENT", "REF", "NAMEREF"})

_new = tuple.__new__
_intern = sys.intern
#: Terminals whose values are interned, as the driver's reader does: names, ranks, labels and many
#: duties recur, and a build keeps them all in the model (docs/performance.md).
_INTERNED = frozenset({"STRING", "NAMEREF"})


def rules_of(rules: list[Any]) -> frozenset[str]:
    """Return lark's compiled rules as the strings :data:`RULES` is written in."""
    return frozenset(str(rule) for rule in rules)


class StatementLoop:
    """Read text of the statement shape from lark's scanner tokens into :mod:`orgspec.syntax.nodes`."""

    def __init__(
        self,
        tokens: re.Pattern[str],
        *,
        end: str,
        arg_kinds: dict[str, tuple[Any, int, int]],
        on_separator: Callable[[str, int, int], None],
    ) -> None:
        #: The driver's token regex: lark's scanner, its ignored patterns as a prefix, end and error groups.
        self.tokens = tokens
        self.end = end
        #: For each argument terminal: its kind, and how many characters its value drops at each end
        #: (a string's quotes, a reference's ``@``); values with escapes never reach this loop.
        self.arg_kinds = arg_kinds
        self.on_separator = on_separator

    def parse(self, text: str, on_top: Callable[[Stmt], None] | None = None) -> tuple[Stmt, ...]:
        """Return the statements of ``text``; raise :class:`FastPathError` on anything else.

        With ``on_top``, each top-level statement is handed to it as soon as it is complete and
        not kept (the result is then empty), so the syntax tree of a large file is never whole.
        """
        if "\\" in text:
            # An escape may be reported (OS107); lark reports those of inner statements first,
            # as it reduces them first. Texts with a backslash are rare: the driver reads them.
            raise FastPathError
        on_separator = self.on_separator
        end_kind = self.end
        arg_kinds = self.arg_kinds
        stack: list[tuple[list[Stmt], str, int, int, tuple[Arg, ...]]] = []
        stmts: list[Stmt] = []
        args: list[Arg] = []
        keyword = ""
        kw_start = kw_end = 0
        # 0: between statements, a separator may come (start of the file or of a block);
        # 1: just after a separator; 2: inside a statement (keyword read);
        # 3: a statement with a block is complete (a separator, '}' or the end must come).
        state = 0
        for m in self.tokens.finditer(text):
            kind: str = m.lastgroup  # type: ignore[assignment]
            if state == 2:
                arg = arg_kinds.get(kind)
                if arg is not None:
                    start, stop = m.span(kind)
                    value = text[start + arg[1] : stop - arg[2]]
                    if kind in _INTERNED:
                        value = _intern(value)
                    args.append(_new(Arg, (arg[0], value, start, stop)))
                    continue
                if kind == "LBRACE":
                    stack.append((stmts, keyword, kw_start, kw_end, tuple(args)))
                    stmts = []
                    state = 0
                    continue
                done = tuple(args)
                stmt = _new(Stmt, (keyword, kw_start, kw_end, done, None, kw_start, done[-1][3] if done else kw_end))
                if on_top is not None and not stack:
                    on_top(stmt)
                else:
                    stmts.append(stmt)
                state = 3
            if kind == "IDENT":
                if state == 3:
                    raise FastPathError
                kw_start, kw_end = m.span(kind)
                keyword = _intern(text[kw_start:kw_end])
                args = []
                state = 2
            elif kind == "_SEP":
                if state == 1:
                    raise FastPathError  # pragma: no cover - one _SEP token takes a whole run
                start, stop = m.span(kind)
                if "#" in text[start:stop]:
                    on_separator(text[start:stop], start, stop)
                state = 1
            elif kind == "RBRACE":
                if not stack:
                    raise FastPathError
                parent, p_keyword, p_start, p_end, p_args = stack.pop()
                stmt = _new(Stmt, (p_keyword, p_start, p_end, p_args, tuple(stmts), p_start, m.end(kind)))
                if on_top is not None and not stack:
                    on_top(stmt)
                else:
                    parent.append(stmt)
                stmts = parent
                state = 3
            elif kind == end_kind and not stack:
                return tuple(stmts)
            else:
                raise FastPathError
        raise FastPathError  # pragma: no cover - the end-of-input match always comes last
