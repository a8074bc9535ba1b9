"""Syntax tree to model: lowering, source map, reference resolution.

Public entry point: :func:`build`, which runs the whole front end on one
source text: parse, lower, resolve.

Imports: :mod:`orgspec.syntax`, :mod:`orgspec.model`, :mod:`orgspec.diagnostics`.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

import attrs

from orgspec.diagnostics import Diagnostic
from orgspec.lowering.lower import SourceMap, StreamLowerer, lower
from orgspec.lowering.reader import Reader
from orgspec.lowering.resolve import Index, resolve
from orgspec.model.trusted import pooled
from orgspec.model.units import Spec
from orgspec.source import SourceText
from orgspec.syntax import Document, parse_document

__all__ = ["Built", "Index", "SourceMap", "build", "gc_paused"]


@attrs.frozen(slots=True)
class Built:
    """The result of the front end on one source: the model (None when unparsable) and findings."""

    source: SourceText
    document: Document
    spec: Spec | None
    source_map: SourceMap
    index: Index | None
    diagnostics: tuple[Diagnostic, ...]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building a large, fully live object graph.

    Every node built by the front end stays alive until the build returns, so
    collections during it find nothing to free and only cost time (their cost
    grows with the heap). Reference counting still frees temporaries at once.

    Switched back on as it is, the collector would walk every object of the build
    (all in the youngest generation) at its next young pass, again at the next
    middle one, and then in a full one: about a fifth of a check's time. So the
    outermost pause hands them (with whatever else was young) to the oldest
    generation first (``gc.freeze`` then ``gc.unfreeze``, two list splices),
    unless the program froze objects of its own (which ``unfreeze`` would release). They are not frozen for good: a full
    collection still looks at them, and a check makes no reference cycles
    (tests/test_throughput.py), so what it built is freed by reference counting
    as soon as it is dropped, also in a long-lived process such as the language
    server.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        gc.enable()


#: A text of at least this many characters (about 500 generated units) shares its equal models
#: when built without its tree; a smaller one's model is small anyway, and is dropped as soon as
#: it is checked (``orgspec check`` on many files), so sharing would only cost time.
POOL_MIN_CHARS = 1 << 17

_SYNTAX = ("OS102", "OS103", "OS104", "OS105", "OS106")


def build(source: SourceText, *, keep_tree: bool = True, positions: bool = True) -> Built:
    """Parse, lower and resolve one source text. Never raises on user input.

    With ``keep_tree=False`` each top-level statement is lowered as soon as it is
    parsed and then dropped, so the syntax tree is never whole in memory (about
    half the peak memory of a large file, docs/performance.md); the result's
    ``document`` then holds the comments but no statements. The model, the
    source map and the diagnostics are the same.

    A build without the tree of a text of :data:`POOL_MIN_CHARS` or more also shares
    equal models other than units (figures, dates, references, duties:
    :func:`orgspec.model.trusted.pooled`), since it is the one that keeps the model
    of a large file for the checks; the models are equal either way.

    ``positions=False`` (for the formatter, which compares models and prints the
    tree) records no source map and does not resolve references: ``index`` is
    None, and the diagnostics are those of reading and lowering only.
    """
    with gc_paused():
        return _build(source, positions) if keep_tree else _build_streaming(source)


def _build(source: SourceText, positions: bool = True) -> Built:
    document, diagnostics = parse_document(source)
    if any(d.code in _SYNTAX for d in diagnostics):
        return Built(source, document, None, SourceMap(), None, tuple(diagnostics))
    reader = Reader(source, diagnostics.append)
    spec, smap = lower(document.statements, reader, positions=positions)
    if not positions:
        return Built(source, document, spec, smap, None, tuple(diagnostics))
    index = resolve(spec, smap, reader)
    return Built(source, document, spec, smap, index, tuple(diagnostics))


def _build_streaming(source: SourceText) -> Built:
    lowered: list[Diagnostic] = []
    reader = Reader(source, lowered.append)
    lowerer = StreamLowerer(reader)
    # equal figures, dates, references and duties are kept once (orgspec.model.trusted) in a text
    # large enough for it to matter: finding the equal one costs about a tenth of the build
    sharing = pooled() if len(source.text) >= POOL_MIN_CHARS else contextlib.nullcontext()
    with sharing:
        document, diagnostics = parse_document(source, lowerer.top)
    if any(d.code in _SYNTAX for d in diagnostics):  # what was lowered before the error is dropped
        return Built(source, document, None, SourceMap(), None, tuple(diagnostics))
    spec, smap = lowerer.finish()
    index = resolve(spec, smap, reader)
    diagnostics.extend(lowered)
    return Built(source, document, spec, smap, index, tuple(diagnostics))
