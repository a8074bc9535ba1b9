"""Diagnostics: the findings of the parser, the builder and the checks.

A diagnostic is data: a stable code from :mod:`orgspec.codes`, a severity, a
one-sentence message saying what was stated and what was found, a primary
location, related locations (the stated total *and* each part that disagrees
with it) and a hint. Line and column are derived from the span and the source
text when asked for.

Imports: :mod:`orgspec.source`, :mod:`orgspec.codes`, attrs.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from orgspec.codes import CODES
from orgspec.source import SourceText, Span

__all__ = ["Diagnostic", "PolicyRule", "Related", "Severity", "has_errors", "sort_key"]


class Severity(enum.Enum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Return 2 for errors, 1 for warnings and 0 for information."""
        return {"error": 2, "warning": 1, "info": 0}[self.value]


@attrs.frozen(slots=True)
class Related:
    """A secondary location that explains a diagnostic (a part, a first definition)."""

    message: str
    span: Span | None
    source: SourceText | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def file(self) -> str | None:
        """Return the file name of the related location."""
        return self.source.filename if self.source is not None else None

    def to_dict(self) -> dict[str, object]:
        """Return the JSON form of the related location."""
        out: dict[str, object] = {"message": self.message, "file": self.file}
        out.update(_position_dict(self.source, self.span))
        return out


def _position_dict(source: SourceText | None, span: Span | None) -> dict[str, int | None]:
    if source is None or span is None:
        return {"line": None, "column": None, "end_line": None, "end_column": None}
    start = source.position(span.start)
    end = source.position(span.end)
    return {"line": start.line, "column": start.column, "end_line": end.line, "end_column": end.column}


@attrs.frozen(slots=True)
class PolicyRule:
    """The policy rule a finding (OS801) applies: its pack, its id and title, and its basis."""

    pack: str
    rule: str
    basis: str
    source: str
    title: str = ""

    def to_dict(self) -> dict[str, str]:
        """Return the JSON form: ``pack``, ``rule``, ``title``, ``basis`` and ``source``."""
        return {"pack": self.pack, "rule": self.rule, "title": self.title, "basis": self.basis, "source": self.source}


@attrs.frozen(slots=True)
class Diagnostic:
    """One finding, with a stable code, a severity, a message and where it was found."""

    code: str
    message: str
    span: Span | None
    source: SourceText | None = attrs.field(default=None, eq=False, repr=False)
    severity: Severity = attrs.field()
    hint: str | None = None
    related: tuple[Related, ...] = ()
    #: The policy rule of a policy finding (OS801), None for every other finding.
    policy: PolicyRule | None = None

    @severity.default
    def _default_severity(self) -> Severity:
        return Severity(CODES[self.code].severity)

    @property
    def file(self) -> str | None:
        """Return the file name the diagnostic is about."""
        return self.source.filename if self.source is not None else None

    @property
    def line(self) -> int | None:
        """Return the 1-based start line, or None when the position is unknown."""
        if self.source is None or self.span is None:
            return None
        return self.source.position(self.span.start).line

    @property
    def column(self) -> int | None:
        """Return the 1-based start column in code points, or None."""
        if self.source is None or self.span is None:
            return None
        return self.source.position(self.span.start).column

    def with_severity(self, severity: Severity) -> Diagnostic:
        """Return a copy with another severity (used by configuration)."""
        return attrs.evolve(self, severity=severity)

    def to_dict(self) -> dict[str, object]:
        """Return the JSON form used by ``orgspec check --format json``.

        A policy finding also has ``policy``: the rule's pack, id, title, basis and source.
        """
        out: dict[str, object] = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.file,
        }
        out.update(_position_dict(self.source, self.span))
        out["hint"] = self.hint
        out["related"] = [r.to_dict() for r in self.related]
        if self.policy is not None:
            out["policy"] = self.policy.to_dict()
        return out


def sort_key(d: Diagnostic) -> tuple[str, int, int, str]:
    """Order diagnostics by file, position and code."""
    return (d.file or "", d.span.start if d.span else -1, d.span.end if d.span else -1, d.code)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    """Return True when any diagnostic is an error."""
    return any(d.severity is Severity.ERROR for d in diagnostics)
