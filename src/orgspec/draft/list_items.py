"""The items of a list of units: where a list splits, and which of its pieces name a unit.

A piece names a unit when it ends the way a unit's name ends (处, 科, 室, 局, 股, 中心, 办公室, a court's
审判庭, …); a name ending in 部 continues a list already begun, and 办公厅 is read in a list the words 内设机构
open. Used by :mod:`orgspec.draft.extract_lists`.

Imports: nothing of the package.
"""

from __future__ import annotations

import re

__all__ = [
    "NAME",
    "NO_SECTION",
    "NUM",
    "SUFFIX",
    "VERBS",
    "department_at",
    "general_office_at",
    "name_at",
    "split_items",
]

#: how a unit's name ends: 处, 科, 室, 局, 股, 中心, 办公室, … (the longer words first)
SUFFIX = (
    r"(?:办公室|服务中心|中心|管理区|苗圃|林场|农场|党委|党组|党总支|党支部|委员会|居委会|研究院|学会|报社"
    r"|(?:审判(?:第[一二三四五六七八九十]{1,3})?|立?案|执?行|服?务)庭"  # a court's divisions (found-96, catalogue 48)
    r"|处|科|室|局|股|司|站|所|队|组|办|院)"
)
#: a whole name with its parenthesis, if any: group 1 the name, group 2 the words in parentheses
NAME = re.compile(r"^([\u4e00-\u9fff]{0,20}?" + SUFFIX + r")(?:\(([^()]{1,40})\))?$")
#: a count in figures or Chinese numerals (group 1)
NUM = r"(\d{1,3}|[一二三四五六七八九十两]{1,3})"
_QUALIFIER = re.compile(
    r"^(?:[一二三四五六七八九十\d]+个(?:正|副)?(?:股级|科级|处级)?|(?:正|副)?(?:股级|科级|处级))"
    r"(?:事业单位|下属单位|直属单位)[::]?"
)
#: the verbs a duty or a unit's description opens with; a name opening with one is a duty, not a unit
VERBS = ("负责", "承担", "指导", "协调", "组织", "拟订", "研究", "管理", "办理", "参与", "贯彻", "完成", "根据")
#: names no section bears: a state body's full name ("中华人民共和国国家经济委员会", "中央人民政府体育运动委员会"),
#: a group or an advisory committee, bodies of their own ("财经咨询小组", "人权咨询委员会": 议事协调机构), and
#: a class of units the list leaves open ("其他需要设立的工作委员会": which, the text does not say)
NO_SECTION = re.compile(
    r"^(?:中华人民共和国|中央人民政府|其他|其它)|(?:小组|小組)$|(?:咨询|諮詢|顾问|顧問)(?:委员会|小组|小組)$"
)


def split_items(segment: str) -> list[tuple[int, int]]:
    """Split a list at 、 (and at its last 和/及) outside parentheses: (start, end) of each item."""
    items, depth, start = [], 0, 0
    for i, ch in enumerate(segment):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in "、," and depth == 0:
            items.append((start, i))
            start = i + 1
    items.append((start, len(segment)))
    spaced = []
    for a, b in items:
        words = segment[a:b].split(" ")
        if len([w for w in words if w]) > 1 and all(NAME.match(w) for w in words if w):
            pos = a
            for w in words:
                if w:
                    spaced.append((pos, pos + len(w)))
                pos += len(w) + 1
        else:
            spaced.append((a, b))
    out = []
    for a, b in spaced:
        piece = segment[a:b]
        m = re.search(r"(?:以及|和|及)(?![^(]*\))", piece)
        if m and NAME.match(piece[: m.start()].strip()) and name_at(piece[m.end() :]) is not None:
            out += [(a, a + m.start()), (a + m.end(), b)]
        else:
            out.append((a, b))
    return out


#: a unit named by a verb and its unit word alone: "研究室", "管理科", "协调处" (a duty opens "研究制定…")
_VERB_UNIT = re.compile("(?:" + "|".join(VERBS) + ")" + SUFFIX)
#: a quantity, not a name: "下设若干科(室、组)"
_QUANTITY = ("若干", "若幹", "多个", "几个")


def name_at(piece: str) -> tuple[str, str | None, int] | None:
    """Read one item: (name, parenthesised words, offset of the name in the piece), or None."""
    offset = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    q = _QUALIFIER.match(piece)
    if q:
        offset += q.end()
        piece = piece[q.end() :]
    piece = re.sub(r"(?:等)?" + NUM + r"个.*$", "", piece).rstrip("等")
    piece = re.sub(r"等(?:内设机构|机构|单位|部门|处室|科室)$", "", piece)  # "…、财务室等机构"
    piece = re.sub(r"(?:主要|分别)?负责.*$", "", piece)
    # "X(Y)与市监委派出监察组合署办公": the unit X shares its offices with another; the name is X(Y)
    piece = re.sub(r"(?<=[)\u4e00-\u9fff])(?:与|和)[\u4e00-\u9fff]{2,30}合署办公$", "", piece)
    beside = re.match(r"以及(?=[\u4e00-\u9fff]{2})", piece)  # ",以及机关党委": a unit listed beside the others
    if beside:
        offset += beside.end()
        piece = piece[beside.end() :]
    m = NAME.match(piece)
    if (
        not m
        or (m.group(1).startswith(VERBS) and not _VERB_UNIT.fullmatch(m.group(1)))
        or m.group(1).startswith(_QUANTITY)
        or len(m.group(1)) < 2
        or re.search(r"内设|下设|设有|下属|成立|设立了|按规定", m.group(1))
    ):
        return None
    return m.group(1), m.group(2), offset


#: a department named by 部 in a list of units already begun: "…、研究室、秘书处、组织部、宣传部" (found-66, found-95)
_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{1,10}部")


def department_at(piece: str) -> tuple[str, str | None, int] | None:
    """Read one item named by 部 that continues a list whose first two items were units, or None.

    A name ending in 部 alone is no unit (外交部 is a ministry), so it never opens a list; after two units
    ("办公室、研究室、组织部") it is one of the body's departments, as a party committee's 组织部 and 宣传部 are.
    """
    name = piece.strip().rstrip("等")
    if not _DEPARTMENT.fullmatch(name) or (name.startswith(VERBS) and len(name) > 4) or NO_SECTION.search(name):
        return None
    return name, None, len(piece) - len(piece.lstrip())


#: a ministry's general office among its sections: "内设机构包括:办公厅、人事司、…" (found-83, found-89)
_GENERAL_OFFICE = re.compile(r"(办公厅)(?:\(([^()]{1,40})\))?")


def general_office_at(piece: str) -> tuple[str, str | None, int] | None:
    """Read the item "办公厅" of a list of sections the words 内设机构 or 下设 open, or None.

    厅 alone ends the name of a province's department (财政厅), a body of its own; the general office (办公厅)
    is a section of a ministry when the list is of the body's internal units.
    """
    m = _GENERAL_OFFICE.fullmatch(piece.strip().rstrip("等"))
    if m is None:
        return None
    return m.group(1), m.group(2), len(piece) - len(piece.lstrip())
