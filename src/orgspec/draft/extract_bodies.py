"""Read lists of bodies: a text about a government's departments rather than one body's plan.

News reports and overviews of a reform name many bodies at once, each with a fact or two. Four
layouts are read, each only when it names at least two bodies, so that a 三定's own sentence
about its body ("X加挂Y牌子") is never taken for a list:

- clauses that each give a body a plaque: "辦公廳掛省政府參事室牌子;經濟和信息化廳掛中小企業局
  牌子;…" → one body per clause, with its plaque and its form;
- clauses that each put bodies under another: "其中,大數據發展管理局由辦公廳管理;監獄管理局、綜合
  行政執法指導辦公室由司法廳管理" → the managed bodies (`managed-by`, kind 部门管理机构 when the
  text says so) and the managing ones;
- a class of bodies as a heading, then one body per line: "二、國務院組成部門:有26個…" then
  "外交部:…" / "國家安全部。" → bodies of that kind, with the plaques their line keeps
  ("對外保留國家航天局、國家原子能機構牌子"), and an enumerated heading that is a body's name
  ("一、國務院辦公廳:…");
- figures per body after a colon: "機關行政編制核定在100名以內:省交通運輸廳76名、省水利廳89名、…"
  → a quota for each body, of the category the sentence names (or the list before it names,
  noted).

A body read in two layouts is one body.

Imports: :mod:`orgspec.draft.extract_fates`, :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`,
:mod:`orgspec.model`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import TypeVar

from orgspec.draft.extract_fates import extract_fates, heading_fate
from orgspec.draft.facts import Facts, ListedBody, Src
from orgspec.draft.normalize import Line, cn_int, fold
from orgspec.model.units import Plaque, Quota, Relation, RelationKind
from orgspec.model.values import Count, QuotaCategory, Ref

__all__ = ["extract_bodies", "reconcile_with_sections"]

T = TypeVar("T")

#: how a body's name ends (keys are folded to simplified characters)
_ENDS = r"(?:办公厅|办公室|委员会|管理局|银行|局|厅|部|署|办)"
_BODY = r"[\u4e00-\u9fff]{1,24}?" + _ENDS
_IS_BODY = re.compile(r"^[\u4e00-\u9fff]{2,25}$")
_BODY_END = re.compile(_ENDS + "$")
#: "X挂Y牌子", "X加挂Y、Z牌子", "X对外保留Y牌子"
_HUNG = re.compile(r"^(?:其中,|此外,|另外,)?(" + _BODY + r")(挂|加挂|增挂|对外保留|保留)([^,。;]{2,60}?)牌子$")
#: a government's count of its bodies by class: "浙江省人民政府设置工作部门35个"
_COUNTED_CLASS = re.compile(
    r"设(?:置|立)?(工作部门|组成部门|工作机关|直属机构)(?:\d{1,3}|[一二三四五六七八九十两]{1,3})个"
)
#: "A、B由C管理"
_MANAGED = re.compile(r"^(?:其中,|此外,|另外,)?((?:" + _BODY + r"、)*" + _BODY + r")由(" + _BODY + r")管理$")
#: a class of bodies as a heading: "二、国务院组成部门:有26个"
_CLASS = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、)?[\u4e00-\u9fff]{0,8}?"
    r"(组成部门|直属特设机构|直属机构|办事机构|部门管理机构|工作部门|直属事业单位)[::]"
)
#: a class of bodies as a heading line of its own: "一、党中央各部门", "二、县政府工作部门"
_CLASS_LINE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、)?([\u4e00-\u9fff]{0,8}?"
    r"(?:各部门|组成部门|直属特设机构|直属机构|办事机构|部门管理机构|工作部门|工作机关|直属事业单位|议事协调机构"
    r"|非常设机构))$"
)
#: a body's name alone on its line under such a heading (numbered or not), with its plaques or second names in
#: parentheses
_MEMBER_LINE = re.compile(
    r"^(?:(?:\d{1,3}|[一二三四五六七八九十]{1,3})[、.]|\((?:\d{1,3}|[一二三四五六七八九十]{1,3})\))?"
    r"([\u4e00-\u9fff][\u4e00-\u9fff、]{1,40}?(?:办公厅|办公室|委员会|领导小组|联席会议|机关|研究室|研究院|学院|院|社|校|中心|局|厅|部|署|办|行))"
    r"(?:\(([^()]{2,80})\))?$"
)
#: an enumerated heading that is a body's name: "一、国务院办公厅:…"
_ENUM_BODY = re.compile(r"^[一二三四五六七八九十]{1,3}、(" + _BODY + r")[::]")
#: a body per line under a class: "外交部:…", "国家安全部。"
_LED = re.compile(r"^(" + _BODY + r")(?:[::]|。$)")
#: plaques a listed body's line keeps: "对外保留X、Y牌子", "加挂X牌子"
_LINE_PLAQUE = re.compile(r"(?<!不再)(?<!不)(对外加挂|加挂|增挂|对外保留|保留|挂)([^,。;:]{2,60}?)牌子")
#: "省交通运输厅76名" in a list after a colon
_FIGURE_ITEM = re.compile(r"(" + _BODY + r")(\d{1,4})名")
_CATEGORY = (("行政编制", QuotaCategory.ADMINISTRATIVE), ("事业编制", QuotaCategory.PUBLIC_INSTITUTION))


class _Listed:
    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.by_name = {b.name.value: b for b in facts.listed}

    def get(self, text: str, line: int) -> ListedBody:
        body = self.by_name.get(text)
        if body is None:
            body = ListedBody(Src(text, line))
            self.by_name[text] = body
            self.facts.listed.append(body)
        return body


def _once(items: list[Src[T]], item: Src[T], same: Callable[[T, T], bool]) -> None:
    """Add ``item`` unless an item the same already stands (a repeated line names a body again)."""
    if not any(same(x.value, item.value) for x in items):
        items.append(item)


def _clauses(line: Line) -> list[tuple[int, str]]:
    """Return (start, key) of each clause of a line, split at 。 and ;."""
    out, start = [], 0
    for m in re.finditer(r"[。;]|$", line.key):
        if m.start() > start:
            out.append((start, line.key[start : m.start()]))
        start = m.end()
    return out


def _hung_and_managed(line: Line, listed: _Listed) -> bool:
    text = line.text
    hung = [(at, m) for at, clause in _clauses(line) if (m := _HUNG.match(clause))]
    managed = [(at, m) for at, clause in _clauses(line) if (m := _MANAGED.match(clause))]
    read = False
    if len({m.group(1) for _, m in hung}) >= 2:
        # "X设置工作部门35个。…辦公廳掛Y牌子;…": the count's noun is the class of the bodies the clauses name
        first = min(at for at, _ in hung)
        counted = _COUNTED_CLASS.search(line.key, 0, first)
        for at, m in hung:
            body = listed.get(text[at + m.start(1) : at + m.end(1)], line.no)
            if counted is not None and body.kind_label is None:
                note = "the class the sentence before counts ('设置工作部门N个'): check it"
                body.kind_label = Src(text[counted.start(1) : counted.end(1)], line.no, [note])
            form = text[at + m.start(2) : at + m.end(2)]
            for piece in re.split(r"[、,]", text[at + m.start(3) : at + m.end(3)]):
                if len(piece.strip('"“”')) >= 2:
                    plaque = Src(Plaque(name=piece.strip('"“”'), form=form), line.no)
                    _once(body.plaques, plaque, lambda a, b: a.name == b.name)
        read = True
    managed_names = sum(m.group(1).count("、") + 1 for _, m in managed)
    if managed and (len(managed) >= 2 or managed_names >= 2):
        kind = re.search("部门管理机构", line.key)
        for at, m in managed:
            boss = text[at + m.start(2) : at + m.end(2)]
            listed.get(boss, line.no)
            for piece in text[at + m.start(1) : at + m.end(1)].split("、"):
                body = listed.get(piece, line.no)
                if kind is not None and body.kind_label is None:
                    body.kind_label = Src(text[kind.start() : kind.end()], line.no)
                target = Ref(target=boss, by="name")
                relation = Src(Relation(kind=RelationKind.MANAGED_BY, target=target), line.no)
                _once(body.relations, relation, lambda a, b: (a.kind, a.target) == (b.kind, b.target))
        read = True
    return read


def _plaques_of(line: Line, start: int) -> list[Src[Plaque]]:
    out = []
    for m in _LINE_PLAQUE.finditer(line.key, start):
        form = line.text[m.start(1) : m.end(1)]
        for piece in re.split(r"[、,]", line.text[m.start(2) : m.end(2)]):
            if len(piece.strip('"“”')) >= 2:
                out.append(Src(Plaque(name=piece.strip('"“”'), form=form), line.no))
    return out


def _classes(lines: list[Line], listed: _Listed) -> set[int]:
    """Bodies listed one per line under a heading that names their class; return the lines read."""
    read: set[int] = set()
    heads = [(i, m) for i, line in enumerate(lines) if (m := _CLASS.match(line.key))]
    if not heads:
        return read
    for i, m in heads:
        label = lines[i].text[m.start(1) : m.end(1)]
        members: list[tuple[Line, re.Match[str]]] = []
        for line in lines[i + 1 :]:
            if not line.text:
                continue
            led = _LED.match(line.key)
            if led is None:
                break
            members.append((line, led))
        if len(members) < 2:
            continue
        read.add(lines[i].no)
        for line, led in members:
            body = listed.get(line.text[led.start(1) : led.end(1)], line.no)
            body.kind_label = body.kind_label or Src(label, lines[i].no)
            for plaque in _plaques_of(line, led.end()):
                _once(body.plaques, plaque, lambda a, b: a.name == b.name)
            read.add(line.no)
    for line in lines:
        e = _ENUM_BODY.match(line.key)
        if e and not _CLASS.match(line.key):
            listed.get(line.text[e.start(1) : e.end(1)], line.no)
            read.add(line.no)
    return read


def _class_lines(lines: list[Line], listed: _Listed) -> set[int]:
    """Bodies named alone, one per line, under a heading line that is their class ("一、党中央各部门").

    Parentheses after a name hold its plaques: "(对外加挂X、Y牌子)" with their form, or second names
    alone ("(国家行政学院)"), each read as a plaque when it ends like a body's name (noted).
    """
    read: set[int] = set()
    for i, line in enumerate(lines):
        head = _CLASS_LINE.match(line.key.strip())
        if head is None:
            continue
        members: list[tuple[Line, re.Match[str]]] = []
        garbled: list[Line] = []
        for row in lines[i + 1 :]:
            if not row.text:
                continue
            member = _MEMBER_LINE.match(row.key.strip())
            if member is None and _GARBLED.fullmatch(row.key.strip()) and "?" in row.key:
                garbled.append(row)  # "人民日?社": a name the copy garbled, skipped (listed as not read)
                continue
            if member is None:
                break
            members.append((row, member))
        if len(members) < 2:
            continue
        start = line.text.find(line.text.strip())
        fate = heading_fate(line.key, line.no)
        # "一、保留的议事协调机构": the class is what follows "保留的" (the fate goes to each body)
        skip = head.group(1).find("的") + 1 if fate is not None else 0
        label = Src(line.text[start + head.start(1) + skip : start + head.end(1)], line.no)
        read.add(line.no)
        owner = _OWNER.match(head.group(1))
        if owner is not None and listed.facts.name is None:
            # "一、党中央各部门": the text is about the body whose bodies it lists (their superior)
            note = "the name is read from the class heading of the bodies it lists"
            listed.facts.name = Src(label.value[: len(owner.group(1))], line.no, [note])
        for row, member in members:
            at = row.text.find(row.text.strip())
            body = listed.get(row.text[at + member.start(1) : at + member.end(1)], row.no)
            body.kind_label = body.kind_label or label
            body.name.notes.append(_UNDER_CLASS)
            if fate is not None:
                body.history.append(Src(fate.value, fate.line, list(fate.notes)))
            read.add(row.no)
            if member.group(2) is None:
                continue
            inside = row.text[at + member.start(2) : at + member.end(2)]
            if "牌子" in member.group(2):
                plaques = _plaques_of(row, at + member.start(2))
            else:
                names = [n for n in re.split(r"[、,]", inside) if _SECOND_NAME.search(fold(n))]
                note = "the name in parentheses read as a plaque (a second name)"
                plaques = [Src(Plaque(name=n), row.no, [note]) for n in names]
            for plaque in plaques:
                _once(body.plaques, plaque, lambda a, b: a.name == b.name)
    return read


#: a name the copy garbled: "人民日?qǐng)?bào)社" (a lost character, the pinyin a page injected left behind)
_GARBLED = re.compile(r"[\u4e00-\u9fff?]{1,30}(?:\(?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)[\u4e00-\u9fff?]{0,30}){0,6}")
#: the body a class heading belongs to: "党中央各部门" → 党中央
_OWNER = re.compile(
    r"^((?:党中央|国务院|[省市县区州]委|[省市县区州]政府|[省市县区州]人民政府))(?:各部门|工作|直属|组成)"
)
_UNDER_CLASS = "one of the bodies listed one per line under their class"
_SECOND_NAME = re.compile(r"^[\u4e00-\u9fff]{2,30}(?:办公厅|办公室|委员会|学院|研究院|局|署|中心|办|站)$")


#: "中卫市设A(挂X牌子)、B(Y)、C4个县级气象局(台、站)": bodies of a level under the body, counted
_LEVEL_LIST = re.compile(
    r"设((?:[\u4e00-\u9fff]{2,30}(?:\([^()]{2,40}\))?、){1,30}[\u4e00-\u9fff]{2,30}(?:\([^()]{2,40}\))?)"
    r"(\d{1,2}|[二三四五六七八九十两]{1,3})个((?:省|市|县|区|乡|镇)级[\u4e00-\u9fff]{1,10})(?=[(,。;]|$)"
)


def _level_bodies(lines: list[Line], listed: _Listed) -> set[int]:
    """Read a counted list of bodies of a level ("…4个县级气象局") as bodies, with the plaques in parentheses.

    The count must equal the names listed. Words in parentheses after a name are its plaque: "挂X牌子" with
    its form, a unit's name alone as a second name (noted).
    """
    read: set[int] = set()
    for line in lines:
        for m in _LEVEL_LIST.finditer(line.key):
            items = re.findall(r"([\u4e00-\u9fff]{2,30})(?:\(([^()]{2,40})\))?(?:、|$)", m.group(1))
            if cn_int(m.group(2)) != len(items):
                continue
            label = Src(line.text[m.start(3) : m.end(3)], line.no)
            at = m.start(1)
            for name_key, inner in items:
                body = listed.get(line.text[at : at + len(name_key)], line.no)
                body.name.notes.append(f"one of the {len(items)} bodies '{label.value}' the text lists")
                body.kind_label = body.kind_label or label
                inner_at = at + len(name_key) + 1
                hung = re.fullmatch(r"(加挂|挂)(.{2,30}?)牌子", inner)
                if hung is not None:
                    name = line.text[inner_at + hung.start(2) : inner_at + hung.end(2)]
                    plaque = Src(Plaque(name=name, form=line.text[inner_at : inner_at + len(hung.group(1))]), line.no)
                    _once(body.plaques, plaque, lambda a, b: a.name == b.name)
                elif inner and _SECOND_NAME.search(inner):
                    note = "the name in parentheses read as a plaque (a second name)"
                    plaque = Src(Plaque(name=line.text[inner_at : inner_at + len(inner)]), line.no, [note])
                    _once(body.plaques, plaque, lambda a, b: a.name == b.name)
                at += len(name_key) + (len(inner) + 2 if inner else 0) + 1
            read.add(line.no)
    return read


#: "由中卫市气象局管理的机构2个,分别是:(1)A。…(2)B。…": bodies the body manages, one per item
_MANAGED_LIST = re.compile(
    r"(?:([\u4e00-\u9fff]{2,12}机构)[^,。;]{0,30},)?由([\u4e00-\u9fff]{2,20}?)管理的(?:机构|单位)"
    r"(?:\d{1,2}|[二三四五六七八九十两]{1,3})个,?分别(?:是|为):?"
)
_MANAGED_ITEM = re.compile(r"\((\d{1,2})\)([\u4e00-\u9fff]{3,30})。")


def _managed_items(lines: list[Line], listed: _Listed) -> None:
    """Read the bodies a "由X管理的机构N个,分别是:(1)A。(2)B。" list names: each a body X manages.

    An item the head reader took as the body's own plaque ("(1)A。在X加挂该机构牌子。") is not a body.
    """
    facts = listed.facts
    plaques = {fold(p.value.name) for p in facts.plaques}
    for line in lines:
        m = _MANAGED_LIST.search(line.key)
        if m is None:
            continue
        boss = line.text[m.start(2) : m.end(2)]
        main = facts.name is not None and fold(facts.name.value) == m.group(2)
        at = m.end()
        while (item := _MANAGED_ITEM.match(line.key, at)) is not None or (
            (item := _MANAGED_ITEM.search(line.key, at)) is not None and "(" not in line.key[at : item.start()]
        ):
            at = item.end()
            if item.group(2) in plaques or not _SECOND_NAME.search(item.group(2)):
                continue
            body = listed.get(line.text[item.start(2) : item.end(2)], line.no)
            body.name.notes.append(f"one of the bodies '{boss}' manages, as the text lists them")
            if m.group(1):
                body.kind_label = body.kind_label or Src(line.text[m.start(1) : m.end(1)], line.no)
            if main:
                relation = Src(Relation(kind=RelationKind.MANAGED_BY, target=Ref(target=boss, by="name")), line.no)
                _once(body.relations, relation, lambda a, b: (a.kind, a.target) == (b.kind, b.target))
        facts.used.add(line.no)


def _figures(lines: list[Line], listed: _Listed) -> set[int]:
    """Figures per body after a colon ("…:省交通运输厅76名、省水利厅89名"); return the lines read."""
    read: set[int] = set()
    carried: tuple[QuotaCategory, int] | None = None
    for line in lines:
        colon = line.key.find(":")
        if colon < 0 or "其中" in line.key[max(0, colon - 4) : colon]:
            continue  # "行政编制74名。其中:办公室5名、…": a quota's breakdown (extract_breakdown), not bodies
        items = list(_FIGURE_ITEM.finditer(line.key, colon + 1))
        gaps = [line.key[a.end() : b.start()] for a, b in itertools.pairwise(items)]
        if len(items) < 2 or any(g != "、" for g in gaps) or items[0].start() != colon + 1:
            continue
        lead = line.key[:colon]
        word = next((w for w, _ in _CATEGORY if w in lead), None)
        category = dict(_CATEGORY)[word] if word is not None else None
        label = None
        notes: list[str] = []
        if word is not None:
            at = lead.find(word)
            label = line.text[at : at + len(word)]
        elif carried is not None:
            category = carried[0]
            notes = [f"the category is the one the list of line {carried[1]} names; the sentence names none"]
        if category is None:
            continue
        carried = (category, line.no)
        for m in items:
            value = cn_int(m.group(2))
            if value is None:
                continue
            body = listed.get(line.text[m.start(1) : m.end(1)], line.no)
            quota = Quota(category=category, count=Count.of(value), label=label)
            _once(body.quotas, Src(quota, line.no, notes), lambda a, b: a.category is b.category)
        read.add(line.no)
    return read


def extract_bodies(lines: list[Line], facts: Facts) -> tuple[set[int], set[int]]:
    """Read the bodies a text lists into ``facts.listed``.

    Returns the numbers of the lines read, and of those only a list of bodies can be (a class
    heading's lines, figures per body): the list readers of sections skip the latter; a plaque
    clause's line is left to them too, and :func:`reconcile_with_sections` settles a name read both ways.
    """
    listed = _Listed(facts)
    # a line a section was read from ("办公室挂党建办公室牌子;…" in the sections part) is not a list of bodies
    taken = {x.line for x in facts.sections} | {d.line for x in facts.sections for d in x.plaques}
    read = {line.no for line in lines if line.text and line.no not in taken and _hung_and_managed(line, listed)}
    only = _classes(lines, listed) | _class_lines(lines, listed) | _figures(lines, listed)
    only |= extract_fates([x for x in lines if x.no not in read | only], facts, listed.get)
    facts.used |= _level_bodies(lines, listed)  # the line may hold the body's own sections too: not "only"
    _managed_items(lines, listed)
    main = facts.name.value if facts.name is not None else None
    facts.listed = [
        b
        for b in facts.listed
        if b.name.value != main and (_IS_BODY.match(b.name.value) or _UNDER_CLASS in b.name.notes)
    ]
    if not facts.listed:
        return set(), set()
    # the plaques of listed bodies are theirs, not the body's the head reader gave them to
    facts.plaques = [p for p in facts.plaques if p.line not in read | only]
    facts.used |= read | only
    return read | only, only


def reconcile_with_sections(facts: Facts) -> None:
    """Fold into its section a listed body that the list readers also read as a section.

    "下设党政综合办公室、社会事务办公室。党政综合办公室挂党建办公室牌子;社会事务办公室挂民政办公室牌子。":
    the plaque clauses name the body's own sections, not bodies of their own.
    """
    sections = {s.name: s for s in facts.sections}
    kept = []
    for body in facts.listed:
        section = sections.get(body.name.value)
        if section is None:
            kept.append(body)
            continue
        for plaque in body.plaques:
            _once(section.plaques, plaque, lambda a, b: a.name == b.name)
    facts.listed = kept
