"""The Python API: the two doors, queries, and the model's honesty about figures."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest

import orgspec
from orgspec import Count, CountStatus, QuotaCategory, UnitKind

from .conftest import FIXTURES, ROOT, SPECS, require_module

ZJ = SPECS / "zhenjiang-fao.orgspec"


def test_load_and_query_zhenjiang() -> None:
    spec = orgspec.load(ZJ)
    (body,) = spec.bodies
    assert body.name == "鎮江市人民政府外事辦公室"
    assert body.kind is UnitKind.WORKING_DEPARTMENT
    assert body.kind_label == "工作部門"
    sections = [u for u in body.walk() if u.kind is UnitKind.SECTION]
    assert len(sections) == 6
    # find by plaque, by name and by id
    assert spec.find("鎮江市人民政府港澳事務辦公室") is body
    assert spec.find("港澳事務處") is spec.find("投資促進處")
    assert spec.find("renshi") is not None
    assert [u.name for u in spec.find_all("處")][:2] == ["人事秘書處", "出國來華管理處"]


def test_quotas_keep_open_figures_apart_from_zero() -> None:
    body = orgspec.load(ZJ).bodies[0]
    admin = body.quota("administrative")
    assert admin is not None
    assert admin.count == Count.of(21)
    (part,) = admin.parts
    assert part.count.status is CountStatus.UNSTATED
    logistics = body.quota(QuotaCategory.LOGISTICS)
    assert logistics is not None
    assert logistics.count.status is CountStatus.SEPARATELY
    assert not logistics.count.known


def test_totals_by_category() -> None:
    spec = orgspec.loads(
        """body "A" {
  quota administrative 5
  section "B" { duties { duty "x" }; quota administrative 2 }
  section "C" { duties { duty "y" }; quota logistics separately }
}"""
    )
    totals = spec.totals()
    assert totals[QuotaCategory.ADMINISTRATIVE] == Count.of(7)
    assert totals[QuotaCategory.LOGISTICS].status is CountStatus.SEPARATELY


def test_check_never_raises_and_loads_raises() -> None:
    assert orgspec.check_text("}{ nonsense") != []
    assert orgspec.check(ZJ) == []


def test_model_built_in_python_equals_parsed_model() -> None:
    built = orgspec.Spec(
        bodies=(
            orgspec.Unit(
                name="外事辦",
                quotas=(orgspec.Quota(category=QuotaCategory.ADMINISTRATIVE, count=Count.of(3)),),
                units=(orgspec.Unit(name="秘書處", duties=(orgspec.Duty(text="負責"),)),),
            ),
        )
    )
    parsed = orgspec.loads(
        'body "外事辦" {\n  section "秘書處" { duties { duty "負責" } }\n  quota administrative 3\n}'
    )
    assert parsed == built
    assert orgspec.loads(orgspec.dumps(built)) == built


def test_analysis_exposes_source_positions() -> None:
    analysis = orgspec.analyze(ZJ.read_text(encoding="utf-8"), str(ZJ))
    span = analysis.built.source_map["/bodies/0/quotas/0/count"]
    assert span is not None
    assert analysis.built.source.text[span.start : span.end] == "21"


# ---- get(), render(), and what a type checker sees ----------------------------------------------
def test_get_returns_the_unit_and_raises_a_clear_key_error() -> None:
    spec = orgspec.load(ZJ)
    assert spec.get("renshi") is spec.find("renshi")
    assert spec.get("鎮江市人民政府港澳事務辦公室") is spec.bodies[0]
    with pytest.raises(KeyError) as caught:
        spec.get("港澳事務")
    assert str(caught.value) == "no unit is named '港澳事務' (by name, plaque or id); did you mean '港澳事務處'?"
    assert spec.find("港澳事務") is None


def test_quota_category_names_are_the_enum_values() -> None:
    assert list(typing.get_args(orgspec.QuotaCategoryName)) == [c.value for c in QuotaCategory]


def test_render_in_one_call(tmp_path: Path) -> None:
    dot = orgspec.render(ZJ, format="dot")
    assert dot.startswith(b"digraph orgchart {")
    assert "人事秘書處".encode() in dot
    out = tmp_path / "zj.mmd"
    data = orgspec.render(orgspec.load(ZJ), out, depth=1)
    assert out.read_bytes() == data
    assert "人事秘書處".encode() not in data  # depth=1: the body alone
    svg = orgspec.render(ZJ, tmp_path / "zj.svg", engine="embedded", focus="renshi")
    assert svg.startswith(b"<svg") or b"<svg" in svg[:200]
    with pytest.raises(ValueError, match="cannot tell the format"):
        orgspec.render(ZJ, tmp_path / "zj.txt")
    with pytest.raises(orgspec.SpecError):
        orgspec.render(FIXTURES / "lsp" / "errors.orgspec", format="dot")


def test_render_is_callable_after_the_render_package_is_imported() -> None:
    import orgspec.render.chart  # binds the attribute orgspec.render to the package

    assert callable(orgspec.render)
    assert orgspec.render(ZJ, format="mmd") == orgspec.api.render(ZJ, format="mmd")


@pytest.fixture(scope="module")
def mypy_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Run mypy --strict once on the README's Python block and on two small users of quota()."""
    api = require_module("mypy.api")
    folder = tmp_path_factory.mktemp("typing")
    (block,) = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.DOTALL)
    api_blocks = re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "api.md").read_text(encoding="utf-8"), re.DOTALL)
    files = {
        **{f"api_block_{i}.py": text for i, text in enumerate(api_blocks)},
        "readme_block.py": block,
        "good_quota.py": 'import orgspec\n\nq = orgspec.load("a.orgspec").get("A").quota("administrative")\n',
        "bad_quota.py": 'import orgspec\n\nq = orgspec.load("a.orgspec").get("A").quota("adminstrative")\n',
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    out, _, _ = api.run(
        [
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(folder / ".cache"),
            *(str(folder / name) for name in files),
        ]
    )
    report: dict[str, list[str]] = {name: [] for name in files}
    for line in out.splitlines():
        for name in files:
            if line.startswith(str(folder / name)) and ": error:" in line:
                report[name].append(line)
    return report


def test_readme_python_block_passes_mypy_strict(mypy_report: dict[str, list[str]]) -> None:
    assert mypy_report["readme_block.py"] == []


def test_mypy_rejects_a_misspelt_quota_category(mypy_report: dict[str, list[str]]) -> None:
    assert mypy_report["good_quota.py"] == []
    (error,) = mypy_report["bad_quota.py"]
    assert "adminstrative" in error
    assert 'Argument 1 to "quota" of "Unit"' in error


API_BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "api.md").read_text(encoding="utf-8"), re.DOTALL)


def test_api_page_blocks_pass_mypy_strict(mypy_report: dict[str, list[str]]) -> None:
    assert len(API_BLOCKS) >= 8
    for i in range(len(API_BLOCKS)):
        assert mypy_report[f"api_block_{i}.py"] == [], i


@pytest.mark.parametrize("index", range(len(API_BLOCKS)))
def test_api_page_blocks_run(index: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    exec(compile(API_BLOCKS[index], f"docs/api.md block {index}", "exec"), {})
    out = capsys.readouterr().out
    # every comment that states a printed value is what the block prints
    if "['OS302']" in API_BLOCKS[index]:
        assert "['OS302']" in out
    if "OS301 2 19" in API_BLOCKS[index]:
        assert "OS301 2 19 'A' states 2 sections but lists 1" in out


def test_api_page_names_every_public_name() -> None:
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    for name in orgspec.__all__:
        assert f"`{name}`" in page, name
