"""``orgspec draft DOC.txt -o draft.orgspec [--report json]``: draft a spec from a document's text.

Imports: :mod:`orgspec.draft`, :mod:`orgspec.io`, :mod:`orgspec.report` (lazily).
"""

from __future__ import annotations

import argparse
import json
import sys

from orgspec.cli.main import EXIT_ERROR, EXIT_OK

__all__ = ["configure"]


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``draft``."""
    parser.add_argument("document", metavar="DOC", help="the text of a 三定-style document (UTF-8)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the draft spec here (default: stdout)")
    parser.add_argument(
        "--report",
        choices=("json",),
        help="also print a report of what was read and what was not (to stdout, or beside -o as FILE.report.json)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Draft a spec from the document and write it (and the report)."""
    from pathlib import Path

    from orgspec.draft import draft
    from orgspec.io import WriteError, read_source, write_atomic
    from orgspec.limits import MAX_DRAFT_BYTES
    from orgspec.report import format_text

    source, problems = read_source(args.document, limit=MAX_DRAFT_BYTES)
    if source is None:
        sys.stderr.write(format_text(problems))
        return EXIT_ERROR
    result = draft(source.text, Path(args.document).name)
    report_text = json.dumps(result.report, ensure_ascii=False, indent=2) + "\n"
    try:
        if args.output:
            write_atomic(args.output, result.text)
            if args.report:
                write_atomic(args.output + ".report.json", report_text)
        else:
            sys.stdout.write(result.text)
        if args.report and not args.output:
            sys.stdout.write(report_text)
    except OSError as err:
        what = err if isinstance(err, WriteError) else f"cannot write {args.output}: {err.strerror}"
        sys.stderr.write(f"orgspec: error: {what}\n")
        return EXIT_ERROR
    counts = result.report["counts"]
    sys.stderr.write(
        f"orgspec: drafted {counts['sections']} sections, {counts['duties']} duties, {counts['quotas']} quotas, "
        f"{counts['posts']} posts; {len(result.report['notes'])} notes, "
        f"{len(result.report['not_read'])} lines not read\n"
    )
    return EXIT_OK
