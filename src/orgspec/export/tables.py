"""The CSV export: one table each for units, plaques, duties, quotas and posts.

Every table starts with the unit's stable id (:mod:`orgspec.export.ids`) so
that tables join on it. Figures are honest: a quota or post count has a
``count`` column (the number, or empty) and a ``status`` column (``number``,
``separately``, ``unstated``, ``unreadable``); an open figure is never 0.
Lists inside a cell (plaques in the units table) are joined with ``; ``.

No cell can run as a spreadsheet formula: a cell that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return gets a leading apostrophe
(``'=1+1``), and so does a cell that already starts with an apostrophe, so
the rule is reversible: :func:`unescape_cell` removes exactly one leading
apostrophe and gives the text back (see docs/exports.md).

Imports: :mod:`orgspec.model`, :mod:`orgspec.export.ids`, :mod:`orgspec.export.popolo`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from orgspec.export.ids import UnitIds
from orgspec.export.popolo import basis_note, plaque_dates
from orgspec.model.units import Post, PostGroup, QuotaPart, Spec, Unit
from orgspec.model.values import Count, CountStatus

__all__ = ["FORMULA_STARTS", "TABLES", "escape_cell", "table_rows", "tables", "to_csv", "unescape_cell"]

#: The first characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: The tables in the order they are written, with their columns.
TABLES: dict[str, tuple[str, ...]] = {
    "units": (
        "id", "parent_id", "depth", "name", "kind", "kind_label", "rank", "number", "section_rank",
        "per_regulations", "superior", "funding", "plaques", "duties", "basis", "cut_off", "stands_for", "covers",
        "as_of", "excerpt",
    ),
    "plaques": ("unit_id", "unit_name", "name", "form", "start_date", "end_date", "basis"),
    "duties": ("unit_id", "unit_name", "number", "text", "shared_id", "duty_id", "cut_off"),
    "quotas": ("unit_id", "unit_name", "category", "label", "count", "status", "text", "part_of", "part_unit_id"),
    "posts": (
        "unit_id", "unit_name", "group", "title", "count", "status", "text", "role", "for_sections",
        "concurrent", "approved_separately", "actual",
    ),
}  # fmt: skip

Row = dict[str, str]


def _count(count: Count) -> dict[str, str]:
    number = str(count.value) if count.status is CountStatus.NUMBER and count.value is not None else ""
    if count.status is CountStatus.RANGE:
        number = count.range_text()  # as the document shows it: 2-3, ≤50, ≥15
    return {"count": number, "status": count.status.value, "text": count.text or ""}


def _class_count(unit: Unit) -> str:
    """Return how many like bodies a unit stands for (a number, a range, or the figure's status)."""
    if unit.stands_for is None:
        return ""
    count = unit.stands_for.count
    return _count(count)["count"] or count.status.value


def _flag(value: bool) -> str:
    return "yes" if value else ""


def _units(ids: UnitIds) -> Iterator[Row]:
    for e in ids:
        u = e.unit
        yield {
            "id": e.id,
            "parent_id": e.parent_id or "",
            "depth": str(e.depth),
            "name": u.name,
            "kind": u.kind.value if u.kind else "",
            "kind_label": u.kind_label or "",
            "rank": u.rank or "",
            "number": "" if u.number is None else str(u.number) + (f"-{u.number_to}" if u.number_to else ""),
            "section_rank": u.section_rank or "",
            "per_regulations": _flag(u.per_regulations),
            "superior": ids.ref_id(u.superior) or (u.superior.target if u.superior else ""),
            "funding": u.funding or "",
            "plaques": "; ".join(p.name for p in u.plaques),
            "duties": str(len(u.duties)),
            "basis": "; ".join(basis_note(b) for b in u.basis),
            "cut_off": "; ".join(c.what + (f": {c.text}" if c.text else "") for c in u.cut_off),
            "stands_for": (_count(u.stands_for.count)["count"] or u.stands_for.count.status.value)
            if u.stands_for
            else "",
            "covers": ("; ".join(u.covers.areas) + (" (each)" if u.covers.each else "")) if u.covers else "",
            "as_of": str(u.as_of) if u.as_of else "",
            "excerpt": "; ".join(e.what + (f": {e.text}" if e.text else "") for e in u.excerpt),
        }


def _plaques(ids: UnitIds) -> Iterator[Row]:
    for e in ids:
        for p in e.unit.plaques:
            start, end = plaque_dates(e.unit, p.name)
            yield {
                "unit_id": e.id,
                "unit_name": e.unit.name,
                "name": p.name,
                "form": p.form or "",
                "start_date": str(start) if start else "",
                "end_date": str(end) if end else "",
                "basis": "; ".join(basis_note(b) for b in p.basis),
            }


def _duties(ids: UnitIds) -> Iterator[Row]:
    for e in ids:
        for d in e.unit.duties:
            yield {
                "unit_id": e.id,
                "unit_name": e.unit.name,
                "number": "" if d.number is None else str(d.number),
                "text": d.text,
                "shared_id": "",
                "duty_id": d.id or "",
                "cut_off": _flag(d.cut_off),
            }
        for i, shared in enumerate(e.unit.shared_duties):
            shared_id = shared.id or f"{e.id}/shared_duties/{i}"
            for ref in shared.sections:
                target = ids.resolve(ref)
                for d in shared.duties:
                    yield {
                        "unit_id": target.id if target else ref.target,
                        "unit_name": target.unit.name if target else ref.target,
                        "number": "" if d.number is None else str(d.number),
                        "text": d.text,
                        "shared_id": shared_id,
                        "duty_id": d.id or "",
                        "cut_off": _flag(d.cut_off),
                    }


def _parts(ids: UnitIds, base: Row, part: QuotaPart) -> Iterator[Row]:
    """Yield a part's row, or one row per unit for a figure each of several units has (各4名)."""
    row = {
        **base,
        "category": part.category.value if part.category else "",
        "label": part.label or part.category_label or "",  # a part of no known category: its words
        **_count(part.count),
        "part_of": part.relation,
    }
    units = part.each or ((part.unit,) if part.unit is not None else ())
    if not units:
        yield {**row, "part_unit_id": ""}
    for ref in units:
        yield {**row, "part_unit_id": ids.ref_id(ref) or ref.target}


def _quotas(ids: UnitIds) -> Iterator[Row]:
    for e in ids:
        base = {"unit_id": e.id, "unit_name": e.unit.name}
        for s in e.unit.stated:
            if s.what == "quota":  # a total over the unit's pools (共有编制32人)
                yield {**base, "category": "", "label": s.text or "", **_count(s.count),
                       "part_of": "total", "part_unit_id": ""}  # fmt: skip
        for q in e.unit.quotas:
            # a pool of no known category (other) is labelled by its words when the quota has no others
            yield {**base, "category": q.category.value, "label": q.label or q.category_label or "",
                   **_count(q.count), "part_of": "", "part_unit_id": ""}  # fmt: skip
            for part in q.parts:
                yield from _parts(ids, {**base, "category": q.category.value}, part)
            for ref in q.over:  # the bodies a total is over: one row each, with no figure of its own
                yield {**base, "category": q.category.value, "label": "", "count": "", "status": "", "text": "",
                       "part_of": "over", "part_unit_id": ids.ref_id(ref) or ref.target}  # fmt: skip
        for a in e.unit.actual:
            yield {**base, "category": a.category.value if a.category else "", "label": a.label or "",
                   **_count(a.count), "part_of": "actual", "part_unit_id": ""}  # fmt: skip


def _post_row(base: Row, post: Post, group: str, for_sections: bool) -> Row:
    return {
        **base,
        "group": group,
        "title": post.title,
        **_count(post.count),
        "role": post.role or "",
        "for_sections": _flag(for_sections),
        "concurrent": post.concurrent or "",
        "approved_separately": _flag(post.approved_separately),
        "actual": _actual(post.actual),
    }


def _actual(count: Count | None) -> str:
    if count is None:
        return ""
    return str(count.value) if count.known else str(count)


def _posts(ids: UnitIds) -> Iterator[Row]:
    for e in ids:
        base = {"unit_id": e.id, "unit_name": e.unit.name}
        for item in e.unit.posts:
            if isinstance(item, PostGroup):
                title = item.title or ""
                row = {**base, "group": title, "title": "", **_count(item.count), "role": ""}
                yield {**row, "for_sections": _flag(item.for_sections), "concurrent": "", "approved_separately": "",
                       "actual": _actual(item.actual)}  # fmt: skip
                for post in item.posts:
                    yield _post_row(base, post, title, item.for_sections)
            else:
                yield _post_row(base, item, "", False)


_MAKERS = {"units": _units, "plaques": _plaques, "duties": _duties, "quotas": _quotas, "posts": _posts}


def table_rows(spec: Spec, name: str, ids: UnitIds | None = None) -> list[Row]:
    """Return the rows of one table (a key of :data:`TABLES`)."""
    return list(_MAKERS[name](ids or UnitIds(spec)))


def escape_cell(value: str) -> str:
    """Return a cell's text that no spreadsheet runs as a formula: an apostrophe before a risky start.

    A cell starting with one of :data:`FORMULA_STARTS` or with an apostrophe gets one more
    apostrophe in front; :func:`unescape_cell` undoes it exactly.
    """
    return "'" + value if value.startswith((*FORMULA_STARTS, "'")) else value


def unescape_cell(value: str) -> str:
    """Return the text a cell was written from: one leading apostrophe removed (see :func:`escape_cell`)."""
    return value[1:] if value.startswith("'") else value


def to_csv(rows: list[Row], columns: tuple[str, ...], excel: bool = False) -> str:
    """Return rows as CSV text (RFC 4180, CRLF line ends); ``excel`` prefixes a UTF-8 byte-order mark.

    Every cell goes through :func:`escape_cell`, so no cell is a formula.
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({key: escape_cell(value) for key, value in row.items()} for row in rows)
    return ("\ufeff" if excel else "") + out.getvalue()


def tables(spec: Spec, excel: bool = False) -> dict[str, str]:
    """Return every table as CSV text, by table name."""
    ids = UnitIds(spec)
    return {name: to_csv(table_rows(spec, name, ids), cols, excel) for name, cols in TABLES.items()}
