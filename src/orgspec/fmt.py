r"""The formatter: canonical layout for a spec file, keeping every comment and every fact.

:func:`format_source` prints the parsed statements with
:func:`orgspec.text.printer.print_statements`, in the file's own newline
style (``\r\n`` when the file's first line ending is one, ``\n`` otherwise).
A file that does not parse, or holds a string with an invalid escape
(OS107), is refused with those diagnostics and left as it is: the
formatter never hides an error. Unless
told not to, the result checks itself, as black does, and is refused with
the reason if any check fails:

* the output parses to the same statements (keywords and arguments) and the
  same model as the input;
* formatting the output again changes nothing;
* no comment is lost (the comment texts are equal as a multiset).

Imports: :mod:`orgspec.lowering`, :mod:`orgspec.diagnostics`, :mod:`orgspec.source`,
:mod:`orgspec.syntax`, :mod:`orgspec.text.printer`, attrs.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

import attrs

from orgspec.diagnostics import Diagnostic
from orgspec.lowering import gc_paused
from orgspec.lowering.lower import StreamLowerer
from orgspec.lowering.reader import Reader
from orgspec.model.units import Event, Unit
from orgspec.source import SourceText
from orgspec.syntax import parse_document
from orgspec.syntax.nodes import Comment, Stmt
from orgspec.syntax.parser import comments_so_far
from orgspec.text.printer import StatementPrinter

__all__ = ["FormatResult", "detect_newline", "format_source", "format_text"]

_SYNTAX_CODES = frozenset({"OS102", "OS103", "OS104", "OS105", "OS106"})
#: Errors of reading that make the formatter refuse the file: a syntax error, and an invalid escape
#: (printing the string would write its backslash escaped, turning an error into a different string).
_REFUSE_CODES = _SYNTAX_CODES | {"OS107"}


@attrs.frozen(slots=True)
class FormatResult:
    """The outcome of formatting one text.

    ``output`` is the formatted text, or None when the text was refused:
    because it does not parse (``diagnostics`` holds why) or because a
    self-check failed (``problem`` says which).
    """

    original: str
    output: str | None
    diagnostics: tuple[Diagnostic, ...] = ()
    problem: str | None = None

    @property
    def changed(self) -> bool:
        """Return True when formatting changes the text."""
        return self.output is not None and self.output != self.original


def detect_newline(text: str) -> str:
    r"""Return the newline style of ``text``: that of its first line ending (``\n`` if none)."""
    i = text.find("\n")
    if i > 0 and text[i - 1] == "\r":
        return "\r\n"
    return "\n"


class _ShapeDigest:
    """A digest of statements without positions: what the formatter must not change.

    A SHA-256 over every keyword, argument (kind and value) and block boundary, in
    order, fed one top-level statement at a time, so that no syntax tree is kept.
    """

    def __init__(self) -> None:
        self._digest = hashlib.sha256()

    def add(self, top: Stmt) -> None:
        """Add one top-level statement and everything in its block."""
        digest = self._digest
        stack: list[Iterator[Stmt]] = [iter((top,))]
        while stack:
            stmt = next(stack[-1], None)
            if stmt is None:
                stack.pop()
                if stack:
                    digest.update(b"}")
                continue
            parts = [stmt.keyword]
            for a in stmt.args:
                parts += [a.kind.value, a.value]
            digest.update(repr(parts).encode("utf-8", "surrogatepass"))
            if stmt.block is not None:
                digest.update(b"{")
                stack.append(iter(stmt.block))

    def hexdigest(self) -> str:
        """Return the digest of the statements added so far."""
        return self._digest.hexdigest()


class _ModelDigest:
    """SHA-256 digests of the model's bodies, events and notes, fed as the lowering makes them.

    Two models built by the same lowering are equal exactly when their bodies,
    events and notes are, in order; each part is digested as JSON (or, if it
    cannot be serialised, as its ``repr``: a lone surrogate from the library door).
    """

    def __init__(self) -> None:
        self._parts = (hashlib.sha256(), hashlib.sha256(), hashlib.sha256())

    def add(self, bodies: Sequence[Unit], events: Sequence[Event], notes: Sequence[str]) -> None:
        """Add the parts of the model lowered from some top-level statements."""
        for digest, items in zip(self._parts, (bodies, events), strict=False):
            for item in items:
                try:
                    data = b"J" + item.model_dump_json().encode("utf-8")
                except (ValueError, UnicodeError):
                    data = b"R" + repr(item).encode("utf-8", "surrogatepass")
                digest.update(data + b"\0")
        for note in notes:
            self._parts[2].update(repr(note).encode("utf-8", "surrogatepass") + b"\0")

    def hexdigest(self) -> str:
        """Return the digest of the parts added so far."""
        return "/".join(d.hexdigest() for d in self._parts)


@attrs.frozen(slots=True)
class _Read:
    """What one pass over a text gives: the errors that refuse it, and what the self-check compares."""

    refused: tuple[Diagnostic, ...]
    shape: str
    model: str
    comments: Counter[str]


def _read(text: str, filename: str, newline: str, emit: Callable[[str], None]) -> _Read:
    """Parse, lower and print ``text`` one top-level statement at a time; hand the printed text to ``emit``.

    Nothing of the text is kept whole but its comments: each statement is digested,
    lowered (its model digested, then dropped) and printed as soon as it is read. The
    printed pieces are final only if the text is not refused.
    """
    source = SourceText(text, filename)
    lowered: list[Diagnostic] = []
    reader = Reader(source, lambda d: lowered.append(d) if d.code in _REFUSE_CODES else None)
    lowerer = StreamLowerer(reader, positions=False)  # the formatter needs no source map
    printer = StatementPrinter(source, comments_so_far, newline)
    shape, model = _ShapeDigest(), _ModelDigest()

    def top(stmt: Stmt) -> None:
        shape.add(stmt)
        lowerer.top(stmt)
        model.add(*lowerer.drain())
        emit(printer.add(stmt))

    with gc_paused():
        document, diagnostics = parse_document(source, top)
        if any(d.code in _SYNTAX_CODES for d in diagnostics):  # what was lowered before the error is dropped
            lowered.clear()
        else:
            emit(printer.finish(document.comments))
    refused = tuple(d for d in diagnostics if d.code in _REFUSE_CODES) + tuple(lowered)
    return _Read(refused, shape.hexdigest(), model.hexdigest(), _comment_texts(document.comments))


class _Output:
    """The printed text, gathered piece by piece: kept only from the first piece that differs from ``base``.

    While the pieces repeat ``base`` nothing is stored, so formatting a file that is
    already formatted keeps no copy of it.
    """

    def __init__(self, base: str) -> None:
        self.base = base
        self.pos = 0  # how much of base the pieces have repeated, while they do
        self.pieces: list[str] | None = None

    def emit(self, piece: str) -> None:
        if not piece:
            return
        if self.pieces is None:
            if self.base.startswith(piece, self.pos):
                self.pos += len(piece)
                return
            self.pieces = [self.base[: self.pos]]
        self.pieces.append(piece)

    def text(self) -> str:
        """Return the whole printed text (``base`` itself when it was repeated whole)."""
        if self.pieces is None:
            return self.base if self.pos == len(self.base) else self.base[: self.pos]
        out = "".join(self.pieces)
        self.pieces = None
        return out


def _comment_texts(comments: Sequence[Comment]) -> Counter[str]:
    return Counter(c.text.rstrip() for c in comments)


def _verify(before: _Read, output: str, filename: str, newline: str) -> str | None:
    again = _Output(output)  # printing the output again must repeat it
    after = _read(output, filename, newline, again.emit)
    if after.refused:
        return "the formatted text does not parse"
    if after.shape != before.shape:
        return "the formatted text has different statements"
    if after.model != before.model:
        return "the formatted text builds a different model"
    lost = before.comments - after.comments
    if lost:
        return f"the formatted text loses a comment: {next(iter(lost))!r}"
    if again.pieces is not None or again.pos != len(output):
        return "formatting is not stable: a second pass changes the text again"
    return None


def format_source(text: str, filename: str = "<string>", *, verify: bool = True) -> FormatResult:
    """Format spec text; never raises on user input.

    The text is read, checked and printed one top-level statement at a time, and the
    self-check reads the output the same way, so that neither syntax tree nor model
    is ever whole in memory: the text and the output are the largest things kept
    (docs/performance.md).
    """
    newline = detect_newline(text)
    printed = _Output(text)
    before = _read(text, filename, newline, printed.emit)
    if before.refused:
        return FormatResult(text, None, before.refused)
    output = printed.text()
    del printed
    if verify and output != text:
        problem = _verify(before, output, filename, newline)
        if problem is not None:
            return FormatResult(text, None, problem=problem)
    return FormatResult(text, output)


def format_text(text: str, filename: str = "<string>") -> str:
    """Return the formatted text; raise ``ValueError`` if it is refused (see :func:`format_source`)."""
    result = format_source(text, filename)
    if result.output is None:
        reason = result.problem or "; ".join(f"{d.code} {d.message}" for d in result.diagnostics)
        raise ValueError(f"{filename}: cannot format: {reason}")
    return result.output
