"""The summary of a run: files checked and findings by severity.

Imports: :mod:`orgspec.diagnostics`, attrs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs

from orgspec.diagnostics import Diagnostic, Severity

__all__ = ["Summary", "summarize"]


@attrs.frozen(slots=True)
class Summary:
    """Counts of a run: files checked and findings by severity."""

    files: int
    errors: int
    warnings: int
    infos: int

    def to_dict(self) -> dict[str, int]:
        """Return the JSON form of the summary."""
        return {"files": self.files, "errors": self.errors, "warnings": self.warnings, "infos": self.infos}

    def line(self) -> str:
        """Return the closing line of the text format."""

        def plural(n: int, word: str) -> str:
            return f"{n} {word}{'' if n == 1 else 's'}"

        return (
            f"{plural(self.files, 'file')} checked: {plural(self.errors, 'error')}, "
            f"{plural(self.warnings, 'warning')}, {self.infos} info"
        )


def summarize(diagnostics: Sequence[Diagnostic], files: int) -> Summary:
    """Count findings by severity."""
    counts = Counter(d.severity for d in diagnostics)
    return Summary(files, counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO])
