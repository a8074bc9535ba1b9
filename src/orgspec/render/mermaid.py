"""Mermaid flowchart text of a chart, as GitHub renders it in Markdown.

Every label is a double-quoted string in which each ASCII character other
than a letter, a digit or a space is written as a Mermaid entity code
(``#34;`` for ``"``), so no name can end its label, open a link, start a
``%%{init}%%`` directive, add a ``click`` callback, smuggle HTML or a
Markdown string, or break the line. Node ids are generated (``n1`` …).
Wide leaf levels are chained in columns as in the other formats; relations
are dotted links; a legend (a row of loose boxes on the top rank) explains
the kinds used.

Imports: :mod:`orgspec.render.chart`, :mod:`orgspec.render.layout`,
:mod:`orgspec.render.style`.
"""

from __future__ import annotations

import itertools

from orgspec.render.chart import Chart, Node
from orgspec.render.layout import label_lines, stacked_columns
from orgspec.render.style import EDGE_STYLES, FADED_TEXT, KIND_STYLES, MARK_STYLES

__all__ = ["mermaid_escape", "render_mermaid"]


def mermaid_escape(text: str) -> str:
    """Escape text for a double-quoted Mermaid label: ASCII punctuation becomes ``#NN;``."""
    return "".join(f"#{ord(ch)};" if ch.isascii() and not (ch.isalnum() or ch == " ") else ch for ch in text)


def _class(kind: str) -> str:
    return "k_" + kind.replace("-", "_")


def _mark_class(mark: str) -> str:
    return "m_" + mark.replace("-", "_")


def _shape(node: Node, label: str) -> str:
    st = KIND_STYLES.get(node.kind, KIND_STYLES["other"])
    return f'("{label}")' if st.rounded else f'["{label}"]'


def _label(node: Node) -> str:
    parts = []
    for role, text in label_lines(node):
        esc = mermaid_escape(text)
        parts.append(f"<b>{esc}</b>" if role == "name" else f"<small>{esc}</small>" if role != "more" else esc)
    return "<br/>".join(parts)


def _tree(chart: Chart) -> list[str]:
    """Return the tree links: a unit to each child, or to a column of its stacked children.

    A stacked column is a subgraph: the unit's one link ends at the column's
    frame, which says "all of these are under it", and the boxes inside are
    stacked by invisible links (``~~~``), never by a visible one. A shared duty
    list is placed by an invisible link and stays out of the columns.
    """
    out: list[str] = []
    ghosts = {n.id for n in chart.nodes if n.marks and MARK_STYLES[n.marks[0]].faded}
    stacked = stacked_columns(chart, ranked=True)
    children = chart.children()
    for node in chart.nodes:
        in_grid: set[str] = set()
        for c, column in enumerate(stacked.get(node.id, [])):
            boxes = [n for n in column if not n.attached]
            if not boxes:
                continue
            in_grid.update(n.id for n in boxes)
            group = f"s{node.id[1:]}_{c}"
            out.append(f'  subgraph {group}[" "]')
            out.append("    direction TB")
            out.extend(f"    {n.id}" for n in boxes)
            out.append("  end")
            out.append(f"  style {group} fill:#ffffff,stroke:#c5d3e0")
            out.extend(f"  {a.id} ~~~ {b.id}" for a, b in itertools.pairwise(boxes))
            ghost = all(n.id in ghosts for n in boxes)
            out.append(f"  {node.id} {'-.-' if ghost else '---'} {group}")
        for kid in children.get(node.id, []):
            if kid.id not in in_grid:
                out.append(f"  {node.id} {'~~~' if kid.attached else '-.-' if kid.id in ghosts else '---'} {kid.id}")
    return out


def render_mermaid(chart: Chart) -> str:
    """Return the chart as a Mermaid flowchart (top to bottom)."""
    out = ["flowchart TB"]
    for node in chart.nodes:
        out.append(f"  {node.id}{_shape(node, _label(node))}:::{_class(node.kind)}")
    out.extend(_tree(chart))
    for edge in chart.edges:
        est = EDGE_STYLES[edge.kind]
        link = "-.->" if est.arrow else "-.-"
        label = f'|"{mermaid_escape(edge.label)}"|' if edge.label else ""
        out.append(f"  {edge.source} {link}{label} {edge.target}")
    if chart.legend:
        # loose boxes linked to nothing stand in one row on the top rank, so the tree's lines run below
        # them, never through them (a subgraph would be laid out as a tall block among the tree)
        out.append(f'    legend0["{mermaid_escape(chart.legend_title)}"]:::k_legend_title')
        for i, item in enumerate(chart.legend, start=1):
            if item.is_edge:
                mark = "┄┄▶ " if EDGE_STYLES[item.key].arrow else "┄┄┄ "
                out.append(f'    legend{i}["{mark}{mermaid_escape(item.label)}"]:::k_legend_edge')
            elif item.is_mark:
                out.append(f'    legend{i}["{mermaid_escape(item.label)}"]:::{_mark_class(item.key)}')
            else:
                node = Node(f"legend{i}", item.key, ())
                out.append(f"    legend{i}{_shape(node, mermaid_escape(item.label))}:::{_class(item.key)}")
    marked = [n for n in chart.nodes if n.marks]
    out.extend(f"  class {n.id} {_mark_class(n.marks[0])}" for n in marked)
    used = {n.kind for n in chart.nodes} | {i.key for i in chart.legend if not (i.is_edge or i.is_mark)}
    for kind, st in KIND_STYLES.items():
        if kind in used:
            dash = f",stroke-dasharray:{st.dash}" if st.dash else ""
            out.append(f"  classDef {_class(kind)} fill:{st.fill},stroke:{st.stroke},stroke-width:{st.width:g}px{dash}")
    marks_used = {n.marks[0] for n in marked} | {i.key for i in chart.legend if i.is_mark}
    for mark, mst in MARK_STYLES.items():
        if mark in marks_used:
            extra = f",stroke-dasharray:{mst.dash}" if mst.dash else ""
            if mst.faded:
                extra += f",color:{FADED_TEXT},opacity:0.6"
            out.append(f"  classDef {_mark_class(mark)} stroke:{mst.color},stroke-width:{mst.width:g}px{extra}")
    if chart.legend:
        out.append("  classDef k_legend_title fill:#ffffff,stroke:#ffffff,font-weight:bold")
    if chart.legend and any(i.is_edge for i in chart.legend):
        out.append("  classDef k_legend_edge fill:#ffffff,stroke:#ffffff")
    return "\n".join(out) + "\n"
