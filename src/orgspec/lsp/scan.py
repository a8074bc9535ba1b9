"""A forgiving scan of spec text into statements, for editor features that must work while typing.

The parser refuses a text with an unclosed brace or string; an editor asks
for completions and colours exactly then. This scanner reads any text with
the lexical rules of ``grammar.lark`` (strings, ``@`` references, dates,
integers, identifiers, comments, braces and separators) and yields each
statement with the keywords of the blocks it is nested in. It never raises.

Imports: the standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

__all__ = ["Statement", "Token", "scan", "statements", "token_kind"]

# One token: a (possibly unterminated) string or name reference, a comment, a brace, a separator,
# or a run of anything else up to whitespace. The kinds below follow grammar.lark.
_TOKEN = re.compile(
    r'@?"(?:[^"\\\n\r]|\\.)*"?'  # STRING, NAMEREF (unterminated ones run to the end of the line)
    r"|#[^\n\r]*"  # comment
    r"|[{};]|\r\n|\r|\n"  # braces and separators
    r'|[^\s{};"#]+'  # everything else: identifiers, numbers, dates, @refs
)
_SPACE = re.compile(r"[ \t\f\u00a0\u3000]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{1,2}(-[0-9]{1,2})?\Z")
_INT = re.compile(r"[+-]?\d+\Z")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*\Z")
_REF = re.compile(r"@[A-Za-z_][A-Za-z0-9_.\-]*\Z")


@attrs.frozen(slots=True)
class Token:
    """A token: its text and code-point offsets."""

    text: str
    start: int
    end: int


@attrs.frozen(slots=True)
class Statement:
    """A statement: its tokens (keyword first), the keywords of the enclosing blocks, outermost first."""

    tokens: tuple[Token, ...]
    blocks: tuple[str, ...]


def token_kind(text: str) -> str:
    """Return the lexical kind of a token's text: string, nameref, ref, date, integer, identifier, comment, other."""
    if text.startswith("#"):
        return "comment"
    if text.startswith('"'):
        return "string"
    if text.startswith('@"'):
        return "nameref"
    if _REF.match(text):
        return "ref"
    if _DATE.match(text):
        return "date"
    if _INT.match(text):
        return "integer"
    if _IDENT.match(text):
        return "identifier"
    return "other"


def scan(text: str) -> Iterator[Token]:
    """Yield every token of ``text``, comments and separators included, never raising."""
    i, n = 0, len(text)
    while i < n:
        space = _SPACE.match(text, i)
        if space is not None:
            i = space.end()
            continue
        m = _TOKEN.match(text, i)
        if m is None:  # a lone quote at the end of a line, or the like: one character
            yield Token(text[i], i, i + 1)
            i += 1
            continue
        yield Token(m.group(), i, m.end())
        i = m.end()


def statements(text: str, end: int | None = None) -> Iterator[Statement]:
    """Yield the statements of ``text`` (up to offset ``end``), each with its enclosing block keywords.

    A statement is yielded when it ends (at a separator, a brace or ``end``);
    the last one yielded is the one being typed at ``end``, its last token cut
    at ``end``.
    """
    stack: list[str] = []
    current: list[Token] = []
    limit = len(text) if end is None else end
    for whole in scan(text):
        if whole.start >= limit:
            break
        # the word under the cursor: only what is typed before it counts
        token = whole if whole.end <= limit else Token(whole.text[: limit - whole.start], whole.start, limit)
        t = token.text
        if t.startswith("#"):
            continue
        if t == "{":
            if current:
                yield Statement(tuple(current), tuple(stack))
            stack.append(current[0].text if current else "")
            current = []
        elif t == "}":
            if current:
                yield Statement(tuple(current), tuple(stack))
            if stack:
                stack.pop()
            current = []
        elif t in (";", "\n", "\r", "\r\n"):
            if current:
                yield Statement(tuple(current), tuple(stack))
            current = []
        else:
            current.append(token)
    yield Statement(tuple(current), tuple(stack))
