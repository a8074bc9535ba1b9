"""Printing the embedded layout: PDF pages of a real paper size, and PNG, with no Graphviz.

A chart is fitted to the page (A4, A3 or letter, landscape or portrait,
10 mm margins) at the largest scale up to :data:`MAX_SCALE` that holds it.
Text is never printed below :data:`MIN_TEXT` pt: a chart that would need a
smaller scale is split (:func:`plan_parts`), first into an overview (the
bodies and their top-level units, when it leaves something out) and one set of
pages per body, then, for a body still too large, into pages of whole
top-level departments packed together (its directly attached sections stay
together on one page; a department too large on its own goes a level down;
never one page per section); a part that still does not fit is tiled across
pages at the smallest legible scale, after an overview page that draws the
boxes (no text) with the tiles numbered on them. ``orgspec render --split``
writes the same parts, one file each.

The PDF is drawn with fpdf2 from the layout itself (boxes, tree lines,
routed relations, legend), with a CJK font found by
:mod:`orgspec.render.fonts` and cut to the chart's characters, so every text
is real, searchable text. PNG is the embedded SVG rasterised by resvg
(``resvg-py``), with the same fonts.

Imports: attrs, :mod:`orgspec.render.chart`, :mod:`orgspec.render.layout`,
:mod:`orgspec.render.route`, :mod:`orgspec.render.style`,
:mod:`orgspec.render.svg`, :mod:`orgspec.render.fonts`,
:mod:`orgspec.render.graphviz_run` (its error), and fpdf2 / resvg-py when drawing.
"""

from __future__ import annotations

import datetime
import itertools
import math
import os
import string
import tempfile
from collections.abc import Callable
from pathlib import Path

import attrs

from orgspec.render.chart import Chart, Node
from orgspec.render.fonts import FontFile, cjk_font_files, subset_font
from orgspec.render.graphviz_run import ToolError
from orgspec.render.layout import FONT_SIZES, Layout, layout
from orgspec.render.route import BoxIndex, route
from orgspec.render.style import EDGE_STYLES, FADED_TEXT, KIND_STYLES, MARK_STYLES, greyscale
from orgspec.render.style import grey as to_grey
from orgspec.render.svg import LEGEND_ROW, frame, render_svg

__all__ = ["MIN_TEXT", "PAPERS", "PageOptions", "Part", "plan_pages", "plan_parts", "render_pdf", "render_png"]

#: Paper sizes in pt (portrait).
PAPERS: dict[str, tuple[float, float]] = {"A4": (595.28, 841.89), "A3": (841.89, 1190.55), "letter": (612.0, 792.0)}
#: Page margin in pt (10 mm).
MARGIN = 28.35
#: The smallest text size printed, in pt.
MIN_TEXT = 6.0
#: The largest scale (pt per px of the layout): a unit name is then at most 14 pt.
MAX_SCALE = 1.0
#: A PNG larger than this many pixels is drawn smaller, with a warning.
MAX_PIXELS = 8_000_000


@attrs.frozen(slots=True)
class PageOptions:
    """Paper, orientation (None: whichever holds the chart larger) and the largest name size in pt."""

    paper: str = "A4"
    orientation: str | None = None  # "landscape" | "portrait" | None
    name_size: float | None = None


@attrs.frozen(slots=True)
class Page:
    """One page to print: a chart, or a tile of it, or the overview of the tiles."""

    chart: Chart
    kind: str = "chart"  # chart | tile | tiles-overview
    window: tuple[float, float, float, float] | None = None  # x, y, w, h of the drawing shown, for a tile
    scale: float = 1.0
    size: tuple[float, float] = (0.0, 0.0)  # page width, height in pt
    label: str = ""
    #: the chart's layout, kept from planning so the drawing does not lay it out again
    lay: Layout | None = attrs.field(default=None, eq=False, repr=False)

    def layout(self) -> Layout:
        """Return the layout of this page's chart."""
        return self.lay if self.lay is not None else layout(self.chart)


def _smallest_text(chart: Chart) -> float:
    """Return the smallest text size (px) the drawing of ``chart`` uses."""
    sizes = [FONT_SIZES["meta"]] if chart.legend else []
    sizes += [FONT_SIZES.get(line.role, 12.0) for node in chart.nodes for line in node.lines]
    if any(e.label for e in chart.edges):
        sizes.append(11.0)
    return min(sizes, default=12.0)


def _page_sizes(options: PageOptions) -> list[tuple[float, float]]:
    w, h = PAPERS[options.paper]
    if options.orientation == "portrait":
        return [(w, h)]
    if options.orientation == "landscape":
        return [(h, w)]
    return [(h, w), (w, h)]


def _fit(
    width: float, height: float, min_scale: float, options: PageOptions
) -> tuple[float, tuple[float, float]] | None:
    """Return the scale and page size that hold a drawing, or None when it would need a scale below min_scale."""
    cap = MAX_SCALE if options.name_size is None else options.name_size / FONT_SIZES["name"]
    best: tuple[float, tuple[float, float]] | None = None
    for pw, ph in _page_sizes(options):
        scale = min((pw - 2 * MARGIN) / width, (ph - 2 * MARGIN) / height, cap)
        if scale >= min_scale and (best is None or scale > best[0]):
            best = (scale, (pw, ph))
    return best


def subchart(chart: Chart, keep: set[str]) -> Chart:
    """Return the part of ``chart`` made of the nodes in ``keep`` (a node whose parent is left out becomes a root).

    Its title names the bodies the part belongs to, when that is not all of the chart's bodies.
    """
    nodes = tuple(attrs.evolve(n, parent=n.parent if n.parent in keep else None) for n in chart.nodes if n.id in keep)
    edges = tuple(e for e in chart.edges if e.source in keep and e.target in keep)
    kinds = {n.kind for n in nodes}
    legend = tuple(
        item
        for item in chart.legend
        if (item.is_edge and any(e.kind == item.key for e in edges))
        or (item.is_mark and any(item.key in n.marks for n in nodes))
        or (not item.is_edge and not item.is_mark and item.key in kinds)
    )
    by_id = {n.id: n for n in chart.nodes}

    def body_of(node: Node) -> Node:
        while node.parent in by_id:
            node = by_id[node.parent]
        return node

    bodies = [n for n in chart.nodes if n.parent is None and n.kind != "external"]
    mine = {body_of(by_id[n.id]).id for n in nodes if n.kind != "external"}
    title = chart.title
    if mine and len(mine) < len(bodies):
        title = " / ".join(_name(b) for b in bodies if b.id in mine)
    return Chart(nodes, edges, legend, title, chart.script)


def _subtree(node: Node, kids: dict[str | None, list[Node]]) -> set[str]:
    out = {node.id}
    stack = [node]
    while stack:
        for kid in kids.get(stack.pop().id, []):
            out.add(kid.id)
            stack.append(kid)
    return out


@attrs.frozen(slots=True)
class Part:
    """A part of a chart printed on its own: an overview, a body, or a body's sections or departments.

    ``page`` is the page that holds it at a legible size, None when even this part is too large
    for one page (a PDF tiles it; ``--split`` writes it as one file all the same).
    """

    chart: Chart
    page: Page | None
    overview: bool = False

    def tops(self) -> list[str]:
        """Return the names of the part's top boxes: its bodies, or the unit a part a level down hangs from."""
        return [_name(r) for r in self.chart.children().get(None, []) if r.kind != "external"]

    def units(self) -> list[str]:
        """Return the names of the units directly under the part's top boxes (none for an overview of bodies)."""
        kids = self.chart.children()
        roots = [r for r in kids.get(None, []) if r.kind != "external"]
        return [_name(k) for r in roots for k in kids.get(r.id, []) if not k.attached]


def _name(node: Node) -> str:
    return next((line.text for line in node.lines if line.role == "name"), node.id)


def plan_pages(chart: Chart, options: PageOptions | None = None) -> list[Page]:
    """Return the pages that print ``chart`` with every text at least :data:`MIN_TEXT` pt."""
    options = options or PageOptions()
    pages: list[Page] = []
    for part in plan_parts(chart, options):
        if part.page is not None:
            pages.append(part.page)
        else:
            _tile(part.chart, options, pages)
    return pages


def plan_parts(chart: Chart, options: PageOptions | None = None, *, split_bodies: bool = False) -> list[Part]:
    """Return the parts ``chart`` is printed in: itself when it fits one page, else split (see the module docstring).

    With ``split_bodies``, a chart of several bodies is split by body even when it would fit one page
    (``orgspec render --split``). A part is never one section of a body: the sections directly under
    a unit stay together, and departments are packed together as many to a part as fit a page.
    """
    parts: list[Part] = []
    _plan(chart, options or PageOptions(), parts, top=True, split_bodies=split_bodies)
    return parts


def _overview(roots: list[Node], kids: dict[str | None, list[Node]]) -> set[str]:
    """Return the nodes of the overview, or nothing when the parts would show the same.

    The overview is the bodies and their top-level units when there is a level below those, else the
    bodies alone when there are several.
    """
    top = [k for r in roots for k in kids.get(r.id, []) if not k.attached]
    if any(not g.attached for k in top for g in kids.get(k.id, [])):
        return {r.id for r in roots} | {k.id for k in top}
    return {r.id for r in roots} if len(roots) > 1 else set()


def _try(chart: Chart, options: PageOptions) -> Page | None:
    lay = layout(chart)
    width, height, _, _ = frame(chart, lay)
    fit = _fit(width, height, MIN_TEXT / _smallest_text(chart), options)
    if fit is None:
        return None
    return Page(chart, scale=fit[0], size=fit[1], lay=lay)


def _plan(
    chart: Chart,
    options: PageOptions,
    parts: list[Part],
    *,
    top: bool,
    split_bodies: bool = False,
    shown: frozenset[str] = frozenset(),
) -> None:
    """Append the parts of ``chart``; ``shown`` are the nodes an overview that fits a page already draws."""
    kids = chart.children()
    roots = [r for r in kids.get(None, []) if r.kind != "external"]
    if not (split_bodies and len(roots) > 1):
        page = _try(chart, options)
        if page is not None:
            parts.append(Part(chart, page))
            return
    if top:
        overview = _overview(roots, kids)
        if overview and overview != {n.id for n in chart.nodes if n.kind != "external" and not n.attached}:
            part = subchart(chart, overview)
            page = _try(part, options)
            parts.append(Part(part, page, overview=True))
            shown = frozenset(overview) if page is not None else shown
    if len(roots) > 1 and not any(not k.attached for r in roots for k in kids.get(r.id, [])):
        parts.append(Part(chart, None))  # bodies without units: tiled, not a page for each box
        return
    if len(roots) > 1:
        for root in roots:
            _plan(subchart(chart, _subtree(root, kids)), options, parts, top=False, shown=shown)
        return
    if not roots:
        parts.append(Part(chart, None))
        return
    root = roots[0]
    # the sections directly under the body (and its shared duty lists) stay together; departments are packed
    leaves = {root.id} | {k.id for k in kids.get(root.id, []) if not kids.get(k.id)}
    departments = [k for k in kids.get(root.id, []) if kids.get(k.id)]
    if len(leaves) > 1 and not leaves <= shown:  # (the overview's page shows them already)
        part = subchart(chart, leaves)
        parts.append(Part(part, _try(part, options)))
    group: set[str] = set()
    fitted: Page | None = None  # the page of the departments in ``group``
    for dept in departments:
        tree = _subtree(dept, kids)
        if group:
            more = _try(subchart(chart, {root.id} | group | tree), options)
            if more is not None:
                group, fitted = group | tree, more
                continue
            assert fitted is not None
            parts.append(Part(fitted.chart, fitted))
        group = tree
        fitted = _try(subchart(chart, {root.id} | group), options)
        if fitted is None:
            _too_large(subchart(chart, {root.id} | group), options, parts, split=len(tree) > 1)
            group = set()
    if group:
        assert fitted is not None
        parts.append(Part(fitted.chart, fitted))


def _too_large(chart: Chart, options: PageOptions, parts: list[Part], *, split: bool) -> None:
    """Plan one department too large for a page: its own sections and departments, a level down."""
    kids = chart.children()
    roots = [r for r in kids.get(None, []) if r.kind != "external"]
    depts = [k for r in roots for k in kids.get(r.id, []) if kids.get(k.id)]
    if split and len(roots) == 1 and len(depts) == 1:
        _plan(subchart(chart, _subtree(depts[0], kids)), options, parts, top=False)
    else:
        parts.append(Part(chart, None))


def _tile(chart: Chart, options: PageOptions, pages: list[Page]) -> None:
    """Cut the drawing into page-sized tiles at the smallest legible scale, after an overview of the tiles."""
    lay = layout(chart)
    width, height, _, _ = frame(chart, lay)
    scale = MIN_TEXT / _smallest_text(chart) * 1.02
    best: tuple[int, tuple[float, float]] | None = None
    for pw, ph in _page_sizes(options):
        count = math.ceil(width * scale / (pw - 2 * MARGIN)) * math.ceil(height * scale / (ph - 2 * MARGIN))
        if best is None or count < best[0]:
            best = (count, (pw, ph))
    assert best is not None
    pw, ph = best[1]
    tw, th = (pw - 2 * MARGIN) / scale, (ph - 2 * MARGIN) / scale
    cols, rows = math.ceil(width / tw), math.ceil(height / th)
    ow = min((pw - 2 * MARGIN) / width, (ph - 2 * MARGIN - 20) / height)
    pages.append(Page(chart, "tiles-overview", (cols, rows, tw, th), ow, (pw, ph), "overview of the tiles", lay))
    for r in range(rows):
        for c in range(cols):
            label = f"tile {r * cols + c + 1} of {rows * cols} (row {r + 1}, column {c + 1})"
            pages.append(Page(chart, "tile", (c * tw, r * th, tw, th), scale, (pw, ph), label, lay))


# ---- drawing -----------------------------------------------------------------------------


def _rgb(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


class _Pen:
    """Draws one chart's layout onto an fpdf2 page at a scale and offset, skipping what is off the page."""

    def __init__(
        self, pdf: object, fonts: tuple[str, str], scale: float, origin: tuple[float, float], grey: bool = False
    ) -> None:
        self.grey = grey
        self.pdf = pdf
        self.fonts = fonts
        self.s = scale
        self.ox, self.oy = origin

    def rgb(self, color: str) -> tuple[int, int, int]:
        return _rgb(to_grey(color) if self.grey else color)

    def pt(self, x: float, y: float) -> tuple[float, float]:
        return self.ox + x * self.s, self.oy + y * self.s

    def text(
        self, text: str, x: float, y: float, size: float, color: str, *, bold: bool = False, centre: bool = True
    ) -> None:
        pdf = self.pdf
        pdf.set_font("cjk", "", size * self.s)  # type: ignore[attr-defined]
        pdf.set_text_color(*self.rgb(color))  # type: ignore[attr-defined]
        px, py = self.pt(x, y)
        if centre:
            px -= pdf.get_string_width(text) / 2  # type: ignore[attr-defined]
        if bold:
            from fpdf.enums import TextMode  # noqa: PLC0415  (fpdf2 is imported when a PDF is drawn)

            # one font file only (loading a CJK font takes most of a PDF's time): bold is the glyphs
            # filled and outlined in their own colour
            pdf.set_draw_color(*self.rgb(color))  # type: ignore[attr-defined]
            pdf.set_line_width(size * self.s * 0.03)  # type: ignore[attr-defined]
            pdf.set_dash_pattern()  # type: ignore[attr-defined]
            pdf.text_mode = TextMode.FILL_STROKE  # type: ignore[attr-defined]
            pdf.text(px, py, text)  # type: ignore[attr-defined]
            pdf.text_mode = TextMode.FILL  # type: ignore[attr-defined]
        else:
            pdf.text(px, py, text)  # type: ignore[attr-defined]

    def line_style(self, color: str, width: float, dash: str) -> None:
        pdf = self.pdf
        pdf.set_draw_color(*self.rgb(color))  # type: ignore[attr-defined]
        pdf.set_line_width(width * self.s)  # type: ignore[attr-defined]
        parts = [float(v) for v in dash.split()] if dash else []
        if parts:
            pdf.set_dash_pattern(dash=parts[0] * self.s, gap=parts[-1] * self.s)  # type: ignore[attr-defined]
        else:
            pdf.set_dash_pattern()  # type: ignore[attr-defined]

    def polyline(self, pts: tuple[tuple[float, float], ...] | list[tuple[float, float]]) -> None:
        self.pdf.polyline([self.pt(x, y) for x, y in pts], style="D")  # type: ignore[attr-defined]


def _draw_chart(pen: _Pen, chart: Chart, lay: Layout, window: tuple[float, float, float, float] | None) -> None:
    def shown(x: float, y: float, w: float, h: float) -> bool:
        if window is None:
            return True
        wx, wy, ww, wh = window
        return x < wx + ww and wx < x + w and y < wy + wh and wy < y + h

    pen.line_style("#4a6785", 1.2, "")
    for pts in lay.lines:
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        if shown(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1):
            pen.polyline(pts)
    index = BoxIndex(lay.boxes.values(), lay.lines)
    labels: list[tuple[str, float, float, str]] = []
    for edge in chart.edges:
        a, b = lay.boxes.get(edge.source), lay.boxes.get(edge.target)
        if a is None or b is None:
            continue
        route_pts = route(a, b, index)
        est = EDGE_STYLES[edge.kind]
        pen.line_style(est.color, 1.3, est.dash)
        pen.polyline(route_pts)
        if edge.label:
            p, q = max(itertools.pairwise(route_pts), key=lambda s: abs(s[1][0] - s[0][0]) + abs(s[1][1] - s[0][1]))
            labels.append((edge.label, (p[0] + q[0]) / 2, (p[1] + q[1]) / 2, est.color))
    pdf = pen.pdf
    for node in chart.nodes:
        box = lay.boxes.get(node.id)
        if box is None or not shown(box.x, box.y, box.w, box.h):
            continue
        st = KIND_STYLES.get(node.kind, KIND_STYLES["other"])
        stroke, width, dash, faded = st.stroke, st.width, st.dash, False
        if node.marks:
            mst = MARK_STYLES[node.marks[0]]
            stroke, width, dash, faded = mst.color, mst.width, mst.dash or dash, mst.faded
        pen.line_style(stroke, width, dash)
        pdf.set_fill_color(*pen.rgb(st.fill))  # type: ignore[attr-defined]
        x, y = pen.pt(box.x, box.y)
        pdf.rect(x, y, box.w * pen.s, box.h * pen.s, style="DF", round_corners=st.rounded, corner_radius=8 * pen.s)  # type: ignore[attr-defined]
        for line in box.lines:
            color = "#555555" if line.role in ("meta", "more", "duty") else "#111111"
            if line.mark is not None:
                color = MARK_STYLES[line.mark].color
            elif faded:
                color = FADED_TEXT
            pen.text(line.text, line.x, line.y, line.size, color, bold=line.role == "name" and node.kind == "body")
    pen.line_style("#ffffff", 0.1, "")
    for text, x, y, color in labels:
        if shown(x - 20, y - 9, 40, 16):
            pen.text(text, x, y + 3, 11.0, color)


def _draw_legend(pen: _Pen, chart: Chart, left: float, top: float) -> None:
    items = chart.legend
    size = FONT_SIZES["meta"]
    pen.text(chart.legend_title, left, top + 14, size, "#111111", bold=True, centre=False)
    y = top + 24
    for item in items:
        if item.is_edge:
            est = EDGE_STYLES[item.key]
            pen.line_style(est.color, 1.3, est.dash)
            pen.polyline([(left, y + 8), (left + 36, y + 8)])
        else:
            if item.is_mark:
                mst = MARK_STYLES[item.key]
                fill, stroke, width, dash, rounded = "#ffffff", mst.color, mst.width, mst.dash, False
            else:
                st = KIND_STYLES.get(item.key, KIND_STYLES["other"])
                fill, stroke, width, dash, rounded = st.fill, st.stroke, st.width, st.dash, st.rounded
            pen.line_style(stroke, width, dash)
            pen.pdf.set_fill_color(*pen.rgb(fill))  # type: ignore[attr-defined]
            x, yy = pen.pt(left, y + 1)
            pen.pdf.rect(x, yy, 36 * pen.s, 14 * pen.s, style="DF", round_corners=rounded, corner_radius=4 * pen.s)  # type: ignore[attr-defined]
        pen.text(item.label, left + 44, y + 13, size, "#111111", centre=False)
        y += LEGEND_ROW


def render_pdf(
    chart: Chart, options: PageOptions | None = None, warn: Callable[[str], None] | None = None, *, grey: bool = False
) -> bytes:
    """Return the chart as a PDF of real pages (see the module docstring for how it is fitted and split)."""
    try:
        import fpdf  # noqa: F401, PLC0415  (imported when a PDF is drawn: it takes a while)
    except ImportError:
        raise ToolError("PDF output needs the Python package fpdf2: pip install orgspec (it is a dependency)") from None
    regular, _bold = cjk_font_files()
    options = options or PageOptions()
    pages = plan_pages(chart, options)
    with tempfile.TemporaryDirectory(prefix="orgspec-font-") as folder:
        # the font cut down to the chart's characters: fpdf2 reads it whole, and a CJK font is large
        font = subset_font(regular, _chart_chars(chart), Path(folder))
        return _print(chart, pages, options, font, warn=warn, grey=grey)


def _chart_chars(chart: Chart) -> str:
    """Return every character a PDF of ``chart`` may print (its labels, the page labels, ASCII)."""
    texts = [chart.title, chart.legend_title, string.printable]
    texts += [line.text for node in chart.nodes for line in node.lines]
    texts += [e.label for e in chart.edges if e.label]
    texts += [item.label for item in chart.legend]
    return "".join(texts)


def _print(
    chart: Chart,
    pages: list[Page],
    options: PageOptions,
    font: FontFile,
    *,
    warn: Callable[[str], None] | None,
    grey: bool,
) -> bytes:
    from fpdf import FPDF  # noqa: PLC0415  (imported by render_pdf already)

    pdf = FPDF(unit="pt", format=PAPERS[options.paper])
    pdf.set_creation_date(_epoch())
    pdf.set_title(chart.title)
    pdf.set_creator("orgspec")
    pdf.set_auto_page_break(False)
    _add_font(pdf, "", font)
    has_bold = True
    for page in pages:
        pdf.add_page(orientation="L" if page.size[0] > page.size[1] else "P")
        lay = page.layout()
        _, _, lx, ly = frame(page.chart, lay)
        if page.kind == "tiles-overview":
            _draw_overview(pdf, page, lay, has_bold, grey)
            continue
        if page.kind == "tile":
            assert page.window is not None
            wx, wy, ww, wh = page.window
            pen = _Pen(
                pdf,
                ("cjk", "cjk" if has_bold else ""),
                page.scale,
                (MARGIN - wx * page.scale, MARGIN - wy * page.scale),
                grey,
            )
            with pdf.rect_clip(MARGIN, MARGIN, ww * page.scale, wh * page.scale):
                _draw_chart(pen, page.chart, lay, page.window)
                if page.chart.legend:
                    _draw_legend(pen, page.chart, lx, ly)
            pdf.set_font("cjk", "", 7)
            pdf.set_text_color(85, 85, 85)
            pdf.text(MARGIN, page.size[1] - MARGIN / 2, page.label)
            continue
        pen = _Pen(pdf, ("cjk", "cjk" if has_bold else ""), page.scale, (MARGIN, MARGIN), grey)
        _draw_chart(pen, page.chart, lay, None)
        if page.chart.legend:
            _draw_legend(pen, page.chart, lx, ly)
    if warn is not None and len(pages) > 1:
        warn(
            f"the chart does not fit one {options.paper} page with text of at least {MIN_TEXT:g} pt: "
            f"printed on {len(pages)} pages (an overview, then by body and department, or in tiles)"
        )
    return bytes(pdf.output())


def _draw_overview(pdf: object, page: Page, lay: Layout, has_bold: bool, grey: bool) -> None:
    """Draw the boxes without text, and the tiles numbered over them."""
    assert page.window is not None
    cols, rows, tw, th = page.window
    pen = _Pen(pdf, ("cjk", "cjk" if has_bold else ""), page.scale, (MARGIN, MARGIN + 20), grey)
    pdf.set_font("cjk", "", 10)  # type: ignore[attr-defined]
    pdf.set_text_color(17, 17, 17)  # type: ignore[attr-defined]
    pdf.text(MARGIN, MARGIN + 10, f"{page.chart.title}: {int(rows * cols)} tiles, {int(rows)} rows of {int(cols)}")  # type: ignore[attr-defined]
    pen.line_style("#4a6785", 0.6, "")
    for box in lay.boxes.values():
        st = KIND_STYLES.get(box.node.kind, KIND_STYLES["other"])
        pdf.set_fill_color(*pen.rgb(st.fill))  # type: ignore[attr-defined]
        x, y = pen.pt(box.x, box.y)
        pdf.rect(x, y, max(box.w * pen.s, 0.5), max(box.h * pen.s, 0.5), style="DF")  # type: ignore[attr-defined]
    pen.line_style("#d81b60", 1.0, "4 3")
    for r in range(int(rows)):
        for c in range(int(cols)):
            x, y = pen.pt(c * tw, r * th)
            pdf.rect(x, y, tw * pen.s, th * pen.s, style="D")  # type: ignore[attr-defined]
            pdf.set_font("cjk", "", max(8.0, min(24.0, th * pen.s / 3)))  # type: ignore[attr-defined]
            pdf.set_text_color(216, 27, 96)  # type: ignore[attr-defined]
            pdf.text(x + 4, y + max(8.0, min(24.0, th * pen.s / 3)) + 2, str(r * int(cols) + c + 1))  # type: ignore[attr-defined]


def _add_font(pdf: object, style: str, font: FontFile) -> None:
    try:
        pdf.add_font("cjk", style, font.path, collection_font_number=font.face)  # type: ignore[attr-defined]
    except Exception as err:  # fpdf2 raises several kinds for an unreadable font
        raise ToolError(f"cannot use the font {font.path}: {err}") from None


def render_png(
    chart: Chart, zoom: float = 2.0, warn: Callable[[str], None] | None = None, *, grey: bool = False
) -> bytes:
    """Return the chart's embedded SVG rasterised by resvg at ``zoom`` (smaller, with a warning, if huge)."""
    try:
        import resvg_py  # noqa: PLC0415  (imported when a PNG is drawn)
    except ImportError:
        raise ToolError(
            "PNG output needs the Python package resvg-py: pip install orgspec (it is a dependency)"
        ) from None
    regular, bold = cjk_font_files()
    lay = layout(chart)
    width, height, _, _ = frame(chart, lay)
    if width * height * zoom * zoom > MAX_PIXELS:
        smaller = math.sqrt(MAX_PIXELS / (width * height))
        if warn is not None:
            warn(
                f"the PNG would be {width * zoom:.0f} x {height * zoom:.0f} px: drawn at {smaller:.2f} x instead "
                f"(names {14 * smaller:.1f} px high); write a PDF (--page) to print it legibly"
            )
        zoom = smaller
    try:
        data = resvg_py.svg_to_bytes(
            svg_string=greyscale(render_svg(chart, lay)) if grey else render_svg(chart, lay),
            zoom=zoom,
            background="#ffffff",
            font_files=sorted({regular.path, bold.path}),
            font_family="Noto Sans CJK SC",
            sans_serif_family="Noto Sans CJK SC",
        )
    except ValueError as err:
        raise ToolError(f"cannot draw the PNG: {err}") from None
    return bytes(data)


def _epoch() -> datetime.datetime:
    """Return the creation date written into every PDF: ``SOURCE_DATE_EPOCH``, else 1970-01-01 UTC."""
    try:
        seconds = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    except ValueError:
        seconds = 0
    return datetime.datetime.fromtimestamp(min(max(seconds, 0), 253402300799), tz=datetime.UTC)
