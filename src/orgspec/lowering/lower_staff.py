"""Lowering of staffing: quotas and their parts, leadership posts and post groups, members.

Imports: :mod:`orgspec.lowering.lower_base`, :mod:`orgspec.model`, :mod:`orgspec.syntax.nodes`.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from orgspec.lowering.lower_base import _CATEGORY_WORDS, REFS, S, UnitCtx
from orgspec.lowering.lower_class import ClassLowerer
from orgspec.lowering.reader import IDENT, StmtArgs
from orgspec.model.trusted import trusted
from orgspec.model.units import (
    ActualStaff,
    ClassTotal,
    Holder,
    Member,
    OtherStatement,
    Post,
    PostGroup,
    Quota,
    QuotaPart,
)
from orgspec.model.values import Count, QuotaCategory, Ref
from orgspec.syntax.nodes import ArgKind, Stmt

__all__ = ["QUOTA_KEYWORDS", "StaffLowerer"]


#: The statements a quota block accepts.
QUOTA_KEYWORDS = dict.fromkeys(
    (
        "includes",
        "excludes",
        "complete",
        "funding",
        "funded-as",
        "phasing-out",
        "provisional",
        "as-of",
        "source",
        "also",
        "across",
        "over",
        "note",
    ),
    1,
)


#: The statements a post group's block accepts.
_GROUP_KEYWORDS = ("post", "actual", "includes", "across", "since", "until", "period", "note")


class StaffLowerer(ClassLowerer):
    """Statements of quotas, posts and members."""

    def u_quota(self, stmt: Stmt, u: UnitCtx) -> None:
        """Read ``quota CATEGORY FIGURE [label] { parts }``."""
        path, lists = u.path, u.lists
        p = f"{path}/quotas/{len(lists['quotas'])}"
        a = StmtArgs(self.r, stmt)
        cat, worded = self.worded_category(a)
        if cat is None:
            return
        counted = a.count("the quota")
        label = a.take(S)
        a.done("a category, a count and optionally the document's words")
        if counted is None:
            return
        qf: dict[str, Any] = {"category": cat, "count": counted[0], "label": label.value if label else None}
        if worded is not None:
            qf["category_label"] = worded
        parts: list[QuotaPart] = []
        also: list[OtherStatement] = []
        across: list[ClassTotal] = []
        notes: list[str] = []
        seen: dict[str, Stmt] = {}
        for sub in stmt.block or ():
            if sub.keyword in ("includes", "excludes"):
                part = self.part(sub, f"{p}/parts/{len(parts)}")
                if part is not None:
                    parts.append(part)
            elif sub.keyword == "also":
                other = self.also(sub, f"{p}/also/{len(also)}")
                if other is not None:
                    also.append(other)
            elif sub.keyword == "across":
                total = self.across(sub, f"{p}/across/{len(across)}")
                if total is not None:
                    across.append(total)
            elif sub.keyword == "complete":
                qf["complete"] = self.complete(sub, p)
            elif sub.keyword in ("funding", "phasing-out", "source"):
                if self.once(seen, sub):
                    value = self.text(sub)
                    if value is not None:
                        qf[sub.keyword.replace("-", "_")] = value
            elif sub.keyword == "as-of":
                if self.once(seen, sub):
                    qf["as_of"] = self.dated(sub)
            elif sub.keyword == "funded-as":
                if self.once(seen, sub):
                    sa = StmtArgs(self.r, sub)
                    funded = self.category(sa)
                    sa.done("one category (the pool's category by funding: public-institution, 事业编制, …)")
                    self.no_block(sub)
                    if funded is not None:
                        qf["funded_as"] = funded
            elif sub.keyword == "provisional":
                if self.once(seen, sub):
                    self.no_args(sub, "no arguments: the figure is fixed for now (暂定)")
                    self.no_block(sub)
                    qf["provisional"] = True
            elif sub.keyword == "over":
                if self.once(seen, sub):
                    qf["over"] = self._over(sub, f"{p}/over")
            elif sub.keyword == "note":
                note = self.text(sub)
                if note is not None:
                    notes.append(note)
            else:
                self.unknown(sub, "a quota", QUOTA_KEYWORDS)
        qf["parts"] = tuple(parts)
        qf["also"] = tuple(also)
        qf["across"] = tuple(across)
        qf["notes"] = tuple(notes)
        self.map.put(p, stmt)
        self.map.put(p + "/count", counted[1])
        lists["quotas"].append(trusted(Quota, **qf))

    def _over(self, sub: Stmt, p: str, what: str = "the bodies the total is over") -> tuple[Ref, ...]:
        """Read ``over @a @b …``: the bodies whose quotas of the same category a total covers (or ``what``)."""
        sa = StmtArgs(self.r, sub)
        refs: list[Ref] = []
        while (arg := sa.take(*REFS)) is not None:
            self.map.put(f"{p}/{len(refs)}", arg)
            refs.append(self.r.ref(arg))
        if not refs:
            sa.require(f'{what} (@id or @"name")', *REFS)
        sa.done(f'{what} (@id or @"name")')
        self.no_block(sub)
        return tuple(refs)

    def u_actual(self, stmt: Stmt, u: UnitCtx) -> None:
        """Read ``actual [CATEGORY] FIGURE [label] { as-of DATE; includes …; note }``: staff in post."""
        path, lists = u.path, u.lists
        p = f"{path}/actual/{len(lists['actual'])}"
        a = StmtArgs(self.r, stmt)
        cat_arg = a.take_word(*_CATEGORY_WORDS)
        counted = a.count("the staff in post")
        label = a.take(S)
        a.done("an optional category keyword, a count and optionally the document's words")
        if counted is None:
            return
        af: dict[str, Any] = {
            "category": QuotaCategory(cat_arg.value) if cat_arg else None,
            "count": counted[0],
            "label": label.value if label else None,
        }
        parts: list[QuotaPart] = []
        notes: list[str] = []
        seen: dict[str, Stmt] = {}
        for sub in stmt.block or ():
            if sub.keyword == "includes":
                part = self.part(sub, f"{p}/parts/{len(parts)}")
                if part is not None:
                    parts.append(part)
            elif sub.keyword == "as-of":
                if self.once(seen, sub):
                    af["as_of"] = self.dated(sub)
            elif sub.keyword == "note":
                note = self.text(sub)
                if note is not None:
                    notes.append(note)
            else:
                self.unknown(sub, "'actual'", {"as-of": 1, "includes": 1, "note": 1})
        af["parts"] = tuple(parts)
        af["notes"] = tuple(notes)
        self.map.put(p, stmt)
        self.map.put(p + "/count", counted[1])
        lists["actual"].append(trusted(ActualStaff, **af))

    def post_actual(self, sub: Stmt, p: str) -> Count | None:
        """Read ``actual FIGURE`` inside a post or a group: the posts actually filled."""
        a = StmtArgs(self.r, sub)
        counted = a.count("the posts actually filled")
        a.done("one count")
        self.no_block(sub)
        if counted is None:
            return None
        self.map.put(p + "/actual", counted[1])
        return counted[0]

    def holder(self, sub: Stmt, p: str) -> Holder | None:
        """Read ``holder "person" [concurrent "post"|unstated [of BODY]] { since; until; note }``."""
        a = StmtArgs(self.r, sub)
        person = a.require("the holder's name (a quoted string)", S)
        props = a.props({"concurrent": (S, IDENT), "of": REFS})
        a.done('a name and optionally concurrent "…" (or unstated) and of BODY')
        if person is None:
            return None
        hf: dict[str, Any] = {"person": person.value}
        other = props.get("concurrent")
        if other is not None and other.kind is IDENT:
            if other.value == "unstated":
                hf["concurrent_unstated"] = True
            else:
                self.r.error(
                    "OS202",
                    f"'concurrent' takes the other post's title or unstated, not '{other.value}'",
                    other.span,
                    hint='write concurrent "…" with the title, or concurrent unstated where the document names none',
                )
        elif other is not None:
            hf["concurrent"] = other.value
        if "of" in props:
            if other is None:
                self.r.error(
                    "OS202",
                    "'of' names the body of a concurrent post: give the post with concurrent first",
                    props["of"].span,
                )
            else:
                hf["concurrent_of"] = self.r.ref(props["of"])
                self.map.put(p + "/of", props["of"])
        notes: list[str] = []
        seen: dict[str, Stmt] = {}
        for x in sub.block or ():
            if x.keyword in ("since", "until"):
                if self.once(seen, x):
                    hf[x.keyword] = self.dated(x)
            elif x.keyword == "note":
                note = self.text(x)
                if note is not None:
                    notes.append(note)
            else:
                self.unknown(x, "a holder", {"since": 1, "until": 1, "note": 1})
        hf["notes"] = tuple(notes)
        self.map.put(p, sub)
        return trusted(Holder, **hf)

    def u_posts(self, stmt: Stmt, u: UnitCtx) -> None:
        """Read a ``posts`` block of posts and post groups."""
        path, lists = u.path, u.lists
        self.no_args(stmt, "no arguments; the posts go in its block")
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
        "held-by": (S,),
        "holder": (S,),
        "rank": (S,),
    }

    def post(self, stmt: Stmt, p: str) -> Post | None:
        """Read ``post TITLE FIGURE [flags]`` with its sub-counts."""
        a = StmtArgs(self.r, stmt)
        title = a.require("the post's title (a quoted string)", S)
        counted = a.count("the number of posts") if title is not None else None
        props = a.props(self._POST_PROPS)
        a.done(
            'a title, a count, and chief, deputy, approved-separately, concurrent "…", held-by "…", rank "…" '
            'or holder "…"'
        )
        if title is None or counted is None:
            return None
        parts: list[QuotaPart] = []
        notes: list[str] = []
        holders: list[Holder] = []
        across: list[ClassTotal] = []
        actual: Count | None = None
        optional: str | None = None
        seen: dict[str, Stmt] = {}
        for sub in stmt.block or ():
            kw = sub.keyword
            if kw == "includes":
                part = self.part(sub, f"{p}/parts/{len(parts)}")
                if part is not None:
                    parts.append(part)
            elif kw == "across":
                total = self.across(sub, f"{p}/across/{len(across)}")
                if total is not None:
                    across.append(total)
            elif kw == "actual":
                if self.once(seen, sub):
                    actual = self.post_actual(sub, p)
            elif kw == "holder":
                h = self.holder(sub, f"{p}/holders/{len(holders)}")
                if h is not None:
                    holders.append(h)
            elif kw == "optional":
                if self.once(seen, sub):
                    optional = self.text(sub, 'the document\'s condition (a quoted string: "在必要的时候")')
            elif kw == "note":
                note = self.text(sub)
                if note is not None:
                    notes.append(note)
            else:
                self.unknown(
                    sub, "a post", {"includes": 1, "actual": 1, "holder": 1, "across": 1, "optional": 1, "note": 1}
                )
        if "chief" in props and "deputy" in props:
            self.r.error("OS202", "a post is either chief or deputy, not both", props["deputy"].span)
        role: Literal["chief", "deputy"] | None = (
            "chief" if "chief" in props else "deputy" if "deputy" in props else None
        )
        self.map.put(p, stmt)
        self.map.put(p + "/count", counted[1])
        return trusted(
            Post,
            title=title.value,
            count=counted[0],
            role=role,
            approved_separately="approved-separately" in props,
            optional=optional,
            concurrent=props["concurrent"].value if "concurrent" in props else None,
            held_by=props["held-by"].value if "held-by" in props else None,
            rank=props["rank"].value if "rank" in props else None,
            holder=props["holder"].value if "holder" in props else None,
            actual=actual,
            holders=tuple(holders),
            across=tuple(across),
            parts=tuple(parts),
            notes=tuple(notes),
        )

    def group(self, stmt: Stmt, p: str) -> PostGroup | None:
        """Read ``group [TITLE] FIGURE [for-sections]`` with its posts."""
        a = StmtArgs(self.r, stmt)
        title = a.take(S)
        counted = a.count("the group total")
        props = a.props({"for-sections": None})
        a.done("an optional title, a count and for-sections")
        if counted is None:
            return None
        posts: list[Post] = []
        parts: list[QuotaPart] = []
        across: list[ClassTotal] = []
        notes: list[str] = []
        actual: Count | None = None
        dates: dict[str, Any] = {}
        seen: dict[str, Stmt] = {}
        for sub in stmt.block or ():
            kw = sub.keyword
            if kw == "post":
                post = self.post(sub, f"{p}/posts/{len(posts)}")
                if post is not None:
                    posts.append(post)
            elif kw == "across":
                total = self.across(sub, f"{p}/across/{len(across)}")
                if total is not None:
                    across.append(total)
            elif kw in ("since", "until"):
                if self.once(seen, sub):
                    dates[kw] = self.dated(sub)
                    self.map.put(f"{p}/{kw}", sub)
            elif kw == "period":
                if self.once(seen, sub):
                    dates[kw] = self.text(sub, 'the period in the document\'s words (a quoted string: "50年代")')
            elif kw == "actual":
                if self.once(seen, sub):
                    actual = self.post_actual(sub, p)
            elif kw == "includes":
                part = self.part(sub, f"{p}/parts/{len(parts)}")
                if part is not None:
                    parts.append(part)
            elif kw == "note":
                note = self.text(sub)
                if note is not None:
                    notes.append(note)
            else:
                self.unknown(sub, "a post group", dict.fromkeys(_GROUP_KEYWORDS, 1))
        self.map.put(p, stmt)
        self.map.put(p + "/count", counted[1])
        return trusted(
            PostGroup,
            title=title.value if title else None,
            count=counted[0],
            for_sections="for-sections" in props,
            actual=actual,
            posts=tuple(posts),
            across=tuple(across),
            parts=tuple(parts),
            **dates,
            notes=tuple(notes),
        )

    def u_members(self, stmt: Stmt, u: UnitCtx) -> None:
        """Read a ``members`` block of a coordinating body."""
        path, lists = u.path, u.lists
        self.no_args(stmt, "no arguments; the members go in its block")
        for sub in stmt.block or ():
            if sub.keyword != "member":
                self.unknown(sub, "a members block", {"member": 1})
                continue
            a = StmtArgs(self.r, sub)
            role = a.require('the member\'s role (a quoted string such as "組長")', S)
            props = a.props({"post": (S,), "of": REFS, "person": (S,)})
            a.done('a role, then post "…", of a body, person "…"')
            self.no_block(sub)
            if role is None:
                continue
            self.map.put(f"{path}/members/{len(lists['members'])}", sub)
            lists["members"].append(
                trusted(
                    Member,
                    role=role.value,
                    post=props["post"].value if "post" in props else None,
                    body=self.r.ref(props["of"]) if "of" in props else None,
                    person=props["person"].value if "person" in props else None,
                )
            )
