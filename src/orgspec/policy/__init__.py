"""Policy rules: ratio rules and body limits as data, off by default (OS801).

A policy pack is a TOML file: an ``id``, a ``title``, a ``source`` and a
list of ``[[rules]]``. Each rule caps one figure of the units it applies to
and quotes its ``basis`` (the document that sets it), so that a finding names
its rule and where the rule comes from. Packs are validated by
:class:`PackModel` (pydantic, unknown keys refused); a wrong pack is a
:class:`PolicyError` whose one-line message names the file and the key.

Measures:

``posts``
    a unit's leadership posts (as OS304 counts them, less a group for its
    sections) against bands over the size of its own quota of ``quota``'s
    category (R5: 干部编制四人以内配备一名).
``logistics-share``
    a unit's logistics places (a ``quota logistics`` pool and the logistics
    parts inside its other quotas) against ``max-share`` of all its numeric
    quotas, rounded up (R6: 按照10%的编制核定后勤人员编制).
``sections``
    the sections and offices directly below a unit (those outside the count,
    set per regulations or abolished in their history apart), or its stated
    section count when larger, against ``max`` (a 机构限额).

A figure given as a range or a bound is held to a limit by the most it
allows (see :mod:`orgspec.policy.evaluate`).

Bundled packs live in ``orgspec/policy/packs/`` and are named by their file
stem (``r5-leadership-ratios``); any other value is a path to a TOML file.

Imports: pydantic, tomllib, :mod:`orgspec.model`, :mod:`orgspec.checks` (lazily).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import math
import tomllib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from orgspec.model.values import QuotaCategory, UnitKind

__all__ = [
    "BUNDLED",
    "AppliesTo",
    "Band",
    "PackModel",
    "PolicyError",
    "RuleModel",
    "bundled_packs",
    "fingerprint",
    "load_pack",
    "resolve_pack",
]

#: The folder of the bundled packs.
BUNDLED = Path(__file__).with_name("packs")


class PolicyError(ValueError):
    """A policy pack that cannot be found, read or validated; the message names the file."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Band(_Strict):
    """One band of a ``posts`` rule: up to ``upto`` places of quota (no bound when None), ``max`` posts."""

    upto: int | None = Field(default=None, ge=0)
    max: int = Field(ge=0)


class AppliesTo(_Strict):
    """Which units a rule applies to; every given field must match (an empty selector matches all)."""

    kinds: tuple[UnitKind, ...] = ()
    ranks: tuple[str, ...] = Field(default=(), description="ranks on the scale: 处级 matches 正处级, not 副处级")
    body_kinds: tuple[UnitKind, ...] = Field(default=(), alias="body-kinds", description="the kind of its body")
    not_body_kinds: tuple[UnitKind, ...] = Field(default=(), alias="not-body-kinds")
    name_contains: tuple[str, ...] = Field(default=(), alias="name-contains", description="folded by script")
    name_ends_with: tuple[str, ...] = Field(
        default=(), alias="name-ends-with", description="a name (or plaque, short name) ends with one; folded by script"
    )


class RuleModel(_Strict):
    """One rule: what it measures, where it applies, its limit, and its basis."""

    id: str = Field(min_length=1)
    title: str = ""
    measure: Literal["posts", "logistics-share", "sections"]
    applies_to: AppliesTo = Field(default_factory=AppliesTo, alias="applies-to")
    quota: QuotaCategory = QuotaCategory.ADMINISTRATIVE
    bands: tuple[Band, ...] = ()
    max_share: float | None = Field(default=None, alias="max-share", gt=0, le=1)
    max: int | None = Field(default=None, ge=0)
    basis: str = Field(min_length=1, description="the words of the document that sets the rule")

    @model_validator(mode="after")
    def _limit_given(self) -> RuleModel:
        if self.measure == "posts":
            if not self.bands:
                raise ValueError("a posts rule needs bands, e.g. [{ upto = 4, max = 1 }, { max = 2 }]")
            bounds = [b.upto for b in self.bands]
            if bounds[-1] is not None or None in bounds[:-1]:
                raise ValueError("bands: every band but the last needs upto; the last has none")
            if any(a >= b for a, b in itertools.pairwise(bounds) if a is not None and b is not None):
                raise ValueError("bands: upto must increase")
        elif self.measure == "logistics-share" and self.max_share is None:
            raise ValueError("a logistics-share rule needs max-share, e.g. 0.10")
        elif self.measure == "sections" and self.max is None:
            raise ValueError("a sections rule needs max")
        return self

    def limit_for(self, size: int) -> int:
        """Return the posts a quota of ``size`` allows under the bands."""
        for band in self.bands:
            if band.upto is None or size <= band.upto:
                return band.max
        return self.bands[-1].max  # pragma: no cover - the last band has no bound


class PackModel(_Strict):
    """A policy pack: its id, title, source and rules."""

    id: str = Field(min_length=1)
    title: str = ""
    source: str = Field(min_length=1, description="where the rules come from")
    rules: tuple[RuleModel, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> PackModel:
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"rule id {rule.id!r} is used twice")
            seen.add(rule.id)
        return self


def bundled_packs() -> list[str]:
    """Return the names of the bundled packs."""
    return sorted(p.stem for p in BUNDLED.glob("*.toml"))


def resolve_pack(name: str, base: Path | None = None) -> Path:
    """Return the file of a pack: a bundled pack by name, else a path (relative to ``base``)."""
    if "/" not in name and "\\" not in name and not name.endswith(".toml"):
        found = BUNDLED / f"{name}.toml"
        if found.is_file():
            return found
        raise PolicyError(f"no bundled policy pack {name!r}; bundled: {', '.join(bundled_packs())}")
    path = Path(name)
    if not path.is_absolute() and base is not None:
        path = base / path
    if not path.is_file():
        raise PolicyError(f"{name}: no such policy pack file")
    return path


@functools.lru_cache(maxsize=32)
def load_pack(path: str) -> PackModel:
    """Read and validate the pack at ``path``; raise :class:`PolicyError` with a located message."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise PolicyError(f"{path}: cannot read: {err.strerror or err}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise PolicyError(f"{path}: not valid TOML: {err}") from None
    try:
        return PackModel.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"]).lstrip(".") or "pack"
        message = str(first["msg"]).removeprefix("Value error, ")
        raise PolicyError(f"{path}: {where}: {message}") from None


def fingerprint(paths: Sequence[str]) -> str:
    """Return a digest of the packs' contents (part of the result cache key)."""
    h = hashlib.sha256()
    for p in paths:
        h.update(p.encode() + b"\0" + Path(p).read_bytes() + b"\0")
    return h.hexdigest()[:16]


def share_limit(share: float, base: int) -> int:
    """Return the places a share of ``base`` allows, rounded up (10% of 25 is 3)."""
    return math.ceil(share * base - 1e-9)


def iter_rules(packs: Sequence[PackModel]) -> Iterator[tuple[PackModel, RuleModel]]:
    """Yield each rule with its pack, in order."""
    for pack in packs:
        for rule in pack.rules:
            yield pack, rule
