"""What the document leaves ambiguous, reported as information: never guessed, never silent.

Imports: :mod:`orgspec.checks.context`.
"""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.checks.context import Context
from orgspec.diagnostics import Diagnostic

__all__ = ["ambiguities"]

_ABOUT = {
    "quota-owner": "whose quota this is",
    "posts-pool": "which pool the posts draw on",
    "part-inside": "whether a part is inside the total",
    "count": "what a count covers",
}


def ambiguities(ctx: Context) -> Iterator[Diagnostic]:
    """OS313: each ``ambiguous`` statement, so a reviewer sees what the checks could not decide."""
    for path, unit in ctx.units():
        for i, amb in enumerate(unit.ambiguous):
            yield ctx.diag(
                "OS313",
                f"'{unit.name}': the document leaves {_ABOUT[amb.what]} ambiguous: {amb.text}",
                f"{path}/ambiguous/{i}",
                hint="nothing to fix in the spec; a reviewer asks the issuing body which reading holds",
            )
