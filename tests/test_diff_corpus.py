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
from orgspec.reorg import apply, diff, invert
from orgspec.reorg.render_text import render_text
from orgspec.reorg.render_zh import render_zh

from .conftest import golden

HERE = Path(__file__).parent
CASES = HERE / "fixtures" / "diff" / "corpus"
GOLDEN = HERE / "golden" / "diff" / "corpus"

FG = "（依据《深化党和国家机构改革方案》）"
GW = "（依據《國務院機構改革方案》）"
DG = "（依据《党和国家机构改革方案》）"
DT = "（依據《黨和國家機構改革方案》）"

#: The sentences of each text, written by hand from the text (without the numbering).
EXPECTED: dict[str, list[str]] = {
    "02-natural-resources": [
        "将国土资源部、国家海洋局、国家测绘地理信息局的职责整合，组建自然资源部，对外保留国家海洋局牌子" + FG,
        "将国家发展和改革委员会的“组织编制主体功能区规划”职责划入自然资源部" + FG,
        "将住房和城乡建设部的“城乡规划管理”职责划入自然资源部" + FG,
        "将水利部的“水资源调查和确权登记管理”职责划入自然资源部" + FG,
        "将农业部的“草原资源调查和确权登记管理”职责划入自然资源部" + FG,
        "将国家林业局的“森林、湿地等资源调查和确权登记管理”职责划入自然资源部" + FG,
        "不再保留国土资源部" + FG,
        "不再保留国家海洋局" + FG,
        "不再保留国家测绘地理信息局" + FG,
    ],
    "03-ecology-environment": [
        "組建生態環境部" + GW,
        "將環境保護部的“環境保護部的職責”職責劃入生態環境部" + GW,
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
    ],
    "06-immigration": [
        "組建國家移民管理局，加掛中華人民共和國出入境管理局牌子，由公安部管理（依據《深化黨和國家機構改革方案》）",
        "將公安部的“出入境管理”、“邊防檢查”職責劃入國家移民管理局（依據《深化黨和國家機構改革方案》）",
    ],
    "11-central-finance": [
        "组建中央金融委员会" + DG,
        "组建中央金融委员会办公室" + DG,
        "组建中央金融工作委员会，与中央金融委员会办公室合署办公" + DG,
        "组建中央科技委员会" + DG,
        "将国务院金融稳定发展委员会办公室的“国务院金融稳定发展委员会办公室职责”职责划入中央金融委员会办公室" + DG,
        "将中央和国家机关工作委员会的“金融系统党的建设”职责划入中央金融工作委员会" + DG,
        "不再保留国务院金融稳定发展委员会" + DG,
        "不再保留国务院金融稳定发展委员会办公室" + DG,
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
        "国家卫生健康委员会行政编制由443名调整为444名",
        "国家卫生健康委员会领导职数由80名调整为81名",
    ],
    "27-shandong-science": [
        "重新组建省科学技术厅（依据《关于山东省省级机构改革的实施意见》）",
        "将省人力资源和社会保障厅的“外国专家管理”职责划入省科学技术厅（依据《关于山东省省级机构改革的实施意见》）",
        "将省外国专家局牌子由省人力资源和社会保障厅调整至省科学技术厅",
    ],
    "28-plaque-transfers": [
        "將科學技術部的“負責引進國外智力工作”職責劃入人力資源和社會保障部" + DT,
        "將國家外國專家局牌子由科學技術部調整至人力資源和社會保障部" + DT,
        "廣西壯族自治區人力資源和社會保障廳加掛廣西壯族自治區外國專家局牌子",
        "將吉林省外國專家局牌子由吉林省科學技術廳調整至吉林省人力資源和社會保障廳",
        "青海省人力資源和社會保障廳加掛省外國專家局牌子",
        "國家知識產權局不再由國家市場監督管理總局管理" + DT,
        "國家知識產權局機構類別由國家局調整為直屬機構" + DT,
        "江蘇省知識產權局不再由江蘇省市場監督管理局管理",
        "江蘇省知識產權局機構類別由部門管理機構調整為直屬機構",
    ],
}

#: Where the text's own words cannot come from the model: (the text's sentence, what the model says).
WORDING: dict[str, list[tuple[str, str]]] = {
    "02-natural-resources": [
        ("将国土资源部的职责，国家发展和改革委员会的组织编制主体功能区规划职责，……整合，组建自然资源部",
         "one 整合 sentence for the bodies moved whole, one 划入 sentence per body for the duties moved in part"),
        ("不再保留国土资源部、国家海洋局、国家测绘地理信息局", "one 不再保留 sentence per body"),
        ("作为国务院组成部门", "the kind of a new body is not said in its sentence"),
    ],
    "03-ecology-environment": [
        ("將環境保護部的職責，……整合，組建生態環境部",
         "one body moved whole is no merge: its duty (the text's phrase) is named in a 劃入 sentence"),
    ],
    "05-ipa-reconstituted": [
        ("將國家知識產權局的職責、……整合，重新組建國家知識產權局", "重新組建 and one 劃入 sentence per source"),
    ],
    "06-immigration": [
        ("將公安部的出入境管理、邊防檢查職責整合，……組建國家移民管理局", "整合 of one source's duties reads 劃入"),
    ],
    "11-central-finance": [
        ("设立中央金融委员会办公室，作为中央金融委员会的办事机构", "组建 (the model has no 设立 / 办事机构)"),
        ("作为党中央决策议事协调机构 / 作为党中央派出机关", "the kind of a new body is not said"),
        ("不再保留国务院金融稳定发展委员会及其办事机构", "one 不再保留 sentence per body"),
        ("同中央金融委员会办公室合署办公", "与…合署办公"),
    ],
    "12-national-data": [
        ("组建国家数据局，负责协调推进数据基础制度建设，……", "a new body's own duties are not listed"),
    ],
    "13-nhc-adjustment": [
        ("将科学技术部4名行政编制、1名司局级领导职数划入国家卫生健康委员会。将国家卫生健康委员会3名行政编制划入民政部",
         "known gap: figures moved without the totals of the bodies they leave (docs/diff.md)"),
        ("调整后，国家卫生健康委员会内设机构19个，机关行政编制444名，司局级领导职数81名",
         "the totals after read 由443名调整为444名 / 由80名调整为81名 (the figures before derived)"),
    ],
    "27-shandong-science": [
        ("保留省外国专家局、省黄河三角洲农业高新技术产业示范区管委会牌子",
         "a plaque kept where it was is no change; the one that came from 人社厅 reads 由…调整至…"),
        ("作为省政府组成部门", "unchanged kind, no sentence"),
    ],
    "28-plaque-transfers": [
        ("將國家知識產權局由國家市場監督管理總局管理的國家局調整為國務院直屬機構",
         "two sentences: 不再由…管理 and 機構類別由國家局調整為直屬機構"),
        ("吉林省外國專家局由吉林省科學技術廳轉隸至吉林省人力資源和社會保障廳", "將…牌子由…調整至…"),
        ("在人力資源和社會保障部加掛國家外國專家局牌子。科學技術部不再保留國家外國專家局牌子", "one sentence: 由…調整至…"),
    ],
}

CASE_NAMES = sorted(p.name for p in CASES.iterdir() if (p / "old.orgspec").exists())


def _sentences(zh: str) -> list[str]:
    return [re.sub(r"^\d+\. ", "", line).removesuffix("。").removesuffix("。") for line in zh.splitlines()]


def test_every_encoded_case_has_hand_written_expectations() -> None:
    assert sorted(EXPECTED) == CASE_NAMES
    assert set(WORDING) <= set(EXPECTED)


@pytest.mark.parametrize("case", CASE_NAMES)
def test_corpus_case_laws_and_goldens(case: str) -> None:
    old = orgspec.load(CASES / case / "old.orgspec")
    new = orgspec.load(CASES / case / "new.orgspec")
    d = diff(old, new)
    assert apply(old, d) == new
    assert apply(new, invert(d)) == old
    golden(GOLDEN / case / "zh.txt", render_zh(d))
    golden(GOLDEN / case / "text.txt", render_text(d))


@pytest.mark.parametrize("case", CASE_NAMES)
def test_corpus_case_summary_is_the_text_sentence_by_sentence(case: str) -> None:
    old = orgspec.load(CASES / case / "old.orgspec")
    new = orgspec.load(CASES / case / "new.orgspec")
    actual = _sentences(render_zh(diff(old, new)))
    expected = EXPECTED[case]
    missing = [s for s in expected if s not in actual]
    unsupported = [s for s in actual if s not in expected]
    assert not missing and not unsupported, f"missing: {missing}\nunsupported: {unsupported}"
    assert len(actual) == len(expected)

