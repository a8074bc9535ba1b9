"""Chinese script: one folding of simplified and traditional characters for the whole library.

Documents of one body come in both scripts (國務院辦公廳 / 国务院办公厅); a name, rank or duty
that differs only in script is the same. Everything that compares names folds them here, so
the diff, the checks and the charts agree on what "the same name" means.

The data is OpenCC's (the ``opencc-python-reimplemented`` package ships OpenCC's dictionaries):

- :func:`fold_script` maps each traditional character to its simplified form with OpenCC's
  character table (``TSCharacters``) plus its variant tables read backwards (Taiwan and Hong
  Kong variants to the standard form), character by character. A key, never shown to users:
  it is cheap (one ``str.translate``) and does not depend on phrase segmentation.
- :func:`to_simplified` and :func:`to_traditional` convert text for people to read (a code
  action, a label), with OpenCC's phrase tables.
- :func:`detect_script` says which script a spec's names are written in.

Imports: the standard library; ``opencc`` (lazily, on first use).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from typing import Literal

__all__ = ["Script", "detect_script", "fold_script", "folding", "to_simplified", "to_traditional"]

#: A script, as :func:`detect_script` reports it.
Script = Literal["simplified", "traditional", "unknown"]


def _dictionary_dir() -> str:
    import importlib.util

    spec = importlib.util.find_spec("opencc")  # found, not imported: the tables are read as text
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("No module named 'opencc'", name="opencc")
    return os.path.join(next(iter(spec.submodule_search_locations)), "dictionary")


def _read_pairs(name: str, *, reverse: bool = False) -> dict[str, str]:
    pairs: dict[str, str] = {}
    with open(os.path.join(_dictionary_dir(), name), encoding="utf-8") as f:
        for line in f:
            source, _, targets = line.rstrip("\n").partition("\t")
            candidates = targets.split(" ")
            if reverse:
                for target in candidates:
                    if len(target) == 1 and len(source) == 1:
                        pairs.setdefault(target, source)
            elif len(source) == 1 and candidates and len(candidates[0]) == 1:
                pairs[source] = candidates[0]
    return pairs


@functools.cache
def _table() -> dict[int, str]:
    # Regional variants back to the standard traditional form, then traditional to simplified.
    variants: dict[str, str] = {}
    for name in ("TWVariants.txt", "HKVariants.txt"):
        for standard_char, variant in _read_pairs(name).items():
            variants.setdefault(variant, standard_char)
    ts = _read_pairs("TSCharacters.txt")
    table: dict[int, str] = {}
    for variant, standard_char in variants.items():
        simplified = ts.get(standard_char, standard_char)
        if simplified != variant:
            table[ord(variant)] = simplified
    for traditional, simplified in ts.items():
        if simplified != traditional:
            table[ord(traditional)] = simplified
    return table


def folding() -> dict[str, str]:
    """Return the folding as ``{traditional or variant character: simplified character}``."""
    return {chr(k): v for k, v in _table().items()}


def fold_script(text: str) -> str:
    """Return ``text`` with every traditional or variant character replaced by its simplified form.

    A matching key: 外事辦公室 and 外事办公室 fold alike, and so do 正部級 and 正部级. Characters
    OpenCC does not convert are kept as they are.

    >>> fold_script("國務院辦公廳") == fold_script("国务院办公厅")
    True
    """
    folded = text.translate(_table())
    return text if folded == text else folded  # most names are simplified already: keep no second copy


@functools.cache
def _converter(config: str) -> object:
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Return ``text`` in simplified characters (OpenCC ``t2s``, phrase by phrase)."""
    return str(_converter("t2s").convert(text))  # type: ignore[attr-defined]


def to_traditional(text: str) -> str:
    """Return ``text`` in traditional characters as the documents write them (OpenCC ``s2tw``: 為, 併).

    Characters only, no change of vocabulary (``s2twp`` would turn 软件 into 軟體).
    """
    return str(_converter("s2tw").convert(text))  # type: ignore[attr-defined]


@functools.cache
def _candidates(name: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    with open(os.path.join(_dictionary_dir(), name), encoding="utf-8") as f:
        for line in f:
            source, _, targets = line.rstrip("\n").partition("\t")
            if len(source) == 1:
                out[source] = targets.split(" ")
    return out


@functools.cache
def _simplified_only() -> frozenset[str]:
    # Characters that are the simplified form of some traditional character and are not
    # themselves written in traditional text: 国 (國), not 家 (家 / 傢), 局 (局 / 侷) or 出 (出 / 齣).
    st = _candidates("STCharacters.txt")
    return frozenset(c for c in _table().values() if c not in st.get(c, [c]))


@functools.cache
def _traditional_only() -> frozenset[int]:
    # Traditional or variant characters that simplified text does not also use: 國, not 乾 (乾 / 干).
    ts = _candidates("TSCharacters.txt")
    return frozenset(k for k in _table() if chr(k) not in ts.get(chr(k), []))


def detect_script(texts: Iterable[str]) -> Script:
    """Return the script most of ``texts`` are written in: the side with more telling characters.

    A character tells when it exists in one script only (辦 is traditional, 办 simplified);
    characters shared by both scripts (外, 事, 公) say nothing. No telling character gives
    ``"unknown"``.
    """
    table = _traditional_only()
    simplified_chars = _simplified_only()
    trad = simp = 0
    for text in texts:
        for ch in text:
            if ord(ch) in table:
                trad += 1
            elif ch in simplified_chars:
                simp += 1
    if trad == simp:
        return "unknown"
    return "traditional" if trad > simp else "simplified"
