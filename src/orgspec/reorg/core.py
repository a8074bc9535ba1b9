"""``diff(old, new)``: match, emit, summarise, reconcile.

Imports: :mod:`orgspec.reorg.*`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Iterable

from orgspec.model.units import Spec
from orgspec.reorg.emit import emit
from orgspec.reorg.match import DEFAULT_LIMIT, DEFAULT_THRESHOLD, match
from orgspec.reorg.ops import Diff, DiffNote
from orgspec.reorg.refs import ref_names
from orgspec.reorg.summary import reconcile, summarize
from orgspec.reorg.tree import Tree, no_gc

__all__ = ["diff"]


def diff(
    old: Spec,
    new: Spec,
    *,
    pairs: Iterable[tuple[str, str]] = (),
    limit: int = DEFAULT_LIMIT,
    threshold: float = DEFAULT_THRESHOLD,
    old_label: str | None = None,
    new_label: str | None = None,
) -> Diff:
    """Return the operations that turn ``old`` into ``new``.

    ``pairs`` are (old key, new key) pairs the caller has already matched.
    ``limit`` bounds how many pairs of unmatched units are scored for possible
    renames; ``threshold`` is the least score of a proposal.
    """
    with no_gc():
        old_tree, new_tree = Tree(old), Tree(new)
        m = match(old_tree, new_tree, pairs, limit=limit, threshold=threshold)
        ops, notes = emit(old_tree, new_tree, m)
    if m.limit_hit:
        notes.append(
            DiffNote(
                code="candidate-limit",
                severity="info",
                message=f"{m.candidates} pairs of unmatched units exceed the limit of {limit}: "
                "no possible renames were looked for (raise the limit to look)",
            )
        )
    notes.extend(reconcile(old, new, ops))
    return Diff(
        old=old_label,
        new=new_label,
        summary=summarize(ops),
        operations=tuple(ops),
        proposals=tuple(m.proposals),
        notes=tuple(notes),
        candidate_limit_hit=m.limit_hit,
        refs=ref_names(old, new, ops),
    )
