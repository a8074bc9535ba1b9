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
    ActualStaff,
    Ambiguity,
    Basis,
    BodyClass,
    Choice,
    ClassTotal,
    Count,
    Coverage,
    CutOff,
    Duty,
    Event,
    EventKind,
    Excerpt,
    FunctionChange,
    FunctionChangeKind,
    Holder,
    Member,
    OtherStatement,
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
    ShortName,
    Spec,
    StatedCount,
    Unit,
    UnitKind,
)
from orgspec.model.vocab import EVENT_VERBS, FUNCTION_VERBS, KIND_LABELS

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
    texts.map(Count.cut_off),
    st.builds(lambda a, b, t: Count.between(min(a, b), max(a, b), t), small, small, texts),
    st.builds(lambda h, t: Count.between(None, h, t), small, texts),
    st.builds(lambda lo, t: Count.between(lo, None, t), small, texts),
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
    until=st.none() | partial_dates(),
    period=st.none() | texts,
    item=st.none() | st.integers(min_value=1, max_value=40),
    basis=st.lists(bases, max_size=1).map(tuple),
    notes=notes,
).flatmap(
    # only a 合署 (colocated) relation may say the pair's parts are listed here (joint)
    lambda r: (
        st.just(r)
        if r.kind is not RelationKind.COLOCATED
        else st.builds(lambda j: r.model_copy(update={"joint": j}), st.booleans())
    )
)
parts = (
    st.builds(
        QuotaPart,
        relation=st.sampled_from(["includes", "excludes"]),
        count=counts,
        label=st.none() | names,
        category=st.none() | st.sampled_from(list(QuotaCategory)),
        unit=st.none() | external_refs,
        funding=st.none() | names,
    )
    .flatmap(
        # a part is for one unit, or for each of several (各4名)
        lambda p: (
            st.just(p)
            if p.unit is not None
            else st.builds(lambda e: p.model_copy(update={"each": tuple(e)}), st.lists(external_refs, max_size=3))
        )
    )
    .flatmap(
        # a category in the document's words is a category the vocabulary does not know (other)
        lambda p: (
            st.just(p)
            if p.category is not QuotaCategory.OTHER
            else st.builds(
                lambda w: p.model_copy(update={"category_label": w}), st.none() | st.sampled_from(["事业工勤编制"])
            )
        )
    )
)
others = st.builds(OtherStatement, count=counts, text=st.none() | texts, source=st.none() | names)
class_totals = st.builds(ClassTotal, bodies=counts, count=counts, text=st.none() | texts, actual=st.booleans())
body_classes = st.builds(
    BodyClass,
    count=counts,
    text=st.none() | texts,
    source=st.none() | names,
    parts=st.lists(parts.map(lambda p: p.model_copy(update={"relation": "includes", "unit": None})), max_size=2).map(
        tuple
    ),
    complete=st.booleans(),
    members=st.lists(external_refs, max_size=2).map(tuple),
    placeholder=st.none() | st.sampled_from(["××", "XX"]),
    also=st.lists(others, max_size=1).map(tuple),
    notes=notes,
)
#: The document's own names of pools of no known category: two pools, one of them in either script.
pool_words = st.sampled_from(["专职干部", "人员编制", "專職幹部"])
quotas = st.builds(
    Quota,
    category=st.sampled_from(list(QuotaCategory)),
    count=counts,
    label=st.none() | names,
    parts=st.lists(parts, max_size=2).map(tuple),
    complete=st.booleans(),
    funding=st.none() | names,
    phasing_out=st.none() | texts,
    provisional=st.booleans(),
    funded_as=st.none() | st.sampled_from([c for c in QuotaCategory if c is not QuotaCategory.OTHER]),
    as_of=st.none() | partial_dates(),
    source=st.none() | names,
    also=st.lists(others, max_size=1).map(tuple),
    across=st.lists(class_totals, max_size=1).map(tuple),
    over=st.lists(external_refs, max_size=2).map(tuple),
    notes=notes,
).flatmap(
    # a pool of no known category, perhaps in the document's words (two quotas of other: two pools)
    lambda q: (
        st.just(q)
        if q.category is not QuotaCategory.OTHER
        else st.builds(lambda w: q.model_copy(update={"category_label": w}), st.none() | pool_words)
    )
)
include_parts = parts.map(lambda p: p.model_copy(update={"relation": "includes"}))


def _holder_as_written(h: Holder) -> Holder:
    """Keep the combinations the language writes: unstated only without a title, of only after either."""
    unstated = h.concurrent_unstated and h.concurrent is None
    of = h.concurrent_of if (h.concurrent is not None or unstated) else None
    return h.model_copy(update={"concurrent_unstated": unstated, "concurrent_of": of})


posts = st.builds(
    Post,
    title=names,
    count=counts,
    role=st.none() | st.sampled_from(["chief", "deputy"]),
    concurrent=st.none() | names,
    rank=st.none() | st.sampled_from(["副处级", "副部長級"]),
    approved_separately=st.booleans(),
    optional=st.none() | texts,
    holder=st.none() | names,
    actual=st.none() | counts,
    held_by=st.none() | names,
    holders=st.lists(
        st.builds(
            Holder,
            person=names,
            concurrent=st.none() | names,
            concurrent_unstated=st.booleans(),
            concurrent_of=st.none() | external_refs,
            since=st.none() | partial_dates(),
            until=st.none() | partial_dates(),
            notes=notes,
        ).map(_holder_as_written),
        max_size=2,
    ).map(tuple),
    across=st.lists(class_totals, max_size=1).map(tuple),
    parts=st.lists(include_parts, max_size=1).map(tuple),
    notes=notes,
)
actual_staff = st.builds(
    ActualStaff,
    category=st.none() | st.sampled_from(list(QuotaCategory)),
    count=counts,
    label=st.none() | names,
    as_of=st.none() | partial_dates(),
    parts=st.lists(include_parts, max_size=2).map(tuple),
    notes=notes,
)
groups = st.builds(
    PostGroup,
    title=st.none() | names,
    count=counts,
    for_sections=st.booleans(),
    actual=st.none() | counts,
    since=st.none() | partial_dates(),
    until=st.none() | partial_dates(),
    period=st.none() | texts,
    posts=st.lists(posts, max_size=3).map(tuple),
    across=st.lists(class_totals, max_size=1).map(tuple),
    parts=st.lists(include_parts, max_size=1).map(tuple),
    notes=notes,
)
#: Duty texts: any, or one of a few, so that a list states a text twice and two units share one.
duty_texts = st.one_of(texts, st.sampled_from(["负责甲。", "负责乙。"]))
duties = st.builds(Duty, text=duty_texts, number=st.none() | small, id=st.none(), cut_off=st.booleans())
cut_offs = st.builds(
    CutOff,
    what=st.sampled_from(["page", "sections", "duties", "posts", "relations", "text"]),
    text=st.none() | texts,
)
excerpts = st.builds(
    Excerpt,
    what=st.sampled_from(["sections", "duties", "members", "text"]),
    text=st.none() | texts,
)
changes = st.sampled_from(list(FunctionChangeKind)).flatmap(
    lambda kind: st.builds(
        FunctionChange,
        kind=st.just(kind),
        text=texts,
        counterpart=st.none() | external_refs,
        number=st.none() | small,
        verb=st.none() | st.sampled_from(FUNCTION_VERBS.get(kind.value, ()) or (None,)),
        item=st.none() | st.integers(min_value=1, max_value=40),
    )
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
    what=st.sampled_from(["sections", "duties", "institutions", "members", "subordinates", "bodies"]),
    count=counts,
    text=st.none() | texts,
    unlisted=st.none() | counts,
    unlisted_text=st.none(),
    until=st.none() | partial_dates(),
)
choices = st.builds(
    Choice, count=counts, text=st.none() | texts, units=st.lists(external_refs, min_size=1, max_size=3).map(tuple)
)
quota_totals = st.builds(StatedCount, what=st.just("quota"), count=counts, text=st.none() | texts)
counts_over = st.builds(
    StatedCount,
    what=st.sampled_from(["sections", "institutions"]),
    count=counts,
    text=st.none() | texts,
    unlisted=st.none() | counts,
    over=st.lists(external_refs, min_size=1, max_size=2).map(tuple),
    parts=st.lists(parts.map(lambda p: p.model_copy(update={"relation": "includes", "unit": None})), max_size=2).map(
        tuple
    ),
    complete=st.booleans(),
)
coverages = st.builds(
    Coverage, areas=st.lists(names, min_size=1, max_size=3).map(tuple), each=st.booleans(), notes=notes
)
member_counts = st.builds(
    StatedCount,
    what=st.just("members"),
    count=counts,
    text=st.none() | texts,
    role=st.none() | st.sampled_from(["成員", "成员"]),
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
        "item": draw(st.none() | st.integers(min_value=1, max_value=40)),
        "verb": draw(st.none() | st.sampled_from(EVENT_VERBS.get(kind.value, ()) or (None,))),
        "period": draw(st.none() | texts),
    }
    if kind in (EventKind.ESTABLISHED, EventKind.REESTABLISHED):  # what the 组建 sentence says of the body
        fields["stated_as"] = draw(st.none() | st.sampled_from(["国务院组成部门", "中央金融委员会的办事机构"]))
        fields["stated_rank"] = draw(st.none() | st.sampled_from(["正处级建制", "正部級"]))
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
def units(
    draw: st.DrawFn,
    depth: int,
    ids: Any,
    nested: bool,
    *,
    all_ids: bool = False,
    min_children: int = 0,
    lean: bool = False,
) -> Unit:
    """Generate a unit and its subtree; ``all_ids`` gives every unit an id, ``min_children`` (when
    ``depth`` > 0) the least number of child units of this one.

    ``lean`` draws only what the diff matches and compares most (name, id, kind, rank, a few duties,
    plaques, quotas and posts): wide trees then fit hypothesis's budget for one example instead of
    being rejected as too large, which made the structural laws slow and rarely reached.
    """
    kind, label = draw(st.sampled_from(_KIND_CHOICES))
    if not nested and draw(st.booleans()):
        kind, label = None, None
    children: list[Unit] = []
    if depth > 0:
        children = draw(
            st.lists(
                units(depth - 1, ids, True, all_ids=all_ids, lean=lean),
                min_size=min_children,
                max_size=max(3, min_children),
            )
        )
    unit_id = f"u{next(ids)}" if all_ids or draw(st.booleans()) else None
    if lean:
        return Unit(
            name=draw(names),
            id=unit_id,
            kind=kind,
            kind_label=label,
            rank=draw(st.none() | st.sampled_from(["處級", "科級", "正处级"])),
            plaques=tuple(draw(st.lists(plaques, max_size=1))),
            duties=tuple(draw(st.lists(duties, max_size=2))),
            units=tuple(children),
            quotas=tuple(draw(st.lists(quotas, max_size=1))),
            posts=tuple(draw(st.lists(posts, max_size=1))),
        )
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
    as_of = draw(st.none() | partial_dates())
    rank_as = draw(st.none() | external_refs)
    number = draw(st.none() | small)
    number_to = (
        number + draw(st.integers(min_value=1, max_value=4)) if number is not None and draw(st.booleans()) else None
    )
    return Unit(
        name=draw(names),
        id=unit_id,
        kind=kind,
        kind_label=label,
        rank=draw(st.none() | st.sampled_from(["處級", "科級", "正处级", "副厅级", "科級建制", "大级"])),
        number=number,
        number_to=number_to,
        superior=draw(st.none() | external_refs) if not nested else None,
        section_rank=draw(st.none() | st.sampled_from(["科級", "处级"])),
        per_regulations=draw(st.booleans()),
        outside_count=draw(st.booleans()),
        optional=draw(st.none() | texts),
        group_header=draw(st.booleans()),
        choices=tuple(draw(st.lists(choices, max_size=1))),
        funding=draw(st.none() | names),
        cut_off=tuple(draw(st.lists(cut_offs, max_size=2))),
        excerpt=tuple(draw(st.lists(excerpts, max_size=1))),
        ambiguous=tuple(
            draw(
                st.lists(
                    st.builds(
                        Ambiguity,
                        what=st.sampled_from(["quota-owner", "posts-pool", "part-inside", "count"]),
                        text=texts,
                    ),
                    max_size=1,
                )
            )
        ),
        stands_for=draw(st.none() | body_classes),
        covers=draw(st.none() | coverages),
        rank_as=rank_as,
        rank_as_text=draw(st.none() | texts) if rank_as is not None else None,
        as_of=as_of,
        as_of_text=draw(st.none() | texts) if as_of is not None else None,
        basis=tuple(draw(st.lists(bases, max_size=2))),
        plaques=tuple(draw(st.lists(plaques, max_size=2))),
        short_names=tuple(draw(st.lists(st.builds(ShortName, name=names, text=st.none() | texts), max_size=2))),
        relations=tuple(draw(st.lists(relations, max_size=2))),
        stated=tuple(draw(st.lists(stated | member_counts | quota_totals | counts_over, max_size=2))),
        duties=tuple(draw(st.lists(duties, max_size=3))),
        shared_duties=shared,
        function_changes=tuple(draw(st.lists(changes, max_size=2))),
        units=tuple(children),
        quotas=tuple(draw(st.lists(quotas, max_size=2))),
        actual=tuple(draw(st.lists(actual_staff, max_size=2))),
        posts=tuple(draw(st.lists(st.one_of(posts, groups), max_size=3))),
        members=tuple(draw(st.lists(members, max_size=2))),
        history=tuple(draw(st.lists(events(), max_size=2))),
        notes=draw(notes),
    )


@st.composite
def specs(
    draw: st.DrawFn,
    max_depth: int = 2,
    *,
    all_ids: bool = False,
    min_bodies: int = 0,
    min_children: int = 0,
    lean: bool = False,
) -> Spec:
    """Generate a spec the language can state: unique ids, resolvable references.

    ``all_ids`` gives every unit an id; ``min_bodies`` is the least number of bodies and
    ``min_children`` the least number of child units of each body (when ``max_depth`` > 0);
    ``lean`` as for ``units``, and no spec-level history or notes.
    """
    ids = itertools.count()
    bodies = draw(
        st.lists(
            units(max_depth, ids, False, all_ids=all_ids, min_children=min_children, lean=lean),
            min_size=min_bodies,
            max_size=max(3, min_bodies),
        )
    )
    if lean:
        return Spec(bodies=tuple(bodies))
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


# ---- edits: "b from a", for the laws of the diff ------------------------------------
def _flat(spec: Spec) -> list[tuple[int, ...]]:
    out: list[tuple[int, ...]] = []

    def walk(units_: tuple[Unit, ...], path: tuple[int, ...]) -> None:
        for i, u in enumerate(units_):
            out.append((*path, i))
            walk(u.units, (*path, i))

    walk(spec.bodies, ())
    return out


def _get(spec: Spec, path: tuple[int, ...]) -> Unit:
    unit = spec.bodies[path[0]]
    for i in path[1:]:
        unit = unit.units[i]
    return unit


def _replace(spec: Spec, path: tuple[int, ...], new: Unit | None) -> Spec:
    """Return ``spec`` with the unit at ``path`` replaced (or removed when ``new`` is None)."""

    def fix(units_: tuple[Unit, ...], rest: tuple[int, ...]) -> tuple[Unit, ...]:
        i = rest[0]
        if len(rest) == 1:
            return units_[:i] + ((new,) if new is not None else ()) + units_[i + 1 :]
        inner = units_[i].model_copy(update={"units": fix(units_[i].units, rest[1:])})
        return (*units_[:i], inner, *units_[i + 1 :])

    return spec.model_copy(update={"bodies": fix(spec.bodies, path)})


def _insert(spec: Spec, path: tuple[int, ...] | None, unit: Unit, at: int) -> Spec:
    if path is None:
        bodies = list(spec.bodies)
        bodies.insert(min(at, len(bodies)), unit)
        return spec.model_copy(update={"bodies": tuple(bodies)})
    parent = _get(spec, path)
    kids = list(parent.units)
    kids.insert(min(at, len(kids)), unit.model_copy(update={"kind": unit.kind or UnitKind.SECTION}))
    return _replace(spec, path, parent.model_copy(update={"units": tuple(kids)}))


def _numbers_in_ids(spec: Spec) -> list[int]:
    """Return the numbers of the generated ids (``u12``, ``s3``) used anywhere in ``spec``."""
    found = [u.id for u in spec.walk()] + [s.id for u in spec.walk() for s in u.shared_duties]
    return [int(i[1:]) for i in found if i is not None and i[:1] in "us" and i[1:].isdigit()]


@st.composite
def edited(draw: st.DrawFn, spec: Spec, all_ids: bool = False) -> Spec:
    """Generate a spec made from ``spec`` by a few edits: rename, move, add, remove, duties, plaques, quotas, posts.

    A duty may be stated a second time and the list put in another order; a pool of no known category
    may be named in other words (专职干部 → 人员编制).

    Added units get ids no other unit of the result has (every added unit has one when ``all_ids``).
    """
    fresh = itertools.count(max(_numbers_in_ids(spec), default=0) + 1)
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        paths = _flat(spec)
        kind = draw(st.sampled_from(["rename", "move", "add", "remove", "duties", "plaques", "quotas", "posts",
                                     "shuffle", "rank", "notes", "outside", "handover", "pools"]))  # fmt: skip
        if kind == "add" or not paths:
            unit = draw(units(0, fresh, True, all_ids=all_ids))
            where = draw(st.none() | st.sampled_from(paths)) if paths else None
            spec = _insert(spec, where, unit, draw(st.integers(0, 4)))
            continue
        path = draw(st.sampled_from(paths))
        unit = _get(spec, path)
        if kind == "rename":
            spec = _replace(spec, path, unit.model_copy(update={"name": draw(names)}))
        elif kind == "remove":
            spec = _replace(spec, path, None)
        elif kind == "outside" and unit.duties and not unit.units:  # 分设 or 划出 to a body outside the spec
            went = unit.duties[-1].text
            if draw(st.booleans()):  # the unit is split, a successor outside the spec taking a duty
                split = [
                    Event(kind=EventKind.SPLIT, target=Ref(target=unit.name), after=other, duties=(went,) * (i == 0))
                    for i, other in enumerate(("外部局", "外部处"))
                ]
                spec = _replace(spec, path, None).model_copy(update={"history": (*spec.history, *split)})
            else:  # the duty is transferred to a body outside the spec
                event = Event(kind=EventKind.DUTIES_TRANSFERRED, after="外部局", duties=(went,))
                update = {"duties": unit.duties[:-1], "history": (*unit.history, event)}
                spec = _replace(spec, path, unit.model_copy(update=update))
        elif kind == "handover":  # 交由…承担: duties no spec lists, given to an executor outside the spec
            event = Event(kind=EventKind.DUTIES_TRANSFERRED, after="综合执法队伍", duties=(draw(texts),), verb="交由")
            spec = _replace(spec, path, unit.model_copy(update={"history": (*unit.history, event)}))
        elif kind == "move":
            spec = _replace(spec, path, None)
            targets = list(_flat(spec))
            where = draw(st.none() | st.sampled_from(targets)) if targets else None
            spec = _insert(spec, where, unit, draw(st.integers(0, 4)))
        elif kind == "duties":
            ds = list(unit.duties)
            if ds and draw(st.booleans()):  # a duty stated again elsewhere in the list
                ds.insert(draw(st.integers(0, len(ds))), ds[draw(st.integers(0, len(ds) - 1))])
            if ds and draw(st.booleans()):
                ds.pop(draw(st.integers(0, len(ds) - 1)))
            if draw(st.booleans()):  # the list in another order, alone or with the other edits
                ds = list(draw(st.permutations(ds)))
            if draw(st.booleans()):
                ds.insert(draw(st.integers(0, len(ds))), draw(duties))
            if ds and draw(st.booleans()):
                i = draw(st.integers(0, len(ds) - 1))
                ds[i] = ds[i].model_copy(update={"text": draw(texts)})
            spec = _replace(spec, path, unit.model_copy(update={"duties": tuple(ds)}))
        elif kind == "plaques":
            ps = list(unit.plaques)
            if ps and draw(st.booleans()):
                ps.pop()
            else:
                ps.insert(draw(st.integers(0, len(ps))), draw(plaques))
            spec = _replace(spec, path, unit.model_copy(update={"plaques": tuple(ps)}))
        elif kind == "quotas":
            spec = _replace(spec, path, unit.model_copy(update={"quotas": tuple(draw(st.lists(quotas, max_size=2)))}))
        elif kind == "pools":  # a pool of no known category named in other words (专职干部 → 人员编制), or added
            qs = [
                q.model_copy(update={"category_label": draw(st.none() | pool_words)})
                if q.category is QuotaCategory.OTHER
                else q
                for q in unit.quotas
            ]
            if not any(q.category is QuotaCategory.OTHER for q in qs):
                qs.append(Quota(category=QuotaCategory.OTHER, count=draw(counts), category_label=draw(pool_words)))
            spec = _replace(spec, path, unit.model_copy(update={"quotas": tuple(qs)}))
        elif kind == "posts":
            items = tuple(draw(st.lists(st.one_of(posts, groups), max_size=3)))
            spec = _replace(spec, path, unit.model_copy(update={"posts": items}))
        elif kind == "shuffle":
            kids = draw(st.permutations(unit.units)) if unit.units else []
            spec = _replace(spec, path, unit.model_copy(update={"units": tuple(kids)}))
        elif kind == "rank":
            spec = _replace(spec, path, unit.model_copy(update={"rank": draw(st.none() | names)}))
        else:
            spec = _replace(spec, path, unit.model_copy(update={"notes": draw(notes)}))
    return spec


@st.composite
def spec_pairs(
    draw: st.DrawFn,
    max_depth: int = 2,
    *,
    all_ids: bool = False,
    min_bodies: int = 0,
    min_children: int = 0,
    lean: bool = False,
) -> tuple[Spec, Spec]:
    """Generate (a, b): a spec and an edited copy of it (the keywords as for ``specs``)."""
    a = draw(specs(max_depth, all_ids=all_ids, min_bodies=min_bodies, min_children=min_children, lean=lean))
    return a, draw(edited(a, all_ids))


# ---- histories: a base spec and dated events applied forward, for the laws of as_of --------
@st.composite
def histories(draw: st.DrawFn) -> tuple[Spec, list[tuple[str | None, Event]]]:
    """Generate a base spec (bodies with ids, no history) and consistent dated events on it.

    Each event is (owner body id, event), or (None, event) for a spec-level establish or
    abolish of a body; years increase strictly, so the order is the time order.
    """
    base = draw(specs(max_depth=1))
    bodies = tuple(
        b.model_copy(update={"id": f"b{i}", "history": (), "units": tuple(u.model_copy(update={"history": ()})
                                                                          for u in b.units)})
        for i, b in enumerate(base.bodies)
    )  # fmt: skip
    base = base.model_copy(update={"bodies": bodies, "history": ()})
    state = {b.id: b for b in bodies}
    made: list[str] = []
    out: list[tuple[str | None, Event]] = []
    year = 1980
    for i in range(draw(st.integers(min_value=0, max_value=6))):
        year += draw(st.integers(min_value=1, max_value=3))
        date = PartialDate(year=year, month=draw(st.none() | st.integers(1, 12)))
        choices = ["established"] + (["abolished", "interim"] if made else [])
        until = PartialDate(year=year, month=12, day=31)  # an interim period ends before the next event
        if state:
            choices += ["renamed", "plaque-added", "plaque-removed", "hosted", "unhosted", "rank-changed",
                        "kind-changed", "moved", "quota-changed", "interim-plaque", "quota-transferred", "kept",
                        "members-adjusted"]  # fmt: skip
        kind = draw(st.sampled_from(choices))
        if kind == "established":
            name = f"新机构{i}"
            made.append(name)
            out.append((None, Event(kind=EventKind.ESTABLISHED, date=date, target=Ref(target=name, by="name"))))
            continue
        if kind in ("abolished", "interim"):  # interim: kept for a period (过渡期), gone at its end
            name = draw(st.sampled_from(made))
            made.remove(name)
            how = {"until": until} if kind == "interim" else {}
            out.append((None, Event(kind=EventKind(kind), date=date, target=Ref(target=name, by="name"), **how)))
            continue
        bid = draw(st.sampled_from(sorted(state)))
        b = state[bid]
        event: Event | None = None
        if kind in ("kept", "members-adjusted"):  # 保留, 调整充实: recorded, the state is unchanged
            event = Event(kind=EventKind(kind), date=date, period=draw(st.none() | st.just("日前")))
        elif kind == "renamed":
            event = Event(kind=EventKind.RENAMED, date=date, before=b.name, after=f"名称{i}")
            b = b.model_copy(update={"name": f"名称{i}"})
        elif kind == "plaque-added":
            event = Event(kind=EventKind.PLAQUE_ADDED, date=date, plaque=f"牌子{i}")
            b = b.model_copy(update={"plaques": (*b.plaques, Plaque(name=f"牌子{i}"))})
        elif kind in ("plaque-removed", "interim-plaque") and any(p.name.startswith("牌子") for p in b.plaques):
            p = next(p for p in b.plaques if p.name.startswith("牌子"))
            if kind == "interim-plaque":  # 暂保留…牌子至…
                event = Event(kind=EventKind.INTERIM, date=date, until=until, plaque=p.name)
            else:
                event = Event(kind=EventKind.PLAQUE_REMOVED, date=date, plaque=p.name)
            b = b.model_copy(update={"plaques": tuple(x for x in b.plaques if x is not p)})
        elif kind == "hosted":
            event = Event(kind=EventKind.HOSTED, date=date, target=Ref(target=f"办公室{i}", by="name"))
            b = b.model_copy(update={"relations": (*b.relations, Relation(kind=RelationKind.HOSTS,
                                                                          target=Ref(target=f"办公室{i}", by="name")))})  # fmt: skip
        elif kind == "unhosted" and any(r.target.target.startswith("办公室") for r in b.relations):
            r = next(r for r in b.relations if r.target.target.startswith("办公室"))
            event = Event(kind=EventKind.UNHOSTED, date=date, target=r.target)
            b = b.model_copy(update={"relations": tuple(x for x in b.relations if x is not r)})
        elif kind == "rank-changed" and b.rank is not None:
            event = Event(kind=EventKind.RANK_CHANGED, date=date, before=b.rank, after=f"级{i}")
            b = b.model_copy(update={"rank": f"级{i}"})
        elif kind == "kind-changed" and b.kind is not None:
            new_kind = draw(st.sampled_from([k for k in UnitKind if k is not UnitKind.OTHER]))
            event = Event(kind=EventKind.KIND_CHANGED, date=date, before=b.kind_label or b.kind.value,
                          after=new_kind.value)  # fmt: skip
            b = b.model_copy(update={"kind": new_kind, "kind_label": None})
        elif kind == "moved" and b.superior is not None:
            event = Event(kind=EventKind.MOVED, date=date, before=b.superior.target, after=f"上级{i}")
            b = b.model_copy(update={"superior": Ref(target=f"上级{i}")})
        elif kind == "quota-changed" and b.quotas and len({q.category for q in b.quotas}) == len(b.quotas):
            q = b.quotas[0]
            after = Count.of(draw(small))
            event = Event(kind=EventKind.QUOTA_CHANGED, date=date, category=q.category, count_before=q.count,
                          count_after=after)  # fmt: skip
            b = b.model_copy(update={"quotas": (q.model_copy(update={"count": after}), *b.quotas[1:])})
        elif kind == "quota-transferred" and b.quotas and len({q.category for q in b.quotas}) == len(b.quotas):
            q = b.quotas[0]  # a figure given to a body outside the spec (将…N名…编制划入…)
            if q.count.known and q.count.value:
                n = draw(st.integers(1, q.count.value))
                event = Event(kind=EventKind.QUOTA_TRANSFERRED, date=date, category=q.category, after="外部局",
                              count_after=Count.of(n))  # fmt: skip
                b = b.model_copy(update={"quotas": (q.model_copy(update={"count": Count.of(q.count.value - n)}),
                                                    *b.quotas[1:])})  # fmt: skip
        if event is not None:
            state[bid] = b
            out.append((bid, event))
    return base, out
