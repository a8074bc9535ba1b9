"""The HTML chart page driven in a real Chromium (Debian's ``chromium``) through the DevTools protocol.

Playwright drives the installed browser (``executable_path``; no browser is
downloaded). Each test opens a rendered page from a file and acts as a reader
would: clicks a unit's toggle, types a search, presses zoom and fit, opens an
address with ``#id``. Every page is watched for console errors, uncaught
exceptions, dialogs (a name that ran as script would open one) and network
requests (none but the page's own file). Screenshots go to ``tests/artifacts/``.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from orgspec.render.chart import Chart, ChartOptions, build_chart
from orgspec.render.diffchart import build_diff_chart
from orgspec.render.html import render_html
from orgspec.render.layout import layout
from orgspec.reorg import diff

from .conftest import ROOT, needs, require_module
from .render_helpers import HOSTILE, chart_specs, hostile_spec, load_spec, ministry

playwright_api = require_module("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = ROOT / "tests" / "artifacts"
SPECS = {p.stem: p for p in chart_specs()}
DIFF_CASE = ROOT / "tests" / "fixtures" / "diff" / "zhenjiang-reorg"

pytestmark = [
    pytest.mark.browser,
    needs(CHROMIUM is not None, "headless Chromium is not installed"),
]

_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One Chromium for the module, with a profile of its own."""
    with playwright_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("profile")),
            executable_path=CHROMIUM,
            args=_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
        )
        yield context
        context.close()


class Page:
    """An opened chart page and what it did: console errors, page errors, dialogs, requests."""

    def __init__(self, context: Any, html: str, path: Path, fragment: str = "") -> None:
        path.write_text(html, encoding="utf-8")
        self.url = path.as_uri()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page = context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(self.url + fragment)
        self.page.wait_for_selector("#app[data-ready]", state="attached")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, script: str, arg: object = None) -> Any:
        return self.page.evaluate(script, arg)

    def visible(self) -> set[str]:
        ids: list[str] = self.js(
            "Array.from(document.querySelectorAll('#chart g.box')).filter(g => getComputedStyle(g).display !== 'none').map(g => g.id)"
        )
        return set(ids)

    def transform(self) -> str:
        return str(self.page.get_attribute("#vp", "transform"))

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        out = ARTIFACTS / f"web-{name}.png"
        self.page.screenshot(path=str(out))
        return out

    def close(self) -> None:
        """Check the page stayed clean, then close it."""
        assert self.errors == [], self.errors
        assert self.dialogs == [], self.dialogs
        assert all(u.split("#")[0] == self.url for u in self.requests), self.requests
        self.page.close()


def _open(browser: Any, tmp_path: Path, chart: Chart, name: str, *, depth: int = 2, fragment: str = "") -> Page:
    return Page(browser, render_html(chart, depth), tmp_path / f"{name}.html", fragment)


def _levels(chart: Chart) -> dict[str, int]:
    level: dict[str, int] = {}
    for n in chart.nodes:
        level[n.id] = 1 if n.parent is None else level[n.parent] + 1
    return level


def test_opens_to_the_initial_depth_and_a_click_collapses_and_expands(browser: Any, tmp_path: Path) -> None:
    chart = build_chart(load_spec(SPECS["hengyang-gov-office"]))
    level = _levels(chart)
    page = _open(browser, tmp_path, chart, "hengyang")
    assert page.visible() == {i for i, lv in level.items() if lv <= 2}
    page.shot("hengyang-overview")
    kids = chart.children()
    unit = next(n for n in chart.nodes if level[n.id] == 2 and kids.get(n.id))  # a collapsed unit with units
    page.page.click(f"#{unit.id} .tog")
    assert page.visible() == {i for i, lv in level.items() if lv <= 2} | {k.id for k in kids[unit.id]}
    assert page.page.get_attribute(f"#{unit.id} .tog", "aria-expanded") == "true"
    page.shot("hengyang-expanded-one")
    body = chart.nodes[0]
    page.page.click(f"#{body.id} .tog")
    assert page.visible() == {n.id for n in chart.nodes if level[n.id] == 1}
    page.page.click(f"#{body.id}")  # the box itself toggles too
    assert page.visible() == {i for i, lv in level.items() if lv <= 2} | {k.id for k in kids[unit.id]}
    page.page.click("#expand")
    assert page.visible() == {n.id for n in chart.nodes}
    page.page.click("#collapse")
    assert page.visible() == {n.id for n in chart.nodes if level[n.id] == 1}
    page.page.click("#overview")
    assert page.visible() == {i for i, lv in level.items() if lv <= 2}
    page.close()


def test_the_keyboard_reaches_the_toggles(browser: Any, tmp_path: Path) -> None:
    chart = build_chart(load_spec(SPECS["zhenjiang-fao"]))
    page = _open(browser, tmp_path, chart, "keys")
    body = chart.nodes[0].id
    page.page.focus(f"#{body} .tog")
    page.page.keyboard.press("Enter")
    assert page.visible() == {body}
    page.page.keyboard.press(" ")
    assert page.visible() == {n.id for n in chart.nodes}
    page.close()


@pytest.mark.parametrize("query", ["亚非处", "亞非處", "民间交流促进", "亚 非 处"])
def test_search_folds_simplified_and_traditional_script(browser: Any, tmp_path: Path, query: str) -> None:
    chart = build_chart(load_spec(SPECS["zhenjiang-fao"]))  # written in traditional script
    target = next(n for n in chart.nodes if n.name == "亞非處")
    page = _open(browser, tmp_path, chart, "search", depth=1)
    assert target.id not in page.visible()
    page.page.fill("#q", query)
    results = page.js("Array.from(document.querySelectorAll('#results button')).map(b => b.dataset.id)")
    assert results == [target.id]
    assert "1 个匹配" in page.page.inner_text("#count")
    assert page.js(f"document.getElementById('{chart.nodes[0].id}').classList.contains('hit-below')")
    page.page.click("#results button")
    assert target.id in page.visible()
    assert page.js(f"document.getElementById('{target.id}').classList.contains('focus')")
    assert page.js("location.hash") == f"#{target.id}"
    page.shot("search-focus")
    page.close()


def test_search_finds_nothing_for_an_absent_name(browser: Any, tmp_path: Path) -> None:
    page = _open(browser, tmp_path, build_chart(load_spec(SPECS["zhenjiang-fao"])), "absent")
    page.page.fill("#q", "欧洲处不存在")
    assert page.js("document.querySelectorAll('#results li').length") == 0
    assert page.js("document.querySelectorAll('#chart g.box.hit').length") == 0
    page.close()


def test_zoom_pan_and_fit_change_the_transform(browser: Any, tmp_path: Path) -> None:
    page = _open(browser, tmp_path, build_chart(load_spec(SPECS["hengyang-gov-office"])), "zoom")
    fitted = page.transform()
    scale = lambda t: float(re.search(r"scale\(([\d.]+)\)", t).group(1))  # type: ignore[union-attr]  # noqa: E731
    page.page.click("#zin")
    assert scale(page.transform()) == pytest.approx(scale(fitted) * 1.25, rel=1e-3)
    page.page.click("#zout")
    page.page.click("#zout")
    assert scale(page.transform()) < scale(fitted)
    page.page.click("#fit")
    assert page.transform() == fitted
    box = page.page.locator("#stage").bounding_box()
    page.page.mouse.move(box["x"] + 40, box["y"] + 40)
    page.page.mouse.wheel(0, -300)
    assert scale(page.transform()) > scale(fitted)
    before = page.transform()
    page.page.mouse.move(box["x"] + 30, box["y"] + 30)
    page.page.mouse.down()
    page.page.mouse.move(box["x"] + 130, box["y"] + 90, steps=5)
    page.page.mouse.up()
    after = page.transform()
    assert scale(after) == scale(before)
    shift = [float(v) for v in re.findall(r"translate\(([-\d.]+),([-\d.]+)\)", after)[0]]
    start = [float(v) for v in re.findall(r"translate\(([-\d.]+),([-\d.]+)\)", before)[0]]
    assert shift[0] - start[0] == pytest.approx(100, abs=1)
    assert shift[1] - start[1] == pytest.approx(60, abs=1)
    page.close()


@pytest.mark.parametrize("fragment", ["#n6", "#yafei"])
def test_focus_from_the_address(browser: Any, tmp_path: Path, fragment: str) -> None:
    chart = build_chart(load_spec(SPECS["zhenjiang-fao"]))
    page = _open(browser, tmp_path, chart, "hash", depth=1, fragment=fragment)
    target = next(n for n in chart.nodes if n.unit_id == "yafei")
    assert target.id in page.visible()
    assert page.js(f"document.getElementById('{target.id}').classList.contains('focus')")
    # the focused unit sits in the middle of the stage
    stage = page.page.locator("#stage").bounding_box()
    rect = page.page.locator(f"#{target.id} > rect").bounding_box()
    assert rect["x"] + rect["width"] / 2 == pytest.approx(stage["x"] + stage["width"] / 2, abs=2)
    assert rect["y"] + rect["height"] / 2 == pytest.approx(stage["y"] + stage["height"] / 2, abs=2)
    page.close()


def _placed(page: Page) -> dict[str, tuple[float, float, float, float]]:
    """Each shown box as the browser draws it, in chart coordinates (the view transform taken out)."""
    data: dict[str, list[float]] = page.js(
        """() => {
      const out = {};
      document.querySelectorAll('#chart g.box').forEach(g => {
        if (getComputedStyle(g).display === 'none') return;
        const r = g.querySelector('rect');
        const t = (g.getAttribute('transform') || 'translate(0,0)').match(/translate\\(([-\\d.e]+),([-\\d.e]+)\\)/);
        out[g.id] = [+r.getAttribute('x') + +t[1], +r.getAttribute('y') + +t[2], +r.getAttribute('width'),
                     +r.getAttribute('height')];
      });
      return out;
    }"""
    )
    return {k: (v[0], v[1], v[2], v[3]) for k, v in data.items()}


def _layout_cases() -> list[tuple[str, Chart]]:
    cases = [(name, build_chart(load_spec(path))) for name, path in SPECS.items()]
    cases.append(("hostile", build_chart(hostile_spec([*HOSTILE, "国" * 70]))))
    cases.append(("ministry", build_chart(ministry(300))))
    cases.append(("hengyang-duties", build_chart(load_spec(SPECS["hengyang-gov-office"]), ChartOptions(duties=True))))
    old, new = load_spec(DIFF_CASE / "old.orgspec"), load_spec(DIFF_CASE / "new.orgspec")
    cases.append(("diff", build_diff_chart(new, diff(old, new))))
    return cases


@pytest.mark.parametrize(("name", "chart"), _layout_cases(), ids=[c[0] for c in _layout_cases()])
def test_expanded_page_places_every_box_where_the_svg_does(
    browser: Any, tmp_path: Path, name: str, chart: Chart
) -> None:
    """The page's own layout, fully expanded, is the embedded layout: every box, and every tree line."""
    page = _open(browser, tmp_path, chart, f"layout-{name}")
    page.page.click("#expand")
    placed = _placed(page)
    lay = layout(chart)
    assert set(placed) == set(lay.boxes)
    for node_id, box in lay.boxes.items():
        got = placed[node_id]
        assert got == pytest.approx((box.x, box.y, box.w, box.h), abs=0.03), node_id
    path = page.js("document.querySelector('#chart g.tree path').getAttribute('d')")
    drawn = [[tuple(map(float, p.split())) for p in re.split("L", seg) if p] for seg in path.split("M") if seg]
    assert len(drawn) == len(lay.lines)
    for got_line, want in zip(drawn, lay.lines, strict=True):
        assert len(got_line) == len(want)
        for (gx, gy), (wx, wy) in zip(got_line, want, strict=True):
            assert (gx, gy) == pytest.approx((wx, wy), abs=0.03)
    if name in ("hengyang-gov-office", "zhenjiang-fao"):
        page.page.click("#fit")
        page.shot(f"{name}-expanded")
    page.close()


def test_a_1000_unit_body_opens_collapsed_within_a_second(browser: Any, tmp_path: Path) -> None:
    spec = ministry(1000)
    chart = build_chart(spec)
    assert len(chart.nodes) >= 1000
    level = _levels(chart)
    page = _open(browser, tmp_path, chart, "ministry")
    ready = int(page.page.get_attribute("#app", "data-ready") or 0)  # performance.now() when the page was ready
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "web-ministry-timing.json").write_text(json.dumps({"units": len(chart.nodes), "ready_ms": ready}))
    # a functional acceptance check, not a benchmark: generous against a loaded machine
    assert 0 < ready < 1000, ready
    overview = {i for i, lv in level.items() if lv <= 2}
    assert page.visible() == overview
    assert len(overview) < 60  # an overview: the ministry and its departments
    page.shot("ministry-overview")
    # a unit three levels down is found and shown
    page.page.fill("#q", "第7司综合科")
    page.page.click("#results button")
    target = next(n for n in chart.nodes if n.name == "第7司综合科")
    assert target.id in page.visible()
    page.shot("ministry-focus")
    page.page.click("#expand")
    assert len(page.visible()) == len(chart.nodes)
    page.close()


def test_hostile_names_stay_text(browser: Any, tmp_path: Path) -> None:
    chart = build_chart(hostile_spec(HOSTILE))
    page = _open(browser, tmp_path, chart, "hostile")
    page.page.click("#expand")
    page.page.fill("#q", "<script>")
    shown = page.js("Array.from(document.querySelectorAll('#results button')).map(b => b.firstChild.textContent)")
    assert shown == ["<script>alert(1)</script>"]
    assert page.js("document.querySelectorAll('script').length") == 1
    assert page.js("document.querySelectorAll('#chart foreignObject, #chart script, img, iframe').length") == 0
    page.page.fill("#q", "")
    page.page.goto(page.url + "#" + "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    page.page.wait_for_selector("#app[data-ready]", state="attached")
    page.shot("hostile")
    page.close()


@pytest.mark.parametrize("name", sorted(SPECS), ids=sorted(SPECS))
def test_every_spec_page_is_clean(browser: Any, tmp_path: Path, name: str) -> None:
    """Open, expand, search, fit: no console error, no uncaught exception, no request but the page itself."""
    chart = build_chart(load_spec(SPECS[name]))
    page = _open(browser, tmp_path, chart, f"clean-{name}")
    page.page.click("#expand")
    page.page.fill("#q", chart.nodes[-1].name[:3])
    page.page.keyboard.press("Enter")
    page.page.click("#fit")
    page.page.click("#collapse")
    assert page.requests == [page.url]
    page.close()


@pytest.mark.parametrize(("query", "found"), [("亞洲處", "亚洲处"), ("綜合處", "综合处"), ("歐洲", "欧洲处")])
def test_a_traditional_query_finds_a_simplified_name(browser: Any, tmp_path: Path, query: str, found: str) -> None:
    chart = build_chart(load_spec(SPECS["jiangxi-fao"]))  # written in simplified script
    page = _open(browser, tmp_path, chart, "simplified")
    page.page.fill("#q", query)
    names = page.js("Array.from(document.querySelectorAll('#results button')).map(b => b.firstChild.textContent)")
    assert names == [found]
    page.close()
