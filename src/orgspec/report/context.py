"""What a machine format needs to know about the run, and the stable fingerprint of a finding.

Paths are reported relative to the run's root (the working directory), with
``/`` separators, so that CI services can link them to the repository; a
file outside the root keeps its absolute path.

A fingerprint identifies a finding across runs, so that code scanning and
GitLab keep tracking it when lines are inserted above it: it hashes the
code, the relative path, the finding's source line with its whitespace
normalised, and the occurrence index among findings that share those three.
Line numbers are left out on purpose.

Imports: :mod:`orgspec.diagnostics`, attrs.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path, PurePath

import attrs

from orgspec.diagnostics import Diagnostic, Severity

__all__ = ["ReportContext", "encodable", "fingerprints", "relative_path"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """Return ``text`` with each lone surrogate replaced by U+FFFD, so that it encodes as UTF-8.

    Strings handed to the library may hold lone surrogates (Python allows them, UTF-8 does not);
    every report format passes its output through this, so no format raises ``UnicodeEncodeError``
    when the report is written (docs/hardening.md).
    """
    return _SURROGATE.sub("\ufffd", text)


@attrs.frozen(slots=True)
class ReportContext:
    """The run that produced the diagnostics: its root, the files checked, the failing severity."""

    files: tuple[str, ...] = ()
    root: Path = attrs.field(factory=Path.cwd)
    fail_on: Severity = Severity.ERROR

    def fails(self, d: Diagnostic) -> bool:
        """Return True when ``d`` makes the run fail."""
        return d.severity.rank >= self.fail_on.rank


def relative_path(name: str | None, root: Path) -> str:
    """Return ``name`` relative to ``root`` with ``/`` separators, or absolute when outside it."""
    if not name:
        return "<unknown>"
    path = Path(name)
    if not path.is_absolute():
        return PurePath(os.path.normpath(name)).as_posix()
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def _line_text(d: Diagnostic) -> str:
    if d.source is None or d.line is None:
        return ""
    return " ".join(d.source.line_text(d.line).split())


def fingerprints(diagnostics: Sequence[Diagnostic], root: Path) -> list[str]:
    """Return one stable fingerprint (64 hex digits) per diagnostic, in order."""
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    for d in diagnostics:
        key = (d.code, relative_path(d.file, root), _line_text(d))
        index = seen[key]
        seen[key] += 1
        payload = "\x1f".join([*key, str(index)]).encode("utf-8", "surrogatepass")
        out.append(hashlib.sha256(payload).hexdigest())
    return out
