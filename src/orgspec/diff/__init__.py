"""The semantic diff of two specs: match units, then emit a small typed edit vocabulary.

Pipeline: :mod:`~orgspec.diff.tree` (flatten, stable keys) →
:mod:`~orgspec.diff.match` (identity, then proposals) →
:mod:`~orgspec.diff.emit` (operations) → :mod:`~orgspec.diff.summary`;
:mod:`~orgspec.diff.patch` applies and inverts; the ``render_*`` modules print.

``orgspec.diff`` is both this package and the function: ``orgspec.diff(old, new)``
calls :func:`orgspec.diff.core.diff` (the package module is callable).

Imports: :mod:`orgspec.diff.*`.
"""

import sys
import types
from typing import Any

from orgspec.diff.core import diff
from orgspec.diff.ops import FORMAT_VERSION, Diff, DiffNote, Operation, Pair, Proposal
from orgspec.diff.patch import ApplyError, apply, invert

__all__ = [
    "FORMAT_VERSION",
    "ApplyError",
    "Diff",
    "DiffNote",
    "Operation",
    "Pair",
    "Proposal",
    "apply",
    "diff",
    "invert",
]


class _CallableModule(types.ModuleType):
    """The package, callable as :func:`diff` (so ``orgspec.diff(a, b)`` works)."""

    def __call__(self, *args: Any, **kwargs: Any) -> Diff:
        return diff(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
