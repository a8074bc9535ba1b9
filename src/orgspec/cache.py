r"""Where orgspec keeps its per-user cache, and the cache of check results.

The cache lives in the user's cache directory (``$ORGSPEC_CACHE_DIR``, else
``$XDG_CACHE_HOME/orgspec``, ``~/Library/Caches/orgspec`` on macOS or
``%LOCALAPPDATA%\\orgspec\\Cache`` on Windows), never in site-packages or a
shared temporary directory.

:class:`ResultCache` remembers the diagnostics of one file's text, so that a
re-check of an unchanged corpus reads a small record per file instead of
parsing and checking it again. An entry is keyed by the SHA-256 of the file's
bytes, orgspec's version, a fingerprint of orgspec's own code (so a changed
install or checkout re-runs the checks even when the version string is the
same) and the caller's configuration fingerprint. It stores diagnostics in a
compact form without the file name (the same text under another name is a
hit; the name is filled in when the diagnostics are rebuilt). Entries are
written to a temporary file in the cache folder and renamed into place, so
concurrent runs never see half an entry; each entry carries a checksum of its
payload, so a corrupt or truncated entry is ignored and rewritten. Only a
regular file of at most :data:`MAX_ENTRY_BYTES` is read as an entry (opened
without following links and without blocking): a FIFO, a device, a link (to
``/dev/zero`` or elsewhere) or an oversized file in its place is a miss.

Imports: the standard library, :mod:`orgspec.diagnostics`, :mod:`orgspec.source`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

from orgspec.diagnostics import Diagnostic, PolicyRule, Related, Severity
from orgspec.io import TEMP_MARK
from orgspec.source import SourceText, Span

__all__ = ["ResultCache", "cache_dir", "code_fingerprint", "decode_diagnostics", "encode_diagnostics"]

#: Bump when the layout of an entry changes (2: one entry per text holds its findings and facts).
FORMAT = 2
_MAGIC = b"orgspec-result-cache"
#: The largest entry read or written (the findings of one file, capped per code, fit well within).
MAX_ENTRY_BYTES = 64 * 1024 * 1024
#: The entry folders this process made or found: a worker writing thousands of entries (in
#: chunks, each with its own cache object) asks the file system once per folder, not once per
#: entry; a folder removed since is made again when an entry cannot be created in it.
_FOLDERS: set[str] = set()
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _read_entry(path: Path) -> bytes | None:
    """Return the bytes of a cache entry if it is a regular file of bounded size, else None."""
    try:
        fd = os.open(path, _OPEN_FLAGS)  # no link followed, no wait on a FIFO
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            return None
        chunks = []
        left = MAX_ENTRY_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:  # grew past the cap while being read
            return None
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def cache_dir() -> Path:
    """Return the per-user cache directory for orgspec (not created here)."""
    override = os.environ.get("ORGSPEC_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "orgspec" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "orgspec"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "orgspec"


_code_fingerprint: str | None = None


def code_fingerprint() -> str:
    """Return a fingerprint of the installed orgspec: its version and the name, size and mtime of its files."""
    global _code_fingerprint
    if _code_fingerprint is None:
        from orgspec import __version__

        root = Path(__file__).resolve().parent
        h = hashlib.sha256(__version__.encode())
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".lark", ".json") and "__pycache__" not in path.parts:
                st = path.stat()
                h.update(f"{path.relative_to(root)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        _code_fingerprint = h.hexdigest()[:32]
    return _code_fingerprint


def encode_diagnostics(diagnostics: list[Diagnostic], source: SourceText) -> list[list[Any]] | None:
    """Return the compact record of one file's diagnostics, or None if one cannot be recorded.

    A diagnostic is recorded as ``[code, message, start, end, severity, hint,
    [[message, start, end], …]]``, and a policy finding with its rule as an eighth
    element (``[pack, rule, basis, source, title]``); every location must be in
    ``source`` (the same file name and text).
    """
    out: list[list[Any]] = []
    for d in diagnostics:
        if not _same(d.source, source):
            return None
        related: list[list[Any]] = []
        for r in d.related:
            if not _same(r.source, source):
                return None
            related.append([r.message, *_span(r.span)])
        record: list[Any] = [d.code, d.message, *_span(d.span), d.severity.value, d.hint, related]
        if d.policy is not None:
            p = d.policy
            record.append([p.pack, p.rule, p.basis, p.source, p.title])
        out.append(record)
    return out


def _same(a: SourceText | None, b: SourceText) -> bool:
    return a is b or (a is not None and a.filename == b.filename and a.text == b.text)


def _span(span: Span | None) -> tuple[int | None, int | None]:
    return (None, None) if span is None else (span.start, span.end)


def decode_diagnostics(records: list[list[Any]], source: SourceText) -> list[Diagnostic]:
    """Rebuild diagnostics from their compact record, located in ``source``."""
    out: list[Diagnostic] = []
    for code, message, start, end, severity, hint, related, *rule in records:
        rel = tuple(Related(m, None if s is None else Span(s, e), source) for m, s, e in related)
        span = None if start is None else Span(start, end)
        policy = PolicyRule(*rule[0]) if rule else None
        out.append(
            Diagnostic(code, message, span, source, severity=Severity(severity), hint=hint, related=rel, policy=policy)
        )
    return out


class ResultCache:
    """The diagnostics of file texts already checked, one small file per text."""

    def __init__(self, folder: Path | None = None, fingerprint: str = "") -> None:
        self.folder = (folder if folder is not None else cache_dir()) / f"results-v{FORMAT}"
        from orgspec.limits import max_findings_per_code

        cap = max_findings_per_code()  # the cap changes the findings recorded
        self.salt = f"{FORMAT}\0{code_fingerprint()}\0{fingerprint}\0{cap}\0".encode()
        self.usable = True
        self._salted = hashlib.sha256(self.salt)
        self._writes = 0

    def key(self, data: bytes) -> str:
        """Return the key of a file's bytes under this cache's version and configuration."""
        h = self._salted.copy()  # the salt is hashed once, and the bytes are not copied after it
        h.update(data)
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[Any] | None:
        """Return the record stored under ``key``; None when missing, unreadable or corrupt."""
        raw = _read_entry(self._path(key))
        if raw is None:
            return None
        head, _, payload = raw.partition(b"\n")
        parts = head.split(b" ")
        if len(parts) != 3 or parts[0] != _MAGIC or parts[1] != key.encode():
            return None
        if hashlib.sha256(payload).hexdigest().encode() != parts[2]:
            return None
        try:
            value = json.loads(payload)
        except ValueError:
            return None
        return value if isinstance(value, list) else None

    def put(self, key: str, record: list[Any]) -> bool:
        """Store a record atomically (temporary file, then rename); return False if the cache is unwritable."""
        if not self.usable:
            return False
        try:
            payload = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
        except (UnicodeEncodeError, ValueError):  # a lone surrogate from the library door: not cached
            return False
        data = b" ".join([_MAGIC, key.encode(), hashlib.sha256(payload).hexdigest().encode()]) + b"\n" + payload
        if len(data) > MAX_ENTRY_BYTES:
            return False
        target = self._path(key)
        folder = str(target.parent)
        tmp: str | None = None
        try:
            if folder not in _FOLDERS:
                target.parent.mkdir(parents=True, exist_ok=True)
                _FOLDERS.add(folder)
            try:
                tmp = self._write_temp(folder, target.name, data)
            except FileNotFoundError:  # the folder was removed since (the cache cleared during a run)
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = self._write_temp(folder, target.name, data)
            os.replace(tmp, target)
        except OSError:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            self.usable = False  # a read-only or full cache folder: stop trying, keep checking
            return False
        return True

    def _write_temp(self, folder: str, name: str, data: bytes) -> str:
        """Write ``data`` to a new temporary file in ``folder``; return its path.

        The name is the entry's, this process's id, this object's and a counter, and the
        file is created exclusively (never through a link), so two processes, or two cache
        objects of one process, never write one temporary file; a name left by a process
        that died is skipped (another is tried, as :func:`tempfile.mkstemp` does). Cheaper
        than ``mkstemp``: no random name, no file object, one write.
        """
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        for _ in range(100):
            self._writes += 1
            tmp = os.path.join(folder, f".{name}{TEMP_MARK}{os.getpid()}-{id(self):x}-{self._writes}")
            try:
                fd = os.open(tmp, flags, 0o600)
            except FileExistsError:
                continue
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
            except OSError:
                os.close(fd)
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
            os.close(fd)
            return tmp
        raise FileExistsError(f"no free temporary name in {folder}")
