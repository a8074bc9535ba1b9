"""Find the body's name where no title or first sentence gave it: the phrasings that name a body in passing.

Runs after every other reader, only when the body has no name yet, over the first lines of the text
(the title of a 三定 is often not its first line: a site's header, a breadcrumb, a notice that prints
it): each phrasing names the body it is about, and the first that matches wins (noted):

- "印发X主要职责内设机构和人员编制规定的通知", "《X职能配置内设机构和人员编制规定》" → X;
- a heading over the body's units, "① X的内设机构", "X机构设置" (not the first line: a caption above) → X;
- "X组织条例" as a title → X, and the 条例 as the body's basis (by title);
- "核定X行政编制74名", "X(含13个林业站所)总编制134名" → X;
- "X内设18个职能处(室)", "X设置工作部门35个", "X有以下六类机构" → X;
- a reply's decision "同意建立"X",为Y的下设机构" (a copy without its title) → X;
- "成立X领导小组" / "成立X(以下简称…)" → X (a 领导小组 is a coordinating body by its name), but not
  a dated "1960年6月成立X" (an event of a history);
- a gazetteer's entry "X 1954年12月,…" (the name, a space, then its history) → X; not an entry under a
  line that introduces the body's units ("管委会内设机构是:"): such entries are its units.

A name must end the way a body's name ends (厅, 局, 办公室, 委员会, 领导小组 …); words before
印发, 关于, 《 or 的 are cut off ("民政部承认的市北区街道办事处" → 市北区街道办事处).

Imports: :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`, :mod:`orgspec.model`.
"""

from __future__ import annotations

import re

from orgspec.draft.facts import Companion, Facts, Src
from orgspec.draft.normalize import Line, fold
from orgspec.model.units import Relation, RelationKind
from orgspec.model.values import Basis, Ref

__all__ = ["colocated", "companions", "infobox_kind", "leaders_body", "name_in_passing", "news_subject"]

_END = re.compile(r"(?:办公厅|办公室|委员会|领导小组|人民政府|政府|办事处|局|厅|部|委|署|院|中心|办|室|馆|会|司)$")
#: a public institution's ending, which a reply that sets one up names ("同意建立X养护所"): read only there
_INSTITUTION_END = re.compile(r"(?:所|站|队|中心|院|馆|社)$")
_N = r"(?:\d{1,3}|[一二三四五六七八九十两]{1,3})"
_B = r"(?:^|(?<=[,。;:\s》]))"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^([\u4e00-\u9fff]{2,20}?) (?:\d{4}年|解放|建国|新中国成立)"),
        "the name is read from the title of a gazetteer's entry (the name, a space, then its history)",
    ),
    (
        re.compile(
            r"([\u4e00-\u9fff]{2,40}?)(?:(?:主要职责|职能配置)、?内设机构和人员编制(?:的)?规定|机构职能编制规定"
            r'|"三定"(?:规定|方案))'
        ),
        "the name is read from the title of its 三定 as the text cites it",
    ),
    (
        re.compile(
            r"^\s*(?:[\u2460-\u2473]|\(?[一二三四五六七八九十]{1,3}[、)]|\d{1,2}[.、])?\s*"
            r"([\u4e00-\u9fff]{3,24}?)的?(?:内设机构|机构设置)\s*$"
        ),
        "the name is read from a heading over the body's units ('X的内设机构', 'X机构设置')",
    ),
    (
        re.compile(r"^\s*([\u4e00-\u9fff]{2,20}?)组织(?:条例|通则)\s*$"),
        "the name is read from the title of its 组织条例",
    ),
    (
        re.compile(
            _B + r"(?:核定)?([\u4e00-\u9fff]{3,24}?)(?:\([^()]{1,20}\))?(?:机关)?(?:总|行政|事业)编制(?:为|是)?\d"
        ),
        "the name is read from the subject of a staffing sentence",
    ),
    (
        re.compile(
            _B
            + r"([\u4e00-\u9fff]{3,24}?)(?:内设|下设|设置|设有|设|有以下)(?:以下)?[\u4e00-\u9fff]{0,6}?"
            + _N
            + "[个类]"
        ),
        "the name is read from the subject of a stated count",
    ),
    (
        re.compile(_B + r'(?:经研究,?)?同意(?:设立|建立|成立|组建|新设)"?([\u4e00-\u9fff]{3,30}?)"?(?=[,。;]|为)'),
        "the name is read from the decision of a reply ('同意设立X,为…'): the unit it sets up",
    ),
    (
        re.compile(
            r"(?:(?:^|(?<=[,。;:\s]))([\u4e00-\u9fff]{1,8}?[省市县区]))?成立"
            r"([\u4e00-\u9fff]{4,30}?(?:领导小组|委员会))(?:\((?:以下简称|下称|简称)|[,。])"
        ),
        "the name is read from '成立…'",
    ),
)


#: a line that introduces a list of the body's units ("管委会内设机构是:", "下设以下科室:")
_INTRODUCES = re.compile(r"(?:内设机构|下设|设有|机构|科室|单位)[\u4e00-\u9fff]{0,6}?[:：]\s*$")


def _trim(name: str) -> str:
    for word in ("印发", "关于", "《", "的", "核定"):
        at = name.rfind(word)
        if at >= 0:
            name = name[at + len(word) :]
    return name


def name_in_passing(lines: list[Line], facts: Facts) -> None:
    """Set the body's name (and a 组织条例 as its basis) from a phrasing that names it in passing."""
    first = [line for line in lines if line.text][:15]
    staffing = [line for line in lines if line.text]  # a staffing sentence names its body wherever it stands
    for pattern, note in _PATTERNS:
        for i, line in enumerate(staffing if "staffing sentence" in note else first):
            if "gazetteer's entry" in note and any(_INTRODUCES.search(above.key) for above in first[:i]):
                break  # "内设机构是:" above: the entries below are the body's units, not the body
            for m in pattern.finditer(line.key):
                g = m.lastindex or 1  # the name is the last group; "山东省成立X": the place before 成立 is X's
                clause = line.key[max(line.key.rfind(c, 0, m.start()) for c in ",。;") + 1 : m.start(g)]
                if "成立" in clause and re.search(r"\d{1,4}[年月]|[一二三四五六七八九十]月", clause):
                    continue  # "1960年6月成立X": an event of the history, not the body the text is about
                name_key = _trim(m.group(g))
                ends = _END.search(name_key) or ("reply" in note and _INSTITUTION_END.search(name_key))
                if len(name_key) < 2 or not ends:
                    continue
                start = m.end(g) - len(name_key)
                name = line.text[start : m.end(g)]
                place = m.group(1) if g == 2 and m.group(1) else None
                if place and not name_key.startswith(place):
                    name = line.text[m.start(1) : m.end(1)] + name
                facts.name = Src(name, line.no, [note])
                facts.used.add(line.no)
                if note.endswith("组织条例"):
                    title = line.text.strip()
                    if title not in {b.value.title for b in facts.basis}:
                        facts.basis.append(Src(Basis(title=title), line.no, ["a basis named by title only"]))
                if name_key.endswith("领导小组") and facts.kind_label is None:
                    facts.kind_label = Src(name[-4:], line.no, ["the kind is read from the name's ending"])
                return


_AS = re.compile(
    r"^([\u4e00-\u9fff]{2,20}?)作为([\u4e00-\u9fff()]{1,20}?)的(派出机关|派出机构|工作部门|组成部门|直属机构|议事协调机构)"
)


_INFOBOX_KIND = re.compile(r"^[-•·*]?\s*(?:类别|机构类别|机构性质):\s*([\u4e00-\u9fff]{2,12})$")


def infobox_kind(lines: list[Line], facts: Facts) -> None:
    """Read the kind from an encyclopedia page's infobox ("• 類別:宣傳部") when the text states none."""
    if facts.kind_label is not None or facts.name is None:
        return
    for line in lines[:30]:
        m = _INFOBOX_KIND.match(line.key)
        if m:
            note = "the kind is read from the page's infobox"
            facts.kind_label = Src(line.text[m.start(1) : m.end(1)], line.no, [note])
            facts.used.add(line.no)
            return


def companions(lines: list[Line], facts: Facts) -> None:
    """Read two bodies set side by side: "街道党工委作为区(市)委的派出机关…" then "街道办事处作为区(市)政府的…".

    Each sentence "X作为Y的派出机关" names a body, its superior and its kind. When two or more bodies
    are so named, the last is the body the rest of the text describes (its sections, quotas …) and
    the others are drafted beside it, each with its kind, superior and the sentence as a note.
    """
    if facts.companions:
        return
    found: list[tuple[Line, re.Match[str]]] = []
    for line in lines:
        m = _AS.match(line.key.strip())
        if m and _END.search(m.group(1)) and m.group(1) not in {x.group(1) for _, x in found}:
            found.append((line, m))
    if len(found) < 2 or facts.name is not None:
        return
    lead = len(found[0][0].key) - len(found[0][0].key.lstrip())
    for line, m in found:
        lead = len(line.key) - len(line.key.lstrip())
        text = line.text[lead:]
        name = Src(text[m.start(1) : m.end(1)], line.no, ["one of the bodies the text sets side by side"])
        kind = Src(text[m.start(3) : m.end(3)], line.no)
        superior = Src(text[m.start(2) : m.end(2)], line.no)
        facts.used.add(line.no)
        if (line, m) == found[-1]:
            facts.name, facts.kind_label, facts.superior = name, kind, superior
            facts.name.notes.append(
                "the last of the bodies named side by side: the sections and staffing are drafted on it"
            )
        else:
            facts.companions.append(Companion(name, kind, superior, Src(line.text.strip(), line.no)))


_COLOCATED = re.compile(r"([\u4e00-\u9fff]{2,30}?)(?:与|和)([\u4e00-\u9fff]{2,30}?)合署办公")
_COLOCATED_WITH_IT = re.compile(r"([\u4e00-\u9fff]{2,30}?)由(?:在)?([\u4e00-\u9fff]{2,30}?)挂牌调整为与其合署")


def _same(a: str, b: str) -> bool:
    """Two writings of one name: equal, or one ends the other ("省文史研究馆" in "浙江省文史研究馆")."""
    return len(min(a, b, key=len)) >= 3 and (a.endswith(b) or b.endswith(a))


def colocated(lines: list[Line], facts: Facts) -> None:
    """Read "X与Y合署办公" where X is the body: Y is drafted after it, and takes its own figures.

    A quota whose sentence names Y as its subject ("省文史研究馆事业编制为9名") and a post headed
    by Y's unit word ("文史馆专职副馆长" for a 馆) are Y's, not the body's (noted).
    """
    if facts.name is None:
        return
    body = fold(facts.name.value)
    for line in lines:
        # "X由在Y挂牌调整为与其合署": a plaque of Y become a body sharing Y's offices
        m = _COLOCATED.search(line.key) or _COLOCATED_WITH_IT.search(line.key)
        if not m:
            continue
        x, y = m.group(1), m.group(2)
        if _same(y, body):
            x, y = y, x
        if not _same(x, body) or not _END.search(y):
            continue
        name = Src(line.text[m.start(2) : m.end(2)] if y == m.group(2) else line.text[m.start(1) : m.end(1)], line.no)
        name.notes.append("a body that shares offices with this one (合署办公)")
        relation = Relation(kind=RelationKind.COLOCATED, target=Ref(target=facts.name.value))
        sentence = line.text[line.key.rfind("。", 0, m.start()) + 1 : line.key.find("。", m.end()) + 1 or None].strip()
        companion = Companion(name, None, None, Src(sentence, line.no), after=True)
        companion.relations.append(Src(relation, line.no))
        _take_figures(lines, facts, companion, y)
        facts.companions.append(companion)
        facts.used.add(line.no)
        return


def _take_figures(lines: list[Line], facts: Facts, companion: Companion, key: str) -> None:
    by_no = {line.no: line for line in lines}
    for q in list(facts.quotas):
        line = by_no.get(q.line)
        label = fold(q.value.label or "")
        if line is None or not label:
            continue
        for m in re.finditer(r"([\u4e00-\u9fff]{2,20}?)" + re.escape(label), line.key):
            subject = m.group(1)[max(m.group(1).rfind(c) for c in ";。,") + 1 :]
            if (
                _same(subject, key)
                and q.value.count.value is not None
                and str(q.value.count.value) in line.key[m.end() : m.end() + 8]
            ):
                facts.quotas.remove(q)
                q.notes.append(f"the sentence's subject is '{subject}': the quota is that body's")
                companion.quotas.append(q)
                break
    head = key[-1] + "长"  # the head of a 馆 is a 馆长
    if fold(facts.name.value if facts.name else "").endswith(key[-1]):
        return
    for p in list(facts.posts):
        title = fold(p.value.title or "")
        if head in title:
            facts.posts.remove(p)
            p.notes.append(f"a post of a {key[-1]} ('{head}'): read as that body's")
            companion.posts.append(p)


#: a news item's subject: "X机构组建基本完成", "1月8日下午,X机构改革动员大会在…召开"
_NEWS_SUBJECT = re.compile(
    r"(?:^|[,。:\s日])([\u4e00-\u9fff]{2,14}?(?:部|厅|局|县|区|市|镇|乡|街道|委员会|办公室))"
    r"(?:机构组建|机构改革|体制改革|机构设置)"
)
#: words that name a class of bodies or a place in general, never the body a text is about
_CLASS_WORDS = re.compile(r"^(?:各|全|我|本|该|此|其|这|乡镇|镇街|街道|党政|省级|市级|县级|基层|地方|中央)")


def news_subject(lines: list[Line], facts: Facts) -> None:
    """Name the body a news item is about: the subject of "X机构组建/机构改革" in its first lines.

    The words must end like a body's or a place's name, not be a class ("乡镇机构改革") and be named
    again in the text: "退役军人事务部机构组建基本完成" … "退役军人事务部副部长…" → 退役军人事务部.
    """
    texts = [line for line in lines if line.text][:3]
    for line in texts:
        m = _NEWS_SUBJECT.search(line.key)
        if m is None or _CLASS_WORDS.match(m.group(1)):
            continue
        if sum(x.key.count(m.group(1)) for x in lines) < 2:
            continue
        note = "the name is read from the subject of the item ('X机构组建', 'X机构改革'), named again in the text"
        facts.name = Src(line.text[m.start(1) : m.end(1)], line.no, [note])
        return


#: a leader by name with the post of a body: "陈某某:戊市统计局副局长", "于某:某局党组成员、副局长"
_LEADER_OF = re.compile(
    r"^[\u4e00-\u9fff]{2,4}:([\u4e00-\u9fff]{3,30}?(?:局|委员会|委員會|厅|廳|办公室|辦公室|部|院|中心))"
    r"(?:党组成员、|黨組成員、|党组书记、|黨組書記、|党委委员、|黨委委員、)?副?"
    r"(?:局长|局長|主任|厅长|廳長|部长|部長|院长|院長)$"
)


def leaders_body(lines: list[Line], facts: Facts) -> None:
    """Name the body its leaders' posts are of, when at least two lines agree ("甲:X局局长", "乙:X局副局长").

    A page listing the leaders by name, each with the post of one body, names that body in every line; lines
    naming two different bodies name none (a page of several bodies' leaders), and one line alone is no list.
    """
    if facts.name is not None:
        return
    found = [(m.group(1), line) for line in lines if (m := _LEADER_OF.match(line.key.strip()))]
    names = {fold(name) for name, _ in found}
    if len(found) < 2 or len(names) != 1:
        return
    name, line = found[0]
    m = _LEADER_OF.match(line.key.strip())
    assert m is not None
    text = line.text.strip()[m.start(1) : m.end(1)] if len(line.text.strip()) == len(line.key.strip()) else name
    note = f"the name is read from its leaders' posts ('{line.key.strip()}' and {len(found) - 1} more)"
    facts.name = Src(text, line.no, [note])
    facts.used.add(line.no)
