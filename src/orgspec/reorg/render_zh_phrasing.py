"""The phrasing of the zh summary: its words in the names' script, duties, plaques, relations and staffing.

Used by :mod:`orgspec.reorg.render_zh`, which decides the sentences and their order; this module
says how each is worded (将…的“…”职责划入…, 等N项, 加挂 / 对外保留 / 保留, 依据…, 设在 / 合署办公 / 代管,
编制 and 领导职数).

Imports: :mod:`orgspec.reorg.ops`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from typing import Any

from orgspec.model.script import detect_script, fold_script, to_traditional
from orgspec.model.units import Duty, Plaque
from orgspec.model.values import Basis, Count, PartialDate, QuotaCategory, Ref
from orgspec.model.vocab import KIND_LABELS
from orgspec.reorg.ops import (
    AttributeChanged,
    Interim,
    Operation,
    PostsChanged,
    PostsTransferred,
    QuotaChanged,
    QuotaTransferred,
)
from orgspec.reorg.summary import posts_total

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
    "office-of": "，作为{target}的办事机构",
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
    # a quotation inside the duty nests as ‘…’: 增加“‘一带一路’建设”职责
    text = d.text.strip().rstrip("。；;，,.").replace("“", "‘").replace("”", "’")
    return "“" + text + "”"


def _duties(duties: list[Duty]) -> str:
    named = "、".join(_duty(d) for d in duties[:_NAMED_DUTIES])
    return named if len(duties) <= _NAMED_DUTIES else f"{named}等{len(duties)}项"


def _plaque_form(p: Plaque) -> str:
    """Return how the text puts a plaque: 对外保留 or 保留 where the spec's ``form`` says so, else 加挂."""
    form = fold_script(p.form or "")
    if "对外保留" in form:
        return "对外保留"
    return "保留" if "保留" in form else "加挂"


def _date(d: PartialDate) -> str:
    """Return a date as the texts write it: 2019年6月30日, 2019年6月, 2019年."""
    return f"{d.year}年" + (f"{d.month}月" if d.month else "") + (f"{d.day}日" if d.month and d.day else "")


def _interim(ops: list[Operation], name: str, plaque: str | None) -> tuple[str, dict[str, str], tuple[Basis, ...]]:
    """Return the clause of an interim period (，设置过渡期，至…止) for a body or plaque, its slot and basis."""
    for op in ops:
        if isinstance(op, Interim) and op.name == name and op.plaque == plaque:
            return "，设置过渡期，至{until}止", {"until": _date(op.end)}, op.basis
    return "", {}, ()


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

    def __init__(self, ops: tuple[Operation, ...], places: dict[int, Any] | None = None) -> None:
        traditional = detect_script(_names(ops)) == "traditional"
        self._convert: Callable[[str], str] = to_traditional if traditional else (lambda s: s)
        self._cache: dict[str, str] = {}
        self.lines: list[str] = []
        self._places = places or {}
        self._place: Any = None
        self.places: list[Any] = []  # each line's place in the document (None: not known)
        self._listed: dict[tuple[str, tuple[Basis, ...], Any], tuple[int, list[str]]] = {}

    def about(self, *ops: Operation) -> None:
        """Say that the next sentences state ``ops``: they take the earliest place any of them has."""
        found = [self._places[id(op)] for op in ops if self._places.get(id(op)) is not None]
        self._place = min(found) if found else None

    def in_document_order(self) -> list[str]:
        """Return the lines in document order when every line has a place, else as said (grouped)."""
        if not self._places or any(p is None for p in self.places):
            return self.lines
        order = sorted(range(len(self.lines)), key=lambda i: self.places[i])
        return [self.lines[i] for i in order]

    def say(self, template: str, basis: tuple[Basis, ...] = (), **names: str) -> None:
        """Add a sentence: ``template``'s words in the names' script, ``names`` as written, then the basis."""
        self.lines.append(self._line(template, basis, **names))
        self.places.append(self._place)

    def _line(self, template: str, basis: tuple[Basis, ...], **names: str) -> str:
        words = self._cache.get(template)
        if words is None:
            words = self._cache[template] = self._convert(template)
        cite = _basis(basis)
        if cite:
            cite = self._convert("（依据") + cite[len("（依据") :]
        return words.format(**names) + cite + self._convert("。")

    def say_listed(self, template: str, basis: tuple[Basis, ...], name: str) -> None:
        """Add a sentence about one body (``{name}``), or name it in the sentence of the same words, basis and place.

        不再保留A。不再保留B。 of one item of a plan, on one basis, is 不再保留A、B, as the texts list them.
        """
        key = (template, basis, self._place)
        listed = self._listed.get(key)
        if listed is None:
            self._listed[key] = (len(self.lines), [name])
            self.say(template, basis, name=name)
            return
        index, names = listed
        names.append(name)
        self.lines[index] = self._line(template, basis, name="、".join(names))

    def word(self, text: str) -> str:
        """Return one of the summary's own words in the names' script."""
        return self._convert(text)

    def duties(self, duties: list[Duty]) -> str:
        """Return duties named as the texts name them (“…”、“…”等N项), 项 in the names' script."""
        named = _duties(duties)
        return named if len(duties) <= _NAMED_DUTIES else named[:-1] + self._convert("项")


def _ordered(ops: tuple[Operation, ...]) -> dict[type, list[Operation]]:
    out: dict[type, list[Operation]] = {}
    for op in ops:
        out.setdefault(type(op), []).append(op)
    return out


def _relation_key(r: dict[str, Any]) -> tuple[str, str]:
    """Return what a relation is, its details apart: its kind and its target's folded name."""
    return r["kind"], fold_script(r["target"]["target"])


def _relations(w: _Writer, changes: list[Operation]) -> None:
    said = {
        "hosts": ("{target}设在{name}", "{target}不再设在{name}"),
        "colocated": ("{name}与{target}合署办公", "{name}不再与{target}合署办公"),
        "managed-by": ("{name}由{target}管理", "{name}不再由{target}管理"),
        "manages": ("{name}代管{target}", "{name}不再代管{target}"),
        "office-of": ("{name}承担{target}的日常工作", "{name}不再承担{target}的日常工作"),
        "working-office": ("{target}承担{name}的日常工作", "{target}不再承担{name}的日常工作"),
        "hosted-in": ("{name}设在{target}", "{name}不再设在{target}"),
        "dual-led-by": ("{name}实行{target}双重领导", "{name}不再实行{target}双重领导"),
        "plaque-on": ("在{target}加挂{name}牌子", "{name}牌子不再挂在{target}"),
        "performs-for": ("{name}具体承担{target}的工作", "{name}不再具体承担{target}的工作"),
        "performed-by": ("{target}具体承担{name}的工作", "{target}不再具体承担{name}的工作"),
        "office-of-post": ("{name}作为{target}的办事机构", "{name}不再作为{target}的办事机构"),
        "supervises": ("{name}监督{target}", "{name}不再监督{target}"),
        "supervised-by": ("{target}监督{name}", "{target}不再监督{name}"),
    }
    moved = {
        "hosts": "{target}由设在{before}改设在{name}",
        "manages": "{before}代管的{target}改由{name}代管",
    }
    added: list[tuple[AttributeChanged, dict[str, Any]]] = []
    removed: list[tuple[AttributeChanged, dict[str, Any]]] = []
    for op in changes:
        assert isinstance(op, AttributeChanged)
        if op.field != "relations" or not isinstance(op.before, list) or not isinstance(op.after, list):
            continue
        came = [r for r in op.after if r not in op.before and r.get("kind") in said]
        went = [r for r in op.before if r not in op.after and r.get("kind") in said]
        # a relation stated again with other details (since, item, a note) stands: neither set up nor ended
        stays = {_relation_key(r) for r in came} & {_relation_key(r) for r in went}
        added.extend((op, r) for r in came if _relation_key(r) not in stays)
        removed.extend((op, r) for r in went if _relation_key(r) not in stays)
    gone = {(r["kind"], fold_script(r["target"]["target"])): (op, r) for op, r in removed}
    for op, r in added:
        w.about(op)
        target = r["target"]["target"]
        previous = gone.pop((r["kind"], fold_script(target)), None) if r["kind"] in moved else None
        if previous is not None and previous[0].name != op.name:
            w.say(moved[r["kind"]], op.basis or previous[0].basis, name=op.name, before=previous[0].name, target=target)
        else:
            if previous is not None:
                gone[(r["kind"], fold_script(target))] = previous
            w.say(said[r["kind"]][0], op.basis, name=op.name, target=target)
    for op, r in removed:
        w.about(op)
        if (r["kind"], fold_script(r["target"]["target"])) in gone:
            w.say(said[r["kind"]][1], op.basis, name=op.name, target=r["target"]["target"])


def _category(category: QuotaCategory, label: str | None = None, slot: str = "cat") -> tuple[str, dict[str, str]]:
    """Return how a sentence names a pool, and the slot it fills.

    A known category is in the summary's words (行政编制); a pool of no known category in the
    document's own words (专职干部, 人员编制), as written.
    """
    if category is QuotaCategory.OTHER and label:
        return "{" + slot + "}", {slot: label}
    return _CATEGORY[category], {}


def _quota_category(op: QuotaChanged, slot: str = "cat") -> tuple[str, dict[str, str]]:
    """Return how a sentence names the pool of a quota change (see :func:`_category`)."""
    q = op.after or op.before
    return _category(op.category, q.category_label if q is not None else None, slot)


def _staffing(w: _Writer, each: Callable[[type], list[Operation]], said: AbstractSet[int] = frozenset()) -> None:
    for op in each(QuotaChanged):
        w.about(op)
        assert isinstance(op, QuotaChanged)
        if id(op) in said:
            continue
        cat, words = _quota_category(op)
        before = op.before.count if op.before else None
        after = op.after.count if op.after else None
        if before is None and after is not None:
            w.say("{name}核定" + cat + "{after}", op.basis, name=op.name, after=_n(after), **words)
        elif after is None and before is not None:
            w.say("{name}不再单独核定" + cat + "(原{before})", op.basis, name=op.name, before=_n(before), **words)
        elif before is not None and after is not None and before != after:
            w.say(
                "{name}" + cat + "由{before}调整为{after}",
                op.basis,
                name=op.name,
                before=_n(before),
                after=_n(after),
                **words,
            )
    for op in each(QuotaTransferred):
        w.about(op)
        assert isinstance(op, QuotaTransferred)
        cat, words = _category(op.category, op.category_label)
        w.say(
            "将{source}的" + cat + "{amount}名划入{name}",
            op.basis,
            source=op.source_name,
            amount=str(op.amount),
            name=op.name,
            **words,
        )
    for op in each(PostsChanged):
        w.about(op)
        assert isinstance(op, PostsChanged)
        before, after = posts_total(op.before), posts_total(op.after)
        if before.known and after.known and before != after:
            w.say("{name}领导职数由{before}调整为{after}", op.basis, name=op.name, before=_n(before), after=_n(after))
        else:
            w.say("{name}领导职数调整", op.basis, name=op.name)
    for op in each(PostsTransferred):
        w.about(op)
        assert isinstance(op, PostsTransferred)
        w.say(
            "将{source}的领导职数{amount}名划入{name}",
            op.basis,
            source=op.source_name,
            amount=str(op.amount),
            name=op.name,
        )
