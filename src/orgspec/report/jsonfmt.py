"""The JSON formats: the versioned document (``json``) and one object per line (``json-lines``).

JSON: ``{"version": 1, "diagnostics": [...], "summary": {...}}``, each
diagnostic in the form of :meth:`orgspec.diagnostics.Diagnostic.to_dict`.
JSON Lines: the same diagnostic objects, one per line, and nothing else.

Imports: :mod:`orgspec.diagnostics`, :mod:`orgspec.report.summary`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from orgspec.diagnostics import Diagnostic
from orgspec.report.context import encodable
from orgspec.report.summary import Summary

__all__ = ["format_json", "format_json_lines"]


def format_json(diagnostics: Sequence[Diagnostic], summary: Summary) -> str:
    """Return the versioned JSON document of ``orgspec check --output-format json``."""
    doc = {
        "version": 1,
        "diagnostics": [d.to_dict() for d in diagnostics],
        "summary": summary.to_dict(),
    }
    return encodable(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n"


def format_json_lines(diagnostics: Sequence[Diagnostic]) -> str:
    """Return one compact JSON object per diagnostic, one per line."""
    return encodable("".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in diagnostics))
