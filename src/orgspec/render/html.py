"""One self-contained HTML page of a chart: the chart itself to explore, and a text outline.

The page shows the embedded SVG chart (:func:`~orgspec.render.svg.render_svg`,
inlined) in a stage the reader can zoom, pan and fit to the window. A unit
with units below it has a toggle that collapses or expands its subtree; the
script then lays the chart out again with the same algorithm as
:mod:`orgspec.render.layout` (a tidy tree whose wide leaf levels are stacked
in columns), so a fully expanded chart sits exactly where the SVG puts it. The
page opens expanded to an initial depth (default: the bodies and their
top-level units). The search box finds units by name or plaque, folding
simplified and traditional script with a table made at render time
(:mod:`orgspec.render.script_fold`); a result, or ``#id`` in the address
(the chart id ``n12`` or the unit's own id), focuses one unit. The outline
list below the chart is the accessible alternative.

The page holds its CSS and script inline and a Content-Security-Policy that
forbids every fetch (``default-src 'none'``), so it works offline and makes no
request. Every name and text is escaped; the data the script reads sits in
escaped attributes, and the script itself contains no data.

Imports: :mod:`orgspec.render.chart`, :mod:`orgspec.render.layout`,
:mod:`orgspec.render.script_fold`, :mod:`orgspec.render.style`,
:mod:`orgspec.render.svg`, :mod:`orgspec.render.text_metrics`.
"""

from __future__ import annotations

import html
import importlib.resources
import json
import re

from orgspec.render import layout as geometry
from orgspec.render.chart import Chart, Edge, Node
from orgspec.render.layout import FONT_SIZES, PAD_X, layout
from orgspec.render.script_fold import fold_table
from orgspec.render.style import EDGE_STYLES, FADED_OPACITY, FADED_TEXT, FONT_FAMILY, KIND_STYLES, MARK_STYLES
from orgspec.render.svg import LEGEND_ROW, render_svg
from orgspec.render.text_metrics import text_width

__all__ = ["INITIAL_DEPTH", "render_html"]

#: Levels shown expanded when the page opens: the bodies and their top-level units.
INITIAL_DEPTH = 2

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

_CSS = """
html, body { margin: 0; }
body { font-family: FONTS; color: #111; background: #fff; }
header { position: sticky; top: 0; background: #fff; padding: .5em 1em; border-bottom: 1px solid #ccc; z-index: 2; }
h1 { font-size: 1.2em; margin: 0 0 .4em 0; }
.bar { display: flex; flex-wrap: wrap; gap: .3em; align-items: center; }
input[type=search] { font: inherit; width: 22em; max-width: 60vw; padding: .2em .4em; }
button { font: inherit; }
#results { list-style: none; margin: .3em 0 0 0; padding: 0; max-height: 9.5em; overflow-y: auto; }
#results:empty { display: none; }
#results button { border: 0; background: none; padding: .1em .3em; cursor: pointer; text-align: left; }
#results button:hover, #results button:focus { background: #fff3c4; }
#results .ctx { color: #666; font-size: .85em; margin-left: .5em; }
#stage { position: relative; height: 76vh; overflow: hidden; border-bottom: 1px solid #ccc; background: #fff;
  cursor: grab; touch-action: none; }
#stage.dragging { cursor: grabbing; }
#chart { display: block; width: 100%; height: 100%; user-select: none; }
#chart g.box { cursor: pointer; }
#chart g.box.hit > rect { stroke: #e0a800; stroke-width: 4px; }
#chart g.box.focus > rect { stroke: #d9480f; stroke-width: 4px; }
#chart g.box.hit-below .tog circle { fill: #ffe08a; }
#chart .tog circle { fill: #fff; stroke: #4a6785; stroke-width: 1.2px; }
#chart .tog text { font-size: 13px; fill: #4a6785; pointer-events: none; }
#chart .tog:focus { outline: none; }
#chart .tog:focus circle { stroke: #d9480f; stroke-width: 2.5px; }
.hint { color: #666; font-size: .85em; margin: .3em 1em; }
.more { padding: 0 1em 1em 1em; }
#outline > summary { cursor: pointer; font-weight: bold; margin: .6em 0; }
ul.tree, ul.tree ul { list-style: none; margin: 0; padding-left: 1.6em; }
ul.tree { padding-left: 0; }
ul.tree li { margin: .35em 0; position: relative; }
ul.tree ul li::before { content: ""; position: absolute; left: -1.1em; top: 1.1em; width: .9em;
  border-top: 1px solid #4a6785; }
ul.tree ul { border-left: 1px solid #4a6785; margin-left: .6em; }
ul.tree details > summary { list-style: none; cursor: pointer; }
ul.tree details > summary::-webkit-details-marker { display: none; }
summary .node { position: relative; padding-left: 1.6em; }
summary .node::before { content: "▾"; color: #4a6785; position: absolute; left: .5em; top: .3em; }
details:not([open]) > summary .node::before { content: "▸"; }
.node { display: inline-block; box-sizing: border-box; max-width: min(36em, 92vw); padding: .35em .7em;
  border: 1px solid #4a6785; background: #fff; vertical-align: top; overflow-wrap: anywhere; }
.node .line { display: block; font-size: .86em; }
.node .line.name { font-size: 1em; }
.node .line.meta, .node .line.more, .node .line.duty { color: #555; }
.node.kind-body .line.name { font-weight: bold; }
.node.hit { outline: 3px solid #e0a800; }
li.hidden { display: none; }
section { margin-top: 1.5em; }
h2 { font-size: 1.05em; }
.legend .swatch { display: inline-block; width: 2.4em; height: 1em; vertical-align: middle; margin-right: .5em;
  box-sizing: border-box; }
.legend li, .relations li { margin: .25em 0; }
"""

_SVG_OPEN = re.compile(r"<svg [^>]*>")
_NODE_G = re.compile(r'<g class="node([^"]*)" id="([^"]*)">')
_REL_LINE = re.compile(r'<line class="rel ')
_REL_LABEL = re.compile(r'<g class="rel-label">')
_POLYLINE = re.compile(r"<polyline [^>]*/>\n?")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _script() -> str:
    return (importlib.resources.files("orgspec.render") / "html_page.js").read_text(encoding="utf-8")


def _node_style(kind: str) -> str:
    st = KIND_STYLES.get(kind, KIND_STYLES["other"])
    border = "dashed" if st.dash else "solid"
    radius = "border-radius: 8px; " if st.rounded else ""
    return f"background: {st.fill}; border: {st.width:g}px {border} {st.stroke}; {radius}"


def _mark_style(mark: str) -> str:
    mst = MARK_STYLES[mark]
    style = f"border: {mst.width:g}px {'dashed' if mst.dash else 'solid'} {mst.color}; "
    if mst.faded:
        style += f"opacity: {FADED_OPACITY + 0.15:g}; color: {FADED_TEXT}; "
    return style


def _box(node: Node) -> str:
    lines = "".join(
        f'<span class="line {_e(line.role)}{f" mark-{line.mark}" if line.mark else ""}">{_e(line.text)}</span>'
        for line in node.lines
    )
    marks = "".join(f" mark-{m}" for m in node.marks[:1])
    return f'<div class="node kind-{_e(node.kind)}{marks}" id="o-{_e(node.id)}">{lines}</div>'


def _names(node: Node) -> str:
    return "\n".join(node.names or (node.name,))


def _tree(node: Node, kids: dict[str | None, list[Node]], level: int, depth: int, out: list[str]) -> None:
    out.append(f'<li class="unit" data-names="{_e(_names(node))}">')
    children = kids.get(node.id, [])
    if children:
        out.append(f"<details{' open' if level < depth else ''}><summary>{_box(node)}</summary><ul>")
        for child in children:
            _tree(child, kids, level + 1, depth, out)
        out.append("</ul></details>")
    else:
        out.append(_box(node))
    out.append("</li>")


def _levels(chart: Chart) -> dict[str, int]:
    level: dict[str, int] = {}
    for node in chart.nodes:  # pre-order: a parent comes before its children
        level[node.id] = 1 if node.parent is None else level.get(node.parent, 0) + 1
    return level


def _chart_svg(chart: Chart) -> str:
    """Return the embedded SVG, inlined: each box carries what the page's layout needs, as escaped attributes."""
    svg = render_svg(chart).split("?>", 1)[1].lstrip()
    lay = layout(chart)
    level = _levels(chart)

    def node_attrs(m: re.Match[str]) -> str:
        node_id = html.unescape(m.group(2))
        box = lay.boxes[node_id]
        node = box.node
        natural = max(max((text_width(t.text) * t.size for t in box.lines), default=0.0) + 2 * PAD_X, 60.0)
        attrs = f' data-w="{natural:.2f}" data-d="{level[node_id]}" data-names="{_e(_names(node))}"'
        if node.parent is not None:
            attrs += f' data-p="{_e(node.parent)}"'
        if node.attached:
            attrs += ' data-a="1"'
        if node.unit_id:
            attrs += f' data-uid="{_e(node.unit_id)}"'
        return f'<g class="box{m.group(1)}" id="{m.group(2)}"{attrs}>'

    svg = _NODE_G.sub(node_attrs, svg)
    shown = [e for e in chart.edges if e.source in lay.boxes and e.target in lay.boxes]
    lines = iter(shown)
    svg = _REL_LINE.sub(lambda _: _edge_attrs("line", next(lines)), svg)
    labels = iter([e for e in shown if e.label])
    svg = _REL_LABEL.sub(lambda _: _edge_attrs("g", next(labels)), svg)
    svg = _POLYLINE.sub("", svg)  # the page draws the tree lines of what is shown
    head = _SVG_OPEN.search(svg)
    assert head is not None
    opening = (
        f'<svg id="chart" role="group" aria-label="{_e(chart.title)} 组织结构图 '
        f'org chart" font-family="{_e(FONT_FAMILY)}"><g id="vp">'
    )
    return opening + svg[head.end() :].replace("</svg>", "</g></svg>")


def _edge_attrs(tag: str, edge: Edge) -> str:
    klass = 'class="rel ' if tag == "line" else 'class="rel-label">'
    return f'<{tag} data-s="{_e(edge.source)}" data-t="{_e(edge.target)}" {klass}'


def _geometry(chart: Chart) -> str:
    """Return the layout's constants and the legend's size, as JSON for the page's script."""
    size = FONT_SIZES["meta"]
    legend_w = max((44 + text_width(item.label) * size for item in chart.legend), default=0.0)
    legend_h = 24 + LEGEND_ROW * len(chart.legend) if chart.legend else 0.0
    data = {
        "STACK_MIN": geometry.STACK_MIN,
        "GAP_X": geometry.GAP_X,
        "GAP_Y": geometry.GAP_Y,
        "SPINE": geometry.SPINE,
        "MAX_ROW": geometry.MAX_ROW,
        "ASPECT": geometry.ASPECT,
        "MARGIN": 20.0,
        "LEGEND_W": round(legend_w, 2),
        "LEGEND_H": legend_h,
    }
    return json.dumps(data, sort_keys=True)


def _css(chart: Chart) -> str:
    css = _CSS.replace("FONTS", FONT_FAMILY)
    css += "".join(f".node.kind-{kind} {{ {_node_style(kind)}}}\n" for kind in sorted(KIND_STYLES))
    marks = {m for n in chart.nodes for m in n.marks}
    css += "".join(f".node.mark-{m} {{ {_mark_style(m)}}}\n" for m in MARK_STYLES if m in marks)
    css += "".join(f".line.mark-{m} {{ color: {MARK_STYLES[m].color}; }}\n" for m in MARK_STYLES if m in marks)
    return css


def render_html(chart: Chart, depth: int = INITIAL_DEPTH) -> str:
    """Return the chart as one self-contained HTML page that opens expanded to ``depth`` levels."""
    kids = chart.children()
    names = {n.id: n.name for n in chart.nodes}
    fold = json.dumps(fold_table(t for n in chart.nodes for t in (n.names or (n.name,))), ensure_ascii=False)
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(chart.title)}</title>",
        f"<style>{_css(chart)}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(chart.title)}</h1>",
        '<div class="bar" role="toolbar" aria-label="chart controls">',
        '<input id="q" type="search" placeholder="搜索名称或牌子 Search a name or plaque" '
        'aria-label="search a name or plaque" aria-controls="results">',
        '<button id="zin" type="button" aria-label="zoom in">＋</button>',
        '<button id="zout" type="button" aria-label="zoom out">－</button>',
        '<button id="fit" type="button">适合窗口 Fit</button>',
        '<button id="overview" type="button">概览 Overview</button>',
        '<button id="expand" type="button">全部展开 Expand all</button>',
        '<button id="collapse" type="button">全部收起 Collapse all</button>',
        ' <span id="count" role="status"></span>',
        "</div>",
        '<ol id="results" aria-label="search results"></ol>',
        "</header>",
        f'<main id="app" data-depth="{max(depth, 1)}" data-fold="{_e(fold)}" data-geom="{_e(_geometry(chart))}">',
        '<div id="stage">',
        _chart_svg(chart),
        "</div>",
        '<p class="hint">拖动平移，滚轮缩放，点击单位展开或收起；文字版见下方大纲。 '
        "Drag to pan, wheel to zoom, click a unit to expand or collapse it; the outline below is a text version.</p>",
        '<div class="more">',
        '<details id="outline"><summary>大纲（文字版） Outline (text version)</summary>',
        '<nav aria-label="outline of the chart"><ul class="tree">',
    ]
    for root in kids.get(None, []):
        _tree(root, kids, 1, max(depth, 1), out)
    out.append("</ul></nav></details>")
    if chart.edges:
        out.append('<section class="relations"><h2>关系 Relations</h2><ul>')
        for edge in chart.edges:
            color = EDGE_STYLES[edge.kind].color
            verb = edge.label or "共用职责"
            out.append(
                f'<li><a href="#{_e(edge.source)}">{_e(names[edge.source])}</a> '
                f'<span style="color: {color}">— {_e(verb)} →</span> '
                f'<a href="#{_e(edge.target)}">{_e(names[edge.target])}</a></li>'
            )
        out.append("</ul></section>")
    if chart.legend:
        out.append('<section class="legend"><h2>图例 Legend</h2><ul>')
        for item in chart.legend:
            if item.is_edge:
                est = EDGE_STYLES[item.key]
                swatch = f"border-top: 2px {'dotted' if est.dash.startswith('2') else 'dashed'} {est.color}; height: 0"
            elif item.is_mark:
                swatch = "background: #fff; " + _mark_style(item.key)
            else:
                swatch = _node_style(item.key)
            out.append(f'<li><span class="swatch" style="{swatch}"></span>{_e(item.label)}</li>')
        out.append("</ul></section>")
    out.append("</div></main>")
    out.append(f"<script>{_script()}</script>")
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"
