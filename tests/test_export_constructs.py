"""The Popolo and Organization Ontology exports carry the constructs added for the corpus (issue 13):
relations beside the tree, ranks, the area covered, quotas and stated counts, holders and posts held
concurrently, an event's period. Each is read back from the export, against the fixture's own text
(tests/fixtures/export/constructs.orgspec); docs/exports.md lists what each format leaves out and why.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import orgspec
from orgspec.export import export

from .conftest import FIXTURES, require_module

CONSTRUCTS = FIXTURES / "export" / "constructs.orgspec"


def _popolo() -> dict[str, object]:
    data = json.loads(export(orgspec.load(CONSTRUCTS), "popolo"))
    assert isinstance(data, dict)
    return data


def _org(data: dict[str, object], uid: str) -> dict[str, object]:
    orgs = data["organizations"]
    assert isinstance(orgs, list)
    return next(o for o in orgs if o["id"] == uid)


def test_popolo_carries_relations_by_id_name_or_post_with_dates() -> None:
    data = _popolo()
    assert _org(data, "flj")["relations"] == [
        {"kind": "plaque-on", "organization_id": "qs"},
        {"kind": "managed-by", "organization_id": "qs"},
    ]
    assert _org(data, "gs")["relations"] == [
        {"kind": "office-of-post", "post": "国家土地总督察"},
        {"kind": "hosted-in", "organization": "某县政府", "end_date": "2015"},
    ]
    assert _org(data, "zx/units/0")["relations"] == [{"kind": "dual-led-by", "organization": "县人民武装部"}]
    assert _org(data, "ywk")["relations"] == [{"kind": "performs-for", "organization_id": "flj"}]
    assert _org(data, "ldxz")["relations"] == [{"kind": "working-office", "organization_id": "gs"}]


def test_popolo_carries_rank_rank_as_covers_and_the_date_of_a_state() -> None:
    data = _popolo()
    zx = _org(data, "zx")
    assert (zx["rank"], zx["covers"], zx["as_of"], zx["stands_for"]) == (
        "正科级",
        {"areas": ["甲村", "乙村"], "each": True},
        "2011-12",
        2,
    )
    assert _org(data, "gs")["rank_as"] == {"organization_id": "zx", "note": "与中心镇规格相等"}


def test_popolo_holders_are_memberships_of_their_post_with_the_concurrent_post() -> None:
    data = _popolo()
    persons = {p["name"]: p["id"] for p in data["persons"]}  # type: ignore[attr-defined]
    held = [m for m in data["memberships"] if "post_id" in m]  # type: ignore[attr-defined]
    assert held == [
        {
            "id": "gs/posts/0/posts/2/holders/0",
            "person_id": persons["陳光健"],
            "organization_id": "gs",
            "post_id": "gs/posts/0/posts/2",
            "role": "副书记",
            "concurrent": "unstated",
        },
        {
            "id": "gs/posts/0/posts/2/holders/1",
            "person_id": persons["刘平"],
            "organization_id": "gs",
            "post_id": "gs/posts/0/posts/2",
            "role": "副书记",
            "concurrent": "委员",
            "concurrent_organization_id": "ldxz",
        },
    ]
    # the same person as a member of the other body: one person, two memberships
    assert [m["person_id"] for m in data["memberships"] if m["organization_id"] == "ldxz"] == [persons["刘平"]]  # type: ignore[attr-defined]
    posts = {p["label"]: p for p in data["posts"]}  # type: ignore[attr-defined]
    assert (posts["主任"]["held_by"], posts["主任"]["rank"]) == ("副书记", "正科级")


# ---- the Organization Ontology, with orgspec: terms ------------------------------------------------

rdflib = require_module("rdflib")
from rdflib import RDF, XSD, Literal, URIRef  # noqa: E402
from rdflib.namespace import SKOS  # noqa: E402

from orgspec.export.rdf_extra import ORG, ORGSPEC  # noqa: E402


def _graph(fmt: str = "org-ttl") -> rdflib.Graph:
    text = export(orgspec.load(CONSTRUCTS), fmt)
    return rdflib.Graph().parse(data=text, format={"org-ttl": "turtle", "org-jsonld": "json-ld"}[fmt])


def _u(local: str) -> URIRef:
    return URIRef("urn:orgspec:" + local)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("fmt", ["org-ttl", "org-jsonld"])
def test_relations_are_linked_to_and_named_and_an_ended_one_is_left_out(fmt: str) -> None:
    g = _graph(fmt)
    assert (_u("flj"), ORGSPEC.plaqueOn, _u("qs")) in g
    assert (_u("flj"), ORGSPEC.managedBy, _u("qs")) in g
    assert (_u("ywk"), ORGSPEC.performsWorkOf, _u("flj")) in g
    assert set(g.objects(_u("flj"), ORG.linkedTo)) == {_u("qs")}
    # a body outside the spec is an organisation with its label
    (outside,) = g.objects(_u("zx/units/0"), ORGSPEC.dualLedBy)
    assert (outside, RDF.type, ORG.Organization) in g
    assert str(g.value(outside, SKOS.prefLabel)) == "县人民武装部"
    # not containment
    assert (_u("zx/units/0"), ORG.subOrganizationOf, outside) not in g
    # hosted-in … until 2015: ended, so not stated; the office of a post is a title
    assert list(g.objects(_u("gs"), ORGSPEC.hostedIn)) == []
    assert str(g.value(_u("gs"), ORGSPEC.workingOfficeOfPost)) == "国家土地总督察"
    assert (_u("gs"), ORGSPEC.rankAs, _u("zx")) in g


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_quotas_and_stated_counts_are_resources_of_their_unit() -> None:
    g = _graph()
    pool = _u("qs/quotas/0")
    assert (pool, RDF.type, ORGSPEC.Quota) in g
    assert (pool, ORGSPEC.quotaOf, _u("qs")) in g
    assert (pool, ORGSPEC.places, Literal(74, datatype=XSD.integer)) in g
    assert (pool, ORGSPEC.provisional, Literal(True)) in g
    assert (pool, ORGSPEC.totalOver, _u("zx")) in g
    assert (pool, ORGSPEC.asOf, Literal("2002", datatype=XSD.gYear)) in g
    logistics = _u("qs/quotas/1")
    assert (logistics, ORGSPEC.category, _u("category/logistics")) in g
    assert (logistics, ORGSPEC.fundedAs, _u("category/public-institution")) in g
    assert str(g.value(logistics, ORGSPEC.phasingOut)) == "只出不进"
    total, sections = _u("qs/stated/0"), _u("qs/stated/1")
    assert (str(g.value(total, ORGSPEC.counts)), g.value(total, ORGSPEC.places)) == ("quota", Literal(80))
    assert {str(o) for o in g.objects(sections, ORGSPEC.breakdownPart)} == {"2 2办", "1 1中心"}
    assert (sections, ORGSPEC.completeBreakdown, Literal(True)) in g
    zx = _u("zx")
    assert {str(o) for o in g.objects(zx, ORGSPEC.covers)} == {"甲村", "乙村"}
    assert (zx, ORGSPEC.standsFor, Literal(2, datatype=XSD.integer)) in g
    assert (zx, ORGSPEC.asOf, Literal("2011-12", datatype=XSD.gYearMonth)) in g


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_posts_held_concurrently_and_an_events_period() -> None:
    g = _graph()
    assert (_u("gs/posts/0/posts/1"), ORGSPEC.heldByHolderOf, _u("gs/posts/0/posts/2")) in g
    assert str(g.value(_u("gs/posts/0/posts/1"), ORGSPEC.rank)) == "正科级"
    (event,) = g.subjects(ORGSPEC.period, None)
    assert str(g.value(event, ORGSPEC.period)) == "日前"
    assert (event, URIRef("http://purl.org/dc/terms/type"), _u("event/members-adjusted")) in g


SHAPES = Path(__file__).parent / "shapes" / "org.ttl"


def _conforms(turtle: str) -> bool:
    pyshacl = require_module("pyshacl")
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    data = rdflib.Graph().parse(data=turtle, format="turtle")
    conforms, _, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=shapes, inference="none")
    return bool(conforms)


def test_the_shapes_check_the_orgspec_terms() -> None:
    head = """
    @prefix org: <http://www.w3.org/ns/org#> .
    @prefix o: <https://github.com/orgspec/orgspec/blob/main/docs/exports.md#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    <urn:x:a> a org:FormalOrganization, org:Organization .
    <urn:x:c> a skos:Concept .
    """
    good = head + "<urn:x:q> a o:Quota ; o:quotaOf <urn:x:a> ; o:category <urn:x:c> ; o:places 3 ."
    assert _conforms(good)
    assert not _conforms(head + "<urn:x:q> a o:Quota ; o:quotaOf <urn:x:a> ; o:category <urn:x:c> .")  # no figure
    assert not _conforms(head + '<urn:x:a> o:plaqueOn "某局" .')  # a relation to a literal
    assert not _conforms(head + "<urn:x:a> org:linkedTo <urn:x:c> .")  # to a concept, not an organisation
