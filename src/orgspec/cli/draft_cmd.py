"""``orgspec draft DOC.txt -o draft.orgspec [--report json]``: draft a spec from a document's text.

``DOC`` may be ``-`` (stdin) and ``-o -`` (or no ``-o``) writes the spec to
stdout. The report of what was read and what was not never shares a stream
with the spec: with ``-o FILE`` it goes beside it as ``FILE.report.json``
(or to ``--report-file PATH``); with the spec on stdout it needs
``--report-file PATH``, and asking for it without one is a usage error
(exit 2) rather than JSON mixed into the spec. ``--report-file -`` prints the
report on stdout when the spec goes to a file. Output folders must exist.

Imports: :mod:`orgspec.draft`, :mod:`orgspec.cli.common`, :mod:`orgspec.report` (lazily).
"""

from __future__ import annotations

import argparse
import json
import sys

from orgspec.cli.main import EXIT_ERROR, EXIT_OK

__all__ = ["configure"]


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``draft``."""
    parser.add_argument("document", metavar="DOC", help="the text of a 三定-style document (UTF-8); - for stdin")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the draft spec here (default or -: stdout)")
    parser.add_argument(
        "--report",
        choices=("json",),
        help="also write a report of what was read and what was not: beside -o as FILE.report.json, "
        "or to --report-file",
    )
    parser.add_argument(
        "--report-file",
        metavar="PATH",
        help="write the JSON report to PATH (implies --report json; - is stdout when the spec goes to -o FILE)",
    )
    parser.set_defaults(run=run)


def _report_target(args: argparse.Namespace) -> str | None:
    """Return where the report goes (None: no report); raise ValueError when it would share stdout."""
    from orgspec.cli.common import is_stdio

    if args.report_file is not None:
        if is_stdio(args.report_file) and is_stdio(args.output):
            raise ValueError("the spec and the report cannot both go to stdout: write one of them to a file")
        return str(args.report_file)
    if args.report is None:
        return None
    if is_stdio(args.output):
        raise ValueError(
            "the spec goes to stdout, so the report needs a file of its own: add --report-file PATH "
            "(or write the spec with -o FILE and the report goes beside it)"
        )
    return str(args.output) + ".report.json"


def run(args: argparse.Namespace) -> int:
    """Draft a spec from the document and write it (and the report)."""
    from pathlib import Path

    from orgspec.cli.common import OutputError, check_folder, is_stdio, read_input, write_output
    from orgspec.draft import draft
    from orgspec.limits import MAX_DRAFT_BYTES
    from orgspec.report import format_text

    try:
        report_path = _report_target(args)
        for path in (args.output, report_path):
            if not is_stdio(path):
                check_folder(str(path))
    except (ValueError, OutputError) as err:
        sys.stderr.write(f"orgspec: error: {err}\n")
        return EXIT_ERROR
    source, problems = read_input(args.document, limit=MAX_DRAFT_BYTES)
    if source is None:
        sys.stderr.write(format_text(problems))
        return EXIT_ERROR
    name = "stdin" if args.document == "-" else Path(args.document).name
    result = draft(source.text, name)
    try:
        write_output(args.output, result.text)
        if report_path is not None:
            write_output(report_path, json.dumps(result.report, ensure_ascii=False, indent=2) + "\n")
    except OutputError as err:
        sys.stderr.write(f"orgspec: {err}\n")
        return EXIT_ERROR
    counts = result.report["counts"]
    sys.stderr.write(
        f"orgspec: drafted {counts['sections']} sections, {counts['duties']} duties, {counts['quotas']} quotas, "
        f"{counts['posts']} posts; {len(result.report['notes'])} notes, "
        f"{len(result.report['lines_with_no_fact'])} lines gave no fact "
        f"({result.report['lines_kept_as_notes']} of them kept as notes; "
        f"{result.report['share_of_text_used']:.0%} of the text used), "
        f"{len(result.report['figures_not_placed'])} figures not placed\n"
    )
    return EXIT_OK
