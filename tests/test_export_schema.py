"""The published JSON Schema of the model is up to date, and every JSON export validates against it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings

from orgspec.cli.main import main
from orgspec.export import export
from orgspec.model.units import Spec

from .conftest import FIXTURES, ROOT, SPECS, golden
from .strategies import specs

SCHEMA = ROOT / "docs" / "schema" / "orgspec.schema.json"
SOURCES = sorted(SPECS.glob("*.orgspec")) + sorted((FIXTURES / "export").glob("*.orgspec"))


def test_published_schema_is_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    golden(SCHEMA, capsys.readouterr().out)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_json_export_validates_against_the_schema(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert main(["export", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert errors == []


def test_schema_rejects_what_the_model_rejects() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    bad = {"bodies": [{"name": "A", "quotas": [{"category": "administrative", "count": {"value": -1}}]}]}
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(bad))


_VALIDATOR = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


@settings(max_examples=40)
@given(specs())
def test_json_export_of_any_model_validates_against_the_schema(spec: Spec) -> None:
    """Every export validates, not only the bundled specs: generated models with Chinese names."""
    data = json.loads(export(spec, "json"))
    assert [e.message for e in _VALIDATOR.iter_errors(data)] == []
    assert Spec.model_validate(data) == spec
