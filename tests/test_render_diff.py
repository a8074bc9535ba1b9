"""Diff charts: the new structure with established, abolished (ghosted), renamed, moved units and plaque changes."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from orgspec.api import load
from orgspec.cli.main import main
from orgspec.model.units import Plaque, Spec, Unit
from orgspec.model.values import UnitKind
from orgspec.render.chart import Chart, ChartError, ChartOptions, clean
from orgspec.render.diffchart import MARK_LABELS, build_diff_chart
from orgspec.render.dot import render_dot
from orgspec.render.html import render_html
from orgspec.render.mermaid import render_mermaid
from orgspec.render.svg import render_svg
from orgspec.reorg import Diff, diff
from orgspec.reorg.ops import Abolish, Demote, Establish, Move, PlaqueAdded, PlaqueRemoved, Rename

from .conftest import FIXTURES, golden, require
from .render_helpers import HOSTILE, RENDER_GOLDEN, SVG_NS, svg_nodes

DIFF_FIXTURES = FIXTURES / "diff"
CASES = sorted(p.parent for p in DIFF_FIXTURES.glob("*/old.orgspec") if (p.parent / "new.orgspec").exists())


def _pair(case: Path) -> tuple[Spec, Spec, Diff]:
    old, new = load(case / "old.orgspec"), load(case / "new.orgspec")
    return old, new, diff(old, new)


def _chart(case: Path) -> tuple[Diff, Chart]:
    _, new, change = _pair(case)
    return change, build_diff_chart(new, change)


def test_the_fixture_pairs_are_found() -> None:
    assert len(CASES) >= 3


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_golden_diff_charts(case: Path) -> None:
    _, chart = _chart(case)
    out = RENDER_GOLDEN / "diff"
    golden(out / f"{case.name}.dot", render_dot(chart))
    golden(out / f"{case.name}.mmd", render_mermaid(chart))
    golden(out / f"{case.name}.svg", render_svg(chart))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_every_drawn_operation_is_marked(case: Path) -> None:
    change, chart = _chart(case)
    by_name: dict[str, list[str]] = {}
    for node in chart.nodes:
        by_name.setdefault(node.name, []).extend(node.marks)
    expected = {
        Establish: "established",
        Rename: "renamed",
        Move: "moved",
        PlaqueAdded: "plaque-added",
        PlaqueRemoved: "plaque-removed",
        Abolish: "abolished",
        Demote: "abolished",
    }
    for op in change.operations:
        mark = expected.get(type(op))
        if mark is not None:
            name = op.before.name if isinstance(op, Abolish | Demote) else op.name
            assert mark in by_name.get(clean(name), []), (op.op, name)
    # the legend lists exactly the marks that occur, in the legend's order
    used = {m for n in chart.nodes for m in n.marks}
    assert [i.key for i in chart.legend if i.is_mark] == [m for m in MARK_LABELS if m in used]


def test_zhenjiang_reorganisation_structure() -> None:
    _change, chart = _chart(DIFF_FIXTURES / "zhenjiang-reorg")
    nodes = {n.name: n for n in chart.nodes}
    root = nodes["鎮江市人民政府外事辦公室"]
    # an abolished section is drawn in place: ghosted under its old parent, which still exists
    ghost = nodes["投資促進處"]
    assert ghost.marks == ("abolished",)
    assert ghost.parent == root.id
    assert ghost.path is None
    assert [ln.text for ln in ghost.lines if ln.mark == "abolished"] == ["撤销"]
    # a body demoted to a plaque is ghosted as a root and says where its name went
    demoted = nodes["鎮江市外國專家局"]
    assert demoted.parent is None
    assert demoted.marks == ("abolished",)
    assert any("保留为鎮江市人民政府外事辦公室的牌子" in ln.text for ln in demoted.lines)
    # established, renamed (with the old name), moved (with the old parent), plaques added and removed
    assert nodes["人事處"].marks == ("established",)
    assert nodes["鎮江市商務局"].marks == ("established",)
    renamed = nodes["禮賓處"]
    assert renamed.marks[0] == "renamed"
    assert "plaque-removed" in renamed.marks
    assert any(ln.text == "原：禮賓新聞處" and ln.mark == "renamed" for ln in renamed.lines)
    assert any(ln.text.startswith("－") and ln.mark == "plaque-removed" for ln in renamed.lines)
    moved = nodes["出國來華管理處"]
    assert moved.marks == ("moved",)
    assert moved.parent == nodes["鎮江市商務局"].id
    assert any(ln.text == "原属：鎮江市人民政府外事辦公室" for ln in moved.lines)
    added = [ln for ln in root.lines if ln.mark == "plaque-added"]
    # the traditional-script spec gets 掛 (its own script), not 挂
    assert [ln.text for ln in added] == ["＋掛鎮江市外國專家局牌子"]
    assert not any(
        ln.role == "plaque" and ln.text.endswith("鎮江市外國專家局牌子") and not ln.mark for ln in root.lines
    )
    # derived operations are notes
    assert any(ln.text == "整合：歐美大處、亞非處" for ln in nodes["國際交流處"].lines)
    assert any(ln.text == "分设为：人事處、財務處" for ln in nodes["人事秘書處"].lines)
    # every node's parent is a node drawn before it (pre-order), ids are unique
    seen: set[str] = set()
    for node in chart.nodes:
        assert node.parent is None or node.parent in seen
        assert node.id not in seen
        seen.add(node.id)


def test_a_change_of_superior_names_the_old_superior() -> None:
    _change, chart = _chart(DIFF_FIXTURES / "xuzhou-posts-superior")
    moved = next(n for n in chart.nodes if n.name == "徐州市人民政府僑務辦公室")
    assert moved.marks == ("moved",)
    assert [ln.text for ln in moved.lines if ln.mark == "moved"] == ["原上级：徐州市人民政府"]
    # a body that was top level and is now inside another still reads 原为独立设置的机构
    _change, chart = _chart(DIFF_FIXTURES / "hengyang-functions")
    office = next(n for n in chart.nodes if n.name == "Overseas Chinese Affairs Office")
    assert [ln.text for ln in office.lines if ln.mark == "moved"] == ["原为独立设置的机构"]


def test_svg_ghosts_and_marks() -> None:
    _, chart = _chart(DIFF_FIXTURES / "zhenjiang-reorg")
    svg = render_svg(chart)
    for g, rect, texts in svg_nodes(svg):
        classes = (g.get("class") or "").split()
        title = g.findtext(f"{SVG_NS}title") or ""
        if "mark-abolished" in classes:
            assert rect.get("stroke-dasharray"), title
            assert rect.get("fill-opacity") == "0.5", title
            assert all(t.get("fill") != "#111111" for t in texts), title
        if title == "人事處":
            assert "mark-established" in classes
            assert rect.get("stroke") == "#2e9e44"
    root = ET.fromstring(svg.encode("utf-8"))
    legend = next(g for g in root.iter(f"{SVG_NS}g") if g.get("class") == "legend")
    labels = [t.text for t in legend.iter(f"{SVG_NS}text")]
    assert all(label in labels for label in MARK_LABELS.values())


def test_legend_lists_only_the_marks_that_occur() -> None:
    _, chart = _chart(DIFF_FIXTURES / "jiangxi-rename-declared")
    marks = [i.key for i in chart.legend if i.is_mark]
    assert marks == ["established", "abolished", "renamed"]
    text = render_mermaid(chart)
    assert "classDef m_moved" not in text
    assert "classDef m_renamed" in text


def test_depth_limit_drops_ghosts_below_it() -> None:
    _, new, change = _pair(DIFF_FIXTURES / "zhenjiang-reorg")
    chart = build_diff_chart(new, change, ChartOptions(depth=1))
    assert {n.name for n in chart.nodes if "abolished" in n.marks} == {"鎮江市外國專家局"}
    assert all(n.parent is None for n in chart.nodes)


def test_focus_is_refused() -> None:
    _, new, change = _pair(DIFF_FIXTURES / "zhenjiang-reorg")
    with pytest.raises(ChartError):
        build_diff_chart(new, change, ChartOptions(focus="/bodies/0"))


def test_no_change_draws_the_plain_chart() -> None:
    new = load(DIFF_FIXTURES / "zhenjiang-reorg" / "new.orgspec")
    chart = build_diff_chart(new, diff(new, new))
    assert not any(n.marks for n in chart.nodes)
    assert not any(i.is_mark for i in chart.legend)


def test_output_is_deterministic() -> None:
    a = _chart(DIFF_FIXTURES / "zhenjiang-reorg")[1]
    b = _chart(DIFF_FIXTURES / "zhenjiang-reorg")[1]
    assert render_svg(a) == render_svg(b)
    assert render_dot(a) == render_dot(b)


# ---- hostile names ------------------------------------------------------------------------


def _hostile_pair() -> tuple[Spec, Spec]:
    """Old and new specs whose every changed unit and plaque carries a hostile name."""
    old_units = tuple(
        Unit(id=f"u{i}", name=name, kind=UnitKind.SECTION, plaques=(Plaque(name=name + "旧"),))
        for i, name in enumerate(HOSTILE)
    )
    new_units = tuple(
        Unit(id=f"u{i}", name=name + "新", kind=UnitKind.SECTION, plaques=(Plaque(name=name + "牌"),))
        for i, name in enumerate(HOSTILE)
        if i % 3
    ) + tuple(Unit(id=f"v{i}", name="设" + name, kind=UnitKind.SECTION) for i, name in enumerate(HOSTILE[:5]))
    old = Spec(bodies=(Unit(id="b", name="机构" + HOSTILE[0], units=old_units),))
    new = Spec(bodies=(Unit(id="b", name="机构" + HOSTILE[1], units=new_units),))
    return old, new


def test_hostile_names_are_escaped_in_every_format() -> None:
    old, new = _hostile_pair()
    chart = build_diff_chart(new, diff(old, new))
    marks = {m for n in chart.nodes for m in n.marks}
    assert {"renamed", "abolished", "established", "plaque-added", "plaque-removed"} <= marks
    # SVG: well-formed, every old name shown as text
    svg = render_svg(chart)
    texts = " ".join(t.text or "" for _, _, ts in svg_nodes(svg) for t in ts)
    for name in HOSTILE:
        assert clean(name) in texts.replace("\u00a0", " ") or clean(name).replace(" ", "") in texts.replace(" ", "")
    # DOT: only our own tags in labels, no raw quote or bracket from a name
    dot = render_dot(chart)
    for line in dot.splitlines():
        if re.match(r"  [ng]\d+ \[", line):
            label = line.split("label=<", 1)[1].rsplit(">, fillcolor=", 1)[0]
            assert set(re.findall(r"</?([A-Z]+)", label)) <= {"FONT", "B", "TABLE", "TR", "TD"}
            assert '"' not in re.sub(r'="[^"]*"', "", label)
    # Mermaid: no ASCII punctuation from a name reaches the text
    mmd = render_mermaid(chart)
    for line in mmd.splitlines():
        m = re.fullmatch(r'  ([ng]\d+)[\[(]"([^"]*)"[\])]:::k_\w+', line)
        if m:
            text = re.sub(r"</?(b|small)>|<br/>", "", m.group(2))
            assert not re.search(r"[<>\[\]{}|%`]", text), line
    assert "%%{" not in mmd
    assert "click n" not in mmd.replace("click n1 call", "")
    # HTML: names escaped, no script but ours
    page = render_html(chart)
    assert page.count("<script") == 1
    assert "<script>alert" not in page
    assert html.escape("<script>alert(1)</script>") in page


# ---- CLI ----------------------------------------------------------------------------------


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("ext", [".svg", ".dot", ".mmd", ".html"])
def test_cli_two_files(tmp_path: Path, ext: str, capsys: pytest.CaptureFixture[str]) -> None:
    case = DIFF_FIXTURES / "zhenjiang-reorg"
    out = tmp_path / f"change{ext}"
    argv = ["render", "--diff", str(case / "old.orgspec"), str(case / "new.orgspec"), "-o", str(out)]
    if ext == ".svg":
        argv += ["--engine", "embedded"]
    code, _, err = _run(argv, capsys)
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "投資促進處" in text
    assert "原：禮賓新聞處" in text
    if ext in (".svg", ".html"):
        assert "— 变化 changes: old.orgspec → new.orgspec" in text
    if ext == ".svg":
        _, new, change = _pair(case)
        labelled = change.model_copy(update={"old": str(case / "old.orgspec"), "new": str(case / "new.orgspec")})
        assert text == render_svg(build_diff_chart(new, labelled))


@pytest.mark.graphviz
@pytest.mark.parametrize("ext", [".png", ".pdf"])
def test_cli_png_and_pdf_through_graphviz(tmp_path: Path, ext: str, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    from orgspec.render.graphviz_run import find_cjk_font

    require(shutil.which("dot") and find_cjk_font(), "needs Graphviz and an installed CJK font")
    case = DIFF_FIXTURES / "zhenjiang-reorg"
    out = tmp_path / f"change{ext}"
    code, _, err = _run(
        ["render", "--diff", str(case / "old.orgspec"), str(case / "new.orgspec"), "-o", str(out)], capsys
    )
    assert code == 0, err
    assert out.read_bytes().startswith(b"\x89PNG" if ext == ".png" else b"%PDF")


def test_cli_one_file_between_dates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = DIFF_FIXTURES / "history" / "jiangxi-fao.orgspec"
    out = tmp_path / "change.mmd"
    code, _, err = _run(["render", "--diff", str(spec), "--from", "2017", "--to", "2019", "-o", str(out)], capsys)
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "m_renamed" in text
    assert "江西省人民政府外事侨务办公室" in text


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--diff", "OLD"], "--diff needs OLD and NEW"),
        (["--diff", "OLD", "--from", "2017"], "both --from DATE and --to DATE"),
        (["--diff", "OLD", "NEW", "--from", "2017", "--to", "2019"], "use either"),
        (["--diff", "OLD", "--from", "2017-13", "--to", "2019"], "--from expects a date"),
        (["--diff", "OLD", "NEW", "--focus", "x"], "no --focus"),
        (["OLD", "NEW"], "go with --diff"),
        (["--diff", "OLD", "missing.orgspec"], "nothing rendered"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    case = DIFF_FIXTURES / "jiangxi-rename-declared"
    if "--from" in extra and "NEW" not in extra:
        repl = {"OLD": str(DIFF_FIXTURES / "history" / "jiangxi-fao.orgspec")}
    else:
        repl = {"OLD": str(case / "old.orgspec"), "NEW": str(case / "new.orgspec")}
    argv = ["render", *(repl.get(a, a) for a in extra), "-o", str(tmp_path / "x.svg")]
    argv = [str(tmp_path / a) if a == "missing.orgspec" else a for a in argv]
    code, _, err = _run(argv, capsys)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("orgspec: ")
    assert not (tmp_path / "x.svg").exists()


# ---- in a real browser --------------------------------------------------------------------


def _browser_cases() -> dict[str, Chart]:
    charts = {case.name: _chart(case)[1] for case in CASES}
    old, new = _hostile_pair()
    charts["hostile"] = build_diff_chart(new, diff(old, new))
    return charts


@pytest.mark.browser
def test_diff_svg_and_html_text_stays_inside_nodes_in_chromium(tmp_path: Path) -> None:
    from . import test_render_browser as browser

    require(browser.CHROMIUM, "headless Chromium is not installed")
    charts = _browser_cases()
    parts = []
    for name, chart in charts.items():
        svg = render_svg(chart).split("?>", 1)[1]
        parts.append(f'<div data-case="{html.escape(name)}">{svg}</div>')
    result = browser._measure(browser._svg_page("?>" + "".join(parts)), tmp_path, "diff-svg")
    assert result["checked"], result
    assert result["fails"] == [], result
    for name, chart in charts.items():
        result = browser._measure(browser._html_page(render_html(chart)), tmp_path, f"diff-{name}")
        assert result["checked"], (name, result)
        assert result["fails"] == [], (name, result)


@pytest.mark.browser
def test_diff_mermaid_parses_and_renders(tmp_path: Path) -> None:

    from . import test_render_browser as browser

    require(
        browser.CHROMIUM and browser.MERMAID_JS and Path(browser.MERMAID_JS).is_file(),
        "needs headless Chromium and ORGSPEC_MERMAID_JS (mermaid.min.js)",
    )
    charts = _browser_cases()
    result = browser.mermaid_in_browser({name: render_mermaid(chart) for name, chart in charts.items()}, tmp_path)
    for name, chart in charts.items():
        # the nodes, the legend entries and the legend's title box
        assert result[name] == {"nodes": len(chart.nodes) + len(chart.legend) + bool(chart.legend), "scripts": 0}, name
