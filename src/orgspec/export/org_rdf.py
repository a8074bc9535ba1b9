"""The W3C Organization Ontology export (``org:``), as an rdflib graph in Turtle or JSON-LD.

Mapping (https://www.w3.org/TR/vocab-org/):

* a body is an ``org:FormalOrganization`` (and ``org:Organization``); every
  nested unit (section, office, institution …) is an ``org:OrganizationalUnit``
  linked both ways with ``org:hasUnit`` / ``org:unitOf``;
* ``skos:prefLabel`` is the unit's name and ``skos:altLabel`` each plaque, both
  tagged zh-Hant / zh-Hans / zh / en by :mod:`orgspec.export.lang`;
* ``org:identifier`` is the stable id (:mod:`orgspec.export.ids`);
  ``org:classification`` a ``skos:Concept`` per kind (``<base>kind/section``);
* duties are ``org:purpose`` literals (one per duty, with the document's
  number when it gives one: "1. …"); notes are ``dct:description``;
* leadership posts are ``org:Post`` resources with ``org:postIn`` /
  ``org:hasPost`` and a ``skos:prefLabel``; a post that heads its unit (the
  chief of a group, or the first post of a unit whose title is not a deputy's)
  also has ``org:headOf``;
* members of coordinating bodies with a named person become a ``foaf:Person``
  with an ``org:Membership`` (``org:member``, ``org:organization``,
  ``org:role``); a chief role (组长/組長, 主任) also gives ``org:headOf``;
* basis documents are ``dct:source`` resources with ``dct:identifier`` (the
  document number), ``dct:title``, ``dct:publisher`` and ``dct:date``.

No blank nodes are made, so the Turtle output is the same on every run.
rdflib is an optional dependency (``pip install 'orgspec[rdf]'``), imported
when this module is.

Imports: rdflib, :mod:`orgspec.model`, :mod:`orgspec.export`.
"""

from __future__ import annotations

import json

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, SKOS

from orgspec.export.ids import Entry, UnitIds
from orgspec.export.lang import spec_script, tag
from orgspec.model.units import Post, PostGroup, Spec

__all__ = ["DEFAULT_BASE", "ORG", "graph", "to_jsonld", "to_turtle"]

ORG = Namespace("http://www.w3.org/ns/org#")
DEFAULT_BASE = "urn:orgspec:"
_CONTEXT = {
    "org": str(ORG),
    "skos": str(SKOS),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "rdf": str(RDF),
}
_CHIEF_ROLES = ("组长", "組長", "主任", "主任委员", "主任委員")


def _is_deputy(title: str) -> bool:
    return "副" in title


class _Builder:
    def __init__(self, spec: Spec, base: str) -> None:
        self.g = Graph()
        self.base = base
        self.ids = UnitIds(spec)
        names = [n for e in self.ids for n in e.unit.names()]
        self.fallback = spec_script(names)
        self.persons: dict[str, int] = {}
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
        if entry.parent_id is None:
            g.add((node, RDF.type, ORG.FormalOrganization))
        else:
            parent = self.iri(entry.parent_id)
            g.add((node, RDF.type, ORG.OrganizationalUnit))
            g.add((node, ORG.unitOf, parent))
            g.add((parent, ORG.hasUnit, node))
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
        for i, basis in enumerate(unit.basis):
            doc = self.iri(f"{entry.id}/basis/{i}")
            g.add((node, DCTERMS.source, doc))
            if basis.number:
                g.add((doc, DCTERMS.identifier, self.text(basis.number)))
            if basis.title:
                g.add((doc, DCTERMS.title, self.text(basis.title)))
            if basis.issuer:
                g.add((doc, DCTERMS.publisher, self.text(basis.issuer)))
            if basis.date is not None:
                g.add((doc, DCTERMS.date, Literal(str(basis.date))))
        self.posts(entry)
        self.members(entry)

    def post(self, entry: Entry, pid: str, title: str, head: bool) -> None:
        g, node, post = self.g, self.iri(entry.id), self.iri(pid)
        g.add((post, RDF.type, ORG.Post))
        g.add((post, SKOS.prefLabel, self.text(title)))
        g.add((post, ORG.postIn, node))
        g.add((node, ORG.hasPost, post))
        if head:
            g.add((post, ORG.headOf, node))

    def posts(self, entry: Entry) -> None:
        head_seen = False
        for i, item in enumerate(entry.unit.posts):
            pid = f"{entry.id}/posts/{i}"
            if isinstance(item, Post):
                head = not head_seen and not item.approved_separately and not _is_deputy(item.title)
                head_seen = head_seen or head
                self.post(entry, pid, item.title, head)
            elif isinstance(item, PostGroup):
                # a group's chiefs head sections, not this unit: they are posts of it, without headOf
                for j, post in enumerate(item.posts):
                    self.post(entry, f"{pid}/posts/{j}", post.title, post.role == "chief" and not item.for_sections)
                if not item.posts:
                    self.post(entry, pid, item.title or "posts", False)

    def members(self, entry: Entry) -> None:
        g, node = self.g, self.iri(entry.id)
        for i, member in enumerate(entry.unit.members):
            if not member.person:
                continue
            number = self.persons.setdefault(member.person, len(self.persons))
            person = self.iri(f"person/{number}")
            g.add((person, RDF.type, FOAF.Person))
            g.add((person, FOAF.name, self.text(member.person)))
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
