"""A Pygments lexer for ``.orgspec`` files, so that Sphinx and MkDocs highlight ``orgspec`` code blocks.

Registered by the entry point ``pygments.lexers: orgspec``; alias ``orgspec``,
file pattern ``*.orgspec``. It follows the grammar's shape
(``src/orgspec/syntax/grammar.lark``): the first word of a statement is a
keyword; after it come strings, dates, numbers, identifiers (values such as
``administrative`` or ``separately``), references (``@id``, ``@"name"``) and an
optional ``{`` block. A statement ends at a newline or ``;``. ``#`` starts a
comment. Nothing the grammar accepts is an error token.

Pygments is an optional dependency (the ``docs`` extra); this module imports it.

Imports: pygments only.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pygments.lexer import RegexLexer
from pygments.token import Comment, Keyword, Name, Number, Punctuation, String, Whitespace

__all__ = ["OrgspecLexer"]

_IDENT = r"[A-Za-z_][A-Za-z0-9_.\-]*"
_STRING = r'"(?:[^"\\\n\r]|\\.)*"'
_SPACE = r"[ \t\f\u00a0\u3000]+"


class OrgspecLexer(RegexLexer):
    """Lexer for orgspec, the language of 三定 plans: duties, sections, quotas, posts."""

    name = "orgspec"
    aliases: ClassVar[list[str]] = ["orgspec"]
    filenames: ClassVar[list[str]] = ["*.orgspec"]
    mimetypes: ClassVar[list[str]] = ["text/x-orgspec"]
    url = "https://github.com/orgspec/orgspec"

    tokens: ClassVar[dict[str, list[Any]]] = {
        "root": [
            (r"(\r\n|\r|\n)+", Whitespace),
            (_SPACE, Whitespace),
            (r"#[^\n\r]*", Comment.Single),
            (r";", Punctuation),
            (r"\}", Punctuation),
            (_IDENT, Keyword, "args"),
        ],
        "args": [
            (_SPACE, Whitespace),
            (r"#[^\n\r]*", Comment.Single),
            (r"(\r\n|\r|\n)", Whitespace, "#pop"),
            (r";", Punctuation, "#pop"),
            (r"\{", Punctuation, "#pop"),
            (r"\}", Punctuation, "#pop"),
            (r'@"(?:[^"\\\n\r]|\\.)*"', Name.Label),
            (r"@" + _IDENT, Name.Label),
            (_STRING, String.Double),
            (r"[0-9]{4}-[0-9]{1,2}(-[0-9]{1,2})?(?![0-9A-Za-z_])", Number.Other),
            (r"[+-]?\d+(?![\w.-])", Number.Integer),
            (_IDENT, Name.Constant),
        ],
    }
