"""Read quotas and plaques written in running text rather than in a staffing part.

Gazetteers, budget pages and news state a body's quotas in a sentence: "核定行政编制20人,
事业编制12人", "定行政编24个", "编制为25人", "网络信息研究中心事业编制4个". This reader runs
only when the staffing part gave no quota. A figure is read as a quota only when 编制 (or 编)
stands right before it; totals ("共有编制32人"), actual staff (实有, 现有) and changes
("由219名扩大到519名": the later figure is read, with a note) are told apart by the words around
the figure. A quota preceded in its clause by the name of a listed section is that section's.

Imports: :mod:`orgspec.draft.extract_classes`, :mod:`orgspec.draft.extract_lists`,
:mod:`orgspec.draft.extract_staffing`, :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`,
:mod:`orgspec.model`.
"""

from __future__ import annotations

import re

from orgspec.draft.extract_classes import claimed, class_of
from orgspec.draft.extract_lists import Paragraph, paragraphs
from orgspec.draft.extract_staffing import RANKED, read_parts, read_posts, read_quotas
from orgspec.draft.facts import Facts, ListedBody, SectionFacts, Src
from orgspec.draft.normalize import Line, cn_int, fold
from orgspec.model.units import Duty, Holder, Plaque, Post, PostGroup, Quota, QuotaPart
from orgspec.model.values import Count, QuotaCategory

__all__ = ["extract_running"]

_N = r"(\d{1,5}|[一二三四五六七八九十两百零]{1,5})"
_QUOTA = re.compile(
    r"((?:机关)?(?:行政|事业|工勤|机关工勤|后勤服务)?编(?:制)?(?:\((?:行政|事业|工勤)编(?:制)?\))?)(?:数)?(?:为|核定为|是|[暂暫]定为?)?"
    + _N
    + r"(?:名|人|个)(?!以上|以下|左右|[至到\-~]\d|[至到][一二三四五六七八九十])"
)
_CHANGE = re.compile(
    r"编(?:制)?由"
    + _N
    + r"(?:名|人|个)(?:扩大|擴大|增加|减少|減少|调整|調整|增|减|減)(?:到|至|為|为)"
    + _N
    + r"(?:名|人|个)"
)
_POST = re.compile(
    r"^(?:其中:?|即)?(?:核定|设)?(?:领导职数)?(?:为)?([\u4e00-\u9fff]{0,12}?(?:长|主任|书记|师|职数|委员|主席|部长))(?:为)?"
    + _N
    + r"名(?:\((?:由)?([\u4e00-\u9fff]{1,12}?)兼任?\)|\((含[^()]{2,60})\))?$"
)
#: "处级职数均设置为2正5副,即书记1名、…": a group of posts, its chiefs and deputies counted apart
_CHIEFS_DEPUTIES = re.compile(
    r"((?:[正副]?[处科股厅局司部]级)?(?:领导)?职数)[^,。;]{0,8}?(\d{1,2}|[一二三四五六七八九十])正(\d{1,2}|[一二三四五六七八九十])副"
    r"(?=[,:]即)"
)
#: "各街道处级职数应设置为4正4副" (a split with no titles after it); not a total ("共计124正124副")
_SPLIT_ONLY = re.compile(
    r"((?:[正副]?[处科股厅局司部]级)?(?:领导)?职数)(?:应|均)?(?:设置为|设为|为)"
    r"(\d{1,2}|[一二三四五六七八九十])正(\d{1,2}|[一二三四五六七八九十])副(?![,:]?即)"
)
_FORMER = re.compile(r"原规定|原有|原来|此前|以前|改革前")
_CATS = (
    ("行政", QuotaCategory.ADMINISTRATIVE),
    ("事业", QuotaCategory.PUBLIC_INSTITUTION),
    ("工勤", QuotaCategory.LOGISTICS),
    ("后勤", QuotaCategory.LOGISTICS),
)
_CONCURRENT = re.compile(r"^([^,。;]{2,30}?),兼([\u4e00-\u9fff]{2,20}(?:办公室|委员会|局|办|中心))[,。]")


def _category(label: str) -> QuotaCategory:
    """Return the category a label names; words in parentheses say how the pool is used (事业编制(工勤编))."""
    used = re.search(r"\(([^()]*)\)", label)
    if used:
        label = used.group(1)
    return next((cat for word, cat in _CATS if word in label), QuotaCategory.OTHER)


def _clause_start(key: str, at: int) -> int:
    return max(key.rfind(c, 0, at) for c in ",;。:") + 1


def _quotas(para: Paragraph, facts: Facts) -> None:
    key = para.key
    for m in _CHANGE.finditer(key):
        value = cn_int(m.group(2))
        if value is not None:
            note = f"the document changes the quota from {m.group(1)} to {m.group(2)}; the later figure is read"
            changed = Quota(
                category=QuotaCategory.ADMINISTRATIVE if "行政" in key else QuotaCategory.OTHER, count=Count.of(value)
            )
            facts.quotas.append(Src(changed, para.line_at(m.start()), [note]))
            facts.used.add(para.line_at(m.start()))
    if _CHANGE.search(key):
        return
    for m in _QUOTA.finditer(key):
        sentence = key[key.rfind("。", 0, m.start()) + 1 : m.start()]
        if _FORMER.search(sentence):
            continue
        start = _clause_start(key, m.start())
        before = key[start : m.start()]
        if re.search(r"共有?|合计|总|实有|现有|不少于|不超过|超", before + key[m.start() : m.end()]):
            continue
        value = cn_int(m.group(2))
        if value is None:
            continue
        label = para.text[m.start(1) : m.end(1)]
        quota = Src(Quota(category=_category(m.group(1)), count=Count.of(value), label=label), para.line_at(m.start()))
        if _per_unit(para, start, m, quota, facts):
            continue
        owner = next((s for s in facts.sections if s.name and s.name in para.text[start : m.start()]), None)
        into = owner.quotas if owner is not None else facts.quotas
        if any(q.value.category is quota.value.category for q in into):
            continue  # one quota per category: a second figure is a repetition or a total
        into.append(quota)
        facts.used.add(para.line_at(m.start()))


_TOTAL_ONLY = re.compile(r"共有?((?:各类)?(?:人员)?编制)" + _N + r"(?:名|人)")


def _total_only(para: Paragraph, facts: Facts) -> None:
    """Read "X共有各类人员编制57303名" as the body's quota when the text gives no other (a total of no parts)."""
    m = _TOTAL_ONLY.search(para.key)
    if m is None or _OVER_PLACE.search(para.key[_clause_start(para.key, m.start()) : m.start()]):
        return
    value = cn_int(m.group(2))
    if value is None:
        return
    label = para.text[m.start(1) : m.end(1)]
    note = ["a total the text states as the only figure: read as the body's quota"]
    facts.quotas.append(
        Src(Quota(category=_category(m.group(1)), count=Count.of(value), label=label), para.line_at(m.start()), note)
    )
    facts.used.add(para.line_at(m.start()))


#: "每个农业机械管理站人员编制6名", "每个乡镇定编35人": a figure for each unit of a kind
_EACH = re.compile(r"(?:每个|每一个|每)([\u4e00-\u9fff]{2,20}?)(?:人员|机关)?(?:核定|定)?$")
#: "全市乡镇党政机构行政编制556人": a total over the bodies of a place, not one body's
_OVER_PLACE = re.compile(r"全[省市县州区国盟旗]")


def _per_unit(para: Paragraph, start: int, m: re.Match[str], quota: Src[Quota], facts: Facts) -> bool:
    """Place a figure stated for each unit of a kind, or for the bodies of a place; return True when handled.

    "每个X…编制6名": each listed unit whose name ends in X gets the quota (noted); with none listed, the
    figure is no quota of the body: a note at its place. "全市…编制556人" is a total over many
    bodies: a note too.
    """
    before = para.key[start : m.start()]
    line = para.line_at(m.start())
    figure = para.text[start : m.end()]
    if quota.value.count.value is not None and claimed(line, quota.value.count.value, facts):
        facts.used.add(line)
        return True  # a class or place body took it
    each = _EACH.search(before)
    if each is not None:
        kind = each.group(1)
        units = [x for x in facts.sections if fold(x.name).endswith(kind) and fold(x.name) != kind]
        if len(units) >= 2:
            for unit in units:
                note = f"'{figure}': the figure of each {kind}, read for every one listed"
                unit.quotas.append(Src(quota.value, quota.line, [note]))
            facts.used.add(line)
            return True
        group = class_of(kind, facts)
        if group is not None:
            parts = _each_parts(para, m, quota.value)
            if m.group(1) == "编" and para.key[m.start(1) - 1 : m.start(1)] == "定":
                parts = parts.model_copy(update={"label": "定编"})  # "定编4名": the document's word
            group.quotas.append(Src(parts, quota.line, [f"'{figure}': the figure of each {kind}"]))
            facts.used.add(line)
            return True
        facts.note(line, "doubt", f"'{figure}' is a figure for each of several units, not the body's: not drafted")
        facts.used.add(line)
        return True
    counted = re.search(r"(?:\d{1,3}|[二三四五六七八九十两]{1,3})个[^,。;]{1,30}$", before)
    if counted is not None:
        # "A镇、B镇、C镇3个…的乡镇核定事业单位编制40人": the figure of each of several bodies
        facts.note(
            line, "doubt", f"'{figure}' is a figure of several bodies counted there, not the body's: not drafted"
        )
        facts.used.add(line)
        return True
    sentence = para.key[para.key.rfind("。", 0, m.start()) + 1 : m.start()]
    if _OVER_PLACE.search(sentence):  # "全市…行政编制556人,事业单位编制574人": both over the place
        facts.note(line, "doubt", f"'{figure}' is a total over the bodies of a place, not the body's: not drafted")
        facts.used.add(line)
        return True
    return False


_PART = re.compile(r"([\u4e00-\u9fff]{1,10}?)(\d{1,3}|[一二三四五六七八九十两]{1,3})名")


def _each_parts(para: Paragraph, m: re.Match[str], quota: Quota) -> Quota:
    """Return the quota with the parts of the "其中" clause after it when they add up to its figure."""
    after = para.key[m.end() : m.end() + 120].split("。")[0]
    if not after.startswith((",其中", "。其中", "其中")):
        return quota
    clause = re.sub(r"\([^()]*\)", "", after.removeprefix(",").removeprefix("其中").lstrip(":"))
    parts = [(n, cn_int(v)) for n, v in _PART.findall(clause)]
    if not parts or any(v is None for _, v in parts) or sum(v or 0 for _, v in parts) != quota.count.value:
        return quota
    read = tuple(QuotaPart(count=Count.of(v or 0), label=n) for n, v in parts)
    return quota.model_copy(update={"parts": read, "complete": True})


def _class_posts(para: Paragraph, begin: int, sentence: str, into: list[Src[Post | PostGroup]]) -> None:
    """Read the leadership posts of a "每个X定编4名,其中组长1名,副组长1名,…" sentence into the class body."""
    at = sentence.find("其中")
    if at < 0:
        return
    for m in _PART.finditer(sentence, at + 2):
        title = para.text[begin + m.start(1) : begin + m.end(1)].lstrip(":,")
        value = cn_int(m.group(2))
        if value is None or not re.search(r"(?:长|主任|书记|主席)$", fold(title)):
            continue
        into.append(Src(Post(title=title, count=Count.of(value)), para.line_at(begin + m.start(1))))


def _drop_changed(facts: Facts) -> None:
    """Drop a figure read from "编制由219名扩大到519名" when the text also states it with its category."""
    stated = {q.value.count for q in facts.quotas if q.value.category is not QuotaCategory.OTHER}
    for q in list(facts.quotas):
        if q.value.category is QuotaCategory.OTHER and q.value.count in stated and "changes" in " ".join(q.notes):
            facts.quotas.remove(q)


_SET_POST = re.compile(
    r"(?:^|(?<=[,。;\s]))([\u4e00-\u9fff]{0,12}?(?:可以)?)设([\u4e00-\u9fff]{0,6}?(?:主任|长|书记|干事|主席|秘书))"
    r"(\d{1,3}|[一二三四五六七八九十两]{1,3}|若干)(?:人|名)(?=[,。;]|$)"
)


_MORE_POSTS = re.compile(
    r"[,、]([\u4e00-\u9fff]{0,6}?(?:主任|长|书记|干事|主席|秘书|委员))(\d{1,3}|[一二三四五六七八九十两]{1,3})(?:人|名)(?=[,、。;]|$)"
)


#: "由李伯宁同志任主任,陈光健同志兼任副主任": a person appointed to a post, no count stated
_APPOINTED = re.compile(
    r"([\u4e00-\u9fff]{2,3})同志(兼任|出任|担任|任)([\u4e00-\u9fff]{0,8}?(?:主任|长|书记|主席|组长|委员|秘书))(?=[,。;、]|$)"
)


def _appointed(para: Paragraph, facts: Facts) -> None:
    """Read the posts of an appointment notice: one post per title, its holders, no stated count."""
    titles: dict[str, list[Holder]] = {}
    lines: dict[str, int] = {}
    for m in _APPOINTED.finditer(para.key):
        title = para.text[m.start(3) : m.end(3)]
        person = para.text[m.start(1) : m.end(1)]
        held = _HELD_WITH.search(para.key, _clause_start(para.key, m.start()), m.end())
        if m.group(2) == "兼任" and held is not None and not m.group(3).startswith("副"):
            # "县政府办副主任滕合方同志兼任办公室主任": a post of one, held with the post before the name
            _concurrent_post(para, m, para.text[held.start(1) : held.end(1)], facts)
            continue
        titles.setdefault(title, []).append(Holder(person=person))
        lines.setdefault(title, para.line_at(m.start()))
    for title, holders in titles.items():
        note = ["appointed by name ('…同志任…'); the document gives no count"]
        if len(holders) == 1:
            post = Post(title=title, count=Count.unstated(), holder=holders[0].person)
        else:
            post = Post(title=title, count=Count.unstated(), holders=tuple(holders))
        facts.posts.append(Src(post, lines[title], note))
        facts.used.add(lines[title])


#: the post a person appointed concurrently already holds, written before the name
_HELD_WITH = re.compile(r"([\u4e00-\u9fff]{2,16}?(?:主任|长|书记|主席))(?=[\u4e00-\u9fff]{2,3}同志兼任)")


def _concurrent_post(para: Paragraph, m: re.Match[str], concurrent: str, facts: Facts) -> None:
    """Place "X副主任张三同志兼任办公室主任": on the listed office the title names, else on the body."""
    title = para.text[m.start(3) : m.end(3)]
    line = para.line_at(m.start())
    post = Post(title=title, count=Count.of(1), concurrent=concurrent, holder=para.text[m.start(1) : m.end(1)])
    offices = [
        x for x in facts.sections if m.group(3).startswith(fold(x.name)[-3:]) and fold(x.name).endswith("办公室")
    ]
    owner = offices[0].posts if len(offices) == 1 and m.group(3).startswith("办公室") else facts.posts
    owner.append(Src(post, line, ["a post held concurrently ('…兼任…'): one post, its holder named"]))
    facts.used.add(line)


#: "县台办主任兼办公室主任": the post of a listed unit held by the holder of another post
_HEAD_BY = re.compile(
    r"(?:^|(?<=[,。;]))([\u4e00-\u9fff]{2,12}?(?:主任|长|书记))兼([\u4e00-\u9fff]{2,12}?(?:主任|长|书记))(?=[,。;]|$)"
)


def _office_head(para: Paragraph, facts: Facts) -> None:
    """Give a listed unit the post "X兼Y主任" names, Y being the unit: one post, held concurrently."""
    for m in _HEAD_BY.finditer(para.key):
        title = m.group(2)
        unit = next((x for x in facts.sections if title.startswith(fold(x.name)) and len(title) > len(x.name)), None)
        if unit is None or any(p.value.title == title for p in unit.posts):
            continue
        text = para.text[m.start(2) : m.end(2)]
        post = Post(title=text, count=Count.of(1), concurrent=para.text[m.start(1) : m.end(1)])
        unit.posts.append(Src(post, para.line_at(m.start(2)), ["a post held concurrently ('…兼…')"]))
        facts.used.add(para.line_at(m.start(2)))


def _foreign(subject: str, facts: Facts) -> bool:
    """Whether a sentence's subject names a unit that is not the body ("派出监察办公室设主任1名")."""
    if len(subject) < 3 or not re.search(r"(?:办公室|室|局|组|站|所|中心|处|科|股|队|委员会|委)$", subject):
        return False
    return facts.name is None or (subject not in fold(facts.name.value) and fold(facts.name.value) not in subject)


def _set_posts(para: Paragraph, facts: Facts) -> None:
    """Read "街道办事处设主任一人,…设干事若干人,…可以设副主任一人": posts a regulation sets (若干: no count)."""
    for m in _SET_POST.finditer(para.key):
        title = para.text[m.start(2) : m.end(2)]
        if len(title) < 2 or any(p.value.title == title for p in facts.posts):
            continue
        lead = re.match(r"^第[一二三四五六七八九十\d]{1,4}[条章节]", m.group(1))
        subject = re.sub(r"可以$", "", m.group(1)[lead.end() if lead else 0 :])
        if facts.name is None and _foreign(subject, facts):
            # "派出监察办公室设主任1名,…" with no body named elsewhere: the sentence is about its subject,
            # the body's name unless the text names it in passing (draft.pipeline)
            at = m.start(1) + (lead.end() if lead else 0)
            note = "the name is read from the subject of the posts it sets ('X设主任…')"
            facts.subject = Src(para.text[at : at + len(subject)], para.line_at(at), [note])
        elif _foreign(subject, facts):
            facts.note(
                para.line_at(m.start()), "doubt", f"'{title}' is a post of '{subject}', not of the body: not drafted"
            )
            facts.used.add(para.line_at(m.start()))
            continue
        value = cn_int(m.group(3))
        count = Count.of(value) if value is not None else Count.unstated()
        notes = ["read from '设…' in running text"] + (["若干: no count"] if value is None else [])
        facts.posts.append(Src(Post(title=title, count=count), para.line_at(m.start(2)), notes))
        facts.used.add(para.line_at(m.start(2)))
        at = m.end()
        # "设主任1名,副主任1名,监察干事1名": the posts the same 设 goes on to list
        while (more := _MORE_POSTS.match(para.key, at)) is not None:
            at = more.end()
            value = cn_int(more.group(2))
            title = para.text[more.start(1) : more.end(1)]
            if value is None or any(p.value.title == title for p in facts.posts):
                break
            facts.posts.append(Src(Post(title=title, count=Count.of(value)), para.line_at(more.start(1)), notes[:1]))


def _split_outside(sentence: str) -> list[str]:
    """Split at , 、 ; outside parentheses ("…42名(含A1名、B1名)" is one clause)."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(sentence):
        depth += (ch == "(") - (ch == ")")
        if ch in ",、;" and depth <= 0:
            out.append(sentence[start:i])
            start = i + 1
    out.append(sentence[start:])
    return out


def _posts(para: Paragraph, facts: Facts) -> None:
    """Read "其中,局长1名、副局长3名" in a sentence about quotas or posts (职数)."""
    offset = 0
    former = False
    for sentence in para.key.split("。"):
        begin, offset = offset, offset + len(sentence) + 1
        was_former = former
        former = bool(_FORMER.search(sentence)) or (former and sentence.startswith("其中"))
        if former and was_former and sentence.startswith("其中"):
            _former_posts(para, begin, sentence, facts)  # "在1998年的原规定中,…219名。其中,…"
            continue
        if former or not re.search(r"职数|其中", sentence) or not re.search(r"编|职数|领导", sentence + para.key):
            continue
        each = re.search(r"每个([\u4e00-\u9fff]{2,20}?)(?:人员)?(?:核定|定编|编制)", sentence)
        of_class = class_of(each.group(1), facts) if each is not None else None
        if of_class is not None:
            _class_posts(para, begin, sentence, of_class.posts)
            continue
        if each is not None:
            # "每个派出纪检监察组定编4名,其中组长1名": the posts of each of several units, not the body's
            note = f"the posts of each {each.group(1)} ('{para.text[begin : begin + len(sentence)][:40]}'): not drafted"
            facts.note(para.line_at(begin), "doubt", note)
            facts.used.add(para.line_at(begin))
            continue
        group: Src[Post | PostGroup] | None = None
        chiefs = 0
        split_only = _SPLIT_ONLY.search(sentence) if _CHIEFS_DEPUTIES.search(sentence) is None else None
        if split_only is not None:
            # "处级职数应设置为4正4副" with no titles after it: a group of the chiefs and the deputies
            n_chief, n_deputy = cn_int(split_only.group(2)) or 0, cn_int(split_only.group(3)) or 0
            title = para.text[begin + split_only.start(1) : begin + split_only.end(1)]
            members = (
                Post(title="正", count=Count.of(n_chief), role="chief"),
                Post(title="副", count=Count.of(n_deputy), role="deputy"),
            )
            note = f"'{split_only.group(2)}正{split_only.group(3)}副' with no titles: posts named 正 and 副"
            group_of = PostGroup(title=title, count=Count.of(n_chief + n_deputy), posts=members)
            facts.posts.append(Src(group_of, para.line_at(begin), [note]))
            facts.used.add(para.line_at(begin))
            continue
        g = _CHIEFS_DEPUTIES.search(sentence)
        if g is not None:
            n_chief, n_deputy = cn_int(g.group(2)) or 0, cn_int(g.group(3)) or 0
            title = para.text[begin + g.start(1) : begin + g.end(1)]
            pair = f"{g.group(2)}正{g.group(3)}副"
            note = f"'{pair}' read as a group of {n_chief + n_deputy}: the posts after 即 are its own"
            group = Src(PostGroup(title=title, count=Count.of(n_chief + n_deputy)), para.line_at(begin), [note])
            facts.posts.append(group)
            chiefs = n_chief
        pos = 0
        for clause in _split_outside(sentence):
            at, pos = begin + pos, pos + len(clause) + 1
            m = _POST.match(clause.strip())
            pooled = m is not None and m.group(1).startswith("正副") and m.group(1).endswith("职数") and m.group(4)
            if not m or "编" in m.group(1) or (m.group(1).startswith(("正副", "即")) and not pooled):
                continue  # "正副司长职数58名(含…)" is a pool of posts with its parts; "正副处长11名" a group
            if len(m.group(1)) < 2:
                continue
            value = cn_int(m.group(2))
            if value is None:
                continue
            lead = len(clause) - len(clause.lstrip())
            title = para.text[at + lead + m.start(1) : at + lead + m.end(1)]
            concurrent = para.text[at + lead + m.start(3) : at + lead + m.end(3)] if m.group(3) else None
            if any(isinstance(p.value, Post) and p.value.title == title for p in facts.posts):
                continue
            if group is not None and isinstance(group.value, PostGroup):
                chief = not m.group(1).startswith("副") and chiefs > 0
                chiefs -= chief
                member = Post(
                    title=title, count=Count.of(value), role="chief" if chief else "deputy", concurrent=concurrent
                )
                group.value = group.value.model_copy(update={"posts": (*group.value.posts, member)})
                continue
            parts: tuple[QuotaPart, ...] = ()
            if m.group(4):  # "处级领导职数42名(含机关党委专职副书记1名)"
                inner = at + lead + m.start(4)
                parts = tuple(read_parts(para.text[inner : inner + len(m.group(4))], m.group(4)))
            ranked = RANKED.match(title)  # "专职副总督察(副部长级)": the rank apart from the title
            rank = ranked.group(2) if ranked else None
            title = ranked.group(1) if ranked else title
            post: Post | PostGroup = Post(
                title=title, count=Count.of(value), concurrent=concurrent, parts=parts, rank=rank
            )
            facts.posts.append(Src(post, para.line_at(at), ["read from running text"]))
            facts.used.add(para.line_at(at))


_HELD = re.compile(
    r"(?:^|[;。,:])([\u4e00-\u9fff]{0,8}?(?:主任|组长|主席|书记|部长|局长|秘书长|召集人))由([^;。由]{2,400}?)(?:等)?兼任"
)
_HOLDER = re.compile(
    r"^(.+?(?:部长|院长|检察长|主任|书记|主席|成员|委员|厅长|局长|市长|县长|区长|秘书长|署长|司长|处长))"
    r"([\u4e00-\u9fff]{2,3})$"
)


def _former_posts(para: Paragraph, begin: int, sentence: str, facts: Facts) -> None:
    """Read the posts of a former regulation ("原规定…其中,秘书长1名,…") as a past group of no stated total."""
    posts: list[Post] = []
    pos = 0
    for clause in _split_outside(sentence.removeprefix("其中").lstrip(",:")):
        at = begin + (len(sentence) - len(sentence.removeprefix("其中").lstrip(",:"))) + pos
        pos += len(clause) + 1
        m = _POST.match(clause.strip())
        value = cn_int(m.group(2)) if m else None
        if m is None or value is None:
            continue
        lead = len(clause) - len(clause.lstrip())
        posts.append(Post(title=para.text[at + lead + m.start(1) : at + lead + m.end(1)], count=Count.of(value)))
    if len(posts) >= 2:
        note = "the posts of a former regulation (原规定): a past layout; add its `until`"
        group = PostGroup(count=Count.unstated(), posts=tuple(posts))
        facts.posts.append(Src(group, para.line_at(begin), [note]))
        facts.used.add(para.line_at(begin))


def _holder_pieces(text: str) -> list[str]:
    """Split "A局局长X、B局局长Y,C局副局长Z" into one piece per holder (、 only after a name: "常委、书记X" is one)."""
    out: list[str] = []
    for piece in re.split(r"[,,]", text):
        run = ""
        for part in piece.split("、"):
            run = f"{run}、{part}" if run else part
            if _HOLDER.match(run.strip()):
                out.append(run)
                run = ""
        if run or not piece:
            out.append(run)
    return out


def _held(para: Paragraph, facts: Facts) -> None:
    """Read "办公室主任由民政部部长李纪恒兼任": a post held concurrently, with its holder.

    One holder gives a post of one with its concurrent post; several ("副主任由A副部长X,B副院长Y兼任")
    give one post of no stated count with its holders; bodies only ("副主任由省法院、团省委等部门…兼任")
    give the post with no count. A sentence that opens with the office's post ("办公室主任由…;常务副主任由…")
    keeps its later posts in that office.
    """
    owner: SectionFacts | None = None
    sentence_end = -1
    for m in _HELD.finditer(para.key):
        if m.start(1) > sentence_end:
            owner = None
            sentence_end = para.key.find("。", m.start(1))
            sentence_end = len(para.key) if sentence_end < 0 else sentence_end
        title = para.text[m.start(1) : m.end(1)]
        if m.group(1).startswith("办公室"):
            owner = next((s for s in facts.sections if fold(s.name).endswith("办公室")), owner)
        into = owner.posts if owner is not None else facts.posts
        at = m.start(2)
        found: list[tuple[str, str, int]] = []
        for piece in _holder_pieces(m.group(2)):
            h = _HOLDER.match(piece.strip())
            start = at + len(piece) - len(piece.lstrip())
            at += len(piece) + 1
            if h:
                concurrent = para.text[start + h.start(1) : start + h.end(1)]
                found.append((concurrent, para.text[start + h.start(2) : start + h.end(2)], start))
        line = para.line_at(m.start(1))
        if len(found) == 1:
            concurrent, holder, start = found[0]
            post = Post(title=title, count=Count.of(1), concurrent=concurrent, holder=holder)
            into.append(Src(post, para.line_at(start), ["a post held concurrently (由…兼任)"]))
        elif found or "等" in m.group(2):
            holders = tuple(Holder(person=h, concurrent=c) for c, h, _ in found)
            note = "held concurrently by several (由…兼任); the document gives no count"
            into.append(Src(Post(title=title, count=Count.unstated(), holders=holders), line, [note]))
        else:
            continue  # "组长由副市长兼任": a post named by the post that holds it, no holder, no list
        facts.used.add(line)


_DUTY_START = (
    *("负责", "承担", "指导", "协调", "组织", "拟订", "拟定", "研究", "管理", "办理", "参与", "贯彻", "完成"),
    *("按照", "推进", "审核", "审批", "制定", "会同", "监督", "统筹", "牵头", "配合", "做好", "加强", "开展"),
    *("督促", "承办", "综合", "起草", "贯彻落实"),
)
_DUTIES_ARE = re.compile(r"(?:主要职责|主要职能|主要任务)(?:(?:是|为)(?!:)|(?:是|为|有|包括)?:(?=.))")


def _blocks(lines: list[Line]) -> list[Paragraph]:
    """Join runs of non-empty lines (a hard-wrapped paragraph may break after any ; or 。)."""
    out: list[Paragraph] = []
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and line.text:
            run.append(line)
            continue
        if run:
            starts, key, text = [], "", ""
            for r in run:
                starts.append((len(key), r.no))
                key += r.key
                text += r.text
            out.append(Paragraph(key, text, tuple(starts)))
        run = []
    return out


def _running_duties(para: Paragraph, facts: Facts) -> None:
    """Read "主要职责是贯彻…。负责…。拟定…。" or "其主要职责有:…。" in running text: one duty per sentence.

    The list runs while each sentence starts the way a duty does (负责, 拟定, 按照 …); a last sentence
    the copy stops in is kept, noted.
    """
    m = _DUTIES_ARE.search(para.key)
    if m is None or re.search(r"各[室处科股司局部]$|各(?:内设)?机构$", para.key[: m.start()]):
        return  # "各室主要职能:": the sections' duties, read with each section
    at = m.end() if para.key[m.end() - 1] == ":" else m.start()  # "主要职责有:X": X
    quoted = _quoted_owner(para, m.start(), facts)
    if quoted is not None:
        _quoted_duties(para, at, quoted, facts)
        return
    if _inline_enumerated(para, at, facts):
        return
    sentences = re.split(r"(?<=。)", para.text[at:])
    for i, sentence in enumerate(sentences):
        text = sentence.strip()
        start = at + len(sentence) - len(sentence.lstrip())
        at += len(sentence)
        if not text:
            continue
        if i and not fold(text).startswith(_DUTY_START):
            break
        notes = [] if text.endswith("。") else ["the text stops in this duty"]
        if not i:
            notes.append("one duty per sentence of a running paragraph")
        facts.duties.append(Src(Duty(text=text), para.line_at(start), notes))
        facts.used.add(para.line_at(start))


#: "…规定,“X的主要职责是:" : a body named before its duties inside a quotation of another text
_QUOTED_OWNER = re.compile(
    r"[“\"]([\u4e00-\u9fff]{2,24}?(?:委员会|领导小组|办公厅|办公室|总局|中心|部|厅|局|署|院|委|办))的$"
)
#: what a quotation puts before its words or after them: an excerpt's ellipsis and the item's number,
#: a wiki's reference marks ("[2]", "[註 1]")
_EXCERPT_HEAD = re.compile(r"^(?:……|\.{3,6})\s*(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)?")
_REF_MARK = re.compile(r"\[(?:\d{1,3}|註 ?\d{1,3}|注 ?\d{1,3})\](?::\d+)?")


def _quoted_owner(para: Paragraph, at: int, facts: Facts) -> str | None:
    """Return X of a quotation "“X的主要职责是:…”" when X is not the text's own body, else None.

    A text that quotes another text's words about a body ("《…条例》规定,“中央X委员会的主要职责是:……(四)
    审定…”") gives that body's duties, not its own body's.
    """
    m = _QUOTED_OWNER.search(para.key, max(0, at - 26), at)
    if m is None:
        return None
    name = para.text[m.start(1) : m.end(1)]
    own = fold(facts.name.value) if facts.name is not None else None
    if own is not None and (own.endswith(m.group(1)) or m.group(1).endswith(own)):
        return None
    return name


def _quoted_duties(para: Paragraph, at: int, owner: str, facts: Facts) -> None:
    """Give the duties a quotation lists to the body it names (a listed body), up to the quotation's end."""
    close = re.compile(r"。[\"”]").search(para.key, at)  # the quotation ends after a full stop
    words = para.text[at : close.start() + 1 if close is not None else len(para.key)]
    body = next((b for b in facts.listed if fold(b.name.value) == fold(owner)), None)
    if body is None:
        body = ListedBody(Src(owner, para.line_at(at), ["the body a quotation names with its duties"]))
        facts.listed.append(body)
    for sentence in re.split(r"(?<=。)", words):
        text = _REF_MARK.sub("", _EXCERPT_HEAD.sub("", sentence.strip())).strip()
        if not text:
            continue
        notes = ["a quotation of another text: the duties of the body it names, not the text's own body's"]
        if sentence.strip().startswith(("…", "...")):
            notes.append("an excerpt: the quotation leaves out the items before it")
        body.duties.append(Src(Duty(text=text), para.line_at(at), notes))
    facts.used.add(para.line_at(at))


_INLINE_ITEM = re.compile(r"\s*\(([一二三四五六七八九十]{1,3})\)")
#: what ends an inline list of duties: the next article or a heading of the plan
_INLINE_END = re.compile(r"\s(?:第[一二三四五六七八九十]{1,3}条|[一二三四五六七八九十]{1,3}、)")


def _inline_enumerated(para: Paragraph, at: int, facts: Facts) -> bool:
    """Read "主要职责是: (一)…。…。 (二)…。" written on one line: one duty per enumerated item.

    The items run while their numbers follow one another from (一); each duty is the text up to the
    next item, whatever its sentences (a duty of several sentences stays one duty). Return True when
    two or more items were read.
    """
    first = _INLINE_ITEM.match(para.key, at)
    if first is None or cn_int(first.group(1)) != 1:
        return False
    stops = [first]
    for m in _INLINE_ITEM.finditer(para.key, first.end()):
        if cn_int(m.group(1)) == len(stops) + 1:
            stops.append(m)
    if len(stops) < 2:
        return False
    end = _INLINE_END.search(para.key, stops[-1].end())
    limit = end.start() if end else len(para.key)
    for i, m in enumerate(stops):
        stop = stops[i + 1].start() if i + 1 < len(stops) else limit
        text = para.text[m.end() : stop].strip()
        if not text:
            continue
        notes = [] if text.endswith(("。", ";")) else ["the text stops in this duty"]
        if not i:
            notes.append("enumerated items of a running paragraph, one duty each")
        facts.duties.append(Src(Duty(text=text), para.line_at(m.end()), notes))
        facts.used.add(para.line_at(m.end()))
    return True


def _subject_duties(paras: list[Paragraph], facts: Facts) -> None:
    """Read "县农业农村局贯彻落实…。" as a duty of the body.

    The sentence's subject is the body (its name or its 以下简称 form) and its verb starts a duty.
    """
    if facts.name is None:
        return
    names = {fold(facts.name.value)}
    for para in paras:
        names |= set(re.findall(r"\((?:以下简称|下称|简称)([\u4e00-\u9fff]{2,12})\)", para.key))
    subject = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(r"(?:^|(?<=[。\s]))(?:" + subject + r")((?:" + "|".join(_DUTY_START) + r")[^。]{4,400}。)")
    # "X是县政府辖属的林业行政职能部门,负责贯彻执行…。": the definition goes on with the body's duty
    defined = re.compile(
        r"(?:^|(?<=[。\s]))(?:"
        + subject
        + r")是[^,。]{2,40}?(?:部门|机构|单位|机关),((?:主要)?(?:负责|承担)[^。]{4,600}。)"
    )
    # a page that states its definition twice (a summary, then the text): the longest is the duty
    definitions = [(para, m) for para in paras for m in defined.finditer(para.key)]
    longest = max(definitions, key=lambda pm: len(pm[1].group(1)), default=None)
    for para in paras:
        found = [*pattern.finditer(para.key)] + ([longest[1]] if longest is not None and longest[0] is para else [])
        for m in found:
            text = para.text[m.start(1) : m.end(1)]
            facts.duties.append(
                Src(Duty(text=text), para.line_at(m.start(1)), ["a sentence about the body read as its duty"])
            )
            facts.used.add(para.line_at(m.start(1)))


def _staffing_sentences(para: Paragraph, facts: Facts) -> None:
    """Read a staffing paragraph in running text the way the staffing part is read.

    "X机关行政编制为366名(含两委人员编制12名、…)。其中:部长1名(兼任…)、副部长4名,…": a quota
    whose parentheses give its parts, then the posts of the "其中" sentence after it.
    """
    offset = 0
    quota_before = False
    for sentence in para.key.split("。"):
        begin, offset = offset, offset + len(sentence) + 1
        line = Line(para.line_at(begin), para.text[begin : begin + len(sentence)], sentence)
        if quota_before and sentence.startswith("其中"):
            read_posts(line, len("其中:") if sentence.startswith("其中:") else len("其中"), facts.posts, facts)
            facts.used.add(line.no)
            quota_before = False
            continue
        found: list[Src[Quota]] = []
        quota_before = False
        if "(含" in sentence and read_quotas(line, found) and any(q.value.parts for q in found):
            facts.quotas += found
            facts.used.add(line.no)
            quota_before = True


#: "(一) 单位负责人:符世经": the head of the body, named on a line of a page's summary
_HEAD_NAMED = re.compile(
    r"^(?:\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]{1,2}、)?\s*((?:单位|部门)?(?:主要)?负责人)[::]\s*([\u4e00-\u9fff]{2,4})$"
)


def _heads_named(lines: list[Line], skip: set[int], facts: Facts) -> None:
    """Read "单位负责人:X" as a post of no stated count held by X (one line, one post)."""
    for line in lines:
        m = _HEAD_NAMED.match(line.key.strip()) if line.no not in skip else None
        if m is None:
            continue
        at = line.text.find(line.text.strip())
        title = line.text[at + m.start(1) : at + m.end(1)]
        holder = line.text[at + m.start(2) : at + m.end(2)]
        note = ["a head named on the page ('负责人:…'); the document gives no count"]
        facts.posts.append(Src(Post(title=title, count=Count.unstated(), holder=holder), line.no, note))
        facts.used.add(line.no)
        return


#: "历任宣传部长依次为:何伟、王华、…": the heads of the body one after another
_PAST_HEADS = re.compile(
    r"历任([\u4e00-\u9fff]{0,10}?(?:部长|局长|主任|书记|厅长|处长|科长|站长|所长|馆长|校长|院长))(?:依次)?(?:为|有|是):?"
)


def _past_heads(para: Paragraph, facts: Facts) -> None:
    """Read "历任X依次为:A、B(副X,主持工作)、C" as the post X, no count, held by each in turn (noted)."""
    m = _PAST_HEADS.search(para.key)
    if m is None:
        return
    end = min((x for x in (para.key.find(c, m.end()) for c in "。;\n") if x >= 0), default=len(para.key))
    holders = []
    for piece in _split_outside(para.text[m.end() : end]):
        person = re.match(r"^\s*([\u4e00-\u9fff]{2,4})(?:\([^()]*\))?\s*$", piece)
        if person is None:
            break
        holders.append(Holder(person=person.group(1)))
    if len(holders) < 2:
        return
    title = para.text[m.start(1) : m.end(1)]
    note = ["the heads of the body one after another ('历任…'); no count, no dates"]
    facts.posts.append(
        Src(Post(title=title, count=Count.unstated(), holders=tuple(holders)), para.line_at(m.start()), note)
    )
    facts.used.add(para.line_at(m.start()))


def extract_running(lines: list[Line], facts: Facts, skip: set[int]) -> None:
    """Read running-text quotas (when no staffing part gave any) and "X,兼Y" plaques of the body.

    ``skip`` holds the numbers of lines that belong to parts that are not part of a plan.
    """
    paras = [p for p in paragraphs([line for line in lines if line.no not in skip]) if p.key]
    if not facts.duties:
        for para in _blocks([line for line in lines if line.no not in skip]):
            _running_duties(para, facts)
            if facts.duties:
                break
    if not facts.duties:
        _subject_duties(paras, facts)
    if not facts.quotas and not facts.posts and not any(s.quotas for s in facts.sections):
        for para in paras:
            _staffing_sentences(para, facts)
    if not facts.quotas and not any(s.quotas for s in facts.sections):
        for para in paras:
            _quotas(para, facts)
    if not facts.quotas and not any(s.quotas for s in facts.sections):
        for para in paras:
            _total_only(para, facts)
    _drop_changed(facts)
    if not facts.posts and not any(s.posts for s in facts.sections):
        for para in paras:
            _posts(para, facts)
        for para in paras:
            _held(para, facts)
    if not facts.posts and not any(s.posts for s in facts.sections):
        for para in paras:
            _set_posts(para, facts)
    if not facts.posts and not any(s.posts for s in facts.sections):
        for para in paras:
            _appointed(para, facts)
    if not facts.posts and not any(s.posts for s in facts.sections):
        _heads_named(lines, skip, facts)
    if not facts.posts:
        for para in paras:
            _past_heads(para, facts)
    for para in paras:
        _office_head(para, facts)
    if facts.name is not None and not facts.plaques:
        for para in paras:
            m = _CONCURRENT.match(para.key)
            if m and facts.name.value[-4:] in para.text[: m.end(1)]:
                name = para.text[m.start(2) : m.end(2)]
                facts.plaques.append(Src(Plaque(name=name), para.line_at(m.start(2)), ["'兼' read as a second name"]))
                facts.used.add(para.line_at(m.start(2)))
                break
