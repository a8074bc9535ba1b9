"""What the Organization Ontology has no term for, said with documented ``orgspec:`` terms.

:mod:`orgspec.export.org_rdf` maps units, posts, members and events onto ORG;
this module adds, per unit (every term is listed in docs/exports.md):

* relations beside the tree: ``org:linkedTo`` (ORG's "arbitrary relationship
  between two organizations") and a sub-property that names the relation:
  ``orgspec:hosts``, ``orgspec:hostedIn``, ``orgspec:manages``,
  ``orgspec:managedBy``, ``orgspec:colocatedWith``, ``orgspec:workingOfficeOf``,
  ``orgspec:hasWorkingOffice``, ``orgspec:dualLedBy``, ``orgspec:plaqueOn``,
  ``orgspec:performsWorkOf``, ``orgspec:workPerformedBy``, ``orgspec:supervises``,
  ``orgspec:supervisedBy``; a ``colocated`` relation stated ``joint`` adds
  ``orgspec:listsForPairWith`` (this unit's duties and sections are the pair's).
  A body named by a
  plain name outside the spec is an ``org:Organization`` ``<base>name/<name>``
  with its ``skos:prefLabel``. A relation that has ended (``until``), or that held
  in a time the document gives only in words (``period``, 建國後), is not
  stated: a triple has no time, and the graph states the structure as written;
  ``office-of-post`` is ``orgspec:workingOfficeOfPost`` with the post's title (a
  post outside the spec has no node);
* ``orgspec:rank`` (literal), ``orgspec:rankAs`` (the body whose rank it has),
  ``orgspec:covers`` (each area, literal) and ``orgspec:coversOneEach``,
  ``orgspec:asOf`` (the date of the state), ``orgspec:standsFor`` (the number
  of like bodies, when it is a number);
* each quota is an ``orgspec:Quota`` ``<unit>/quotas/<n>``: ``orgspec:quotaOf``
  the unit (``orgspec:hasQuota`` back), ``orgspec:category`` and
  ``orgspec:fundedAs`` (a ``skos:Concept`` per category), ``orgspec:places``
  (an integer) or ``orgspec:figure`` (the open figure in words),
  ``skos:prefLabel`` the document's words, ``orgspec:provisional``,
  ``orgspec:funding``, ``orgspec:phasingOut``, ``orgspec:asOf`` and
  ``orgspec:totalOver`` (the bodies a total is over);
* each stated count is an ``orgspec:StatedCount`` ``<unit>/stated/<n>``:
  ``orgspec:statedFor`` the unit, ``orgspec:counts`` (sections, quota, …), the
  figure as for a quota, ``orgspec:totalOver``, each part of its breakdown as
  ``orgspec:breakdownPart`` ("4 4办"; "4 各4名 × 2" for a part of each of
  several units), ``orgspec:completeBreakdown`` and ``orgspec:until`` (the count
  is of a former state);
* each choice among optional units (``choose``, 选设1-2个) is an
  ``orgspec:Choice`` ``<unit>/choices/<n>``: ``orgspec:choiceOf`` the unit, the
  figure as for a quota, ``skos:prefLabel`` the document's words and
  ``orgspec:chosenFrom`` each unit; a ``group-header`` is
  ``orgspec:groupHeader`` true;
* a post's ``orgspec:rank``, ``orgspec:concurrentPost`` (the post held
  elsewhere, by title) and ``orgspec:heldByHolderOf`` (the post beside it whose
  holders hold it: 主任1名(由副书记兼任)).

Imports: rdflib, :mod:`orgspec.model`, :mod:`orgspec.export.ids`, :mod:`orgspec.export.popolo`.
"""

from __future__ import annotations

from typing import Protocol
from urllib.parse import quote

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from orgspec.export.ids import Entry, UnitIds
from orgspec.export.popolo import count_value
from orgspec.model.units import Post, PostGroup, RelationKind
from orgspec.model.values import Count, CountStatus, PartialDate, QuotaCategory, Ref

__all__ = ["ORG", "ORGSPEC", "RELATION_TERMS", "extras", "rdf_date"]

ORG = Namespace("http://www.w3.org/ns/org#")
#: The vocabulary of what ORG has no term for: each term is listed, with its meaning, in docs/exports.md.
ORGSPEC = Namespace("https://github.com/orgspec/orgspec/blob/main/docs/exports.md#")

#: The sub-property of ``org:linkedTo`` that names each relation between two organisations.
RELATION_TERMS: dict[RelationKind, URIRef] = {
    RelationKind.HOSTS: ORGSPEC.hosts,
    RelationKind.HOSTED_IN: ORGSPEC.hostedIn,
    RelationKind.MANAGES: ORGSPEC.manages,
    RelationKind.MANAGED_BY: ORGSPEC.managedBy,
    RelationKind.COLOCATED: ORGSPEC.colocatedWith,
    RelationKind.OFFICE_OF: ORGSPEC.workingOfficeOf,
    RelationKind.WORKING_OFFICE: ORGSPEC.hasWorkingOffice,
    RelationKind.DUAL_LED_BY: ORGSPEC.dualLedBy,
    RelationKind.PLAQUE_ON: ORGSPEC.plaqueOn,
    RelationKind.PERFORMS_FOR: ORGSPEC.performsWorkOf,
    RelationKind.PERFORMED_BY: ORGSPEC.workPerformedBy,
    RelationKind.SUPERVISES: ORGSPEC.supervises,
    RelationKind.SUPERVISED_BY: ORGSPEC.supervisedBy,
}


class _Builder(Protocol):
    """What :class:`orgspec.export.org_rdf._Builder` offers this module."""

    g: Graph
    ids: UnitIds

    def iri(self, local: str) -> URIRef: ...

    def text(self, text: str) -> Literal: ...


def rdf_date(date: PartialDate) -> Literal:
    """Return a date as typed as the document gives it: xsd:date, xsd:gYearMonth or xsd:gYear."""
    if date.day is not None:
        return Literal(str(date), datatype=XSD.date)
    if date.month is not None:
        return Literal(str(date), datatype=XSD.gYearMonth)
    return Literal(str(date), datatype=XSD.gYear)


def _organization(b: _Builder, ref: Ref) -> URIRef:
    """Return the node of the body a reference names: a unit of the spec, else a named outside body."""
    uid = b.ids.ref_id(ref)
    if uid is not None:
        return b.iri(uid)
    node = b.iri("name/" + quote(ref.target, safe=""))
    b.g.add((node, RDF.type, ORG.Organization))
    b.g.add((node, SKOS.prefLabel, b.text(ref.target)))
    return node


def _figure(b: _Builder, node: URIRef, count: Count) -> None:
    if count.status is CountStatus.NUMBER and count.value is not None:
        b.g.add((node, ORGSPEC.places, Literal(count.value, datatype=XSD.integer)))
    else:
        b.g.add((node, ORGSPEC.figure, b.text(str(count_value(count)))))


def _category(b: _Builder, category: QuotaCategory) -> URIRef:
    concept = b.iri("category/" + category.value)
    b.g.add((concept, RDF.type, SKOS.Concept))
    b.g.add((concept, SKOS.prefLabel, Literal(category.value.replace("-", " "), lang="en")))
    return concept


def _relations(b: _Builder, entry: Entry, node: URIRef) -> None:
    for rel in entry.unit.relations:
        if rel.until is not None or rel.period is not None:
            continue  # ended, or held in a time given in words: a triple has no time
        if rel.kind is RelationKind.OFFICE_OF_POST:
            b.g.add((node, ORGSPEC.workingOfficeOfPost, b.text(rel.target.target)))
            continue
        other = _organization(b, rel.target)
        b.g.add((node, ORG.linkedTo, other))
        b.g.add((node, RELATION_TERMS[rel.kind], other))
        if rel.joint:  # 合署 as one office: this unit's duties and sections are the pair's
            b.g.add((node, ORGSPEC.listsForPairWith, other))


def _staffing(b: _Builder, entry: Entry, node: URIRef) -> None:
    g = b.g
    for i, quota in enumerate(entry.unit.quotas):
        q = b.iri(f"{entry.id}/quotas/{i}")
        g.add((q, RDF.type, ORGSPEC.Quota))
        g.add((q, ORGSPEC.quotaOf, node))
        g.add((node, ORGSPEC.hasQuota, q))
        g.add((q, ORGSPEC.category, _category(b, quota.category)))
        _figure(b, q, quota.count)
        words = quota.label or quota.category_label  # a pool of no known category: named by its words
        if words:
            g.add((q, SKOS.prefLabel, b.text(words)))
        if quota.provisional:
            g.add((q, ORGSPEC.provisional, Literal(True)))
        if quota.funded_as is not None:
            g.add((q, ORGSPEC.fundedAs, _category(b, quota.funded_as)))
        if quota.funding:
            g.add((q, ORGSPEC.funding, b.text(quota.funding)))
        if quota.phasing_out:
            g.add((q, ORGSPEC.phasingOut, b.text(quota.phasing_out)))
        if quota.as_of is not None:
            g.add((q, ORGSPEC.asOf, rdf_date(quota.as_of)))
        for ref in quota.over:
            g.add((q, ORGSPEC.totalOver, _organization(b, ref)))
    for i, stated in enumerate(entry.unit.stated):
        s = b.iri(f"{entry.id}/stated/{i}")
        g.add((s, RDF.type, ORGSPEC.StatedCount))
        g.add((s, ORGSPEC.statedFor, node))
        g.add((s, ORGSPEC.counts, Literal(stated.what)))
        _figure(b, s, stated.count)
        if stated.text:
            g.add((s, SKOS.prefLabel, b.text(stated.text)))
        for ref in stated.over:
            g.add((s, ORGSPEC.totalOver, _organization(b, ref)))
        for part in stated.parts:
            words = f"{count_value(part.count)} {part.label}" if part.label else str(count_value(part.count))
            if part.each:
                words += f" \u00d7 {len(part.each)}"
            g.add((s, ORGSPEC.breakdownPart, b.text(words)))
        if stated.complete:
            g.add((s, ORGSPEC.completeBreakdown, Literal(True)))
        if stated.until is not None:
            g.add((s, ORGSPEC.until, rdf_date(stated.until)))
    for i, choice in enumerate(entry.unit.choices):
        c = b.iri(f"{entry.id}/choices/{i}")
        g.add((c, RDF.type, ORGSPEC.Choice))
        g.add((c, ORGSPEC.choiceOf, node))
        _figure(b, c, choice.count)
        if choice.text:
            g.add((c, SKOS.prefLabel, b.text(choice.text)))
        for ref in choice.units:
            g.add((c, ORGSPEC.chosenFrom, _organization(b, ref)))


def _posts(b: _Builder, entry: Entry) -> None:
    scopes: list[list[tuple[str, Post]]] = [
        [(f"{entry.id}/posts/{i}", p) for i, p in enumerate(entry.unit.posts) if isinstance(p, Post)]
    ]
    scopes += [
        [(f"{entry.id}/posts/{i}/posts/{j}", p) for j, p in enumerate(g.posts)]
        for i, g in enumerate(entry.unit.posts)
        if isinstance(g, PostGroup)
    ]
    for posts in scopes:
        by_title = {p.title: pid for pid, p in posts}
        for pid, post in posts:
            node = b.iri(pid)
            if post.rank:
                b.g.add((node, ORGSPEC.rank, b.text(post.rank)))
            if post.concurrent:
                b.g.add((node, ORGSPEC.concurrentPost, b.text(post.concurrent)))
            host = by_title.get(post.held_by) if post.held_by else None
            if host is not None and host != pid:
                b.g.add((node, ORGSPEC.heldByHolderOf, b.iri(host)))


def extras(b: _Builder, entry: Entry) -> None:
    """Add what ORG has no term for about one unit (see the module's docstring)."""
    g, unit, node = b.g, entry.unit, b.iri(entry.id)
    _relations(b, entry, node)
    if unit.rank:
        g.add((node, ORGSPEC.rank, b.text(unit.rank)))
    if unit.rank_as is not None:
        g.add((node, ORGSPEC.rankAs, _organization(b, unit.rank_as)))
        if unit.rank_as_text:
            g.add((node, DCTERMS.description, b.text(unit.rank_as_text)))
    if unit.covers is not None:
        for area in unit.covers.areas:
            g.add((node, ORGSPEC.covers, b.text(area)))
        if unit.covers.each:
            g.add((node, ORGSPEC.coversOneEach, Literal(True)))
    if unit.as_of is not None:
        g.add((node, ORGSPEC.asOf, rdf_date(unit.as_of)))
    if unit.group_header:
        g.add((node, ORGSPEC.groupHeader, Literal(True)))
    if unit.stands_for is not None and unit.stands_for.count.status is CountStatus.NUMBER:
        g.add((node, ORGSPEC.standsFor, Literal(unit.stands_for.count.value, datatype=XSD.integer)))
    _staffing(b, entry, node)
    _posts(b, entry)
