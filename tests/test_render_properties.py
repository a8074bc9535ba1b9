"""Laws of rendering: any model renders in every format without an error, deterministically,
with every box holding its text and every unit drawn once."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from orgspec.model.units import Plaque, Post, Quota, Relation, RelationKind, SharedDuties, Spec, Unit
from orgspec.model.values import Count, QuotaCategory, Ref, UnitKind
from orgspec.render.chart import ChartOptions, build_chart
from orgspec.render.dot import render_dot
from orgspec.render.html import render_html
from orgspec.render.layout import layout
from orgspec.render.mermaid import render_mermaid
from orgspec.render.svg import render_svg
from orgspec.render.text_metrics import text_width

from .render_helpers import svg_nodes

names = st.text(min_size=1, max_size=24)
counts = st.one_of(
    st.integers(min_value=0, max_value=999).map(Count.of),
    st.just(Count.separately()),
    st.just(Count.unstated()),
    st.text(max_size=8).map(Count.unreadable),
)
IDS = [f"u{i}" for i in range(6)]
refs = st.one_of(
    st.sampled_from(IDS).map(lambda i: Ref(target=i, by="id")),
    names.map(lambda n: Ref(target=n, by="name")),
    names.map(lambda n: Ref(target=n, by="external")),
)


def units(depth: int) -> st.SearchStrategy[Unit]:
    children = st.lists(units(depth - 1), max_size=6) if depth > 0 else st.just([])
    return st.builds(
        lambda name, ident, kind, plaques, quotas, posts, rels, kids, shared: Unit(
            name=name,
            id=ident,
            kind=kind,
            plaques=tuple(Plaque(name=p) for p in plaques),
            quotas=tuple(Quota(category=c, count=n) for c, n in quotas),
            posts=tuple(Post(title=t, count=n) for t, n in posts),
            relations=tuple(Relation(kind=k, target=r) for k, r in rels),
            units=tuple(kids),
            shared_duties=(SharedDuties(sections=tuple(shared), duties=()),) if shared else (),
        ),
        names,
        st.none() | st.sampled_from(IDS),
        st.none() | st.sampled_from(list(UnitKind)),
        st.lists(names, max_size=2),
        st.lists(st.tuples(st.sampled_from(list(QuotaCategory)), counts), max_size=2),
        st.lists(st.tuples(names, counts), max_size=2),
        st.lists(st.tuples(st.sampled_from(list(RelationKind)), refs), max_size=2),
        children,
        st.lists(refs, max_size=3),
    )


specs = st.lists(units(2), min_size=1, max_size=2).map(lambda bodies: Spec(bodies=tuple(bodies)))
options = st.builds(
    ChartOptions,
    depth=st.none() | st.integers(min_value=1, max_value=3),
    duties=st.booleans(),
    quotas=st.booleans(),
    plaques=st.booleans(),
)


@settings(max_examples=40)
@given(specs, options)
def test_any_spec_renders_in_every_format(spec: Spec, opts: ChartOptions) -> None:
    chart = build_chart(spec, opts)
    ids = [n.id for n in chart.nodes]
    assert len(ids) == len(set(ids))
    assert {e.source for e in chart.edges} | {e.target for e in chart.edges} <= set(ids)
    shown_units = [n for n in chart.nodes if n.kind not in ("external", "shared-duties")]
    if opts.depth is None:
        assert len(shown_units) == sum(1 for _ in spec.walk())

    svg = render_svg(chart)
    assert svg == render_svg(build_chart(spec, opts))
    nodes = svg_nodes(svg)
    assert len(nodes) == len(chart.nodes)
    for _, rect, texts in nodes:
        x, w = float(rect.get("x", 0)), float(rect.get("width", 0))
        for t in texts:
            half = text_width(t.text or "") * float(t.get("font-size", 0)) / 2
            assert x <= float(t.get("x", 0)) - half + 1e-6
            assert float(t.get("x", 0)) + half <= x + w + 1e-6

    mermaid = render_mermaid(chart)
    assert len(re.findall(r"^  n\d+[\[(]\"", mermaid, re.M)) == len(chart.nodes)
    dot = render_dot(chart)
    assert len(re.findall(r"^  n\d+ \[label=<", dot, re.M)) == len(chart.nodes)
    page = render_html(chart)
    assert page.count('class="node kind-') == len(chart.nodes)
    lay = layout(chart)
    assert set(lay.boxes) == set(ids)
