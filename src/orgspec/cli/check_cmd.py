"""``orgspec check PATH...``: check spec files and folders, in every output format at once.

The run has two steps: :func:`gather` reads, analyses and configures the
findings of every file; :func:`write_outputs` prints the chosen format on
stdout, writes each ``--output-file FORMAT=PATH`` atomically (creating its
folder), and appends the
Markdown table to ``$GITHUB_STEP_SUMMARY`` when the ``github`` format is used
there. Logs (the summary line, the progress bar) go to stderr only.

Exit codes: 0 no finding at or above ``--fail-on``; 1 findings; 2 usage error,
unreadable input, a bad config file or an output file that cannot be written.

Imports: :mod:`orgspec.api`, :mod:`orgspec.config`, :mod:`orgspec.runner`,
:mod:`orgspec.report`, :mod:`orgspec.cli.progress`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from orgspec.cli.main import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

if TYPE_CHECKING:
    from orgspec.config import Resolver
    from orgspec.diagnostics import Diagnostic

__all__ = ["Gathered", "configure", "gather", "run", "write_outputs"]

_FORMATS = ("full", "concise", "json", "json-lines", "github", "gitlab", "sarif", "junit")
_ALIASES = {"text": "full"}


def _output_file(value: str) -> tuple[str, str]:
    fmt, sep, path = value.partition("=")
    fmt = _ALIASES.get(fmt.strip(), fmt.strip())
    if not sep or not path:
        raise argparse.ArgumentTypeError(f"expected FORMAT=PATH (e.g. sarif=orgspec.sarif), got {value!r}")
    if fmt not in _FORMATS:
        raise argparse.ArgumentTypeError(f"unknown format {fmt!r}; expected one of {', '.join(_FORMATS)}")
    return fmt, path


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``check``."""
    parser.add_argument("paths", nargs="*", metavar="PATH", help="spec files or folders (searched recursively)")
    parser.add_argument(
        "--output-format",
        "--format",
        dest="format",
        choices=(*_FORMATS, *_ALIASES),
        default="full",
        metavar="FORMAT",
        help=f"format printed on stdout: {', '.join(_FORMATS)} (default: full; text = full)",
    )
    parser.add_argument(
        "--output-file",
        action="append",
        type=_output_file,
        default=[],
        metavar="FORMAT=PATH",
        help="also write FORMAT to PATH (repeatable), e.g. --output-file sarif=orgspec.sarif",
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning"),
        default="error",
        help="exit 1 on errors only (default) or also on warnings",
    )
    parser.add_argument("--no-source", action="store_true", help="do not show source lines under findings")
    parser.add_argument("--config", metavar="PATH", help="use this config file for every file (no search)")
    parser.add_argument("--isolated", action="store_true", help="ignore every config file")
    parser.add_argument(
        "--show-settings", action="store_true", help="print the settings that apply to each PATH and exit"
    )
    parser.add_argument("--no-progress", action="store_true", help="never show the progress bar")
    parser.add_argument(
        "--jobs", "-j", type=_jobs, default=None, metavar="N", help="worker processes (default: auto, one per CPU)"
    )
    parser.add_argument("--no-cache", action="store_true", help="check every file again; do not use the result cache")
    parser.epilog = (
        "exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage error, unreadable input, "
        "bad config or unwritable output file. The summary line and progress go to stderr."
    )
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


def _isatty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _color(stream: object) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return _isatty(stream)


@attrs.frozen(slots=True)
class Gathered:
    """The findings of a run, the files checked, and whether any input could not be read."""

    diagnostics: tuple[Diagnostic, ...]
    files: tuple[str, ...]
    unreadable: bool


def gather(
    paths: Sequence[Path], resolver: Resolver, *, progress: bool = False, jobs: int | None = 1, cache: bool = False
) -> Gathered:
    """Read, analyse and configure every file; never raises on user input.

    ``jobs`` and ``cache`` are passed to :func:`orgspec.runner.check_files`
    (the command line uses one job per CPU and the cache unless told otherwise).
    """
    from orgspec.cli.progress import Progress
    from orgspec.diagnostics import sort_key
    from orgspec.runner import check_files

    found: list[Diagnostic] = []
    with Progress(len(paths), enabled=progress) as bar:
        outcome = check_files(paths, jobs=jobs, cache=cache, on_done=bar.advance)
    for path, result in zip(paths, outcome.files, strict=True):
        found.extend(result.diagnostics if result.unreadable else resolver.apply(result.diagnostics, path))
    found.sort(key=sort_key)
    return Gathered(tuple(found), tuple(str(p) for p in paths), any(r.unreadable for r in outcome.files))


def write_outputs(args: argparse.Namespace, gathered: Gathered) -> bool:
    """Print the chosen format, write every output file; return False if a file could not be written."""
    from orgspec.diagnostics import Severity
    from orgspec.io import write_atomic
    from orgspec.report import ReportContext, format_step_summary, render, summarize

    context = ReportContext(gathered.files, Path.cwd(), Severity(args.fail_on))
    found = gathered.diagnostics
    summary = summarize(found, len(gathered.files))
    fmt = _ALIASES.get(args.format, args.format)
    sys.stdout.write(render(fmt, found, context, color=_color(sys.stdout), show_source=not args.no_source))
    sys.stdout.flush()
    ok = True
    for file_fmt, path in args.output_file:
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, render(file_fmt, found, context, show_source=not args.no_source))
        except OSError as err:
            sys.stderr.write(f"orgspec: error: cannot write {path}: {err.strerror or err}\n")
            ok = False
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary and "github" in (fmt, *(f for f, _ in args.output_file)):
        try:
            with open(step_summary, "a", encoding="utf-8") as fh:
                fh.write(format_step_summary(found, summary, context))
        except OSError as err:
            sys.stderr.write(f"orgspec: warning: cannot append to $GITHUB_STEP_SUMMARY: {err.strerror or err}\n")
    sys.stderr.write(summary.line() + "\n")
    return ok


def _show_settings(args: argparse.Namespace, resolver: Resolver) -> int:
    out = {}
    for p in args.paths or ["."]:
        out[p] = resolver.for_path(p).to_dict()
    sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Check the named paths and report the findings."""
    from orgspec.config import ConfigError, Resolver
    from orgspec.diagnostics import Severity
    from orgspec.runner import empty_folders, spec_files

    try:
        resolver = Resolver(args.config, isolated=args.isolated)
        if args.show_settings:
            return _show_settings(args, resolver)
        if not args.paths:
            sys.stderr.write("orgspec: error: give at least one PATH to check\n")
            return EXIT_ERROR
        paths = list(spec_files(args.paths))
        progress = not args.no_progress and _isatty(sys.stderr) and not os.environ.get("CI")
        gathered = gather(paths, resolver, progress=progress, jobs=args.jobs, cache=not args.no_cache)
        empty = empty_folders(args.paths)  # a folder given that holds no spec is an error (issue 19)
        if empty:
            gathered = attrs.evolve(gathered, diagnostics=(*empty, *gathered.diagnostics), unreadable=True)
    except ConfigError as err:
        sys.stderr.write(f"orgspec: error: {err}\n")
        return EXIT_ERROR
    written = write_outputs(args, gathered)
    if gathered.unreadable or not written:
        return EXIT_ERROR
    threshold = Severity(args.fail_on)
    if any(d.severity.rank >= threshold.rank for d in gathered.diagnostics):
        return EXIT_FINDINGS
    return EXIT_OK
