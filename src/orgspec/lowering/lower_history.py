"""Lowering of history: dated events with their dates, values, units and basis.

Imports: :mod:`orgspec.lowering.lower_base`, :mod:`orgspec.model`, :mod:`orgspec.syntax.nodes`.
"""

from __future__ import annotations

from typing import Any

from orgspec.lowering.lower_base import WHEN, LowererBase, UnitCtx
from orgspec.lowering.reader import IDENT, INT, STRING, StmtArgs
from orgspec.model.trusted import trusted
from orgspec.model.units import Event, EventKind
from orgspec.model.values import Basis
from orgspec.model.vocab import EVENT_VERBS, FUNCTION_VERBS, verb_of
from orgspec.syntax.nodes import Stmt

__all__ = ["HistoryLowerer"]

_EVENT_KINDS = {k.value: k for k in EventKind}
_EVENT_ONCE = frozenset({"decided", "approved", "effective", "until", "period", "from", "to", "amount", "plaque",
                         "unit", "category", "item", "verb", "as", "rank"})  # fmt: skip
_EVENT_KEYWORDS = ("decided", "approved", "effective", "until", "period", "from", "to", "amount", "plaque", "unit",
                   "category", "item", "verb", "as", "rank", "duty", "basis", "note")  # fmt: skip


class HistoryLowerer(LowererBase):
    """Statements of history blocks and events."""

    def u_history(self, stmt: Stmt, u: UnitCtx) -> None:
        """Read a unit's ``history`` block."""
        path, lists = u.path, u.lists
        lists["history"].extend(self.history(stmt, f"{path}/history", len(lists["history"])))

    # ---- basis, history -----------------------------------------------------------

    def history(self, stmt: Stmt, path: str, start: int) -> list[Event]:
        """Read the events of a ``history`` block."""
        self.no_args(stmt, "no arguments; the events go in its block")
        events: list[Event] = []
        for sub in stmt.block or ():
            if sub.keyword != "event":
                self.unknown(sub, "a history block", {"event": 1})
                continue
            event = self.event(sub, f"{path}/{start + len(events)}")
            if event is not None:
                events.append(event)
        return events

    def event(self, stmt: Stmt, p: str) -> Event | None:
        """Read ``event KIND [DATE] [id] { … }``."""
        a = StmtArgs(self.r, stmt)
        kind_arg = a.require("the kind of event (renamed, established, plaque-added, …)", IDENT)
        if kind_arg is None:
            return None
        kind = _EVENT_KINDS.get(kind_arg.value)
        if kind is None:
            words = [k.value for k in EventKind]
            self.unknown_word("OS206", f"unknown kind of event '{kind_arg.value}'", kind_arg, words, listed="events: ")
            return None
        when = a.take(*WHEN)
        ident = a.take(IDENT)
        a.done("a kind, a date and an optional id")
        ef: dict[str, Any] = {"kind": kind, "id": ident.value if ident else None}
        if when is not None:
            ef["date"] = self.r.date(when)
            self.map.put(p + "/date", when)
        basis: list[Basis] = []
        notes: list[str] = []
        duties: list[str] = []
        seen: dict[str, Stmt] = {}
        counts = kind in (EventKind.QUOTA_CHANGED, EventKind.POSTS_CHANGED)
        for sub in stmt.block or ():
            kw = sub.keyword
            if kw in _EVENT_ONCE and not self.once(seen, sub):
                continue
            if kw in ("decided", "approved", "effective", "until"):
                ef[kw] = self.dated(sub)
                self.map.put(f"{p}/{kw}", sub)
            elif kw in ("from", "to") and counts:
                sa = StmtArgs(self.r, sub)
                counted = sa.count("the figure")
                sa.done("one count")
                if counted is not None:
                    ef["count_before" if kw == "from" else "count_after"] = counted[0]
            elif kw == "amount":  # the figure a quota-transferred or posts-transferred event moves
                sa = StmtArgs(self.r, sub)
                moved = sa.count("the figure moved")
                sa.done("one count")
                if moved is not None:
                    ef["count_after"] = moved[0]
            elif kw in ("from", "to"):
                value = self.text(sub, "a name, kind or rank (a quoted string)")
                ef["before" if kw == "from" else "after"] = value
                self.map.put(f"{p}/{'before' if kw == 'from' else 'after'}", sub)
            elif kw == "period":
                ef["period"] = self.text(sub, 'the period in the document\'s words (a quoted string: "50年代")')
            elif kw == "item":
                self.item(sub, ef, p)
            elif kw == "verb":
                self.verb(sub, kind, ef, p)
            elif kw in ("as", "rank"):
                self.stated(sub, kind, ef, p)
            elif kw == "plaque":
                ef["plaque"] = self.text(sub, "the plaque's name (a quoted string)")
                self.map.put(p + "/plaque", sub)
            elif kw == "unit":
                sa = StmtArgs(self.r, sub)
                ef["target"] = sa.ref('the other unit (a name, @id or @"name")')
                sa.done("one reference")
                self.map.put(p + "/target", sub)
            elif kw == "category":
                sa = StmtArgs(self.r, sub)
                ef["category"], worded = self.worded_category(sa)
                if worded is not None:
                    ef["category_label"] = worded
                sa.done("one category")
            elif kw == "duty":
                value = self.text(sub)
                if value is not None:
                    duties.append(value)
            elif kw == "basis":
                b = self.basis(sub, f"{p}/basis/{len(basis)}")
                if b is not None:
                    basis.append(b)
            elif kw == "note":
                note = self.text(sub)
                if note is not None:
                    notes.append(note)
            else:
                self.unknown(sub, "an event", dict.fromkeys(_EVENT_KEYWORDS, 1))
        ef["basis"] = tuple(basis)
        ef["notes"] = tuple(notes)
        ef["duties"] = tuple(duties)
        self.map.put(p, stmt)
        return trusted(Event, **ef)

    def item(self, stmt: Stmt, ef: dict[str, Any], p: str) -> None:
        """Read ``item N``: the number of the plan's item that states the event, relation or change (1 or more)."""
        sa = StmtArgs(self.r, stmt)
        arg = sa.require("the number of the plan's item (1, 2, …)", INT)
        sa.done("one number")
        self.no_block(stmt)
        value = self.r.integer(arg, "the item's number") if arg is not None else None
        if arg is not None and value == 0:
            self.r.error("OS204", "an item's number starts at 1", arg.span, hint="number the plan's items 1, 2, …")
        elif value is not None:
            ef["item"] = value
            self.map.put(p + "/item", stmt)

    def verb(self, stmt: Stmt, kind: EventKind, ef: dict[str, Any], p: str) -> None:
        """Read ``verb "设立"``: the document's word for the change, one of those that word the event's kind."""
        value = self.verb_word(stmt, kind.value, EVENT_VERBS, "an event")
        if value is not None:
            ef["verb"] = value
            self.map.put(p + "/verb", stmt)

    def stated(self, stmt: Stmt, kind: EventKind, ef: dict[str, Any], p: str) -> None:
        """Read ``as "国务院组成部门"`` or ``rank "正处级建制"``: what the sentence that sets the body up says of it.

        Only an ``established`` or ``reestablished`` event takes them (组建…，作为…; 成立…（正处级建制）);
        the unit's own ``kind`` and ``rank`` say what it is, these say that the text words it there.
        """
        field = "stated_as" if stmt.keyword == "as" else "stated_rank"
        what = "the kind or standing as the sentence words it" if field == "stated_as" else "the rank as worded"
        value = self.text(stmt, f"{what} (a quoted string)")
        if kind not in (EventKind.ESTABLISHED, EventKind.REESTABLISHED):
            self.r.error(
                "OS201",
                f"'{stmt.keyword}' is not allowed in an event {kind.value}",
                stmt.keyword_span,
                hint="only an established or reestablished event says the kind (as) or rank the sentence gives the "
                "new body; a change of kind or rank is a kind-changed or rank-changed event with from and to",
            )
            return
        if value is not None:
            ef[field] = value
            self.map.put(f"{p}/{field}", stmt)

    def change_block(self, stmt: Stmt, kind: str, p: str) -> dict[str, Any]:
        """Read a function change's block: ``verb "划转"`` (the document's word) and ``item N`` (the plan's item)."""
        cf: dict[str, Any] = {}
        for sub in stmt.block or ():
            if sub.keyword == "verb" and cf.get("verb") is None:
                cf["verb"] = self.verb_word(sub, kind, FUNCTION_VERBS, "a function change")
            elif sub.keyword == "item" and "item" not in cf:
                self.item(sub, cf, p)
            else:
                self.unknown(sub, "a function change", {"verb": 1, "item": 1})
        return cf

    def verb_word(self, stmt: Stmt, kind: str, table: dict[str, tuple[str, ...]], what: str) -> str | None:
        """Read ``verb "…"``, one of the words ``table`` lists for ``kind`` (OS206 otherwise)."""
        sa = StmtArgs(self.r, stmt)
        arg = sa.require("the document's word for the change (a quoted string)", STRING)
        sa.done("one quoted string")
        self.no_block(stmt)
        if arg is None:
            return None
        words = table.get(kind, ())
        if verb_of(kind, arg.value, table) is None:
            listed = f"{kind} is worded: " if words else f"{kind} takes no verb"
            self.unknown_word("OS206", f"'{arg.value}' does not word {what} {kind}", arg, words, listed=listed)
            return None
        return arg.value
