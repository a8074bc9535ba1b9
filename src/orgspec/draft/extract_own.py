"""Extract what a text says of itself: its own title as its basis, and its body's name from its subject.

The ninth pass (issue 14): the held-out batches showed the basis never read and the body's name
rarely. Three readers, each for a pattern of at least two corpus documents of different sources
(docs/draft.md, "The ninth pass: the basis and the body's name"):

- :func:`own_plan` — a plan's title alone on one of the text's first lines ("附件 X机构编制调整方案(摘要)",
  "X机构改革方案") is the text itself: its basis by title, and X its body when X is a place or a body;
- :func:`own_basis_home` — the plan's basis goes to the listed body its title names, when that is
  another body than the text's first ("X国家气象系统机构编制调整方案" over 中卫市气象局's sections);
- :func:`event_subject` — the subject of a news text's first sentence after its date ("11月11日上午,X
  (三个直属事业单位)举行挂牌仪式"), named again in the text: X is the text's body.

A title cited in a sentence ("根据《X机构改革方案》") is not the text's own (the clause reader's); a
plan of no place ("深化党和国家机构改革方案") names no body; a headline's verb is never part of a name.

Imports: :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`, :mod:`orgspec.model`.
"""

from __future__ import annotations

import re

from orgspec.draft.facts import Facts, Src
from orgspec.draft.normalize import Line, cn_int, fold
from orgspec.model.values import Basis, PartialDate

__all__ = ["event_subject", "keep_own_basis", "order_number", "own_basis_home", "own_plan", "titled_only"]

#: how many of a text's first lines with words may hold its own title
_TITLE_LINES = 3
#: how many of a text's first lines with words are its opening sentences
_OPENING_LINES = 6

#: a place, or its government or party committee: "寧夏回族自治区", "中卫市", "广州市政府", "甲县人民政府"
_PLACE = r"[\u4e00-\u9fff]{1,12}?(?:自治区|省|市|县|縣|区|州|盟|旗|镇|乡|街道)(?:人民政府|政府|委)?"
#: a body's name ending (or a system of bodies: "国家气象系统")
_BODY = r"[\u4e00-\u9fff]{2,24}?(?:局|厅|委员会|办公室|中心|管理处|事务所)"
#: words that make a place no name: "全省", "我市", "这次省政府", "各县"
_NOT_NAMED = re.compile(r"^(?:全|本|我|各|该|这|此|其|新|次|每|两|省|市|县|区)|次|轮|级")

#: a plan's title alone on its line, with a leading "附件" and a trailing "(摘要)" allowed
_OWN_PLAN = re.compile(
    r"^(?:附件\s*\d{0,2}[::]?\s*)?"
    r"(?P<title>(?P<owner>[\u4e00-\u9fff]{2,30}?)"
    r"(?:机构改革(?:实施|设置)?方案|机构编制调整方案|机构设置方案|机构编制方案|职能配置方案))"
    r"\s*(?:\((?:摘要|节选|草案|征求意见稿)\))?$"
)
#: a news text's first sentence: its date, then its subject doing something
_EVENT = re.compile(
    r"^\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚)?[,]?"
    rf"(?P<owner>{_PLACE}办事处|{_PLACE}|{_BODY})"
    r"(?:[一二三四五六七八九十两\d]{1,3}个[\u4e00-\u9fff]{0,8}?(?:单位|机构|部门|科室))?"
    r"(?:举行|召开|举办)"
)


_OWN_NOTE = "the text's own title"
_OWN_NAME_NOTE = "the name is read from the text's own title ('X机构改革方案')"


def _owner_is_named(owner: str) -> bool:
    """Whether the words before a plan's kind are a place or a body (not "深化党和国家", "全省")."""
    if _NOT_NAMED.search(owner) or len(re.sub(r"(?:人民政府|政府|委)$", "", owner)) < 3:
        return False
    return re.fullmatch(_PLACE, owner) is not None or re.fullmatch(_BODY, owner) is not None


def own_plan(lines: list[Line]) -> tuple[Src[Basis], Src[str] | None] | None:
    """Return the plan a text's first lines title it as (its basis) and the body the title names.

    Only a line that is the title alone counts, among the first lines with words; page chrome
    (``skip``) before it is passed over by the caller's filter.
    """
    texts = [x for x in lines if x.text.strip()][:_TITLE_LINES]
    for line in texts:
        start = line.text.find(line.text.strip())
        m = _OWN_PLAN.match(line.key.strip())
        if m is None:
            continue
        title = line.text[start + m.start("title") : start + m.end("title")]
        basis = _with_issuer(Src(Basis(title=title), line.no, [_OWN_NOTE]), lines)
        owner = m.group("owner")
        name = None
        if _owner_is_named(owner):
            text = line.text[start + m.start("owner") : start + m.end("owner")]
            name = Src(text, line.no, [_OWN_NAME_NOTE])
        return basis, name
    return made_plan(lines)


#: a plan's own opening sentence, the one every local reform plan of the template has: "根据《…决定》…,
#: 结合实际,制定甲省机构改革方案。" (the plan says it is made: the text is that plan)
_MADE = re.compile(
    r"结合(?:[\u4e00-\u9fff]{0,8})?实际,?(?:特)?制定(?P<title>(?P<owner>[\u4e00-\u9fff]{2,30}?)"
    r"(?:机构改革(?:实施|设置)?方案|机构编制调整方案|机构设置方案))(?=[。;,]|$)"
)
#: who issued the text's own plan: "中共中央办公厅、国务院办公厅(日前)印发《(关于印发〈)X(〉的通知)》"
_ISSUER_OF = (
    r"(?:^|(?<=[,。;\s]))(?P<issuer>[\u4e00-\u9fff、]{2,40}?(?:办公厅|办公室|人民政府|国务院|中共中央|委员会))"
    r"(?:日前|近日|\d{4}年\d{1,2}月)?印发《(?:关于印发〈)?"
)


def _with_issuer(basis: Src[Basis], lines: list[Line]) -> Src[Basis]:
    """Give the text's own plan the issuer a line names: "甲办公厅、乙办公厅印发《X》" (X its title)."""
    title = fold(basis.value.title or "")
    pattern = re.compile(_ISSUER_OF + re.escape(title) + r"(?:〉的通知)?》")
    for line in lines:
        m = pattern.search(line.key)
        if m is not None and basis.value.issuer is None:
            issuer = line.text[m.start("issuer") : m.end("issuer")]
            basis.value = basis.value.model_copy(update={"issuer": issuer})
            basis.notes.append(f"the issuer line {line.no} names ('…印发《…》')")
            return basis
    return basis


def made_plan(lines: list[Line]) -> tuple[Src[Basis], Src[str] | None] | None:
    """Return the plan a text's opening sentence says it is, and the place its title names.

    "根据《…》,结合实际,制定甲省机构改革方案。": the sentence is the plan's own (the template every local
    plan opens with), so the title is the text's basis and 甲省 its body. The sentence opens with 根据, 按照,
    依据 or 为 and comes before the plan's first part ("一、…"). A plan cited ("根据《甲省机构改革方案》"), a
    headline about one ("甲省机构改革方案出台") or a news item's report of one is not this sentence.
    """
    for line in lines:
        if re.match(r"^\s*一、", line.key):
            return None  # the plan's first part: its opening sentence comes before it
        m = _MADE.search(line.key)
        if m is None:
            continue
        start = max(line.key.rfind(c, 0, m.start()) for c in "。;") + 1
        if not re.match(r"\s*(?:根据|按照|依据|为)", line.key[start:]):
            continue  # "县编办结合实际,制定X方案": a news item's report, not the plan's own opening
        title = line.text[m.start("title") : m.end("title")]
        basis = _with_issuer(Src(Basis(title=title), line.no, [_OWN_NOTE]), lines)
        owner = m.group("owner")
        name = (
            Src(line.text[m.start("owner") : m.end("owner")], line.no, [_OWN_NAME_NOTE])
            if _owner_is_named(owner)
            else None
        )
        return basis, name
    return None


def event_subject(lines: list[Line]) -> Src[str] | None:
    """Return the subject of a news text's dated first sentence, when the text names it again.

    "11月11日上午,南郊街道办事处三个直属事业单位举行挂牌仪式" gives 南郊街道办事处 when 南郊街道 (the
    name less its office's ending) is found on another line.
    """
    texts = [x for x in lines if x.text.strip()][:_OPENING_LINES]
    for line in texts:
        key = line.key.strip()
        m = _EVENT.match(key)
        if m is None:
            continue
        owner = m.group("owner")
        if _NOT_NAMED.search(owner):
            return None  # "全县各乡镇", "我市": a class or the writer's own place, no body
        stem = re.sub(r"(?:办事处|人民政府|政府)$", "", owner)
        if len(stem) < 2 or not any(stem in x.key for x in lines if x is not line):
            return None
        start = line.text.find(line.text.strip())
        text = line.text[start + m.start("owner") : start + m.end("owner")]
        return Src(text, line.no, ["the name is read from the subject of the first sentence, named again"])
    return None


def own_basis_home(facts: Facts) -> None:
    """Move the text's own plan to the listed body its title names, when the text's body is another.

    "中卫市国家气象系统机构编制调整方案" over a text whose first body is 中卫市气象局 and which lists
    中卫市国家气象系统 as a body of its own: the plan is that body's basis.
    """
    own = [b for b in facts.basis if _OWN_NOTE in b.notes and b.value.title]
    for basis in own:
        m = _OWN_PLAN.match(fold(basis.value.title or ""))
        if m is None:
            continue
        owner = basis.value.title[: m.end("owner")] if basis.value.title else ""
        if facts.name is not None and facts.name.value == owner:
            continue
        home = next((b for b in facts.listed if b.name.value == owner), None)
        if home is not None:
            facts.basis.remove(basis)
            home.basis.append(basis)


def titled_only(facts: Facts) -> bool:
    """Whether a text of no structure names its body and its basis by its own title (a plan's opening).

    Such a body is drafted with its name and basis alone; the report still says no structure was found.
    """
    named = facts.name is not None and _OWN_NAME_NOTE in facts.name.notes
    return named and any(_OWN_NOTE in b.notes for b in facts.basis)


def keep_own_basis(facts: Facts) -> None:
    """Keep a titled-only body's own plan as its basis; the documents its opening cites are notes.

    "根据《中共中央关于…的决定》…" in the opening of a plan whose body is drafted by its title alone: the
    plan rests on them, but the draft is unsure whether they are the text's or a quoted page's.
    """
    for basis in [b for b in facts.basis if _OWN_NOTE not in b.notes]:
        facts.basis.remove(basis)
        title = basis.value.title or basis.value.number or ""
        facts.note(basis.line, "doubt", f"'{title}' is cited by the opening: not drafted as the body's basis")


#: an order of the Minguo calendar that issues or amends rules: "中華民國52年(1963年)4月5日 臺灣省政府令(52)
#: 府民一字第20015號", "中华民国八十五年六月十二日总统府秘书长(85)华总(人)一字第8500906360号令订定发布"
_ORDER = re.compile(
    r"中华民国(?P<ry>\d{1,3}|[〇零一二三四五六七八九十百]{1,6})年(?:\((?P<y>\d{4})年\))?"
    r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})月(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})日\s*"
    r"(?P<issuer>[\u4e00-\u9fff]{2,16}?)令?\s*"
    r"(?P<number>(?:\(\d{2,3}\)\s*)?[\u4e00-\u9fff()]{1,10}?字第\d{3,12}号)令?"
)
#: an order that amends the rules rather than issuing them ("…号令修正发布第9条"): not their basis
_AMENDS = re.compile(r"\s*[^,。;|]{0,6}?(?:修正|修订|修改|废止|停止适用)")
_RULES_END = re.compile(r"(?:组织规程|组织条例|组织法|组织通则|处务规程|办事细则|规程|条例|办法)$")


def order_number(lines: list[Line], facts: Facts) -> None:
    """Give the rules' basis the number, issuer and date of the one order on the page that issued them.

    A page of a body's rules (组织规程, 處務規程 …) of the Minguo calendar names the order that issued
    them by its date, issuer and number ("(52) 府民一字第20015號"); the rules' basis, read by its title,
    is that order's document. An order that amends them (修正, 修訂) is not, and when more than one order
    is left, which one issued the text as copied is not certain: nothing is given, with a note.
    """
    titled = [b for b in facts.basis if b.value.title and not b.value.number and _RULES_END.search(fold(b.value.title))]
    if len(titled) != 1:
        return
    orders: list[tuple[Line, re.Match[str]]] = []
    for line in lines:
        for m in _ORDER.finditer(line.key):
            if not _AMENDS.match(line.key, m.end()):
                orders.append((line, m))
    if not orders:
        return
    if len(orders) > 1:
        facts.note(orders[0][0].no, "doubt", f"{len(orders)} orders issue the rules: none is drafted as their number")
        return
    line, m = orders[0]
    ry = cn_int(m.group("ry"))
    year = int(m.group("y")) if m.group("y") else (ry + 1911 if ry is not None else None)
    month, day = cn_int(m.group("m")), cn_int(m.group("d"))
    date = PartialDate(year=year, month=month, day=day) if year and month and day and month <= 12 else None
    basis = titled[0]
    update = {
        "number": line.text[m.start("number") : m.end("number")],
        "issuer": basis.value.issuer or line.text[m.start("issuer") : m.end("issuer")],
        "date": basis.value.date or date,
    }
    basis.value = basis.value.model_copy(update=update)
    basis.notes.append(f"the number, issuer and date of the order on line {line.no} that issued the rules")
    facts.used.add(line.no)
