"""``orgspec show FILE [--as-of DATE]``: print the structure (in force on a date) as canonical text or JSON.

Also the loader the history and diff commands share: a spec with syntax or
structure errors (OS1xx, OS2xx) is refused with its diagnostics; other
findings do not stop these commands.

Imports: :mod:`orgspec.api`, :mod:`orgspec.io`, :mod:`orgspec.report`, :mod:`orgspec.history` (lazily).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from orgspec.cli.main import EXIT_ERROR, EXIT_OK

if TYPE_CHECKING:
    from orgspec.model import PartialDate, Spec

__all__ = ["add_output", "configure", "emit", "load_spec", "parse_date"]


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``show``."""
    parser.add_argument("file", metavar="FILE", help="the spec file; - for stdin")
    parser.add_argument("--as-of", metavar="DATE", help="the state in force on DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    add_output(parser)
    parser.set_defaults(run=run)


def add_output(parser: argparse.ArgumentParser) -> None:
    """Register ``-o/--output`` as every command that prints has it."""
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout (- is stdout)")


def emit(args: argparse.Namespace, text: str) -> int:
    """Write a command's output to ``-o`` (or stdout); return the exit code."""
    from orgspec.cli.common import OutputError, write_output

    try:
        write_output(getattr(args, "output", None), text)
    except OutputError as err:
        sys.stderr.write(f"orgspec: {err}\n")
        return EXIT_ERROR
    return EXIT_OK


def load_spec(path: str) -> Spec | None:
    """Load a spec for show/history/diff; print why not and return None when it cannot be used."""
    from orgspec.api import analyze
    from orgspec.cli.common import read_input
    from orgspec.report import format_text

    source, problems = read_input(path)
    if source is None:
        sys.stderr.write(format_text(problems))
        return None
    analysis = analyze(source.text, source.filename)
    fatal = [d for d in analysis.diagnostics if d.severity.value == "error" and d.code.startswith(("OS1", "OS2"))]
    if analysis.spec is None or fatal:
        sys.stderr.write(format_text(fatal))
        sys.stderr.write(f"orgspec: {path} has syntax or structure errors\n")
        return None
    return analysis.spec


def parse_date(text: str) -> PartialDate | None:
    """Parse a date argument; print one line and return None when it is not a date."""
    from orgspec.model import PartialDate

    try:
        return PartialDate.parse(text)
    except ValueError as err:
        sys.stderr.write(f"orgspec: not a date {text!r} ({err}); expected YYYY, YYYY-MM or YYYY-MM-DD\n")
        return None


def print_notes(notes: object) -> None:
    """Print the notes of ``as_of`` on stderr."""
    for n in notes:  # type: ignore[attr-defined]
        sys.stderr.write(f"orgspec: {n.severity}: [{n.code}] {n.message}\n")


def run(args: argparse.Namespace) -> int:
    """Print the structure of a spec, or the one in force on a date."""
    from orgspec.api import dumps
    from orgspec.history import derive

    spec = load_spec(args.file)
    if spec is None:
        return EXIT_ERROR
    if args.as_of:
        date = parse_date(args.as_of)
        if date is None:
            return EXIT_ERROR
        result = derive(spec, date)
        print_notes(result.notes)
        if not result.ok:
            sys.stderr.write(f"orgspec: the state on {date} cannot be derived without guessing\n")
            return EXIT_ERROR
        spec = result.spec
    if args.format == "json":
        return emit(args, json.dumps(spec.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
    return emit(args, dumps(spec))
