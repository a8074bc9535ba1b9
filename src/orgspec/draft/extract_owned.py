"""Read the units of other bodies: one sentence that gives several bodies each its own list of units.

A staffing plan or a gazetteer often sets up the units of several bodies in one run of clauses, each
clause with its own subject: "地委设秘书处、组织部、宣传部;专区行署设秘书室、民政科、公安处" (a 1951
layout), "A局内设办公室、业务科。B县、C县气象局内设办公室、气象台" (a system's plan). The list of the
body the draft is about is read by :mod:`orgspec.draft.extract_lists`; this reader gives each other
subject its list, to the listed body of that name, or to a body drafted from the subject when the
text names no such body. It reads only when the paragraph has at least two such clauses with
different subjects: a lone "X设A、B" is the body's own list or a list the other readers judge.

Imports: :mod:`orgspec.draft.extract_lists`, :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`,
:mod:`orgspec.model`.
"""

from __future__ import annotations

import re

from orgspec.draft.extract_lists import Paragraph, paragraphs
from orgspec.draft.facts import Facts, ListedBody, SectionFacts, Src, section_kind
from orgspec.draft.normalize import Line, fold
from orgspec.model.names import name_key

__all__ = ["units_of_others"]

#: a clause that sets up a subject's units: its subject, then the verb (设, 内设, 下设)
_CLAUSE = re.compile(r"(?:^|(?<=[。;:,]))(?P<subj>[\u4e00-\u9fff、]{1,24}?)(?:内设|下设|设)(?![立置计备在于施法定为])")
#: a unit's name as such a list gives it: its field and the ending of a unit, and what its parentheses hold
_UNIT = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{1,16}?(?:办公室|委员会|中心|处|科|室|股|部|台|站|所|队))(?:\((?P<inner>[^()]{1,40})\))?$"
)
#: the ending of a subject that is a body: "地委", "专区行署", "中宁县气象局"
_BODY = re.compile(r"(?:委|署|局|厅|院|办公室|委员会|中心|办事处|政府|公署)$")
#: the place a body's name opens with, which a pair of subjects shares the rest of: "中宁县、海原县气象局"
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:自治县|县|市|区|旗|镇|乡)")
#: a kind of body the text speaks of as every one of them: "镇设A、B;乡设A" (each 镇, each 乡)
_EVERY = ("镇", "乡", "街道")
#: names no unit of such a list bears (classes, state bodies, advisory groups)
_NOT_UNIT = re.compile(r"^(?:各|全|本|该|中华人民共和国|中央人民政府)|小组$")
#: words that open a clause but name no body: "其中市局设…", "另设…", "同时设…"
_OPENER = re.compile(r"^(?:其中|另外?|并|同时|此外|还|原|现|后|改革后|目前)")


def _items(key: str, start: int, cut_off: bool) -> list[tuple[int, str, str | None]]:
    """Read the list after a verb: (offset, name, parenthesised words) per item, or [] when it is no list.

    The list ends at the clause's end (, 。 ;) outside parentheses; every item must be a unit's name,
    but a copy that stops mid-item (the paragraph's last words) keeps the items before it.
    """
    end, depth = len(key), 0
    for i in range(start, len(key)):
        depth += (key[i] == "(") - (key[i] == ")")
        if depth == 0 and key[i] in ",。;:":
            end = i
            break
    out: list[tuple[int, str, str | None]] = []
    pos = start
    pieces: list[tuple[int, int]] = []
    depth = 0
    for i in range(start, end + 1):
        ch = key[i] if i < end else "、"
        depth += (ch == "(") - (ch == ")")
        if ch == "、" and depth == 0:
            pieces.append((pos, i))
            pos = i + 1
    for k, (a, b) in enumerate(pieces):
        m = _UNIT.match(key[a:b])
        if m is None or _NOT_UNIT.search(m.group("name")):
            last = k == len(pieces) - 1
            return out if last and cut_off and end == len(key) and len(out) >= 2 else []
        out.append((a, m.group("name"), m.group("inner")))
    return out if len(out) >= 2 else []


def _subjects(subject: str) -> list[str]:
    """Return the bodies a subject names: "中宁县、海原县气象局" → 中宁县气象局, 海原县气象局."""
    parts = subject.split("、")
    if len(parts) == 1:
        return parts
    place = _PLACE.match(parts[-1])
    if place is None or not all(_PLACE.fullmatch(p) for p in parts[:-1]):
        return []
    tail = parts[-1][place.end() :]
    return [p + tail for p in parts[:-1]] + [parts[-1]]


def _clauses(para: Paragraph, cut_off: bool) -> list[tuple[str, int, list[tuple[int, str, str | None]]]]:
    """(subject, offset, items) of each clause of the paragraph that sets up a subject's list of units."""
    out = []
    for m in _CLAUSE.finditer(para.key):
        subject = m.group("subj")
        if not (_BODY.search(subject) or subject in _EVERY) or _NOT_UNIT.search(subject) or _OPENER.match(subject):
            continue
        items = _items(para.key, m.end(), cut_off)
        if items:
            out.append((para.text[m.start("subj") : m.end("subj")], m.start(), items))
    return out


def units_of_others(lines: list[Line], facts: Facts) -> None:
    """Give each other body of a sentence that sets up several bodies' units its own list."""
    own = name_key(facts.name.value) if facts.name is not None else None
    paras = paragraphs(lines)
    index: dict[str, ListedBody] = {}
    for listed in facts.listed:
        index.setdefault(name_key(listed.name.value), listed)
    drafted: set[int] = set()
    for n, para in enumerate(paras):
        clauses = _clauses(para, cut_off=n == len(paras) - 1)
        if len({name_key(s) for s, _, _ in clauses}) < 2:
            continue
        # the units of the body's own clause: a list the lists reader took, and keeps
        mine = {fold(u) for s, _, items in clauses if own in {name_key(x) for x in _subjects(s)} for _, u, _ in items}
        first = True
        spot_of: dict[tuple[str, int], list[SectionFacts]] = {}
        for x in facts.sections:
            spot_of.setdefault((fold(x.name), x.line), []).append(x)
        gone: set[int] = set()
        for subject, at, items in clauses:
            names = _subjects(subject)
            if not names or own in {name_key(x) for x in names}:
                continue  # the body's own list: read by the lists reader
            line = para.line_at(at)
            spots = {(u, para.line_at(o)) for o, u, _ in items}
            if own is None and first and all(spot in spot_of for spot in spots):
                first = False
                continue  # the lists reader took this list as the body's own (the body is unnamed)
            first = False
            # a list the lists reader took into the body is this subject's: it leaves the body
            gone.update(id(x) for spot in spots if spot[0] not in mine for x in spot_of.get(spot, []))
            for name in names:
                body = index.get(name_key(name))
                if body is None:
                    note = "a body a sentence gives its own list of units"
                    body = index[name_key(name)] = ListedBody(name=Src(name, line, [note]))
                    facts.listed.append(body)
                if body.sections:
                    continue
                for offset, unit, inner in items:
                    written = para.text[offset : offset + len(unit)]
                    section = SectionFacts(name=written, line=para.line_at(offset), kind=section_kind(written))
                    section.notes.append(f"one of the units the text lists for '{subject}'")
                    if inner:
                        section.doc_notes.append(Src(f"{written}({inner})", section.line, ["kept as a note"]))
                    body.sections.append(section)
            facts.used.update(no for _, no in para.starts)
            drafted.add(line)
        if gone:
            facts.sections = [x for x in facts.sections if id(x) not in gone]
    # the lists reader (or the namer of "镇设…;乡设…") noted these lists as not drafted: they are drafted now
    facts.notes = [
        x
        for x in facts.notes
        if not (x.line in drafted and x.kind == "doubt" and re.search(r"not drafted|not of the body", x.message))
    ]
