"""The syntax tree: small frozen nodes with spans, free of lark.

A :class:`Document` is what the parser hands to the builder: the statements of
one file, the comments it saw, and the source text. Nothing downstream of
:mod:`orgspec.syntax` ever sees a ``lark.Tree`` or ``lark.Token``.

Imports: :mod:`orgspec.source`, attrs.
"""

from __future__ import annotations

import enum

import attrs

from orgspec.source import SourceText, Span

__all__ = ["Arg", "ArgKind", "Comment", "Document", "Stmt"]


class ArgKind(enum.Enum):
    """The lexical kind of a statement argument."""

    STRING = "string"
    INT = "integer"
    DATE = "date"
    IDENT = "identifier"
    REF = "reference"
    NAMEREF = "name reference"


@attrs.frozen(slots=True)
class Arg:
    """One argument: its kind, its value (strings decoded, references without ``@``) and span."""

    kind: ArgKind
    value: str
    span: Span


@attrs.frozen(slots=True)
class Stmt:
    """A statement: keyword, arguments, and an optional block of nested statements."""

    keyword: str
    keyword_span: Span
    args: tuple[Arg, ...]
    block: tuple[Stmt, ...] | None
    span: Span


@attrs.frozen(slots=True)
class Comment:
    """A ``#`` comment, kept so that the formatter never drops one."""

    text: str
    span: Span


@attrs.frozen(slots=True)
class Document:
    """The syntax tree of one file."""

    statements: tuple[Stmt, ...]
    comments: tuple[Comment, ...]
    source: SourceText = attrs.field(eq=False, repr=False)
