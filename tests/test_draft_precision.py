"""Precision on unseen documents: a reader whose evidence is weak writes a note, never a fact.

Each guard has a made-up text of the weak context (a note at its place, no fact, the line listed as
giving none) and of the strong context beside it (the fact still drafted). See docs/draft.md,
"Precision on unseen documents".
"""

from __future__ import annotations

from orgspec.draft import Draft
from tests.draft_helpers import checked_draft, notes_of


def _no_fact_lines(result: Draft) -> set[int]:
    return {entry["line"] for entry in result.report["lines_with_no_fact"]}


def _sections(result: Draft) -> list[str]:
    return [u.name for b in result.spec.bodies for u in b.walk() if u is not b]


def test_a_list_that_states_changes_gives_no_sections() -> None:
    """Weak: a news text's list whose items say 改组为/新设: the bodies of a reorganisation, not sections."""
    text = (
        "本报讯 昨天,某市召开机构改革动员大会。按照方案,组建市商务委员会,"
        "市计划委员会改组为市发展和改革委员会,新设市国有资产监督管理委员会、市安全生产监督管理局。\n"
    )
    result = checked_draft(text)
    assert _sections(result) == []
    doubts = notes_of(result, "doubt")
    assert any("states changes" in d and "市安全生产监督管理局" in d for d in doubts), doubts
    assert 1 in _no_fact_lines(result)


def test_a_plain_list_of_sections_is_still_drafted() -> None:
    """Strong: the same kind of running list without a change in it is the body's sections."""
    text = "某县商务局\n某县商务局下设综合股、市场股、外贸股。\n"
    result = checked_draft(text)
    assert _sections(result) == ["综合股", "市场股", "外贸股"]
    assert not any("states changes" in d for d in notes_of(result, "doubt"))


def test_one_item_that_states_a_change_is_not_a_section() -> None:
    """Weak: an enumerated item "1. 设立X" names a change; the plain item beside it is kept."""
    text = "某县交通局\n某县交通局下设:1. 办公室;2. 设立县运输管理所;3. 规划股。\n"
    result = checked_draft(text)
    assert "设立县运输管理所" not in _sections(result)
    assert not any(name.startswith("设立") for name in _sections(result))


_SECTIONS = (
    "某县农业农村局主要职责、内设机构和人员编制规定\n"
    "一、内设机构\n"
    "(一)办公室。负责机关日常运转。\n"
    "(二)农业科。负责种植业管理。\n"
)


def test_a_plaque_hung_on_an_unlisted_unit_is_no_duty() -> None:
    """Weak: "各乡镇在X挂Y牌子" after the last section: X's plaque, neither a duty nor the body's plaque."""
    result = checked_draft(_SECTIONS + "各乡镇在农业综合服务站挂畜牧兽医站牌子。\n")
    body = result.spec.bodies[0]
    duties = [d.text for u in body.walk() for d in u.duties]
    assert duties == ["负责机关日常运转。", "负责种植业管理。"]
    assert all(not u.plaques for u in body.walk())
    doubts = notes_of(result, "doubt")
    assert any("'农业综合服务站'" in d and "畜牧兽医站" in d for d in doubts), doubts
    assert 5 in _no_fact_lines(result)


def test_a_plaque_hung_on_a_listed_section_is_that_sections() -> None:
    """Strong: "在农业科加挂Y牌子": the owner is named and listed, so the plaque is that section's."""
    result = checked_draft(_SECTIONS + "在农业科加挂县种子管理站牌子。\n")
    section = next(u for u in result.spec.bodies[0].walk() if u.name == "农业科")
    assert [p.name for p in section.plaques] == ["县种子管理站"]
    assert [d.text for d in section.duties] == ["负责种植业管理。"]


def test_a_plaque_after_an_articles_list_is_no_duty_of_its_last_unit() -> None:
    """Weak, another reader: an article's list of units followed by a plaque hung on another unit."""
    text = (
        "某县农业农村局主要职责、内设机构和人员编制规定\n一、主要职责\n(一)负责全县农业农村工作。\n"
        "二、内设机构\n县农业农村局设下列内设机构:\n(一)办公室。\n(二)农业科。\n"
        "在县农机服务中心加挂县农业技术推广站牌子。\n"
    )
    result = checked_draft(text)
    section = next(u for u in result.spec.bodies[0].walk() if u.name == "农业科")
    assert not section.duties
    assert any("'县农机服务中心'" in d for d in notes_of(result, "doubt"))


def test_a_list_of_changes_is_read_as_the_bodies_of_a_reorganisation() -> None:
    """The refused list is the reform reader's: "组建X,撤销A、B" gives bodies with their fates, no sections."""
    result = checked_draft("丁县县委作出《关于设立县委巡察机构的决定》。组建县委巡察办,撤销县督查室、县考核办。\n")
    fates = {b.name: [e.kind.value for e in b.history] for b in result.spec.bodies[1:]}
    assert fates == {"县委巡察办": ["established"], "县督查室": ["abolished"], "县考核办": ["abolished"]}
    assert _sections(result) == []


_POOLS = "市政府办公室机关行政编制为63名、金融办人员编制3名。其中:主任1名,副主任3名;金融办主任1名、专职副主任1名。\n"


def test_a_quota_and_posts_of_an_unlisted_unit_are_notes() -> None:
    """Weak: "、金融办人员编制3名" names another unit's pool; it and the posts 金融办 titles are not the body's."""
    result = checked_draft("某市人民政府办公室\n" + _POOLS)
    body = result.spec.bodies[0]
    assert [(q.category.value, q.count.value) for q in body.quotas] == [("administrative", 63)]
    assert [(p.title, p.count.value) for p in body.posts] == [("主任", 1), ("副主任", 3)]
    doubts = notes_of(result, "doubt")
    assert any("金融办人员编制3名" in d for d in doubts), doubts
    assert sum("'金融办''s" in d for d in doubts) == 2, doubts


def test_a_quota_and_posts_of_a_listed_unit_are_that_units() -> None:
    """Strong: the unit is listed as a section, so its pool and its posts are drafted on it."""
    result = checked_draft("某市人民政府办公室\n内设机构:秘书科、金融办。\n" + _POOLS)
    body = result.spec.bodies[0]
    unit = next(u for u in body.walk() if u.name == "金融办")
    assert [q.count.value for q in unit.quotas] == [3]
    assert [p.title for p in unit.posts] == ["金融办主任", "专职副主任"]
    assert [q.count.value for q in body.quotas] == [63]
    assert [p.title for p in body.posts] == ["主任", "副主任"]


def test_a_plaque_hung_on_the_body_by_name_is_the_bodys() -> None:
    """Strong: the unit the sentence names is the body itself: its plaque, no duty and no note."""
    result = checked_draft(_SECTIONS + "在县农业农村局加挂县乡村振兴局牌子。\n")
    body = result.spec.bodies[0]
    assert [p.name for p in body.plaques] == ["县乡村振兴局"]
    assert [d.text for u in body.walk() for d in u.duties] == ["负责机关日常运转。", "负责种植业管理。"]


def test_a_list_of_units_with_a_few_changes_keeps_its_other_units() -> None:
    """Strong: a body's list where one item says 新设 is still its list; only that item is refused."""
    text = "某县林业局\n某县林业局内设办公室、营林股、林政股、新设森林防火股、资源股。\n"
    result = checked_draft(text)
    assert _sections(result) == ["办公室", "营林股", "林政股", "资源股"]
    assert any("states a change" in d for d in notes_of(result, "doubt"))
