"""``orgspec explain CODE``: the documentation of a diagnostic code.

Imports: :mod:`orgspec.codes`.
"""

from __future__ import annotations

import argparse
import sys

from orgspec.cli.main import EXIT_ERROR

__all__ = ["configure"]


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``explain``."""
    parser.add_argument("code", nargs="?", metavar="CODE", help="a code such as OS305, or its name")
    parser.add_argument("--all", action="store_true", help="print docs/checks.md: every code")
    from orgspec.cli.show_cmd import add_output

    add_output(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print one code's documentation, or all of them."""
    from orgspec.cli.show_cmd import emit
    from orgspec.codes import CODES, render_markdown

    if args.all:
        return emit(args, render_markdown())
    if not args.code:
        sys.stderr.write("orgspec: error: give a code (e.g. OS305) or --all\n")
        return EXIT_ERROR
    key = args.code.strip()
    code = CODES.get(key.upper()) or next((c for c in CODES.values() if c.name == key), None)
    if code is None:
        sys.stderr.write(f"orgspec: error: unknown code {key!r}; see orgspec explain --all\n")
        return EXIT_ERROR
    lines = [f"{code.code} {code.name} ({code.severity})", "", code.summary, "", code.explanation]
    if code.bad:
        lines += ["", "Triggers it:", "    " + code.bad.replace("\n", "\n    ")]
    if code.good:
        lines += ["", "Does not:", "    " + code.good.replace("\n", "\n    ")]
    return emit(args, "\n".join(lines) + "\n")
