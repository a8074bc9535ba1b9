"""The thirteenth pass (a): bodies and document frames, by shapes of the field.

Each rule reads a shape many bodies' documents share, seen in at least two development documents of
different sources or one and a type of the shape catalogue (docs/draft.md, "The thirteenth pass (a):
bodies and frames"); each guard keeps a reader from a wrong fact development showed. The texts below are
made up in other words than any document, and each refusal beside a rule is a near-miss it must not read.
"""

from __future__ import annotations

from tests.draft_helpers import checked_draft

# --- an ordinal's 是 ("一是…二是…") enumerates points; it is no copula giving the body's kind -------------


def test_an_ordinal_is_gives_no_kind_nor_superior() -> None:
    text = (
        "己县推进县级机构改革\n"
        "己县机构改革突出三个重点。一是加强党的全面领导。二是优化设置政府工作部门,理顺职责关系。"
        "三是完善基层治理体系。\n"
        "己县统计局内设办公室、综合统计股、调查股。\n"
    )
    (body,) = checked_draft(text).spec.bodies
    assert body.kind is None
    assert body.superior is None


def test_a_copula_is_still_gives_the_kind_and_the_superior() -> None:
    text = "己县统计局\n己县统计局是县人民政府工作部门,为正科级。\n"
    (body,) = checked_draft(text).spec.bodies
    assert body.kind is not None
    assert body.superior is not None
    assert body.superior.target == "己县人民政府"


# --- a notice or a sentence adjusting a group's members names the group: a coordinating body ---------------


def test_a_notice_adjusting_a_groups_members_drafts_the_group() -> None:
    text = (
        "丁县人民政府关于调整丁县森林防灭火指挥部成员的通知\n"
        "丁政发〔2023〕5号\n"
        "各乡镇人民政府,县直各单位:\n"
        "因人员变动,县政府决定对县森林防灭火指挥部成员进行调整。调整后名单如下:\n"
        "指挥长:周平  县长\n"
        "副指挥长:吴敏  副县长\n"
        "丁县人民政府\n"
        "2023年3月9日\n"
    )
    (body,) = checked_draft(text).spec.bodies
    assert body.name == "丁县森林防灭火指挥部"
    assert body.kind is not None
    assert body.kind.value == "coordinating-body"
    assert [b.number for b in body.basis] == ["丁政发〔2023〕5号"]
    assert [(m.role, m.person) for m in body.members] == [("指挥长", "周平"), ("副指挥长", "吴敏")]
    assert [e.kind.value for e in body.history] == ["members-adjusted"]


def test_a_notice_adjusting_a_bodys_units_is_no_groups_notice() -> None:
    text = (
        "丁县人民政府关于调整丁县自然资源局成员单位的通知\n"
        "各乡镇人民政府:\n"
        "经研究,调整县自然资源局有关事项。\n"
        "丁县人民政府\n"
        "2023年3月9日\n"
    )
    for body in checked_draft(text).spec.bodies:
        assert body.kind is None or body.kind.value != "coordinating-body"


def test_a_sentence_adjusting_groups_members_names_each_group() -> None:
    text = (
        "本报讯 省政府近日决定对省安全生产委员会和省减灾委员会组成人员进行调整。\n"
        "调整后,两个委员会的日常工作仍由省应急管理厅承担。\n"
    )
    bodies = checked_draft(text).spec.bodies
    assert [b.name for b in bodies] == ["省安全生产委员会", "省减灾委员会"]
    assert all(b.kind is not None and b.kind.value == "coordinating-body" for b in bodies)


def test_a_sentence_adjusting_a_class_of_groups_names_no_group() -> None:
    text = "本报讯 省政府近日决定对各专项领导小组组成人员进行调整,并要求各地对照执行。\n"
    assert checked_draft(text).spec.bodies == ()


# --- a heading over the body's units names the body, even under a caption -------------------------------

_UNITS = "(一)办公室\n负责文秘、档案和后勤保障工作。\n(二)社会事务科\n负责社会事务管理工作。\n"


def test_a_heading_over_the_units_names_the_body_under_a_caption() -> None:
    (body,) = checked_draft("机构架构示意图\n① 甲县民政局的内设机构\n" + _UNITS).spec.bodies
    assert body.name == "甲县民政局"
    assert [u.name for u in body.units] == ["办公室", "社会事务科"]


def test_a_heading_over_units_of_no_named_body_names_none() -> None:
    (body,) = checked_draft("机构架构示意图\n① 本单位的内设机构\n" + _UNITS).spec.bodies
    assert body.name == "(name not found)"


# --- a reply's decision, in a copy without its title, names the unit it sets up -------------------------


def test_a_replys_decision_names_the_unit_it_sets_up() -> None:
    text = (
        "甲县水利局:\n"
        "甲水[2020]8号请示收悉。经研究,同意建立“甲县东湖水库管理站”,为甲县水利局的下设机构,"
        "公益一类事业单位,核定事业编制6名,经费财政全额拨款。\n"
        "特此批复。\n"
    )
    (body,) = checked_draft(text).spec.bodies
    assert body.name == "甲县东湖水库管理站"


def test_a_refused_or_unnamed_setup_names_no_unit() -> None:
    for decision in ("经研究,不同意设立甲县东湖水库管理站", "经研究,同意设立相关工作机制"):
        text = f"甲县水利局:\n甲水[2020]8号请示收悉。{decision},核定事业编制6名。\n特此批复。\n"
        for body in checked_draft(text).spec.bodies:
            assert body.name == "(name not found)"


# --- the kind a copula gives in the field's words: 常设机关 of a 代表大会, 工作机构 of a 委员会 ---------------


def test_a_copula_gives_a_standing_organ_and_a_working_body_as_kinds() -> None:
    text = (
        "戊市人民代表大会常务委员会\n"
        "戊市人民代表大会常务委员会是戊市人民代表大会的常设机关,对戊市人民代表大会负责并报告工作。\n"
        "常务委员会设办公厅、法制工作委员会、预算工作委员会。\n"
    )
    (body,) = checked_draft(text).spec.bodies
    assert body.kind_label == "常设机关"
    assert body.superior is not None
    assert body.superior.target == "戊市人民代表大会"
    text = "戊市政协办公厅\n戊市政协办公厅是政协戊市委员会的工作机构。\n办公厅设秘书处、综合处、信息处。\n"
    (body,) = checked_draft(text).spec.bodies
    assert body.kind_label == "工作机构"


def test_a_count_of_working_bodies_gives_no_kind() -> None:
    text = "戊市机构改革\n戊市共设工作机构36个,常设机关不再单设。\n戊市人民政府设办公室、发展和改革委员会、教育局。\n"
    for body in checked_draft(text).spec.bodies:
        assert body.kind_label is None
