"""orgspec: describe public bodies the way 三定 plans do, and validate, diff and draw them.

The two doors into one pipeline::

    import orgspec
    spec = orgspec.load("specs/zhenjiang-fao.orgspec")   # raises SpecError with every diagnostic
    findings = orgspec.check("specs/")                    # never raises on user input

Pipeline: text → :mod:`orgspec.syntax` (syntax tree with spans) →
:mod:`orgspec.build` (model and source map) → :mod:`orgspec.checks`
(diagnostics) → :mod:`orgspec.report` and :mod:`orgspec.cli`.
"""

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
