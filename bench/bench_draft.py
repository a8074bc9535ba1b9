"""How long ``orgspec draft`` takes on a large document: every corpus text joined up to ~50 KB.

Usage: ``python bench/bench_draft.py [KB]`` (run from the repository root; default 50). The
documents of ``corpus/found/`` (and of the shared corpus when present) are concatenated, in
order, until the text reaches the size asked for; the draft is timed (CPU time of this process,
best of three) and the time printed with the size; then the same for adversarial shapes of that
size (one running list, a list verb repeated, enumerated names, name-led lines, a duty list, quota
breakdowns after 其中, nested parentheses, a group of posts, running duties, each later pass's readers,
the administrative documents' frames and the twelfth pass's news frames).
The issue's bound is one second for 50 KB.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from orgspec.draft import draft

ROOT = Path(__file__).resolve().parent.parent


def _text(size: int) -> str:
    docs = sorted((ROOT / "corpus" / "found").glob("*.txt"))
    shared = ROOT.parent / "shared" / "corpus" / "docs"
    if shared.is_dir():
        docs += sorted(shared.glob("*.txt"))
    out: list[str] = []
    total = 0
    while total < size:
        for doc in docs:
            body = doc.read_text("utf-8").split("\n", 2)[2]
            out.append(body)
            total += len(body.encode("utf-8"))
            if total >= size:
                break
    return "\n".join(out)


def _cjk(i: int) -> str:
    """Write ``i`` digit by digit in Chinese numerals (a name with no Arabic digit)."""
    return "".join("零一二三四五六七八九"[int(d)] for d in str(i))


def _ten(n: int) -> str:
    """Write 1-99 as an enumerator does (一, 十一, 二十三)."""
    tens, ones = divmod(n, 10)
    digits = "零一二三四五六七八九"
    return (digits[tens] if tens > 1 else "") + ("十" if tens else "") + (digits[ones] if ones else "")


def _shapes(size: int) -> dict[str, str]:
    """Adversarial shapes of one size: the patterns the list readers scan, repeated."""
    digits = "一二三四五六七八九十"
    shapes = {
        "one running list": "某局内设" + "、".join(f"第{i}科" for i in range(size // 18)) + "。",
        "list verbs, one line": "设办公室," * (size // 13),
        "lists, one a line": "内设办公室、综合科。\n" * (size // 31),
        "enumerated names": "\n".join(f"({digits[i % 10]})秘书处。负责。" for i in range(size // 27)),
        "name-led lines": "\n".join(f"办公室{i}:负责工作。" for i in range(size // 30)),
        "duty list": "主要职责\n" + "\n".join(f"({i})负责工作{i}。" for i in range(size // 25)),
        "quota breakdowns": "某局\n" + "行政编制5名,其中:办公室5名," * (size // 39),
        "nested breakdown": "核定行政编制74名。其中:" + "信访局12名(" * (size // 18) + ")" * (size // 18),
        "a post group": "处级职数设置为2正5副,即" + "书记1名、" * (size // 13),
        "running duties": "主要职责是" + "负责某项工作。" * (size // 21),
        # the readers of lists of bodies (draft.extract_bodies): names in Chinese numerals, as a body's name is
        "plaque clauses": "省政府设置工作部门。" + "".join(f"{_cjk(i)}局挂{_cjk(i)}办牌子;" for i in range(size // 36)),
        "managed clauses": "设置部门管理机构。"
        + "、".join(f"{_cjk(i)}局" for i in range(size // 16))
        + "由办公厅管理;",
        "a class then bodies": "二、国务院组成部门:\n"
        + "\n".join(f"{_cjk(i)}部:对外保留{_cjk(i)}局牌子。" for i in range(size // 48)),
        "figures per body": "机关行政编制:" + "、".join(f"{_cjk(i)}厅7名" for i in range(size // 20)) + "。",
        "counted units": "林业局现辖"
        + "、".join(f"{_cjk(i)}场" for i in range(size // 14))
        + f"共{size // 14}个单位。",
        "sections and bodies": "某局下设"
        + "、".join(f"{_cjk(i)}办公室" for i in range(size // 40))
        + "。"
        + ";".join(f"{_cjk(i)}办公室挂{_cjk(i)}中心牌子" for i in range(size // 40))
        + "。",
        # the fourth pass's readers (draft.extract_classes, the refusals of draft.extract_running)
        "member lists, no count": "全县设" + "、".join(f"{_cjk(i)}镇" for i in range(size // 18)) + "。",
        "counted classes": "".join(
            f"{_cjk(i)}镇、{_cjk(i)}乡2个乡镇划为一类,每个乡镇定编30人。" for i in range(size // 66)
        ),
        "classes set up": "".join(f"设立{_cjk(i % 9 + 2)}个派出组,每个派出组定编4名。" for i in range(size // 45)),
        "working bodies": "至此,市委工作机构有" + "、".join(f"{_cjk(i)}部" for i in range(size // 18)) + ",共9个。",
        "plaques hung on units": "".join(f"在{_cjk(i)}办公室挂{_cjk(i)}中心牌子," for i in range(size // 45)),
        "figures per unit": "".join(
            f"每个{_cjk(i)}站人员编制6名,全县{_cjk(i)}乡镇行政编制9人。" for i in range(size // 70)
        ),
        "appointments": "".join(f"{_cjk(i)}同志任主任," for i in range(size // 21)),
        "one team, long lists": "".join(
            "、".join(f"{_cjk(i)}{_cjk(j)}中心" for j in range(30))
            + "和县委研究室实行“三块牌子、一套班子”,称县委研究室。"
            for i in range(size // 430)
        ),
        "groups set up": "".join(f"成立了由县长任组长的{_cjk(i)}工作领导小组。" for i in range(size // 60)),
        "dispatching bodies": "派出监督办公室设主任1名。"
        + "".join(f"明确{_cjk(i)}委员会向乡镇派出监督办公室。" for i in range(size // 60)),
        # the fifth pass's readers (quoted counted lists, bodies under a class heading line, concurrent posts)
        "quoted lists": "".join(
            "“" + "、".join(f"{_cjk(i)}{_cjk(j)}办公室" for j in range(12)) + "”12个镇政府工作机构。"
            for i in range(size // 200)
        ),
        "bodies under a class line": "一、党中央各部门\n"
        + "\n".join(f"{_cjk(i)}部(对外加挂{_cjk(i)}局牌子)" for i in range(size // 40)),
        "concurrent appointments": "".join(f"县{_cjk(i)}局局长张某同志兼任办公室主任," for i in range(size // 60)),
        "system totals": "".join(f"{_cjk(i)}系统人员编制核定为76名。" for i in range(size // 45)),
        # a weak list verb before words that are no unit's names: each once scanned up to 800 characters
        # (1.4 s before the first item was checked first)
        "list verbs, no names": "设甲乙、丙丁、" * (size // 21),
        "level lists, no count": "".join(
            "某市设" + "、".join(f"{_cjk(i)}{_cjk(j)}气象局(挂{_cjk(j)}站牌子)" for j in range(8)) + "。"
            for i in range(size // 300)
        ),
        # the sixth pass's readers (a count before its list, its subject; bodies with their leaders)
        "counted before the list": "".join(
            f"改革后,{_cjk(i)}镇党委、政府设下列3个机构,分别为{_cjk(i)}办公室、{_cjk(i)}科、{_cjk(i)}所。"
            for i in range(size // 70)
        ),
        "one long counted list": f"某部包括{size // 12}个司(厅),分别是:"
        + "、".join(f"{_cjk(i)}司" for i in range(size // 18))
        + "。",
        "bodies with their leaders": "一、保留的议事协调机构\n"
        + "".join(f"{i + 1}、市{_cjk(i)}委员会\n主  任:张三\n副主任:李四、王五\n" for i in range(size // 60)),
        # the sixth pass's staffing readers (leaders named, ranges, a staffing paragraph of running text)
        "leaders named": "某镇召开会议。" + "".join(f"党委副书记、镇长王{_cjk(i)}明," for i in range(size // 42)),
        "titles, no names": "某镇召开会议。" + "党委副书记、镇长、人大主席、纪委书记," * (size // 57),
        "quota ranges": "某局\n" + "".join(f"{_cjk(i)}站行政编制20名至25名。" for i in range(size // 45)),
        "a staffing paragraph": "某局是县政府工作部门。某局机关行政编制为12名。"
        + "".join(f"{_cjk(i)}科科长1名," for i in range(size // 30))
        + "。",
        # the seventh pass's readers (bodies a reform text names with their fate; the basis a meeting passed)
        "fates, one a clause": "".join(
            f"组建{_cjk(i)}部,作为国务院组成部门,保留{_cjk(i)}局牌子。不再保留{_cjk(i)}委员会。"
            for i in range(size // 96)
        ),
        "fates, long lists": "".join(
            "撤销" + "、".join(f"{_cjk(i)}{_cjk(j)}局" for j in range(40)) + "。" for i in range(size // 500)
        ),
        "fate verbs, no names": "组建甲乙丙丁戊己庚辛壬癸," * (size // 39),
        "meetings passed": "".join(f"会议审议通过了《{_cjk(i)}报告》," for i in range(size // 54)),
        "class lists by year": "".join(
            f"{_cjk(i)}年,县政府工作部门有" + "、".join(f"{_cjk(i)}{_cjk(j)}局" for j in range(6)) + "。"
            for i in range(size // 140)
        ),
        "numbered bodies, fate heading": "一、保留的议事协调机构\n"
        + "\n".join(f"{i + 1}.县{_cjk(i)}工作领导小组" for i in range(size // 40)),
        # the eighth pass's readers (organisational rules in articles: units, duties, head posts, numbers)
        "articles setting units": "".join(
            f"第{_cjk(i)}條\n本局設下列各科:\n"
            + "".join(f"{_ten(j + 1)}、{_cjk(i)}{_cjk(j)}科:掌理某某事項。\n" for j in range(10))
            for i in range(size // 460)
        ),
        "items run on in one line": "".join(
            "乙部置左列各司 " + " ".join(f"{_ten(j + 1)}、{_cjk(i)}{_cjk(j)}司。" for j in range(99)) + "\n"
            for i in range(size // 2800)
        ),
        "duties of an article's units": "丙部置左列各司。\n一、總務司。\n二、財務司。\n"
        + "總務司掌左列事項。\n"
        + "".join(f"{_ten(j % 99 + 1)}、關於某某事項。\n" for j in range(size // 33)),
        "head posts, one line": "本局置局長一人," + "副局長二人,局長一人或二人," * (size // 40),
        "article numbers": "第\n1 條\n" * (size // 10),
        "what a rule requires": "".join(
            f"第{_cjk(i)}条 方案应当包括下列事项:\n" + "".join(f"({_ten(j + 1)})某某事项;\n" for j in range(9))
            for i in range(size // 220)
        ),
        # the ninth pass's readers (a plan's own title, the subject of a dated first sentence)
        "own plan titles": "".join(f"附件 {_cjk(i)}{_cjk(i + 1)}市机构改革方案(摘要)\n" for i in range(size // 42)),
        "dated subjects": "".join(
            f"3月5日上午,{_cjk(i)}{_cjk(i + 1)}街道办事处两个直属事业单位举行揭牌仪式。\n" for i in range(size // 80)
        ),
        # the tenth pass's readers (a run of bodies one verb sets up, a quotation's duties, counted classes)
        "runs of bodies set up": "".join(
            "组建" + "、".join(f"市{_cjk(i)}{_cjk(j)}局" for j in range(40)) + "。" for i in range(size // 800)
        ),
        "a run that never ends its clause": "组建" + "、".join(f"市{_cjk(j)}局" for j in range(size // 15)) + "两个",
        "quoted duties": "《条例》规定,“市编制委员会的主要职责是:……"
        + "".join(f"({_ten(j % 99 + 1)})审定某某事项[{j}]。" for j in range(size // 40))
        + "”\n",
        "classes a sentence counts": "".join(f"包括{i + 2}个县直{_cjk(i)}部门和单位," for i in range(size // 48))
        + "\n",
        # the eleventh pass (a): names run together, a fate verb and a colon, a rules page's orders, a plan's opening
        "names run together": "".join(
            f"撤销中央人民政府{_cjk(i)}局中央人民政府{_cjk(i + 1)}署\n" for i in range(size // 60)
        ),
        "fate verbs with a colon": "".join(
            "决定撤销:\n" + "".join(f"{j + 1}. 中华人民共和国{_cjk(i)}{_cjk(j)}部\n" for j in range(20))
            for i in range(size // 430)
        ),
        "orders on a rules page": "某局組織規程\n"
        + "".join(
            f"中華民國{i % 90 + 1}年3月9日 某縣政府令({i % 90 + 1}) 府人字第{i:05d}號\n" for i in range(size // 70)
        )
        + "第一條\n本局置局長一人。\n",
        "plan openings": "".join(f"结合实际,制定{_cjk(i)}{_cjk(i + 1)}省机构改革方案。\n" for i in range(size // 60)),
        # the eleventh pass's readers (several bodies' lists in one sentence, duties cleaned of what is no duty)
        "several bodies' lists": "".join(
            f"{_cjk(i)}委设{_cjk(i)}部、{_cjk(i)}处;{_cjk(i)}局设{_cjk(i)}科、{_cjk(i)}股;" for i in range(size // 80)
        )
        + "\n",
        "a clause verb, long lists": "".join(
            f"{_cjk(i)}局设" + "、".join(f"{_cjk(i)}{_cjk(j)}科" for j in range(60)) + ";" for i in range(size // 1000)
        ),
        "duties to clean": "主要职责\n"
        + "\n".join(
            f"({_ten(j % 99 + 1)})审定某某规定(以下简称“规定”),办公室主任由某某兼任。" for j in range(size // 90)
        ),
        # the precision guards (lists that state changes, plaques hung on named units, other units' pools)
        "lists of changes": "".join(
            f"组建{_cjk(i)}局,{_cjk(i)}委改组为{_cjk(i)}委员会、新设{_cjk(i)}办。" for i in range(size // 70)
        ),
        "plaques hung as duties": "内设机构\n(一)办公室。负责。\n"
        + "".join(f"各乡镇在{_cjk(i)}站挂{_cjk(i)}所牌子。\n" for i in range(size // 48)),
        "other units' pools": "某办公室行政编制为63名"
        + "".join(f"、{_cjk(i)}办人员编制3名" for i in range(size // 55))
        + "。其中:"
        + "、".join(f"{_cjk(i)}办主任1名" for i in range(size // 55))
        + "。",
        # shapes13b's readers of descriptive documents (a chronicle's periods, a page's leaders, a 編制表,
        # offices set in articles, lists by class, bare lists)
        "a chronicle's periods": "某县某局\n"
        + "".join(
            f"{1900 + i % 120}年,内设办公室、{_cjk(i)}股、{_cjk(i + 1)}股,编制{i % 90 + 1}人。"
            for i in range(size // 66)
        )
        + "\n",
        "a page's leaders": "某局\n领导信息\n"
        + "".join(f"局长:王某{_cjk(i)},主持全面工作。\n" for i in range(size // 45)),
        "a staffing table": "某局組織規程\n第一條 本局置局長一人。\n職稱 官等 員額\n"
        + "".join(f"{_cjk(i)}課長 薦任 二\n" for i in range(size // 30)),
        "offices in articles": "某局組織規程\n第二條 本局設下列各科:\n一、甲科。\n二、乙科。\n"
        + "".join(f"第{i % 99 + 3}條 本局設{_cjk(i)}室、{_cjk(i)}科,依法辦理某某事項。\n" for i in range(size // 70)),
        "lists by class": "".join(
            f"县委工作机关(3个)\n{_cjk(i)}部、{_cjk(i)}办、{_cjk(i)}局。\n" for i in range(size // 60)
        ),
        "bare lists": "某局\n内设机构\n" + "".join(f"{_cjk(i)}科、{_cjk(i)}室。\n" for i in range(size // 30)),
        # the administrative documents' reader (extract_admin): a 通知's frame over one long list of
        # units and staffing sentences, a 批复's running standing clauses, and a group's member lines
        "an adjusting notice": "甲市人民政府办公室关于调整甲市某局内设机构的通知\n各区:\n"
        + "".join(
            f"{_ten(i % 99 + 1)}、某局内设" + "、".join(f"{_cjk(i)}{_cjk(j)}科" for j in range(20)) + "20个科室。"
            "机关行政编制由28名调整为30名。设局长1名,副局长3名。\n"
            for i in range(size // 430)
        )
        + "甲市人民政府办公室\n2020年3月5日\n",
        "a reply's running text": "乙县编委关于设立乙县某站的批复\n县某局:\n"
        + "同意设立乙县某站,为你局所属股级公益一类事业单位,实行财政全额拨款,核定事业编制5名,设站长1名。" * (size // 150)
        + "\n此复。\n",
        "a group's members": "甲市人民政府关于成立甲市某工作领导小组的通知\n"
        + "".join(f"成  员:{_cjk(i)[:3]}某  市{_cjk(i)}局局长\n" for i in range(size // 40)),
        # the twelfth pass (a): 三定 news read by its frame and the general readers, a series of duties,
        # a gazetteer's entries under the line introducing the units
        "news read twice": "某局“三定”规定印发\n来源:某网 发布时间:2020-01-01\n"
        + "《某局职能配置、内设机构和人员编制规定》印发。\n"
        + "".join(f"某局设{_cjk(i)}科、{_cjk(i)}室,加挂{_cjk(i)}所牌子。\n" for i in range(size // 75)),
        "a series of duties": "某局“三定”规定印发\n《某局职能配置、内设机构和人员编制规定》印发。\n"
        + "某局是某市政府工作部门,主要职责是,"
        + "、".join(f"负责{_cjk(i)}工作" for i in range(size // 25))
        + "等。\n",
        "an untitled request": "县编委:\n我局所属事业单位调整事项请示如下:\n"
        + "".join(
            f"{_ten(i % 99 + 1)}、{_cjk(i)}站更名为{_cjk(i)}中心,为公益一类事业单位。\n" for i in range(size // 70)
        )
        + "特此请示。\n某县某局\n二〇一九年六月十日\n",
        "entries under a list": "第一节 某管理机构\n某局内设机构是:\n"
        + "".join(f"{_cjk(i)}办公室 1993年9月成立,正科级,工作人员{i % 9 + 1}人。\n" for i in range(size // 70)),
        # the thirteenth pass (a): a notice and sentences adjusting groups' members, a heading under a caption
        "an adjusted group's members": "甲市人民政府办公室关于调整甲市某指挥部组成人员的通知\n"
        + "".join(f"副指挥长:{_cjk(i)[:3]}某  市{_cjk(i)}局局长\n" for i in range(size // 45)),
        "groups adjusted in sentences": "".join(
            f"决定对{_cjk(i)}领导小组和{_cjk(i)}委员会、{_cjk(i)}指挥部组成单位和人员进行调整。对{_cjk(i)}工作进行调整。"
            for i in range(size // 150)
        ),
        "a heading under a caption": "机构示意图\n① 某县某局的内设机构\n"
        + "".join(f"({_ten(i % 99 + 1)}){_cjk(i)}科\n负责{_cjk(i)}工作。\n" for i in range(size // 40)),
        # the twelfth pass (b): a gazetteer's entries headed by the unit's name, chains of duties, lists with 以及
        "entries headed by name": "某开发区管委会\n管委会内设机构是:\n"
        + "".join(
            f"{_cjk(i)}处 1993年9月成立,正科级,工作人员{i % 9 + 1}人。负责{_cjk(i)}工作;协助办理{_cjk(i)}事项。\n"
            for i in range(size // 112)
        ),
        "chains of duties": "某局是县政府工作部门。"
        + "".join(f"主要职责是,负责{_cjk(i)}管理、负责{_cjk(i)}监督、承担{_cjk(i)}工作等。" for i in range(size // 92)),
        "counted lists with 以及": "".join(
            f"{_cjk(i)}厅下设3个局级机构:{_cjk(i)}局、研究室、{_cjk(i)}社,以及机关党委;" for i in range(size // 95)
        ),
        # the thirteenth pass (b): lists continued by 部, a court's divisions, 办公厅 after "包括,", exceptions
        "lists continued by 部": "某委员会\n内设机构是:办公室、研究室、"
        + "、".join(f"{_cjk(i)}部" for i in range(size // 18))
        + "。\n",
        "court divisions": "某区人民法院内设机构\n"
        + "".join(
            f"({_ten(i % 99 + 1)}){_cjk(i)}审判第{_ten(i % 9 + 1)}庭\n审理{_cjk(i)}案件。\n" for i in range(size // 60)
        ),
        "ministry lists after a comma": "".join(
            f"{_cjk(i)}部内设机构包括,办公厅、{_cjk(i)}司、{_cjk(i)}局等9个司局。" for i in range(size // 80)
        ),
        "articles with exceptions": "某县政府某局组织规程\n第一条 本局设下列各课:\n一、甲课。\n二、乙课。\n"
        + "".join(
            f"第{_ten(i % 97 + 2)}条 甲课除{_cjk(i)}另有规定外,掌理下列事项:\n一、{_cjk(i)}事项。\n"
            for i in range(size // 90)
        ),
        # review 13: a reply's one clause that never states its count (the count readers' subject opened
        # at every character: cubic), and groups said to be adjusted with no word of their members
        "a reply's clause, no count": "乙县编委关于设立乙县某站的批复\n县某局:\n"
        + "同意设某某科" * (size // 18)
        + "\n此复。\n",
        "groups, no members' word": "对某某领导小组和" * (size // 24),
        "duties under a numbered heading, pinyin injected": "一、主要职责\n(一)某区管委会的主要职责:\n"
        + "".join(f"{i % 99 + 1}.负责{_cjk(i)}规【guī】划工作(y\n" for i in range(size // 30)),
        "numbered sentences and an office placed in the body": "二、机构设置\n"
        + "".join(
            f"({_ten(i % 99 + 1)}){_cjk(i)}包括甲园、乙园。{_cjk(i)}办公室设在某管委会。\n" for i in range(size // 60)
        )
        + "某管委会的主要职责:\n(一)负责规划。\n",
        "leaders named first": "某县统计局\n"
        + "".join(f"王{_cjk(i)[:1]}:某县统计局党组成员、副局长\n" for i in range(size // 40)),
        "office set up under a group": "某县某某工作领导小组下设某某工作办公室(简称县某办),负责日常工作。\n"
        + "县某办的主要职责:\n"
        + "".join(f"({_ten(i % 97 + 1)}){_cjk(i)}组织落实领导小组的决定;\n" for i in range(size // 52)),
        "leaders by name": "领导信息\n"
        + "".join(f"{_cjk(i)}某:某县统计局副局长\n" for i in range(size // 40))
        + "内设机构\n(一)办公室。负责机关日常运转。\n",
        # a line of list words and no list: every trigger's segment was split in full (1.6 s at 50 KB)
        "list words, no list": "某县某局\n" + "内设机构某个" * (size // 18) + "\n",
        # the fifteenth pass (a): a short form of the text's own body, an untitled reply
        "own short forms": "".join(f"某{_cjk(i)}县政府 (以下简称本府) 置县长一人。\n" for i in range(size // 40)),
        "untitled reply": "某县某局:\n你局某〔2022〕5号请示收悉。"
        + "".join(f"同意设立“某{_cjk(i)}中心”," for i in range(size // 30))
        + "社会公益类全民事业单位。\n特此批复。\n",
        "optional groups with posts (得設下列…,置A、副A各一人)": "本局得設下列任務編組:\n"
        + "".join(
            f"{_ten(i % 97 + 1)}、{_cjk(i)}小組:辦理{_cjk(i)}業務,置召集人、副召集人各一人,由局內人員兼任。\n"
            for i in range(size // 50)
        ),
        "units with sub-lists (下設A、B等N股)": "本局設左列各課室:\n"
        + "".join(f"{_ten(i % 97 + 1)}、{_cjk(i)}課:下設人事、庶務、會計等三股。\n" for i in range(size // 30)),
        "head under the body's name (X(以下簡稱本府)置縣長一人)": "".join(
            f"第{_ten(i % 97 + 1)}條 某縣政府(以下簡稱本府)置縣長一人,綜理{_cjk(i)}縣政。\n" for i in range(size // 40)
        ),
    }
    return shapes


def _time(text: str) -> tuple[float, dict[str, object]]:
    best = float("inf")
    report: dict[str, object] = {}
    for _ in range(3):
        start = time.process_time()
        report = draft(text, "bench.txt").report
        best = min(best, time.process_time() - start)
    return best, report


def main() -> int:
    """Time the draft of the corpus joined to the size asked for, and of adversarial shapes; return 0."""
    kb = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    for name, text in {"corpus joined": _text(kb * 1024), **_shapes(kb * 1024)}.items():
        seconds, _ = _time(text)
        size = len(text.encode("utf-8")) / 1024
        print(f"{name}: {size:.0f} KB, {text.count(chr(10)) + 1} lines: {seconds:.3f} s CPU (best of 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
