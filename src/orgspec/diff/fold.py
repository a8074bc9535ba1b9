"""Matching keys for names: normalised, and traditional characters folded to simplified.

Folding is for matching only; names are always reported as written. The table
covers the characters that occur in the names of Chinese public bodies and
their sections (辦/办, 處/处, 務/务, …). It is deliberately small and
hand-kept: a full converter (OpenCC) would also fold phrases and variants
that never occur in body names, and is a heavy dependency for this one job.
A character outside the table is kept as it is, so two names that differ only
in such a character do not match by name (they may still match by id or be
proposed by similarity).

Imports: :mod:`orgspec.model.names`.
"""

from __future__ import annotations

import re
import unicodedata

from orgspec.model.names import normalize

__all__ = ["bigrams", "fold"]

_PAIRS = (
    "辦办處处務务門门監监經经濟济組组級级關关會会員员體体華华僑侨專专貿贸國国際际區区縣县黨党廳厅書书記记"
    "劃划歐欧亞亚發发編编導导規规實实團团廣广東东長长協协統统計计財财審审資资產产傳传設设衛卫與与為为鄉乡"
    "園园樓楼應应學学術术綜综聯联絡络護护檢检稅税營营總总職职齊齐陽阳漢汉蘇苏淮淮徐徐鎮镇贛赣衡衡"
    "禮礼賓宾僑侨港港澳澳臺台灣湾對对際际務务來来風风機机構构內内屬属轄辖開开勞劳動动險险農农業业"
    "廠厂礦矿鐵铁電电訊讯網网絡络醫医藥药圖图館馆這这個个們们種种於于從从雙双並并後后裡里禦御"
    "辭辞壇坛獎奖狀状證证號号據据軍军隊队邊边紀纪律律維维穩稳標标準准領领導导幹干師师範范歲岁"
)

_TABLE = str.maketrans({_PAIRS[i]: _PAIRS[i + 1] for i in range(0, len(_PAIRS) - 1, 2)})
_PLAIN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]*")


def fold(name: str) -> str:
    """Return the matching key of a name: normalised, traditional folded to simplified."""
    if _PLAIN.fullmatch(name) and unicodedata.is_normalized("NFKC", name):
        return name.translate(_TABLE)  # nothing for normalize() to do: the common case, made fast
    return normalize(name).translate(_TABLE)


def bigrams(text: str) -> frozenset[str]:
    """Return the character bigrams of a folded text (for similarity)."""
    key = fold(text)
    return frozenset(key[i : i + 2] for i in range(len(key) - 1))
