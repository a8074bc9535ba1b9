"""Read a staffing paragraph in running text the way a staffing part is read.

Gazetteers, news and short pages state a body's quota and posts in one paragraph with no "人员编制"
heading: "县统计局机关行政编制为12名(含…)。局领导职数:局长1名,副局长2名(其中1名…兼任),股级领导职数4名。"
Such a paragraph is the staffing part of a plan written inline, and :mod:`orgspec.draft.extract_staffing`
reads it: every post clause with its parentheses (a sub-count, "由…兼任", a breakdown), a group and its
posts. The paragraph is read here only when it is plainly the body's staffing:

- a sentence with a quota the staffing reader reads ("…行政编制为12名"), its subject empty, the body's
  name or a part of it — not a figure for each unit (每, 各), over a place (全市), a total or the staff
  in post (共有, 总, 实有, 现有), nor a former layout (原, 以前, 改革前);
- then sentences of posts, every clause of which is a post ("局长1名", "股级领导职数4名", "局长由副县长兼任"),
  or which open with 领导职数.

Anything else is left to the running-text readers (:mod:`orgspec.draft.extract_running`). Runs only when
no staffing part gave a quota or a post.

Imports: :mod:`orgspec.draft.extract_staffing`, :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`,
:mod:`orgspec.model`.
"""

from __future__ import annotations

import re

from orgspec.draft.extract_staffing import is_post_clause, posts_after_quota, read_posts, read_quotas, same_body
from orgspec.draft.facts import Facts, Src
from orgspec.draft.normalize import Line, fold
from orgspec.model.units import Post, PostGroup, Quota

__all__ = ["staffing_in_text"]

#: the words that make a figure another's or not the quota of now
_NOT_THE_BODYS = re.compile(
    r"每|各|全[省市县区州国]|共有|合计|总|实有|现有|原|以前|改革前|此前|不少于|不超过|增|减|调整|[至到\-~]\d"
    r"|下属|所属|直属|派出|二级|系统"
)
_LEAD = re.compile(r"^(?:其中:?|[\u4e00-\u9fff]{0,4}?领导职数(?:为|是)?:?|核定|设)")
#: how the name of a unit ends: a subject that ends so names a unit, the body or another
_UNIT_END = re.compile(r"(?:局|厅|委员会|委|办公室|办|室|科|股|处|中心|站|所|队|院|部|会|组|镇|乡|街道|县|市|区|单位)$")
_QUOTA_HEAD = re.compile(r"(?:机关)?(?:行政|事业|工勤|机关工勤|后勤服务)?编制")


def _split(key: str) -> list[tuple[int, int]]:
    """Clauses of a sentence: spans split at , 、 ; outside parentheses."""
    out, depth, at = [], 0, 0
    for i, ch in enumerate(key):
        depth += (ch == "(") - (ch == ")")
        if ch in ",、;" and depth <= 0:
            out.append((at, i))
            at = i + 1
    out.append((at, len(key)))
    return [(a, b) for a, b in out if b > a]


def _quota_sentence(key: str, facts: Facts) -> bool:
    """Whether a sentence states the body's own quota, with no word that makes it another's."""
    head = _QUOTA_HEAD.search(key)
    figure = re.search(r"\d|[一二三四五六七八九十]", key[head.end() :]) if head is not None else None
    if head is None or figure is None or _NOT_THE_BODYS.search(key[: head.end() + figure.end() + 2]):
        return False
    subject = re.sub(r"^(?:核定|经研究,?)", "", key[: head.start()])
    subject = re.sub(r"机关$", "", subject)
    if not _UNIT_END.search(subject):
        return "," not in subject  # no unit named: the body's ("机关后勤服务全额拨款事业编制1名")
    return facts.name is not None and same_body(subject, fold(facts.name.value))


def _post_sentence(key: str) -> int | None:
    """Where the posts of a sentence of posts start (after 其中, 领导职数:), or None when a clause is no post.

    A sentence of one clause is a post too ("副局长2名"): it follows the body's quota.
    """
    lead = _LEAD.match(key)
    start = lead.end() if lead else 0
    clauses = _split(key[start:])
    if not clauses or not all(is_post_clause(key[start + a : start + b]) for a, b in clauses):
        return None
    return start


def staffing_in_text(lines: list[Line], facts: Facts, skip: set[int]) -> None:
    """Read the body's quota and posts from a staffing paragraph of running text (see the module)."""
    if facts.quotas or facts.posts:
        return
    for line in lines:
        if line.no in skip or not line.text:
            continue
        quotas: list[Src[Quota]] = []
        posts: list[Src[Post | PostGroup]] = []
        offset = 0
        for sentence in line.key.split("。"):
            begin, offset = offset, offset + len(sentence) + 1
            piece = Line(line.no, line.text[begin : begin + len(sentence)], sentence)
            if _quota_sentence(sentence, facts) and read_quotas(piece, quotas):
                rest = posts_after_quota(sentence)
                if rest is not None:  # "核定行政编制12名,设局长1名、副局长2名"
                    read_posts(piece, rest, posts, facts)
                continue
            start = _post_sentence(sentence) if quotas else None
            if start is not None:
                read_posts(piece, start, posts, facts)
            elif quotas:
                break  # the staffing paragraph ends with the first sentence that is neither
        if quotas and posts:
            note = "a staffing paragraph of running text, read as a staffing part"
            for q in quotas:
                q.notes.append(note)
            for p in posts:
                p.notes.append(note)
            facts.quotas += quotas
            facts.posts += posts
            facts.used.add(line.no)
            return
