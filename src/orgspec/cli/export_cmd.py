"""``orgspec export FILE`` and ``orgspec schema``: the model in other formats, and its JSON Schema.

``export`` writes JSON (the model as is), Popolo JSON, the W3C Organization
Ontology in Turtle or JSON-LD, or CSV tables; see ``docs/exports.md``. With
``-o`` the output goes to a file (for CSV: a folder, one file per table,
created if missing inside an existing folder), written atomically; without it
or with ``-o -``, to stdout (for CSV: the units table). ``FILE`` may be ``-``
(stdin). A file into a missing folder is an error, exit 2.

Imports: :mod:`orgspec.api`, :mod:`orgspec.export`, :mod:`orgspec.model`, :mod:`orgspec.io`,
:mod:`orgspec.report`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from orgspec.cli.main import EXIT_ERROR, EXIT_OK

__all__ = ["configure"]

_FORMATS = ("json", "popolo", "org-ttl", "org-jsonld", "csv")


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``export`` or ``schema``."""
    if name == "export":
        parser.description = (
            "Export the model of a spec file as JSON, Popolo JSON, the W3C Organization Ontology "
            "(Turtle or JSON-LD) or CSV tables. See docs/exports.md."
        )
        parser.add_argument("file", metavar="FILE", help="the spec file; - for stdin")
        parser.add_argument(
            "--format", choices=_FORMATS, default="json", help="export format (default: json); see docs/exports.md"
        )
        parser.add_argument(
            "-o",
            "--output",
            metavar="PATH",
            help="write to this file instead of stdout (- is stdout); for csv a folder that gets one file per table",
        )
        parser.add_argument("--excel", action="store_true", help="csv: start each file with a UTF-8 byte-order mark")
        parser.add_argument(
            "--base-iri", metavar="IRI", default=None, help="org-ttl/org-jsonld: prefix of unit IRIs (urn:orgspec:)"
        )
        parser.set_defaults(run=run_export)
    else:
        parser.add_argument(
            "--diff", action="store_true", help="the JSON Schema of a diff (orgspec diff --format json)"
        )
        parser.add_argument("-o", "--output", metavar="PATH", help="write to this file instead of stdout (- is stdout)")
        parser.set_defaults(run=run_schema)


def run_export(args: argparse.Namespace) -> int:
    """Export the model of a spec file in the chosen format."""
    from orgspec.api import analyze
    from orgspec.cli.common import OutputError, check_folder, is_stdio, read_input, write_output
    from orgspec.export import MissingDependencyError, export
    from orgspec.io import write_atomic_set
    from orgspec.report import format_text

    source, problems = read_input(args.file)
    if source is None:
        sys.stderr.write(format_text(problems))
        return EXIT_ERROR
    analysis = analyze(source.text, source.filename)
    if analysis.spec is None or not analysis.ok:
        sys.stderr.write(format_text([d for d in analysis.diagnostics if d.severity.value == "error"]))
        sys.stderr.write("orgspec: the spec has errors; nothing exported\n")
        return EXIT_ERROR
    try:
        if args.format == "csv" and not is_stdio(args.output):
            from orgspec.export.tables import tables

            folder = Path(args.output)
            check_folder(folder)
            try:
                folder.mkdir(exist_ok=True)
            except OSError as err:
                raise OutputError(f"cannot write {folder}: {err.strerror or err}") from None
            made = tables(analysis.spec, excel=args.excel)
            try:
                write_atomic_set({folder / f"{name}.csv": text for name, text in made.items()})  # all or none
            except OSError as err:
                raise OutputError(
                    str(err) if str(err).startswith("cannot write") else f"cannot write {folder}: {err.strerror or err}"
                ) from None
            return EXIT_OK
        text = export(analysis.spec, args.format, base=args.base_iri, excel=args.excel)
        write_output(args.output, text)
    except MissingDependencyError as err:
        sys.stderr.write(f"orgspec: {err}\n")
        return EXIT_ERROR
    except OutputError as err:
        sys.stderr.write(f"orgspec: {err}\n")
        return EXIT_ERROR
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the model."""
    from orgspec.model import Spec

    if getattr(args, "diff", False):
        from orgspec.reorg import Diff

        schema = Diff.model_json_schema()
    else:
        schema = Spec.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    from orgspec.cli.common import OutputError, write_output

    try:
        write_output(
            getattr(args, "output", None), json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        )
    except OutputError as err:
        sys.stderr.write(f"orgspec: {err}\n")
        return EXIT_ERROR
    return EXIT_OK
