"""``orgspec fmt [--check] [--diff] PATH...``: rewrite spec files in the canonical layout.

Files are rewritten atomically and only when they change; a UTF-8
byte-order mark is kept. ``--check``
writes nothing and exits 1 when a file would change; ``--diff`` writes
nothing and prints a unified diff on stdout. ``-`` formats stdin to stdout
(``--stdin-filename`` names it in messages). Folders are walked with
``.gitignore`` honoured, as ``check`` does, unless ``--no-ignore``.
A file that does not parse, cannot be read, or fails the formatter's
self-check is left alone, its reason printed on stderr, and the exit code is
2. Logs go to stderr.

Imports: :mod:`orgspec.api`, :mod:`orgspec.fmt`, :mod:`orgspec.io`, :mod:`orgspec.report`.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

from orgspec.cli.main import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

__all__ = ["configure", "run"]


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``fmt``."""
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="spec files or folders (searched recursively); - for stdin"
    )
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if any file would change")
    parser.add_argument("--stdin-filename", metavar="NAME", help="with - : the name stdin goes by in messages")
    parser.add_argument("--no-ignore", action="store_true", help="do not honour .gitignore files when walking folders")
    parser.add_argument("--diff", action="store_true", help="write nothing; print a unified diff of the changes")
    parser.add_argument(
        "--no-verify", action="store_true", help="skip the self-check (same model, stable, no comment lost)"
    )
    parser.epilog = (
        "exit codes: 0 formatted (or nothing to do); 1 with --check, a file would change; "
        "2 a file cannot be read, does not parse or failed the self-check."
    )
    parser.set_defaults(run=run)


_BOM = "\ufeff"


def _has_bom(path: Path) -> bool:
    """Return True when the file starts with a UTF-8 byte-order mark (kept when it is rewritten)."""
    try:
        with path.open("rb") as fh:
            return fh.read(3) == b"\xef\xbb\xbf"
    except OSError:
        return False


_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


def _diff(before: str, after: str, name: str) -> str:
    r"""Return a unified diff whose lines show control and bidirectional characters as symbols.

    Lines are split at ``\n`` only, and each line's text goes through
    :func:`orgspec.report.text.printable` (a CR before the newline is dropped),
    so the diff of a hostile file cannot reorder or hide what a reviewer reads.
    """
    from orgspec.report.text import printable

    lines = difflib.unified_diff(_LINE.findall(before), _LINE.findall(after), f"a/{name}", f"b/{name}")
    out = []
    for line in lines:
        body = line[:-1] if line.endswith("\n") else line
        out.append(printable(body.removesuffix("\r")) + "\n")
        if not line.endswith("\n"):
            out.append("\\ No newline at end of file\n")
    return "".join(out)


def _stdin(args: argparse.Namespace) -> int:
    from orgspec.fmt import format_source
    from orgspec.io import decode
    from orgspec.report import format_text

    name = args.stdin_filename or "<stdin>"
    source, problems = decode(sys.stdin.buffer.read(), name)
    if source is None:
        sys.stderr.write(format_text(problems))
        return EXIT_ERROR
    result = format_source(source.text, name, verify=not args.no_verify)
    if result.output is None:
        sys.stderr.write(format_text(result.diagnostics) if result.diagnostics else f"{name}: {result.problem}\n")
        sys.stdout.write(source.text)
        return EXIT_ERROR
    if args.diff:
        sys.stdout.write(_diff(source.text, result.output, name))
    else:
        sys.stdout.write(result.output)
    return EXIT_FINDINGS if args.check and result.changed else EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Format the named files."""
    from orgspec.fmt import format_source
    from orgspec.ignore import walk_spec_files
    from orgspec.io import read_source, write_atomic
    from orgspec.report import format_text
    from orgspec.runner import empty_folders

    if args.paths == ["-"]:
        return _stdin(args)
    if "-" in args.paths or args.stdin_filename is not None:
        sys.stderr.write("orgspec: error: - (stdin) is formatted alone: fmt - [--stdin-filename NAME]\n")
        return EXIT_ERROR
    changed = unchanged = refused = 0
    empty = empty_folders(args.paths)
    if empty:
        sys.stderr.write(format_text(empty))
        refused += len(empty)
    for path in walk_spec_files((Path(p) for p in args.paths), gitignore=not args.no_ignore):
        source, problems = read_source(path)
        if source is None:
            sys.stderr.write(format_text(problems))
            refused += 1
            continue
        result = format_source(source.text, source.filename, verify=not args.no_verify)
        if result.output is None:
            if result.diagnostics:
                sys.stderr.write(format_text(result.diagnostics))
                what = "does not parse" if any(d.code != "OS107" for d in result.diagnostics) else "has invalid escapes"
                sys.stderr.write(f"{path}: not formatted: the file {what}\n")
            else:
                sys.stderr.write(f"{path}: not formatted: {result.problem} (please report)\n")
            refused += 1
            continue
        if not result.changed:
            unchanged += 1
            continue
        changed += 1
        if args.diff:
            sys.stdout.write(_diff(source.text, result.output, str(path)))
        if args.check or args.diff:
            sys.stderr.write(f"would reformat {path}\n")
            continue
        try:
            write_atomic(path, _BOM + result.output if _has_bom(path) else result.output)
        except OSError as err:
            sys.stderr.write(f"orgspec: error: cannot write {path}: {err.strerror or err}\n")
            refused += 1
            changed -= 1
            continue
        sys.stderr.write(f"reformatted {path}\n")
    verb = "would be reformatted" if args.check or args.diff else "reformatted"
    parts = [f"{changed} file{'s' if changed != 1 else ''} {verb}", f"{unchanged} left unchanged"]
    if refused:
        parts.append(f"{refused} not formatted")
    sys.stderr.write(", ".join(parts) + "\n")
    if refused:
        return EXIT_ERROR
    if args.check and changed:
        return EXIT_FINDINGS
    return EXIT_OK
