"""A body's web page: the leaders under 领导信息, one a line, with their posts and no count.

A department's page "机构职能" or "机构概况" names its leaders under a heading (领导信息, 现任领导,
领导班子), one a line, in one of two layouts of the field:

- the post first: "局长：王某某，主持局全面工作。" (the work the leader leads after the name);
- the name first: "张某某　党组书记、局长" (posts joined by 、, after a space).

Each post is a post of no stated count with its holders (two 副局长 lines are one post with two
holders); a title that is no post of the field's head words ("党组成员": a seat on a party group) is
not drafted. The reader runs only when no other reader gave the body a post.

Imports: :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.segment`, :mod:`orgspec.model`.
"""

from __future__ import annotations

import re

from orgspec.draft.facts import Facts, Src
from orgspec.draft.segment import Part
from orgspec.model.units import Holder, Post
from orgspec.model.values import Count

__all__ = ["page_leaders"]

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


def _titles(words: str) -> list[str]:
    return [t for t in words.split("、") if re.fullmatch(_TITLE, t)]


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
