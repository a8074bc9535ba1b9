"""orgspec: describe public bodies the way 三定 plans do, and validate, diff and draw them.

The two doors into one pipeline::

    import orgspec
    spec = orgspec.load("specs/zhenjiang-fao.orgspec")   # raises SpecError with every diagnostic
    findings = orgspec.check("specs/")                    # never raises on user input

Pipeline: text → :mod:`orgspec.syntax` (syntax tree with spans) →
:mod:`orgspec.build` (model and source map) → :mod:`orgspec.checks`
(diagnostics) → :mod:`orgspec.report` and :mod:`orgspec.cli`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from orgspec.api import Analysis, analyze, check, check_text, dumps, load, loads
    from orgspec.diagnostics import Diagnostic, Related, Severity
    from orgspec.errors import OrgspecError, SpecError
    from orgspec.model import (
        Basis,
        Count,
        CountStatus,
        Duty,
        Event,
        EventKind,
        FunctionChange,
        FunctionChangeKind,
        Member,
        PartialDate,
        Plaque,
        Post,
        PostGroup,
        Quota,
        QuotaCategory,
        QuotaPart,
        Ref,
        Relation,
        RelationKind,
        SharedDuties,
        Spec,
        StatedCount,
        Unit,
        UnitKind,
    )

# The public names are imported on first use (PEP 562), so that ``orgspec check``
# on a cached corpus does not pay for importing the model, lark and the checks.
_LAZY: dict[str, str] = {
    "Analysis": "orgspec.api",
    "Basis": "orgspec.model",
    "Count": "orgspec.model",
    "CountStatus": "orgspec.model",
    "Diagnostic": "orgspec.diagnostics",
    "Duty": "orgspec.model",
    "Event": "orgspec.model",
    "EventKind": "orgspec.model",
    "FunctionChange": "orgspec.model",
    "FunctionChangeKind": "orgspec.model",
    "Member": "orgspec.model",
    "OrgspecError": "orgspec.errors",
    "PartialDate": "orgspec.model",
    "Plaque": "orgspec.model",
    "Post": "orgspec.model",
    "PostGroup": "orgspec.model",
    "Quota": "orgspec.model",
    "QuotaCategory": "orgspec.model",
    "QuotaPart": "orgspec.model",
    "Ref": "orgspec.model",
    "Related": "orgspec.diagnostics",
    "Relation": "orgspec.model",
    "RelationKind": "orgspec.model",
    "Severity": "orgspec.diagnostics",
    "SharedDuties": "orgspec.model",
    "Spec": "orgspec.model",
    "SpecError": "orgspec.errors",
    "StatedCount": "orgspec.model",
    "Unit": "orgspec.model",
    "UnitKind": "orgspec.model",
    "analyze": "orgspec.api",
    "check": "orgspec.api",
    "check_text": "orgspec.api",
    "dumps": "orgspec.api",
    "load": "orgspec.api",
    "loads": "orgspec.api",
}

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Basis",
    "Count",
    "CountStatus",
    "Diagnostic",
    "Duty",
    "Event",
    "EventKind",
    "FunctionChange",
    "FunctionChangeKind",
    "Member",
    "OrgspecError",
    "PartialDate",
    "Plaque",
    "Post",
    "PostGroup",
    "Quota",
    "QuotaCategory",
    "QuotaPart",
    "Ref",
    "Related",
    "Relation",
    "RelationKind",
    "Severity",
    "SharedDuties",
    "Spec",
    "SpecError",
    "StatedCount",
    "Unit",
    "UnitKind",
    "__version__",
    "analyze",
    "check",
    "check_text",
    "dumps",
    "load",
    "loads",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'orgspec' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
