"""Model to syntax nodes: the exact inverse of :mod:`orgspec.lowering.lower` for valid models.

``orgspec.dumps`` is ``print_statements(unlower(spec))``; the law
``loads(dumps(m)) == m`` is property-tested.

Imports: :mod:`orgspec.model`, :mod:`orgspec.syntax.nodes`, :mod:`orgspec.source`.
"""

from __future__ import annotations

from collections.abc import Iterable

from orgspec.model.units import (
    ActualStaff,
    BodyClass,
    ClassTotal,
    Duty,
    Event,
    EventKind,
    Holder,
    OtherStatement,
    Plaque,
    Post,
    PostGroup,
    Quota,
    QuotaPart,
    Relation,
    Spec,
    Unit,
)
from orgspec.model.values import Basis, Count, CountStatus, PartialDate, QuotaCategory, Ref, UnitKind
from orgspec.source import Span
from orgspec.syntax.nodes import Arg, ArgKind, Stmt

__all__ = ["unlower"]

_NO = Span(0, 0)


def _s(value: str) -> Arg:
    return Arg(ArgKind.STRING, value, _NO)


def _w(word: str) -> Arg:
    return Arg(ArgKind.IDENT, word, _NO)


def _i(value: int) -> Arg:
    return Arg(ArgKind.INT, str(value), _NO)


def _d(date: PartialDate) -> Arg:
    text = str(date)
    return Arg(ArgKind.INT if date.month is None else ArgKind.DATE, text, _NO)


def _ref(ref: Ref) -> Arg:
    if ref.by == "id":
        return Arg(ArgKind.REF, ref.target, _NO)
    if ref.by == "name":
        return Arg(ArgKind.NAMEREF, ref.target, _NO)
    return _s(ref.target)


def _count(count: Count) -> list[Arg]:
    if count.status is CountStatus.NUMBER:
        return [_i(count.value or 0)]
    if count.status is CountStatus.UNREADABLE or count.status is CountStatus.CUT_OFF:
        return [_w(count.status.value), _s(count.text or "")]
    if count.status is CountStatus.RANGE:
        if count.value is not None and count.high is not None:
            return [_w("between"), _i(count.value), _i(count.high), _s(count.text or "")]
        if count.high is not None:
            return [_w("at-most"), _i(count.high), _s(count.text or "")]
        return [_w("at-least"), _i(count.value or 0), _s(count.text or "")]
    return [_w(count.status.value)]


def _st(keyword: str, args: Iterable[Arg] = (), block: Iterable[Stmt] | None = None) -> Stmt:
    return Stmt(keyword, _NO, tuple(args), tuple(block) if block is not None else None, _NO)


def _notes(notes: Iterable[str]) -> list[Stmt]:
    return [_st("note", [_s(n)]) for n in notes]


def _basis(b: Basis) -> Stmt:
    block: list[Stmt] = []
    if b.title is not None:
        block.append(_st("title", [_s(b.title)]))
    if b.issuer is not None:
        block.append(_st("issuer", [_s(b.issuer)]))
    if b.date is not None:
        block.append(_st("date", [_d(b.date)]))
    if b.note is not None:
        block.append(_st("note", [_s(b.note)]))
    args = [_s(b.number)] if b.number is not None else []
    return _st("basis", args, block or None)


def _plaque(p: Plaque) -> Stmt:
    block: list[Stmt] = []
    if p.form is not None:
        block.append(_st("form", [_s(p.form)]))
    if p.since is not None:
        block.append(_st("since", [_d(p.since)]))
    block += [_basis(b) for b in p.basis] + _notes(p.notes)
    return _st("plaque", [_s(p.name)], block or None)


def _relation(r: Relation) -> Stmt:
    block: list[Stmt] = []
    block += [_st(k, [_d(v)]) for k, v in (("since", r.since), ("until", r.until)) if v is not None]
    if r.period is not None:
        block.append(_st("period", [_s(r.period)]))
    if r.joint:
        block.append(_st("joint"))
    if r.item is not None:
        block.append(_st("item", [_i(r.item)]))
    block += [_basis(b) for b in r.basis] + _notes(r.notes)
    return _st(r.kind.value, [_ref(r.target)], block or None)


def _duty(d: Duty) -> Stmt:
    args: list[Arg] = []
    if d.number is not None:
        args.append(_i(d.number))
    if d.id is not None:
        args.append(_w(d.id))
    args.append(_s(d.text))
    if d.cut_off:
        args.append(_w("cut-off"))
    return _st("duty", args)


def _part(p: QuotaPart) -> Stmt:
    args: list[Arg] = []
    if p.category_label is not None:
        args.append(_s(p.category_label))
    elif p.category is not None:
        args.append(_w(p.category.value))
    args += _count(p.count)
    if p.label is not None:
        args.append(_s(p.label))
    if p.unit is not None:
        args += [_w("for"), _ref(p.unit)]
    if p.each:
        args += [_w("each"), *(_ref(r) for r in p.each)]
    block = [_st("funding", [_s(p.funding)])] if p.funding is not None else None
    return _st(p.relation, args, block)


def _quota(q: Quota) -> Stmt:
    # the document's own name of a pool of no known category (总编制) stands where the keyword would
    if q.category is QuotaCategory.OTHER and q.category_label is not None:
        head = _s(q.category_label)
    else:
        head = _w(q.category.value)
    args: list[Arg] = [head, *_count(q.count)]
    if q.label is not None:
        args.append(_s(q.label))
    block = [_part(p) for p in q.parts]
    if q.complete:
        block.append(_st("complete"))
    if q.funding is not None:
        block.append(_st("funding", [_s(q.funding)]))
    if q.phasing_out is not None:
        block.append(_st("phasing-out", [_s(q.phasing_out)]))
    if q.funded_as is not None:
        block.append(_st("funded-as", [_w(q.funded_as.value)]))
    if q.provisional:
        block.append(_st("provisional"))
    if q.as_of is not None:
        block.append(_st("as-of", [_d(q.as_of)]))
    if q.source is not None:
        block.append(_st("source", [_s(q.source)]))
    block += [_also(o) for o in q.also] + [_across(t) for t in q.across]
    if q.over:
        block.append(_st("over", [_ref(r) for r in q.over]))
    block += _notes(q.notes)
    return _st("quota", args, block or None)


def _also(o: OtherStatement) -> Stmt:
    args = _count(o.count)
    if o.text is not None:
        args.append(_s(o.text))
    if o.source is not None:
        args += [_w("source"), _s(o.source)]
    return _st("also", args)


def _across(t: ClassTotal) -> Stmt:
    args = [*_count(t.bodies), *_count(t.count)]
    if t.text is not None:
        args.append(_s(t.text))
    if t.actual:
        args.append(_w("actual"))
    return _st("across", args)


def _class(c: BodyClass) -> Stmt:
    args = _count(c.count)
    if c.text is not None:
        args.append(_s(c.text))
    block: list[Stmt] = []
    if c.source is not None:
        block.append(_st("source", [_s(c.source)]))
    block += [_part(p) for p in c.parts]
    if c.complete:
        block.append(_st("complete"))
    block += [_st("member", [_ref(m)]) for m in c.members]
    if c.placeholder is not None:
        block.append(_st("placeholder", [_s(c.placeholder)]))
    block += [_also(o) for o in c.also]
    block += _notes(c.notes)
    return _st("stands-for", args, block or None)


def _post(p: Post) -> Stmt:
    args: list[Arg] = [_s(p.title), *_count(p.count)]
    if p.role is not None:
        args.append(_w(p.role))
    if p.approved_separately:
        args.append(_w("approved-separately"))
    if p.concurrent is not None:
        args += [_w("concurrent"), _s(p.concurrent)]
    if p.held_by is not None:
        args += [_w("held-by"), _s(p.held_by)]
    if p.rank is not None:
        args += [_w("rank"), _s(p.rank)]
    if p.holder is not None:
        args += [_w("holder"), _s(p.holder)]
    block = [_part(x) for x in p.parts]
    if p.actual is not None:
        block.append(_st("actual", _count(p.actual)))
    if p.optional is not None:
        block.append(_st("optional", [_s(p.optional)]))
    block += [_holder(h) for h in p.holders] + [_across(t) for t in p.across] + _notes(p.notes)
    return _st("post", args, block or None)


def _holder(h: Holder) -> Stmt:
    args = [_s(h.person)]
    if h.concurrent is not None:
        args += [_w("concurrent"), _s(h.concurrent)]
    elif h.concurrent_unstated:
        args += [_w("concurrent"), _w("unstated")]
    if h.concurrent_of is not None:
        args += [_w("of"), _ref(h.concurrent_of)]
    block = [_st(k, [_d(v)]) for k, v in (("since", h.since), ("until", h.until)) if v is not None]
    block += _notes(h.notes)
    return _st("holder", args, block or None)


def _actual(a: ActualStaff) -> Stmt:
    args: list[Arg] = [_w(a.category.value)] if a.category is not None else []
    args += _count(a.count)
    if a.label is not None:
        args.append(_s(a.label))
    block = [_st("as-of", [_d(a.as_of)])] if a.as_of is not None else []
    block += [_part(x) for x in a.parts] + _notes(a.notes)
    return _st("actual", args, block or None)


def _group(g: PostGroup) -> Stmt:
    args: list[Arg] = [_s(g.title)] if g.title is not None else []
    args += _count(g.count)
    if g.for_sections:
        args.append(_w("for-sections"))
    block = [_st(k, [_d(v)]) for k, v in (("since", g.since), ("until", g.until)) if v is not None]
    if g.period is not None:
        block.append(_st("period", [_s(g.period)]))
    block += [_post(p) for p in g.posts]
    if g.actual is not None:
        block.append(_st("actual", _count(g.actual)))
    block += [_part(x) for x in g.parts] + [_across(t) for t in g.across] + _notes(g.notes)
    return _st("group", args, block or None)


def _event(e: Event) -> Stmt:
    args: list[Arg] = [_w(e.kind.value)]
    if e.date is not None:
        args.append(_d(e.date))
    if e.id is not None:
        args.append(_w(e.id))
    block: list[Stmt] = []
    for name in ("decided", "approved", "effective", "until"):
        value: PartialDate | None = getattr(e, name)
        if value is not None:
            block.append(_st(name, [_d(value)]))
    if e.period is not None:
        block.append(_st("period", [_s(e.period)]))
    if e.item is not None:
        block.append(_st("item", [_i(e.item)]))
    if e.verb is not None:
        block.append(_st("verb", [_s(e.verb)]))
    if e.stated_as is not None:
        block.append(_st("as", [_s(e.stated_as)]))
    if e.stated_rank is not None:
        block.append(_st("rank", [_s(e.stated_rank)]))
    counts = e.kind in (EventKind.QUOTA_CHANGED, EventKind.POSTS_CHANGED)
    if e.category is QuotaCategory.OTHER and e.category_label is not None:
        block.append(_st("category", [_s(e.category_label)]))
    elif e.category is not None:
        block.append(_st("category", [_w(e.category.value)]))
    if counts:
        if e.count_before is not None:
            block.append(_st("from", _count(e.count_before)))
        if e.count_after is not None:
            block.append(_st("to", _count(e.count_after)))
    else:
        if e.before is not None:
            block.append(_st("from", [_s(e.before)]))
        if e.after is not None:
            block.append(_st("to", [_s(e.after)]))
    if e.kind in (EventKind.QUOTA_TRANSFERRED, EventKind.POSTS_TRANSFERRED) and e.count_after is not None:
        block.append(_st("amount", _count(e.count_after)))
    if e.plaque is not None:
        block.append(_st("plaque", [_s(e.plaque)]))
    if e.target is not None:
        block.append(_st("unit", [_ref(e.target)]))
    block += [_st("duty", [_s(d)]) for d in e.duties]
    block += [_basis(b) for b in e.basis] + _notes(e.notes)
    return _st("event", args, block or None)


_CHILD_KEYWORD = {
    UnitKind.PUBLIC_INSTITUTION: "institution",
    UnitKind.OFFICE: "office",
    UnitKind.ENTERPRISE: "institution",
}
#: The kind each nested keyword gives when no ``kind`` is written.
_CHILD_DEFAULT = {"section": UnitKind.SECTION, "institution": UnitKind.PUBLIC_INSTITUTION, "office": UnitKind.OFFICE}


def _unit(u: Unit, nested: bool) -> Stmt:
    if nested:
        keyword = _CHILD_KEYWORD.get(u.kind, "section") if u.kind is not None else "section"
        default = _CHILD_DEFAULT[keyword]
    else:
        keyword, default = "body", None
    block: list[Stmt] = []
    if u.kind_label is not None:
        block.append(_st("kind", [_s(u.kind_label)]))
    elif u.kind is not None and u.kind is not default:
        block.append(_st("kind", [_w(u.kind.value)]))
    if u.rank is not None:
        block.append(_st("rank", [_s(u.rank)]))
    if u.rank_as is not None:
        block.append(_st("rank-as", [_ref(u.rank_as), *([_s(u.rank_as_text)] if u.rank_as_text is not None else [])]))
    if u.number is not None:
        block.append(_st("number", [_i(u.number), *([_i(u.number_to)] if u.number_to is not None else [])]))
    if u.superior is not None:
        block.append(_st("superior", [_ref(u.superior)]))
    if u.section_rank is not None:
        block.append(_st("section-rank", [_s(u.section_rank)]))
    if u.per_regulations:
        block.append(_st("per-regulations"))
    if u.outside_count:
        block.append(_st("outside-count"))
    if u.optional is not None:
        block.append(_st("optional", [_s(u.optional)]))
    if u.section_duties_unstated:
        block.append(_st("section-duties-unstated"))
    if u.group_header:
        block.append(_st("group-header"))
    if u.funding is not None:
        block.append(_st("funding", [_s(u.funding)]))
    if u.stands_for is not None:
        block.append(_class(u.stands_for))
    if u.as_of is not None:
        block.append(_st("as-of", [_d(u.as_of), *([_s(u.as_of_text)] if u.as_of_text is not None else [])]))
    if u.covers is not None:
        covered = [_st("each")] if u.covers.each else []
        covered += _notes(u.covers.notes)
        block.append(_st("covers", [_s(a) for a in u.covers.areas], covered or None))
    for amb in u.ambiguous:
        block.append(_st("ambiguous", [_w(amb.what), _s(amb.text)]))
    for cut in u.cut_off:
        block.append(_st("cut-off", [_w(cut.what), *([_s(cut.text)] if cut.text is not None else [])]))
    for part in u.excerpt:
        block.append(_st("excerpt", [_w(part.what), *([_s(part.text)] if part.text is not None else [])]))
    block += [_basis(b) for b in u.basis]
    block += [_plaque(p) for p in u.plaques]
    for short in u.short_names:
        block.append(_st("short-name", [_s(short.name), *([_s(short.text)] if short.text is not None else [])]))
    block += [_relation(r) for r in u.relations]
    for s in u.stated:
        args = [_w(s.what), *_count(s.count)]
        if s.text is not None:
            args.append(_s(s.text))
        inner: list[Stmt] = []
        if s.kind_label is not None:
            inner.append(_st("kind", [_s(s.kind_label)]))
        elif s.kind is not None:
            inner.append(_st("kind", [_w(s.kind.value)]))
        if s.role is not None:
            inner.append(_st("role", [_s(s.role)]))
        if s.unlisted is not None:
            words = [_s(s.unlisted_text)] if s.unlisted_text is not None else []
            inner.append(_st("unlisted", [*_count(s.unlisted), *words]))
        if s.over:
            inner.append(_st("over", [_ref(r) for r in s.over]))
        inner += [_part(x) for x in s.parts]
        if s.complete:
            inner.append(_st("complete"))
        if s.until is not None:
            inner.append(_st("until", [_d(s.until)]))
        block.append(_st("stated", args, inner or None))
    for ch in u.choices:
        words = [_s(ch.text)] if ch.text is not None else []
        block.append(_st("choose", [*_count(ch.count), *words], [_st("from", [_ref(r) for r in ch.units])]))
    if u.duties:
        block.append(_st("duties", [], [_duty(d) for d in u.duties]))
    changes: list[Stmt] = []
    for c in u.function_changes:
        args = [_i(c.number)] if c.number is not None else []
        args.append(_s(c.text))
        if c.counterpart is not None:
            word = {"transferred-out": "to", "transferred-in": "from"}.get(c.kind.value, "with")
            args += [_w(word), _ref(c.counterpart)]
        inner = [_st("verb", [_s(c.verb)])] if c.verb is not None else []
        if c.item is not None:
            inner.append(_st("item", [_i(c.item)]))
        changes.append(_st(c.kind.value, args, inner or None))
    if changes:
        block.append(_st("function-changes", [], changes))
    block += [_unit(child, True) for child in u.units]
    for sd in u.shared_duties:
        sub: list[Stmt] = [_st("sections", [_ref(r) for r in sd.sections])]
        if sd.intro is not None:
            sub.append(_st("intro", [_s(sd.intro)]))
        sub += [_duty(d) for d in sd.duties]
        block.append(_st("shared-duties", [_w(sd.id)] if sd.id else [], sub))
    block += [_quota(q) for q in u.quotas]
    block += [_actual(a) for a in u.actual]
    if u.posts:
        block.append(_st("posts", [], [_post(p) if isinstance(p, Post) else _group(p) for p in u.posts]))
    if u.members:
        members = []
        for m in u.members:
            args = [_s(m.role)]
            if m.post is not None:
                args += [_w("post"), _s(m.post)]
            if m.body is not None:
                args += [_w("of"), _ref(m.body)]
            if m.person is not None:
                args += [_w("person"), _s(m.person)]
            members.append(_st("member", args))
        block.append(_st("members", [], members))
    if u.history:
        block.append(_st("history", [], [_event(e) for e in u.history]))
    block += _notes(u.notes)
    head = [_w(u.id)] if u.id is not None else []
    # a unit that states nothing but its name is written without a block, as fmt writes it
    return _st(keyword, [*head, _s(u.name)], block or None)


def unlower(spec: Spec) -> list[Stmt]:
    """Return the statements that state ``spec``."""
    out = [_unit(b, False) for b in spec.bodies]
    if spec.history:
        out.append(_st("history", [], [_event(e) for e in spec.history]))
    out += _notes(spec.notes)
    return out
