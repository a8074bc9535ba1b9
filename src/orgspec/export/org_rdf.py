"""The W3C Organization Ontology export (``org:``), as an rdflib graph in Turtle or JSON-LD.

Mapping (https://www.w3.org/TR/vocab-org/), kept within ORG's domains and
ranges (``tests/shapes/org.ttl`` checks every bundled spec against them):

* a body is an ``org:FormalOrganization`` (and ``org:Organization``). A nested
  unit of an internal kind (section, party committee, discipline unit,
  service centre, other) is an ``org:OrganizationalUnit``, linked with
  ``org:unitOf`` / ``org:hasUnit`` to the formal organisation it belongs to,
  or with ``org:subOrganizationOf`` / ``org:hasSubOrganization`` when its
  parent is itself a unit. A nested unit that is an organisation of its own
  (an office hosted in the body, a public institution, a coordinating body,
  a department-administered or dispatched body) is an
  ``org:FormalOrganization`` linked with ``org:subOrganizationOf`` /
  ``org:hasSubOrganization``;
* ``skos:prefLabel`` is the unit's name and ``skos:altLabel`` each plaque, both
  tagged zh-Hant / zh-Hans / zh / en by :mod:`orgspec.export.lang`;
* ``org:identifier`` is the stable id (:mod:`orgspec.export.ids`);
  ``org:classification`` a ``skos:Concept`` per kind (``<base>kind/section``);
* duties are ``org:purpose`` literals (one per duty, with the document's
  number when it gives one: "1. …"); notes are ``dct:description``, and so is a
  unit's standing for a class of like bodies (``stands-for``: "stands for a class
  of 31 like bodies" and the document's words);
* leadership posts are ``org:Post`` resources with ``org:postIn`` /
  ``org:hasPost``, a ``skos:prefLabel`` and an ``org:role`` (an ``org:Role``
  labelled with the title, ``<base><post>/role``); the post that heads its unit
  (the chief of a group, or the first post of a unit whose title is not a
  deputy's) also has the role ``<base>role/head``. ``org:headOf`` links an
  agent, never a post (its domain is ``foaf:Agent``): a post's named
  ``holder`` is a ``foaf:Person`` that ``org:holds`` it (``org:heldBy``
  back), and heads the unit when the post does;
* members of coordinating bodies with a named person become a ``foaf:Person``
  with an ``org:Membership`` (``org:member``, ``org:organization``,
  ``org:role``); a chief role (组长/組長, 主任) also gives ``org:headOf``;
* history events (the unit's own and spec-level events naming it) are
  ``org:ChangeEvent`` (a ``prov:Activity``) resources,
  ``<base><unit id>/history/<n>``: ``org:originalOrganization`` the unit as it
  was (not for an establishment), ``org:resultingOrganization`` the unit after
  it (not for an abolition), with ``org:changedBy`` / ``org:resultedFrom``
  back from the unit; ``dct:type`` the kind of event (a ``skos:Concept``,
  ``<base>event/renamed``), ``dct:date`` the date as precise as the document
  gives it (``xsd:gYear``, ``xsd:gYearMonth`` or ``xsd:date``) and
  ``prov:startedAtTime`` when the day is known; the names before and after a
  rename as ``skos:hiddenLabel`` of the event… no: as ``dct:description``;
* basis documents are ``prov:Entity`` resources with ``dct:identifier`` (the
  document number), ``dct:title``, ``dct:publisher`` and ``dct:date``, the
  ``dct:source`` of the unit or event they decide, and ``prov:used`` by the
  event.

What ORG has no term for is said with documented ``orgspec:`` terms
(:data:`ORGSPEC`, listed in docs/exports.md): relations beside the tree are
``org:linkedTo`` and a sub-property naming the relation (``orgspec:hostedIn``,
``orgspec:dualLedBy``, ``orgspec:plaqueOn`` …; a body outside the spec is an
``org:Organization`` ``<base>name/<name>`` with its label); quotas and stated
counts are ``orgspec:Quota`` and ``orgspec:StatedCount`` resources of their
unit; ranks, ``rank-as``, the area covered, the date of a state, an event's
period and a post held by the holders of another are properties of their own
(:mod:`orgspec.export.rdf_extra`).

No blank nodes are made, so the Turtle output is the same on every run.
rdflib is an optional dependency (``pip install 'orgspec[rdf]'``), imported
when this module is.

Imports: rdflib, :mod:`orgspec.model`, :mod:`orgspec.export`.
"""

from __future__ import annotations

import json

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, SKOS

from orgspec.export.ids import Entry, UnitIds
from orgspec.export.lang import spec_script, tag
from orgspec.export.rdf_extra import ORG, ORGSPEC, extras, rdf_date
from orgspec.model.units import Event, EventKind, Post, PostGroup, Spec
from orgspec.model.values import Basis, UnitKind

DEFAULT_BASE = "urn:orgspec:"
_CONTEXT = {
    "org": str(ORG),
    "orgspec": str(ORGSPEC),
    "skos": str(SKOS),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "prov": str(PROV),
    "rdf": str(RDF),
    "xsd": str(XSD),
}
_CHIEF_ROLES = ("组长", "組長", "主任", "主任委员", "主任委員")
#: Kinds of nested unit that are parts of an organisation rather than organisations of their own.
_INTERNAL = frozenset(
    {UnitKind.SECTION, UnitKind.PARTY_COMMITTEE, UnitKind.DISCIPLINE_UNIT, UnitKind.SERVICE_CENTRE, UnitKind.OTHER}
)
#: Events after which the unit no longer exists, and events before which it did not.
_ENDS = frozenset({EventKind.ABOLISHED})
_STARTS = frozenset({EventKind.ESTABLISHED, EventKind.REESTABLISHED})


def _is_deputy(title: str) -> bool:
    return "副" in title


def _formal(entry: Entry) -> bool:
    """Return True when a unit is an organisation of its own: a body, or a nested unit of such a kind."""
    return entry.parent_id is None or entry.unit.kind not in _INTERNAL


class _Builder:
    def __init__(self, spec: Spec, base: str) -> None:
        self.g = Graph()
        self.base = base
        self.ids = UnitIds(spec)
        names = [n for e in self.ids for n in e.unit.names()]
        self.fallback = spec_script(names)
        self.persons: dict[str, int] = {}
        self.formal = {e.id: _formal(e) for e in self.ids}
        for prefix, ns in _CONTEXT.items():
            self.g.bind(prefix, ns)

    def iri(self, local: str) -> URIRef:
        return URIRef(self.base + local)

    def text(self, text: str) -> Literal:
        return Literal(text, lang=tag(text, self.fallback))

    def unit(self, entry: Entry) -> None:
        g, unit = self.g, entry.unit
        node = self.iri(entry.id)
        g.add((node, RDF.type, ORG.Organization))
        if self.formal[entry.id]:
            g.add((node, RDF.type, ORG.FormalOrganization))
        else:
            g.add((node, RDF.type, ORG.OrganizationalUnit))
        if entry.parent_id is not None:
            parent = self.iri(entry.parent_id)
            if not self.formal[entry.id] and self.formal[entry.parent_id]:
                g.add((node, ORG.unitOf, parent))
                g.add((parent, ORG.hasUnit, node))
            else:
                g.add((node, ORG.subOrganizationOf, parent))
                g.add((parent, ORG.hasSubOrganization, node))
        g.add((node, ORG.identifier, Literal(entry.id)))
        g.add((node, SKOS.prefLabel, self.text(unit.name)))
        for plaque in unit.plaques:
            g.add((node, SKOS.altLabel, self.text(plaque.name)))
        if unit.kind is not None:
            concept = self.iri("kind/" + unit.kind.value)
            g.add((node, ORG.classification, concept))
            g.add((concept, RDF.type, SKOS.Concept))
            g.add((concept, SKOS.prefLabel, Literal(unit.kind.value.replace("-", " "), lang="en")))
        for duty in unit.duties:
            text = duty.text if duty.number is None else f"{duty.number}. {duty.text}"
            g.add((node, ORG.purpose, self.text(text)))
        for note in unit.notes:
            g.add((node, DCTERMS.description, self.text(note)))
        if unit.stands_for is not None:
            cls = unit.stands_for
            g.add((node, DCTERMS.description, Literal(f"stands for a class of {cls.count} like bodies", lang="en")))
            if cls.text:
                g.add((node, DCTERMS.description, self.text(cls.text)))
        for i, basis in enumerate(unit.basis):
            g.add((node, DCTERMS.source, self.basis(f"{entry.id}/basis/{i}", basis)))
        self.posts(entry)
        self.members(entry)
        for i, event in enumerate(self.ids.events(entry)):
            self.event(entry, f"{entry.id}/history/{i}", event)
        extras(self, entry)

    def basis(self, local: str, basis: Basis) -> URIRef:
        g, doc = self.g, self.iri(local)
        g.add((doc, RDF.type, PROV.Entity))
        if basis.number:
            g.add((doc, DCTERMS.identifier, self.text(basis.number)))
        if basis.title:
            g.add((doc, DCTERMS.title, self.text(basis.title)))
        if basis.issuer:
            g.add((doc, DCTERMS.publisher, self.text(basis.issuer)))
        if basis.date is not None:
            g.add((doc, DCTERMS.date, rdf_date(basis.date)))
        return doc

    def event(self, entry: Entry, local: str, event: Event) -> None:
        g, node, change = self.g, self.iri(entry.id), self.iri(local)
        g.add((change, RDF.type, ORG.ChangeEvent))
        g.add((change, RDF.type, PROV.Activity))
        concept = self.iri("event/" + event.kind.value)
        g.add((change, DCTERMS.type, concept))
        g.add((concept, RDF.type, SKOS.Concept))
        g.add((concept, SKOS.prefLabel, Literal(event.kind.value.replace("-", " "), lang="en")))
        if event.kind not in _STARTS:
            g.add((change, ORG.originalOrganization, node))
            g.add((node, ORG.changedBy, change))
        if event.kind not in _ENDS:
            g.add((change, ORG.resultingOrganization, node))
            g.add((node, ORG.resultedFrom, change))
        when = event.when()
        if when is not None:
            g.add((change, DCTERMS.date, rdf_date(when)))
            if when.day is not None:
                g.add((change, PROV.startedAtTime, Literal(f"{when}T00:00:00", datatype=XSD.dateTime)))
        if event.before or event.after:
            g.add((change, DCTERMS.description, self.text(f"{event.before or '?'} → {event.after or '?'}")))
        if event.plaque:
            g.add((change, DCTERMS.description, self.text(event.plaque)))
        if event.verb:  # the document's word for the change (设立, 撤销, …)
            g.add((change, SKOS.prefLabel, self.text(event.verb)))
        for stated in (event.stated_as, event.stated_rank):  # what the sentence says of the new body (作为…)
            if stated:
                g.add((change, DCTERMS.description, self.text(stated)))
        if event.period:  # a time the document gives no dates for, in its words (文化大革命期间)
            g.add((change, ORGSPEC.period, self.text(event.period)))
        for note in event.notes:
            g.add((change, DCTERMS.description, self.text(note)))
        for i, basis in enumerate(event.basis):
            doc = self.basis(f"{local}/basis/{i}", basis)
            g.add((change, PROV.used, doc))
            g.add((change, DCTERMS.source, doc))

    def person(self, name: str) -> URIRef:
        number = self.persons.setdefault(name, len(self.persons))
        person = self.iri(f"person/{number}")
        self.g.add((person, RDF.type, FOAF.Person))
        self.g.add((person, FOAF.name, self.text(name)))
        return person

    def post(self, entry: Entry, pid: str, post: Post | None, title: str, head: bool) -> None:
        g, node, iri = self.g, self.iri(entry.id), self.iri(pid)
        g.add((iri, RDF.type, ORG.Post))
        g.add((iri, SKOS.prefLabel, self.text(title)))
        g.add((iri, ORG.postIn, node))
        g.add((node, ORG.hasPost, iri))
        role = self.iri(f"{pid}/role")
        g.add((iri, ORG.role, role))
        g.add((role, RDF.type, ORG.Role))
        g.add((role, SKOS.prefLabel, self.text(title)))
        if head:
            chief = self.iri("role/head")
            g.add((iri, ORG.role, chief))
            g.add((chief, RDF.type, ORG.Role))
            g.add((chief, SKOS.prefLabel, Literal("head of the unit", lang="en")))
        if post is not None and post.holder:
            person = self.person(post.holder)
            g.add((person, ORG.holds, iri))
            g.add((iri, ORG.heldBy, person))
            if head:
                g.add((person, ORG.headOf, node))

    def posts(self, entry: Entry) -> None:
        head_seen = False
        for i, item in enumerate(entry.unit.posts):
            pid = f"{entry.id}/posts/{i}"
            if isinstance(item, Post):
                head = not head_seen and not item.approved_separately and not _is_deputy(item.title)
                head_seen = head_seen or head
                self.post(entry, pid, item, item.title, head)
            elif isinstance(item, PostGroup):
                # a group's chiefs head sections, not this unit: they are posts of it, not its head
                for j, post in enumerate(item.posts):
                    head = post.role == "chief" and not item.for_sections
                    self.post(entry, f"{pid}/posts/{j}", post, post.title, head)
                if not item.posts:
                    self.post(entry, pid, None, item.title or "posts", False)

    def members(self, entry: Entry) -> None:
        g, node = self.g, self.iri(entry.id)
        for i, member in enumerate(entry.unit.members):
            if not member.person:
                continue
            person = self.person(member.person)
            membership = self.iri(f"{entry.id}/members/{i}")
            role = self.iri(f"{entry.id}/roles/{i}")
            g.add((membership, RDF.type, ORG.Membership))
            g.add((membership, ORG.member, person))
            g.add((membership, ORG.organization, node))
            g.add((membership, ORG.role, role))
            g.add((role, RDF.type, ORG.Role))
            g.add((role, SKOS.prefLabel, self.text(member.role)))
            if member.role in _CHIEF_ROLES:
                g.add((person, ORG.headOf, node))


def graph(spec: Spec, base: str = DEFAULT_BASE) -> Graph:
    """Return the rdflib graph of a spec in the Organization Ontology."""
    builder = _Builder(spec, base)
    for entry in builder.ids:
        builder.unit(entry)
    return builder.g


def to_turtle(spec: Spec, base: str = DEFAULT_BASE) -> str:
    """Return the spec as Turtle."""
    return graph(spec, base).serialize(format="turtle")


def to_jsonld(spec: Spec, base: str = DEFAULT_BASE) -> str:
    """Return the spec as compacted JSON-LD, its nodes sorted by ``@id`` so that output is stable."""
    text = graph(spec, base).serialize(format="json-ld", context=_CONTEXT, auto_compact=True)
    data = json.loads(text)
    nodes = data.get("@graph")
    if isinstance(nodes, list):
        data["@graph"] = sorted(nodes, key=lambda n: str(n.get("@id", "")))
        for n in data["@graph"]:
            for key, value in n.items():
                if isinstance(value, list):
                    n[key] = sorted(value, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
