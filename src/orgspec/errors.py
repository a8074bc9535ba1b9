"""The exception hierarchy of orgspec.

::

    OrgspecError                  root of everything orgspec raises on purpose
    └── SpecError (ValueError)    a spec that does not load; carries every diagnostic

``check`` never raises on user input; ``load`` and ``loads`` raise
:class:`SpecError` when a spec has errors.

Imports: :mod:`orgspec.diagnostics`.
"""

from __future__ import annotations

from collections.abc import Sequence

from orgspec.diagnostics import Diagnostic, Severity

__all__ = ["OrgspecError", "SpecError"]


class OrgspecError(Exception):
    """The root of orgspec's exceptions."""


class SpecError(OrgspecError, ValueError):
    """A spec that has errors; ``diagnostics`` holds every finding (errors and warnings)."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        errors = [d for d in self.diagnostics if d.severity is Severity.ERROR]
        first = errors[0] if errors else (self.diagnostics[0] if self.diagnostics else None)
        if first is None:
            message = "the spec has errors"
        else:
            where = f"{first.file}:{first.line}:{first.column}: " if first.line is not None else ""
            more = f" (and {len(errors) - 1} more errors)" if len(errors) > 1 else ""
            message = f"{where}{first.code} {first.message}{more}"
        super().__init__(message)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """Return only the diagnostics that are errors."""
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)
