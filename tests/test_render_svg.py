"""The embedded SVG: well-formed, every text inside its box by our metrics, wide levels stacked."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from orgspec.model.units import Spec, Unit
from orgspec.render import graphviz_run
from orgspec.render.chart import ChartOptions, build_chart
from orgspec.render.dot import render_dot
from orgspec.render.layout import FONT_SIZES, MAX_ROW, layout, stacked_columns
from orgspec.render.svg import render_svg
from orgspec.render.text_metrics import text_width

from .conftest import needs
from .render_helpers import CASES, HOSTILE, SVG_NS, chart_specs, hostile_spec, load_spec, svg_nodes

SPEC_FILES = chart_specs()


def _assert_texts_inside(svg: str) -> int:
    checked = 0
    for g, rect, texts in svg_nodes(svg):
        x, y = float(rect.get("x", 0)), float(rect.get("y", 0))
        w, h = float(rect.get("width", 0)), float(rect.get("height", 0))
        assert texts, g.get("id")
        for t in texts:
            size = float(t.get("font-size", 0))
            assert size >= 11, "text below legibility"
            half = text_width(t.text or "") * size / 2
            cx, base = float(t.get("x", 0)), float(t.get("y", 0))
            where = (g.get("id"), t.text)
            assert x <= cx - half, where
            assert cx + half <= x + w, where
            assert y <= base - size * 0.88, where
            assert base + size * 0.25 <= y + h, where
            checked += 1
    return checked


@pytest.mark.parametrize("path", SPEC_FILES, ids=[p.stem for p in SPEC_FILES])
@pytest.mark.parametrize("duties", [False, True], ids=["plain", "duties"])
def test_every_text_is_inside_its_box(path: Path, duties: bool) -> None:
    svg = render_svg(build_chart(load_spec(path), ChartOptions(duties=duties)))
    assert _assert_texts_inside(svg) > 0


def test_hostile_and_long_names_stay_inside() -> None:
    names = [*HOSTILE, "国" * 80, "W" * 90, "一二三四五六七八九十" * 3 + "abcdefghij" * 3]
    assert _assert_texts_inside(render_svg(build_chart(hostile_spec(names)))) >= len(names)


def test_boxes_do_not_overlap() -> None:
    lay = layout(build_chart(load_spec(CASES / "hengyang-like.orgspec")))
    boxes = sorted(lay.boxes.values(), key=lambda b: (b.x, b.y))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y
            assert apart, (a.node.name, b.node.name)


def test_wide_office_fits_a_landscape_page() -> None:
    """21 sections are stacked in columns: the chart is landscape and its text is not shrunk."""
    lay = layout(build_chart(load_spec(CASES / "hengyang-like.orgspec")))
    assert lay.width > lay.height
    # on A4 landscape (297 x 210 mm, 10 mm margins) the chart's smallest text stays >= 6 pt
    scale = min(277 / lay.width, 190 / lay.height)  # mm per px
    smallest_pt = min(FONT_SIZES.values()) * scale / 0.3528
    assert smallest_pt >= 6, smallest_pt
    columns: dict[float, int] = {}
    for box in lay.boxes.values():
        if box.node.kind == "section":
            columns[box.x] = columns.get(box.x, 0) + 1
    assert len(columns) >= 3
    assert max(columns.values()) <= 8


def test_a_flat_body_is_stacked_not_one_long_row() -> None:
    spec = Spec(bodies=(Unit(name="部", units=tuple(Unit(name=f"第{i}司") for i in range(40))),))
    lay = layout(build_chart(spec))
    assert lay.width < 2000
    assert lay.width / lay.height < 4


def test_svg_is_deterministic() -> None:
    spec = load_spec(CASES / "hengyang-like.orgspec")
    assert render_svg(build_chart(spec)) == render_svg(build_chart(spec))


def test_a_wide_row_of_subtrees_is_broken_into_bands() -> None:
    depts = tuple(
        Unit(name=f"第{d}司", units=tuple(Unit(name=f"第{d}司第{i}处") for i in range(12))) for d in range(30)
    )
    lay = layout(build_chart(Spec(bodies=(Unit(name="部", units=depts),))))
    assert lay.width <= MAX_ROW + 200
    boxes = sorted(lay.boxes.values(), key=lambda b: (b.y, b.x))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 : i + 60]:
            apart = a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y
            assert apart, (a.node.name, b.node.name)
    assert _assert_texts_inside(render_svg(build_chart(Spec(bodies=(Unit(name="部", units=depts),))))) > 360


@pytest.mark.parametrize("path", [p for p in SPEC_FILES if p.stem.startswith("hengyang")], ids=lambda p: p.stem)
def test_hengyang_office_fits_a4_landscape_legibly(path: Path) -> None:
    """The 21-section office, legend included, on A4 landscape (10 mm margins): every text >= 6 pt."""
    svg = render_svg(build_chart(load_spec(path)))
    root = ET.fromstring(svg.encode("utf-8"))
    width, height = float(root.get("width", 0)), float(root.get("height", 0))
    assert width > height
    mm_per_px = min(277 / width, 190 / height)
    sizes = [float(t.get("font-size", 0)) for t in root.iter(f"{SVG_NS}text")]
    assert min(sizes) * mm_per_px / 0.3528 >= 6.0


HENGYANG = [p for p in SPEC_FILES if p.stem.startswith("hengyang")]


@pytest.mark.graphviz
@needs(shutil.which("dot"), "Graphviz is not installed")
@pytest.mark.parametrize("path", HENGYANG, ids=lambda p: p.stem)
def test_hengyang_office_through_graphviz_fits_a4_landscape_legibly(path: Path) -> None:
    """Graphviz's drawing of the 21-section office is landscape and keeps every text >= 6 pt on A4 landscape."""
    svg = graphviz_run.run_dot(render_dot(build_chart(load_spec(path))), "svg")
    root = ET.fromstring(svg)
    width, height = (float(root.get(a, "0").removesuffix("pt")) for a in ("width", "height"))
    assert width > height, (width, height)
    mm_per_pt = min(277 / width, 190 / height)
    sizes = [float(t.get("font-size", 0)) for t in root.iter(f"{SVG_NS}text")]
    assert min(sizes) * mm_per_pt / 0.3528 >= 6.0, (width, height, min(sizes))


@pytest.mark.graphviz
@needs(shutil.which("dot"), "Graphviz is not installed")
def test_graphviz_pdf_page_is_the_drawing_without_extra_margins() -> None:
    """The PDF page is the drawing's own size (as the SVG's), not padded by half an inch on each side."""
    dot = render_dot(build_chart(load_spec(HENGYANG[0])))
    root = ET.fromstring(graphviz_run.run_dot(dot, "svg"))
    width, height = (float(root.get(a, "0").removesuffix("pt")) for a in ("width", "height"))
    match = re.search(rb"/MediaBox \[ ?0 0 ([\d.]+) ([\d.]+) ?\]", graphviz_run.run_dot(dot, "pdf"))
    assert match is not None
    assert abs(float(match[1]) - width) <= 2, (match[0], width)
    assert abs(float(match[2]) - height) <= 2, (match[0], height)


@pytest.mark.graphviz
@needs(shutil.which("dot"), "Graphviz is not installed")
def test_graphviz_keeps_a_stacked_grid_together_and_its_columns_in_order() -> None:
    """The grid's columns stand left to right in reading order; a unit with units of its own stands beside them."""
    chart = build_chart(load_spec(HENGYANG[0]))
    x = {}
    for line in graphviz_run.run_dot(render_dot(chart), "plain").decode("utf-8").splitlines():
        fields = line.split()
        if fields[0] == "node":
            x[fields[1]] = float(fields[2])
    ((unit, columns),) = stacked_columns(chart, ranked=True).items()
    heads = [x[column[0].id] for column in columns]
    assert heads == sorted(heads)
    grid = {n.id for column in columns for n in column}
    beside = [x[n.id] for n in chart.children()[unit] if n.id not in grid]
    assert beside
    assert min(beside) > max(heads)
