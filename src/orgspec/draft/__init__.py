"""Draft a spec from the text of a 三定-style document: ``orgspec draft DOC.txt``.

The pipeline, one module per stage::

    normalize  → lines: widths folded, junk tokens stripped, a matching key per line
    segment    → parts by heading: head, duties, changes, sections, staffing, institutions, history
    extract_*  → facts, each with its source line (extract_en reads the English translation)
    assemble   → the model and the line of each of its elements
    emit       → canonical spec text with ``# L12`` / ``# draft:`` comments, and the JSON report

Nothing is guessed silently: every doubt and every anomaly of the document is
a located note in the draft and in the report.

Imports: :mod:`orgspec.draft.pipeline`, :mod:`orgspec.limits`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from orgspec.draft.pipeline import run
from orgspec.limits import MAX_DRAFT_BYTES
from orgspec.model.units import Spec

__all__ = ["Draft", "draft"]


@dataclass(frozen=True)
class Draft:
    """The result of drafting: the model, its text and the report."""

    spec: Spec
    text: str
    report: dict[str, Any]


def draft(text: str, source_name: str = "<string>") -> Draft:
    """Draft a spec from the text of a document.

    Never raises on any text up to :data:`orgspec.limits.MAX_DRAFT_BYTES`
    characters; a longer text raises ``ValueError`` at once (docs/limits.md).
    """
    if len(text) > MAX_DRAFT_BYTES:
        raise ValueError(f"the document has {len(text):,} characters; draft reads at most {MAX_DRAFT_BYTES:,}")
    spec, out, rep = run(text, source_name)
    return Draft(spec, out, rep)
