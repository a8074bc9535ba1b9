"""The reorganisation texts of ../shared/corpus/reorg, encoded as before/after pairs and summarised.

Each case under tests/fixtures/diff/corpus/<NN-name>/ is one text of the corpus (NN is its number),
encoded in the text's own script with only what the text states (judgement calls are commented in
the fixtures). For each case:

- the diff obeys the laws (apply and invert give back each side), with no error;
- ``--format zh`` and the terminal output are pinned as goldens (tests/golden/diff/corpus/<case>/);
- the zh summary is exactly the sentences written by hand from the text (EXPECTED, in the text's
  wording wherever the model can give it): each operation sentence of the text is there and there
  is no sentence the text does not support. WORDING lists, per case, where the text's own words
  cannot come from the model, with the sentence of the text.

The corpus README (tests/fixtures/diff/corpus/README.md) lists the texts that state no operation.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import orgspec
from orgspec.history import as_of
from orgspec.reorg import apply, diff, invert
from orgspec.reorg.order import document_order
from orgspec.reorg.render_text import render_text
from orgspec.reorg.render_zh import render_zh

from .conftest import golden

HERE = Path(__file__).parent
CASES = HERE / "fixtures" / "diff" / "corpus"
GOLDEN = HERE / "golden" / "diff" / "corpus"
CORPUS = HERE.parent.parent / "shared" / "corpus" / "reorg"

FG = "（依据《深化党和国家机构改革方案》）"
GW = "（依據《國務院機構改革方案》）"
DG = "（依据《党和国家机构改革方案》）"
DT = "（依據《黨和國家機構改革方案》）"
GY = "（依据《国务院机构改革方案》）"
SX = "（依据《关于省政府驻外办事处机构改革的通知》）"
GZ = "（依據《貴州省機構改革方案》）"
SN = "（依据《陕西省人民政府外事办公室主要职责内设机构和人员编制规定》）"

#: The sentences of each text, written by hand from the text (without the numbering).
EXPECTED: dict[str, list[str]] = {
    "01-sc2018-overview-emergency": [
        # item by item, as the overview goes: 1、组建自然资源部。不再保留国土资源部、国家海洋局、国家测绘地理信息局。…
        "组建自然资源部" + GY,
        "不再保留国土资源部、国家海洋局、国家测绘地理信息局" + GY,
        "组建生态环境部" + GY,
        "不再保留环境保护部" + GY,
        "组建农业农村部" + GY,
        "不再保留农业部" + GY,
        "组建文化和旅游部" + GY,
        "不再保留文化部、国家旅游局" + GY,
        "组建国家卫生健康委员会" + GY,
        "不再保留国家卫生和计划生育委员会" + GY,
        "不再设立国务院深化医药卫生体制改革领导小组办公室" + GY,
        "组建退役军人事务部" + GY,
        # 将国家安全生产监督管理总局的职责，…以及国家防汛抗旱总指挥部、…的职责整合，组建应急管理部
        "将国家安全生产监督管理总局、国家防汛抗旱总指挥部、国家减灾委员会、国务院抗震救灾指挥部、国家森林防火指挥部"
        "的职责整合，组建应急管理部，作为国务院组成部门" + GY,
        "将国土资源部的“地质灾害防治”职责划入应急管理部" + GY,
        "将农业部的“草原防火”职责划入应急管理部" + GY,
        "将国务院办公厅的“应急管理”职责划入应急管理部" + GY,
        "将公安部的“消防管理”职责划入应急管理部" + GY,
        "将民政部的“救灾”职责划入应急管理部" + GY,
        "将水利部的“水旱灾害防治”职责划入应急管理部" + GY,
        "将国家林业局的“森林防火相关职责”职责划入应急管理部" + GY,
        "将中国地震局的“震灾应急救援”职责划入应急管理部" + GY,
        "不再保留国家安全生产监督管理总局" + GY,
    ],
    "02-natural-resources": [
        "将国土资源部、国家海洋局、国家测绘地理信息局的职责整合，组建自然资源部，作为国务院组成部门，对外保留国家海洋局牌子"
        + FG,
        "将国家发展和改革委员会的“组织编制主体功能区规划”职责划入自然资源部" + FG,
        "将住房和城乡建设部的“城乡规划管理”职责划入自然资源部" + FG,
        "将水利部的“水资源调查和确权登记管理”职责划入自然资源部" + FG,
        "将农业部的“草原资源调查和确权登记管理”职责划入自然资源部" + FG,
        "将国家林业局的“森林、湿地等资源调查和确权登记管理”职责划入自然资源部" + FG,
        "不再保留国土资源部、国家海洋局、国家测绘地理信息局" + FG,
    ],
    "03-ecology-environment": [
        "將環境保護部的職責整合，組建生態環境部，作為國務院組成部門" + GW,
        "將國家發展和改革委員會的“應對氣候變化和減排”職責劃入生態環境部" + GW,
        "將國土資源部的“監督防止地下水污染”職責劃入生態環境部" + GW,
        "將水利部的“編制水功能區劃、排污口設置管理、流域水環境保護”職責劃入生態環境部" + GW,
        "將農業部的“監督指導農業面源污染治理”職責劃入生態環境部" + GW,
        "將國家海洋局的“海洋保護”職責劃入生態環境部" + GW,
        "將國務院南水北調工程建設委員會辦公室的“南水北調工程項目區環境保護”職責劃入生態環境部" + GW,
        "不再保留環境保護部" + GW,
    ],
    "05-ipa-reconstituted": [
        "重新組建國家知識產權局，由國家市場監督管理總局管理" + GW,
        "將國家工商行政管理總局的“商標管理”職責劃入國家知識產權局" + GW,
        "將國家質量監督檢驗檢疫總局的“原產地地理標志管理”職責劃入國家知識產權局" + GW,
        "“商標、專利執法”職責交由市場監管綜合執法隊伍承擔" + GW,
    ],
    "06-immigration": [
        "組建國家移民管理局，加掛中華人民共和國出入境管理局牌子，由公安部管理（依據《深化黨和國家機構改革方案》）",
        "將公安部的“出入境管理”、“邊防檢查”職責劃入國家移民管理局（依據《深化黨和國家機構改革方案》）",
    ],
    "07a-foreign-experts-history@1985-1987": ["國務院辦公廳外國專家局更名為國家外國專家局"],
    "07a-foreign-experts-history@1987-1989": [
        "將引進國外智力領導小組辦公室併入國家外國專家局",
        "中央引進國外智力領導小組更名為國務院引進國外智力領導小組",
    ],
    "07a-foreign-experts-history@1992-1994": ["國家外國專家局由國務院辦公廳調整為人事部管理"],
    "07a-foreign-experts-history@2007-2009": [
        "人事部改制為人力資源和社會保障部",
        "國家外國專家局由人事部調整為人力資源和社會保障部管理",
    ],
    "07b-foreign-experts-2018": [
        "將科學技術部、國家外國專家局的職責整合，重新組建科學技術部，作為國務院組成部門，對外保留國家外國專家局牌子"
        + GW,
        "國家自然科學基金委員會由科學技術部管理",
    ],
    "10-party-state-2023": [
        # in the summary's order, sentence by sentence (each event has the item of its sentence)
        "组建中央金融委员会" + DG,
        "设立中央金融委员会办公室，作为中央金融委员会的办事机构" + DG,
        "组建中央金融工作委员会" + DG,
        "组建中央科技委员会" + DG,
        "组建中央社会工作部" + DG,
        "国家信访局由国务院办公厅调整为中央社会工作部统一领导" + DG,
        "国家信访局机构类别由国家局调整为直属机构" + DG,
        "组建中央港澳工作办公室，保留国务院港澳事务办公室牌子" + DG,
        "不再保留单设的国务院港澳事务办公室" + DG,
        "重新组建科学技术部" + DG,
        "科学技术部不再保留国家外国专家局牌子" + DG,
        "组建国家金融监督管理总局" + DG,
        "不再保留中国银行保险监督管理委员会" + DG,
        "中国证券监督管理委员会机构类别由事业单位调整为直属机构" + DG,
        "组建国家数据局" + DG,
        "不再保留单设的国家乡村振兴局，农业农村部加挂国家乡村振兴局牌子" + DG,
    ],
    "11-central-finance": [
        # in the text's order (each event has the item of its sentence)
        "组建中央金融委员会，作为党中央决策议事协调机构" + DG,
        "设立中央金融委员会办公室，作为中央金融委员会的办事机构" + DG,
        "不再保留国务院金融稳定发展委员会、国务院金融稳定发展委员会办公室" + DG,
        "将国务院金融稳定发展委员会办公室的“国务院金融稳定发展委员会办公室职责”职责划入中央金融委员会办公室" + DG,
        "组建中央金融工作委员会，作为党中央派出机关，与中央金融委员会办公室合署办公" + DG,
        "将中央和国家机关工作委员会的“金融系统党的建设”职责划入中央金融工作委员会" + DG,
        "组建中央科技委员会，作为党中央决策议事协调机构" + DG,
    ],
    "12-national-data": [
        "组建国家数据局，由国家发展和改革委员会管理（依据《国务院机构改革方案》）",
        "将中央网络安全和信息化委员会办公室的“研究拟订数字中国建设方案”、“协调推动公共服务和社会治理信息化”、"
        "“协调促进智慧城市建设”等5项职责划入国家数据局（依据《国务院机构改革方案》）",
        "将国家发展和改革委员会的“统筹推进数字经济发展”、“组织实施国家大数据战略”、“推进数据要素基础制度建设”"
        "等4项职责划入国家数据局（依据《国务院机构改革方案》）",
    ],
    "13-nhc-adjustment": [
        "将科学技术部的“组织拟订科技促进卫生健康发展规划和政策”职责划入国家卫生健康委员会"
        "（依据《关于调整国家卫生健康委员会职责机构编制的通知》）",
        "将国家卫生健康委员会的“组织拟订并协调落实应对人口老龄化政策措施”、“承担全国老龄工作委员会的具体工作”"
        "职责划入民政部（依据《关于调整国家卫生健康委员会职责机构编制的通知》）",
        "国家卫生健康委员会代管的中国老龄协会改由民政部代管",
        "将科学技术部的行政编制4名划入国家卫生健康委员会（依据《关于调整国家卫生健康委员会职责机构编制的通知》）",
        "将国家卫生健康委员会的行政编制3名划入民政部（依据《关于调整国家卫生健康委员会职责机构编制的通知》）",
        "将科学技术部的领导职数1名划入国家卫生健康委员会（依据《关于调整国家卫生健康委员会职责机构编制的通知》）",
        "国家卫生健康委员会行政编制由443名调整为444名",
        "国家卫生健康委员会领导职数由80名调整为81名",
    ],
    "14-mca-sanding-ageing": [
        "新設立老齡工作司（依據《民政部職能配置、內設機構和人員編制規定》）",
        "將民政部的“擬訂城鄉基層羣衆自治和社區治理政策”、“指導城鄉社區治理體系和治理能力建設”、“推動基層民主政治建設”"
        "等5項職責劃入中央社會工作部",
        "將國家衛生健康委員會的“組織擬訂並協調落實應對人口老齡化政策措施”、“承擔全國老齡工作委員會的具體工作”職責劃入民政部",
        "全國老齡工作委員會辦公室由設在國家衛生健康委員會改設在民政部",
        "養老服務司增加“擬訂並協調落實促進養老事業發展的政策措施”職責",
    ],
    "21-shanxi-liaison-offices": [
        # in the text's order: 撤销9个…。整合1个…。保留5个：北京…增加…；天津…成立…；…新疆…增加…，日常工作由…管理
        "撤销"
        + "、".join(
            f"省政府驻{n}办事处" for n in ("沈阳", "南京", "大连", "秦皇岛", "山东", "厦门", "珠海", "海南", "云南")
        )
        + SX,
        "将省政府驻深圳办事处并入省政府驻广州办事处，保留省政府驻深圳办事处牌子" + SX,
        "省政府驻北京办事处增加“招商引资”职责",
        "成立山西省环渤海招商局（正处级建制），与省政府驻天津办事处合署办公" + SX,
        "成立山西省长三角招商局（正处级建制），与省政府驻上海办事处合署办公" + SX,
        "成立山西省珠三角招商局（正处级建制），与省政府驻广州办事处合署办公" + SX,
        "省政府驻新疆办事处增加“‘一带一路’建设”、“招商引资”职责",
        "省政府驻新疆办事处由省援疆前方指挥部管理",
    ],
    "22-shaanxi-fao-sanding": [
        "将省公安厅的“华侨来陕定居审批”职责划转陕西省人民政府外事办公室" + SN,
        "取消陕西省人民政府外事办公室的“参与对在陕港澳中资机构的管理”职责" + SN,
        "取消陕西省人民政府外事办公室的“负责侨资和侨字号企业的认证”职责" + SN,
    ],
    "26a-rural-revitalization-2021": [
        "在国务院扶贫开发领导小组办公室基础上组建国家乡村振兴局，由农业农村部管理，不再保留国务院扶贫开发领导小组办公室",
        "国家乡村振兴局机构类别为国家局",
        "国家乡村振兴局机构规格为副部级",
    ],
    "26b-rural-revitalization-2023": ["不再保留国家乡村振兴局，农业农村部加挂国家乡村振兴局牌子"],
    "27-shandong-science": [
        "重新组建省科学技术厅，作为省政府组成部门（依据《关于山东省省级机构改革的实施意见》）",
        "将省人力资源和社会保障厅的“外国专家管理”职责划入省科学技术厅（依据《关于山东省省级机构改革的实施意见》）",
        "将省外国专家局牌子由省人力资源和社会保障厅调整至省科学技术厅",
    ],
    "28-plaque-transfers": [
        # date by date (the plan of 2023-03, then the ceremonies of 2024-01-10, -14, -18), each date in the
        # text's order; 江蘇's change, undated in the text, after the statement it follows (國家知識產權局)
        "將科學技術部的“負責引進國外智力工作”職責劃入人力資源和社會保障部" + DT,
        "將國家外國專家局牌子由科學技術部調整至人力資源和社會保障部" + DT,
        "國家知識產權局不再由國家市場監督管理總局管理" + DT,
        "國家知識產權局機構類別由國家局調整為直屬機構" + DT,
        "江蘇省知識產權局不再由江蘇省市場監督管理局管理",
        "江蘇省知識產權局機構類別由部門管理機構調整為直屬機構",
        "吉林省外國專家局由吉林省科學技術廳轉隸至吉林省人力資源和社會保障廳",
        "青海省人力資源和社會保障廳加掛省外國專家局牌子",
        "廣西壯族自治區人力資源和社會保障廳加掛廣西壯族自治區外國專家局牌子",
    ],
    "30-guizhou-natural-resources": [
        "將省國土資源廳的職責整合，新組建省自然資源廳，作為省政府組成部門" + GZ,
        "將省發展和改革委員會的“組織編制主體功能區規劃”職責劃入省自然資源廳" + GZ,
        "將省住房和城鄉建設廳的“城鄉規劃管理”職責劃入省自然資源廳" + GZ,
        "將省水利廳的“水資源調查和確權登記管理”職責劃入省自然資源廳" + GZ,
        "將省農業委員會的“草原資源調查和確權登記管理”職責劃入省自然資源廳" + GZ,
        "將省林業廳的“森林、濕地等資源調查和確權登記管理”職責劃入省自然資源廳" + GZ,
        "不再保留省國土資源廳",
        "省林業廳更名為省林業局",
        "省林業局由省自然資源廳統一領導和管理",
        "省林業局機構類別為直屬機構",
    ],
}

#: Where the text's own words cannot come from the model: (the text's sentence, what the model says).
WORDING: dict[str, list[tuple[str, str]]] = {
    "02-natural-resources": [
        (
            "将国土资源部的职责，国家发展和改革委员会的组织编制主体功能区规划职责，……整合，组建自然资源部",
            "one 整合 sentence for the bodies moved whole, one 划入 sentence per body for the duties moved in part",
        ),
    ],
    "03-ecology-environment": [
        ("將……國家海洋局的海洋保護職責……整合，組建生態環境部", "one 劃入 sentence per body moved in part"),
    ],
    "05-ipa-reconstituted": [
        ("將國家知識產權局的職責、……整合，重新組建國家知識產權局", "重新組建 and one 劃入 sentence per source"),
        ("商標、專利執法職責交由市場監管綜合執法隊伍承擔", "the duty in quotes, as the summary names every duty"),
    ],
    "06-immigration": [
        ("將公安部的出入境管理、邊防檢查職責整合，……組建國家移民管理局", "整合 of one source's duties reads 劃入"),
    ],
    "11-central-finance": [
        ("设立中央金融委员会办公室，作为中央金融委员会的办事机构，列入党中央机构序列", "列入… is not said"),
        ("不再保留国务院金融稳定发展委员会及其办事机构", "one 不再保留 naming both bodies"),
        ("同中央金融委员会办公室合署办公", "与…合署办公"),
    ],
    "12-national-data": [
        ("组建国家数据局，负责协调推进数据基础制度建设，……", "a new body's own duties are not listed"),
    ],
    "13-nhc-adjustment": [
        (
            "将科学技术部4名行政编制、1名司局级领导职数划入国家卫生健康委员会。将国家卫生健康委员会3名行政编制划入民政部",
            "three sentences, 行政编制4名 / 领导职数1名 (the post's level 司局级 is not in the sentence)",
        ),
        (
            "调整后，国家卫生健康委员会内设机构19个，机关行政编制444名，司局级领导职数81名",
            "the totals after read 由443名调整为444名 / 由80名调整为81名 (the figures before derived)",
        ),
    ],
    "27-shandong-science": [
        (
            "保留省外国专家局、省黄河三角洲农业高新技术产业示范区管委会牌子",
            "a plaque kept where it was is no change; the one that came from 人社厅 reads 由…调整至…",
        ),
    ],
    "28-plaque-transfers": [
        (
            "將國家知識產權局由國家市場監督管理總局管理的國家局調整為國務院直屬機構",
            "two sentences: 不再由…管理 and 機構類別由國家局調整為直屬機構",
        ),
        (
            "在人力資源和社會保障部加掛國家外國專家局牌子。科學技術部不再保留國家外國專家局牌子",
            "one sentence: 由…調整至…",
        ),
        (
            "1月18日上午，廣西… (told first); 1月10日上午，吉林…; 1月14日上午，青海…",
            "date by date: the ceremonies after the plan of 2023, 1月10日, 14日, then 18日",
        ),
    ],
}

WORDING.update(
    {
        "01-sc2018-overview-emergency": [
            (
                "将国家安全生产监督管理总局的职责，国务院办公厅的应急管理职责，……以及国家防汛抗旱总指挥部……的职责整合",
                "one 整合 sentence of the bodies that gave all their duties; the duties of the others that stay "
                "(国务院办公厅的应急管理职责, …) are 划入 sentences of their own",
            ),
        ],
        "07a-foreign-experts-history": [
            ("改為受人事部領導 / 改由新組建的人社部領導", "由…調整為…管理"),
        ],
        "07b-foreign-experts-2018": [("國家自然科學基金委員會改由科學技術部管[理]", "由科學技術部管理")],
        "10-party-state-2023": [
            (
                "中央社会工作部统一领导国家信访局，国家信访局由国务院办公厅管理的国家局调整为国务院直属机构",
                "two sentences: 由国务院办公厅调整为中央社会工作部统一领导; 机构类别由国家局调整为直属机构",
            ),
            ("组建国家金融监督管理总局，不再保留中国银行保险监督管理委员会", "two sentences"),
            ("设立中央金融委员会办公室，作为中央金融委员会的办事机构，列入党中央机构序列", "列入… is not said"),
        ],
        "14-mca-sanding-ageing": [
            ("全國老齡工作委員會辦公室改設在民政部", "…由設在國家衛生健康委員會改設在民政部"),
        ],
        "21-shanxi-liaison-offices": [
            ("撤销9个驻外机构：省政府驻沈阳、南京、…办事处", "撤销 naming each office in full"),
            ("日常工作由省援疆前方指挥部负责管理", "由省援疆前方指挥部管理"),
        ],
        "22-shaanxi-fao-sanding": [
            (
                "将原省公安厅负责的华侨来陕定居审批职责划转省政府外事办公室",
                "将省公安厅的“…”职责划转… (原, 负责 dropped)",
            ),
            ("设立省政府外事办公室，为省政府组成部门", "no sentence: the 三定 restates the office, no change"),
        ],
        "26a-rural-revitalization-2021": [("被接替者 / 成立时间", "在…基础上组建…，不再保留… (judgement)")],
        "26b-rural-revitalization-2023": [("改为部委对外加挂牌子", "不再保留…，农业农村部加挂…牌子")],
        "30-guizhou-natural-resources": [
            (
                "省林業局作為省政府直屬機構，由省自然資源廳統一領導和管理",
                "three sentences: 更名 (judgement), 統一領導和管理, 機構類別",
            ),
        ],
    }
)

CASE_NAMES = sorted(p.name for p in CASES.iterdir() if (p / "old.orgspec").exists())
HISTORY_CASES = sorted(p.name for p in CASES.iterdir() if (p / "history.orgspec").exists())
#: One spec with its history, diffed between the dates of each line of dates.txt.
STEPS = [
    (case, *line.split())
    for case in HISTORY_CASES
    for line in (CASES / case / "dates.txt").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def _sentences(zh: str) -> list[str]:
    return [re.sub(r"^\d+\. ", "", line).removesuffix("。") for line in zh.splitlines()]


def _pair(case: str) -> tuple[orgspec.Spec, orgspec.Spec]:
    return orgspec.load(CASES / case / "old.orgspec"), orgspec.load(CASES / case / "new.orgspec")


def _step(case: str, start: str, end: str) -> tuple[orgspec.Spec, orgspec.Spec]:
    spec = orgspec.load(CASES / case / "history.orgspec")
    return as_of(spec, start), as_of(spec, end)


def _check(key: str, old: orgspec.Spec, new: orgspec.Spec, golden_dir: Path) -> None:
    d = diff(old, new)
    assert apply(old, d) == new
    assert apply(new, invert(d)) == old
    assert not [n for n in d.notes if n.severity == "error"]
    zh = render_zh(d, document_order(old, new, d))  # as `orgspec diff --format zh` says it
    golden(golden_dir / "zh.txt", zh)
    golden(golden_dir / "text.txt", render_text(d))
    actual, expected = _sentences(zh), EXPECTED[key]
    missing = [s for s in expected if s not in actual]
    unsupported = [s for s in actual if s not in expected]
    assert not missing, f"sentences of the text missing from the summary: {missing}"
    assert not unsupported, f"sentences the text does not support: {unsupported}"
    assert actual == expected, "the summary's order is not the text's (or the order WORDING notes)"


def test_every_encoded_case_has_hand_written_expectations() -> None:
    keys = CASE_NAMES + [f"{case}@{start}-{end}" for case, start, end in STEPS]
    assert sorted(EXPECTED) == sorted(keys)
    assert {k.split("@")[0] for k in WORDING} <= {k.split("@")[0] for k in EXPECTED}


def test_every_corpus_text_is_encoded_or_listed_as_stating_no_operation() -> None:
    readme = (CASES / "README.md").read_text(encoding="utf-8")
    texts = sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    for name in texts:
        number = name.split("_")[0]
        encoded = any(case.startswith(number) for case in CASE_NAMES + HISTORY_CASES)
        assert encoded or f"| {name} |" in readme, f"{name} is neither encoded nor listed in the README"


@pytest.mark.parametrize("case", CASE_NAMES)
def test_corpus_pair(case: str) -> None:
    old, new = _pair(case)
    _check(case, old, new, GOLDEN / case)


@pytest.mark.parametrize(("case", "start", "end"), STEPS)
def test_corpus_history_step(case: str, start: str, end: str) -> None:
    old, new = _step(case, start, end)
    _check(f"{case}@{start}-{end}", old, new, GOLDEN / case / f"{start}-{end}")
