"""An editable chart: draw.io (diagrams.net) XML, laid out by the embedded engine.

People touch a chart up before it is published, so ``orgspec render FILE -o
OUT.drawio`` writes an uncompressed ``mxfile`` that draw.io opens as it is:
every box of the chart is a vertex where :mod:`orgspec.render.layout` puts it
(its label the same wrapped lines as the SVG, its colours and outline those of
its kind), and every connector is an edge whose ``source`` and ``target`` are
the two units the model relates: a parent and a unit directly beneath it, or a
non-tree relation (设在, 代管, 合署办公, a shared duty list), dashed or dotted
as in the SVG. Tree edges carry the layout's bends (the bus under a parent,
the spine left of a stacked column) as waypoints, so the drawing keeps its
shape and each edge still moves with its boxes when edited. The legend is a
group of its own (ids starting with ``legend``) joined to nothing.

Labels are HTML (draw.io's ``html=1``) built from escaped text only, and the
whole document is XML-escaped again, so a name is always text. Output is
deterministic.

Imports: :mod:`orgspec.render.chart`, :mod:`orgspec.render.layout`,
:mod:`orgspec.render.style`, :mod:`orgspec.render.svg` (escaping),
:mod:`orgspec.render.text_metrics`.
"""

from __future__ import annotations

import html

from orgspec.render.chart import Chart, Node
from orgspec.render.layout import FONT_SIZES, GAP_Y, SPINE, Box, Layout, layout, stacked_columns
from orgspec.render.style import EDGE_STYLES, FADED_OPACITY, FADED_TEXT, KIND_STYLES, MARK_STYLES
from orgspec.render.svg import xml_escape
from orgspec.render.text_metrics import text_width

__all__ = ["DRAWIO_FONT", "render_drawio"]

#: The font draw.io is asked for (one name: draw.io takes no list; the viewer substitutes its own CJK font).
DRAWIO_FONT = "Noto Sans CJK SC"

_TREE_STYLE = (
    "edgeStyle=orthogonalEdgeStyle;rounded=0;html=1;endArrow=none;startArrow=none;strokeColor=#4a6785;strokeWidth=1.2;"
)


def _f(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _label(box: Box) -> str:
    """Return the box's label as draw.io HTML: the layout's lines, each escaped, joined by line breaks."""
    parts = []
    for line in box.lines:
        text = html.escape(line.text, quote=False)
        color = "#555555" if line.role in ("meta", "more", "duty") else "#111111"
        if line.mark is not None:
            color = MARK_STYLES[line.mark].color
        elif box.node.marks and MARK_STYLES[box.node.marks[0]].faded:
            color = FADED_TEXT
        if line.role == "name" and box.node.kind == "body":
            text = f"<b>{text}</b>"
        parts.append(f'<span style="font-size:{_f(line.size)}px;color:{color}">{text}</span>')
    return "<br>".join(parts)


def _vertex_style(node: Node) -> str:
    st = KIND_STYLES.get(node.kind, KIND_STYLES["other"])
    stroke, width, dash = st.stroke, st.width, st.dash
    style = f"rounded={int(st.rounded)};whiteSpace=wrap;html=1;fontFamily={DRAWIO_FONT};fillColor={st.fill};"
    if node.marks:
        mst = MARK_STYLES[node.marks[0]]
        stroke, width, dash = mst.color, mst.width, mst.dash or dash
        if mst.faded:
            style += f"opacity={round(FADED_OPACITY * 100)};"
    style += f"strokeColor={stroke};strokeWidth={_f(width)};"
    if dash:
        style += f"dashed=1;dashPattern={dash};"
    return style + "verticalAlign=middle;align=center;spacing=4;"


def _cell(cell_id: str, value: str, style: str, attrs: str, geometry: str) -> str:
    return (
        f'<mxCell id="{xml_escape(cell_id)}" value="{xml_escape(value)}" style="{xml_escape(style)}" {attrs}>'
        f"{geometry}</mxCell>"
    )


def _geometry(box: Box) -> str:
    return f'<mxGeometry x="{_f(box.x)}" y="{_f(box.y)}" width="{_f(box.w)}" height="{_f(box.h)}" as="geometry"/>'


def _points(points: list[tuple[float, float]]) -> str:
    pts = "".join(f'<mxPoint x="{_f(x)}" y="{_f(y)}"/>' for x, y in points)
    return f'<mxGeometry relative="1" as="geometry"><Array as="points">{pts}</Array></mxGeometry>'


def _subtree_left(node_id: str, kids: dict[str | None, list[Node]], lay: Layout) -> float:
    stack, left = [node_id], float("inf")
    while stack:
        current = stack.pop()
        left = min(left, lay.boxes[current].x)
        stack.extend(k.id for k in kids.get(current, []))
    return left


def _tree_edges(chart: Chart, lay: Layout) -> list[str]:
    """Return one edge per parent and unit directly beneath it, bent as the layout draws it."""
    kids = chart.children()
    columns = stacked_columns(chart)
    out: list[str] = []
    for parent in chart.nodes:
        below = [k for k in kids.get(parent.id, []) if not k.attached]
        if not below:
            continue
        pb = lay.boxes[parent.id]
        px, bus = pb.x + pb.w / 2, pb.y + pb.h + GAP_Y / 2
        stacked = {n.id for col in columns.get(parent.id, []) for n in col}
        rows = [k for k in below if k.id not in stacked]
        trunk = min((_subtree_left(k.id, kids, lay) for k in rows), default=0.0) - SPINE / 2
        for kid in below:
            kb = lay.boxes[kid.id]
            if kid.id in stacked:
                sx, mid = kb.x - SPINE / 2, kb.y + kb.h / 2
                style = _TREE_STYLE + "exitX=0.5;exitY=1;exitDx=0;exitDy=0;entryX=0;entryY=0.5;entryDx=0;entryDy=0;"
                points = [(px, bus), (sx, bus), (sx, mid)]
            else:
                kx, kbus = kb.x + kb.w / 2, kb.y - GAP_Y / 2
                style = _TREE_STYLE + "exitX=0.5;exitY=1;exitDx=0;exitDy=0;entryX=0.5;entryY=0;entryDx=0;entryDy=0;"
                if abs(kbus - bus) < 0.5:
                    points = [(px, bus), (kx, bus)]
                else:  # a later band of a row too wide for one line: down the trunk on the left
                    points = [(px, bus), (trunk, bus), (trunk, kbus), (kx, kbus)]
            attrs = f'edge="1" parent="1" source="{xml_escape(parent.id)}" target="{xml_escape(kid.id)}"'
            out.append(_cell(f"tree-{kid.id}", "", style, attrs, _points(points)))
    return out


def _relation_edges(chart: Chart, lay: Layout) -> list[str]:
    out: list[str] = []
    for i, edge in enumerate(chart.edges, start=1):
        if edge.source not in lay.boxes or edge.target not in lay.boxes:
            continue
        st = EDGE_STYLES[edge.kind]
        arrow = "endArrow=block;endFill=1;" if st.arrow else "endArrow=none;"
        style = (
            f"html=1;rounded=0;{arrow}startArrow=none;dashed=1;dashPattern={st.dash};strokeColor={st.color};"
            f"strokeWidth=1.3;fontColor={st.color};fontSize=11;fontFamily={DRAWIO_FONT};labelBackgroundColor=#ffffff;"
        )
        attrs = f'edge="1" parent="1" source="{xml_escape(edge.source)}" target="{xml_escape(edge.target)}"'
        geometry = '<mxGeometry relative="1" as="geometry"/>'
        out.append(_cell(f"rel-{i}-{edge.kind}", html.escape(edge.label, quote=False), style, attrs, geometry))
    return out


def _legend(chart: Chart, top: float) -> tuple[list[str], float]:
    if not chart.legend:
        return [], 0.0
    size = FONT_SIZES["meta"]
    width = max(44 + text_width(item.label) * size for item in chart.legend) + 8
    height = 24 + 22 * len(chart.legend)
    out = [
        _cell(
            "legend",
            "",
            "group;fillColor=none;strokeColor=none;",
            'vertex="1" connectable="0" parent="1"',
            f'<mxGeometry x="20" y="{_f(top)}" width="{_f(width)}" height="{_f(height)}" as="geometry"/>',
        ),
        _cell(
            "legend-title",
            "<b>图例 Legend</b>",
            f"text;html=1;fillColor=none;strokeColor=none;fontColor=#111111;align=left;verticalAlign=middle;fontSize={_f(size)};"
            f"fontFamily={DRAWIO_FONT};",
            'vertex="1" connectable="0" parent="legend"',
            f'<mxGeometry x="0" y="0" width="{_f(width)}" height="20" as="geometry"/>',
        ),
    ]
    y = 24.0
    for i, item in enumerate(chart.legend, start=1):
        if item.is_edge:
            est = EDGE_STYLES[item.key]
            swatch = (
                f"shape=line;html=1;fillColor=none;strokeColor={est.color};dashed=1;dashPattern={est.dash};"
                "strokeWidth=1.3;"
            )
        elif item.is_mark:
            mst = MARK_STYLES[item.key]
            swatch = f"rounded=0;html=1;fillColor=#ffffff;strokeColor={mst.color};strokeWidth={_f(mst.width)};"
            swatch += f"dashed=1;dashPattern={mst.dash};" if mst.dash else ""
        else:
            kst = KIND_STYLES.get(item.key, KIND_STYLES["other"])
            swatch = f"rounded={int(kst.rounded)};html=1;fillColor={kst.fill};strokeColor={kst.stroke};"
            swatch += f"strokeWidth={_f(kst.width)};" + (f"dashed=1;dashPattern={kst.dash};" if kst.dash else "")
        geo = f'<mxGeometry x="0" y="{_f(y + 1)}" width="36" height="14" as="geometry"/>'
        out.append(_cell(f"legend-{i}-swatch", "", swatch, 'vertex="1" connectable="0" parent="legend"', geo))
        label = html.escape(item.label, quote=False)
        text_style = (
            f"text;html=1;fillColor=none;strokeColor=none;fontColor=#111111;align=left;verticalAlign=middle;fontSize={_f(size)};"
            f"fontFamily={DRAWIO_FONT};"
        )
        geo = f'<mxGeometry x="44" y="{_f(y)}" width="{_f(width - 44)}" height="16" as="geometry"/>'
        out.append(_cell(f"legend-{i}-label", label, text_style, 'vertex="1" connectable="0" parent="legend"', geo))
        y += 22
    return out, height


def render_drawio(chart: Chart) -> str:
    """Return the chart as a draw.io document (uncompressed mxGraph XML)."""
    lay = layout(chart)
    cells = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>']
    cells.extend(_tree_edges(chart, lay))
    cells.extend(_relation_edges(chart, lay))
    for node in chart.nodes:  # after the edges, so the boxes are drawn over them
        box = lay.boxes.get(node.id)
        if box is not None:
            cells.append(_cell(node.id, _label(box), _vertex_style(node), 'vertex="1" parent="1"', _geometry(box)))
    legend, legend_h = _legend(chart, lay.height)
    cells.extend(legend)
    width, height = lay.width, lay.height + (legend_h + 20 if legend else 0)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<mxfile host="orgspec" type="device">\n'
        f'<diagram id="orgspec" name="{xml_escape(chart.title or "org chart")}">\n'
        f'<mxGraphModel dx="{_f(width)}" dy="{_f(height)}" grid="1" gridSize="10" guides="1" tooltips="1" '
        f'connect="1" arrows="1" fold="1" page="1" pageScale="1" pageWidth="{_f(width)}" '
        f'pageHeight="{_f(height)}" math="0" shadow="0">\n<root>\n'
        + "\n".join(cells)
        + "\n</root>\n</mxGraphModel>\n</diagram>\n</mxfile>\n"
    )
