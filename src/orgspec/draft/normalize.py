"""Normalise the text of a document: widths, script folding for matching, numerals, junk.

The drafter matches its patterns on a *key* of each line: full-width forms
folded to ASCII and the traditional characters of the vocabulary folded to
simplified ones, one character for one character, so that an offset in the
key is the same offset in the text and every extracted fact keeps the
document's own script. Chinese numerals are small here (一 to 九十九, the odd
一百零五), so a short tested function reads them rather than a dependency.

Imports: the standard library only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "Line",
    "cn_int",
    "en_int",
    "fold",
    "is_english",
    "read_lines",
    "split_junk",
    "width",
]

# Traditional characters of the vocabulary and their simplified forms (one for one).
_TRAD = (
    "職职責责機机構构內内設设編编製制處处長长領领導导數数門门務务辦办為为掛挂與与關关於于發发號号據据"
    "實实見见歷历會会員员級级後后單单屬属紀纪檢检監监駐驻規规個个兩两這这廳厅縣县鄉乡區区劃划銷销併并"
    "並并稱称黨党書书記记組组參参萬万間间經经費费類类華华僑侨報报議议調调統统計计國国軍军總总聯联繫系"
    "團团體体衛卫隊队將将從从應应開开對对幹干專专傳传問问舉举備备續续資资產产業业當当簡简介介詞词條条"
    "搜搜尋寻熱热絡络們们營营護护衝冲戶户誌志際际濟济則则項项說说額额撥拨領领別别錄录輔辅勞劳動动務务"
    "織织館馆負负擔担擬拟訂订認认準准確确銀银現现轄辖"
    "貫贯徹彻執执協协籌筹牽牵頭头強强審审進进綜综佈布"  # the verbs a duty starts with (貫徹執行, 協調, 審核 …), 發佈
)
_FOLD = {ord(_TRAD[i]): _TRAD[i + 1] for i in range(0, len(_TRAD), 2)}
_FOLD.update({ord("“"): '"', ord("”"): '"', ord("「"): '"', ord("」"): '"'})
_FOLD.update({ord(c): "[" for c in "〔【［"})
_FOLD.update({ord(c): "]" for c in "〕】］"})


def width(text: str) -> str:
    """Fold full-width ASCII forms and the ideographic space to their half-width forms."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            out.append(chr(code - 0xFEE0))
        elif ch == "\u3000" or unicodedata.category(ch) == "Cf" or ch == "\ufeff":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def fold(text: str) -> str:
    """Return the matching key of a text: same length, vocabulary in simplified characters."""
    return text.translate(_FOLD)


_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5}
_CN_DIGITS.update({"六": 6, "七": 7, "八": 8, "九": 9})
_CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000}


def cn_int(text: str) -> int | None:
    """Read a small number written in Chinese or Arabic numerals (二十一, 十三, 105); None if not one."""
    text = text.strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


_EN_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def _roman(text: str) -> int | None:
    if not text or any(c not in _ROMAN for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        value = _ROMAN[c]
        total += -value if i + 1 < len(text) and _ROMAN[text[i + 1]] > value else value
    return total


def en_int(text: str) -> list[int]:
    """Return the numbers an English enumerator may mean: 8, two, twenty-one, XIII, (a)=1."""
    t = text.strip().lower()
    out: list[int] = []
    if t.isdigit():
        out.append(int(t))
    if t in _EN_WORDS:
        out.append(_EN_WORDS[t])
    tens, _, ones = t.partition("-")
    if tens in _EN_TENS and (not ones or ones in _EN_WORDS):
        out.append(_EN_TENS[tens] + (_EN_WORDS[ones] if ones else 0))
    roman = _roman(t)
    if roman is not None:
        out.append(roman)
    if len(t) == 1 and "a" <= t <= "z":
        out.append(ord(t) - ord("a") + 1)
    return out


_JUNK = re.compile(r"^[A-Za-z0-9?!~:;=+\-.,]{10,24}$")
_CJK = re.compile(r"[\u3400-\u9fff]")


def split_junk(text: str) -> tuple[str, str | None]:
    """Split a trailing junk token (``r,?3HH4?1UQ8:8m``) from a line of Chinese text.

    A token counts as junk when it follows white space at the end of a line
    that has Chinese in it, has no Chinese itself, and mixes digits, letters
    and punctuation the way no word or figure does.
    """
    body, sep, token = text.rstrip().rpartition(" ")
    if not sep or not _CJK.search(body) or not _JUNK.match(token):
        return text, None
    digits = sum(c.isdigit() for c in token)
    letters = sum(c.isalpha() for c in token)
    marks = sum(not c.isalnum() for c in token)
    if digits >= 2 and letters >= 2 and marks >= 1:
        return body.rstrip(), token
    return text, None


#: Page chrome inside a line: wiki edit links ("[编辑]") and pinyin a page injected after characters.
_PINYIN = "[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]"
#: ... in round or lenticular brackets ("业(yè)", "制【zhì】"), or cut in its bracket at a line's end ("业(y").
_CHROME = re.compile(
    r"\[(?:编辑|編輯|edit|编辑源代码|編輯原始碼)\]"
    rf"|(?<=[\u4e00-\u9fff])(?:\({_PINYIN}{{1,7}}\)|【{_PINYIN}{{1,7}}】|\({_PINYIN}{{1,6}}$)"
)


@dataclass(frozen=True)
class Line:
    """One line of the document: its number, its text (normalised), its key and any junk stripped."""

    no: int
    text: str
    key: str
    junk: str | None = None


def read_lines(text: str) -> list[Line]:
    """Split a document into normalised lines, stripping trailing junk tokens."""
    lines = []
    for no, raw in enumerate(text.splitlines(), 1):
        clean, junk = split_junk(width(raw).strip())
        clean = _CHROME.sub("", clean)
        clean = re.sub(r"[ \t]+", " ", clean).strip()
        lines.append(Line(no, clean, fold(clean), junk))
    return lines


def is_english(lines: list[Line]) -> bool:
    """Return True when the document is mostly Latin letters (a machine translation)."""
    text = "".join(line.text for line in lines)
    latin = sum(c.isascii() and c.isalpha() for c in text)
    cjk = len(_CJK.findall(text))
    return latin > 4 * cjk and latin > 0
