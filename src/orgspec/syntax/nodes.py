"""The syntax tree: small immutable nodes with integer offsets, free of lark.

A :class:`Document` is what the parser hands to the builder: the statements of
one file, the comments it saw, and the source text. Nothing downstream of
:mod:`orgspec.syntax` ever sees a ``lark.Tree`` or ``lark.Token``.

The nodes are light because a file has one per statement and one per argument
(about 30 per unit), and building them was the largest cost of a parse: each
node is a tuple of its fields with the offsets as plain integers, built by the
parser with one ``tuple.__new__`` call; the :class:`~orgspec.source.Span` of a
node is made only when someone asks for it (``node.span``). The public
constructors still take spans: ``Arg(kind, value, span)``,
``Stmt(keyword, keyword_span, args, block, span)``, ``Comment(text, span)``.
Nodes compare, hash and pickle by their fields.

Imports: :mod:`orgspec.source`, attrs.
"""

from __future__ import annotations

import enum
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import attrs

from orgspec.source import SourceText, Span

__all__ = ["Arg", "ArgKind", "Comment", "Document", "Stmt"]

_new = tuple.__new__


class ArgKind(enum.Enum):
    """The lexical kind of a statement argument."""

    STRING = "string"
    INT = "integer"
    DATE = "date"
    IDENT = "identifier"
    REF = "reference"
    NAMEREF = "name reference"


class Arg(tuple[ArgKind, str, int, int]):
    """One argument: its kind, its value (strings decoded, references without ``@``) and offsets."""

    __slots__ = ()

    def __new__(cls, kind: ArgKind, value: str, span: Span) -> Arg:
        """Return the argument ``value`` of ``kind`` written at ``span``."""
        return _new(cls, (kind, value, span.start, span.end))

    if TYPE_CHECKING:

        @property
        def kind(self) -> ArgKind:
            """The lexical kind."""

        @property
        def value(self) -> str:
            """The value: a string decoded, a reference without ``@``, other kinds as written."""

        @property
        def start(self) -> int:
            """Offset of the first character."""

        @property
        def end(self) -> int:
            """Offset after the last character."""

    else:
        kind = property(itemgetter(0), doc="The lexical kind.")
        value = property(itemgetter(1), doc="The value: strings decoded, references without ``@``.")
        start = property(itemgetter(2), doc="Offset of the first character.")
        end = property(itemgetter(3), doc="Offset after the last character.")

    @property
    def span(self) -> Span:
        """Where the argument is written (made on each access)."""
        return Span(self[2], self[3])

    def __repr__(self) -> str:
        return f"Arg(kind={self[0]!r}, value={self[1]!r}, span={self.span!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Arg, (self[0], self[1], self.span))


class Stmt(tuple[str, int, int, "tuple[Arg, ...]", "tuple[Stmt, ...] | None", int, int]):
    """A statement: keyword, arguments, and an optional block of nested statements."""

    __slots__ = ()

    def __new__(
        cls, keyword: str, keyword_span: Span, args: tuple[Arg, ...], block: tuple[Stmt, ...] | None, span: Span
    ) -> Stmt:
        """Return a statement; ``span`` runs from the keyword to the last argument or the block's ``}``."""
        return _new(cls, (keyword, keyword_span.start, keyword_span.end, args, block, span.start, span.end))

    if TYPE_CHECKING:

        @property
        def keyword(self) -> str:
            """The keyword, as written."""

        @property
        def args(self) -> tuple[Arg, ...]:
            """The arguments, in order."""

        @property
        def block(self) -> tuple[Stmt, ...] | None:
            """The statements of the block; None without a block (an empty block is ``()``)."""

        @property
        def start(self) -> int:
            """Offset of the first character."""

        @property
        def end(self) -> int:
            """Offset after the last character."""

    else:
        keyword = property(itemgetter(0), doc="The keyword, as written.")
        args = property(itemgetter(3), doc="The arguments, in order.")
        block = property(itemgetter(4), doc="The statements of the block; None without a block.")
        start = property(itemgetter(5), doc="Offset of the first character.")
        end = property(itemgetter(6), doc="Offset after the last character.")

    @property
    def keyword_span(self) -> Span:
        """Where the keyword is written (made on each access)."""
        return Span(self[1], self[2])

    @property
    def span(self) -> Span:
        """From the keyword to the last argument or the block's ``}`` (made on each access)."""
        return Span(self[5], self[6])

    def __repr__(self) -> str:
        return (
            f"Stmt(keyword={self[0]!r}, keyword_span={self.keyword_span!r}, args={self[3]!r}, "
            f"block={self[4]!r}, span={self.span!r})"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (Stmt, (self[0], self.keyword_span, self[3], self[4], self.span))


class Comment(tuple[str, int, int]):
    """A ``#`` comment, kept so that the formatter never drops one."""

    __slots__ = ()

    def __new__(cls, text: str, span: Span) -> Comment:
        """Return the comment ``text`` (with its ``#``) written at ``span``."""
        return _new(cls, (text, span.start, span.end))

    if TYPE_CHECKING:

        @property
        def text(self) -> str:
            """The comment, from its ``#`` to the end of the line."""

        @property
        def start(self) -> int:
            """Offset of the ``#``."""

        @property
        def end(self) -> int:
            """Offset after the last character."""

    else:
        text = property(itemgetter(0), doc="The comment, from its ``#`` to the end of the line.")
        start = property(itemgetter(1), doc="Offset of the ``#``.")
        end = property(itemgetter(2), doc="Offset after the last character.")

    @property
    def span(self) -> Span:
        """Where the comment is written (made on each access)."""
        return Span(self[1], self[2])

    def __repr__(self) -> str:
        return f"Comment(text={self[0]!r}, span={self.span!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Comment, (self[0], self.span))


@attrs.frozen(slots=True)
class Document:
    """The syntax tree of one file."""

    statements: tuple[Stmt, ...]
    comments: tuple[Comment, ...]
    source: SourceText = attrs.field(eq=False, repr=False)
