"""Lower the syntax tree into the model: what each keyword means, where it may appear.

This module is the vocabulary of the language. Each block kind (spec, unit,
plaque, quota, posts, history, …) has a table of the statements it accepts;
each statement is read by a small function that checks its arguments and
records the span of what it built in the :class:`SourceMap`. Anything not
accepted becomes a located diagnostic, and building goes on with the rest, so
one run reports every problem in a file.

Imports: :mod:`orgspec.lowering.reader`, :mod:`orgspec.model`,
:mod:`orgspec.syntax.nodes`, :mod:`orgspec.source`, :mod:`orgspec.limits`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any, Literal, get_args

from orgspec import limits
from orgspec.lowering.lower_base import REFS, WHEN, S, SourceMap, UnitCtx
from orgspec.lowering.lower_history import HistoryLowerer
from orgspec.lowering.lower_staff import StaffLowerer
from orgspec.lowering.reader import IDENT, INT, STRING, Reader, StmtArgs
from orgspec.model.trusted import trusted
from orgspec.model.units import (
    Ambiguity,
    AmbiguousWhat,
    Choice,
    Coverage,
    CutOff,
    CutOffWhat,
    Duty,
    Event,
    Excerpt,
    ExcerptWhat,
    FunctionChange,
    FunctionChangeKind,
    Plaque,
    QuotaPart,
    Relation,
    RelationKind,
    SharedDuties,
    ShortName,
    Spec,
    StatedCount,
    Unit,
)
from orgspec.model.values import Basis, Ref, UnitKind
from orgspec.model.vocab import kind_of
from orgspec.syntax.nodes import Arg, Stmt

__all__ = ["SourceMap", "lower"]


class _Lowerer(StaffLowerer, HistoryLowerer):
    """The whole vocabulary: spec and unit statements here, staffing and history in mixins."""

    def __init__(self, reader: Reader, packed: bool = False, positions: bool = True) -> None:
        super().__init__(reader, packed, positions)
        self.bodies: list[Unit] = []
        self.events: list[Event] = []
        self.notes: list[str] = []
        #: Bodies and events already handed out by :meth:`StreamLowerer.drain` (their paths go on counting).
        self.drained_bodies = 0
        self.drained_events = 0

    def spec(self, statements: tuple[Stmt, ...]) -> Spec:
        for stmt in statements:
            self.top(stmt)
        return self.finish()

    def finish(self) -> Spec:
        """Return the model of the top-level statements seen by :meth:`top`."""
        return trusted(Spec, bodies=tuple(self.bodies), history=tuple(self.events), notes=tuple(self.notes))

    def top(self, stmt: Stmt) -> None:
        """Lower one top-level statement (a body, the history, a note)."""
        bodies, history, notes = self.bodies, self.events, self.notes
        kw = stmt.keyword
        if kw == "body":
            unit = self.unit(stmt, f"/bodies/{self.drained_bodies + len(bodies)}", None, depth=1)
            if unit is not None:
                bodies.append(unit)
        elif kw == "history":
            history.extend(self.history(stmt, "/history", self.drained_events + len(history)))
        elif kw == "note":
            note = self.text(stmt)
            if note is not None:
                notes.append(note)
        else:
            hint_allowed = {"body": 1, "history": 1, "note": 1}
            if kw in _UNIT_KEYWORDS:
                self.r.error(
                    "OS201",
                    f"'{kw}' is not allowed at the top level of a spec",
                    stmt.keyword_span,
                    hint="the top level accepts body, history and note; put sections inside a body",
                )
            else:
                self.unknown(stmt, "the top level of a spec", hint_allowed)

    # ---- units ------------------------------------------------------------------
    def unit(self, stmt: Stmt, path: str, default_kind: UnitKind | None, depth: int) -> Unit | None:
        a = StmtArgs(self.r, stmt)
        id_arg = a.take(IDENT)
        name_arg = a.require("the unit's name (a quoted string)", S)
        a.done("an optional id and a name")
        if name_arg is None:
            return None
        if not name_arg.value.strip():
            self.r.error("OS202", "the unit's name is empty", name_arg.span)
        put = self.map.put
        put(path, stmt)
        put(path + "/name", name_arg)
        if id_arg is not None:
            put(path + "/id", id_arg)
        f: dict[str, Any] = {"name": name_arg.value, "id": id_arg.value if id_arg else None}
        if default_kind is not None:
            f["kind"] = default_kind
        # A list is made on a handler's first use of it; every list field is given all the same.
        lists: defaultdict[str, list[Any]] = defaultdict(list)
        if stmt.block is not None:
            if depth >= limits.MAX_DEPTH:
                self.r.error(
                    "OS106",
                    f"units are nested more than {limits.MAX_DEPTH} levels deep",
                    stmt.keyword_span,
                    hint="no real structure is this deep; the nested content was not read",
                )
            else:
                self.unit_block(stmt.block, UnitCtx(path, f, lists, depth))
        f.update(_NO_LISTS)
        for key, items in lists.items():
            f[key] = tuple(items)
        # Built without validation (every value was checked as it was read); nested units always
        # carry a kind (u_child passes its default), as Unit's validator of ``units`` would make them.
        return trusted(Unit, **f)

    def unit_block(self, block: tuple[Stmt, ...], u: UnitCtx) -> None:
        seen: dict[str, Stmt] = {}
        for stmt in block:
            kw = stmt.keyword
            handler = _UNIT_KEYWORDS.get(kw)
            if handler is None:
                if kw in ("duty",):
                    self.r.error(
                        "OS201",
                        "'duty' goes inside a 'duties' block",
                        stmt.keyword_span,
                        hint='write duties { duty "…" }',
                    )
                else:
                    self.unknown(stmt, "a unit", _UNIT_KEYWORDS)
                continue
            if kw in _ONCE and not self.once(seen, stmt):
                continue
            handler(self, stmt, u)

    def u_kind(self, stmt: Stmt, u: UnitCtx) -> None:
        arg = self._kind(stmt, u.f, "working-department", ' (or the Chinese term in quotes, e.g. "工作部门")')
        if arg is not None:
            self.map.put(u.path + "/kind", arg)

    def _kind(self, stmt: Stmt, f: dict[str, Any], example: str, tail: str = "") -> Arg | None:
        """Read ``kind KEYWORD`` or ``kind "中文"`` into ``f`` (kind, and kind_label for the document's term).

        Returns the argument read, or None when there is none or its keyword is unknown (OS206).
        """
        a = StmtArgs(self.r, stmt)
        arg = a.require(f"a kind (a keyword such as {example}, or the Chinese term)", S, IDENT)
        a.done("one kind")
        self.no_block(stmt)
        if arg is None:
            return None
        kind = kind_of(arg.value)
        if kind is None:
            if arg.kind is IDENT:
                words = [k.value for k in UnitKind]
                self.unknown_word("OS206", f"unknown kind '{arg.value}'", arg, words, listed="kinds: ", tail=tail)
                return None
            kind = UnitKind.OTHER
        f["kind"] = kind
        if arg.kind is STRING:
            f["kind_label"] = arg.value
        return arg

    @staticmethod
    def u_text_field(field: str) -> Callable[..., None]:
        def handle(self: _Lowerer, stmt: Stmt, u: UnitCtx) -> None:
            path, f = u.path, u.f
            value = self.text(stmt)
            if value is not None:
                f[field] = value
                self.map.put(f"{path}/{field}", stmt)

        return handle

    def u_number(self, stmt: Stmt, u: UnitCtx) -> None:
        """Read ``number N`` or ``number FIRST LAST``: a range the document writes over several units (5-8)."""
        path, f = u.path, u.f
        a = StmtArgs(self.r, stmt)
        arg = a.require("the number the document gives the unit", INT)
        last = a.take(INT) if arg is not None else None
        a.done("one number, or the first and last numbers of a range")
        self.no_block(stmt)
        if arg is not None:
            value = self.r.integer(arg, "the number")
            if value is not None:
                f["number"] = value
                self.map.put(path + "/number", arg)
            end = self.r.integer(last, "the last number of the range") if last is not None else None
            if value is not None and end is not None:
                if end <= value:
                    self.r.error(
                        "OS202",
                        f"the range {value}-{end} does not go up",
                        last.span if last is not None else stmt.span,
                        hint="write the first number, then a larger last one: number 5 8",
                    )
                else:
                    f["number_to"] = end

    def u_superior(self, stmt: Stmt, u: UnitCtx) -> None:
        path, f = u.path, u.f
        a = StmtArgs(self.r, stmt)
        ref = a.ref('the superior body (a name, @id or @"name")')
        a.done("one reference")
        self.no_block(stmt)
        if ref is not None:
            f["superior"] = ref
            self.map.put(path + "/superior", stmt)

    def u_rank_as(self, stmt: Stmt, u: UnitCtx) -> None:
        """Read ``rank-as REF ["the document's words"]``: a rank given as another body's (规格相等, 按…对待)."""
        path, f = u.path, u.f
        a = StmtArgs(self.r, stmt)
        ref = a.ref('the body whose rank it has (a name, @id or @"name")')
        words = a.take(S) if ref is not None else None
        a.done("one reference and optionally the document's words")
        self.no_block(stmt)
        if ref is not None:
            f["rank_as"] = ref
            if words is not None:
                f["rank_as_text"] = words.value
            self.map.put(path + "/rank_as", stmt)

    @staticmethod
    def u_flag(field: str) -> Callable[..., None]:
        def handle(self: _Lowerer, stmt: Stmt, u: UnitCtx) -> None:
            path, f = u.path, u.f
            self.no_args(stmt, "no arguments")
            self.no_block(stmt)
            f[field] = True
            self.map.put(f"{path}/{field}", stmt)

        return handle

    def u_basis(self, stmt: Stmt, u: UnitCtx) -> None:
        path, lists = u.path, u.lists
        basis = self.basis(stmt, f"{path}/basis/{len(lists['basis'])}")
        if basis is not None:
            lists["basis"].append(basis)

    def u_note(self, stmt: Stmt, u: UnitCtx) -> None:
        path, lists = u.path, u.lists
        note = self.text(stmt)
        if note is not None:
            self.map.put(f"{path}/notes/{len(lists['notes'])}", stmt)
            lists["notes"].append(note)

    def u_plaque(self, stmt: Stmt, u: UnitCtx) -> None:
        path, lists = u.path, u.lists
        p = f"{path}/plaques/{len(lists['plaques'])}"
        a = StmtArgs(self.r, stmt)
        name = a.require("the plaque's name (a quoted string)", S)
        a.done("one name")
        if name is None:
            return
        pf: dict[str, Any] = {"name": name.value}
        pl: dict[str, list[Any]] = {"basis": [], "notes": []}
        seen: dict[str, Stmt] = {}
        for sub in stmt.block or ():
            kw = sub.keyword
            if kw in ("form", "since") and not self.once(seen, sub):
                continue
            if kw == "form":
                value = self.text(sub, 'how the document puts it (a quoted string such as "加挂")')
                if value is not None:
                    pf["form"] = value
            elif kw == "since":
                pf["since"] = self.dated(sub)
            elif kw == "basis":
                b = self.basis(sub, f"{p}/basis/{len(pl['basis'])}")
                if b is not None:
                    pl["basis"].append(b)
            elif kw == "note":
                note = self.text(sub)
                if note is not None:
                    pl["notes"].append(note)
            elif kw in ("quota", "posts", "post", "duties", "duty", "section"):
                self.r.error(
                    "OS403",
                    f"a plaque carries no {kw}: it is another name of the same unit",
                    sub.keyword_span,
                    hint=f"move the '{kw}' to the unit that carries the plaque",
                )
            else:
                self.unknown(sub, "a plaque", {"form": 1, "since": 1, "basis": 1, "note": 1})
        pf["basis"] = tuple(pl["basis"])
        pf["notes"] = tuple(pl["notes"])
        self.map.put(p, stmt)
        self.map.put(p + "/name", name)
        lists["plaques"].append(trusted(Plaque, **pf))

    @staticmethod
    def u_relation(kind: RelationKind) -> Callable[..., None]:
        def handle(self: _Lowerer, stmt: Stmt, u: UnitCtx) -> None:
            path, lists = u.path, u.lists
            p = f"{path}/relations/{len(lists['relations'])}"
            a = StmtArgs(self.r, stmt)
            ref: Ref | None
            if kind is RelationKind.OFFICE_OF_POST:  # a post is not a unit: its title, never a reference
                title = a.require('the title of the post (a quoted string such as "国家土地总督察")', S)
                if title is None:
                    return
                ref = self.r.ref(title)
                a.done("the post's title")
            else:
                ref = a.ref('the other unit (a name, @id or @"name")')
                a.done("one reference")
            if ref is None:
                return
            rf: dict[str, Any] = {"kind": kind, "target": ref}
            basis: list[Basis] = []
            notes: list[str] = []
            for sub in stmt.block or ():
                if sub.keyword in ("since", "until"):
                    rf[sub.keyword] = self.dated(sub)
                elif sub.keyword == "period" and "period" not in rf:
                    rf["period"] = self.text(
                        sub, 'the time in the document\'s words (a quoted string such as "建國後")'
                    )
                elif sub.keyword == "joint" and kind is RelationKind.COLOCATED and "joint" not in rf:
                    self.no_args(sub, "no arguments: the pair's duties and sections are listed on this unit")
                    self.no_block(sub)
                    rf["joint"] = True
                elif sub.keyword == "item" and "item" not in rf:
                    self.item(sub, rf, p)
                elif sub.keyword == "basis":
                    b = self.basis(sub, f"{p}/basis/{len(basis)}")
                    if b is not None:
                        basis.append(b)
                elif sub.keyword == "note":
                    note = self.text(sub)
                    if note is not None:
                        notes.append(note)
                else:
                    allowed = {**_RELATION_BLOCK, "joint": 1} if kind is RelationKind.COLOCATED else _RELATION_BLOCK
                    self.unknown(sub, f"'{stmt.keyword}'", allowed)
            rf["basis"] = tuple(basis)
            rf["notes"] = tuple(notes)
            self.map.put(p, stmt)
            self.map.put(p + "/target", stmt.args[0])
            lists["relations"].append(trusted(Relation, **rf))

        return handle

    def u_stated(self, stmt: Stmt, u: UnitCtx) -> None:
        path, lists = u.path, u.lists
        a = StmtArgs(self.r, stmt)
        what = a.take_word("sections", "duties", "institutions", "members", "subordinates", "bodies", "quota")
        if what is None:
            a.require("what is counted: sections, duties, institutions, members, subordinates, bodies or quota", IDENT)
            return
        counted = a.count("the stated count")
        text = a.take(S)
        a.done("sections|duties|institutions|members|subordinates|bodies|quota, a count and the document's words")
        if counted is None:
            return
        p = f"{path}/stated/{len(lists['stated'])}"
        sf: dict[str, Any] = {"count": counted[0], "text": text.value if text else None}
        seen: dict[str, Stmt] = {}
        allowed = {"unlisted": 1, "kind": 1} if what.value == "bodies" else {"unlisted": 1}
        if what.value == "members":
            allowed = {"unlisted": 1, "role": 1}
        elif what.value == "quota":
            allowed = {}  # a total over the unit's own pools: nothing is counted but not listed
        elif what.value in ("sections", "institutions"):
            allowed = {"unlisted": 1, "over": 1}
        # a breakdown of the count (4办、1队、2中心、1站); the end of a former state it counts (原来的29个部门)
        allowed = {**allowed, "includes": 1, "complete": 1, "until": 1}
        parts: list[QuotaPart] = []
        for sub in stmt.block or ():
            if sub.keyword not in allowed:
                self.unknown(sub, "a stated count", allowed)
                continue
            if sub.keyword == "includes":
                part = self.part(sub, f"{p}/parts/{len(parts)}")
                if part is not None:
                    parts.append(part)
                continue
            if not self.once(seen, sub):
                continue
            if sub.keyword == "complete":
                sf["complete"] = self.complete(sub, p)
                continue
            if sub.keyword == "kind":
                self._stated_kind(sub, sf)
                continue
            if sub.keyword == "role":
                role = self.text(sub, 'the members\' role (a quoted string such as "成員")')
                if role is not None:
                    sf["role"] = role
                continue
            if sub.keyword == "over":
                sf["over"] = self._over(sub, p + "/over")
                continue
            if sub.keyword == "until":
                sf["until"] = self.dated(sub)
                continue
            ua = StmtArgs(self.r, sub)
            unlisted = ua.count("how many of those counted are not listed")
            words = ua.take(S)
            ua.done("a count and optionally the document's words")
            self.no_block(sub)
            if unlisted is not None:
                sf["unlisted"] = unlisted[0]
                sf["unlisted_text"] = words.value if words else None
                self.map.put(p + "/unlisted", sub)
        sf["parts"] = tuple(parts)
        self.map.put(p, stmt)
        self.map.put(p + "/count", counted[1])
        what_value: Literal["sections", "duties", "institutions", "members", "subordinates", "bodies", "quota"]
        what_value = what.value  # type: ignore[assignment]
        lists["stated"].append(trusted(StatedCount, what=what_value, **sf))

    def u_choose(self, stmt: Stmt, u: UnitCtx) -> None:
        """Read ``choose FIGURE ["words"] { from @a @b … }``: how many of several optional units are set (选设)."""
        path, lists = u.path, u.lists
        a = StmtArgs(self.r, stmt)
        counted = a.count("how many of the units are set")
        text = a.take(S)
        a.done("a count and optionally the document's words")
        p = f"{path}/choices/{len(lists['choices'])}"
        units: tuple[Ref, ...] = ()
        seen: dict[str, Stmt] = {}
        for sub in stmt.block or ():
            if sub.keyword == "from":
                if self.once(seen, sub):
                    units = self._over(sub, p + "/units", "the optional units chosen from")
            else:
                self.unknown(sub, "a choice", {"from": 1})
        if not units:
            self.r.error(
                "OS202",
                "'choose' needs the units chosen from",
                stmt.span,
                hint='choose between 1 2 "选设1-2个" { from @a @b @c }',
            )
            return
        if counted is None:
            return
        self.map.put(p, stmt)
        self.map.put(p + "/count", counted[1])
        lists["choices"].append(trusted(Choice, count=counted[0], text=text.value if text else None, units=units))

    def _stated_kind(self, sub: Stmt, sf: dict[str, Any]) -> None:
        """Read the ``kind`` of a ``stated bodies`` count: a keyword or the Chinese term."""
        self._kind(sub, sf, "department-administered")

    def u_duties(self, stmt: Stmt, u: UnitCtx) -> None:
        path, lists = u.path, u.lists
        self.no_args(stmt, "no arguments; the duties go in its block")
        if stmt.block is None:
            self.r.error("OS202", "'duties' needs a block of 'duty' statements", stmt.span)
            return
        duties = lists["duties"]
        for sub in stmt.block:
            if sub.keyword == "duty":
                d = self.duty(sub, f"{path}/duties/{len(duties)}")
                if d is not None:
                    duties.append(d)
            else:
                self.unknown(sub, "a duties block", {"duty": 1})

    def duty(self, stmt: Stmt, p: str) -> Duty | None:
        args = stmt.args
        if len(args) == 1 and args[0].kind is S and stmt.block is None:
            # The usual form, duty "…", with nothing to report: no cursor needed.
            self.map.put(p, stmt)
            return trusted(Duty, text=args[0].value, number=None, id=None)
        a = StmtArgs(self.r, stmt)
        num = a.take(INT)
        ident = a.take(IDENT)
        text = a.require("the duty's text (a quoted string)", S)
        props = a.props({"cut-off": None}) if text is not None else {}
        a.done("an optional number, an optional id, the text and cut-off")
        self.no_block(stmt)
        if text is None:
            return None
        number = self.r.integer(num, "the duty's number") if num is not None else None
        self.map.put(p, stmt)
        return trusted(
            Duty, text=text.value, number=number, id=ident.value if ident else None, cut_off="cut-off" in props
        )

    def u_short_name(self, stmt: Stmt, u: UnitCtx) -> None:
        """Read ``short-name "short" ["the document's words"]``: a name the document abbreviates to."""
        path, lists = u.path, u.lists
        a = StmtArgs(self.r, stmt)
        name = a.require("the short name (a quoted string)", S)
        text = a.take(S) if name is not None else None
        a.done("a short name and optionally the document's words that define it")
        self.no_block(stmt)
        if name is None:
            return
        if not name.value.strip():
            self.r.error("OS202", "the short name is empty", name.span)
            return
        p = f"{path}/short_names/{len(lists['short_names'])}"
        self.map.put(p, stmt)
        lists["short_names"].append(trusted(ShortName, name=name.value, text=text.value if text else None))

    def u_as_of(self, stmt: Stmt, u: UnitCtx) -> None:
        """Read ``as-of DATE ["the document's words"]``: the date of the state the unit is written in."""
        path, f = u.path, u.f
        a = StmtArgs(self.r, stmt)
        arg = a.require("a date (2011, 2011-12 or 2011-12-31)", *WHEN)
        words = a.take(S) if arg is not None else None
        a.done('a date and optionally the document\'s words ("2011年年底")')
        self.no_block(stmt)
        if arg is None:
            return
        date = self.r.date(arg)
        if date is None:
            return
        f["as_of"] = date
        if words is not None:
            f["as_of_text"] = words.value
        self.map.put(f"{path}/as_of", stmt)

    def u_covers(self, stmt: Stmt, u: UnitCtx) -> None:
        """Read ``covers "area" … { each; note }``: the places or fields a unit covers (辖区, 管辖)."""
        path, f = u.path, u.f
        p = f"{path}/covers"
        a = StmtArgs(self.r, stmt)
        areas: list[str] = []
        while (arg := a.take(S)) is not None:
            if not arg.value.strip():
                self.r.error("OS202", "an area is empty", arg.span)
                continue
            self.map.put(f"{p}/areas/{len(areas)}", arg)
            areas.append(arg.value)
        if not areas:
            a.require('the areas covered (quoted names: "姥桥镇" "功桥镇")', S)
        a.done('the areas covered, each a quoted name ("姥桥镇" "功桥镇")')
        cf: dict[str, Any] = {"areas": tuple(areas)}
        notes: list[str] = []
        seen: dict[str, Stmt] = {}
        for sub in stmt.block or ():
            if sub.keyword == "each":
                if self.once(seen, sub):
                    self.no_args(sub, "no arguments: each body of the class covers one of the areas")
                    self.no_block(sub)
                    cf["each"] = True
                    self.map.put(p + "/each", sub)
            elif sub.keyword == "note":
                note = self.text(sub)
                if note is not None:
                    notes.append(note)
            else:
                self.unknown(sub, "'covers'", {"each": 1, "note": 1})
        if not areas:
            return
        cf["notes"] = tuple(notes)
        self.map.put(p, stmt)
        f["covers"] = trusted(Coverage, **cf)

    def choice(self, a: StmtArgs, keyword: str, words: tuple[str, ...], what: str) -> Arg | None:
        """Take one of ``words`` from ``a``, or report (OS202) what was found and the closest word."""
        taken = a.take_word(*words)
        if taken is not None:
            return taken
        found = a.require(f"{what}: " + ", ".join(words), IDENT)
        if found is not None:
            self.unknown_word("OS202", f"'{keyword}' does not know '{found.value}'", found, words, listed="it takes ")
        return None

    def u_ambiguous(self, stmt: Stmt, u: UnitCtx) -> None:
        """Read ``ambiguous WHAT "what is unclear"``: a question the document leaves open."""
        path, lists = u.path, u.lists
        a = StmtArgs(self.r, stmt)
        what = self.choice(a, "ambiguous", _AMBIGUOUS_WHAT, "what is ambiguous")
        if what is None:
            return
        text = a.require("what is unclear and the readings it allows (a quoted string)", S)
        a.done("what is ambiguous and a description")
        self.no_block(stmt)
        if text is None:
            return
        p = f"{path}/ambiguous/{len(lists['ambiguous'])}"
        self.map.put(p, stmt)
        what_value: AmbiguousWhat = what.value  # type: ignore[assignment]
        lists["ambiguous"].append(trusted(Ambiguity, what=what_value, text=text.value))

    def u_cut_off(self, stmt: Stmt, u: UnitCtx) -> None:
        """Read ``cut-off WHAT ["the text as far as the copy goes"]``: what the stored copy lacks."""
        self._partial_list(
            stmt, u, "cut-off", choices=_CUT_OFF_WHAT, what="what the copy lacks", words="the text as far as it goes"
        )

    def u_excerpt(self, stmt: Stmt, u: UnitCtx) -> None:
        """Read ``excerpt WHAT ["the words that say so"]``: the document gives only part of that list."""
        self._partial_list(
            stmt,
            u,
            "excerpt",
            choices=_EXCERPT_WHAT,
            what="what the document quotes only part of",
            words="the words that say so",
        )

    def _partial_list(
        self, stmt: Stmt, u: UnitCtx, keyword: str, *, choices: tuple[str, ...], what: str, words: str
    ) -> None:
        """Read ``cut-off`` or ``excerpt``: WHAT list is given only in part, and optionally the words."""
        a = StmtArgs(self.r, stmt)
        chosen = self.choice(a, keyword, choices, what)
        if chosen is None:
            return
        text = a.take(S)
        a.done(f"{what} and optionally {words}")
        self.no_block(stmt)
        field = keyword.replace("-", "_")
        p = f"{u.path}/{field}/{len(u.lists[field])}"
        self.map.put(p, stmt)
        model = CutOff if keyword == "cut-off" else Excerpt
        u.lists[field].append(trusted(model, what=chosen.value, text=text.value if text else None))

    def u_shared(self, stmt: Stmt, u: UnitCtx) -> None:
        path, lists = u.path, u.lists
        p = f"{path}/shared_duties/{len(lists['shared_duties'])}"
        a = StmtArgs(self.r, stmt)
        ident = a.take(IDENT)
        a.done("an optional id")
        refs: list[Any] = []
        duties: list[Duty] = []
        intro: str | None = None
        for sub in stmt.block or ():
            if sub.keyword == "sections":
                sa = StmtArgs(self.r, sub)
                while (arg := sa.take(*REFS)) is not None:
                    self.map.put(f"{p}/sections/{len(refs)}", arg)
                    refs.append(self.r.ref(arg))
                sa.done('the sections that share the list (@id or @"name")')
            elif sub.keyword == "duty":
                d = self.duty(sub, f"{p}/duties/{len(duties)}")
                if d is not None:
                    duties.append(d)
            elif sub.keyword == "intro":
                intro = self.text(sub)
            else:
                self.unknown(sub, "shared-duties", {"sections": 1, "duty": 1, "intro": 1})
        if not refs:
            self.r.error(
                "OS202",
                "'shared-duties' names no sections",
                stmt.keyword_span,
                hint="add: sections @first @second",
            )
        self.map.put(p, stmt)
        lists["shared_duties"].append(
            trusted(
                SharedDuties, sections=tuple(refs), duties=tuple(duties), id=ident.value if ident else None, intro=intro
            )
        )

    def u_changes(self, stmt: Stmt, u: UnitCtx) -> None:
        path, lists = u.path, u.lists
        self.no_args(stmt, "no arguments")
        for sub in stmt.block or ():
            kind = _CHANGE_KINDS.get(sub.keyword)
            if kind is None:
                self.unknown(sub, "function-changes", {k.value: 1 for k in FunctionChangeKind})
                continue
            a = StmtArgs(self.r, sub)
            num = a.take(INT)
            text = a.require("the function's text (a quoted string)", S)
            props = a.props({"to": REFS, "from": REFS, "with": REFS})
            a.done('an optional number, the text, and "to", "from" or "with" a body')
            p = f"{path}/function_changes/{len(lists['function_changes'])}"
            cf = self.change_block(sub, kind.value, p)
            if text is None:
                continue
            counterpart = next((self.r.ref(v) for v in props.values()), None)
            self.map.put(p, sub)
            number = self.r.integer(num, "the number") if num is not None else None
            lists["function_changes"].append(
                trusted(FunctionChange, kind=kind, text=text.value, counterpart=counterpart, number=number, **cf)
            )

    @staticmethod
    def u_child(default_kind: UnitKind) -> Callable[..., None]:
        def handle(self: _Lowerer, stmt: Stmt, u: UnitCtx) -> None:
            path, lists, depth = u.path, u.lists, u.depth
            unit = self.unit(stmt, f"{path}/units/{len(lists['units'])}", default_kind, depth + 1)
            if unit is not None:
                lists["units"].append(unit)

        return handle


_CUT_OFF_WHAT = get_args(CutOffWhat)
_EXCERPT_WHAT = get_args(ExcerptWhat)
_AMBIGUOUS_WHAT = get_args(AmbiguousWhat)

_UNIT_LISTS = ("cut_off", "excerpt", "ambiguous", "basis", "plaques", "short_names", "relations", "stated", "choices",
               "duties", "shared_duties", "function_changes", "units", "quotas", "actual", "posts", "members",
               "history", "notes")  # fmt: skip
_NO_LISTS: dict[str, tuple[()]] = dict.fromkeys(_UNIT_LISTS, ())

_CHANGE_KINDS = {k.value: k for k in FunctionChangeKind}

_ONCE = {"kind", "rank", "number", "superior", "section-rank", "per-regulations", "section-duties-unstated", "funding",
         "outside-count", "stands-for", "covers", "as-of", "rank-as", "optional", "group-header"}  # fmt: skip

#: The statements a relation's block accepts.
_RELATION_BLOCK = dict.fromkeys(("since", "until", "period", "item", "basis", "note"), 1)

_L = _Lowerer
_UNIT_KEYWORDS: dict[str, Callable[..., None]] = {
    "kind": _L.u_kind,
    "rank": _L.u_text_field("rank"),
    "rank-as": _L.u_rank_as,
    "number": _L.u_number,
    "superior": _L.u_superior,
    "section-rank": _L.u_text_field("section_rank"),
    "per-regulations": _L.u_flag("per_regulations"),
    "section-duties-unstated": _L.u_flag("section_duties_unstated"),
    "outside-count": _L.u_flag("outside_count"),
    "group-header": _L.u_flag("group_header"),
    "optional": _L.u_text_field("optional"),
    "funding": _L.u_text_field("funding"),
    "cut-off": _L.u_cut_off,
    "excerpt": _L.u_excerpt,
    "ambiguous": _L.u_ambiguous,
    "stands-for": _L.u_stands_for,
    "covers": _L.u_covers,
    "as-of": _L.u_as_of,
    "basis": _L.u_basis,
    "note": _L.u_note,
    "plaque": _L.u_plaque,
    "short-name": _L.u_short_name,
    "hosts": _L.u_relation(RelationKind.HOSTS),
    "hosted-in": _L.u_relation(RelationKind.HOSTED_IN),
    "manages": _L.u_relation(RelationKind.MANAGES),
    "managed-by": _L.u_relation(RelationKind.MANAGED_BY),
    "colocated": _L.u_relation(RelationKind.COLOCATED),
    "office-of": _L.u_relation(RelationKind.OFFICE_OF),
    "working-office": _L.u_relation(RelationKind.WORKING_OFFICE),
    "dual-led-by": _L.u_relation(RelationKind.DUAL_LED_BY),
    "plaque-on": _L.u_relation(RelationKind.PLAQUE_ON),
    "performs-for": _L.u_relation(RelationKind.PERFORMS_FOR),
    "performed-by": _L.u_relation(RelationKind.PERFORMED_BY),
    "office-of-post": _L.u_relation(RelationKind.OFFICE_OF_POST),
    "supervises": _L.u_relation(RelationKind.SUPERVISES),
    "supervised-by": _L.u_relation(RelationKind.SUPERVISED_BY),
    "stated": _L.u_stated,
    "choose": _L.u_choose,
    "duties": _L.u_duties,
    "shared-duties": _L.u_shared,
    "function-changes": _L.u_changes,
    "section": _L.u_child(UnitKind.SECTION),
    "office": _L.u_child(UnitKind.OFFICE),
    "institution": _L.u_child(UnitKind.PUBLIC_INSTITUTION),
    "quota": _L.u_quota,
    "actual": _L.u_actual,
    "posts": _L.u_posts,
    "members": _L.u_members,
    "history": _L.u_history,
}


def lower(statements: tuple[Stmt, ...], reader: Reader, *, positions: bool = True) -> tuple[Spec, SourceMap]:
    """Build the model of one document; diagnostics go to ``reader``; ``positions=False`` records no source map."""
    lowerer = _Lowerer(reader, positions=positions)
    spec = lowerer.spec(statements)
    return spec, lowerer.map


class StreamLowerer:
    """Lower a document statement by statement as the parser reads it (see ``build(..., keep_tree=False)``).

    Hand each top-level statement to :meth:`top`, then call :meth:`finish`; the
    syntax tree of one statement can be dropped as soon as it is lowered.
    """

    def __init__(self, reader: Reader, *, positions: bool = True) -> None:
        # no syntax tree shares the spans: store them small (``positions=False``: keep none, as lower())
        self._lowerer = _Lowerer(reader, packed=True, positions=positions)

    def top(self, stmt: Stmt) -> None:
        """Lower one top-level statement."""
        self._lowerer.top(stmt)

    def drain(self) -> tuple[list[Unit], list[Event], list[str]]:
        """Return the bodies, events and notes lowered since the last drain, and forget them.

        For a reader that needs each part of the model once (the formatter's digest of it),
        so that the model of a large file is never whole; :meth:`finish` then holds only
        what was lowered after the last drain.
        """
        low = self._lowerer
        out = (low.bodies, low.events, low.notes)
        low.drained_bodies += len(low.bodies)
        low.drained_events += len(low.events)
        low.bodies, low.events, low.notes = [], [], []
        return out

    def finish(self) -> tuple[Spec, SourceMap]:
        """Return the model and source map of every statement handed over."""
        return self._lowerer.finish(), self._lowerer.map
