"""``orgspec diff OLD NEW`` and ``orgspec diff FILE --from DATE --to DATE``: what changed.

OLD or NEW may be ``-`` (stdin, once); ``-o FILE`` writes the output there
(``-o -`` or none: stdout; the folder must exist).

Exit codes: 0 (with ``--exit-code``: no change), 1 (only with ``--exit-code``:
changes), 2 unreadable input, a spec with syntax errors, a bad date, an
event that cannot be undone, or an output that cannot be written.

Imports: :mod:`orgspec.reorg`, :mod:`orgspec.history` (lazily), :mod:`orgspec.cli.show_cmd`, :mod:`orgspec.io`.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from orgspec.cli.main import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

__all__ = ["configure"]


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``diff``."""
    parser.add_argument("old", metavar="OLD", help="the old spec (or the one spec with --from/--to); - for stdin")
    parser.add_argument("new", metavar="NEW", nargs="?", help="the new spec; - for stdin")
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="with one FILE: the state on DATE is old")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="with one FILE: the state on DATE is new")
    parser.add_argument(
        "--format", choices=("text", "json", "markdown", "zh"), default="text", help="output format (default: text)"
    )
    parser.add_argument("--exit-code", action="store_true", help="exit 1 when there are changes, 0 when none")
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        metavar="N",
        help="most pairs of unmatched units scored for possible renames (default 250000)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout (- is stdout)")
    parser.set_defaults(run=run)


def _color(stream: object) -> bool:
    from orgspec.cli.common import use_color

    return use_color(stream)


def run(args: argparse.Namespace) -> int:
    """Diff two specs, or one spec between two dates, and print the result."""
    from orgspec.cli.show_cmd import load_spec, parse_date, print_notes
    from orgspec.history import derive
    from orgspec.reorg import diff
    from orgspec.reorg.match import DEFAULT_LIMIT

    dated = args.date_from is not None or args.date_to is not None
    if dated and (args.new is not None or args.date_from is None or args.date_to is None):
        sys.stderr.write("orgspec: use either OLD NEW, or one FILE with both --from DATE and --to DATE\n")
        return EXIT_ERROR
    if not dated and args.new is None:
        sys.stderr.write("orgspec: diff needs OLD and NEW, or one FILE with --from DATE --to DATE\n")
        return EXIT_ERROR
    if args.old == "-" and args.new == "-":
        sys.stderr.write("orgspec: stdin (-) can be read once: name OLD or NEW as a file\n")
        return EXIT_ERROR
    from orgspec.cli.common import OutputError, check_folder, is_stdio, write_output

    try:
        if not is_stdio(args.output):
            check_folder(args.output)
    except OutputError as err:
        sys.stderr.write(f"orgspec: {err}\n")
        return EXIT_ERROR
    old = load_spec(args.old)
    if old is None:
        return EXIT_ERROR
    if dated:
        d1, d2 = parse_date(args.date_from), parse_date(args.date_to)
        if d1 is None or d2 is None:
            return EXIT_ERROR
        r1, r2 = derive(old, d1), derive(old, d2)
        print_notes(dict.fromkeys((*r1.notes, *r2.notes)))
        if not (r1.ok and r2.ok):
            sys.stderr.write("orgspec: the states cannot be derived without guessing\n")
            return EXIT_ERROR
        a, b, la, lb = r1.spec, r2.spec, f"{args.old}@{d1}", f"{args.old}@{d2}"
    else:
        new = load_spec(args.new)
        if new is None:
            return EXIT_ERROR
        a, b, la, lb = old, new, args.old, args.new
    limit = DEFAULT_LIMIT if args.limit is None else max(0, args.limit)
    result = diff(a, b, limit=limit, old_label=la, new_label=lb)
    order = None
    if args.format == "zh":  # a plan item by item, a history date by date (orgspec.reorg.order)
        from orgspec.reorg.order import document_order

        order = document_order(a, b, result)
    text = render(result, args.format, color=is_stdio(args.output) and _color(sys.stdout), order=order)
    try:
        write_output(args.output, text)
    except OutputError as err:
        sys.stderr.write(f"orgspec: {err}\n")
        return EXIT_ERROR
    if args.exit_code and not result.empty:
        return EXIT_FINDINGS
    return EXIT_OK


def render(result: object, fmt: str, *, color: bool = False, order: list[Any] | None = None) -> str:
    """Return a diff in one of the output formats (``order``: the operations' places, for zh)."""
    from orgspec.reorg import Diff
    from orgspec.reorg.render_markdown import render_markdown
    from orgspec.reorg.render_text import render_text
    from orgspec.reorg.render_zh import render_zh

    assert isinstance(result, Diff)
    if fmt == "json":
        return json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return render_markdown(result)
    if fmt == "zh":
        return render_zh(result, order)
    return render_text(result, color=color)
