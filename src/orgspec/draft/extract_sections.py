"""Extract internal sections: the stated count, headings, plaques, duties, shared duty lists.

Imports: :mod:`orgspec.draft.extract_duties`, :mod:`orgspec.draft.extract_lists`,
:mod:`orgspec.draft.extract_staffing`, :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`,
:mod:`orgspec.draft.segment`, :mod:`orgspec.model`.
"""

from __future__ import annotations

import re

from orgspec.draft.extract_duties import check_numbering, enum_of, is_page_chrome
from orgspec.draft.extract_lists import NOT_PLAQUE, is_unit_name, read_running
from orgspec.draft.extract_staffing import extract_staffing
from orgspec.draft.facts import COUNT_ONLY, Facts, SectionFacts, SharedFacts, Src, section_kind
from orgspec.draft.normalize import Line, cn_int, fold
from orgspec.draft.segment import enum_style
from orgspec.model.units import Duty, Plaque, Post
from orgspec.model.values import Count, UnitKind

__all__ = ["extract_sections", "read_stated", "section_kind"]

_NUM = r"(\d+|[一二三四五六七八九十两]{1,3})"
_STATED = re.compile(
    r"设(?:置|有)?(?:以下|下列|如下)?"
    + _NUM
    + r"个(?:内设机构|职能处室|处室|科室|股室|职能科室|内设处室|职能司局|司局|职能处\(室\)|职能处|机构|处|科|室|股|司)"
    + r"(?:\(([^()]*?)建制\))?"
)
#: the noun, then the count: "某委员会内设机构19个", "确定某街道机关内设机构6个" (no list need follow)
_NOUN_COUNT = re.compile(r"内设机构(?:数)?(?:为|共)?" + _NUM + r"个(?![\u4e00-\u9fff(])")
#: "其内设机构由以前的六个增至九个": the later figure is the count stated now
_CHANGED = re.compile(r"内设机构(?:由[^,。;]{0,12}?)(?:增至|增加到|减至|减少到|调整为)" + _NUM + "个")
_SHARED = re.compile(r"^上述" + _NUM + r"?个?([^,。:]{0,8}?)的?(?:主要)?职责(?:是|为)[::]?$")
_PLAQUE_IN = re.compile(r'^(加挂|增挂|对外保留|保留|挂)"?(.+?)"?牌子$')
_UNITLIKE = re.compile(r"(处|科|室|局|司|股|中心|办公室|办|部|队|所|站|委员会|委)$")
#: a unit set per regulations, outside the listed ones, in either order: "另按规定设X", "按有关规定设置X。",
#: "X按有关规定设置。"
_PER_REG = re.compile(
    r"^(?:另|并)?按(?:有关|相关)?规定设(?:定|置|立)?了?([^,。;]{2,20}?)[。;]?$"
    r"|另按(?:有关)?规定设(?:定|置|立)?([^,。;]{2,20}?)[。;]?$"
    r"|^([\u4e00-\u9fff]{2,20}?)(?:另|并)?按(?:有关|相关)?规定(?:设置|设立|单独设置)[。;]?$"
)
#: "职责:负责…": a label before a section's duty paragraph (the duties heading, written inline)
_DUTY_LABEL = re.compile(r"^(?:主要|工作)?职责(?:是|为)?[::]\s*(?=\S)")
_UNNUMBERED = re.compile(r"^([\u4e00-\u9fff]{2,14}(?:党委|党组|工会|团委|中心|办公室|处|科|室|股|司))[。:]")
_VERBS = ("负责", "承担", "指导", "协调", "组织", "拟订", "研究", "管理", "办理", "参与", "贯彻", "完成", "根据")
_NAME_ONLY = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff ]{0,16}(?:办公室|中心|处|科|室|局|股|司)(?:\([^()]{2,30}\))?$")
_PERSON = re.compile(r"^([\u4e00-\u9fff]{2,8})[::]([\u4e00-\u9fff]{2,4})$")


def read_stated(line: Line, facts: Facts) -> bool:
    """Read "设N个内设机构(科级建制)"; return True when the line states the count."""
    m = _STATED.search(line.key) or _CHANGED.search(line.key) or _NOUN_COUNT.search(line.key)
    if not m:
        return False
    count = cn_int(m.group(1))
    if count is None:
        return False
    if m.re is _STATED and re.search(r"(?:下列|如下)\S*个机构", m.group(0)):
        # "X设下列13个机构,分别为…": whose 机构 they are is the list reader's to say (a government's are bodies)
        return False
    notes = [] if m.re is not _CHANGED else ["the count the text gives after a change ('增至'): the later figure"]
    if m.re is _NOUN_COUNT:
        notes.append(COUNT_ONLY)
    facts.stated_sections = Src((count, line.text[m.start() : m.end()]), line.no, notes)
    if m.re is _STATED and m.group(2):
        facts.section_rank = Src(line.text[m.start(2) : m.end(2)], line.no)
    facts.used.add(line.no)
    return True


def _add_section(facts: Facts, section: SectionFacts, rest: str, line: int, note: str = "") -> None:
    """Record a section read from ``line``: the text after its name is its duty; the line is used."""
    if note:
        section.notes.append(note)
    if rest:
        section.duties.append(Src(Duty(text=rest), line))
    facts.sections.append(section)
    facts.used.add(line)


def _hung(text: str, m: re.Match[str], line: int) -> list[Src[Plaque]]:
    """Return the plaques a clause "加挂A、B牌子" hangs (``_PLAQUE_IN`` matched on its key).

    One plaque a name; the verb is its form.
    """
    form = text[m.start(1) : m.end(1)]
    names = (n.strip('"“” ') for n in re.split(r"[、,]", text[m.start(2) : m.end(2)]))
    return [Src(Plaque(name=n, form=form), line) for n in names if n]


def _heading(text: str, key: str, line: int) -> tuple[SectionFacts, str]:
    """Split "名称(挂“X”牌子)。职责…" into a section and the text after its name."""
    rest = ""
    marks = [i for i in (key.find("。"), key.find(":")) if 0 < i <= 40]
    comma = _NAME_THEN.match(key)
    note = None
    plaques: list[Src[Plaque]] = []
    if comma is not None and all(comma.end(1) < i for i in marks):
        # a unit's name holds no comma: "粮食股,对外保留…牌子", "规划股,负责…。": the name ends there
        after, after_key = text[comma.end() :].strip(), key[comma.end() :].strip()
        text, key = text[: comma.end(1)], key[: comma.end(1)]
        hung = _PLAQUE_IN.match(re.sub(r"[。;; ]+$", "", after_key))
        if after_key.startswith((*_VERBS, "主要")):
            rest = after
        elif hung is not None:
            plaques = _hung(after, hung, line)  # "社区矫正股,对外保留县社区矫正中心牌子。"
        elif after:
            note = Src(after, line, ["the words after the unit's name are kept as a note"])
    elif marks:  # the first of 。 and : ends the name: "办公室:负责…。"
        i = min(marks)
        text, rest, key = text[:i], text[i + 1 :].strip(), key[:i]
    section = SectionFacts(name=text, line=line)
    section.plaques += plaques
    if note is not None:
        section.doc_notes.append(note)
    m = re.match(r"^(.+?)\((.+)\)$", key)
    if m:
        base, inner = text[: m.end(1)], text[m.start(2) : m.end(2)]
        inner_key = key[m.start(2) : m.end(2)]
        section.name = base
        p = _PLAQUE_IN.match(inner_key)
        if p:
            section.plaques += _hung(inner, p, line)  # "(加挂A、B牌子)"
        elif inner_key.startswith("兼") and _UNITLIKE.search(inner_key) and len(inner_key) > 3:
            # "(兼县重点项目办公室)": the unit serves as another, the field's 兼 plaque (not a name "兼…")
            section.plaques.append(Src(Plaque(name=inner[1:], form=inner[0]), line))
        elif _UNITLIKE.search(inner_key) and not inner_key.startswith(NOT_PLAQUE):
            section.plaques.append(
                Src(
                    Plaque(name=inner),
                    line,
                    [f"'({inner})' read as a plaque; it may be another name or an abbreviation"],
                )
            )
        else:
            section.doc_notes.append(Src(f"({inner})", line, ["the words in parentheses are kept as a note"]))
    section.kind = section_kind(section.name)
    return section, rest


#: a line that states a quota or a count of posts: "机关行政编制10名", "领导职数3名" (no duty states a figure so)
_STAFFING_LINE = re.compile(r"(?:编制|职数)(?:为|核定为|共)?(?:\d{1,5}|[一二三四五六七八九十百两]{1,4})名")
#: a unit's name, then a comma and more words: "粮食股,对外保留县粮食储备管理中心牌子"
_NAME_THEN = re.compile(r"^([\u4e00-\u9fff]{2,16}(?:处|科|室|股|司|中心|办公室|队|所|站))[,,]")
_LEAD_IN = re.compile(r"(?:下设|内设|设有|以下|分别为|如下|设下列|包括)[^。]{0,20}:$")
_BULLET = re.compile(r"^\s*[-—–·•*●○▪]+\s*")


#: an entry headed by a unit's name and a space: "土地规划建设处 1993年9月成立,…" (a gazetteer's entries)
_ENTRY = re.compile(
    r"^([\u4e00-\u9fff]{2,14}(?:党委|党组|工会|团委|中心|办公室|处|科|室|股|司)) +(?=[\u4e00-\u9fff\d])"
)
#: a sentence of an entry that states the unit's founding, rank or staff, not its work
_ENTRY_FACT = re.compile(r"\d{4}年|成立|设立|[正副][处科股]级|工作人员|编制|\d+人")
#: the frame of a sentence of functions: "职能是…", "主要职责为…"
_ENTRY_FRAME = re.compile(r"^(?:主要)?(?:职能|职责)(?:是|为)[::]?")


def _entry_text(section: SectionFacts, text: str, line: int) -> None:
    """Read an entry's text after the unit's name: its work as duties, its founding and staff as notes.

    Each sentence of work is split at ";" (one duty per clause, as the entry parts them), the frame
    "职能是" left out; a sentence of founding, rank or staff is kept as a note (it states no work).
    """
    for sentence in re.findall(r"[^。]+。?", text):
        key = fold(sentence)
        if _ENTRY_FACT.search(key) and not re.match(r"(?:主要)?(?:负责|职能|职责)", key):
            section.doc_notes.append(Src(sentence, line, ["the unit's founding, rank or staff, kept as a note"]))
            continue
        frame = _ENTRY_FRAME.match(key)
        work = sentence[frame.end() :] if frame else sentence
        for piece in re.split(r"(?<=[;;])", work):
            clause = re.sub(r"[;;。]+$", "", piece.strip())
            if len(re.findall(r"[\u4e00-\u9fff]", clause)) < 6 or re.fullmatch(
                r"[\u4e00-\u9fff]{2,4}(?: +[\u4e00-\u9fff]{2,4})*", clause
            ):
                # "0535-4211234", "张某某 李某某": a telephone, the names of its staff; no work of the unit
                if clause:
                    section.doc_notes.append(Src(clause, line, ["the words after the unit's name are kept as a note"]))
                continue
            section.duties.append(Src(Duty(text=clause), line, ["a clause of the entry's work"]))


#: marks that end, split or list in a sentence, and the verbs that relate a unit to another ("X设在Y", "X包括
#: A", "X与Y合并"): a numbered item's "name" that holds one is a sentence
_SENTENCE_MARK = re.compile(r"[。,;、]|设在|設在|包括|合并|合併|挂靠|掛靠|隶属|隸屬")


def extract_sections(lines: list[Line], facts: Facts) -> None:
    """Read the sections part: the stated count, each section with its plaques and duties."""
    shared: SharedFacts | None = None
    style: str | None = None
    running = False
    for line in lines:
        if enum_of(line) is None and _LEAD_IN.search(line.key):
            read_stated(line, facts)  # "下设以下4个科室:", "内设机构如下:": the list follows
            facts.used.add(line.no)
            continue
        bullet = _BULLET.match(line.key)
        named = bullet is not None and _heading(line.text[bullet.end() :], line.key[bullet.end() :], line.no)
        if bullet is not None and named and is_unit_name(fold(named[0].name)):
            _add_section(facts, *named, line.no, "an item of a dash list")
            shared = None
            continue
        if not facts.sections and enum_of(line) is None and read_running(line, facts):
            running = True
            continue
        if read_stated(line, facts):
            continue
        found = enum_of(line)
        if found is not None and re.search(r"\d{4}", found[1][:8]):
            facts.note(line.no, "skipped", f"a numbered heading that names no section: {line.text[:40]}")
            facts.used.add(line.no)
            running = True
            continue
        if running:
            if re.match(r"下属(?:事业)?单位", line.key) and read_running(line, facts):
                continue  # "下属事业单位:县就业服务中心、…": institutions after the sections
            if "编制" in line.key or "职数" in line.key:
                extract_staffing([line], facts)
            if line.no not in facts.used:
                facts.note(line.no, "skipped", f"text after a list of sections: {line.text[:40]}")
            continue
        if found is None and _NAME_ONLY.match(line.key):
            _add_section(facts, _heading(line.text, line.key, line.no)[0], "", line.no)
            shared = None
            continue
        this = enum_style(line)
        if this == "article":
            facts.used.add(line.no)
            continue  # the lead-in article: "第四条 X设下列内设机构:"
        if found is not None and style is None:
            style = this
        if found is not None and this != style and facts.sections and shared is None:
            current = facts.sections[-1]
            current.duties.append(Src(Duty(text=line.text), line.no, ["a sub-item numbered in another style"]))
            facts.used.add(line.no)
            continue
        if found is not None:
            number, text = found
            key = line.key[len(line.key) - len(text) :]
            section, rest = _heading(text, key, line.no)
            name_key = fold(section.name)
            if _SENTENCE_MARK.search(name_key) or (section.doc_notes and not is_unit_name(name_key)):
                # "(一)X包括甲园、乙园。", "(二)X与Y合并,不再保留…": a numbered sentence, not a unit's name and
                # its words: a name holds no 。 or ,, and one followed by a mere note must look like a unit's
                facts.note(line.no, "skipped", f"a numbered sentence, not a unit's name: {line.text[:40]}")
                continue
            section.number = number
            _add_section(facts, section, rest, line.no)
            shared = None
            continue
        m = _SHARED.match(line.key)
        if m:
            owners = [i for i, s in enumerate(facts.sections) if not s.duties]
            run: list[int] = []
            for i in reversed(owners):
                if run and i != run[-1] - 1:
                    break
                run.append(i)
            run.reverse()
            shared = SharedFacts(sections=run, intro=line.text.rstrip(":"), line=line.no)
            said = cn_int(m.group(1)) if m.group(1) else None
            if said is not None and said != len(run):
                shared.notes.append(
                    f"the document says {said} sections share this list; {len(run)} listed without duties"
                )
            facts.shared.append(shared)
            facts.used.add(line.no)
            continue
        e = _ENTRY.match(line.key)
        if e and not e.group(1).startswith(_VERBS):
            # "土地规划建设处 1993年9月成立,正科级,…。负责…": an entry headed by the unit's name and a space
            section, _ = _heading(line.text[: e.end(1)], line.key[: e.end(1)], line.no)
            _add_section(facts, section, "", line.no, "an entry headed by the unit's name")
            _entry_text(facts.sections[-1], line.text[e.end() :], line.no)
            shared = None
            continue
        u = _UNNUMBERED.match(line.key)
        if u and not u.group(1).startswith(_VERBS):
            section, rest = _heading(line.text, line.key, line.no)
            after = any(x.number is not None for x in facts.sections)
            note = "an unnumbered unit " + ("listed after the numbered sections" if after else "of the list")
            _add_section(facts, section, rest, line.no, note)
            shared = None
            continue
        m2 = _PER_REG.search(line.key)
        g = next((i for i in (1, 2, 3) if m2 is not None and m2.group(i) is not None), 0)
        if m2 and (
            g == 2
            or _UNITLIKE.search(m2.group(g))
            or re.search(r"(?:机构|党委|党组|党总支|党支部|工会|团委)$", m2.group(g))
        ):
            name = line.text[m2.start(g) : m2.end(g)]
            kind = section_kind(name)
            if "纪检" in m2.group(g) or "监察" in m2.group(g):
                kind = UnitKind.DISCIPLINE_UNIT
            unit = SectionFacts(name=name, line=line.no, kind=kind, per_regulations=True)
            unit.doc_notes.append(Src(line.text, line.no))
            unit.notes.append("set per regulations; not one of the listed sections")
            facts.sections.append(unit)
            facts.used.add(line.no)
            shared = None
            continue
        if shared is not None:
            shared.duties.append(Src(Duty(text=line.text), line.no))
            facts.used.add(line.no)
        elif facts.sections and facts.sections[-1].per_regulations and not facts.sections[-1].duties:
            # a unit set per regulations has no duties in the list: what follows it is no duty of it
            facts.sections[-1].doc_notes.append(Src(line.text, line.no, ["after a unit set per regulations"]))
            facts.used.add(line.no)
        elif facts.sections:
            current = facts.sections[-1]
            p = _PERSON.match(line.key)
            if p and re.search(r"(书记|主任|长|主席|委员|秘书)$", p.group(1)):
                title, holder = line.text[p.start(1) : p.end(1)], line.text[p.start(2) : p.end(2)]
                note = "a named holder; the number of such posts is not stated"
                current.posts.append(Src(Post(title=title, count=Count.unstated(), holder=holder), line.no, [note]))
            elif p:
                current.doc_notes.append(Src(line.text, line.no, ["a named person, kept as a note"]))
            elif is_page_chrome(line.key):
                facts.note(line.no, "skipped", f"a page's credit line, not a duty: {line.text[:40]}")
            elif len(line.key.strip()) <= 2 and line.no == lines[-1].no:
                # "财" where the copy stops: the start of a next entry, no duty of this one
                facts.note(line.no, "doubt", f"the text stops in '{line.text.strip()}': no duty drafted")
            elif _STAFFING_LINE.search(line.key) and not line.key.startswith(_VERBS):
                # "X机关行政编制10名。设局长1名…" after the last section: the body's staffing, no duty of it
                extract_staffing([line], facts)
                if not any(q.line == line.no for q in facts.quotas) and not any(p.line == line.no for p in facts.posts):
                    facts.note(line.no, "skipped", f"a staffing line after the sections, not read: {line.text[:40]}")
            else:
                label = _DUTY_LABEL.match(line.key)
                text = line.text[label.end() :] if label else line.text
                notes = [f"'{line.text[: label.end()].strip()}' read as the label of the duty"] if label else []
                current.duties.append(Src(Duty(text=text), line.no, notes))
            facts.used.add(line.no)
        else:
            facts.note(line.no, "skipped", f"text before the first section: {line.text[:40]}")
    check_numbering([(s.number, s.line) for s in facts.sections if s.number is not None], "section", facts)


#: a sentence that only hangs a plaque on a named unit: "各乡镇在农业综合服务站挂畜牧兽医站牌子。",
#: "县农机服务中心加挂县农业技术推广站牌子。" — a fact of that unit, never a duty of the unit it follows
_HUNG_ON = re.compile(
    r'^(?:(?:各[\u4e00-\u9fff]{1,6}?)?在)?([\u4e00-\u9fff]{2,30}?)(加挂|增挂|挂)"?([\u4e00-\u9fff、]{2,60}?)"?牌子[。;]?$'
)


def plaques_stated_as_duties(facts: Facts) -> None:
    """Take out of the duties a sentence that only hangs a plaque on a named unit.

    The unit named is a listed section: the plaque is that section's (the owner is said). Any other
    unit: the sentence is kept as a note at its place, with the names seen, and gives no fact.
    """
    by_name = {fold(s.name): s for s in facts.sections}
    owners: list[tuple[str, list[Src[Duty]]]] = [("the body", facts.duties)]
    owners += [(f"'{s.name}'", s.duties) for s in facts.sections]
    for label, duties in owners:
        for duty in list(duties):
            key = fold(duty.value.text).strip()
            m = _HUNG_ON.match(key)
            if m is None or not is_unit_name(m.group(1)):
                continue
            duties.remove(duty)
            text = duty.value.text.strip()
            names = text[m.start(3) : m.end(3)].split("、") if len(key) == len(text) else m.group(3).split("、")
            section = by_name.get(m.group(1))
            plaques = [Src(Plaque(name=n, form=m.group(2)), duty.line) for n in names if n]
            if section is not None:
                section.plaques += plaques
                continue
            if facts.name is not None and m.group(1) in fold(facts.name.value):
                facts.plaques += plaques  # "在本局加挂…": hung on the body itself, named
                continue
            message = (
                f"a plaque ('{'、'.join(names)}') hung on '{m.group(1)}', a unit not listed here:"
                f" no duty of {label}, kept as a note"
            )
            facts.doc_notes.append(Src(text, duty.line, [message]))
