"""Benchmark: render a generated 1,000-unit ministry to every format, against Graphviz's own layout time.

Measures, in the same run: loading the spec text (parse, build, checks), building the chart,
the embedded engine (layout + SVG text), DOT text, and Graphviz's ``dot -Tsvg`` on that DOT;
then the whole ``render`` path for each engine and format (SVG, DOT, Mermaid, PNG, PDF of real A4
pages, the HTML page and draw.io). The target is < 2 s for each format of 1,000 units.

Each step is timed several times and the best run is reported (the least disturbed by other
work on the machine), with the CPU time of that step beside it: on a shared machine the wall
time can be twice the CPU time, which does not depend on the load.

Run: python bench/bench_render.py [--quick] [--units N]
"""

from __future__ import annotations

import argparse
import shutil
import time
from collections.abc import Callable

from orgspec import dumps
from orgspec.api import analyze
from orgspec.model.units import Post, Quota, Spec, Unit
from orgspec.model.values import Count, QuotaCategory, UnitKind
from orgspec.render.chart import build_chart
from orgspec.render.dot import render_dot
from orgspec.render.drawio import render_drawio
from orgspec.render.graphviz_run import find_dot, run_dot
from orgspec.render.html import render_html
from orgspec.render.mermaid import render_mermaid
from orgspec.render.paper import render_pdf, render_png
from orgspec.render.svg import render_svg

TARGET_S = 2.0


def ministry(units: int) -> Spec:
    """A ministry with departments (司), divisions (处) and public institutions, ``units`` in all."""
    per_dept = 24
    made = 1
    departments = []
    while made < units:
        d = len(departments)
        size = min(per_dept, units - made - 1)
        children = tuple(
            Unit(
                name=f"第{d + 1}司第{i + 1}处（综合协调与政策研究）",
                kind=UnitKind.PUBLIC_INSTITUTION if i % 8 == 7 else UnitKind.SECTION,
            )
            for i in range(size)
        )
        made += 1 + size
        departments.append(
            Unit(
                name=f"第{d + 1}司",
                kind=UnitKind.OFFICE,
                units=children,
                quotas=(Quota(category=QuotaCategory.ADMINISTRATIVE, count=Count.of(60 + d)),),
                posts=(Post(title="司长", count=Count.of(1)), Post(title="副司长", count=Count.of(3))),
            )
        )
    body = Unit(
        name="中华人民共和国示例部",
        kind=UnitKind.CONSTITUENT_DEPARTMENT,
        rank="正部级",
        units=tuple(departments),
        quotas=(Quota(category=QuotaCategory.ADMINISTRATIVE, count=Count.separately()),),
    )
    return Spec(bodies=(body,))


Time = tuple[float, float]  # wall seconds, CPU seconds


def timed(fn: Callable[[], object], repeat: int) -> Time:
    """Return the wall and CPU seconds of the best of ``repeat`` runs of ``fn``."""
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        best = min(best, (time.perf_counter() - start, time.process_time() - cpu))
    return best


def plus(*times: Time) -> Time:
    """Return the sum of several steps' times."""
    return sum(t[0] for t in times), sum(t[1] for t in times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one run of each step")
    parser.add_argument("--units", type=int, default=1000)
    args = parser.parse_args()
    repeat = 1 if args.quick else 5

    spec = ministry(args.units)
    text = dumps(spec)
    count = sum(1 for _ in spec.walk())
    loaded = analyze(text, "ministry.orgspec").spec
    assert loaded is not None
    chart = build_chart(loaded)
    dot_text = render_dot(chart)

    build = timed(lambda: build_chart(loaded), repeat)
    svg = timed(lambda: render_svg(chart), repeat)
    dot = timed(lambda: render_dot(chart), repeat)
    html = timed(lambda: render_html(chart), repeat)
    drawio = timed(lambda: render_drawio(chart), repeat)
    rows: list[tuple[str, Time]] = [
        ("load spec text (parse, build, checks)", timed(lambda: analyze(text, "ministry.orgspec"), repeat)),
        ("build chart", build),
        ("embedded: layout + SVG text", svg),
        ("DOT text", dot),
        ("HTML page (layout + SVG + outline + fold table)", html),
        ("draw.io text (layout + mxGraph XML)", drawio),
    ]
    gv: Time | None = None
    if find_dot() is not None:
        gv = timed(lambda: run_dot(dot_text, "svg"), repeat)
        rows.append(("Graphviz dot -Tsvg (its own layout)", gv))
    totals = {"SVG": plus(build, svg)}
    rows.append(("render to SVG, embedded engine (chart + SVG)", totals["SVG"]))
    for fmt, fn in (
        ("DOT", lambda: render_dot(chart)),
        ("Mermaid", lambda: render_mermaid(chart)),
        ("PNG", lambda: render_png(chart)),
        ("PDF", lambda: render_pdf(chart)),
    ):
        totals[fmt] = plus(build, timed(fn, repeat))
        rows.append((f"render to {fmt}, embedded engine (chart + {fmt})", totals[fmt]))
    if gv is not None:
        rows.append(("render to SVG, graphviz engine (chart + DOT + dot)", plus(build, dot, gv)))
    totals["HTML"], totals["draw.io"] = plus(build, html), plus(build, drawio)
    rows.append(("render to HTML (chart + page)", totals["HTML"]))
    rows.append(("render to draw.io (chart + draw.io)", totals["draw.io"]))

    print(f"orgspec render benchmark: {count} units, best of {repeat} run(s)")
    print(f"{'step':<52} {'seconds':>9} {'CPU s':>7} {'x Graphviz':>11}")
    for name, (secs, cpu) in rows:
        ratio = f"{secs / gv[0]:10.2f}x" if gv else "          -"
        print(f"{name:<52} {secs:9.3f} {cpu:7.3f} {ratio}")
    for fmt, (secs, cpu) in totals.items():
        verdict = "meets" if secs < TARGET_S else "MISSES"
        print(f"{fmt} of {count} units: {secs:.3f} s ({cpu:.3f} s CPU), {verdict} the {TARGET_S:.0f} s target")
    if gv is None:
        print("Graphviz is not installed (" + (shutil.which("dot") or "no dot on PATH") + "): no baseline")


if __name__ == "__main__":
    main()
