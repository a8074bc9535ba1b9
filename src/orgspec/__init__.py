"""orgspec: describe public bodies the way 三定 plans do, and validate, diff and draw them.

The two doors into one pipeline::

    import orgspec
    spec = orgspec.load("specs/zhenjiang-fao.orgspec")   # raises SpecError with every diagnostic
    findings = orgspec.check("specs/")                    # never raises on user input

Pipeline: text → :mod:`orgspec.syntax` (syntax tree with spans) →
:mod:`orgspec.build` (model and source map) → :mod:`orgspec.checks`
(diagnostics) → :mod:`orgspec.report` and :mod:`orgspec.cli`.
"""

import importlib
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from orgspec.history.asof import as_of
    from orgspec.reorg.core import diff
    from orgspec.reorg.patch import apply, invert

__version__ = "0.1.0"

_LAZY = {
    "apply": ("orgspec.reorg.patch", "apply"),
    "as_of": ("orgspec.history.asof", "as_of"),
    "diff": ("orgspec.reorg.core", "diff"),
    "invert": ("orgspec.reorg.patch", "invert"),
}


def __getattr__(name: str) -> Any:
    """Import the diff and history functions on first use."""
    if name in _LAZY:
        module_name, attr = _LAZY[name]
        module = importlib.import_module(module_name)
        return module if attr is None else getattr(module, attr)
    raise AttributeError(f"module 'orgspec' has no attribute {name!r}")


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
    "apply",
    "as_of",
    "check",
    "check_text",
    "diff",
    "dumps",
    "invert",
    "load",
    "loads",
]
