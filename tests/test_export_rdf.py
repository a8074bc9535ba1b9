"""The Organization Ontology exports parse back with rdflib and state what the spec says."""

from __future__ import annotations

from pathlib import Path

import pytest

import orgspec
from orgspec.export import export
from orgspec.export.lang import tag

from .conftest import FIXTURES, ROOT, SPECS, require_module

rdflib = require_module("rdflib")
from rdflib import RDF, XSD, Literal, URIRef  # noqa: E402
from rdflib.namespace import DCTERMS, FOAF, PROV, SKOS  # noqa: E402

from orgspec.export.org_rdf import ORG  # noqa: E402

FAO = SPECS / "zhenjiang-fao.orgspec"
HISTORY = FIXTURES / "export" / "history.orgspec"
RDF_FORMATS = {"org-ttl": "turtle", "org-jsonld": "json-ld"}


def _parse(path: object, fmt: str) -> rdflib.Graph:
    text = export(orgspec.load(path), fmt)  # type: ignore[arg-type]
    return rdflib.Graph().parse(data=text, format=RDF_FORMATS[fmt])


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_units_labels_and_plaques_parse_back(fmt: str) -> None:
    g = _parse(FAO, fmt)
    body = URIRef("urn:orgspec:zj_fao")
    assert (body, RDF.type, ORG.FormalOrganization) in g
    units = set(g.subjects(RDF.type, ORG.OrganizationalUnit))
    assert len(units) == 7
    assert set(g.objects(body, ORG.hasUnit)) == units
    assert set(g.subjects(ORG.subOrganizationOf, None)) == set()
    assert all((u, ORG.unitOf, body) in g for u in units)
    assert (body, SKOS.prefLabel, Literal("鎮江市人民政府外事辦公室", lang="zh-Hant")) in g
    assert set(g.objects(body, SKOS.altLabel)) == {Literal("鎮江市人民政府港澳事務辦公室", lang="zh-Hant")}
    alt = {str(o) for o in g.objects(None, SKOS.altLabel)}
    assert alt == {"鎮江市人民政府港澳事務辦公室", "涉外管理處", "民間交流促進處", "港澳事務處"}
    assert len(list(g.objects(body, ORG.purpose))) == 10
    assert (URIRef("urn:orgspec:libin"), ORG.classification, URIRef("urn:orgspec:kind/section")) in g


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_posts_and_heads(fmt: str) -> None:
    g = _parse(FAO, fmt)
    body = URIRef("urn:orgspec:zj_fao")
    posts = set(g.subjects(ORG.postIn, body))
    labels = {str(g.value(p, SKOS.prefLabel)) for p in posts}
    assert labels == {"主任", "副主任", "正處長", "副處長", "監察室主任"}
    # ORG's headOf links an agent: a post is marked by its role instead
    assert set(g.subjects(ORG.headOf, None)) == set()
    heads = {str(g.value(p, SKOS.prefLabel)) for p in g.subjects(ORG.role, URIRef("urn:orgspec:role/head"))}
    assert heads == {"主任"}
    for post in posts:
        roles = set(g.objects(post, ORG.role))
        assert any(g.value(r, SKOS.prefLabel) == g.value(post, SKOS.prefLabel) for r in roles)
        assert all((r, RDF.type, ORG.Role) in g for r in roles)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_simplified_labels_and_memberships(fmt: str) -> None:
    g = _parse(HISTORY, fmt)
    body = URIRef("urn:orgspec:bodies/0")
    assert (body, SKOS.prefLabel, Literal("某市外事办公室", lang="zh-Hans")) in g
    assert len(set(g.subjects(RDF.type, ORG.Membership))) == 2
    group = URIRef("urn:orgspec:lingdao")
    heads = set(g.subjects(ORG.headOf, group))
    assert len(heads) == 1
    assert str(g.value(heads.pop(), rdflib.namespace.FOAF.name)) == "张三"


def test_base_iri_option_changes_unit_iris() -> None:
    text = export(orgspec.load(FAO), "org-ttl", base="https://example.org/zj/")
    g = rdflib.Graph().parse(data=text, format="turtle")
    assert (URIRef("https://example.org/zj/zj_fao"), RDF.type, ORG.FormalOrganization) in g


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("鎮江市人民政府外事辦公室", "zh-Hant"),
        ("镇江市人民政府外事办公室", "zh-Hans"),
        ("人民政府", "zh"),
        ("Foreign Affairs Office", "en"),
        ("123", None),
        ("𠀋處", "zh-Hant"),
    ],
)
def test_language_tag_heuristic(text: str, expected: str | None) -> None:
    assert tag(text) == expected


def test_ambiguous_labels_follow_the_spec_script() -> None:
    assert tag("人民政府", "zh-Hant") == "zh-Hant"


# ---- ORG's domains and ranges: SHACL ---------------------------------------------------------------
SHAPES = Path(__file__).parent / "shapes" / "org.ttl"
BUNDLED = sorted(SPECS.glob("*.orgspec")) + sorted((FIXTURES / "export").glob("*.orgspec"))
BUNDLED += sorted((ROOT / "examples").glob("*.orgspec"))


def _conforms(data: rdflib.Graph) -> tuple[bool, str]:
    pyshacl = require_module("pyshacl")
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=shapes, inference="none")
    return bool(conforms), str(text)


@pytest.mark.parametrize("path", BUNDLED, ids=[p.name for p in BUNDLED])
def test_every_bundled_spec_conforms_to_org_domains_and_ranges(path: Path) -> None:
    g = rdflib.Graph().parse(data=export(orgspec.load(path), "org-ttl"), format="turtle")
    conforms, report = _conforms(g)
    assert conforms, report


def test_the_shapes_reject_head_of_on_a_post_and_a_unit_of_a_unit() -> None:
    # what the export used to write: a post heading its unit, a section as org:unitOf a section
    bad = """
    @prefix org: <http://www.w3.org/ns/org#> .
    <urn:x:body> a org:FormalOrganization, org:Organization ; org:hasUnit <urn:x:a> .
    <urn:x:a> a org:OrganizationalUnit, org:Organization ; org:unitOf <urn:x:body> .
    <urn:x:b> a org:OrganizationalUnit, org:Organization ; org:unitOf <urn:x:a> .
    <urn:x:post> a org:Post ; org:postIn <urn:x:body> ; org:headOf <urn:x:body> .
    """
    conforms, report = _conforms(rdflib.Graph().parse(data=bad, format="turtle"))
    assert not conforms
    assert "headOf" in report
    assert "unitOf" in report


NESTED = """body fao "某市外事办公室" {
  kind "工作部门"
  section a "秘书处" {
    section "文电科"
  }
  office hk "某市港澳事务办公室" {
    section "联络科"
  }
  posts {
    post "主任" 1 holder "王五"
    post "副主任" 2
  }
  history {
    event established 2001-02-03 {
      basis "某编〔2001〕1号" { title "关于设立某市外事办公室的通知"; date 2001-01 }
    }
    event abolished 2019
  }
}
history {
  event renamed 2010 { unit @hk; from "某市港澳办"; to "某市港澳事务办公室" }
}
"""


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_nested_office_is_a_sub_organization_and_sections_nest_as_units() -> None:
    g = rdflib.Graph().parse(data=export(orgspec.loads(NESTED), "org-ttl"), format="turtle")
    body, office = URIRef("urn:orgspec:fao"), URIRef("urn:orgspec:hk")
    assert (office, ORG.subOrganizationOf, body) in g
    assert (body, ORG.hasSubOrganization, office) in g
    assert (office, RDF.type, ORG.OrganizationalUnit) not in g
    assert (office, RDF.type, ORG.FormalOrganization) in g
    assert (body, ORG.hasUnit, office) not in g
    # a section of the office is a unit of it; a section of a section is a sub-organisation
    assert (URIRef("urn:orgspec:hk/units/0"), ORG.unitOf, office) in g
    assert (URIRef("urn:orgspec:a/units/0"), ORG.subOrganizationOf, URIRef("urn:orgspec:a")) in g
    assert (URIRef("urn:orgspec:a/units/0"), ORG.unitOf, None) not in g
    # the holder of the head post is the agent that heads the unit
    (person,) = g.subjects(ORG.holds, URIRef("urn:orgspec:fao/posts/0"))
    assert (person, ORG.headOf, body) in g
    assert str(g.value(person, FOAF.name)) == "王五"
    conforms, report = _conforms(g)
    assert conforms, report


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_history_is_org_change_events_with_prov_times_and_sources() -> None:
    g = rdflib.Graph().parse(data=export(orgspec.loads(NESTED), "org-ttl"), format="turtle")
    body = URIRef("urn:orgspec:fao")
    founded, abolished = URIRef("urn:orgspec:fao/history/0"), URIRef("urn:orgspec:fao/history/1")
    assert (founded, RDF.type, ORG.ChangeEvent) in g
    assert (founded, ORG.resultingOrganization, body) in g
    assert (founded, ORG.originalOrganization, None) not in g
    assert (body, ORG.resultedFrom, founded) in g
    assert (founded, PROV.startedAtTime, Literal("2001-02-03T00:00:00", datatype=XSD.dateTime)) in g
    assert (founded, DCTERMS.date, Literal("2001-02-03", datatype=XSD.date)) in g
    (doc,) = g.objects(founded, PROV.used)
    assert (founded, DCTERMS.source, doc) in g
    assert (doc, RDF.type, PROV.Entity) in g
    assert str(g.value(doc, DCTERMS.identifier)) == "某编〔2001〕1号"
    assert (doc, DCTERMS.date, Literal("2001-01", datatype=XSD.gYearMonth)) in g
    assert (abolished, ORG.originalOrganization, body) in g
    assert (abolished, ORG.resultingOrganization, None) not in g
    assert (body, ORG.changedBy, abolished) in g
    assert (abolished, DCTERMS.date, Literal("2019", datatype=XSD.gYear)) in g
    assert (abolished, PROV.startedAtTime, None) not in g  # the day is not known
    # a spec-level event is about the unit it names
    renamed = URIRef("urn:orgspec:hk/history/0")
    assert (renamed, ORG.originalOrganization, URIRef("urn:orgspec:hk")) in g
    assert (renamed, ORG.resultingOrganization, URIRef("urn:orgspec:hk")) in g


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_bundled_history_is_exported() -> None:
    g = _parse(SPECS / "xuzhou-fao.orgspec", "org-ttl")
    events = set(g.subjects(RDF.type, ORG.ChangeEvent))
    assert len(events) == 5
    kinds = {str(g.value(e, DCTERMS.type)).rsplit("/", 1)[1] for e in events}
    assert kinds == {"renamed", "plaque-added", "reestablished", "hosted"}


def test_popolo_dates_come_from_every_event_about_a_unit() -> None:
    from orgspec.export.popolo import popolo

    orgs = {o["id"]: o for o in popolo(orgspec.loads(NESTED))["organizations"]}
    assert orgs["fao"]["founding_date"] == "2001-02-03"
    assert orgs["fao"]["dissolution_date"] == "2019"
    assert "founding_date" not in orgs["hk"]
    xuzhou = popolo(orgspec.load(SPECS / "xuzhou-fao.orgspec"))["organizations"][0]
    assert xuzhou["founding_date"] == "2010-06-01"  # re-established then, never established before
    assert "dissolution_date" not in xuzhou
    again = NESTED.replace("event abolished 2019", "event abolished 2019\n    event reestablished 2020-05")
    fao = popolo(orgspec.loads(again))["organizations"][0]
    assert fao["founding_date"] == "2020-05"
    assert "dissolution_date" not in fao


def test_an_events_verb_is_its_label() -> None:
    from orgspec.export.org_rdf import graph

    spec = orgspec.loads(
        'body a "甲办" {}\nbody b "乙局" {\n  history { event established 2023 { verb "设立"; item 2 } }\n}\n'
    )
    g = graph(spec, "urn:orgspec:")
    labels = {str(o) for s, o in g.subject_objects(SKOS.prefLabel) if "history" in str(s)}
    assert labels == {"设立"}


def test_what_an_events_sentence_says_of_the_body_is_its_description() -> None:
    from orgspec.export.org_rdf import graph

    spec = orgspec.loads(
        'body b "乙局" {\n  history { event established 2023 { as "国务院直属机构"; rank "正部级" } }\n}\n'
    )
    g = graph(spec, "urn:orgspec:")
    described = {str(o) for s, o in g.subject_objects(DCTERMS.description) if "history" in str(s)}
    assert {"国务院直属机构", "正部级"} <= described
