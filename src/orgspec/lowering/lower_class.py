"""Lowering of a class of like bodies, of totals over the class, and of a fact stated twice.

``stands-for FIGURE ["words"] { … }`` in a unit; ``across BODIES FIGURE ["words"] [actual]`` in a
post or a post group; ``also FIGURE ["words"] [source "…"]`` in a ``stands-for`` or a ``quota``
block.

Imports: :mod:`orgspec.lowering.lower_base`, :mod:`orgspec.model`, :mod:`orgspec.syntax.nodes`.
"""

from __future__ import annotations

from typing import Any

from orgspec.lowering.lower_base import LowererBase, S, UnitCtx
from orgspec.lowering.reader import StmtArgs
from orgspec.model.trusted import trusted
from orgspec.model.units import BodyClass, ClassTotal, OtherStatement, QuotaPart
from orgspec.model.values import Ref
from orgspec.syntax.nodes import Stmt

__all__ = ["CLASS_KEYWORDS", "ClassLowerer"]

#: The statements a ``stands-for`` block accepts.
CLASS_KEYWORDS = ("source", "includes", "complete", "member", "placeholder", "also", "note")


class ClassLowerer(LowererBase):
    """Statements of classes of like bodies and of facts stated twice."""

    def u_stands_for(self, stmt: Stmt, u: UnitCtx) -> None:
        """Read ``stands-for FIGURE ["words"] { source; includes; complete; member; placeholder; also; note }``."""
        path, f = u.path, u.f
        p = f"{path}/stands_for"
        a = StmtArgs(self.r, stmt)
        counted = a.count("how many bodies the class has (a number, or unstated)")
        text = a.take(S)
        a.done("a count and optionally the document's words")
        if counted is None:
            return
        cf: dict[str, Any] = {"count": counted[0], "text": text.value if text else None}
        parts: list[QuotaPart] = []
        members: list[Ref] = []
        also: list[OtherStatement] = []
        notes: list[str] = []
        seen: dict[str, Stmt] = {}
        for sub in stmt.block or ():
            kw = sub.keyword
            if kw == "includes":
                part = self.part(sub, f"{p}/parts/{len(parts)}")
                if part is not None:
                    parts.append(part)
            elif kw == "complete":
                cf["complete"] = self.complete(sub, p)
            elif kw in ("source", "placeholder"):
                if self.once(seen, sub):
                    value = self.text(sub)
                    if value is not None and value.strip():
                        cf[kw] = value
                    elif value is not None:
                        self.r.error("OS202", f"the {kw} is empty", sub.span)
            elif kw == "member":
                ma = StmtArgs(self.r, sub)
                ref = ma.ref('a member of the class (a name, @id or @"name")')
                ma.done("one reference")
                self.no_block(sub)
                if ref is not None:
                    self.map.put(f"{p}/members/{len(members)}", sub)
                    members.append(ref)
            elif kw == "also":
                other = self.also(sub, f"{p}/also/{len(also)}")
                if other is not None:
                    also.append(other)
            elif kw == "note":
                note = self.text(sub)
                if note is not None:
                    notes.append(note)
            else:
                self.unknown(sub, "'stands-for'", dict.fromkeys(CLASS_KEYWORDS, 1))
        cf.update(parts=tuple(parts), members=tuple(members), also=tuple(also), notes=tuple(notes))
        self.map.put(p, stmt)
        self.map.put(p + "/count", counted[1])
        f["stands_for"] = trusted(BodyClass, **cf)

    def complete(self, stmt: Stmt, p: str) -> bool:
        """Read ``complete`` (the breakdown above adds up to the total): no arguments, no block."""
        self.no_args(stmt, "no arguments")
        self.no_block(stmt)
        self.map.put(p + "/complete", stmt)
        return True

    def also(self, stmt: Stmt, p: str) -> OtherStatement | None:
        """Read ``also FIGURE ["words"] [source "…"]``: the same fact stated by another source."""
        a = StmtArgs(self.r, stmt)
        counted = a.count("the figure the other source gives")
        text = a.take(S) if counted is not None else None
        props = a.props({"source": (S,)})
        a.done('a count, optionally the document\'s words and source "…"')
        self.no_block(stmt)
        if counted is None:
            return None
        self.map.put(p, stmt)
        self.map.put(p + "/count", counted[1])
        return trusted(
            OtherStatement,
            count=counted[0],
            text=text.value if text else None,
            source=props["source"].value if "source" in props else None,
        )

    def across(self, stmt: Stmt, p: str) -> ClassTotal | None:
        """Read ``across BODIES FIGURE ["words"] [actual]``: posts over several bodies of the class."""
        a = StmtArgs(self.r, stmt)
        bodies = a.count("how many bodies of the class the total covers")
        counted = a.count("the posts over those bodies") if bodies is not None else None
        text = a.take(S) if counted is not None else None
        props = a.props({"actual": None})
        a.done("the number of bodies, the posts over them, optionally the document's words and actual")
        self.no_block(stmt)
        if bodies is None or counted is None:
            return None
        self.map.put(p, stmt)
        self.map.put(p + "/bodies", bodies[1])
        self.map.put(p + "/count", counted[1])
        return trusted(
            ClassTotal,
            bodies=bodies[0],
            count=counted[0],
            text=text.value if text else None,
            actual="actual" in props,
        )
