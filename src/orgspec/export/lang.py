"""A small heuristic that tags a label with its language: zh-Hant, zh-Hans, zh or en.

The documents are Chinese, in traditional or simplified characters, and a
label's script matters to RDF consumers (``"鎮江市人民政府外事辦公室"@zh-Hant``).
The heuristic counts characters that exist in only one of the two scripts,
from a short table of common characters of these documents (辦/办, 處/处,
務/务, 門/门, 國/国 …):

* more traditional-only than simplified-only characters: ``zh-Hant``;
* more simplified-only: ``zh-Hans``;
* Han characters but no tie-breaker (人民政府外事): the fallback (the script of
  the whole spec, found the same way over all its names), else ``zh``;
* no Han characters and some Latin letters: ``en``; otherwise no tag.

Imports: the standard library only.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["script_of", "spec_script", "tag"]

# Pairs (traditional, simplified) of characters common in 三定 documents.
_PAIRS = (
    "辦办 處处 務务 門门 國国 會会 員员 區区 與与 關关 發发 實实 對对 際际 經经 濟济 體体 華华 來来 紀纪 "
    "檢检 監监 機机 構构 設设 職职 責责 編编 劃划 規规 劃划 質质 導导 領领 鎮镇 縣县 廳厅 黨党 "
    "聯联 協协 調调 財财 稅税 環环 衛卫 產产 業业 農农 貿贸 農农 資资 勞劳 動动 組组 織织 議议 "
    "據据 號号 級级 類类 廣广 東东 蘇苏 鄉乡 長长 傳传 專专 統统 計计 審审 應应 處处 務务 項项 "
    "書书 記记 負负 擔担 維维 護护 齊齐 庫库 園园 廠厂 觀观 歷历 圖图 館馆 藝艺 術术 氣气 "
    "網网 絡络 電电 車车 運运 輸输 這这 時时 為为 個个 們们 濟济 戶户 總总 營营 "
    "禮礼 賓宾 聞闻 歐欧 亞亚 簽签 證证 預预 預预 險险 災灾 態态 學学 團团 開开 貫贯 執执 "
    "辭辞 報报 災灾 討讨 論论 選选 舉举 訪访 邊边 衛卫 軍军 屬属 辦办 僑侨 陸陆 億亿"
)
_TRAD = frozenset(p[0] for p in _PAIRS.split())
_SIMP = frozenset(p[1] for p in _PAIRS.split())


def _is_han(ch: str) -> bool:
    cp = ord(ch)
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x3FFFF


def script_of(text: str) -> str | None:
    """Return ``zh-Hant`` or ``zh-Hans`` when ``text`` leans to one script, else None."""
    trad = sum(ch in _TRAD for ch in text)
    simp = sum(ch in _SIMP for ch in text)
    if trad > simp:
        return "zh-Hant"
    if simp > trad:
        return "zh-Hans"
    return None


def tag(text: str, fallback: str | None = None) -> str | None:
    """Return the language tag of a label (see the module docstring), or None when it has no letters."""
    if any(_is_han(ch) for ch in text):
        return script_of(text) or fallback or "zh"
    if any(ch.isascii() and ch.isalpha() for ch in text):
        return "en"
    return None


def spec_script(texts: Iterable[str]) -> str | None:
    """Return the script most texts lean to (the fallback for ambiguous labels), or None."""
    return script_of("".join(texts))
