"""The ``orgspec`` command line: argument parsing, dispatch, exit codes.

Exit codes: 0 success (no error found), 1 findings (errors, or warnings with
``--fail-on warning``), 2 usage error, unreadable input or internal error.
Machine output goes to stdout (or the named file), logs to stderr. Any
unexpected exception becomes one line "internal error: … please report"; the
traceback is shown only with ``--verbose``.

Each command's module is imported only when the command runs, to keep
start-up fast.

Imports: :mod:`orgspec.cli.*` lazily; the standard library.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from collections.abc import Sequence

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

_COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("orgspec.cli.check_cmd", "check spec files and folders"),
    "export": ("orgspec.cli.export_cmd", "export a spec: JSON, Popolo, W3C ORG (Turtle, JSON-LD) or CSV"),
    "schema": ("orgspec.cli.export_cmd", "print the JSON Schema of the model"),
    "explain": ("orgspec.cli.explain_cmd", "print the documentation of a diagnostic code"),
    "fmt": ("orgspec.cli.fmt_cmd", "rewrite spec files in the canonical layout"),
    "show": ("orgspec.cli.show_cmd", "print a spec's structure, or the one in force on a date"),
    "history": ("orgspec.cli.history_cmd", "list the events of a spec in time order"),
    "diff": ("orgspec.cli.diff_cmd", "show what changed between two specs or two dates"),
    "lsp": ("orgspec.cli.lsp_cmd", "run the language server (for editors) over stdio"),
    "draft": ("orgspec.cli.draft_cmd", "draft a spec from the text of a 三定-style document"),
    "render": ("orgspec.cli.render_cmd", "draw an org chart: SVG, PNG, PDF, DOT, Mermaid or HTML"),
    "completion": ("orgspec.cli.completion_cmd", "print a shell completion script: bash, zsh or fish"),
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"orgspec: error: {message}\n")
        raise SystemExit(EXIT_ERROR)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Return the argument parser with every command registered.

    With ``only``, that command alone gets its arguments configured (the others
    are listed by name and help text): building every command's arguments takes
    longer than a small check, and a run needs one command.
    """
    from orgspec import __version__

    parser = _Parser(
        prog="orgspec",
        description="Describe public bodies the way 三定 plans do; check, export and explain specs.",
    )
    parser.add_argument("--version", action="version", version=f"orgspec {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module, help_text) in _COMMANDS.items():
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        cmd.add_argument("-v", "--verbose", action="store_true", help="show tracebacks of internal errors")
        cmd.set_defaults(command_parser=cmd)
        if only is None or name == only:
            importlib.import_module(module).configure(name, cmd)
    return parser


def _command_in(args: Sequence[str]) -> str | None:
    """Return the command named by the first argument that is not an option, if it names one."""
    for arg in args:
        if arg == "--":
            return None
        if not arg.startswith("-"):
            return arg if arg in _COMMANDS else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command_in(args_list))
    try:
        args, unknown = parser.parse_known_args(args_list)
        if unknown:  # the command's own usage, not the top-level one
            getattr(args, "command_parser", parser).error(f"unrecognized arguments: {' '.join(unknown)}")
    except SystemExit as exit_:
        return int(exit_.code or 0) if isinstance(exit_.code, int) else EXIT_ERROR
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        result: int = args.run(args)
        stream = sys.stdout
        if stream is not None and not stream.closed:  # the language server closes it on exit
            stream.flush()  # a full disk behind stdout shows here, not at exit
        return result
    except KeyboardInterrupt:
        sys.stderr.write("orgspec: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as err:
        if not _is_write_error(err):
            return _internal_error(args, err)
        from orgspec.report.text import printable

        if err.filename is None:  # standard output: drop what is still buffered so exit does not retry it
            _drop_stdout()
        what = str(err) if err.filename is not None else f"cannot write standard output: {err.strerror}"
        sys.stderr.write(f"orgspec: error: {printable(what)}\n")
        return EXIT_ERROR
    except Exception as err:
        return _internal_error(args, err)


def _is_write_error(err: OSError) -> bool:
    """Return True for a failure to write output: a :class:`orgspec.io.WriteError`, or a full disk on stdout."""
    import errno

    from orgspec.io import WriteError

    if isinstance(err, WriteError):
        return True
    return err.filename is None and err.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS)


def _drop_stdout() -> None:
    """Point the process's standard output at the null device, so that exit does not flush it again."""
    import os

    if sys.stdout is not sys.__stdout__:
        return  # captured (tests, an embedding program): not ours to redirect
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # type: ignore[union-attr]
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (captured in tests): nothing is flushed at exit


def _internal_error(args: argparse.Namespace, err: Exception) -> int:
    from orgspec.report.text import printable

    what = printable(" ".join(f"{type(err).__name__}: {err}".split()))
    if getattr(args, "verbose", False):
        sys.stderr.write(f"orgspec: internal error: {what} (please report)\n")
        traceback.print_exc(file=sys.stderr)
    else:
        sys.stderr.write(f"orgspec: internal error: {what} (please report; --verbose shows the traceback)\n")
    return EXIT_ERROR


def entry() -> None:
    """Console-script entry point (and ``python -m orgspec``): the process is the command's own.

    So ``check`` may define the model on light classes (:mod:`orgspec.model.light`):
    nothing else in the process needs pydantic's.
    """
    from orgspec.model import light

    light.allow()
    sys.exit(main())
