"""A summary of a diff in the documents' own phrasing (机构改革方案 / 三定 style).

The order is the one reform plans use: bodies established or reconstituted (组建; 将…的职责整合，
组建…; 在…基础上组建…，不再保留…; 重新组建…), each with its plaques (加挂 / 对外保留…牌子) and the
body that manages it (由…管理); duties transferred, each named (将…的“…”职责划入…); bodies
absorbed (将…并入…，对外保留…牌子) and no longer kept (不再保留…, in document order); renames
(…更名为…); plaques added, removed or moved (将…牌子由…调整至…); moves, hosted offices (…设在…),
co-location (…与…合署办公) and management (…由…管理); kind and rank; duties added and cancelled;
then quotas (…行政编制由N名调整为M名, 将…的行政编制N名划入…) and leadership posts.

Each sentence cites the documents its operations carry (依据…). Names are given as written; the
sentences' own words follow the script the names are written in (國務院辦公廳 gets 組建, 職責).
A change of script alone (:class:`~orgspec.reorg.ops.Respell`) is no change of the establishment
and gets no sentence.

Imports: :mod:`orgspec.reorg.ops`, :mod:`orgspec.model`, :mod:`orgspec.report.text`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from orgspec.model.script import detect_script, fold_script, to_traditional
from orgspec.model.units import Duty, Plaque
from orgspec.model.values import Basis, Count, QuotaCategory, Ref
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
    Reconstitute,
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
#: A new body's relations, said in its establishment's sentence.
_WITH_ESTABLISHMENT = {
    "colocated": "，与{target}合署办公",
    "managed-by": "，由{target}管理",
    "hosted-in": "，设在{target}",
}
#: More duties than this in one transfer are named up to this many, then counted (等N项).
_NAMED_DUTIES = 3


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


def _duty(d: Duty) -> str:
    return "“" + d.text.strip().rstrip("。；;，,.") + "”"


def _duties(duties: list[Duty]) -> str:
    named = "、".join(_duty(d) for d in duties[:_NAMED_DUTIES])
    return named if len(duties) <= _NAMED_DUTIES else f"{named}等{len(duties)}项"


def _plaque_form(p: Plaque) -> str:
    """Return how the text puts a plaque: 对外保留 where the spec says so, else 加挂."""
    form = fold_script(p.form or "")
    return "对外保留" if "对外保留" in form else "加挂"


def _ref(r: Ref | None) -> str:
    return r.target if r is not None else "未明确"


def _basis(basis: tuple[Basis, ...]) -> str:
    cited = []
    for b in basis:
        if b.number:  # the document number names it exactly and briefly, as the texts cite it
            cited.append(b.number)
        elif b.title:
            cited.append(f"《{b.title.strip('《》')}》")
    return f"（依据{'、'.join(cited)}）" if cited else ""


def _names(ops: tuple[Operation, ...]) -> Iterator[str]:
    for op in ops:
        yield op.name
        for attr in ("source_name", "into_name", "before", "after"):
            value = getattr(op, attr, None)
            if isinstance(value, str):
                yield value


class _Writer:
    """Sentences in the script of the names: the template words converted, the names as written."""

    def __init__(self, ops: tuple[Operation, ...]) -> None:
        traditional = detect_script(_names(ops)) == "traditional"
        self._convert: Callable[[str], str] = to_traditional if traditional else (lambda s: s)
        self._cache: dict[str, str] = {}
        self.lines: list[str] = []

    def say(self, template: str, basis: tuple[Basis, ...] = (), **names: str) -> None:
        """Add a sentence: ``template``'s words in the names' script, ``names`` as written, then the basis."""
        words = self._cache.get(template)
        if words is None:
            words = self._cache[template] = self._convert(template)
        cite = _basis(basis)
        if cite:
            cite = self._convert("（依据") + cite[len("（依据") :]
        self.lines.append(words.format(**names) + cite + self._convert("。"))


def _ordered(ops: tuple[Operation, ...]) -> dict[type, list[Operation]]:
    out: dict[type, list[Operation]] = {}
    for op in ops:
        out.setdefault(type(op), []).append(op)
    return out


def render_zh(diff: Diff) -> str:
    """Return the diff as numbered sentences in the documents' phrasing."""
    ops = diff.operations
    w = _Writer(ops)
    by = _ordered(ops)

    def each(kind: type) -> list[Operation]:
        return by.get(kind, [])

    merged_into = {str(op.unit): list(op.source_names) for op in each(Merge) if isinstance(op, Merge)}
    demotes = [op for op in each(Demote) if isinstance(op, Demote)]
    absorbed = {(op.source_name, op.name) for op in each(Absorb) if isinstance(op, Absorb)}
    plaques_said: set[tuple[str, str]] = set()  # (unit name, folded plaque) already in a sentence
    # a body's superior set where there was none: said with its establishment or reconstitution
    managed_by = {
        str(op.unit): op
        for op in each(Move)
        if isinstance(op, Move) and op.parent_before == op.parent_after and op.superior_after is not None
    }
    said_moves: set[int] = set()

    def with_plaques(text: str, args: dict[str, str], name: str, plaques: tuple[Plaque, ...]) -> str:
        for p in plaques:
            plaques_said.add((name, fold_script(p.name)))
            slot = f"p{len(args)}"
            args[slot] = p.name
            text += f"，{_plaque_form(p)}{{{slot}}}牌子"
        return text

    for op in ops:
        if isinstance(op, Establish):
            sources = merged_into.get(str(op.unit))
            args = {"name": op.name}
            if sources:
                args["sources"] = "、".join(sources)
            text = "将{sources}的职责整合，组建{name}" if sources else "组建{name}"
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
            text = "重新组建{after}" if op.before == op.after else "在{before}基础上组建{after}，不再保留{before}"
            managed = managed_by.get(str(op.unit))
            if managed is not None:  # 重新组建…，由…管理: one sentence, as the plans put it
                said_moves.add(id(managed))
                args["superior"] = _ref(managed.superior_after)
                text += "，由{superior}管理"
            w.say(text, op.basis, **args)
    transfers: dict[tuple[str, str], list[Duty]] = {}
    transfer_basis: dict[tuple[str, str], tuple[Basis, ...]] = {}
    for op in each(DutyTransferred):
        assert isinstance(op, DutyTransferred)
        if op.source_name in merged_into.get(str(op.unit), ()):
            continue  # 将…的职责整合，组建… already says it
        transfers.setdefault((op.source_name, op.name), []).append(op.after)
        transfer_basis.setdefault((op.source_name, op.name), op.basis)
    for (source, target), duties in transfers.items():
        w.say(
            "将{source}的{duties}职责划入{target}",
            transfer_basis[(source, target)],
            source=source,
            duties=_duties(duties),
            target=target,
        )
    for op in each(Absorb):
        assert isinstance(op, Absorb)
        args = {"source": op.source_name, "target": op.name}
        text = "将{source}并入{target}"
        for d in demotes:
            if d.name == op.source_name and d.into_name == op.name:
                text = with_plaques(text, args, op.name, (d.plaque,))
        w.say(text, op.basis, **args)
    # bodies no longer kept, in document order (the list has children first, in reverse)
    for op in reversed([op for op in ops if isinstance(op, (Abolish, Demote))]):
        if isinstance(op, Abolish):
            w.say("不再保留{name}", op.basis, name=op.name)
            continue
        assert isinstance(op, Demote)
        if (op.name, op.into_name) in absorbed:
            continue
        if (op.into_name, fold_script(op.plaque.name)) in plaques_said:
            w.say("不再保留{name}", op.basis, name=op.name)
        else:
            plaques_said.add((op.into_name, fold_script(op.plaque.name)))
            w.say(
                "不再保留{name}，{into}" + _plaque_form(op.plaque) + "{plaque}牌子",
                op.basis,
                name=op.name,
                into=op.into_name,
                plaque=op.plaque.name,
            )
    for op in each(Rename):
        assert isinstance(op, Rename)
        w.say("{before}更名为{after}", op.basis, before=op.before, after=op.after)
    removed = {fold_script(op.plaque.name): op for op in each(PlaqueRemoved) if isinstance(op, PlaqueRemoved)}
    moved_plaques: set[str] = set()
    for op in each(PlaqueAdded):
        assert isinstance(op, PlaqueAdded)
        key = fold_script(op.plaque.name)
        if (op.name, key) in plaques_said:
            continue
        gone = removed.get(key)
        if gone is not None and gone.name != op.name:
            moved_plaques.add(key)
            w.say(
                "将{plaque}牌子由{source}调整至{target}",
                op.basis,
                plaque=op.plaque.name,
                source=gone.name,
                target=op.name,
            )
        else:
            w.say("{name}" + _plaque_form(op.plaque) + "{plaque}牌子", op.basis, name=op.name, plaque=op.plaque.name)
    for key, gone in removed.items():
        if key not in moved_plaques:
            assert isinstance(gone, PlaqueRemoved)
            w.say("{name}不再加挂{plaque}牌子", gone.basis, name=gone.name, plaque=gone.plaque.name)
    for op in each(Move):
        assert isinstance(op, Move)
        if id(op) in said_moves:
            continue
        if op.parent_before != op.parent_after:
            w.say(
                "将{name}由{before}调整至{after}",
                op.basis,
                name=op.name,
                before=op.parent_before_name or "独立设置",
                after=op.parent_after_name or "独立设置",
            )
        elif op.superior_before is None or op.superior_after is None:
            managing = op.superior_after or op.superior_before
            verb = "{name}由{superior}管理" if op.superior_after is not None else "{name}不再由{superior}管理"
            w.say(verb, op.basis, name=op.name, superior=_ref(managing))
        else:
            w.say(
                "{name}由{before}调整为{after}管理",
                op.basis,
                name=op.name,
                before=_ref(op.superior_before),
                after=_ref(op.superior_after),
            )
    _relations(w, each(AttributeChanged))
    for op in each(KindChanged):
        assert isinstance(op, KindChanged)
        before, after = _kind(op.before, op.before_label), _kind(op.after, op.after_label)
        w.say("{name}机构类别由{before}调整为{after}", op.basis, name=op.name, before=before, after=after)
    for op in each(RankChanged):
        assert isinstance(op, RankChanged)
        w.say(
            "{name}机构规格由{before}调整为{after}",
            op.basis,
            name=op.name,
            before=op.before or "未明确",
            after=op.after or "未明确",
        )
    for op in each(DutyAdded):
        assert isinstance(op, DutyAdded)
        w.say("{name}增加{duty}职责", op.basis, name=op.name, duty=_duty(op.after))
    for op in each(DutyCancelled):
        assert isinstance(op, DutyCancelled)
        w.say("取消{name}的{duty}职责", op.basis, name=op.name, duty=_duty(op.before))
    _staffing(w, each)
    if not w.lines:
        return w._convert("无变化。") + "\n"
    return "\n".join(f"{i}. {printable(line)}" for i, line in enumerate(w.lines, 1)) + "\n"


def _relations(w: _Writer, changes: list[Operation]) -> None:
    said = {
        "hosts": ("{target}设在{name}", "{target}不再设在{name}"),
        "colocated": ("{name}与{target}合署办公", "{name}不再与{target}合署办公"),
        "managed-by": ("{name}由{target}管理", "{name}不再由{target}管理"),
        "manages": ("{name}代管{target}", "{name}不再代管{target}"),
    }
    moved = {
        "hosts": "{target}由设在{before}调整为设在{name}",
        "manages": "{before}代管的{target}改由{name}代管",
    }
    added: list[tuple[AttributeChanged, dict[str, Any]]] = []
    removed: list[tuple[AttributeChanged, dict[str, Any]]] = []
    for op in changes:
        assert isinstance(op, AttributeChanged)
        if op.field != "relations" or not isinstance(op.before, list) or not isinstance(op.after, list):
            continue
        added.extend((op, r) for r in op.after if r not in op.before and r.get("kind") in said)
        removed.extend((op, r) for r in op.before if r not in op.after and r.get("kind") in said)
    gone = {(r["kind"], fold_script(r["target"]["target"])): (op, r) for op, r in removed}
    for op, r in added:
        target = r["target"]["target"]
        previous = gone.pop((r["kind"], fold_script(target)), None) if r["kind"] in moved else None
        if previous is not None and previous[0].name != op.name:
            w.say(moved[r["kind"]], op.basis or previous[0].basis, name=op.name, before=previous[0].name, target=target)
        else:
            if previous is not None:
                gone[(r["kind"], fold_script(target))] = previous
            w.say(said[r["kind"]][0], op.basis, name=op.name, target=target)
    for op, r in removed:
        if (r["kind"], fold_script(r["target"]["target"])) in gone:
            w.say(said[r["kind"]][1], op.basis, name=op.name, target=r["target"]["target"])


def _staffing(w: _Writer, each: Callable[[type], list[Operation]]) -> None:
    for op in each(QuotaChanged):
        assert isinstance(op, QuotaChanged)
        cat = _CATEGORY[op.category]
        before = op.before.count if op.before else None
        after = op.after.count if op.after else None
        if before is None and after is not None:
            w.say("{name}核定" + cat + "{after}", op.basis, name=op.name, after=_n(after))
        elif after is None and before is not None:
            w.say("{name}不再单独核定" + cat + "(原{before})", op.basis, name=op.name, before=_n(before))
        elif before is not None and after is not None and before != after:
            w.say(
                "{name}" + cat + "由{before}调整为{after}", op.basis, name=op.name, before=_n(before), after=_n(after)
            )
    for op in each(QuotaTransferred):
        assert isinstance(op, QuotaTransferred)
        cat = _CATEGORY[op.category]
        w.say(
            "将{source}的" + cat + "{amount}名划入{name}",
            op.basis,
            source=op.source_name,
            amount=str(op.amount),
            name=op.name,
        )
    for op in each(PostsChanged):
        assert isinstance(op, PostsChanged)
        before, after = posts_total(op.before), posts_total(op.after)
        if before.known and after.known and before != after:
            w.say("{name}领导职数由{before}调整为{after}", op.basis, name=op.name, before=_n(before), after=_n(after))
        else:
            w.say("{name}领导职数调整", op.basis, name=op.name)
    for op in each(PostsTransferred):
        assert isinstance(op, PostsTransferred)
        w.say(
            "将{source}的领导职数{amount}名划入{name}",
            op.basis,
            source=op.source_name,
            amount=str(op.amount),
            name=op.name,
        )
