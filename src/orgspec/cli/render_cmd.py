"""``orgspec render FILE -o OUT``: draw an org chart; the format follows OUT's extension.

Formats: ``.svg``, ``.png``, ``.pdf`` (through Graphviz when installed; SVG
falls back to the embedded layout), ``.dot``, ``.mmd`` (Mermaid) and
``.html`` (one self-contained page). Every user error is one line on stderr
and exit code 2.

Imports: :mod:`orgspec.api`, :mod:`orgspec.io`, :mod:`orgspec.report`,
:mod:`orgspec.render`, :mod:`orgspec.model`; ``orgspec.history`` when
``--as-of`` is given.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from orgspec.cli.main import EXIT_ERROR, EXIT_OK

if TYPE_CHECKING:
    from orgspec.model.units import Spec
    from orgspec.render.chart import Chart

__all__ = ["FORMATS", "configure", "run"]

#: Output formats by file extension.
FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot", ".mmd": "mmd", ".html": "html"}


class _UsageError(Exception):
    """One line for stderr; the command exits with code 2."""


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, found {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of levels of at least 1, found {value}")
    return value


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``render``."""
    parser.add_argument("file", metavar="FILE", help="the spec file")
    parser.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="output file: .svg .png .pdf .dot .mmd or .html"
    )
    parser.add_argument("--depth", type=_positive, metavar="N", help="show N levels (1: the bodies only)")
    parser.add_argument("--focus", metavar="UNIT", help="one unit (name, plaque or id): its path to the root and below")
    parser.add_argument("--duties", action=argparse.BooleanOptionalAction, default=False, help="show duties")
    parser.add_argument("--quotas", action=argparse.BooleanOptionalAction, default=True, help="show quotas and posts")
    parser.add_argument("--plaques", action=argparse.BooleanOptionalAction, default=True, help="show plaques")
    parser.add_argument(
        "--engine",
        choices=("graphviz", "embedded"),
        help="layout engine for SVG (default: graphviz when installed, else embedded)",
    )
    parser.add_argument("--split", action="store_true", help="write an overview plus one page per top-level unit")
    parser.add_argument(
        "--as-of", metavar="DATE", help="the structure as it stood on DATE (YYYY, YYYY-MM or YYYY-MM-DD)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Render the chart; return the exit code."""
    try:
        written = _render(args)
    except _UsageError as fail:
        sys.stderr.write(f"orgspec: {fail}\n")
        return EXIT_ERROR
    if args.split:
        sys.stderr.write(f"orgspec: wrote {len(written)} files: {', '.join(written)}\n")
    return EXIT_OK


def _render(args: argparse.Namespace) -> list[str]:
    from orgspec.api import analyze
    from orgspec.io import read_source, write_atomic
    from orgspec.render.chart import ChartError, ChartOptions, build_chart, focus_path, top_level_paths
    from orgspec.report import format_text

    out = Path(args.output)
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise _UsageError(
            f"cannot tell the format from {str(out)!r}: name the output .svg, .png, .pdf, .dot, .mmd or .html"
        )
    if args.engine == "embedded" and fmt in ("png", "pdf"):
        raise _UsageError(f"the embedded engine writes SVG only; {fmt.upper()} needs Graphviz (--engine graphviz)")
    if args.split and args.focus:
        raise _UsageError("--split and --focus cannot be combined: --split already makes one page per top-level unit")
    source, problems = read_source(args.file)
    if source is None:
        sys.stderr.write(format_text(problems))
        raise _UsageError("nothing rendered")
    analysis = analyze(source.text, source.filename)
    if analysis.spec is None or not analysis.ok:
        sys.stderr.write(format_text([d for d in analysis.diagnostics if d.severity.value == "error"]))
        raise _UsageError("the spec has errors; nothing rendered")
    spec = analysis.spec
    if not spec.bodies:
        raise _UsageError(f"{source.filename} describes no body; nothing rendered")
    if args.as_of:
        spec = _as_of(spec, args.as_of)
    base = ChartOptions(depth=args.depth, duties=args.duties, quotas=args.quotas, plaques=args.plaques)
    try:
        if args.split:
            overview = min(args.depth or 2, 2)
            pages = [(out, ChartOptions(overview, None, args.duties, args.quotas, args.plaques))]
            for i, path in enumerate(top_level_paths(spec), start=1):
                page = out.with_name(f"{out.stem}-{i:02d}{out.suffix}")
                pages.append((page, ChartOptions(args.depth, path, args.duties, args.quotas, args.plaques)))
        else:
            focus = focus_path(spec, args.focus) if args.focus else None
            pages = [(out, ChartOptions(base.depth, focus, base.duties, base.quotas, base.plaques))]
        rendered = [(target, _draw(build_chart(spec, options), fmt, args.engine)) for target, options in pages]
    except ChartError as err:
        raise _UsageError(str(err)) from None
    written = []
    for target, data in rendered:
        try:
            write_atomic(target, data)
        except OSError as err:
            raise _UsageError(f"cannot write {target}: {err.strerror or err}") from None
        written.append(str(target))
    return written


def _draw(chart: Chart, fmt: str, engine: str | None) -> bytes:
    from orgspec.render.dot import DEFAULT_FONT, render_dot
    from orgspec.render.graphviz_run import ToolError, find_cjk_font, find_dot, run_dot
    from orgspec.render.html import render_html
    from orgspec.render.mermaid import render_mermaid
    from orgspec.render.svg import render_svg

    if fmt == "dot":
        return render_dot(chart).encode("utf-8")
    if fmt == "mmd":
        return render_mermaid(chart).encode("utf-8")
    if fmt == "html":
        return render_html(chart).encode("utf-8")
    if fmt == "svg" and (engine == "embedded" or (engine is None and find_dot() is None)):
        return render_svg(chart).encode("utf-8")
    if find_dot() is None:
        other = "use --engine embedded" if fmt == "svg" else "write .svg, .html, .dot or .mmd"
        raise _UsageError(
            f"{fmt.upper()} output needs Graphviz, which is not installed: install it (apt-get install graphviz, "
            f"brew install graphviz or https://graphviz.org/download/), or {other}"
        )
    font = find_cjk_font()
    if font is None:
        if fmt != "svg":
            raise _UsageError(
                f"no installed font covers Chinese, so {fmt.upper()} text would be empty boxes: install one "
                "(apt-get install fonts-noto-cjk, or any Noto Sans CJK / WenQuanYi font) or write .svg or .html"
            )
        font = DEFAULT_FONT  # an SVG names the font; the viewer's machine supplies it
    try:
        return run_dot(render_dot(chart, font=font), fmt)
    except ToolError as err:
        raise _UsageError(str(err)) from None


def _as_of(spec: Spec, when: str) -> Spec:
    from orgspec.model.units import Spec
    from orgspec.model.values import PartialDate

    try:
        history = importlib.import_module("orgspec.history")
    except ModuleNotFoundError as err:
        if err.name not in ("orgspec.history",):
            raise
        raise _UsageError("--as-of requires history support (orgspec.history), which this installation lacks") from None
    try:
        date = PartialDate.parse(when)
    except ValueError as err:
        raise _UsageError(f"--as-of expects a date (YYYY, YYYY-MM or YYYY-MM-DD): {err}") from None
    try:
        result = history.as_of(spec, date)
    except ValueError as err:
        raise _UsageError(f"--as-of {when}: " + "; ".join(str(err).splitlines())) from None
    if not isinstance(result, Spec):
        raise _UsageError(f"--as-of {when}: the history support returned no spec")
    return result
