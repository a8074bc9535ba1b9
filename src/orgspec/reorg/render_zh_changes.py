"""The zh summary's sentences about units that stay: renames, plaques, moves, kind, rank and duties.

Duties given to a body outside the spec say the statement's verb (将…职责交由X承担), and duties no
spec lists that go to an executor outside it are said without a holder (“…”职责交由X承担).

Called by :func:`orgspec.reorg.render_zh.render_zh` after the sentences about bodies that appear
and go; ``said`` holds what those sentences already say (a plaque said with an establishment, a
superior said with a reconstitution, a plaque that became a body).

Imports: :mod:`orgspec.reorg.ops`, :mod:`orgspec.reorg.render_zh_phrasing`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from orgspec.model.pools import pool_key
from orgspec.model.script import fold_script
from orgspec.model.units import Duty
from orgspec.reorg.ops import (
    AttributeChanged,
    DutiesHandedOver,
    DutyAdded,
    DutyCancelled,
    DutyReworded,
    Interim,
    KindChanged,
    Move,
    Operation,
    PlaqueAdded,
    PlaqueRemoved,
    QuotaChanged,
    RankChanged,
    Rename,
)
from orgspec.reorg.render_zh_phrasing import (
    _duty,
    _interim,
    _kind,
    _n,
    _plaque_form,
    _quota_category,
    _ref,
    _relations,
    _Writer,
)

__all__ = ["RECORDS", "Said", "other_changes", "unit_changes"]

#: A unit's statements that no sentence above says, by the words a 三定 uses for them.
_FIELD_WORDS = {
    "funding": "经费形式",
    "section_rank": "内设机构规格",
    "number": "序号",
    "number_to": "序号",
    "stands_for": "同类机构",
    "stated": "核定数量",
    "members": "组成人员",
    "rank_as": "参照规格",
    "rank_as_text": "参照规格",
    "optional": "设置条件",
    "choices": "选设数量",
    "covers": "管辖范围",
    "actual": "实有人员",
    "shared_duties": "共同职责",
}
#: A one-value statement said with both values: 经费形式由全额拨款调整为差额拨款.
_SCALAR = ("funding", "section_rank")
#: Statements about the document more than the body (沿革、依据、备注 …): no sentence of their own.
RECORDS = frozenset(
    {
        *("history", "basis", "notes", "cut_off", "excerpt", "ambiguous", "id", "short_names", "relations"),
        *("per_regulations", "outside_count", "section_duties_unstated"),  # how the document counts and lists
        "group_header",  # how the document numbers its sections
        "function_changes",  # a 三定's own account of the duties it moves: the moves are said
        *("as_of", "as_of_text"),  # the date the document gives its state for
    }
)
#: A quota's statements besides its figure.
_QUOTA_WORDS = {
    "label": "表述",
    "category_label": "名称",
    "parts": "构成",
    "complete": "构成",
    "funding": "经费形式",
    "phasing_out": "只出不进规定",
    "as_of": "核定时间",
    "source": "来源",
    "also": "其他来源的表述",
    "across": "同类合计",
}


@dataclass
class Said:
    """What the sentences about bodies that appear and go already say."""

    plaques: set[tuple[str, str]] = field(default_factory=set)  # (unit name, folded plaque)
    moves: set[int] = field(default_factory=set)
    plaque_removals: set[int] = field(default_factory=set)
    quotas: set[int] = field(default_factory=set)


def _short_names(op: Rename, changes: list[Operation]) -> tuple[str, dict[str, str], AttributeChanged | None]:
    """Return how a rename's sentence says the unit's short names (简称不变, 简称由…调整为…), and the change said."""
    for c in changes:
        if isinstance(c, AttributeChanged) and c.field == "short_names" and c.unit == op.unit:
            before = "、".join(x["name"] for x in c.before or ())
            after = "、".join(x["name"] for x in c.after or ())
            if before and after:
                return "，简称由{sb}调整为{sa}", {"sb": before, "sa": after}, c
            if after:
                return "，简称{sa}", {"sa": after}, c
            return "，不再使用简称{sb}", {"sb": before}, c
    return ("，简称不变", {}, None) if op.short_names else ("", {}, None)


def unit_changes(w: _Writer, each: Callable[[type], list[Operation]], said: Said) -> None:
    """Say the changes of units that stay, in the plans' order."""
    plaques_said, said_moves, said_plaque_removals, said_quotas = (
        said.plaques,
        said.moves,
        said.plaque_removals,
        said.quotas,
    )
    short_said: set[int] = set()
    for op in each(Rename):
        w.about(op)
        assert isinstance(op, Rename)
        tail, short, change = _short_names(op, each(AttributeChanged))
        if change is not None:
            short_said.add(id(change))
        w.say("{before}更名为{after}" + tail, op.basis, before=op.before, after=op.after, **short)
    removed = {fold_script(op.plaque.name): op for op in each(PlaqueRemoved) if isinstance(op, PlaqueRemoved)}
    moved_plaques: set[str] = set()
    for op in each(PlaqueAdded):
        w.about(op)
        assert isinstance(op, PlaqueAdded)
        key = fold_script(op.plaque.name)
        if (op.name, key) in plaques_said:
            continue
        gone = removed.get(key)
        if gone is not None and gone.name != op.name:
            moved_plaques.add(key)
            # 将X牌子由A调整至B, or as the text puts it: X由A转隶至B
            moved_words = (
                "{plaque}由{source}转隶至{target}"
                if _word(op.verb) == "转隶"
                else "将{plaque}牌子由{source}调整至{target}"
            )
            w.say(
                moved_words,
                op.basis,
                plaque=op.plaque.name,
                source=gone.name,
                target=op.name,
            )
        else:
            w.say("{name}" + _plaque_form(op.plaque) + "{plaque}牌子", op.basis, name=op.name, plaque=op.plaque.name)
    for key, gone in removed.items():
        w.about(gone)
        if key not in moved_plaques and id(gone) not in said_plaque_removals:
            assert isinstance(gone, PlaqueRemoved)
            form = _plaque_form(gone.plaque)  # 不再保留 a plaque kept for outside use, 不再加挂 one added
            tail, until, basis = _interim(each(Interim), gone.name, gone.plaque.name)
            verb = "不再保留" if "保留" in form or tail else "不再加挂"  # a plaque kept for a period: 暂保留
            template = "{name}" + verb + "{plaque}牌子" + tail
            w.say(template, gone.basis or basis, name=gone.name, plaque=gone.plaque.name, **until)
    for op in each(Move):
        w.about(op)
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
            managed = "{name}由{superior}" + _managed(op.verb)
            verb = managed if op.superior_after is not None else "{name}不再由{superior}管理"
            w.say(verb, op.basis, name=op.name, superior=_ref(managing))
        else:
            w.say(
                "{name}由{before}调整为{after}" + _managed(op.verb),
                op.basis,
                name=op.name,
                before=_ref(op.superior_before),
                after=_ref(op.superior_after),
            )
    _relations(w, each(AttributeChanged))
    for op in each(KindChanged):
        w.about(op)
        assert isinstance(op, KindChanged)
        before, after = _kind(op.before, op.before_label), _kind(op.after, op.after_label)
        recast = _recast_quota(op, each(QuotaChanged))
        if recast is not None and not (op.before is None and op.before_label is None):
            # 编制性质调整: the kind and the quota's category change together, as one sentence
            went, arrived = recast
            said_quotas.update((id(went), id(arrived)))
            assert went.before is not None
            was, was_words = _quota_category(went, "was")
            now, now_words = _quota_category(arrived, "now")
            w.say(
                "{name}由{before}调整为{after}，" + was + "{n}调整为" + now,
                op.basis,
                name=op.name,
                before=before,
                after=after,
                n=_n(went.before.count),
                **was_words,
                **now_words,
            )
            continue
        if op.before is None and op.before_label is None:  # stated where nothing was: no change from 未明确
            w.say("{name}机构类别为{after}", op.basis, name=op.name, after=after)
        else:
            w.say("{name}机构类别由{before}调整为{after}", op.basis, name=op.name, before=before, after=after)
    for op in each(RankChanged):
        w.about(op)
        assert isinstance(op, RankChanged)
        if op.before is None and op.after is not None:
            w.say("{name}机构规格为{after}", op.basis, name=op.name, after=op.after)
        else:
            w.say(
                "{name}机构规格由{before}调整为{after}",
                op.basis,
                name=op.name,
                before=op.before or w.word("未明确"),
                after=op.after or w.word("未明确"),
            )
    added: dict[str, list[DutyAdded]] = {}  # one sentence per unit: …增加“…”、“…”职责
    for op in each(DutyAdded):
        assert isinstance(op, DutyAdded)
        if op.counterpart is None:
            added.setdefault(str(op.unit), []).append(op)
            continue
        w.about(op)  # 划入 from a body outside the spec
        w.say("将{other}的{duty}职责划入{name}", op.basis, other=op.counterpart, duty=_duty(op.after), name=op.name)
    for group in added.values():
        w.about(*group)
        duties = [op.after for op in group]
        w.say("{name}增加{duties}职责", group[0].basis, name=group[0].name, duties=w.duties(duties))
    for op in each(DutyCancelled):
        w.about(op)
        assert isinstance(op, DutyCancelled)
        if op.counterpart is not None:  # 划出 to a body outside the spec: 将…职责划入… (交由…承担), not 取消
            duty = _duty(op.before)
            moved = (
                "交由{other}承担"
                if _word(op.verb) == "交由"
                else "划转{other}"
                if _word(op.verb) == "划转"
                else "划入{other}"
            )
            w.say("将{name}的{duty}职责" + moved, op.basis, name=op.name, duty=duty, other=op.counterpart)
        else:
            w.say("取消{name}的{duty}职责", op.basis, name=op.name, duty=_duty(op.before))
    for op in each(DutiesHandedOver):  # duties no spec lists, given to an executor outside it: 交由…承担
        assert isinstance(op, DutiesHandedOver)
        w.about(op)
        named = w.duties([Duty(text=t) for t in op.duties])
        if op.back:  # the inverse: they come back from the executor
            w.say("将{other}的{duties}职责划入{name}", op.basis, other=op.counterpart, duties=named, name=op.name)
            continue
        template = "{duties}职责交由{other}承担" if _word(op.verb) == "交由" else "{duties}职责划入{other}"
        w.say(template, op.basis, duties=named, other=op.counterpart)
    for op in each(AttributeChanged):  # a short name changed without a rename: its own sentence
        assert isinstance(op, AttributeChanged)
        if op.field == "short_names" and id(op) not in short_said:
            w.about(op)
            after = "、".join(x["name"] for x in op.after or ())
            before = "、".join(x["name"] for x in op.before or ())
            if after:
                w.say(
                    "{name}简称" + ("由{sb}" if before else "") + "调整为{sa}",
                    op.basis,
                    name=op.name,
                    sb=before,
                    sa=after,
                )
            else:
                w.say("{name}不再使用简称{sb}", op.basis, name=op.name, sb=before)


def _recast_quota(op: KindChanged, quota_ops: list[Operation]) -> tuple[QuotaChanged, QuotaChanged] | None:
    """Return the quota that went and the one that came in another category with the same figure, if any."""
    gone = [q for q in quota_ops if isinstance(q, QuotaChanged) and q.unit == op.unit and q.after is None]
    came = [q for q in quota_ops if isinstance(q, QuotaChanged) and q.unit == op.unit and q.before is None]
    for g in gone:
        for c in came:
            assert g.before is not None
            assert c.after is not None
            other_pool = pool_key(g.category, g.before.category_label) != pool_key(c.category, c.after.category_label)
            if other_pool and g.before.count == c.after.count and g.before.count.known:
                return g, c
    return None


def _word(verb: str | None) -> str:
    """Return an operation's verb in simplified script (the summary converts its words), or ''."""
    return fold_script(verb) if verb else ""


def _managed(verb: str | None) -> str:
    """Return how a superior is said: 管理, or the document's word (统一领导, 统一领导和管理)."""
    return _word(verb) or "管理"


def other_changes(w: _Writer, each: Callable[[type], list[Operation]], said_quotas: set[int]) -> None:
    """Say the changes no sentence above says, so that the summary never leaves a change out.

    A one-value statement says both values (甲局经费形式由全额拨款调整为差额拨款); others are named
    (甲局的组成人员、实有人员有调整), as is a quota whose figure stays (甲局行政编制5名的经费形式有调整).
    Records about the document (沿革、依据、备注) get no sentence: the changes they record are said.
    """
    named: dict[str, tuple[list[AttributeChanged], list[str]]] = {}  # by unit: two units may share a name
    for op in each(AttributeChanged):
        assert isinstance(op, AttributeChanged)
        words = _FIELD_WORDS.get(op.field)
        if words is None or op.field in RECORDS:
            continue
        w.about(op)
        if op.field in _SCALAR and (op.before is None or isinstance(op.before, str)):
            before, after = op.before or w.word("未明确"), op.after or w.word("未明确")
            w.say("{name}" + words + "由{before}调整为{after}", op.basis, name=op.name, before=before, after=after)
            continue
        ops, labels = named.setdefault(str(op.unit), ([], []))
        ops.append(op)
        if words not in labels:
            labels.append(words)
    for ops, labels in named.values():
        w.about(*ops)
        w.say("{name}的{labels}有调整", ops[0].basis, name=ops[0].name, labels="、".join(w.word(x) for x in labels))
    for op in each(DutyReworded):  # the same duty in other words: 将…职责调整为…
        assert isinstance(op, DutyReworded)
        if fold_script(op.before.text) != fold_script(op.after.text):
            w.about(op)
            w.say(
                "{name}的{before}职责调整为{after}",
                op.basis,
                name=op.name,
                before=_duty(op.before),
                after=_duty(op.after),
            )
    for op in each(QuotaChanged):
        assert isinstance(op, QuotaChanged)
        if id(op) in said_quotas or op.before is None or op.after is None or op.before.count != op.after.count:
            continue
        a, b = op.before.model_dump(), op.after.model_dump()
        labels = list(dict.fromkeys(_QUOTA_WORDS[k] for k in _QUOTA_WORDS if a.get(k) != b.get(k)))
        if labels:
            w.about(op)
            cat, pool = _quota_category(op)
            w.say(
                "{name}" + cat + "{n}的{labels}有调整",
                op.basis,
                name=op.name,
                n=_n(op.after.count),
                labels="、".join(w.word(x) for x in labels),
                **pool,
            )
