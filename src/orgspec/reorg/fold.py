"""Matching keys for names: normalised, and traditional characters folded to simplified.

Folding is for matching only; names are always reported as written. The folding is
:func:`orgspec.model.script.fold_script` (OpenCC's character tables), the one used everywhere
names are compared, so 國務院辦公廳 and 国务院办公厅, or 正部級 and 正部级, are the same.

Imports: :mod:`orgspec.model.names`, :mod:`orgspec.model.script`.
"""

from __future__ import annotations

import re
import unicodedata

from orgspec.model.names import normalize
from orgspec.model.script import fold_script

__all__ = ["bigrams", "fold"]

_PLAIN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]*")


def fold(name: str) -> str:
    """Return the matching key of a name: normalised, traditional folded to simplified."""
    if _PLAIN.fullmatch(name) and unicodedata.is_normalized("NFKC", name):
        return fold_script(name)  # nothing for normalize() to do: the common case, made fast
    return fold_script(normalize(name))


def bigrams(text: str) -> frozenset[str]:
    """Return the character bigrams of a folded text (for similarity)."""
    key = fold(text)
    return frozenset(key[i : i + 2] for i in range(len(key) - 1))
