"""Shared test fixtures and helpers."""

from __future__ import annotations

import os
from pathlib import Path

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

# Generated specs are large nested models: generation-size health checks are expected, not bugs.
_SIZE_CHECKS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
settings.register_profile("ci", derandomize=True, max_examples=150, deadline=None, suppress_health_check=_SIZE_CHECKS)
settings.register_profile("dev", max_examples=100, deadline=None, suppress_health_check=_SIZE_CHECKS)
settings.register_profile("fuzz", max_examples=20_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def budget(examples: int) -> int:
    """Return ``examples`` for a slow generated-input test, or the fuzz profile's larger number."""
    return max(examples, settings.default.max_examples) if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else examples


def golden(path: Path, actual: str) -> None:
    """Compare ``actual`` with the golden file at ``path`` (or write it when updating)."""
    if UPDATE_GOLDENS or not path.exists():
        if not UPDATE_GOLDENS and os.environ.get("CI"):
            pytest.fail(f"golden file {path} is missing; run with ORGSPEC_UPDATE_GOLDENS=1")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from {path}; ORGSPEC_UPDATE_GOLDENS=1 regenerates it"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test's cache in a temporary folder, never the user's."""
    monkeypatch.setenv("ORGSPEC_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
