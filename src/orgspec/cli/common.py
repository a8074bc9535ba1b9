"""What every command shares: ``-`` for stdin and stdout, writing outputs, colour.

The vocabulary of the command line (see docs/ci.md): ``--format`` chooses
what is written, ``-o/--output PATH`` where (a file instead of stdout), and
``-`` stands for stdin as an input and for stdout as an output.

An output file is written atomically into a folder that must exist: a
missing folder is an error ("cannot write out/x.sarif: folder out does not
exist", exit 2), never created silently, so a typo in a path cannot scatter
reports. Every such failure is an :class:`OutputError` whose message is one
line for stderr.

Imports: :mod:`orgspec.io`, :mod:`orgspec.source`, :mod:`orgspec.diagnostics`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from orgspec.diagnostics import Diagnostic
    from orgspec.source import SourceText

__all__ = ["STDIN_NAME", "STDIO", "OutputError", "check_folder", "is_stdio", "read_input", "use_color", "write_output"]

#: The argument that means stdin (as an input) or stdout (as an output).
STDIO = "-"
#: The name stdin goes by in diagnostics unless ``--stdin-filename`` names it.
STDIN_NAME = "<stdin>"


class OutputError(Exception):
    """An output that cannot be written; the message is one line for stderr."""


def is_stdio(path: str | os.PathLike[str] | None) -> bool:
    """Return True when ``path`` stands for stdin or stdout (``-``, or no path at all)."""
    return path is None or str(path) == STDIO


def read_input(
    name: str, display: str | None = None, *, limit: int | None = None
) -> tuple[SourceText | None, list[Diagnostic]]:
    """Read a spec or document from a file, or from stdin when ``name`` is ``-``.

    ``display`` is the name diagnostics use (default: the path, or
    ``<stdin>``); ``limit`` the most bytes read (default: the spec limit). Problems are
    diagnostics, never exceptions.
    """
    from orgspec.io import decode, read_source
    from orgspec.limits import MAX_FILE_BYTES

    most = MAX_FILE_BYTES if limit is None else limit
    if name == STDIO:
        data = sys.stdin.buffer.read(most + 1)
        if len(data) > most:
            from orgspec.diagnostics import Diagnostic
            from orgspec.source import SourceText

            name = display or STDIN_NAME
            too_large = f"{name} is larger than the limit of {most:,} bytes"
            return None, [Diagnostic("OS106", too_large, None, SourceText("", name), hint="split the input")]
        return decode(data, display or STDIN_NAME)
    return read_source(name, display, limit=most)


def check_folder(path: str | os.PathLike[str]) -> None:
    """Raise :class:`OutputError` when the folder ``path`` would be written into does not exist."""
    parent = Path(path).parent
    if str(parent) in ("", ".") or parent.is_dir():
        return
    if parent.exists():
        raise OutputError(f"cannot write {path}: {parent} is not a folder")
    raise OutputError(f"cannot write {path}: folder {parent} does not exist")


def write_output(path: str | os.PathLike[str] | None, data: str | bytes) -> None:
    """Write ``data`` to ``path`` atomically, or to stdout when ``path`` is ``-`` or None."""
    from orgspec.io import write_atomic

    if is_stdio(path):
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data)
            sys.stdout.flush()
        return
    assert path is not None
    check_folder(path)
    try:
        write_atomic(path, data)
    except OSError as err:
        raise OutputError(f"cannot write {path}: {err.strerror or err}") from None


def use_color(stream: object) -> bool:
    """Return True when ``stream`` should get colours: a terminal, unless ``NO_COLOR`` (``FORCE_COLOR`` forces)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
