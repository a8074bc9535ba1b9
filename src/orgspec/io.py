"""Reading spec files into text and writing any output file atomically.

Reading never raises on user input: a missing file, a directory, an
unreadable file or bytes that are not UTF-8 become located diagnostics.
Writing goes to a temporary file beside the target, is flushed and synced,
then renamed over it, so a crash or a full disk leaves the old file intact.
The temporary file is named ``.NAME.orgspec-tmp-XXXXXXXX`` (:data:`TEMP_MARK`);
one left by a write that was killed is removed by the next write of the same
target once it is older than :data:`STALE_SECONDS`. A write that fails raises
:class:`WriteError` (an :class:`OSError` naming the target), which the command
line reports as one line ``cannot write PATH: reason``, exit code 2.

Imports: :mod:`orgspec.diagnostics`, :mod:`orgspec.source`.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from orgspec.diagnostics import Diagnostic
from orgspec.limits import MAX_FILE_BYTES
from orgspec.source import SourceText, Span

__all__ = [
    "STALE_SECONDS",
    "TEMP_MARK",
    "FileTooLargeError",
    "WriteError",
    "decode",
    "read_limited",
    "read_source",
    "remove_stale_temps",
    "write_atomic",
    "write_atomic_set",
]

#: What every temporary file orgspec writes has in its name, after ``.`` and the target's name.
TEMP_MARK = ".orgspec-tmp-"
#: A temporary file older than this (seconds) belongs to a write that was killed: it is removed.
STALE_SECONDS = 15 * 60


class WriteError(OSError):
    """An output file could not be written; ``str()`` is ``cannot write PATH: reason``."""

    def __init__(self, path: str | os.PathLike[str], cause: OSError) -> None:
        super().__init__(cause.errno, cause.strerror or str(cause), os.fspath(path))
        self.cause = cause

    def __str__(self) -> str:
        return f"cannot write {self.filename}: {self.strerror}"


def remove_stale_temps(target: str | os.PathLike[str], max_age: float = STALE_SECONDS) -> int:
    """Remove temporary files of ``target`` (``.NAME.orgspec-tmp-*`` beside it) older than ``max_age`` seconds.

    Returns how many were removed; never raises (a file another run still writes is young and kept).
    """
    path = Path(target)
    directory = path.parent if str(path.parent) else Path(".")
    prefix = f".{path.name}{TEMP_MARK}"
    removed = 0
    now = time.time()
    try:
        names = [n for n in os.listdir(directory) if n.startswith(prefix)]
    except OSError:
        return 0
    for name in names:
        candidate = directory / name
        with contextlib.suppress(OSError):
            info = candidate.lstat()
            if now - info.st_mtime > max_age and not candidate.is_dir():
                candidate.unlink()
                removed += 1
    return removed


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


class FileTooLargeError(ValueError):
    """A file holds more bytes than the reader accepts; ``size`` is what was seen (at least ``limit + 1``)."""

    def __init__(self, size: int, limit: int, exact: bool = True) -> None:
        what = f"{size:,} bytes" if exact else f"more than {limit:,} bytes"
        super().__init__(f"the file has {what}; the limit is {limit:,}")
        self.size = size
        self.limit = limit


_BLOCK = 1 << 20


def read_limited(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> bytes:
    """Return the bytes of a file, or raise :class:`FileTooLargeError` without reading more than ``limit + 1`` bytes.

    The size is checked with ``fstat`` before anything is read, then at most
    ``limit + 1`` bytes are read (a FIFO or a growing file cannot exceed it).
    """
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > limit:
            raise FileTooLargeError(size, limit)
        # Read what fstat announced and one byte more: asking for ``limit + 1`` at once would make
        # Python allocate a buffer of the limit (256 MiB) for any file. Only a FIFO, a device or
        # a file that grows gives more, read on in blocks up to the limit.
        data = fh.read(size + 1)
        if len(data) > size:
            parts = [data]
            got = len(data)
            while got <= limit:
                block = fh.read(min(limit + 1 - got, _BLOCK))
                if not block:
                    break
                parts.append(block)
                got += len(block)
            data = b"".join(parts)
    if len(data) > limit:  # a FIFO, a device or a file that grew: its size is unknown
        raise FileTooLargeError(len(data), limit, exact=False)
    return data


def read_source(
    path: str | os.PathLike[str], display: str | None = None, *, limit: int = MAX_FILE_BYTES
) -> tuple[SourceText | None, list[Diagnostic]]:
    """Read and decode one spec file, reporting any problem as a diagnostic.

    A file of more than ``limit`` bytes is refused with OS106 before it is read.
    """
    name = display if display is not None else str(path)
    placeholder = SourceText("", name)
    try:
        data = read_limited(path, limit)
    except FileTooLargeError as err:
        return None, [Diagnostic("OS106", str(err), None, placeholder, hint="split the input into several files")]
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
    content, and the link stays a link. Raises :class:`WriteError` when the
    file cannot be written (a read-only folder, a full disk).
    """
    try:
        _write_atomic(Path(path), data)
    except WriteError:
        raise
    except OSError as err:
        raise WriteError(path, err) from err


def write_atomic_set(files: dict[Path, bytes | str]) -> None:
    """Write several files so that they all change or none does (as far as a file system allows).

    Every file is first written to its temporary file and synced; only when
    all are written are they renamed into place, one after the other (renames
    in one folder do not fail for want of space). If any write fails, every
    temporary file is removed and no target is touched. Raises :class:`WriteError`.
    """
    # a symbolic link is written through, as by write_atomic: its target changes, the link stays
    files = {Path(os.path.realpath(p)) if p.is_symlink() else p: data for p, data in files.items()}
    written: list[tuple[str, Path]] = []
    current: Path | None = None
    try:
        for path, data in files.items():
            current = path
            written.append((_write_temp(path, data), path))
        for tmp, path in written:
            current = path
            os.replace(tmp, path)
    except OSError as err:
        for tmp, _ in written:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise WriteError(current if current is not None else ".", err) from err
    except BaseException:
        for tmp, _ in written:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise
    for path in files:
        remove_stale_temps(path)


def _write_temp(target: Path, data: bytes | str) -> str:
    """Write ``data`` to a synced temporary file beside ``target`` with the target's mode; return its path.

    A str is encoded a block at a time, so that a large text is never held twice (as text and bytes).
    """
    directory = target.parent if str(target.parent) else Path(".")
    import tempfile  # noqa: PLC0415 - only when writing: slow to import, and a check writes nothing

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}{TEMP_MARK}", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, str):
                for at in range(0, len(data), _BLOCK):
                    fh.write(data[at : at + _BLOCK].encode("utf-8"))
            else:
                fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _write_atomic(target: Path, data: bytes | str) -> None:
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    tmp = _write_temp(target, data)
    try:
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    remove_stale_temps(target)
