"""Extract the body itself: name, kind, superior, basis, plaques, hosted offices, history.

Reads the lines before the first heading, the introduction and the history
part. Names the document shortens ("市政府", "市人民政府港澳事务办公室") are
completed with the place from the body's name, and each completion is noted.

Imports: :mod:`orgspec.draft.extract_own`, :mod:`orgspec.draft.facts`, :mod:`orgspec.draft.normalize`,
:mod:`orgspec.draft.segment`, :mod:`orgspec.model`.
"""

from __future__ import annotations

import re

from orgspec.draft.extract_own import event_subject, own_plan
from orgspec.draft.facts import Facts, SectionFacts, Src
from orgspec.draft.normalize import Line, fold
from orgspec.draft.segment import ENUM
from orgspec.model.units import Event, EventKind, Plaque, Relation, RelationKind
from orgspec.model.values import Basis, PartialDate, Ref, UnitKind

__all__ = ["doc_numbers", "extract_head", "unit_set_up_under"]

_DOCNO = re.compile(r"([\u4e00-\u9fff]{1,12})[\[(](\d{4})[\])](\d{1,5})号")  # 赣发(2000)15号 too
_CUT = "会据的和及经于照与即号"  # 号: "发文字号国办发[1986]53号" is 国办发…
_NAME_END = re.compile(r"(办公室|局|委员会|厅|部|委|署|院|中心|办|室|处|所|站|馆|会|队|司|领导小组|工作组|联席会议)$")
#: "一是…二是…三是整合设置政府工作部门": an ordinal's 是 enumerates points of a text, it is no copula
_KIND = re.compile(
    r"(?:为|(?<![一二三四五六七八九十])是|作为)(?:它的|其)?([\u4e00-\u9fff]{0,14}?(?:人民政府|政府|党委|市委|省委|县委|区委|委员会|国务院|党中央|代表大会))?的?"
    r"(工作部门|组成部门|直属特设机构|直属机构|部门管理机构|议事协调机构|派出机构|派出机关|直属事业单位"
    r"|工作机关|职能部门|职能机构|办事机构|工作机构|常设机关"
    r"|直属(?:正|副)?(?:省部|部|厅局|司局|厅|局|县处|处|乡科|科)级事业单位)"
)
_MANAGED_BY = re.compile(r"是([\u4e00-\u9fff]{2,10}?(?:部|委|厅|委员会))(管理的(?:国家|省|市)?局)")
#: "加挂A、B、C牌子", "对外保留X牌子"; "不再保留X牌子" drops a plaque and is not one
_PLAQUE = re.compile(
    r'(?<!不再)(?<!不)(加挂|增挂|对外保留|保留|挂)((?:"[^,。;"()]{2,40}"、){1,6}"[^,。;"()]{2,40}"|"?[^,。;"()]{2,40}?"?)牌子'
)
_HOSTED = re.compile(r"([^,。;]{2,40}?)设在([^,。;]{2,40})")
_RENAME = re.compile(r'(?:由原?)?([^,。;"]{2,40}?)"?更名(?:为"?([^,。;"]{2,40})"?|而成)')
_RANK = re.compile(r"为((?:正|副)?(?:省部|部|厅局|司局|厅|局|县处|处|乡科|科|股)级)")
_DATE = re.compile(r"(\d{4})年(?:(\d{1,2})月)?(?:(\d{1,2})日)?")
_TITLE = re.compile(r"《([^《》]{4,120})》")
_TITLE_AFTER = re.compile(r"([^,。;]{0,30}?关于[^,。;]*?(?:通知|决定|批复|意见|方案))")
_ISSUER_BEFORE = re.compile(r"根据([\u4e00-\u9fff]{2,24}?(?:委员会|人民政府|政府|办公室|办公厅))$")
_BY_TITLE = re.compile(r"根据[^《,。;]{0,30}《([^《》]{4,120})》")
_MORE_TITLES = re.compile(r"(?:(?:、|和|及|以及)[^《》,。;]{0,30})?《([^《》]{4,120})》")
#: "下发了《关于…的实施意见》", "《X职能配置、内设机构和人员编制规定》发布": a document the text reports
_ISSUED = re.compile(
    r"(?:印发|下发|出台|会议(?:审议)?通过|全会(?:审议)?通过|作出)(?:了|的)?《([^《》]{6,80})》|《([^《》]{6,80}规定)\s*》"
    r"(?:已经[^,。《》]{2,30}?(?:批准|同意),?)?(?:现予|现将其?)?(?:正式)?(?:发布|印发|公布)"
)


#: what follows the number of the request a reply answers: "…5号请示收悉", "(…12号)收悉"
_ANSWERED = re.compile(r"[)》]?(?:请示|报告)?[)》]?收悉")


def doc_numbers(line: Line, start: int = 0, end: int | None = None) -> list[Basis]:
    """Return the document numbers (文号) in a line, with the title just before each, if any."""
    stop = len(line.key) if end is None else end
    out = []
    for m in _DOCNO.finditer(line.key, start, stop):
        if _ANSWERED.match(line.key, m.end()):
            continue  # "你局X〔2022〕5号请示收悉": the request a reply answers, no basis of the body
        prefix = m.group(1)
        cut = max(prefix.rfind(c) for c in _CUT)
        if len(prefix) - cut - 1 > 6:
            cut = len(prefix) - 7
        first = m.start(1) + cut + 1
        number = line.text[first : m.end()]
        title = None
        before = line.text[max(0, first - 3) : first]
        t_end = line.text.rfind("》", 0, first)
        if t_end >= 0 and first - t_end <= 3 and "》" in before:
            t_start = line.text.rfind("《", 0, t_end)
            if t_start >= 0:
                title = line.text[t_start + 1 : t_end]
        after = _TITLE_AFTER.match(line.key, m.end(), stop)
        if title is None and after:
            title = line.text[after.start(1) : after.end(1)]
        issuer = None
        if title is not None and 0 < fold(title).find("关于") <= 30:
            issuer = title[: fold(title).find("关于")]
        else:
            by = _ISSUER_BEFORE.search(line.key, max(0, first - 30), first)
            if by:
                issuer = line.text[by.start(1) : by.end(1)]
        out.append(Basis(number=number, title=title, issuer=issuer))
    return out


def titled_bases(line: Line, start: int, end: int, known: list[Basis]) -> list[Basis]:
    """Return the bases a clause names by title only: "根据《…的通知》" with no document number."""
    titles = {b.title for b in known}
    out = []
    found: list[re.Match[str]] = []
    for m in _BY_TITLE.finditer(line.key, start, end):
        run = [m]
        at = m.end()
        # "根据《A》、《B》和…批准的《C》,制定本规定": every title of the list, not only the first
        while (more := _MORE_TITLES.match(line.key, at, end)) is not None:
            run.append(more)
            at = more.end()
        if re.match(r",?[^,。;]{0,16}有以下", line.key[at:end]):
            continue  # "根据《…通知》,国务院有以下六类机构": the source of a description, not a basis
        found += run
    for m in found:
        title = line.text[m.start(1) : m.end(1)]
        if title in titles or _DOCNO.match(line.key, m.end(), min(end, m.end() + 20)):
            continue
        if re.match(r"^[(]?[\u4e00-\u9fff]{0,8}\[", line.key[m.end() : m.end() + 12]):
            continue
        k = fold(title).find("关于")
        out.append(Basis(title=title, issuer=title[:k] if 0 < k <= 30 else None))
    return out


def place_of(name: str) -> dict[str, str]:
    """Return the place prefixes of a body name by level: 鎮江市人民政府… → {'市': '鎮江市'}."""
    found = [(name.find(level), level) for level in "省市县縣区區" if 0 < name.find(level) <= 8]
    if not found:
        return {}
    i, level = min(found)
    return {{"縣": "县", "區": "区"}.get(level, level): name[: i + 1]}


def complete(text: str, places: dict[str, str], notes: list[str]) -> str:
    """Complete a name the document shortens (市政府 → 鎮江市人民政府), noting the completion."""
    if not text or text[0] not in "省市县区" or text[0] not in places:
        return text
    full = places[text[0]] + text[1:]
    for short, long_ in (("政府", "人民政府"),):
        if full[len(places[text[0]]) :].startswith(short):
            full = places[text[0]] + long_ + full[len(places[text[0]]) + len(short) :]
    notes.append(f"'{text}' completed as '{full}' from the body's name")
    return full


def _plaque_key(name: str, places: dict[str, str]) -> str:
    """Return the key under which two writings of one plaque are the same (place and 人民 dropped)."""
    key = fold(name)
    for place in places.values():
        key = key.removeprefix(fold(place))
    return key.replace("人民政府", "政府").lstrip("省市县区")


#: page chrome before a title: a breadcrumb, a publication line
_CHROME = re.compile(
    r"^(?:首页|当前位置|您的位置|您现在的位置)|[>»]|^发布时间|^来源[::]|浏览次数|^【字体|^字号"
    # a law database's header block: "发文机关国务院办公厅", "发文字号国办发[1986]53号", "时效性现行有效"
    r"|^(?:索引号|发布机构|公开方式|目录组配|主题分类|所属机构)"  # a government portal's header
    r"|^[-•·]\s*[\u4e00-\u9fff]{1,8}$|^视频播放位置$"  # a site's menu, a player's placeholder
    r"|^[\u4e00-\u9fff]{2,20}(?:门户网站|政府网|官方网站|网站)$"  # a site's header: "甲市人民政府门户网站"
    r"|^(?:Page|P\.)\s*\d+"  # a printed page's header: "Page 544 - 舟山市志", "P. 544"
    r"|^(?:发文机关|发布机关|制定机关|发文日期|发布日期|成文日期|施行日期|实施日期|时效性|效力级别|发文字号|文号)"
)


#: a media player's chrome run into the title line
_PLAYER = re.compile(r"^(?:视频播放位置)?(?:下载安装)?Flash播放器")


def _title_name(lines: list[Line]) -> Src[str] | None:
    texts = [line for line in lines if line.text][:2]
    if len(texts) == 2 and re.fullmatch(r"[\u4e00-\u9fff]{2,24}", texts[0].key.strip()):
        joined = texts[0].key.strip() + texts[1].key.strip()
        cut = re.search(r"主要职责|职能配置", joined)
        first = texts[0].key.strip()
        if cut is not None and cut.start() > len(first) and not _NAME_END.search(fold(first)):
            # a title split over two lines: "某市人民政府外事" / "办公室主要职责内设机构和人员编制规定"
            name = (texts[0].text.strip() + texts[1].text.strip())[: cut.start()]
            if (
                _NAME_END.search(fold(name))
                and len(name) <= 30
                and not re.search(r"关于|印发|《", joined[: cut.start()])
            ):
                return Src(name, texts[0].no, [f"the title is split over lines {texts[0].no}-{texts[1].no}"])
    for line in lines:
        if line.text and _CHROME.search(line.key):
            continue  # a breadcrumb or a page's date line before the title
        if line.text:
            chapter = re.fullmatch(r"第[一二三四五六七八九十]{1,3}章\s*([\u4e00-\u9fff]{4,30})", line.key.strip())
            if chapter is not None and _NAME_END.search(chapter.group(1)):
                # a gazetteer's chapter: "第一章  中国共产党舟山市委员会"
                at = line.text.find(line.text.strip()) + chapter.start(1)
                return Src(
                    line.text[at : at + len(chapter.group(1))], line.no, ["the name is read from a chapter's title"]
                )
            if ENUM.match(line.key):
                return None  # "(十五)市政务公开办公室": a page that opens mid-list starts with an item, not a title
            chrome = _PLAYER.match(line.key)  # "下载安装Flash播放器中国气象局2011年部门预算"
            skip = chrome.end() if chrome else 0
            key = re.sub(r"(简介)$", "", line.key[skip:]).strip()
            cut = re.search(r"主要职责|职能配置|机构职能|内设机构|机构设置$|三定|\d{4}年度?(?:部门)?(?:预算|决算)", key)
            text = line.text[skip:][: cut.start() if cut else len(key)].strip().rstrip('"“「')  # X“三定”规定
            text = text[text.rfind("的") + 1 :] if cut is None else text  # "民政部承认的X": X
            named = _TITLE_SETS_UP.search(key) or _TITLE_PLAN_OF.search(key)
            if named is not None and (
                _NAME_END.search(named.group(1)) or named.group(1).endswith(("街道", "镇", "乡"))
            ):
                # "…关于成立X领导小组的通知", "关于《X机构改革设置方案》的解读": the body the title sets up
                note = _TITLE_NAME_NOTE
                return Src(line.text[skip:][named.start(1) : named.end(1)], line.no, [note])
            actor = _HEADLINE_ACTOR.match(key)
            if actor is not None and sum(x.key.count(actor.group(1)) for x in lines) >= 2:
                # "康仙莊鎮舉行鄉鎮機構改革…掛牌儀式": the body a news headline opens with, named again below
                note = "the name is read from the subject of the headline, named again in the text"
                return Src(line.text[skip:][: len(actor.group(1))], line.no, [note])
            if re.search(r"关于|印发|通知|恢复|建立|成立|撤销|召开|出台|启动|推进", fold(text)):
                return None  # "…印发X…的通知", a news headline: the name is read in passing (extract_name)
            if _NAME_END.search(fold(text)) and len(text) <= 30 and re.fullmatch(r"[\u4e00-\u9fff()]+", text):
                return Src(text, line.no)
            township = re.fullmatch(r"(?![全各本])[\u4e00-\u9fff]{1,12}(?<!乡)(?:镇|乡|街道)", text)
            if cut is not None and cut.group(0) == "机构设置" and township:
                return Src(text, line.no, ["a township's page: the name is read from its title 'X机构设置'"])
            return None
    return None


#: a news headline that opens with the body: "X镇举行机构改革挂牌仪式"
_HEADLINE_ACTOR = re.compile(
    r"^([\u4e00-\u9fff]{2,12}?(?:镇|鎮|乡|街道|街道办事处|局|委员会|办公室))(?:举行|召开|开展|启动|举办|完成|推进)"
)
_TITLE_NAME_NOTE = "the name is read from the title's '关于成立X' or '《X机构改革…》'"
#: a title that sets up a body: "…关于成立X领导小组的通知"
_TITLE_SETS_UP = re.compile(
    r"关于(?:成立|设立|组建|建立)([\u4e00-\u9fff][\u4e00-\u9fff\d\"]{3,40}?(?:领导小组|委员会|工作组|指挥部|办公室|联席会议))"
    r"(?:制度)?(?:的通知|的决定|的批复)"
)
#: a title about one body's plan: "关于《学士街道机构改革设置方案》的解读"
_TITLE_PLAN_OF = re.compile(r"^关于《([\u4e00-\u9fff]{3,20}?)(?:机构改革|机构设置|职能配置|主要职责)[^《》]{0,20}》")
#: "X(以下简称Y)是…", "决定成立X(以下简称Y)。", "建立X制度(以下简" (a copy cut in the parenthesis); a short
#: form that points at the text's own body ("X (以下简称本府) 置县长一人", "(以下简称本局)隶属…") marks X as that body
#: whatever verb follows
_SHORTENED = re.compile(
    r"([\u4e00-\u9fff][\u4e00-\u9fff\d\"]{2,30}) ?\((?:以下简称|下称|简称)"
    r"(?:[^()]{1,12}\)(?:是|为|,|。)|本(?:府|局|会|委|部|厅|院|署|办|室|处|所|站|中心)\)|[^()]{0,12}$)"
)
#: the verb that sets a body up, before its name: "市政府决定建立X", "经国务院同意,成立X"
_SETS_UP = re.compile(r"(?:保留|设立|成立|组建|设置|新设|建立|特设)")
#: "X领导小组下设办公室(简称…)", "X内设Y(简称…)": a unit set up under another, named by its owner's verb
_UNDER = re.compile(r"[\u4e00-\u9fff]{2}(?:下设|內設|内设|下設)")
_IS = re.compile(r"(?:^|[,。:\"])([\u4e00-\u9fff]{3,24}?)(?:是|为)(?![^,。]{0,3}(?:了|主|准))")


#: "X领导小组由县委书记任组长": the body named as the subject of its leaders' appointment
_LED_BY = re.compile(r"^([\u4e00-\u9fff]{4,30}?(?:领导小组|委员会|工作组))由[^,。;]{2,30}?(?:任|担任)(?:组长|主任)")


def _shortened(lines: list[Line]) -> Src[str] | None:
    """Return the name a text defines with "(以下简称…)" in its first sentences, or None."""
    for i, line in enumerate(lines[:12]):
        m = _SHORTENED.search(line.key)
        name = re.sub(r"制度$", "", m.group(1)) if m else ""  # "建立X联席会议制度": the meeting X
        if m and _UNDER.search(name):
            continue  # "A下设B(简称Y)": B is a unit set up under A, not the body the text is about
        own = m is not None and m.group(0).endswith(")")  # only "(以下简称本府)" ends the match at its ")"
        if own and any(x.key.strip().startswith(name) for x in lines[:i]):
            continue  # "X组织条例" above "X(以下简称本局)隶属…": the rules' title names the body (extract_articles)
        if m and (_NAME_END.search(name) or (own and name.endswith("政府"))):
            note = "the name is read from '(以下简称…)' in the text"
            verbs = list(_SETS_UP.finditer(name))  # "保留X(以下简称Y)", "决定建立X(…)": X
            start = m.start(1) + (verbs[-1].end() if verbs else 0)
            return Src(line.text[start : m.start(1) + len(name)].strip('"“”'), line.no, [note])
    return None


#: a line that is a document's number alone: "穗府办函〔2019〕89号"
_NUMBER_LINE = re.compile(r"^\(?[\u4e00-\u9fff]{1,12}[\[(]\d{4}[\])]\d{1,5}号\)?$")


def _split_title(lines: list[Line]) -> Src[str] | None:
    """Read a title that sets up a body split over two lines: "…关于建立X" / "Y制度的通知" → XY."""
    texts = [x for x in lines if x.text and not _CHROME.search(x.key) and not _NUMBER_LINE.match(x.key.strip())][:2]
    if len(texts) < 2 or "关于" not in texts[0].key or re.search(r"(?:通知|决定|批复)$", texts[0].key.strip()):
        return None
    if not re.search(r"的(?:通知|决定|批复)$", texts[1].key.strip()):
        return None
    first, second = texts[0].text.strip(), texts[1].text.strip()
    joined = fold(first + second)
    m = _TITLE_SETS_UP.search(joined)
    if m is None:
        return None
    note = f"{_TITLE_NAME_NOTE}; the title is split over lines {texts[0].no}-{texts[1].no}"
    return Src((first + second)[m.start(1) : m.end(1)], texts[0].no, [note])


def _name_in_text(lines: list[Line]) -> Src[str] | None:
    """Find the body's name in its first sentences: "X(以下简称Y)是…", "…规定,X是…", "X由…任组长"."""
    for line in lines[:12]:
        led = _LED_BY.match(line.key)
        if led is not None:
            return Src(line.text[: led.end(1)], line.no, ["the name is read from 'X由…任组长'"])
    shortened = _shortened(lines)
    if shortened is not None:
        return shortened
    for line in lines[:12]:
        enum = ENUM.match(line.key)  # "二、 X为国务院直属机构": the item's subject
        off = enum.end() if enum else 0
        for m in _IS.finditer(line.key[off:]):
            name = m.group(1)
            cut = name.rfind("的") + 1  # "民政部承认的X为…": X
            if (
                _NAME_END.search(name[cut:])
                and len(name) - cut >= 3
                and not name.startswith(("其", "该", "本", "这", "此"))
            ):
                text = line.text[off + m.start(1) + cut : off + m.end(1)]
                return Src(text, line.no, ["the name is read from a sentence 'X是…'"])
    for line in lines:
        graded = _GRADED.search(line.key)
        if graded is not None:
            note = "the name is read from 'X正科级行政单位'"
            return Src(line.text[graded.start(1) : graded.end(1)], line.no, [note])
    return None


#: "南县住房和城乡建设局正科级行政单位": a body, its rank and its kind, with or without 是/为
_GRADED = re.compile(
    r"(?:^|[,。:;])([\u4e00-\u9fff]{4,24}?(?:局|厅|委员会|委|办公室|办|中心|院|所|站|部|馆))(?:是|为|系)?"
    r"((?:正|副)?(?:厅|处|县处|科|乡科|股)级)((?:行政|事业|参照公务员法管理的?事业|参公事业)单位)(?=[,。;]|$)"
)


def _title_basis(lines: list[Line], name: Src[str], facts: Facts) -> None:
    """Read the document a title names as a basis: "X办公室关于成立Y的通知" itself, "关于《Z方案》的解读" Z."""
    if _TITLE_NAME_NOTE not in name.notes:
        return
    line = next(x for x in lines if x.no == name.line)
    start = line.text.find(line.text.strip())
    plan = _TITLE_PLAN_OF.search(line.key[start:])
    if plan is not None:
        whole = re.match(r"^关于《([^《》]{4,60})》", line.key[start:])
        if whole is not None:
            title = line.text[start + whole.start(1) : start + whole.end(1)]
            facts.basis.append(Src(Basis(title=title), line.no, ["the plan the title names"]))
        return
    sets_up = _TITLE_SETS_UP.search(line.key[start:])
    if sets_up is not None:
        title = line.text.strip()
        issuer = title[: title.find("关于")] or None
        facts.basis.append(Src(Basis(title=title, issuer=issuer), line.no, ["the notice the title is"]))


_ISSUED_NOTE = "a document the text reports issued: its basis?"


def _issued(lines: list[Line], facts: Facts) -> None:
    """Read the document a news text reports issued as the body's basis (by title), when none is cited.

    Runs before the clauses are read: a basis they read by number (with its title) is kept as well, and
    the same title is not read twice.
    """
    for line in lines:
        m = _ISSUED.search(line.key)
        if m is None:
            continue
        clause = line.key[max(line.key.rfind(c, 0, m.start()) for c in "。;") + 1 : m.start()]
        if "根据" in clause:
            continue  # "根据…审议通过的《X》": a citation, read with the clauses (a basis named by title)
        group = 1 if m.group(1) else 2
        title = line.text[m.start(group) : m.end(group)]
        if re.search(r"规定|方案|意见|决定|通知|办法", fold(title)):
            facts.basis.append(Src(Basis(title=title), line.no, [_ISSUED_NOTE]))
            facts.used.add(line.no)
            return


def _date(m: re.Match[str]) -> PartialDate | None:
    try:
        month = int(m.group(2)) if m.group(2) else None
        day = int(m.group(3)) if m.group(3) and month else None
        return PartialDate(year=int(m.group(1)), month=month, day=day)
    except ValueError:
        return None


def _clauses(line: Line) -> list[tuple[int, int, PartialDate | None]]:
    """Split a line at each date that opens a clause: (start, end, date)."""
    starts = [
        m for m in _DATE.finditer(line.key) if m.start() == 0 or line.key[m.start() - 1] in "。;," or m.start() < 4
    ]
    if not starts:
        return [(0, len(line.key), None)]
    out: list[tuple[int, int, PartialDate | None]] = []
    if starts[0].start() > 0:
        out.append((0, starts[0].start(), None))
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(line.key)
        out.append((m.start(), end, _date(m)))
    return out


def extract_head(lines: list[Line], history: list[Line], facts: Facts) -> None:
    """Read the body's name, kind, superior, basis, plaques, hosted offices and dated history."""
    facts.name = _title_name(lines) or _split_title(lines)
    if facts.name is not None:
        facts.used.add(facts.name.line)
        _title_basis(lines, facts.name, facts)
        shortened = _shortened(lines) if any(_TITLE_NAME_NOTE in n for n in facts.name.notes) else None
        if (
            shortened is not None
            and shortened.value != facts.name.value
            and (fold(shortened.value)[-2:] == fold(facts.name.value)[-2:])
        ):
            # the notice defines the body's name in its text ("建立X(以下简称…)"): that name, the title's noted
            facts.name = Src(
                shortened.value, shortened.line, [*shortened.notes, f"the title reads '{facts.name.value}'"]
            )
    for line in lines[:4]:
        skip = ENUM.match(line.key)
        at = skip.end() if skip else 0
        m = re.match(r"^([\u4e00-\u9fff]{4,30}?)(?:,)?(?:是|为)", line.key[at:])
        cut = m.group(1).rfind("的") + 1 if m else 0  # "民政部门认定的X为…": X
        if m and _NAME_END.search(m.group(1)) and len(m.group(1)) - cut >= 3:
            name = line.text[at + cut : at + m.end(1)]
            if facts.name is None or (name != facts.name.value and len(name) >= len(facts.name.value)):
                notes = [f"the title reads '{facts.name.value}'"] if facts.name else []
                facts.name = Src(name, line.no, notes)
            facts.used.add(line.no)
            break
    if facts.name is None:
        facts.name = _name_in_text(lines)
    _own(lines, facts)
    if facts.name is not None:
        facts.used.add(facts.name.line)
        verb = re.search(r"(?:决定)?(?:成立|设立|组建)", fold(facts.name.value))
        if verb is not None and len(facts.name.value) - verb.end() >= 4:
            # "市政府决定成立X领导小组为…": the body is what is set up, not the sentence's subject
            cut = facts.name.value[verb.end() :]
            facts.name = Src(cut, facts.name.line, [*facts.name.notes, "the words before the verb are cut off"])
    places = place_of(facts.name.value) if facts.name else {}
    seen_plaques: set[str] = set()
    _issued(lines, facts)
    for line in [*lines, *history]:
        in_history = line in history
        for start, end, date in _clauses(line):
            _clause(line, start, end, date, in_history, places, seen_plaques, facts)
    _title_with_number(facts)
    if any(b.value.number and not b.value.title for b in facts.basis):
        # "国办发[2008]60号" then "《X规定》已经国务院批准,现予印发": the notice's number stands for what it issues
        facts.basis = [b for b in facts.basis if _ISSUED_NOTE not in b.notes]


def _own(lines: list[Line], facts: Facts) -> None:
    """Read the text's own title as its basis, and its body from its title or its subject (extract_own)."""
    own = own_plan([x for x in lines if not _CHROME.search(x.key)])
    if own is not None:
        basis, named = own
        if basis.value.title not in {b.value.title for b in facts.basis}:
            facts.basis.append(basis)
            facts.used.add(basis.line)
        if facts.name is None and named is not None:
            facts.name = named
    if facts.name is None:
        facts.name = event_subject(lines)


#: the words of a document that sets up or organises bodies; a title with none of them is no body's basis
ORGANISATIONAL = re.compile(
    r"机构|编制|职能|职责|组织|设置|设立|成立|组建|三定|体制|机关|派出|领导小组|办事处|更名|撤销|合并|牌子|挂牌|事业单位|改革方案|改革实施"
)
#: a plaque named by a pronoun: "在X加挂该机构牌子"
_PRONOUN = re.compile(r"(?:该|此|其|这|本)(?:机构|单位|局|中心|办公室|办|委员会|所|站|牌子|名称)?")
#: a sentence that is a unit's name alone, after an enumerator: "(1)中卫市防雷减灾管理局。"
_BARE_NAME = re.compile(r"(?:\(\d{1,2}\)|\d{1,2}[.、]|\([一二三四五六七八九十]{1,3}\))?\s*([\u4e00-\u9fff]{3,30})")


def _named_before(line: Line, at: int) -> str | None:
    """Return the name the sentence before ``at`` gives alone ("(1)X。"), if it ends like a unit's name."""
    end = line.key.rfind("。", 0, at)
    if end < 0:
        return None
    begin = max(line.key.rfind(c, 0, end) for c in "。;:") + 1
    m = _BARE_NAME.fullmatch(line.key, begin, end)
    if m is None or not _NAME_END.search(m.group(1)):
        return None
    return line.text[m.start(1) : m.end(1)]


def _clause(  # noqa: PLR0917
    line: Line,
    start: int,
    end: int,
    date: PartialDate | None,
    in_history: bool,
    places: dict[str, str],
    seen_plaques: set[str],
    facts: Facts,
) -> None:
    """Read one clause of the head or the history (a dated clause gives events)."""
    seg = line.key[start:end]
    text = line.text[start:end]
    bases = doc_numbers(line, start, end)
    bases += titled_bases(line, start, end, bases)
    dated = date is not None
    events: list[tuple[int, Event]] = []
    for b in bases:
        if b.number and b.title:  # the same document read by its title alone before (_issued): keep one
            facts.basis = [x for x in facts.basis if x.value.number or x.value.title != b.title]
        if b.title and not ORGANISATIONAL.search(fold(b.title)):
            # "根据《关于全面推进预算绩效管理的意见》(湘政发〔2012〕33号)": a report's basis, not the body's
            facts.note(line.no, "doubt", f"'{b.title}' is not about the organisation of a body: no basis drafted")
            continue
        if not dated and (b.number, b.title) not in {(x.value.number, x.value.title) for x in facts.basis}:
            notes = [] if b.number else ["a basis named by title only"]
            facts.basis.append(Src(b, line.no, notes))
            facts.used.add(line.no)
    m = _KIND.search(seg)
    if m and (not dated or facts.kind_label is None):
        kind_notes: list[str] = []
        if m.group(1):
            sup = complete(text[m.start(1) : m.end(1)], places, kind_notes)
            sup = re.sub(r"^.*(?:成立|设立|批准|組建|组建)的", "", sup) or sup  # "X国务院成立的国务院…机构"
            facts.superior = Src(sup, line.no, kind_notes)
        facts.kind_label = Src(text[m.start(2) : m.end(2)], line.no)
        facts.used.add(line.no)
    managed = _MANAGED_BY.search(seg)
    if managed and facts.kind_label is None and not dated:
        # "X是自然资源部管理的国家局": a bureau administered by a ministry, its superior that ministry
        facts.kind_label = Src(text[managed.start(1) : managed.end(2)], line.no)
        facts.superior = facts.superior or Src(text[managed.start(1) : managed.end(1)], line.no)
        facts.used.add(line.no)
    founding = dated and "设立" in seg and "更名" not in seg
    clause_plaque = None
    r = _RANK.search(seg)
    if r and not dated and facts.rank is None:
        facts.rank = Src(text[r.start(1) : r.end(1)], line.no)
        facts.used.add(line.no)
    graded = _GRADED.search(seg)
    if graded and not dated and facts.name is not None and fold(facts.name.value) == graded.group(1):
        facts.rank = facts.rank or Src(text[graded.start(2) : graded.end(2)], line.no)
        facts.kind_label = facts.kind_label or Src(text[graded.start(3) : graded.end(3)], line.no)
        facts.used.add(line.no)
    hung = [
        (m, piece.strip('"“”「」'))
        for m in _PLAQUE.finditer(seg)
        if not (m.start() > 0 and seg[m.start() - 1] == "(" and ENUM.match(line.key))  # a listed unit's plaque
        for piece in re.split(r"[、,]", text[m.start(2) : m.end(2)])  # 加挂A、B、C牌子: three plaques
        if len(piece.strip('"“”「」')) >= 2
    ]
    for m, written in hung:
        before = seg[max(seg.rfind(c, 0, m.start()) for c in "(。;") + 1 : m.start()]
        if re.search(r"(?:至|到)\d{4}年|仍(?:对外)?$", before):
            # "(至1966年底,对外仍挂分社牌子)": a plaque the body kept for a time, not one it carries
            facts.note(
                line.no,
                "doubt",
                f"'{written}' is a plaque kept for a time ('{text[m.start() : m.end()]}'), not drafted",
            )
            facts.used.add(line.no)
            continue
        notes = []
        name = written
        if _PRONOUN.fullmatch(fold(written)):
            # "(1)X。在Y加挂该机构牌子": the plaque is the name the sentence before gives, else a note
            prior = _named_before(line, start + m.start())
            if prior is None:
                facts.note(line.no, "doubt", f"'{written}' names no plaque the drafter can read: not drafted")
                facts.used.add(line.no)
                continue
            notes.append(f"'{written}' read as '{prior}', the name the sentence before gives")
            name = prior
        if re.match(r"^[省市县区]人民政府", fold(name)):
            name = complete(name, places, notes)
        form = text[m.start(1) : m.end(1)]
        if founding:
            clause_plaque = name
        elif dated or in_history:
            events.append((m.start(), Event(kind=EventKind.PLAQUE_ADDED, date=date, plaque=name, basis=tuple(bases))))
        key = _plaque_key(name, places)
        if key in seen_plaques:
            if name not in {p.value.name for p in facts.plaques}:
                same = [p for p in facts.plaques if _plaque_key(p.value.name, places) == key]
                same[0].notes.append(f"line {line.no} writes the same plaque as '{name}'")
        else:
            seen_plaques.add(key)
            if dated:
                notes.append("the plaque is read from a dated line of the history")
            facts.plaques.append(Src(Plaque(name=name, form=form), line.no, notes))
        facts.used.add(line.no)
    for m in _HOSTED.finditer(seg):
        if re.search(r"[和及、]$", m.group(1)) or "的" in m.group(2):
            continue  # "A、B和设在Y的C实行…": an attribute of C, not a unit set in this body
        guest = re.sub(r"^.*》的通知[,]?", "", text[m.start(1) : m.end(1)].lstrip(","))
        guest = guest.rsplit("|", 1)[-1].strip().rstrip("(")  # an infobox row: "办事机构 | X(设在Y)"
        host = text[m.start(2) : m.end(2)].split("|")[0].strip().rstrip(")")
        short = re.search(r"\((?:以下简称|以下簡稱|下称|简称|簡稱)([^()]{1,16})\)$", guest)
        guest = guest[: short.start()] if short else guest  # "X(以下简称Y)设在Z": X, short form Y
        enum = ENUM.match(fold(guest))
        guest = guest[enum.end() :] if enum else guest  # "三、 X设在Y": the item's subject
        if facts.name is not None and fold(guest) == fold(facts.name.value):
            # the body itself is set in another: "X设在水电部,党政工作由水电部负责"
            relation = Relation(kind=RelationKind.HOSTED_IN, target=Ref(target=host, by="external"))
            facts.relations.append(Src(relation, line.no, [f"the body is set in '{host}'"]))
            facts.used.add(line.no)
            continue
        target = Ref(target=guest, by="external")
        notes = [f"'{guest}' is set in '{host}', read as this body"]
        if short:
            notes.append(f"its short form is '{short.group(1)}'")
        facts.relations.append(Src(Relation(kind=RelationKind.HOSTS, target=target, since=date), line.no, notes))
        if dated:
            events.append((m.start(), Event(kind=EventKind.HOSTED, date=date, target=target, basis=tuple(bases))))
        facts.used.add(line.no)
    for m in _RENAME.finditer(seg):
        before = text[m.start(1) : m.end(1)]
        before = re.sub(r"^.*(?:机构改革|機構改革|通知|号|號)[》,]?", "", before) or before
        before = re.sub(r"^由?原?", "", before)
        after = text[m.start(2) : m.end(2)] if m.group(2) else (facts.name.value if facts.name else None)
        when = date
        if when is None:
            dm = _DATE.search(seg)
            when = _date(dm) if dm else None
        event = Event(kind=EventKind.RENAMED, date=when, before=before, after=after, basis=tuple(bases))
        events.append((m.start(), event))
        facts.used.add(line.no)
    if founding:
        kind = EventKind.REESTABLISHED if facts.history else EventKind.ESTABLISHED
        events.append((seg.find("设立"), Event(kind=kind, date=date, plaque=clause_plaque, basis=tuple(bases))))
        facts.used.add(line.no)
    lead = _DATE.match(text)
    said = (text[lead.end() :] if lead else text).strip(",")
    for _, event in sorted(events, key=lambda pe: pe[0]):
        facts.history.append(Src(event.model_copy(update={"notes": (said,)}), line.no))


def _title_with_number(facts: Facts) -> None:
    """Make one basis of a notice's title and its number on the next line: one document, not two.

    "国务院办公厅关于成立X的通知" then "国办函〔2022〕33号": the number a line of its own under the title
    is that notice's; the basis keeps the number, the title and the issuer.
    """
    titled = next((b for b in facts.basis if "the notice the title is" in b.notes and not b.value.number), None)
    if titled is None:
        return
    numbered = [b for b in facts.basis if b.value.number and not b.value.title and b.line == titled.line + 1]
    if len(numbered) != 1:
        return
    number = numbered[0]
    number.value = number.value.model_copy(update={"title": titled.value.title, "issuer": titled.value.issuer})
    number.notes.append("the number under the notice's title: that notice")
    facts.basis.remove(titled)


#: "X下设Y(简称Z)" in the text's first sentences: the owner X, the unit Y, its short form Z
_SET_UP_UNDER = re.compile(
    r"([\u4e00-\u9fff]{4,30}?(?:领导小组|領導小組|委员会|委員會|工作组|工作組|指挥部|指揮部))(?:下设|下設|内设|內設)"
    r"([\u4e00-\u9fff]{2,20}?)\((?:以下简称|以下簡稱|简称|簡稱|下称|下稱)([^()]{1,12})\)"
)
#: a duties heading naming its owner: "县河长办的主要职责:"
_DUTIES_OF = re.compile(r"^([\u4e00-\u9fff]{2,20}?)(?:的)?(?:主要职责|主要職責|职责|職責)(?:是|為|为)?:?$")


def unit_set_up_under(lines: list[Line], facts: Facts) -> None:
    """Read "A领导小组下设B(简称Z)" on a page that names no body: A and B are units, B has Z's duties.

    A text that names no body of its own ("A领导小组下设办公室(简称A办)… A办的主要职责:") is about the
    office a group sets up: the group is a unit (a coordinating body) beside the office, and the duties its
    heading names by the office's name or short form are the office's, not the body's.
    """
    if facts.name is not None:
        return
    for line in lines[:12]:
        m = _SET_UP_UNDER.search(line.key)
        if m is None:
            continue
        unit = next((s for s in facts.sections if fold(s.name) == fold(m.group(2))), None)
        if unit is None:
            return
        if not any(fold(s.name) == fold(m.group(1)) for s in facts.sections):
            group = SectionFacts(line.text[m.start(1) : m.end(1)], line.no, kind=UnitKind.COORDINATING_BODY)
            group.notes.append(f"the group '{m.group(0)}' sets the office up: read as a unit beside it")
            facts.sections.insert(facts.sections.index(unit), group)
        if not facts.duties:
            return
        first = min(d.line for d in facts.duties)
        heading = next((x.key for x in lines if x.no == first - 1), "")
        owner = _DUTIES_OF.match(heading.strip())
        if owner is None or fold(owner.group(1)) not in {fold(m.group(2)), fold(m.group(3))}:
            return
        unit.duties, facts.duties = facts.duties, []
        unit.notes.append(f"the duties under '{heading.strip()}' read as this unit's (set up as '{m.group(0)}')")
        return
