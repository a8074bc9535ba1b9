"""Laws of the printer and the front end, property-tested on generated models and texts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import orgspec
import orgspec.codes
from orgspec.model import Spec

from .strategies import spec_like_text, specs


def _structural(found: list[orgspec.Diagnostic]) -> list[str]:
    """Return syntax and structure findings (OS1xx, OS2xx): a stated model never has them."""
    return [f"{d.code} {d.line}:{d.column} {d.message}" for d in found if d.code.startswith(("OS1", "OS2"))]


@settings(max_examples=60)
@given(specs())
def test_dumps_then_parse_gives_the_same_model(spec: Spec) -> None:
    text = orgspec.dumps(spec)
    analysis = orgspec.analyze(text, "generated.orgspec")
    assert _structural(list(analysis.diagnostics)) == []
    assert analysis.spec == spec


@settings(max_examples=60)
@given(specs())
def test_loads_dumps_round_trip_when_the_model_checks_clean(spec: Spec) -> None:
    text = orgspec.dumps(spec)
    analysis = orgspec.analyze(text)
    if analysis.ok:
        assert orgspec.loads(text) == spec
    else:
        with pytest.raises(orgspec.SpecError) as info:
            orgspec.loads(text)
        assert info.value.diagnostics == analysis.diagnostics


@settings(max_examples=60)
@given(specs())
def test_dumps_is_a_fixed_point(spec: Spec) -> None:
    text = orgspec.dumps(spec)
    again = orgspec.analyze(text).spec
    assert again is not None
    assert orgspec.dumps(again) == text


@given(st.text(max_size=300))
def test_any_text_gives_diagnostics_never_an_exception(text: str) -> None:
    found = orgspec.check_text(text, "fuzz.orgspec")
    for d in found:
        assert d.code in orgspec.codes.CODES
        assert d.message


@given(spec_like_text)
def test_grammar_shaped_text_gives_diagnostics_never_an_exception(text: str) -> None:
    found = orgspec.check_text(text, "fuzz.orgspec")
    for d in found:
        assert d.code in orgspec.codes.CODES
        if d.span is not None:
            assert 0 <= d.span.start <= d.span.end <= len(text)
