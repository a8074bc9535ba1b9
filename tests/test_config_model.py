"""The declared config model: located errors for a wrong key or type; gitwildmatch globs; lazy import."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgspec.config import ConfigError, Settings, load_config
from orgspec.config_model import KEYS, ConfigModel

from .conftest import FIXTURES


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _error(path: Path) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return str(info.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '# a comment\n\nselect = "OS3"\n',
            ':3: select: expected a list of codes such as ["OS301", "OS5"], found a string \'OS3\'',
        ),
        (
            'ignore = [\n  "OS3",\n  "XX1",\n]\n',
            ":1: ignore[1]: 'XX1' is not a code or a prefix of one (see orgspec explain --all)",
        ),
        ('select = ["OS3"]\nselct = ["OS3"]\n', ":2: unknown setting 'selct'; did you mean 'select'?"),
        (
            "colour = true\n",
            ":1: unknown setting 'colour'; expected one of select, ignore, severity, per-file-ignores, exclude, policy",
        ),
        (
            '\n[severity]\nOS501 = "fatal"\n',
            ":3: severity.OS501: expected one of error, warning, info, found a string 'fatal'",
        ),
        ('severity = { OS999 = "error" }\n', ":1: severity.OS999: unknown code 'OS999' (see orgspec explain --all)"),
        (
            'severity = ["OS501"]\n',
            ":1: severity: expected a table such as { OS501 = \"error\" }, found a list ['OS501']",
        ),
        (
            'per-file-ignores = { "a/*.orgspec" = "OS3" }\n',
            ":1: per-file-ignores.\"a/*.orgspec\": expected a list, found a string 'OS3'",
        ),
        (
            "exclude = 3\n",
            ':1: exclude: expected a list of globs such as ["build/", "drafts/*.orgspec"], found a number 3',
        ),
        ("exclude = [3]\n", ":1: exclude[0]: expected a string, found a number 3"),
    ],
)
def test_a_wrong_key_or_type_is_one_located_message(tmp_path: Path, text: str, expected: str) -> None:
    path = _write(tmp_path / "orgspec.toml", text)
    assert _error(path) == f"{path}{expected}"


def test_the_line_is_counted_in_the_whole_pyproject(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\nselect = "not ours"\n\n[tool.orgspec]\nignore = ["OS5"]\nselect = "OS3"\n',
    )
    assert _error(path).startswith(f"{path}:7: select: expected a list of codes")


def test_several_problems_are_counted(tmp_path: Path) -> None:
    path = _write(tmp_path / "orgspec.toml", 'select = 1\nignore = 2\nexclude = "x"\n')
    assert _error(path).endswith("(and 2 more problems)")


def test_the_model_declares_exactly_the_documented_keys() -> None:
    declared = {f.alias or name for name, f in ConfigModel.model_fields.items()}
    assert declared == set(KEYS)
    page = (FIXTURES.parent.parent / "docs" / "configuration.md").read_text(encoding="utf-8")
    for key in KEYS:
        assert f"| `{key}` |" in page, key


def test_globs_follow_gitignore_rules(tmp_path: Path) -> None:
    settings = Settings(
        per_file_ignores=(("legacy/*.orgspec", ("OS310",)), ("draft-*.orgspec", ("OS5",)), ("old/**", ("OS3",))),
        path=tmp_path / "orgspec.toml",
        exclude=("build/", "/top.orgspec"),
    )
    assert settings.file_ignores(tmp_path / "legacy" / "a.orgspec") == ("OS310",)
    assert settings.file_ignores(tmp_path / "legacy" / "deep" / "a.orgspec") == ()  # * stays in its folder
    assert settings.file_ignores(tmp_path / "x" / "y" / "draft-1.orgspec") == ("OS5",)  # no / : any depth
    assert settings.file_ignores(tmp_path / "old" / "a" / "b.orgspec") == ("OS3",)  # ** crosses folders
    assert settings.excluded(tmp_path / "build" / "a.orgspec")
    assert settings.excluded(tmp_path / "x" / "build" / "a.orgspec")
    assert settings.excluded(tmp_path / "top.orgspec")
    assert not settings.excluded(tmp_path / "x" / "top.orgspec")  # anchored by the leading /
    assert not settings.excluded(tmp_path / "specs" / "a.orgspec")


def test_exclude_is_loaded_and_shown(tmp_path: Path) -> None:
    settings = load_config(_write(tmp_path / "orgspec.toml", 'exclude = ["build/"]\n'))
    assert settings.exclude == ("build/",)
    assert settings.to_dict()["exclude"] == ["build/"]


def test_the_model_is_imported_only_for_a_config_table_not_validated_before(tmp_path: Path) -> None:
    """pydantic's start-up is longer than a cached check: no config file, or a known one, never imports it."""
    spec = tmp_path / "a.orgspec"
    spec.write_text((FIXTURES / "checks" / "OS307" / "pass.orgspec").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".git").mkdir()
    env = {**os.environ, "ORGSPEC_CACHE_DIR": str(tmp_path / "cache")}
    probe = (
        "import sys; from orgspec.cli.main import main; code = main(['check', '-q', sys.argv[1]]); "
        "print(code, 'orgspec.config_model' in sys.modules)"
    )

    def run() -> str:
        done = subprocess.run(
            [sys.executable, "-c", probe, str(spec)], capture_output=True, text=True, cwd=tmp_path, env=env
        )
        return done.stdout.strip()

    assert run() == "0 False"
    _write(tmp_path / "orgspec.toml", 'ignore = ["OS5"]\nexclude = ["build/"]\n')
    assert run() == "0 True"  # validated once
    assert run() == "0 False"  # then read back from the cache
    assert load_config(tmp_path / "orgspec.toml").exclude == ("build/",)
    _write(tmp_path / "orgspec.toml", 'ignore = ["XX1"]\n')
    assert run() == "2 True"
    assert run() == "2 True"  # a wrong table is never remembered
