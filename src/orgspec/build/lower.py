"""Lower the syntax tree into the model: what each keyword means, where it may appear.

This module is the vocabulary of the language. Each block kind (spec, unit,
plaque, quota, posts, history, …) has a table of the statements it accepts;
each statement is read by a small function that checks its arguments and
records the span of what it built in the :class:`SourceMap`. Anything not
accepted becomes a located diagnostic, and building goes on with the rest, so
one run reports every problem in a file.

Imports: :mod:`orgspec.build.reader`, :mod:`orgspec.model`,
:mod:`orgspec.syntax.nodes`, :mod:`orgspec.source`, :mod:`orgspec.limits`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Literal

from orgspec import limits
from orgspec.build.reader import Reader, StmtArgs, suggest
from orgspec.model.units import (
    Duty,
    Event,
    EventKind,
    FunctionChange,
    FunctionChangeKind,
    Member,
    Plaque,
    Post,
    PostGroup,
    Quota,
    QuotaPart,
    Relation,
    RelationKind,
    SharedDuties,
    Spec,
    StatedCount,
    Unit,
)
from orgspec.model.values import Basis, QuotaCategory, UnitKind
from orgspec.model.vocab import category_of, kind_of
from orgspec.source import Span
from orgspec.syntax.nodes import ArgKind, Stmt

__all__ = ["SourceMap", "lower"]

S = ArgKind.STRING
REFS = (ArgKind.STRING, ArgKind.REF, ArgKind.NAMEREF)
WHEN = (ArgKind.DATE, ArgKind.INT)


class SourceMap:
    """Where each element of the model was stated: JSON-pointer-like paths to spans.

    Paths follow the model's field names, e.g. ``/bodies/0/units/2/plaques/0``;
    ``…/count`` is the span of a figure and ``…/name`` of a unit's name.
    """

    __slots__ = ("spans",)

    def __init__(self) -> None:
        self.spans: dict[str, Span] = {}

    def __getitem__(self, path: str) -> Span | None:
        return self.spans.get(path)

    def get(self, path: str, fallback: str | None = None) -> Span | None:
        """Return the span of ``path``, else of ``fallback``, else None."""
        span = self.spans.get(path)
        if span is None and fallback is not None:
            span = self.spans.get(fallback)
        return span


class _UnitCtx:
    """What a unit statement handler works on: the unit's path, fields, lists and depth."""

    __slots__ = ("depth", "f", "lists", "path")

    def __init__(self, path: str, f: dict[str, Any], lists: dict[str, list[Any]], depth: int) -> None:
        self.path = path
        self.f = f
        self.lists = lists
        self.depth = depth


class _Lowerer:
    def __init__(self, reader: Reader) -> None:
        self.r = reader
        self.map = SourceMap()

    # ---- shared helpers ---------------------------------------------------------
    def unknown(self, stmt: Stmt, where: str, allowed: dict[str, Any]) -> None:
        choices = sorted(allowed)
        guess = suggest(stmt.keyword, choices)
        hint = f"did you mean '{guess}'? " if guess else ""
        hint += f"{where} accepts: " + ", ".join(choices)
        self.r.error("OS201", f"'{stmt.keyword}' is not allowed in {where}", stmt.keyword_span, hint=hint)

    def no_block(self, stmt: Stmt) -> None:
        if stmt.block is not None:
            self.r.error(
                "OS202",
                f"'{stmt.keyword}' takes no block",
                stmt.span,
                hint="remove the braces and what is in them",
            )

    def once(self, seen: dict[str, Span], stmt: Stmt) -> bool:
        first = seen.get(stmt.keyword)
        if first is not None:
            self.r.error(
                "OS203",
                f"'{stmt.keyword}' is given twice",
                stmt.keyword_span,
                related=(self.r.related("first given here", first),),
            )
            return False
        seen[stmt.keyword] = stmt.span
        return True

    def text(self, stmt: Stmt, what: str = "the text (a quoted string)") -> str | None:
        a = self.r.args(stmt)
        arg = a.require(what, S)
        a.done("one quoted string")
        self.no_block(stmt)
        return arg.value if arg is not None else None

    def dated(self, stmt: Stmt) -> Any:
        a = self.r.args(stmt)
        arg = a.require("a date (2010, 2010-06 or 2010-06-01)", *WHEN)
        a.done("one date")
        self.no_block(stmt)
        return self.r.date(arg) if arg is not None else None

    # ---- spec -------------------------------------------------------------------
    def spec(self, statements: tuple[Stmt, ...]) -> Spec:
        bodies: list[Unit] = []
        history: list[Event] = []
        notes: list[str] = []
        for stmt in statements:
            kw = stmt.keyword
            if kw == "body":
                unit = self.unit(stmt, f"/bodies/{len(bodies)}", None, depth=1)
                if unit is not None:
                    bodies.append(unit)
            elif kw == "history":
                history.extend(self.history(stmt, "/history", len(history)))
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
        return Spec(bodies=tuple(bodies), history=tuple(history), notes=tuple(notes))

    # ---- units ------------------------------------------------------------------
    def unit(self, stmt: Stmt, path: str, default_kind: UnitKind | None, depth: int) -> Unit | None:
        a = self.r.args(stmt)
        id_arg = a.take(ArgKind.IDENT)
        name_arg = a.require("the unit's name (a quoted string)", S)
        a.done("an optional id and a name")
        if name_arg is None:
            return None
        if not name_arg.value.strip():
            self.r.error("OS202", "the unit's name is empty", name_arg.span)
        self.map.spans[path] = stmt.span
        self.map.spans[path + "/name"] = name_arg.span
        if id_arg is not None:
            self.map.spans[path + "/id"] = id_arg.span
        f: dict[str, Any] = {"name": name_arg.value, "id": id_arg.value if id_arg else None}
        if default_kind is not None:
            f["kind"] = default_kind
        lists: dict[str, list[Any]] = {k: [] for k in _UNIT_LISTS}
        if stmt.block is not None:
            if depth >= limits.MAX_DEPTH:
                self.r.error(
                    "OS106",
                    f"units are nested more than {limits.MAX_DEPTH} levels deep",
                    stmt.keyword_span,
                    hint="no real structure is this deep; the nested content was not read",
                )
            else:
                self.unit_block(stmt.block, path, f, lists, depth)
        for key, items in lists.items():
            f[key] = tuple(items)
        return Unit(**f)

    def unit_block(
        self, block: tuple[Stmt, ...], path: str, f: dict[str, Any], lists: dict[str, list[Any]], depth: int
    ) -> None:
        seen: dict[str, Span] = {}
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
            handler(self, stmt, _UnitCtx(path, f, lists, depth))

    def u_kind(self, stmt: Stmt, u: _UnitCtx) -> None:
        path, f = u.path, u.f
        a = self.r.args(stmt)
        arg = a.require("a kind (a keyword such as working-department, or the Chinese term)", S, ArgKind.IDENT)
        a.done("one kind")
        self.no_block(stmt)
        if arg is None:
            return
        kind = kind_of(arg.value)
        if kind is None:
            if arg.kind is ArgKind.IDENT:
                guess = suggest(arg.value, [k.value for k in UnitKind])
                self.r.error(
                    "OS206",
                    f"unknown kind '{arg.value}'",
                    arg.span,
                    hint=(f"did you mean '{guess}'? " if guess else "")
                    + "kinds: "
                    + ", ".join(k.value for k in UnitKind)
                    + ' (or the Chinese term in quotes, e.g. "工作部门")',
                )
                return
            kind = UnitKind.OTHER
        f["kind"] = kind
        if arg.kind is ArgKind.STRING:
            f["kind_label"] = arg.value
        self.map.spans[path + "/kind"] = arg.span

    @staticmethod
    def u_text_field(field: str) -> Callable[..., None]:
        def handle(self: _Lowerer, stmt: Stmt, u: _UnitCtx) -> None:
            path, f = u.path, u.f
            value = self.text(stmt)
            if value is not None:
                f[field] = value
                self.map.spans[f"{path}/{field}"] = stmt.span

        return handle

    def u_number(self, stmt: Stmt, u: _UnitCtx) -> None:
        path, f = u.path, u.f
        a = self.r.args(stmt)
        arg = a.require("the number the document gives the unit", ArgKind.INT)
        a.done("one number")
        self.no_block(stmt)
        if arg is not None:
            value = self.r.integer(arg, "the number")
            if value is not None:
                f["number"] = value
                self.map.spans[path + "/number"] = arg.span

    def u_superior(self, stmt: Stmt, u: _UnitCtx) -> None:
        path, f = u.path, u.f
        a = self.r.args(stmt)
        ref = a.ref('the superior body (a name, @id or @"name")')
        a.done("one reference")
        self.no_block(stmt)
        if ref is not None:
            f["superior"] = ref
            self.map.spans[path + "/superior"] = stmt.span

    @staticmethod
    def u_flag(field: str) -> Callable[..., None]:
        def handle(self: _Lowerer, stmt: Stmt, u: _UnitCtx) -> None:
            path, f = u.path, u.f
            self.r.args(stmt).done("no arguments")
            self.no_block(stmt)
            f[field] = True
            self.map.spans[f"{path}/{field}"] = stmt.span

        return handle

    def u_basis(self, stmt: Stmt, u: _UnitCtx) -> None:
        path, lists = u.path, u.lists
        basis = self.basis(stmt, f"{path}/basis/{len(lists['basis'])}")
        if basis is not None:
            lists["basis"].append(basis)

    def u_note(self, stmt: Stmt, u: _UnitCtx) -> None:
        path, lists = u.path, u.lists
        note = self.text(stmt)
        if note is not None:
            self.map.spans[f"{path}/notes/{len(lists['notes'])}"] = stmt.span
            lists["notes"].append(note)

    def u_plaque(self, stmt: Stmt, u: _UnitCtx) -> None:
        path, lists = u.path, u.lists
        p = f"{path}/plaques/{len(lists['plaques'])}"
        a = self.r.args(stmt)
        name = a.require("the plaque's name (a quoted string)", S)
        a.done("one name")
        if name is None:
            return
        pf: dict[str, Any] = {"name": name.value}
        pl: dict[str, list[Any]] = {"basis": [], "notes": []}
        seen: dict[str, Span] = {}
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
        self.map.spans[p] = stmt.span
        self.map.spans[p + "/name"] = name.span
        lists["plaques"].append(Plaque(**pf))

    @staticmethod
    def u_relation(kind: RelationKind) -> Callable[..., None]:
        def handle(self: _Lowerer, stmt: Stmt, u: _UnitCtx) -> None:
            path, lists = u.path, u.lists
            p = f"{path}/relations/{len(lists['relations'])}"
            a = self.r.args(stmt)
            ref = a.ref('the other unit (a name, @id or @"name")')
            a.done("one reference")
            if ref is None:
                return
            rf: dict[str, Any] = {"kind": kind, "target": ref}
            basis: list[Basis] = []
            notes: list[str] = []
            for sub in stmt.block or ():
                if sub.keyword == "since":
                    rf["since"] = self.dated(sub)
                elif sub.keyword == "basis":
                    b = self.basis(sub, f"{p}/basis/{len(basis)}")
                    if b is not None:
                        basis.append(b)
                elif sub.keyword == "note":
                    note = self.text(sub)
                    if note is not None:
                        notes.append(note)
                else:
                    self.unknown(sub, f"'{stmt.keyword}'", {"since": 1, "basis": 1, "note": 1})
            rf["basis"] = tuple(basis)
            rf["notes"] = tuple(notes)
            self.map.spans[p] = stmt.span
            self.map.spans[p + "/target"] = stmt.args[0].span
            lists["relations"].append(Relation(**rf))

        return handle

    def u_stated(self, stmt: Stmt, u: _UnitCtx) -> None:
        path, lists = u.path, u.lists
        a = self.r.args(stmt)
        what = a.take_word("sections", "duties", "institutions")
        if what is None:
            a.require("what is counted: sections, duties or institutions", ArgKind.IDENT)
            return
        counted = a.count("the stated count")
        text = a.take(S)
        a.done("sections|duties|institutions, a count and the document's words")
        self.no_block(stmt)
        if counted is None:
            return
        p = f"{path}/stated/{len(lists['stated'])}"
        self.map.spans[p] = stmt.span
        self.map.spans[p + "/count"] = counted[1]
        what_value: Literal["sections", "duties", "institutions"] = what.value  # type: ignore[assignment]
        lists["stated"].append(StatedCount(what=what_value, count=counted[0], text=text.value if text else None))

    def u_duties(self, stmt: Stmt, u: _UnitCtx) -> None:
        path, lists = u.path, u.lists
        self.r.args(stmt).done("no arguments; the duties go in its block")
        if stmt.block is None:
            self.r.error("OS202", "'duties' needs a block of 'duty' statements", stmt.span)
            return
        for sub in stmt.block:
            if sub.keyword == "duty":
                d = self.duty(sub, f"{path}/duties/{len(lists['duties'])}")
                if d is not None:
                    lists["duties"].append(d)
            else:
                self.unknown(sub, "a duties block", {"duty": 1})

    def duty(self, stmt: Stmt, p: str) -> Duty | None:
        a = self.r.args(stmt)
        num = a.take(ArgKind.INT)
        ident = a.take(ArgKind.IDENT)
        text = a.require("the duty's text (a quoted string)", S)
        a.done("an optional number, an optional id and the text")
        self.no_block(stmt)
        if text is None:
            return None
        number = self.r.integer(num, "the duty's number") if num is not None else None
        self.map.spans[p] = stmt.span
        return Duty(text=text.value, number=number, id=ident.value if ident else None)

    def u_shared(self, stmt: Stmt, u: _UnitCtx) -> None:
        path, lists = u.path, u.lists
        p = f"{path}/shared_duties/{len(lists['shared_duties'])}"
        a = self.r.args(stmt)
        ident = a.take(ArgKind.IDENT)
        a.done("an optional id")
        refs: list[Any] = []
        duties: list[Duty] = []
        intro: str | None = None
        for sub in stmt.block or ():
            if sub.keyword == "sections":
                sa = self.r.args(sub)
                while (arg := sa.take(*REFS)) is not None:
                    self.map.spans[f"{p}/sections/{len(refs)}"] = arg.span
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
        self.map.spans[p] = stmt.span
        lists["shared_duties"].append(
            SharedDuties(sections=tuple(refs), duties=tuple(duties), id=ident.value if ident else None, intro=intro)
        )

    def u_changes(self, stmt: Stmt, u: _UnitCtx) -> None:
        path, lists = u.path, u.lists
        self.r.args(stmt).done("no arguments")
        for sub in stmt.block or ():
            try:
                kind = FunctionChangeKind(sub.keyword)
            except ValueError:
                self.unknown(sub, "function-changes", {k.value: 1 for k in FunctionChangeKind})
                continue
            a = self.r.args(sub)
            num = a.take(ArgKind.INT)
            text = a.require("the function's text (a quoted string)", S)
            props = a.props({"to": REFS, "from": REFS, "with": REFS})
            a.done('an optional number, the text, and "to", "from" or "with" a body')
            self.no_block(sub)
            if text is None:
                continue
            counterpart = next((self.r.ref(v) for v in props.values()), None)
            p = f"{path}/function_changes/{len(lists['function_changes'])}"
            self.map.spans[p] = sub.span
            number = self.r.integer(num, "the number") if num is not None else None
            lists["function_changes"].append(
                FunctionChange(kind=kind, text=text.value, counterpart=counterpart, number=number)
            )

    @staticmethod
    def u_child(default_kind: UnitKind) -> Callable[..., None]:
        def handle(self: _Lowerer, stmt: Stmt, u: _UnitCtx) -> None:
            path, lists, depth = u.path, u.lists, u.depth
            unit = self.unit(stmt, f"{path}/units/{len(lists['units'])}", default_kind, depth + 1)
            if unit is not None:
                lists["units"].append(unit)

        return handle

    def u_quota(self, stmt: Stmt, u: _UnitCtx) -> None:
        path, lists = u.path, u.lists
        p = f"{path}/quotas/{len(lists['quotas'])}"
        a = self.r.args(stmt)
        cat = self.category(a)
        if cat is None:
            return
        counted = a.count("the quota")
        label = a.take(S)
        a.done("a category, a count and optionally the document's words")
        if counted is None:
            return
        qf: dict[str, Any] = {"category": cat, "count": counted[0], "label": label.value if label else None}
        parts: list[QuotaPart] = []
        notes: list[str] = []
        for sub in stmt.block or ():
            if sub.keyword in ("includes", "excludes"):
                part = self.part(sub, f"{p}/parts/{len(parts)}")
                if part is not None:
                    parts.append(part)
            elif sub.keyword == "complete":
                self.r.args(sub).done("no arguments")
                qf["complete"] = True
                self.map.spans[p + "/complete"] = sub.span
            elif sub.keyword == "note":
                note = self.text(sub)
                if note is not None:
                    notes.append(note)
            else:
                self.unknown(sub, "a quota", {"includes": 1, "excludes": 1, "complete": 1, "note": 1})
        qf["parts"] = tuple(parts)
        qf["notes"] = tuple(notes)
        self.map.spans[p] = stmt.span
        self.map.spans[p + "/count"] = counted[1]
        lists["quotas"].append(Quota(**qf))

    def category(self, a: StmtArgs) -> QuotaCategory | None:
        arg = a.require("a quota category (administrative, logistics, … or the Chinese term)", ArgKind.IDENT, S)
        if arg is None:
            return None
        cat = category_of(arg.value)
        if cat is None:
            if arg.kind is ArgKind.STRING:
                return QuotaCategory.OTHER
            guess = suggest(arg.value, [c.value for c in QuotaCategory])
            self.r.error(
                "OS206",
                f"unknown quota category '{arg.value}'",
                arg.span,
                hint=(f"did you mean '{guess}'? " if guess else "")
                + "categories: "
                + ", ".join(c.value for c in QuotaCategory),
            )
        return cat

    def part(self, stmt: Stmt, p: str) -> QuotaPart | None:
        a = self.r.args(stmt)
        cat_arg = a.take_word(*(c.value for c in QuotaCategory))
        counted = a.count("the part")
        label = a.take(S)
        props = a.props({"for": REFS})
        a.done('an optional category, a count, an optional label and "for" a unit')
        self.no_block(stmt)
        if counted is None:
            return None
        self.map.spans[p] = stmt.span
        self.map.spans[p + "/count"] = counted[1]
        relation: Literal["includes", "excludes"] = "includes" if stmt.keyword == "includes" else "excludes"
        return QuotaPart(
            relation=relation,
            count=counted[0],
            label=label.value if label else None,
            category=QuotaCategory(cat_arg.value) if cat_arg else None,
            unit=self.r.ref(props["for"]) if "for" in props else None,
        )

    def u_posts(self, stmt: Stmt, u: _UnitCtx) -> None:
        path, lists = u.path, u.lists
        self.r.args(stmt).done("no arguments; the posts go in its block")
        if stmt.block is None:
            self.r.error("OS202", "'posts' needs a block of 'post' and 'group' statements", stmt.span)
            return
        for sub in stmt.block:
            p = f"{path}/posts/{len(lists['posts'])}"
            if sub.keyword == "post":
                post = self.post(sub, p)
                if post is not None:
                    lists["posts"].append(post)
            elif sub.keyword == "group":
                group = self.group(sub, p)
                if group is not None:
                    lists["posts"].append(group)
            else:
                self.unknown(sub, "a posts block", {"post": 1, "group": 1})

    _POST_PROPS: ClassVar[dict[str, tuple[ArgKind, ...] | None]] = {
        "chief": None,
        "deputy": None,
        "approved-separately": None,
        "concurrent": (S,),
        "holder": (S,),
    }

    def post(self, stmt: Stmt, p: str) -> Post | None:
        a = self.r.args(stmt)
        title = a.require("the post's title (a quoted string)", S)
        counted = a.count("the number of posts") if title is not None else None
        props = a.props(self._POST_PROPS)
        a.done('a title, a count, and chief, deputy, approved-separately, concurrent "…" or holder "…"')
        if title is None or counted is None:
            return None
        parts: list[QuotaPart] = []
        notes: list[str] = []
        for sub in stmt.block or ():
            kw = sub.keyword
            if kw == "includes":
                part = self.part(sub, f"{p}/parts/{len(parts)}")
                if part is not None:
                    parts.append(part)
            elif kw == "note":
                note = self.text(sub)
                if note is not None:
                    notes.append(note)
            else:
                self.unknown(sub, "a post", {"includes": 1, "note": 1})
        if "chief" in props and "deputy" in props:
            self.r.error("OS202", "a post is either chief or deputy, not both", props["deputy"].span)
        role: Literal["chief", "deputy"] | None = (
            "chief" if "chief" in props else "deputy" if "deputy" in props else None
        )
        self.map.spans[p] = stmt.span
        self.map.spans[p + "/count"] = counted[1]
        return Post(
            title=title.value,
            count=counted[0],
            role=role,
            approved_separately="approved-separately" in props,
            concurrent=props["concurrent"].value if "concurrent" in props else None,
            holder=props["holder"].value if "holder" in props else None,
            parts=tuple(parts),
            notes=tuple(notes),
        )

    def group(self, stmt: Stmt, p: str) -> PostGroup | None:
        a = self.r.args(stmt)
        title = a.take(S)
        counted = a.count("the group total")
        props = a.props({"for-sections": None})
        a.done("an optional title, a count and for-sections")
        if counted is None:
            return None
        posts: list[Post] = []
        parts: list[QuotaPart] = []
        notes: list[str] = []
        for sub in stmt.block or ():
            kw = sub.keyword
            if kw == "post":
                post = self.post(sub, f"{p}/posts/{len(posts)}")
                if post is not None:
                    posts.append(post)
            elif kw == "includes":
                part = self.part(sub, f"{p}/parts/{len(parts)}")
                if part is not None:
                    parts.append(part)
            elif kw == "note":
                note = self.text(sub)
                if note is not None:
                    notes.append(note)
            else:
                self.unknown(sub, "a post group", {"post": 1, "includes": 1, "note": 1})
        self.map.spans[p] = stmt.span
        self.map.spans[p + "/count"] = counted[1]
        return PostGroup(
            title=title.value if title else None,
            count=counted[0],
            for_sections="for-sections" in props,
            posts=tuple(posts),
            parts=tuple(parts),
            notes=tuple(notes),
        )

    def u_members(self, stmt: Stmt, u: _UnitCtx) -> None:
        path, lists = u.path, u.lists
        self.r.args(stmt).done("no arguments; the members go in its block")
        for sub in stmt.block or ():
            if sub.keyword != "member":
                self.unknown(sub, "a members block", {"member": 1})
                continue
            a = self.r.args(sub)
            role = a.require('the member\'s role (a quoted string such as "組長")', S)
            props = a.props({"post": (S,), "of": REFS, "person": (S,)})
            a.done('a role, then post "…", of a body, person "…"')
            self.no_block(sub)
            if role is None:
                continue
            self.map.spans[f"{path}/members/{len(lists['members'])}"] = sub.span
            lists["members"].append(
                Member(
                    role=role.value,
                    post=props["post"].value if "post" in props else None,
                    body=self.r.ref(props["of"]) if "of" in props else None,
                    person=props["person"].value if "person" in props else None,
                )
            )

    def u_history(self, stmt: Stmt, u: _UnitCtx) -> None:
        path, lists = u.path, u.lists
        lists["history"].extend(self.history(stmt, f"{path}/history", len(lists["history"])))

    # ---- basis, history -----------------------------------------------------------
    def basis(self, stmt: Stmt, p: str) -> Basis | None:
        a = self.r.args(stmt)
        number = a.take(S)
        a.done("an optional document number")
        bf: dict[str, Any] = {"number": number.value if number else None}
        seen: dict[str, Span] = {}
        for sub in stmt.block or ():
            kw = sub.keyword
            if kw in ("title", "issuer", "note"):
                if self.once(seen, sub):
                    bf[kw] = self.text(sub)
            elif kw == "date":
                if self.once(seen, sub):
                    bf["date"] = self.dated(sub)
            else:
                self.unknown(sub, "a basis", {"title": 1, "issuer": 1, "date": 1, "note": 1})
        if not any(bf.values()):
            self.r.error(
                "OS202",
                "'basis' says nothing: give a document number or a title",
                stmt.span,
                hint='basis "苏委〔2009〕573号" { title "…" }',
            )
            return None
        self.map.spans[p] = stmt.span
        return Basis(**bf)

    def history(self, stmt: Stmt, path: str, start: int) -> list[Event]:
        self.r.args(stmt).done("no arguments; the events go in its block")
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
        a = self.r.args(stmt)
        kind_arg = a.require("the kind of event (renamed, established, plaque-added, …)", ArgKind.IDENT)
        if kind_arg is None:
            return None
        try:
            kind = EventKind(kind_arg.value)
        except ValueError:
            guess = suggest(kind_arg.value, [k.value for k in EventKind])
            self.r.error(
                "OS206",
                f"unknown kind of event '{kind_arg.value}'",
                kind_arg.span,
                hint=(f"did you mean '{guess}'? " if guess else "")
                + "events: "
                + ", ".join(k.value for k in EventKind),
            )
            return None
        when = a.take(*WHEN)
        ident = a.take(ArgKind.IDENT)
        a.done("a kind, a date and an optional id")
        ef: dict[str, Any] = {"kind": kind, "id": ident.value if ident else None}
        if when is not None:
            ef["date"] = self.r.date(when)
            self.map.spans[p + "/date"] = when.span
        basis: list[Basis] = []
        notes: list[str] = []
        duties: list[str] = []
        seen: dict[str, Span] = {}
        counts = kind in (EventKind.QUOTA_CHANGED, EventKind.POSTS_CHANGED)
        for sub in stmt.block or ():
            kw = sub.keyword
            if kw in _EVENT_ONCE and not self.once(seen, sub):
                continue
            if kw in ("decided", "approved", "effective"):
                ef[kw] = self.dated(sub)
                self.map.spans[f"{p}/{kw}"] = sub.span
            elif kw in ("from", "to") and counts:
                sa = self.r.args(sub)
                counted = sa.count("the figure")
                sa.done("one count")
                if counted is not None:
                    ef["count_before" if kw == "from" else "count_after"] = counted[0]
            elif kw in ("from", "to"):
                value = self.text(sub, "a name, kind or rank (a quoted string)")
                ef["before" if kw == "from" else "after"] = value
                self.map.spans[f"{p}/{'before' if kw == 'from' else 'after'}"] = sub.span
            elif kw == "plaque":
                ef["plaque"] = self.text(sub, "the plaque's name (a quoted string)")
                self.map.spans[p + "/plaque"] = sub.span
            elif kw == "unit":
                sa = self.r.args(sub)
                ef["target"] = sa.ref('the other unit (a name, @id or @"name")')
                sa.done("one reference")
                self.map.spans[p + "/target"] = sub.span
            elif kw == "category":
                sa = self.r.args(sub)
                ef["category"] = self.category(sa)
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
        self.map.spans[p] = stmt.span
        return Event(**ef)


_EVENT_ONCE = frozenset({"decided", "approved", "effective", "from", "to", "plaque", "unit", "category"})
_EVENT_KEYWORDS = ("decided", "approved", "effective", "from", "to", "plaque", "unit", "category", "duty",
                   "basis", "note")  # fmt: skip

_UNIT_LISTS = ("basis", "plaques", "relations", "stated", "duties", "shared_duties", "function_changes",
               "units", "quotas", "posts", "members", "history", "notes")  # fmt: skip

_ONCE = {"kind", "rank", "number", "superior", "section-rank", "per-regulations", "funding"}

_L = _Lowerer
_UNIT_KEYWORDS: dict[str, Callable[..., None]] = {
    "kind": _L.u_kind,
    "rank": _L.u_text_field("rank"),
    "number": _L.u_number,
    "superior": _L.u_superior,
    "section-rank": _L.u_text_field("section_rank"),
    "per-regulations": _L.u_flag("per_regulations"),
    "funding": _L.u_text_field("funding"),
    "basis": _L.u_basis,
    "note": _L.u_note,
    "plaque": _L.u_plaque,
    "hosts": _L.u_relation(RelationKind.HOSTS),
    "hosted-in": _L.u_relation(RelationKind.HOSTED_IN),
    "manages": _L.u_relation(RelationKind.MANAGES),
    "managed-by": _L.u_relation(RelationKind.MANAGED_BY),
    "colocated": _L.u_relation(RelationKind.COLOCATED),
    "stated": _L.u_stated,
    "duties": _L.u_duties,
    "shared-duties": _L.u_shared,
    "function-changes": _L.u_changes,
    "section": _L.u_child(UnitKind.SECTION),
    "office": _L.u_child(UnitKind.OFFICE),
    "institution": _L.u_child(UnitKind.PUBLIC_INSTITUTION),
    "quota": _L.u_quota,
    "posts": _L.u_posts,
    "members": _L.u_members,
    "history": _L.u_history,
}


def lower(statements: tuple[Stmt, ...], reader: Reader) -> tuple[Spec, SourceMap]:
    """Build the model of one document; diagnostics go to ``reader``."""
    lowerer = _Lowerer(reader)
    spec = lowerer.spec(statements)
    return spec, lowerer.map
