"""The CI, configuration, output-format and fmt docs are tested like code: their examples are real."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import jsonschema
import pytest
import yaml

import orgspec
from orgspec.cli.main import build_parser, main
from orgspec.config import load_config
from orgspec.fmt import format_source
from orgspec.policy import load_pack

from .conftest import ROOT

DOCS = ROOT / "docs"
SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _blocks(name: str, lang: str) -> list[str]:
    text = (DOCS / name).read_text(encoding="utf-8")
    return re.findall(rf"^```{lang}\n(.*?)^```$", text, re.DOTALL | re.MULTILINE)


def _section_block(name: str, heading: str) -> str:
    text = (DOCS / name).read_text(encoding="utf-8")
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    match = re.search(r"^```\w*\n(.*?)^```$", section, re.DOTALL | re.MULTILINE)
    assert match is not None
    return match.group(1)


def test_configuration_examples_are_valid(tmp_path: Path) -> None:
    packs = 0
    for i, block in enumerate(_blocks("configuration.md", "toml")):
        if "[[rules]]" in block:  # a policy pack, not a configuration file
            path = tmp_path / str(i) / "pack.toml"
            path.parent.mkdir()
            path.write_text(block, encoding="utf-8")
            load_pack(str(path))  # raises on any wrong key
            packs += 1
            continue
        path = tmp_path / str(i) / ("pyproject.toml" if "[tool.orgspec]" in block else "orgspec.toml")
        path.parent.mkdir()
        path.write_text(block, encoding="utf-8")
        load_config(path)  # raises on any wrong setting
    assert packs >= 1
    for block in _blocks("configuration.md", "orgspec"):
        assert orgspec.check_text(block, "configuration.md") == []


def test_ci_snippets_parse() -> None:
    blocks = _blocks("ci.md", "yaml")
    assert len(blocks) >= 4
    for block in blocks:
        assert yaml.safe_load(block)
    commands = [c for b in _blocks("ci.md", "sh") for c in [b.replace("\\\n", " ").strip()]]
    commands += [line.split("- run: ", 1)[1] for b in blocks for line in b.splitlines() if "- run: orgspec" in line]
    commands += [line.split("- ", 1)[1] for b in blocks for line in b.splitlines() if "    - orgspec check" in line]
    assert len(commands) >= 3
    for command in commands:
        program, *args = shlex.split(command)
        assert program == "orgspec"
        build_parser().parse_args(args)


def test_fmt_example_is_what_fmt_prints() -> None:
    before, after = _blocks("fmt.md", "orgspec")
    assert format_source(before).output == after


@pytest.mark.parametrize("fmt", ["full", "concise", "json-lines", "github", "gitlab", "junit"])
def test_output_format_examples_are_current(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (spec,) = _blocks("output-formats.md", "orgspec")
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "office.orgspec").write_text(spec, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    main(["check", "specs", "--isolated", "--output-format", fmt])
    assert capsys.readouterr().out == _section_block("output-formats.md", fmt)


def test_shortened_examples_are_current(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (spec,) = _blocks("output-formats.md", "orgspec")
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "office.orgspec").write_text(spec, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    shown = json.loads(_section_block("output-formats.md", "sarif"))
    jsonschema.Draft4Validator(SCHEMA).validate(shown)
    main(["check", "specs", "--isolated", "--output-format", "sarif"])
    sarif = json.loads(capsys.readouterr().out)
    run = sarif["runs"][0]
    run["tool"]["driver"]["rules"] = [r for r in run["tool"]["driver"]["rules"] if r["id"] == "OS307"]
    run["results"] = [r for r in run["results"] if r["ruleId"] == "OS307"]
    run["results"][0]["relatedLocations"] = run["results"][0]["relatedLocations"][:1]
    run["originalUriBaseIds"] = shown["runs"][0]["originalUriBaseIds"]
    assert sarif == shown
    main(["check", "specs", "--isolated", "--output-format", "json"])
    doc = json.loads(capsys.readouterr().out)
    doc["diagnostics"] = doc["diagnostics"][1:]
    doc["diagnostics"][0]["related"] = doc["diagnostics"][0]["related"][:1]
    assert doc == json.loads(_section_block("output-formats.md", "json"))
