"""The Organization Ontology exports parse back with rdflib and state what the spec says."""

from __future__ import annotations

import pytest

import orgspec
from orgspec.export import export
from orgspec.export.lang import tag

from .conftest import FIXTURES, SPECS, require_module

rdflib = require_module("rdflib")
from rdflib import RDF, Literal, URIRef  # noqa: E402
from rdflib.namespace import SKOS  # noqa: E402

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
    heads = {str(g.value(p, SKOS.prefLabel)) for p in g.subjects(ORG.headOf, body)}
    assert heads == {"主任"}


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
