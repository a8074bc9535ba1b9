"""Generate realistic synthetic orgspec corpora for the benchmark.

A corpus is a set of bodies the way a national collection of 三定 plans looks:
each body (an office, bureau or commission of a province, prefecture or
county) has a kind, a rank, a superior, the documents that decided it, a
plaque, numbered duties, 5-12 internal sections (some with plaques, two
sharing one duty list, one set per regulations), quotas with parts,
leadership posts with a post group, and a dated history of renames and
plaques. Every generated spec checks clean (no errors, no warnings).

Units are counted as the model counts them: a body and each of its sections.

    python bench/generate.py --units 10000 --out /tmp/corpus10k            # many files
    python bench/generate.py --units 10000 --single --out /tmp/c10k.orgspec  # one file

The output is deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

#: About this many units per file in the many-files layout (a county's batch of bodies).
UNITS_PER_FILE = 40

_PROVINCES = [
    "江苏省",
    "浙江省",
    "江西省",
    "湖南省",
    "广东省",
    "四川省",
    "河北省",
    "山东省",
    "河南省",
    "湖北省",
    "福建省",
    "安徽省",
    "陕西省",
    "甘肃省",
    "云南省",
    "贵州省",
    "辽宁省",
    "吉林省",
    "山西省",
    "海南省",
]
_CITIES = [
    "镇江市",
    "徐州市",
    "南昌市",
    "衡阳市",
    "苏州市",
    "无锡市",
    "常州市",
    "扬州市",
    "泰州市",
    "南通市",
    "赣州市",
    "九江市",
    "株洲市",
    "湘潭市",
    "岳阳市",
    "绵阳市",
    "德阳市",
    "保定市",
    "邯郸市",
    "洛阳市",
    "开封市",
    "宜昌市",
    "襄阳市",
    "泉州市",
    "漳州市",
    "芜湖市",
    "宝鸡市",
    "曲靖市",
    "遵义市",
    "鞍山市",
]
_COUNTIES = [
    "丹阳",
    "句容",
    "扬中",
    "沛县",
    "丰县",
    "睢宁",
    "新建",
    "进贤",
    "安义",
    "衡山",
    "衡东",
    "祁东",
    "昆山",
    "江阴",
    "宜兴",
    "溧阳",
    "高邮",
    "仪征",
    "兴化",
    "靖江",
    "海门",
    "启东",
    "瑞金",
    "南康",
    "修水",
    "永修",
    "醴陵",
    "攸县",
    "湘乡",
    "韶山",
    "平江",
    "汨罗",
    "江油",
    "三台",
    "广汉",
    "什邡",
]
_CHARS = "安宁和平东西南北中新华兴光明长乐永丰德顺吉祥泰康福寿文武仁义礼智信高山青云清河白石金玉"

#: Body types: (name, short name for ids, kind label, leader title, deputy title).
_BODIES = [
    ("人民政府办公室", "gov", "工作部门", "主任", "副主任"),
    ("发展和改革委员会", "fgw", "组成部门", "主任", "副主任"),
    ("教育局", "jyj", "组成部门", "局长", "副局长"),
    ("科学技术局", "kjj", "组成部门", "局长", "副局长"),
    ("工业和信息化局", "gxj", "组成部门", "局长", "副局长"),
    ("公安局", "gaj", "组成部门", "局长", "副局长"),
    ("民政局", "mzj", "组成部门", "局长", "副局长"),
    ("司法局", "sfj", "组成部门", "局长", "副局长"),
    ("财政局", "czj", "组成部门", "局长", "副局长"),
    ("人力资源和社会保障局", "rsj", "组成部门", "局长", "副局长"),
    ("自然资源和规划局", "zrj", "组成部门", "局长", "副局长"),
    ("生态环境局", "sthj", "组成部门", "局长", "副局长"),
    ("住房和城乡建设局", "zjj", "组成部门", "局长", "副局长"),
    ("交通运输局", "jtj", "组成部门", "局长", "副局长"),
    ("水利局", "slj", "组成部门", "局长", "副局长"),
    ("农业农村局", "nyj", "组成部门", "局长", "副局长"),
    ("商务局", "swj", "组成部门", "局长", "副局长"),
    ("文化广电和旅游局", "wlj", "组成部门", "局长", "副局长"),
    ("卫生健康委员会", "wjw", "组成部门", "主任", "副主任"),
    ("退役军人事务局", "tyj", "组成部门", "局长", "副局长"),
    ("应急管理局", "yjj", "组成部门", "局长", "副局长"),
    ("审计局", "sjj", "组成部门", "局长", "副局长"),
    ("人民政府外事办公室", "wb", "工作部门", "主任", "副主任"),
    ("市场监督管理局", "scj", "直属机构", "局长", "副局长"),
    ("统计局", "tjj", "直属机构", "局长", "副局长"),
    ("医疗保障局", "ybj", "直属机构", "局长", "副局长"),
    ("机关事务管理局", "jgj", "直属机构", "局长", "副局长"),
    ("信访局", "xfj", "部门管理机构", "局长", "副局长"),
    ("数据局", "sjuj", "直属机构", "局长", "副局长"),
    ("林业局", "lyj", "部门管理机构", "局长", "副局长"),
]
_PLAQUES = [
    "港澳事务办公室",
    "知识产权局",
    "地震局",
    "物价局",
    "外国专家局",
    "粮食和物资储备局",
    "国防动员办公室",
    "侨务办公室",
    "人民防空办公室",
    "文物局",
    "版权局",
    "乡村振兴局",
    "金融工作局",
    "口岸办公室",
]
_SECTIONS = [
    "办公室",
    "政策法规科",
    "人事科",
    "财务审计科",
    "综合规划科",
    "行政审批科",
    "安全监管科",
    "信息化科",
    "宣传教育科",
    "督查考核科",
    "项目管理科",
    "对外联络科",
    "统计分析科",
    "改革协调科",
    "社会事务科",
    "产业发展科",
    "基础设施科",
    "资源环境科",
    "科技合作科",
    "市场监管科",
    "法制督察科",
    "应急保障科",
]
_SECTION_PLAQUES = ["行政审批服务科", "网络安全科", "信访接待室", "研究室", "督查室", "执法监督科", "对外交流科"]
_VERBS = [
    "贯彻执行",
    "负责",
    "承担",
    "组织拟订",
    "统筹协调",
    "指导",
    "监督管理",
    "会同有关部门做好",
    "归口管理",
    "研究提出",
    "组织实施",
    "协调推进",
]
_OBJECTS = [
    "国家和省有关方针政策和法律法规",
    "全市相关领域的发展规划和年度计划",
    "机关文电、会务、机要、档案工作",
    "干部人事、机构编制和队伍建设工作",
    "财务、资产管理和内部审计工作",
    "行政审批制度改革和政务服务工作",
    "重大项目的论证、审核和监督检查",
    "安全生产和应急管理相关工作",
    "信息化建设和数据共享工作",
    "对外交流与合作事项",
    "统计调查和分析工作",
    "政策研究和改革试点工作",
    "行政执法监督和行政复议工作",
    "宣传教育和舆情应对工作",
    "督查督办和绩效考核工作",
]
_PURPOSES = [
    "拟订并组织实施配套措施",
    "提出意见建议并督促落实",
    "指导区县开展相关工作",
    "建立健全工作机制",
    "承办上级交办的其他事项",
]


def _duty(rng: random.Random) -> str:
    return f"{rng.choice(_VERBS)}{rng.choice(_OBJECTS)}，{rng.choice(_PURPOSES)}。"


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _place(n: int) -> str:
    """Return a county-like place name, distinct for each ``n`` below 90,000."""
    prov = _PROVINCES[n % len(_PROVINCES)]
    city = _CITIES[(n // len(_PROVINCES)) % len(_CITIES)]
    k = len(_COUNTIES)
    county = _COUNTIES[n % k] + _CHARS[(n // k) % len(_CHARS)] + _CHARS[(n // (k * len(_CHARS))) % len(_CHARS)]
    return f"{prov}{city}{county}县"


def body(rng: random.Random, place: str, file_no: int, index: int, sections: int) -> str:
    """Return the text of one body with ``sections`` internal sections (1 + sections units)."""
    name, short, kind, chief, deputy = _BODIES[(file_no + index) % len(_BODIES)]
    bid = f"{short}{file_no}_{index}"
    full = place + name
    plaque = place + _PLAQUES[(file_no + index) % len(_PLAQUES)]
    year = 2009 + rng.randrange(6)
    lines = [f"body {bid} {_q(full)} {{"]
    add = lines.append
    add(f"  kind {_q(kind)}")
    add('  rank "正科级"')
    add(f"  superior {_q(place + '人民政府')}")
    add('  section-rank "股级"')
    add(f'  basis "{place[:2]}编〔{year}〕{rng.randrange(1, 300)}号" {{')
    add(f"    title {_q(f'关于印发〈{full}主要职责、内设机构和人员编制规定〉的通知')}")
    add(f"    issuer {_q(place + '机构编制委员会')}")
    add(f"    date {year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}")
    add("  }")
    add(f"  plaque {_q(plaque)} {{")
    add(f'    form "{rng.choice(["加挂", "挂", "增挂"])}"')
    add("  }")
    add(f'  stated sections {sections} "设{sections}个内设机构"')
    add("  duties {")
    for i in range(1, rng.randrange(5, 11)):
        add(f"    duty {i} {_q(_duty(rng))}")
    add("  }")
    if sections <= len(_SECTIONS):
        names = rng.sample(_SECTIONS, sections)
    else:  # a very large body (the render benchmark): number the section names
        names = [f"第{i}{_SECTIONS[i % len(_SECTIONS)]}" for i in range(1, sections + 1)]
    shared = (sections - 2, sections - 1) if sections >= 5 else ()
    for i, sname in enumerate(names, 1):
        sid = f"{bid}_s{i}"
        add(f"  section {sid} {_q(sname)} {{")
        add(f"    number {i}")
        if i % 4 == 2:
            add(f"    plaque {_q(full + sname + _SECTION_PLAQUES[(index + i) % len(_SECTION_PLAQUES)])}")
        if i not in shared:
            add("    duties {")
            for _ in range(rng.randrange(1, 4)):
                add(f"      duty {_q(_duty(rng))}")
            add("    }")
        add("  }")
    if shared:
        add("  shared-duties {")
        add(f"    sections @{bid}_s{shared[0]} @{bid}_s{shared[1]}")
        add('    intro "上述两个科的主要职责是"')
        add(f"    duty {_q(_duty(rng))}")
        add("  }")
    heads = sections
    deputies = rng.randrange(sections // 2, sections + 1)
    leaders = 1 + 3 + heads + deputies
    admin = leaders + rng.randrange(5, 30)
    add(f'  quota administrative {admin} "机关行政编制" {{')
    add(f'    includes discipline {rng.randrange(1, 3)} "派驻单列的纪检监察编制"')
    add("  }")
    add('  quota logistics separately "后勤服务人员编制"')
    add("  posts {")
    add(f"    post {_q(chief)} 1 chief")
    add(f"    post {_q(deputy)} 3 deputy")
    add(f'    group "正副科长" {heads + deputies} for-sections {{')
    add(f'      post "正科长" {heads} chief')
    add(f'      post "副科长" {deputies} deputy')
    add("    }")
    add("  }")
    add("  history {")
    old = place + name.replace("局", "管理局", 1) if "局" in name else place + "原" + name
    add(f"    event established {year - 8} {{")
    add(f'      basis "{place[:2]}政发〔{year - 8}〕{rng.randrange(1, 99)}号"')
    add("    }")
    add(f"    event renamed {year}-{rng.randrange(1, 13):02d} {{")
    add(f"      from {_q(old)}")
    add(f"      to {_q(full)}")
    add("    }")
    add(f"    event plaque-added {year + 1} {{")
    add(f"      plaque {_q(plaque)}")
    add("    }")
    add("  }")
    add("}")
    return "\n".join(lines) + "\n"


def _bodies(units: int, seed: int) -> Iterator[tuple[int, str, int]]:
    """Yield (file number, body text, units in it) until ``units`` units are generated."""
    rng = random.Random(seed)
    made = 0
    file_no = 0
    while made < units:
        place = _place(file_no)
        in_file = 0
        index = 0
        while in_file < UNITS_PER_FILE - 5 and made < units:
            left = units - made
            sections = min(rng.randrange(5, 13), max(left - 1, 1))
            text = body(rng, place, file_no, index, sections)
            yield file_no, text, 1 + sections
            in_file += 1 + sections
            made += 1 + sections
            index += 1
        file_no += 1


def generate_files(units: int, out: Path, seed: int = 7) -> tuple[int, int]:
    """Write ``units`` units as files of about 40 units under ``out``; return (files, units)."""
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    files = 0
    current = -1
    parts: list[str] = []

    def flush() -> None:
        folder = out / f"{current // 1000:04d}"
        folder.mkdir(exist_ok=True)
        (folder / f"county{current:06d}.orgspec").write_text("\n".join(parts), encoding="utf-8")

    for file_no, text, n in _bodies(units, seed):
        if file_no != current:
            if parts:
                flush()
                files += 1
            current, parts = file_no, []
        parts.append(text)
        total += n
    if parts:
        flush()
        files += 1
    return files, total


def generate_text(units: int, seed: int = 7) -> str:
    """Return ``units`` units as the text of one spec (bodies from many places in one file)."""
    parts: list[str] = []
    for _, text, _ in _bodies(units, seed):
        parts.append(text)
    return "\n".join(parts)


def big_body(sections: int, seed: int = 7) -> str:
    """Return one body with ``sections`` sections (for rendering a large chart)."""
    return body(random.Random(seed), _place(0), 0, 0, sections)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--single", action="store_true", help="write one file instead of a folder")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.single:
        args.out.write_text(generate_text(args.units, args.seed), encoding="utf-8")
        print(f"wrote {args.units} units to {args.out}")
    else:
        files, total = generate_files(args.units, args.out, args.seed)
        print(f"wrote {total} units in {files} files under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
