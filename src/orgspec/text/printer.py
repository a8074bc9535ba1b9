"""Print syntax nodes as canonical spec text, keeping every comment.

One printer serves both doors: ``orgspec fmt`` prints a parsed document with
its comments, and ``orgspec.dumps`` prints the statements that
:mod:`orgspec.text.unlower` makes from a model. The canonical layout: one
statement per line, two spaces per level, ``{`` at the end of the opening
line, ``}`` alone on its line; at most one blank line is kept where the
source had any; a comment stays on its own line or at the end of the line it
was on.

Imports: :mod:`orgspec.syntax.nodes`, :mod:`orgspec.source`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from orgspec.source import SourceText
from orgspec.syntax.nodes import Arg, ArgKind, Comment, Stmt

__all__ = ["StatementPrinter", "escape", "print_statements"]

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
#: Characters that reorder or hide text where it is shown ("Trojan Source"): printed as \u{…} escapes.
_INVISIBLE = frozenset("\u2028\u2029\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def escape(text: str) -> str:
    """Quote a string for spec text, escaping quotes, backslashes, control and bidirectional characters."""
    out = []
    for ch in text:
        esc = _ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F or 0x80 <= ord(ch) < 0xA0 or ch in _INVISIBLE:
            out.append(f"\\u{{{ord(ch):X}}}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _arg(arg: Arg) -> str:
    if arg.kind is ArgKind.STRING:
        return escape(arg.value)
    if arg.kind is ArgKind.NAMEREF:
        return "@" + escape(arg.value)
    if arg.kind is ArgKind.REF:
        return "@" + arg.value
    return arg.value


class _Printer:
    def __init__(self, comments: Sequence[Comment], source: SourceText | None, *, ordered: bool = False) -> None:
        self.comments: Sequence[Comment] = comments if ordered else sorted(comments, key=lambda c: c.span.start)
        self.next = 0
        self.source = source
        self.lines: list[str] = []

    def _line_of(self, offset: int) -> int:
        assert self.source is not None
        return self.source.position(offset).line

    def _leading(self, before: int, indent: str) -> None:
        """Emit the comments that start before ``before`` on lines of their own."""
        while self.next < len(self.comments) and self.comments[self.next].span.start < before:
            comment = self.comments[self.next]
            self._blank_before(comment.span.start)
            self.lines.append(indent + comment.text.rstrip())
            self.next += 1

    def _trailing(self, line: int, after: int | None = None) -> str:
        """Return the comment that sits at the end of source line ``line``, if any.

        With ``after``, the comment is taken only when nothing but blanks and
        ``;`` stand between ``after`` and it, so that it stays with the last
        statement (or closing brace) of its line.
        """
        if self.source is None or self.next >= len(self.comments):
            return ""
        comment = self.comments[self.next]
        if self._line_of(comment.span.start) != line:
            return ""
        if after is not None and self.source.text[after : comment.span.start].strip(" \t\f\u00a0\u3000;"):
            return ""
        self.next += 1
        return "  " + comment.text.rstrip()

    def _blank_before(self, offset: int) -> None:
        """Keep one blank line where the source had at least one before ``offset``."""
        if self.source is None or not self.lines or self.lines[-1] == "" or self.lines[-1].endswith("{"):
            return
        position = self.source.position(offset)
        line = position.line
        first_on_line = not self.source.line_text(line)[: position.column - 1].strip()
        if first_on_line and line >= 3 and self.source.line_text(line - 1).strip() == "":
            self.lines.append("")

    def stmt(self, stmt: Stmt, depth: int) -> None:
        indent = "  " * depth
        if self.source is not None:
            self._leading(stmt.span.start, indent)
            self._blank_before(stmt.span.start)
        head = " ".join([stmt.keyword, *(_arg(a) for a in stmt.args)])
        if stmt.block is None:
            end_line = self._line_of(stmt.span.end) if self.source is not None else 0
            self.lines.append(indent + head + self._trailing(end_line, stmt.span.end))
            return
        open_line = self._line_of(stmt.keyword_span.start) if self.source is not None else 0
        trailing = ""
        if self.source is not None:
            # a comment after the '{' on the opening line stays there
            first = stmt.block[0].span.start if stmt.block else stmt.span.end
            if self.next < len(self.comments) and self.comments[self.next].span.start < first:
                trailing = self._trailing(open_line)
        self.lines.append(indent + head + " {" + trailing)
        for sub in stmt.block:
            self.stmt(sub, depth + 1)
        if self.source is not None:
            self._leading(stmt.span.end - 1, indent + "  ")
        close_line = self._line_of(stmt.span.end - 1) if self.source is not None else 0
        self.lines.append(indent + "}" + self._trailing(close_line, stmt.span.end if self.source is not None else None))


def print_statements(
    statements: Sequence[Stmt],
    comments: Sequence[Comment] = (),
    source: SourceText | None = None,
    newline: str = "\n",
) -> str:
    """Return the canonical text of ``statements`` with ``comments`` placed where they were.

    ``source`` is the text the statements were parsed from; without it (a
    model printed by ``dumps``) no comments or blank lines are carried over,
    and bodies are separated by one blank line.
    """
    printer = _Printer(comments, source)
    for i, stmt in enumerate(statements):
        if source is None and i and (stmt.block is not None or stmt.keyword == "body"):
            printer.lines.append("")
        printer.stmt(stmt, 0)
    if source is not None:
        printer._leading(len(source.text) + 1, "")
    lines = printer.lines
    while lines and lines[-1] == "":
        lines.pop()
    return newline.join(lines) + newline if lines else ""


class StatementPrinter:
    """Print the top-level statements of a source one by one, as a parser hands them over.

    The text is that of :func:`print_statements` over the same statements and
    comments, given in pieces: :meth:`add` takes the next top-level statement and
    returns the lines that are final by then, :meth:`finish` the rest. ``comments``
    returns the comments read so far, in the order of the text (the parser's own
    list, :func:`orgspec.syntax.parser.comments_so_far`); when a statement is added,
    every comment before its end must have been read. A statement is printed when
    the next one comes (or at the end), since a comment at the end of its last line
    is read after it; :meth:`finish` is given the text's comments once the parse is over.
    """

    def __init__(self, source: SourceText, comments: Callable[[], Sequence[Comment]], newline: str = "\n") -> None:
        self._comments = comments
        self._printer = _Printer((), source, ordered=True)
        self._newline = newline
        self._held: Stmt | None = None

    def _flush(self, keep: int) -> str:
        """Return every printed line but the last ``keep`` ones (the printer looks back at the last)."""
        lines = self._printer.lines
        if len(lines) <= keep:
            return ""
        done = lines[: len(lines) - keep]
        del lines[: len(lines) - keep]
        newline = self._newline
        return newline.join(done) + newline

    def add(self, stmt: Stmt) -> str:
        """Take the next top-level statement; return the text printed so far and not returned yet."""
        held, self._held = self._held, stmt
        if held is None:
            return ""
        self._printer.comments = self._comments()
        self._printer.stmt(held, 0)
        return self._flush(1)

    def finish(self, comments: Sequence[Comment]) -> str:
        """Print the last statement and the comments after it; return the rest of the text.

        ``comments`` are all the comments of the text, in order (the parse is over).
        """
        printer = self._printer
        printer.comments = comments
        if self._held is not None:
            printer.stmt(self._held, 0)
            self._held = None
        assert printer.source is not None
        printer._leading(len(printer.source.text) + 1, "")
        lines = printer.lines
        while lines and lines[-1] == "":  # pragma: no cover - a blank line is always followed by another
            lines.pop()
        return self._flush(0)
