"""Reading spec files into text and writing any output file atomically.

Reading never raises on user input: a missing file, a directory, an
unreadable file or bytes that are not UTF-8 become located diagnostics.
Writing goes to a temporary file beside the target, is flushed and synced,
then renamed over it, so a crash or a full disk leaves the old file intact.

Imports: :mod:`orgspec.diagnostics`, :mod:`orgspec.source`.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from orgspec.diagnostics import Diagnostic
from orgspec.source import SourceText, Span

__all__ = ["decode", "read_source", "write_atomic"]


def decode(data: bytes, filename: str) -> tuple[SourceText | None, list[Diagnostic]]:
    """Decode UTF-8 (a byte-order mark is dropped) or report where and why it is not."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return SourceText(data.decode("utf-8"), filename), []
    except UnicodeDecodeError as err:
        good = data[: err.start].decode("utf-8", errors="replace")
        placeholder = SourceText(good + "\ufffd", filename)
        hint = "save the file as UTF-8"
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            pass
        else:
            if any(b >= 0x80 for b in data):
                hint = f"it looks like GBK/GB18030; convert it with: iconv -f GB18030 -t UTF-8 {filename}"
        where = Span(len(good), len(good) + 1)
        return None, [
            Diagnostic(
                "OS101",
                f"the file is not valid UTF-8: byte 0x{data[err.start]:02X} at byte offset {err.start}",
                where,
                placeholder,
                hint=hint,
            )
        ]


def read_source(path: str | os.PathLike[str], display: str | None = None) -> tuple[SourceText | None, list[Diagnostic]]:
    """Read and decode one spec file, reporting any problem as a diagnostic."""
    name = display if display is not None else str(path)
    placeholder = SourceText("", name)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return None, [Diagnostic("OS100", f"no such file: {name}", None, placeholder)]
    except IsADirectoryError:
        return None, [Diagnostic("OS100", f"{name} is a directory, not a spec file", None, placeholder)]
    except PermissionError:
        return None, [
            Diagnostic("OS100", f"permission denied: {name}", None, placeholder, hint="check the file's permissions")
        ]
    except OSError as err:
        return None, [Diagnostic("OS100", f"cannot read {name}: {err.strerror or err}", None, placeholder)]
    return decode(data, name)


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write ``data`` to ``path`` atomically: the old file stays intact if anything fails.

    A symbolic link is written through: the file it points to gets the new
    content, and the link stays a link.
    """
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
