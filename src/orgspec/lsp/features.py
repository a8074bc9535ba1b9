"""What the language server answers, as pure functions of one document's text and analysis.

Diagnostics (each linked to its code's section of ``docs/checks.md``), hover,
go to definition, the document outline and formatting; completion, references,
rename, code actions and semantic tokens are in :mod:`orgspec.lsp.complete`,
:mod:`orgspec.lsp.edits` and :mod:`orgspec.lsp.tokens`.
Nothing here talks to a client: :mod:`orgspec.lsp.server` wires these into
pygls. Positions go through :class:`~orgspec.lsp.positions.LineIndex`, so
characters outside the BMP are counted as the client expects.

Imports: lsprotocol (installed with pygls), :mod:`orgspec.api`, :mod:`orgspec.lowering`,
:mod:`orgspec.codes`, :mod:`orgspec.fmt`, :mod:`orgspec.model`, :mod:`orgspec.syntax`,
:mod:`orgspec.lsp.positions`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
from lsprotocol import types as lsp

from orgspec.api import Analysis, analyze
from orgspec.codes import CODES
from orgspec.diagnostics import Diagnostic, Related, Severity
from orgspec.fmt import format_source
from orgspec.lowering.resolve import walk_paths
from orgspec.lsp.positions import LineIndex
from orgspec.model.arith import sum_counts
from orgspec.model.pools import PoolKey, pool_key, pool_name
from orgspec.model.units import Post, PostGroup, Unit
from orgspec.model.values import Count, CountStatus, QuotaCategory, Ref
from orgspec.source import Span
from orgspec.syntax.nodes import Arg, ArgKind, Stmt

if TYPE_CHECKING:
    from orgspec.policy import PackModel

__all__ = ["Document", "definition", "diagnostics", "formatting", "hover", "symbols"]

_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
_CODE = re.compile(r"OS\d{3}")


@attrs.frozen(slots=True)
class Document:
    """One open document: its URI, text, analysis, line index and its findings once configured."""

    uri: str
    text: str
    analysis: Analysis
    lines: LineIndex
    #: The findings the configuration keeps (``select``, ``ignore``, ``severity``, per-file ignores);
    #: None: all of the analysis's.
    configured: tuple[Diagnostic, ...] | None = None

    @classmethod
    def open(
        cls,
        uri: str,
        text: str,
        encoding: str = "utf-16",
        *,
        policy: Sequence[PackModel] = (),
        settings: Callable[[Sequence[Diagnostic]], list[Diagnostic]] | None = None,
    ) -> Document:
        """Analyse ``text`` with the ``policy`` packs, then apply ``settings`` (never raises on user input)."""
        analysis = analyze(text, uri, policy=policy)
        configured = tuple(settings(analysis.diagnostics)) if settings is not None else None
        return cls(uri, text, analysis, LineIndex(text, encoding), configured)

    @property
    def findings(self) -> tuple[Diagnostic, ...]:
        """Return the findings shown for this document (its own, as configured)."""
        return self.analysis.diagnostics if self.configured is None else self.configured

    def range(self, span: Span | None) -> lsp.Range:
        """Return the LSP range of a span (the start of the file when unknown)."""
        if span is None:
            return lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0))
        start, end = self.lines.position(span.start), self.lines.position(span.end)
        return lsp.Range(lsp.Position(*start), lsp.Position(*end))

    def offset(self, position: lsp.Position) -> int:
        """Return the code-point offset of an LSP position."""
        return self.lines.offset(position.line, position.character)


@functools.lru_cache(maxsize=1)
def checks_page() -> str | None:
    """Return the URI of ``docs/checks.md``: shipped in the wheel, or in the source checkout; None if absent."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "docs" / "checks.md", package.parent.parent / "docs" / "checks.md"):
        if candidate.is_file():
            return candidate.as_uri()
    return None


def docs_href(code: str) -> str | None:
    """Return the link to a code's documentation: ``checks.md#os301`` (the page's heading anchor)."""
    page = checks_page()
    return None if page is None or code not in CODES else f"{page}#{code.lower()}"


def _diagnostic(
    doc: Document, d: Diagnostic, elsewhere: Callable[[Related], lsp.Location | None] | None = None
) -> lsp.Diagnostic:
    """Return a finding in LSP form; ``elsewhere`` locates a related location in another file."""
    related: list[lsp.DiagnosticRelatedInformation] = []
    for r in d.related:
        if r.span is None:
            continue
        if r.source is None or r.source.filename == d.file:
            related.append(lsp.DiagnosticRelatedInformation(lsp.Location(doc.uri, doc.range(r.span)), r.message))
        elif elsewhere is not None and (where := elsewhere(r)) is not None:
            related.append(lsp.DiagnosticRelatedInformation(where, r.message))
    message = d.message + (f"\nhint: {d.hint}" if d.hint else "")
    return lsp.Diagnostic(
        range=doc.range(d.span),
        message=message,
        severity=_SEVERITY[d.severity],
        code=d.code,
        code_description=lsp.CodeDescription(href) if (href := docs_href(d.code)) else None,
        source="orgspec",
        related_information=related or None,
        data={"policy": d.policy.to_dict()} if d.policy is not None else None,
    )


def diagnostics(doc: Document) -> list[lsp.Diagnostic]:
    """Return the document's diagnostics in LSP form."""
    return [_diagnostic(doc, d) for d in doc.findings]


# ---- hover -------------------------------------------------------------------------
def _count(count: Count) -> str:
    if count.status is CountStatus.NUMBER:
        return str(count.value)
    if count.status is CountStatus.SEPARATELY:
        return "determined separately"
    if count.status is CountStatus.UNSTATED:
        return "not stated"
    if count.status is CountStatus.CUT_OFF:
        return f"cut off by the copy ({count.text}…)"
    if count.status is CountStatus.RANGE:
        return f"a range, {count.range_text()} ({count.text})"
    return f"unreadable ({count.text})"


def _post_line(post: Post) -> str:
    extra = [x for x in (post.role, "approved separately" if post.approved_separately else None) if x]
    if post.concurrent:
        extra.append(f"concurrently {post.concurrent}")
    return f"{post.title} {_count(post.count)}" + (f" ({', '.join(extra)})" if extra else "")


def unit_summary(unit: Unit) -> str:
    """Return a Markdown summary of a unit: kind, rank, plaques, quotas with totals, staff in post, posts."""
    lines = [f"**{unit.name}**" + (f" `@{unit.id}`" if unit.id else "")]
    facts = []
    if unit.kind is not None:
        facts.append(f"kind: {unit.kind.value}" + (f" ({unit.kind_label})" if unit.kind_label else ""))
    if unit.rank:
        facts.append(f"rank: {unit.rank}")
    if unit.section_rank:
        facts.append(f"sections at: {unit.section_rank}")
    if facts:
        lines.append(" · ".join(facts))
    if unit.plaques:
        lines.append("plaques: " + "、".join(p.name for p in unit.plaques))
    if unit.short_names:
        lines.append("short names: " + "、".join(s.name for s in unit.short_names))
    if unit.stands_for is not None:
        lines.append(f"stands for a class of {_count(unit.stands_for.count)} like bodies")
    for q in unit.quotas:
        parts = "".join(
            f"; {p.relation} {p.label or p.category_label or p.category or ''} {_count(p.count)}"
            + (f" \u00d7 {len(p.each)}" if p.each else "")
            for p in q.parts
        )
        lines.append(f"quota {pool_name(q.category, q.category_label)}: {_count(q.count)}{parts}")
    for a in unit.actual:
        lines.append(f"staff in post ({a.category or 'every category'}): {_count(a.count)}")
    if unit.excerpt:
        lines.append("the document quotes only part of its " + ", ".join(e.what for e in unit.excerpt))
    if unit.cut_off:
        lines.append("the stored copy lacks part of its " + ", ".join(c.what for c in unit.cut_off))
    # totals by pool: a pool of no known category is the one its words name (专职干部 and 人员编制 are two)
    below: dict[PoolKey, list[Count]] = {}
    names: dict[PoolKey, str] = {}
    for sub in list(unit.walk())[1:]:
        for q in sub.quotas:
            key = pool_key(q.category, q.category_label)
            names.setdefault(key, pool_name(q.category, q.category_label))
            below.setdefault(key, []).append(q.count)
    if below:
        own: dict[PoolKey, Count] = {}
        for q in unit.quotas:
            key = pool_key(q.category, q.category_label)
            names.setdefault(key, pool_name(q.category, q.category_label))
            own[key] = q.count
        totals = []
        order = list(QuotaCategory)
        for key in sorted(set(own) | set(below), key=lambda k: (order.index(k[0]), k[1] or "")):
            counts = ([own[key]] if key in own else []) + below.get(key, [])
            totals.append(f"{names[key]} {_count(sum_counts(counts))}")
        lines.append("quota totals with units below: " + ", ".join(totals))
    for item in unit.posts:
        if isinstance(item, PostGroup):
            inner = "; ".join(_post_line(p) for p in item.posts)
            head = f"{item.title or 'posts'} {_count(item.count)}"
            lines.append(
                f"posts: {head}" + (" (sections)" if item.for_sections else "") + (f": {inner}" if inner else "")
            )
        else:
            lines.append("post: " + _post_line(item))
    if unit.units:
        lines.append(f"units: {len(unit.units)}")
    return "\n\n".join(lines)


def code_help(code: str) -> str | None:
    """Return the Markdown explanation of a diagnostic code, or None for an unknown code."""
    entry = CODES.get(code)
    if entry is None:
        return None
    return f"**{entry.code} {entry.name}** ({entry.severity}): {entry.summary}\n\n{entry.explanation}"


def _unit_path_at(doc: Document, offset: int) -> str | None:
    smap = doc.analysis.built.source_map
    for key, span in smap.spans.items():
        if not key.endswith("/name") or not span.start <= offset < span.end:
            continue
        path = key[: -len("/name")]
        if "/plaques/" in path:
            path = path[: path.rindex("/plaques/")]
        return path
    return None


def hover(doc: Document, position: lsp.Position) -> lsp.Hover | None:
    """Return what to show at a position: a code's explanation, a unit's summary, diagnostics there.

    A unit's summary shows on its name, on one of its plaques, and on a reference to it.
    """
    offset = doc.offset(position)
    built = doc.analysis.built
    for comment in built.document.comments:
        if comment.span.start <= offset < comment.span.end:
            for m in _CODE.finditer(comment.text):
                start = comment.span.start + m.start()
                if start <= offset < comment.span.start + m.end():
                    text = code_help(m.group())
                    if text is not None:
                        return _hover(doc, text, Span(start, comment.span.start + m.end()))
    parts: list[str] = []
    span: Span | None = None
    path = _unit_path_at(doc, offset)
    if path is not None and built.index is not None and path in built.index.units:
        parts.append(unit_summary(built.index.units[path]))
        span = built.source_map.get(path + "/name")
    else:
        ref = _reference_at(doc, offset)
        if ref is not None and ref[1] is not None and built.index is not None:
            parts.append(unit_summary(built.index.units[ref[1]]))
            span = ref[0].span
    for d in doc.findings:
        if d.span is not None and d.span.start <= offset < max(d.span.end, d.span.start + 1):
            explained = code_help(d.code) or d.code
            parts.append(f"{d.severity.value}: {d.message}\n\n{explained}")
            span = span or d.span
    if not parts:
        return None
    return _hover(doc, "\n\n---\n\n".join(parts), span)


def _hover(doc: Document, text: str, span: Span | None) -> lsp.Hover:
    content = lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text)
    return lsp.Hover(contents=content, range=doc.range(span) if span is not None else None)


# ---- definition ----------------------------------------------------------------------
def _args(statements: tuple[Stmt, ...]) -> Iterator[Arg]:
    stack = list(statements)
    while stack:
        stmt = stack.pop()
        yield from stmt.args
        if stmt.block:
            stack.extend(stmt.block)


def _reference_at(doc: Document, offset: int) -> tuple[Arg, str | None] | None:
    """Return the reference argument at an offset and the path of the unit it names (None: unresolved)."""
    built = doc.analysis.built
    if built.index is None:
        return None
    for arg in _args(built.document.statements):
        if arg.kind in (ArgKind.REF, ArgKind.NAMEREF) and arg.span.start <= offset < arg.span.end:
            return arg, built.index.lookup(Ref(target=arg.value, by="id" if arg.kind is ArgKind.REF else "name"))
    return None


def definition(doc: Document, position: lsp.Position) -> lsp.Location | None:
    """Return where the unit a reference (``@id``, ``@"name"``) at a position is named."""
    found = _reference_at(doc, doc.offset(position))
    if found is None or found[1] is None:
        return None
    path = found[1]
    return lsp.Location(doc.uri, doc.range(doc.analysis.built.source_map.get(path + "/name", path)))


# ---- outline ----------------------------------------------------------------------
def symbols(doc: Document) -> list[lsp.DocumentSymbol]:
    """Return the outline: bodies and their nested units, with ranges, in document order."""
    built = doc.analysis.built
    if built.spec is None:
        return []
    made: dict[str, lsp.DocumentSymbol] = {}
    children: dict[str, list[lsp.DocumentSymbol]] = {}
    roots: list[lsp.DocumentSymbol] = []
    for path, unit, parent in walk_paths(built.spec):
        whole = built.source_map.get(path)
        name = built.source_map.get(path + "/name", path)
        detail = " ".join(x for x in (unit.kind.value if unit.kind else None, f"@{unit.id}" if unit.id else None) if x)
        symbol = lsp.DocumentSymbol(
            name=unit.name,
            detail=detail or None,
            kind=lsp.SymbolKind.Module if parent is None else lsp.SymbolKind.Class,
            range=doc.range(whole),
            selection_range=doc.range(name),
            children=children.setdefault(path, []),
        )
        made[path] = symbol
        if parent is None:
            roots.append(symbol)
        else:
            children[parent].append(symbol)
    return roots


# ---- formatting --------------------------------------------------------------------
def formatted(text: str) -> str | None:
    """Return the canonical text, or None when it must not be formatted.

    This is ``orgspec fmt``'s own formatter with its self-check: it refuses a
    text that does not parse, and a result that would change a fact, lose a
    comment or change again on a second pass.
    """
    return format_source(text).output


def formatting(doc: Document) -> list[lsp.TextEdit]:
    """Return the edits that make the document canonical (none when it is or when it does not parse)."""
    out = formatted(doc.text)
    if out is None or out == doc.text:
        return []
    end = doc.lines.position(len(doc.text))
    return [lsp.TextEdit(lsp.Range(lsp.Position(0, 0), lsp.Position(*end)), out)]
