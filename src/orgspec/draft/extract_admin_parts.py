"""The clause readers of :mod:`orgspec.draft.extract_admin`: sections, quota, posts, duties and members.

Each reads one sentence of an administrative document's body (its frame already removed) and only in the
field's usual words:

- sections: "内设A、B、C3个科室", "设6个内设机构:A、B…", "内设机构5个,分别是:A、B…": every name must be
  a unit's (it ends like one and holds no verb: "将A科更名为B科" is never a unit), the subject the body;
- quota: the staffing reader's figures; "编制由32名调整为35名" is the later figure, the change noted;
- posts: the run of post clauses after 设, 其中 or 领导职数为 ("设局长1名,副局长3名;科级领导职数8名(含…)");
- duties: "主要职责(是):A;B;C" and a clause "负责…"/"主要承担…" of the sentence that names the body;
- members: "组长:王建国 市长" lines (a name on the next line is the same role's) and the running
  "主任:周立新(县长);成员:郑伟(县市场监督管理局局长)、…".

Imports: :mod:`orgspec.draft.extract_staffing`, :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`,
:mod:`orgspec.model`.
"""

from __future__ import annotations

import re

from orgspec.draft.extract_staffing import is_post_clause, read_posts, read_quotas
from orgspec.draft.facts import Facts, SectionFacts, Src
from orgspec.draft.normalize import Line, cn_int
from orgspec.model.units import Duty, Member, Post, PostGroup, Quota
from orgspec.model.values import Ref

__all__ = [
    "LIST_ITEM",
    "MEMBER_LINE",
    "read_duty_clause",
    "read_members",
    "read_posts_in",
    "read_quota_in",
    "read_sections_in",
]

_N = r"(\d{1,3}|[一二三四五六七八九十两]{1,3})"
#: "(一)…", "1.…": an item of a list under a heading
LIST_ITEM = re.compile(r"^\(([一二三四五六七八九十]{1,3})\)\s*|^(\d{1,2})[.、]\s*")
_COUNTED = r"(?:内设机构|科室|股室|处室|职能科室|职能股室|部室|业务科室|业务股室|内设部门)"
#: the subject opens its clause: a match found from inside a clause is found from its start too, and
#: a search that tried every start would be cubic on a long clause with no count ("同意设某某科" × 10⁴)
_CLAUSE_SUBJECT = r"(?:^|(?<=[,;:。]))(?P<subject>[^,;:。]*?)"
_LISTED = re.compile(
    _CLAUSE_SUBJECT + r"(?:内设|下设|设置|设)(?:机构)?(?P<list>[\u4e00-\u9fff、()]{4,300}?)等?" + _N + "个" + _COUNTED
)
_COUNT_FIRST = re.compile(
    _CLAUSE_SUBJECT + r"(?:内设|下设|设置|设)" + _N + "个" + _COUNTED + r":(?P<list>[\u4e00-\u9fff、()]{4,300})"
)
_NOUN_FIRST = re.compile(
    _CLAUSE_SUBJECT + r"内设机构" + _N + r"个,?(?:分别是|分别为|为|包括|即)?:?(?P<list>[\u4e00-\u9fff、()]{4,300})"
)
_UNIT_NAME = re.compile(r"^[\u4e00-\u9fff()]{2,20}(?:科|股|室|处|部|中心|站|所|队|组|办|局|司|庭)$")
_VERB = re.compile(r"将|更名|撤销|增设|新设|负责|调整|合并|划入|设在|加挂")
_CHANGED = re.compile(r"(?P<label>(?:机关)?(?:全额拨款)?(?:行政|事业|工勤)?编制)由" + _N + "名调整为" + _N + "名")
_NOT_A_QUOTA = re.compile(r"调剂|总额|不增加|所需编制|[各每]")
_POST_LEAD = re.compile(r"^(?:设|其中:?|[\u4e00-\u9fff]{0,4}?领导职数(?:为|是|:)|核定)")
_DUTIES_INLINE = re.compile(r"主要职责(?:是|为|包括)?:")
_DUTY_CLAUSE = re.compile(r"(?:^|,)(?P<d>(?:主要)?(?:负责|承担)[^,。][^。]*。?)$")
_ROLE = r"(?:常务副组长|副组长|组\s*长|常务副指挥长|副指挥长|指\s*挥\s*长|副主任|主\s*任|成\s*员|秘书长)"
#: "组  长:王建国  市长": a member line of a group's table
MEMBER_LINE = re.compile(r"^(?P<role>" + _ROLE + r")\s*:\s*(?P<rest>.+)$")
_PERSON_POST = re.compile(r"^(?P<person>[\u4e00-\u9fff]{2,4})\s+(?P<post>[\u4e00-\u9fff]{2,30})$")
_RUNNING_ROLE = re.compile(r"(?P<role>副组长|组长|副指挥长|指挥长|副主任|主任|成员):(?P<items>[^;。]+)")
_HELD = re.compile(r"^(?P<person>[\u4e00-\u9fff]{2,4})\((?P<post>[\u4e00-\u9fff]{2,30})\)$")
_OF = re.compile(
    r"^(?P<of>[\u4e00-\u9fff]{2,20}?(?:局|委员会|委|办公室|办|厅|中心|政府))(?P<post>[\u4e00-\u9fff]{2,8})$"
)


def _split(text: str, key: str, at: str) -> list[tuple[int, int]]:
    """Spans of ``key`` split at the characters ``at`` outside parentheses."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(key):
        depth += (ch == "(") - (ch == ")")
        if ch in at and depth <= 0:
            out.append((start, i))
            start = i + 1
    out.append((start, len(key)))
    return [(a, b) for a, b in out if b > a]


def _subject_ok(subject: str, body: str) -> bool:
    subject = re.sub(r"^(?:调整后|改革后|根据规定|同时|经研究)[,:]?", "", subject.strip(",")).strip()
    subject = (
        re.sub(r"^(?:省|市|县|区)?(?:委|政府)?(?:同意|决定)?", "", subject)
        if not subject.endswith(("局", "中心"))
        else subject
    )
    return (
        not subject
        or subject == body
        or (len(subject) >= 3 and body.endswith(subject[1:]))
        or subject in ("你局", "我局")
    )


def read_sections_in(piece: Line, body: str, facts: Facts) -> bool:
    """Read the units a sentence lists with their count (see the module); a list with a non-name is refused."""
    if facts.sections:
        return False
    for pattern in (_COUNT_FIRST, _NOUN_FIRST, _LISTED):
        m = pattern.search(piece.key)
        if m is None or not _subject_ok(m.group("subject"), body):
            continue
        n = cn_int(m.group(2) if pattern is not _LISTED else m.group(3))
        spans = [(m.start("list") + a, m.start("list") + b) for a, b in _split(m.group("list"), m.group("list"), "、")]
        names = [piece.text[a:b].strip() for a, b in spans]
        if not names or any(not _UNIT_NAME.match(x) or _VERB.search(x) for x in names):
            facts.note(
                piece.no,
                "doubt",
                f"a list names something other than units: not read as sections ('{piece.text.strip()}')",
            )
            return False
        for name in names:
            facts.sections.append(SectionFacts(name, piece.no, notes=["read from a list with its count"]))
        if n is not None:
            facts.stated_sections = Src(
                (n, piece.text[m.start() + len(m.group("subject")) : m.end()].strip()), piece.no
            )
        return True
    return False


def read_quota_in(piece: Line, facts: Facts) -> bool:
    """Read the body's quota of a sentence: the staffing reader's figures, or the later of "由N名调整为M名"."""
    if "编制" not in piece.key or _NOT_A_QUOTA.search(piece.key):
        return False
    changed = _CHANGED.search(piece.key)
    if changed is not None:
        found: list[Src[Quota]] = []
        later = changed.group("label") + changed.group(3) + "名"  # "行政编制35名": the figure after the change
        read_quotas(Line(piece.no, later, later), found)
        if found:
            quota = found[0].value.model_copy(
                update={"label": piece.text[changed.start("label") : changed.end("label")]}
            )
            before, after = changed.group(2), changed.group(3)
            note = f"the document changes the quota from {before} to {after}; the later figure is read"
            facts.quotas.append(Src(quota, piece.no, [note]))
            return True
        return False
    found = []
    if read_quotas(piece, found):
        facts.quotas += found
        return True
    return False


def read_posts_in(piece: Line, facts: Facts) -> bool:
    """Read the run of post clauses of a sentence (after 设, 其中, 领导职数为)."""
    spans = _split(piece.text, piece.key, ",;、")
    for i, (a, b) in enumerate(spans):
        lead = _POST_LEAD.match(piece.key[a:b])
        start = a + (lead.end() if lead else 0)
        if not is_post_clause(piece.key[start:b].rstrip("。")):
            continue
        end = b
        for a2, b2 in spans[i + 1 :]:
            if not is_post_clause(piece.key[a2:b2].rstrip("。")):
                break
            end = b2
        posts: list[Src[Post | PostGroup]] = []
        read_posts(Line(piece.no, piece.text[:end].rstrip("。"), piece.key[:end].rstrip("。")), start, posts, facts)
        facts.posts += posts
        return bool(posts)
    return False


def _duties_of(text: str, line: int, note: str) -> list[Src[Duty]]:
    # a series "负责A、负责B、负责C等" is split into its duties with every other duty, by
    # extract_duties.clean_duties (split_duty)
    return [Src(Duty(text=text), line, [note])]


def read_duty_clause(piece: Line, body: str, facts: Facts) -> bool:
    """Read "主要职责(是):A;B;C" (one duty each), or the "负责…" clause of the sentence that names the body.

    A clause that is a series "负责A、负责B、…等" is split later, as every drafted duty is
    (:func:`orgspec.draft.extract_duties.split_duty`).
    """
    if facts.duties:
        return False
    m = _DUTIES_INLINE.search(piece.key)
    if m is not None:
        rest_text, rest_key = piece.text[m.end() :], piece.key[m.end() :]
        for a, b in _split(rest_text, rest_key, ";"):
            end = b + 1 if b < len(rest_text) else b
            text = rest_text[a:end].strip()
            if text:
                facts.duties += _duties_of(text, piece.no, "one duty per clause of '主要职责:'")
        return bool(facts.duties)
    clause = _DUTY_CLAUSE.search(piece.key)
    if clause is None or body not in piece.text[: clause.start("d")]:
        return False
    text = piece.text[clause.start("d") : clause.end("d")].strip()
    facts.duties += _duties_of(text, piece.no, "the clause of duties of the sentence that names the body")
    return True


def _member(role: str, person: str, post: str, line: int) -> Src[Member]:
    of = _OF.match(post)
    body = Ref(target=of.group("of")) if of else None
    return Src(Member(role=role, post=of.group("post") if of else post, body=body, person=person), line)


def read_members(lines: list[Line], facts: Facts) -> set[int]:
    """Read a group's members; return the lines that hold only members (a table's lines)."""
    used: set[int] = set()
    role: str | None = None
    for line in lines:
        key = line.key.strip()
        m = MEMBER_LINE.match(key)
        rest = m.group("rest").strip() if m else key
        person = _PERSON_POST.match(rest)
        if m is not None and person is not None:
            role = re.sub(r"\s", "", line.text.strip()[: len(m.group("role"))])
        elif m is not None or person is None or role is None:
            role = None
            for r in _RUNNING_ROLE.finditer(key):
                for a, b in _split(r.group("items"), r.group("items"), "、,"):
                    held = _HELD.match(r.group("items")[a:b].strip())
                    if held is not None:
                        facts.members.append(
                            _member(r.group("role"), held.group("person"), held.group("post"), line.no)
                        )
            continue
        facts.members.append(_member(role, person.group("person"), person.group("post"), line.no))
        used.add(line.no)
    return used
