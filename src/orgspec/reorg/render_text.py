"""Terminal output of a diff: verb first, one header per changed unit, details indented.

Unchanged units are elided. The closing summary line counts the changes
("2 established, 1 abolished, 1 renamed; 3 duties transferred; administrative quota +1;
leadership posts -1"). The Markdown comment (:mod:`orgspec.reorg.render_markdown`) is built from
the same groups and summary.

Imports: :mod:`orgspec.reorg.ops`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from orgspec.model.pools import pool_name
from orgspec.model.units import Duty, PostItem, Unit
from orgspec.model.values import Count
from orgspec.reorg.fold import fold
from orgspec.reorg.ops import (
    Abolish,
    Absorb,
    AttributeChanged,
    Demote,
    Diff,
    DutiesHandedOver,
    DutyAdded,
    DutyCancelled,
    DutyReworded,
    DutyTransferred,
    Establish,
    Interim,
    KindChanged,
    Merge,
    Move,
    Operation,
    PlaqueAdded,
    PlaqueRemoved,
    PostsChanged,
    PostsTransferred,
    QuotaChanged,
    QuotaTransferred,
    RankChanged,
    Reconstitute,
    Rename,
    Respell,
    Split,
)
from orgspec.reorg.refs import named_ops
from orgspec.report.text import printable

__all__ = ["UnitChanges", "by_unit", "render_text", "summary_line"]

_VERBS = {
    "establish": "established",
    "abolish": "abolished",
    "demote-to-plaque": "demoted to a plaque",
    "reconstitute": "reconstituted",
    "rename": "renamed",
    "respell": "respelled in the other script",
    "move": "moved",
    "merge": "merged",
    "absorb": "absorbed",
    "split": "split",
    "plaque-added": "plaques added",
    "plaque-removed": "plaques removed",
    "kind-changed": "kinds changed",
    "rank-changed": "ranks changed",
    "quota-changed": "quotas changed",
    "quota-transferred": "quotas transferred",
    "posts-changed": "sets of posts changed",
    "posts-transferred": "transfers of posts",
    "attribute-changed": "other statements changed",
}
#: The words of :data:`_VERBS` for a count of one ("1 plaque added", not "1 plaques added").
_VERBS_ONE = {
    "plaque-added": "plaque added",
    "plaque-removed": "plaque removed",
    "kind-changed": "kind changed",
    "rank-changed": "rank changed",
    "quota-changed": "quota changed",
    "quota-transferred": "quota transferred",
    "posts-changed": "set of posts changed",
    "posts-transferred": "transfer of posts",
    "attribute-changed": "other statement changed",
}
#: What a missing side of a change reads as: never Python's ``None``.
NONE = "(none)"
_DUTY_VERBS = {
    "duty-transferred": "transferred",
    "duty-added": "added",
    "duty-cancelled": "cancelled",
    "duty-reworded": "reworded",
}
_HEADLINE = ("establish", "reconstitute", "abolish", "demote-to-plaque", "rename", "move")
_COLOURS = {
    "establish": "32",
    "reconstitute": "32",
    "abolish": "31",
    "demote-to-plaque": "31",
    "rename": "33",
    "move": "36",
    "changed": "33",
}


@dataclass
class UnitChanges:
    """The operations that touch one unit, with the verb of its header."""

    key: str
    name: str
    verb: str
    headline: str
    details: list[str] = field(default_factory=list)


def _count(c: Count | None) -> str:
    return NONE if c is None else str(c)


def _verb(op: str, n: int) -> str:
    """Return the words of a summary count: singular for one, plural otherwise."""
    return _VERBS_ONE.get(op, _VERBS.get(op, op)) if n == 1 else _VERBS.get(op, op)


def _duties(n: int) -> str:
    return "duty" if n == 1 else "duties"


def _side(value: object) -> str:
    """Return one side of a change as a reader sees it: ``(none)`` for a missing value."""
    if value is None or value in ("", [], {}):
        return NONE
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict) and value.keys() == {"year", "month", "day"}:  # a date
        return "-".join(
            f"{value[k]:04d}" if k == "year" else f"{value[k]:02d}" for k in ("year", "month", "day") if value[k]
        )
    if isinstance(value, dict):  # a statement with parts, by its figure and its words
        parts = [str(_figure(value["count"]))] if value.get("count") is not None else []
        parts += [value[k] for k in ("name", "text", "target") if isinstance(value.get(k), str)]
        parts += ["、".join(x for x in value.get("areas") or () if isinstance(x, str))]
        return " ".join(x for x in parts if x) or "(stated)"
    return str(value)


def _arrow(label: str, before: object, after: object) -> str | None:
    """Return ``label: before → after``, or None when the two sides read the same."""
    a, b = _side(before), _side(after)
    return None if a == b else f"{label}: {a} → {b}"


def _fields_delta(before: BaseModel | dict[str, Any], after: BaseModel | dict[str, Any]) -> list[str]:
    """Return ``field before → after`` for each field that differs between two models or their JSON."""
    a = before.model_dump(mode="json") if isinstance(before, BaseModel) else before
    b = after.model_dump(mode="json") if isinstance(after, BaseModel) else after
    out = []
    for key in [*a, *(k for k in b if k not in a)]:
        va, vb = _figure(a.get(key)), _figure(b.get(key))
        if va == vb:
            continue
        name = key.replace("_", " ")
        if isinstance(va, list) or isinstance(vb, list):  # a list is said changed; a date or a statement, read
            out.append(f"{name} changed")
        else:
            out.append(f"{name} {_side(va)} → {_side(vb)}")
    return out


def _figure(value: object) -> object:
    """Return a count's JSON (``{"status": "number", "value": 9, …}``) as a reader reads it (9), else ``value``."""
    if isinstance(value, dict) and value.keys() >= {"status", "value"}:
        return value["value"] if value["status"] == "number" else value.get("text") or value["status"]
    return value


def _duty(d: Duty) -> str:
    num = f"({d.number}) " if d.number is not None else ""
    text = d.text if len(d.text) <= 60 else d.text[:59] + "…"
    return f"{num}{text}"


def _posts(items: Sequence[PostItem]) -> str:
    out = []
    for p in items:
        out.append(f"{p.title or 'posts'} {p.count}")
    return ", ".join(out) or NONE


def _basis(op: Operation) -> str:
    numbers = [b.number or b.title for b in op.basis if b.number or b.title]
    return " [" + ", ".join(n for n in numbers if n) + "]" if numbers else ""


def _detail(op: Operation) -> str | None:
    if isinstance(op, Respell):
        if isinstance(op.before, str) and isinstance(op.after, str):
            return f"{op.field.replace('_', ' ')} respelled in the other script: {op.before} → {op.after}"
        return f"{op.field.replace('_', ' ')} respelled in the other script"
    if isinstance(op, PlaqueAdded):
        return f"plaque added: {op.plaque.name}"
    if isinstance(op, PlaqueRemoved):
        return f"plaque removed: {op.plaque.name}"
    if isinstance(op, KindChanged):
        return _arrow("kind", op.before_label or op.before, op.after_label or op.after) or _arrow(
            "kind", op.before, op.after
        )
    if isinstance(op, RankChanged):
        return _arrow("rank", op.before, op.after)
    if isinstance(op, QuotaChanged):
        quota = op.after or op.before
        label = f"{pool_name(op.category, quota.category_label if quota else None)} quota"
        before = op.before.count if op.before else None
        after = op.after.count if op.after else None
        line = _arrow(label, _count(before), _count(after))
        if line is None and op.before is not None and op.after is not None:
            delta = _fields_delta(op.before, op.after)
            return f"{label} {_count(after)}: {'; '.join(delta)}" if delta else None
        return line
    if isinstance(op, PostsChanged):
        line = _arrow("posts", _posts(op.before), _posts(op.after))
        if line is None and len(op.before) == len(op.after):
            delta = [
                f"{_posts([b])}: {'; '.join(_fields_delta(a, b))}"
                for a, b in zip(op.before, op.after, strict=True)
                if a != b and _fields_delta(a, b)
            ]
            return "posts " + "; ".join(delta) if delta else None
        return line
    if isinstance(op, DutyTransferred):
        declared = " (declared)" if op.established_by == "declared" else ""
        return f"duty transferred from {op.source_name}{declared}: {_duty(op.after)}"
    if isinstance(op, DutyAdded):
        if op.counterpart:
            return f"duty transferred from {op.counterpart} (outside the spec): {_duty(op.after)}"
        return f"duty added: {_duty(op.after)}"
    if isinstance(op, DutyCancelled):
        if op.counterpart:
            return f"duty transferred to {op.counterpart} (outside the spec): {_duty(op.before)}"
        return f"duty cancelled: {_duty(op.before)}"
    if isinstance(op, DutyReworded) and fold(op.before.text) == fold(op.after.text):
        plain = _duty(op.after.model_copy(update={"number": None}))
        script = "" if op.before.text == op.after.text else " (and respelled in the other script)"
        if op.before.number == op.after.number:
            return f"duty respelled in the other script: {plain}"
        return f"duty renumbered: ({op.before.number}) → ({op.after.number}) {plain}{script}"
    if isinstance(op, DutyReworded):
        return f"duty reworded: {_duty(op.before)} → {_duty(op.after)}"
    if isinstance(op, AttributeChanged) and op.field == "relations" and isinstance(op.before, list):
        came = [f"+ {r['kind']} {r['target']['target']}" for r in op.after or [] if r not in op.before]
        went = [f"- {r['kind']} {r['target']['target']}" for r in op.before if r not in (op.after or [])]
        parts = came + went
        return "relations: " + ("; ".join(parts) if parts else "put in another order")
    if isinstance(op, AttributeChanged):
        if isinstance(op.before, list) and isinstance(op.after, list):
            added = sum(1 for x in op.after if x not in op.before)
            removed = sum(1 for x in op.before if x not in op.after)
            if added or removed:
                return f"{op.field.replace('_', ' ')}: {added} added, {removed} removed"
            return f"{op.field.replace('_', ' ')}: put in another order"
        if isinstance(op.before, dict) and isinstance(op.after, dict):  # a statement with parts: the parts changed
            delta = _fields_delta(op.before, op.after)
            return f"{op.field.replace('_', ' ')}: {'; '.join(delta)}" if delta else None
        return _arrow(op.field.replace("_", " "), op.before, op.after)
    if isinstance(op, QuotaTransferred):
        return f"{pool_name(op.category, op.category_label)} quota transferred from {op.source_name}: {op.amount}"
    if isinstance(op, PostsTransferred):
        return f"leadership posts transferred from {op.source_name}: {op.amount}"
    if isinstance(op, Merge):
        return "merged from: " + "、".join(op.source_names) + _score(op.score)
    if isinstance(op, Absorb):
        return f"absorbed {op.source_name}{_score(op.score)}"
    if isinstance(op, DutiesHandedOver):
        way = "taken back from" if op.back else "handed over to"
        return f"duties {way} {op.counterpart} (outside the spec): " + "、".join(op.duties)
    if isinstance(op, Interim):
        kept = f"plaque {op.plaque}" if op.plaque else "the body"
        return f"interim period: {kept} kept from {op.start or '?'} until {op.end}"
    if isinstance(op, Split):
        outside = [f"{n} (outside the spec)" for n in op.external]
        return "split into: " + "、".join([*op.into_names, *outside]) + _score(op.score)
    return None


def _score(score: float | None) -> str:
    """Return how much of the evidence a derived operation rests on: the share of duties that moved."""
    return "" if score is None else f" (score {score:.2f})"


def _contents(unit: Unit) -> list[str]:
    """Return detail lines for what an established or abolished unit holds."""
    out = [f"plaque: {p.name}" for p in unit.plaques]
    out += [f"duty: {_duty(d)}" for d in unit.duties[:5]]
    if len(unit.duties) > 5:
        out.append(f"… and {len(unit.duties) - 5} more duties")
    out += [f"{pool_name(q.category, q.category_label)} quota: {q.count}" for q in unit.quotas]
    return out


def _headline(op: Operation) -> str:
    if isinstance(op, Reconstitute):
        if op.before == op.after:
            return f"{op.after} (re-established){_basis(op)}"
        return f"{op.after} on the basis of {op.before}, which is no longer kept{_basis(op)}"
    if isinstance(op, Rename):
        how = f" ({op.established_by})" if op.established_by in ("declared", "given") else ""
        basis = (
            " [" + ", ".join(b.number for b in op.basis if b.number) + "]" if any(b.number for b in op.basis) else ""
        )
        return f"{op.before} → {op.after}{how}{basis}"
    if isinstance(op, Move):
        if op.parent_before != op.parent_after:
            return (
                f"{op.name}: from {op.parent_before_name or '(top level)'} to {op.parent_after_name or '(top level)'}"
            )
        return f"{op.name}: superior {op.superior_before or NONE} → {op.superior_after or NONE}"
    if isinstance(op, Demote):
        return f"{op.name} → a plaque of {op.into_name}"
    return op.name


def by_unit(ops: Sequence[Operation]) -> list[UnitChanges]:
    """Group operations by the unit they touch, in the order the units first appear."""
    groups: dict[str, UnitChanges] = {}
    for op in ops:
        if op.op in ORDER_ONLY:
            continue  # order only: in the JSON form and the summary line, not a unit's line
        key = str(op.unit) if (op.unit.old or op.unit.new) else "(spec)"
        g = groups.get(key)
        if g is None:
            g = groups[key] = UnitChanges(key, op.name, "changed", op.name)
        if isinstance(op, Establish | Abolish | Demote):
            g.details.extend(_contents(op.after if isinstance(op, Establish) else op.before))
        if op.op in _HEADLINE and (g.verb == "changed" or _HEADLINE.index(op.op) < _HEADLINE.index(g.verb)):
            if g.verb != "changed":
                g.details.insert(0, f"{_VERBS.get(g.verb, g.verb)}: {g.headline}")
            g.verb, g.headline = op.op, _headline(op)
        elif op.op in _HEADLINE:
            g.details.append(f"{_VERBS[op.op]}: {_headline(op)}")
        else:
            line = _detail(op)
            if line:
                g.details.append(line)
    rank = {
        "establish": 0,
        "reconstitute": 0,
        "rename": 1,
        "move": 2,
        "changed": 3,
        "demote-to-plaque": 4,
        "abolish": 5,
    }
    return sorted(groups.values(), key=lambda g: rank.get(g.verb, 3))


def _ordered(counts: dict[str, int]) -> list[tuple[str, int]]:
    order = list(_VERBS)
    return sorted(counts.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))


def summary_line(diff: Diff) -> str:
    """Return the closing summary: counts of unit changes; duties; quota and post totals."""
    if diff.empty:
        return "no changes"
    parts = [f"{n} {_verb(op, n)}" for op, n in _ordered(diff.summary.counts) if op in _VERBS]
    duties = [f"{n} {_duties(n)} {_DUTY_VERBS[op]}" for op, n in diff.summary.duties.items()]
    quota = [f"{cat} quota {delta}" for cat, delta in diff.summary.quota.items()]
    posts = [f"leadership posts {diff.summary.posts}"] if diff.summary.posts else []
    line = "; ".join(", ".join(p) for p in (parts, duties, quota, posts) if p)
    return line or order_only(diff)


def order_only(diff: Diff) -> str:
    """Return the summary of a diff whose only operations put lists in another order ("" if it has others)."""
    lists = sum(1 for op in diff.operations if op.op in ORDER_ONLY)
    if not lists or lists < len(diff.operations):
        return ""
    return f"order only: {lists} {'list' if lists == 1 else 'lists'} in another order"


#: Operations that only change the order of a list (in the JSON form; no reader's line of their own).
ORDER_ONLY = ("reorder", "duties-reordered")


def _verb_word(verb: str) -> str:
    return {
        "establish": "established",
        "abolish": "abolished",
        "demote-to-plaque": "demoted",
        "reconstitute": "reconstituted",
        "rename": "renamed",
        "move": "moved",
    }.get(verb, "changed")


def render_text(diff: Diff, *, color: bool = False) -> str:
    """Return the terminal form of a diff."""
    out: list[str] = []

    def paint(text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if color else text

    for g in by_unit(named_ops(diff.operations, diff.refs)):  # a unit referred to by id, by its name
        word = _verb_word(g.verb)
        out.append(f"{paint(word, _COLOURS.get(g.verb, '33'))} {printable(g.headline)}")
        out.extend(f"    {printable(line)}" for line in g.details)
    for p in diff.proposals:
        out.append(
            f"{paint('possible rename', '35')} {printable(p.old_name)} → {printable(p.new_name)}"
            f" (score {p.score:.2f}; not applied)"
        )
    for n in diff.notes:
        out.append(f"{paint('note', '2')} [{n.code}] {printable(n.message)}")
    out.append(printable(summary_line(diff)))  # a pool may be named in the document's words
    return "\n".join(out) + "\n"
