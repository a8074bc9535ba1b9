"""The public model: frozen pydantic v2 classes, vocabularies and queries.

The names are imported on first use (PEP 562), so that importing a module of
this package (:mod:`orgspec.model.names`, say) does not import the model's
classes, nor pydantic, and so that ``orgspec check`` can still choose their base
(:mod:`orgspec.model.light`).

Imports: pydantic and the standard library only; nothing from the syntax or
the checks.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from orgspec.model.units import (
        ActualStaff,
        Ambiguity,
        BodyClass,
        Choice,
        ClassTotal,
        Coverage,
        CutOff,
        Duty,
        Event,
        EventKind,
        Excerpt,
        FunctionChange,
        FunctionChangeKind,
        Holder,
        Member,
        OtherStatement,
        Plaque,
        Post,
        PostGroup,
        PostItem,
        Quota,
        QuotaPart,
        Relation,
        RelationKind,
        SharedDuties,
        ShortName,
        Spec,
        StatedCount,
        Unit,
    )
    from orgspec.model.values import (
        Basis,
        Count,
        CountStatus,
        PartialDate,
        QuotaCategory,
        QuotaCategoryName,
        Ref,
        UnitKind,
    )

_VALUES = frozenset(
    {"Basis", "Count", "CountStatus", "PartialDate", "QuotaCategory", "QuotaCategoryName", "Ref", "UnitKind"}
)


def __getattr__(name: str) -> Any:
    """Import a public name on first use."""
    if name not in __all__:
        raise AttributeError(f"module 'orgspec.model' has no attribute {name!r}")
    module = importlib.import_module("orgspec.model.values" if name in _VALUES else "orgspec.model.units")
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "ActualStaff",
    "Ambiguity",
    "Basis",
    "BodyClass",
    "Choice",
    "ClassTotal",
    "Count",
    "CountStatus",
    "Coverage",
    "CutOff",
    "Duty",
    "Event",
    "EventKind",
    "Excerpt",
    "FunctionChange",
    "FunctionChangeKind",
    "Holder",
    "Member",
    "OtherStatement",
    "PartialDate",
    "Plaque",
    "Post",
    "PostGroup",
    "PostItem",
    "Quota",
    "QuotaCategory",
    "QuotaCategoryName",
    "QuotaPart",
    "Ref",
    "Relation",
    "RelationKind",
    "SharedDuties",
    "ShortName",
    "Spec",
    "StatedCount",
    "Unit",
    "UnitKind",
]
