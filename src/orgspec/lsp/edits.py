"""References, rename and code actions: answers that point at, or change, places in one document.

* references: every ``@id`` (and ``@"name"``) that names the same unit as the
  reference, id or name at the cursor, with the unit's declaration on request;
* rename: a unit's id where it is declared and in every ``@id`` that names it,
  refused for a text that is not an identifier or an id another unit has;
* code actions: add a suppression comment with a reason for a finding, change
  a stated count to what is listed (OS301), and convert a string between
  simplified and traditional characters (OpenCC, when installed).

Imports: lsprotocol, pygls (its error for refused renames), :mod:`orgspec.lsp.features`,
:mod:`orgspec.lsp.scan`, :mod:`orgspec.model`, :mod:`orgspec.syntax`; opencc when a
conversion is asked for.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcInvalidParams

from orgspec.diagnostics import Diagnostic
from orgspec.export.lang import script_of
from orgspec.lsp.features import Document, _args, _diagnostic, _reference_at
from orgspec.lsp.scan import scan, token_kind
from orgspec.model.values import Ref
from orgspec.source import Span
from orgspec.syntax.nodes import ArgKind

__all__ = ["code_actions", "prepare_rename", "references", "rename"]

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*\Z")
_SUPPRESSION = re.compile(r"#\s*orgspec\s*:\s*ignore\s*\[(?P<codes>[^\]]*)\]", re.IGNORECASE)
_LISTS = re.compile(r" but lists (\d+)$")
#: The reason written by the "suppress" action, for the author to replace with the real one.
REASON = "TODO: say why this finding is accepted"
_UNSUPPRESSIBLE = ("OS1", "OS7")


# ---- what is at the cursor ---------------------------------------------------------------
def _unit_at(doc: Document, offset: int) -> str | None:
    """Return the path of the unit whose reference, id or name is at ``offset``."""
    found = _reference_at(doc, offset)
    if found is not None:
        return found[1]
    for key, span in doc.analysis.built.source_map.spans.items():
        if key.endswith(("/id", "/name")) and "/plaques/" not in key and span.start <= offset <= span.end:
            path = key.rsplit("/", 1)[0]
            if doc.analysis.built.index is not None and path in doc.analysis.built.index.units:
                return path
    return None


def _id_at(doc: Document, offset: int) -> tuple[str, Span] | None:
    """Return the path of the unit whose id is at ``offset`` (declared or ``@id``) and the id's span."""
    built = doc.analysis.built
    if built.index is None:
        return None
    for arg in _args(built.document.statements):
        if arg.kind is ArgKind.REF and arg.span.start <= offset <= arg.span.end:
            path = built.index.lookup(Ref(target=arg.value, by="id"))
            return (path, Span(arg.span.start + 1, arg.span.end)) if path is not None else None
    for key, span in built.source_map.spans.items():
        if key.endswith("/id") and span.start <= offset <= span.end:
            path = key[: -len("/id")]
            if path in built.index.units:
                return path, span
    return None


def _refs_to(doc: Document, path: str) -> list[Span]:
    built = doc.analysis.built
    assert built.index is not None
    out = []
    for arg in _args(built.document.statements):
        if arg.kind in (ArgKind.REF, ArgKind.NAMEREF):
            ref = Ref(target=arg.value, by="id" if arg.kind is ArgKind.REF else "name")
            if built.index.lookup(ref) == path:
                out.append(arg.span)
    return sorted(out, key=lambda s: s.start)


# ---- references and rename -----------------------------------------------------------------
def references(doc: Document, position: lsp.Position, include_declaration: bool) -> list[lsp.Location]:
    """Return the references to the unit named at a position (and its name, when asked)."""
    path = _unit_at(doc, doc.offset(position))
    if path is None:
        return []
    spans = _refs_to(doc, path)
    if include_declaration:
        declared = doc.analysis.built.source_map.get(path + "/id", path + "/name")
        if declared is not None:
            spans.insert(0, declared)
    return [lsp.Location(doc.uri, doc.range(s)) for s in spans]


def prepare_rename(doc: Document, position: lsp.Position) -> lsp.PrepareRenamePlaceholder | None:
    """Return the id at a position and its range, or None where there is no unit id to rename."""
    found = _id_at(doc, doc.offset(position))
    if found is None:
        return None
    span = found[1]
    return lsp.PrepareRenamePlaceholder(range=doc.range(span), placeholder=doc.text[span.start : span.end])


def rename(doc: Document, position: lsp.Position, new_name: str) -> lsp.WorkspaceEdit | None:
    """Rename a unit's id in its declaration and in every ``@id``; refuse an invalid or taken id."""
    found = _id_at(doc, doc.offset(position))
    if found is None:
        return None
    path, span = found
    index = doc.analysis.built.index
    assert index is not None
    name = new_name[1:] if new_name.startswith("@") else new_name
    if not _IDENT.match(name):
        raise JsonRpcInvalidParams(
            f"{new_name!r} is not an id: an id starts with a letter or _ and goes on with letters, digits, _, . or -"
        )
    old = doc.text[span.start : span.end]
    owner = index.by_id.get(name)
    if owner is not None and owner != path:
        raise JsonRpcInvalidParams(f"the id {name!r} is already the id of '{index.units[owner].name}'")
    if name == old:
        return lsp.WorkspaceEdit(changes={doc.uri: []})
    spans = []
    declared = doc.analysis.built.source_map.get(path + "/id")
    if declared is not None:
        spans.append(declared)
    for arg in _args(doc.analysis.built.document.statements):
        if arg.kind is ArgKind.REF and arg.value == old:
            spans.append(Span(arg.span.start + 1, arg.span.end))
    edits = [lsp.TextEdit(doc.range(s), name) for s in sorted(spans, key=lambda s: s.start)]
    return lsp.WorkspaceEdit(changes={doc.uri: edits})


# ---- code actions ----------------------------------------------------------------------------
def _overlaps(span: Span | None, start: int, end: int) -> bool:
    return span is not None and span.start <= end and start <= max(span.end, span.start + 1)


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    ends = [i for i in (text.find("\n", offset), text.find("\r", offset)) if i >= 0]
    return start, min(ends) if ends else len(text)


def _suppress(doc: Document, d: Diagnostic, lsp_diag: lsp.Diagnostic) -> lsp.CodeAction | None:
    if d.span is None or d.code.startswith(_UNSUPPRESSIBLE):
        return None
    start, end = _line_bounds(doc.text, d.span.start)
    comments = [c for c in doc.analysis.built.document.comments if start <= c.span.start < end]
    if comments:
        existing = _SUPPRESSION.match(comments[-1].text)
        if existing is not None:  # add the code to the suppression already on the line
            at = comments[-1].span.start + existing.end("codes")
            edit = lsp.TextEdit(doc.range(Span(at, at)), f", {d.code}")
        else:  # another comment ends the line: the suppression goes alone on the line above
            indent = re.match(r"[ \t]*", doc.text[start:end])
            prefix = indent.group() if indent else ""
            edit = lsp.TextEdit(doc.range(Span(start, start)), f"{prefix}# orgspec: ignore[{d.code}] {REASON}\n")
    else:
        edit = lsp.TextEdit(doc.range(Span(end, end)), f"  # orgspec: ignore[{d.code}] {REASON}")
    return lsp.CodeAction(
        title=f"Suppress {d.code} on this line (with a reason to fill in)",
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[lsp_diag],
        edit=lsp.WorkspaceEdit(changes={doc.uri: [edit]}),
    )


def _fix_count(doc: Document, d: Diagnostic, lsp_diag: lsp.Diagnostic) -> lsp.CodeAction | None:
    listed = _LISTS.search(d.message)
    if d.code != "OS301" or listed is None or d.span is None:
        return None
    stated = doc.text[d.span.start : d.span.end]
    return lsp.CodeAction(
        title=f"Change the stated count {stated} to {listed.group(1)}, the number listed",
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[lsp_diag],
        edit=lsp.WorkspaceEdit(changes={doc.uri: [lsp.TextEdit(doc.range(d.span), listed.group(1))]}),
    )


@functools.lru_cache(maxsize=2)
def converter(config: str) -> Callable[[str], str] | None:
    """Return the conversion ``t2s`` or ``s2t`` of :mod:`orgspec.model.script`, or None without OpenCC's data."""
    try:
        import opencc  # noqa: PLC0415, F401 - the package that ships OpenCC's dictionaries
    except ImportError:
        return None
    from orgspec.model.script import to_simplified, to_traditional  # noqa: PLC0415

    return to_simplified if config == "t2s" else to_traditional


def _convert(doc: Document, start: int, end: int) -> list[lsp.CodeAction]:
    out = []
    for token in scan(doc.text):
        if token.start > end:
            break
        if token.end < start or token_kind(token.text) != "string" or not token.text.endswith('"'):
            continue
        written = script_of(token.text)  # the characters in one script only, from orgspec.export.lang's table
        for config, script, tag in (("t2s", "simplified", "zh-Hans"), ("s2t", "traditional", "zh-Hant")):
            if written == tag:
                continue  # already in that script: OpenCC would only swap variants (秘 → 祕)
            convert = converter(config)
            if convert is None:
                return []
            new = convert(token.text)
            if new != token.text:
                out.append(
                    lsp.CodeAction(
                        title=f"Convert to {script} characters: {new}",
                        kind=lsp.CodeActionKind.RefactorRewrite,
                        edit=lsp.WorkspaceEdit(
                            changes={doc.uri: [lsp.TextEdit(doc.range(Span(token.start, token.end)), new)]}
                        ),
                    )
                )
    return out


def code_actions(doc: Document, selection: lsp.Range) -> list[lsp.CodeAction]:
    """Return the actions for a range: fixes for the findings there, then script conversions of its strings."""
    start = doc.offset(selection.start)
    end = doc.offset(selection.end)
    out: list[lsp.CodeAction] = []
    for d in doc.findings:
        if not _overlaps(d.span, start, end):
            continue
        lsp_diag = _diagnostic(doc, d)
        for make in (_fix_count, _suppress):
            action = make(doc, d, lsp_diag)
            if action is not None:
                out.append(action)
    return out + _convert(doc, start, end)
