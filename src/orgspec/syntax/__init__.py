"""Text to syntax tree. lark is used here and nowhere else.

Public entry point: :func:`parse_document`.

Imports: :mod:`orgspec.source`, :mod:`orgspec.diagnostics`, lark (in
:mod:`orgspec.syntax.parser` only).
"""

from orgspec.syntax.nodes import Arg, ArgKind, Comment, Document, Stmt
from orgspec.syntax.parser import parse_document

__all__ = ["Arg", "ArgKind", "Comment", "Document", "Stmt", "parse_document"]
