"""Extract the same facts from an English machine translation of a plan (seed 004's phrasing).

The translation mixes enumerator styles — ``(a)``, ``(two)``, ``(8)``,
``(XIII)`` — which are read by position (the number expected next wins when
a token can mean several), splits figures with stray spaces ("2 1") and
garbles some ("365,438+0"); each such case is noted.

Imports: :mod:`orgspec.draft.extract_duties`, :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`,
:mod:`orgspec.model`.
"""

from __future__ import annotations

import re

from orgspec.draft.extract_duties import check_numbering
from orgspec.draft.facts import Facts, SectionFacts, Src
from orgspec.draft.normalize import Line, en_int
from orgspec.model.units import Duty, FunctionChange, FunctionChangeKind, Plaque, Post, PostGroup, Quota, QuotaPart
from orgspec.model.values import Count, QuotaCategory, Ref, UnitKind

__all__ = ["extract_english"]

_ENUM = re.compile(r"^(?:\(([A-Za-z0-9-]{1,14})\)|(\d{1,2})[?.)、])\s*")
_DUTIES_START = re.compile(
    r"(?:main )?(?:responsibilities|functions|duties) of (?:the )?(.+?) (?:are|is)\s*:\s*$", re.I
)
_SECTIONS = re.compile(
    r"(?:According to the above (?:responsibilities|functions), )?(?:the )?(.{0,160}?)\s*(?:has|have|is composed of) "
    r"(\d(?:[\d ]{0,4}\d)?) (?:functional |internal )?(?:departments|sections|offices|divisions|units)[^:]*:?\s*$",
    re.I,
)
_STAFF = re.compile(
    r"(?:^|\. )([A-Z][^.]*?) has (\S+) (administrative staff|employees|staff)(?: \((including [^)]*)\))?", re.I
)
_INSTITUTION = re.compile(
    r"The ([^.]+?) is an? ((?:fully|partly|self)[- ]funded )?(?:public )?institution, with a fixed establishment of "
    r"(\S+) (?:people|persons|staff)(?:, including (.+?))?\.",
    re.I,
)
_NUM = re.compile(r"^\d+$")


def _number(token: str, expected: int) -> int | None:
    options = en_int(token)
    if expected in options:
        return expected
    return options[0] if options else None


def _count(text: str, notes: list[str]) -> Count:
    if _NUM.match(text):
        return Count.of(int(text))
    notes.append(f"figure '{text}' is garbled; kept as unreadable")
    return Count.unreadable(text)


def _split_top(text: str) -> list[str]:
    """Split at ", " and ", and " outside parentheses."""
    out, depth, cur = [], 0, ""
    i = 0
    while i < len(text):
        ch = text[i]
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
        i += 1
    out.append(cur.strip())
    return [re.sub(r"^and ", "", p).strip() for p in out if p.strip()]


def _parts(inner: str | None) -> tuple[QuotaPart, ...]:
    if not inner:
        return ()
    m = re.match(r"including (\d+) (.+)$", inner.strip())
    if not m:
        return (QuotaPart(count=Count.unstated(), label=inner.removeprefix("including ").strip()),)
    return (QuotaPart(count=Count.of(int(m.group(1))), label=m.group(2)),)


def _post(item: str, line: int, facts: Facts) -> Src[Post | PostGroup] | None:
    notes: list[str] = []
    paren = None
    pm = re.search(r"\s*\(([^()]*)\)$", item)
    if pm:
        paren, item = pm.group(1), item[: pm.start()]
    pair = re.match(r"^(\d+) (\w+) and deputy (\2 .+?) (\d+)$", item)
    if pair:
        notes.append(f"two figures ({pair.group(1)} and {pair.group(4)}) for one group of posts; kept as unreadable")
        group = PostGroup(title=f"{pair.group(2)} and deputy {pair.group(3)}", count=Count.unreadable(item))
        return Src(group, line, notes)
    lead = re.match(r"^(\d+) (.+?)(?: (\d+))?$", item)
    trail = re.match(r"^(.+?) (\d+)(?: persons?)?$", item)
    if lead and lead.group(3):
        title = lead.group(2)
        count = Count.unreadable(item)
        notes.append(f"two figures ({lead.group(1)} and {lead.group(3)}) for one post; kept as unreadable")
    elif lead:
        title, count = lead.group(2), Count.of(int(lead.group(1)))
    elif trail:
        title, count = trail.group(1), Count.of(int(trail.group(2)))
    else:
        facts.note(line, "skipped", f"not read as a post: '{item}'")
        return None
    concurrent = None
    parts: tuple[QuotaPart, ...] = ()
    if paren is not None:
        if paren.startswith("and "):
            concurrent = paren.removeprefix("and ")
            notes.append("'(and …)' read as a concurrent post (兼)")
        else:
            parts = _parts(paren)
    title = re.sub(r"^(?:including|the) ", "", title)
    return Src(Post(title=title, count=count, concurrent=concurrent, parts=parts), line, notes)


def _section(text: str, line: int) -> SectionFacts:
    section = SectionFacts(name=text, line=line)
    for m in reversed(list(re.finditer(r"\s*\(([^()]*)\)", text))):
        inner = m.group(1)
        brand = re.match(r"^plus (?:the )?(.+?) brand$", inner)
        if brand:
            section.plaques.insert(0, Src(Plaque(name=brand.group(1)), line, ["'plus the … brand' read as a plaque"]))
        else:
            section.doc_notes.insert(0, Src(f"({inner})", line, ["the words in parentheses are kept as a note"]))
        section.name = section.name[: m.start()] + section.name[m.end() :]
    section.name = section.name.strip()
    return section


def _change_kind(text: str, default: FunctionChangeKind) -> tuple[FunctionChangeKind, bool]:
    low = text.lower()
    if low.startswith(("increase", "add")):
        return FunctionChangeKind.ADDED, True
    if "handed over to" in low or "transferred to" in low:
        return FunctionChangeKind.TRANSFERRED_OUT, True
    if low.startswith("cancel"):
        return FunctionChangeKind.CANCELLED, True
    return default, False


def _change(text: str, line: int, number: int | None, group: int, facts: Facts) -> None:
    kind, from_words = _change_kind(text, FunctionChangeKind.TRANSFERRED_OUT)
    notes = []
    if not from_words:
        notes.append("kind not stated in the words; read as transferred out (the first group of changes)")
    counterpart = None
    m = re.search(r"handed over to the (.+?)\.?$", text) or re.match(r"^The (.+?) is responsible for", text)
    if m and kind is FunctionChangeKind.TRANSFERRED_OUT:
        counterpart = Ref(target=m.group(1))
    facts.changes.append(Src(FunctionChange(kind=kind, text=text, counterpart=counterpart, number=number), line, notes))
    if group > 1 and number is None:
        notes.append(f"in group {group} of the changes")


def _staffing(line: Line, facts: Facts) -> None:
    text = line.text
    reg = re.search(r"^(.+?) shall be (?:established|set up) in accordance with[^.]*\.", text)
    if reg:
        for written in re.split(r"\? |, | and ", reg.group(1)):
            unit_notes = ["set per regulations; not one of the listed sections"]
            name = written
            if name.count("(") > name.count(")"):
                name += ")"
                unit_notes.append("an unclosed parenthesis of the translation is closed")
            low = name.lower()
            kind = UnitKind.OTHER
            if "discipline" in low:
                kind = UnitKind.DISCIPLINE_UNIT
            elif "party committee" in low:
                kind = UnitKind.PARTY_COMMITTEE
            unit = SectionFacts(name=name.strip(), line=line.no, kind=kind, per_regulations=True, notes=unit_notes)
            facts.sections.append(unit)
        facts.doc_notes.append(Src(reg.group(0), line.no))
    for m in _STAFF.finditer(text):
        subject, figure, what, inner = m.group(1), m.group(2), m.group(3), m.group(4)
        notes: list[str] = []
        count = _count(figure.rstrip(","), notes)
        category = QuotaCategory.LOGISTICS if "logistic" in subject.lower() else QuotaCategory.ADMINISTRATIVE
        label = re.sub(r"^the ", "", subject, flags=re.I) if category is QuotaCategory.LOGISTICS else what
        facts.quotas.append(
            Src(Quota(category=category, count=count, label=label, parts=_parts(inner)), line.no, notes)
        )
        if facts.name is None and category is QuotaCategory.ADMINISTRATIVE:
            facts.name = Src(subject, line.no, ["the name as the translation gives it"])
        rest = text[m.end() :]
        if rest.startswith(", including "):
            end = rest.find(". ")
            posts = rest[len(", including ") : end if end >= 0 else len(rest)].rstrip(".")
            for item in _split_top(posts):
                post = _post(item, line.no, facts)
                if post is not None:
                    facts.posts.append(post)
    for m in _INSTITUTION.finditer(text):
        unit = SectionFacts(name=m.group(1), line=line.no, kind=UnitKind.PUBLIC_INSTITUTION)
        unit.funding = m.group(2).strip() if m.group(2) else None
        notes = []
        quota = Quota(
            category=QuotaCategory.PUBLIC_INSTITUTION, count=_count(m.group(3), notes), label="fixed establishment"
        )
        unit.quotas.append(Src(quota, line.no, notes))
        if m.group(4):
            for item in _split_top(m.group(4)):
                post = _post(item, line.no, facts)
                if post is not None:
                    unit.posts.append(post)
        facts.sections.append(unit)
    facts.used.add(line.no)


def extract_english(lines: list[Line], facts: Facts) -> None:
    """Read an English translation of a plan: changes, duties, sections, staffing, institutions."""
    mode, group, expected = "changes", 1, 1
    styles: set[str] = set()
    for line in lines:
        if not line.text:
            continue
        text = line.text
        if mode in ("sections", "staffing") and re.search(r"administrative staff|fixed establishment|employees", text):
            mode = "staffing"
            _staffing(line, facts)
            continue
        if mode == "staffing":
            if text.startswith("According to the"):
                note = Src(text, line.no, ["a notice named without a number; not read as a basis"])
                institutions = [s for s in facts.sections if s.kind is UnitKind.PUBLIC_INSTITUTION]
                if institutions:
                    note.notes.append("it follows the institution, so it is kept as the institution's note")
                    institutions[-1].doc_notes.append(note)
                else:
                    facts.doc_notes.append(note)
                facts.used.add(line.no)
            else:
                facts.note(line.no, "skipped", f"not read: {text[:50]}")
            continue
        m = _ENUM.match(text)
        token = (m.group(1) or m.group(2)) if m else None
        body = text[m.end() :] if m else text
        if mode == "changes":
            start = _DUTIES_START.search(body)
            head = body[: start.start()].strip() if start else body
            head = re.split(r"\s*According to the above", head)[0].strip()
            if re.match(r"^the function of ", head, re.I):
                group += 1
                facts.note(line.no, "doubt", f"heading '{head}' of a group of function changes is not understood")
            elif head:
                _change(head, line.no, int(token) if token and token.isdigit() else None, group, facts)
            facts.used.add(line.no)
            if start:
                mode, expected = "duties", 1
            continue
        if mode == "duties":
            stated = None
            cut = re.search(r"According to the above responsibilities", body)
            if cut:
                stated = _SECTIONS.search(body[cut.start() :])
                body = body[: cut.start()].strip()
            if token is not None:
                number = _number(token, expected)
                styles.add(
                    "word" if token.isalpha() and len(token) > 2 and token.lower() not in ("xii", "xiv") else token
                )
                if number is None:
                    facts.note(line.no, "unreadable", f"enumerator '({token})' not read")
                expected = (number or expected) + 1
                facts.duties.append(Src(Duty(number=number, text=body), line.no))
            elif facts.duties:
                facts.note(line.no, "skipped", f"unnumbered line in the duties: {text[:50]}")
            facts.used.add(line.no)
            if cut and stated:
                figure = stated.group(2)
                notes = []
                if " " in figure:
                    notes.append(f"figure '{figure}' split by a stray space; read as {figure.replace(' ', '')}")
                said = stated.group(0).strip().rstrip(":")
                inc = re.search(r"\(including (?:the )?([^()]+)\)", said)
                if inc:
                    notes.append(
                        f"'{inc.group(1)}' is included: an office inside the body may hold some of the listed "
                        "sections; not drafted as a unit"
                    )
                facts.stated_sections = Src((int(figure.replace(" ", "")), said), line.no, notes)
                mode, expected = "sections", 1
            continue
        if mode == "sections":
            if token is not None and len(body.split()) <= 14 and not body.endswith((".", ";")):
                section = _section(body, line.no)
                section.number = _number(token, expected)
                expected = (section.number or expected) + 1
                facts.sections.append(section)
            elif facts.sections:
                facts.sections[-1].duties.append(Src(Duty(text=text), line.no))
            facts.used.add(line.no)
    if facts.duties:
        facts.note(
            facts.duties[0].line,
            "anomaly",
            "the translation numbers duties in mixed styles ((a), (two), (8), (XIII)); read by position",
        )
    numbers = [(d.value.number, d.line) for d in facts.duties]
    check_numbering(numbers, "duty", facts)
    check_numbering([(s.number, s.line) for s in facts.sections if s.number is not None], "section", facts)
