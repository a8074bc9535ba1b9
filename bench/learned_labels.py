"""Labels for the learned reader (issue 14): where a corpus document writes the names its spec gives.

For each document of the corpus (``corpus/found/*.txt`` with its spec from ``corpus/index.json``,
and the shared structural texts that ``specs/corpus/shared-*.orgspec`` name in their header) this
module finds, in the text, the **section names** (every unit under a body) and the **body names**
(every body) of the hand-written spec, as character spans of the text. It needs no ML library:
``bench/learned_reader.py`` trains and scores the tagger on these spans, and
``tests/test_learned_reader_labels.py`` tests the locator.

A name is found after the same normalisation the scorer uses (:func:`orgspec.model.names.normalize`:
widths, brackets, quotation marks, spaces), folded to one script (:func:`orgspec.model.names.name_key`),
so a name the text writes in the other script or with other brackets or spaces inside is found. A spec
that gives a name ``n`` times takes ``n`` occurrences, preferring those the text sets apart (a line's
start after its enumerator, a list separator, the line's end) over names inside longer words, then the
earliest; an occurrence that overlaps one already taken is not taken. A name with no occurrence left
is **unlocatable**: it still counts as expected when a reader is scored, and is reported.
Duty texts (:func:`locate_duties`) are located apart, earliest first, as a second set of labels.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from corpus_score import document_of, shared_root

import orgspec
from orgspec.model.names import name_key, normalize
from orgspec.model.script import fold_script
from orgspec.model.units import Spec

ROOT = Path(__file__).resolve().parent.parent

SECTION = "SECTION"
BODY = "BODY"
LABELS = (SECTION, BODY)
#: Duty items, located and tagged apart (a duty's text holds section and body names).
DUTY = "DUTY"

#: The placeholder a draft gives a body it could not name (not scored, as in orgspec.draft.score).
NO_NAME = "(name not found)"

ENUMERATOR = re.compile(
    r"\s*(?:[(（][一二三四五六七八九十百零〇\d]+[)）]|[一二三四五六七八九十百]+[、.．]|\d+[、.．)）]|[-—•·*]+|第[一二三四五六七八九十百零〇\d]+[条條])\s*"
)
_SEPARATORS = set("、,，。.;；:：()（）[]【】《》<>\"“”'‘’|/ \t\u3000")


@dataclass(frozen=True)
class Span:
    """A name the text writes at ``text[start:end]``, labelled SECTION or BODY."""

    start: int
    end: int
    label: str
    name: str


@dataclass(frozen=True)
class Labels:
    """The spans found for a document's spec, and the names that could not be found."""

    spans: tuple[Span, ...]
    unlocated: tuple[tuple[str, str], ...]  # (label, name)


@dataclass(frozen=True)
class Document:
    """One corpus document: its text (header lines dropped, as bench/corpus_score.py does) and spec."""

    name: str
    text: str
    spec_path: Path
    source: Path
    batch: int  # 0: a shared structural text (development from the start)
    batch1_held_out: bool = False  # one of batch 1's held-out eight (found 03, 06, ..., 24)
    _spec: list[Spec] = field(default_factory=list, compare=False, repr=False)

    @property
    def spec(self) -> Spec:
        """The hand-written spec, loaded once."""
        if not self._spec:
            self._spec.append(orgspec.load(self.spec_path))
        return self._spec[0]


def _is_ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def key_text(text: str) -> tuple[str, list[int]]:
    """Return the matching key of ``text``, character by character, and each key character's offset.

    Each character is normalised as :func:`orgspec.model.names.name_key` normalises a name (a
    character that normalises to nothing, e.g. a space, has no key character; one that normalises to
    several has several, all at its offset), so ``key[i]`` comes from ``text[index[i]]``.
    """
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        k = fold_script(normalize(ch))
        out.append(k)
        index.extend([i] * len(k))
    return "".join(out), index


def section_names(spec: Spec) -> list[str]:
    """Every unit under a body, as the scorer counts section names (each body's walk but the body)."""
    return [u.name for b in spec.bodies for u in b.walk() if u is not b]


def body_names(spec: Spec) -> list[str]:
    """Every body's name (a body with no name is none)."""
    return [b.name for b in spec.bodies if b.name != NO_NAME]


def duty_texts(spec: Spec) -> list[str]:
    """Every duty's text, of bodies, sections and shared lists, as the scorer counts duty texts."""
    out = []
    for b in spec.bodies:
        out += [d.text for u in b.walk() for d in u.duties]
        out += [d.text for u in b.walk() for s in u.shared_duties for d in s.duties]
    return out


def expected(spec: Spec) -> dict[str, Counter[str]]:
    """The expected multiset of normalised names (and duty texts) per label, as orgspec.draft.score compares them."""
    return {
        SECTION: Counter(normalize(n) for n in section_names(spec)),
        BODY: Counter(normalize(n) for n in body_names(spec)),
        DUTY: Counter(normalize(t) for t in duty_texts(spec)),
    }


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _preference(text: str, start: int, end: int) -> int:
    """How clearly the text sets the occurrence ``text[start:end]`` apart as a name (higher: more)."""
    line_start, line_end = _line_bounds(text, start)
    head = ENUMERATOR.match(text, line_start)
    opens_line = start == (head.end() if head else line_start) or not text[line_start:start].strip()
    before = text[start - 1] if start > line_start else "\n"
    after = text[end] if end < line_end else "\n"
    left = opens_line or before == "\n" or before in _SEPARATORS or not _is_ideograph(before)
    right = after == "\n" or after in _SEPARATORS or not _is_ideograph(after) or text.startswith("负责", end)
    return 2 * left + 2 * right + opens_line


def _occurrences(key: str, index: list[int], name: str) -> list[tuple[int, int]]:
    target = name_key(name)
    if not target:
        return []
    out = []
    pos = key.find(target)
    while pos >= 0:
        out.append((index[pos], index[pos + len(target) - 1] + 1))
        pos = key.find(target, pos + 1)
    return out


def locate(text: str, spec: Spec) -> Labels:
    """Find the spec's body names and section names in ``text`` (see the module's docstring).

    Body names are placed first (a document names its body once or twice, its sections often), then
    section names, longer names before shorter ones so that "综合处" is not taken inside "综合处室".
    """
    key, index = key_text(text)
    taken = [False] * (len(text) + 1)
    spans: list[Span] = []
    unlocated: list[tuple[str, str]] = []
    wanted = [(BODY, n, c) for n, c in Counter(body_names(spec)).items()]
    wanted += sorted(
        ((SECTION, n, c) for n, c in Counter(section_names(spec)).items()), key=lambda w: (-len(name_key(w[1])), w[1])
    )
    for label, name, times in wanted:
        count = times
        found = sorted(_occurrences(key, index, name), key=lambda se: (-_preference(text, *se), se[0]))
        for start, end in found:
            if count == 0:
                break
            if any(taken[start:end]):
                continue
            for i in range(start, end):
                taken[i] = True
            spans.append(Span(start, end, label, name))
            count -= 1
        unlocated += [(label, name)] * count
    return Labels(tuple(sorted(spans, key=lambda s: s.start)), tuple(unlocated))


def locate_duties(text: str, spec: Spec) -> Labels:
    """Find the spec's duty texts in ``text``: each as often as the spec gives it, earliest first, never overlapping."""
    key, index = key_text(text)
    taken = [False] * (len(text) + 1)
    spans: list[Span] = []
    unlocated: list[tuple[str, str]] = []
    for duty, times in sorted(Counter(duty_texts(spec)).items(), key=lambda w: (-len(name_key(w[0])), w[0])):
        count = times
        for start, end in _occurrences(key, index, duty):
            if count == 0:
                break
            if not any(taken[start:end]):
                taken[start:end] = [True] * (end - start)
                spans.append(Span(start, end, DUTY, duty))
                count -= 1
        unlocated += [(DUTY, duty)] * count
    return Labels(tuple(sorted(spans, key=lambda s: s.start)), tuple(unlocated))


def documents() -> list[Document]:
    """Every corpus document whose text is available, with its batch (0 for the shared texts)."""
    index = json.loads((ROOT / "corpus" / "index.json").read_text("utf-8"))
    batch = {Path(str(e["spec"])).stem: int(e.get("batch", 1)) for e in index}
    shared = shared_root()
    out = []
    for spec in sorted((ROOT / "specs" / "corpus").glob("*.orgspec")):
        doc = document_of(spec, shared)
        if doc is None:
            continue
        number = re.match(r"found-(\d+)", spec.stem)
        text = doc.read_text("utf-8").split("\n", 2)[2]
        out.append(
            Document(
                name=spec.stem,
                text=text,
                spec_path=spec,
                source=doc,
                batch=batch.get(spec.stem, 0),
                batch1_held_out=number is not None and int(number.group(1)) <= 24 and int(number.group(1)) % 3 == 0,
            )
        )
    return out
