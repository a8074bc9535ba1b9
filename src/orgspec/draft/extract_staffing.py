"""Extract staffing: quotas (编制) with their parts, leadership posts, public institutions.

Imports: :mod:`orgspec.draft.extract_duties`, :mod:`orgspec.draft.facts`,
:mod:`orgspec.draft.normalize`, :mod:`orgspec.model`.
"""

from __future__ import annotations

import re
from typing import Literal

from orgspec.draft.extract_duties import enum_of
from orgspec.draft.facts import Facts, SectionFacts, Src
from orgspec.draft.normalize import Line, cn_int, fold
from orgspec.model.units import Post, PostGroup, Quota, QuotaPart
from orgspec.model.values import Count, QuotaCategory, UnitKind

__all__ = [
    "RANKED",
    "extract_institutions",
    "extract_staffing",
    "is_post_clause",
    "pools_of_others",
    "posts_after_quota",
    "range_quotas",
    "read_parts",
    "read_posts",
    "read_quotas",
    "same_body",
    "unit_pools",
]

_N = r"(\d+|[一二三四五六七八九十两百零]{1,4})"
_QUOTA = re.compile(
    r"((?:机关)?(?:行政|事业|工勤|后勤服务人员|后勤服务|机关工勤|参照公务员法管理事业|纪检监察|派驻)编制|机关编制)(?:数)?"
    r"(?:为|核定为|共|是)?(?:"
    + _N
    + r"(?:名|人|个)(?![至到\-~]\d|[至到][一二三四五六七八九十])|(另行核定))(\([^()]*\))?"
)
#: "编制12名(行政编制10名、工勤编制2名)": a total of no category, its parts in parentheses
_POOLED = re.compile(
    r"(?<![行政事业勤务理察驻关])((?:人员)?编制)(?:数)?(?:为|核定为|共|是)?" + _N + r"(?:名|人|个)\(([^()]*)\)"
)
#: one part of such a total: "行政编制10名"
_POOL_PART = re.compile(r"^([\u4e00-\u9fff]{0,10}?编制?)" + _N + r"(?:名|人|个)$")
_CATS = (
    ("行政", QuotaCategory.ADMINISTRATIVE),
    ("事业", QuotaCategory.PUBLIC_INSTITUTION),
    ("工勤", QuotaCategory.LOGISTICS),
    ("后勤", QuotaCategory.LOGISTICS),
    ("纪检", QuotaCategory.DISCIPLINE),
    ("派驻", QuotaCategory.DISPATCHED),
)
_POST = re.compile(
    r"^(其中:?)?(另核)?(?:设|核定)?([\u4e00-\u9fff]{1,16}?(?:兼[\u4e00-\u9fff]{2,14}?)?(?:\([\u4e00-\u9fff]{2,8}\)[\u4e00-\u9fff]{1,6}?)?"
    r"(?:\([\u4e00-\u9fff]{2,8}级\))?(?:职数)?)(?:为)?"
    + _N
    + r"名(?:\(([^()]*)\)?)?$"  # an unclosed parenthesis: the copy stops inside it
)
_BREAKDOWN_ITEM = re.compile(r"((?:正|副)[\u4e00-\u9fff]{1,10}?)(?:职数)?" + _N + "名")
_BREAKDOWN = re.compile(r"^(?:其中:?)?(?:(?:正|副)[\u4e00-\u9fff]{1,10}?(?:职数)?" + _N + "名[、,]?)+$")
_SECTION_HEADS = ("处长", "科长", "司长", "股长", "室主任")

#: "X设局长1名": a post clause that names its unit first
_SUBJECT = re.compile(
    r"^([\u4e00-\u9fff]{2,20}?(?:局|厅|委员会|委|办公室|办|部|中心|院|所|站|室))设(?=[\u4e00-\u9fff])"
)
#: "内设机构科级领导职数": the posts of the sections, as one figure
_SECTIONS_POSTS = re.compile(r"^[\u4e00-\u9fff]{0,8}?内设机构的?((?:[正副]?[处科股]级)?领导职数)$")


def same_body(subject: str, name: str) -> bool:
    """Whether a sentence's subject is the body: its name, or a short form the name contains."""
    return subject == name or (len(subject) >= 2 and subject in name) or name in subject


#: "局长由副县长兼任": a post held by the holder of another, no count
_HELD_BY = re.compile(
    r"^((?:[\u4e00-\u9fff]{0,12}?)(?:长|主任|书记|主席|组长))由([\u4e00-\u9fff]{2,20}?(?:长|主任|书记|主席|委员|常委|员))兼任$"
)
#: the ending of a body's name, when a title opens with it ("县统计局科级领导职数")
_NAME_END = re.compile(r"(?:局|厅|委员会|委|办公室|办|部|中心|院|署|政府|街道办事处|办事处)$")


def _own_title(title: str, facts: Facts) -> str:
    """Leave out the body's name a title opens with: "县统计局科级领导职数" of 某县统计局 → "科级领导职数".

    The words left out must name the body (its name, or a short form it contains) and more than the
    ending every body shares ("办公室主任" keeps its 办公室).
    """
    if facts.name is None:
        return title
    name, key = fold(facts.name.value), fold(title)
    for cut in range(len(key) - 2, 2, -1):
        prefix = key[:cut]
        end = _NAME_END.search(prefix)
        if end is not None and end.start() >= 2 and same_body(prefix, name):
            return title[cut:]
    return title


#: a title that ends with its rank in parentheses: "专职国家土地副总督察(副部长级)"
RANKED = re.compile(r"^(.{2,}?)\(((?:正|副)?(?:省部|部长|部|厅局|司局|厅|局|县处|处|乡科|科|股)级)\)$")


def _category(key: str) -> QuotaCategory:
    for word, cat in _CATS:
        if word in key:
            return cat
    return QuotaCategory.OTHER


def read_parts(inner_text: str, inner_key: str) -> list[QuotaPart]:
    """Read the parts a parenthesis gives a figure: "含两委人员编制12名、援派机动编制2名", "不含参事"."""
    out = []
    inside = False
    for t0, k0 in zip(re.split(r"[,、;]", inner_text), re.split(r"[,、;]", inner_key), strict=True):
        excluded = k0.startswith("不含")  # "(含…1名,不含省政府参事)": a part outside the figure
        inside = inside or k0.startswith(("含", "其中")) or excluded
        if not inside:
            continue
        k = re.sub(r"^(不含|含|其中)", "", k0)
        t = t0[len(t0) - len(k) :]
        m = re.search(_N + r"名$", k)
        lead = re.match(_N + r"名(?=[\u4e00-\u9fff])", k)  # "其中1名副部长兼任…": a sub-count, its figure first
        count = Count.unstated()
        if m and cn_int(m.group(1)) is not None:
            count = Count.of(cn_int(m.group(1)) or 0)
            t, k = t[: m.start()], k[: m.start()]
        elif lead and cn_int(lead.group(1)) is not None:
            count = Count.of(cn_int(lead.group(1)) or 0)
        category = _category(k) if "编制" in k else None
        relation: Literal["includes", "excludes"] = "excludes" if excluded else "includes"
        out.append(QuotaPart(relation=relation, count=count, label=t or None, category=category))
    return out


def read_quotas(line: Line, notes_out: list[Src[Quota]]) -> bool:
    """Read every quota on a line: "行政编制为21名(含…)", "后勤服务人员编制另行核定"."""
    found = False
    pooled = _pooled(line, notes_out)
    for m in _QUOTA.finditer(line.key):
        if any(a <= m.start() < b for a, b in pooled):
            continue  # a part of a total read with it
        label = line.text[m.start(1) : m.end(1)]
        if m.group(3):
            count = Count.separately()
        else:
            value = cn_int(m.group(2))
            count = Count.of(value) if value is not None else Count.unreadable(m.group(2))
        parts: list[QuotaPart] = []
        if m.group(4):
            parts = read_parts(line.text[m.start(4) + 1 : m.end(4) - 1], m.group(4)[1:-1])
        notes: list[str] = []
        if m.group(4) and not parts:
            parts, notes = _bare_parts(line.text[m.start(4) + 1 : m.end(4) - 1], m.group(4)[1:-1])
        notes_out.append(
            Src(Quota(category=_category(m.group(1)), count=count, label=label, parts=tuple(parts)), line.no, notes)
        )
        found = True
    return found or bool(pooled)


def _bare_parts(text: str, key: str) -> tuple[list[QuotaPart], list[str]]:
    """Read "(离退休干部工作人员编制6名)", parts with neither 含 nor 不含: inside the figure, noted as a doubt."""
    items = [(t, k) for t, k in zip(re.split(r"[,、;]", text), re.split(r"[,、;]", key), strict=True)]
    read = [(t, _POOL_PART.match(k)) for t, k in items]
    if not read or any(m is None or cn_int(m.group(2)) is None for _, m in read):
        return [], []
    parts = []
    for t, m in read:
        assert m is not None
        label = t[: m.end(1)]
        parts.append(QuotaPart(count=Count.of(cn_int(m.group(2)) or 0), label=label, category=_category(m.group(1))))
    return parts, ["the parentheses say neither 含 nor 不含: read as parts inside the figure; check"]


def _pooled(line: Line, notes_out: list[Src[Quota]]) -> list[tuple[int, int]]:
    """Read "编制12名(行政编制10名、工勤编制2名)": one quota with its parts when they add up; return the spans."""
    spans = []
    for m in _POOLED.finditer(line.key):
        total = cn_int(m.group(2))
        parts, _ = _bare_parts(line.text[m.start(3) : m.end(3)], m.group(3))
        if total is None or not parts:
            continue
        quota = Quota(category=QuotaCategory.OTHER, count=Count.of(total), label=line.text[m.start(1) : m.end(1)])
        summed = sum(p.count.value or 0 for p in parts)
        if summed == total:
            note = "a total of no category with its parts in parentheses (they add up)"
            notes_out.append(Src(quota.model_copy(update={"parts": tuple(parts), "complete": True}), line.no, [note]))
        else:  # the document disagrees with itself: the total as stated, its parts in a note
            words = line.text[m.start(3) : m.end(3)]
            note = f"the parts in parentheses ({words}) add up to {summed}, not {total}: kept as a note"
            notes_out.append(Src(quota, line.no, [note]))
        spans.append((m.start(), m.end()))
    return spans


def _clauses(text: str, key: str) -> list[tuple[str, str]]:
    """Split at , ; 。 、 outside parentheses."""
    out = []
    pos = depth = 0
    for i, ch in enumerate(key):
        depth += ch == "("
        depth -= ch == ")"
        if ch in ",;。、" and depth <= 0:
            out.append((text[pos:i].strip(), key[pos:i].strip()))
            pos = i + 1
    out.append((text[pos:].strip(), key[pos:].strip()))
    return [(t, k) for t, k in out if k]


def read_posts(line: Line, start: int, posts: list[Src[Post | PostGroup]], facts: Facts) -> None:
    """Read leadership posts from ``start``: "主任1名,副主任3名;正副处长11名,其中正处长6名,副处长5名"."""
    group: PostGroup | None = None
    group_src: Src[Post | PostGroup] | None = None
    while start < len(line.key) and line.key[start] in "为:是":
        start += 1
    for clause_text, clause_key in _clauses(line.text[start:], line.key[start:]):
        text, key = clause_text, clause_key
        subject = _SUBJECT.match(key)
        if subject is not None:
            # "中卫市气象局设局长1名": the body's posts (the subject left out of the title); another unit's: a note
            named = text[: len(subject.group(1))]
            if facts.name is not None and not same_body(subject.group(1), fold(facts.name.value)):
                facts.note(line.no, "doubt", f"'{text}' is a post of '{named}', not of the body: not drafted")
                continue
            if facts.name is None and facts.subject is None:
                facts.subject = Src(named, line.no, ["the name is read from the subject of the posts it sets"])
            text, key = text[subject.end() :], key[subject.end() :]
        m = _POST.match(key)
        if m and _SECTIONS_POSTS.match(m.group(3)):
            # "市局机关内设机构科级领导职数6名": the posts of the sections together, with no split
            sections_posts = _SECTIONS_POSTS.match(m.group(3))
            assert sections_posts is not None
            value = cn_int(m.group(4))
            title = text[sections_posts.start(1) : sections_posts.end(1)]
            group = PostGroup(title=title, count=Count.of(value or 0), for_sections=True)
            posts.append(Src(group, line.no, [f"'{text}': the posts of the sections, read as a group"]))
            group = None
            continue
        held = _HELD_BY.match(key)
        if not m and held is not None:
            # "局长由副县长兼任": the post, held by the holder of another; the document gives no count
            title = _own_title(text[: len(held.group(1))], facts)
            holder = text[held.start(2) : held.end(2)]
            note = "a post held concurrently ('由…兼任'); the document gives no count"
            posts.append(Src(Post(title=title, count=Count.unstated(), concurrent=holder), line.no, [note]))
            group = None
            continue
        if not m or "编" in m.group(3):  # "人员编制15名": a figure of staff, never a post
            facts.note(line.no, "skipped", f"not read as a post: '{text}'")
            continue
        value = cn_int(m.group(4))
        count = Count.of(value) if value is not None else Count.unreadable(m.group(4))
        title = _own_title(text[m.start(3) : m.end(3)], facts)
        title_key = m.group(3)[len(m.group(3)) - len(title) :]
        if title_key.endswith("职数") and not title_key[:-2].endswith(("领导", "级")):
            title, title_key = title[:-2], title_key[:-2]  # "监察室主任职数1名": the post is 监察室主任
        concurrent = None
        parts: tuple[QuotaPart, ...] = ()
        held_by = re.fullmatch(r"由([\u4e00-\u9fff]{2,20}?)兼任?", m.group(5) or "")
        if m.group(5) and m.group(5).startswith("兼"):
            concurrent = text[m.start(5) + (2 if m.group(5).startswith("兼任") else 1) : m.end(5)]
        elif held_by is not None:  # "部长1名(由县委常委兼任)": the post that holds it
            concurrent = text[m.start(5) + held_by.start(1) : m.start(5) + held_by.end(1)]
        elif m.group(5) and _BREAKDOWN.match(m.group(5)):
            inner = text[m.start(5) : m.end(5)]
            breakdown = []
            for item in _BREAKDOWN_ITEM.finditer(m.group(5)):
                n = cn_int(item.group(2))
                sub_role: Literal["chief", "deputy"] = "chief" if item.group(1).startswith("正") else "deputy"
                sub_title = inner[item.start(1) : item.end(1)]
                breakdown.append(Post(title=sub_title, count=Count.of(n or 0), role=sub_role))
            group = PostGroup(title=title, count=count, posts=tuple(breakdown))
            posts.append(Src(group, line.no, ["the breakdown in parentheses read as the group's posts"]))
            group = None
            continue
        elif m.group(5):
            parts = tuple(read_parts(text[m.start(5) : m.end(5)], m.group(5)))
        if title_key.startswith("正副") or title_key.endswith("正副"):
            base = title_key.removeprefix("正副").removesuffix("职数")
            group = PostGroup(title=title, count=count, for_sections=base.endswith(_SECTION_HEADS))
            group_src = Src(group, line.no)
            posts.append(group_src)
            continue
        in_group = group is not None and (m.group(1) or title_key[:1] in "正副") and not m.group(2)
        role = "chief" if title_key.startswith("正") else "deputy" if title_key.startswith("副") else None
        both = re.fullmatch(r"([\u4e00-\u9fff]{2,20}?(?:主任|长|书记))兼([\u4e00-\u9fff]{2,20})", title_key)
        if both is not None and concurrent is None:
            # "应急管理办公室主任兼市政府办公室副主任1名": the post, held with another
            concurrent = title[both.start(2) :]
            title, title_key = title[: both.end(1)], both.group(1)
        ranked = RANKED.match(title)  # "专职副总督察(副部长级)1名": the rank apart from the title
        post = Post(
            title=ranked.group(1) if ranked else title,
            rank=ranked.group(2) if ranked else None,
            count=count,
            role=role if in_group else None,
            approved_separately=bool(m.group(2)),
            concurrent=concurrent,
            parts=parts,
            notes=(text,) if m.group(2) else (),
        )
        if in_group and group is not None and group_src is not None:
            group = group.model_copy(update={"posts": (*group.posts, post)})
            group_src.value = group
        else:
            group = None
            posts.append(Src(post, line.no))


#: "、金融办人员编制3名": a pool of a unit of the body, named beside the body's own
_UNIT_POOL = re.compile(
    r"[、,]([\u4e00-\u9fff]{2,12}?(?:办|室|局|中心|处|科|站|所))((?:人员|行政|事业)?编制)" + _N + "名"
)


def unit_pools(lines: list[Line], facts: Facts) -> None:
    """Give a unit named with a pool of its own ("、金融办人员编制3名") its quota and the posts titled by it.

    The unit is a section of the body (added when no list named it); posts whose title starts with its
    name are its own, and so is a post the text joins to one of them with "、" ("金融办主任1名(…)、专职副主任1名").
    """
    for line in lines:
        for m in _UNIT_POOL.finditer(line.key):
            value = cn_int(m.group(3))
            name = line.text[m.start(1) : m.end(1)]
            if value is None or (facts.name is not None and fold(name) in fold(facts.name.value)):
                continue
            unit = next((x for x in facts.sections if fold(x.name) == m.group(1)), None)
            if unit is None:
                unit = SectionFacts(name=name, line=line.no, notes=["named only with a staff pool of its own"])
                facts.sections.append(unit)
            label = line.text[m.start(2) : m.end(2)]
            unit.quotas.append(Src(Quota(category=_category(label), count=Count.of(value), label=label), line.no))
            facts.used.add(line.no)
            moved = False
            kept = []
            for p in facts.posts:
                title = fold(p.value.title or "")
                joined = (
                    moved
                    and re.search(re.escape(title) + r"\d", line.key) is not None
                    and re.search(r"\)?、" + re.escape(title), line.key)
                )
                if title.startswith(m.group(1)) or joined:
                    unit.posts.append(p)
                    moved = True
                    continue
                moved = False
                kept.append(p)
            facts.posts = kept


def is_post_clause(key: str) -> bool:
    """Whether a clause is one post the staffing reader reads: "局长1名", "股级领导职数4名(…)", "局长由副县长兼任"."""
    m = _POST.match(key)
    if m is not None:
        return not m.group(2) and re.search(r"(?:长|主任|书记|主席|委员|职数|师)$", m.group(3)) is not None
    return _HELD_BY.match(key) is not None


def posts_after_quota(key: str) -> int | None:
    """Where the posts a quota's sentence goes on to set begin ("…编制12名,设局长1名、副局长2名"), or None."""
    found = list(_QUOTA.finditer(key))
    if not found or not key.startswith(",", found[-1].end()):
        return None
    at = found[-1].end() + 1
    head = r"(?:其中:?|设|核定)?[\u4e00-\u9fff]{1,12}?(?:长|主任|书记|主席)" + _N + "名"
    if "编" in key[at:] or not re.match(head, key[at:]):
        return None
    return at


def extract_staffing(lines: list[Line], facts: Facts) -> None:
    """Read the staffing part: quotas and leadership posts of the body."""
    for line in lines:
        hit = False
        for m in re.finditer(r"[^。]+", line.key):
            sentence = Line(line.no, line.text[m.start() : m.end()], m.group(0))
            if read_quotas(sentence, facts.quotas):
                hit = True
                rest = posts_after_quota(sentence.key)
                if rest is not None:  # "核定行政编制12名,设局长1名、副局长2名"
                    read_posts(sentence, rest, facts.posts, facts)
                continue
            lead = re.search(r"领导职数(?:为|是)?:?", sentence.key)
            if lead and lead.start() <= 12 and not re.match(_N + "名", sentence.key[lead.end() :]):
                read_posts(sentence, lead.end(), facts.posts, facts)
                hit = True
            elif re.search(_N + "名", sentence.key) or _HELD_BY.match(sentence.key):
                read_posts(sentence, 0, facts.posts, facts)
                hit = True
        if hit:
            facts.used.add(line.no)
        else:
            facts.note(line.no, "skipped", f"staffing line not read: {line.text[:40]}")


_INSTITUTION = re.compile(r"^([\u4e00-\u9fff()]{3,40}?)(?:,)?(?:为|是)([^,。]*?)事业单位")
#: an institution's name alone on its line: "庚镇农业综合服务中心", "X退役军人服务站"
_BARE_INSTITUTION = re.compile(r"[\u4e00-\u9fff]{2,28}(?:中心|站|所|队|院|馆|场|社)")
_FUNDING = re.compile(r"(全额拨款|差额拨款|自收自支|财政补助|公益一类|公益二类)")


def extract_institutions(lines: list[Line], facts: Facts) -> None:
    """Read subordinate public institutions: name, funding, quota and posts."""
    for line in lines:
        found = enum_of(line)
        text = found[1] if found else line.text
        key = line.key[len(line.key) - len(text) :]
        m = _INSTITUTION.match(key)
        if not m and _BARE_INSTITUTION.fullmatch(key.strip()):
            # a name alone on its line under "所属事业单位": the institution, nothing said of it
            at = text.find(text.strip())
            unit = SectionFacts(name=text[at : at + len(key.strip())], line=line.no, kind=UnitKind.PUBLIC_INSTITUTION)
            unit.notes.append("a name listed under the institutions' heading")
            facts.sections.append(unit)
            facts.used.add(line.no)
            continue
        if not m:
            facts.note(line.no, "skipped", f"institution line not read: {line.text[:40]}")
            continue
        unit = SectionFacts(name=text[: m.end(1)], line=line.no, kind=UnitKind.PUBLIC_INSTITUTION)
        if found and found[0] is not None:
            unit.notes.append(f"numbered {found[0]} in the list of institutions")
        f = _FUNDING.search(key)
        if f:
            unit.funding = text[f.start() : f.end()]
        read_quotas(line, unit.quotas)
        i = key.find("领导职数")
        if i >= 0:
            read_posts(Line(line.no, text, key), i + len("领导职数"), unit.posts, facts)
        facts.sections.append(unit)
        facts.used.add(line.no)


_NUM = r"(\d{1,4}|[一二三四五六七八九十两百]{1,4})"
#: a quota given as a range: "编制30名至40名", "编制不少于15名,一般不超过50名", "编制不超过50名"
_RANGE = re.compile(
    r"((?:机关)?(?:行政|事业|工勤|机关工勤)?编制)(?:数)?(?:为|核定为|控制在)?(?:"
    + _NUM
    + r"(?:名|人)?(?:至|到|-|~)"
    + _NUM
    + r"(?:名|人)|不少于"
    + _NUM
    + r"(?:名|人)(?:,(?:一般|原则上|最多)?不(?:超过|多于|得超过)"
    + _NUM
    + r"(?:名|人))?|(?:一般|原则上|最多)?不(?:超过|多于|得超过)"
    + _NUM
    + r"(?:名|人))"
)


def range_quotas(lines: list[Line], facts: Facts, skip: set[int], *, settled: bool = True) -> None:
    """Read a quota the text gives as a range ("各街道行政编制不少于15名,一般不超过50名") as the body's.

    The subject before the figure must be the body (its name, a part of it, or "各X"/"每个X" where X is
    the body's name or a part of it); a range of another unit is a note. Runs once the body is named,
    and only for a category the body has no quota of; before (``settled`` false: the staffing part read no
    quota, and a range may be all it gives) only a range with no subject or the body's own is read.
    """
    name = fold(facts.name.value) if facts.name is not None else None
    for line in lines:
        if line.no in skip:
            continue
        for m in _RANGE.finditer(line.key):
            start = max(line.key.rfind(c, 0, m.start()) for c in ",;。:") + 1
            subject = re.sub(r"^(?:核定|各|每个|每)", "", line.key[start : m.start()])
            figure = line.text[m.start() : m.end()]
            mine = not subject or (name is not None and (subject in name or name in subject))
            if not mine and not settled:
                continue  # the body's name may be read later: decided then
            if not mine:
                facts.note(line.no, "doubt", f"'{figure}' is a range of '{subject}', not of the body: not drafted")
                continue
            category = _category(m.group(1))
            if any(q.value.category is category for q in facts.quotas):
                continue
            low = cn_int(m.group(2) or m.group(4) or "")
            high = cn_int(m.group(3) or m.group(5) or m.group(6) or "")
            if low is not None and high is not None and low > high:
                facts.note(line.no, "doubt", f"'{figure}': a range that runs backwards, not drafted")
                continue
            text = line.text[m.end(1) : m.end()].lstrip("数为核定控制在")
            quota = Quota(
                category=category, count=Count.between(low, high, text), label=line.text[m.start(1) : m.end(1)]
            )
            facts.quotas.append(Src(quota, line.no, ["a quota given as a range"]))
            facts.used.add(line.no)


def pools_of_others(lines: list[Line], facts: Facts) -> None:
    """Refuse a quota that running text gives another unit by name, and the posts titled by that unit.

    "市政府办公室机关行政编制为63名、金融办人员编制3名。其中:…金融办主任1名(…)、专职副主任1名": the 3 and
    the posts 金融办主任 and 专职副主任 (joined to it with 、) are 金融办's, not the body's. A listed section
    gets them (as :func:`unit_pools` does in a staffing part); a unit no list names is not drafted: its
    quota and posts become notes at their line.
    """
    quota_lines = {q.line for q in facts.quotas} | {q.line for s in facts.sections for q in s.quotas}
    for line in lines:
        if line.no not in quota_lines:
            continue
        for m in _UNIT_POOL.finditer(line.key):
            value = cn_int(m.group(3))
            name = line.text[m.start(1) : m.end(1)]
            if value is None or (facts.name is not None and same_body(m.group(1), fold(facts.name.value))):
                continue
            unit = next((x for x in facts.sections if fold(x.name) == m.group(1)), None)
            label = line.text[m.start(2) : m.end(2)]
            for q in [q for q in facts.quotas if q.line == line.no and q.value.count.value == value]:
                if m.group(2).endswith(fold(q.value.label or "-")):
                    facts.quotas.remove(q)
                    if unit is not None and not any(x.value.count.value == value for x in unit.quotas):
                        unit.quotas.append(q)
                    elif unit is None:
                        seen = f"{name}{label}{value}名"
                        message = f"'{seen}' is the quota of '{name}', a unit no list names: not the body's"
                        facts.doc_notes.append(Src(seen, line.no, [message]))
            moved = False
            for p in list(facts.posts):
                title_key = fold(p.value.title or "")
                # "金融办主任1名(…)、专职副主任1名": a post joined to one of the unit's with 、 is the unit's too
                joined = moved and re.search(r"\)?、" + re.escape(title_key) + r"\d", line.key) is not None
                moved = p.line == line.no and (title_key.startswith(m.group(1)) or joined)
                if not moved:
                    continue
                facts.posts.remove(p)
                if unit is not None:
                    unit.posts.append(p)
                    continue
                title = p.value.title or ""
                message = f"the post '{title}' is one of '{name}''s (a unit no list names): not the body's"
                facts.doc_notes.append(Src(f"{title} {p.value.count.value}", p.line, [message]))
