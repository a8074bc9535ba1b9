"""Models built without validation (``orgspec.model.trusted``) are exactly the models validation builds.

The lowering builds every node with :func:`orgspec.model.trusted.trusted`. Each
test lowers some specs and rebuilds every node with validation from the fields
the lowering set (what ``Model(**fields)`` did before), then compares the two
trees strictly: the same classes, the same value types (tuples, enum members,
plain strings), the same fields in the same order, the same set fields.
"""

from __future__ import annotations

import copy
import enum
import pickle
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from pydantic import BaseModel, Field

import orgspec
from orgspec.lowering import build
from orgspec.model import Count, Duty, PartialDate, Spec, Unit, UnitKind
from orgspec.model.trusted import trusted
from orgspec.source import SourceText

from .conftest import FIXTURES, ROOT, SPECS
from .strategies import specs

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate_text


def _validated(value: Any) -> Any:
    """Rebuild ``value`` with validation, node by node, from the fields each node was given."""
    if isinstance(value, BaseModel):
        given = {name: _validated(getattr(value, name)) for name in value.model_fields_set}
        return type(value)(**given)
    if isinstance(value, tuple):
        return tuple(_validated(v) for v in value)
    return value


def _strict(value: Any) -> Any:
    """Return a form of ``value`` that differs whenever a type, a field order or a set field differs."""
    if isinstance(value, BaseModel):
        return (
            type(value),
            [(name, _strict(v)) for name, v in value.__dict__.items()],
            sorted(value.model_fields_set),
            value.__pydantic_extra__,
            value.__pydantic_private__,
        )
    if isinstance(value, tuple | list):
        return (type(value), [_strict(v) for v in value])
    return (type(value), value)


def _assert_identical_to_validated(spec: Spec) -> None:
    again = _validated(spec)
    assert _strict(spec) == _strict(again)
    assert spec == again
    assert Spec.model_validate(spec.model_dump()) == spec
    assert spec.model_dump_json() == again.model_dump_json()
    assert spec.model_dump(exclude_unset=True) == again.model_dump(exclude_unset=True)


def _built(text: str, name: str) -> Spec:
    spec = build(SourceText(text, name)).spec
    assert spec is not None
    return spec


@pytest.mark.parametrize(
    "path",
    sorted([*SPECS.glob("*.orgspec"), *FIXTURES.rglob("*.orgspec")]),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_lowered_specs_equal_validated_ones(path: Path) -> None:
    built = build(SourceText(path.read_text(encoding="utf-8"), str(path)))
    if built.spec is not None:
        _assert_identical_to_validated(built.spec)


def test_a_generated_corpus_equals_its_validated_model() -> None:
    _assert_identical_to_validated(_built(generate_text(600), "generated.orgspec"))


@settings(max_examples=40)
@given(specs())
def test_printed_models_lower_to_validated_models(spec: Spec) -> None:
    lowered = _built(orgspec.dumps(spec), "generated.orgspec")
    _assert_identical_to_validated(lowered)
    assert lowered == spec


def test_trusted_values_build_what_validation_builds() -> None:
    assert _strict(PartialDate.parse("2019-02")) == _strict(PartialDate(year=2019, month=2, day=None))
    duty = trusted(Duty, text="x", number=1)
    assert _strict(duty) == _strict(Duty(text="x", number=1))
    unit = trusted(Unit, name="u", kind=UnitKind.SECTION, duties=(duty,))
    assert _strict(unit) == _strict(Unit(name="u", kind=UnitKind.SECTION, duties=(duty,)))
    assert hash(trusted(Count, value=3)) == hash(Count(value=3))


def test_trusted_rejects_unknown_fields_and_shared_mutable_defaults() -> None:
    with pytest.raises(TypeError, match="unknown fields"):
        trusted(Duty, text="x", nmber=1)

    class WithFactory(BaseModel):
        items: list[int] = Field(default_factory=list)

    class WithList(BaseModel):
        items: list[int] = []

    class Colour(enum.Enum):
        RED = "red"

    class Fine(BaseModel):
        colour: Colour = Colour.RED
        items: tuple[int, ...] = ()

    for cls in (WithFactory, WithList):
        with pytest.raises(TypeError, match="mutable default"):
            trusted(cls)
    assert trusted(Fine) == Fine()


def test_a_shared_fields_set_is_never_changed_by_copies() -> None:
    first = trusted(Duty, text="a", number=1)
    second = trusted(Duty, text="b", number=2)
    for copied in (
        first.model_copy(update={"id": "x"}),
        first.model_copy(update={"id": "x"}, deep=True),
        copy.copy(first),
        copy.deepcopy(first),
        pickle.loads(pickle.dumps(first)),
    ):
        copied.model_fields_set.add("id")
    assert first.model_fields_set == second.model_fields_set == {"text", "number"}
    assert first.model_copy(update={"id": "x"}).model_fields_set == {"text", "number", "id"}
