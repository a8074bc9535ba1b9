"""A summary of a diff in the documents' own phrasing (机构改革方案 / 三定 style).

The order is the one reform plans use: bodies established or reconstituted (组建; 将…的职责整合，
组建…; 在…基础上组建…，不再保留…; 重新组建…), each with what its sentence says of it when the
event states it (（正处级建制）, ，作为国务院组成部门: the event's ``as`` and ``rank``), its plaques
(加挂 / 对外保留…牌子) and the body that manages it (由…管理); duties transferred, each named
(将…的“…”职责划入…); bodies absorbed (将…并入…，对外保留…牌子) and no longer kept (不再保留…, in
document order); renames (…更名为…); plaques added, removed or moved (将…牌子由…调整至…); moves, hosted
offices (…设在…), co-location (…与…合署办公) and management (…由…管理); kind and rank; duties added and cancelled;
then quotas (…行政编制由N名调整为M名, 将…的行政编制N名划入…) and leadership posts.

Where an operation carries its event's ``verb`` (the document's word: 设立, 成立, 撤销, 不再设立, 改制,
统一领导, 转隶, …) the sentence says it instead of the summary's own word. The bodies no longer kept at
one place (date and item), on one basis and with one word, are one sentence (不再保留A、B、C).

Each sentence cites the documents its operations carry (依据…). Names are given as written; the
sentences' own words follow the script the names are written in (國務院辦公廳 gets 組建, 職責).
A change of script alone (:class:`~orgspec.reorg.ops.Respell`) is no change of the establishment
and gets no sentence.

Imports: :mod:`orgspec.reorg.ops`, :mod:`orgspec.model`, :mod:`orgspec.report.text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from orgspec.model.script import fold_script
from orgspec.model.units import Duty, Plaque
from orgspec.model.values import Basis
from orgspec.reorg.ops import (
    Abolish,
    Absorb,
    AttributeChanged,
    Demote,
    Diff,
    DutyReworded,
    DutyTransferred,
    Establish,
    Interim,
    Merge,
    Move,
    Operation,
    Pair,
    PlaqueRemoved,
    Reconstitute,
    Split,
)
from orgspec.reorg.refs import named_ops
from orgspec.reorg.render_text import ORDER_ONLY
from orgspec.reorg.render_zh_changes import RECORDS, Said, other_changes, unit_changes
from orgspec.reorg.render_zh_phrasing import (
    _WITH_ESTABLISHMENT,
    _interim,
    _ordered,
    _plaque_form,
    _ref,
    _staffing,
    _Writer,
)
from orgspec.report.text import printable

if TYPE_CHECKING:
    from orgspec.reorg.order import Place

__all__ = ["render_zh"]

#: The words that may say an establishment and an abolition (an event's verb; 改制 is a reconstitution's).
_ESTABLISH_WORDS = ("组建", "新组建", "设立", "新设立", "成立")
_ABOLISH_WORDS = ("不再保留", "不再设立", "撤销", "不再保留单设的")


def render_zh(diff: Diff, order: Sequence[Place | None] | None = None) -> str:
    """Return the diff as numbered sentences in the documents' phrasing.

    With ``order`` (each operation's place in the new spec's history: :func:`orgspec.reorg.order.document_order`),
    the sentences go in document order (a plan item by item, a history date by date) when every
    sentence has a place; else they are grouped by operation, in the order reform plans use.
    """
    ops = tuple(named_ops(diff.operations, diff.refs))  # a unit referred to by id, by its name (由甲局管理)
    places = {id(op): p for op, p in zip(ops, order, strict=True)} if order is not None else None
    w = _Writer(ops, places)
    by = _ordered(ops)

    def each(kind: type) -> list[Operation]:
        return by.get(kind, [])

    merged_into = _whole_sources(ops, each(Merge) + each(Absorb))
    said = Said()
    said_absorbs: set[tuple[str, str]] = set()
    demotes = [op for op in each(Demote) if isinstance(op, Demote)]
    absorbed = {(op.source_name, op.name) for op in each(Absorb) if isinstance(op, Absorb)}
    plaques_said = said.plaques  # (unit name, folded plaque) already in a sentence
    # a body's superior set where there was none: said with its establishment or reconstitution
    managed_by = {
        str(op.unit): op
        for op in each(Move)
        if isinstance(op, Move) and op.parent_before == op.parent_after and op.superior_after is not None
    }
    said_moves, said_plaque_removals = said.moves, said.plaque_removals
    plaque_of = {fold_script(op.plaque.name): op for op in each(PlaqueRemoved) if isinstance(op, PlaqueRemoved)}

    def with_plaques(text: str, args: dict[str, str], name: str, plaques: tuple[Plaque, ...]) -> str:
        for p in plaques:
            plaques_said.add((name, fold_script(p.name)))
            slot = f"p{len(args)}"
            args[slot] = p.name
            text += f"，{_plaque_form(p)}{{{slot}}}牌子"
        return text

    for op in ops:
        w.about(op)
        if isinstance(op, Establish):
            sources = merged_into.get(str(op.unit))
            args = {"name": op.name}
            if sources:
                args["sources"] = "、".join(sources)
            verb = _verb(op.verb, "组建", _ESTABLISH_WORDS)
            text = ("将{sources}的职责整合，" if sources else "") + verb + "{name}" + _stated(op, args)
            was_plaque = plaque_of.get(fold_script(op.name))
            if was_plaque is not None:  # a plaque becomes a body: 单独组建Y，X不再加挂Y牌子
                said_plaque_removals.add(id(was_plaque))
                args["holder"] = was_plaque.name
                text = ("单独" if not sources else "") + text + "，{holder}不再加挂{name}牌子"
            text = with_plaques(text, args, op.name, op.after.plaques)
            if op.after.superior is not None:
                args["superior"] = _ref(op.after.superior)
                text += "，由{superior}管理"
            for r in op.after.relations:  # 同…合署办公, 由…管理, 设在…: said with the establishment
                if r.kind.value in _WITH_ESTABLISHMENT:
                    slot = f"r{len(args)}"
                    args[slot] = r.target.target
                    text += _WITH_ESTABLISHMENT[r.kind.value].format(target="{" + slot + "}")
            w.say(text, op.basis, **args)
        elif isinstance(op, Reconstitute):
            args = {"before": op.before, "after": op.after}
            if op.before != op.after and _verb(op.verb, "", ("改制",)):  # 人事部改制为人力资源和社会保障部
                w.say("{before}{verb}为{after}", op.basis, verb=op.verb or "改制", **args)  # as written: s2tw says 改製
                continue
            verb = _verb(op.verb, "组建", _ESTABLISH_WORDS)
            text = "重新组建{after}" if op.before == op.after else "在{before}基础上" + verb + "{after}"
            text += _stated(op, args)
            whole = merged_into.get(str(op.unit)) if op.before == op.after else None
            if whole:  # 将X、Y的职责整合，重新组建X，对外保留Y牌子
                args["sources"] = "、".join([op.after, *whole])
                text = "将{sources}的职责整合，" + text
                said_absorbs.update((source, op.after) for source in whole)
                gone_here = tuple(d.plaque for d in demotes if d.name in whole and d.into_name == op.after)
                text = with_plaques(text, args, op.after, gone_here)
            managed = managed_by.get(str(op.unit))
            if managed is not None:  # 重新组建…，由…管理: one sentence, as the plans put it
                said_moves.add(id(managed))
                args["superior"] = _ref(managed.superior_after)
                text += "，由{superior}" + _verb(managed.verb, "管理")
            if op.before != op.after:
                text += "，不再保留{before}"
            w.say(text, op.basis, **args)
    split_away = _splits(w, each(Split))
    transfers: dict[tuple[str, str], list[Duty]] = {}
    transfer_ops: dict[str, list[Operation]] = {}
    transfer_basis: dict[tuple[str, str], tuple[Basis, ...]] = {}
    for op in each(DutyTransferred):
        assert isinstance(op, DutyTransferred)
        if op.source_name in merged_into.get(str(op.unit), ()):
            continue  # 将…的职责整合，组建… already says it
        transfers.setdefault((op.source_name, op.name), []).append(op.after)
        transfer_ops.setdefault(op.source_name, []).append(op)
        transfer_basis.setdefault((op.source_name, op.name), op.basis)
    by_source: dict[str, list[str]] = {}
    for source, target in transfers:
        by_source.setdefault(source, []).append(target)
    for source, targets in by_source.items():
        w.about(*transfer_ops[source])
        basis = transfer_basis[(source, targets[0])]
        if len(targets) == 1:
            duties = transfers[(source, targets[0])]
            moved = _verb(getattr(transfer_ops[source][0], "verb", None), "划入", ("划入", "划转", "交由"))
            w.say(
                "将{source}的{duties}职责" + moved + "{target}" + ("承担" if moved == "交由" else ""),
                basis,
                source=source,
                duties=w.duties(duties),
                target=targets[0],
            )
            continue
        args = {"source": source}
        if all(len(transfers[(source, t)]) == 1 for t in targets):  # 将A的X、Y职责分别划入B、C
            for i, t in enumerate(targets):
                args[f"d{i}"], args[f"t{i}"] = w.duties(transfers[(source, t)]), t
            duties_slots = "、".join(f"{{d{i}}}" for i in range(len(targets)))
            target_slots = "、".join(f"{{t{i}}}" for i in range(len(targets)))
            w.say("将{source}的" + duties_slots + "职责分别划入" + target_slots, basis, **args)
            continue
        clauses = []
        for i, t in enumerate(targets):  # 将A的X职责划入B，Y、Z职责划入C
            args[f"d{i}"], args[f"t{i}"] = w.duties(transfers[(source, t)]), t
            clauses.append(f"{{d{i}}}职责划入{{t{i}}}")
        w.say("将{source}的" + "，".join(clauses), basis, **args)
    for op in each(Absorb):
        w.about(op)
        assert isinstance(op, Absorb)
        if (op.source_name, op.name) in said_absorbs:
            continue
        args = {"source": op.source_name, "target": op.name}
        text = "将{source}并入{target}"
        for d in demotes:
            if d.name == op.source_name and d.into_name == op.name:
                text = with_plaques(text, args, op.name, (d.plaque,))
        w.say(text, op.basis, **args)
    # bodies no longer kept, in document order (the list has children first, in reverse); the bodies of one
    # place, basis and word in one sentence, as the texts list them (不再保留A、B、C)
    for op in reversed([op for op in ops if isinstance(op, (Abolish, Demote))]):
        w.about(op)
        gone = _verb(op.verb, "不再保留", _ABOLISH_WORDS)
        if isinstance(op, Abolish):
            if op.name in split_away:
                continue  # 将…分设为… says it is gone
            if not any(source == op.name for source, _ in absorbed):  # 将…并入… says it is gone
                tail, until, basis = _interim(each(Interim), op.name, None)
                if tail:
                    w.say(gone + "{name}" + tail, op.basis or basis, name=op.name, **until)
                else:
                    w.say_listed(gone + "{name}", op.basis, op.name)
            continue
        assert isinstance(op, Demote)
        if (op.name, op.into_name) in absorbed:
            continue
        if (op.into_name, fold_script(op.plaque.name)) in plaques_said:
            w.say_listed(gone + "{name}", op.basis, op.name)
            continue
        plaques_said.add((op.into_name, fold_script(op.plaque.name)))
        form = _plaque_form(op.plaque)
        # 并入…，保留…牌子 where the body lives on in one that stays; else 不再保留…，…加挂…牌子
        lead = "将{name}并入{into}，" if form != "加挂" else gone + "{name}，{into}"
        w.say(lead + form + "{plaque}牌子", op.basis, name=op.name, into=op.into_name, plaque=op.plaque.name)
    unit_changes(w, each, said)
    _staffing(w, each, said.quotas)
    other_changes(w, each, said.quotas)
    if not w.lines:
        # a diff of order only (排列顺序), or of records only (沿革、备注), has operations, but none a
        # plan states as a change: say what changed besides, never that nothing did
        return w._convert(_unchanged(diff)) + "\n"
    return "\n".join(f"{i}. {printable(line)}" for i, line in enumerate(w.in_document_order(), 1)) + "\n"


def _unchanged(diff: Diff) -> str:
    """Return the sentence for a diff none of whose operations a plan states as a change."""
    if not diff.operations:
        return "无变化。"
    besides: list[str] = []
    for op in diff.operations:
        if op.op in ORDER_ONLY:
            word = "排列顺序"
        elif isinstance(op, AttributeChanged) and op.field in RECORDS:
            word = "沿革、依据、备注等记载"
        elif isinstance(op, DutyReworded) and op.before.number != op.after.number:
            word = "职责序号"  # the same duty renumbered (a rewording is said)
        elif op.op == "respell" or isinstance(op, DutyReworded):
            continue  # a name, a rank, a plaque or a duty in the other script only: no change
        else:
            word = "其他表述"  # a change no sentence says: never claimed away
        if word not in besides:
            besides.append(word)
    if not besides:
        return "无变化。"
    return "除" + "、".join(besides) + "外无变化。"


def _stated(op: Establish | Reconstitute, args: dict[str, str]) -> str:
    """Return what the sentence says of the body it sets up: （正处级建制） and ，作为国务院组成部门, as worded."""
    text = ""
    if op.stated_rank:
        args["stated_rank"] = op.stated_rank
        text += "（{stated_rank}）"
    if op.stated_as:
        args["stated_as"] = op.stated_as
        text += "，作为{stated_as}"
    return text


def _verb(verb: str | None, default: str, words: tuple[str, ...] = ()) -> str:
    """Return an operation's word (its event's verb, simplified) if one of ``words`` (any if none), else ``default``."""
    folded = fold_script(verb) if verb else ""
    return folded if folded and (not words or folded in words) else default


def _splits(w: _Writer, splits: list[Operation]) -> set[str]:
    """Say each split with a successor outside the spec (将X分设为Y和Z); return the names of the bodies split."""
    out: set[str] = set()
    for op in splits:
        assert isinstance(op, Split)
        if not op.external:  # an inferred split: its duty transfers and 不再保留 say it
            continue
        w.about(op)
        out.add(op.name)
        names = [*op.into_names, *op.external]
        args = {f"s{i}": n for i, n in enumerate(names)}
        slots = [f"{{s{i}}}" for i in range(len(names))]
        into = "、".join(slots[:-1]) + "和" + slots[-1] if len(slots) > 1 else slots[0]
        w.say("将{name}分设为" + into, op.basis, name=op.name, **args)
    return out


def _whole_sources(ops: tuple[Operation, ...], merges: list[Operation]) -> dict[str, list[str]]:
    """Return, per merge or absorb target, the gone bodies whose duties all went into it (将…的职责整合).

    A gone body that kept duties the diff finds nowhere, or gave some to another body, gave only
    some of its duties: its transfers are named one by one (将…的“…”职责划入…) instead.
    """
    gone = {str(op.unit): op for op in ops if isinstance(op, (Abolish, Demote))}
    out: dict[str, list[str]] = {}
    targets: dict[str, set[str]] = {}
    for op in ops:
        if isinstance(op, DutyTransferred):
            targets.setdefault(str(op.source), set()).add(str(op.unit))
    for m in merges:
        sources: list[tuple[Pair, str]] = []
        if isinstance(m, Merge):
            sources = list(zip(m.sources, m.source_names, strict=True))
        elif isinstance(m, Absorb):
            sources = [(m.source, m.source_name)]
        whole = out.setdefault(str(m.unit), [])
        for pair, name in sources:
            g = gone.get(str(pair))
            if g is not None and not g.before.duties and targets.get(str(pair)) == {str(m.unit)}:
                whole.append(name)
        if isinstance(m, Merge):  # bodies that stay but gave all their duties: 以及X的职责整合
            whole.extend(m.kept)
    return out
