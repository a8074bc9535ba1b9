"""The embedded SVG engine: draw a :class:`~orgspec.render.layout.Layout` as SVG text.

Each node is a ``<g class="node …">`` holding its ``<rect>`` and one
``<text>`` per line, so a test (or a reader's script) can check every text
against its box. Every tree line carries ``data-parent`` (and ``data-child``
for a drop to one child); relations are dashed or dotted polylines routed
beside the other boxes (:mod:`~orgspec.render.route`), from the border of
``data-from``'s box to that of ``data-to``'s, with their label; a legend explains kinds and relations. All text is XML
escaped; output is deterministic (no timestamps, stable order).

Imports: :mod:`orgspec.render.chart`, :mod:`orgspec.render.layout`,
:mod:`orgspec.render.style`, :mod:`orgspec.render.text_metrics`.
"""

from __future__ import annotations

import itertools

from orgspec.render.chart import Chart
from orgspec.render.layout import FONT_SIZES, Box, Layout, layout
from orgspec.render.route import BoxIndex, route
from orgspec.render.style import EDGE_STYLES, FADED_OPACITY, FADED_TEXT, FONT_FAMILY, KIND_STYLES, MARK_STYLES
from orgspec.render.text_metrics import text_width

__all__ = ["render_svg", "xml_escape"]

_XML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})
LEGEND_ROW = 22.0


def xml_escape(text: str) -> str:
    """Escape text for XML content and attribute values."""
    return text.translate(_XML)


def _f(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _node(box: Box) -> list[str]:
    st = KIND_STYLES.get(box.node.kind, KIND_STYLES["other"])
    stroke, width, dash, faded = st.stroke, st.width, st.dash, False
    marks = box.node.marks
    if marks:
        mst = MARK_STYLES[marks[0]]
        stroke, width, dash, faded = mst.color, mst.width, mst.dash or dash, mst.faded
    attrs = f'fill="{st.fill}" stroke="{stroke}" stroke-width="{_f(width)}"'
    if faded:
        attrs += f' fill-opacity="{_f(FADED_OPACITY)}"'
    if dash:
        attrs += f' stroke-dasharray="{dash}"'
    if st.rounded:
        attrs += ' rx="8"'
    classes = "".join(f" mark-{m}" for m in marks)
    out = [
        f'<g class="node kind-{box.node.kind}{classes}" id="{box.node.id}">',
        f"<title>{xml_escape(' / '.join(box.node.names) or box.node.name)}</title>",
        f'<rect x="{_f(box.x)}" y="{_f(box.y)}" width="{_f(box.w)}" height="{_f(box.h)}" {attrs}/>',
    ]
    for line in box.lines:
        weight = ' font-weight="bold"' if line.role == "name" and box.node.kind == "body" else ""
        color = "#555555" if line.role in ("meta", "more", "duty") else "#111111"
        if line.mark is not None:
            color = MARK_STYLES[line.mark].color
        elif faded:
            color = FADED_TEXT
        out.append(
            f'<text class="{line.role}" x="{_f(line.x)}" y="{_f(line.y)}" font-size="{_f(line.size)}"'
            f'{weight} fill="{color}" text-anchor="middle">{xml_escape(line.text)}</text>'
        )
    out.append("</g>")
    return out


def _label_spot(lay: Layout, a: tuple[float, float], b: tuple[float, float], w: float) -> tuple[float, float]:
    """Return a point on the line a-b where a label of width ``w`` covers no box (else the middle)."""
    for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8):
        mx, my = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        if not any(
            mx - w / 2 < bx.x + bx.w and bx.x < mx + w / 2 and my - 9 < bx.y + bx.h and bx.y < my + 7
            for bx in lay.boxes.values()
        ):
            return mx, my
    return (a[0] + b[0]) / 2, (a[1] + b[1]) / 2


def _edges(chart: Chart, lay: Layout) -> tuple[list[str], list[str]]:
    out: list[str] = []
    labels: list[str] = []
    index = BoxIndex(lay.boxes.values(), lay.lines)
    for edge in chart.edges:
        a, b = lay.boxes.get(edge.source), lay.boxes.get(edge.target)
        if a is None or b is None:
            continue
        st = EDGE_STYLES[edge.kind]
        pts = route(a, b, index)
        marker = ' marker-end="url(#arrow)"' if st.arrow else ""
        out.append(
            f'<polyline class="rel rel-{edge.kind}" data-from="{edge.source}" data-to="{edge.target}" '
            f'points="{" ".join(f"{_f(x)},{_f(y)}" for x, y in pts)}" fill="none" '
            f'stroke="{st.color}" stroke-width="1.3" stroke-dasharray="{st.dash}"{marker}/>'
        )
        if edge.label:
            w = text_width(edge.label) * 11 + 6
            # the label sits on the longest segment of the route
            p, q = max(itertools.pairwise(pts), key=lambda s: abs(s[1][0] - s[0][0]) + abs(s[1][1] - s[0][1]))
            mx, my = _label_spot(lay, p, q, w)
            labels.append(
                f'<g class="rel-label"><rect x="{_f(mx - w / 2)}" y="{_f(my - 9)}" width="{_f(w)}" height="16" '
                f'fill="#ffffff" opacity="0.9"/><text x="{_f(mx)}" y="{_f(my + 3)}" font-size="11" '
                f'fill="{st.color}" text-anchor="middle">{xml_escape(edge.label)}</text></g>'
            )
    return out, labels


def _legend(chart: Chart, top: float, left: float) -> tuple[list[str], float, float]:
    if not chart.legend:
        return [], 0.0, 0.0
    size = FONT_SIZES["meta"]
    out = [f'<g class="legend" transform="translate({_f(left)},{_f(top)})">']
    out.append(
        f'<text class="legend-title" x="0" y="14" font-size="{_f(size)}" font-weight="bold">'
        + f"{xml_escape(chart.legend_title)}</text>"
    )
    y = 24.0
    width = 0.0
    for item in chart.legend:
        if item.is_edge:
            est = EDGE_STYLES[item.key]
            out.append(
                f'<line x1="0" y1="{_f(y + 8)}" x2="36" y2="{_f(y + 8)}" stroke="{est.color}" '
                f'stroke-width="1.3" stroke-dasharray="{est.dash}"/>'
            )
        elif item.is_mark:
            mst = MARK_STYLES[item.key]
            dash = f' stroke-dasharray="{mst.dash}"' if mst.dash else ""
            out.append(
                f'<rect x="0" y="{_f(y + 1)}" width="36" height="14" fill="#ffffff" stroke="{mst.color}" '
                f'stroke-width="{_f(mst.width)}"{dash}/>'
            )
        else:
            st = KIND_STYLES.get(item.key, KIND_STYLES["other"])
            dash = f' stroke-dasharray="{st.dash}"' if st.dash else ""
            rx = ' rx="4"' if st.rounded else ""
            out.append(
                f'<rect x="0" y="{_f(y + 1)}" width="36" height="14" fill="{st.fill}" stroke="{st.stroke}" '
                f'stroke-width="{_f(st.width)}"{dash}{rx}/>'
            )
        out.append(f'<text x="44" y="{_f(y + 13)}" font-size="{_f(size)}">{xml_escape(item.label)}</text>')
        width = max(width, 44 + text_width(item.label) * size)
        y += LEGEND_ROW
    out.append("</g>")
    return out, width, y


def _page_scale(width: float, height: float) -> float:
    """Return how much a drawing of this size is scaled to fit an A4 landscape page."""
    return min(277 / width, 190 / height)


def frame(chart: Chart, lay: Layout) -> tuple[float, float, float, float]:
    """Return the drawing's width and height with its legend, and where the legend's top-left corner goes.

    The legend goes where the page comes out nearer a landscape sheet: below the chart, or right of it.
    """
    _, lw, lh = _legend(chart, 0.0, 0.0)
    below = (max(lay.width, lw + 40), lay.height + lh + 20)
    beside = (lay.width + lw + 20, max(lay.height, lh + 40))
    if chart.legend and _page_scale(*beside) > _page_scale(*below):
        return beside[0], beside[1], lay.width, 20.0
    if chart.legend:
        return below[0], below[1], 20.0, lay.height
    return lay.width, lay.height, 20.0, lay.height


def render_svg(chart: Chart, lay: Layout | None = None, name_size: float | None = None) -> str:
    """Return the chart as a standalone SVG document laid out by the embedded engine.

    ``name_size`` (px) scales the whole drawing so that unit names are that size (default 14).
    """
    lay = lay or layout(chart)
    width, height, lx, ly = frame(chart, lay)
    legend, _, _ = _legend(chart, ly, lx)
    k = (name_size or FONT_SIZES["name"]) / FONT_SIZES["name"]
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_f(width * k)}" height="{_f(height * k)}" '
        f'viewBox="0 0 {_f(width)} {_f(height)}" font-family="{xml_escape(FONT_FAMILY)}">',
        f"<title>{xml_escape(chart.title)}</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555555"/></marker></defs>',
        f'<rect class="background" x="0" y="0" width="{_f(width)}" height="{_f(height)}" fill="#ffffff"/>',
        '<g class="tree" stroke="#4a6785" stroke-width="1.2" fill="none">',
    ]
    for pts, (parent, child) in zip(lay.lines, lay.owners, strict=True):
        # each line says whose it is: a drop to one child, or the trunk or bus of a unit
        data = f'data-parent="{parent}"' + (f' data-child="{child}"' if child is not None else "")
        out.append(f'<polyline {data} points="{" ".join(f"{_f(x)},{_f(y)}" for x, y in pts)}"/>')
    out.append("</g>")
    lines, labels = _edges(chart, lay)
    out.extend(lines)  # relations are routed beside boxes (route.py) and drawn before them
    for node in chart.nodes:
        box = lay.boxes.get(node.id)
        if box is not None:
            out.extend(_node(box))
    out.extend(labels)
    out.extend(legend)
    out.append("</svg>")
    return "\n".join(out) + "\n"
