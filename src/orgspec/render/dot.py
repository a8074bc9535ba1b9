"""DOT text of a chart, for Graphviz: pure text, made and tested without the binary.

Labels are Graphviz HTML-like labels (``<…>``) so each line can have its own
size and weight; every text is entity-escaped, so no name can close a label,
start an attribute list or inject a statement. Node ids are generated
(``n1``, ``n2`` …), never taken from the spec. Wide levels are stacked as in
the embedded layout: the children of a unit with more than
:data:`~orgspec.render.layout.STACK_MIN` leaf children hang in columns, each
column chained top to bottom, row ``i`` of every column on one rank, and the
number of columns chosen for those aligned rows; each unit's children keep
their order (``ordering=out``), so the columns read left to right. Non-tree
relations are dashed or dotted edges with ``constraint=false``, so they never
re-parent a unit.

Imports: :mod:`orgspec.render.chart`, :mod:`orgspec.render.layout`,
:mod:`orgspec.render.style`.
"""

from __future__ import annotations

from orgspec.render.chart import Chart, Node
from orgspec.render.layout import FONT_SIZES, NODE_SEP, RANK_SEP, marked_lines, stacked_columns
from orgspec.render.style import EDGE_STYLES, FADED_OPACITY, FADED_TEXT, KIND_STYLES, MARK_STYLES

__all__ = ["DEFAULT_FONT", "dot_escape", "render_dot"]

#: The font named in DOT output unless the caller names an installed one.
DEFAULT_FONT = "Noto Sans CJK SC"

_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "]": "&#93;"})


def dot_escape(text: str) -> str:
    """Escape text for a Graphviz HTML-like label."""
    return text.translate(_HTML)


def _quoted(text: str) -> str:
    """Return a DOT double-quoted string (used for attribute values such as the font name)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _label(node: Node) -> str:
    rows: list[str] = []
    faded = bool(node.marks) and MARK_STYLES[node.marks[0]].faded
    for role, text, mark in marked_lines(node):
        size = FONT_SIZES.get(role, 12.0)
        if role == "name" and node.parent is None and node.kind == "body":
            size = FONT_SIZES["title"]
        body = dot_escape(text) or "&#160;"  # Graphviz rejects an empty <B></B> or <FONT></FONT>
        if role == "name" and node.kind == "body":
            body = f"<B>{body}</B>"
        color = ' COLOR="#555555"' if role in ("meta", "more", "duty") else ""
        if mark is not None:
            color = f' COLOR="{MARK_STYLES[mark].color}"'
        elif faded:
            color = f' COLOR="{FADED_TEXT}"'
        rows.append(f'<FONT POINT-SIZE="{size:g}"{color}>{body}</FONT>')
    # one table row per line: Graphviz spaces rows of mixed sizes properly (a <BR/> between fonts does not)
    cells = "".join(f"<TR><TD>{row}</TD></TR>" for row in rows)
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{cells}</TABLE>>'


def _node(node: Node) -> str:
    st = KIND_STYLES.get(node.kind, KIND_STYLES["other"])
    fill, stroke, width, dashed = st.fill, st.stroke, st.width, bool(st.dash)
    if node.marks:
        mst = MARK_STYLES[node.marks[0]]
        stroke, width, dashed = mst.color, mst.width, dashed or bool(mst.dash)
        if mst.faded:
            fill += f"{round(255 * FADED_OPACITY):02x}"
    style = ["filled"]
    if st.rounded:
        style.append("rounded")
    if dashed:
        style.append("dashed")
    return (
        f'  {node.id} [label={_label(node)}, fillcolor="{fill}", color="{stroke}", '
        f'penwidth={width:g}, style="{",".join(style)}"];'
    )


def _legend(chart: Chart) -> str:
    rows = [f'<TR><TD COLSPAN="2" ALIGN="LEFT"><B>{dot_escape(chart.legend_title)}</B></TD></TR>']
    for item in chart.legend:
        if item.is_edge:
            est = EDGE_STYLES[item.key]
            mark = "┄┄▶" if est.arrow else "┄┄┄"
            cell = f'<TD WIDTH="36"><FONT COLOR="{est.color}">{mark}</FONT></TD>'
        elif item.is_mark:
            mst = MARK_STYLES[item.key]
            style = ' STYLE="DASHED"' if mst.dash else ""
            cell = f'<TD WIDTH="36" BGCOLOR="#ffffff" COLOR="{mst.color}" BORDER="{round(mst.width)}"{style}> </TD>'
        else:
            st = KIND_STYLES.get(item.key, KIND_STYLES["other"])
            style = ' STYLE="ROUNDED"' if st.rounded else ""
            cell = f'<TD WIDTH="36" BGCOLOR="{st.fill}" COLOR="{st.stroke}" BORDER="1"{style}> </TD>'
        rows.append(f'<TR>{cell}<TD ALIGN="LEFT"><FONT POINT-SIZE="11">{dot_escape(item.label)}</FONT></TD></TR>')
    return '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4">' + "".join(rows) + "</TABLE>>"


def _tree(chart: Chart) -> list[str]:
    """Return the tree edges: direct lines, and a bus line (junction points) down each stacked column.

    Every visible tree edge joins a unit to one of its children, directly or
    through junction points (``j…``, drawn as a point) that stand only for a
    bus line; a box is never joined to the box below it. A shared duty list
    (an attached node) is placed by invisible edges only.
    """
    out: list[str] = []
    stacked = stacked_columns(chart, ranked=True)
    ghosts = {n.id for n in chart.nodes if n.marks and MARK_STYLES[n.marks[0]].faded}

    def edge(tail: str, head: str, visible: bool, weight: int, *, ghost: bool = False, flat: bool = False) -> None:
        attrs = [f"weight={weight}"]
        if not visible:
            attrs.append("style=invis")
        elif ghost:
            attrs.append("style=dashed")
        if flat:
            attrs.append("minlen=0")
        out.append(f"  {tail} -> {head} [{', '.join(attrs)}];")

    children = chart.children()
    for node in chart.nodes:
        columns = stacked.get(node.id, [])
        in_grid = {n.id for col in columns for n in col}
        for c, column in enumerate(columns):
            joints = [f"j{node.id[1:]}_{c}_{i}" for i in range(len(column))]
            shown = [not n.attached for n in column]
            last = max((i for i, v in enumerate(shown) if v), default=-1)
            # a borderless cluster keeps each column's points and boxes together: row i of every column
            # falls on the same rank through the chain of points, each point beside its box
            # (edges are stated outside the cluster: an edge inside would pull its parent in)
            out.append(f"  subgraph cluster_{joints[0]} {{style=invis;")
            for joint, box in zip(joints, column, strict=True):
                out.append(f"    {{rank=same; {joint} {box.id}}}")
                out.append(f'    {joint} [shape=point, width=0.02, height=0.02, label=""];')
            out.append("  }")
            for i, (joint, box) in enumerate(zip(joints, column, strict=True)):
                edge(node.id if i == 0 else joints[i - 1], joint, i <= last, 8)
                edge(joint, box.id, shown[i], 1, ghost=box.id in ghosts, flat=True)
        for kid in (k for k in children.get(node.id, []) if k.id not in in_grid):
            edge(node.id, kid.id, not kid.attached, 2, ghost=kid.id in ghosts)
    return out


def render_dot(chart: Chart, font: str = DEFAULT_FONT) -> str:
    """Return the chart as DOT text; ``font`` is the font family Graphviz should use."""
    out = [
        "digraph orgchart {",
        f"  graph [rankdir=TB, ordering=out, splines=polyline, margin=0, nodesep={NODE_SEP / 72:g}, "
        f'ranksep={RANK_SEP / 72:g}, charset="UTF-8", fontname={_quoted(font)}];',
        f'  node [shape=box, margin="0.14,0.11", fontname={_quoted(font)}];',
        f'  edge [arrowhead=none, color="#4a6785", fontname={_quoted(font)}, fontsize=11];',
    ]
    out.extend(_node(n) for n in chart.nodes)
    out.extend(_tree(chart))
    for edge in chart.edges:
        est = EDGE_STYLES[edge.kind]
        style = "dotted" if est.dash.startswith("2") else "dashed"
        head = "normal" if est.arrow else "none"
        label = f", label=<{dot_escape(edge.label)}>" if edge.label else ""
        out.append(
            f'  {edge.source} -> {edge.target} [style={style}, color="{est.color}", fontcolor="{est.color}", '
            f"arrowhead={head}, constraint=false{label}];"
        )
    if chart.legend:
        out.append(f"  legend [shape=plaintext, margin=0, label={_legend(chart)}];")
    out.append("}")
    return "\n".join(out) + "\n"
