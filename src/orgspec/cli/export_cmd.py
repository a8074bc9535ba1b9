"""``orgspec export FILE`` and ``orgspec schema``: the model as JSON and its JSON Schema.

Imports: :mod:`orgspec.api`, :mod:`orgspec.model`, :mod:`orgspec.report`.
"""

from __future__ import annotations

import argparse
import json
import sys

from orgspec.cli.main import EXIT_ERROR, EXIT_OK

__all__ = ["configure"]


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``export`` or ``schema``."""
    if name == "export":
        parser.add_argument("file", metavar="FILE", help="the spec file")
        parser.add_argument("--format", choices=("json",), default="json", help="export format (default: json)")
        parser.set_defaults(run=run_export)
    else:
        parser.add_argument(
            "--diff", action="store_true", help="the JSON Schema of a diff (orgspec diff --format json)"
        )
        parser.set_defaults(run=run_schema)


def run_export(args: argparse.Namespace) -> int:
    """Print the model of a spec file as JSON."""
    from orgspec.api import analyze
    from orgspec.io import read_source
    from orgspec.report import format_text

    source, problems = read_source(args.file)
    if source is None:
        sys.stderr.write(format_text(problems))
        return EXIT_ERROR
    analysis = analyze(source.text, source.filename)
    if analysis.spec is None or not analysis.ok:
        sys.stderr.write(format_text([d for d in analysis.diagnostics if d.severity.value == "error"]))
        sys.stderr.write("orgspec: the spec has errors; nothing exported\n")
        return EXIT_ERROR
    data = analysis.spec.model_dump(mode="json")
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the model."""
    from orgspec.model import Spec

    if getattr(args, "diff", False):
        from orgspec.diff import Diff

        schema = Diff.model_json_schema()
    else:
        schema = Spec.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    sys.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return EXIT_OK
