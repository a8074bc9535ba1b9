"""Generate the compiled front end's tables from ``grammar.lark``, through lark itself.

    python bench/compiled_front/gen_tables.py           # write _orgfront_tables.h beside this file
    python bench/compiled_front/gen_tables.py --check   # exit 1 if the committed header is stale

What comes from lark (``Lark(grammar, parser="lalr")``), nothing from a second grammar:

- the terminals, in the order of lark's scanner alternation (``lexer.root_lexer.terminals``, checked
  against the group order of the compiled scanner regex), their regular expressions and ``%ignore``;
  each regex is parsed with Python's own regex parser (``re._parser``) and compiled, all of them
  together, into one DFA over character classes (every class computed by asking Python's ``re``
  about every code point, so ``\\d`` and ``\\w`` are Python's Unicode ones); a negative lookahead
  of one character at the end of a pattern (``(?![0-9A-Za-z_])``) becomes a per-terminal set of
  forbidden next classes;
- lark's LALR table (``parse_table.states``, its start and end states) and its rules: for each, the
  number of symbols, the rule's name, and which terminals the tree builder keeps (``filter_out``).

The scanner reads like Python's ordered alternation ``A|B|…``: at each position the first terminal
in lark's order that matches at all wins, with its longest match whose lookahead holds. That is what
``re`` does for these patterns (greedy, no backtracking into an alternative that changes the
length); the equivalence tests (``tests/test_compiled_front.py``) compare token streams with lark's
lexer on arbitrary text. A pattern this generator cannot compile (a lazy repeat, an anchor, a
lookahead elsewhere than at the end, flags) stops it with an error, as does a rule lark's tree
builder would not hand over as is (an alias, ``?rule``, keep_all_tokens) or a named rule without a
node builder in ``_orgfront.c`` (``start``, ``stmt``, ``block``).
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import re
import re._constants as sre_c  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
GRAMMAR = ROOT / "src" / "orgspec" / "syntax" / "grammar.lark"
HEADER = HERE / "_orgfront_tables.h"
MAXCP = 0x10FFFF

#: The named rules whose nodes ``_orgfront.c`` builds (``build_start``, ``build_stmt``, ``build_block``).
BUILDERS = {"start": 1, "stmt": 2, "block": 3}
#: The terminal whose tokens go to the comment collector (lark's ``lexer_callbacks`` in orgspec.syntax.parser).
COMMENT_HOOK = "_SEP"

Intervals = list[tuple[int, int]]


class UnsupportedError(Exception):
    """The grammar uses a construct this generator does not compile."""


# ---- character sets as interval lists -------------------------------------------------------------


def _normalize(iv: Intervals) -> Intervals:
    out: Intervals = []
    for a, b in sorted(iv):
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _complement(iv: Intervals) -> Intervals:
    out: Intervals = []
    prev = 0
    for a, b in _normalize(iv):
        if a > prev:
            out.append((prev, a - 1))
        prev = b + 1
    if prev <= MAXCP:
        out.append((prev, MAXCP))
    return out


_CATEGORY_CACHE: dict[str, Intervals] = {}


def _scan(pattern: str) -> Intervals:
    """Return the code points ``pattern`` (one character class) matches, asking Python's ``re``."""
    if pattern not in _CATEGORY_CACHE:
        rx = re.compile(pattern)
        out: Intervals = []
        start = -1
        for cp in range(MAXCP + 2):
            inside = cp <= MAXCP and rx.fullmatch(chr(cp)) is not None
            if inside and start < 0:
                start = cp
            elif not inside and start >= 0:
                out.append((start, cp - 1))
                start = -1
        _CATEGORY_CACHE[pattern] = out
    return _CATEGORY_CACHE[pattern]


_CATEGORIES = {
    sre_c.CATEGORY_DIGIT: r"\d",
    sre_c.CATEGORY_NOT_DIGIT: r"\D",
    sre_c.CATEGORY_WORD: r"\w",
    sre_c.CATEGORY_NOT_WORD: r"\W",
    sre_c.CATEGORY_SPACE: r"\s",
    sre_c.CATEGORY_NOT_SPACE: r"\S",
}


def _charset(op: Any, av: Any) -> Intervals:
    """Return the code points of one single-character regex item (LITERAL, IN, ANY…)."""
    if op is sre_c.LITERAL:
        return [(av, av)]
    if op is sre_c.NOT_LITERAL:
        return _complement([(av, av)])
    if op is sre_c.ANY:
        return _complement([(10, 10)])  # no DOTALL: '.' is anything but '\n'
    if op is sre_c.IN:
        out: Intervals = []
        negate = False
        for iop, iav in av:
            if iop is sre_c.NEGATE:
                negate = True
            elif iop is sre_c.LITERAL:
                out.append((iav, iav))
            elif iop is sre_c.RANGE:
                out.append((iav[0], iav[1]))
            elif iop is sre_c.CATEGORY and iav in _CATEGORIES:
                out += _scan(_CATEGORIES[iav])
            else:
                raise UnsupportedError(f"character set item {iop} {iav}")
        return _complement(out) if negate else _normalize(out)
    raise UnsupportedError(f"not a character set: {op}")


# ---- regex to NFA (Thompson) ----------------------------------------------------------------------


class NFA:
    """States with epsilon edges and character-set edges; accepting states tagged with a terminal."""

    def __init__(self) -> None:
        self.eps: list[list[int]] = []
        self.edges: list[list[tuple[int, int]]] = []  # (charset id, target)
        self.accept: dict[int, int] = {}  # state -> terminal index
        self.charsets: list[Intervals] = []
        self._charset_ids: dict[tuple[tuple[int, int], ...], int] = {}

    def state(self) -> int:
        self.eps.append([])
        self.edges.append([])
        return len(self.eps) - 1

    def charset(self, iv: Intervals) -> int:
        key = tuple(_normalize(iv))
        if key not in self._charset_ids:
            self._charset_ids[key] = len(self.charsets)
            self.charsets.append(list(key))
        return self._charset_ids[key]

    def build(self, items: Any, start: int) -> int:
        """Add the sequence ``items`` (a parsed regex) from ``start``; return its end state."""
        cur = start
        for op, av in items:
            cur = self._item(op, av, cur)
        return cur

    def _item(self, op: Any, av: Any, cur: int) -> int:
        if op in (sre_c.LITERAL, sre_c.NOT_LITERAL, sre_c.ANY, sre_c.IN):
            nxt = self.state()
            self.edges[cur].append((self.charset(_charset(op, av)), nxt))
            return nxt
        if op is sre_c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise UnsupportedError("inline flags")
            return self.build(sub, cur)
        if op is sre_c.BRANCH:
            end = self.state()
            for alt in av[1]:
                s = self.state()
                self.eps[cur].append(s)
                self.eps[self.build(alt, s)].append(end)
            return end
        if op is sre_c.MAX_REPEAT:
            lo, hi, sub = av
            for _ in range(lo):
                cur = self.build(sub, cur)
            if hi is sre_c.MAXREPEAT:
                loop = self.state()
                self.eps[cur].append(loop)
                self.eps[self.build(sub, loop)].append(loop)
                return loop
            end = self.state()
            self.eps[cur].append(end)
            for _ in range(hi - lo):
                cur = self.build(sub, cur)
                self.eps[cur].append(end)
            return end
        raise UnsupportedError(f"regex construct {op}")


def _split_lookahead(items: Any) -> tuple[Any, Intervals]:
    """Split a trailing one-character negative lookahead off a parsed pattern: (rest, forbidden next chars)."""
    items = list(items)
    if items and items[-1][0] is sre_c.ASSERT_NOT:
        direction, sub = items[-1][1]
        sub = list(sub)
        if direction != 1 or len(sub) != 1:
            raise UnsupportedError("a lookahead other than one character at the end")
        return items[:-1], _charset(*sub[0])
    return items, []


# ---- classes, DFA ---------------------------------------------------------------------------------


def _classes(sets: list[Intervals]) -> tuple[list[tuple[int, int, int]], int, list[set[int]]]:
    """Partition the code points by membership in ``sets``: (runs of (lo, hi, class), count, classes of each set)."""
    bounds = {0, MAXCP + 1}
    for iv in sets:
        for a, b in iv:
            bounds.add(a)
            bounds.add(b + 1)
    points = sorted(bounds)
    starts = [[a for a, _ in iv] for iv in sets]
    sig_ids: dict[tuple[bool, ...], int] = {}
    runs: list[tuple[int, int, int]] = []
    for lo, nxt in itertools.pairwise(points):
        sig = []
        for iv, st in zip(sets, starts, strict=True):
            i = bisect.bisect_right(st, lo) - 1
            sig.append(i >= 0 and iv[i][0] <= lo <= iv[i][1])
        cid = sig_ids.setdefault(tuple(sig), len(sig_ids))
        if runs and runs[-1][2] == cid and runs[-1][1] == lo - 1:
            runs[-1] = (runs[-1][0], nxt - 1, cid)
        else:
            runs.append((lo, nxt - 1, cid))
    members: list[set[int]] = [set() for _ in sets]
    for sig, cid in sig_ids.items():
        for k, inside in enumerate(sig):
            if inside:
                members[k].add(cid)
    return runs, len(sig_ids), members


def _closure(nfa: NFA, states: set[int]) -> frozenset[int]:
    todo = list(states)
    seen = set(states)
    while todo:
        s = todo.pop()
        for t in nfa.eps[s]:
            if t not in seen:
                seen.add(t)
                todo.append(t)
    return frozenset(seen)


def build_lexer(terminals: list[tuple[str, str]]) -> dict[str, Any]:
    """Compile ``(name, regex)`` pairs, in lark's order, into one DFA over character classes."""
    nfa = NFA()
    start = nfa.state()
    lookaheads: list[int] = []
    for index, (name, pattern) in enumerate(terminals):
        parsed = sre_parse.parse(pattern)
        if parsed.state.flags & ~(sre_c.SRE_FLAG_UNICODE):
            raise UnsupportedError(f"{name}: flags")
        items, forbidden = _split_lookahead(parsed)
        s = nfa.state()
        nfa.eps[start].append(s)
        nfa.accept[nfa.build(items, s)] = index
        lookaheads.append(nfa.charset(forbidden))
    runs, nclasses, members = _classes(nfa.charsets)
    dfa_ids: dict[frozenset[int], int] = {}
    trans: list[list[int]] = [[0] * nclasses]  # state 0: dead
    accepts: list[list[int]] = [[]]
    first = _closure(nfa, {start})
    dfa_ids[first] = 1
    order = [first]
    trans.append([0] * nclasses)
    accepts.append([])
    i = 0
    while i < len(order):
        cur = order[i]
        sid = dfa_ids[cur]
        accepts[sid] = sorted(nfa.accept[s] for s in cur if s in nfa.accept)
        for c in range(nclasses):
            moved = {t for s in cur for cs, t in nfa.edges[s] if c in members[cs]}
            if not moved:
                continue
            nxt = _closure(nfa, moved)
            if nxt not in dfa_ids:
                dfa_ids[nxt] = len(order) + 1
                order.append(nxt)
                trans.append([0] * nclasses)
                accepts.append([])
            trans[sid][c] = dfa_ids[nxt]
        i += 1
    if accepts[1]:
        raise UnsupportedError("a terminal matches the empty string")
    la = [[c in members[lookaheads[t]] for c in range(nclasses)] for t in range(len(terminals))]
    return {"runs": runs, "nclasses": nclasses, "trans": trans, "accepts": accepts, "lookahead": la}


# ---- lark --------------------------------------------------------------------------------------


def read_lark(grammar_text: str) -> dict[str, Any]:
    """Return the terminals, ignore set, LALR table and rules lark compiles from ``grammar_text``."""
    from lark import Lark
    from lark.parsers.lalr_analysis import Shift

    parser: Any = Lark(grammar_text, parser="lalr", lexer="contextual", maybe_placeholders=False)
    root = parser.parser.lexer.root_lexer
    terms = list(root.terminals)
    scanner = root.scanner._mres
    if len(scanner) != 1:
        raise UnsupportedError("lark split its scanner into several regexes")
    groups = [name for name, _ in sorted(scanner[0].groupindex.items(), key=lambda kv: kv[1]) if name.isupper()]
    if groups != [t.name for t in terms]:
        raise UnsupportedError(f"scanner order {groups} differs from the terminals' {[t.name for t in terms]}")
    for t in terms:
        if t.pattern.flags:
            raise UnsupportedError(f"{t.name}: flags {t.pattern.flags}")
    names = [t.name for t in terms]
    lalr = parser.parser.parser.parser
    table = lalr.parse_table
    rules = list(lalr.callbacks)
    keep: dict[str, bool] = {}
    for rule in rules:
        if rule.alias or rule.options.expand1 or rule.options.keep_all_tokens:
            raise UnsupportedError(f"rule {rule}: alias, ?rule or keep_all_tokens")
        origin = rule.origin.name
        if not origin.startswith("_") and origin not in BUILDERS:
            raise UnsupportedError(f"rule {origin}: no node builder in _orgfront.c")
        for sym in rule.expansion:
            if sym.is_term:
                kept = not sym.filter_out
                if keep.setdefault(sym.name, kept) != kept:
                    raise UnsupportedError(f"terminal {sym.name} kept in some rules and dropped in others")
    nonterms = sorted({r.origin.name for r in rules})
    term_index = {n: i for i, n in enumerate(names)}
    term_index["$END"] = len(names)
    # lark numbers its states and orders its rules by set iteration (which varies with the hash
    # seed): number them canonically, so that the generated tables are the same in every run.
    rules.sort(key=str)
    rule_index = {id(r): i for i, r in enumerate(rules)}
    start = table.start_states["start"]
    number = {start: 0}
    order = [start]
    for s in order:
        for symbol in sorted(table.states[s]):
            what, arg = table.states[s][symbol]
            if what is Shift and arg not in number:
                number[arg] = len(order)
                order.append(arg)
    if len(order) != len(table.states):
        raise UnsupportedError("a state of lark's table is not reachable from the start state")
    action = [[0] * (len(names) + 1) for _ in order]
    goto = [[-1] * len(nonterms) for _ in order]
    for s, row in table.states.items():
        for symbol, (what, arg) in row.items():
            if symbol in term_index:
                act = number[arg] + 1 if what is Shift else -(rule_index[id(arg)] + 1)
                action[number[s]][term_index[symbol]] = act
            elif what is Shift:
                goto[number[s]][nonterms.index(symbol)] = number[arg]
            else:
                raise UnsupportedError(f"a reduce on the nonterminal {symbol}")
    return {
        "terminals": [(t.name, t.pattern.to_regexp()) for t in terms],
        "ignore": sorted(root.ignore_types),
        "keep": [keep.get(n, False) for n in names],
        "nonterms": nonterms,
        "rules": [
            (len(r.expansion), nonterms.index(r.origin.name), BUILDERS.get(r.origin.name, 0), str(r)) for r in rules
        ],
        "action": action,
        "goto": goto,
        "start_state": number[start],
        "end_state": number[table.end_states["start"]],
    }


# ---- C ------------------------------------------------------------------------------------------


def _c_array(ctype: str, name: str, values: list[int], per_line: int = 24) -> str:
    lines = [f"static const {ctype} {name}[{len(values)}] = {{"]
    for i in range(0, len(values), per_line):
        lines.append("    " + ", ".join(str(v) for v in values[i : i + per_line]) + ",")
    lines.append("};")
    return "\n".join(lines)


def _c_string(s: str) -> str:
    return '"' + s.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'


def _comment(s: str) -> str:
    return s.encode("unicode_escape").decode("ascii").replace("*/", "*\\/")


def render(grammar_text: str) -> str:
    """Return the C header of tables for ``grammar_text``."""
    g = read_lark(grammar_text)
    lx = build_lexer(g["terminals"])
    names = [n for n, _ in g["terminals"]]
    nterms = len(names)
    if nterms > 31:
        raise UnsupportedError("more than 31 terminals (the scanner keeps a 32-bit mask)")
    nclasses = lx["nclasses"]
    nstates = len(lx["trans"])
    runs = lx["runs"]
    # Character classes: a direct table for ASCII, then (lo, class) runs for a binary search.
    ascii_cls = []
    for cp in range(128):
        k = bisect.bisect_right([r[0] for r in runs], cp) - 1
        ascii_cls.append(runs[k][2])
    # BMP: two-level table of 256-blocks, deduplicated.
    blocks: list[tuple[int, ...]] = []
    block_ids: dict[tuple[int, ...], int] = {}
    block_index = []
    starts = [r[0] for r in runs]
    for hi in range(256):
        row = []
        for lo in range(256):
            cp = hi * 256 + lo
            row.append(runs[bisect.bisect_right(starts, cp) - 1][2])
        key = tuple(row)
        if key not in block_ids:
            block_ids[key] = len(blocks)
            blocks.append(key)
        block_index.append(block_ids[key])
    astral = [r for r in runs if r[1] >= 0x10000]
    astral = [(max(lo, 0x10000), cid) for lo, _hi, cid in astral]
    accept_mask = [sum(1 << t for t in acc) for acc in lx["accepts"]]
    limits = {
        "character classes": (nclasses, 255),  # unsigned char, and one more for the end of the text
        "BMP blocks": (len(blocks), 256),
        "DFA states": (nstates, 65536),
        "LALR states": (len(g["action"]), 32767),  # short, shift encoded as state + 1
        "rules": (len(g["rules"]), 32767),
        "rule length": (max(r[0] for r in g["rules"]), 256),
        "rule names": (len(g["nonterms"]), 256),
    }
    for what, (count, limit) in limits.items():
        if count >= limit:
            raise UnsupportedError(f"{count} {what}: the engine's tables hold fewer than {limit}")
    out = [
        "/* Generated by bench/compiled_front/gen_tables.py from src/orgspec/syntax/grammar.lark through lark. */",
        "/* Do not edit: run `python bench/compiled_front/gen_tables.py`. */",
        "",
        f"#define OF_NTERMS {nterms}",
        f"#define OF_END_TERM {nterms}",
        f"#define OF_NCLASSES {nclasses}",
        f"#define OF_END_CLASS {nclasses}",
        f"#define OF_NDFA {nstates}",
        f"#define OF_NSTATES {len(g['action'])}",
        f"#define OF_NNONTERMS {len(g['nonterms'])}",
        f"#define OF_NRULES {len(g['rules'])}",
        f"#define OF_START_STATE {g['start_state']}",
        f"#define OF_END_STATE {g['end_state']}",
        f"#define OF_NASTRAL {len(astral)}",
        f"#define OF_HOOK_TERM {names.index(COMMENT_HOOK) if COMMENT_HOOK in names else -1}",
        "",
        "static const char *const of_term_names[OF_NTERMS + 1] = {"
        + ", ".join(_c_string(n) for n in [*names, "$END"])
        + "};",
        "/* The terminals' patterns, in lark's order, as lark gives them (for reference). */",
        *[f"/* {n}: {_comment(p)} */" for n, p in g["terminals"]],
        _c_array("unsigned char", "of_ignore", [int(n in g["ignore"]) for n in names]),
        _c_array("unsigned char", "of_keep", [int(k) for k in g["keep"]]),
        _c_array("unsigned char", "of_ascii_class", ascii_cls, 32),
        _c_array("unsigned char", "of_bmp_block", block_index, 32),
        _c_array("unsigned char", "of_bmp_classes", [c for b in blocks for c in b], 64),
        _c_array("unsigned int", "of_astral_lo", [lo for lo, _ in astral] or [0x110000]),
        _c_array("unsigned char", "of_astral_class", [c for _, c in astral] or [0]),
        "/* DFA: state 0 is dead, 1 the start; of_dfa[state * OF_NCLASSES + class]. */",
        _c_array("unsigned short", "of_dfa", [t for row in lx["trans"] for t in row], nclasses),
        _c_array("unsigned int", "of_accept_mask", accept_mask),
        "/* of_lookahead_ok[term * (OF_NCLASSES + 1) + class of the next character, or OF_END_CLASS] */",
        _c_array(
            "unsigned char",
            "of_lookahead_ok",
            [int(not la) for row in lx["lookahead"] for la in [*row, False]],
            nclasses + 1,
        ),
        "/* LALR: of_action[state * (OF_NTERMS + 1) + term]: 0 error, s + 1 shift to s, -(r + 1) reduce by r. */",
        _c_array("short", "of_action", [a for row in g["action"] for a in row], nterms + 1),
        "/* of_goto[state * OF_NNONTERMS + nonterminal]: -1 none. Nonterminals: " + " ".join(g["nonterms"]) + " */",
        _c_array("short", "of_goto", [a for row in g["goto"] for a in row], len(g["nonterms"])),
        "/* Rules: number of symbols, nonterminal, builder (0: spliced into the parent, 1 start, 2 stmt, 3 block). */",
        *[f"/* {i}: {text} */" for i, (_, _, _, text) in enumerate(g["rules"])],
        _c_array("unsigned char", "of_rule_size", [r[0] for r in g["rules"]]),
        _c_array("unsigned char", "of_rule_origin", [r[1] for r in g["rules"]]),
        _c_array("unsigned char", "of_rule_builder", [r[2] for r in g["rules"]]),
        "",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if the committed header differs from the grammar's")
    ap.add_argument("--grammar", type=Path, default=GRAMMAR)
    ap.add_argument("--out", type=Path, default=HEADER)
    args = ap.parse_args(argv)
    text = render(args.grammar.read_text(encoding="utf-8"))
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is stale: run python bench/compiled_front/gen_tables.py", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
