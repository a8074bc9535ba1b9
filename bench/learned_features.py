"""Character features and BIO tags for the learned reader (issue 14; see bench/learned_reader.py).

Each character of a document is one item of a CRF sequence (the whole document is one sequence).
Its features are words of the folded script (:func:`orgspec.model.script.fold_script`, so a reader
trained on simplified text knows the traditional text's characters), its neighbours' characters and
bigrams in a window of two, the character classes around it, and the shape of its line: the
enumerator the line opens with and whether the character is the first after it, its position in the
line and its distance to the line's end, the line's length, whether it is inside parentheses, the
line's number near the top, and the heading last seen (a short line about sections, duties or
staffing). No ML library is needed here.
"""

from __future__ import annotations

import re

from learned_labels import ENUMERATOR, Span

from orgspec.model.names import normalize
from orgspec.model.script import fold_script

__all__ = ["bio", "features", "spans_of"]

_CN_NUMERALS = set("一二三四五六七八九十百千零〇两兩")
_PUNCT = set("、,，。.;；:：!！?？")
_OPEN = set('(（[【《<“"')
_CLOSE = set(')）]】》>”"')
_HEADINGS = (
    ("units", re.compile(r"内设|內設|机构设置|機構設置|设置|設置|科室|处室|處室|下设|下設|设下列|設下列|左列")),
    ("duties", re.compile(r"职责|職責|职能|職能|任务|任務|掌理")),
    ("staff", re.compile(r"编制|編制|职数|職數|人员|人員")),
)
_KEYWORDS = ("设", "設", "为", "為", "有", "下列", "分别", "分別", "负责", "負責", "职责", "職責", "编制", "編制")


def _cls(ch: str) -> str:
    if ch == "\n":
        return "NL"
    if ch.isspace():
        return "S"
    if ch in _CN_NUMERALS:
        return "N"
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        return "H"
    if ch.isdigit():
        return "D"
    if ch.isascii() and ch.isalpha():
        return "L"
    if ch in _PUNCT:
        return "P"
    if ch in _OPEN:
        return "O"
    if ch in _CLOSE:
        return "C"
    return "X"


def _enum_kind(head: str) -> str:
    head = head.strip()
    if not head:
        return "none"
    if head[0] in "(（":
        return "paren"
    if head[0] in _CN_NUMERALS:
        return "cn"
    if head[0].isdigit():
        return "num"
    if head[0] == "第":
        return "article"
    return "dash"


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def features(text: str) -> list[list[str]]:
    """Return the feature words of each character of ``text``."""
    folded = []
    for ch in text:
        k = fold_script(normalize(ch)) if ch != "\n" else "\n"
        folded.append(k[:1] if k else " ")
    classes = [_cls(c) for c in folded]
    n = len(text)
    pad = ["^", "^", *folded, "$", "$"]
    out: list[list[str]] = []
    heading = "none"
    line_no = 0
    pos = 0
    while pos <= n:
        end = text.find("\n", pos)
        end = n if end < 0 else end
        line = text[pos:end]
        head = ENUMERATOR.match(line)
        content = head.end() if head else 0
        enum = _enum_kind(head.group(0)) if head else "none"
        stripped = line.strip()
        length = _bucket(len(stripped), (4, 8, 16, 32, 64))
        row = "ln=" + (str(line_no) if line_no < 3 else "<6" if line_no < 6 else "more")
        keywords = [f"kw={k}" for k in _KEYWORDS if k in line]
        depth = 0
        for j in range(len(line) + (1 if end < n else 0)):
            i = pos + j
            c = pad[i + 2]
            f = [
                "b",
                "c=" + c,
                "c-1=" + pad[i + 1],
                "c+1=" + pad[i + 3],
                "c-2=" + pad[i],
                "c+2=" + pad[i + 4],
                "b-1=" + pad[i + 1] + c,
                "b+1=" + c + pad[i + 3],
                "b-2=" + pad[i] + pad[i + 1],
                "b+2=" + pad[i + 3] + pad[i + 4],
                "t=" + pad[i + 1] + c + pad[i + 3],
                "k=" + classes[i],
                "k-1=" + (classes[i - 1] if i > 0 else "^"),
                "k+1=" + (classes[i + 1] if i + 1 < n else "$"),
                "enum=" + enum,
                "len=" + length,
                "pos=" + _bucket(j - content, (-1, 0, 1, 2, 4, 8)),
                "toend=" + _bucket(len(line) - j, (1, 2, 3, 4, 6, 10)),
                "head=" + heading,
                row,
                *keywords,
            ]
            if j == content and head:
                f.append("after_enum")
            if depth > 0:
                f.append("paren")
            if c in _OPEN:
                depth += 1
            elif c in _CLOSE and depth > 0:
                depth -= 1
            out.append(f)
        if len(stripped) <= 30:
            for name, pattern in _HEADINGS:
                if pattern.search(stripped):
                    heading = name
                    break
        line_no += 1
        pos = end + 1
    return out[:n]


def bio(n: int, spans: tuple[Span, ...] | list[Span]) -> list[str]:
    """Return the BIO tags of a text of ``n`` characters whose names are ``spans``."""
    tags = ["O"] * n
    for s in spans:
        tags[s.start] = "B-" + s.label
        for i in range(s.start + 1, s.end):
            tags[i] = "I-" + s.label
    return tags


def spans_of(tags: list[str]) -> list[tuple[int, int, str]]:
    """Return the (start, end, label) spans of BIO ``tags`` (an I- with no B- opens a span)."""
    out: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        kind, _, lab = tag.partition("-")
        if start >= 0 and (kind != "I" or lab != label):
            out.append((start, i, label))
            start = -1
        if kind == "B" or (kind == "I" and start < 0):
            start, label = i, lab
    return out
