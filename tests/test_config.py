"""Configuration: select/ignore, severity, per-file ignores, the closest file, --config/--isolated."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from orgspec.cli.main import main
from orgspec.config import ConfigError, Resolver, Settings, find_config, load_config
from orgspec.diagnostics import Severity

from .conftest import FIXTURES


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("select", "ignore", "code", "enabled"),
    [
        ((), (), "OS301", True),
        ((), ("OS3",), "OS301", False),
        ((), ("OS3",), "OS401", True),
        (("OS3",), (), "OS401", False),
        (("OS3",), ("OS301",), "OS301", False),
        (("OS3",), ("OS301",), "OS302", True),
        (("OS301",), ("OS3",), "OS301", True),
        ((), ("OS",), "OS103", True),  # syntax errors are always reported
    ],
)
def test_select_and_ignore_most_specific_wins(
    select: tuple[str, ...], ignore: tuple[str, ...], code: str, enabled: bool
) -> None:
    assert Settings(select=select, ignore=ignore).enabled(code) is enabled


def test_pyproject_table_and_orgspec_toml(tmp_path: Path) -> None:
    py = _write(
        tmp_path / "pyproject.toml",
        """[project]
name = "x"

[tool.orgspec]
ignore = ["OS5"]
severity = { OS501 = "error" }
per-file-ignores = { "specs/legacy/*.orgspec" = ["OS310"] }
""",
    )
    settings = load_config(py)
    assert settings.ignore == ("OS5",)
    assert settings.severity == {"OS501": Severity.ERROR}
    assert settings.file_ignores(tmp_path / "specs" / "legacy" / "a.orgspec") == ("OS310",)
    assert settings.file_ignores(tmp_path / "specs" / "a.orgspec") == ()
    top = load_config(_write(tmp_path / "sub" / "orgspec.toml", 'select = ["OS3"]\n'))
    assert top.select == ("OS3",)


def test_closest_config_wins_and_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    outer = _write(tmp_path / "orgspec.toml", 'ignore = ["OS3"]\n')
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    inner = _write(repo / "a" / "orgspec.toml", 'ignore = ["OS4"]\n')
    _write(repo / "a" / "pyproject.toml", '[tool.orgspec]\nignore = ["OS5"]\n')
    _write(repo / "b" / "pyproject.toml", '[project]\nname = "no orgspec table"\n')
    assert find_config(repo / "a" / "deep" / "x.orgspec") == inner
    assert find_config(repo / "b" / "x.orgspec") is None  # not the one above the repository
    assert find_config(tmp_path / "x.orgspec") == outer


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('select = "OS3"\n', "expected a list of codes"),
        ('ignore = ["XX1"]\n', "not a code or a prefix"),
        ('severity = { OS501 = "fatal" }\n', "expected one of error, warning, info"),
        ('severity = { OS999 = "error" }\n', "unknown code"),
        ("colour = true\n", "unknown setting 'colour'"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_bad_config_is_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path / "orgspec.toml", text)
    with pytest.raises(ConfigError, match=message) as info:
        load_config(path)
    assert str(path) in str(info.value)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    shutil.copy(FIXTURES / "checks" / "OS310" / "fail.orgspec", _write(tmp_path / "specs" / "legacy" / "a.orgspec", ""))
    shutil.copy(FIXTURES / "checks" / "OS501" / "fail.orgspec", _write(tmp_path / "specs" / "b.orgspec", ""))
    _write(
        tmp_path / "pyproject.toml",
        '[tool.orgspec]\nseverity = { OS501 = "error" }\nper-file-ignores = { "specs/legacy/*.orgspec" = ["OS310"] }\n',
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _codes(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[tuple[str, str]]]:
    code = main(["check", "specs", "--output-format", "json", *args])
    doc = json.loads(capsys.readouterr().out)
    return code, [(d["code"], d["severity"]) for d in doc["diagnostics"]]


def test_check_applies_the_config(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _codes(capsys) == (1, [("OS501", "error")])
    assert _codes(capsys, "--isolated") == (0, [("OS501", "warning"), ("OS310", "warning")])
    other = _write(project / "other.toml", 'ignore = ["OS5"]\n')
    assert _codes(capsys, "--config", str(other)) == (0, [("OS310", "warning")])


def test_bad_config_exits_2(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(project / "specs" / "orgspec.toml", "select = 3\n")
    assert main(["check", "specs"]) == 2
    err = capsys.readouterr().err
    assert "orgspec: error:" in err
    assert 'specs/orgspec.toml:1: select: expected a list of codes such as ["OS301", "OS5"], found a number 3' in err


def test_show_settings(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--show-settings", "specs/b.orgspec"]) == 0
    shown = json.loads(capsys.readouterr().out)["specs/b.orgspec"]
    assert shown["config"] == str((project / "pyproject.toml").resolve())
    assert shown["severity"] == {"OS501": "error"}
    assert shown["per-file-ignores"] == {"specs/legacy/*.orgspec": ["OS310"]}


def test_resolver_caches_per_folder(project: Path) -> None:
    resolver = Resolver()
    assert resolver.for_path(project / "specs" / "b.orgspec") is resolver.for_path(project / "specs" / "legacy")


def test_a_file_gets_the_settings_of_the_folder_it_is_in_and_a_link_those_of_its_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files are looked up by their folder (resolved once per folder); a linked file by where it points."""
    strict = _write(tmp_path / "strict" / "orgspec.toml", 'ignore = ["OS3"]\n')
    loose = _write(tmp_path / "loose" / "orgspec.toml", 'ignore = ["OS4"]\n')
    target = _write(tmp_path / "strict" / "a.orgspec", "")
    _write(tmp_path / "loose" / "b.orgspec", "")
    (tmp_path / "loose" / "link.orgspec").symlink_to(target)
    (tmp_path / "via").symlink_to(tmp_path / "strict", target_is_directory=True)
    monkeypatch.chdir(tmp_path / "loose")
    resolver = Resolver()
    assert resolver.for_path("b.orgspec").path == loose
    assert resolver.for_path("link.orgspec").path == strict  # a link: the settings where it points
    assert resolver.for_path(tmp_path / "via" / "a.orgspec").path == strict
    assert resolver.for_path("../loose/../strict/a.orgspec").path == strict
    assert resolver.for_path(tmp_path / "loose") is resolver.for_path("b.orgspec")
    assert resolver.for_path("missing.orgspec").path == loose
