"""Reading a statement's arguments: positional values, counts, dates and trailing properties.

Every mismatch becomes a located diagnostic; the reader never raises on user
input. Used by :mod:`orgspec.lowering.lower`.

Imports: :mod:`orgspec.syntax`, :mod:`orgspec.diagnostics`, :mod:`orgspec.model`,
:mod:`orgspec.limits`, :mod:`orgspec.source`.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Sequence

from orgspec import limits
from orgspec.diagnostics import Diagnostic, Related
from orgspec.model.trusted import trusted
from orgspec.model.values import Count, CountStatus, PartialDate, Ref
from orgspec.source import SourceText, Span
from orgspec.syntax.nodes import Arg, ArgKind, Stmt

__all__ = ["DATE", "IDENT", "INT", "NAMEREF", "REF", "STRING", "Reader", "StmtArgs", "suggest"]

Emit = Callable[[Diagnostic], None]

# The members of ArgKind and CountStatus as plain names, for the code that runs for every argument:
# on Python 3.11 reading ``ArgKind.INT`` goes through the enum metaclass's attribute hook each time.
STRING, INT, DATE, IDENT, REF, NAMEREF = (ArgKind.STRING, ArgKind.INT, ArgKind.DATE, ArgKind.IDENT, ArgKind.REF,
                                          ArgKind.NAMEREF)  # fmt: skip
_NUMBER, _SEPARATELY, _UNSTATED, _UNREADABLE, _CUT_OFF = (CountStatus.NUMBER, CountStatus.SEPARATELY,
                                                          CountStatus.UNSTATED, CountStatus.UNREADABLE,
                                                          CountStatus.CUT_OFF)  # fmt: skip

_VALUE_WORDS = {ArgKind.STRING: "a quoted string", ArgKind.INT: "a number", ArgKind.DATE: "a date",
                ArgKind.IDENT: "a keyword", ArgKind.REF: "a reference @id",
                ArgKind.NAMEREF: 'a reference @"name"'}  # fmt: skip


def suggest(word: str, choices: Sequence[str]) -> str | None:
    """Return the closest of ``choices`` to a misspelt ``word``, if one is close."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def describe(arg: Arg) -> str:
    """Describe an argument for a message: its kind and its text."""
    shown = arg.value if len(arg.value) <= 24 else arg.value[:23] + "…"
    return f"{_VALUE_WORDS[arg.kind]} {shown!r}"


class Reader:
    """Shared state of one build: the source, and where diagnostics go."""

    def __init__(self, source: SourceText, emit: Emit) -> None:
        self.source = source
        self.emit = emit

    def error(
        self,
        code: str,
        message: str,
        span: Span | None,
        hint: str | None = None,
        related: tuple[Related, ...] = (),
    ) -> None:
        """Emit a diagnostic located in this source."""
        self.emit(Diagnostic(code, message, span, self.source, hint=hint, related=related))

    def related(self, message: str, span: Span | None) -> Related:
        """Return a related location in this source."""
        return Related(message, span, self.source)

    def args(self, stmt: Stmt) -> StmtArgs:
        """Return a cursor over a statement's arguments."""
        return StmtArgs(self, stmt)

    # ---- values -----------------------------------------------------------------
    def integer(self, arg: Arg, what: str) -> int | None:
        """Convert an INT argument, reporting full-width digits, signs and absurd sizes."""
        text = arg.value
        if text.isascii() and text.isdigit() and len(text) <= limits.MAX_DIGITS:
            value = int(text)  # the usual case: plain digits, reported below only when too large
            if value <= limits.MAX_FIGURE:
                return value
        digits = text.lstrip("+-")
        if len(digits) > limits.MAX_DIGITS:
            self.error(
                "OS204",
                f"{what} has {len(digits)} digits; figures are limited to {limits.MAX_DIGITS}",
                arg.span,
                hint=f"no quota or post count exceeds {limits.MAX_FIGURE:,}; is this a typing mistake?",
            )
            return None
        if not digits.isascii():
            ascii_digits = "".join(str(unicodedata.digit(c)) for c in digits)
            self.error(
                "OS204",
                f"{what} is written with full-width digits {text!r}",
                arg.span,
                hint=f"write it with ASCII digits: {ascii_digits}",
            )
            value = int(ascii_digits)
        else:
            value = int(digits)
        if text.startswith("-") and value != 0:
            self.error("OS204", f"{what} is negative ({text}); counts are never below zero", arg.span)
            return None
        if value > limits.MAX_FIGURE:
            self.error(
                "OS204",
                f"{what} is {value:,}, above the limit of {limits.MAX_FIGURE:,}",
                arg.span,
                hint="is this a typing mistake?",
            )
            return None
        return value

    def date(self, arg: Arg, what: str = "the date") -> PartialDate | None:
        """Convert a DATE (or a bare year) argument, reporting impossible dates."""
        try:
            return PartialDate.parse(arg.value)
        except ValueError as err:
            self.error(
                "OS205",
                f"{what} {arg.value} does not exist: {err}",
                arg.span,
                hint="write a partial date (2019-02 or 2019) when the day is not known",
            )
            return None

    def ref(self, arg: Arg) -> Ref:
        """Convert a STRING, REF or NAMEREF argument into a reference."""
        if arg.kind is REF:
            return trusted(Ref, target=arg.value, by="id")
        if arg.kind is NAMEREF:
            return trusted(Ref, target=arg.value, by="name")
        return trusted(Ref, target=arg.value, by="external")


_COUNT_WORDS = ("separately", "unstated", "unreadable", "cut-off")
_RANGE_WORDS = ("between", "at-most", "at-least")
_REF_KINDS = (STRING, REF, NAMEREF)


class StmtArgs:
    """A cursor over one statement's arguments.

    The lowering makes one per statement and calls it for every argument, so
    the methods that take an argument test the next one in place rather than
    through a shared helper.
    """

    __slots__ = ("i", "items", "n", "ok", "reader", "stmt")

    def __init__(self, reader: Reader, stmt: Stmt) -> None:
        self.reader = reader
        self.stmt = stmt
        self.items = stmt.args
        self.n = len(stmt.args)
        self.i = 0
        self.ok = True

    def _peek(self) -> Arg | None:
        return self.items[self.i] if self.i < self.n else None

    def take(self, *kinds: ArgKind) -> Arg | None:
        """Take the next argument if it is of one of ``kinds``."""
        i = self.i
        if i < self.n:
            arg = self.items[i]
            if arg.kind in kinds:
                self.i = i + 1
                return arg
        return None

    def take_word(self, *words: str) -> Arg | None:
        """Take the next argument if it is one of the keywords ``words``."""
        i = self.i
        if i < self.n:
            arg = self.items[i]
            if arg.kind is IDENT and arg.value in words:
                self.i = i + 1
                return arg
        return None

    def require(self, what: str, *kinds: ArgKind) -> Arg | None:
        """Take an argument of one of ``kinds`` or report what was expected."""
        arg = self.take(*kinds)
        if arg is None:
            self._expected(what)
        return arg

    def _expected(self, what: str) -> None:
        self.ok = False
        found = self._peek()
        kw = self.stmt.keyword
        if found is None:
            self.reader.error(
                "OS202",
                f"'{kw}' needs {what}, and none is given",
                self.stmt.span,
                hint=f"write it after '{kw}'",
            )
        else:
            hint = None
            if found.kind is IDENT and what.startswith("a quoted"):
                hint = f'put the text in double quotes: "{found.value}"'
            self.reader.error(
                "OS202",
                f"'{kw}' needs {what} here, found {describe(found)}",
                found.span,
                hint=hint,
            )

    def count(self, what: str) -> tuple[Count, Span | Arg] | None:
        """Take a count: a number, ``separately``, ``unstated``, ``unreadable "text"`` or ``cut-off "text"``.

        Or a range or bound with the document's words: ``between 2 3 "2-3名"``,
        ``at-most 50 "不超过50名"``, ``at-least 15 "不少于15名"``. Returned with
        where the figure is written: its argument, or the span of its words.
        """
        arg = self._peek()
        if arg is not None and arg.kind is INT:
            self.i += 1
            value = self.reader.integer(arg, what)
            if value is None:
                self.ok = False
                return None
            return trusted(Count, status=_NUMBER, value=value), arg
        ranged = self.take_word(*_RANGE_WORDS)
        if ranged is not None:
            return self._range(ranged, what)
        word = self.take_word(*_COUNT_WORDS)
        if word is not None:
            if word.value == "separately":
                return trusted(Count, status=_SEPARATELY), word
            if word.value == "unstated":
                return trusted(Count, status=_UNSTATED), word
            text = self.take(STRING)
            if text is None:
                self._expected(f'the figure as written after "{word.value}" (a quoted string)')
                return None
            status = _UNREADABLE if word.value == "unreadable" else _CUT_OFF
            return trusted(Count, status=status, text=text.value), word.span.cover(text.span)
        self._expected(f'{what} (a number, separately, unstated, unreadable "…", cut-off "…" or between N M "…")')
        return None

    def _range(self, word: Arg, what: str) -> tuple[Count, Span] | None:
        bounds: list[int] = []
        for _ in range(2 if word.value == "between" else 1):
            arg = self.take(INT)
            value = self.reader.integer(arg, what) if arg is not None else None
            if value is None:
                if arg is None:
                    self._expected(f"the bounds of the range after '{word.value}' (numbers)")
                self.ok = False
                return None
            bounds.append(value)
        text = self.take(STRING)
        if text is None:
            self._expected(f'the figure as written after "{word.value}" (a quoted string, e.g. "2-3名")')
            return None
        low, high = (bounds[0], None) if word.value == "at-least" else (None, bounds[0])
        if word.value == "between":
            low, high = bounds
            if low > high:
                self.reader.error("OS202", f"the range {low}-{high} runs backwards", word.span.cover(text.span),
                                  hint=f"write between {high} {low}")  # fmt: skip
                self.ok = False
                return None
        count = trusted(Count, status=CountStatus.RANGE, value=low, high=high, text=text.value)
        return count, word.span.cover(text.span)

    def ref(self, what: str) -> Ref | None:
        """Take a reference: a plain name, ``@id`` or ``@"name"``."""
        arg = self.require(what, *_REF_KINDS)
        return self.reader.ref(arg) if arg is not None else None

    def props(self, spec: dict[str, tuple[ArgKind, ...] | None]) -> dict[str, Arg]:
        """Take trailing ``key value`` pairs and flags; ``None`` in ``spec`` marks a flag."""
        out: dict[str, Arg] = {}
        if self.i >= self.n:
            return out
        while (arg := self._peek()) is not None:
            if arg.kind is not IDENT or arg.value not in spec:
                break
            self.i += 1
            kinds = spec[arg.value]
            if arg.value in out:
                self.reader.error(
                    "OS203",
                    f"'{arg.value}' is given twice in one statement",
                    arg.span,
                    related=(self.reader.related("first given here", out[arg.value].span),),
                )
            if kinds is None:
                out[arg.value] = arg
                continue
            value = self.take(*kinds)
            if value is None:
                self._expected(f"a value after '{arg.value}'")
                break
            out[arg.value] = value
        return out

    def done(self, takes: str) -> bool:
        """Report arguments that are left over; return True when all were read."""
        if self.i < self.n:
            rest = self.items[self.i :]
            self.ok = False
            span = rest[0].span.cover(rest[-1].span)
            self.reader.error(
                "OS202",
                f"'{self.stmt.keyword}' takes {takes}; {describe(rest[0])} is one too many",
                span,
            )
        return self.ok
