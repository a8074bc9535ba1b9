"""Checked by mypy --strict: the public API as a user writes it."""

from __future__ import annotations

import orgspec
from orgspec import Count, CountStatus, Diagnostic, QuotaCategory, Spec, SpecError, Unit


def use(path: str) -> list[str]:
    spec: Spec = orgspec.loads('body "A" { quota administrative 3 }', filename="a.orgspec")
    unit: Unit | None = spec.find("A")
    out: list[str] = []
    if unit is not None:
        quota = unit.quota(QuotaCategory.ADMINISTRATIVE)
        if quota is not None and quota.count.status is CountStatus.NUMBER:
            value: int | None = quota.count.value
            out.append(str(value))
    try:
        orgspec.load(path)
    except SpecError as err:
        first: Diagnostic = err.diagnostics[0]
        line: int | None = first.line
        out.append(f"{first.code}:{line}")
    found: list[Diagnostic] = orgspec.check([path])
    out.extend(d.message for d in found)
    totals: dict[QuotaCategory, Count] = spec.totals()
    out.append(str(totals))
    text: str = orgspec.dumps(spec)
    out.append(text)
    return out
