"""Read the bodies a reform text names in its sentences, each with its fate: 组建, 撤销, 保留, 并入, 更名.

A reform plan or a news item about one names many bodies in running text, each after the verb that
decides it: "组建自然资源部,作为国务院组成部门。不再保留国土资源部、国家海洋局。" Each such name is a
body of the text (a :class:`~orgspec.draft.facts.ListedBody`), with:

- its fate as an undated event: established (组建, 新组建, 设立, 成立; "组建A、B" sets up each name of a
  run that ends its clause), reestablished (重新组建),
  abolished (不再保留, 不再设立, 撤销), kept (保留), merged into another (A并入B), renamed (A更名为B);
- the class the sentence gives it ("作为国务院组成部门", "调整为国务院直属机构", "为…的办事机构");
- the plaques the sentence keeps or adds to it ("保留X牌子", "加挂X、Y牌子", "在X加挂Y牌子").

A name is a run of characters that ends like a body's name (部, 委员会, 厅, 局, 办公室, 署, 院, 行, 总局,
中心, 领导小组 …) and is followed by a clause's end, so "组建自然资源部的职责" names nothing. The reader
runs only when the verbs name at least two bodies (a 三定's "组建本局" is its own history, not a list),
and never on a text that lists its own sections. A name that starts with another jurisdiction than
the text's own (a county plan's "省X厅", a province's "国务院X") is refused, with a note.

Imports: :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`, :mod:`orgspec.model`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from orgspec.draft.facts import Facts, ListedBody, Src
from orgspec.draft.normalize import Line, cn_int, fold
from orgspec.model.units import Event, EventKind, Plaque
from orgspec.model.values import Basis, Ref
from orgspec.model.vocab import verb_of

__all__ = ["extract_fates", "heading_fate", "jurisdiction_of", "plan_place"]

#: how a body's name ends (folded keys): longest first, so that 总局 and 办公厅 win over 局 and 厅
_ENDS = (
    r"(?:领导小组办公室|领导小组|委员会办公室|办公厅|办公室|委员会|总局|工作部|研究室|研究院|管理局|办事处"
    r"|中心|银行|部|厅|局|署|院|行|委|办|室)"
)
#: a name's characters: Chinese, but 的 ("由县长任组长的X领导小组" is a description, not a name)
_NAME = r"[\u4e00-\u7683\u7685-\u9fff]{2,24}?" + _ENDS
_STOP = r"(?=[,。;:、(]|$)"
#: a clause's start: the line's start, a stop, or an enumerator ("1、", "(七)", "二是")
_START = (
    r"(?:^|(?<=[。;,:])|(?<=\s)(?=\(?[一二三四五六七八九十\d]{1,3}[)、.]))\s*"
    r"(?:\(?[一二三四五六七八九十\d]{1,3}[)、.]\s*|[一二三四五六七八九十]{1,2}是,?)?(?:同时,|其中,|另外,|此外,)?"
)

#: a run of names the verb sets up ("组建A、B"): each a body, when the run ends its clause
_ESTABLISH = re.compile(
    _START
    + r"(?:在[^,。;]{2,40}?基础上,?)?(重新组建|新组建|组建|新设立|设立|成立)了?("
    + r"(?:"
    + _NAME
    + r"、)+"
    + _NAME
    + r"(?=[,。;(]|$)|"
    + _NAME
    + r")"
    + _STOP
)
_ABOLISH = re.compile(
    _START + r"(?:将)?(不再保留单设的|不再保留|不再设立|撤销)((?:" + _NAME + r"、)*" + _NAME + r")" + r"(?=[,。;]|$)"
)
_KEEP = re.compile(_START + r"(保留)((?:" + _NAME + r"、)*" + _NAME + r")(?=[,。;]|$)")
_MERGE = re.compile(_START + r"(?:将)?(" + _NAME + r")(?:整体)?(并入|合并到|合并至)(" + _NAME + r")" + r"(?=[,。;]|$)")
_RENAME = re.compile(_START + r"(?:将)?(" + _NAME + r")(?:更名为|改名为|改称)(" + _NAME + r")" + r"(?=[,。;]|$)")
#: the class a sentence gives the body: "作为国务院组成部门", "调整为国务院直属机构", "为省政府工作部门"
_CLASS = re.compile(
    r",?(?:并)?(?:作为|调整为|列为|为)([\u4e00-\u9fff]{0,12}?"
    r"(组成部门|直属特设机构|直属机构|办事机构|部门管理机构|工作部门|工作机关|直属事业单位|事业单位|议事协调机构|派出机构))"
    r"(?=[,。;]|$)"
)
#: "(X调整为)国务院直属机构" after the name: "中国证券监督管理委员会调整为国务院直属机构"
_ADJUSTED = re.compile(_START + r"(" + _NAME + r")(?:由[^,。;]{2,30}?)?" + _CLASS.pattern.removeprefix(r",?(?:并)?"))
_CLASS_NOTE = "the class the sentence gives it: "
#: "县文化广电和旅游局加挂县文物局牌子。": a sentence of its own, the body its subject
_HUNG = re.compile(_START + r"(?![在由将对])(" + _NAME + r")(加挂|增挂)(?![该其本此])([^,。;:]{2,60}?)牌子(?=[。;]|$)")
_PLAQUE = re.compile(r"(?<!不再)(对外保留|保留|加挂|增挂|挂)([^,。;:]{2,60}?)牌子")
#: the level a name opens with: the centre's words, a level alone ("省X厅", "县X局"; not 市场, 市容, 区域,
#: 县域, 市政 but 市政府), or a place of one to three characters with its level ("江西省", "上栗县", "沛县"; not 城市)
_CENTRAL = re.compile(r"^(?:国务院|国家|中共中央|党中央|中央|中华人民共和国)")
_LEVEL = re.compile(r"^([省市县区])(?!场|容|域|政(?!府))")
_NAMED = re.compile(r"^[\u4e00-\u9fff]{1,3}?(?<![城都超])([省市县州盟旗])")

_EVENT = {
    "组建": EventKind.ESTABLISHED,
    "新组建": EventKind.ESTABLISHED,
    "设立": EventKind.ESTABLISHED,
    "新设立": EventKind.ESTABLISHED,
    "成立": EventKind.ESTABLISHED,
    "重新组建": EventKind.REESTABLISHED,
    "不再保留": EventKind.ABOLISHED,
    "不再保留单设的": EventKind.ABOLISHED,
    "不再设立": EventKind.ABOLISHED,
    "撤销": EventKind.ABOLISHED,
    "保留": EventKind.KEPT,
}


def jurisdiction_of(name: str) -> str | None:
    """Return the level a body's name opens with: 'central', a local level ('省', '市', '县' …), or None."""
    key = fold(name)
    if _CENTRAL.match(key):
        return "central"
    m = _LEVEL.match(key) or _NAMED.match(key)
    return m.group(1) if m is not None else None


def _event(kind: EventKind, verb: str, line: int, **extra: object) -> Src[Event]:
    word = verb_of(kind.value, verb)
    fields = {"verb": word} if word is not None else {}
    return Src(Event(kind=kind, **fields, **extra), line, [f"'{verb}': the fate the text gives it"])


#: the fate a class heading gives the bodies under it: "一、保留的议事协调机构", "二、撤销的非常设机构"
_HEADING_FATE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、)?(保留|撤销|新设立|新设|新组建|新成立)的")


def heading_fate(heading: str, line: int) -> Src[Event] | None:
    """Return the fate a class heading gives each body it lists ("一、保留的议事协调机构" → kept), or None."""
    m = _HEADING_FATE.match(heading.strip())
    if m is None:
        return None
    verb = m.group(1)
    kind = {"保留": EventKind.KEPT, "撤销": EventKind.ABOLISHED}.get(verb, EventKind.ESTABLISHED)
    event = _event(kind, verb, line)
    event.notes[:] = [f"'{verb}的': the fate the heading above the list gives it"]
    return event


def _add(items: list[Src[Event]], event: Src[Event]) -> None:
    if not any(e.value.kind is event.value.kind for e in items):
        items.append(event)


class _Found:
    """The bodies the verbs name, before they are kept (two at least) or dropped."""

    def __init__(self) -> None:
        self.bodies: dict[str, ListedBody] = {}
        self.lines: set[int] = set()
        self.run_together: dict[str, int] = {}

    def get(self, name: str, line: int) -> ListedBody:
        if run_together(name):
            # "撤销中央人民政府情报总署中央人民政府新闻总署": two names a copy ran together, not one body
            self.run_together.setdefault(name, line)
            return ListedBody(Src(name, line))  # kept by no one: the line gives no fact
        self.lines.add(line)
        if name not in self.bodies:
            self.bodies[name] = ListedBody(Src(name, line))
        return self.bodies[name]


#: a body's name ending where a name can stop: the opening of the next name may follow
_ENDS_AT = re.compile(_ENDS + r"$")


def run_together(name: str) -> bool:
    """Whether ``name`` is two names or more a copy ran together: its opening recurs after a body's ending.

    "中央人民政府情报总署中央人民政府新闻总署" (a wiki's links with no separator left) is two bodies, which
    part of the opening belongs to which is not certain; "国务院国有资产监督管理委员会" is one.
    """
    key = fold(name)
    opening = key[:4]
    if len(key) < 10:
        return False
    at = key.find(opening, 5)
    while at > 0:
        if _ENDS_AT.search(key, 0, at) and len(key) - at >= 6:
            return True
        at = key.find(opening, at + 1)
    return False


def _sentence_end(key: str, at: int) -> int:
    end = key.find("。", at)
    return len(key) if end < 0 else end


#: a date in the sentence: a dated change is history (extract_head), not a plan's decision
_DATED = re.compile(r"\d{4}年|\d{1,2}月|[一二三四五六七八九十]{1,3}月|[〇一二三四五六七八九]{4}年")


def _undated(key: str, at: int) -> bool:
    start = max(key.rfind("。", 0, at), key.rfind(";", 0, at)) + 1
    return _DATED.search(key, start, _sentence_end(key, at)) is None


def _read_line(line: Line, found: _Found) -> None:
    key, text = line.key, line.text

    def name(m: re.Match[str], group: int) -> str:
        return text[m.start(group) : m.end(group)]

    for m in _ESTABLISH.finditer(key):
        if not _undated(key, m.start()):
            continue
        verb = m.group(1)
        end = _sentence_end(key, m.end())
        cls = _CLASS.match(key, m.end(), end)
        at = m.start(2)
        for piece in key[m.start(2) : m.end(2)].split("、"):
            body = found.get(text[at : at + len(piece)], line.no)
            at += len(piece) + 1
            _add(body.history, _event(_EVENT[verb], verb, line.no))
            if cls is not None and body.kind_label is None:
                note = _CLASS_NOTE + text[cls.start(1) : cls.end(1)]
                body.kind_label = Src(text[cls.start(2) : cls.end(2)], line.no, [note])
        if "、" in key[m.start(2) : m.end(2)]:
            continue  # "组建A、B,保留C牌子": whose plaque is not said
        for p in _PLAQUE.finditer(key, m.end(), end):
            if key[max(0, p.start() - 12) : p.start()].rfind("在") >= 0:
                continue  # "在X加挂Y牌子": another body's plaque
            for piece in re.split(r"[、,]", text[p.start(2) : p.end(2)]):
                if len(piece.strip('"“”')) >= 2:
                    plaque = Src(Plaque(name=piece.strip('"“”'), form=text[p.start(1) : p.end(1)]), line.no)
                    _once(body.plaques, plaque, lambda a, b: a.name == b.name)
    for pattern in (_ABOLISH, _KEEP):
        for m in pattern.finditer(key):
            if not _undated(key, m.start()):
                continue
            verb = m.group(1)
            at = m.start(2)
            for piece in key[m.start(2) : m.end(2)].split("、"):
                body = found.get(text[at : at + len(piece)], line.no)
                _add(body.history, _event(_EVENT[verb], verb, line.no))
                at += len(piece) + 1
    for m in _MERGE.finditer(key):
        if not _undated(key, m.start()):
            continue
        target = name(m, 3)
        body = found.get(name(m, 1), line.no)
        found.get(target, line.no)
        event = Src(Event(kind=EventKind.MERGED, target=Ref(target=target, by="name")), line.no)
        event.notes.append(f"'{m.group(2)}': the fate the text gives it")
        _add(body.history, event)
    for m in _RENAME.finditer(key):
        if not _undated(key, m.start()):
            continue
        body = found.get(name(m, 2), line.no)
        event = Src(Event(kind=EventKind.RENAMED, before=name(m, 1), after=name(m, 2)), line.no)
        _add(body.history, event)
    for m in _HUNG.finditer(key):
        if not _undated(key, m.start()):
            continue
        # "X加挂Y牌子。": a body the reform text names by the plaque it adds
        body = found.get(name(m, 1), line.no)
        for piece in re.split(r"[、,]", text[m.start(3) : m.end(3)]):
            if len(piece.strip('"“”')) >= 2:
                plaque = Src(Plaque(name=piece.strip('"“”'), form=m.group(2)), line.no)
                _once(body.plaques, plaque, lambda a, b: a.name == b.name)
    for m in _ADJUSTED.finditer(key):
        if not _undated(key, m.start()):
            continue
        body = found.get(name(m, 1), line.no)
        if body.kind_label is None:
            body.kind_label = Src(text[m.start(3) : m.end(3)], line.no, [_CLASS_NOTE + text[m.start(2) : m.end(2)]])


#: a fate verb and a colon that introduce the bodies it decides: "决定撤销:", "二、撤销以下3个机构:", "保留:"
_VERB_HEAD = re.compile(
    r"^(?:\(?[一二三四五六七八九十\d]{1,3}[)、.]\s*)?(?:决定|拟|同意)?"
    r"(重新组建|新组建|组建|新设立|设立|成立|不再保留|不再设立|撤销|保留)"
    r"(?:以下|下列|如下)?(?:(\d{1,3}|[一二三四五六七八九十两]{1,3})(?:个|家))?"
    r"(?:[\u4e00-\u9fff]{0,8}?(?:机构|部门|单位|机关))?[:]"
)
#: a body's name alone on its line under such a head, numbered or not: "1. 甲省水利厅", "(二)乙县林业局。"
_FATE_ITEM = re.compile(r"^(?:\(?[一二三四五六七八九十\d]{1,3}[)、.]\s*)?(" + _NAME + r")[。;]?$")


def _verb_lists(lines: list[Line], found: _Found) -> None:
    """Read the bodies a fate verb and a colon introduce: one a line below it, or a run of names after it.

    "决定撤销:" over "1. 甲部" and "2. 乙部" abolishes both; "撤销以下2个机构:甲局、乙局。" the same in one
    line. Every item must be a body's name opening with its level or place ("甲省…", "中华人民共和国…"; a
    name of no level, "综合办公室", may be the text's own unit, left to the section readers; a shorthand
    "省政府驻沈阳、南京…办事处" is no list) and a count the head states must be the number of names; a
    dated head is history, left to the history reader.
    """
    for i, line in enumerate(lines):
        head = _VERB_HEAD.match(line.key)
        if head is None or not _undated(line.key, 0):
            continue
        verb = head.group(1)
        rest = line.key[head.end() :].strip()
        names: list[tuple[str, int]] = []
        if rest:
            run = re.fullmatch(r"((?:" + _NAME + r"、)*" + _NAME + r")[。;]?", rest)
            if run is None:
                continue
            at = line.text.find(rest, head.end())
            for piece in run.group(1).split("、"):
                names.append((line.text[at : at + len(piece)], line.no))
                at += len(piece) + 1
        else:
            for row in lines[i + 1 :]:
                if not row.text:
                    continue
                item = _FATE_ITEM.match(row.key)
                if item is None:
                    break
                names.append((row.text[item.start(1) : item.end(1)], row.no))
        stated = cn_int(head.group(2)) if head.group(2) else None
        if len(names) < 2 or (stated is not None and stated != len(names)):
            continue
        if any(jurisdiction_of(name) is None for name, _ in names):
            continue  # "设立:" over "1. 综合办公室": names of no level may be the text's own units
        found.lines.add(line.no)
        for name, no in names:
            body = found.get(name, no)
            event = _event(_EVENT[verb], verb, line.no)
            event.notes[:] = [f"'{verb}': the fate the line above the list gives it"]
            _add(body.history, event)


def _once(items: list[Src[Plaque]], item: Src[Plaque], same: Callable[[Plaque, Plaque], bool]) -> None:
    if not any(same(x.value, item.value) for x in items):
        items.append(item)


def _own_level(facts: Facts, lines: list[Line]) -> str | None:
    """Return the level of the text's own jurisdiction: its name's, else the plan it cites ("《X县机构改革方案》")."""
    if facts.name is not None and (level := jurisdiction_of(facts.name.value)) is not None:
        return level
    for line in lines:
        m = re.search(r"《([\u4e00-\u9fff]{2,16}?)(?:机构改革|党政机构改革|机构改革实施)方案》", line.key)
        if m is not None:
            return jurisdiction_of(m.group(1)) or ("central" if m.group(1).startswith("党和国家") else None)
    return None


def extract_fates(lines: list[Line], facts: Facts, get: Callable[[str, int], ListedBody]) -> set[int]:
    """Read the bodies reform sentences name into the listed bodies (``get``); return the lines read."""
    if facts.sections:
        return set()
    found = _Found()
    for line in lines:
        if line.text:
            _read_line(line, found)
    _verb_lists(lines, found)
    for name, no in found.run_together.items():
        facts.note(no, "doubt", f"'{name}' reads as names run together (its opening recurs): not drafted")
    own = _own_level(facts, lines)
    main = facts.name.value if facts.name is not None else None
    kept: list[ListedBody] = []
    plaques = {p.value.name: p for b in found.bodies.values() for p in b.plaques}
    for name, body in found.bodies.items():
        if name in plaques:
            # "组建A,保留B牌子。不再保留单设的B。": B lives on as A's plaque, not as a body of its own
            note = f"'{name}' is no longer a body of its own (the text keeps it as this plaque)"
            plaques[name].notes.append(note)
            continue
        level = jurisdiction_of(name)
        if name == main:
            continue
        if own is not None and level is not None and level != own:
            facts.note(body.name.line, "doubt", f"'{name}' is a body of another jurisdiction ({level}): not drafted")
            continue
        kept.append(body)
    if len(kept) < 2:
        return set()
    head_kind = facts.kind_label
    labels = [b.kind_label for b in kept if b.kind_label is not None]
    if head_kind is not None and any(x.line == head_kind.line and head_kind.value.endswith(x.value) for x in labels):
        # "组建X,作为国务院组成部门": the class is X's, not the text's own body's (the head reader took it)
        facts.note(head_kind.line, "doubt", f"the class '{head_kind.value}' is a listed body's: not the text's body's")
        facts.kind_label = None
        if facts.superior is not None and facts.superior.line == head_kind.line:
            facts.superior = None
    for found_body in kept:
        body = get(found_body.name.value, found_body.name.line)
        body.name.notes.append("a body the reform text names, with its fate")
        body.kind_label = body.kind_label or found_body.kind_label
        for event in found_body.history:
            _add(body.history, event)
        for plaque in found_body.plaques:
            _once(body.plaques, plaque, lambda a, b: a.name == b.name)
    return found.lines


#: the plan a reform text rests on names the place whose bodies it sets: "《学士街道机构改革设置方案》"
_PLAN_PLACE = re.compile(
    r"《([\u4e00-\u9fff]{1,16}?(?:省|市|县|区|州|旗|盟|街道|镇|乡)(?:人民政府)?)(?:党政)?机构改革(?:实施|设置)?方案》"
)


_PLAN_TITLE = re.compile(_PLAN_PLACE.pattern[1:-1] + r"(?:\((?:摘要|全文|节选)\))?$")


def plan_place(lines: list[Line], facts: Facts) -> None:
    """Name the text's body, when nothing else did, by the place its reform plan's title names.

    "根据《上栗县机构改革实施方案》,改革后,…" : the text is about 上栗县's bodies. A plan of no place
    ("《党和国家机构改革方案》", "《国务院机构改革方案》") names none.
    """
    for line in lines:
        m = _PLAN_PLACE.search(line.key)
        if m is not None:
            note = "the place the reform plan's title names (the text is about its bodies)"
            facts.name = Src(line.text[m.start(1) : m.end(1)], line.no, [note])
            if not facts.basis:  # "《乙县机构改革方案》经市委、市政府批准": the plan the text rests on
                plan = Basis(title=line.text[m.start() + 1 : m.end() - 1])
                facts.basis.append(Src(plan, line.no, ["the reform plan the text names: its basis"]))
            return
    first = next((line for line in lines if line.text), None)
    m = _PLAN_TITLE.match(first.key) if first is not None else None
    if first is not None and m is not None:
        # the text's own title "戊县机构改革实施方案(摘要)": the place it is the plan of
        note = "the place the plan's own title names (the text is about its bodies)"
        facts.name = Src(first.text[m.start(1) : m.end(1)], first.no, [note])
