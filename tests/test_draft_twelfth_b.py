"""The twelfth pass (b): units (sections, posts, duty texts, plaques, quotas), by shapes of the field.

Each guard or rule reads a shape of the field seen in development documents (docs/draft.md, "The twelfth
pass (b): units"); the texts below are made up in other words than any document, and each refusal beside
a rule is a near-miss it must not read.
"""

from __future__ import annotations

from orgspec.draft import draft
from orgspec.model.values import UnitKind
from tests.draft_helpers import checked_draft, notes_of


def _units(text: str) -> dict[str, tuple[UnitKind, bool]]:
    result = checked_draft(text)
    return {u.name: (u.kind, u.outside_count) for b in result.spec.bodies for u in b.walk() if u is not b}


def _inconsistencies(text: str) -> list[str]:
    messages = [n["message"] for n in draft(text, "snippet.txt").report["notes"] if n["kind"] == "anomaly"]
    return [m for m in messages if " but lists " in m]


# --- a unit named by a verb and its unit word --------------------------------------------------------------


def test_a_unit_named_by_a_verb_and_its_unit_word_is_read() -> None:
    # "研究室" opens with 研究, a duty's verb: found-15 and found-88 list one among the sections
    text = "甲市科学技术协会内设机构:办公室、研究室、管理科、学会工作部。\n"
    assert {"办公室", "研究室", "管理科"} <= set(_units(text))


def test_a_duty_opening_with_the_same_verb_is_no_unit() -> None:
    text = "乙县档案馆内设机构:办公室、研究制定档案工作规划的编研室。\n"
    names = set(_units(text))
    assert "办公室" in names
    assert not [n for n in names if n.startswith("研究")]


# --- a quantity is no name ----------------------------------------------------------------------------------


def test_a_quantity_of_units_gives_no_section() -> None:
    # found-88: "…秘书处,下设若干科(室、组)" — how many, not which
    text = "丙县人民委员会设秘书处,下设若干科(室、股),具体由秘书处确定。\n"
    names = set(_units(text))
    assert not [n for n in names if n.startswith(("若干", "多个"))]


def test_named_units_beside_it_are_still_read() -> None:
    text = "丙县人民委员会秘书处下设文书科、机要科。\n"
    assert {"文书科", "机要科"} <= set(_units(text))


# --- a unit listed beside the counted ones ------------------------------------------------------------------


def test_a_unit_after_yiji_is_outside_the_count_the_others_meet() -> None:
    # found-88: "下设8个局级机构:秘书局、…、人民政协报社,以及机关党委" — the 8 are before 以及
    text = "丁市政协办公厅下设3个处级机构:文秘处、联络处、信息处,以及机关党支部;另有研究室。\n"
    units = _units(text)
    assert {"文秘处", "联络处", "信息处", "机关党支部"} <= set(units)
    assert units["机关党支部"][1] is True
    assert not units["文秘处"][1]
    assert _inconsistencies(text) == []


def test_a_unit_after_yiji_counted_with_the_others_stays_inside() -> None:
    # the refusal: the count covers every item, the one after 以及 too
    text = "丁市政协办公厅下设4个处级机构:文秘处、联络处、信息处,以及综合处。\n"
    units = _units(text)
    assert {"文秘处", "联络处", "信息处", "综合处"} <= set(units)
    assert units["综合处"][1] is False
    assert _inconsistencies(text) == []


# --- a unit renamed in its parenthesis ----------------------------------------------------------------------


def test_a_unit_renamed_in_its_parenthesis_bears_its_later_name() -> None:
    # found-88: "学委会工作组办公室(1988年改为专门委员会办公室)" — the unit of the list is named after the change
    text = "戊县文联下设3个科室:办公室、创作科(2003年更名为创作研究室)、联络科。\n"
    result = checked_draft(text)
    names = {u.name for b in result.spec.bodies for u in b.walk() if u is not b}
    assert "创作研究室" in names
    assert "创作科" not in names
    assert any("renamed" in m for m in notes_of(result, "doubt"))


def test_a_parenthesis_that_renames_nothing_keeps_the_name() -> None:
    # the refusal: a parenthesis of other words (a plaque, a remark) leaves the name as written
    text = "戊县文联下设3个科室:办公室、创作科(含评论工作)、联络科。\n"
    names = set(_units(text))
    assert "创作科" in names


# --- a class the list leaves open -----------------------------------------------------------------------------


def test_other_units_as_needed_are_no_section() -> None:
    # found-81: "設立法制工作委員會、預算工作委員會和其他需要設立的工作委員會" — which others, the text does not say
    text = "己市人大常委会设立法规工作委员会、代表工作委员会和其他需要设立的专门小组。\n"
    names = set(_units(text))
    assert {"法规工作委员会", "代表工作委员会"} <= names
    assert not [n for n in names if n.startswith(("其他", "其它")) or "和其他" in n]


# --- a chain of duties in one clause --------------------------------------------------------------------------


def _duties(text: str) -> list[str]:
    result = checked_draft(text)
    return [d.text for b in result.spec.bodies for u in b.walk() for d in u.duties]


def test_a_chain_of_duties_joined_by_commas_is_one_duty_each() -> None:
    # found-83: "主要职责是,负责A、负责B、负责C、…等。" — each 负责 opens a duty of its own
    from orgspec.draft.extract_duties import split_duty

    text = "负责全县林地保护管理、负责森林防火的组织协调、承担林业有害生物防治工作等。"
    assert split_duty(text) == ["负责全县林地保护管理", "负责森林防火的组织协调", "承担林业有害生物防治工作"]


def test_verbs_of_one_duty_stay_one_duty() -> None:
    from orgspec.draft.extract_duties import split_duty

    # the refusal: verbs in a row that govern one object, and a duty of two clauses only
    one = "组织、协调、指导全县水土保持工作。"
    assert split_duty(one) == [one]
    two = "负责全县林地保护管理、负责森林防火的组织协调。"
    assert split_duty(two) == [two]


def test_a_drafted_chain_gives_each_duty_of_the_body() -> None:
    text = "庚县林业局\n庚县林业局是县政府工作部门。主要职责是,负责全县林地保护管理、负责森林防火的组织协调、负责林业有害生物防治工作等。\n"
    assert {"负责全县林地保护管理", "负责森林防火的组织协调", "负责林业有害生物防治工作"} <= set(_duties(text))


# --- an entry headed by the unit's name and a space ---------------------------------------------------------

_ENTRIES = (
    "辛区工业园管理委员会\n"
    "辛区工业园管理委员会是区政府派出机构,正处级。管委会内设机构是:\n"
    "综合办公室 2005年3月成立,正科级,工作人员5人。职能是承担管委会文电、会务、督办工作;负责园区对外联络接待。\n"
    "招商服务处 2005年3月成立,正科级。负责园区招商引资和项目落地服务;协助企业办理各项审批手续。\n"
    "规划建设处 2006年成立。负责园区规划编制和基础设施建设管理。\n"
)


def test_an_entry_headed_by_the_units_name_and_a_space_is_read() -> None:
    # found-87's entries ("土地规划建设处 1993年9月成立,正科级,…。负责…"); catalogue 33 writes "办公室:负责…"
    result = checked_draft(_ENTRIES)
    units = {u.name: u for b in result.spec.bodies for u in b.walk() if u is not b}
    assert {"招商服务处", "规划建设处"} <= set(units)
    assert [d.text for d in units["招商服务处"].duties] == [
        "负责园区招商引资和项目落地服务",
        "协助企业办理各项审批手续",
    ]
    # the founding, rank and staff are no duty
    assert not [d for u in units.values() for d in u.duties if "成立" in d.text or "正科级" in d.text]


def test_an_entry_of_a_telephone_or_of_names_gives_no_duty() -> None:
    # the refusal: a directory under the heading, the unit's name then its telephone or its staff
    text = "壬县民政局\n壬县民政局内设机构:\n办公室 0537-4211234\n社会救助股 张某某 李某某\n"
    result = checked_draft(text)
    units = {u.name: u for b in result.spec.bodies for u in b.walk() if u is not b}
    assert not [d for u in units.values() for d in u.duties]


def test_a_fragment_where_the_copy_stops_is_no_duty() -> None:
    # found-87 stops in the next entry's first character ("财")
    result = checked_draft(_ENTRIES + "财\n")
    duties = [d.text for b in result.spec.bodies for u in b.walk() for d in u.duties]
    assert "财" not in duties
