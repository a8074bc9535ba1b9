"""Name normalisation for matching: the same name written with other brackets or widths.

``normalize`` folds compatibility forms (full-width letters and digits), the
bracket styles of document numbers (〔〕 【】 [] ［］), quotation marks and
white space, and drops zero-width characters. It never changes the script.
``name_key`` is what every comparison of names uses (duplicate names, plaques, references,
history, the diff): ``normalize`` and then :func:`orgspec.model.script.fold_script`, so
辦公室 and 办公室 are one name.

Imports: the standard library, :mod:`orgspec.model.script`.
"""

from __future__ import annotations

import re
import unicodedata

from orgspec.model.script import fold_script

__all__ = ["name_key", "normalize", "normalize_doc_number"]

_FOLD = str.maketrans(
    {
        "〔": "[",
        "〕": "]",
        "【": "[",
        "】": "]",
        "［": "[",
        "］": "]",
        "（": "(",
        "）": ")",
        "“": '"',
        "”": '"',
        "「": '"',
        "」": '"',
        "『": '"',
        "』": '"',
        "‘": "'",
        "’": "'",
        "《": "<",
        "》": ">",
        "〈": "<",
        "〉": ">",
    }
)
_DROP = re.compile(r"[\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]+")
#: Names made only of these characters are their own key: NFKC leaves them as they are, and none
#: is folded or dropped. Most names are such (Chinese characters, ASCII letters and digits).
_PLAIN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]*")


def normalize(name: str) -> str:
    """Return the matching key of a name (same script, folded widths, brackets and spaces)."""
    if _PLAIN.fullmatch(name):
        return name
    return _DROP.sub("", unicodedata.normalize("NFKC", name).translate(_FOLD))


def normalize_doc_number(number: str) -> str:
    """Return the matching key of a document number: 苏委〔2009〕573号 == 苏委[2009]573号."""
    return normalize(number).replace("號", "号")


#: The keys of names seen before (a corpus repeats its names: 办公室, 综合科): a look-up instead of
#: a normalisation and a per-character translation. Emptied when it reaches :data:`_KEYS_MAX`.
_KEYS: dict[str, str] = {}
_KEYS_MAX = 1 << 16


def name_key(name: str) -> str:
    """Return the key under which two names are the same: normalised, and folded to one script."""
    key = _KEYS.get(name)
    if key is None:
        key = fold_script(normalize(name))
        if len(_KEYS) >= _KEYS_MAX:
            _KEYS.clear()
        _KEYS[name] = key
    return key
