"""Every hostile name of issue 8 in *every* text a chart shows, rendered to every format and parsed back.

``tests/test_render_formats.py`` puts hostile strings in section names. Here each one is also a
plaque and its form, a kind label, a rank, a duty, a shared duty list's lead-in and duty, a quota
label and part, post and group titles, a concurrent post, a coordinating body's member, and the
names of bodies outside the chart that this one hosts or manages. Each output is parsed back
(SVG as XML, HTML with an HTML parser, DOT by Graphviz where installed, Mermaid by its line
grammar) to show that the structure is the chart's and no script, tag, attribute, statement or
directive got through.
"""

from __future__ import annotations

import html.parser
import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from orgspec.model.units import (
    Duty,
    Member,
    Plaque,
    Post,
    PostGroup,
    Quota,
    QuotaPart,
    Relation,
    RelationKind,
    SharedDuties,
    Spec,
    Unit,
)
from orgspec.model.values import Count, QuotaCategory, Ref, UnitKind
from orgspec.render.chart import Chart, ChartOptions, build_chart
from orgspec.render.dot import render_dot
from orgspec.render.html import render_html
from orgspec.render.mermaid import render_mermaid
from orgspec.render.svg import render_svg

from .conftest import needs
from .render_helpers import HOSTILE, SVG_NS

EXTRA = [
    "%%{init: {'securityLevel': 'loose'}}%%\nclick n1 href \"javascript:alert(1)\"",
    ']; node [shape=box]; x [label=<<B>x</B>>]; y [URL="javascript:alert(1)"',
    "&#x3C;script&#x3E; &lt;img src=x onerror=alert(1)&gt;",
    "\u200fRLM\u200e\u061c \u2028sep\u2029 \ufeffbom",
]
NAMES = HOSTILE + EXTRA


def _spec(h: str) -> Spec:
    section = Unit(
        name="处" + h,
        id="s1",
        kind=UnitKind.SECTION,
        plaques=(Plaque(name=h, form=h),),
        rank=h,
        duties=(Duty(text=h),),
    )
    group = Unit(name="小组" + h, kind=UnitKind.COORDINATING_BODY, members=(Member(role=h, post=h),))
    body = Unit(
        name="机构" + h,
        id="b",
        kind_label=h,
        rank=h,
        section_rank=h,
        plaques=(Plaque(name=h),),
        units=(section, Unit(name="处二", id="s2", kind=UnitKind.SECTION), group),
        shared_duties=(
            SharedDuties(
                sections=(Ref(target="s1", by="id"), Ref(target="s2", by="id")), duties=(Duty(text=h),), intro=h
            ),
        ),
        quotas=(
            Quota(
                category=QuotaCategory.ADMINISTRATIVE,
                count=Count.of(3),
                label=h,
                parts=(QuotaPart(count=Count.of(1), label=h),),
            ),
        ),
        posts=(
            Post(title=h, count=Count.of(1), concurrent=h),
            PostGroup(title=h, count=Count.of(2), posts=(Post(title=h, count=Count.of(1), role="chief"),)),
        ),
        relations=(
            Relation(kind=RelationKind.HOSTS, target=Ref(target="外" + h)),
            Relation(kind=RelationKind.MANAGES, target=Ref(target="代" + h)),
        ),
    )
    return Spec(bodies=(body,))


def _chart(h: str) -> Chart:
    return build_chart(_spec(h), ChartOptions(duties=True))


def _shape(chart: Chart) -> tuple[int, int]:
    return len(chart.nodes), len(chart.edges)


# the chart itself does not depend on the name: 7 nodes and the same lines for every one
BASELINE = _shape(_chart("正常名称"))


@pytest.mark.parametrize("name", NAMES, ids=range(len(NAMES)))
def test_svg_structure_is_unchanged(name: str) -> None:
    chart = _chart(name)
    assert _shape(chart) == BASELINE
    root = ET.fromstring(render_svg(chart).encode("utf-8"))
    allowed = {"svg", "defs", "marker", "path", "g", "rect", "line", "polyline", "text", "title"}
    tags = {el.tag.removeprefix(SVG_NS) for el in root.iter()}
    assert tags <= allowed, tags - allowed
    for el in root.iter():
        for key in el.attrib:
            assert not key.lower().startswith("on"), key
            assert "href" not in key.lower(), key
    nodes = [g for g in root.iter(f"{SVG_NS}g") if (g.get("class") or "").startswith("node")]
    assert len(nodes) == BASELINE[0] + sum(1 for g in nodes if g.get("id", "").startswith("legend"))


class _Page(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.nodes = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if "node" in (dict(attrs).get("class") or "").split():
            self.nodes += 1


@pytest.mark.parametrize("name", NAMES, ids=range(len(NAMES)))
def test_html_structure_is_unchanged(name: str) -> None:
    page = render_html(_chart(name))
    plain = _Page()
    plain.feed(render_html(_chart("正常名称")))
    parsed = _Page()
    parsed.feed(page)
    # the same elements in the same order: no tag, attribute or script was added by a name (the chart's
    # <text> lines are left out: a long name wraps onto more of them, each with the usual attributes)
    assert [(t, sorted(a)) for t, a in parsed.tags if t != "text"] == [
        (t, sorted(a)) for t, a in plain.tags if t != "text"
    ]
    text_attrs = {tuple(sorted(a)) for t, a in plain.tags if t == "text"}
    assert {tuple(sorted(a)) for t, a in parsed.tags if t == "text"} <= text_attrs
    assert sum(1 for t, _ in parsed.tags if t == "script") == 1
    for _, attrs in parsed.tags:
        for key, value in attrs.items():
            assert not key.startswith("on"), key
            if key in ("href", "src", "action", "formaction", "style", "srcset"):
                assert (value or "").startswith("#") or key == "style", (key, value)
                assert "javascript:" not in (value or "").lower()


_DOT_STATEMENT = re.compile(r"^  (n\d+|legend\d*|\w+) ?(\[|->|--|\{|$)|^  (graph|node|edge|subgraph|rankdir|\})")


@pytest.mark.parametrize("name", NAMES, ids=range(len(NAMES)))
def test_dot_structure_is_unchanged(name: str) -> None:
    text = render_dot(_chart(name))
    plain = render_dot(_chart("正常名称"))
    # one statement per line, and the same statements as for a plain name (labels aside)
    skeleton = [re.sub(r"label=<.*>(?=[,\]])", "label=<>", ln) for ln in text.splitlines()]
    expected = [re.sub(r"label=<.*>(?=[,\]])", "label=<>", ln) for ln in plain.splitlines()]
    assert [re.sub(r'"[^"]*"', '""', ln) for ln in skeleton] == [re.sub(r'"[^"]*"', '""', ln) for ln in expected]
    outside_labels = "\n".join(skeleton)
    assert "URL=" not in outside_labels
    assert "javascript:" not in outside_labels


@pytest.mark.graphviz
@needs(shutil.which("dot"), "Graphviz is not installed")
@pytest.mark.parametrize("name", NAMES, ids=range(len(NAMES)))
def test_graphviz_reads_the_same_graph(name: str) -> None:
    from orgspec.render.graphviz_run import run_dot

    def graph(h: str) -> tuple[int, int, set[str]]:
        root = ET.fromstring(run_dot(render_dot(_chart(h)), "svg"))
        classes = [g.get("class") for g in root.iter(f"{SVG_NS}g")]
        tags = {el.tag.removeprefix(SVG_NS) for el in root.iter()}
        return classes.count("node"), classes.count("edge"), tags

    nodes, edges, tags = graph(name)
    assert (nodes, edges) == graph("正常名称")[:2]
    assert "script" not in tags
    assert not {t for t in tags if t in ("a", "image", "foreignObject")}


@pytest.mark.parametrize("name", NAMES, ids=range(len(NAMES)))
def test_mermaid_structure_is_unchanged(name: str) -> None:
    text = render_mermaid(_chart(name))
    plain = render_mermaid(_chart("正常名称"))

    def skeleton(t: str) -> list[str]:
        # a label is "…" with no quote inside; everything outside labels is structure
        return [re.sub(r'"[^"\n]*"', '""', ln) for ln in t.splitlines()]

    assert skeleton(text) == skeleton(plain)
    for line in text.splitlines():
        if re.fullmatch(r"  style s\d+_\d+ fill:#ffffff,stroke:#c5d3e0", line):
            continue  # the frame of a stacked column (fixed text, generated id)
        assert not line.lstrip().startswith(("%%", "click", "style ", "linkStyle", "classDef x")), line
    labels = re.findall(r'"([^"\n]*)"', text)
    for label in labels:
        assert not re.search(r"[<>]", re.sub(r"</?(b|small)>|<br/>", "", label)), label
        assert "%%" not in label
        assert "`" not in label
