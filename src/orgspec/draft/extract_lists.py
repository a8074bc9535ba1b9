"""Read sections written outside a sections part: running-text lists, inline and name-only lists.

Real documents list their sections in many layouts besides the seeds' "内设机构" part:
"下设综合科、机构编制科、…4个内设机构" in running text, "(一)秘书处(办公室)。 (二)会议处。" on one
line, "1. 秘书处" on a line of its own, or a page that starts mid-list ("[接上页] (十三)…").
This reader runs only when the sections part found nothing. It works on *paragraphs* (hard-wrapped
lines joined) and accepts a name only when it ends the way a unit's name ends (处, 科, 室, 局,
股, 中心, 办公室, …) and stands in a list of at least two such names, or after a verb that
introduces units (内设, 下设, 下属单位); precision matters more than recall.

Imports: :mod:`orgspec.draft.extract_periods`, :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.list_items`,
:mod:`orgspec.draft.normalize`, :mod:`orgspec.model`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orgspec.draft.extract_periods import latest_list, latest_period
from orgspec.draft.facts import Facts, SectionFacts, SharedFacts, Src, section_kind
from orgspec.draft.list_items import (
    NAME,
    NO_SECTION,
    NUM,
    SUFFIX,
    VERBS,
    department_at,
    general_office_at,
    name_at,
    split_items,
)
from orgspec.draft.normalize import Line, cn_int, fold
from orgspec.model.units import Duty, Plaque
from orgspec.model.values import UnitKind

__all__ = ["Paragraph", "extract_lists", "is_unit_name", "paragraphs", "read_count", "read_running"]

_BODY_END = re.compile(r"(?:办公厅|办公室|委员会|局|厅|部|委|署|院|中心|办)$")
#: A stated count of sections: "设18个职能处(室)", "等6个处", "4个内设机构", "设有以下8个职能处".
_COUNT = re.compile(
    NUM + r"个(?:职能|内设|业务)?(?:内设机构|司局|处室|科室|处\(室\)|科\(室\)|股室|处|科|室|司|局|股|机构)"
)
_HOSTED = re.compile(r"(?:^|[,。;]|(?<=^\([一二三四五六七八九十]\)))([\u4e00-\u9fff]{2,16}办公室)\(?[^()]{0,12}\)?设在")
_STRONG = (
    r"内设机构(?:有|为|包括|是)?|内设|下设(?:机构)?|分设|下属(?:事业)?单位(?:有)?|分别为|分别是|现辖|设有以下"
    r"|直属(?:[正副]?[科处股]级)?事业单位(?:\d{1,2}|[二三四五六七八九十两]{1,3})个[,:]"
)
#: a count of subordinate units that closes or opens a list: "…共十一个单位", "下属5个部门,分别是…"
_UNITS_COUNT = NUM + r"个(?:单位|部门|机构|下属单位|股室和[\u4e00-\u9fff]{2,6}单位|科室和[\u4e00-\u9fff]{2,6}单位)"
_FREE_NAME = re.compile(r"[\u4e00-\u9fff]{2,24}(?:\([\u4e00-\u9fff、]{1,20}\)[\u4e00-\u9fff]{1,12})?")
_TRIGGER = re.compile(
    r"(?:"
    + _STRONG
    + r"|设有|新?成立了?|设立了?|设置了?|增设|新设|组建|下辖|包括|分为|是指|指的是"
    + r"|(?<![建假陈预])设(?![在立置于计备施法定为])|:|^)[::]?\s*"
)
#: the verbs a duty of a 三定 opens with: those above, and 承办 ("承办…的有关工作") and 拟定 (拟订's other
#: writing); not names' openings, so only for duties (a unit may be named "统筹…办公室")
_DUTY_VERBS = (*VERBS, "承办", "拟定", "协助", "审理", "审判")
_ENUM_ITEM = re.compile(
    r"(?:^|(?<=[\s。;:)]))(?:\[接上页\]\s*)?(?:\(([一二三四五六七八九十]{1,3})\)|(\d{1,2})[.、](?!\d))\s*"
    r"([\u4e00-\u9fff]{1,20}?" + SUFFIX + r")(?:\(([^()]{1,40})\))?(?=[。\s;:]|$|\d{1,2}[.、](?!\d))"
)
#: a line that is one enumerated name with its parentheses: "7. 对外宣传处(市委对外宣传办公室、…)"
_ITEM_LINE = re.compile(
    r"^(?:\(([一二三四五六七八九十]{1,3})\)|\d{1,2}[.、])\s*[\u4e00-\u9fff]{1,20}?" + SUFFIX + r"\([^()]{1,60}\)$"
)
_TAIL_ITEM = re.compile(r"\s*([\u4e00-\u9fff]{2,20}?" + SUFFIX + r")。")
_CLOSES = "。;!?"
_NEXT = re.compile(r"[^、,。;]{0,40}")
_LONGEST = 800  # the longest list read: ~50 names; a longer run of text is not one list
#: no list item is longer (a name of up to 20 characters with a parenthesis of up to 40, and spaces)
_FIRST_ITEM_MAX = 100
#: the first item of a list: up to its first 、 or , outside parentheses
_FIRST_ITEM = re.compile(r"(?:[^、,(]|\([^()]*\))*")
#: a count of units the field states before its list, in the same sentence: "设下列13个机构,分别为",
#: "包括10个司(厅),分别是:", "下设6个科室:" — the nouns around the count say what the units are
_COUNT_BEFORE = re.compile(
    r"(设(?:立|置|有)?(?:下列|以下|如下)?|下设|内设|包括|共有?|分别设(?:立|置)?|(?:^|(?<=[。;,:])))"
    + NUM
    + r"个((?:职能|内设|党政|工作|业务|直属)?"
    + r"(?:内设机构|机构|司局|处室|科室|股室|办公室|司|厅|处|科|股|室|局|委员会|事业单位)"
    + r"(?:\([\u4e00-\u9fff、]{1,8}\))?)[,:]?(?:[\u4e00-\u9fff]{0,6}?(?:包括|为|是)?)?[,:]?$"
)
#: the subject of such a sentence, after its lead-in ("改革后,"): "X党委、办事处" stands for X
_JOINT = re.compile(r"(?:党委|党工委|党组)、(?:办事处|政府|人民政府|管委会)$")
_SUBJECT_END = re.compile(r"(?:街道办事处|办事处|街道|镇|乡|办公厅|办公室|委员会|局|厅|部|委|署|院|中心|办|所|站|队)$")


#: the verb of a list of units and what may follow it before the list: "下设机构有", "内设机构6个,分别是"
_LIST_VERB = re.compile(
    r"(?:下设|内设|设有|设置了?)(?:机构|内设机构)?(?:有|包括|为|是)?"
    r"(?:" + NUM + r"个)?,?(?:分别为|分别是|包括|有)?[,:]?$"
)


def count_before(key: str, at: int) -> tuple[int, int, int, str] | None:
    """Return (count, start, end, noun) of the count the sentence states right before offset ``at``.

    "改革后,X设下列13个机构,分别为A、B…": read at the list's trigger (分别为), the count is 13 and the
    noun 机构; None when the sentence states no count of units just before the list.
    """
    begin = max(key.rfind(c, 0, at) for c in "。;!?") + 1
    m = _COUNT_BEFORE.search(key[:at], max(begin, at - 40))
    if m is None:
        return None
    count = cn_int(m.group(2))
    return (count, m.start(), m.end(3), m.group(3)) if count else None


def _counted_kind(noun: str) -> UnitKind:
    """Return the kind of the units a count's noun names: 委员会 other units, 事业单位 institutions, else sections."""
    if noun.endswith("委员会"):
        return UnitKind.OFFICE
    if noun.endswith("事业单位"):
        return UnitKind.PUBLIC_INSTITUTION
    return UnitKind.SECTION


def subject_before(key: str, verb: int) -> tuple[int, int] | None:
    """Return the span of the body a counting sentence is about: the words before its verb.

    "改革后,莞城街道党委、办事处设下列13个机构" → 莞城街道 (a party committee and an office written
    together are one body, named as the place is); the words must end like a body's name and not be a
    class ("各镇街", "全县") or a pronoun.
    """
    begin = max(key.rfind(c, 0, verb) for c in "。;!?,:") + 1
    words = key[begin:verb]
    joint = _JOINT.search(words)
    end = verb - (len(joint.group(0)) if joint else 0)
    name = key[begin:end]
    if not re.fullmatch(r"[\u4e00-\u9fff]{3,20}", name) or name.startswith(("各", "全", "该", "本", "其", "我", "这")):
        return None
    if not _SUBJECT_END.search(name) or re.search(r"政府|党委|[省市县区]委$", name):
        return None  # a government's 机构 are bodies, not sections
    return begin, end


@dataclass(frozen=True)
class Paragraph:
    """Hard-wrapped lines joined: the joined key and text, and the line each offset came from."""

    key: str
    text: str
    starts: tuple[tuple[int, int], ...]  # (offset, line number)

    def line_at(self, offset: int) -> int:
        """Return the number of the line the character at ``offset`` came from."""
        no = self.starts[0][1]
        for start, line in self.starts:
            if start > offset:
                break
            no = line
        return no


def paragraphs(lines: list[Line]) -> list[Paragraph]:
    """Join lines that break mid-sentence (a gazetteer's hard wrap) into paragraphs."""
    out: list[Paragraph] = []
    key, text = "", ""
    starts: list[tuple[int, int]] = []
    for line in lines:
        if not line.text:
            if key:
                out.append(Paragraph(key, text, tuple(starts)))
            key, text, starts = "", "", []
            continue
        starts.append((len(key), line.no))
        key += line.key
        text += line.text
        if line.key[-1] in _CLOSES or line.key.endswith(":") or len(line.key) < 20 or _ITEM_LINE.match(line.key):
            out.append(Paragraph(key, text, tuple(starts)))
            key, text, starts = "", "", []
    if key:
        out.append(Paragraph(key, text, tuple(starts)))
    return out


def is_unit_name(key: str) -> bool:
    """Return True when a folded name ends the way a unit's name ends and does not start with 负责/承担.

    Looser than a list's items (组织人事处 starts like the verb 组织): for names that a figure follows.
    """
    m = NAME.match(key.strip())
    return m is not None and m.group(2) is None and len(m.group(1)) >= 2 and not m.group(1).startswith(("负责", "承担"))


def read_count(key: str) -> int | None:
    """Return the count of sections a phrase states ("等6个处", "内设18个职能处(室)"), or None."""
    m = _COUNT.search(key)
    return cn_int(m.group(1)) if m else None


#: words that open parentheses holding no plaque: what the unit contains ("含…", "包括…"), whom it works
#: with ("与…", "合署"), or its abbreviation ("(简称巡察办)", "(以下简称…)"): not another name it bears
NOT_PLAQUE = ("含", "包括", "简称", "簡稱", "以下简称", "以下簡稱", "下称", "下稱")


def _plaques(inner: str | None, line: int, written: str | None = None) -> list[Src[Plaque]]:
    """Read the plaques a parenthesis holds: matched on its key ``inner``, named as ``written``."""
    text = written if written is not None and inner is not None and len(written) == len(inner) else inner
    hung = re.match(r'^(加挂|增挂|对外保留|保留|挂)"?(.+?)"?牌子$', inner or "")
    if hung and text is not None:
        names = text[hung.start(2) : hung.end(2)].split("、")
        return [Src(Plaque(name=n, form=text[hung.start(1) : hung.end(1)]), line) for n in names if n]
    if not inner or text is None or inner.startswith((*NOT_PLAQUE, "与", "和")) or "合署" in inner:
        return []
    names = [p.strip() for p in inner.split("、")]
    if all(NAME.match(n) and len(n) >= 3 for n in names):
        note = "the words in parentheses read as a plaque (a second name); they may be an abbreviation"
        return [Src(Plaque(name=n.strip()), line, [note]) for n in text.split("、")]
    return []


#: a list of classes of bodies, not of units: "各级人民法院、专门人民法院、人民法庭" (at every level)
_CLASS_ITEM = re.compile(r"(?:地方)?各(?:级|級|类|類)")
#: an item that states a change, not a name: "市计划委员会改组为市发展和改革委员会", "新设市国资委",
#: "组建市经济贸易委员会" — the bodies of a reorganisation, whose owner the list does not say
CHANGE_ITEM = re.compile(
    r"改组为|改組為|更名为|更名為|改名为|改为|改為|调整为|調整為|合并为|合併為|并入|併入|划入|劃入|划归|劃歸|不再保留|不再設立|不再设立"
    r"|^(?:新设立|新設立|新设|新設|新组建|新組建|组建|組建|新成立|设立|設立|撤销|撤銷|撤并|撤併)"
)


#: a parenthesis that renames the unit before it: "(1988年改为专门委员会办公室)", "(后更名为X)"
_RENAMED = re.compile(r"^(\d{4}年|后|後)?(?:改为|更名为|改称|改名为)([\u4e00-\u9fff]{2,24})$")


def states_change(name: str) -> bool:
    """Whether a list item states a change (组建X, A改组为B) rather than a unit's name."""
    return CHANGE_ITEM.search(fold(name)) is not None


def _add(facts: Facts, para: Paragraph, at: int, name: str, inner: str | None, *, number: int | None = None) -> None:
    if NO_SECTION.search(fold(name)):
        return  # a state body, a group or an advisory committee: a body of its own, never a section
    line = para.line_at(at)
    if states_change(name):
        facts.note(line, "doubt", f"'{name}' states a change, not a unit's name: no section drafted")
        return
    open_at = at + len(name)
    written = None
    if inner and para.key[open_at : open_at + 1] == "(":  # the parenthesis as written, for the plaques' names
        written = para.text[open_at + 1 : open_at + 1 + len(inner)]
    renamed = _RENAMED.match(inner or "")
    if renamed and written is not None and NAME.match(renamed.group(2)):
        # "学委会工作组办公室(1988年改为专门委员会办公室)": the unit bears the name the parenthesis gives it
        facts.note(line, "doubt", f"'{name}' was renamed ({written}): drafted by its later name")
        name, inner = written[renamed.start(2) : renamed.end(2)], None
    known = next((s for s in facts.sections if s.name == name), None)
    if known is not None:
        if not known.plaques and inner:  # a later mention gives the plaque: "…办公室(国务院总值班室)"
            known.plaques = _plaques(inner, line, written)
            if known.plaques:
                facts.used.add(line)
        return
    section = SectionFacts(name=name, line=line, number=number, kind=section_kind(name))
    section.plaques = _plaques(inner, line, written)
    if inner and not section.plaques:
        section.doc_notes.append(Src(f"{name}({inner})", line, ["the words in parentheses are kept as a note"]))
    section.notes.append("read from a list in the text; check the name")
    facts.sections.append(section)
    facts.used.update(no for _, no in para.starts)


def _running(para: Paragraph, facts: Facts) -> None:
    key = para.key
    covered = 0  # a trigger inside a list already read starts no list of its own
    for m in _TRIGGER.finditer(key):
        if m.start() < covered:
            continue
        strong = re.match(_STRONG, m.group(0)) is not None
        # "内设机构包括,办公厅、…" (found-83): a comma after the strong words opens the list as a colon does
        opened = m.end() + (1 if strong and key.startswith(",", m.end()) else 0)
        end = min(len(key), opened + _LONGEST)
        depth = 0
        for i in range(opened, min(len(key), opened + _LONGEST)):
            depth += (key[i] == "(") - (key[i] == ")")
            if key[i] in _CLOSES:
                end = i
                break
            if key[i] == "," and depth == 0:
                following = _NEXT.match(key, i + 1)
                if name_at(following.group(0) if following else "") is None:
                    end = i
                    break
        lead = re.match(NUM + r"个[\u4e00-\u9fff()]{1,8}?[::]", key[opened:end])
        start = opened + (lead.end() if lead else 0)
        segment = key[start:end]
        if m.group(0) == "" and not re.search(r"\)?(?:主要|分别)?负责", segment):
            continue
        first = _FIRST_ITEM.match(segment)
        plain = first is not None and not re.search(r"[ 和及]", first.group(0))
        if not strong and plain and first is not None and name_at(first.group(0)) is None:
            continue  # its first item is no unit's name: no list starts here (nor is the segment split)
        if len(segment) > _FIRST_ITEM_MAX and not re.search(r"[、, 和及(]", segment[:_FIRST_ITEM_MAX]):
            continue  # its first item runs past any unit's name: no list here (and a long line has many triggers)
        found: list[tuple[int, str, str | None]] = []
        spans = split_items(segment)  # once a trigger: a long line holds many
        for a, b in spans:
            item = name_at(segment[a:b]) or (department_at(segment[a:b]) if len(found) >= 2 else None)
            item = item or (general_office_at(segment[a:b]) if strong else None)
            if item is None:
                break
            found.append((start + a + item[2], item[0], item[1]))
            if re.search(NUM + "个", segment[a:b]) and not re.fullmatch(
                r"[\u4e00-\u9fff]{2,20}" + NUM + "个", segment[a:b].strip()
            ):
                break  # "…4个内设机构": the count closes the list ("区域气象中心8个": a class, the list goes on)
        if any(_CLASS_ITEM.match(key, at) for at, _, _ in found):
            covered = end  # "各级人民法院、专门人民法院": classes of bodies at every level, not units
            continue
        changes = [segment[a:b] for a, b in spans if states_change(segment[a:b].strip())] if len(found) >= 2 else []
        if changes and 2 * len(changes) >= len(found):
            # "组建A,B改组为C,新设D": a reorganisation's bodies; whose units they are the list does not say.
            # A list of units where a few items state a change ("…、新设X处、…") keeps its other items
            # (each item that states one is refused by _add)
            covered = end
            names = "、".join(para.text[at : at + len(name)] for at, name, _ in found)
            facts.note(
                para.line_at(start),
                "doubt",
                f"a list that states changes ('{changes[0].strip()}'): the bodies of a reorganisation,"
                f" not the body's sections; not drafted: {names}",
            )
            continue
        counted = False
        # "设下列13个机构,分别为A、B…": the count the sentence states before its list, and its noun
        before = count_before(key, m.start()) if strong or m.group(0).startswith((":", "包括")) else None
        strong = strong or before is not None  # "设下列13个办公室(局),机构具体名称包括:": the count opens the list
        # the units are the body's sections when the noun says so (司, 处室, 办公室(局)), or when the sentence's
        # subject is a body that is no government ("X街道党委、办事处设下列13个机构")
        of_sections = before is not None and _counted_kind(before[3]) is UnitKind.SECTION
        if before is not None and of_sections:
            of_sections = subject_before(key, before[1]) is not None or not before[3].startswith(("机构", "局"))
        if strong and len(found) < len(spans):
            by_count = _counted(key, m.start(), start, segment, spans)
            if by_count:
                found, counted = by_count, True
        duty = None
        if len(found) == 1 and not strong and m.group(0).startswith("设"):
            # "设置县委农办秘书股,负责处理县委农办日常事务。": one unit set up, with its duty
            after = found[0][0] + len(found[0][1]) + (len(found[0][2]) + 2 if found[0][2] else 0)
            duty = re.match(r",((?:主要)?负责[^。]{2,200}。)", key[after:])
            if duty is not None:
                duty_at = after + duty.start(1)
        # "1个执法机构:综合行政执法队": a count before the colon that the names after it fill
        before_colon = re.search(NUM + r"个[\u4e00-\u9fff]{1,10}?$", key[max(0, m.start() - 14) : m.start()])
        vouched = bool(found) and m.group(0).startswith(":") and before_colon is not None
        vouched = vouched and before_colon is not None and cn_int(before_colon.group(1)) == len(found)
        if (len(found) >= 2 or (strong and found) or duty is not None or vouched) and _others_list(
            para, m, found, end, facts
        ):
            covered = end
            continue
        if len(found) >= 2 or (strong and found) or duty is not None or vouched:
            covered = end
            tail = segment[: found[-1][0] - start + 40]
            count = read_count(tail) if lead is None else read_count(lead.group(0))
            if count is None and before is not None and of_sections:
                count = before[0]
            base = max(0, m.start() - 20)
            # the list's subject: "州委宣传部设…", "垦利县林业局保留,内设…"
            subject = re.search(r"([\u4e00-\u9fff]{3,20}?)(?:予以保留|保留)?,?$", key[base : m.start()])
            counted_noun = subject is not None and re.match(r"个|個", subject.group(1)) is not None  # "3个委员会"
            verb = _LIST_VERB.search(key, max(0, m.start() - 24), m.start())
            verb_at = m.start() if re.match(r"下设|内设|设有|设置", m.group(0)) else verb.start() if verb else None
            owner = subject_before(key, verb_at) if verb_at is not None and before is None else None
            if facts.name is None and owner is not None and not (subject and _BODY_END.search(subject.group(1))):
                # "某区卫健局下设机构有:…", "X街道内设机构6个,分别是:…": the words before the list's verb
                note = "the name is read from the subject of the list of sections"
                facts.name = Src(para.text[owner[0] : owner[1]], para.line_at(owner[0]), [note])
            if facts.name is None and subject and _BODY_END.search(subject.group(1)) and not counted_noun:
                at0 = base + subject.start(1)
                note = "the name is read from the subject of the list of sections"
                facts.name = Src(para.text[at0 : base + subject.end(1)], para.line_at(at0), [note])
            last = found[-1][0] + len(found[-1][1]) + (len(found[-1][2]) + 2 if found[-1][2] else 0)
            clause = key[max(key.rfind(c, 0, m.start()) for c in "。;") + 1 : m.start()]
            # "事业单位设A、B" / "设置A、B等事业机构": public institutions, not sections
            institutions = (
                "事业单位" in clause
                or re.match(
                    r"等?(?:(?:\d+|[一二三四五六七八九十两]{1,3})个)?(?:直属|下属)?事业(?:机构|单位)", key[last:]
                )
                is not None
            )
            # "下辖A、B8个二级单位": units under the body, not its sections
            institutions = institutions or re.match(r"等?\d+个(?:二级|直属|下属)单位", key[last:]) is not None
            # "…21个股室和直属单位": one count over sections and units of another kind; all read as sections
            mixed = re.search(r"个(?:股室|科室|处室)和", key[last : last + 16]) is not None
            # "另按规定设立了机关党支部、纪检监察室": units set per regulations, outside the count
            per_rules = re.search(r"(?:另|并)?按(?:有关)?规定$", key[max(0, m.start() - 8) : m.start()]) is not None
            # "下设8个局级机构:A、…、H,以及机关党委": the count is of the units before 以及; the one after is beside it
            beside = {at for at, _, _ in found if key[max(0, at - 3) : at] == ",以及"}
            beside = beside if beside and count == len(found) - len(beside) else set()
            for at, name, inner in found:
                text_name = para.text[at : at + len(name)]
                _add(facts, para, at, text_name, inner)
                if at in beside and facts.sections[-1].name == text_name:
                    facts.sections[-1].outside_count = True
                    facts.sections[-1].notes.append("listed after the counted units ('以及'): outside the stated count")
                if per_rules and facts.sections[-1].name == text_name:
                    facts.sections[-1].per_regulations = True
                    facts.sections[-1].outside_count = True
                if institutions and facts.sections[-1].name == text_name:
                    facts.sections[-1].kind = UnitKind.PUBLIC_INSTITUTION
                if (
                    re.match(r"下属(?:事业)?单位|直属.{0,4}事业单位", m.group(0))
                    and facts.sections[-1].name == text_name
                ):
                    facts.sections[-1].kind = UnitKind.PUBLIC_INSTITUTION  # "下属事业单位X": not a section
                elif mixed and counted and facts.sections[-1].name == text_name:
                    facts.sections[-1].kind = UnitKind.SECTION  # counted as one of the sections
                    facts.sections[-1].notes.append(
                        "the count covers sections and units of another kind: check its kind"
                    )
                elif before is not None and (counted or len(found) >= 2) and facts.sections[-1].name == text_name:
                    # "包括10个司(厅):…、机关党委": one of those counted, of the kind the count's noun says
                    facts.sections[-1].kind = (
                        _counted_kind(before[3]) if of_sections or before[3] != "机构" else (facts.sections[-1].kind)
                    )
                    facts.sections[-1].notes.append(f"one of the {before[0]} {before[3]} the sentence counts")
                elif counted and facts.sections[-1].name == text_name and facts.sections[-1].kind is UnitKind.SECTION:
                    facts.sections[-1].kind = UnitKind.PUBLIC_INSTITUTION
                    facts.sections[-1].notes.append(
                        "a subordinate unit (a list its count covers): drafted as an institution; check its kind"
                    )
            if (
                duty is not None
                and facts.sections
                and facts.sections[-1].name == para.text[found[0][0] : found[0][0] + len(found[0][1])]
            ):
                text = para.text[duty_at : duty_at + len(duty.group(1))]
                facts.sections[-1].duties.append(Src(Duty(text=text), para.line_at(duty_at)))
            if m.group(0) == "":
                _subject_duty(para, found, facts)
            if before is not None and of_sections and facts.name is None:
                owner = subject_before(key, before[1])
                if owner is not None:  # "X党委、办事处设下列13个机构": the body is X
                    note = "the name is read from the subject of the sentence that counts the units"
                    facts.name = Src(para.text[owner[0] : owner[1]], para.line_at(owner[0]), [note])
            if count is not None and facts.stated_sections is None:
                c = _COUNT.search(key, m.start(), end + 40)
                phrase = para.text[m.start() : c.end()] if c else para.text[m.start() : end]
                if before is not None and of_sections and count == before[0]:
                    sets = key.rfind("设", before[1], before[2])
                    phrase = para.text[sets if sets >= 0 else before[1] : before[2]].rstrip(",:")
                    owner = subject_before(key, before[1])
                    if owner is not None:
                        phrase = para.text[owner[0] : before[2]].rstrip(",:")
                facts.stated_sections = Src((count, phrase.strip(" :")), para.line_at(m.start()))


#: a list's subject that names several bodies: "中宁县、海原县气象局内设…"
_SEVERAL = re.compile(r"(?:^|[,。;:])((?:[\u4e00-\u9fff]{1,8}、)+[\u4e00-\u9fff]{2,20})$")
#: a list closed by a count of bodies of a level: "…、C3个县级气象局" (bodies, read by draft.extract_bodies)
_LEVEL_COUNT = re.compile(r"等?(?:\d{1,2}|[二三四五六七八九十两]{1,3})个(?:省|市|县|区|乡|镇)级")


def _others_list(
    para: Paragraph, m: re.Match[str], found: list[tuple[int, str, str | None]], end: int, facts: Facts
) -> bool:
    """Whether a list is not the body's sections: bodies of a level, or the units of several bodies (noted)."""
    key = para.key
    last = found[-1][0] + len(found[-1][1]) + (len(found[-1][2]) + 2 if found[-1][2] else 0)
    if _LEVEL_COUNT.match(key, last):
        return True
    several = _SEVERAL.search(key, max(0, m.start() - 40), m.start()) if m.group(0).startswith("内设") else None
    if several is not None:
        subject = para.text[several.start(1) : several.end(1)]
        message = f"the units '{para.text[found[0][0] : end]}' are those of '{subject}', not of the body: not drafted"
        facts.note(para.line_at(m.start()), "doubt", message)
        return True
    return False


def _counted(
    key: str, trigger: int, start: int, segment: str, spans: list[tuple[int, int]]
) -> list[tuple[int, str, str | None]]:
    """Read a list of subordinate units whose stated count covers every item, whatever their endings.

    "现辖治沙站、园林试验示范场、…、森林公安局共十一个单位", "下属5个部门,分别是A、B、C、D、E": when the
    count is stated and equals the number of items, each item is a unit (names that do not end like a
    unit's, "林业勘察设计", are read too). Returns (offset, name, None) per item, or [] when it does not hold.
    ``spans`` are the segment's items (:func:`split_items`), split once by the caller.
    """
    closing = re.search(r"(?:共|等)?" + _UNITS_COUNT + r"$", segment[spans[-1][0] : spans[-1][1]])
    opening = re.search(_UNITS_COUNT + r"[,:]?$", key[max(0, trigger - 16) : trigger])
    # "直属科级事业单位4个,A、B、C、D": the count the trigger itself states
    opening = opening or re.search(NUM + r"个[,:]$", key[trigger:start])
    before = count_before(key, trigger)
    count = cn_int(count_m.group(1)) if (count_m := closing or opening) else (before[0] if before else None)
    if count is None or count != len(spans):
        return []
    out: list[tuple[int, str, str | None]] = []
    for k, (a, b) in enumerate(spans):
        piece = segment[a:b]
        if k == len(spans) - 1 and closing is not None:
            piece = piece[: closing.start()]
        lead = len(piece) - len(piece.lstrip())
        name = piece.strip()
        inner = None
        second = re.fullmatch(r"([\u4e00-\u9fff]{2,24})\(([\u4e00-\u9fff、]{2,30})\)", name)
        if second is not None:  # "中卫市气象台(中卫市气象信息中心)": the name and its parenthesis
            name, inner = second.group(1), second.group(2)
        if not _FREE_NAME.fullmatch(name) or (name.startswith(VERBS) and len(name) > 4):
            return []
        out.append((start + a + lead, name, inner))
    return out


def _subject_duty(para: Paragraph, found: list[tuple[int, str, str | None]], facts: Facts) -> None:
    """Read the duty of a list as subject: "A处、B处、C处(D处)主要负责…。" (shared when several)."""
    at, name, inner = found[-1]
    after = at + len(name) + (len(inner) + 2 if inner else 0)
    d = re.match(r"\s*((?:主要|分别)?负责[^。]{2,400}。)", para.key[after:])
    if d is None:
        return
    text = para.text[after + d.start(1) : after + d.end(1)]
    names = [para.text[a : a + len(n)] for a, n, _ in found]
    index = [i for i, s in enumerate(facts.sections) if s.name in names]
    line = para.line_at(after + d.start(1))
    if len(index) == 1:
        facts.sections[index[0]].duties.append(Src(Duty(text=text), line))
    elif index:
        shared = SharedFacts(sections=index, intro=None, line=line, notes=["the list's sections share this duty"])
        shared.duties.append(Src(Duty(text=text), line))
        facts.shared.append(shared)
    facts.used.add(line)


#: groups as in ``_ENUM_ITEM``: 1 the number, 2 never (a digit enumerator), 3 the name, 4 its parentheses
_GAP_ITEM = re.compile(
    r"\(([一二三四五六七八九十]{1,3})\)(?:(\d{99}))?\s*([\u4e00-\u9fff]{2,12})(?:\(([^()]{1,40})\))?(?=[。\s;:]|$)"
)


def _fill_gaps(
    items: list[tuple[int, str, Paragraph, re.Match[str]]],
) -> list[tuple[int, str, Paragraph, re.Match[str]]]:
    """Read an item whose name does not end like a unit's ("(十二)秘书六出。") between numbers 11 and 13."""
    out = []
    for i, item in enumerate(items):
        out.append(item)
        if i + 1 == len(items):
            break
        nxt = items[i + 1]
        if item[1] != "paren" or nxt[1] != "paren" or item[2] is not nxt[2] or nxt[0] != item[0] + 2:
            continue
        for m in _GAP_ITEM.finditer(item[2].key, item[3].end(), nxt[3].start()):
            if cn_int(m.group(1)) == item[0] + 1 and not m.group(3).startswith(VERBS):
                out.append((item[0] + 1, "paren", item[2], m))
                break
    return out


def _enumerated(paras: list[Paragraph], facts: Facts) -> None:
    """Read enumerated name-only items ("(一)秘书处。", "1. 秘书处"): runs of increasing numbers."""
    items = []
    for para in paras:
        for m in _ENUM_ITEM.finditer(para.key):
            number = cn_int(m.group(1) or m.group(2))
            # "研究室", "组织科": a short name may start like a verb; "研究拟订…处" may not
            if (m.group(3).startswith(VERBS) and len(m.group(3)) > 4) or number is None:
                continue
            items.append((number, "paren" if m.group(1) else "digit", para, m))
    items = _fill_gaps(items)
    runs: list[list[tuple[int, str, Paragraph, re.Match[str]]]] = []
    for item in items:
        if runs and item[0] > runs[-1][-1][0] and item[1] == runs[-1][-1][1]:
            runs[-1].append(item)
        else:
            runs.append([item])
    for run in runs:
        if len(run) < 2 and not (run and run[0][3].group(0).lstrip().startswith("[接上页]")):
            continue
        for k, (number, _, para, m) in enumerate(run):
            before = len(facts.sections)
            _add(facts, para, m.start(3), para.text[m.start(3) : m.end(3)], m.group(4), number=number)
            if len(facts.sections) > before:
                upto = run[k + 1][2:] if k + 1 < len(run) else None
                _duties_after(paras, para, m.end(), upto, facts)
        _, _, para, last = run[-1]
        rest = para.key[last.end() :]
        pos = 1 if rest.startswith("。") else -1
        while pos > 0:
            t = _TAIL_ITEM.match(rest, pos)
            if not t or t.group(1).startswith(VERBS):
                break
            at = last.end() + t.start(1)
            _add(facts, para, at, para.text[at : at + len(t.group(1))], None)
            facts.sections[-1].notes.append("an unnumbered unit listed after the numbered sections")
            pos = t.end()


def _duty_sentences(text: str) -> str:
    """Keep the sentences of a duty: stop at the first that does not start the way a duty does."""
    kept: list[str] = []
    for sentence in re.split(r"(?<=。)", text):
        if not sentence.strip():
            continue
        if kept and (not sentence.endswith("。") or not fold(sentence.strip()).startswith(_DUTY_VERBS)):
            break
        kept.append(sentence.strip())
    return "".join(kept)


def _duties_after(
    paras: list[Paragraph], para: Paragraph, end: int, upto: tuple[Paragraph, re.Match[str]] | None, facts: Facts
) -> None:
    """Read the duties written after a listed section's name, up to the next listed section."""
    section = facts.sections[-1]
    stop_para, stop = (upto[0], upto[1].start()) if upto else (None, None)
    texts: list[tuple[str, int]] = []
    if stop_para is para:
        texts.append((para.text[end:stop].strip(), para.line_at(end)))
    else:
        texts.append((para.text[end:].strip(), para.line_at(end)))
        for other in paras[paras.index(para) + 1 :]:
            if other is stop_para:
                texts.append((other.text[:stop].strip(), other.starts[0][1]))
                break
            if stop_para is None and not other.key.lstrip().startswith(_DUTY_VERBS):
                break
            texts.append((other.text, other.starts[0][1]))
    for written, line in texts:
        # up to the next listed name the text is this section's; after the last, only while it reads as duties
        text = written.lstrip("。:").strip()
        if stop_para is not None and "。" in text:
            text = text[: text.rindex("。") + 1]  # whole sentences: words after the last are not the duty's
        elif stop_para is None:
            text = _duty_sentences(text)
        if text and fold(text).startswith((*_DUTY_VERBS, "主要负责", "专责")):
            # the copy's last words, stopping mid-sentence: the duty goes as far as the copy
            cut = stop_para is None and line == paras[-1].starts[-1][1] and not text.endswith(("。", ";", ";"))
            notes = ["the copy stops inside this duty"] if cut else []
            section.duties.append(Src(Duty(text=text, cut_off=cut), line, notes))
            facts.used.add(line)


_LED = re.compile(
    r"^([\u4e00-\u9fff]{1,20}?"
    + SUFFIX
    + r")(?:\(([^()]{1,40})\))?(?:(?:[::]|\s+)(?=(?:主要)?(?:"
    + "|".join(VERBS)
    + r"))|[。]?$)"
)


def _led(paras: list[Paragraph], facts: Facts) -> None:
    """Read sections that lead their paragraph: "办公室:负责…", "林政股 负责…", or name-only lines.

    A run of at least two such paragraphs in a row (three when the names stand alone) is a list.
    """
    run: list[tuple[Paragraph, re.Match[str]]] = []
    for para in [*paras, None]:
        m = _LED.match(para.key) if para is not None else None
        if m and len(m.group(1)) >= 2 and not m.group(1).startswith(VERBS):
            run.append((para, m))  # type: ignore[arg-type]
            continue
        alone = sum(1 for p, x in run if x.end() == len(p.key))
        if len(run) >= 3 or (len(run) >= 2 and alone < len(run)):
            for p, x in run:
                before = len(facts.sections)
                _add(facts, p, x.start(1), p.text[x.start(1) : x.end(1)], x.group(2))
                rest = _duty_sentences(p.text[x.end() :].strip())
                if len(facts.sections) > before and rest:
                    facts.sections[-1].duties.append(Src(Duty(text=rest), p.line_at(x.end())))
        run = []


#: whose duties a document gives: "X的主要职责:", "X的职责是" (X is the document's subject)
_DUTIES_OF = re.compile(r"([\u4e00-\u9fff]{2,30}?)(?:的|之)(?:主要)?(?:职责|職責)")


def _hosted(para: Paragraph, facts: Facts, subjects: set[str]) -> None:
    """Read "领导小组办公室设在省民政厅": the office is a unit of the body (a coordinating group).

    An office placed in the body whose duties the document gives ("X办公室设在Y", "Y的主要职责:") is
    hosted by that body, not a unit of the group it serves: noted, not read as a section.
    """
    for m in _HOSTED.finditer(para.key):
        at = m.start(1)
        placed = re.match(r"[\u4e00-\u9fff]{2,30}?(?=[,。;]|$)", para.key[m.end() :])
        if placed is not None and placed.group() in subjects:
            note = f"an office placed in '{placed.group()}', whose duties the text gives: hosted there, not a unit"
            facts.note(para.line_at(at), "structure", note)
            continue
        _add(facts, para, at, para.text[at : m.end(1)], None)
        # "…设在省民政厅,承担领导小组日常工作。": the office's duty
        d = re.match(r"[^,。;]{2,30}?,((?:承担|负责)[^。]{2,200}。)", para.key[m.end() :])
        office = facts.sections[-1] if facts.sections else None
        host = re.match(r"[\u4e00-\u9fff]{2,30}?(?=[,。;]|$)", para.key[m.end() :])
        if host is not None and office is not None and office.name == para.text[at : m.end(1)]:
            office.hosted_in = Src(para.text[m.end() : m.end() + host.end()], para.line_at(m.end()))
        if d is not None and office is not None and office.name == para.text[at : m.end(1)] and not office.duties:
            start = m.end() + d.start(1)
            office.duties.append(Src(Duty(text=para.text[start : m.end() + d.end(1)]), para.line_at(start)))


#: a quoted list that a count closes: '…"A、B、C"3个镇政府工作机构正式成立'
_QUOTED = re.compile(
    r'"([^"]{4,800}?)"(?:等|共)?' + NUM + r"个([\u4e00-\u9fff]{0,10}?(?:机构|单位|部门|股室|科室|处室|内设机构))"
)


def _quoted_counted(para: Paragraph, facts: Facts) -> None:
    """Read a quoted list closed by a count of as many units: every item a section, the count stated."""
    for m in _QUOTED.finditer(para.key):
        spans = split_items(m.group(1))
        names = [m.group(1)[a:b].strip() for a, b in spans]
        if cn_int(m.group(2)) != len(names) or len(names) < 2 or not all(_FREE_NAME.fullmatch(n) for n in names):
            continue
        if any(n.startswith(VERBS) for n in names):
            continue
        for (a, _), name in zip(spans, names, strict=True):
            at = m.start(1) + a + (len(m.group(1)[a:]) - len(m.group(1)[a:].lstrip()))
            _add(facts, para, at, para.text[at : at + len(name)], None)
            facts.sections[-1].kind = UnitKind.SECTION  # the count covers every item
            facts.sections[-1].notes.append("a quoted list its count covers")
        if facts.stated_sections is None:
            phrase = para.text[m.start(2) : m.end(3)]
            facts.stated_sections = Src((len(names), phrase), para.line_at(m.start(2)))


#: "另保留X中心,挂靠计划财务科": a unit kept beside those listed, outside their count
_KEPT_BESIDE = re.compile(
    r"另保留([\u4e00-\u9fff]{3,30}?(?:中心|站|所|队|院|室|馆)),挂靠([\u4e00-\u9fff]{2,16}?)[。,;]"
)


def _kept_beside(para: Paragraph, facts: Facts) -> None:
    """Read "另保留X,挂靠Y" after a list as an institution outside the count, attached to Y (noted)."""
    for m in _KEPT_BESIDE.finditer(para.key):
        name = para.text[m.start(1) : m.end(1)]
        if any(x.name == name for x in facts.sections):
            continue
        section = SectionFacts(name=name, line=para.line_at(m.start(1)), kind=UnitKind.PUBLIC_INSTITUTION)
        section.outside_count = True
        section.notes.append(f"kept beside the units listed (另保留), attached to '{para.text[m.start(2) : m.end(2)]}'")
        facts.sections.append(section)
        facts.used.add(section.line)


#: after a numbered list: "纪检监察机构按有关规定设置。", "离退休干部科负责…工作。"
_SET_PER_RULES = re.compile(
    r"^([\u4e00-\u9fff]{2,20}?(?:机构|机关|室|组|委员会|党委))(?:另)?按(?:有关)?规定(?:设置|设立|设定)。?$"
)
_NAME_DUTY = re.compile(r"^([\u4e00-\u9fff]{2,14}?" + SUFFIX + r")((?:主要)?负责[^。]{2,200}。)$")


def _after_numbered(lines: list[Line], facts: Facts) -> None:
    """Read the unnumbered units the lines right after a numbered list name (noted as such)."""
    numbered = [x for x in facts.sections if x.number is not None]
    if not numbered:
        return
    last = max(x.line for x in numbered)
    own = {x.line for x in facts.sections} | {d.line for x in facts.sections for d in x.duties}
    for line in lines:
        if line.no <= last or not line.text or line.no in own:
            continue
        if line.no in facts.used:
            break
        key = line.key.strip()
        per_rules = _SET_PER_RULES.match(key)
        led = _NAME_DUTY.match(key)
        if per_rules is None and (led is None or led.group(1).startswith(VERBS)):
            break
        at = line.text.find(line.text.strip())
        m = per_rules or led
        assert m is not None
        name = line.text[at + m.start(1) : at + m.end(1)]
        if any(x.name == name for x in facts.sections):
            continue
        section = SectionFacts(name=name, line=line.no, kind=section_kind(name))
        if per_rules is not None:
            section.per_regulations = True
            if "纪检" in name or "监察" in name:
                section.kind = UnitKind.DISCIPLINE_UNIT
            section.doc_notes.append(Src(line.text.strip(), line.no))
            section.notes.append("set per regulations; not one of the listed sections")
        else:
            section.duties.append(Src(Duty(text=line.text[at + m.start(2) : at + m.end(2)]), line.no))
            section.notes.append("an unnumbered unit after the numbered list; its duty is the sentence that names it")
        facts.sections.append(section)
        facts.used.add(line.no)


def extract_lists(lines: list[Line], facts: Facts) -> None:
    """Read sections from lists in running text and from inline or name-only enumerations."""
    paras = paragraphs(lines)
    _enumerated(paras, facts)
    _after_numbered(lines, facts)
    enumerated = len(facts.sections)
    for para in paras:
        if enumerated and _COUNT.search(para.key):
            count = read_count(para.key)
            if count is not None and facts.stated_sections is None and re.search(r"设", para.key):
                m = _COUNT.search(para.key)
                assert m is not None
                start = max(0, para.key.rfind("设", 0, m.start()))
                phrase = para.text[start : m.end()]
                facts.stated_sections = Src((count, phrase), para.line_at(m.start()))
                facts.used.update(no for _, no in para.starts)
        _quoted_counted(para, facts)
        _running(para, facts)
    _led(paras, facts)
    if facts.sections:
        for para in paras:
            _kept_beside(para, facts)
    if not facts.sections:
        subjects = {m.group(1) for para in paras for m in _DUTIES_OF.finditer(para.key)}
        for para in paras:
            _hosted(para, facts, subjects)
    if not latest_list(paras, facts, Paragraph, _running):  # type: ignore[arg-type]
        latest_period(paras, facts)
    last = next((line for line in reversed(lines) if line.key.strip()), None)
    if facts.sections and last is not None and _CUT_ITEM.fullmatch(last.key.strip()):
        facts.list_cut = last.no
        facts.used.add(last.no)
        facts.note(last.no, "doubt", f"the copy stops at the opening of a next item ('{last.text.strip()}')")


#: the opening of an enumerated item with nothing after it, where a copy stops: "(", "(六", "(六)", "六、", "6."
_CUT_ITEM = re.compile(r"\((?:[一二三四五六七八九十]{1,3}\)?)?|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、]")


def read_running(line: Line, facts: Facts) -> bool:
    """Read a running-text list of sections on one line; return True when it listed any."""
    before = len(facts.sections)
    _running(Paragraph(line.key, line.text, ((0, line.no),)), facts)
    return len(facts.sections) > before
