"""The semantic diff of two specs: match units, then emit a small typed edit vocabulary.

Pipeline: :mod:`~orgspec.diff.tree` (flatten, stable keys) →
:mod:`~orgspec.diff.match` (identity, then proposals) →
:mod:`~orgspec.diff.emit` (operations) → :mod:`~orgspec.diff.summary`;
:mod:`~orgspec.diff.apply` applies and inverts; the ``render_*`` modules print.

Imports: :mod:`orgspec.diff.*`.
"""

from orgspec.diff.apply import ApplyError, apply, invert
from orgspec.diff.core import diff
from orgspec.diff.ops import FORMAT_VERSION, Diff, DiffNote, Operation, Pair, Proposal

__all__ = ["FORMAT_VERSION", "ApplyError", "Diff", "DiffNote", "Operation", "Pair", "Proposal", "apply", "diff", "invert"]
