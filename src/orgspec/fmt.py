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
from collections.abc import Iterator, Sequence

import attrs

from orgspec.diagnostics import Diagnostic
from orgspec.lowering import Built, build
from orgspec.model.units import Spec
from orgspec.source import SourceText
from orgspec.syntax.nodes import Comment, Stmt
from orgspec.text.printer import print_statements

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


def _print(built: Built, newline: str) -> str:
    document = built.document
    return print_statements(document.statements, document.comments, built.source, newline=newline)


def _shape(stmts: Sequence[Stmt]) -> str:
    """Return a digest of the statements without positions: what the formatter must not change.

    A SHA-256 over every keyword, argument (kind and value) and block boundary, in
    order, so that the input's syntax tree can be dropped before the output is read.
    """
    digest = hashlib.sha256()
    stack: list[Iterator[Stmt]] = [iter(stmts)]
    while stack:
        stmt = next(stack[-1], None)
        if stmt is None:
            stack.pop()
            digest.update(b"}")
            continue
        parts = [stmt.keyword]
        for a in stmt.args:
            parts += [a.kind.value, a.value]
        digest.update(repr(parts).encode("utf-8", "surrogatepass"))
        if stmt.block is not None:
            digest.update(b"{")
            stack.append(iter(stmt.block))
    return digest.hexdigest()


def _comment_texts(comments: Sequence[Comment]) -> Counter[str]:
    return Counter(c.text.rstrip() for c in comments)


@attrs.frozen(slots=True)
class _Before:
    """What the self-check needs of the input: its statements' digest, its model, its comments."""

    shape: str
    model: str | Spec | None  # a digest of the model (see _model_digest), or the model itself
    comments: Counter[str]


def _model_digest(spec: Spec | None) -> str | Spec | None:
    """Return a SHA-256 of the model's JSON, body by body, so that the model can be dropped.

    Two models built by the same lowering are equal exactly when their JSON is. If
    the model cannot be serialised (a lone surrogate from the library door), the
    model itself is returned and compared as it is.
    """
    if spec is None:
        return None
    digest = hashlib.sha256()
    try:
        for body in spec.bodies:
            digest.update(body.model_dump_json().encode("utf-8", "surrogatepass") + b"\0")
        for event in spec.history:
            digest.update(event.model_dump_json().encode("utf-8", "surrogatepass") + b"\0")
        digest.update(repr(spec.notes).encode("utf-8", "surrogatepass"))
    except (ValueError, UnicodeError):
        return spec
    return digest.hexdigest()


def _verify(before: _Before, output: str, filename: str, newline: str) -> str | None:
    after = build(SourceText(output, filename), positions=False)
    if any(d.code in _REFUSE_CODES for d in after.diagnostics):
        return "the formatted text does not parse"
    if _shape(after.document.statements) != before.shape:
        return "the formatted text has different statements"
    same = (
        after.spec == before.model if not isinstance(before.model, str) else _model_digest(after.spec) == before.model
    )
    if not same:
        return "the formatted text builds a different model"
    lost = before.comments - _comment_texts(after.document.comments)
    if lost:
        return f"the formatted text loses a comment: {next(iter(lost))!r}"
    if _print(after, newline) != output:
        return "formatting is not stable: a second pass changes the text again"
    return None


def format_source(text: str, filename: str = "<string>", *, verify: bool = True) -> FormatResult:
    """Format spec text; never raises on user input."""
    built = build(SourceText(text, filename), positions=False)  # the formatter needs no source map
    syntax = tuple(d for d in built.diagnostics if d.code in _REFUSE_CODES)
    if syntax:
        return FormatResult(text, None, syntax)
    newline = detect_newline(text)
    output = _print(built, newline)
    if verify and output != text:
        before = _Before(
            _shape(built.document.statements), _model_digest(built.spec), _comment_texts(built.document.comments)
        )
        del built  # the input's syntax tree and model are not needed any more: the output's are built next
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
