"""Charts in a real browser: every text element's box lies inside its node, measured by Chromium.

The embedded SVG and the HTML page of every spec are opened in headless
Chromium (Debian's ``chromium``) with a small script that measures each text
(``getBBox`` in SVG, a Range's ``getBoundingClientRect`` in HTML) against its
node's box and writes the result into the page; ``--dump-dom`` returns it.
Screenshots are kept in ``tests/artifacts/`` (not committed).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from orgspec.render.chart import Chart, ChartOptions, build_chart
from orgspec.render.html import render_html
from orgspec.render.svg import render_svg

from .conftest import ROOT, needs
from .render_helpers import HOSTILE, chart_specs, hostile_spec, load_spec

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = ROOT / "tests" / "artifacts"
SPEC_FILES = chart_specs()

pytestmark = [
    pytest.mark.browser,
    needs(CHROMIUM, "headless Chromium is not installed"),
]

_SVG_PROBE = """
<script>
(function () {
  var fails = [], checked = 0, tol = 0.5;
  document.querySelectorAll('svg g.node').forEach(function (g) {
    var r = g.querySelector('rect').getBBox();
    g.querySelectorAll('text').forEach(function (t) {
      var b = t.getBBox();
      checked += 1;
      if (b.x < r.x - tol || b.y < r.y - tol || b.x + b.width > r.x + r.width + tol ||
          b.y + b.height > r.y + r.height + tol) {
        fails.push([g.closest('[data-case]') ? g.closest('[data-case]').getAttribute('data-case') : '', g.id, t.textContent, [b.x, b.y, b.width, b.height], [r.x, r.y, r.width, r.height]]);
      }
    });
  });
  document.getElementById('orgspec-result').textContent = JSON.stringify({checked: checked, fails: fails});
})();
</script>
"""

_HTML_PROBE = """
<script>
(function () {
  var fails = [], checked = 0, tol = 0.5;
  document.querySelectorAll('.node').forEach(function (node) {
    var r = node.getBoundingClientRect();
    node.querySelectorAll('.line').forEach(function (line) {
      var range = document.createRange();
      range.selectNodeContents(line);
      var b = range.getBoundingClientRect();
      checked += 1;
      if (b.left < r.left - tol || b.top < r.top - tol || b.right > r.right + tol || b.bottom > r.bottom + tol ||
          line.scrollWidth > line.clientWidth + 1) {
        fails.push([node.id, line.textContent, [b.left, b.top, b.right, b.bottom], [r.left, r.top, r.right, r.bottom]]);
      }
    });
  });
  document.getElementById('orgspec-result').textContent = JSON.stringify({checked: checked, fails: fails});
})();
</script>
"""


def _chromium(url: str, tmp: Path, *extra: str) -> str:
    assert CHROMIUM is not None
    args = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={tmp / 'profile'}",
        *extra,
        url,
    ]
    done = subprocess.run(args, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _measure(page: str, tmp: Path, name: str, width: int = 1280) -> dict[str, object]:
    path = tmp / f"{name}.html"
    path.write_text(page, encoding="utf-8")
    dom = _chromium(path.as_uri(), tmp, "--dump-dom", f"--window-size={width},1000")
    m = re.search(r'<pre id="orgspec-result">(.*?)</pre>', dom, re.S)
    assert m is not None, "the probe did not run"
    assert m.group(1), "the probe wrote nothing"
    result: dict[str, object] = json.loads(html.unescape(m.group(1)))
    return result


def _size(svg: str) -> tuple[int, int]:
    m = re.search(r'<svg [^>]*width="([\d.]+)" height="([\d.]+)"', svg)
    assert m is not None
    return min(int(float(m.group(1))) + 20, 5000), min(int(float(m.group(2))) + 20, 5000)


def _svg_page(svg: str) -> str:
    body = svg.split("?>", 1)[1]
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">'
        f'{body}<pre id="orgspec-result"></pre>{_SVG_PROBE}</body></html>'
    )


_OPEN_OUTLINE = """
<script>
document.querySelectorAll('#outline, #outline details').forEach(function (d) { d.open = true; });
</script>
"""


def _html_page(page: str) -> str:
    """The page with its text outline opened in full, then the probe (which measures the outline's boxes)."""
    return page.replace("</body>", f'<pre id="orgspec-result"></pre>{_OPEN_OUTLINE}{_HTML_PROBE}</body>')


def _cases() -> list[tuple[str, Callable[[], Chart]]]:
    cases: list[tuple[str, Callable[[], Chart]]] = []
    for path in SPEC_FILES:
        cases.append((path.stem, lambda p=path: build_chart(load_spec(p))))
        cases.append((f"{path.stem}-duties", lambda p=path: build_chart(load_spec(p), ChartOptions(duties=True))))
    cases.append(("hostile", lambda: build_chart(hostile_spec([*HOSTILE, "国" * 70, "W" * 60]))))
    return cases


CASES = _cases()
PLAIN = [c for c in CASES if not c[0].endswith("-duties")]
NARROW = {"hostile", *(p.stem for p in SPEC_FILES if "hengyang" in p.stem)}


def test_svg_text_stays_inside_nodes_in_chromium(tmp_path: Path) -> None:
    """Every chart (with and without duties) in one page, measured in one browser run."""
    parts = []
    for name, make in CASES:
        svg = render_svg(make()).split("?>", 1)[1]
        parts.append(f'<div data-case="{html.escape(name)}">{svg}</div>')
    page = _svg_page("?>" + "".join(parts))
    result = _measure(page, tmp_path, "all-svg")
    assert result["checked"], result
    assert result["fails"] == [], result["fails"]


@pytest.mark.parametrize(("name", "make"), PLAIN, ids=[c[0] for c in PLAIN])
def test_svg_screenshot(name: str, make: Callable[[], Chart], tmp_path: Path) -> None:
    svg = render_svg(make())
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = tmp_path / f"{name}.svg"
    shot.write_text(svg, encoding="utf-8")
    w, h = _size(svg)
    _chromium(shot.as_uri(), tmp_path, f"--screenshot={ARTIFACTS / f'render-{name}.svg.png'}", f"--window-size={w},{h}")
    assert (ARTIFACTS / f"render-{name}.svg.png").stat().st_size > 1000


@pytest.mark.parametrize(("name", "make"), PLAIN, ids=[c[0] for c in PLAIN])
def test_html_text_stays_inside_nodes_in_chromium(name: str, make: Callable[[], Chart], tmp_path: Path) -> None:
    page = render_html(make())
    for width in (1280, 420) if name in NARROW else (1280,):
        result = _measure(_html_page(page), tmp_path, name, width)
        assert result["checked"], result
        assert result["fails"] == [], (width, result["fails"])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = tmp_path / f"{name}-page.html"
    path.write_text(page, encoding="utf-8")
    _chromium(
        path.as_uri(), tmp_path, f"--screenshot={ARTIFACTS / f'render-{name}.html.png'}", "--window-size=1280,1600"
    )


def test_the_probe_sees_overflow(tmp_path: Path) -> None:
    svg = render_svg(build_chart(hostile_spec(["国" * 30])))
    squeezed = re.sub(
        r'(<g class="node[^>]*>\s*<title>[^<]*</title>\s*<rect x="[\d.]+" y="[\d.]+" )width="[\d.]+"',
        r'\1width="20"',
        svg,
    )
    assert squeezed != svg
    result = _measure(_svg_page(squeezed), tmp_path, "squeezed")
    assert result["fails"]
    page = render_html(build_chart(hostile_spec(["国" * 30])))
    page = page.replace(
        ".node { display: inline-block;", ".node { width: 3em; overflow-wrap: normal; display: inline-block;"
    )
    page = page.replace("overflow-wrap: anywhere;", "white-space: nowrap;")
    result = _measure(_html_page(page), tmp_path, "squeezed-page")
    assert result["fails"]


_SEARCH_PROBE = """
<script>
(function () {
  document.getElementById('outline').open = true;
  var q = document.getElementById('q');
  q.value = 'QUERY';
  q.dispatchEvent(new Event('input'));
  var hits = Array.from(document.querySelectorAll('.node.hit')).map(function (n) {
    return n.querySelector('.line.name').textContent; });
  var shown = Array.from(document.querySelectorAll('li.unit')).filter(function (li) {
    return li.checkVisibility(); }).length;
  q.value = '';
  q.dispatchEvent(new Event('input'));
  document.getElementById('collapse').click();
  var open = document.querySelectorAll('#outline details[open]').length;
  var visibleAfterCollapse = Array.from(document.querySelectorAll('li.unit')).filter(function (li) {
    return li.checkVisibility(); }).length;
  document.getElementById('expand').click();
  var all = document.querySelectorAll('li.unit').length;
  var visibleAfterExpand = Array.from(document.querySelectorAll('li.unit')).filter(function (li) {
    return li.checkVisibility(); }).length;
  document.getElementById('orgspec-result').textContent = JSON.stringify({
    checked: 1, hits: hits, shown: shown, open: open, collapsed: visibleAfterCollapse,
    expanded: visibleAfterExpand, all: all});
})();
</script>
"""


def test_html_search_collapse_and_expand(tmp_path: Path) -> None:
    page = render_html(build_chart(load_spec(SPEC_FILES[[p.stem for p in SPEC_FILES].index("zhenjiang-fao")])))
    probe = _SEARCH_PROBE.replace("QUERY", "涉外管理")  # a plaque, not a name
    result = _measure(page.replace("</body>", f'<pre id="orgspec-result"></pre>{probe}</body>'), tmp_path, "search")
    assert result["hits"] == ["禮賓新聞處"]
    assert result["shown"] == 2  # the body (the path to the match) and the match
    assert result["open"] == 0
    assert result["collapsed"] == 1
    assert result["expanded"] == result["all"]


@pytest.mark.graphviz
@needs(shutil.which("dot"), "Graphviz is not installed")
def test_graphviz_svg_text_stays_inside_nodes_in_chromium(tmp_path: Path) -> None:
    from orgspec.render.dot import render_dot
    from orgspec.render.graphviz_run import find_cjk_font, run_dot

    font = find_cjk_font() or "Noto Sans CJK SC"
    parts = []
    for name, make in CASES:
        svg = run_dot(render_dot(make(), font=font), "svg").decode("utf-8")
        svg = svg[svg.index("<svg") :]
        parts.append(f'<div data-case="{html.escape(name)}">{svg}</div>')
    probe = _SVG_PROBE.replace("g.querySelector('rect').getBBox();", "g.querySelector('polygon, path').getBBox();")
    probe = probe.replace(
        "var r = ",
        "if (g.querySelector('title').textContent === 'legend') { return; }\n"
        # a junction point of a bus line is an ellipse with no text
        "    if (!g.querySelector('polygon, path')) { return; }\n    var r = ",
    )
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">'
        f'{"".join(parts)}<pre id="orgspec-result"></pre>{probe}</body></html>'
    )
    result = _measure(page, tmp_path, "graphviz-svg")
    assert result["checked"], result
    assert result["fails"] == [], result["fails"]


MERMAID_JS = os.environ.get("ORGSPEC_MERMAID_JS")  # path to mermaid.min.js (npm package mermaid, dist/)


def mermaid_in_browser(diagrams: dict[str, str], tmp_path: Path) -> dict[str, dict[str, object]]:
    """Render Mermaid diagrams with mermaid.js in headless Chromium; per diagram, nodes and scripts, or an error."""
    assert MERMAID_JS is not None
    page = (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><script src="{Path(MERMAID_JS).as_uri()}"></script>'
        '</head><body><pre id="orgspec-result"></pre><script>\n'
        f"const diagrams = {json.dumps(diagrams)};\n"
        """mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
(async () => {
  const res = {};
  let i = 0;
  for (const [name, text] of Object.entries(diagrams)) {
    try {
      const {svg} = await mermaid.render('d' + (i++), text);
      const div = document.createElement('div');
      div.innerHTML = svg;
      res[name] = {nodes: div.querySelectorAll('g.node').length, scripts: div.querySelectorAll('script').length};
    } catch (e) { res[name] = {error: String(e)}; }
  }
  document.getElementById('orgspec-result').textContent = JSON.stringify(res);
})();
</script></body></html>"""
    )
    path = tmp_path / "mermaid.html"
    path.write_text(page, encoding="utf-8")
    dom = _chromium(path.as_uri(), tmp_path, "--virtual-time-budget=20000", "--dump-dom")
    m = re.search(r'<pre id="orgspec-result">(.*?)</pre>', dom, re.S)
    assert m is not None
    result: dict[str, dict[str, object]] = json.loads(html.unescape(m.group(1)))
    return result


@needs(MERMAID_JS and Path(MERMAID_JS).is_file(), "set ORGSPEC_MERMAID_JS to mermaid.min.js")
def test_mermaid_parses_and_renders_every_chart(tmp_path: Path) -> None:
    from orgspec.render.mermaid import render_mermaid

    result = mermaid_in_browser({name: render_mermaid(make()) for name, make in PLAIN}, tmp_path)
    for name, make in PLAIN:
        chart = make()
        # the nodes, the legend entries and the legend's title box
        assert result[name] == {"nodes": len(chart.nodes) + len(chart.legend) + bool(chart.legend), "scripts": 0}, name
