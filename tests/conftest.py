"""Shared test fixtures and helpers."""

from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Generator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
SEEDS = ROOT.parent / "shared" / "seeds"

#: Regenerate golden files instead of comparing: ORGSPEC_UPDATE_GOLDENS=1 python -m pytest
UPDATE_GOLDENS = os.environ.get("ORGSPEC_UPDATE_GOLDENS") == "1"

#: Under CI (``.ci/run`` sets CI=true) every tool a test needs is installed: a missing one fails.
IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}

#: The least share of a property's examples that must get past its assumptions to the assertion.
MIN_REACH = 0.5

# Generated specs are large nested models: generation-size health checks are expected, not bugs.
_SIZE_CHECKS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
settings.register_profile("ci", derandomize=True, max_examples=150, deadline=None, suppress_health_check=_SIZE_CHECKS)
settings.register_profile("dev", max_examples=100, deadline=None, suppress_health_check=_SIZE_CHECKS)
# Mutation testing (bench/mutation.py) runs the properties once per mutant: fewer examples, same seed.
settings.register_profile(
    "mutation", derandomize=True, max_examples=40, deadline=None, suppress_health_check=_SIZE_CHECKS
)
settings.register_profile("fuzz", max_examples=20_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def budget(examples: int) -> int:
    """Return ``examples`` for a slow generated-input test, or the fuzz profile's larger number."""
    return max(examples, settings.default.max_examples) if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else examples


def golden(path: Path, actual: str) -> None:
    """Compare ``actual`` with the golden file at ``path``; ORGSPEC_UPDATE_GOLDENS=1 (re)writes it.

    A missing golden file is a failure, in any environment: a test that wrote its own expectation
    and passed would accept whatever the code prints today.
    """
    if UPDATE_GOLDENS:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"golden file {path} is missing; ORGSPEC_UPDATE_GOLDENS=1 writes it (then review the diff)")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from {path}; ORGSPEC_UPDATE_GOLDENS=1 regenerates it"


def require(available: object, reason: str) -> None:
    """Skip the calling test when ``available`` is false, or fail it under CI (CI=true).

    For what a developer's machine may lack but CI installs (Graphviz, Chromium, fonts, mermaid.js,
    ../shared, git, the test extra): locally the test is skipped with ``reason``; in CI a missing
    tool must not turn into a quiet skip.
    """
    if available:
        return
    if IN_CI:
        pytest.fail(f"CI must provide this, and it is missing: {reason}")
    pytest.skip(reason, allow_module_level=True)


def require_module(name: str) -> ModuleType:
    """Import and return module ``name``, as ``require`` does for what is missing."""
    require(importlib.util.find_spec(name) is not None, f"the Python module {name} is not installed")
    return importlib.import_module(name)


def needs(available: object, reason: str) -> pytest.MarkDecorator:
    """Mark a test that ``require``s ``available`` before it runs (a decorator form of ``require``)."""
    return pytest.mark.needs(bool(available), reason)


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``needs`` marker."""
    config.addinivalue_line("markers", "needs(available, reason): skip locally, fail under CI, when not available")


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Apply every ``needs`` marker of the test (see ``require``)."""
    for mark in item.iter_markers("needs"):
        require(*mark.args)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, Any, Any]:
    """Measure, for a hypothesis test, the share of its examples that reach the assertion.

    Each call of the test body counts as an example; it reaches the assertion unless an
    ``assume`` rejects it (properties may not return early: test_quality checks that). A
    property whose share is at most ``MIN_REACH`` fails: it checks less than it claims to.
    """
    hyp = getattr(getattr(item, "obj", None), "hypothesis", None)
    if hyp is None:
        return (yield)
    inner = hyp.inner_test
    seen = {"examples": 0, "reached": 0}

    @functools.wraps(inner)
    def counted(*args: Any, **kwargs: Any) -> Any:
        seen["examples"] += 1
        result = inner(*args, **kwargs)
        seen["reached"] += 1
        return result

    hyp.inner_test = counted
    try:
        result = yield
    finally:
        hyp.inner_test = inner
    share = seen["reached"] / seen["examples"] if seen["examples"] else 0.0
    REACH[item.nodeid] = (seen["reached"], seen["examples"])
    if share <= MIN_REACH:
        pytest.fail(
            f"only {seen['reached']} of {seen['examples']} examples reached the assertion ({share:.0%}); "
            "generate what the property is about instead of assuming it"
        )
    return result


#: node id -> (examples that reached the assertion, examples), for the properties run.
REACH: dict[str, tuple[int, int]] = {}


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print the lowest measured reach of the properties run."""
    if not REACH:
        return
    node, (reached, examples) = min(REACH.items(), key=lambda kv: kv[1][0] / kv[1][1] if kv[1][1] else 0.0)
    terminalreporter.write_line(
        f"hypothesis: {len(REACH)} properties; lowest share of examples reaching the assertion "
        f"{reached}/{examples} ({node})"
    )
    if os.environ.get("ORGSPEC_SHOW_REACH") == "1":
        for node, (reached, examples) in sorted(REACH.items()):
            terminalreporter.write_line(f"  {reached:4d}/{examples:<4d} {node}")


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test's cache in a temporary folder, never the user's."""
    monkeypatch.setenv("ORGSPEC_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
