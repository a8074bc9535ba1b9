"""The public model: frozen pydantic v2 classes, vocabularies and queries.

Imports: pydantic and the standard library only; nothing from the syntax or
the checks.
"""

from orgspec.model.units import (
    ActualStaff,
    CutOff,
    Duty,
    Event,
    EventKind,
    FunctionChange,
    FunctionChangeKind,
    Holder,
    Member,
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
from orgspec.model.values import Basis, Count, CountStatus, PartialDate, QuotaCategory, QuotaCategoryName, Ref, UnitKind

__all__ = [
    "ActualStaff",
    "Basis",
    "Count",
    "CountStatus",
    "CutOff",
    "Duty",
    "Event",
    "EventKind",
    "FunctionChange",
    "FunctionChangeKind",
    "Holder",
    "Member",
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
