"""The base of the edit vocabulary: a unit's pair of keys and what every operation carries.

Imports: pydantic, :mod:`orgspec.model`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from orgspec.model.values import Basis

__all__ = ["EstablishedBy", "Pair"]

EstablishedBy = Literal["given", "declared", "id", "name", "plaque", "inferred", "new"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Pair(_Frozen):
    """A unit's key in the old spec and in the new one (None where it does not exist)."""

    old: str | None = None
    new: str | None = None

    def swapped(self) -> Pair:
        """Return the pair with old and new exchanged."""
        return Pair(old=self.new, new=self.old)

    def __str__(self) -> str:
        return self.new or self.old or "?"


class _Op(_Frozen):
    unit: Pair
    name: str = Field(description="the unit's name (the new name where it has one)")
    established_by: EstablishedBy = "id"
    score: float | None = Field(default=None, description="similarity score when inferred")
    basis: tuple[Basis, ...] = ()
