"""Stated counts against what is listed, and numbering anomalies.

Imports: :mod:`orgspec.checks.context`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from orgspec.checks.context import Context
from orgspec.diagnostics import Diagnostic
from orgspec.model.values import UnitKind

__all__ = ["numbering", "stated_counts"]

_WORDS = {"sections": "sections", "duties": "duties", "institutions": "public institutions", "members": "members"}


def stated_counts(ctx: Context) -> Iterator[Diagnostic]:
    """OS301: the document's stated counts against the units and duties it lists."""
    for path, unit in ctx.units():
        for i, stated in enumerate(unit.stated):
            if not stated.count.known:
                continue
            if stated.what == "duties":
                listed = [f"{path}/duties/{j}" for j in range(len(unit.duties))]
            elif stated.what == "members":
                listed = [f"{path}/members/{j}" for j in range(len(unit.members))]
            else:
                want = UnitKind.SECTION if stated.what == "sections" else UnitKind.PUBLIC_INSTITUTION
                listed = [p for p, u in ctx.descendants(path) if u.kind is want]
            if len(listed) != stated.count.value:
                words = f" (\u201c{stated.text}\u201d)" if stated.text else ""
                yield ctx.diag(
                    "OS301",
                    f"'{unit.name}' states {stated.count.value} {_WORDS[stated.what]}{words} but lists {len(listed)}",
                    f"{path}/stated/{i}/count",
                    hint="if the document itself disagrees, keep its figure, say so in a comment and "
                    "suppress this finding with a reason",
                    related=[("stated here", f"{path}/stated/{i}")]
                    + [(f"listed ({n})", p) for n, p in enumerate(listed[:20], 1)],
                )


def _anomalies(numbers: Sequence[tuple[int, str]]) -> Iterator[tuple[str, str, str | None]]:
    """Yield (message, path, previous path) for duplicated, skipped or backward numbers."""
    prev: tuple[int, str] | None = None
    for number, path in numbers:
        if prev is not None:
            if number == prev[0]:
                yield f"number {number} is used twice", path, prev[1]
            elif number > prev[0] + 1:
                skipped = ", ".join(str(n) for n in range(prev[0] + 1, min(number, prev[0] + 6)))
                yield f"numbering skips from {prev[0]} to {number} (missing {skipped})", path, prev[1]
            elif number < prev[0]:
                yield f"numbering goes back from {prev[0]} to {number}", path, prev[1]
        prev = (number, path)


def numbering(ctx: Context) -> Iterator[Diagnostic]:
    """OS310: duplicated, skipped or backward numbers of sibling units and of duties."""
    for path, unit in ctx.units():
        lists = [
            ("units", [(u.number, f"{path}/units/{i}") for i, u in enumerate(unit.units) if u.number is not None]),
            ("duties", [(d.number, f"{path}/duties/{i}") for i, d in enumerate(unit.duties) if d.number is not None]),
        ]
        for what, numbers in lists:
            for message, where, before in _anomalies(numbers):
                yield ctx.diag(
                    "OS310",
                    f"{'section' if what == 'units' else 'duty'} {message} in '{unit.name}'",
                    where,
                    hint="this is usually a defect of the document; keep its numbers and note it",
                    related=[("the previous one", before)] if before else [],
                )
