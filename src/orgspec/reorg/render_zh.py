"""A summary of a diff in the documents' own phrasing (机构改革方案 style).

The order is the one such documents use: bodies established (组建, with the
units whose duties they take: 将…的职责整合，组建…), duties transferred
(将…职责划入…), units no longer kept (不再保留…; a name kept as a plaque:
…加挂…牌子), renames (…更名为…), plaques (加挂 / 不再加挂), changes of
superior, kind and rank, duties added and cancelled, then quotas
(…行政编制由N名调整为M名) and leadership posts (…领导职数由N名调整为M名, 将…的领导职数N名划入…);
a hosted office reads …设在…. Names are given as written.

Imports: :mod:`orgspec.reorg.ops`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections import defaultdict

from orgspec.model.values import Count, QuotaCategory
from orgspec.model.vocab import KIND_LABELS
from orgspec.reorg.ops import (
    Abolish,
    Absorb,
    AttributeChanged,
    Demote,
    Diff,
    DutyAdded,
    DutyCancelled,
    DutyTransferred,
    Establish,
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
    Rename,
)
from orgspec.reorg.summary import posts_total
from orgspec.report.text import printable

__all__ = ["render_zh"]

_CATEGORY = {
    QuotaCategory.ADMINISTRATIVE: "行政编制",
    QuotaCategory.PUBLIC_INSTITUTION: "事业编制",
    QuotaCategory.LOGISTICS: "工勤编制",
    QuotaCategory.DISPATCHED: "派驻编制",
    QuotaCategory.DISCIPLINE: "纪检监察编制",
    QuotaCategory.OTHER: "其他编制",
}


def _n(c: Count) -> str:
    if c.known:
        return f"{c.value}名"
    return {"separately": "另行核定", "unstated": "未明确"}.get(c.status.value, f"“{c.text}”")


def _kind(kind: object, label: str | None) -> str:
    if label:
        return label
    for k, labels in KIND_LABELS.items():
        if k == kind:
            return labels[0]
    return "未明确"


def render_zh(diff: Diff) -> str:
    """Return the diff as numbered sentences in the documents' phrasing."""
    ops = diff.operations
    lines: list[str] = []
    merged_into: dict[str, list[str]] = {}
    for op in ops:
        if isinstance(op, Merge):
            merged_into[str(op.unit)] = list(op.source_names)
    transfers: dict[tuple[str, str], int] = defaultdict(int)
    for op in ops:
        if isinstance(op, DutyTransferred):
            transfers[(op.source_name, op.name)] += 1

    def each(kind: type) -> list[Operation]:
        return [op for op in ops if isinstance(op, kind)]

    for op in each(Establish):
        sources = merged_into.get(str(op.unit))
        if sources:
            lines.append(f"将{'、'.join(sources)}的职责整合，组建{op.name}。")
        else:
            lines.append(f"组建{op.name}。")
    for (source, target), n in transfers.items():
        lines.append(f"将{source}的{n}项职责划入{target}。")
    for op in each(Absorb):
        assert isinstance(op, Absorb)
        lines.append(f"将{op.source_name}并入{op.name}。")
    for op in each(Demote):
        assert isinstance(op, Demote)
        lines.append(f"不再保留{op.name}，{op.into_name}加挂{op.plaque.name}牌子。")
    for op in each(Abolish):
        lines.append(f"不再保留{op.name}。")
    for op in each(Rename):
        assert isinstance(op, Rename)
        lines.append(f"{op.before}更名为{op.after}。")
    demoted = {(op.into_name, op.plaque.name) for op in ops if isinstance(op, Demote)}
    for op in each(PlaqueAdded):
        assert isinstance(op, PlaqueAdded)
        if (op.name, op.plaque.name) not in demoted:
            lines.append(f"{op.name}加挂{op.plaque.name}牌子。")
    for op in each(PlaqueRemoved):
        assert isinstance(op, PlaqueRemoved)
        lines.append(f"{op.name}不再加挂{op.plaque.name}牌子。")
    for op in each(Move):
        assert isinstance(op, Move)
        if op.parent_before != op.parent_after:
            lines.append(
                f"将{op.name}由{op.parent_before_name or '独立设置'}调整至{op.parent_after_name or '独立设置'}。"
            )
        else:
            lines.append(f"{op.name}由{op.superior_before or '未明确'}调整为{op.superior_after or '未明确'}管理。")
    for op in each(AttributeChanged):
        assert isinstance(op, AttributeChanged)
        if op.field != "relations" or not isinstance(op.before, list) or not isinstance(op.after, list):
            continue
        for r in op.after:
            if r not in op.before and r.get("kind") == "hosts":
                lines.append(f"{r['target']['target']}设在{op.name}。")
        for r in op.before:
            if r not in op.after and r.get("kind") == "hosts":
                lines.append(f"{r['target']['target']}不再设在{op.name}。")
    for op in each(KindChanged):
        assert isinstance(op, KindChanged)
        lines.append(f"{op.name}机构类别由{_kind(op.before, op.before_label)}调整为{_kind(op.after, op.after_label)}。")
    for op in each(RankChanged):
        assert isinstance(op, RankChanged)
        lines.append(f"{op.name}机构规格由{op.before or '未明确'}调整为{op.after or '未明确'}。")
    for op in each(DutyAdded):
        assert isinstance(op, DutyAdded)
        lines.append(f"{op.name}增加职责：{op.after.text}")
    for op in each(DutyCancelled):
        assert isinstance(op, DutyCancelled)
        lines.append(f"取消{op.name}的职责：{op.before.text}")
    for op in each(QuotaChanged):
        assert isinstance(op, QuotaChanged)
        cat = _CATEGORY[op.category]
        before = op.before.count if op.before else None
        after = op.after.count if op.after else None
        if before is None and after is not None:
            lines.append(f"{op.name}核定{cat}{_n(after)}。")
        elif after is None and before is not None:
            lines.append(f"{op.name}不再单独核定{cat}(原{_n(before)})。")
        elif before is not None and after is not None and before != after:
            lines.append(f"{op.name}{cat}由{_n(before)}调整为{_n(after)}。")
    for op in each(QuotaTransferred):
        assert isinstance(op, QuotaTransferred)
        lines.append(f"将{op.source_name}的{_CATEGORY[op.category]}{op.amount}名划入{op.name}。")
    for op in each(PostsChanged):
        assert isinstance(op, PostsChanged)
        before, after = posts_total(op.before), posts_total(op.after)
        if before.known and after.known and before != after:
            lines.append(f"{op.name}领导职数由{_n(before)}调整为{_n(after)}。")
        else:
            lines.append(f"{op.name}领导职数调整。")
    for op in each(PostsTransferred):
        assert isinstance(op, PostsTransferred)
        lines.append(f"将{op.source_name}的领导职数{op.amount}名划入{op.name}。")
    if not lines:
        return "无变化。\n"
    return "\n".join(f"{i}. {printable(line)}" for i, line in enumerate(lines, 1)) + "\n"
