"""``orgspec check PATH...``: check spec files and folders.

Imports: :mod:`orgspec.runner`, :mod:`orgspec.report`.
"""

from __future__ import annotations

import argparse
import os
import sys

from orgspec.cli.main import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

__all__ = ["configure"]


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``check``."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="spec files or folders (searched recursively)")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="output format (default: text)",
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning"),
        default="error",
        help="exit 1 on errors only (default) or also on warnings",
    )
    parser.add_argument("--no-source", action="store_true", help="do not show source lines under findings")
    parser.add_argument(
        "--jobs", "-j", type=_jobs, default=None, metavar="N", help="worker processes (default: auto, one per CPU)"
    )
    parser.add_argument("--no-cache", action="store_true", help="check every file again; do not use the result cache")
    parser.set_defaults(run=run)


def _jobs(text: str) -> int | None:
    if text == "auto":
        return None
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of jobs or 'auto', found {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("the number of jobs must be at least 1")
    return value


def _color(stream: object) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def run(args: argparse.Namespace) -> int:
    """Check the named paths and print the findings."""
    from orgspec.diagnostics import Severity
    from orgspec.report import format_json, format_text, summarize
    from orgspec.runner import check_paths

    result = check_paths(args.paths, jobs=args.jobs, cache=not args.no_cache)
    found = list(result.diagnostics)
    unreadable = result.unreadable > 0
    summary = summarize(found, result.files)
    if args.format == "json":
        sys.stdout.write(format_json(found, summary))
    else:
        sys.stdout.write(format_text(found, color=_color(sys.stdout), show_source=not args.no_source))
        sys.stderr.write(summary.line() + "\n")
    if unreadable:
        return EXIT_ERROR
    threshold = Severity.WARNING if args.fail_on == "warning" else Severity.ERROR
    if any(d.severity.rank >= threshold.rank for d in found):
        return EXIT_FINDINGS
    return EXIT_OK
