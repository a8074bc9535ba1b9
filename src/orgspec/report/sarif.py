"""SARIF 2.1.0, the format GitHub code scanning and other analysers read.

One run with the tool's rules (every code of :mod:`orgspec.codes`, with its
summary, explanation and examples as help text), one result per diagnostic
with its primary and related locations (URIs percent-encoded as RFC 3986
references; the region's snippet is the text
of the span, the context region's the whole lines), paths relative to the ``SRCROOT``
base, columns counted in Unicode code points, and a partial fingerprint that
stays the same when lines move (see :mod:`orgspec.report.context`). A policy
finding (OS801) carries its rule in the result's ``properties.policy`` (pack,
rule id, title, basis and source). The output validates against the OASIS schema (tested).

Imports: :mod:`orgspec.codes`, :mod:`orgspec.diagnostics`, :mod:`orgspec.source`,
:mod:`orgspec.report.context`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from orgspec import __version__
from orgspec.codes import CODES, Code
from orgspec.diagnostics import Diagnostic, Severity
from orgspec.report.context import ReportContext, encodable, fingerprints, relative_path
from orgspec.source import SourceText, Span

__all__ = ["FINGERPRINT_KEY", "SCHEMA_URI", "artifact_uri", "format_sarif"]

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
#: The key of orgspec's own entry in ``partialFingerprints``; the version changes if the hash does.
FINGERPRINT_KEY = "orgspecFindingHash/v1"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _help(code: Code) -> dict[str, str]:
    text = [code.summary, "", code.explanation]
    markdown = [f"**{code.code} {code.name}**: {code.summary}", "", code.explanation]
    if code.bad:
        text += ["", "Triggers it:", code.bad]
        markdown += ["", "Triggers it:", "", "```", code.bad, "```"]
    if code.good:
        text += ["", "Does not:", code.good]
        markdown += ["", "Does not:", "", "```", code.good, "```"]
    return {"text": "\n".join(text), "markdown": "\n".join(markdown)}


def _rule(code: Code) -> dict[str, object]:
    return {
        "id": code.code,
        "name": code.name,
        "shortDescription": {"text": code.summary},
        "fullDescription": {"text": code.explanation},
        "help": _help(code),
        "defaultConfiguration": {"level": _LEVELS[Severity(code.severity)]},
        "properties": {"tags": ["orgspec"]},
    }


def artifact_uri(rel: str) -> str:
    """Return a path as an RFC 3986 URI reference: a ``file:`` URI when absolute, else a relative one.

    Every character outside the unreserved set and ``/`` is percent-encoded
    as UTF-8 (a space as ``%20``, ``%`` as ``%25``, ``#`` as ``%23``, Chinese
    as its bytes), so the reference parses back to the same path; a ``:`` in
    the first segment is encoded too, so it cannot read as a scheme.
    """
    if rel.startswith("/"):
        return "file://" + quote(rel, safe="/")
    return quote(rel, safe="/")


def _artifact(name: str | None, root: Path) -> dict[str, str]:
    rel = relative_path(name, root)
    if rel.startswith("/"):
        return {"uri": artifact_uri(encodable(rel))}
    return {"uri": artifact_uri(encodable(rel)), "uriBaseId": "SRCROOT"}


def _physical(source: SourceText | None, span: Span | None, root: Path) -> dict[str, object]:
    location: dict[str, object] = {"artifactLocation": _artifact(source.filename if source else None, root)}
    if source is not None and span is not None:
        start = source.position(span.start)
        end = source.position(span.end)
        region: dict[str, object] = {
            "startLine": start.line,
            "startColumn": start.column,
            "endLine": end.line,
            "endColumn": end.column,
        }
        if span.end > span.start:
            region["snippet"] = {"text": source.text[span.start : span.end]}
        location["region"] = region
        lines = [source.line_text(n) for n in range(start.line, end.line + 1)]
        location["contextRegion"] = {
            "startLine": start.line,
            "endLine": end.line,
            "snippet": {"text": "\n".join(lines)},
        }
    return location


def _result(d: Diagnostic, fingerprint: str, rule_index: dict[str, int], root: Path) -> dict[str, object]:
    result: dict[str, object] = {"ruleId": d.code}
    if d.code in rule_index:  # a code of orgspec's (a library user may make diagnostics of their own)
        result["ruleIndex"] = rule_index[d.code]
    result |= {
        "level": _LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [{"physicalLocation": _physical(d.source, d.span, root)}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if d.related:
        result["relatedLocations"] = [
            {
                "id": i,
                "physicalLocation": _physical(r.source or d.source, r.span, root),
                "message": {"text": r.message},
            }
            for i, r in enumerate(d.related, start=1)
        ]
    properties: dict[str, object] = {}
    if d.hint:
        properties["hint"] = d.hint
    if d.policy is not None:
        properties["policy"] = d.policy.to_dict()
    if properties:
        result["properties"] = properties
    return result


def format_sarif(diagnostics: Sequence[Diagnostic], context: ReportContext) -> str:
    """Return the SARIF 2.1.0 log of one run."""
    codes = list(CODES.values())
    rule_index = {c.code: i for i, c in enumerate(codes)}
    prints = fingerprints(diagnostics, context.root)
    root_uri = artifact_uri(context.root.resolve().as_posix().rstrip("/") + "/")
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "orgspec",
                        "version": __version__,
                        "rules": [_rule(c) for c in codes],
                    }
                },
                "originalUriBaseIds": {"SRCROOT": {"uri": root_uri}},
                "columnKind": "unicodeCodePoints",
                "results": [
                    _result(d, fp, rule_index, context.root) for d, fp in zip(diagnostics, prints, strict=True)
                ],
            }
        ],
    }
    return encodable(json.dumps(log, ensure_ascii=False, indent=2)) + "\n"
