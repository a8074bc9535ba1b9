"""Read a class of like bodies a text sets up by count, with the figures it gives for each.

"全县设立6个由县纪委监察局直接领导的派出纪检监察组…每个派出纪检监察组定编4名,其中组长1名,副组长1名,
工作人员2名": the six groups are not named, so one body stands for them (``stands-for 6``) with the
quota and posts the text gives "每个" of them (:mod:`orgspec.draft.extract_running` places those).
A class is read only when its members are not listed as units of the body (then each listed unit
gets the figure instead).

Imports: :mod:`orgspec.draft.extract_fates`, :mod:`orgspec.draft.extract_lists`, :mod:`orgspec.draft.facts`,
:mod:`orgspec.draft.normalize`, :mod:`orgspec.model`.
"""

from __future__ import annotations

import re

from orgspec.draft.extract_fates import heading_fate
from orgspec.draft.extract_lists import Paragraph, paragraphs
from orgspec.draft.facts import Companion, Facts, ListedBody, Src
from orgspec.draft.normalize import Line, cn_int, fold
from orgspec.model.units import BodyClass, ClassTotal, Duty, Holder, Member, Plaque, Post, Quota
from orgspec.model.values import Basis, Count, QuotaCategory, Ref, UnitKind

__all__ = [
    "claim_totals",
    "claimed",
    "class_of",
    "counted_classes",
    "dispatchers",
    "extract_classes",
    "groups_set_up",
    "leaders_blocks",
    "one_team_plaques",
    "plaques_of_members",
    "working_bodies",
]

_SET_UP = re.compile(
    r"(?:设立|设置|组建|成立|派出|新设)了?(\d{1,3}|[二三四五六七八九十两]{1,3})个"
    r"(?:由[^,。;、]{2,30}?的)?"
    r"([\u4e00-\u9fff]{2,20}?(?:组|站|所|办公室|中心|分局|队|办事处|工作部|分社))(?=[,。;:(]|$)"
)


#: "九个国家土地督察局都是…向地方派驻的…机构": a class described by its count
_DESCRIBED = re.compile(
    r"(?:^|(?<=[,。;\"]))(\d{1,3}|[二三四五六七八九十两]{1,3})个"
    r"([\u4e00-\u9fff]{2,20}?(?:局|组|站|所|办公室|中心|办事处))(?:都是|均为|均是)([^。]{0,80}?机构)"
)


def _described(para: Paragraph, facts: Facts) -> None:
    for m in _DESCRIBED.finditer(para.key):
        count = cn_int(m.group(1))
        if count is None or class_of(m.group(2), facts) is not None:
            continue
        line = para.line_at(m.start(2))
        phrase = para.text[m.start() : m.end(2)]
        body = ListedBody(
            name=Src(para.text[m.start(2) : m.end(2)], line, [f"one body stands for the {count} the text describes"]),
            stands_for=Src(BodyClass(count=Count.of(count), text=phrase), line),
            kind=UnitKind.DISPATCHED_UNIT if re.search(r"派驻|派出", m.group(3)) else None,
        )
        facts.listed.append(body)
        facts.used.add(line)


#: "全市已有4个区(A区、B区、C区、D区)成立X中心,系…事业单位": one body in each of several places
_IN_PLACES = re.compile(
    r"(\d{1,3}|[二三四五六七八九十两]{1,3})个(区|县|市|乡镇|街道|镇|乡)\(([\u4e00-\u9fff、]{4,80})\)"
    r"(?:已|先后|均)?(?:成立|设立|组建)了?([\u4e00-\u9fff]{2,20}?(?:中心|办公室|局|站|所|队|组|办))(?=[,。;]|$)"
)


def _in_places(para: Paragraph, facts: Facts) -> None:
    """Read a body set up in each of several named places as one body standing for them, with its facts."""
    for m in _IN_PLACES.finditer(para.key):
        count = cn_int(m.group(1))
        places = m.group(3).split("、")
        if count is None or count != len(places) or class_of(m.group(4), facts) is not None:
            continue
        line = para.line_at(m.start(4))
        start = max(para.key.rfind(c, 0, m.start()) for c in "。;") + 1
        phrase = para.text[start : m.end()].strip()
        at = m.start(3)
        refs = []
        for place in places:
            refs.append(Ref(target=para.text[at : at + len(place)]))
            at += len(place) + 1
        end = para.key.find("。", m.end())
        sentence = (m.end(), len(para.key) if end < 0 else end + 1)
        said = para.key[slice(*sentence)]
        institution = re.search(r"(?:系|为|是)[^,。;]{0,20}事业单位", said) is not None
        note = f"one body stands for the {count} the text sets up in the places it names"
        body = ListedBody(
            name=Src(para.text[m.start(4) : m.end(4)], line, [note]),
            stands_for=Src(BodyClass(count=Count.of(count), text=phrase, members=tuple(refs)), line),
            kind=UnitKind.PUBLIC_INSTITUTION if institution else None,
        )
        _own_facts(para, sentence, count, body, facts)
        facts.listed.append(body)
        facts.used.add(line)


#: "包括81个县委部门和县直单位", "共管辖全国2868个气象局(台、站)…以及其他单位", "共有52家单位需要进行…":
#: a class of bodies the text's body reaches (governs, counts, oversees), by its count, named by no list
_REACHED = re.compile(
    r"(?:共管辖|管辖|包括|联系督导|督导|共有)(?:全国|全省|全市|全县|全区)?"
    r"(\d{1,5}|[二三四五六七八九十两]{1,3})[个家]"
    r"([\u4e00-\u9fff、()]{0,30}?(?:单位|部门|团体|机关))(?=[,。;]|需要)"
)


def _reached(para: Paragraph, facts: Facts) -> None:
    """Read a class of bodies a sentence counts and does not list: one body stands for them."""
    before = [(fold(b.name.value), b) for b in facts.listed if b.stands_for is not None]
    seen: set[str] = set()
    for m in _REACHED.finditer(para.key):
        count = cn_int(m.group(1))
        name = para.text[m.start(2) : m.end(2)]
        bare = m.group(2) in ("单位", "部门", "团体", "机关")
        if count is None or count < 2 or m.group(2) in seen:
            continue
        if not bare and any(key == m.group(2) or key.endswith(m.group(2)) for key, _ in before):
            continue  # a class the text set up before: the count is of it
        if name.count("(") != name.count(")"):
            continue  # a name cut inside its parentheses
        if bare:
            name = para.text[m.start(1) : m.end(2)]  # a bare "单位" names nothing: "52家单位"
        line = para.line_at(m.start(2))
        phrase = para.text[m.start() : m.end(2)]
        note = f"one body stands for the {count} the text counts and does not name"
        body = ListedBody(
            name=Src(name, line, [note]), stands_for=Src(BodyClass(count=Count.of(count), text=phrase), line)
        )
        facts.listed.append(body)
        facts.used.add(line)
        seen.add(m.group(2))


def _read(para: Paragraph, facts: Facts, titles: list[str]) -> None:
    _described(para, facts)
    _in_places(para, facts)
    _reached(para, facts)
    for m in _SET_UP.finditer(para.key):
        count = cn_int(m.group(1))
        name = m.group(2)
        if count is None or count < 2:
            continue
        if any(fold(x.name).endswith(name) for x in facts.sections) or class_of(name, facts) is not None:
            continue  # the members are listed: each gets the figures
        own = _OWN.match(para.key, m.end())
        if f"每个{name}" not in para.key and f"每{name}" not in para.key and own is None:
            continue  # nothing is said of each, nor of the class: a count in passing
        line = para.line_at(m.start(2))
        text = para.text[m.start(2) : m.end(2)]
        start = max(para.key.rfind(c, 0, m.start()) for c in ",。;") + 1
        phrase = para.text[start : m.end()].strip()
        end = para.key.find("。", m.end())
        sentence = (m.end(), len(para.key) if end < 0 else end + 1)
        dispatched = "派出" in name or re.search(r"作为[^,。;]{0,20}派出机[构关]", para.key[slice(*sentence)])
        body = ListedBody(
            name=Src(text, line, [f"one body stands for the {count} the text sets up and does not name"]),
            stands_for=Src(BodyClass(count=Count.of(count), text=phrase), line),
            kind=UnitKind.DISPATCHED_UNIT if dispatched else None,
        )
        if own is not None:
            _own_facts(para, sentence, count, body, facts)
        said = re.search(r"《([^《》]{2,60})》规定,?[^。]*$", para.key[: m.start()])
        if said is not None:
            # "《实施方案》规定,全县设立6个…": the plan the text named in full before is the class's basis
            short = said.group(1)
            full = [t for t in titles if fold(t).endswith(short)]
            title = full[0] if full else para.text[said.start(1) : said.end(1)]
            body.basis.append(Src(Basis(title=title), para.line_at(said.start()), ["the plan the text names"]))
        facts.listed.append(body)
        facts.used.add(line)


#: what says something of a class itself right after it: "(加挂X牌子,…)", ",作为…的派出机构"
_OWN = re.compile(r"\([^()]{0,80}牌子[^()]{0,60}\)|,作为[^,。;]{0,20}派出机[构关]")
_PLAQUE = re.compile(r"(加挂|挂)([^,。;()]{2,40}?)牌子")
_EXCEPT = re.compile(r"[,,]([\u4e00-\u9fff]{4,40}?(?:办事处|局|站|所|组|中心))除外\)")
_TOTAL = re.compile(r"(行政编制|事业编制|事业编|行政编|编制|[\u4e00-\u9fff]{0,6}领导职数)(\d{1,5})(?:名|人)")
_DUTY = re.compile(r"(?:主要)?(?:承担|负责)[^。]{4,300}。")


def _own_facts(para: Paragraph, sentence: tuple[int, int], count: int, body: ListedBody, facts: Facts) -> None:
    """Read what a sentence says of a class as a whole: its plaque, its duty, figures over all of it.

    "设置15个X(加挂Y××办事处牌子,…除外),作为…的派出机构,行政编制304名,司局级领导职数45名,主要承担…。":
    the plaque each carries (taken from the body if the head reader gave it there), the duty, and the
    figures as totals over the class (how many each has, the text does not say).
    """
    start, end = sentence
    key = para.key[start:end]
    for m in _PLAQUE.finditer(key):
        name = para.text[start + m.start(2) : start + m.end(2)]
        form = para.text[start + m.start(1) : start + m.end(1)]
        body.plaques.append(Src(Plaque(name=name, form=form), para.line_at(start + m.start(2))))
        facts.plaques = [p for p in facts.plaques if p.value.name != name]
    for m in _EXCEPT.finditer(key):
        # "(加挂…牌子,驻X办事处除外)": a member named as the exception, a body of its own
        name = para.text[start + m.start(1) : start + m.end(1)]
        said = f"a member of '{body.name.value}' the text names as an exception"
        facts.listed.append(ListedBody(name=Src(name, para.line_at(start + m.start(1)), [said]), kind=body.kind))
    for m in _TOTAL.finditer(key):
        figure = int(m.group(2))
        words = para.text[start + m.start() : start + m.end()]
        total = ClassTotal(bodies=Count.of(count), count=Count.of(figure), text=words)
        line = para.line_at(start + m.start())
        note = [f"'{words}': a total over the {count}; the figure of each is not stated"]
        if "职数" in m.group(1):
            title = re.sub(r"^(?:其中|另|共)", "", para.text[start + m.start(1) : start + m.end(1)])
            body.posts.append(Src(Post(title=title, count=Count.unstated(), across=(total,)), line, note))
        else:
            category = QuotaCategory.ADMINISTRATIVE if "行政" in m.group(1) else QuotaCategory.OTHER
            if "事业" in m.group(1):
                category = QuotaCategory.PUBLIC_INSTITUTION
            body.quotas.append(Src(Quota(category=category, count=Count.unstated(), across=(total,)), line, note))
    duty = _DUTY.search(key)
    if duty is not None:
        text = para.text[start + duty.start() : start + duty.end()]
        body.duties.append(Src(Duty(text=text), para.line_at(start + duty.start())))


_AT = re.compile(r"在([\u4e00-\u9fff]{2,30}?)(加挂|挂)([^,。;()]{2,40}?)牌子")


def plaques_of_members(lines: list[Line], facts: Facts) -> None:
    """Give "在驻长春X办事处加挂Y牌子" to that member of a class (a body of its own), not to the body."""
    classes = [b for b in facts.listed if b.stands_for is not None]
    if not classes:
        return
    for para in paragraphs(lines):
        for m in _AT.finditer(para.key):
            member = next((c for c in classes if m.group(1).endswith(fold(c.name.value))), None)
            if member is None:
                continue
            name = para.text[m.start(3) : m.end(3)]
            line = para.line_at(m.start(1))
            plaque = Src(Plaque(name=name, form=para.text[m.start(2) : m.end(2)]), line)
            note = f"a member of '{member.name.value}' named with a plaque of its own"
            body = ListedBody(name=Src(para.text[m.start(1) : m.end(1)], line, [note]), kind=member.kind)
            body.plaques.append(plaque)
            facts.listed.append(body)
            facts.plaques = [p for p in facts.plaques if p.value.name != name]
            facts.used.add(line)


def class_of(name: str, facts: Facts) -> ListedBody | None:
    """Return the class body of a kind the text set up ("派出纪检监察组"), if one was read."""
    for body in facts.listed:
        if body.stands_for is None:
            continue
        key = fold(body.name.value)
        # a class named by its members ("一类乡镇") is not every 乡镇 the text speaks of
        if key == name or (key.endswith(name) and not body.stands_for.value.members):
            return body
    return None


def extract_classes(lines: list[Line], facts: Facts, skip: set[int]) -> None:
    """Read the classes of like bodies the text sets up by count and says something of each."""
    titles = [t for line in lines for t in re.findall(r"《([^《》]{4,80})》", line.text)]
    for para in paragraphs([line for line in lines if line.no not in skip]):
        _read(para, facts, titles)


def claim_totals(facts: Facts) -> None:
    """Drop from the body a figure another reader took from a sentence about a class: a total over it."""
    totals: set[tuple[int, int | None]] = set()
    for body in facts.listed:
        totals |= {(q.line, t.count.value) for q in body.quotas for t in q.value.across}
        totals |= {(p.line, t.count.value) for p in body.posts for t in p.value.across}
    if not totals:
        return
    facts.posts = [p for p in facts.posts if (p.line, p.value.count.value) not in totals]
    facts.quotas = [q for q in facts.quotas if (q.line, q.value.count.value) not in totals]


#: "至此,市委工作(派出)机构有A、B、…", "县政府工作部门为:A、B…": the working bodies of a committee or
#: government, each a body of its own (not a section of the text's body)
_WORKING = re.compile(
    r"((?:[\u4e00-\u9fff]{0,8}?)(?:市委|县委|区委|省委|州委|党委|市政府|县政府|区政府|省政府|州政府|人民政府|国务院|党中央))"
    r"((?:工作|职能)(?:\(派出\))?(?:机构|部门|机关)|组成部门|直属特设机构|直属机构|部门管理机构|直属事业单位|办事机构"
    r"|议事协调机构)(?:\((?:共)?(?:\d{1,3}|[一二三四五六七八九十两]{1,3})个\))?(?:有|为|是|包括)[::]?"
    # "市委工作机关4个,分别是:", "县委工作机关(5个)" closing its line (the list on the next): a list by class
    r"|((?:[\u4e00-\u9fff]{0,8}?)(?:市委|县委|区委|省委|州委|市政府|县政府|区政府|省政府|州政府))"
    r"((?:工作|职能)(?:机构|部门|机关)|组成部门|直属机构|部门管理机构)"
    r"(?:\(?(?:共)?(?:\d{1,3}|[一二三四五六七八九十两]{1,3})个\)?)(?:,?分别(?:是|为)[::]?|[::]|$)"
)
_ITEM_NOTE = re.compile(r"\(([^()]{1,20})\)$")
_BODY_END = re.compile(r"(?:办公室|部|局|委员会|委|室|厅|办|院|中心|署|所|领导小组|行|社|校|馆|台|站)$")


def working_bodies(lines: list[Line], facts: Facts, skip: set[int]) -> set[int]:
    """Read the last list of a committee's or government's working bodies as bodies; return its lines.

    A chronicle may list them for several years ("1989年1月,…工作机构有…"; "至此,…工作机构有…"): the
    last list is the one in force. Each item becomes a body of the kind the list names
    ("市委工作(派出)机构"); words in parentheses after an item ("(系合署机构)") are its note.
    """
    found: list[tuple[Paragraph, re.Match[str], int, list[tuple[int, str, str | None]]]] = []
    paras = paragraphs([line for line in lines if line.no not in skip])
    for i, whole in enumerate(paras):
        for hit in _WORKING.finditer(whole.key):
            para, m = whole, hit
            g = 1 if m.group(1) is not None else 3  # the subject's group; the class is the next
            if g == 3 and m.end() == len(para.key) and i + 1 < len(paras):
                # a class's heading alone on its line ("一、县委工作机关(5个)"): its list is the next paragraph
                nxt = paras[i + 1]
                starts = (*para.starts, *((a + len(para.key), n) for a, n in nxt.starts))
                para = Paragraph(para.key + nxt.key, para.text + nxt.text, starts)
                m = _WORKING.match(para.key, m.start()) or m
            end = len(para.key)
            for stop in ("。", ";", ",共", "等"):
                at = para.key.find(stop, m.end())
                end = min(end, at) if at >= 0 else end
            items: list[tuple[int, str, str | None]] = []
            at = m.end()
            for piece in para.key[m.end() : end].split("、"):
                said = _ITEM_NOTE.search(piece)
                name = piece[: said.start()] if said else piece
                if len(name) < 2 or len(name) > 20 or not _BODY_END.search(name):
                    items = []
                    break
                items.append((at, name, said.group(1) if said else None))
                at += len(piece) + 1
            if len(items) >= 3:
                found.append((para, m, g, items))
    lines_read: set[int] = set()

    def key(m: re.Match[str], g: int) -> str:  # a list by class is keyed by its whole label (县委…, 县政府…)
        return m.group(2) if g == 1 else m.group(3) + m.group(4)

    classes = list(dict.fromkeys(key(m, g) for _, m, g, _ in found))
    for noun in classes:
        # each class of bodies its own list ("工作部门有…。直属机构有…"): the last list of a class is in force
        lists = [x for x in found if key(x[1], x[2]) == noun]
        para, m, g, items = lists[-1]
        label = para.text[m.start(g) : m.end(g + 1)]
        label = label[max(0, len(label) - len(m.group(g + 1)) - 3) :] if len(m.group(g)) > 3 else label
        for at, name, added in items:
            line = para.line_at(at)
            notes = ["one of the bodies the text lists"] + ([f"the text adds '({added})'"] if added else [])
            body = ListedBody(name=Src(para.text[at : at + len(name)], line, notes), kind_label=Src(label, line))
            # compiled only for an item with words in parentheses (a pattern per item overflows re's cache)
            hung = None
            if added:
                hung = re.fullmatch(r"([\u4e00-\u9fff]{2,20}?)在" + re.escape(name) + r"(加挂|挂)牌子", added)
            if hung is not None:  # "市委统战部(市民族宗教事务局在市委统战部加挂牌子)": the item's plaque
                start = at + len(name) + 1
                plaque = Plaque(name=para.text[start : start + len(hung.group(1))], form=hung.group(2))
                body.plaques.append(Src(plaque, line))
            facts.listed.append(body)
            lines_read.add(line)
        if len(lists) > 1:
            first = lists[0][0].line_at(lists[0][1].start())
            facts.note(first, "doubt", f"'{label}' are listed {len(lists)} times; the last list is drafted")
    facts.used |= lines_read
    return lines_read


_N = r"(\d{1,3}|[二三四五六七八九十两]{1,3})"
#: "新城、老城、…汶阳9个镇人民政府", "潮泉镇、陆房乡2个乡镇划为二类": members, their count, what they are
_COUNTED = re.compile(
    r"((?:[\u4e00-\u9fff]{1,12}、){1,60}[\u4e00-\u9fff]{1,12})" + _N + r"个([^,。;:]{1,30}?)"
    r"(?=划为|核定|定编|,|。|;|$)"
)
_GRADE = re.compile(r"划为([一二三四五六七八九十\d]类)")
_FIGURE = re.compile(r"(?:每个[\u4e00-\u9fff]{1,10}?)?(定编|核定)((?:行政|事业单位|事业)?编制)?" + _N + r"(?:人|名)")
_CLASS_END = re.compile(r"(?:人民政府|乡镇|街道|办事处|镇|乡|站|所|中心)$")


def _list_start(key: str, end: int) -> int | None:
    """Where a "A、B、…、X" list of short names ending at ``end`` starts (scanned backwards), or None."""

    def run(at: int) -> int:  # the start of the run of at most 12 Chinese characters ending at ``at``
        i = at
        while i > 0 and at - i < 12 and "\u4e00" <= key[i - 1] <= "\u9fff":
            i -= 1
        return i

    start = run(end)
    if start == end:
        return None
    items = 1
    while items < 61 and start > 0 and key[start - 1] == "、" and (before := run(start - 1)) < start - 1:
        start, items = before, items + 1
    return start if items >= 2 else None


def _counted(key: str) -> list[re.Match[str]]:
    """Return the counted lists of a paragraph, each found from its count backwards (linear in the text)."""
    out = []
    for count in re.finditer(_N + "个", key):
        start = _list_start(key, count.start())
        m = _COUNTED.match(key, start) if start is not None else None
        if m is not None and m.start(2) == count.start():
            out.append(m)
    return out


def counted_classes(lines: list[Line], facts: Facts, skip: set[int]) -> None:
    """Read classes of bodies named by their members and counted: "A镇、B镇、C乡3个乡镇划为一类,每个乡镇定编35人".

    Each becomes a body standing for its members (``stands-for N`` with the names, when the names
    are as many as the count), named by what the text calls them ("镇人民政府"), or by the grade it
    gives them ("一类乡镇"); a "定编/核定…N人" after it in its clause is each member's quota, and a
    later "一类乡镇…设乡镇长1人、副乡镇长4人" gives the posts of each.
    """
    for para in paragraphs([line for line in lines if line.no not in skip]):
        category: QuotaCategory | None = None
        for m in _counted(para.key):
            members = m.group(1).split("、")
            count = cn_int(m.group(2))
            what = m.group(3)
            if count is None or count != len(members) or not _CLASS_END.search(what) or "内设" in what:
                continue
            if {fold(x.name) for x in facts.sections} & set(members[1:]):
                continue  # a list of the body's own units, read as sections
            head = re.sub(r"^.*?(?:设|有|将|把|对)", "", members[0]) if len(members[0]) > 4 else members[0]
            names = [head, *members[1:]]
            grade = _GRADE.match(para.key, m.end())
            line = para.line_at(m.start(3))
            start = m.start(1) + (len(members[0]) - len(head))
            refs = tuple(Ref(target=n) for n in names)
            phrase = para.text[start : m.end()]
            text = grade.group(1) + para.text[m.start(3) : m.end(3)] if grade else para.text[m.start(3) : m.end(3)]
            if not grade and re.search(r"的|以上|以下|、", what):
                text = para.text[m.start(2) : m.end(3)]  # a description, not a noun: "3个5万人口以下的乡镇"
            body = ListedBody(
                name=Src(text, line, [f"one body stands for the {count} the text names"]),
                stands_for=Src(BodyClass(count=Count.of(count), text=phrase, members=refs), line),
            )
            end = min((x for x in (para.key.find(c, m.end()) for c in "。;") if x >= 0), default=len(para.key))
            comma = para.key.find(",", m.end() + (grade.end() - m.end() if grade else 0) + 1)
            clause_end = min(end, comma if comma >= 0 and not grade else end)
            figure = _FIGURE.search(para.key, m.end(), clause_end if not grade else end)
            if figure is not None and (value := cn_int(figure.group(3))) is not None:
                label = figure.group(2) or ""
                if "行政" in label:
                    category = QuotaCategory.ADMINISTRATIVE
                elif "事业" in label:
                    category = QuotaCategory.PUBLIC_INSTITUTION
                elif not label:
                    category = category if category is not None and figure.group(1) == "核定" else None
                cat = category or QuotaCategory.OTHER
                words = para.text[figure.start() : figure.end()]
                quota = Quota(category=cat, count=Count.of(value), label="定编" if figure.group(1) == "定编" else None)
                note = [f"'{words}': the figure of each"] + (
                    [] if label else ["the category of the figure before"] if category else []
                )
                body.quotas.append(Src(quota, para.line_at(figure.start()), note))
            facts.listed.append(body)
            facts.used.add(line)
    _class_posts(lines, facts, skip)
    _place_totals(lines, facts, skip)


_PLACE_TOTAL = re.compile(
    r"(全[省市县州区])([\u4e00-\u9fff]{0,16}?(?:机构|乡镇|街道|单位|部门))((?:行政|事业单位|事业)编制)(\d{1,6})(?:人|名)"
)
_MORE_TOTAL = re.compile(r",((?:行政|事业单位|事业)编制)(\d{1,6})(?:人|名)")


#: "中卫市国家气象系统人员编制核定为76名": one figure over a system of bodies, not one body's
_SYSTEM_TOTAL = re.compile(
    r"(?:^|(?<=[,。;:]))(?:\d{1,2}[.、])?([\u4e00-\u9fff]{2,20}?系统)(?:的)?((?:人员|行政|事业)?编制)(?:总数)?(?:核定为|为|核定|共)?"
    r"(\d{1,6})(?:人|名)"
)


def _system_totals(para: Paragraph, facts: Facts) -> None:
    """Give a figure stated over a system ("X系统人员编制核定为76名") to a body standing for the system."""
    for m in _SYSTEM_TOTAL.finditer(para.key):
        name = para.text[m.start(1) : m.end(1)]
        if facts.name is not None and fold(facts.name.value) == m.group(1):
            continue
        line = para.line_at(m.start(1))
        body = ListedBody(name=Src(name, line, ["a system of bodies, with its quota in total"]))
        label = para.text[m.start(2) : m.end(2)]
        cat = _category_of(label)
        body.quotas.append(Src(Quota(category=cat, count=Count.of(int(m.group(3))), label=label), line))
        facts.listed.append(body)
        facts.used.add(line)


def _category_of(label: str) -> QuotaCategory:
    if "行政" in label:
        return QuotaCategory.ADMINISTRATIVE
    return QuotaCategory.PUBLIC_INSTITUTION if "事业" in label else QuotaCategory.OTHER


def _place_totals(lines: list[Line], facts: Facts, skip: set[int]) -> None:
    """Read "全市乡镇党政机构行政编制556人,事业单位编制574人" as the quotas of a body standing for them all."""
    for para in paragraphs([line for line in lines if line.no not in skip]):
        _system_totals(para, facts)
        for m in _PLACE_TOTAL.finditer(para.key):
            line = para.line_at(m.start())
            name = para.text[m.start(1) : m.end(2)]
            body = ListedBody(name=Src(name, line, ["the bodies of a place, with their quotas in total"]))
            figures = [(m.group(3), m.group(4), m.start(3))]
            at = m.end()
            while (more := _MORE_TOTAL.match(para.key, at)) is not None:
                figures.append((more.group(1), more.group(2), more.start(1)))
                at = more.end()
            for label, value, where in figures:
                cat = QuotaCategory.ADMINISTRATIVE if "行政" in label else QuotaCategory.PUBLIC_INSTITUTION
                quota = Quota(category=cat, count=Count.of(int(value)), label=para.text[where : where + len(label)])
                body.quotas.append(Src(quota, para.line_at(where)))
            facts.listed.append(body)
            facts.used.add(line)


def claimed(line: int, value: int, facts: Facts) -> bool:
    """Whether a class or place body read a figure of this value from this line (no other reader takes it)."""
    return any(q.line == line and q.value.count.value == value for b in facts.listed for q in b.quotas)


_SETS = re.compile(r"[^。;,]{0,20}?设")
_POSTS_OF = re.compile(r"([\u4e00-\u9fff()]{1,12}?)" + _N + r"(?:人|名)")


def _class_posts(lines: list[Line], facts: Facts, skip: set[int]) -> None:
    """Give "一类乡镇、办事处人民政府设乡镇长(主任)1人、副乡镇长(副主任)4人" to the class it opens with."""
    classes = [b for b in facts.listed if b.stands_for is not None and not b.posts]
    if not classes:
        return
    by_key = {fold(b.name.value): b for b in classes}
    sizes = sorted({len(k) for k in by_key}, reverse=True)
    for para in paragraphs([line for line in lines if line.no not in skip]):
        for clause in re.finditer(r"[^。;,]+", para.key):  # one look-up per clause: linear in the text
            key = next((k for n in sizes if (k := clause.group(0)[:n]) in by_key), None)
            m = _SETS.match(para.key, clause.start() + len(key)) if key is not None else None
            if key is None or m is None:
                continue
            body = by_key[key]
            for item in para.key[m.end() : clause.end()].split("、"):
                post = _POSTS_OF.fullmatch(item)
                value = cn_int(post.group(2)) if post else None
                if post is None or value is None:
                    break
                at = para.key.find(item, m.end())
                title = para.text[at : at + len(post.group(1))]
                body.posts.append(Src(Post(title=title, count=Count.of(value)), para.line_at(at)))


_LEADERS = re.compile(r"^([\u4e00-\u9fff]{2,10})领导$")
_LEADER = re.compile(
    r"^([\u4e00-\u9fff ]{1,12}?)\s*:\s*([\u4e00-\u9fff]{1,3} ?[\u4e00-\u9fff]{1,3}(?:[\s、]+[\u4e00-\u9fff]{2,4})*)$"
)
#: an enumerated heading that names a class of bodies: "一、保留的非常设机构市领导任职情况"
_CLASS_HEADING = re.compile(
    r"^[一二三四五六七八九十]{1,3}、[\u4e00-\u9fff]{0,8}?(非常设机构|议事协调机构|工作部门|组成部门|直属机构|部门管理机构)"
)
#: an enumerated line that is a body's name alone: "1、市城市规划委员会" (its leaders follow, one per line)
_NAMED_ITEM = re.compile(
    r"^(?:\d{1,2}[、.]|\([一二三四五六七八九十\d]{1,3}\))\s*"
    r"([\u4e00-\u9fff]{3,30}?(?:委员会|领导小组|指挥部|联席会议)|[省市县区州][\u4e00-\u9fff]{2,28}?(?:办公室|局|委))$"
)
_CHIEF = re.compile(r"^(?:主任|局长|部长|书记|组长|主席|厅长|处长|科长|站长|所长|院长|馆长|队长|社长|秘书长)$")


def leaders_blocks(lines: list[Line], facts: Facts) -> set[int]:
    """Read a web page's "X领导" blocks ("编办领导" / "主   任: 刘平" / "副主任: 宋华儒"): body X with its leaders.

    A committee (a name ending in 委, 委员会 or 领导小组) gets members; any other body posts with their holders,
    a chief's post of one, others of no stated count. Returns the lines read.
    """
    read: set[int] = set()
    texts = [line for line in lines if line.text]
    for i, line in enumerate(texts):
        head = _LEADERS.match(line.key.replace(" ", "")) or _NAMED_ITEM.match(line.key.strip())
        if head is None:
            continue
        if head.re is _NAMED_ITEM:  # "1、市城市规划委员会" then "主 任 委 员:刘雪荣": a body and its leaders
            at = line.text.find(line.text.strip()) + head.start(1)
            name = line.text[at : at + len(head.group(1))]
        else:
            name = line.text.replace(" ", "")[: len(head.group(1))]
        body = ListedBody(name=Src(name, line.no, ["a page's block of the body's leaders"]))
        if head.re is _NAMED_ITEM:
            # the heading above the items names their class: "一、保留的非常设机构市领导任职情况"
            above = next((x for x in reversed(texts[:i]) if _CLASS_HEADING.match(x.key)), None)
            m_class = _CLASS_HEADING.match(above.key) if above is not None else None
            if above is not None and m_class is not None:
                note = "the class the heading above the list names"
                body.kind_label = Src(above.text[m_class.start(1) : m_class.end(1)], above.no, [note])
                if (fate := heading_fate(above.key, above.no)) is not None:
                    body.history.append(fate)
        committee = re.search(r"(?:委|委员会|领导小组)$", head.group(1)) is not None
        for row in texts[i + 1 :]:
            m = _LEADER.match(row.key.strip())
            if m is None:
                break
            title = m.group(1).replace(" ", "")
            spaced = re.fullmatch(r"([\u4e00-\u9fff]) ([\u4e00-\u9fff]{1,2})", m.group(2))  # "杨 智": one name
            people = [m.group(2)] if spaced else re.split(r"[\s、]+", m.group(2))
            title_text = row.text.strip()[: len(m.group(1))].replace(" ", "")
            if committee:
                body.members += [Src(Member(role=title_text, person=p), row.no) for p in people]
            else:
                count = Count.of(len(people)) if _CHIEF.match(title) and len(people) == 1 else Count.unstated()
                post = Post(title=title_text, count=count, holder=people[0] if len(people) == 1 else None)
                if len(people) > 1:
                    post = post.model_copy(update={"holders": tuple(Holder(person=p) for p in people)})
                body.posts.append(Src(post, row.no, ["a leader listed by name: the page gives no count"]))
            read.add(row.no)
        if body.members or body.posts:
            facts.listed.append(body)
            read.add(line.no)
    facts.used |= read
    return read


#: "A、B、C和设在Y的D实行“四块牌子、一套班子”,称X": X carries the others' names as plaques
_ONE_TEAM = re.compile(
    r"((?:[\u4e00-\u9fff]{2,20}、)*[\u4e00-\u9fff]{2,20})和([^,。;]{2,30}?)实行\"?"
    r"([一二三四五六七八九十两]块牌子、一套班子)\"?,称([\u4e00-\u9fff]{2,20}?)(?=[,。;])"
)


def one_team_plaques(lines: list[Line], facts: Facts) -> None:
    """Give a listed body (or section) named by "…实行“N块牌子、一套班子”,称X" the other names as plaques."""
    for para in paragraphs(lines):
        for team in re.finditer("一套班子", para.key):  # the phrase first, then its sentence: linear
            window = max(0, para.key.rfind("。", 0, team.start()) + 1, team.start() - 300)
            m = _ONE_TEAM.search(para.key, window, min(len(para.key), team.end() + 40))
            if m is None:
                continue
            name = m.group(4)
            body = next(
                (b for b in facts.listed if fold(b.name.value) == name or name.endswith(fold(b.name.value))), None
            )
            section = next((x for x in facts.sections if fold(x.name) == name), None)
            into = body.plaques if body is not None else section.plaques if section is not None else None
            if into is None:
                continue
            form = para.text[m.start(3) : m.end(3)]
            at = m.start(1)
            for piece in m.group(1).split("、"):
                plaque = Plaque(name=para.text[at : at + len(piece)], form=form)
                if plaque.name not in {p.value.name for p in into}:
                    into.append(Src(plaque, para.line_at(at), ["one of the names of '一套班子'"]))
                at += len(piece) + 1


#: "县监察委员会向乡镇(街道)派出监察办公室", "6个由县纪委监察局直接领导的派出纪检监察组"
_DISPATCH = re.compile(
    r"([\u4e00-\u9fff]{3,20}?(?:委员会|监察局|局|部|委|厅|院))(?:直接领导的|向[^,。;]{1,12}?派出|派出)"
    r"([\u4e00-\u9fff()]{2,24})"
)
_VERB_LEAD = re.compile(r"^(?:.*?(?:明确|规定|决定|同意|要求|由))")


def dispatchers(lines: list[Line], facts: Facts) -> None:
    """Draft the body that dispatches or leads the text's body or class, as a body of its own.

    "明确县监察委员会向乡镇(街道)派出监察办公室" about the 派出监察办公室: 县监察委员会 is a body, drafted
    before it and named as its superior; "由县纪委监察局直接领导的派出纪检监察组" with no body named
    otherwise: the 纪委监察局 is the text's body (its fuller form in the text, "通渭县纪委监察局").
    """
    text = "".join(line.key for line in lines)
    classes = [fold(b.name.value) for b in facts.listed if b.stands_for is not None]
    own = fold(facts.name.value).removeprefix("派出") if facts.name is not None else None
    for line in lines:
        for m in _DISPATCH.finditer(line.key):
            who = _VERB_LEAD.sub("", m.group(1))
            whom = m.group(2)
            about_body = own is not None and len(own) >= 4 and whom.endswith(own[-4:])
            about_class = any(whom.endswith(c) or c.endswith(whom) for c in classes)
            if len(who) < 3 or not (about_body or about_class):
                continue
            fuller = re.search(r"([\u4e00-\u9fff]{2,3})" + re.escape(who), text) if who[0] in "省市县区州" else None
            plain = fuller is None or re.search(
                r"[的由向在是和及对了]|明确|规定|决定|同意|要求|根据|按照", fuller.group(1)
            )
            name = who if plain or fuller is None else fuller.group(0)
            at = line.key.find(who)
            written = line.text[at : at + len(who)] if name == who else name
            if facts.name is None:
                facts.name = Src(written, line.no, ["the body that leads the class the text sets up"])
            elif fold(written) != fold(facts.name.value) and not facts.companions:
                note = Src(line.text.strip(), line.no)
                facts.companions.append(
                    Companion(Src(written, line.no, ["the body that dispatches this one"]), None, None, note)
                )
                if facts.superior is None and about_body:
                    facts.superior = Src(written, line.no, ["the body that dispatches it"])
            facts.used.add(line.no)
            return


#: "成立了由县委主要领导任组长的X领导小组(及办事机构)": a coordinating body and its leader
_GROUP_SET_UP = re.compile(
    r"(?:成立|组建|设立)了?由([\u4e00-\u9fff]{2,16}?)(?:任|担任)(组长|主任)的([\u4e00-\u9fff]{4,40}?领导小组)"
)


#: "建立“1+5+7”党建联席会议制度": a joint conference the text sets up, a coordinating body
_CONFERENCE = re.compile(r"(?:建立|建立了|成立|设立)(?:\"[^\"]{1,12}\")?([\u4e00-\u9fff]{2,12}联席会议)制度")


def groups_set_up(lines: list[Line], facts: Facts) -> None:
    """Draft a 领导小组 a text sets up with its leader named, or a 联席会议 it sets up, beside the text's body."""
    main = fold(facts.name.value) if facts.name is not None else ""
    for line in lines:
        for m in _CONFERENCE.finditer(line.key):
            if m.group(1) == main or any(fold(b.name.value) == m.group(1) for b in facts.listed):
                continue
            # "涉及多个部门职责的,建立部门联席会议制度": a rule for cases to come, no conference set up
            if m.group(1).startswith(("部门", "有关", "相关", "各")) or re.search(
                r"(?:的,|可以?|应当?|需要?|原则上)$", line.key[: m.start()]
            ):
                continue
            name = line.text[m.start(1) : m.end(1)]
            note = ["a joint conference the text sets up (联席会议制度)"]
            body = ListedBody(name=Src(name, line.no, note), kind=UnitKind.COORDINATING_BODY)
            facts.listed.append(body)
            facts.used.add(line.no)
        for m in _GROUP_SET_UP.finditer(line.key):
            if m.group(3) == main or any(fold(b.name.value) == m.group(3) for b in facts.listed):
                continue
            name = line.text[m.start(3) : m.end(3)]
            body = ListedBody(name=Src(name, line.no, ["a coordinating body the text sets up"]))
            member = Member(role=line.text[m.start(2) : m.end(2)], post=line.text[m.start(1) : m.end(1)])
            body.members.append(Src(member, line.no, ["the leader is named by post"]))
            facts.listed.append(body)
            facts.used.add(line.no)
