"""Syntax tree to model: lowering, source map, reference resolution.

Public entry point: :func:`build`, which runs the whole front end on one
source text: parse, lower, resolve.

Imports: :mod:`orgspec.syntax`, :mod:`orgspec.model`, :mod:`orgspec.diagnostics`.
"""

from __future__ import annotations

import attrs

from orgspec.build.lower import SourceMap, lower
from orgspec.build.reader import Reader
from orgspec.build.resolve import Index, resolve
from orgspec.diagnostics import Diagnostic
from orgspec.model.units import Spec
from orgspec.source import SourceText
from orgspec.syntax import Document, parse_document

__all__ = ["Built", "Index", "SourceMap", "build"]


@attrs.frozen(slots=True)
class Built:
    """The result of the front end on one source: the model (None when unparsable) and findings."""

    source: SourceText
    document: Document
    spec: Spec | None
    source_map: SourceMap
    index: Index | None
    diagnostics: tuple[Diagnostic, ...]


def build(source: SourceText) -> Built:
    """Parse, lower and resolve one source text. Never raises on user input."""
    document, diagnostics = parse_document(source)
    if any(d.code in ("OS102", "OS103", "OS104", "OS105", "OS106") for d in diagnostics):
        return Built(source, document, None, SourceMap(), None, tuple(diagnostics))
    reader = Reader(source, diagnostics.append)
    spec, smap = lower(document.statements, reader)
    index = resolve(spec, smap, reader)
    return Built(source, document, spec, smap, index, tuple(diagnostics))
