"""The draw.io export read back: every vertex and edge checked against the chart and its layout.

The file is parsed as draw.io reads it (``mxfile`` → ``diagram`` →
``mxGraphModel`` → ``root`` → ``mxCell``) with ElementTree; labels are
draw.io HTML, decoded with the standard library's HTML parser. The test
expectations come from the chart (parents, relations) and from
:func:`orgspec.render.layout.layout` (positions), not from the writer.
"""

from __future__ import annotations

import html.parser
import itertools
import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from orgspec.cli.main import main
from orgspec.render.chart import Chart, build_chart
from orgspec.render.diffchart import build_diff_chart
from orgspec.render.drawio import render_drawio
from orgspec.render.layout import GAP_Y, layout
from orgspec.reorg import diff

from .conftest import GOLDEN, golden, needs, require, require_module
from .render_helpers import HOSTILE, chart_specs, hostile_spec, load_spec, ministry

DIFF_CASE = Path(__file__).parent / "fixtures" / "diff" / "zhenjiang-reorg"


class _Label(html.parser.HTMLParser):
    """The text lines of a draw.io HTML label, and every tag it uses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines = [""]
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "br":
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        self.lines[-1] += data


def _label(value: str) -> tuple[list[str], set[str]]:
    parser = _Label()
    parser.feed(value)
    parser.close()
    return parser.lines, parser.tags


class Diagram:
    """A parsed draw.io file: vertices and edges by id."""

    def __init__(self, text: str) -> None:
        root = ET.fromstring(text.encode("utf-8"))
        assert root.tag == "mxfile"
        diagrams = root.findall("diagram")
        assert len(diagrams) == 1
        model = diagrams[0].find("mxGraphModel")
        assert model is not None
        cells = model.findall("root/mxCell")
        assert cells[0].attrib == {"id": "0"}
        assert cells[1].attrib == {"id": "1", "parent": "0"}
        ids = [c.get("id") for c in cells]
        assert len(ids) == len(set(ids)), "duplicate cell ids"
        self.vertices = {c.get("id", ""): c for c in cells if c.get("vertex") == "1"}
        self.edges = [c for c in cells if c.get("edge") == "1"]
        self.page = (float(model.get("pageWidth", 0)), float(model.get("pageHeight", 0)))


def _cases() -> list[tuple[str, Chart]]:
    cases = [(p.stem, build_chart(load_spec(p))) for p in chart_specs()]
    cases.append(("hostile", build_chart(hostile_spec([*HOSTILE, "国" * 70]))))
    cases.append(("ministry", build_chart(ministry(1000))))
    old, new = load_spec(DIFF_CASE / "old.orgspec"), load_spec(DIFF_CASE / "new.orgspec")
    cases.append(("diff", build_diff_chart(new, diff(old, new))))
    return cases


CASES = _cases()


@pytest.mark.parametrize(("name", "chart"), CASES, ids=[c[0] for c in CASES])
def test_every_box_is_a_vertex_where_the_layout_puts_it(name: str, chart: Chart) -> None:
    diagram = Diagram(render_drawio(chart))
    lay = layout(chart)
    units = {k: v for k, v in diagram.vertices.items() if v.get("parent") == "1"}
    legend = {k for k, v in diagram.vertices.items() if v.get("parent") != "1"}
    assert set(units) == {n.id for n in chart.nodes} | ({"legend"} if chart.legend else set())
    assert all(k.startswith("legend") for k in legend)
    for node in chart.nodes:
        cell = units[node.id]
        geo = cell.find("mxGeometry")
        assert geo is not None
        box = lay.boxes[node.id]
        got = tuple(float(geo.get(k, "nan")) for k in ("x", "y", "width", "height"))
        assert got == pytest.approx((box.x, box.y, box.w, box.h), abs=0.006), node.id
        lines, tags = _label(cell.get("value", ""))
        assert lines == [line.text for line in box.lines], node.id
        assert tags <= {"span", "b", "br"}, tags
        assert "whiteSpace=wrap" in cell.get("style", "")
    assert diagram.page[0] >= lay.width
    assert diagram.page[1] >= lay.height


def _expected_edges(chart: Chart) -> list[tuple[str, str, str]]:
    tree = [(n.parent, n.id, "tree") for n in chart.nodes if n.parent is not None and not n.attached]
    return sorted([*tree, *((e.source, e.target, e.kind) for e in chart.edges)])


@pytest.mark.parametrize(("name", "chart"), CASES, ids=[c[0] for c in CASES])
def test_every_edge_is_a_relation_of_the_model(name: str, chart: Chart) -> None:
    """Connectors join exactly a parent to a unit beneath it, or the two ends of a model relation."""
    diagram = Diagram(render_drawio(chart))
    lay = layout(chart)
    drawn = []
    for edge in diagram.edges:
        source, target, cell_id = edge.get("source", ""), edge.get("target", ""), edge.get("id", "")
        assert source in diagram.vertices, cell_id
        assert target in diagram.vertices, cell_id
        kind = "tree" if cell_id.startswith("tree-") else cell_id.rsplit("-", 1)[-1]
        drawn.append((source, target, kind))
        if kind != "tree":
            assert "dashed=1" in edge.get("style", "")
            continue
        # a tree edge leaves its parent's bottom centre and runs orthogonally through the layout's bends
        style = edge.get("style", "")
        assert "edgeStyle=orthogonalEdgeStyle" in style
        assert "endArrow=none" in style
        parent = lay.boxes[source]
        points = [(float(p.get("x", "nan")), float(p.get("y", "nan"))) for p in edge.iter("mxPoint")]
        assert points[0] == pytest.approx((parent.x + parent.w / 2, parent.y + parent.h + GAP_Y / 2), abs=0.01)
        for (x1, y1), (x2, y2) in itertools.pairwise(points):
            assert abs(x1 - x2) < 0.01 or abs(y1 - y2) < 0.01, (cell_id, points)
        child = lay.boxes[target]
        last = points[-1]
        assert abs(last[0] - (child.x + child.w / 2)) < 0.01 or abs(last[1] - (child.y + child.h / 2)) < 0.01
    assert sorted(drawn) == _expected_edges(chart)


def test_hostile_names_are_text_in_the_labels() -> None:
    chart = build_chart(hostile_spec(HOSTILE))
    text = render_drawio(chart)
    diagram = Diagram(text)
    lay = layout(chart)
    for node in chart.nodes:
        lines, tags = _label(diagram.vertices[node.id].get("value", ""))
        assert tags <= {"span", "b", "br"}
        assert lines == [line.text for line in lay.boxes[node.id].lines]
    assert "<script" not in text
    assert ET.fromstring(text.encode("utf-8")).tag == "mxfile"


@pytest.mark.parametrize("path", chart_specs(), ids=[p.stem for p in chart_specs()])
def test_drawio_golden(path: Path) -> None:
    golden(GOLDEN / "render" / f"{path.stem}.drawio", render_drawio(build_chart(load_spec(path))))


def test_output_is_deterministic() -> None:
    chart = build_chart(load_spec(chart_specs()[0]))
    assert render_drawio(chart) == render_drawio(build_chart(load_spec(chart_specs()[0])))


def test_cli_writes_drawio(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = next(p for p in chart_specs() if p.stem == "zhenjiang-fao")
    out = tmp_path / "zj.drawio"
    assert main(["render", str(spec), "-o", str(out)]) == 0, capsys.readouterr().err
    diagram = Diagram(out.read_text(encoding="utf-8"))
    chart = build_chart(load_spec(spec))
    assert {n.id for n in chart.nodes} <= set(diagram.vertices)
    assert any(_label(v.get("value", ""))[0][0] == "亞非處" for v in diagram.vertices.values())


MXGRAPH_JS = os.environ.get("ORGSPEC_MXGRAPH_JS")  # path to mxClient.min.js (npm package mxgraph, javascript/)
ARTIFACTS = Path(__file__).parent / "artifacts"

_MX_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<script>var mxBasePath = 'BASE'; var mxLoadResources = false; var mxLoadStylesheet = false;</script>
<script src="SCRIPT"></script></head><body style="margin:0">
<div id="g" style="position:relative;width:WIDTHpx;height:HEIGHTpx"></div><pre id="out"></pre>
<script>
const xml = DATA;
const doc = mxUtils.parseXml(xml);
const graph = new mxGraph(document.getElementById('g'));
graph.setHtmlLabels(true);
const model = graph.getModel();
new mxCodec(doc).decode(doc.getElementsByTagName('mxGraphModel')[0], model);
const res = {vertices: {}, edges: []};
for (const id in model.cells) {
  const c = model.cells[id];
  if (model.isVertex(c) && c.parent.id === '1') {
    const g = c.geometry;
    res.vertices[id] = [g.x, g.y, g.width, g.height];
  }
  if (model.isEdge(c)) res.edges.push([model.getTerminal(c, true).id, model.getTerminal(c, false).id]);
}
res.drawn = document.querySelectorAll('#g svg text, #g svg foreignObject').length;
document.getElementById('out').textContent = JSON.stringify(res);
</script></body></html>"""


@pytest.mark.browser
@needs(MXGRAPH_JS and Path(MXGRAPH_JS).is_file(), "set ORGSPEC_MXGRAPH_JS to mxClient.min.js (.ci/run installs it)")
@pytest.mark.parametrize("name", ["zhenjiang-fao", "hengyang-gov-office", "hostile"])
def test_mxgraph_reads_the_file_back(name: str, tmp_path: Path) -> None:
    """draw.io's own diagram library (mxGraph) decodes the file into the same vertices and edges, and draws it."""
    sync_api = require_module("playwright.sync_api")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    require(chromium, "headless Chromium is not installed")
    assert MXGRAPH_JS is not None
    chart = dict(CASES)[name]
    lay = layout(chart)
    script = Path(MXGRAPH_JS).resolve()
    page = (
        _MX_PAGE.replace("BASE", (script.parent / "src").as_uri())
        .replace("SCRIPT", script.as_uri())
        .replace("WIDTH", str(int(lay.width) + 40))
        .replace("HEIGHT", str(int(lay.height) + 300))
        .replace("DATA", json.dumps(render_drawio(chart)))
    )
    path = tmp_path / "mx.html"
    path.write_text(page, encoding="utf-8")
    errors: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            tab = browser.new_page(viewport={"width": 1200, "height": 900})
            tab.on("pageerror", lambda e: errors.append(str(e)))
            tab.goto(path.as_uri())
            result = json.loads(tab.inner_text("#out"))
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(ARTIFACTS / f"drawio-{name}.png"))
        finally:
            browser.close()
    assert errors == []
    vertices = {k: v for k, v in result["vertices"].items() if k != "legend"}
    assert set(vertices) == {n.id for n in chart.nodes}
    for node_id, geo in vertices.items():
        box = lay.boxes[node_id]
        assert tuple(geo) == pytest.approx((box.x, box.y, box.w, box.h), abs=0.006)
    assert sorted(tuple(e) for e in result["edges"]) == sorted((s, t) for s, t, _ in _expected_edges(chart))
    assert result["drawn"] >= len(chart.nodes)
