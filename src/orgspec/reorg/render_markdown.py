"""Markdown output of a diff: a pull-request comment with a table of counts and a folded block per unit.

Cut below ``MARKDOWN_LIMIT`` characters (GitHub's comment limit is 65,536), saying what was left out.

Imports: :mod:`orgspec.reorg.ops`, :mod:`orgspec.reorg.render_text`, :mod:`orgspec.report.text`.
"""

from __future__ import annotations

from orgspec.reorg.ops import Diff
from orgspec.reorg.refs import named_ops
from orgspec.reorg.render_text import (
    _DUTY_VERBS,
    _duties,
    _ordered,
    _verb,
    _verb_word,
    by_unit,
    order_only,
    summary_line,
)
from orgspec.report.text import printable

__all__ = ["MARKDOWN_LIMIT", "render_markdown"]

#: Longest Markdown comment, in characters.
MARKDOWN_LIMIT = 60_000


def render_markdown(diff: Diff, *, limit: int = MARKDOWN_LIMIT) -> str:
    """Return a Markdown pull-request comment, shorter than ``limit`` characters."""
    head = [f"### orgspec diff: {diff.old or 'old'} → {diff.new or 'new'}", ""]
    if diff.empty:
        return "\n".join([*head, "No changes.", ""])
    head += ["| change | count |", "|---|---:|"]
    head += [f"| {_verb(op, n)} | {n} |" for op, n in _ordered(diff.summary.counts)]
    head += [f"| {_duties(n)} {_DUTY_VERBS[op]} | {n} |" for op, n in diff.summary.duties.items()]
    head += [f"| {_md(cat)} quota | {delta} |" for cat, delta in diff.summary.quota.items()]
    head += [f"| leadership posts | {diff.summary.posts} |"] if diff.summary.posts else []
    if order_only(diff):
        head += [f"| lists in another order | {len(diff.operations)} |"]
    head += ["", f"**{_md(summary_line(diff))}**", ""]
    tail: list[str] = []
    if diff.proposals:
        tail += ["**Possible renames** (similarity only; not applied):", ""]
        tail += [f"- {_md(p.old_name)} → {_md(p.new_name)} (score {p.score:.2f})" for p in diff.proposals[:50]]
        tail.append("")
    if diff.notes:
        tail += ["**Notes**", ""] + [f"- `{n.code}` {_md(n.message)}" for n in diff.notes[:50]] + [""]
    budget = limit - len("\n".join(head + tail)) - 200
    blocks: list[str] = []
    groups = by_unit(named_ops(diff.operations, diff.refs))  # a unit referred to by id, by its name
    used = 0
    shown = 0
    for g in groups:
        lines = [f"<details><summary><b>{_verb_word(g.verb)}</b> {_md(g.headline)}</summary>", ""]
        lines += [f"- {_md(d)}" for d in g.details] or ["- (no further details)"]
        lines += ["", "</details>", ""]
        block = "\n".join(lines)
        if used + len(block) + 1 > budget:
            break
        blocks.append(block)
        used += len(block) + 1
        shown += 1
    if shown < len(groups):
        left = groups[shown:]
        blocks.append(
            f"_{len(left)} more changed units left out to stay below {limit:,} characters "
            f"({sum(1 + len(g.details) for g in left)} lines); run `orgspec diff --format json` "
            "for everything._\n"
        )
    return "\n".join(head) + "\n" + "\n".join(blocks) + "\n" + "\n".join(tail)


def _md(text: str) -> str:
    text = text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\r", " ").replace("\n", " ")
    return printable(text)
