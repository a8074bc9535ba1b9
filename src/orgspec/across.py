"""Across files: one body stated in two specs whose facts disagree (OS802).

Each checked file contributes the *facts* of its bodies (:func:`facts`):
plain data (names folded by script, ids, figures with their dates and the
offsets where they are written), small enough to keep in the result cache
beside the file's findings, so a re-check compares without parsing again.
:func:`compare` indexes the bodies by folded name and by id and compares each
body with the first statement of it in an earlier file: linear in the number
of bodies, never every body with every other.

Compared, each only when both specs give it for the same date: the quota of
each category (its ``as-of``, else the date of the body's basis document),
the total of leadership posts, the rank (on the scale) and the number of
sections (the stated count, else the listed sections of a list that is not
cut off, leaving out those abolished in their history). A fact is
compared only when both sides date it and the dates are the same: two
undated statements may be two documents of different years (the 国务院办公厅
of 1998 and of 2008), or two bodies of one generic name (街道办事处), and are
never taken for one statement.

Imports: :mod:`orgspec.diagnostics`, :mod:`orgspec.io`, :mod:`orgspec.source`;
:mod:`orgspec.checks.posts` and :mod:`orgspec.model` lazily (a cached re-check compares
the cached facts without importing the front end).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orgspec.diagnostics import Diagnostic, Related
from orgspec.io import decode
from orgspec.source import SourceText, Span

if TYPE_CHECKING:
    from orgspec.lowering import Built
    from orgspec.model.units import Unit
    from orgspec.model.values import PartialDate

__all__ = ["compare", "facts", "read_source"]

Facts = dict[str, Any]

#: Unit kinds counted as sections (as :mod:`orgspec.checks.reviewer` counts them).
_SECTIONS = frozenset({"section", "office"})


def _date(d: PartialDate | None) -> str | None:
    if d is None:
        return None
    return f"{d.year:04d}" + "".join(f"-{x:02d}" for x in (d.month, d.day) if x is not None)


def _span(built: Built, path: str, fallback: str) -> list[int] | None:
    span = built.source_map.get(path, fallback)
    return [span.start, span.end] if span is not None else None


def facts(built: Built) -> list[Facts]:
    """Return the comparable facts of each body of a built spec (empty when it did not build)."""
    from orgspec.checks.context import abolished
    from orgspec.checks.posts import posts_total  # the model and the checks: only when a file is analysed
    from orgspec.model.names import name_key
    from orgspec.model.vocab import rank_level

    if built.spec is None or built.index is None:
        return []
    gone = abolished(built.spec, built.index)
    out: list[Facts] = []
    for b, body in enumerate(built.spec.bodies):
        path = f"/bodies/{b}"
        here = f"{path}/name"
        dated = [x.date for x in body.basis if x.date is not None]
        date = _date(dated[0]) if dated else None
        item: Facts = {
            "name": body.name,
            "id": body.id,
            "keys": sorted({name_key(n) for n in body.names()}),
            "span": _span(built, here, path),
            "quotas": [
                {
                    "category": q.category.value,
                    "value": q.count.value,
                    "date": _date(q.as_of) or date,
                    "span": _span(built, f"{path}/quotas/{i}/count", here),
                }
                for i, q in enumerate(body.quotas)
                if q.count.known
            ],
        }
        if body.posts:
            total, _, open_figure = posts_total(body.posts)
            if not open_figure:
                item["posts"] = {"value": total, "date": date, "span": _span(built, f"{path}/posts/0", here)}
        level = rank_level(body.rank) if body.rank else None
        if body.rank and level is not None:
            rank_at = _span(built, f"{path}/rank", here)
            item["rank"] = {"value": body.rank, "level": level, "date": date, "span": rank_at}
        sections = _sections(body, path, gone)
        if sections is not None:
            k = next((k for k, s in enumerate(body.stated) if s.what == "sections" and s.until is None), None)
            at = f"{path}/stated/{k}/count" if k is not None else here
            item["sections"] = {"value": sections, "date": date, "span": _span(built, at, here)}
        out.append(item)
    return out


def _sections(body: Unit, path: str, gone: frozenset[str]) -> int | None:
    # today's count: one with `until` is of a former state (原来的29个部门)
    stated = next((s for s in body.stated if s.what == "sections" and s.until is None), None)
    if stated is not None:
        return stated.count.value if stated.count.known else None
    counted = [
        u
        for n, u in enumerate(body.units)
        if not u.outside_count and not u.per_regulations and f"{path}/units/{n}" not in gone
    ]
    listed = sum(1 for u in counted if u.kind is not None and u.kind.value in _SECTIONS)
    # a list the copy cuts off, or the document quotes only part of, is not a count
    return listed if listed and not body.cut_off and body.partial("sections") is None else None


def read_source(name: str) -> SourceText | None:
    """Return the text of the file ``name`` (a path), or None when it cannot be read or decoded."""
    try:
        return decode(Path(name).read_bytes(), name)[0]
    except OSError:
        return None


class _Sources:
    """The text of each file, read when a finding first needs it."""

    def __init__(self, read: Callable[[str], SourceText | None]) -> None:
        self._texts: dict[str, SourceText] = {}
        self._read = read

    def get(self, name: str) -> SourceText:
        found = self._texts.get(name)
        if found is None:
            text = self._read(name)
            found = self._texts[name] = text if text is not None else SourceText("", name)
        return found


def compare(
    files: Sequence[tuple[str, Sequence[Facts]]], read: Callable[[str], SourceText | None] = read_source
) -> list[Diagnostic]:
    """Return one OS802 finding per fact that two files state differently for one body.

    ``read`` returns the text a file's facts were taken from (by default the file ``name``
    on disk; the language server gives the editor's text of an open document), read only
    for the files a finding is about.
    """
    enabled = gc.isenabled()
    gc.disable()  # nothing built here is cyclic; collections would only walk every file's facts again
    try:
        return _compare(files, read)
    finally:
        if enabled:
            gc.enable()


def _compare(
    files: Sequence[tuple[str, Sequence[Facts]]], read: Callable[[str], SourceText | None]
) -> list[Diagnostic]:
    first: dict[str, tuple[str, Facts]] = {}
    pairs: list[tuple[tuple[str, Facts], tuple[str, Facts]]] = []
    seen: set[tuple[int, int]] = set()
    for name, bodies in files:
        for body in bodies:
            keys = [f"name:{k}" for k in body["keys"]] + ([f"id:{body['id']}"] if body.get("id") else [])
            for key in keys:
                earlier = first.get(key)
                if earlier is None:
                    first[key] = (name, body)
                elif earlier[0] != name and (id(earlier[1]), id(body)) not in seen:
                    seen.add((id(earlier[1]), id(body)))
                    pairs.append((earlier, (name, body)))
    sources = _Sources(read)
    out: list[Diagnostic] = []
    for (a_file, a), (b_file, b) in pairs:
        for what, fa, fb in _disagreements(a, b):
            a_src, b_src = sources.get(a_file), sources.get(b_file)
            out.append(
                Diagnostic(
                    "OS802",
                    f"'{b['name']}' states {what} as {_shown(fb)} here, but as {_shown(fa)} in {a_file}",
                    _to_span(fb.get("span") or b.get("span")),
                    b_src,
                    hint="one body, two statements: correct the one that is wrong, or check the dates (as-of, "
                    "basis); a disagreement of the documents themselves is left out with per-file-ignores",
                    related=(
                        Related(
                            f"'{a['name']}' states {what} as {_shown(fa)}",
                            _to_span(fa.get("span") or a.get("span")),
                            a_src,
                        ),
                    ),
                )
            )
    return out


def _shown(fact: Facts) -> str:
    return str(fact["value"]) + (f" (as of {fact['date']})" if fact.get("date") else "")


def _to_span(pair: list[int] | None) -> Span | None:
    return Span(pair[0], pair[1]) if pair else None


def _disagreements(a: Facts, b: Facts) -> list[tuple[str, Facts, Facts]]:
    out: list[tuple[str, Facts, Facts]] = []
    quotas_a: dict[tuple[str, str | None], Facts] = {}
    for q in a["quotas"]:
        quotas_a.setdefault((q["category"], q["date"]), q)
    done: set[tuple[str, str | None]] = set()
    for q in b["quotas"]:
        key = (q["category"], q["date"])
        other = quotas_a.get(key)
        if other is not None and key[1] is not None and key not in done and other["value"] != q["value"]:
            done.add(key)
            out.append((f"its {q['category']} quota", other, q))
    for field, what in (("posts", "its leadership posts"), ("sections", "its number of sections")):
        fa, fb = a.get(field), b.get(field)
        if fa is not None and fb is not None and _same_date(fa, fb) and fa["value"] != fb["value"]:
            out.append((what, fa, fb))
    ra, rb = a.get("rank"), b.get("rank")
    if ra is not None and rb is not None and _same_date(ra, rb) and ra["level"] != rb["level"]:
        out.append(("its rank", ra, rb))
    return out


def _same_date(a: Facts, b: Facts) -> bool:
    return a["date"] is not None and a["date"] == b["date"]
