"""One self-contained HTML page of a chart: a collapsible tree with search, and no network.

The page holds its CSS and script inline and a Content-Security-Policy that
forbids every fetch (``default-src 'none'``), so it works offline and makes
no request. Each unit is a box (``div.node``) in a nested list; a unit with
units below it can be collapsed and expanded (``<details>``); the search box
filters by name or plaque and opens the branches that match. Every name and
text is HTML-escaped; the script contains no data.

Imports: :mod:`orgspec.render.chart`, :mod:`orgspec.render.style`.
"""

from __future__ import annotations

import html

from orgspec.render.chart import Chart, Node
from orgspec.render.style import EDGE_STYLES, FADED_OPACITY, FADED_TEXT, FONT_FAMILY, KIND_STYLES, MARK_STYLES

__all__ = ["render_html"]

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

_CSS = """
body { font-family: FONTS; margin: 1.2em; color: #111; background: #fff; }
header { position: sticky; top: 0; background: #fff; padding: .4em 0; border-bottom: 1px solid #ccc; z-index: 1; }
h1 { font-size: 1.25em; margin: 0 0 .4em 0; }
input[type=search] { font: inherit; width: 24em; max-width: 60vw; padding: .2em .4em; }
button { font: inherit; margin-left: .3em; }
ul.tree, ul.tree ul { list-style: none; margin: 0; padding-left: 1.6em; }
ul.tree { padding-left: 0; }
ul.tree li { margin: .35em 0; position: relative; }
ul.tree ul li::before { content: ""; position: absolute; left: -1.1em; top: 1.1em; width: .9em;
  border-top: 1px solid #4a6785; }
ul.tree ul { border-left: 1px solid #4a6785; margin-left: .6em; }
details > summary { list-style: none; cursor: pointer; }
details > summary::-webkit-details-marker { display: none; }
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

_JS = """
(function () {
  var q = document.getElementById('q');
  var items = Array.prototype.slice.call(document.querySelectorAll('li.unit'));
  var count = document.getElementById('count');
  function norm(s) { return (s || '').normalize('NFKC').toLowerCase().replace(/\\s+/g, ''); }
  function setAll(open) {
    document.querySelectorAll('details').forEach(function (d) { d.open = open; });
  }
  function filter() {
    var key = norm(q.value);
    var hits = 0;
    items.forEach(function (li) {
      li.classList.remove('hidden');
      var node = li.querySelector('.node');
      node.classList.remove('hit');
    });
    if (!key) { count.textContent = ''; return; }
    items.slice().reverse().forEach(function (li) {
      var mine = norm(li.getAttribute('data-names')).indexOf(key) >= 0;
      var below = li.querySelector('li.unit:not(.hidden)') !== null;
      if (mine) { li.querySelector('.node').classList.add('hit'); hits += 1; }
      if (!mine && !below) { li.classList.add('hidden'); }
      else {
        var d = li.querySelector(':scope > details');
        if (d && below) { d.open = true; }
      }
    });
    count.textContent = hits + ' 个匹配 match(es)';
  }
  q.addEventListener('input', filter);
  document.getElementById('expand').addEventListener('click', function () { setAll(true); });
  document.getElementById('collapse').addEventListener('click', function () { setAll(false); });
})();
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


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
    return f'<div class="node kind-{_e(node.kind)}{marks}" id="{_e(node.id)}">{lines}</div>'


def _tree(node: Node, kids: dict[str | None, list[Node]], out: list[str]) -> None:
    names = "\n".join(node.names or (node.name,))
    out.append(f'<li class="unit" data-names="{_e(names)}">')
    children = kids.get(node.id, [])
    if children:
        out.append(f"<details open><summary>{_box(node)}</summary><ul>")
        for child in children:
            _tree(child, kids, out)
        out.append("</ul></details>")
    else:
        out.append(_box(node))
    out.append("</li>")


def render_html(chart: Chart) -> str:
    """Return the chart as one self-contained HTML page."""
    kids = chart.children()
    css = _CSS.replace("FONTS", FONT_FAMILY)
    css += "".join(f".node.kind-{kind} {{ {_node_style(kind)}}}\n" for kind in sorted(KIND_STYLES))
    marks = {m for n in chart.nodes for m in n.marks}
    css += "".join(f".node.mark-{m} {{ {_mark_style(m)}}}\n" for m in MARK_STYLES if m in marks)
    css += "".join(f".line.mark-{m} {{ color: {MARK_STYLES[m].color}; }}\n" for m in MARK_STYLES if m in marks)
    names = {n.id: n.name for n in chart.nodes}
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(chart.title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(chart.title)}</h1>",
        '<input id="q" type="search" placeholder="搜索名称或牌子 Search a name or plaque" '
        'aria-label="search a name or plaque">',
        '<button id="expand" type="button">全部展开 Expand all</button>',
        '<button id="collapse" type="button">全部收起 Collapse all</button>',
        ' <span id="count"></span>',
        "</header>",
        '<main><ul class="tree">',
    ]
    for root in kids.get(None, []):
        _tree(root, kids, out)
    out.append("</ul></main>")
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
    out.append(f"<script>{_JS}</script>")
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"
