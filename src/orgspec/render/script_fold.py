"""Simplified and traditional script for search: a small folding table for the characters of one chart.

The HTML page searches names and plaques whichever script the reader types:
亚非处 finds 亞非處 and the other way round. The page folds both the query and
the names to simplified characters with a table made here, at render time,
from the character dictionaries of OpenCC (the pip package
``opencc-python-reimplemented`` ships them as text): for every character of
the chart, its simplified form, and every traditional form of that simplified
character, so a query in either script folds to the same key. Only those
characters go into the page (a few hundred entries, not the 4,000 of the
dictionary).

Imports: :mod:`orgspec.model.script` (the folding of names everywhere in orgspec); OpenCC's
data files are read as package resources.
"""

from __future__ import annotations

import functools
import importlib.resources
import unicodedata
from collections.abc import Iterable

from orgspec.model.script import folding

__all__ = ["fold_table", "has_dictionary"]

_FIRST_CJK = 0x2E80


def _read(name: str) -> dict[str, tuple[str, ...]]:
    """Return one OpenCC character dictionary: each character with its candidates, best first."""
    try:
        text = (importlib.resources.files("opencc") / "dictionary" / name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        key, _, values = line.partition("\t")
        if key and values:
            out[key] = tuple(values.split())
    return out


@functools.cache
def _dictionaries() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Return (traditional → simplified, simplified → traditional forms), empty when OpenCC is missing."""
    try:
        ts = folding()  # the one folding of orgspec.model.script: variants included
    except (ModuleNotFoundError, FileNotFoundError):
        ts = {}
    st = _read("STCharacters.txt")
    return ts, st


def has_dictionary() -> bool:
    """Return whether OpenCC's character dictionaries are installed (else the table is empty)."""
    ts, st = _dictionaries()
    return bool(ts and st)


def fold_table(texts: Iterable[str]) -> dict[str, str]:
    """Return ``{character: simplified form}`` for every character that searching ``texts`` can meet.

    That is each traditional character of the texts, and each traditional form
    of a simplified character of the texts (or of the simplified form of one),
    so that a query typed in either script folds like the names. Characters
    that fold to themselves are left out. Sorted, so the page is deterministic.
    """
    ts, st = _dictionaries()
    chars = {c for text in texts for c in unicodedata.normalize("NFKC", text) if ord(c) >= _FIRST_CJK}
    table: dict[str, str] = {}
    for c in chars:
        simple = ts.get(c, c)
        if simple != c:
            table[c] = simple
    for simple in sorted({ts.get(c, c) for c in chars}):
        for trad in st.get(simple, ()):
            if trad != simple and trad not in table:
                table[trad] = simple
    return dict(sorted(table.items()))
