"""The HTML page as text: the inlined chart, the data its script reads, the folding table, the CLI's --depth.

What the page does in a browser is tested in ``test_render_web.py``; these
checks need no browser.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from orgspec.cli.main import main
from orgspec.render.chart import build_chart
from orgspec.render.html import INITIAL_DEPTH, render_html
from orgspec.render.layout import layout
from orgspec.render.script_fold import fold_table, has_dictionary

from .conftest import needs
from .render_helpers import chart_specs, load_spec

ZHENJIANG = next(p for p in chart_specs() if p.stem == "zhenjiang-fao")

needs_opencc = needs(has_dictionary(), "OpenCC's dictionaries are not installed")


@needs_opencc
def test_fold_table_maps_both_scripts_to_simplified() -> None:
    table = fold_table(["亞非處", "办公室"])
    # the traditional characters of the text
    assert table["亞"] == "亚"
    assert table["處"] == "处"
    # the traditional form of a simplified character of the text, so a traditional query finds it
    assert table["辦"] == "办"
    # characters that fold to themselves are left out, and nothing unrelated comes in
    assert "非" not in table
    assert "公" not in table
    assert "國" not in table
    assert len(table) < 12


@needs_opencc
def test_fold_table_is_sorted_and_small_for_a_real_spec() -> None:
    chart = build_chart(load_spec(ZHENJIANG))
    texts = [t for n in chart.nodes for t in n.names]
    table = fold_table(texts)
    assert list(table) == sorted(table)
    assert table == fold_table(reversed(texts))
    assert 0 < len(table) < 400


def test_fold_table_of_nothing_is_empty() -> None:
    assert fold_table([]) == {}
    assert fold_table(["ABC 123"]) == {}


def _attr(page: str, element_id: str, name: str) -> str:
    m = re.search(rf'<[a-z]+ id="{element_id}"[^>]* {name}="([^"]*)"', page)
    assert m is not None, (element_id, name)
    return html.unescape(m.group(1))


@needs_opencc
def test_page_carries_the_fold_table_and_each_units_parent() -> None:
    chart = build_chart(load_spec(ZHENJIANG))
    page = render_html(chart)
    fold = json.loads(_attr(page, "app", "data-fold"))
    assert fold["亞"] == "亚"
    lay = layout(chart)
    boxes = dict(re.findall(r'<g class="box[^"]*" id="(n\d+)"([^>]*)>', page))
    assert set(boxes) == {n.id for n in chart.nodes}
    for node in chart.nodes:
        attrs = boxes[node.id]
        parent = re.search(r'data-p="([^"]*)"', attrs)
        assert (parent.group(1) if parent else None) == node.parent
        width = re.search(r'data-w="([\d.]+)"', attrs)
        assert width is not None
        assert float(width.group(1)) <= lay.boxes[node.id].w + 0.01  # natural width, at most the drawn one


def test_outline_opens_to_the_initial_depth() -> None:
    chart = build_chart(load_spec(next(p for p in chart_specs() if p.stem == "hengyang-gov-office")))
    assert INITIAL_DEPTH == 2
    page = render_html(chart)
    assert _attr(page, "app", "data-depth") == "2"
    assert page.count("<details open>") == 1  # the body; the units beneath it with units of their own are closed
    assert page.count("<details>") >= 1
    shut = render_html(chart, depth=1)
    assert _attr(shut, "app", "data-depth") == "1"
    assert "<details open>" not in shut


def test_cli_html_depth_opens_levels_and_keeps_the_whole_chart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "zj.html"
    assert main(["render", str(ZHENJIANG), "-o", str(out), "--depth", "1"]) == 0, capsys.readouterr().err
    page = out.read_text(encoding="utf-8")
    chart = build_chart(load_spec(ZHENJIANG))
    assert _attr(page, "app", "data-depth") == "1"
    assert len(re.findall(r'<g class="box', page)) == len(chart.nodes)  # --depth cuts nothing from a page
    assert main(["render", str(ZHENJIANG), "-o", str(out)]) == 0
    assert _attr(out.read_text(encoding="utf-8"), "app", "data-depth") == str(INITIAL_DEPTH)
