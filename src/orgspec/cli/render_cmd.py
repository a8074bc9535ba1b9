"""``orgspec render FILE -o OUT``: draw an org chart; the format follows OUT's extension.

Formats: ``.svg``, ``.png``, ``.pdf`` (drawn from the embedded layout, or
through Graphviz with ``--engine graphviz``; a PDF has real pages, ``--page``
and ``--landscape``/``--portrait``), ``.dot``, ``.mmd`` (Mermaid) and
``.html`` (one self-contained page); ``--theme grey`` for black-and-white print. Every user error is one line on stderr
and exit code 2.

With ``--diff OLD NEW`` (or ``--diff FILE --from DATE --to DATE``) it draws
the new structure with what changed marked (:mod:`orgspec.render.diffchart`).

Imports: :mod:`orgspec.api`, :mod:`orgspec.io`, :mod:`orgspec.report`,
:mod:`orgspec.render`, :mod:`orgspec.model`, :mod:`orgspec.history` when
``--as-of`` or ``--from``/``--to`` is given, :mod:`orgspec.reorg` with ``--diff``.
"""

from __future__ import annotations

import argparse
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
    parser.add_argument("file", metavar="FILE", help="the spec file (with --diff: OLD, or the one FILE with history)")
    parser.add_argument("new", metavar="NEW", nargs="?", help="with --diff: the new spec")
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
        choices=("embedded", "graphviz"),
        default="embedded",
        help="layout engine for SVG, PNG and PDF (default: embedded; graphviz needs Graphviz and orgspec[graphviz])",
    )
    parser.add_argument("--page", choices=("A4", "A3", "letter"), default="A4", help="PDF paper size (default A4)")
    orient = parser.add_mutually_exclusive_group()
    orient.add_argument(
        "--landscape", dest="orientation", action="store_const", const="landscape", help="PDF pages landscape"
    )
    orient.add_argument(
        "--portrait", dest="orientation", action="store_const", const="portrait", help="PDF pages portrait"
    )
    parser.add_argument(
        "--theme",
        choices=("colour", "grey"),
        default="colour",
        help="colours, or shades of grey for black-and-white print",
    )
    parser.add_argument(
        "--font-size",
        type=float,
        metavar="PT",
        help="size of unit names (SVG/PNG: scales the drawing; PDF: the largest)",
    )
    parser.add_argument("--split", action="store_true", help="write an overview plus one page per top-level unit")
    parser.add_argument(
        "--as-of", metavar="DATE", help="the structure as it stood on DATE (YYYY, YYYY-MM or YYYY-MM-DD)"
    )
    parser.add_argument(
        "--diff",
        action="store_true",
        help="draw what changed: --diff OLD NEW, or --diff FILE --from DATE --to DATE",
    )
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="with --diff and one FILE: the old date")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="with --diff and one FILE: the new date")
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
    if args.font_size is not None and not 4 <= args.font_size <= 72:
        raise _UsageError(f"--font-size expects a size from 4 to 72 pt, found {args.font_size:g}")
    if args.split and args.focus:
        raise _UsageError("--split and --focus cannot be combined: --split already makes one page per top-level unit")
    if args.diff:
        return _render_diff(args, out, fmt)
    if args.new is not None or args.date_from is not None or args.date_to is not None:
        raise _UsageError("a second file, --from and --to go with --diff (render --diff OLD NEW -o OUT)")
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
        rendered = [(target, _draw(build_chart(spec, options), fmt, args)) for target, options in pages]
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


def _load(path: str) -> Spec:
    from orgspec.api import analyze
    from orgspec.io import read_source
    from orgspec.report import format_text

    source, problems = read_source(path)
    if source is None:
        sys.stderr.write(format_text(problems))
        raise _UsageError("nothing rendered")
    analysis = analyze(source.text, source.filename)
    if analysis.spec is None or not analysis.ok:
        sys.stderr.write(format_text([d for d in analysis.diagnostics if d.severity.value == "error"]))
        raise _UsageError(f"{source.filename} has errors; nothing rendered")
    return analysis.spec


def _render_diff(args: argparse.Namespace, out: Path, fmt: str) -> list[str]:
    """Draw the new structure with what changed since the old one marked."""
    from orgspec.history import derive
    from orgspec.io import write_atomic
    from orgspec.model.values import PartialDate
    from orgspec.render.chart import ChartError, ChartOptions
    from orgspec.render.diffchart import build_diff_chart
    from orgspec.reorg import diff

    if args.focus or args.split or args.as_of:
        raise _UsageError("--diff draws the whole new structure: it takes no --focus, --split or --as-of")
    dated = args.date_from is not None or args.date_to is not None
    if dated and (args.new is not None or args.date_from is None or args.date_to is None):
        raise _UsageError("use either --diff OLD NEW, or --diff FILE with both --from DATE and --to DATE")
    if not dated and args.new is None:
        raise _UsageError("--diff needs OLD and NEW, or one FILE with --from DATE --to DATE")
    old = _load(args.file)
    if dated:
        dates = []
        for flag, text in (("--from", args.date_from), ("--to", args.date_to)):
            try:
                dates.append(PartialDate.parse(text))
            except ValueError as err:
                raise _UsageError(f"{flag} expects a date (YYYY, YYYY-MM or YYYY-MM-DD): {err}") from None
        r1, r2 = derive(old, dates[0]), derive(old, dates[1])
        for note in dict.fromkeys((*r1.notes, *r2.notes)):
            sys.stderr.write(f"orgspec: {note.severity}: [{note.code}] {note.message}\n")
        if not (r1.ok and r2.ok):
            raise _UsageError("the states cannot be derived without guessing; nothing rendered")
        a, b = r1.spec, r2.spec
        labels = (f"{args.file}@{dates[0]}", f"{args.file}@{dates[1]}")
    else:
        a, b = old, _load(args.new)
        labels = (args.file, args.new)
    if not b.bodies:
        raise _UsageError("the new side describes no body; nothing rendered")
    change = diff(a, b, old_label=labels[0], new_label=labels[1])
    options = ChartOptions(depth=args.depth, duties=args.duties, quotas=args.quotas, plaques=args.plaques)
    try:
        chart = build_diff_chart(b, change, options)
    except ChartError as err:
        raise _UsageError(str(err)) from None
    data = _draw(chart, fmt, args)
    try:
        write_atomic(out, data)
    except OSError as err:
        raise _UsageError(f"cannot write {out}: {err.strerror or err}") from None
    return [str(out)]


def _warn(text: str) -> None:
    sys.stderr.write(f"orgspec: warning: {text}\n")


def _draw(chart: Chart, fmt: str, args: argparse.Namespace) -> bytes:
    from orgspec.render.style import greyscale

    data = _draw_colour(chart, fmt, args)
    if args.theme == "grey" and fmt in ("svg", "dot", "mmd", "html"):
        return greyscale(data.decode("utf-8")).encode("utf-8")
    return data


def _draw_colour(chart: Chart, fmt: str, args: argparse.Namespace) -> bytes:
    from orgspec.render.dot import DEFAULT_FONT, render_dot
    from orgspec.render.graphviz_run import ToolError, find_cjk_font, find_dot, run_dot
    from orgspec.render.html import render_html
    from orgspec.render.mermaid import render_mermaid
    from orgspec.render.paper import PageOptions, render_pdf, render_png
    from orgspec.render.style import greyscale
    from orgspec.render.svg import render_svg

    if fmt == "dot":
        return render_dot(chart).encode("utf-8")
    if fmt == "mmd":
        return render_mermaid(chart).encode("utf-8")
    if fmt == "html":
        return render_html(chart).encode("utf-8")
    grey = args.theme == "grey"
    try:
        if args.engine == "embedded":
            if fmt == "svg":
                return render_svg(chart, name_size=args.font_size).encode("utf-8")
            if fmt == "png":
                zoom = 2.0 * (args.font_size / 14.0 if args.font_size else 1.0)
                return render_png(chart, zoom=zoom, warn=_warn, grey=grey)
            options = PageOptions(args.page, args.orientation, args.font_size)
            return render_pdf(chart, options, warn=_warn, grey=grey)
        if find_dot() is None:
            raise _UsageError(
                f"{fmt.upper()} output through Graphviz needs Graphviz, which is not installed: install it "
                "(apt-get install graphviz, brew install graphviz or https://graphviz.org/download/), "
                "or use --engine embedded"
            )
        font = find_cjk_font()
        if font is None:
            if fmt != "svg":
                raise _UsageError(
                    f"no installed font covers Chinese, so {fmt.upper()} text would be empty boxes: install one "
                    "(apt-get install fonts-noto-cjk, or any Noto Sans CJK / WenQuanYi font) or write .svg or .html"
                )
            font = DEFAULT_FONT  # an SVG names the font; the viewer's machine supplies it
        text = render_dot(chart, font=font)
        return run_dot(greyscale(text) if grey else text, fmt, warn=_warn)
    except ToolError as err:
        raise _UsageError(str(err)) from None


def _as_of(spec: Spec, when: str) -> Spec:
    from orgspec.history import HistoryError, as_of
    from orgspec.model.values import PartialDate

    try:
        date = PartialDate.parse(when)
    except ValueError as err:
        raise _UsageError(f"--as-of expects a date (YYYY, YYYY-MM or YYYY-MM-DD): {err}") from None
    try:
        return as_of(spec, date)
    except HistoryError as err:
        raise _UsageError(f"--as-of {when}: " + "; ".join(str(err).splitlines())) from None
