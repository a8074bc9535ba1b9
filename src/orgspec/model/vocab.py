"""Vocabularies: kinds, quota categories and ranks, in English and as the documents word them.

A kind or category may be written as its English keyword or in Chinese,
simplified or traditional; :func:`kind_of` and :func:`category_of` map either
to the model's enum. Ranks are placed on a scale so that a section can be
compared with its body.

Imports: :mod:`orgspec.model.values`, :mod:`orgspec.model.script`.
"""

from __future__ import annotations

import functools
import re

from orgspec.model.script import fold_script
from orgspec.model.values import QuotaCategory, UnitKind

__all__ = [
    "EVENT_VERBS",
    "FUNCTION_VERBS",
    "KIND_LABELS",
    "category_of",
    "kind_of",
    "rank_level",
    "rank_range",
    "verb_of",
]

#: Chinese labels of each kind (simplified first, then traditional forms).
KIND_LABELS: dict[UnitKind, tuple[str, ...]] = {
    UnitKind.CONSTITUENT_DEPARTMENT: ("组成部门", "組成部門"),
    UnitKind.WORKING_DEPARTMENT: ("工作部门", "工作部門"),
    UnitKind.DIRECTLY_AFFILIATED: ("直属机构", "直屬機構", "直属特设机构", "直屬特設機構"),
    UnitKind.DEPARTMENT_ADMINISTERED: ("部门管理机构", "部門管理機構"),
    UnitKind.COORDINATING_BODY: ("议事协调机构", "議事協調機構", "领导小组", "領導小組"),
    UnitKind.DISPATCHED_UNIT: ("派驻机构", "派駐機構"),
    UnitKind.PUBLIC_INSTITUTION: ("事业单位", "事業單位", "直属事业单位", "直屬事業單位"),
    UnitKind.OFFICE: ("办公室", "辦公室"),
    UnitKind.SECTION: ("内设机构", "內設機構"),
    UnitKind.PARTY_COMMITTEE: ("机关党委", "機關黨委", "直属机关党委", "直屬機關黨委"),
    UnitKind.SERVICE_CENTRE: ("服务中心", "服務中心", "机关后勤服务中心", "機關後勤服務中心"),
    UnitKind.DISCIPLINE_UNIT: ("纪检监察机构", "紀檢監察機構"),
    UnitKind.ENTERPRISE: ("企业", "企業", "公司"),
}

#: The words a document uses for each kind of event (an event's ``verb``), in simplified script, the
#: summary's own word first. Each is a wording of the same change, found in the reform texts of the corpus:
#: 设立 / 新设立 / 成立 / 新组建 / 设置 a body (10, 11, 14, 21, 30; 设置 found-75), 改制为 a body built on
#: another (07), 不再设立 / 撤销 / 不再保留单设的 a body (01, 21, 10), 统一领导 / 统一领导和管理 a superior
#: (10, 30), 转隶 a plaque moved from one body to another (28), 划转 duties (22), 交由 duties to an executor
#: outside the spec (…职责交由市场监管综合执法队伍承担, 05).
EVENT_VERBS: dict[str, tuple[str, ...]] = {
    "established": ("组建", "新组建", "设立", "新设立", "成立", "改制", "设置"),
    "reestablished": ("重新组建",),
    "abolished": ("不再保留", "不再设立", "撤销", "不再保留单设的"),
    "moved": ("管理", "统一领导", "统一领导和管理", "领导"),
    "plaque-added": ("加挂", "转隶"),
    "duties-transferred": ("划入", "划转", "交由"),
}

#: The words for a function moved in or out (a function change's ``verb``): 划转 (22).
FUNCTION_VERBS: dict[str, tuple[str, ...]] = {
    "transferred-in": ("划入", "划转"),
    "transferred-out": ("划出", "划转", "交由"),
}

_KINDS: dict[str, UnitKind] = {k.value: k for k in UnitKind}
for _kind, _labels in KIND_LABELS.items():
    for _label in _labels:
        _KINDS[_label] = _kind

_CATEGORIES: dict[str, QuotaCategory] = {c.value: c for c in QuotaCategory}
_CATEGORIES.update(
    {
        "行政编制": QuotaCategory.ADMINISTRATIVE,
        "行政編制": QuotaCategory.ADMINISTRATIVE,
        "事业编制": QuotaCategory.PUBLIC_INSTITUTION,
        "事業編制": QuotaCategory.PUBLIC_INSTITUTION,
        "工勤编制": QuotaCategory.LOGISTICS,
        "工勤編制": QuotaCategory.LOGISTICS,
        "后勤服务人员编制": QuotaCategory.LOGISTICS,
        "後勤服務人員編制": QuotaCategory.LOGISTICS,
        "派驻编制": QuotaCategory.DISPATCHED,
        "派駐編制": QuotaCategory.DISPATCHED,
        "纪检监察编制": QuotaCategory.DISCIPLINE,
        "紀檢監察編制": QuotaCategory.DISCIPLINE,
    }
)


def kind_of(text: str) -> UnitKind | None:
    """Return the kind named by an English keyword or a Chinese label, or None."""
    return _KINDS.get(text.strip())


def verb_of(kind: str, text: str, words: dict[str, tuple[str, ...]] = EVENT_VERBS) -> str | None:
    """Return the simplified form of a verb that words an event of ``kind`` (``EVENT_VERBS``), or None."""
    folded = fold_script(text.strip())
    return folded if folded in words.get(kind, ()) else None


def category_of(text: str) -> QuotaCategory | None:
    """Return the quota category named by an English keyword or a Chinese label, or None."""
    return _CATEGORIES.get(text.strip())


# Levels: higher is more senior. 正 and 副 forms sit half a step apart.
_LEVELS = {
    "国家级": 12, "國家級": 12,
    "省部级": 10, "省部級": 10, "部级": 10, "部級": 10,
    "厅局级": 8, "廳局級": 8, "司局级": 8, "司局級": 8, "厅级": 8, "廳級": 8, "局级": 8, "局級": 8,
    "县处级": 6, "縣處級": 6, "处级": 6, "處級": 6, "县级": 6, "縣級": 6,
    "乡科级": 4, "鄉科級": 4, "科级": 4, "科級": 4,
    "股级": 2, "股級": 2,
}  # fmt: skip


@functools.lru_cache(maxsize=1024)
def rank_level(rank: str) -> float | None:
    """Place a rank on the scale (部级 10, 厅局级 8, 处级 6, 科级 4, 股级 2), or None.

    ``正`` keeps the level, ``副`` lowers it by one; "建制" and "规格" suffixes
    are ignored (科级建制 is 科级). Results are cached: a spec uses a handful of ranks.
    """
    text = rank.strip()
    for suffix in ("建制", "规格", "規格"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    deputy = 0.0
    if text.startswith("正"):
        text = text[1:]
    elif text.startswith("副"):
        text, deputy = text[1:], 1.0
    level = _LEVELS.get(text)
    if level is None and not text.endswith(("级", "級")):
        level = _LEVELS.get(text + "级")
    if level is None:
        return None
    return level - deputy


#: the words that join the two ends of a range of ranks: "正科级至副厅级", "副处级到正处级"
_RANGE = re.compile(r"^(.+?)(?:至|到|～|~|—|－|-)(.+)$")


@functools.lru_cache(maxsize=256)
def rank_range(rank: str) -> tuple[float, float] | None:
    """Place a range of ranks ("正科级至副厅级": a unit ranked anywhere between them) on the scale.

    Return ``(lowest, highest)`` when both ends are ranks :func:`rank_level` places, else None. A range is
    on the scale, but the checks compare only single ranks with each other.
    """
    m = _RANGE.match(rank.strip())
    if m is None:
        return None
    ends = (rank_level(m.group(1)), rank_level(m.group(2)))
    if ends[0] is None or ends[1] is None:
        return None
    return min(ends[0], ends[1]), max(ends[0], ends[1])
