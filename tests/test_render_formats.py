"""Golden DOT, Mermaid and embedded SVG for every spec; escaping of hostile names in every format."""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgspec.render.chart import build_chart, clean
from orgspec.render.dot import render_dot
from orgspec.render.html import render_html
from orgspec.render.mermaid import render_mermaid
from orgspec.render.svg import render_svg

from .conftest import golden
from .render_helpers import HOSTILE, RENDER_GOLDEN, chart_specs, hostile_spec, load_spec, mermaid_labels, svg_nodes

SPEC_FILES = chart_specs()


@pytest.mark.parametrize("path", SPEC_FILES, ids=[p.stem for p in SPEC_FILES])
@pytest.mark.parametrize(("suffix", "writer"), [(".dot", render_dot), (".mmd", render_mermaid)], ids=["dot", "mmd"])
def test_golden_text_formats(path: Path, suffix: str, writer: object) -> None:
    chart = build_chart(load_spec(path))
    out = writer(chart)  # type: ignore[operator]
    assert out == writer(build_chart(load_spec(path)))  # type: ignore[operator]
    golden(RENDER_GOLDEN / f"{path.stem}{suffix}", out)


@pytest.mark.parametrize("path", SPEC_FILES, ids=[p.stem for p in SPEC_FILES])
def test_golden_embedded_svg(path: Path) -> None:
    golden(RENDER_GOLDEN / f"{path.stem}.svg", render_svg(build_chart(load_spec(path))))


def _name_lines(names: list[str]) -> list[str]:
    return [clean(n) for n in names]


# ---- Mermaid ------------------------------------------------------------------------------


def _check_mermaid(text: str, names: list[str]) -> None:
    for line in text.splitlines():
        if re.fullmatch(r"  style s\d+_\d+ fill:#ffffff,stroke:#c5d3e0", line):
            continue  # the frame of a stacked column (fixed text, generated id)
        assert not line.lstrip().startswith(("%%", "click", "style ", "linkStyle")), line
    labels = mermaid_labels(text)
    node_lines = [ln for ln in text.splitlines() if re.match(r"  n\d+[\[(]", ln)]
    assert len(labels) == len(node_lines) == len(names) + 1
    for i, name in enumerate(names, start=2):
        assert labels[f"n{i}"].replace("\x00", "").replace(" ", "") == clean(name).replace(" ", "")
    raw = [m.group(1) for ln in node_lines if (m := re.search(r'"(.*)"', ln))]
    for bad in ("<script", '"', "%%", "](", "\\", "[", "]", "\n", "`"):
        assert all(bad not in label for label in raw), bad


def test_mermaid_escapes_hostile_names() -> None:
    _check_mermaid(render_mermaid(build_chart(hostile_spec(HOSTILE))), HOSTILE)


# ---- DOT ----------------------------------------------------------------------------------

_DOT_NODE = re.compile(r'  n\d+ \[label=<(?P<label>[^<>]*(?:<[^<>]*>[^<>]*)*)>, fillcolor="#[0-9a-f]{6}", .*\];')


def test_dot_escapes_hostile_names() -> None:
    text = render_dot(build_chart(hostile_spec(HOSTILE)))
    node_lines = [ln for ln in text.splitlines() if re.match(r"  n\d+ \[", ln)]
    assert len(node_lines) == len(HOSTILE) + 1
    for line in node_lines:
        label = line.split("label=<", 1)[1].rsplit(">, fillcolor=", 1)[0]
        # only our own tags remain inside the label
        tags = set(re.findall(r"</?([A-Z]+)", label))
        assert tags <= {"FONT", "B", "TABLE", "TR", "TD"}, tags
        assert '"' not in re.sub(r'="[^"]*"', "", label)
    for name in HOSTILE:
        if any(c in name for c in '<>&"]'):
            assert name not in text


# ---- SVG ----------------------------------------------------------------------------------


def test_svg_escapes_hostile_names() -> None:
    svg = render_svg(build_chart(hostile_spec(HOSTILE)))
    nodes = svg_nodes(svg)
    assert len(nodes) == len(HOSTILE) + 1
    for (_, _, texts), name in zip(nodes[1:], HOSTILE, strict=True):
        shown = "".join(t.text or "" for t in texts if t.get("class") == "name")
        assert shown.replace(" ", "") == clean(name).replace(" ", "")


# ---- HTML ---------------------------------------------------------------------------------


class _Page(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.names: list[str] = []
        self._in_name = False
        self.script = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self.script += 1
        cls = dict(attrs).get("class") or ""
        if tag == "span" and cls == "line name":
            self._in_name = True
            self.names.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self._in_name = False

    def handle_data(self, data: str) -> None:
        if self._in_name:
            self.names[-1] += data


def _check_html(page: str, names: list[str]) -> None:
    parser = _Page()
    parser.feed(page)
    assert parser.script == 1
    assert parser.names[1:] == _name_lines(names)
    for tag, attrs in parser.tags:
        assert tag not in ("img", "link", "iframe", "object", "embed", "base", "form", "audio", "video")
        for key, value in attrs.items():
            assert not key.startswith("on"), (tag, key)
            if key in ("src", "href", "action", "srcset"):
                assert (value or "").startswith("#"), (tag, key, value)
    lowered = page.lower()
    assert "@import" not in lowered
    assert "url(" not in lowered
    assert "fetch(" not in lowered
    assert "xmlhttprequest" not in lowered


def test_html_has_no_external_request_and_escapes_names() -> None:
    page = render_html(build_chart(hostile_spec(HOSTILE)))
    _check_html(page, HOSTILE)
    assert "default-src 'none'" in page


@pytest.mark.parametrize("path", SPEC_FILES, ids=[p.stem for p in SPEC_FILES])
def test_html_of_specs_makes_no_request(path: Path) -> None:
    page = render_html(build_chart(load_spec(path)))
    assert not re.search(r"(src|href)=\"(?!#)", page)
    assert "http://" not in page
    assert "https://" not in page


# ---- any name at all ----------------------------------------------------------------------

_names = st.lists(st.text(min_size=1, max_size=30).filter(lambda s: clean(s) != ""), min_size=1, max_size=4)


@settings(max_examples=60)
@given(_names)
def test_any_name_is_escaped_in_every_format(names: list[str]) -> None:
    chart = build_chart(hostile_spec(names))
    _check_mermaid(render_mermaid(chart), names)
    _check_html(render_html(chart), names)
    nodes = svg_nodes(render_svg(chart))
    assert len(nodes) == len(names) + 1
    dot = render_dot(chart)
    assert len([ln for ln in dot.splitlines() if re.match(r"  n\d+ \[label=<", ln)]) == len(names) + 1
