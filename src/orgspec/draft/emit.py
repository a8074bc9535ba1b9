"""Emit the draft: canonical spec text with ``# L12`` and ``# draft:`` comments, and the report.

The statements come from :func:`orgspec.text.unlower.unlower`, so the text is
the canonical layout of ``orgspec.dumps``; this module walks them beside the
model paths to add, for each statement, the ``# draft:`` notes on lines of
their own before it and a trailing ``# L12`` naming the document line it was
read from.

Imports: :mod:`orgspec.draft.assemble`, :mod:`orgspec.draft.facts`,
:mod:`orgspec.model`, :mod:`orgspec.syntax.nodes`, :mod:`orgspec.text`.
"""

from __future__ import annotations

from typing import Any

from orgspec.draft.assemble import Provenance
from orgspec.draft.facts import Note
from orgspec.model.units import Post, Spec
from orgspec.model.values import UnitKind
from orgspec.syntax.nodes import Arg, ArgKind, Stmt
from orgspec.text.printer import escape
from orgspec.text.unlower import unlower

__all__ = ["emit_text", "report"]

_FIELD = {
    "kind": "kind",
    "rank": "rank",
    "number": "number",
    "superior": "superior",
    "section-rank": "section_rank",
    "per-regulations": "per_regulations",
    "funding": "funding",
}
_LISTS = {
    "basis": "basis",
    "plaque": "plaques",
    "hosts": "relations",
    "hosted-in": "relations",
    "manages": "relations",
    "managed-by": "relations",
    "colocated": "relations",
    "office-of": "relations",
    "working-office": "relations",
    "stated": "stated",
    "section": "units",
    "institution": "units",
    "office": "units",
    "shared-duties": "shared_duties",
    "quota": "quotas",
    "note": "notes",
}
_BLOCKS = {"duties": "duties", "function-changes": "function_changes", "posts": "posts", "history": "history"}
_BLOCKS["members"] = "members"


def _arg(arg: Arg) -> str:
    if arg.kind is ArgKind.STRING:
        return escape(arg.value)
    if arg.kind is ArgKind.NAMEREF:
        return "@" + escape(arg.value)
    if arg.kind is ArgKind.REF:
        return "@" + arg.value
    return arg.value


class _Emitter:
    def __init__(self, prov: Provenance) -> None:
        self.prov = prov
        self.out: list[str] = []

    def line(self, stmt: Stmt, path: str | None, depth: int, opens: bool) -> None:
        indent = "  " * depth
        line, notes = self.prov.where.get(path, (None, [])) if path else (None, [])
        for note in notes:
            self.out.append(f"{indent}# draft: {note}")
        head = " ".join([stmt.keyword, *(_arg(a) for a in stmt.args)])
        tail = f"  # L{line}" if line is not None else ""
        self.out.append(indent + head + (" {" if opens else "") + tail)

    def stmt(self, stmt: Stmt, path: str | None, depth: int) -> None:
        self.line(stmt, path, depth, stmt.block is not None)
        if stmt.block is None:
            return
        counters: dict[str, int] = {}
        for sub in stmt.block:
            self.stmt(sub, self._child(stmt, path, sub, counters), depth + 1)
        self.out.append("  " * depth + "}")

    def _child(self, parent: Stmt, path: str | None, sub: Stmt, counters: dict[str, int]) -> str | None:
        if path is None:
            return None
        kw = sub.keyword
        if parent.keyword in _BLOCKS:
            field = _BLOCKS[parent.keyword]
            i = counters.get(field, 0)
            counters[field] = i + 1
            return f"{path}/{i}"
        if parent.keyword == "shared-duties":
            if kw != "duty":
                return None
            i = counters.get("duties", 0)
            counters["duties"] = i + 1
            return f"{path}/duties/{i}"
        if parent.keyword == "group" and kw == "post":
            i = counters.get("posts", 0)
            counters["posts"] = i + 1
            return f"{path}/posts/{i}"
        if parent.keyword in ("quota", "post", "group", "plaque", "basis", "event"):
            return None
        if kw in _FIELD:
            return f"{path}/{_FIELD[kw]}"
        if kw in _LISTS:
            field = _LISTS[kw]
            i = counters.get(field, 0)
            counters[field] = i + 1
            return f"{path}/{field}/{i}"
        if kw in _BLOCKS:
            return f"{path}/{_BLOCKS[kw]}"
        return None


def emit_text(spec: Spec, prov: Provenance, notes: list[Note], source_name: str) -> str:
    """Return the draft spec text with its ``# L…`` references and ``# draft:`` notes."""
    e = _Emitter(prov)
    e.out.append(f"# Draft made by `orgspec draft` from {source_name}.")
    e.out.append("# Every statement names the document line it was read from (# L12); lines starting")
    e.out.append("# with '# draft:' say what the drafter doubted or could not read. Check them all.")
    for note in sorted(notes, key=lambda n: (n.line or 0, n.kind, n.message)):
        where = f"L{note.line}: " if note.line is not None else ""
        e.out.append(f"# draft: {where}{note.kind}: {note.message}")
    for i, stmt in enumerate(unlower(spec)):
        e.out.append("")
        e.stmt(stmt, f"/bodies/{i}" if stmt.keyword == "body" else None, 0)
    return "\n".join(e.out) + "\n"


def _counts(spec: Spec) -> dict[str, int]:
    counts = dict.fromkeys(
        ("bodies", "sections", "other_units", "institutions", "plaques", "duties", "section_duties", "shared_duties"),
        0,
    )
    counts.update(dict.fromkeys(("quotas", "posts", "function_changes", "events", "basis"), 0))
    counts["bodies"] = len(spec.bodies)
    for body in spec.bodies:
        counts["duties"] += len(body.duties)
        counts["function_changes"] += len(body.function_changes)
        counts["basis"] += len(body.basis)
        counts["events"] += len(body.history)
        counts["shared_duties"] += sum(len(s.duties) for s in body.shared_duties)
        for unit in body.walk():
            counts["plaques"] += len(unit.plaques)
            counts["quotas"] += len(unit.quotas)
            for p in unit.posts:
                counts["posts"] += 1 if isinstance(p, Post) else 1 + len(p.posts)
            if unit is body:
                continue
            if unit.kind is UnitKind.PUBLIC_INSTITUTION:
                counts["institutions"] += 1
            elif unit.kind is UnitKind.SECTION:
                counts["sections"] += 1
            else:
                counts["other_units"] += 1
            counts["section_duties"] += len(unit.duties)
    return counts


def _kind_of(message: str) -> str:
    """Classify a note attached to an element: junk, unreadable, anomaly or doubt."""
    if message.startswith("junk token"):
        return "junk"
    if "garbled" in message or "unreadable" in message or "split by a stray space" in message:
        return "unreadable"
    if message.startswith("the document says"):
        return "anomaly"
    return "doubt"


def report(  # noqa: PLR0917
    spec: Spec, prov: Provenance, notes: list[Note], not_read: list[tuple[int, str]], source_name: str, language: str
) -> dict[str, Any]:
    """Return the report: what was read and from which line, what was not, notes and counts."""
    read = [
        {"path": path, "line": line}
        for path, (line, _) in sorted(prov.where.items(), key=lambda kv: (kv[1][0] or 0, kv[0]))
        if line is not None
    ]
    located = [{"line": n.line, "kind": n.kind, "message": n.message} for n in notes]
    for path, (line, msgs) in prov.where.items():
        located += [{"line": line, "kind": _kind_of(m), "message": m, "path": path} for m in msgs]
    located.sort(key=lambda d: (d["line"] or 0, str(d["kind"]), str(d["message"])))
    return {
        "source": source_name,
        "language": language,
        "structure_found": bool(spec.bodies) and any(b.duties or b.units or b.quotas for b in spec.bodies),
        "counts": _counts(spec),
        "read": read,
        "notes": located,
        "not_read": [{"line": no, "text": text} for no, text in not_read],
    }
