"""The two doors into the pipeline, and the printer.

``load``/``loads`` raise one exception carrying every diagnostic;
``check``/``check_text`` return diagnostics and never raise on user input.

Also ``dumps`` (model to canonical text), ``analyze`` (the whole front end
with the source map, for tools that need positions) and ``render`` (an org
chart in one call).

Imports: :mod:`orgspec.lowering`, :mod:`orgspec.checks`, :mod:`orgspec.io`,
:mod:`orgspec.text`, :mod:`orgspec.model`, :mod:`orgspec.diagnostics`,
:mod:`orgspec.suppress`; :mod:`orgspec.text` when :func:`dumps` is called, and
:mod:`orgspec.render` and :mod:`orgspec.history` when :func:`render` is.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import attrs

from orgspec import checks
from orgspec.diagnostics import Diagnostic, has_errors, sort_key
from orgspec.errors import SpecError
from orgspec.io import read_source
from orgspec.limits import max_findings_per_code
from orgspec.lowering import Built, build, gc_paused
from orgspec.model.units import Spec
from orgspec.model.values import PartialDate
from orgspec.source import SourceText, Span
from orgspec.suppress import apply_suppressions

if TYPE_CHECKING:
    from orgspec.policy import PackModel

__all__ = [
    "Analysis",
    "RenderFormat",
    "analyze",
    "cap_per_code",
    "check",
    "check_text",
    "dumps",
    "iter_spec_files",
    "load",
    "loads",
    "render",
]

SUFFIX = ".orgspec"
_SURROGATE = re.compile("[\ud800-\udfff]")


@attrs.frozen(slots=True)
class Analysis:
    """Everything the front end and the checks know about one source."""

    built: Built
    diagnostics: tuple[Diagnostic, ...]

    @property
    def spec(self) -> Spec | None:
        """Return the model, or None when the text did not parse."""
        return self.built.spec

    @property
    def ok(self) -> bool:
        """Return True when there is no error."""
        return not has_errors(self.diagnostics)


def analyze(
    text: str, filename: str = "<string>", *, keep_tree: bool = True, policy: Sequence[PackModel] = ()
) -> Analysis:
    """Parse, build, resolve and check ``text``; never raises on user input.

    Inline suppressions (``# orgspec: ignore[CODE] reason``) are applied here, so
    library users see the same findings as the command line. ``keep_tree=False``
    keeps no syntax tree (``analysis.built.document`` has only the comments):
    the same findings in about a quarter of the memory, as ``orgspec check`` runs it;
    its model is equal to the full build's, but equal models other than units
    (figures, dates, references, duties) are one shared object.
    ``policy``: packs of :mod:`orgspec.policy` whose rules are checked too (OS801).
    """
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:  # only a str from the library door can hold one: read files are decoded UTF-8
        text = _SURROGATE.sub("\ufffd", text)
    with gc_paused():  # the whole graph stays live: collections would only re-walk it (docs/performance.md)
        built = build(SourceText(text, filename), keep_tree=keep_tree)
        found = list(built.diagnostics) + checks.run(built)
        if policy:
            from orgspec.policy.evaluate import check as check_policy

            found += check_policy(built, policy)
    if surrogate is not None:
        at = surrogate.start()
        found.append(
            Diagnostic(
                "OS101",
                f"the text holds a lone surrogate U+{ord(surrogate.group()):04X} at offset {at}, "
                "which UTF-8 cannot encode (it is read as U+FFFD)",
                Span(at, at + 1),
                built.source,
                hint="a str with lone surrogates usually comes from decoding with errors='surrogateescape'",
            )
        )
    if built.spec is not None:
        found = apply_suppressions(found, built.document.comments, built.source)
    found.sort(key=sort_key)
    return Analysis(built, tuple(cap_per_code(found, max_findings_per_code())))


def cap_per_code(found: list[Diagnostic], cap: int) -> list[Diagnostic]:
    """Keep the first ``cap`` findings of each code (in order); count the rest in one finding of that code.

    The summary finding has the code and severity of those it stands for and the
    location of the first one left out. ``cap`` 0 keeps everything.
    """
    if cap <= 0 or len(found) <= cap:
        return found
    seen: dict[str, int] = {}
    kept: list[Diagnostic] = []
    first_cut: dict[str, Diagnostic] = {}
    for d in found:
        n = seen[d.code] = seen.get(d.code, 0) + 1
        if n <= cap:
            kept.append(d)
        elif n == cap + 1:
            first_cut[d.code] = d
    for code, d in first_cut.items():
        more = seen[code] - cap
        kept.append(
            Diagnostic(
                code,
                f"{more:,} more {code} finding{'s' if more != 1 else ''} in this file not shown "
                f"(at most {cap:,} of one code per file)",
                d.span,
                d.source,
                severity=max((x.severity for x in found if x.code == code), key=lambda s: s.rank),
                hint="fix the ones shown first; ORGSPEC_MAX_FINDINGS_PER_CODE=0 shows every one (docs/limits.md)",
            )
        )
    kept.sort(key=sort_key)
    return kept


def loads(text: str, filename: str = "<string>") -> Spec:
    """Return the model of spec text; raise :class:`SpecError` with every diagnostic on errors."""
    analysis = analyze(text, filename)
    if analysis.spec is None or not analysis.ok:
        raise SpecError(analysis.diagnostics)
    return analysis.spec


def load(path: str | os.PathLike[str]) -> Spec:
    """Return the model of a spec file; raise :class:`SpecError` with every diagnostic on errors."""
    source, problems = read_source(path)
    if source is None:
        raise SpecError(problems)
    return loads(source.text, source.filename)


def check_text(text: str, filename: str = "<string>") -> list[Diagnostic]:
    """Return every diagnostic of spec text. Never raises on user input."""
    return list(analyze(text, filename, keep_tree=False).diagnostics)


def iter_spec_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Yield the spec files named by ``paths``: files as given, folders searched recursively.

    Files found in folders are those ending in ``.orgspec``, in sorted order;
    hidden folders are skipped.
    """
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.endswith(SUFFIX):
                        yield Path(root) / name
        else:
            yield path


def check(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Diagnostic]:
    """Check spec files and folders (recursively); return every diagnostic. Never raises on user input."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[Diagnostic] = []
    for path in iter_spec_files(paths):
        source, problems = read_source(path)
        out.extend(problems)
        if source is not None:
            out.extend(analyze(source.text, source.filename, keep_tree=False).diagnostics)
    return out


def dumps(spec: Spec) -> str:
    """Return the canonical spec text of a model; ``loads(dumps(m)) == m``."""
    from orgspec.text.printer import print_statements  # not on the path of a check
    from orgspec.text.unlower import unlower

    return print_statements(unlower(spec))


#: The formats :func:`render` writes.
RenderFormat = Literal["svg", "png", "pdf", "dot", "mmd", "html", "drawio"]


def render(
    spec: Spec | str | os.PathLike[str],
    output: str | os.PathLike[str] | None = None,
    *,
    format: RenderFormat | None = None,
    engine: Literal["graphviz", "embedded"] = "embedded",
    depth: int | None = None,
    focus: str | None = None,
    duties: bool = False,
    quotas: bool = True,
    plaques: bool = True,
    as_of: PartialDate | str | None = None,
) -> bytes:
    """Draw an org chart of a spec (a model or a spec file) and return its bytes; write them to ``output``.

    The format is ``format``, else ``output``'s extension (``.svg``, ``.png``,
    ``.pdf``, ``.dot``/``.gv``, ``.mmd``, ``.html``, ``.drawio``). SVG, PNG and PDF
    come from the embedded layout (A4 pages for PDF), or from Graphviz with
    ``engine="graphviz"``; the drawing is :func:`orgspec.render.output.draw`, as
    ``orgspec render`` does it. ``depth``, ``focus``
    (a unit's name, plaque or id), ``duties``, ``quotas`` and ``plaques`` choose
    what is shown, as the ``orgspec render`` options do; ``as_of`` draws the
    structure in force on a date. The output file is written atomically.

    Raises :class:`SpecError` for a spec file with errors, ``ChartError`` (a
    ValueError) for a format or focus it cannot use, ``ToolError`` when
    Graphviz or a CJK font is needed and missing, ``HistoryError`` when the
    history cannot be undone to ``as_of``; all are :class:`OrgspecError`.
    """
    from orgspec.io import write_atomic
    from orgspec.render.chart import ChartError, ChartOptions, build_chart, focus_path
    from orgspec.render.output import FORMATS, DrawOptions, draw, format_of

    if format is None:
        if output is None:
            raise ChartError("name the format (format='svg') or an output file whose extension gives it")
        guessed = format_of(os.fspath(output))
        if guessed is None:
            raise ChartError(
                f"cannot tell the format from {os.fspath(output)!r}: use .svg, .png, .pdf, .dot, .mmd, .html or .drawio"
            )
        format = guessed
    elif format not in FORMATS.values():
        raise ChartError(f"unknown chart format {format!r}: svg, png, pdf, dot, mmd, html or drawio")
    model = spec if isinstance(spec, Spec) else load(spec)
    if as_of is not None:
        from orgspec.history.asof import as_of as structure_on

        model = structure_on(model, as_of)
    if not model.bodies:
        raise ChartError("the spec describes no body: there is nothing to draw")
    options = ChartOptions(
        depth=None if format == "html" else depth,  # the page holds the whole chart and opens depth levels
        focus=focus_path(model, focus) if focus else None,
        duties=duties,
        quotas=quotas,
        plaques=plaques,
    )
    data = draw(build_chart(model, options), format, DrawOptions(engine=engine, depth=depth))
    if output is not None:
        write_atomic(output, data)
    return data
