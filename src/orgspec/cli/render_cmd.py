"""``orgspec render FILE -o OUT``: draw an org chart; the format follows OUT's extension or ``--format``.

Formats: ``.svg``, ``.png``, ``.pdf`` (drawn from the embedded layout, or through Graphviz with
``--engine graphviz``; a PDF has real pages, ``--page`` and ``--landscape``/``--portrait``),
``.dot``, ``.mmd`` (Mermaid), ``.html`` (one self-contained page to explore: ``--depth`` is how
far it opens, the whole chart is in it) and ``.drawio`` (an editable draw.io diagram);
``--theme grey`` for black-and-white print. ``-o -`` (or no ``-o``) writes to stdout and then
needs ``--format``; PNG and PDF go to stdout only when it is not a terminal. ``FILE`` may be
``-`` (stdin). Every user error is one line on stderr and exit code 2. The drawing itself is
:mod:`orgspec.render.output`, shared with :func:`orgspec.render`.

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
from orgspec.render.output import FORMATS

if TYPE_CHECKING:
    from orgspec.model.units import Spec
    from orgspec.render.chart import Chart
    from orgspec.render.output import DrawOptions

__all__ = ["FORMATS", "configure", "run"]


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
    parser.add_argument(
        "file", metavar="FILE", help="the spec file, - for stdin (with --diff: OLD, or the one FILE with history)"
    )
    parser.add_argument("new", metavar="NEW", nargs="?", help="with --diff: the new spec")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="output file: .svg .png .pdf .dot .mmd .html or .drawio; - (or none) for stdout, with --format",
    )
    parser.add_argument(
        "--format",
        choices=sorted(set(FORMATS.values())),
        help="svg, png, pdf, dot, mmd, html or drawio (default: from OUT's extension; needed for stdout)",
    )
    parser.add_argument(
        "--depth",
        type=_positive,
        metavar="N",
        help="show N levels (1: the bodies only); .html: open N levels (default 2)",
    )
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
    parser.add_argument(
        "--split",
        action="store_true",
        help="write OUT, OUT-01, OUT-02 …: by body, and a body too large for a page by department",
    )
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
        sys.stderr.write(f"orgspec: wrote {len(written)} file{'s' if len(written) != 1 else ''}:\n")
        for line in written:
            sys.stderr.write(f"  {line}\n")
    return EXIT_OK


def _render(args: argparse.Namespace) -> list[str]:
    from orgspec.api import analyze
    from orgspec.cli.common import read_input
    from orgspec.render.chart import ChartError, ChartOptions, build_chart, focus_path
    from orgspec.report import format_text

    out, fmt = _target(args)
    if args.font_size is not None and not 4 <= args.font_size <= 72:
        raise _UsageError(f"--font-size expects a size from 4 to 72 pt, found {args.font_size:g}")
    if args.split and args.focus:
        raise _UsageError(
            "--split and --focus cannot be combined: --split already writes a file per body and department"
        )
    if args.split and out is None:
        raise _UsageError("--split writes several files: name the first with -o OUT")
    if args.diff:
        return _render_diff(args, out, fmt)
    if args.new is not None or args.date_from is not None or args.date_to is not None:
        raise _UsageError("a second file, --from and --to go with --diff (render --diff OLD NEW -o OUT)")
    source, problems = read_input(args.file)
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
    # an HTML page holds the whole chart and opens --depth levels of it
    base = ChartOptions(
        depth=None if fmt == "html" else args.depth, duties=args.duties, quotas=args.quotas, plaques=args.plaques
    )
    try:
        if args.split:
            assert out is not None
            return _render_split(build_chart(spec, base), out, fmt, args)
        focus = focus_path(spec, args.focus) if args.focus else None
        options = ChartOptions(base.depth, focus, base.duties, base.quotas, base.plaques)
        data = _draw(build_chart(spec, options), fmt, args)
    except ChartError as err:
        raise _UsageError(str(err)) from None
    _write(out, data)
    return [str(out) if out is not None else "-"]


def _render_split(chart: Chart, out: Path, fmt: str, args: argparse.Namespace) -> list[str]:
    """Write the parts of :func:`orgspec.render.output.split`: OUT, then OUT-01, OUT-02 …; return what was written."""
    from orgspec.render.output import split

    parts = split(chart, _options(args))
    rendered = []
    for i, part in enumerate(parts):
        target = out if i == 0 else out.with_name(f"{out.stem}-{i:02d}{out.suffix}")
        units = f": {_names(part.units())}" if part.units() else ""
        line = f"{target}: {'overview: ' if part.overview else ''}{_names(part.tops())}{units}"
        rendered.append((target, _draw(part.chart, fmt, args), line))
    for target, data, _ in rendered:
        _write(target, data)
    return [line for _, _, line in rendered]


def _names(names: list[str], most: int = 4) -> str:
    return "、".join(names[:most]) + ("…" if len(names) > most else "")


def _target(args: argparse.Namespace) -> tuple[Path | None, str]:
    """Return the output file (None for stdout) and the format, from ``-o`` and ``--format``."""
    from orgspec.cli.common import OutputError, check_folder, is_stdio

    if is_stdio(args.output):
        if args.format is None:
            raise _UsageError("writing to stdout needs --format (svg, dot, mmd, html, drawio; png or pdf when piped)")
        if args.format in ("png", "pdf") and sys.stdout.isatty():
            raise _UsageError(f"{args.format.upper()} is binary: write it to a file with -o, or pipe stdout")
        return None, args.format
    out = Path(args.output)
    guessed = FORMATS.get(out.suffix.lower())
    if args.format is not None and guessed is not None and guessed != args.format:
        raise _UsageError(f"--format {args.format} but {str(out)!r} names a .{guessed} file: make them agree")
    fmt = args.format or guessed
    if fmt is None:
        raise _UsageError(
            f"cannot tell the format from {str(out)!r}: "
            "name the output .svg, .png, .pdf, .dot, .mmd, .html or .drawio, or give --format"
        )
    try:
        check_folder(out)
    except OutputError as err:
        raise _UsageError(str(err)) from None
    return out, fmt


def _write(target: Path | None, data: bytes) -> None:
    from orgspec.cli.common import OutputError, write_output

    try:
        write_output(target, data)
    except OutputError as err:
        raise _UsageError(str(err)) from None


def _load(path: str) -> Spec:
    from orgspec.api import analyze
    from orgspec.cli.common import read_input
    from orgspec.report import format_text

    source, problems = read_input(path)
    if source is None:
        sys.stderr.write(format_text(problems))
        raise _UsageError("nothing rendered")
    analysis = analyze(source.text, source.filename)
    if analysis.spec is None or not analysis.ok:
        sys.stderr.write(format_text([d for d in analysis.diagnostics if d.severity.value == "error"]))
        raise _UsageError(f"{source.filename} has errors; nothing rendered")
    return analysis.spec


def _render_diff(args: argparse.Namespace, out: Path | None, fmt: str) -> list[str]:
    """Draw the new structure with what changed since the old one marked."""
    from orgspec.history import derive
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
    if args.file == "-" and args.new == "-":
        raise _UsageError("stdin (-) can be read once: name OLD or NEW as a file")
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
    _write(out, _draw(chart, fmt, args))
    return [str(out) if out is not None else "-"]


def _warn(text: str) -> None:
    sys.stderr.write(f"orgspec: warning: {text}\n")


def _options(args: argparse.Namespace) -> DrawOptions:
    from orgspec.render.output import DrawOptions

    return DrawOptions(
        engine=args.engine,
        depth=args.depth,
        page=args.page,
        orientation=args.orientation,
        theme=args.theme,
        font_size=args.font_size,
    )


def _draw(chart: Chart, fmt: str, args: argparse.Namespace) -> bytes:
    from orgspec.render.output import DrawError, draw

    try:
        return draw(chart, fmt, _options(args), warn=_warn)  # type: ignore[arg-type]
    except DrawError as err:
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
