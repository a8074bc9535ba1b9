"""The fourteenth pass (a): bodies and document frames, guarded where batch 13 showed a wrong fact.

Each guard keeps a reader from a wrong fact development showed (docs/draft.md, "The fourteenth pass (a):
bodies and frames"). The texts below are made up in other words than any document, and each refusal or
rule is set beside the near-miss the old reading must still give.
"""

from __future__ import annotations

from tests.draft_helpers import checked_draft

# --- "A下设B(简称Z)": B is a unit set up under A, never the body's name ------------------------------------

_SET_UP_UNDER = (
    "乙县河长制工作领导小组下设河长制工作办公室(简称县河长办),作为领导小组的日常办事机构,配备专职人员。\n"
    "县河长办的主要职责:\n"
    "(一)组织落实领导小组的决定;\n"
    "(二)督促检查各乡镇河长制工作;\n"
    "(三)承担领导小组交办的其他事项。\n"
)


def test_a_unit_set_up_under_another_is_not_the_body_name() -> None:
    (body,) = checked_draft(_SET_UP_UNDER).spec.bodies
    assert "下设" not in body.name
    assert body.name == "(name not found)"


def test_the_duties_its_own_heading_names_go_to_the_unit_set_up() -> None:
    (body,) = checked_draft(_SET_UP_UNDER).spec.bodies
    assert not body.duties
    office = body.units[-1]
    assert office.name == "河长制工作办公室"
    assert [d.text for d in office.duties] == [
        "组织落实领导小组的决定;",
        "督促检查各乡镇河长制工作;",
        "承担领导小组交办的其他事项。",
    ]


def test_the_short_form_of_a_unit_is_no_plaque() -> None:
    (body,) = checked_draft(_SET_UP_UNDER).spec.bodies
    assert [p.name for u in body.walk() for p in u.plaques] == []


def test_a_body_named_with_its_short_form_keeps_its_name_and_duties() -> None:
    text = (
        "乙县河长制工作领导小组(简称县河长组)是全县河长制工作的议事协调机构。\n"
        "县河长组的主要职责:\n"
        "(一)组织落实河长制工作;\n"
        "(二)督促检查各乡镇河长制工作。\n"
    )
    (body,) = checked_draft(text).spec.bodies
    assert body.name == "乙县河长制工作领导小组"
    assert len(body.duties) == 2


def test_duties_headed_by_another_name_stay_with_the_body() -> None:
    text = _SET_UP_UNDER.replace("县河长办的主要职责:", "领导小组的主要职责:")
    (body,) = checked_draft(text).spec.bodies
    assert len(body.duties) == 3
    assert all(not u.duties for u in body.units)


def test_the_group_that_sets_the_unit_up_is_a_unit_beside_it() -> None:
    (body,) = checked_draft(_SET_UP_UNDER).spec.bodies
    assert [(u.name, u.kind.value) for u in body.units] == [
        ("乙县河长制工作领导小组", "coordinating-body"),
        ("河长制工作办公室", "section"),
    ]


def test_an_owner_that_is_no_group_gives_no_unit() -> None:
    text = _SET_UP_UNDER.replace("乙县河长制工作领导小组下设", "全县统一下设")
    (body,) = checked_draft(text).spec.bodies
    assert all("全县" not in u.name for u in body.units)


# --- leaders by name, each with the post of one body: that body is the page's ---------------------------


def test_the_body_its_leaders_posts_are_of_names_the_body() -> None:
    text = (
        "领导班子\n"
        "郑某:己县文化和旅游局局长\n"
        "冯某某:己县文化和旅游局党组成员、副局长\n"
        "机构设置\n"
        "(一)办公室。负责机关日常运转。\n"
        "(二)艺术科。负责全县文艺创作工作。\n"
    )
    (body,) = checked_draft(text).spec.bodies
    assert body.name == "己县文化和旅游局"


def test_leaders_of_two_bodies_or_one_leader_alone_name_no_body() -> None:
    two = (
        "领导班子\n"
        "郑某:己县文化和旅游局局长\n"
        "冯某某:己县体育局副局长\n"
        "机构设置\n"
        "(一)办公室。负责机关日常运转。\n"
        "(二)艺术科。负责全县文艺创作工作。\n"
    )
    one = two.replace("冯某某:己县体育局副局长\n", "")
    for text in (two, one):
        (body,) = checked_draft(text).spec.bodies
        assert body.name == "(name not found)"
