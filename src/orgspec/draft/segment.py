"""Segment a document into parts by its headings: head, duties, sections, staffing, history and others.

A heading is a short line whose words (after an enumerator such as ``一、``
and before a colon) are one of the known part names. Lines before the first
heading form the ``head`` part; lines after an unknown heading form an
``other`` part that the extractors skip (and the report lists).

Imports: :mod:`orgspec.draft.normalize`, the standard library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orgspec.draft.normalize import Line

__all__ = ["ENUM", "Part", "enum_style", "heading_kind", "is_contents", "segment"]

#: An enumerator at the start of a line: 一、 (一) (1) 1. 1、 第一条
ENUM = re.compile(
    r"^(?:\(([一二三四五六七八九十百零〇两\d]{1,4})\)|([一二三四五六七八九十百零〇两]{1,4})[、.]|(\d{1,3})[、.](?!\d)|第([一二三四五六七八九十百零〇两\d]{1,4})[条章节部分])\s*"
)

_HEADINGS: dict[str, tuple[str, ...]] = {
    "duties": (
        "主要职责",
        "职责",
        "主要职能",
        "职能",
        "机构职能",
        "工作职责",
        "部门职责",
        "单位职责",
        "主要职能职责",
        "主要工作职责",
        "主要工作职能",
    ),
    "changes": ("职能转变", "职责调整", "职能调整", "职责划转"),
    "sections": ("内设机构", "机构设置", "内设机构及职责", "内设机构和职责", "科室设置", "处室设置"),
    "staffing": (
        "人员编制",
        "编制",
        "人员编制和领导职数",
        "编制和领导职数",
        "人员编制及领导职数",
        "领导职数",
        "人员编制与领导职数",
    ),
    "institutions": ("所属事业单位", "直属事业单位", "事业单位", "下属单位", "直属单位"),
    "history": ("历史沿革", "沿革", "机构沿革"),
    "intro": ("机构简介", "简介", "单位简介", "基本情况", "概况"),
    "other": (
        "相关词条",
        "相关搜寻",
        "相关搜索",
        "热门词条",
        "联络我们",
        "联系我们",
        "获得荣誉",
        "通信地址",
        "免责声明",
        "其他事项",
        "附则",
        "领导信息",
        "现任领导",
        "参考资料",
        "联系方式",
        "领导班子",
    ),
}
_BY_WORDS = {words: kind for kind, all_words in _HEADINGS.items() for words in all_words}


#: "街道七项职能", "局机关主要职责": a heading of the duties that names whose they are or how many
_DUTIES_HEADING = re.compile(r"[\u4e00-\u9fff]{1,8}?[一二三四五六七八九十\d]{1,3}项(?:主要)?(?:职能|职责)")


def heading_kind(line: Line) -> str | None:
    """Return the part a heading line opens, or None when the line is not a heading."""
    key = ENUM.sub("", line.key).strip().rstrip(":").strip()
    if key.startswith("[") and key.endswith("]"):
        key = key[1:-1].strip()  # a web page's bracketed heading: 【领导信息】
    if len(key) > 12:
        return None
    if key not in _BY_WORDS and _DUTIES_HEADING.fullmatch(key):
        return "duties"
    if key not in _BY_WORDS and re.fullmatch(r"[\u4e00-\u9fff]{1,8}?(?:所属|下属)事业单位", key):
        return "institutions"  # "庚镇所属事业单位:" (a township page; 直属 lists bodies)
    return _BY_WORDS.get(key)


@dataclass
class Part:
    """A run of lines under one heading."""

    kind: str
    heading: Line | None
    lines: list[Line] = field(default_factory=list)


def is_contents(line: Line) -> bool:
    """Return True for a table of contents: "历史沿革,主要职责,内设机构,"."""
    pieces = [p for p in re.split(r"[,、;\s]+", line.key) if p]
    return len(pieces) >= 2 and all(p in _BY_WORDS for p in pieces)


def enum_style(line: Line) -> str | None:
    """Return the style of a line's enumerator: paren (一), comma 一、, digit 1., article 第一条."""
    m = ENUM.match(line.key)
    if not m:
        return None
    return ("paren", "comma", "digit", "article")[next(i for i, g in enumerate(m.groups()) if g is not None)]


_OPENS_DUTIES = re.compile(r"(?:主要职责|职责|主要职能|主要任务|任务)(?:是|为|如下)?:$")
_OPENS_SECTIONS = re.compile(r"(?:内设机构|职能处室|处室|科室|股室|职能科室|下设机构)[^。]{0,20}:$")


def _inline_kind(line: Line) -> tuple[str, bool] | None:
    """Return (part, keep the line in the new part) for a line that opens a part without a heading.

    A paragraph ending "主要职责是:" opens the duty list; one ending "设下列内设机构:" or
    "设6个内设机构(科级建制):" opens the sections. An article (第三条 …) is classed by its
    words: staffing (编制, 职数), closing provisions (本规定, 施行), or the head.
    """
    key = ENUM.sub("", line.key).strip()
    if _OPENS_DUTIES.search(key):
        return "duties", False
    if _OPENS_SECTIONS.search(key) and not re.search(r"人员编制规定(?:如下)?:$", key):
        # "其职能配置、内设机构和人员编制规定如下:" opens the whole regulation, not its sections
        return "sections", True
    if enum_style(line) == "article":
        if re.search(r"本规定(?:由|自)|起施行|负责解释", key):
            return "other", True
        if re.search(r"编制|职数", key):
            return "staffing", True
        return "head", True
    return None


_HEADING_THEN_ITEM = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、)?\s*([\u4e00-\u9fff]{2,10}?):?\s*(?=\(一\)|1[.、])")


def _split_heading(line: Line) -> tuple[Line, Line] | None:
    """Split "一、主要职责(一)按照…" (a heading run into its first item) into the heading and the item."""
    m = _HEADING_THEN_ITEM.match(line.key)
    if not m or m.group(1) not in _BY_WORDS or _BY_WORDS[m.group(1)] == "other":
        return None
    cut = m.end()
    return Line(line.no, line.text[:cut].rstrip(), line.key[:cut].rstrip()), Line(
        line.no, line.text[cut:], line.key[cut:]
    )


_SHORT_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}、\s*[\u4e00-\u9fff]{2,10}$")


def _unknown_heading(line: Line, part: Part) -> bool:
    """Return True for "二、组成人员" after a "一、主要职责" heading: a heading of a part the reader does not know."""
    if _SHORT_HEADING.match(line.key) is None or heading_kind(line) is not None:
        return False
    if part.heading is not None and enum_style(part.heading) == "comma":
        return True
    # "街道七项职能" then "01、…" … "07、…": the duties numbered otherwise end at "二、调整街道机构设置"
    return part.kind == "duties" and bool(part.lines) and enum_style(part.lines[0]) not in (None, "comma")


def _intro_under_duties(part: Part) -> bool:
    """Return True for a duties heading (机构职能) over unnumbered sentences only: an introduction."""
    return part.kind == "duties" and bool(part.lines) and all(enum_style(x) is None for x in part.lines)


def segment(lines: list[Line]) -> list[Part]:
    """Split non-empty lines into parts by their headings, in document order."""
    parts = [Part("head", None)]
    for line in lines:
        if not line.text:
            continue
        split = _split_heading(line)
        if split is not None:
            kind = heading_kind(split[0])
            assert kind is not None
            parts.append(Part(kind, split[0], [split[1]]))
            continue
        kind = heading_kind(line)
        if kind == "duties" and _intro_under_duties(parts[-1]):
            parts[-1].kind = "intro"  # 【机构职能】 over an introduction, then 主要职责 and the list
        if kind is not None:
            parts.append(Part(kind, line))
            continue
        if _unknown_heading(line, parts[-1]):
            parts.append(Part("unknown", line))  # read by the running-text readers only
            continue
        inline = _inline_kind(line)
        if inline is not None and inline[0] == "duties" and _intro_under_duties(parts[-1]):
            parts[-1].kind = "intro"  # 【机构职能】 over an introduction, then "主要职责:" and the list
        if inline is not None and inline[0] == "duties" and parts[-1].kind not in ("head", "intro"):
            inline = None
        if inline is None:
            parts[-1].lines.append(line)
        elif inline[0] == "other":
            parts.append(Part("other", line))
        elif inline[1]:
            parts.append(Part(inline[0], None, [line]))
        else:
            parts[-1].lines.append(line)
            parts.append(Part(inline[0], None))
    for part in parts:
        # a notice's "其他事项" that sets up the group's office ("办公室设在民政部", "主任由…兼任") is read
        heading = part.heading.key if part.heading is not None else ""
        if part.kind != "other" or "其他事项" not in heading:
            continue
        if any(re.search(r"(?:为|是)[^,。]{0,30}事业单位", x.key) for x in part.lines):
            part.kind = "institutions"  # "(一)市社会福利院为市民政局所属公益一类事业单位,核定事业编制20名"
        elif any(re.search("设在|兼任", x.key) for x in part.lines):
            part.kind = "unknown"
    return [p for p in parts if p.lines or p.heading is not None]
