"""The public model: a frozen pydantic v2 tree of units and what the documents say of them.

A :class:`Spec` holds bodies; every node of the structure is a :class:`Unit`
(a body, a section, an office inside a body, a public institution, a
coordinating body), told apart by its :class:`~orgspec.model.values.UnitKind`.
Positions are not part of the model: a model built in Python equals a parsed
one; :class:`orgspec.lowering.SourceMap` answers "where was this stated?".

Imports: :mod:`orgspec.model.base` (pydantic, or its light stand-in), :mod:`orgspec.model.values`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Annotated, Literal

from orgspec.model.base import BaseModel, ConfigDict, Field, field_validator
from orgspec.model.values import Basis, Count, PartialDate, QuotaCategory, QuotaCategoryName, Ref, UnitKind, model_eq

__all__ = [
    "ActualStaff",
    "Ambiguity",
    "AmbiguousWhat",
    "BodyClass",
    "Choice",
    "ClassTotal",
    "Coverage",
    "CutOff",
    "CutOffWhat",
    "Duty",
    "Event",
    "EventKind",
    "Excerpt",
    "ExcerptWhat",
    "FunctionChange",
    "FunctionChangeKind",
    "Holder",
    "Member",
    "OtherStatement",
    "Plaque",
    "Post",
    "PostGroup",
    "PostItem",
    "Quota",
    "QuotaPart",
    "Relation",
    "RelationKind",
    "SharedDuties",
    "ShortName",
    "Spec",
    "StatedCount",
    "Unit",
]


class _Frozen(BaseModel):  # noqa: PLW1641 (pydantic gives every frozen model its __hash__)
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    __eq__ = model_eq


class Plaque(_Frozen):
    """Another official name the same unit carries (挂牌, 加挂, 增挂)."""

    name: str
    form: str | None = Field(default=None, description="how the document puts it: 挂, 加挂, 增挂")
    since: PartialDate | None = None
    basis: tuple[Basis, ...] = ()
    notes: tuple[str, ...] = ()


class ShortName(_Frozen):
    """A short name or abbreviation the document defines or uses for a unit (以下简称…)."""

    name: str
    text: str | None = Field(default=None, description="the document's words that define it")


class RelationKind(enum.StrEnum):
    """Relations between units that are not parent and child."""

    HOSTS = "hosts"  # another body's office is placed in this one (设在 here)
    HOSTED_IN = "hosted-in"  # this office is placed in another body (设在 there)
    MANAGES = "manages"  # this body administers another on behalf of its parent (代管)
    MANAGED_BY = "managed-by"
    COLOCATED = "colocated"  # 合署办公
    OFFICE_OF = "office-of"  # this unit is the working office of a coordinating body (办事机构, 承担…日常工作)
    WORKING_OFFICE = "working-office"  # that unit is this coordinating body's working office
    DUAL_LED_BY = "dual-led-by"  # 双重领导: led by its own body and also by this other one
    PLAQUE_ON = "plaque-on"  # this body exists only as a plaque hung on that one (其牌子挂在…, 在…加挂该机构牌子)
    PERFORMS_FOR = "performs-for"  # this unit does that unit's work (具体由…履行, 日常工作由…承担)
    PERFORMED_BY = "performed-by"  # that unit does this one's work
    OFFICE_OF_POST = "office-of-post"  # this unit is the working office of a post (国家土地总督察的办事机构)
    SUPERVISES = "supervises"  # this unit supervises that body, not its subordinate (监督, 联系督导)
    SUPERVISED_BY = "supervised-by"  # that unit supervises this body


class Coverage(_Frozen):
    """The area a unit covers (辖区, 管辖, 分别管辖): places or fields, as the document names them."""

    areas: tuple[str, ...] = Field(description="the places or fields covered, in the document's order")
    each: bool = Field(
        default=False, description="a class's bodies cover one area each (分别管辖): as many areas as bodies"
    )
    notes: tuple[str, ...] = ()


class Relation(_Frozen):
    """A relation beside the tree: hosted, managed, co-located, working office, second leader, plaque, work.

    The target is a unit (``@id``, ``@"name"``) or a plain name outside the spec; for
    ``office-of-post`` it is the title of a post, always a plain name.
    """

    kind: RelationKind
    target: Ref
    since: PartialDate | None = None
    until: PartialDate | None = Field(default=None, description="the relation ended then (合署办公至…)")
    period: str | None = Field(
        default=None, description="when the relation held, in the document's words (抗日戰爭前, 建國後)"
    )
    joint: bool = Field(
        default=False,
        description="colocated only: the two work as one office, and the duties and sections this unit lists "
        "are the pair's (one list for 参事室(文史研究馆))",
    )
    item: int | None = Field(
        default=None,
        ge=1,
        description="the number of the plan's item that states the relation (合署办公): its place in a summary",
    )
    basis: tuple[Basis, ...] = ()
    notes: tuple[str, ...] = ()


class Duty(_Frozen):
    """One duty (职责): its text, the number the document gives it, an optional id."""

    text: str
    number: int | None = Field(default=None, ge=0)
    id: str | None = None
    cut_off: bool = Field(default=False, description="the stored copy stops inside this duty; the text goes as far")


#: What a document can leave ambiguous: whose quota, which pool posts draw on, whether a part is inside a total.
AmbiguousWhat = Literal["quota-owner", "posts-pool", "part-inside", "count"]


class Ambiguity(_Frozen):
    """Something the document leaves ambiguous, stated as such rather than guessed (reported as info)."""

    what: AmbiguousWhat
    text: str = Field(description="what is unclear, and the readings it allows")


#: What a stored copy can lack: a whole page, or part of a unit's sections, duties, posts, …
CutOffWhat = Literal["page", "sections", "duties", "institutions", "members", "posts", "quotas", "relations", "text"]


class CutOff(_Frozen):
    """Where the stored copy of a document stops or lacks a page (not garbled, not left out by the document)."""

    what: CutOffWhat
    text: str | None = Field(default=None, description="the document's text as far as the copy goes")


#: What a document can quote only part of (a reading that quotes two duties of a 规定): a unit's lists, or its text.
ExcerptWhat = Literal["sections", "duties", "institutions", "members", "posts", "quotas", "relations", "text"]


class Excerpt(_Frozen):
    """Where the document itself gives only part of a list of the unit (an excerpt), not the stored copy."""

    what: ExcerptWhat
    text: str | None = Field(default=None, description="the document's words that say it quotes only part")


class SharedDuties(_Frozen):
    """One duty list that applies to several sections at once (上述兩個處的主要職責是)."""

    sections: tuple[Ref, ...]
    duties: tuple[Duty, ...]
    id: str | None = None
    intro: str | None = Field(default=None, description="the document's lead-in, as written")


class FunctionChangeKind(enum.StrEnum):
    """How a function changed hands (职责调整)."""

    TRANSFERRED_OUT = "transferred-out"  # 划出
    TRANSFERRED_IN = "transferred-in"  # 划入
    CANCELLED = "cancelled"  # 取消
    ADDED = "added"  # 增加
    MERGED = "merged"  # 整合
    STRENGTHENED = "strengthened"  # 加强, 强化: a function the body keeps and is to do more of


class FunctionChange(_Frozen):
    """A function moved out to or in from another body, cancelled, added or merged."""

    kind: FunctionChangeKind
    text: str
    counterpart: Ref | None = None
    number: int | None = Field(default=None, ge=0)
    basis: tuple[Basis, ...] = ()
    verb: str | None = Field(default=None, description="the document's word for the move (划转): FUNCTION_VERBS")
    item: int | None = Field(
        default=None, ge=1, description="the number of the plan's item that states the change: its place in a summary"
    )


class ClassTotal(_Frozen):
    """A post or quota figure over several bodies of a class: 按31个街道计算共计124正; 实际设置125副."""

    bodies: Count = Field(description="how many bodies of the class the total covers")
    count: Count = Field(description="the posts or staff over those bodies")
    text: str | None = Field(default=None, description="the document's words")
    actual: bool = Field(default=False, description="posts actually filled, not authorised")


class OtherStatement(_Frozen):
    """The same fact stated again by another source (口径), perhaps with another figure; both are kept."""

    count: Count
    text: str | None = Field(default=None, description="the document's words")
    source: str | None = Field(default=None, description="who or what states it: an authority, a document")


class QuotaPart(_Frozen):
    """A part counted inside a quota or a post (含…), or outside it (不含…)."""

    relation: Literal["includes", "excludes"] = "includes"
    count: Count
    label: str | None = None
    category: QuotaCategory | None = None
    category_label: str | None = Field(
        default=None, description="the part's category as the document words it (事业工勤编制)"
    )
    unit: Ref | None = None
    each: tuple[Ref, ...] = Field(
        default=(), description="the figure is each of these units' own (各4名): the part counts it once per unit"
    )
    funding: str | None = Field(default=None, description="how the part is funded: 全额拨款, 差额拨款, 自收自支")

    @property
    def total(self) -> Count:
        """Return what the part adds up to: its figure, or its figure times its units for ``each`` (各4名)."""
        if not self.each:
            return self.count
        n, c = len(self.each), self.count
        if c.known:
            return Count.of((c.value or 0) * n)
        if c.is_range:
            return Count.between(
                None if c.value is None else c.value * n, None if c.high is None else c.high * n, c.text
            )
        return c


class Quota(_Frozen):
    """A staffing quota (编制) of one category, with its parts."""

    category: QuotaCategory
    count: Count
    label: str | None = Field(default=None, description="the category as the document words it")
    category_label: str | None = Field(
        default=None,
        description="the pool's name as the document words it, when it is none of the known categories "
        "(总编制, 专职干部, 定编); set only with the category other",
    )
    parts: tuple[QuotaPart, ...] = ()
    complete: bool = Field(default=False, description="the parts are the whole breakdown")
    funding: str | None = Field(default=None, description="how the pool is funded: 全额拨款, 差额拨款, 自收自支")
    phasing_out: str | None = Field(default=None, description="the document's words: 只出不进, 编制出一减一")
    provisional: bool = Field(default=False, description="the figure is fixed for now (暂定), not settled")
    funded_as: QuotaCategory | None = Field(
        default=None,
        description="the category the pool is funded as, when its use puts it in another (专项事业编制(工勤编))",
    )
    as_of: PartialDate | None = Field(default=None, description="the date the figure is given for")
    source: str | None = Field(default=None, description="who or what states the figure, when the document says")
    also: tuple[OtherStatement, ...] = Field(default=(), description="the same figure stated by another source")
    across: tuple[ClassTotal, ...] = Field(default=(), description="totals over bodies of the class (stands-for)")
    over: tuple[Ref, ...] = Field(
        default=(),
        description="the bodies whose quotas of this category the figure totals (each counted as its class)",
    )
    notes: tuple[str, ...] = ()


class Holder(_Frozen):
    """A person who holds (or held) a post, as the document names them, with dates when it gives them."""

    person: str
    concurrent: str | None = Field(default=None, description="the post the person holds elsewhere (兼)")
    concurrent_unstated: bool = Field(
        default=False, description="the person holds the post concurrently (兼任), the other post not named"
    )
    concurrent_of: Ref | None = Field(
        default=None, description="the body of the post held elsewhere: a unit of the spec or an outside name"
    )
    since: PartialDate | None = None
    until: PartialDate | None = None
    notes: tuple[str, ...] = ()


class ActualStaff(_Frozen):
    """Staff actually in post (实有, 在职, 现有), kept beside the quota, never in place of it."""

    category: QuotaCategory | None = Field(default=None, description="None: the whole staff, of every category")
    count: Count
    label: str | None = Field(default=None, description="the document's words")
    as_of: PartialDate | None = None
    parts: tuple[QuotaPart, ...] = ()
    notes: tuple[str, ...] = ()


class Post(_Frozen):
    """A leadership post (领导职数) with its count: 主任1名."""

    type: Literal["post"] = "post"
    title: str
    count: Count
    role: Literal["chief", "deputy"] | None = None
    concurrent: str | None = Field(default=None, description="the post held concurrently (兼)")
    held_by: str | None = Field(
        default=None,
        description="held by holders of that post of the same unit, counted once there (主任1名(由副书记兼任))",
    )
    rank: str | None = Field(default=None, description="the post's rank apart from its title: 副处级, 副部长级")
    approved_separately: bool = Field(default=False, description="另核: outside the main count")
    optional: str | None = Field(
        default=None, description="set only when the document's condition holds, in its words (在必要的时候,可以设…)"
    )
    holder: str | None = None
    actual: Count | None = Field(default=None, description="the posts actually filled (实际配备)")
    holders: tuple[Holder, ...] = Field(default=(), description="the people who hold or held it, in order")
    across: tuple[ClassTotal, ...] = Field(default=(), description="totals over bodies of the class (stands-for)")
    parts: tuple[QuotaPart, ...] = ()
    notes: tuple[str, ...] = ()


class PostGroup(_Frozen):
    """A total of posts with its breakdown: 正副處長11名, 其中正處長6名、副處長5名."""

    type: Literal["group"] = "group"
    title: str | None = None
    count: Count
    for_sections: bool = Field(default=False, description="the heads and deputies of sections")
    actual: Count | None = Field(default=None, description="the posts actually filled (实际配备)")
    since: PartialDate | None = Field(default=None, description="the layout holds from this date")
    until: PartialDate | None = Field(default=None, description="the layout held until this date: a past layout")
    period: str | None = Field(default=None, description="when the layout held, in the document's words (50年代)")
    posts: tuple[Post, ...] = ()
    across: tuple[ClassTotal, ...] = Field(default=(), description="totals over bodies of the class (stands-for)")
    parts: tuple[QuotaPart, ...] = ()
    notes: tuple[str, ...] = ()


PostItem = Annotated[Post | PostGroup, Field(discriminator="type")]


class Member(_Frozen):
    """A member of a coordinating body: a role (組長) filled by a post of some body."""

    role: str
    post: str | None = None
    body: Ref | None = None
    person: str | None = None


class StatedCount(_Frozen):
    """A count the document declares (设6个内设机构), kept apart from what it lists."""

    what: Literal["sections", "duties", "institutions", "members", "subordinates", "bodies", "quota"] = Field(
        description="what is counted; subordinates: the units directly under the body other than its "
        "sections (下属单位, of mixed kinds); bodies: the bodies of the spec under this one (部门管理机构7个); "
        "quota: the places of all the unit's own quotas together (共有编制32人)"
    )
    count: Count
    text: str | None = Field(default=None, description="the document's words")
    unlisted: Count | None = Field(
        default=None, description="how many of those counted the document does not list (a missing page, 含13个站所)"
    )
    unlisted_text: str | None = Field(default=None, description="the document's words for the unlisted ones")
    kind: UnitKind | None = Field(default=None, description="for bodies: the kind of body counted")
    kind_label: str | None = Field(default=None, description="for bodies: the kind as the document words it")
    role: str | None = Field(default=None, description="for members: only the members of this role (成员)")
    over: tuple[Ref, ...] = Field(
        default=(),
        description="for sections and institutions: the bodies counted, each as its class (全州乡镇内设机构490个)",
    )
    parts: tuple[QuotaPart, ...] = Field(default=(), description="the count's breakdown (4办、1队、2中心、1站)")
    complete: bool = Field(default=False, description="the parts are the whole breakdown")
    until: PartialDate | None = Field(
        default=None, description="the count is of a former state, which held until then (从原来的29个部门…精简到)"
    )


class Choice(_Frozen):
    """How many of several optional units are set (选设1-2个): a figure over the units it names."""

    count: Count
    text: str | None = Field(default=None, description="the document's words")
    units: tuple[Ref, ...] = Field(description="the optional units chosen from, in the document's order")


class EventKind(enum.StrEnum):
    """Kinds of dated events in a unit's history (沿革)."""

    ESTABLISHED = "established"
    REESTABLISHED = "reestablished"
    RENAMED = "renamed"
    PLAQUE_ADDED = "plaque-added"
    PLAQUE_REMOVED = "plaque-removed"
    HOSTED = "hosted"
    UNHOSTED = "unhosted"
    MOVED = "moved"
    MERGED = "merged"
    SPLIT = "split"
    ABOLISHED = "abolished"
    DUTIES_TRANSFERRED = "duties-transferred"
    QUOTA_CHANGED = "quota-changed"
    POSTS_CHANGED = "posts-changed"
    KIND_CHANGED = "kind-changed"
    RANK_CHANGED = "rank-changed"
    QUOTA_TRANSFERRED = "quota-transferred"  # 将…N名…编制划入…: a figure moved, the totals not stated
    POSTS_TRANSFERRED = "posts-transferred"  # 将…N名…领导职数划入…
    INTERIM = "interim"  # 过渡期: a body or plaque kept from ``date`` until ``until``, then gone
    KEPT = "kept"  # 保留: the body is kept through a reform; nothing changes
    MEMBERS_ADJUSTED = "members-adjusted"  # 调整充实: a coordinating body's members changed; its structure does not


#: The place within its date of an event that gives no item: after every numbered item (1 << 30).
_NO_ITEM = 1 << 30


class Event(_Frozen):
    """A dated change in a unit's history, with the document that decided it."""

    kind: EventKind
    date: PartialDate | None = None
    decided: PartialDate | None = None
    approved: PartialDate | None = None
    effective: PartialDate | None = None
    until: PartialDate | None = Field(default=None, description="the end of an interim period (过渡期至…)")
    period: str | None = Field(
        default=None, description="when, in the document's words, for a time it gives no dates for (文化大革命期间)"
    )
    id: str | None = None
    item: int | None = Field(
        default=None,
        ge=1,
        description="the number of the plan's item that states it (1、, (七)): the order within a date",
    )
    verb: str | None = Field(
        default=None, description="the document's word for the change (设立, 撤销, …): one of EVENT_VERBS for its kind"
    )
    stated_as: str | None = Field(
        default=None,
        description="established, reestablished: the kind or standing the sentence gives the body, as worded "
        "(组建…，作为国务院组成部门)",
    )
    stated_rank: str | None = Field(
        default=None,
        description="established, reestablished: the rank the sentence gives the body, as worded (成立…（正处级建制）)",
    )
    before: str | None = Field(default=None, description="name, kind, rank or superior before")
    after: str | None = Field(default=None, description="name, kind, rank or superior after")
    plaque: str | None = None
    target: Ref | None = Field(default=None, description="the other unit: hosted, merged, moved to")
    category: QuotaCategory | None = None
    category_label: str | None = Field(
        default=None, description="the category as the document words it, when it is none of the known ones (人员编制)"
    )
    count_before: Count | None = None
    count_after: Count | None = None
    duties: tuple[str, ...] = ()
    basis: tuple[Basis, ...] = ()
    notes: tuple[str, ...] = ()

    def when(self) -> PartialDate | None:
        """Return the date that orders the event: its date, else effective, approved or decided."""
        return self.date or self.effective or self.approved or self.decided

    def item_order(self) -> int:
        """Return what orders the event within its date: its ``item``, else a number after every item."""
        return self.item if self.item is not None else _NO_ITEM

    def acts(self) -> PartialDate | None:
        """Return the date the event changes the structure: the end of an interim period, else :meth:`when`."""
        if self.kind is EventKind.INTERIM and self.until is not None:
            return self.until
        return self.when()


class BodyClass(_Frozen):
    """What a unit stands for when it is one of a class of like bodies (31个街道办事处, 九个督察局).

    The unit's own statements (sections, quotas, posts, plaques) are those of each member; a name
    with the :attr:`placeholder` in it stands for each member's own name.
    """

    count: Count = Field(description="how many bodies the class has")
    text: str | None = Field(default=None, description="the document's words")
    source: str | None = Field(default=None, description="who or what states the count, when the document says")
    parts: tuple[QuotaPart, ...] = Field(default=(), description="parts of the class (实际运行19个)")
    complete: bool = Field(default=False, description="the parts are the whole class")
    members: tuple[Ref, ...] = Field(default=(), description="members the document names")
    placeholder: str | None = Field(default=None, description="the mark written for each member's own name: ××")
    also: tuple[OtherStatement, ...] = Field(default=(), description="the count stated by another source")
    notes: tuple[str, ...] = ()


class Unit(_Frozen):
    """Any node of the structure: a body, a section, an office, an institution, a group."""

    name: str
    id: str | None = None
    kind: UnitKind | None = None
    kind_label: str | None = Field(default=None, description="the kind as the document words it")
    rank: str | None = None
    rank_as: Ref | None = Field(
        default=None, description="its rank is given as another body's, or a class of body's (与…规格相等, 按…对待)"
    )
    rank_as_text: str | None = Field(default=None, description="the document's words for that")
    number: int | None = Field(default=None, ge=0, description="the number the document gives it")
    number_to: int | None = Field(
        default=None, ge=0, description="the last number of a range the document writes over several units (5-8)"
    )
    superior: Ref | None = None
    section_rank: str | None = Field(default=None, description="rank of its sections: 科級建制")
    per_regulations: bool = Field(default=False, description="set per regulations (另按規定設定)")
    outside_count: bool = Field(
        default=False, description="listed by the document but outside its stated count (an unnumbered 离退休干部处)"
    )
    optional: str | None = Field(
        default=None,
        description="set only where or when the document says, in its words (可增设, 选设); counted as 0 or 1",
    )
    section_duties_unstated: bool = Field(
        default=False, description="the document gives no duties per section below this unit (a list of names only)"
    )
    group_header: bool = Field(
        default=False,
        description="a header the document does not number, grouping units it numbers in the sequence of the units "
        "beside it",
    )
    choices: tuple[Choice, ...] = Field(default=(), description="how many of several optional units are set (选设)")
    funding: str | None = None
    cut_off: tuple[CutOff, ...] = Field(default=(), description="what the stored copy lacks of this unit")
    excerpt: tuple[Excerpt, ...] = Field(
        default=(), description="what the document itself gives only part of (it quotes an excerpt)"
    )
    ambiguous: tuple[Ambiguity, ...] = Field(default=(), description="what the document leaves ambiguous")
    stands_for: BodyClass | None = Field(default=None, description="the class of like bodies this one stands for")
    covers: Coverage | None = Field(default=None, description="the area the unit covers (辖区)")
    as_of: PartialDate | None = Field(
        default=None, description="the date of the state as written (2011年年底): every event of its history is before"
    )
    as_of_text: str | None = Field(default=None, description="the document's words for that date")
    basis: tuple[Basis, ...] = ()
    plaques: tuple[Plaque, ...] = ()
    short_names: tuple[ShortName, ...] = Field(default=(), description="short names and abbreviations (以下简称)")
    relations: tuple[Relation, ...] = ()
    stated: tuple[StatedCount, ...] = ()
    duties: tuple[Duty, ...] = ()
    shared_duties: tuple[SharedDuties, ...] = ()
    function_changes: tuple[FunctionChange, ...] = ()
    units: tuple[Unit, ...] = ()
    quotas: tuple[Quota, ...] = ()
    actual: tuple[ActualStaff, ...] = Field(default=(), description="staff in post (实有, 在职), beside the quotas")
    posts: tuple[PostItem, ...] = ()
    members: tuple[Member, ...] = ()
    history: tuple[Event, ...] = ()
    notes: tuple[str, ...] = ()

    @field_validator("units")
    @classmethod
    def _nested_default_kind(cls, units: tuple[Unit, ...]) -> tuple[Unit, ...]:
        """Make a nested unit a section unless it says otherwise (as in the language)."""
        if all(u.kind is not None for u in units):
            return units
        return tuple(u if u.kind is not None else u.model_copy(update={"kind": UnitKind.SECTION}) for u in units)

    def walk(self) -> Iterator[Unit]:
        """Yield this unit and every unit below it, depth first, in document order."""
        stack: list[Unit] = [self]
        while stack:
            unit = stack.pop()
            yield unit
            stack.extend(reversed(unit.units))

    def names(self) -> tuple[str, ...]:
        """Return the unit's name followed by its plaques."""
        return (self.name, *(p.name for p in self.plaques))

    def known_as(self) -> tuple[str, ...]:
        """Return every name the unit goes by: its name, its plaques, then its short names."""
        return (*self.names(), *(s.name for s in self.short_names))

    def partial(self, what: str) -> tuple[Literal["cut_off", "excerpt"], int] | None:
        """Return where the unit says its list ``what`` (``sections``, ``duties``, …) is not whole, if it does.

        The stored copy cuts it off (``cut-off WHAT`` or ``cut-off page``), or the document quotes
        only part of it (``excerpt WHAT``): the field and the index of that statement, the copy's first.
        """
        for i, c in enumerate(self.cut_off):
            if c.what in (what, "page"):
                return "cut_off", i
        for i, e in enumerate(self.excerpt):
            if e.what == what:
                return "excerpt", i
        return None

    def quota(self, category: QuotaCategory | QuotaCategoryName) -> Quota | None:
        """Return the unit's own quota of a category, if it states one.

        ``category`` is a :class:`QuotaCategory` or its value as a string
        (``"administrative"``); a misspelt string is a type error, and a
        ValueError at run time.
        """
        cat = QuotaCategory(category)
        for q in self.quotas:
            if q.category is cat:
                return q
        return None


class _UnitNotFoundError(KeyError):
    """A KeyError whose message prints as written (KeyError alone would quote it)."""

    def __str__(self) -> str:
        return str(self.args[0])


class Spec(_Frozen):
    """A spec file: one or more bodies, and events that span bodies."""

    bodies: tuple[Unit, ...] = ()
    history: tuple[Event, ...] = ()
    notes: tuple[str, ...] = ()

    def walk(self) -> Iterator[Unit]:
        """Yield every unit of every body, depth first, in document order."""
        for body in self.bodies:
            yield from body.walk()

    def find(self, name: str) -> Unit | None:
        """Return the unit whose name, plaque or short name is ``name``, or whose id is ``name``."""
        from orgspec.model.names import name_key

        key = name_key(name)
        for unit in self.walk():
            if unit.id == name or any(name_key(n) == key for n in unit.known_as()):
                return unit
        return None

    def get(self, name: str) -> Unit:
        """Return the unit whose name, plaque or id is ``name``; raise KeyError when there is none.

        The same lookup as :meth:`find`, for code that expects the unit to be
        there: the result is a :class:`Unit`, never None.
        """
        unit = self.find(name)
        if unit is not None:
            return unit
        import difflib

        names = [n for u in self.walk() for n in (*u.names(), *((u.id,) if u.id else ()))]
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(repr(n) for n in close)}?" if close else ""
        raise _UnitNotFoundError(f"no unit is named {name!r} (by name, plaque or id){hint}")

    def find_all(self, text: str) -> list[Unit]:
        """Return every unit whose name or a plaque contains ``text`` (normalised)."""
        from orgspec.model.names import name_key

        key = name_key(text)
        return [u for u in self.walk() if any(key in name_key(n) for n in u.names())]

    def totals(self) -> dict[QuotaCategory, Count]:
        """Return the total quota per category over all units.

        A category whose quotas are all numbers sums them; if any is determined
        separately, unstated or unreadable the total says so instead of a number.
        """
        from orgspec.model.arith import sum_counts

        by_cat: dict[QuotaCategory, list[Count]] = {}
        for unit in self.walk():
            for q in unit.quotas:
                by_cat.setdefault(q.category, []).append(q.count)
        return {cat: sum_counts(counts) for cat, counts in by_cat.items()}
