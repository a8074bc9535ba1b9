"""The compiled front end (a prototype), configured with orgspec's node classes.

    import orgfront                      # after python bench/compiled_front/build.py
    orgfront.parse(text)                 # (statements, comments), or None: read it with orgspec.syntax

``parse`` builds the very tuples :mod:`orgspec.syntax.shape` builds (:class:`~orgspec.syntax.nodes.Arg`,
``Stmt``, ``Comment``), and returns None exactly where the shape loop hands a text on: a backslash
anywhere, a character no terminal matches, a token lark's table does not allow there.
"""

from __future__ import annotations

import _orgfront

from orgspec.syntax.nodes import Arg, Comment, Stmt
from orgspec.syntax.parser import _SHAPE_ARGS
from orgspec.syntax.shape import _INTERNED

__all__ = ["parse", "scan", "terminals", "tokens"]

_orgfront.configure(
    Arg,
    Stmt,
    Comment,
    {name: (kind, left, right, name in _INTERNED) for name, (kind, left, right) in _SHAPE_ARGS.items()},
)

parse = _orgfront.parse
tokens = _orgfront.tokens
scan = _orgfront.scan
terminals = _orgfront.terminals
