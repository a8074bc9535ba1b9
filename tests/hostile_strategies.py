"""Hypothesis strategies for hostile report input: diagnostics whose every field is any Python string.

Shared by ``tests/test_hardening_second.py`` and the long fuzz run (``python -m tests.fuzz``).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

from orgspec.codes import CODES
from orgspec.diagnostics import Diagnostic, Related, Severity
from orgspec.source import SourceText, Span

#: Any Python string, lone surrogates and controls included, biased towards the nasty ones.
HOSTILE = "\ud800\udc80\udfff\u202e\u2066\x00\x1b\r\n\t%:,<&]]>\"'\\\ufffe\uffff\u2028"
_chars = st.one_of(
    st.characters(),
    st.sampled_from(HOSTILE),
    st.integers(0, 0x10FFFF).map(chr),  # every code point, surrogates included
)
any_text = st.one_of(st.text(), st.text(alphabet=_chars, max_size=40))
codes = st.one_of(st.sampled_from(sorted(CODES)), any_text)


@st.composite
def sources(draw: st.DrawFn) -> SourceText:
    """Return a source text with any name and any text."""
    return SourceText(draw(any_text), draw(st.one_of(any_text, st.just("/abs/" + draw(any_text)))))


@st.composite
def spans(draw: st.DrawFn, source: SourceText | None) -> Span | None:
    """Return no span, a span inside the source, or any pair of offsets."""
    if source is None or draw(st.booleans()):
        return None
    n = len(source.text)
    if draw(st.booleans()):
        start = draw(st.integers(0, n))
        return Span(start, draw(st.integers(start, n)))
    return Span(draw(st.integers(-5, n + 5)), draw(st.integers(-5, n + 5)))


@st.composite
def diagnostics(draw: st.DrawFn) -> Diagnostic:
    """Return one diagnostic whose every text field is any string."""
    source = draw(st.one_of(st.none(), sources()))
    related = tuple(Related(draw(any_text), draw(spans(source)), source) for _ in range(draw(st.integers(0, 2))))
    return Diagnostic(
        draw(codes),
        draw(any_text),
        draw(spans(source)),
        source,
        severity=draw(st.sampled_from(list(Severity))),
        hint=draw(st.one_of(st.none(), any_text)),
        related=related,
    )


@st.composite
def runs(draw: st.DrawFn) -> tuple[list[Diagnostic], tuple[str, ...], Path]:
    """Return the diagnostics of a run, the files checked (any names) and a root."""
    found = draw(st.lists(diagnostics(), max_size=4))
    files = tuple(draw(st.lists(any_text, max_size=3))) + tuple(d.file for d in found if d.file)
    return found, files, Path("/work")
