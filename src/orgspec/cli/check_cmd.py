"""``orgspec check PATH...``: check spec files and folders, in every output format at once.

The run has two steps: :func:`gather` reads, analyses and configures the
findings of every file (and :func:`gather_stdin` those of stdin, ``-``);
:func:`write_outputs` writes the ``--format`` output to stdout (or to
``-o PATH``), writes each ``-o FORMAT=PATH`` atomically into an existing
folder, and appends the Markdown table to ``$GITHUB_STEP_SUMMARY`` when the
``github`` format is used there. Logs (the summary line, the progress bar) go
to stderr only. Folders are walked with ``.gitignore`` honoured
(:mod:`orgspec.ignore`) unless ``--no-ignore``; files named are always checked.

Old spellings stay as aliases: ``--output-format`` for ``--format`` and
``--output-file FORMAT=PATH`` for ``-o FORMAT=PATH``.

Exit codes: 0 no finding at or above ``--fail-on`` (or ``--exit-zero``); 1
findings; 2 usage error, unreadable input, a bad config file or an output file
that cannot be written.

Imports: :mod:`orgspec.api`, :mod:`orgspec.config`, :mod:`orgspec.runner`,
:mod:`orgspec.ignore`, :mod:`orgspec.report`, :mod:`orgspec.cli.progress`,
:mod:`orgspec.cli.common`.
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

__all__ = ["Gathered", "configure", "gather", "gather_stdin", "run", "statistics", "write_outputs"]

_FORMATS = ("full", "concise", "json", "json-lines", "github", "gitlab", "sarif", "junit")
_ALIASES = {"text": "full"}


def _output_file(value: str) -> tuple[str | None, str]:
    fmt, sep, path = value.partition("=")
    fmt = _ALIASES.get(fmt.strip(), fmt.strip())
    if not sep or not path:
        raise argparse.ArgumentTypeError(f"expected FORMAT=PATH (e.g. sarif=orgspec.sarif), got {value!r}")
    if fmt not in _FORMATS:
        raise argparse.ArgumentTypeError(f"unknown format {fmt!r}; expected one of {', '.join(_FORMATS)}")
    return fmt, path


def _output(value: str) -> tuple[str | None, str]:
    """Parse ``-o``: ``FORMAT=PATH`` when the part before ``=`` names a format, else a PATH for ``--format``."""
    fmt, sep, _ = value.partition("=")
    if sep and fmt.strip() in (*_FORMATS, *_ALIASES):
        return _output_file(value)
    if not value:
        raise argparse.ArgumentTypeError("expected PATH, FORMAT=PATH or - (stdout)")
    if value in (*_FORMATS, *_ALIASES):
        raise argparse.ArgumentTypeError(
            f"-o {value} would write a file called {value!r}: print the format with --format {value}, "
            f"write it to a file with -o {value}=PATH (or -o ./{value} for a file of that name)"
        )
    return None, value


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``check``."""
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="spec files or folders (searched recursively, .gitignore honoured); - reads stdin",
    )
    parser.add_argument(
        "--format",
        "--output-format",
        dest="format",
        choices=(*_FORMATS, *_ALIASES),
        default="full",
        metavar="FORMAT",
        help=f"output format: {', '.join(_FORMATS)} (default: full; text = full; alias --output-format)",
    )
    parser.add_argument(
        "-o",
        "--output",
        dest="outputs",
        action="append",
        type=_output,
        default=[],
        metavar="[FORMAT=]PATH",
        help="PATH: write the --format output there instead of stdout (- is stdout); FORMAT=PATH: also write "
        "FORMAT to PATH (repeatable), e.g. -o sarif=orgspec.sarif. The folder must exist",
    )
    parser.add_argument(
        "--output-file",
        dest="outputs",
        action="append",
        type=_output_file,
        metavar="FORMAT=PATH",
        help="alias of -o FORMAT=PATH",
    )
    parser.add_argument(
        "--stdin-filename", metavar="NAME", help="with - : the name stdin goes by in findings and config matching"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print the findings only: no summary line")
    parser.add_argument(
        "--statistics", action="store_true", help="print the number of findings per code instead of the findings"
    )
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    parser.add_argument("--no-ignore", action="store_true", help="do not honour .gitignore files when walking folders")
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
        "--policy",
        dest="policy",
        action="append",
        default=[],
        metavar="PACK",
        help="also check the rules of a policy pack: a bundled name (r5-leadership-ratios) or a .toml file "
        "(repeatable; added to the config's policy)",
    )
    parser.add_argument(
        "--show-settings", action="store_true", help="print the settings that apply to each PATH and exit"
    )
    parser.add_argument("--no-progress", action="store_true", help="never show the progress bar")
    parser.add_argument(
        "--jobs", "-j", type=_jobs, default=None, metavar="N", help="worker processes (default: auto, one per CPU)"
    )
    parser.add_argument("--no-cache", action="store_true", help="check every file again; do not use the result cache")
    parser.epilog = (
        "exit codes: 0 no finding at or above --fail-on (or --exit-zero); 1 findings; 2 usage error, "
        "unreadable input, bad config or unwritable output file. The summary line and progress go to stderr."
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
    from orgspec.cli.common import use_color

    return use_color(stream)


@attrs.frozen(slots=True)
class Gathered:
    """The findings of a run, the files checked, and whether any input could not be read."""

    diagnostics: tuple[Diagnostic, ...]
    files: tuple[str, ...]
    unreadable: bool


def gather(
    paths: Sequence[Path],
    resolver: Resolver,
    *,
    progress: bool = False,
    jobs: int | None = 1,
    cache: bool = False,
    policy: Sequence[str] = (),
) -> Gathered:
    """Read, analyse and configure every file; never raises on user input (a bad pack is a ConfigError).

    ``jobs`` and ``cache`` are passed to :func:`orgspec.runner.check_files`
    (the command line uses one job per CPU and the cache unless told otherwise).
    ``policy``: packs named on the command line (``--policy``), added to each
    file's configured ones; files are checked in groups that share their packs.
    When more than one file is checked, bodies stated in two of them are
    compared (:mod:`orgspec.across`, OS802).
    """
    from orgspec.cli.progress import Progress
    from orgspec.diagnostics import sort_key
    from orgspec.runner import FileResult, check_files, collector_paused

    groups: dict[tuple[str, ...], list[int]] = {}
    for n, path in enumerate(paths):
        groups.setdefault(_policy_files(resolver, path, policy), []).append(n)
    results: list[FileResult | None] = [None] * len(paths)
    with Progress(len(paths), enabled=progress) as bar:
        for packs, members in groups.items():
            outcome = check_files(
                [paths[n] for n in members],
                jobs=jobs,
                cache=cache,
                on_done=bar.advance,
                policy=packs,
                facts=len(paths) > 1,
            )
            for n, result in zip(members, outcome.files, strict=True):
                results[n] = result
    with collector_paused():  # what is built here holds no cycles; a large run's records stay live
        done = [r for r in results if r is not None]
        found: list[Diagnostic] = []
        for path, result in zip(paths, done, strict=True):
            found.extend(result.diagnostics if result.unreadable else resolver.apply(result.diagnostics, path))
        if len(paths) > 1:
            from orgspec.across import compare

            across = compare([(str(p), r.facts) for p, r in zip(paths, done, strict=True) if r.facts])
            for d in across:
                found.extend(resolver.apply([d], d.file or "."))
        found.sort(key=sort_key)
        return Gathered(tuple(found), tuple(str(p) for p in paths), any(r.unreadable for r in done))


def _policy_files(resolver: Resolver, path: Path, extra: Sequence[str]) -> tuple[str, ...]:
    """Return the pack files that apply to ``path``, each validated once (a bad pack is a ConfigError)."""
    files = resolver.for_path(path).policy_files(extra)
    if not files:
        return files
    from orgspec.config import ConfigError
    from orgspec.policy import PolicyError, load_pack

    for f in files:
        try:
            load_pack(f)
        except PolicyError as err:
            raise ConfigError(str(err)) from None
    return files


def gather_stdin(name: str | None, resolver: Resolver, policy: Sequence[str] = ()) -> Gathered:
    """Read, analyse and configure the spec on stdin; ``name`` (``--stdin-filename``) names it.

    The name is used in the findings and to find the settings that apply (as
    if the file were there); without it stdin is ``<stdin>`` in the working
    directory.
    """
    from orgspec.api import analyze
    from orgspec.cli.common import STDIN_NAME, read_input

    display = name or STDIN_NAME
    source, problems = read_input("-", display)
    if source is None:
        return Gathered(tuple(problems), (display,), True)
    where = Path(name) if name else Path.cwd() / STDIN_NAME
    from orgspec.policy import load_pack

    packs = [load_pack(f) for f in _policy_files(resolver, where, policy)]
    found = analyze(source.text, display, policy=packs).diagnostics
    return Gathered(tuple(resolver.apply(found, where)), (display,), False)


def _merge(a: Gathered, b: Gathered) -> Gathered:
    from orgspec.diagnostics import sort_key

    found = tuple(sorted((*a.diagnostics, *b.diagnostics), key=sort_key))
    return Gathered(found, a.files + b.files, a.unreadable or b.unreadable)


def statistics(diagnostics: Sequence[Diagnostic], fmt: str) -> str:
    """Return the number of findings per code, most frequent first: a table, or JSON with ``fmt`` json."""
    from collections import Counter

    from orgspec.codes import CODES

    counts = Counter(d.code for d in diagnostics)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    named = [(code, n, CODES[code].name if code in CODES else "") for code, n in rows]
    if fmt == "json":
        doc = [{"code": code, "name": name, "count": n} for code, n, name in named]
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    width = max((len(str(n)) for _, n, _ in named), default=1)
    return "".join(f"{n:>{width}}  {code}  {name}\n" for code, n, name in named)


def _targets(args: argparse.Namespace) -> tuple[str, list[tuple[str, str]]] | str:
    """Return where the ``--format`` output goes and the other reports, or a usage error message."""
    plain = [path for fmt, path in args.outputs if fmt is None]
    extra = [(fmt, path) for fmt, path in args.outputs if fmt is not None]
    if len(plain) > 1:
        return "-o PATH names where the --format output goes, once; more reports take -o FORMAT=PATH"
    main = plain[0] if plain else "-"
    if sum(1 for path in (main, *(p for _, p in extra)) if path == "-") > 1:
        return "only one output can go to stdout (-); print FORMAT there with --format FORMAT"
    if args.statistics and _ALIASES.get(args.format, args.format) not in ("full", "concise", "json"):
        return "--statistics prints a table (--format full or concise) or JSON (--format json)"
    return main, extra


def write_outputs(args: argparse.Namespace, gathered: Gathered) -> bool:
    """Write the chosen format and every other report; return False if one could not be written."""
    from orgspec.cli.common import OutputError, write_output
    from orgspec.diagnostics import Severity
    from orgspec.report import ReportContext, render, summarize

    context = ReportContext(gathered.files, Path.cwd(), Severity(args.fail_on))
    found = gathered.diagnostics
    summary = summarize(found, len(gathered.files))
    fmt = _ALIASES.get(args.format, args.format)
    targets = _targets(args)
    assert not isinstance(targets, str)  # run() reports a usage error before checking anything
    main, extra = targets
    if args.statistics:
        text = statistics(found, fmt)
    else:
        color = main == "-" and _color(sys.stdout)
        text = render(fmt, found, context, color=color, show_source=not args.no_source)
    outputs = [(main, text), *((p, render(f, found, context, show_source=not args.no_source)) for f, p in extra)]
    ok = True
    for path, data in outputs:
        try:
            write_output(path, data)
        except OutputError as err:
            sys.stderr.write(f"orgspec: error: {err}\n")
            ok = False
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary and "github" in (fmt, *(f for f, _ in extra)):
        from orgspec.report.github import format_step_summary

        try:
            with open(step_summary, "a", encoding="utf-8") as fh:
                fh.write(format_step_summary(found, summary, context))
        except OSError as err:
            sys.stderr.write(f"orgspec: warning: cannot append to $GITHUB_STEP_SUMMARY: {err.strerror or err}\n")
    if not args.quiet:
        sys.stderr.write(summary.line() + "\n")
    return ok


def _show_settings(args: argparse.Namespace, resolver: Resolver) -> int:
    out = {}
    for p in args.paths or ["."]:
        out[p] = resolver.for_path(p).to_dict()
    sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _usage(args: argparse.Namespace) -> str | None:
    """Return why the arguments cannot run together, or None; checked before any file is read."""
    from orgspec.cli.common import OutputError, check_folder

    targets = _targets(args)
    if isinstance(targets, str):
        return targets
    if args.paths.count("-") > 1:
        return "stdin (-) can be read once"
    if args.stdin_filename is not None and "-" not in args.paths:
        return "--stdin-filename names stdin: give - as a PATH"
    main, extra = targets
    for path in (main, *(p for _, p in extra)):
        if path != "-":
            try:
                check_folder(path)
            except OutputError as err:
                return str(err)
    return None


def _files(args: argparse.Namespace, resolver: Resolver) -> list[Path]:
    """Return the spec files of the PATHs (stdin apart): folders walked, .gitignore and exclude honoured."""
    from orgspec.ignore import walk_spec_files

    named = [p for p in args.paths if p != "-"]
    walk = walk_spec_files(named, gitignore=not args.no_ignore, exclude=lambda p: resolver.for_path(p).excluded(p))
    return list(walk)


def run(args: argparse.Namespace) -> int:
    """Check the named paths and report the findings."""
    from orgspec.model import light

    light.request()  # in the command line's own process: the model without pydantic (issue 17)
    from orgspec.config import ConfigError, Resolver
    from orgspec.diagnostics import Severity
    from orgspec.runner import empty_folders

    try:
        resolver = Resolver(args.config, isolated=args.isolated)
        if args.show_settings:
            return _show_settings(args, resolver)
        if not args.paths:
            sys.stderr.write("orgspec: error: give at least one PATH to check (- reads stdin)\n")
            return EXIT_ERROR
        problem = _usage(args)
        if problem is not None:
            sys.stderr.write(f"orgspec: error: {problem}\n")
            return EXIT_ERROR
        paths = _files(args, resolver)
        progress = not args.no_progress and not args.quiet and _isatty(sys.stderr) and not os.environ.get("CI")
        gathered = gather(
            paths, resolver, progress=progress, jobs=args.jobs, cache=not args.no_cache, policy=args.policy
        )
        if "-" in args.paths:
            gathered = _merge(gathered, gather_stdin(args.stdin_filename, resolver, args.policy))
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
    if not args.exit_zero and any(d.severity.rank >= threshold.rank for d in gathered.diagnostics):
        return EXIT_FINDINGS
    return EXIT_OK
