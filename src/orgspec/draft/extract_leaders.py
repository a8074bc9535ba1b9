"""Read leaders named with their posts and no count: "党委书记陈钊,党委副书记、办事处主任麦允谦".

News items, reviews and notices name a body's leaders by post and person ("X党委书记A,党委副书记、
办事处主任B,人大工委主任C等出席会议", "会议由街道办事处主任D主持", "X副部长E介绍"). Each gives a post
of no stated count with its holder. The reader is one pattern of the field, not of a document:

- a *title* ends in a head word (书记, 主任, 局长, 部长, 司长, 厅长, 组长, 主席, 委员, 常委, 县长 …) and
  starts a clause (after , 。 ; : 、 a space, or 由 有 在 和 及 与); titles joined by 、 are the posts of
  one person;
- a *name* follows: two or three characters, the first a common surname, closed by punctuation or by
  what a news item says a leader does (同志, 等, 主持, 出席, 宣读, 介绍, 指出, 强调, 讲话, 对 …) or by
  和/及/与 before the next title;
- a name inside "由…兼任" (担任, 出任) is the holder of another post (``draft.extract_running`` reads those), and a
  "name" that ends in a head word ("由县委书记任组长") is a post, not a person: neither is read here.

Whose post it is, from the words before the head word: none, or the body's own organs (党委, 党工委,
党组, 办事处, 街道办事处, 人大工委, 纪工委 …) → the body's; the body's name first ("X党委书记", "X副部长")
→ the body's, the name left out of the title (with no name read yet, that X names the body, noted); a
level's committee or government ("县委书记", "常务副县长") → the body's when its name ends in that level
(县), refused with a note when it ends in another; any other unit ("教育部副部长") → refused with a note.
Titles joined to "…常委、" are one title as the field writes a standing-committee member's post
("县委常委、组织部长"); other joined titles are one post each, held by the same person.

The reader runs only when nothing else gave the body a post. :func:`read_leaders` reads the candidates
early (they are facts of the body, so a news item of leaders has a structure); :func:`place_leaders`
checks them against the body's name once the pipeline has settled it.

Imports: :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`, :mod:`orgspec.model`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orgspec.draft.facts import Facts, Src
from orgspec.draft.normalize import Line, fold
from orgspec.model.units import Holder, Post, PostGroup
from orgspec.model.values import Count

__all__ = ["Leader", "place_leaders", "read_leaders"]

#: common surnames, both scripts; words that are also prepositions or common nouns (于 和 向 党 全 成 …) left out
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔汤温康施文牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹欧耿兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童"
    "凌毕季裴霍涂苗谷盛曲翁冉骆蓝辛靳柴蒙鲍喻祁蒲滕屈饶牟艾尤阳穆卓古吉缪简项芦麦褚娄窦戚岑景宫"
    "费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬卞姬仇栾隋刁荣巫寇桑郎甄丛仲虞敖巩佘池麻苑迟邝"
    "陳張劉楊黃趙吳許韓馮鄧蕭葉蔣蘇呂盧鍾譚陸湯範賈韋鄒閻龍賀顧龔萬錢嚴聶魯歐蘭寧紀畢駱藍鮑饒陽"
    "衛閔鄔隋榮鞏鄺"
)
_HEAD = (
    r"(?:书记|主任委员|主任|局长|部长|司长|厅长|处长|科长|组长|主席|委员|常委|省长|市长|县长|区长|州长|镇长|乡长"
    r"|站长|所长|院长|馆长|校长|检察长|署长|队长|主委|负责人|召集人|理事长|会长|社长|行长|台长|巡视员|总监)"
)
#: a title: no word of a clause's grammar (由, 的, 在, 对 …) before its head word
_TITLE = r"(?:(?![由的在对为和与及是了将把被向从到以及其等])[\u4e00-\u9fff]){0,12}?" + _HEAD
#: what follows a leader's name in a news item
_AFTER = (
    r"(?=同志|等(?![级次])|主持|出席|宣读|宣讀|介绍|介紹|指出|强调|讲话|講話|表示|对|参加|作|带队|帶队|帶隊|一行"
    r"|陪同|的陪同|致辞|致辭|为|到|赴|率|深入|[和及与](?=[\u4e00-\u9fff]{0,12}?" + _HEAD + r")|[、,。;:\s)]|$)"
)
_LEADER = re.compile(
    r"(?:^|(?<=[,。;:、\s(])|(?<=[由有在和及与]))("
    + _TITLE
    + r"(?:、"
    + _TITLE
    + r"){0,3})(["
    + _SURNAMES
    + r"][\u4e00-\u9fff]{1,2}?)"
    + _AFTER
)
_HEAD_END = re.compile(_HEAD + "$")
#: "党委副书记": the words before the head word that name the body's own organs, not another unit
_OWN = re.compile(
    r"^(?:党委|党工委|党组|办事处|人大工委|人大主席团|人大|纪工委|纪委|监委|管委会|政协联络组)?"
    r"(?:常务|第一|专职|执行)?[正副]?$"
)
#: "县委书记", "镇党委副书记", "县人大常委会主任", "街道办事处主任": a post of a level's committee or government
_LEVEL = re.compile(
    r"^(省|市|县|区|州|旗|镇|乡|街道)(?:党委|党工委|委|人民政府|政府|人大常委会|人大|政协|纪委|纪工委|监委|办事处)"
)
#: "县长", "常务副县长": a head word that is a level's own
_LEVEL_HEAD = re.compile(r"([省市县区州镇乡])长$")
#: a body speaking of itself by its last character: "局党组书记", "部党组成员" (the body is a 局, a 部)
_SELF = "局厅部委办院署"
#: what a body's name ends in after its level: "某县人民政府" is a 县's, "某街道办事处" a 街道's
_ORGAN_END = re.compile(r"(?:人民政府|政府|党委|党工委|办事处|委员会|人大常委会)$")
#: what a name of a body ends in, when it opens a title ("退役军人事务部副部长", "莞城街道党委书记")
_BODY_END = re.compile(r"(?:街道|办事处|镇|乡|县|市|区|州|省|部|局|厅|委员会|委|办公室|办|中心|署|院|会|司|所|站)$")


@dataclass
class Leader:
    """A post read with its holder, and what the pipeline must check once the body's name is known."""

    src: Src[Post | PostGroup]
    level: str | None  # "县" for "县委书记": the body's name must end in it
    named: str | None  # the body's name the title opened with ("莞城街道" of "莞城街道党委书记")


def _is_person(name: str) -> bool:
    """Whether a word after a title is a person's name, not the next post ("由县委书记任组长") or a noun."""
    return not _HEAD_END.search(name) and name[1:] not in ("单位", "成员", "同志", "部门", "机关")


def _split_title(title: str, facts: Facts) -> tuple[str, str | None, str | None] | None:
    """Return (the title as drafted, the level it belongs to, the body its first words name), or None.

    None is a title of another unit ("教育部副部长" in a text about another body).
    """
    head = _HEAD_END.search(title)
    assert head is not None
    prefix = title[: head.start()]
    name = fold(facts.name.value) if facts.name is not None else None
    if name and prefix.startswith(name):
        return title[len(name) :], None, name
    short = next((c for c in range(len(prefix), 1, -1) if name and name.startswith(prefix[:c])), 0)
    if short and _OWN.match(prefix[short:]):
        # "莞城党委书记" of 莞城街道: the body's name, its level left out; "某县县长" in 某县统计局's text: the 县's
        own = _LEVEL_HEAD.search(head.group(0))
        return title[short:], own.group(1) if own else None, None
    level = _LEVEL.match(prefix)
    if level is not None and _OWN.match(prefix[level.end() :]):
        return title, level.group(1), None  # "县委书记", "镇党委副书记": the level's
    if prefix[:1] in _SELF and prefix[1:] and _OWN.match(prefix[1:]):
        return title, prefix[:1], None  # "局党组书记": the 局 the body is, when its name ends so
    if _OWN.match(prefix):
        own = _LEVEL_HEAD.search(head.group(0))  # "县长", "常务副县长": the level's; "党委书记": the body's
        return title, own.group(1) if own else None, None
    # "莞城街道党委书记": a body's name, then its own organ; "退役军人事务部副部长": a body's name, then the post
    for cut in range(2, len(prefix) + 1):
        if _BODY_END.search(prefix[:cut]) and _OWN.match(prefix[cut:]):
            return title[cut:], None, prefix[:cut]
    return None


def read_leaders(lines: list[Line], facts: Facts, skip: set[int]) -> list[Leader]:
    """Read the leaders a text names with their posts, as posts of the body with no count.

    Runs only when no other reader gave the body (or a unit of it) a post. Returns what
    :func:`place_leaders` checks once the body's name is settled.
    """
    if facts.posts or any(s.posts for s in facts.sections) or any(b.posts for b in facts.listed):
        return []
    by_title: dict[str, Leader] = {}
    named: set[str] = set()
    for line in lines:
        if line.no in skip or not line.text:
            continue
        lead = _NAME_FIRST.match(line.key.strip())
        if lead is not None and lead.group(1)[0] in _SURNAMES and _HEAD_END.search(lead.group(2)):
            _name_first(line, lead, facts, by_title, named)
            continue
        for m in _LEADER.finditer(line.key):
            person = line.text[m.start(2) : m.end(2)]
            stop = min((i for i in (line.key.find(c, m.end()) for c in "。;") if i >= 0), default=len(line.key))
            held = re.search("兼任|担任|出任", line.key[m.end() : stop]) or line.key.startswith("兼", m.end())
            if not _is_person(m.group(2)) or held:
                continue  # "由A部长B,C副部长D兼任": holders of other posts, read with the post they hold
            titles = [(t, line.text[m.start(1) + i : m.start(1) + i + len(t)]) for t, i in _pieces(m.group(1))]
            joined = titles[0][0].endswith("常委") and len(titles) > 1
            if joined:  # "县委常委、组织部长": one title, whose first words say whose it is
                titles = [(titles[0][0], line.text[m.start(1) : m.end(1)])]
            for key, text in titles:
                split = _split_title(key, facts)
                if split is None:
                    facts.note(line.no, "doubt", f"'{text}{person}' holds a post of another unit: not drafted")
                    continue
                drafted, level, body = split
                title = text[len(key) - len(drafted) :] if joined else text[len(text) - len(drafted) :]
                if body is not None and body != (fold(facts.name.value) if facts.name else None):
                    named.add(body)
                _add(by_title, title, person, Leader(Src(_post(title), line.no), level, body))
            facts.used.add(line.no)
    leaders = list(by_title.values())
    whole = "".join(line.key for line in lines)
    if facts.name is None and facts.subject is None and len(named) == 1 and whole.count(next(iter(named))) >= 2:
        body = next(iter(named))  # named again: the body the text is about, not a visitor's
        first = next(x.src.line for x in leaders if x.named == body)
        text = next(x.text for x in lines if x.no == first)
        at = fold(text).find(body)
        note = "the name is read from the titles of the leaders it names ('X党委书记…')"
        facts.subject = Src(text[at : at + len(body)], first, [note])
    for leader in leaders:
        facts.posts.append(leader.src)
    return leaders


#: a leader named first, alone on a line: "王立平:乙县统计局局长", "李红梅:乙县统计局党组成员、副局长"
_NAME_FIRST = re.compile(r"^([\u4e00-\u9fff]{2,3}):([\u4e00-\u9fff、]{2,40})$")


def _name_first(line: Line, m: re.Match[str], facts: Facts, by_title: dict[str, Leader], named: set[str]) -> None:
    """Read "王立平:乙县统计局局长": the person, then the post (the last title; those joined before it noted)."""
    at = line.key.find(m.group(2))
    person = line.text[at - 1 - len(m.group(1)) : at - 1]
    *others, (key, offset) = _pieces(m.group(2))
    split = _split_title(key, facts)
    if split is None:
        facts.note(line.no, "doubt", f"'{line.text.strip()}' holds a post of another unit: not drafted")
        return
    drafted, level, body = split
    text = line.text[at + offset : at + offset + len(key)]
    title = text[len(text) - len(drafted) :]
    if body is not None and body != (fold(facts.name.value) if facts.name else None):
        named.add(body)
    leader = Leader(Src(_post(title), line.no), level, body)
    _add(by_title, title, person, leader)
    if others:
        also = "、".join(line.text[at + o : at + o + len(t)] for t, o in others)
        facts.note(line.no, "doubt", f"{person} also holds '{also}' (a concurrent title, not drafted)")
    facts.used.add(line.no)


def _pieces(titles: str) -> list[tuple[str, int]]:
    """Split "党委副书记、办事处主任" into its titles with their offsets."""
    out, at = [], 0
    for piece in titles.split("、"):
        out.append((piece, at))
        at += len(piece) + 1
    return out


def _post(title: str) -> Post:
    return Post(title=title, count=Count.unstated())


def _add(by_title: dict[str, Leader], title: str, person: str, new: Leader) -> None:
    """Add a holder to the post of that title (a second holder makes the post one of several holders)."""
    found = by_title.get(title)
    if found is None:
        new.src.value = _post(title).model_copy(update={"holder": person})
        new.src.notes.append("a leader named with the post; the document gives no count")
        by_title[title] = new
        return
    value = found.src.value
    assert isinstance(value, Post)
    people = [value.holder] if value.holder else [h.person for h in value.holders]
    if person in people:
        return
    holders = tuple(Holder(person=p) for p in [*people, person])
    found.src.value = value.model_copy(update={"holder": None, "holders": holders})


def _has_level(name: str, level: str) -> bool:
    """Whether a body of that name is of the level: "某县人民政府" a 县, "某县发展和改革委员会" a 委."""
    return (
        name.endswith(level) or _ORGAN_END.sub("", name).endswith(level) or (level == "委" and name.endswith("委员会"))
    )


def place_leaders(leaders: list[Leader], facts: Facts) -> None:
    """Keep the leaders' posts that belong to the body as finally named; refuse the others with a note.

    A level's post ("县委书记") needs a body whose name ends in that level; a title that opened with a
    body's name needs that body. With no name read, a level's post is kept with a note to check it when
    every level the titles name is one ("县委书记", "县长"); titles of several levels ("镇长", "县长") are
    refused: which is the body's the text does not say.
    """
    name = fold(facts.name.value) if facts.name is not None else None
    levels = sorted({x.level for x in leaders if x.level is not None})
    for leader in leaders:
        post = leader.src.value
        why = None
        if leader.named is not None and (name is None or (leader.named not in name and name not in leader.named)):
            why = f"'{leader.named}{post.title}' is a post of '{leader.named}', not of the body: not drafted"
        elif leader.level is not None and name is not None and not _has_level(name, leader.level):
            why = f"'{post.title}' is a post of a {leader.level}, not of the body: not drafted"
        elif leader.level is not None and name is None and len(levels) > 1:
            why = f"'{post.title}' is a post of a {leader.level}; the text names posts of {'、'.join(levels)}"
            why += " and not the body: not drafted"
        elif leader.level is not None and name is None:
            leader.src.notes.append(f"a post of a {leader.level}'s leaders; the body's name was not read: check it")
        if why is not None and any(leader.src is p for p in facts.posts):
            facts.posts[:] = [p for p in facts.posts if p is not leader.src]
            facts.note(leader.src.line, "doubt", why)
