"""Organisational rules written as articles (组织条例, 組織規程, 處務規程 …): the eighth pass.

Rules of this kind set a body up article by article: "第3條 本局設下列各科:一、…科:掌理…事項。", "內政部置
左列各司處署會。一、總務司。…", "總務司掌左列事項。一、關於…事項。", "本局置局長一人,…;副局長二人". The
readers here take, each only in an article's own wording:

- :func:`read_articles`: the units an article sets up (a list after 設/置 下列 or 左列, one item a line
  or run on in one line; an item "X:掌理…" gives the unit its duty), the duties an article gives a
  unit it set up ("X掌左列事項" + items), the head's posts ("本局置局長一人" and its deputy), and the
  article numbers ("第3條", "第" over "1 條"), which give no fact of their own;
- :func:`article_body`: the body, when a title names the rules ("臺北市某某局組織規程") and the
  articles speak of it as 本局 (or by that name); a 本X the title does not end with is a note.

A list whose items are not all units, a list after 得設 (optional units), and posts of no head title
("本局置主任秘書一人", "本所置課長、課員") are not read here. Every doubt is a note at its place.

Imports: :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`, :mod:`orgspec.model`.
"""

from __future__ import annotations

import re

from orgspec.draft.facts import Facts, SectionFacts, Src, section_kind
from orgspec.draft.normalize import Line, cn_int, fold
from orgspec.model.names import name_key
from orgspec.model.units import Duty, Post, PostGroup
from orgspec.model.values import Basis, Count, CountStatus

__all__ = ["article_body", "drop_refusals_read_elsewhere", "read_articles"]

_CN = "一二三四五六七八九十"
#: a line that is only an article's number: "第3條", "第 5 條", "编辑第一条" (a wiki's edit token before it)
_ARTICLE_NO = re.compile(r"^(?:编辑|編輯)?第\s*[0-9〇零一二三四五六七八九十百]{1,5}\s*条$")
#: the second half of an article number the copy broke over two lines ("第" / "1 條")
_ARTICLE_TAIL = re.compile(r"^[0-9]{1,3}\s*条$")
#: a bullet a page puts before each line of an article ("- 一、總務司。")
_BULLET = re.compile(r"^[-•·]\s*")
#: a bullet and an article's number before the article's text: "第5條 本局置局長一人"
_LEAD = re.compile(r"^(?:[-•·]\s*)?(?:第\s*[0-9〇零一二三四五六七八九十百]{1,5}\s*条\s+)?")
#: an article that sets units up: "本局設下列各科、室,分別掌理下列事項:", "內政部置左列各司處署會。"
_SETS = re.compile(
    r"^(?P<subj>本[\u4e00-\u9fff]{1,2}?|[\u4e00-\u9fff]{2,20}?)(?:内设|设|置)(?:下列|左列)(?:各)?"
    r"(?P<cls>[\u4e00-\u9fff、]{0,8}?)(?:单位|机构)?(?:[,,]?(?:分别)?(?:掌理下列事项|分掌有关事项|掌理有关事项))?"
    # a clause on the units' insides set elsewhere before the colon: "…编组,其内部组设…另以…定之:"
    r"(?:[,,]其[\u4e00-\u9fff\s]{2,40}?(?:另以|另行|另)[\u4e00-\u9fff\s]{0,12}?定之)?"
    r"(?P<end>[::。]|\s|$)"
)
#: an article that gives a unit its duties: "總務司掌左列事項。", "秘書室掌理下列事項:", "X掌理事項如下:";
#: an exception may stand before the verb: "X除…另有規定外,掌理左列事項:" (found-77, catalogue 50)
_DUTIES_OF = re.compile(
    r"^(?P<unit>[\u4e00-\u9fff]{2,12}?)(?:除[^,。:]{2,40}外,?)?(?:掌理|掌)(?:(?:下列|左列)事项|事项如下)"
    r"(?P<end>[::。]|\s|$)"
)
#: an enumerated item: "一、總務司。", "一 人民團體科:…", "(一)办公室;" (the enumerator, the rest)
_ITEM = re.compile(rf"^(?:(?P<a>[{_CN}]{{1,3}})(?:、|\s+)|[((](?P<b>[{_CN}]{{1,3}})[))])\s*(?P<rest>\S.*)$")
#: the enumerators of items run on in one line: " 一、衛生署。 二、總務司。"
_INLINE = re.compile(rf"(?:^|(?<=[。;;\s]))([{_CN}]{{1,3}})、")
#: the ending of a unit's name (folded key)
_UNIT_END = re.compile(r"(?:办公厅|办公室|委员会|中心|司|处|署|会|科|室|组|課|课|局|股|队|站|所|厅|院|部)$")
#: a duty's opening after the unit's name and a colon: "掌理…", "负责…", "办理…"
_DUTY_OPEN = re.compile(r"^(?:掌理|掌|负责|办理|主管)")
#: an opening that says each unit's words are its duties: "…設下列各科、室,分別掌理下列事項:"
_ALL_DUTIES = re.compile(r"掌理下列事项|分掌有关事项|掌理有关事项")
#: the head's title for the last character(s) of 本X
_HEADS = {"会": "主任委员", "委员会": "主任委员", "中心": "主任", "室": "主任", "办公室": "主任"}
#: a post the article sets: "置局长一人", "副局长一人或二人" (title, figure, a second figure after 或)
_FIG = "[0-9一二两三四五六七八九十]{1,3}"
_COUNTED = re.compile(rf"(?P<title>副?[\u4e00-\u9fff]{{1,6}}?)(?P<n>{_FIG})人(?:或(?P<m>{_FIG})人)?")
#: the title of a body's rules on one line: "外交部領事事務局組織條例 ( 81年01月22日)"
_TITLE = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{2,30}?)"
    r"(?P<rules>组织法|组织条例|组织规程|处务规程|办事细则|办事細则|编制表|组织通则|组织准则)"
    r"\s*(?:[((][^()()]{0,30}[))])?$"
)
#: 本X that is the rules themselves, not the body ("本规程依…", "本条例所称…")
_RULES_WORD = re.compile(r"(?:规程|条例|细则|細则|办法|规定|准则|法)$")
#: an article whose subject is 本X: "本局置…", "本所設…", "本府依…設…"
_SELF = re.compile(r"^本(?P<x>[\u4e00-\u9fff]{1,3}?)(?:置|内设|设|依|为|得|处理|经|掌|就|对)")


def _body_of(line: Line, number: bool = True) -> tuple[str, str, int]:
    """Return the text and key of a line without the bullet (and article number) before it, and the cut."""
    m = (_LEAD if number else _BULLET).match(line.key)
    cut = m.end() if m else 0
    return line.text[cut:], line.key[cut:], cut


def _numbers(lines: list[Line], facts: Facts) -> set[int]:
    """Mark the lines that are only an article's number: read, no fact of their own."""
    taken: set[int] = set()
    for i, line in enumerate(lines):
        key = _body_of(line, number=False)[1]
        if _ARTICLE_NO.match(key):
            taken.add(line.no)
        elif key == "第" and i + 1 < len(lines) and _ARTICLE_TAIL.match(lines[i + 1].key):
            taken |= {line.no, lines[i + 1].no}
    facts.used |= taken
    for no in sorted(taken):
        facts.note(no, "skipped", "an article's number (第N條): no fact of its own")
    return taken


def _split_inline(text: str, key: str) -> list[tuple[int, str]]:
    """Split items run on in one line ("一、衛生署。 二、總務司。") when their numbers run 1, 2, 3 …."""
    starts = list(_INLINE.finditer(key))
    if not starts or key[: starts[0].start()].strip():
        return []  # words before the first item: no list of items
    items: list[tuple[int, str]] = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(key)
        number = cn_int(m.group(1))
        if number != len(items) + 1:
            return []
        items.append((number, re.sub(r"[\s|]+$", "", text[m.end() : end])))  # a table's cell ends in "|"
    return items


def _items(
    lines: list[Line], start: int, rest: tuple[str, str], continued: set[int] | None = None
) -> list[tuple[int, int, str]]:
    """Return the items after an article's opening: (number, line, text), numbered 1, 2, 3 … from the first.

    ``continued`` gathers the lines a copy broke an item onto (read into that item's text).
    """
    if rest[1].strip():
        return [(n, lines[start].no, t) for n, t in _split_inline(*rest)]
    out: list[tuple[int, int, str]] = []
    for line in lines[start + 1 :]:
        if not line.text:
            continue
        text, key, _ = _body_of(line)
        m = _ITEM.match(key)
        if m is None and out and _continues(out[-1][2], key):
            # a copy that breaks lines inside an item ("…醫療補助、災害救助、遊民輔導" / "、社會救助機構…等事項。")
            number, no, before = out[-1]
            out[-1] = (number, no, before + text.strip())
            if continued is not None:
                continued.add(line.no)
            continue
        if m is None or cn_int(m.group("a") or m.group("b")) != len(out) + 1:
            break
        out.append((len(out) + 1, line.no, text[m.start("rest") :].strip()))
    return out


def _continues(item: str, key: str) -> bool:
    """Whether a line goes on with an item the line before broke off.

    It does when the item has not ended (。;) and the line opens no article, list or item of its own.
    """
    if re.search(r"[。;;]$", item) or _ARTICLE_NO.match(key) or _ARTICLE_TAIL.match(key) or key == "第":
        return False
    return not (_SETS.match(key) or _DUTIES_OF.match(key) or _SELF.match(key) or _TITLE.match(key))


def _last_line(lines: list[Line]) -> int:
    return max((line.no for line in lines if line.text), default=0)


def _duty(text: str, at_end: bool) -> Duty:
    """Return a duty as written, cut off when the copy stops inside it.

    Its stop is kept, as the duty readers and the corpus's specs keep it.

    ``at_end``: the duty is the last item on the document's last line (an item with no stop there).
    """
    cut = at_end and not re.search(r"[。;;.]$", text)
    return Duty(text=text.strip(), cut_off=cut)


_NOT_ALL_UNITS = "an article lists items that are not all units: not read as sections"


def drop_refusals_read_elsewhere(facts: Facts) -> None:
    """Drop the refusal of an article's list that the sections reader read after all.

    "(一)办公室(兼…)。" on the line after "设下列内设机构:" is no bare unit name for the reader of
    articles, but it is a 三定's section: once a section comes from that line or the next, saying the
    list was "not read as sections" would contradict the draft.
    """
    read = {x.line for x in facts.sections}
    facts.notes = [
        n
        for n in facts.notes
        if not (n.message == _NOT_ALL_UNITS and n.line is not None and {n.line, n.line + 1} & read)
    ]


def _sections(lines: list[Line], facts: Facts, last: int) -> set[int]:
    """Read the units an article sets up, with the duty an item gives its unit."""
    taken: set[int] = set()
    for i, line in enumerate(lines):
        text, key, _ = _body_of(line)
        m = _SETS.match(key)
        if m is None:
            continue
        # "本部為應業務需要得設下列…編組": units the body may set up, each optional in the article's words
        may = re.match(r"^本[\u4e00-\u9fff](?P<why>(?:为[\u4e00-\u9fff]{2,12}?)?得)$", m.group("subj"))
        if m.group("subj").endswith("得") and may is None:
            continue
        owner = re.sub(r"(?:分|下|内)$", "", m.group("subj"))
        if owner != m.group("subj") or owner in {name_key(x.name) for x in facts.sections}:
            facts.note(line.no, "doubt", f"units under '{owner}', a unit of the body: not read as its sections")
            continue
        continued: set[int] = set()
        items = _items(lines, i, (text[m.end() :], key[m.end() :]), continued)
        if len(items) < 2:
            continue
        read: list[tuple[int, int, str, str]] = []
        for number, no, item in items:
            cut = re.search(r"[::。;;]", item)
            name, rest = (item[: cut.start()], item[cut.end() :].strip()) if cut else (item, "")
            if cut is not None and cut.group() not in "::" and rest:
                read = []  # "(一)办公室。负责…": a 三定's sections in articles, the sections reader's
                break
            if not re.fullmatch(r"[\u4e00-\u9fff]{1,15}", name.strip()) or not _UNIT_END.search(name_key(name)):
                facts.note(line.no, "doubt", _NOT_ALL_UNITS)
                read = []
                break
            read.append((number, no, name.strip(), rest))
        if not read:
            continue
        read_lines = {no for _, no, _, _ in read} | continued
        taken |= {line.no} | read_lines
        facts.continued |= continued
        span = f"lines {read[0][1]}-{read[-1][1]}" if read[-1][1] != line.no else "this line"
        facts.note(line.no, "skipped", f"the opening of an article's list of units ({span})")
        subject = text[: m.end("subj")]
        if not subject.startswith("本") and facts.subject is None and _UNIT_END.search(name_key(subject)):
            note = "the subject of the article that sets up its units, a name of last resort"
            facts.subject = Src(subject, line.no, [note])
        for number, no, name, rest in read:
            section = SectionFacts(name=name, line=no, number=number, kind=section_kind(name))
            section.notes.append("a unit an article sets up (設下列/置左列)")
            if may is not None:
                start = len(m.group("subj")) - len(may.group("why"))
                section.optional = text[start : m.end("subj") + 1]
            work = _item_units(_item_posts(rest, no, section), no, section)
            at_end = number == len(read) and last in read_lines and work == rest
            if work and (_DUTY_OPEN.match(name_key(work)) or _ALL_DUTIES.search(m.group(0))):
                section.duties.append(Src(_duty(work, at_end), no))
            elif work:
                section.doc_notes.append(
                    Src(work, no, ["what the article says of the unit, not a duty: kept as a note"])
                )
            facts.sections.append(section)
    return taken


#: an item's posts after its work: "…等業務,置執行長、副執行長各一人,由適當人員擔任。" (titles, 各, figure)
_ITEM_POSTS = re.compile(
    r"[,,]\s*置(?P<titles>[\u4e00-\u9fff]{1,8}(?:、[\u4e00-\u9fff]{1,8})+)各(?P<n>[一二两兩三四五六七八九十])人"
)


#: an item's units by their fields and the unit they share: "下設文書、機要、譯電等三股。" (folded key)
_ITEM_UNITS = re.compile(
    r"^下设(?P<fields>[\u4e00-\u9fff]{1,4}(?:、[\u4e00-\u9fff]{1,4})+)等(?P<n>[一二两三四五六七八九十]{1,3})"
    r"(?P<unit>[股科组课室])[。;]?$"
)


def _item_units(rest: str, no: int, section: SectionFacts) -> str:
    """Read the units an item sets up under its unit ("下設人事、庶務等二股"); return the rest, "" when read.

    Each unit is named by its field and the shared unit ("人事股"); the list's count is stated with it. A count
    the list does not meet, or names that are not bare fields, leave the words as they are (a note).
    """
    m = _ITEM_UNITS.match(fold(rest))
    if m is None:
        return rest
    fields = rest[m.start("fields") : m.end("fields")].split("、")
    if cn_int(m.group("n")) != len(fields) or len(set(fields)) != len(fields):
        return rest
    unit = rest[m.start("unit") : m.end("unit")]
    for name in fields:
        child = SectionFacts(name=name + unit, line=no, kind=section_kind(name + unit))
        child.notes.append("a unit named by its field and the unit its list shares ('下設A、B等N股')")
        section.units.append(child)
    section.stated_units = Src((len(fields), rest[: m.end("unit")]), no)
    return ""


def _item_posts(rest: str, no: int, section: SectionFacts) -> str:
    """Read the posts an item gives its unit with 各 ("置A、副A各一人"); return the item's work before them.

    The first title is the head when the next is its deputy (副 + the title); the clause from 置 on is kept as
    the unit's note, as written. Without 各 the figure may be the total, and nothing is read.
    """
    m = _ITEM_POSTS.search(rest)
    if m is None:
        return rest
    titles = m.group("titles").split("、")
    n = cn_int(m.group("n").replace("兩", "两"))
    if n is None or len(set(titles)) != len(titles):
        return rest
    head = titles[0] if "副" + titles[0] in titles else None
    for title in titles:
        role = "chief" if title == head else "deputy" if head is not None and title == "副" + head else None
        note = "a post an item gives its unit ('置A、B各N人': each N)"
        section.posts.append(Src(Post(title=title, count=Count.of(n), role=role), no, [note]))
    section.doc_notes.append(Src(rest[m.start() + 1 :].strip(), no, ["the item's words on its posts, as written"]))
    return rest[: m.start()].strip()


def _unit_duties(lines: list[Line], facts: Facts, last: int) -> set[int]:
    """Read "X掌左列事項" and its items as the duties of X, a unit an article set up."""
    taken: set[int] = set()
    units = {name_key(s.name): s for s in facts.sections}
    for i, line in enumerate(lines):
        text, key, _ = _body_of(line)
        m = _DUTIES_OF.match(key)
        if m is None:
            continue
        section = units.get(name_key(text[: m.end("unit")]))
        continued: set[int] = set()
        items = _items(lines, i, (text[m.end() :], key[m.end() :]), continued)
        if section is None and items and not facts.duties and _own(lines, m.group("unit")):
            # "本局掌理下列事項:" under the rules' title of "…局": the body's own duties
            read_lines = {no for _, no, _ in items} | continued
            facts.continued |= continued
            for number, no, item in items:
                duty = _duty(item, number == len(items) and last in read_lines)
                facts.duties.append(Src(duty.model_copy(update={"number": number}), no))
            taken |= read_lines | {line.no}
            continue
        if section is None:
            if items:
                facts.note(line.no, "doubt", f"duties of '{m.group('unit')}', a unit no article sets up: not read")
            continue
        if not items or section.duties:
            continue
        taken.add(line.no)
        span = f"lines {items[0][1]}-{items[-1][1]}" if items[-1][1] != line.no else "this line"
        facts.note(line.no, "skipped", f"the opening of an article's list of {section.name}'s duties ({span})")
        read_lines = {no for _, no, _ in items} | continued
        facts.continued |= continued
        for number, no, item in items:
            duty = _duty(item, number == len(items) and last in read_lines)
            section.duties.append(Src(duty.model_copy(update={"number": number}), no))
        taken |= read_lines
    return taken


def _own(lines: list[Line], unit: str) -> bool:
    """Return True for "本X" when the rules' title names a body ending with X (本局 under "…地政局組織規程")."""
    title = next((m for line in lines[:12] if (m := _TITLE.match(line.key))), None)
    return unit.startswith("本") and title is not None and title.group("name").endswith(unit[1:])


#: another post an article sets with its figure: "主任秘書", "科長", "主任" (not staff: 科員, 辦事員)
_OTHER_POST = re.compile(r"[\u4e00-\u9fff]{0,4}(?:长|主任|秘书)")


def _head(x: str) -> str:
    """Return the title of the head of a body spoken of as 本X: 局 → 局长, 中心 → 主任, 会 → 主任委员."""
    return _HEADS.get(x, x + "长")


def _count(n: str, m: str | None, text: str) -> Count | None:
    low, high = cn_int(n), cn_int(m) if m else None
    if low is None:
        return None
    if m is None:
        return Count.of(low)
    if high is None or high < low:
        return None
    return Count(status=CountStatus.RANGE, value=low, high=high, text=text)


_SETS_POST = "a post an article sets (本X置…N人)"
#: an article whose subject is the body's name and its short name: "金門縣政府(以下簡稱本府)置縣長一人"
_NAMED_SELF = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,20}?)\s*[((]以下简称(?P<self>本[\u4e00-\u9fff]{1,3})[))]\s*置")


def _posts(lines: list[Line], facts: Facts) -> set[int]:
    """Read the head's posts an article sets: "本局置局長一人,…;副局長一人或二人"."""
    taken: set[int] = set()
    for line in lines:
        text, key, _ = _body_of(line)
        head = None
        if named := _NAMED_SELF.match(key):
            # "金門縣政府(以下簡稱本府)置縣長一人": the body's name and its short name, then the posts
            level = re.search(r"([省市县区州镇乡])(?:人民)?政府$", named.group("name"))
            head = level.group(1) + "长" if level else None
            cut = named.end() - 1
            key, text = named.group("self") + key[cut:], named.group("self") + text[cut:]
        m = re.match(r"^本([\u4e00-\u9fff]{1,3}?)置", key)
        if m is None:
            continue
        head = head or _head(m.group(1))
        read: list[Src[Post | PostGroup]] = []
        for clause in re.finditer(r"(?:^|[,,;;。、])(?:本[\u4e00-\u9fff]{1,3}?置|置)?", key):
            c = _COUNTED.match(key, clause.end())
            # the head and deputy, and the other posts the article sets with a figure (主任秘書一人, 科長三人)
            other = (
                c is not None
                and c.group("title") not in (head, "副" + head)
                and _OTHER_POST.fullmatch(c.group("title"))
            )
            if c is None or (c.group("title") not in (head, "副" + head) and not other):
                continue
            count = _count(c.group("n"), c.group("m"), text[c.start("n") : c.end()])
            if count is None:
                continue
            title = text[c.start("title") : c.end("title")]
            role = None if other else "deputy" if c.group("title").startswith("副") else "chief"
            notes = [_SETS_POST]
            if count.status is CountStatus.RANGE:
                notes.append(f"'{count.text}': a range, as written")
            if title in {p.value.title for p in read}:
                continue
            read.append(Src(Post(title=title, count=count, role=role), line.no, notes))
        if not read:
            continue
        # an article of other posts alone ("本府置主任秘書一人;置秘書二人") is not read: the specs disagree on
        # whether its titles are posts (found-99) or pools of staff (found-93's 秘書, 專員)
        if not any(isinstance(p.value, Post) and p.value.role == "chief" for p in read):
            facts.note(line.no, "doubt", f"a deputy with no {head}: the article's posts are not read")
            continue
        taken.add(line.no)
        facts.posts += read
    return taken


#: an article's opening of a list that is no unit's and no duty: "…的方案,应当包括下列事项:", "…按照下列标准核定:"
_CONTENTS = re.compile(r"(?:包括|符合|按照|具备|具有|遵循)下列[\u4e00-\u9fff]{1,4}[::]$")
#: an article's number before its text: "第十五条 …"
_NUMBERED = re.compile(r"^(?:[-•·]\s*)?第\s*[0-9〇零一二三四五六七八九十百]{1,5}\s*条\s*\S")


def _contents(lines: list[Line], facts: Facts, taken: set[int]) -> set[int]:
    """Claim the items of an article that lists what a plan must include or a rule's conditions.

    "第十五条 增设内设机构的方案,应当包括下列事项:(一)增设机构的必要性;…": a regulation's article, not a
    body's units or duties; its items are listed as giving no fact, so no other reader takes them.
    """
    claimed: set[int] = set()
    articled = sum(1 for line in lines if _NUMBERED.match(line.key) or line.no in taken) >= 2  # a text of articles
    for i, line in enumerate(lines):
        if line.no in taken or not (articled or _NUMBERED.match(line.key)) or not _CONTENTS.search(line.key):
            continue
        items = _items(lines, i, ("", ""))
        if not items:
            continue
        claimed |= {line.no} | {no for _, no, _ in items}
        span = f"lines {items[0][1]}-{items[-1][1]}"
        facts.note(line.no, "skipped", f"an article opens a list of what a rule requires ({span}): no unit, no duty")
        for _, no, _ in items:
            facts.note(no, "skipped", f"an item of the list article line {line.no} opens: no fact of a body")
    return claimed


def read_articles(lines: list[Line], facts: Facts) -> set[int]:
    """Read the articles of a body's rules; return the lines taken (their facts are in ``facts``)."""
    last = _last_line(lines)
    taken = _numbers(lines, facts)
    taken |= _sections(lines, facts, last)
    taken |= _unit_duties(lines, facts, last)
    taken |= _posts(lines, facts)
    taken |= _contents(lines, facts, taken)
    facts.used |= taken
    return taken


def article_body(lines: list[Line], facts: Facts) -> None:
    """Name the body its rules' title names, when the articles speak of it (本局, or by that name)."""
    title = next(((line, m) for line in lines[:12] if (m := _TITLE.match(line.key))), None)
    if facts.name is not None:
        # an article's short name ("特設地政局(以下簡稱本局)") gives way to the title's full name that ends with it
        full = name_key(title[0].text[title[1].start("name") : title[1].end("name")]) if title else ""
        if not full or full == name_key(facts.name.value) or not full.endswith(name_key(facts.name.value)):
            return
    selves = [
        (line, m.group("x"))
        for line in lines
        if (m := _SELF.match(_body_of(line)[1])) and not _RULES_WORD.search(m.group("x"))
    ]
    if title is None:
        named = next(
            (
                (line, m)
                for line in lines
                if (m := _NAMED_SELF.match(_body_of(line)[1]))
                and not _RULES_WORD.search(m.group("self"))
                and (_UNIT_END.search(name_key(m.group("name"))) or name_key(m.group("name")).endswith("政府"))
            ),
            None,
        )
        if named is not None and facts.name is None:
            # "金門縣政府(以下簡稱本府)置縣長一人": no title, but an article names the body it calls 本府
            line, m = named
            text = _body_of(line)[0]
            note = f"the name is read from '(以下简称{m.group('self')})' in an article"
            facts.name = Src(text[m.start("name") : m.end("name")].strip(), line.no, [note])
            return
        if selves:
            line, x = selves[0]
            facts.note(line.no, "doubt", f"the articles speak of '本{x}' and no title names it: the body is not named")
        return
    line, m = title
    name = line.text[m.start("name") : m.end("name")]
    key = name_key(name)
    if "各" in name:
        facts.note(line.no, "doubt", f"the rules of '{name}', a class of bodies: the body is not named")
        return
    spoken = [x for _, x in selves if key.endswith(name_key(x))]
    others = sorted({x for _, x in selves if not key.endswith(name_key(x))})
    by_name = any(_body_of(x)[1].startswith(m.group("name")) and x.no != line.no for x in lines)
    if not spoken and not by_name:
        facts.note(line.no, "doubt", f"the title names '{name}' but no article speaks of it: the body is not named")
        return
    notes = [f"the body the title of its rules names (line {line.no}), spoken of in the articles"]
    if others:
        notes.append("the articles also speak of " + "、".join("本" + x for x in others) + ", not this body's ending")
    facts.name = Src(name, line.no, notes)
    facts.used.add(line.no)
    rules = line.text[m.start("name") : m.end("rules")]
    if rules not in {b.value.title for b in facts.basis}:
        facts.basis.append(Src(Basis(title=rules), line.no, ["the body's rules, named by their title"]))
