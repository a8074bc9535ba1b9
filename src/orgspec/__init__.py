"""orgspec: describe public bodies the way 三定 plans do, and validate, diff and draw them.

The two doors into one pipeline::

    import orgspec
    spec = orgspec.load("specs/zhenjiang-fao.orgspec")   # raises SpecError with every diagnostic
    findings = orgspec.check("specs/")                    # never raises on user input

Pipeline: text → :mod:`orgspec.syntax` (syntax tree with spans) →
:mod:`orgspec.lowering` (model and source map) → :mod:`orgspec.checks`
(diagnostics) → :mod:`orgspec.report` and :mod:`orgspec.cli`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from orgspec.api import Analysis, RenderFormat, analyze, check, check_text, dumps, load, loads, render
    from orgspec.diagnostics import Diagnostic, Related, Severity
    from orgspec.errors import OrgspecError, SpecError
    from orgspec.history.asof import as_of
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
        QuotaCategoryName,
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
    from orgspec.reorg.core import diff
    from orgspec.reorg.patch import apply, invert

__version__ = "0.1.0"

# Every public name is imported on first use (PEP 562), so that ``orgspec check`` on a cached
# corpus does not pay for importing the model, lark and the checks (docs/performance.md).
_LAZY: dict[str, tuple[str, str | None]] = {
    "Analysis": ("orgspec.api", "Analysis"),
    "Basis": ("orgspec.model", "Basis"),
    "Count": ("orgspec.model", "Count"),
    "CountStatus": ("orgspec.model", "CountStatus"),
    "Diagnostic": ("orgspec.diagnostics", "Diagnostic"),
    "Duty": ("orgspec.model", "Duty"),
    "Event": ("orgspec.model", "Event"),
    "EventKind": ("orgspec.model", "EventKind"),
    "FunctionChange": ("orgspec.model", "FunctionChange"),
    "FunctionChangeKind": ("orgspec.model", "FunctionChangeKind"),
    "Member": ("orgspec.model", "Member"),
    "OrgspecError": ("orgspec.errors", "OrgspecError"),
    "PartialDate": ("orgspec.model", "PartialDate"),
    "Plaque": ("orgspec.model", "Plaque"),
    "Post": ("orgspec.model", "Post"),
    "PostGroup": ("orgspec.model", "PostGroup"),
    "Quota": ("orgspec.model", "Quota"),
    "QuotaCategory": ("orgspec.model", "QuotaCategory"),
    "QuotaCategoryName": ("orgspec.model", "QuotaCategoryName"),
    "QuotaPart": ("orgspec.model", "QuotaPart"),
    "Ref": ("orgspec.model", "Ref"),
    "Related": ("orgspec.diagnostics", "Related"),
    "Relation": ("orgspec.model", "Relation"),
    "RelationKind": ("orgspec.model", "RelationKind"),
    "RenderFormat": ("orgspec.api", "RenderFormat"),
    "Severity": ("orgspec.diagnostics", "Severity"),
    "SharedDuties": ("orgspec.model", "SharedDuties"),
    "Spec": ("orgspec.model", "Spec"),
    "SpecError": ("orgspec.errors", "SpecError"),
    "StatedCount": ("orgspec.model", "StatedCount"),
    "Unit": ("orgspec.model", "Unit"),
    "UnitKind": ("orgspec.model", "UnitKind"),
    "analyze": ("orgspec.api", "analyze"),
    "apply": ("orgspec.reorg.patch", "apply"),
    "as_of": ("orgspec.history.asof", "as_of"),
    "check": ("orgspec.api", "check"),
    "check_text": ("orgspec.api", "check_text"),
    "diff": ("orgspec.reorg.core", "diff"),
    "dumps": ("orgspec.api", "dumps"),
    "invert": ("orgspec.reorg.patch", "invert"),
    "load": ("orgspec.api", "load"),
    "loads": ("orgspec.api", "loads"),
    "render": ("orgspec.api", "render"),
}


def __getattr__(name: str) -> Any:
    """Import a public name on first use."""
    if name not in _LAZY:
        raise AttributeError(f"module 'orgspec' has no attribute {name!r}")
    module_name, attr = _LAZY[name]
    module = importlib.import_module(module_name)
    value = module if attr is None else getattr(module, attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
    "QuotaCategoryName",
    "QuotaPart",
    "Ref",
    "Related",
    "Relation",
    "RelationKind",
    "RenderFormat",
    "Severity",
    "SharedDuties",
    "Spec",
    "SpecError",
    "StatedCount",
    "Unit",
    "UnitKind",
    "__version__",
    "analyze",
    "apply",
    "as_of",
    "check",
    "check_text",
    "diff",
    "dumps",
    "invert",
    "load",
    "loads",
    "render",
]
