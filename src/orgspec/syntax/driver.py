"""A tight loop over lark's own lexer regex and LALR tables, for text that parses.

lark stays the single source of truth: the terminals, their order, the
ignored terminals and the parse table all come from the :class:`lark.Lark`
object built from ``grammar.lark``. What this module changes is only how they
are driven: lark's root scanner regex, read with one ``finditer`` into plain
tuples, and the LALR shift/reduce loop with one small reducer per
grammar rule, derived from the rule's expansion, instead of lark's generic
tree-builder callbacks.

The fast path accepts exactly the texts lark accepts and builds the same
nodes: when lark's contextual lexer and its root scanner agree on every token
the parser accepts (they do: the contextual lexer only narrows the same
ordered alternation to the terminals the state accepts), the token sequence
is the same. On any lexing or parsing error it raises :class:`FastPathError`
and the caller runs lark itself, so every syntax diagnostic comes from lark.
``tests/test_runner.py`` checks node-for-node equality with lark on the
fixtures, the example spec and a generated corpus.

Imports: lark (the parse-table action type only, when a driver is built), :mod:`orgspec.syntax.nodes`,
:mod:`orgspec.source`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

__all__ = ["END", "Driver", "FastPathError", "UnsupportedGrammarError"]

Tok = tuple[str, str, int, int]  # type, text, start, end
Reducer = Callable[[list[Any]], Any]
#: A reduce action: (number of children, the rule's name for the goto, the reducer).
ReduceAction = tuple[int, str, Reducer]


#: Group names of the two alternatives the driver adds to lark's scanner (not valid lark terminal names).
_END = "orgspec_end"
_ERROR = "orgspec_error"
#: The group name of the end-of-input match in :attr:`Driver.tokens`.
END = _END


class FastPathError(Exception):
    """The fast path cannot handle this text; run lark itself."""


class UnsupportedGrammarError(Exception):
    """The grammar uses a feature the fast path does not drive (aliases, ``?rule``, …)."""


def _empty_rules(rules: list[Any]) -> set[str]:
    """Return the names of rules whose value is always empty (only filtered terminals, e.g. ``_sep``)."""
    by_name: dict[str, list[Any]] = {}
    for rule in rules:
        by_name.setdefault(rule.origin.name, []).append(rule)
    empty: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, alternatives in by_name.items():
            if name in empty or not name.startswith("_"):
                continue
            if all(
                all(
                    (sym.is_term and sym.filter_out) or (not sym.is_term and sym.name in empty)
                    for sym in rule.expansion
                )
                for rule in alternatives
            ):
                empty.add(name)
                changed = True
    return empty


def _is_empty(rule: Any, empty: set[str]) -> bool:
    return all((sym.is_term and sym.filter_out) or (not sym.is_term and sym.name in empty) for sym in rule.expansion)


def _reducer(rule: Any, empty: set[str], builders: dict[str, Reducer]) -> Reducer:
    """Return the reducer of one rule, with the semantics of lark's tree builder.

    Terminals marked ``filter_out`` are dropped; the values of rules whose
    name starts with ``_`` are lists spliced into the parent (a left-recursive
    list rule extends its own list in place, as lark does); other rules are
    built by their node builder. The reducer is generated as one small
    function so that each reduction costs one call.
    """
    if rule.alias or rule.options.expand1 or rule.options.keep_all_tokens:
        raise UnsupportedGrammarError(rule)
    name: str = rule.origin.name
    inlined = name.startswith("_")
    if not inlined and name not in builders:
        raise UnsupportedGrammarError(rule)
    if name in empty:
        return _return_empty
    keep: list[str] = []
    in_place = False
    for i, sym in enumerate(rule.expansion):
        if sym.is_term:
            if not sym.filter_out:
                keep.append(f"c[{i}]")
        elif sym.name in empty:
            continue
        elif sym.name.startswith("_"):
            if i == 0 and sym.name == name:
                in_place = True
            else:
                keep.append(f"*c[{i}]")
        else:
            keep.append(f"c[{i}]")
    if in_place:
        lines = ["    out = c[0]"]
        lines += [f"    out.extend({k[1:]})" if k.startswith("*") else f"    out.append({k})" for k in keep]
        lines.append("    return out" if inlined else "    return build(out)")
    else:
        items = ", ".join(keep)
        lines = [f"    return [{items}]" if inlined else f"    return build([{items}])"]
    source = "def reduce(c):\n" + "\n".join(lines) + "\n"
    namespace: dict[str, Any] = {"build": builders.get(name)}
    exec(compile(source, f"<orgspec reducer {name}>", "exec"), namespace)
    reduce: Reducer = namespace["reduce"]
    return reduce


def _return_empty(c: list[Any]) -> tuple[()]:
    return ()


class Driver:
    """Lex with lark's root scanner and parse with lark's LALR table, building nodes directly."""

    def __init__(
        self,
        *,
        scanner: re.Pattern[str],
        ignore: frozenset[str],
        ignore_patterns: dict[str, str],
        actions: dict[int, dict[str, int | ReduceAction]],
        gotos: dict[int, dict[str, int]],
        start_state: int,
        end_state: int,
        on_token: dict[str, Callable[[str, int, int], None]],
    ) -> None:
        self.scanner = scanner
        self.ignore = ignore
        #: lark's scanner with its ignored patterns as a prefix of every token, and two more
        #: alternatives (the end of the input, any other character), so that one ``finditer``
        #: reads the whole text: every position is covered by a match, nothing is skipped.
        #: (An ignored kind with a hook stays a token of its own, so that its hook runs.)
        skip = "|".join(pattern for name, pattern in ignore_patterns.items() if name not in on_token)
        prefix = f"(?:{skip})*" if skip else ""
        self.tokens = re.compile(f"{prefix}(?:{scanner.pattern}|(?P<{_END}>\\Z)|(?P<{_ERROR}>(?s:.)))", scanner.flags)
        self.actions = actions
        self.gotos = gotos
        self.start_state = start_state
        self.end_state = end_state
        self.on_token = on_token
        #: Token kinds that need more than a shift: ignored ones and those with a hook.
        self.special = frozenset(ignore) | frozenset(on_token) | {_END, _ERROR}

    @classmethod
    def from_lark(
        cls,
        *,
        scanner: re.Pattern[str],
        ignore: frozenset[str],
        ignore_patterns: dict[str, str],
        states: dict[int, dict[str, tuple[Any, Any]]],
        start_state: int,
        end_state: int,
        rules: list[Any],
        builders: dict[str, Reducer],
        on_token: dict[str, Callable[[str, int, int], None]],
    ) -> Driver:
        """Return a driver over lark's scanner regex, parse table and rules; raise UnsupportedGrammarError."""
        from lark.parsers.lalr_analysis import Shift  # noqa: PLC0415 - lark only when a driver is built

        empty = _empty_rules(rules)
        reducers = {id(rule): _reducer(rule, empty, builders) for rule in rules}
        actions: dict[int, dict[str, int | ReduceAction]] = {}
        gotos: dict[int, dict[str, int]] = {}
        for state, row in states.items():
            acts: dict[str, int | ReduceAction] = {}
            goto: dict[str, int] = {}
            for symbol, (what, arg) in row.items():
                if what is Shift:
                    if symbol.isupper() or symbol == "$END":
                        acts[symbol] = int(arg)
                    else:
                        goto[symbol] = int(arg)
                else:
                    acts[symbol] = (len(arg.expansion), arg.origin.name, reducers[id(arg)])
            actions[state] = acts
            gotos[state] = goto
        return cls(
            scanner=scanner,
            ignore=ignore,
            ignore_patterns=ignore_patterns,
            actions=actions,
            gotos=gotos,
            start_state=start_state,
            end_state=end_state,
            on_token=on_token,
        )

    def parse(self, text: str, on_top: Callable[[Any], Any] | None = None) -> Any:
        """Return the value of the start rule; raise :class:`FastPathError` on any error.

        With ``on_top``, each top-level statement is handed to it as soon as it is
        reduced (outside every block), and what it returns takes the statement's
        place: a caller that consumes statements one by one need not keep them all.
        """
        special = self.special
        depth = 0
        ignore = self.ignore
        on_token = self.on_token
        actions = self.actions
        gotos = self.gotos
        end_state = self.end_state
        state = self.start_state
        state_stack: list[int] = [state]
        value_stack: list[Any] = []
        push_state = state_stack.append
        push_value = value_stack.append
        for m in self.tokens.finditer(text):
            kind: str = m.lastgroup  # type: ignore[assignment]
            start, stop = m.span(kind)
            if kind in special:
                if kind == _END:
                    kind = "$END"  # the last match: reduce until the start rule is accepted
                elif kind == _ERROR:
                    raise FastPathError
                else:
                    hook = on_token.get(kind)
                    if hook is not None:
                        hook(text[start:stop], start, stop)
                    if kind in ignore:
                        continue
            tok: Tok = (kind, text[start:stop], start, stop)
            while True:
                action = actions[state].get(kind)
                if action is None:
                    raise FastPathError
                if type(action) is int:
                    state = action
                    push_state(state)
                    push_value(tok)
                    if on_top is not None:
                        if kind == "LBRACE":
                            depth += 1
                        elif kind == "RBRACE":
                            depth -= 1
                    break
                size, origin, reduce = action  # type: ignore[misc]
                if size:
                    children = value_stack[-size:]
                    del state_stack[-size:]
                    del value_stack[-size:]
                else:
                    children = []
                value = reduce(children)
                if on_top is not None and depth == 0 and origin == "stmt":
                    value = on_top(value)
                state = gotos[state_stack[-1]][origin]
                if state == end_state:  # reached only by reducing the start rule, at the end
                    return value
                push_state(state)
                push_value(value)
        raise FastPathError  # pragma: no cover - the end-of-input match always comes last
