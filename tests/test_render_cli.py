"""``orgspec render``: formats by extension, options, and one clear line with exit 2 on every failure."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgspec.cli.main import main
from orgspec.render import graphviz_run

from .conftest import needs, require
from .render_helpers import CASES, SPECS

ZJ = str(SPECS / "zhenjiang-fao.orgspec")
HY = str(CASES / "hengyang-like.orgspec")


@pytest.mark.parametrize("suffix", [".dot", ".mmd", ".html"])
def test_text_formats_need_nothing_installed(
    suffix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(graphviz_run, "find_dot", lambda: None)
    out = tmp_path / f"zj{suffix}"
    assert main(["render", ZJ, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "鎮江市人民政府外事辦公室" in text
    assert capsys.readouterr().err == ""


def test_svg_without_graphviz_uses_the_embedded_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graphviz_run, "find_dot", lambda: None)
    out = tmp_path / "zj.svg"
    assert main(["render", ZJ, "-o", str(out)]) == 0
    assert '<g class="node kind-body"' in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix", [".png", ".pdf"])
def test_png_pdf_without_graphviz_come_from_the_embedded_layout(
    suffix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(graphviz_run, "find_dot", lambda: None)
    out = tmp_path / f"zj{suffix}"
    assert main(["render", ZJ, "-o", str(out)]) == 0
    assert out.read_bytes().startswith({".png": b"\x89PNG", ".pdf": b"%PDF"}[suffix])
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("suffix", [".png", ".pdf"])
def test_png_pdf_through_graphviz_without_graphviz_fail_with_one_line(
    suffix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(graphviz_run, "find_dot", lambda: None)
    monkeypatch.setattr(graphviz_run, "find_cjk_font", lambda: "Noto Sans CJK SC")
    out = tmp_path / f"zj{suffix}"
    assert main(["render", ZJ, "-o", str(out), "--engine", "graphviz"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert "needs Graphviz" in err[0]
    assert "apt-get install graphviz" in err[0]
    assert not out.exists()


def test_png_without_cjk_font_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(graphviz_run, "find_dot", lambda: "/usr/bin/dot")
    monkeypatch.setattr(graphviz_run, "find_cjk_font", lambda: None)
    assert main(["render", ZJ, "-o", str(tmp_path / "zj.png"), "--engine", "graphviz"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert "no installed font covers Chinese" in err[0]
    assert "fonts-noto-cjk" in err[0]


@pytest.mark.parametrize("suffix", [".png", ".pdf"])
def test_embedded_png_pdf_without_cjk_font_say_so(
    suffix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from orgspec.render import fonts

    monkeypatch.delenv("ORGSPEC_CJK_FONT", raising=False)
    monkeypatch.setattr(fonts, "_fontconfig", dict)
    monkeypatch.setattr(fonts, "KNOWN_PATHS", ())
    assert main(["render", ZJ, "-o", str(tmp_path / f"zj{suffix}")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert "no installed font covers Chinese" in err[0]
    assert not (tmp_path / f"zj{suffix}").exists()


@pytest.mark.graphviz
@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_graphviz_warnings_reach_the_user(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Graphviz's warnings are not dropped: an unknown attribute value comes back as a warning line."""
    warnings: list[str] = []
    data = graphviz_run.run_dot("digraph { a [shape=nosuchshape]; a -> b; }", "svg", warn=warnings.append)
    assert data.startswith(b"<?xml")
    assert warnings
    assert all(w.startswith("Graphviz: ") for w in warnings)
    assert any("nosuchshape" in w for w in warnings)


@pytest.mark.graphviz
@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_graphviz_errors_are_one_line() -> None:
    with pytest.raises(graphviz_run.ToolError, match=r"^Graphviz failed to make SVG: .*syntax error"):
        graphviz_run.run_dot("digraph { a -> ; }", "svg")
    with pytest.raises(graphviz_run.ToolError, match="unknown Graphviz engine"):
        graphviz_run.run_dot("digraph { a }", "svg", engine="nosuch")
    assert graphviz_run.run_dot("digraph { a -> b }", "svg", engine="neato").startswith(b"<?xml")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "x.txt"], "cannot tell the format"),
        (["-o", "{tmp}/zj.svg", "--focus", "不存在"], "no unit is named '不存在'"),
        (["-o", "{tmp}/zj.svg", "--split", "--focus", "x"], "cannot be combined"),
        (["-o", "{tmp}/no/such/dir/zj.dot"], "cannot write"),
    ],
)
def test_usage_errors_are_one_line(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", ZJ, *(a.replace("{tmp}", str(tmp_path)) for a in args)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert message in err[0]
    assert "Traceback" not in err[0]


def test_bad_depth_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", ZJ, "-o", "x.dot", "--depth", "0"]) == 2
    assert "at least 1" in capsys.readouterr().err


def test_missing_and_broken_specs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(tmp_path / "nope.orgspec"), "-o", str(tmp_path / "x.dot")]) == 2
    assert "no such file" in capsys.readouterr().err
    bad = tmp_path / "bad.orgspec"
    bad.write_text('body "甲" { quota nonsense 3 }\n', encoding="utf-8")
    assert main(["render", str(bad), "-o", str(tmp_path / "x.dot")]) == 2
    err = capsys.readouterr().err
    assert "OS206" in err
    assert "nothing rendered" in err
    assert not (tmp_path / "x.dot").exists()


def test_as_of_draws_the_structure_in_force_then(tmp_path: Path) -> None:
    xuzhou = str(Path(ZJ).parent / "xuzhou-fao.orgspec")
    out = tmp_path / "x.dot"
    assert main(["render", xuzhou, "-o", str(out), "--as-of", "2005"]) == 0
    then = out.read_text(encoding="utf-8")
    assert "徐州市外事辦公室" in then
    assert "港澳事務辦公室" not in then
    assert main(["render", xuzhou, "-o", str(out), "--as-of", "2020"]) == 0
    now = out.read_text(encoding="utf-8")
    assert "徐州市人民政府外事辦公室" in now
    assert "港澳事務辦公室" in now
    assert main(["render", xuzhou, "-o", str(out), "--as-of", "2010-13"]) == 2


def test_options_reach_the_chart(tmp_path: Path) -> None:
    out = tmp_path / "x.mmd"
    assert main(["render", ZJ, "-o", str(out), "--no-plaques", "--no-quotas"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "牌子" not in text
    assert "編制" not in text
    assert main(["render", ZJ, "-o", str(out), "--duties", "--depth", "1"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "貫徹執行國家和省對外方針政策" in text
    assert "人事秘書處" not in text
    assert main(["render", ZJ, "-o", str(out), "--focus", "涉外管理處"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "禮賓新聞處" in text
    assert "人事秘書處" not in text


def test_split_of_a_body_that_fits_a_page_writes_one_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Hengyang's 26 sections fit one A4 page: --split writes OUT alone, never a file per section."""
    out = tmp_path / "hy.html"
    assert main(["render", HY, "-o", str(out), "--split"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hy.html"]
    err = capsys.readouterr().err
    assert "wrote 1 file:" in err
    assert f"{out}: 衡阳市人民政府办公室: 秘书科、综合一科、综合二科、综合三科…" in err
    assert "侨务办公室" in out.read_text(encoding="utf-8")


@pytest.mark.graphviz
@needs(shutil.which("dot"), "Graphviz is not installed")
@pytest.mark.parametrize("suffix", [".svg", ".png", ".pdf"])
def test_graphviz_formats(suffix: str, tmp_path: Path) -> None:
    out = tmp_path / f"hy{suffix}"
    assert main(["render", HY, "-o", str(out), "--engine", "graphviz"]) == 0
    data = out.read_bytes()
    magic = {".svg": b"<?xml", ".png": b"\x89PNG", ".pdf": b"%PDF"}[suffix]
    assert data.startswith(magic)
    if suffix == ".svg":
        text = data.decode("utf-8")
        assert "衡阳市人民政府办公室" in text
        assert "Noto Sans CJK SC" in text or graphviz_run.find_cjk_font() is None


@pytest.mark.graphviz
@needs(shutil.which("dot"), "Graphviz is not installed")
def test_graphviz_parses_hostile_dot() -> None:
    import xml.etree.ElementTree as ET

    from orgspec.render.chart import build_chart, clean
    from orgspec.render.dot import render_dot

    from .render_helpers import HOSTILE, hostile_spec

    svg = graphviz_run.run_dot(render_dot(build_chart(hostile_spec(HOSTILE))), "svg").decode("utf-8")
    root = ET.fromstring(svg.encode("utf-8"))
    ns = "{http://www.w3.org/2000/svg}"
    nodes = [g for g in root.iter(f"{ns}g") if g.get("class") == "node" and (g.findtext(f"{ns}title") or "")[:1] == "n"]
    assert len(nodes) == len(HOSTILE) + 1
    texts = ["".join(t.itertext()) for g in nodes[1:] for t in g.iter(f"{ns}text")][: len(HOSTILE) * 3]
    joined = "".join(texts).replace(" ", "").replace("\u00a0", "")
    for name in HOSTILE:
        assert clean(name).replace(" ", "") in joined


@pytest.mark.graphviz
@needs(shutil.which("fc-list"), "fontconfig is not installed")
def test_a_cjk_font_is_found() -> None:
    # the machine's fontconfig is asked independently: which families cover Chinese
    listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=True).stdout
    families = {part.strip() for line in listed.splitlines() for part in line.split(",") if part.strip()}
    require(families, "no font that covers Chinese is installed (Debian: fonts-noto-cjk)")
    font = graphviz_run.find_cjk_font()
    assert font in families
    # a preferred family wins when it is installed (CI installs fonts-noto-cjk: Noto Sans CJK SC)
    preferred = [f for f in graphviz_run.PREFERRED_FONTS if f in families]
    assert font == (preferred[0] if preferred else min(families))


@pytest.mark.graphviz
@needs(shutil.which("dot"), "Graphviz is not installed")
def test_pdf_embeds_the_cjk_font(tmp_path: Path) -> None:
    font = graphviz_run.find_cjk_font()
    require(font is not None and font.startswith("Noto Sans CJK"), "Noto Sans CJK is not installed")
    out = tmp_path / "zj.pdf"
    assert main(["render", ZJ, "-o", str(out)]) == 0
    assert b"/FontName /" in out.read_bytes()
    assert b"NotoSansCJK" in out.read_bytes()


def test_svg_with_graphviz_engine_but_no_graphviz(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(graphviz_run, "find_dot", lambda: None)
    assert main(["render", ZJ, "-o", str(tmp_path / "zj.svg"), "--engine", "graphviz"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].endswith("or use the embedded engine (--engine embedded)")


def test_a_spec_without_bodies_is_not_drawn(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.orgspec"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    assert main(["render", str(empty), "-o", str(tmp_path / "x.svg")]) == 2
    assert "describes no body" in capsys.readouterr().err


@pytest.mark.graphviz
@needs(shutil.which("dot"), "Graphviz is not installed")
@settings(max_examples=15)
@given(st.lists(st.text(max_size=12), min_size=1, max_size=3))
def test_graphviz_accepts_the_dot_of_any_names(names: list[str]) -> None:
    from orgspec.render.chart import build_chart
    from orgspec.render.dot import render_dot

    from .render_helpers import hostile_spec

    assert graphviz_run.run_dot(render_dot(build_chart(hostile_spec(names))), "svg").startswith(b"<?xml")


def test_fixed_pdf_dates_keeps_the_length(monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = b"%PDF-1.5\n<< /Producer (cairo) /CreationDate (D:20261203142149Z) /ModDate (D:20261203142150Z) >>\n"
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    fixed = graphviz_run.fixed_pdf_dates(pdf)
    assert len(fixed) == len(pdf)
    assert b"/CreationDate (D:19700101000000Z)" in fixed
    assert b"/ModDate (D:19700101000000Z)" in fixed
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert b"/CreationDate (D:20231114221320Z)" in graphviz_run.fixed_pdf_dates(pdf)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "not a number")
    assert graphviz_run.fixed_pdf_dates(pdf) == fixed


@pytest.mark.graphviz
@needs(shutil.which("dot"), "Graphviz is not installed")
def test_pdf_is_byte_stable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import re
    import time

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("TZ", "Asia/Shanghai")  # cairo would write a local time with an offset
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert main(["render", ZJ, "-o", str(first)]) == 0
    time.sleep(1.1)  # cairo's dates have one-second resolution
    assert main(["render", ZJ, "-o", str(second)]) == 0
    data = first.read_bytes()
    assert data == second.read_bytes()
    assert b"/CreationDate (D:19700101000000Z)" in data
    # the cross-reference table still points at the objects
    xref = data[data.rindex(b"\nxref\n") + 6 :]
    offsets = [int(m.group(1)) for m in re.finditer(rb"^(\d{10}) 00000 n", xref, re.M)]
    assert offsets
    for number, offset in enumerate(offsets, start=1):
        assert data[offset:].startswith(f"{number} 0 obj".encode())
