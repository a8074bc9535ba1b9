"""Printing from the embedded layout: PDF pages of a real paper size with no text under 6 pt (read back from
the PDF itself with pypdf), splitting by body and department, PNG through resvg, grey print, labels."""

from __future__ import annotations

import re
import struct
import sys
from pathlib import Path

import pypdf
import pytest

from orgspec.api import load
from orgspec.cli.main import main
from orgspec.model.units import Spec, Unit
from orgspec.model.values import UnitKind
from orgspec.render.chart import build_chart
from orgspec.render.fonts import cjk_font_files
from orgspec.render.graphviz_run import ToolError
from orgspec.render.layout import layout
from orgspec.render.paper import PAPERS, PageOptions, plan_pages, render_pdf, render_png
from orgspec.render.style import greyscale
from orgspec.render.svg import render_svg

from .conftest import ROOT
from .render_helpers import CASES, SPECS

sys.path.insert(0, str(ROOT / "bench"))
from bench_render import ministry

try:
    cjk_font_files()
    HAVE_FONT = True
except ToolError:
    HAVE_FONT = False

needs_font = pytest.mark.skipif(not HAVE_FONT, reason="no CJK font is installed")
HENGYANG = [*sorted(SPECS.glob("hengyang-*.orgspec")), CASES / "hengyang-like.orgspec"]


def read_pdf(data: bytes) -> list[tuple[float, float, float, int]]:
    """Return, per page, its width, height (pt), the smallest text size on it (pt) and its count of text runs."""
    reader = pypdf.PdfReader(__import__("io").BytesIO(data))
    out = []
    for page in reader.pages:
        sizes: list[float] = []

        def visit(
            text: str, cm: list[float], tm: list[float], _font: object, size: float, sizes: list[float] = sizes
        ) -> None:
            if text.strip("\x00 \n"):
                # the size on paper: the font size times the vertical scale of the text and current matrices
                scale = abs(tm[3] * cm[3] + tm[1] * cm[2]) or abs(tm[0] * cm[0])
                sizes.append(size * scale)

        page.extract_text(visitor_text=visit)
        box = page.mediabox
        out.append((float(box.width), float(box.height), min(sizes, default=99.0), len(sizes)))
    return out


def _paper(w: float, h: float, paper: str = "A4") -> bool:
    pw, ph = PAPERS[paper]
    return {round(w), round(h)} == {round(pw), round(ph)}


@needs_font
@pytest.mark.parametrize("path", HENGYANG, ids=lambda p: p.stem)
def test_hengyang_prints_on_one_a4_page_with_text_of_6_pt_or_more(path: Path) -> None:
    pages = read_pdf(render_pdf(build_chart(load(path))))
    assert len(pages) == 1
    w, h, smallest, runs = pages[0]
    assert _paper(w, h)
    assert w > h  # the chart is wide: landscape holds it larger
    assert runs > 20
    assert smallest >= 6.0


@needs_font
def test_a_1000_unit_ministry_prints_on_a4_split_by_department() -> None:
    chart = build_chart(ministry(1000))
    pages = read_pdf(render_pdf(chart))
    assert all(_paper(w, h) for w, h, _, _ in pages)
    assert min(s for _, _, s, _ in pages) >= 6.0
    # an overview, then pages of whole departments: far fewer pages than departments, never one per section
    departments = len(chart.children()[chart.nodes[0].id])
    assert 2 <= len(pages) < departments
    assert all(runs >= 10 for _, _, _, runs in pages)


@needs_font
def test_a_flat_body_too_large_for_a_page_is_tiled_after_an_overview() -> None:
    sections = tuple(Unit(name=f"第{i + 1}处（综合协调）", kind=UnitKind.SECTION) for i in range(900))
    chart = build_chart(Spec(bodies=(Unit(name="示例局", units=sections),)))
    plan = plan_pages(chart)
    assert plan[0].kind == "tiles-overview"
    assert {p.kind for p in plan[1:]} == {"tile"}
    pages = read_pdf(render_pdf(chart))
    assert len(pages) == len(plan)
    assert min(s for _, _, s, _ in pages) >= 6.0


@needs_font
@pytest.mark.parametrize(
    ("paper", "orientation", "wide"),
    [("A3", "portrait", False), ("letter", "landscape", True), ("A4", "portrait", False)],
)
def test_paper_and_orientation(paper: str, orientation: str, wide: bool) -> None:
    data = render_pdf(build_chart(load(SPECS / "zhenjiang-fao.orgspec")), PageOptions(paper, orientation))
    ((w, h, smallest, _),) = read_pdf(data)
    assert _paper(w, h, paper)
    assert (w > h) is wide
    assert smallest >= 6.0


@needs_font
def test_pdf_is_byte_stable() -> None:
    chart = build_chart(load(SPECS / "zhenjiang-fao.orgspec"))
    assert render_pdf(chart) == render_pdf(chart)


def test_bodies_of_a_file_are_banded_in_a_grid() -> None:
    bodies = tuple(Unit(name=f"示例{i}局", units=tuple(Unit(name=f"第{j}处") for j in range(4))) for i in range(12))
    lay = layout(build_chart(Spec(bodies=bodies)))
    extent: dict[str, list[float]] = {}
    for box in lay.boxes.values():
        root = box.node.parent or box.node.id
        lo_hi = extent.setdefault(root, [box.x, box.x + box.w])
        lo_hi[0], lo_hi[1] = min(lo_hi[0], box.x), max(lo_hi[1], box.x + box.w)
    one_row = sum(hi - lo for lo, hi in extent.values())
    assert lay.width < one_row / 2
    assert 0.5 < lay.width / lay.height < 4
    tops = {round(b.y) for b in lay.boxes.values() if b.node.parent is None}
    assert len(tops) >= 2


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@needs_font
def test_png_is_the_embedded_drawing_at_twice_its_size() -> None:
    chart = build_chart(load(SPECS / "zhenjiang-fao.orgspec"))
    svg = render_svg(chart)
    m = re.search(r'<svg [^>]*width="([\d.]+)" height="([\d.]+)"', svg)
    assert m is not None
    w, h = _png_size(render_png(chart))
    assert abs(w - 2 * float(m[1])) <= 2
    assert abs(h - 2 * float(m[2])) <= 2


@needs_font
def test_a_huge_png_is_drawn_smaller_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    from orgspec.render import paper

    monkeypatch.setattr(paper, "MAX_PIXELS", 2_000_000)
    warnings: list[str] = []
    w, h = _png_size(render_png(build_chart(load(SPECS / "zhenjiang-fao.orgspec")), zoom=8.0, warn=warnings.append))
    assert w * h <= 2_000_000 * 1.01
    assert len(warnings) == 1
    assert "drawn at" in warnings[0]


def test_grey_theme_has_no_colour() -> None:
    svg = greyscale(render_svg(build_chart(load(SPECS / "zhenjiang-fao.orgspec"))))
    colours = set(re.findall(r"#([0-9a-f]{6})\b", svg))
    assert colours
    assert all(c[0:2] == c[2:4] == c[4:6] for c in colours), colours


@needs_font
def test_cli_pdf_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "zj.pdf"
    args = ["render", str(SPECS / "zhenjiang-fao.orgspec"), "-o", str(out), "--page", "A3", "--portrait"]
    assert main([*args, "--theme", "grey"]) == 0
    ((w, h, smallest, _),) = read_pdf(out.read_bytes())
    assert _paper(w, h, "A3")
    assert h > w
    assert smallest >= 6.0
    assert main(["render", str(SPECS / "zhenjiang-fao.orgspec"), "-o", str(out), "--font-size", "2"]) == 2
    assert "--font-size" in capsys.readouterr().err


def test_labels_follow_the_script_of_the_spec() -> None:
    """A traditional-script spec gets 掛…牌子, 內設機構, 圖例; a simplified one keeps 挂, 内设机构, 图例."""
    from orgspec.render.chart import spec_script

    trad = load(SPECS / "zhenjiang-fao.orgspec")
    simp = load(SPECS / "jiangxi-fao.orgspec")
    assert spec_script(trad) == "traditional"
    assert spec_script(simp) == "simplified"
    svg = render_svg(build_chart(trad))
    assert "掛鎮江市人民政府港澳事務辦公室牌子" in svg
    assert "圖例" in svg
    assert "內設機構" in svg
    for simplified in ("挂", "图例", "内设机构", "职责", "机构 body"):
        assert simplified not in svg, simplified
    plain = render_svg(build_chart(simp))
    assert "图例" in plain
    assert "圖例" not in plain


@needs_font
def test_the_pdf_font_is_cut_to_the_chart_and_keeps_its_glyphs(tmp_path: Path) -> None:
    """The PDF reads a copy of the CJK font cut to the chart's characters: same outlines, same advance widths."""
    from fontTools import ttLib  # type: ignore[import-untyped]
    from fontTools.pens.recordingPen import RecordingPen  # type: ignore[import-untyped]

    from orgspec.render.fonts import subset_font

    regular, _ = cjk_font_files()
    text = "鎮江市人民政府外事辦公室第1司（综合协调）Legend 圖例·行政编制"
    cut = subset_font(regular, text, tmp_path)
    assert Path(cut.path).parent == tmp_path
    full = ttLib.TTFont(regular.path, fontNumber=regular.face, lazy=True)
    small = ttLib.TTFont(cut.path)
    assert len(small.getGlyphOrder()) < 100 < len(full.getGlyphOrder())
    full_map, small_map = full.getBestCmap(), small.getBestCmap()
    full_glyphs, small_glyphs = full.getGlyphSet(), small.getGlyphSet()
    for ch in set(text):
        assert ord(ch) in small_map, ch
        a, b = full_map[ord(ch)], small_map[ord(ch)]
        assert full["hmtx"][a][0] == small["hmtx"][b][0], ch
        drawn_full, drawn_small = RecordingPen(), RecordingPen()
        full_glyphs[a].draw(drawn_full)
        small_glyphs[b].draw(drawn_small)
        assert drawn_full.value == drawn_small.value, ch


@needs_font
@pytest.mark.parametrize("name", ["zhenjiang-fao", "jiangxi-fao"])
def test_every_character_of_the_pdf_is_in_its_font(name: str, caplog: pytest.LogCaptureFixture) -> None:
    """No tofu: fpdf2 finds every character of the chart in the (cut) font, and the text reads back."""
    import io
    import logging

    from orgspec.render.chart import ChartOptions

    chart = build_chart(load(SPECS / f"{name}.orgspec"), ChartOptions(duties=True))
    with caplog.at_level(logging.WARNING, logger="fpdf"):
        data = render_pdf(chart)
    assert not [r.getMessage() for r in caplog.records if "missing" in r.getMessage()]
    read = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    drawn = {ch for node in chart.nodes for line in node.lines for ch in line.text if not ch.isspace()}
    assert drawn <= set(read), sorted(drawn - set(read))[:20]


def test_a_font_that_cannot_be_cut_is_used_whole_and_a_broken_one_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orgspec.render.fonts import FontFile, subset_font

    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font at all")
    assert subset_font(FontFile(str(broken)), "示例", tmp_path) == FontFile(str(broken))
    monkeypatch.setenv("ORGSPEC_CJK_FONT", str(broken))
    with pytest.raises(ToolError, match="cannot use the font"):
        render_pdf(build_chart(load(SPECS / "zhenjiang-fao.orgspec")))
