"""Assemble the model from the facts, with the source line and draft notes of every element.

The result is a :class:`~orgspec.model.Spec` and a provenance map from model
paths (``/bodies/0/units/2/plaques/0``, the paths of :class:`orgspec.lowering.SourceMap`)
to the line each element was read from and the notes to print beside it.

Imports: :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`, :mod:`orgspec.model`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, TypeVar

from orgspec.draft.facts import COUNT_ONLY, Companion, Facts, ListedBody, SectionFacts, Src
from orgspec.draft.normalize import Line, fold
from orgspec.model.units import Member, PostGroup, Relation, RelationKind, SharedDuties, Spec, StatedCount, Unit
from orgspec.model.values import Count, Ref, UnitKind
from orgspec.model.vocab import kind_of

__all__ = ["Provenance", "assemble"]

T = TypeVar("T")


@dataclass
class Provenance:
    """Where each element of the draft was read: path → (line, notes)."""

    where: dict[str, tuple[int | None, list[str]]] = field(default_factory=dict)

    def put(self, path: str, line: int | None, notes: list[str] | None = None) -> None:
        """Record the line and notes of the element at ``path``."""
        self.where[path] = (line, list(notes or []))


class _Builder:
    def __init__(self, lines: list[Line]) -> None:
        self.prov = Provenance()
        self.junk = {line.no: line.junk for line in lines if line.junk}
        self.junk_told: set[int] = set()

    def src(self, path: str, item: Src[T]) -> T:
        notes = list(item.notes)
        if item.line in self.junk and item.line not in self.junk_told:
            self.junk_told.add(item.line)
            notes.append(f"junk token '{self.junk[item.line]}' stripped from the end of line {item.line}")
        self.prov.put(path, item.line, notes)
        if isinstance(item.value, PostGroup):
            for k in range(len(item.value.posts)):
                self.prov.put(f"{path}/posts/{k}", item.line)
        return item.value

    def many(self, path: str, items: list[Src[T]]) -> tuple[T, ...]:
        return tuple(self.src(f"{path}/{i}", item) for i, item in enumerate(items))

    def section(self, path: str, s: SectionFacts) -> Unit:
        self.prov.put(path, s.line, s.notes)
        if s.line in self.junk and s.line not in self.junk_told:
            self.junk_told.add(s.line)
            self.prov.where[path][1].append(f"junk token '{self.junk[s.line]}' stripped from the end of line {s.line}")
        return Unit(
            name=s.name,
            kind=s.kind,
            number=s.number,
            per_regulations=s.per_regulations,
            outside_count=s.outside_count,
            optional=s.optional,
            funding=s.funding,
            plaques=self.many(f"{path}/plaques", s.plaques),
            duties=self.many(f"{path}/duties", s.duties),
            quotas=self.many(f"{path}/quotas", s.quotas),
            posts=self.many(f"{path}/posts", s.posts),
            relations=(Relation(kind=RelationKind.HOSTED_IN, target=Ref(target=s.hosted_in.value)),)
            if s.hosted_in is not None
            else (),
            notes=self.many(f"{path}/notes", s.doc_notes),
            units=tuple(self.section(f"{path}/units/{i}", c) for i, c in enumerate(s.units)),
            stated=(self.src(f"{path}/stated/0", _stated(s.stated_units)),) if s.stated_units is not None else (),
            section_duties_unstated=bool(s.units) and not any(c.duties for c in s.units),
        )


def _stated(src: Src[tuple[int, str]]) -> Src[StatedCount]:
    n, text = src.value
    return Src(StatedCount(what="sections", count=Count.of(n), text=text), src.line, src.notes)


def _outside_count(sections: list[SectionFacts], stated: int) -> None:
    """Mark unnumbered sections listed after numbered ones as outside a count the numbering meets.

    "(一)…(十八)…" then "离退休干部处": the 18 of "内设18个职能处(室)" are the numbered ones.
    """
    numbered = [i for i, s in enumerate(sections) if s.number is not None]
    if not numbered or stated not in (len(numbered), max(sections[i].number or 0 for i in numbered)):
        return
    for s in sections[numbered[-1] + 1 :]:
        if s.number is None and s.kind is UnitKind.SECTION:
            s.outside_count = True
            s.notes.append("unnumbered, after the numbered sections: outside the stated count")


def _body(b: _Builder, facts: Facts, p: str) -> Unit:
    fields: dict[str, Any] = {}
    if facts.name is not None:
        fields["name"] = b.src(f"{p}/name", facts.name)
        b.prov.put(p, facts.name.line, facts.name.notes)
    else:
        fields["name"] = "(name not found)"
        b.prov.put(p, None, ["the document does not name the body in a way the drafter reads; fill in the name"])
    if (
        facts.kind_label is not None
        and kind_of(facts.kind_label.value) is None
        and kind_by_label(facts.kind_label.value)
    ):
        # a label outside the vocabulary the drafter knows ("自然资源部管理的国家局"): the kind, the words noted
        label = facts.kind_label.value
        b.prov.put(f"{p}/kind", facts.kind_label.line, [*facts.kind_label.notes, f"the document says '{label}'"])
        fields["kind"] = kind_by_label(label)
    elif facts.kind_label is not None:
        label = b.src(f"{p}/kind", facts.kind_label)
        fields["kind"], fields["kind_label"] = kind_of(label) or UnitKind.OTHER, label
    elif facts.kind is not None:
        fields["kind"] = b.src(f"{p}/kind", facts.kind)
    elif facts.name is not None and (kind := kind_by_name(facts.name.value)) is not None:
        fields["kind"] = kind
        b.prov.put(f"{p}/kind", facts.name.line, [f"the kind is read from the name ('{facts.name.value}')"])
    if facts.superior is not None:
        fields["superior"] = Ref(target=b.src(f"{p}/superior", facts.superior))
    if facts.rank is not None:
        fields["rank"] = b.src(f"{p}/rank", facts.rank)
    if facts.funding is not None:
        fields["funding"] = b.src(f"{p}/funding", facts.funding)
    if facts.members:
        fields["members"] = b.many(f"{p}/members", facts.members)
    if facts.section_rank is not None:
        fields["section_rank"] = b.src(f"{p}/section_rank", facts.section_rank)
    fields["basis"] = b.many(f"{p}/basis", facts.basis)
    fields["plaques"] = b.many(f"{p}/plaques", facts.plaques)
    fields["relations"] = b.many(f"{p}/relations", facts.relations)
    notes = b.many(f"{p}/notes", facts.doc_notes)
    if facts.stated_sections is not None:
        n, text = facts.stated_sections.value
        _outside_count(facts.sections, n)
        listed = sum(1 for s in facts.sections if s.kind is UnitKind.SECTION and not s.outside_count)
        partial = listed < n and re.search(r"等\s*(?:\d{1,3}|[一二三四五六七八九十两]{1,3})个", fold(text)) is not None
        # "内设机构6个" and no section named anywhere: counted, not listed (no contradiction to report)
        counted_only = listed == 0 and COUNT_ONLY in facts.stated_sections.notes
        # the copy stops at the opening of a next item ("(" on its last line): the list goes on past the copy
        cut = listed < n and facts.list_cut is not None
        message = (
            ""
            if listed == n or partial or counted_only or cut
            else f"the document states {n} sections ('{text}') but lists {listed}"
        )
        if cut:
            facts.stated_sections.notes.append(
                f"the copy stops inside the list (line {facts.list_cut}): {listed} of the {n} are before the cut"
            )
        if message:
            facts.note(facts.stated_sections.line, "anomaly", message)
            facts.stated_sections.notes.append(f"{message}: kept as stated, so that 'orgspec check' reports OS301")
        elif partial:
            # "设A、B…等16个内设机构": the list names some of those it counts ("等"), not a contradiction
            facts.stated_sections.notes.append(f"the list names {listed} of the {n} ('等'): {n - listed} are not named")
        b.src(f"{p}/stated/0", facts.stated_sections)
        unlisted = {"unlisted": Count.of(n - listed), "unlisted_text": "等"} if partial else {}
        unlisted = {"unlisted": Count.of(n)} if counted_only else unlisted
        fields["stated"] = (StatedCount(what="sections", count=Count.of(n), text=text, **unlisted),)
    fields["duties"] = b.many(f"{p}/duties", facts.duties)
    fields["function_changes"] = b.many(f"{p}/function_changes", facts.changes)
    fields["units"] = tuple(b.section(f"{p}/units/{i}", s) for i, s in enumerate(facts.sections))
    shared = []
    for i, sh in enumerate(facts.shared):
        path = f"{p}/shared_duties/{i}"
        b.prov.put(path, sh.line, sh.notes)
        refs = tuple(Ref(target=facts.sections[j].name, by="name") for j in sh.sections)
        shared.append(SharedDuties(sections=refs, intro=sh.intro, duties=b.many(f"{path}/duties", sh.duties)))
    fields["shared_duties"] = tuple(shared)
    fields["quotas"] = b.many(f"{p}/quotas", facts.quotas)
    fields["posts"] = b.many(f"{p}/posts", facts.posts)
    fields["history"] = b.many(f"{p}/history", facts.history)
    fields["notes"] = notes
    return Unit(**fields)


def _coordinating(b: _Builder, name: Src[str], members: list[Src[Member]], p: str) -> Unit:
    b.prov.put(p, name.line, name.notes)
    return Unit(name=name.value, kind=UnitKind.COORDINATING_BODY, members=b.many(f"{p}/members", members))


def _companion(b: _Builder, c: Companion, p: str) -> Unit:
    b.prov.put(p, c.name.line, c.name.notes)
    fields: dict[str, Any] = {"name": c.name.value}
    if c.kind_label is not None:
        label = b.src(f"{p}/kind", c.kind_label)
        fields["kind"], fields["kind_label"] = kind_of(label) or UnitKind.OTHER, label
    if c.superior is not None:
        fields["superior"] = Ref(target=b.src(f"{p}/superior", c.superior))
    fields["relations"] = b.many(f"{p}/relations", c.relations)
    fields["quotas"] = b.many(f"{p}/quotas", c.quotas)
    fields["posts"] = b.many(f"{p}/posts", c.posts)
    fields["notes"] = (b.src(f"{p}/notes/0", c.note),)
    return Unit(**fields)


def _listed(b: _Builder, body: ListedBody, p: str) -> Unit:
    b.prov.put(p, body.name.line, body.name.notes)
    fields: dict[str, Any] = {"name": body.name.value}
    if body.kind_label is not None:
        label = b.src(f"{p}/kind", body.kind_label)
        fields["kind"], fields["kind_label"] = kind_of(label) or UnitKind.OTHER, label
    fields["plaques"] = b.many(f"{p}/plaques", body.plaques)
    fields["relations"] = b.many(f"{p}/relations", body.relations)
    fields["quotas"] = b.many(f"{p}/quotas", body.quotas)
    fields["posts"] = b.many(f"{p}/posts", body.posts)
    fields["duties"] = b.many(f"{p}/duties", body.duties)
    fields["members"] = b.many(f"{p}/members", body.members)
    fields["basis"] = b.many(f"{p}/basis", body.basis)
    fields["history"] = b.many(f"{p}/history", body.history)
    fields["units"] = tuple(b.section(f"{p}/units/{i}", s) for i, s in enumerate(body.sections))
    if body.stands_for is not None:
        fields["stands_for"] = b.src(f"{p}/stands_for", body.stands_for)
    if body.kind is not None and "kind" not in fields:
        fields["kind"] = body.kind
    elif "kind" not in fields and (kind := kind_by_name(body.name.value)) is not None:
        fields["kind"] = kind
    return Unit(**fields)


def kind_by_label(label: str) -> UnitKind | None:
    """Return the kind of a label outside the vocabulary the drafter still knows: "…管理的国家局"."""
    if re.search(r"管理的(?:[國国]家|省|市)?局$", label):
        return UnitKind.DEPARTMENT_ADMINISTERED
    return None


def kind_by_name(name: str) -> UnitKind | None:
    """Return the kind a body's name states by itself: "…领导小组" coordinates, "派出…" is dispatched."""
    if re.search(r"(?:领导小组|領導小組|联席会议|聯席會議)$", name):
        return UnitKind.COORDINATING_BODY
    if re.match(r"^(?:派出|派驻|派駐)", name):
        return UnitKind.DISPATCHED_UNIT
    return None


def _has_own_facts(facts: Facts) -> bool:
    """Return True when the text says something of the body itself (not only of the bodies it lists)."""
    own = (facts.name, facts.kind_label, facts.stated_sections, facts.rank)
    lists = (facts.duties, facts.sections, facts.quotas, facts.posts, facts.plaques, facts.basis, facts.changes)
    return any(x is not None for x in own) or any(lists)


def assemble(facts: Facts, lines: list[Line], structure: bool) -> tuple[Spec, Provenance]:
    """Return the draft model and where each of its elements was read."""
    b = _Builder(lines)
    bodies: list[Unit] = []
    if structure:
        for c in facts.companions:
            if not c.after:
                bodies.append(_companion(b, c, f"/bodies/{len(bodies)}"))
        if _has_own_facts(facts) or not facts.listed:
            bodies.append(_body(b, facts, f"/bodies/{len(bodies)}"))
        for listed in facts.listed:
            bodies.append(_listed(b, listed, f"/bodies/{len(bodies)}"))
        for c in facts.companions:
            if c.after:
                bodies.append(_companion(b, c, f"/bodies/{len(bodies)}"))
    for name, members in facts.coordinating:
        bodies.append(_coordinating(b, name, members, f"/bodies/{len(bodies)}"))
    for no, junk in sorted(b.junk.items()):
        if no not in b.junk_told:
            facts.note(no, "junk", f"junk token '{junk}' stripped from the end of the line")
    return Spec(bodies=tuple(bodies)), b.prov
