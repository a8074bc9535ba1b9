"""The semantic diff of two specs: match units, then emit a small typed edit vocabulary.

Pipeline: :mod:`~orgspec.reorg.tree` (flatten, stable keys) →
:mod:`~orgspec.reorg.match` (identity, then proposals) →
:mod:`~orgspec.reorg.emit` (operations) → :mod:`~orgspec.reorg.summary`;
:mod:`~orgspec.reorg.patch` applies and inverts; the ``render_*`` modules print.

The public functions are re-exported at the top level: ``orgspec.diff(old, new)``,
``orgspec.apply(spec, d)`` and ``orgspec.invert(d)``.

Imports: :mod:`orgspec.reorg.*`.
"""

from orgspec.reorg.core import diff
from orgspec.reorg.ops import FORMAT_VERSION, Diff, DiffNote, Operation, Pair, Proposal
from orgspec.reorg.patch import ApplyError, apply, invert

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
