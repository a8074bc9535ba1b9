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
    # get() returns the unit itself (KeyError when there is none); quota() takes the category's name too
    known: Unit = spec.get("A")
    by_name = known.quota("administrative")
    if by_name is not None:
        out.append(str(by_name.count))
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
    then: Spec = orgspec.as_of(spec, "2005")
    out.extend(op.op for op in orgspec.diff(then, spec).operations)
    chart: bytes = orgspec.render(spec, format="dot")
    svg: bytes = orgspec.render(path, "chart.svg", engine="embedded", depth=2, as_of="2005")
    out.append(str(len(chart) + len(svg)))
    return out
