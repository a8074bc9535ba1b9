"""Semantic tokens: what each word of a spec is, for editors that colour by meaning.

Statement keywords are ``keyword``; the words a statement takes from a fixed
vocabulary (kinds, categories, flags) ``enumMember``; a unit's id where it is
declared ``variable`` with the ``declaration`` modifier, and ``@id`` /
``@"name"`` references ``variable``; strings ``string``; figures and dates
``number``; comments ``comment``, a suppression comment with the
``documentation`` modifier. Computed from :mod:`orgspec.lsp.scan`, so a text
that does not parse is coloured too.

Imports: lsprotocol, :mod:`orgspec.lsp.positions`, :mod:`orgspec.lsp.scan`.
"""

from __future__ import annotations

import re

from lsprotocol import types as lsp

from orgspec.lsp.positions import LineIndex
from orgspec.lsp.scan import scan, statements, token_kind

__all__ = ["LEGEND", "semantic_tokens"]

_TYPES = ("keyword", "enumMember", "variable", "string", "number", "comment")
_MODIFIERS = ("declaration", "documentation")
#: The legend the server announces: token types and modifiers, by index.
LEGEND = lsp.SemanticTokensLegend(token_types=list(_TYPES), token_modifiers=list(_MODIFIERS))
_T = {name: i for i, name in enumerate(_TYPES)}
_DECLARATION, _DOCUMENTATION = 1, 2
_UNITS = frozenset({"body", "section", "office", "institution"})
_SUPPRESSION = re.compile(r"#\s*orgspec\s*:", re.IGNORECASE)
_KIND = {"string": "string", "nameref": "variable", "ref": "variable", "date": "number", "integer": "number"}


def semantic_tokens(text: str, lines: LineIndex) -> lsp.SemanticTokens:
    """Return the semantic tokens of a whole document, relative-encoded as LSP wants them."""
    classified: dict[int, tuple[int, int, int]] = {}  # start → (end, type, modifiers)
    for stmt in statements(text):
        for i, token in enumerate(stmt.tokens):
            kind = token_kind(token.text)
            modifiers = 0
            if i == 0:
                if kind != "identifier":
                    continue
                name = "keyword"
            elif kind == "identifier":
                declares = i == 1 and stmt.tokens[0].text in _UNITS and len(stmt.tokens) > 2
                name = "variable" if declares else "enumMember"
                modifiers = _DECLARATION if declares else 0
            elif kind in _KIND:
                name = _KIND[kind]
            else:
                continue
            classified[token.start] = (token.end, _T[name], modifiers)
    for token in scan(text):
        if token.text.startswith("#"):
            modifiers = _DOCUMENTATION if _SUPPRESSION.match(token.text) else 0
            classified[token.start] = (token.end, _T["comment"], modifiers)
    data: list[int] = []
    last_line = last_char = 0
    for start in sorted(classified):
        end, type_index, modifiers = classified[start]
        line, char = lines.position(start)
        end_line, end_char = lines.position(end)
        if end_line != line or end_char <= char:
            continue  # tokens never span lines; an empty one is not sent
        delta_line = line - last_line
        delta_char = char - last_char if delta_line == 0 else char
        data += [delta_line, delta_char, end_char - char, type_index, modifiers]
        last_line, last_char = line, char
    return lsp.SemanticTokens(data=data)
