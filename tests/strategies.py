"""Hypothesis strategies: generated models with Chinese names, and spec-shaped text.

One module for every property test. ``specs()`` generates models that the
language can state (ids unique, references resolvable, nested units with a
kind); their figures need not add up, so they may carry check findings but
never syntax or structure errors.
"""

from __future__ import annotations

import itertools
import string
from typing import Any

from hypothesis import strategies as st

from orgspec.model import (
    Basis,
    Count,
    Duty,
    Event,
    EventKind,
    FunctionChange,
    FunctionChangeKind,
    Member,
    PartialDate,
    Plaque,
    Post,
    PostGroup,
    Quota,
    QuotaCategory,
    QuotaPart,
    Ref,
    Relation,
    RelationKind,
    SharedDuties,
    Spec,
    StatedCount,
    Unit,
    UnitKind,
)
from orgspec.model.vocab import KIND_LABELS

CJK = "外事辦公室处科局人事秘书新闻礼宾港澳欧美亚非投资促进管理中心党委纪检监察市省县政府办公厅组成部门工作"
TRICKY = '"\\#{};@\n\t 　“”〔〕()（）<>&'

name_chars = st.sampled_from(CJK + CJK + string.ascii_letters + string.digits + TRICKY)
names = st.text(name_chars, min_size=1, max_size=12).filter(lambda s: s.strip() != "")
texts = st.text(name_chars, min_size=0, max_size=30)
small = st.integers(min_value=0, max_value=500)

counts = st.one_of(
    small.map(Count.of),
    st.just(Count.separately()),
    st.just(Count.unstated()),
    texts.map(Count.unreadable),
)


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    year = draw(st.integers(min_value=1949, max_value=2030))
    month = draw(st.none() | st.integers(min_value=1, max_value=12))
    day = draw(st.none() | st.integers(min_value=1, max_value=28)) if month is not None else None
    return PartialDate(year=year, month=month, day=day)


external_refs = names.map(lambda n: Ref(target=n, by="external"))
bases = st.builds(
    Basis,
    number=st.none() | names,
    title=st.none() | texts,
    issuer=st.none() | names,
    date=st.none() | partial_dates(),
    note=st.none() | texts,
).filter(lambda b: any(v not in (None, "") for v in (b.number, b.title, b.issuer, b.date, b.note)))
notes = st.lists(texts, max_size=2).map(tuple)
plaques = st.builds(
    Plaque,
    name=names,
    form=st.none() | st.sampled_from(["挂", "加挂", "增挂", "掛"]),
    since=st.none() | partial_dates(),
    basis=st.lists(bases, max_size=1).map(tuple),
    notes=notes,
)
relations = st.builds(
    Relation,
    kind=st.sampled_from(list(RelationKind)),
    target=external_refs,
    since=st.none() | partial_dates(),
    basis=st.lists(bases, max_size=1).map(tuple),
    notes=notes,
)
parts = st.builds(
    QuotaPart,
    relation=st.sampled_from(["includes", "excludes"]),
    count=counts,
    label=st.none() | names,
    category=st.none() | st.sampled_from(list(QuotaCategory)),
    unit=st.none() | external_refs,
)
quotas = st.builds(
    Quota,
    category=st.sampled_from([c for c in QuotaCategory if c is not QuotaCategory.OTHER]),
    count=counts,
    label=st.none() | names,
    parts=st.lists(parts, max_size=2).map(tuple),
    complete=st.booleans(),
    notes=notes,
)
include_parts = parts.map(lambda p: p.model_copy(update={"relation": "includes"}))
posts = st.builds(
    Post,
    title=names,
    count=counts,
    role=st.none() | st.sampled_from(["chief", "deputy"]),
    concurrent=st.none() | names,
    approved_separately=st.booleans(),
    holder=st.none() | names,
    parts=st.lists(include_parts, max_size=1).map(tuple),
    notes=notes,
)
groups = st.builds(
    PostGroup,
    title=st.none() | names,
    count=counts,
    for_sections=st.booleans(),
    posts=st.lists(posts, max_size=3).map(tuple),
    parts=st.lists(include_parts, max_size=1).map(tuple),
    notes=notes,
)
duties = st.builds(Duty, text=texts, number=st.none() | small, id=st.none())
changes = st.builds(
    FunctionChange,
    kind=st.sampled_from(list(FunctionChangeKind)),
    text=texts,
    counterpart=st.none() | external_refs,
    number=st.none() | small,
)
members = st.builds(
    Member,
    role=names,
    post=st.none() | names,
    body=st.none() | external_refs,
    person=st.none() | names,
)
stated = st.builds(
    StatedCount,
    what=st.sampled_from(["sections", "duties", "institutions"]),
    count=counts,
    text=st.none() | texts,
)


@st.composite
def events(draw: st.DrawFn) -> Event:
    kind = draw(st.sampled_from(list(EventKind)))
    fields: dict[str, Any] = {
        "kind": kind,
        "date": draw(st.none() | partial_dates()),
        "decided": draw(st.none() | partial_dates()),
        "approved": draw(st.none() | partial_dates()),
        "effective": draw(st.none() | partial_dates()),
        "plaque": draw(st.none() | names),
        "target": draw(st.none() | external_refs),
        "category": draw(st.none() | st.sampled_from([c for c in QuotaCategory if c is not QuotaCategory.OTHER])),
        "duties": tuple(draw(st.lists(texts, max_size=2))),
        "basis": tuple(draw(st.lists(bases, max_size=1))),
        "notes": draw(notes),
    }
    if kind in (EventKind.QUOTA_CHANGED, EventKind.POSTS_CHANGED):
        fields["count_before"] = draw(st.none() | counts)
        fields["count_after"] = draw(st.none() | counts)
    else:
        fields["before"] = draw(st.none() | names)
        fields["after"] = draw(st.none() | names)
    return Event(**fields)


_KIND_CHOICES: list[tuple[UnitKind, str | None]] = [(k, None) for k in UnitKind if k is not UnitKind.OTHER] + [
    (k, label) for k, labels in KIND_LABELS.items() for label in labels
]


@st.composite
def units(draw: st.DrawFn, depth: int, ids: Any, nested: bool) -> Unit:
    kind, label = draw(st.sampled_from(_KIND_CHOICES))
    if not nested and draw(st.booleans()):
        kind, label = None, None
    children: list[Unit] = []
    if depth > 0:
        children = draw(st.lists(units(depth - 1, ids, True), max_size=3))
    unit_id = f"u{next(ids)}" if draw(st.booleans()) else None
    shared: tuple[SharedDuties, ...] = ()
    child_ids = [c.id for c in children if c.id is not None]
    if child_ids and draw(st.booleans()):
        picked = draw(st.lists(st.sampled_from(child_ids), min_size=1, max_size=2, unique=True))
        shared = (
            SharedDuties(
                sections=tuple(Ref(target=i, by="id") for i in picked),
                duties=tuple(draw(st.lists(duties, max_size=2))),
                id=f"s{next(ids)}" if draw(st.booleans()) else None,
                intro=draw(st.none() | texts),
            ),
        )
    return Unit(
        name=draw(names),
        id=unit_id,
        kind=kind,
        kind_label=label,
        rank=draw(st.none() | st.sampled_from(["處級", "科級", "正处级", "副厅级", "科級建制", "大级"])),
        number=draw(st.none() | small),
        superior=draw(st.none() | external_refs) if not nested else None,
        section_rank=draw(st.none() | st.sampled_from(["科級", "处级"])),
        per_regulations=draw(st.booleans()),
        funding=draw(st.none() | names),
        basis=tuple(draw(st.lists(bases, max_size=2))),
        plaques=tuple(draw(st.lists(plaques, max_size=2))),
        relations=tuple(draw(st.lists(relations, max_size=2))),
        stated=tuple(draw(st.lists(stated, max_size=2))),
        duties=tuple(draw(st.lists(duties, max_size=3))),
        shared_duties=shared,
        function_changes=tuple(draw(st.lists(changes, max_size=2))),
        units=tuple(children),
        quotas=tuple(draw(st.lists(quotas, max_size=2))),
        posts=tuple(draw(st.lists(st.one_of(posts, groups), max_size=3))),
        members=tuple(draw(st.lists(members, max_size=2))),
        history=tuple(draw(st.lists(events(), max_size=2))),
        notes=draw(notes),
    )


@st.composite
def specs(draw: st.DrawFn, max_depth: int = 2) -> Spec:
    """Generate a spec the language can state: unique ids, resolvable references."""
    ids = itertools.count()
    bodies = draw(st.lists(units(max_depth, ids, False), min_size=0, max_size=3))
    return Spec(
        bodies=tuple(bodies),
        history=tuple(draw(st.lists(events(), max_size=2))),
        notes=draw(notes),
    )


# ---- text ----------------------------------------------------------------------
KEYWORDS = ["body", "section", "office", "institution", "kind", "rank", "plaque", "duties", "duty", "quota",
            "posts", "post", "group", "includes", "history", "event", "stated", "note", "basis", "hosts",
            "shared-duties", "sections", "members", "member", "unknown-thing"]  # fmt: skip
TOKENS = [*KEYWORDS, "{", "}", ";", "\n", '"外事辦"', '"a\\"b"', "21", "-3", "２１", "2019-02-30", "2018-03",
          "@x", '@"名"', "separately", "unreadable", "#c\n", '"unclosed', "\x00", "人", "\r\n", "\ufeff"]  # fmt: skip
spec_like_text = st.lists(st.sampled_from(TOKENS), max_size=60).map(" ".join)
