"""Read the field's administrative documents: a 批复, a 请示, a 通知 adjusting a body, a 领导小组 notice, 三定 news.

These documents have a fixed frame: a title "[sender]关于…的批复|请示|通知" (or a 三定 规定 named in
《》 by a news item), a document number, an addressee ("县农业农村局:"), numbered or running paragraphs,
a formula ("此复。", "妥否,请批示。"), a signature and a date. The frame says which body the facts are
of, which the general readers cannot tell:

- 批复/请示 "关于(同意)?设立X的…": the body is X, the unit set up (never the 编委 that sends the 批复):
  its kind ("公益一类事业单位"), rank (股级, "机构规格为正科级"), superior ("你局所属": the addressee;
  "局属": the sender of a 请示; "为X所属"), funding, quota, posts, duties and sections;
- 批复 "关于X更名的…": the body is the new name of "将X更名为Y", with the rename as its history;
- 通知 "关于调整X(内设机构|机构编制|…)的…": the body is X; the state after the adjustment is read
  (the units listed "调整后", the later figure of "由32名调整为35名"); "将A科更名为B科" and "撤销C股"
  are notes (a sentence is never a unit's name);
- 请示 "X关于增设内设机构的请示": the body is the sender X; the units asked for are its sections, noted;
- 通知 "关于成立X(领导小组|委员会|…)的…": the body is the group: its members (组长:…; 成员:…), duties,
  and its office ("办公室设在Y"); 通知 "关于调整X(领导小组|…)组成人员的…": the group whose members it adjusts,
  read the same way, with a ``members-adjusted`` event dated by the notice;
- news of a 三定 规定 "《X(主要职责|职能配置)、内设机构和人员编制规定》": the body is X;
- a 请示 a copy gives without its title ("X:" first, "特此请示。", a signature over a date, the text speaking
  of 我局): the body is the signer.

Every line the frame holds (chrome, number, addressee, formula, signature, date) is the frame's: never a
unit, a duty or the body. News and an untitled request are read by their frame (:func:`read_news`) and by
the general readers too, the two merged (:func:`merge_frame`); the other types are read whole
(:func:`read_admin`). A document of none of these types is left to the general readers.

Imports: :mod:`orgspec.draft.extract_admin_parts`, :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`,
:mod:`orgspec.model`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from orgspec.draft.extract_admin_parts import (
    LIST_ITEM,
    read_duty_clause,
    read_members,
    read_posts_in,
    read_quota_in,
    read_sections_in,
)
from orgspec.draft.facts import Facts, SectionFacts, Src
from orgspec.draft.normalize import Line, cn_int
from orgspec.model.units import Duty, Event, EventKind, Plaque, Post, Relation, RelationKind
from orgspec.model.values import Basis, Count, PartialDate, Ref, UnitKind

__all__ = ["FrameOnly", "merge_frame", "read_admin", "read_news"]

_TYPES = "批复|请示|通知|决定|函"
_TITLE = re.compile(r"^(?P<sender>[\u4e00-\u9fff()]{2,30}?)?关于(?P<what>.+?)的(?P<type>" + _TYPES + r")$")
_SETUP = re.compile(r"^(?:同意)?(?:设立|成立|组建|新设)(?P<name>[\u4e00-\u9fff()]{3,30})$")
_RENAME = re.compile(r"^(?P<name>[\u4e00-\u9fff()]{3,30}?)更名$")
_ADJUST = re.compile(
    r"^调整(?P<name>[\u4e00-\u9fff]{3,25}?)(?:的)?(?:内设机构|机构编制|人员编制|领导职数|机构设置|主要职责|机构职能)"
)
#: "关于调整X组成人员的通知": the group whose members a notice adjusts (its members listed after the adjustment)
_REGROUP = re.compile(
    r"^调整(?P<name>[\u4e00-\u9fff]{3,30}?)(?:的)?(?:组成人员|组成单位和人员|成员单位和人员|成员单位|成员)$"
)
_ADD_UNITS = re.compile(r"^(?P<name>[\u4e00-\u9fff]{3,25}?)?增设(?:内设机构|科室|股室|机构)$")
_GROUP_END = re.compile(r"(?:领导小组|工作小组|委员会|指挥部|联席会议)$")
#: the frames of a group's notice: one that sets it up, one that adjusts its members
_GROUPS = ("group", "regroup")
_SANDING = re.compile(r"《(?P<name>[\u4e00-\u9fff]{3,30}?)(?:主要职责|职能配置)、内设机构和人员编制规定》")
#: the sentence that opens the text after the addressee: "…收悉。经研究,现批复如下:"
_OPENING = re.compile(r"(?:收悉|现批复如下|现将有关事项通知如下|通知如下|现就[^。]*通知如下)[:。]?$")
_ADDRESSEE = re.compile(r"^[\u4e00-\u9fff、()]{2,38}[:：]$")
_ENUM_TOP = re.compile(r"^[一二三四五六七八九十]{1,3}、")
_ISSUED = re.compile(r"现予印发|现印发给你们|印发给你们")
_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}\[\d{4}\]\d{1,4}号$")
_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
#: a date in Chinese numerals under a signature: "二O一四年十二月三日" (a copy may write 〇 as O or 0)
_CN_DATE = re.compile(
    r"^([〇零O○0一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$"
)
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "O": 0, "○": 0, "0": 0}
#: the request's closing formula, and the text speaking of its sender ("我局所属", "本委")
_ASKS = re.compile(r"^(?:特此请示|妥否,?请批示|当否,?请批示|以上请示,?请予?(?:审批|批准|批示))。?$")
_WE = re.compile(r"(?:我|本)(?:局|委|厅|办|部|中心|院|所|站)")
_CHROME = re.compile(
    r"【(?:打印|关闭|字体)|\[(?:打印|关闭|字体)|首页\s*>|发布时间|发布日期|来源:|浏览次数|^\(?联系人|分享到"
)
_FORMULA = re.compile(
    r"^(?:此复|特此(?:通知|批复|请示)|妥否,?请批示|以上请示,?请予?(?:审批|批准|批示)|当否,?请批示"
    r"|本通知自印发之日起施行|请遵照执行|请认真贯彻执行)。?$"
)
_ENUM = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、])\s*")
_UNIT_END = r"(?:局|厅|委员会|委|办公室|办|中心|站|所|队|院|馆|台|部|室|科|股|处)"
_KIND = re.compile(
    r"(?P<kind>公益[一二]类事业单位|参照公务员法管理的?事业单位|(?:社会公益类|生产经营类)?全民事业单位|事业单位"
    r"|直属机构|工作部门|部门管理机构)"
)
_RANK = re.compile(
    r"(?:机构)?规格(?:为|是|相当于|明确为)?(?P<r1>[正副]?(?:厅|处|县处|科|乡科|股)级)"
    r"|(?P<r2>[正副]?(?:厅|处|县处|科|乡科|股)级)(?:规格|的?公益|的?事业单位|的?参照)"
    r"|为(?P<r3>[正副](?:厅|处|科)级)(?:[,。]|$)"
    r"|(?:^|,)(?P<r4>[正副](?:厅|处|科)级)(?=[,。]|$)"
)
_SUPERIOR = re.compile(
    r"为(?P<own>你局|你委|你办|你单位|局|委)?(?P<named>[\u4e00-\u9fff]{2,20}?"
    + _UNIT_END
    + r")?(?P<how>所属|直属|下属)"
)
_OWN_PREFIX = re.compile(r"为(?P<own>局|委|办)属")
_FUNDING = re.compile(r"(?:经费)?(?:实行)?(?P<f>财政全额拨款|全额拨款|财政差额拨款|差额拨款|自收自支|财政补助)")
_PLAQUE = re.compile(r"(?P<subject>[\u4e00-\u9fff]{0,25}?)(?:加挂|增挂|挂)(?P<names>[\u4e00-\u9fff、和]{3,60}?)牌子")
_BODY_RENAME = re.compile(r"将(?P<old>[\u4e00-\u9fff()]{3,30}?)更名为(?P<new>[\u4e00-\u9fff()]{3,30}?)(?=[,;。]|$)")
_CHANGE = re.compile(r"(?:将[\u4e00-\u9fff]{2,30}?更名为|撤销|增设|新设)[\u4e00-\u9fff]{2,30}")
_UNIT_CHANGE = re.compile(r"(?:将[\u4e00-\u9fff]{2,30}?更名为|增设|新设)[\u4e00-\u9fff]{2,30}?(?=[,;。]|$)")
_OFFICE_IN = re.compile(
    r"(?:下设办公室,?(?:办公室)?|(?P<named>(?:领导小组|委员会|指挥部)办公室))设在(?P<host>[\u4e00-\u9fff]{2,25}?"
    + _UNIT_END
    + r")(?=[,;。]|$)"
)
_OFFICE_HEAD = re.compile(
    r"(?P<post>[\u4e00-\u9fff]{2,12}?(?:主任|局长|部长|书记|长))(?P<person>[\u4e00-\u9fff]{2,3})同志兼任(?:领导小组)?办公室主任"
)
_ABOLISH = re.compile(r"撤销(?P<unit>[\u4e00-\u9fff]{2,20}?(?:科|股|室|处|站|所|中心|队))(?=[,;。]|$)")


@dataclass
class _Frame:
    """The frame of an administrative document: its type, subject and the lines it holds."""

    type: str
    subject: str
    title: Line | None = None
    sender: Src[str] | None = None
    addressee: Src[str] | None = None
    number: Line | None = None
    date: Src[PartialDate] | None = None
    frame_lines: set[int] = field(default_factory=set)
    rules: Src[str] | None = None  # the 三定 规定 a news item reports, by its title


def _title(lines: list[Line]) -> tuple[Line, re.Match[str], Line | None] | None:
    """Return the title line among the first lines, its match, and a sender line above it."""
    text = [line for line in lines if line.text][:6]
    for i, line in enumerate(text):
        m = _TITLE.match(line.key.replace(" ", ""))
        if m is not None:
            above = text[i - 1] if i and re.fullmatch(r"[\u4e00-\u9fff]{3,25}" + _UNIT_END, text[i - 1].key) else None
            return line, m, above
    return None


def _date_of(key: str) -> PartialDate | None:
    """Return the date of a line that is only a date, in Arabic or Chinese numerals."""
    if (d := _DATE.match(key)) is not None:
        return PartialDate.parse(f"{d.group(1)}-{int(d.group(2)):02d}-{int(d.group(3)):02d}")
    if (c := _CN_DATE.match(key)) is not None:
        year = "".join(str(_CN_DIGIT[ch]) for ch in c.group(1))
        month, day = cn_int(c.group(2)), cn_int(c.group(3))
        if month is not None and day is not None and 1 <= month <= 12 and 1 <= day <= 31:
            return PartialDate.parse(f"{year}-{month:02d}-{day:02d}")
    return None


def _signed(lines: list[Line]) -> _Frame | None:
    """Return the frame of a request a copy gives without its title: "X:", …, "特此请示。", a signature, a date.

    The text speaks of its sender (我局, 本委): the body is the one that signs it.
    """
    text = [line for line in lines if line.text]
    if len(text) < 4 or not _ADDRESSEE.match(text[0].key.strip()):
        return None
    if _date_of(text[-1].key.strip()) is None or not re.fullmatch(r"[\u4e00-\u9fff()]{3,30}" + _UNIT_END, text[-2].key):
        return None
    if not any(_ASKS.match(line.key.replace(" ", "")) for line in text[-6:-2]):
        return None
    if not any(_WE.search(line.key) for line in text[1:-2]):
        return None
    frame = _Frame("signed-请示", text[-2].text.strip())
    frame.sender = Src(text[-2].text.strip(), text[-2].no)
    frame.frame_lines.add(text[-2].no)
    return frame


#: a reply's opening that acknowledges the request it answers: "你局…请示收悉", "X[2020]13号请示收悉"
_ACK = re.compile(r"请示》?(?:\([^()]{1,30}\))?收悉")
#: the decision of a reply that sets one unit up: "同意设立"X",为…", "同意建立X,…" (never "不同意设立X")
_AGREED = re.compile(
    r"(?<!不)同意(?:设立|成立|建立|组建)\"?(?P<name>[\u4e00-\u9fff()]{3,30}?" + _UNIT_END + r')"?(?=[,。])'
)


def _untitled_reply(lines: list[Line]) -> _Frame | None:
    """Return the frame of a 批复 a copy gives without its title: "X:", "…请示收悉。…同意设立Y,…", "特此批复。".

    The body is the one unit it agrees to set up; with no title and no number, the reply names no basis.
    """
    text = [line for line in lines if line.text]
    # the addressee, its place perhaps masked by the site that reposts it ("X市…局:")
    head = next(
        (i for i, x in enumerate(text[:4]) if re.fullmatch(r"[X\u4e00-\u9fff、()]{2,38}:", x.key.strip())), None
    )
    if head is None or not any(_ACK.search(line.key) for line in text[head + 1 : head + 3]):
        return None
    if not any(re.fullmatch(r"(?:特此批复|此复)。?", line.key.replace(" ", "")) for line in text[-4:]):
        return None
    names = {m.group("name") for line in text[head + 1 :] for m in _AGREED.finditer(line.key)}
    if len(names) != 1:
        return None
    frame = _Frame("untitled-批复", names.pop())
    frame.frame_lines |= {line.no for line in text[:head]}  # a page's lines above the addressee state no fact
    return frame


def _classify(lines: list[Line]) -> _Frame | None:
    found = _title(lines)
    if found is None and (signed := _signed(lines)) is not None:
        return signed
    if found is None and (reply := _untitled_reply(lines)) is not None:
        return reply
    if found is None:
        if any(_ENUM_TOP.match(line.key) or _ISSUED.search(line.key) for line in lines):
            return None  # the 规定 itself (numbered parts), or the notice that issues it with its text
        for line in lines[:8]:
            m = _SANDING.search(line.key)
            if m is not None:
                news = _Frame("sanding", line.text[m.start("name") : m.end("name")])
                news.rules = Src(line.text[m.start() + 1 : m.end() - 1], line.no)
                return news
        return None
    line, m, above = found
    what, kind = m.group("what"), m.group("type")
    frame: _Frame | None = None
    if (s := _SETUP.match(what)) is not None:
        name = s.group("name")
        if _GROUP_END.search(name) and kind in ("通知", "决定"):
            frame = _Frame("group", name)
        elif kind in ("批复", "请示") and not _GROUP_END.search(name):
            frame = _Frame("setup-" + kind, name)
    elif (g := _REGROUP.match(what)) is not None and _GROUP_END.search(g.group("name")) and kind in ("通知", "决定"):
        frame = _Frame("regroup", g.group("name"))
    elif (r := _RENAME.match(what)) is not None and kind in ("批复", "请示"):
        frame = _Frame("rename", r.group("name"))
    elif (a := _ADJUST.match(what)) is not None and kind in ("通知", "批复", "决定"):
        frame = _Frame("adjust", a.group("name"))
    elif (u := _ADD_UNITS.match(what)) is not None and kind == "请示":
        sender = u.group("name") or m.group("sender") or (above.key if above else "")
        frame = _Frame("units-asked", sender) if sender else None
    if frame is None:
        return None
    frame.title = line
    frame.frame_lines.add(line.no)
    sender = m.group("sender") or (above.text if above else None)
    if sender:
        frame.sender = Src(sender, above.no if above and not m.group("sender") else line.no)
    if above is not None:
        frame.frame_lines.add(above.no)
    return frame


def _frame_lines(lines: list[Line], frame: _Frame, facts: Facts) -> None:
    """Mark the frame's lines (chrome, number, addressee, formula, signature, date) and read what they give."""
    text = [line for line in lines if line.text]
    for i, line in enumerate(text):
        key = line.key.strip()
        if _CHROME.search(key) or (i == 0 and re.fullmatch(r"[\u4e00-\u9fff]{2,20}网(?:站)?", key)):
            facts.note(line.no, "skipped", "page chrome")
        elif _NUMBER.match(key.replace(" ", "")) and frame.number is None:
            frame.number = line
        elif (day := _date_of(key)) is not None:
            frame.date = Src(day, line.no)
            if i and re.fullmatch(r"[\u4e00-\u9fff()]{3,30}", text[i - 1].key):
                frame.frame_lines.add(text[i - 1].no)  # the signature
                if frame.sender is None or frame.type == "setup-请示":
                    frame.sender = Src(text[i - 1].text, text[i - 1].no)
        elif key.endswith(":") and len(key) <= 40 and "。" not in key and frame.addressee is None and i < 6:
            frame.addressee = Src(line.text.rstrip(":："), line.no)
            facts.note(line.no, "skipped", "the addressee (read only as the superior of '你局所属')")
        elif _FORMULA.match(key.replace(" ", "")) or _OPENING.search(key):
            facts.note(line.no, "skipped", "the document's opening or closing formula: no fact")
        else:
            continue
        frame.frame_lines.add(line.no)


def _basis(frame: _Frame, facts: Facts) -> None:
    if frame.type == "sanding" and frame.rules is not None:
        facts.basis.append(Src(Basis(title=frame.rules.value), frame.rules.line, ["the 规定 the text reports issued"]))
        return
    if frame.type in ("setup-请示", "units-asked", "signed-请示") or frame.title is None:
        return  # a request decides nothing
    title = frame.title.text.replace(" ", "")
    number = frame.number.text.replace(" ", "") if frame.number is not None else None
    issuer = frame.sender.value if frame.sender is not None else None
    date = frame.date.value if frame.date is not None else None
    line = frame.number.no if frame.number is not None else frame.title.no
    facts.basis.append(
        Src(Basis(number=number, title=title, issuer=issuer, date=date), line, ["the document itself: its basis"])
    )


def _is_body(subject: str, frame: _Frame) -> bool:
    """Whether the subject of a sentence is the body (empty, its name, or its name without the place)."""
    subject = re.sub(r"^(?:调整后|改革后|同时|另外|经研究|根据规定)[,:]?", "", subject).strip(",")
    if not subject:
        return True
    name = frame.subject
    return subject == name or (len(subject) >= 3 and name.endswith(subject[1:])) or subject in ("你局", "你委", "我局")


def _sentences(line: Line) -> list[Line]:
    out, at = [], 0
    for piece in re.split(r"(?<=。)", line.key):
        if piece.strip():
            out.append(Line(line.no, line.text[at : at + len(piece)], piece))
        at += len(piece)
    return out


def _strip_enum(line: Line) -> Line:
    m = _ENUM.match(line.key)
    return Line(line.no, line.text[m.end() :], line.key[m.end() :]) if m else line


def _read_sentence(piece: Line, frame: _Frame, facts: Facts) -> bool:
    """Read one sentence of the body's text; return whether it gave a fact."""
    key, got = piece.key, False
    if frame.type in ("setup-批复", "untitled-批复", "setup-请示", "rename", "sanding"):
        got |= _read_standing(piece, frame, facts)
    for m in _PLAQUE.finditer(key):
        if _is_body(m.group("subject"), frame) and not facts.plaques:
            for name in re.split(r"[、和]", piece.text[m.start("names") : m.end("names")]):
                if len(name) >= 3:
                    facts.plaques.append(
                        Src(Plaque(name=name, form=key[m.start("names") - 2 : m.start("names")]), piece.no)
                    )
            got = True
    for m in _ABOLISH.finditer(key):
        unit = piece.text[m.start("unit") : m.end("unit")]
        event = Event(kind=EventKind.ABOLISHED, date=frame.date.value if frame.date else None, verb="撤销")
        event = event.model_copy(update={"target": Ref(target=unit)})
        facts.history.append(
            Src(event, piece.no, [f"'{piece.text[m.start() : m.end()]}': a unit the document abolishes"])
        )
        got = True
    for m in _UNIT_CHANGE.finditer(key):
        if frame.type != "rename":
            words = piece.text[m.start() : m.end()]
            facts.doc_notes.append(Src(words, piece.no, ["a change to a unit the document makes, kept as a note"]))
            got = True
    sections = read_sections_in(piece, frame.subject, facts)
    got |= sections
    got |= read_quota_in(piece, facts)
    got |= read_posts_in(piece, facts)
    got |= read_duty_clause(piece, frame.subject, facts)
    if not got and _CHANGE.search(key):
        facts.doc_notes.append(Src(piece.text.strip(), piece.no, ["a change the document makes, kept as a note"]))
        got = True
    return got


def _read_standing(piece: Line, frame: _Frame, facts: Facts) -> bool:
    """Kind, rank, superior and funding of a unit set up: "为你局所属股级公益一类事业单位,…财政全额拨款"."""
    key, got = piece.key, False
    if facts.kind_label is None and (k := _KIND.search(key)) is not None:
        facts.kind_label = Src(piece.text[k.start() : k.end()], piece.no)
        got = True
    if facts.rank is None and (r := _RANK.search(key)) is not None:
        group = next(g for g in ("r1", "r2", "r3", "r4") if r.group(g))
        facts.rank = Src(piece.text[r.start(group) : r.end(group)], piece.no)
        got = True
    if facts.superior is None:
        s = _SUPERIOR.search(key)
        own = _OWN_PREFIX.search(key) if s is None else None
        superior: str | None = None
        if s is not None and s.group("named"):
            superior = piece.text[s.start("named") : s.end("named")]
        elif s is not None and s.group("own", "how") and s.group("own") in ("你局", "你委", "你办", "你单位"):
            superior = frame.addressee.value if frame.addressee is not None else None
        elif (s is not None and s.group("own")) or own is not None:
            sender = frame.sender.value if frame.sender is not None else None
            superior = sender if frame.type == "setup-请示" else None
        elif s is not None and frame.type == "sanding":
            lead = re.search(r"(?:是|为)([\u4e00-\u9fff]{1,10}?(?:委|政府))直属", key)
            superior = lead.group(1) if lead else None
        if superior is None and (d := re.search(r"为([\u4e00-\u9fff]{1,10}?(?:委|政府))直属", key)) is not None:
            superior = piece.text[d.start(1) : d.end(1)]
        if superior:
            facts.superior = Src(superior, piece.no)
            got = True
    if facts.funding is None and (f := _FUNDING.search(key)) is not None:
        facts.funding = Src(piece.text[f.start("f") : f.end("f")], piece.no)
        got = True
    return got


def _numbered_duties(lines: list[Line], facts: Facts) -> set[int]:
    """Read the body's duties: lines numbered (一)… under a "主要职责" heading (or item)."""
    used: set[int] = set()
    heading = False
    for line in lines:
        key = _strip_enum(line).key if _ENUM.match(line.key) and not line.key.startswith("(") else line.key
        if re.fullmatch(r"(?:主要)?职责(?:任务)?[:]?", key.strip()):
            heading = True
            used.add(line.no)
            continue
        if heading and (m := LIST_ITEM.match(line.key)) is not None:
            facts.duties.append(Src(Duty(text=line.text[m.end() :].strip(), number=cn_int(m.group(1))), line.no))
            used.add(line.no)
            continue
        heading = False
    return used


def _name(frame: _Frame, lines: list[Line], facts: Facts) -> None:
    at = frame.title.no if frame.title is not None else next(line.no for line in lines if line.text)
    if frame.rules is not None:
        at = frame.rules.line  # news: the body is named where the 规定 is
    elif frame.type == "signed-请示" and frame.sender is not None:
        at = frame.sender.line
    elif frame.type == "untitled-批复":
        at = next(line.no for line in lines if _AGREED.search(line.key))  # the sentence that agrees to set it up
    if frame.type == "rename":
        for line in lines:
            m = _BODY_RENAME.search(line.key)
            if m is not None and m.group("old") == frame.subject:
                new = line.text[m.start("new") : m.end("new")]
                facts.name = Src(new, line.no, [f"the new name the document gives '{frame.subject}'"])
                event = Event(kind=EventKind.RENAMED, date=frame.date.value if frame.date else None)
                event = event.model_copy(update={"before": frame.subject, "after": new})
                facts.history.append(Src(event, line.no))
                return
        facts.name = Src(frame.subject, at, ["the unit the document renames; its new name is not read"])
        return
    notes = {
        "setup-批复": "the unit the 批复 sets up (not its sender)",
        "untitled-批复": "the unit the 批复 (its title not given) agrees to set up",
        "setup-请示": "the unit the 请示 asks to set up (not its sender)",
        "adjust": "the body the notice adjusts",
        "units-asked": "the body that asks for the units (the 请示's sender)",
        "group": "the group the notice sets up",
        "regroup": "the group whose members the notice adjusts",
        "sanding": "the body of the 三定 规定 the text reports",
        "signed-请示": "the sender that signs the 请示 (its signature above the date; the text speaks of it as 我X)",
    }
    facts.name = Src(frame.subject, at, [notes[frame.type]])
    if frame.type in _GROUPS:
        how = "set up by" if frame.type == "group" else "whose members are adjusted by"
        facts.kind = Src(UnitKind.COORDINATING_BODY, at, [f"a group {how} a notice, with members: it coordinates"])
    if frame.type == "regroup":
        event = Event(kind=EventKind.MEMBERS_ADJUSTED, date=frame.date.value if frame.date else None)
        facts.history.append(Src(event, at, ["the adjustment of the group's members the notice makes"]))
    if frame.type in ("setup-请示", "units-asked", "signed-请示"):
        facts.doc_notes.append(Src("请示: the units and figures asked for, not yet approved", at))


def read_admin(lines: list[Line], facts: Facts) -> bool:
    """Read an administrative document of a known type (see the module); return False for any other text."""
    return _read(lines, facts) is not None


#: the frames that say whose facts they are and leave the text to the general readers too
_FRAME_ONLY = ("sanding", "signed-请示", "untitled-批复")


class FrameOnly(NamedTuple):
    """What a frame that leaves the text to the general readers holds: its lines, and whether it decides."""

    lines: set[int]
    decides: bool  # a request decides nothing: the documents its text cites are no basis of the body


def read_news(lines: list[Line], facts: Facts) -> FrameOnly | None:
    """Read the frame of 三定 news or of an untitled request into ``facts``: return the frame's lines, or None.

    A news item reports a 三定 规定 in running text, as any page does: its frame says only whose facts they
    are (the body of the 规定 it names) and their basis (the 规定); its chrome is no fact. A request a copy
    gives without its title ("区编委:" … "特此请示。", a signature, a date) says whose they are by its
    signature: the sender, which the text calls 我局; a reply given without its title ("X:", "…请示收悉",
    "同意设立Y,…", "特此批复") by the one unit it agrees to set up, and it names no basis. The rest of such a
    text is the general readers' too (see :func:`merge_frame`).
    """
    if (frame := _classify(lines)) is None or frame.type not in _FRAME_ONLY:
        return None
    read = _read(lines, facts)
    assert read is not None
    chrome = {n.line for n in facts.notes if n.line is not None and n.message == "page chrome"}
    return FrameOnly(read.frame_lines | chrome, read.type != "signed-请示")


def merge_frame(framed: Facts, general: Facts, decides: bool = True) -> Facts:
    """Merge what the frame reader read of a news item with what the general readers read of its text.

    The frame says whose facts they are: the body's name and basis are the frame's. Of every other field the
    frame reader's reading is kept where it read one (it reads the news' few sentences whole, with the body
    in view), else the general readers'. Fields read together stay together: the sections with their stated
    count, the quotas with the posts, the kind with its rank, superior and funding. A frame that decides
    nothing (a request) gives the body no basis: a document its text cites is kept as a note.
    """
    out = general
    out.name = framed.name or general.name
    out.basis = framed.basis or general.basis
    if not decides:
        for cited in general.basis:
            words = " ".join(x for x in (cited.value.number, cited.value.title) if x)
            out.doc_notes.append(Src(words, cited.line, ["a document the request cites: its ground, not a basis"]))
        out.basis = []
    if framed.kind_label is not None or framed.kind is not None:
        out.kind_label, out.kind = framed.kind_label, framed.kind
    out.rank = framed.rank or general.rank
    out.superior = framed.superior or general.superior
    out.funding = framed.funding or general.funding
    if framed.sections:
        out.sections, out.stated_sections, out.shared = framed.sections, framed.stated_sections, framed.shared
        out.section_rank = framed.section_rank or general.section_rank
    if framed.quotas or framed.posts:
        out.quotas, out.posts = framed.quotas, framed.posts
    for name in ("plaques", "duties", "changes", "relations", "history", "members"):
        if getattr(framed, name):
            setattr(out, name, getattr(framed, name))
    out.doc_notes = framed.doc_notes + general.doc_notes
    out.notes = framed.notes + general.notes
    out.used |= framed.used
    out.continued |= framed.continued
    return out


def _read(lines: list[Line], facts: Facts) -> _Frame | None:
    frame = _classify(lines)
    if frame is None:
        return None
    _frame_lines(lines, frame, facts)
    _name(frame, lines, facts)
    _basis(frame, facts)
    facts.used |= frame.frame_lines
    if frame.number is not None:
        facts.used.add(frame.number.no)
    if frame.date is not None:
        facts.used.add(frame.date.line)
    if frame.addressee is not None:
        facts.used.add(frame.addressee.line)
    facts.used |= {n.line for n in facts.notes if n.line is not None and n.message == "page chrome"}
    if frame.type == "signed-请示":
        return frame  # the frame only: the general readers read its text
    body = [line for line in lines if line.text and line.no not in facts.used]
    facts.used |= _numbered_duties(body, facts)
    if frame.type in _GROUPS:
        facts.used |= read_members([line for line in body if line.no not in facts.used], facts)
    for line in body:
        if line.no in facts.used:
            continue
        got = False
        stripped = _strip_enum(line)
        if frame.type == "units-asked" and _ENUM.match(line.key):
            got = _asked_unit(stripped, facts)
        if not got:
            for piece in _sentences(stripped):
                got |= _read_sentence(piece, frame, facts)
        if got:
            facts.used.add(line.no)
    if frame.type in _GROUPS:
        _group_office(lines, frame, facts)
    return frame


def _asked_unit(line: Line, facts: Facts) -> bool:
    """Read a unit asked for, with its duty: "一、危险化学品安全监督管理科。负责…。" or "一、增设X科,负责…"."""
    m = re.match(
        r"^(?:增设|新设|设立)?(?P<name>[\u4e00-\u9fff]{2,20}?(?:科|股|室|处|中心|站|所|队))(?:[。,:]|$)", line.key
    )
    if m is None:
        return False
    section = SectionFacts(line.text[m.start("name") : m.end("name")], line.no)
    rest = line.text[m.end() :].strip()
    if rest:
        section.duties.append(Src(Duty(text=rest), line.no))
    facts.sections.append(section)
    return True


def _group_office(lines: list[Line], frame: _Frame, facts: Facts) -> None:
    """Read the group's office, hosted in Y: "(领导小组)下设办公室,办公室设在Y", "领导小组办公室设在Y".

    "Y副主任Z同志兼任办公室主任" is the office's head, held with that post; "办公室主任由Z同志兼任"
    names no post and is kept as a note.
    """
    for line in lines:
        m = _OFFICE_IN.search(line.key)
        if m is None:
            continue
        group = _GROUP_END.search(frame.subject)
        name = m.group("named") or (group.group(0) if group else "") + "办公室"
        office = SectionFacts(name, line.no, kind=UnitKind.OFFICE)
        office.hosted_in = Src(line.text[m.start("host") : m.end("host")], line.no)
        office.notes.append(f"'{line.text[m.start() : m.end()]}': the group's office")
        held = _OFFICE_HEAD.search(line.key)
        if held is not None:
            post = Post(
                title="办公室主任",
                count=Count.of(1),
                concurrent=line.text[held.start("post") : held.end("post")],
                holder=line.text[held.start("person") : held.end("person")],
            )
            office.posts.append(Src(post, line.no, ["the office's head, held with another post (兼任)"]))
        elif (head := re.search(r"办公室主任由[\u4e00-\u9fff]{2,4}(?:同志)?兼任", line.key)) is not None:
            office.doc_notes.append(Src(line.text[head.start() : head.end()], line.no))
        facts.sections = [s for s in facts.sections if s.name not in ("办公室", name)] + [office]
        working = Relation(kind=RelationKind.WORKING_OFFICE, target=Ref(target=name, by="name"))
        facts.relations.append(Src(working, line.no, ["the office the group sets up does its day-to-day work"]))
        facts.used.add(line.no)
        return
