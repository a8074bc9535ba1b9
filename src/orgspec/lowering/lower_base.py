"""Shared machinery of the lowering: the source map, the unit context and helpers used by every block.

Imports: :mod:`orgspec.lowering.packed`, :mod:`orgspec.lowering.reader`, :mod:`orgspec.model`,
:mod:`orgspec.syntax.nodes`, :mod:`orgspec.source`.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping, Sequence
from typing import Any, Literal, Protocol

from orgspec.lowering.packed import IntSpans, PackedSpans
from orgspec.lowering.reader import DATE, IDENT, INT, NAMEREF, REF, STRING, Reader, StmtArgs, suggest
from orgspec.model.trusted import trusted
from orgspec.model.units import QuotaPart
from orgspec.model.values import Basis, QuotaCategory, Ref
from orgspec.model.vocab import category_of
from orgspec.source import Span
from orgspec.syntax.nodes import Arg, Stmt

__all__ = ["REFS", "WHEN", "Located", "LowererBase", "PackedSpans", "S", "SourceMap", "UnitCtx"]

S = STRING
REFS = (STRING, REF, NAMEREF)
WHEN = (DATE, INT)
_CATEGORY_WORDS = tuple(c.value for c in QuotaCategory)


class _NoSpans(dict[str, Span]):
    """A dict of spans that keeps none (a build for the formatter, which needs no positions)."""

    __slots__ = ()

    def __setitem__(self, key: str, span: Span) -> None:
        pass


def _keep_none(path: str, packed: int) -> None:
    pass


class Located(Protocol):
    """Anything with offsets: a syntax node or a :class:`Span`."""

    @property
    def start(self) -> int:
        """Offset of the first character."""

    @property
    def end(self) -> int:
        """Offset after the last character."""


class SourceMap:
    """Where each element of the model was stated: JSON-pointer-like paths to spans.

    Paths follow the model's field names, e.g. ``/bodies/0/units/2/plaques/0``;
    ``…/count`` is the span of a figure and ``…/name`` of a unit's name.
    The spans are kept as ints (:class:`IntSpans`, or :class:`PackedSpans` with
    ``packed``) and made into :class:`Span` objects when read; ``kept=False`` keeps none.
    """

    __slots__ = ("_put", "spans")

    def __init__(self, packed: bool = False, *, kept: bool = True) -> None:
        self.spans: MutableMapping[str, Span]
        self._put: Callable[[str, int], None]
        if not kept:
            self.spans, self._put = _NoSpans(), _keep_none
        else:
            spans = PackedSpans() if packed else IntSpans()
            self.spans, self._put = spans, spans.put

    def put(self, path: str, at: Located) -> None:
        """Record that what ``path`` names was stated at ``at`` (a node or a span), without making a span."""
        self._put(path, at.start << 32 | at.end)

    def __getitem__(self, path: str) -> Span | None:
        return self.spans.get(path)

    def get(self, path: str, fallback: str | None = None) -> Span | None:
        """Return the span of ``path``, else of ``fallback``, else None."""
        span = self.spans.get(path)
        if span is None and fallback is not None:
            span = self.spans.get(fallback)
        return span


class UnitCtx:
    """What a unit statement handler works on: the unit's path, fields, lists (made on first use) and depth."""

    __slots__ = ("depth", "f", "lists", "path")

    def __init__(self, path: str, f: dict[str, Any], lists: dict[str, list[Any]], depth: int) -> None:
        self.path = path
        self.f = f
        self.lists = lists
        self.depth = depth


class LowererBase:
    """The reader, the source map, and helpers shared by every block's statements."""

    def __init__(self, reader: Reader, packed: bool = False, positions: bool = True) -> None:
        self.r = reader
        self.map = SourceMap(packed, kept=positions)

    # ---- shared helpers ---------------------------------------------------------
    def unknown(self, stmt: Stmt, where: str, allowed: dict[str, Any]) -> None:
        """Report a statement not allowed here, suggesting the closest keyword."""
        choices = sorted(allowed)
        guess = suggest(stmt.keyword, choices)
        hint = f"did you mean '{guess}'? " if guess else ""
        hint += f"{where} accepts: " + ", ".join(choices)
        self.r.error("OS201", f"'{stmt.keyword}' is not allowed in {where}", stmt.keyword_span, hint=hint)

    def unknown_word(
        self, code: str, message: str, arg: Arg, words: Sequence[str], *, listed: str, tail: str = ""
    ) -> None:
        """Report a word not among ``words``, suggesting the closest and listing them after ``listed``."""
        guess = suggest(arg.value, words)
        hint = (f"did you mean '{guess}'? " if guess else "") + listed + ", ".join(words) + tail
        self.r.error(code, message, arg.span, hint=hint)

    def no_args(self, stmt: Stmt, takes: str) -> None:
        """Report arguments given to a statement that takes none; ``takes`` says what it takes instead."""
        if stmt.args:
            StmtArgs(self.r, stmt).done(takes)

    def no_block(self, stmt: Stmt) -> None:
        """Report a block given to a statement that takes none."""
        if stmt.block is not None:
            self.r.error(
                "OS202",
                f"'{stmt.keyword}' takes no block",
                stmt.span,
                hint="remove the braces and what is in them",
            )

    def once(self, seen: dict[str, Stmt], stmt: Stmt) -> bool:
        """Record a statement that may appear once; report and return False on a repeat."""
        first = seen.get(stmt.keyword)
        if first is not None:
            self.r.error(
                "OS203",
                f"'{stmt.keyword}' is given twice",
                stmt.keyword_span,
                related=(self.r.related("first given here", first.span),),
            )
            return False
        seen[stmt.keyword] = stmt
        return True

    def text(self, stmt: Stmt, what: str = "the text (a quoted string)") -> str | None:
        """Read a statement whose only argument is a quoted string."""
        args = stmt.args
        if len(args) == 1 and args[0].kind is S and stmt.block is None:
            return args[0].value  # the usual form, with nothing to report
        a = StmtArgs(self.r, stmt)
        arg = a.require(what, S)
        a.done("one quoted string")
        self.no_block(stmt)
        return arg.value if arg is not None else None

    def dated(self, stmt: Stmt) -> Any:
        """Read a statement whose only argument is a date."""
        a = StmtArgs(self.r, stmt)
        arg = a.require("a date (2010, 2010-06 or 2010-06-01)", *WHEN)
        a.done("one date")
        self.no_block(stmt)
        return self.r.date(arg) if arg is not None else None

    def category(self, a: StmtArgs) -> QuotaCategory | None:
        """Read a quota category: an English keyword or a Chinese label."""
        return self.worded_category(a)[0]

    def worded_category(self, a: StmtArgs) -> tuple[QuotaCategory | None, str | None]:
        """Read a quota category, with the document's words when they name none of the known ones.

        A Chinese label that is none of the known categories (总编制, 专职干部) reads as ``other``,
        its words kept beside it; a known term or a keyword comes with no words.
        """
        arg = a.require("a quota category (administrative, logistics, … or the Chinese term)", IDENT, S)
        if arg is None:
            return None, None
        cat = category_of(arg.value)
        if cat is None:
            if arg.kind is STRING:
                return QuotaCategory.OTHER, arg.value
            words = [c.value for c in QuotaCategory]
            self.unknown_word("OS206", f"unknown quota category '{arg.value}'", arg, words, listed="categories: ")
        return cat, None

    def part(self, stmt: Stmt, p: str) -> QuotaPart | None:
        """Read an ``includes`` or ``excludes`` part of a quota or post."""
        a = StmtArgs(self.r, stmt)
        cat_arg = a.take_word(*_CATEGORY_WORDS)
        # A quoted string before the figure is the category in the document's words (事业工勤编制).
        cat_words = a.take(STRING) if cat_arg is None else None
        counted = a.count("the part")
        label = a.take(S)
        props = a.props({"for": REFS, "each": None})
        each: list[Ref] = []
        if "each" in props:  # 各4名: the figure is each unit's own
            while (arg := a.take(*REFS)) is not None:
                self.map.put(f"{p}/each/{len(each)}", arg)
                each.append(self.r.ref(arg))
            if not each:
                a.require('the units each of which has the figure (@id or @"name")', *REFS)
                counted = None  # a part of no unit is not counted (its total would be a guess)
            elif "for" in props:
                self.r.error(
                    "OS202",
                    "a part is 'for' one unit or 'each' of several, not both",
                    props["for"].span,
                    hint='includes 4 "各4名" each @a @b @c',
                )
                counted = None
        a.done('an optional category, a count, an optional label and "for" a unit or "each" of several')
        funding = self._part_block(stmt)
        if counted is None:
            return None
        self.map.put(p, stmt)
        self.map.put(p + "/count", counted[1])
        relation: Literal["includes", "excludes"] = "includes" if stmt.keyword == "includes" else "excludes"
        return trusted(
            QuotaPart,
            relation=relation,
            count=counted[0],
            label=label.value if label else None,
            category=QuotaCategory(cat_arg.value)
            if cat_arg
            else (category_of(cat_words.value) or QuotaCategory.OTHER)
            if cat_words
            else None,
            category_label=cat_words.value if cat_words and category_of(cat_words.value) is None else None,
            unit=self.r.ref(props["for"]) if "for" in props and not each else None,
            each=tuple(each),
            funding=funding,
        )

    def _part_block(self, stmt: Stmt) -> str | None:
        """Read a part's block: ``funding "全额拨款"`` (how the part is funded), once."""
        funding: str | None = None
        seen: dict[str, Stmt] = {}
        for sub in stmt.block or ():
            if sub.keyword == "funding":
                if self.once(seen, sub):
                    funding = self.text(sub)
            else:
                self.unknown(sub, "a part", {"funding": 1})
        return funding

    def basis(self, stmt: Stmt, p: str) -> Basis | None:
        """Read a ``basis`` statement: a document number and its block."""
        a = StmtArgs(self.r, stmt)
        number = a.take(S)
        a.done("an optional document number")
        bf: dict[str, Any] = {"number": number.value if number else None}
        seen: dict[str, Stmt] = {}
        for sub in stmt.block or ():
            kw = sub.keyword
            if kw in ("title", "issuer", "note"):
                if self.once(seen, sub):
                    bf[kw] = self.text(sub)
            elif kw == "date":
                if self.once(seen, sub):
                    bf["date"] = self.dated(sub)
            else:
                self.unknown(sub, "a basis", {"title": 1, "issuer": 1, "date": 1, "note": 1})
        if not any(bf.values()):
            self.r.error(
                "OS202",
                "'basis' says nothing: give a document number or a title",
                stmt.span,
                hint='basis "苏委〔2009〕573号" { title "…" }',
            )
            return None
        self.map.put(p, stmt)
        return trusted(Basis, **bf)
