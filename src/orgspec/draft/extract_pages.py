"""A body's web page: its leaders under 领导信息, a bare list of its units, an infobox row of them.

A department's page "机构职能" or "机构概况" names its leaders under a heading (领导信息, 现任领导,
领导班子), one a line, in one of two layouts of the field:

- the post first: "局长：王某某，主持局全面工作。" (the work the leader leads after the name);
- the name first: "张某某　党组书记、局长" (posts joined by 、, after a space).

Each post is a post of no stated count with its holders (two 副局长 lines are one post with two
holders); a title that is no post of the field's head words ("党组成员": a seat on a party group) is
not drafted. The reader runs only when no other reader gave the body a post.

Imports: :mod:`orgspec.draft.extract_lists`, :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`,
:mod:`orgspec.draft.segment`, :mod:`orgspec.model`.
"""

from __future__ import annotations

import re

from orgspec.draft.extract_lists import is_unit_name
from orgspec.draft.facts import Facts, SectionFacts, SharedFacts, Src, section_kind
from orgspec.draft.normalize import Line, cn_int, fold
from orgspec.draft.segment import Part
from orgspec.model.names import name_key
from orgspec.model.units import Duty, Holder, Post, PostGroup, Quota
from orgspec.model.values import Count, QuotaCategory

__all__ = ["article_offices", "bare_lists", "not_units", "page_leaders", "staffing_table"]

_HEADINGS = ("领导信息", "现任领导", "领导班子", "领导之窗", "领导分工")
_HEAD = (
    r"(?:书记|主任|局长|部长|司长|厅长|处长|科长|组长|主席|省长|市长|县长|区长|镇长|乡长|站长|所长|院长|馆长"
    r"|校长|检察长|署长|队长|总监|总工程师|督察长)"
)
_TITLE = r"[\u4e00-\u9fff]{0,8}?" + _HEAD
_NAME = r"[\u4e00-\u9fff]{2,3}"
#: "局长:王某某,主持局全面工作。"
_POST_FIRST = re.compile(r"^(" + _TITLE + r"):\s*(" + _NAME + r")(?:$|[,。;(\s])")
#: "张某某 党组书记、局长" (the titles after a space)
_NAME_FIRST = re.compile(r"^(" + _NAME + r")\s+([\u4e00-\u9fff、]{2,40})$")


def _pairs(key: str, text: str) -> list[tuple[str, str]]:
    """(title, person) of one leader's line, in the document's own characters (the key folds one for one)."""
    m = _POST_FIRST.match(key)
    if m is not None:
        return [(text[m.start(1) : m.end(1)], text[m.start(2) : m.end(2)])]
    m = _NAME_FIRST.match(key)
    if m is None:
        return []
    person = text[m.start(1) : m.end(1)]
    out, at = [], m.start(2)
    for title in key[m.start(2) : m.end(2)].split("、"):
        if re.fullmatch(_TITLE, title):
            out.append((text[at : at + len(title)], person))
        at += len(title) + 1
    return out


def page_leaders(parts: list[Part], facts: Facts) -> None:
    """Read the leaders a page lists under its leaders' heading as posts with their holders."""
    if facts.posts:
        return
    read: dict[str, tuple[int, list[str]]] = {}
    lines_read: set[int] = set()
    headings: set[int] = set()
    for part in parts:
        heading = re.sub(r"^[一二三四五六七八九十]{1,3}、|[\[\]]", "", part.heading.key).strip() if part.heading else ""
        if part.heading is None or heading not in _HEADINGS:
            continue
        for line in part.lines:
            pairs = _pairs(line.key, line.text) if len(line.key) == len(line.text) else []
            for title, person in pairs:
                holders = read.setdefault(title, (line.no, []))[1]
                if person not in holders:
                    holders.append(person)
            if pairs:
                lines_read.add(line.no)
                headings.add(part.heading.no)
    if not read:
        return
    note = "a leader the page lists with the post; no count is stated"
    for title, (line_no, holders) in read.items():
        post = Post(title=title, count=Count.unstated(), holders=tuple(Holder(person=p) for p in holders))
        facts.posts.append(Src(post, line_no, [note]))
    facts.used |= lines_read
    facts.notes[:] = [n for n in facts.notes if not (n.kind == "skipped" and n.line in headings)]


#: an infobox row of the units: "下设机构 办公室、法规科、…" (the label, then the list)
_UNITS_ROW = re.compile(r"^(?:下设机构|内设机构|下属机构|机构设置|内设科室)[\s:]+(\S.*)$")
#: a name that is a reform's fate, not a unit: "不再保留X", "组建X"
_FATE = re.compile(r"^(?:不再保留|不再设立|撤销|组建|成立|设立|新设|保留)")


def _names(key: str, text: str, at: int) -> list[tuple[str, int]]:
    """Return the items of a bare list "A、B、C。" from offset ``at`` (each a unit's name), else none."""
    body = key[at:].rstrip("。;. ")
    pieces, out = body.split("、"), []
    start = at
    for piece in pieces:
        if not is_unit_name(piece) or _FATE.match(piece) or len(piece) > 20:
            return []
        out.append((text[start : start + len(piece)], start))
        start += len(piece) + 1
    return out if len(out) >= 2 else []


def bare_lists(lines: list[Line], parts: list[Part], facts: Facts) -> None:
    """Read a bare list of units under a sections heading, or in an infobox row, when no reader gave any.

    A wiki page writes "内设机构" over "办公室、法规科、大气环境科。" (no verb, no numbers), or an
    infobox row "下设机构 办公室、法规科…": each item is a section when every item ends like a unit's
    name. The sections heading's list wins over the infobox row (the infobox may be cut short).
    """
    if facts.sections:
        return
    found: list[tuple[Line, list[tuple[str, int]]]] = []
    for part in parts:
        if part.kind == "sections" and part.heading is not None:
            found += [(line, names) for line in part.lines if (names := _names(line.key, line.text, 0))]
    if not found:
        for line in lines:
            m = _UNITS_ROW.match(line.key)
            names = _names(line.key, line.text, m.start(1)) if m else []
            if names:
                found.append((line, names))
                break
    for line, names in found:
        for name, _ in names:
            section = SectionFacts(name=name, line=line.no, kind=section_kind(name))
            section.notes.append("a bare list of units (no verb, no numbers); check the names")
            facts.sections.append(section)
        facts.used.add(line.no)
    if found:
        read = {line.no for line, _ in found}
        facts.notes[:] = [n for n in facts.notes if not (n.kind == "skipped" and n.line in read)]


def not_units(facts: Facts) -> None:
    """Drop a 'section' named by a reform's fate (不再保留X) or by the body's own name; keep it as a note."""
    own = name_key(facts.name.value) if facts.name is not None else None
    kept: list[SectionFacts] = []
    moved: dict[int, int] = {}
    for i, section in enumerate(facts.sections):
        if _FATE.match(fold(section.name)) or (own is not None and name_key(section.name) == own):
            note = "a body's fate or the body itself, not one of its units: kept as a note"
            facts.doc_notes.append(Src(section.name, section.line, [note]))
            continue
        moved[i] = len(kept)
        kept.append(section)
    if len(kept) == len(facts.sections):
        return
    facts.sections = kept
    for shared in facts.shared:  # a shared list names its units by their index
        shared.sections = [moved[i] for i in shared.sections if i in moved]
    facts.shared = [s for s in facts.shared if s.sections]


#: an article that sets up offices and says their work in one sentence: "第五條 本局設會計室、人事室,依法辦理…事項。"
_ARTICLE_OFFICES = re.compile(
    r"^第[一二三四五六七八九十\d]{1,4}条\s*本[\u4e00-\u9fff]{1,3}?设((?:[\u4e00-\u9fff]{2,10}[室科处组课股]、)+"
    r"[\u4e00-\u9fff]{2,10}[室科处组课股]),((?:依法)?(?:办理|掌理|负责)[^。]{2,120}。)$"
)


def article_offices(lines: list[Line], facts: Facts) -> None:
    """Read "本局設會計室、人事室,依法辦理歲計、會計、統計及人事事項。" as units sharing one duty.

    A 組織規程 sets its accounting and personnel offices in an article of their own, their work in
    the same sentence: each is a unit, and the work is one duty list the units share. Only once the
    articles reader set up the body's other units (the article adds to them).
    """
    if not facts.sections:
        return
    for line in lines:
        m = _ARTICLE_OFFICES.match(line.key.strip())
        if m is None or line.no in facts.used:
            continue
        at = line.text.find(line.text.strip())
        start, index = at + m.start(1), []
        for piece in m.group(1).split("、"):
            name = line.text[start : start + len(piece)]
            start += len(piece) + 1
            if any(s.name == name for s in facts.sections):
                continue
            section = SectionFacts(name=name, line=line.no, kind=section_kind(name))
            section.notes.append("a unit an article sets up with its work in the same sentence")
            index.append(len(facts.sections))
            facts.sections.append(section)
        if len(index) >= 2:
            shared = SharedFacts(
                sections=index, intro=None, line=line.no, notes=["the units the article sets share it"]
            )
            shared.duties.append(Src(Duty(text=line.text[at + m.start(2) : at + m.end(2)]), line.no))
            facts.shared.append(shared)
        facts.used.add(line.no)


def staffing_table(lines: list[Line], facts: Facts) -> None:
    """Read a 編制表 (職稱 官等 職等 員額): the heads' posts with their figures and the total as a quota.

    Under a header line naming 職稱 and 員額, each row is a title, its grades and its figure (the last
    column); a title ending like a head's post (局長, 課長, 主任) is a post of that figure, other rows
    (科員, 辦事員) are staff and give none; "合計" is the body's 員額, a quota of its words. A post an
    article already set is not read again. The table ends at the first row of another shape.
    """
    header = next((i for i, line in enumerate(lines) if {"职称", "员额"} <= set(line.key.split())), None)
    if header is None:
        return
    posts: list[Src[Post | PostGroup]] = []
    have = {p.value.title for p in facts.posts}
    read: set[int] = {lines[header].no}
    for line in lines[header + 1 :]:
        cells = line.text.split()
        keys = line.key.split()
        figure = cn_int(keys[-1]) if len(keys) >= 2 else None
        if figure is None:
            break
        read.add(line.no)
        if keys[0] in ("合计", "总计") and not facts.quotas:
            note = "the total of the staffing table (編制表)"
            facts.quotas.append(
                Src(Quota(category=QuotaCategory.OTHER, count=Count.of(figure), label="員額"), line.no, [note])
            )
        elif re.fullmatch(r"[\u4e00-\u9fff]{0,6}(?:长|主任)", keys[0]) and cells[0] not in have:
            note = "a post of the staffing table (編制表), with its figure"
            posts.append(Src(Post(title=cells[0], count=Count.of(figure)), line.no, [note]))
    facts.posts += posts
    facts.used |= read
