"""Extract numbered duty lists, function changes and duties repeated out of place.

Imports: :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`,
:mod:`orgspec.draft.segment`, :mod:`orgspec.model`; :mod:`orgspec.draft.extract_lists` inside a function.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from orgspec.draft.facts import Facts, Src
from orgspec.draft.normalize import Line, cn_int, fold
from orgspec.draft.segment import ENUM, enum_style
from orgspec.model.units import Duty, FunctionChange, FunctionChangeKind
from orgspec.model.values import Ref

__all__ = [
    "check_numbering",
    "clean_duties",
    "clean_duty",
    "enum_of",
    "extract_changes",
    "extract_duties",
    "find_repeats",
    "is_page_chrome",
    "split_duty",
]

_STATED = re.compile(r"根据(?:上述|以上)职责")
_INLINE_ENUM = re.compile(r"\(([一二三四五六七八九十]{1,3})\)")


#: a page's credit and tool lines after (or before) the text: "来源:某某网", "[责任编辑:某某]", "打印本页 关闭窗口",
#: "本内容最后更新于…" (the key folds only part of the traditional script: both forms are written)
_CHROME = re.compile(
    r"(?:来源|來源)[::]|本(?:页|頁)?(?:内容|文)?(?:最后)?更新于|责任编[辑輯]|版[权權]所有|打印本[页頁]|关[闭閉]窗口"
    r"|^发布[时時]间[::]"
)


def is_page_chrome(key: str) -> bool:
    """Whether a line is a page's credit or tool line, not text of the document ("来源:…", "责任编辑")."""
    return _CHROME.search(key) is not None


def enum_of(line: Line) -> tuple[int | None, str] | None:
    """Return (number, text after the enumerator) of an enumerated line, or None."""
    m = ENUM.match(line.key)
    if not m:
        return None
    raw = next(g for g in m.groups() if g is not None)
    return cn_int(raw), line.text[m.end() :].strip()


def check_numbering(numbers: Sequence[tuple[int | None, int]], what: str, facts: Facts) -> None:
    """Report duplicated, skipped or backward numbers of a list: (number, line) pairs."""
    prev: int | None = None
    for number, line in numbers:
        if number is None:
            continue
        if prev is not None:
            if number == prev:
                facts.note(line, "anomaly", f"{what} number {number} is used twice")
            elif number > prev + 1:
                facts.note(line, "anomaly", f"{what} numbering skips from {prev} to {number}")
            elif number < prev:
                facts.note(line, "anomaly", f"{what} numbering goes back from {prev} to {number}")
        prev = number


def extract_duties(lines: list[Line], facts: Facts) -> None:
    """Read the body's numbered duties; unnumbered lines continue the duty before them.

    A duty part with no numbered line at all gives one duty per sentence (ending 。), noted.
    """
    if not any(enum_of(line) for line in lines):
        for line in lines:  # sentences of prose, up to the first line that is not (a menu, a label)
            if len(line.key) < 15 or not line.key.rstrip().endswith("。"):
                break
            for sentence in re.findall(r"[^。]+。", line.text):
                if sentence.strip():
                    note = "the list is not numbered: one duty per sentence"
                    facts.duties.append(Src(Duty(text=sentence.strip()), line.no, [note]))
                    facts.used.add(line.no)
        return
    if _names_only(lines):
        # "职责" then "1. 办公室" "2. 研究室 / 负责…": a list of sections, read by the list readers
        first = next(line.no for line in lines if enum_of(line))
        facts.note(first, "structure", "the numbered items under the duties heading are unit names: read as sections")
        return
    lines = _under_subheading(lines, facts)
    style: str | None = None
    for line in lines:
        if _STATED.search(line.key) and ENUM.match(line.key) is None:
            continue  # the sections' lead-in, read by the sections extractor
        found = enum_of(line)
        if found is not None and style is None:
            style = enum_style(line)
        if found is not None and enum_style(line) != style and facts.duties:
            last = facts.duties[-1]
            last.value = last.value.model_copy(update={"text": last.value.text + line.text})
            last.notes.append(f"line {line.no} is a sub-item (numbered in another style); read as part of this duty")
            facts.used.add(line.no)
        elif found is not None:
            number, text = found
            facts.duties.append(Src(Duty(number=number, text=text), line.no))
            facts.used.add(line.no)
        elif is_page_chrome(line.key):
            facts.note(line.no, "skipped", f"a page's credit or tool line, not a duty: {line.text[:40]}")
        elif facts.duties:
            last = facts.duties[-1]
            last.value = last.value.model_copy(update={"text": last.value.text + line.text})
            last.notes.append(f"line {line.no} has no number; read as the continuation of this duty")
            facts.used.add(line.no)
        else:
            facts.note(line.no, "skipped", f"text before the first numbered duty: {line.text[:40]}")
    check_numbering([(d.value.number, d.line) for d in facts.duties], "duty", facts)


#: a numbered item that only heads a list: "(一)X的主要职责:" (whose duties follow, numbered otherwise)
_SUBHEADING = re.compile(r"^[^。;]{0,30}(?:的|之)(?:主要)?(?:职责|職責)(?:是|为|為|如下)?:$")


def _under_subheading(lines: list[Line], facts: Facts) -> list[Line]:
    """Return the lines of a duty part whose first numbered item only heads another list.

    "(一)X的主要职责:" then "1.负责…" "2.负责…": the items numbered in the other style are the duties;
    the heading, the prose before the first item and anything from the heading style's next item on
    (another part: a second body's or the units' duties) are kept out, noted. Other parts are returned whole.
    """
    numbered = [(i, line, found) for i, line in enumerate(lines) if (found := enum_of(line)) is not None]
    if len(numbered) < 3 or not _SUBHEADING.match(fold(numbered[0][2][1]).strip()):
        return lines
    head_style = enum_style(numbered[0][1])
    items = [(i, line) for i, line, _ in numbered[1:] if enum_style(line) != head_style]
    if len(items) < 2:
        return lines
    start = items[0][0]
    end = next((i for i, line, _ in numbered[1:] if enum_style(line) == head_style), len(lines))
    if end < start:
        return lines
    head = numbered[0][1]
    note = "a numbered heading of the duties list: its items, numbered otherwise, are the duties"
    facts.note(head.no, "structure", note)
    for line in lines[numbered[0][0] + 1 : start]:
        facts.note(line.no, "skipped", f"a sentence between the duties' heading and their first item: {line.text[:40]}")
    for line in lines[end:]:
        facts.note(line.no, "skipped", f"after the duties under a numbered heading, another part: {line.text[:40]}")
    return lines[start:end]


def _names_only(lines: list[Line]) -> bool:
    """Return True when most numbered items of a duty part are a unit's name alone ("1. 辦公室")."""
    from orgspec.draft.extract_lists import is_unit_name  # noqa: PLC0415 - the list readers import this module's peers

    items = [fold(text) for line in lines if (found := enum_of(line)) is not None for text in [found[1]]]
    names = [t for t in items if is_unit_name(re.sub(r"\([^()]*\)$", "", t).rstrip("。 "))]
    return len(names) >= 2 and 2 * len(names) >= len(items)


def find_repeats(lines: list[Line], facts: Facts) -> None:
    """Note lines outside the duty list that repeat numbered duties (seed 000's first lines)."""
    for line in lines:
        if line.no in facts.used:
            continue
        marks = list(_INLINE_ENUM.finditer(line.text))
        if not marks:
            continue
        pieces = []
        for i, m in enumerate(marks):
            end = marks[i + 1].start() if i + 1 < len(marks) else len(line.text)
            pieces.append((m.group(0), line.text[m.end() : end].strip()))
        repeated = []
        for mark, text in pieces:
            head = text[:12]
            if head and any(d.value.text.startswith(head) for d in facts.duties):
                repeated.append(mark)
        if repeated:
            facts.note(
                line.no,
                "anomaly",
                f"the line repeats duties {''.join(repeated)} out of place; not read as duties of their own",
            )
            facts.used.add(line.no)


_CHANGE_WORDS = (
    ("划出", FunctionChangeKind.TRANSFERRED_OUT),
    ("划给", FunctionChangeKind.TRANSFERRED_OUT),
    ("交由", FunctionChangeKind.TRANSFERRED_OUT),
    ("划入", FunctionChangeKind.TRANSFERRED_IN),
    ("取消", FunctionChangeKind.CANCELLED),
    ("增加", FunctionChangeKind.ADDED),
    ("新增", FunctionChangeKind.ADDED),
    ("整合", FunctionChangeKind.MERGED),
)
_CHANGE_HEADING = re.compile(r"^(?:划出|划入|取消|增加|新增|下放|整合|加强)的?(?:职责|职能|事项)[::]?$")
_OUT_TO = re.compile(r"(?:划给|划归|交由|划入)([\u4e00-\u9fff]{2,24}?(?:局|委员会|委|厅|办公室|部|中心|政府|办))")
_IN_FROM = re.compile(r"(?:将|把)?([\u4e00-\u9fff]{2,24}?(?:局|委员会|委|厅|办公室|部|中心|政府|办))的[^,。;]*?划入")


def _kind_in(text: str) -> FunctionChangeKind | None:
    for word, kind in _CHANGE_WORDS:
        if word in text:
            return kind
    return None


def extract_changes(lines: list[Line], facts: Facts) -> None:
    """Read function changes: sub-headings (划出的职责) set the kind of the numbered items under them."""
    current: FunctionChangeKind | None = None
    for line in lines:
        found = enum_of(line)
        text = found[1] if found else line.text
        if _CHANGE_HEADING.match(line.key[len(line.key) - len(text) :]):
            current = _kind_in(line.key)
            facts.used.add(line.no)
            continue
        key = line.key[len(line.key) - len(text) :]
        kind = _kind_in(key) if current is None else current
        if kind is None:
            facts.note(line.no, "skipped", "a function change of no recognised kind (划出/划入/取消/增加/整合)")
            continue
        notes: list[str] = []
        counterpart = None
        pattern = _OUT_TO if kind is FunctionChangeKind.TRANSFERRED_OUT else _IN_FROM
        if kind in (FunctionChangeKind.TRANSFERRED_OUT, FunctionChangeKind.TRANSFERRED_IN):
            m = pattern.search(key)
            if m:
                counterpart = Ref(target=text[m.start(1) : m.end(1)])
        if current is None:
            notes.append(f"kind '{kind.value}' read from the words of the line")
        change = FunctionChange(kind=kind, text=text, counterpart=counterpart, number=found[0] if found else None)
        facts.changes.append(Src(change, line.no, notes))
        facts.used.add(line.no)


#: an abbreviation the text defines inside a duty: "…规定(以下简称“三定”规定)": a definition, not the duty's words
_DEFINED = re.compile(r"[((](?:以下简称|以下簡稱|下称|下稱)[^()()]{1,30}[))]")
#: a post held concurrently, written as the last clause of a duty: ",办公室主任由某局副局长某某兼任。" (a 领导小组
#: notice's "办公室设在X,承担日常工作,办公室主任由Y兼任"): a post, not work the unit does
_HELD_CLAUSE = re.compile(
    r"[,;,;](?:[\u4e00-\u9fff]{0,12}(?:主任|组长|組長|部长|部長|局长|局長|秘书长|秘書長)"
    r"(?:、[\u4e00-\u9fff]{1,8})*)由[^。;;,,]{2,40}兼任[。;;]?$"
)


def clean_duty(text: str) -> str:
    """Return a duty's text without what is not its work: an abbreviation it defines, a post held concurrently.

    "审定…编制规定(以下简称“三定”规定)。" → "审定…编制规定" (a cut at the end ends the duty there);
    "承担领导小组的日常工作,办公室主任由统计局副局长某某兼任。" → "承担领导小组的日常工作" (the words
    as written, up to the clause). The text is unchanged when nothing would be left.
    """
    end = _DEFINED.search(text)
    # a definition that closes the duty ends it there, as a post's clause does
    closes = end is not None and not re.sub(r"[。;; ]", "", text[end.end() :])
    out = text[: end.start()] if end is not None and closes else _DEFINED.sub("", text)
    held = _HELD_CLAUSE.search(fold(out))
    if held is not None and held.start() >= 4:
        out = out[: held.start()]
    return out if re.sub(r"[。;; ]", "", out) else text


#: duty verbs that open each clause of a chain "负责A、负责B、负责C等"
_CHAIN_VERB = r"(?:负责|承担|指导|协调|组织|拟订|拟定|管理|监督|统筹)"


def split_duty(text: str) -> list[str]:
    """Return the duties one drafted text holds, each as written; ``[text]`` when it holds one.

    "负责A、负责B、负责C等。" → 负责A, 负责B, 负责C (three or more clauses, each opening with a duty verb,
    joined by 、; the closing 等 is the list's, not the last duty's; a frame "主要职责是," before them is none).
    """
    key = fold(text)
    frame = re.match(r"(?:其)?(?:主要)?(?:职责|职能)(?:是|为)?[,:]", key)  # "主要职责是,": the sentence's frame
    first = frame.end() if frame else 0
    chain = [m.start() for m in re.finditer("(?:^|(?<=、))" + _CHAIN_VERB, key[first:])]
    chain = [first + c for c in chain]
    if len(chain) >= 3 and chain[0] == first and "。" not in key[:-1] and ";" not in key:
        bounds = [*chain, len(text)]
        parts = [text[a:b].rstrip("、") for a, b in itertools.pairwise(bounds)]
        parts[-1] = re.sub(r"等?[。;]?$", "", parts[-1])
        if all(len(p) >= 6 for p in parts):  # "组织、协调、指导全县…工作": verbs of one duty
            return parts
    return [text]


def clean_duties(facts: Facts) -> None:
    """Apply :func:`clean_duty` to every duty drafted: the body's, its sections', shared lists' and listed bodies'.

    An unnumbered duty that holds several (:func:`split_duty`) is first split into them.
    """
    lists = [facts.duties, *(s.duties for s in facts.sections), *(s.duties for s in facts.shared)]
    lists += [b.duties for b in facts.listed]
    for duties in lists:
        split: list[Src[Duty]] = []
        for src in duties:
            parts = split_duty(src.value.text) if src.value.number is None else [src.value.text]
            if len(parts) == 1:
                split.append(src)
                continue
            note = "one duty per clause of a chain of duties"
            for part in parts:
                split.append(Src(src.value.model_copy(update={"text": part}), src.line, [*src.notes, note]))
        duties[:] = split
        for src in duties:
            text = clean_duty(src.value.text)
            if text != src.value.text:
                src.value = src.value.model_copy(update={"text": text})
                src.notes.append("words that are no duty (an abbreviation defined, a post held) left out")
