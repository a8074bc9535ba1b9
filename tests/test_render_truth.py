"""Charts state no relation the model does not hold: every visible connector of every format, read back
from the output, is a parent-child line or a relation of the model, and every such line is drawn.

The expected edges come from the model itself (unit paths, relations, shared duty lists), not from the
chart; each output is read back with a parser of its own format: DOT with pydot, Graphviz's own layout
as JSON (edge endpoints against node boxes), Mermaid's links and subgraphs, the embedded SVG's lines
with their data attributes and geometry.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

import pydot
import pytest
from hypothesis import HealthCheck, given, settings

import orgspec
from orgspec.api import analyze
from orgspec.lowering.resolve import Index, walk_paths
from orgspec.model.units import RelationKind, Spec
from orgspec.render import graphviz_run
from orgspec.render.chart import Chart, ChartOptions, build_chart, clean
from orgspec.render.dot import render_dot
from orgspec.render.drawio import render_drawio
from orgspec.render.mermaid import render_mermaid
from orgspec.render.style import EDGE_STYLES
from orgspec.render.svg import render_svg

from .conftest import ROOT
from .render_helpers import SVG_NS, chart_specs
from .test_render_properties import options, specs

Pair = tuple[str, str]


def _fixture_specs() -> list[Path]:
    """Every spec of the repository that analyses without error: specs/, examples/, render cases, fixtures."""
    out = []
    for path in [*chart_specs(), *sorted((ROOT / "tests" / "fixtures").rglob("*.orgspec"))]:
        analysis = analyze(path.read_text(encoding="utf-8"), str(path))
        if analysis.spec is not None and analysis.ok and analysis.spec.bodies:
            out.append(path)
    return out


SPEC_PATHS = _fixture_specs()


def _spec(path: Path) -> Spec:
    analysis = analyze(path.read_text(encoding="utf-8"), str(path))
    assert analysis.spec is not None
    return analysis.spec


# ---- what the model holds ------------------------------------------------------------------


def model_edges(spec: Spec, chart: Chart) -> tuple[set[Pair], set[frozenset[str]]]:
    """Return the parent-child pairs and the (undirected) relation pairs of the model, as chart node ids.

    Read from the spec: a unit's parent is the unit whose path contains it; relations and shared duty
    lists are resolved by the model's index. The chart only supplies which node stands for which unit.
    """
    node_of = {n.path: n.id for n in chart.nodes if n.path is not None}
    external = {n.name: n.id for n in chart.nodes if n.kind == "external"}
    index = Index(spec)
    tree: set[Pair] = set()
    relations: set[frozenset[str]] = set()
    shared_nodes = iter(sorted((n for n in chart.nodes if n.kind == "shared-duties"), key=lambda n: int(n.id[1:])))

    def node(ref_path: str | None, name: str) -> str:
        if ref_path is not None and ref_path in node_of:
            return node_of[ref_path]
        return external[clean(index.units[ref_path].name) if ref_path is not None else clean(name)]

    for path, unit, parent in walk_paths(spec):
        if path not in node_of:
            continue
        me = node_of[path]
        if parent is not None and parent in node_of:
            tree.add((node_of[parent], me))
        for rel in unit.relations:
            if rel.kind is RelationKind.OFFICE_OF_POST:
                continue  # its target is a post's title, not a unit: no box stands for it and the chart leaves it out
            other = node(index.lookup(rel.target), rel.target.target)
            if other != me:
                relations.add(frozenset((me, other)))
            assert rel.kind in RelationKind
        for shared in unit.shared_duties:
            members = [node_of[p] for r in shared.sections if (p := index.lookup(r)) is not None and p in node_of]
            if members:
                box = next(shared_nodes)
                relations.update(frozenset((box.id, m)) for m in members)
    return tree, relations


def _check(tree: Iterable[Pair], rels: Iterable[Pair], spec: Spec, chart: Chart, what: str) -> None:
    want_tree, want_rels = model_edges(spec, chart)
    got_tree = set(tree)
    assert got_tree == want_tree, (what, sorted(got_tree - want_tree), sorted(want_tree - got_tree))
    got_rels = {frozenset(p) for p in rels}
    assert got_rels == want_rels, (what, got_rels ^ want_rels)


def _through_junctions(edges: list[Pair], is_junction: object) -> set[Pair]:
    """Join edges through junction points: a bus line from a unit to its children counts as unit -> child."""
    assert callable(is_junction)
    out: dict[str, list[str]] = {}
    for a, b in edges:
        out.setdefault(a, []).append(b)
    pairs: set[Pair] = set()
    for tail in [t for t in out if not is_junction(t)]:
        stack = list(out[tail])
        seen: set[str] = set()
        while stack:
            head = stack.pop()
            if head in seen:
                continue
            seen.add(head)
            if is_junction(head):
                stack.extend(out.get(head, []))
            else:
                pairs.add((tail, head))
    # a junction point no unit reaches, or that leads nowhere, would be a line that means nothing
    for a, _b in edges:
        if is_junction(a):
            assert any(a in _reach(out, t) for t in out if not is_junction(t)), a
    return pairs


def _reach(out: dict[str, list[str]], start: str) -> set[str]:
    seen: set[str] = set()
    stack = [start]
    while stack:
        for nxt in out.get(stack.pop(), []):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


# ---- DOT, read back with pydot -------------------------------------------------------------


def _dot_edges(text: str) -> tuple[list[Pair], list[Pair]]:
    (graph,) = pydot.graph_from_dot_data(text) or [None]
    assert graph is not None
    tree: list[Pair] = []
    rels: list[Pair] = []

    def walk(g: pydot.Graph) -> None:
        for edge in g.get_edges():
            attrs = edge.get_attributes()
            if attrs.get("style", "").strip('"') == "invis":
                continue
            pair = (str(edge.get_source()), str(edge.get_destination()))
            (rels if attrs.get("constraint") == "false" else tree).append(pair)
        for sub in g.get_subgraphs():
            walk(sub)

    walk(graph)
    return tree, rels


_DOT_EDGE = re.compile(r"^\s+(\w+) -> (\w+) \[(.*)\];$")


def _dot_edges_quick(text: str) -> tuple[list[Pair], list[Pair]]:
    """Like :func:`_dot_edges`, for the generated bodies: a line parser (pydot takes seconds a chart)."""
    tree: list[Pair] = []
    rels: list[Pair] = []
    for line in text.splitlines():
        if (m := _DOT_EDGE.match(line)) and "style=invis" not in m.group(3):
            (rels if "constraint=false" in m.group(3) else tree).append((m.group(1), m.group(2)))
    return tree, rels


def check_dot(spec: Spec, chart: Chart, *, quick: bool = False) -> None:
    text = render_dot(chart)
    tree, rels = (_dot_edges_quick if quick else _dot_edges)(text)
    assert not any(b.startswith("j") for _a, b in rels)
    _check(_through_junctions(tree, lambda n: n.startswith("j")), rels, spec, chart, "dot")


# ---- Mermaid, links and subgraphs ----------------------------------------------------------

_LINK = re.compile(r"^\s+(\w+) (---|-\.-|-\.->|~~~)(\|\"[^\"]*\"\|)? (\w+)$")


def check_mermaid(spec: Spec, chart: Chart) -> None:
    text = render_mermaid(chart)
    groups: dict[str, list[str]] = {}
    current: str | None = None
    tree: list[Pair] = []
    rels: list[Pair] = []
    for line in text.splitlines():
        if m := re.match(r"^\s+subgraph (\w+)", line):
            current = m.group(1)
            groups[current] = []
        elif line.strip() == "end":
            current = None
        elif current is not None and re.fullmatch(r"\s+\w+", line):
            groups[current].append(line.strip())
        elif m := _LINK.match(line):
            a, link, _label, b = m.groups()
            if link == "~~~":
                continue
            heads = groups.get(b, [b])  # a link to a subgraph joins every box inside it
            assert a not in groups
            (tree if link in ("---",) or (link == "-.-" and not _label and b in groups) else rels).extend(
                (a, h) for h in heads
            )
    # ghosts of a diff chart are dashed tree links; a plain chart has none, so -.- is a relation
    _check(tree, rels, spec, chart, "mermaid")
    assert not any(name.startswith("legend") for pair in tree + rels for name in pair)


# ---- embedded SVG, data attributes and geometry --------------------------------------------


def _on_border(x: float, y: float, rect: tuple[float, float, float, float], tol: float = 0.6) -> bool:
    rx, ry, rw, rh = rect
    inside = rx - tol <= x <= rx + rw + tol and ry - tol <= y <= ry + rh + tol
    near = min(abs(x - rx), abs(x - rx - rw), abs(y - ry), abs(y - ry - rh)) <= tol
    return inside and near


def _crosses(p: tuple[float, float], q: tuple[float, float], rect: tuple[float, float, float, float]) -> bool:
    """Whether segment p-q passes through the inside of rect (shrunk by 1 px), by sampling."""
    rx, ry, rw, rh = rect
    steps = max(2, int(max(abs(q[0] - p[0]), abs(q[1] - p[1])) / 2))
    for i in range(steps + 1):
        x, y = p[0] + (q[0] - p[0]) * i / steps, p[1] + (q[1] - p[1]) * i / steps
        if rx + 1 < x < rx + rw - 1 and ry + 1 < y < ry + rh - 1:
            return True
    return False


def _points(text: str) -> list[tuple[float, float]]:
    return [(float(a), float(b)) for a, b in (p.split(",") for p in text.split())]


def check_svg(spec: Spec, chart: Chart) -> None:
    root = ET.fromstring(render_svg(chart).encode("utf-8"))
    rects: dict[str, tuple[float, float, float, float]] = {}
    for g in root.iter(f"{SVG_NS}g"):
        if "node" in (g.get("class") or "").split():
            r = g.find(f"{SVG_NS}rect")
            assert r is not None
            rects[g.get("id", "")] = tuple(float(r.get(k, "0")) for k in ("x", "y", "width", "height"))  # type: ignore[assignment]
    tree_group = next(g for g in root.iter(f"{SVG_NS}g") if g.get("class") == "tree")
    tree: list[Pair] = []
    lines_of: dict[str, list[list[tuple[float, float]]]] = {}
    for line in tree_group:
        parent, child = line.get("data-parent"), line.get("data-child")
        assert parent is not None
        pts = _points(line.get("points", ""))
        lines_of.setdefault(parent, []).append(pts)
        if child is not None:
            tree.append((parent, child))
            # a drop ends on its child's box
            assert _on_border(*pts[-1], rects[child]), (parent, child, pts)
        for p, q in itertools.pairwise(pts):
            assert not any(_crosses(p, q, r) for r in rects.values()), (parent, child, pts)
    for parent, lines in lines_of.items():
        # a unit's lines form one connected figure that leaves the unit's box
        assert any(_on_border(*pt, rects[parent]) for pts in lines for pt in (pts[0], pts[-1])), parent
        assert _connected(lines), parent
    rels: list[Pair] = []
    for line in root.iter(f"{SVG_NS}polyline"):
        if "rel" not in (line.get("class") or "").split():
            continue
        a, b = line.get("data-from", ""), line.get("data-to", "")
        pts = _points(line.get("points", ""))
        assert _on_border(*pts[0], rects[a]), (a, b, pts)
        assert _on_border(*pts[-1], rects[b]), (a, b, pts)
        for p, q in itertools.pairwise(pts):
            under = [n for n, r in rects.items() if n not in (a, b) and _crosses(p, q, r)]
            # only a route that found no clear way may run under a box; the layouts here always leave one
            assert not under, (a, b, pts, under)
        rels.append((a, b))
    _check(tree, rels, spec, chart, "svg")


def _connected(lines: list[list[tuple[float, float]]]) -> bool:
    segs = [(p, q) for pts in lines for p, q in itertools.pairwise(pts)]
    group = {0}
    changed = True
    while changed:
        changed = False
        for i, s in enumerate(segs):
            if i not in group and any(_touch(s, segs[j]) for j in group):
                group.add(i)
                changed = True
    return len(group) == len(segs)


def _touch(s: tuple[tuple[float, float], ...], t: tuple[tuple[float, float], ...]) -> bool:
    def on(p: tuple[float, float], seg: tuple[tuple[float, float], ...]) -> bool:
        (x0, y0), (x1, y1) = seg
        return (
            min(x0, x1) - 0.6 <= p[0] <= max(x0, x1) + 0.6
            and min(y0, y1) - 0.6 <= p[1] <= max(y0, y1) + 0.6
            and abs((x1 - x0) * (p[1] - y0) - (y1 - y0) * (p[0] - x0)) <= 0.6 * max(1.0, abs(x1 - x0) + abs(y1 - y0))
        )

    return any(on(p, t) for p in s) or any(on(p, s) for p in t)


# ---- Graphviz's own layout -----------------------------------------------------------------


def check_graphviz(spec: Spec, chart: Chart) -> None:
    # through orgspec's runner (the graphviz package), which redraws without ordering=out when Graphviz 2.43
    # loses an edge with it
    data = json.loads(graphviz_run.run_dot(render_dot(chart), "json"))
    objects = data.get("objects", [])
    names = {o["_gvid"]: o["name"] for o in objects}
    boxes: dict[str, tuple[float, float, float, float]] = {}
    for o in objects:
        if "pos" in o and "width" in o:
            x, y = (float(v) for v in o["pos"].split(","))
            w, h = float(o["width"]) * 72, float(o["height"]) * 72
            boxes[o["name"]] = (x - w / 2, y - h / 2, w, h)
    tree: list[Pair] = []
    rels: list[Pair] = []
    for e in data.get("edges", []):
        if e.get("style") == "invis":
            continue
        tail, head = names[e["tail"]], names[e["head"]]
        pts = [pt for op in e.get("_draw_", []) if op["op"] in ("b", "B") for pt in op["points"]]
        assert pts, (tail, head)
        # the drawn line starts at its tail's box and ends at its head's (or at its arrow head, 10 pt off)
        tol_head = 12.0 if e.get("arrowhead", "none") != "none" else 3.0
        assert _near(pts[0], boxes[tail], 3.0), (tail, head, pts[0], boxes[tail])
        assert _near(pts[-1], boxes[head], tol_head), (tail, head, pts[-1], boxes[head])
        (rels if e.get("constraint") == "false" else tree).append((tail, head))
    _check(_through_junctions(tree, lambda n: n.startswith("j")), rels, spec, chart, "graphviz")


def _near(p: list[float], rect: tuple[float, float, float, float], tol: float) -> bool:
    x, y = p
    rx, ry, rw, rh = rect
    return rx - tol <= x <= rx + rw + tol and ry - tol <= y <= ry + rh + tol


# ---- the tests -----------------------------------------------------------------------------

CHECKS = {"dot": check_dot, "mermaid": check_mermaid, "svg": check_svg}


def test_specs_are_found() -> None:
    names = {p.stem for p in SPEC_PATHS}
    assert {"hengyang-gov-office", "zhenjiang-fao", "xuzhou-fao", "jiangxi-fao"} <= names
    assert any("fixtures" in str(p) for p in SPEC_PATHS)


@pytest.mark.parametrize("fmt", sorted(CHECKS))
@pytest.mark.parametrize("path", SPEC_PATHS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_connector_is_a_relation_of_the_model(path: Path, fmt: str) -> None:
    spec = _spec(path)
    CHECKS[fmt](spec, build_chart(spec))
    for opts in (ChartOptions(depth=2), ChartOptions(duties=True)):
        check = functools.partial(check_dot, quick=True) if fmt == "dot" else CHECKS[fmt]
        check(spec, build_chart(spec, opts))


@pytest.mark.graphviz
@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
@pytest.mark.parametrize("path", SPEC_PATHS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_graphviz_draws_only_the_relations_of_the_model(path: Path) -> None:
    spec = _spec(path)
    check_graphviz(spec, build_chart(spec))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs, options)
def test_generated_bodies_draw_only_their_relations(spec: Spec, opts: ChartOptions) -> None:
    chart = build_chart(spec, opts)
    check_dot(spec, chart, quick=True)
    check_mermaid(spec, chart)
    check_svg(spec, chart)


@pytest.mark.graphviz
@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs, options)
def test_generated_bodies_through_graphviz(spec: Spec, opts: ChartOptions) -> None:
    check_graphviz(spec, build_chart(spec, opts))


def test_the_checks_see_a_false_chain() -> None:
    """The old DOT (box joined to the box below it) and a Mermaid link between siblings are caught."""
    spec = _spec(ROOT / "specs" / "zhenjiang-fao.orgspec")
    chart = build_chart(spec)
    tree, rels = _dot_edges(render_dot(chart))
    kids = [n.id for n in chart.nodes if n.parent == chart.nodes[0].id and not n.attached]
    with pytest.raises(AssertionError):
        _check([*_through_junctions(tree, lambda n: n.startswith("j")), (kids[0], kids[1])], rels, spec, chart, "x")
    with pytest.raises(AssertionError):
        _check(_through_junctions(tree, lambda n: n.startswith("j")), [*rels, (kids[0], kids[2])], spec, chart, "x")


# ---- the working office (办事机构) is its own edge, never a chain of command -----------------

_OFFICES = """\
body zu "未成年人保护工作领导小组" {
  kind coordinating-body
  working-office @bgs
  office ban "领导小组办公室" {
    hosted-in @mz
    office-of @zu
  }
}
body mz "民政厅" {
  office-of "绿化委员会"
}
body bgs "县委办公室"
"""


def test_a_working_office_is_drawn_as_its_own_edge_in_every_format() -> None:
    """office-of / working-office: an arrow from the office to the body it serves, in the office style."""
    spec = orgspec.loads(_OFFICES)
    chart = build_chart(spec)
    node = {n.names[0]: n.id for n in chart.nodes}
    office = EDGE_STYLES["office"]
    assert office not in [s for k, s in EDGE_STYLES.items() if k != "office"]
    # expected from the text above, not from the chart: (office, body) for both directions of stating it
    want = {
        (node["领导小组办公室"], node["未成年人保护工作领导小组"]),
        (node["县委办公室"], node["未成年人保护工作领导小组"]),
        (node["民政厅"], node["绿化委员会"]),
    }
    # DOT: the office edges carry the office colour, and no tree edge joins the office to the 县委办公室
    dot = render_dot(chart)
    edges = [m for line in dot.splitlines() if (m := _DOT_EDGE.match(line))]
    got = {(m.group(1), m.group(2)) for m in edges if f'color="{office.color}"' in m.group(3)}
    assert got == want
    assert all("constraint=false" in m.group(3) for m in edges if (m.group(1), m.group(2)) in want)
    tree, _ = _dot_edges(dot)
    assert (node["未成年人保护工作领导小组"], node["县委办公室"]) not in tree
    # SVG: polylines of class rel-office with their ends
    root = ET.fromstring(render_svg(chart).encode("utf-8"))
    svg = {
        (p.get("data-from"), p.get("data-to"))
        for p in root.iter(f"{SVG_NS}polyline")
        if "rel-office" in (p.get("class") or "").split()
    }
    assert svg == want
    # draw.io: one relation cell per office edge, named by its kind
    drawio = render_drawio(chart)
    assert len(re.findall(r'id="rel-\d+-office"', drawio)) == len(want)
    # Mermaid and every format's legend name the relation
    assert any(i.key == "office" and i.is_edge for i in chart.legend)
    assert "办事机构" in render_mermaid(chart)
    check_dot(spec, chart)
    check_mermaid(spec, chart)
    check_svg(spec, chart)
