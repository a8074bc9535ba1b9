"""``orgspec render --split``: a file per body, and a body too large for a page by department.

Never one file per section: a flat body is one file however many sections it has, the sections
directly under a unit stay together, and departments are packed as many to a file as fit a page.
Each test counts the files written and reads back which units each file names (SVG and HTML as
text, PDF through pypdf; a PNG only by its count).
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from orgspec import dumps
from orgspec.cli.main import main
from orgspec.model.units import Spec, Unit
from orgspec.model.values import UnitKind
from orgspec.render.chart import build_chart
from orgspec.render.fonts import cjk_font_files
from orgspec.render.graphviz_run import ToolError
from orgspec.render.output import DrawOptions, split

try:
    cjk_font_files()
    HAVE_FONT = True
except ToolError:
    HAVE_FONT = False

#: Formats whose files are read back for the names they hold; PNG and PDF need a CJK font.
READABLE = ["svg", "html", pytest.param("pdf", marks=pytest.mark.skipif(not HAVE_FONT, reason="no CJK font"))]
ALL = [*READABLE, pytest.param("png", marks=pytest.mark.skipif(not HAVE_FONT, reason="no CJK font"))]


def _sections(prefix: str, count: int) -> tuple[Unit, ...]:
    return tuple(Unit(name=f"{prefix}{i + 1:02d}处", kind=UnitKind.SECTION) for i in range(count))


def _flat(count: int) -> Spec:
    """One body with ``count`` sections and nothing below them."""
    return Spec(bodies=(Unit(name="示例局", units=tuple(Unit(name=f"第{i:03d}科") for i in range(count))),))


def _bodies() -> Spec:
    """Three bodies of five sections each."""
    return Spec(bodies=tuple(Unit(name=f"{b}局", units=_sections(f"{b}局", 5)) for b in "甲乙丙"))


def _ministry(departments: int = 12, per: int = 24, direct: int = 3) -> Spec:
    """A body with ``direct`` sections directly under it and departments of ``per`` sections each."""
    depts = tuple(
        Unit(name=f"第{d + 1:02d}司", kind=UnitKind.OFFICE, units=_sections(f"{d + 1:02d}司", per))
        for d in range(departments)
    )
    return Spec(bodies=(Unit(name="示例部", units=(*_sections("办公厅", direct), *depts)),))


def _run(tmp_path: Path, spec: Spec, fmt: str) -> list[Path]:
    """Render ``spec`` with --split into an empty folder; return the files written, OUT first."""
    source = tmp_path / "spec.orgspec"
    source.write_text(dumps(spec), encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / f"chart.{fmt}"
    assert main(["render", str(source), "-o", str(out), "--split"]) == 0
    files = sorted(folder.iterdir())
    assert out in files
    return [out, *(f for f in files if f != out)]


def _text(path: Path) -> str:
    if path.suffix == ".pdf":
        pages = pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages
        return "".join(page.extract_text() for page in pages).replace("\x00", "")  # pypdf reads fpdf2's codes so
    return path.read_text(encoding="utf-8")


def _holding(texts: list[str], name: str) -> list[int]:
    return [i for i, text in enumerate(texts) if name in text]


@pytest.mark.parametrize("fmt", ALL)
def test_a_flat_body_of_200_sections_is_one_file_never_one_per_section(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _run(tmp_path, _flat(200), fmt)
    assert len(files) == 1
    assert "wrote 1 file:" in capsys.readouterr().err
    if fmt != "png":
        text = _text(files[0])
        missing = [f"第{i:03d}科" for i in range(200) if f"第{i:03d}科" not in text]
        assert not missing, missing[:5]


@pytest.mark.parametrize("fmt", ALL)
def test_a_file_of_several_bodies_is_split_by_body(fmt: str, tmp_path: Path) -> None:
    files = _run(tmp_path, _bodies(), fmt)
    assert len(files) == 1 + 3  # an overview of the bodies, then a file per body
    if fmt == "png":
        return
    texts = [_text(f) for f in files]
    for body in "甲乙丙":
        assert _holding(texts, f"{body}局") == [0, 1 + "甲乙丙".index(body)]
        for section in range(5):
            assert _holding(texts, f"{body}局{section + 1:02d}处") == [1 + "甲乙丙".index(body)]


@pytest.mark.parametrize("fmt", ALL)
def test_a_ministry_is_split_by_department_with_its_own_sections_together(fmt: str, tmp_path: Path) -> None:
    files = _run(tmp_path, _ministry(), fmt)
    # an overview, then departments packed several to a file
    assert 3 <= len(files) < 1 + 12
    if fmt == "png":
        return
    texts = [_text(f) for f in files]
    assert all("示例部" in text for text in texts)
    for d in range(12):
        holders = _holding(texts, f"第{d + 1:02d}司")
        assert holders[0] == 0  # the overview names every department
        assert len(holders) == 2, (d, holders)  # and one more file draws it with its sections
        for s in range(24):
            assert _holding(texts, f"{d + 1:02d}司{s + 1:02d}处") == holders[1:]
    # the three sections directly under the body are on the overview (it fits a page), not in a file each
    for s in range(3):
        assert _holding(texts, f"办公厅{s + 1:02d}处") == [0]
    grouped = {i for d in range(12) for i in _holding(texts, f"第{d + 1:02d}司")} - {0}
    assert len(grouped) < 12  # departments share files


def test_a_department_too_large_for_a_page_is_split_a_level_down() -> None:
    """A department of three offices of 40 sections: its offices are packed, each office's sections together."""
    offices = tuple(
        Unit(name=f"第{o + 1}办", kind=UnitKind.OFFICE, units=_sections(f"{o + 1}办", 40)) for o in range(3)
    )
    big = Unit(name="大司", kind=UnitKind.OFFICE, units=offices)
    spec = Spec(bodies=(Unit(name="示例部", units=(big, Unit(name="小司", units=_sections("小司", 3)))),))
    parts = split(build_chart(spec), DrawOptions())
    names = [{line.text for node in part.chart.nodes for line in node.lines if line.role == "name"} for part in parts]
    assert parts[0].overview
    assert not any(part.overview for part in parts[1:])
    for o in range(3):
        holders = [i for i, found in enumerate(names) if f"{o + 1}办01处" in found]
        assert len(holders) == 1
        assert all(f"{o + 1}办{s + 1:02d}处" in names[holders[0]] for s in range(40))
        assert parts[holders[0]].tops() == ["大司"]
    assert len(parts) < 1 + 3 + 1 + 120  # never a part per section


def test_a_chart_that_fits_one_page_is_one_file(tmp_path: Path) -> None:
    files = _run(tmp_path, _bodies().model_copy(update={"bodies": _bodies().bodies[:1]}), "svg")
    assert len(files) == 1
