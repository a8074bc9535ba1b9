"""``orgspec draft`` on the phrasings of real documents (issue 14): one small realistic snippet per pattern.

The snippets are written for these tests, modelled on the layouts real 三定 documents use, in
simplified and (where the reader folds characters) traditional script. Every draft also reads back
to its model and passes check but for OS301 (the document's own contradiction of a stated count).
"""

from __future__ import annotations

import pytest

from orgspec.draft import Draft
from orgspec.model.units import Post, PostGroup, Quota, Unit
from tests.draft_helpers import checked_draft as _draft


def _body(result: Draft, i: int = 0) -> Unit:
    return result.spec.bodies[i]


def _parts(q: Quota) -> list[tuple[str | None, object]]:
    return [(p.label, p.count.value if p.count.known else str(p.count)) for p in q.parts]


def _anomalies(result: Draft) -> list[str]:
    return [n["message"] for n in result.report["notes"] if n["kind"] == "anomaly"]


# --- the breakdown of a quota after 其中 -------------------------------------------------------


BREAKDOWN = (
    "某市政府办公厅\n"
    "四、人员编制\n"
    "核定市政府办公厅行政编制40名。其中:正副秘书长6名,秘书一处、秘书二处、综合处各5名,"
    "信访局14名(局领导2名,接待处、复查处各4名,办公室4名),督查室{last}\n"
)


def test_a_quota_breakdown_gives_parts_unit_quotas_and_the_units_it_names() -> None:
    result = _draft(BREAKDOWN.format(last="5名。"))
    body = _body(result)
    quota = body.quotas[0]
    assert (quota.category.value, quota.count.value) == ("administrative", 40)
    assert _parts(quota) == [
        ("正副秘书长", 6),
        ("秘书一处", 5),
        ("秘书二处", 5),
        ("综合处", 5),
        ("信访局", 14),
        ("督查室", 5),
    ]
    assert quota.complete  # 6 + 3 × 5 + 14 + 5 = 40
    units = {u.name: u for u in body.units}
    assert list(units) == ["秘书一处", "秘书二处", "综合处", "信访局", "接待处", "复查处", "办公室", "督查室"]
    assert _parts(units["信访局"].quotas[0]) == [("局领导", 2), ("接待处", 4), ("复查处", 4), ("办公室", 4)]
    assert not _anomalies(result)


def test_a_breakdown_the_copy_stops_in_keeps_the_unit_figure_and_a_cut_off_part() -> None:
    result = _draft(BREAKDOWN.format(last="5名(室领"))
    unit = next(u for u in _body(result).units if u.name == "督查室")
    assert unit.quotas[0].count.value == 5
    assert [str(p.count) for p in unit.quotas[0].parts] == ["cut-off '(室领'"]


def test_a_breakdown_that_does_not_add_up_is_reported_and_not_declared_complete() -> None:
    text = "某县某局\n三、人员编制\n核定行政编制20名。其中:局领导4名,办公室、业务股各6名。\n"
    result = _draft(text)
    quota = _body(result).quotas[0]
    assert not quota.complete
    assert _anomalies(result) == ["the breakdown of the administrative quota of the body adds up to 16, not 20"]


def test_a_breakdown_in_traditional_script() -> None:
    text = "某市某局\n三、人員編制\n核定行政編制12名。其中:局長1名,辦公室、綜合科各4名,財務科3名。\n"
    quota = _body(_draft(text)).quotas[0]
    assert _parts(quota) == [("局長", 1), ("辦公室", 4), ("綜合科", 4), ("財務科", 3)]
    assert quota.complete


def test_a_total_split_by_category_is_one_quota_with_parts_not_three_quotas() -> None:
    text = "某县林业局(含5个林业站)总编制60名,其中:行政编制12名,事业编制48名。\n某县林业局内设办公室、林政股。\n"
    body = _body(_draft(text))
    assert [(q.category.value, q.count.value, _parts(q)) for q in body.quotas] == [
        ("other", 60, [("行政编制", 12), ("事业编制", 48)])
    ]


def test_posts_after_a_quota_are_not_its_breakdown() -> None:
    text = "某市政府办公厅\n四、人员编制\n机关行政编制为300名。其中,秘书长1名、副秘书长6名,司局级领导职数30名。\n"
    quota = _body(_draft(text)).quotas[0]
    assert (quota.count.value, quota.parts) == (300, ())


def test_an_agency_pool_with_included_and_excluded_parts() -> None:
    text = "某省参事室\n四、人员编制\n某省参事室机关编制为9名(含后勤服务人员编制2名,不含参事)。\n"
    quota = _body(_draft(text)).quotas[0]
    assert (quota.category.value, quota.label, quota.count.value) == ("other", "机关编制", 9)
    assert [(p.relation, p.count.value if p.count.known else None) for p in quota.parts] == [
        ("includes", 2),
        ("excludes", None),
    ]


# --- the body's name where no title gave it -----------------------------------------------------


@pytest.mark.parametrize(
    ("first", "name"),
    [
        ("首页 广告位招租\n某某官网登录印发某省民政厅主要职责内设机构和人员编制规定的通知", "某省民政厅"),
        ("推廣電話: 400-000-0000\n首頁> 法規> 國務院辦公廳職能配置內設機構和人員編制規定", "國務院辦公廳"),
        ("(一)人员编制 核定市政府办公厅行政编制74名。", "市政府办公厅"),
        ("说明:某省人民政府设置工作部门30个。", "某省人民政府"),
        ("法律分析: 省政府办公厅内设18个职能处(室)。", "省政府办公厅"),
    ],
)
def test_the_body_is_named_by_a_phrase_that_names_it_in_passing(first: str, name: str) -> None:
    text = first + "\n一、主要职责\n(一)负责本部门的日常工作。\n"
    assert _body(_draft(text)).name == name


def test_a_group_set_up_names_the_body_with_its_place_and_is_a_coordinating_body() -> None:
    text = "山東省成立未成年人保護工作領導小組,進一步做好保護工作\n一、主要職責\n統籌協調全省未成年人保護工作。\n"
    body = _body(_draft(text))
    assert body.name == "山東省未成年人保護工作領導小組"
    assert body.kind is not None
    assert body.kind.value == "coordinating-body"


def test_a_statute_names_the_body_and_is_its_basis() -> None:
    text = "街道辦事處組織條例\n第四條 街道辦事處的任務如下:\n(一)指導居民委員會的工作;\n(二)反映居民的意見和要求。\n"
    result = _draft(text)
    body = _body(result)
    assert body.name == "街道辦事處"
    assert [b.title for b in body.basis] == ["街道辦事處組織條例"]
    assert [d.text for d in body.duties] == ["指導居民委員會的工作;", "反映居民的意見和要求。"]


def test_words_before_a_name_are_cut_off() -> None:
    text = "某区街道概况\n民政部门认定的某区街道办事处为12个。\n一、主要职责\n(一)负责辖区的社会事务。\n"
    assert _body(_draft(text)).name == "某区街道办事处"
    kept = "根据《某省机构改革方案》(某发(2000)15号),保留某省发展研究中心(以下简称研究中心),为省人民政府直属正厅级事业单位。\n"
    body = _body(_draft(kept + "一、主要职责(一)开展政策研究。(二)提供咨询。\n"))
    assert body.name == "某省发展研究中心"
    assert body.kind_label == "直属正厅级事业单位"  # a public institution, by the label's ending
    assert [b.number for b in body.basis] == ["某发(2000)15号"]


def test_the_subject_of_a_list_kept_by_a_reform_names_the_body() -> None:
    text = "2002年4月,县乡机构改革,某县林业局保留,内设办公室、林政股;下设林业站、种苗站。\n"
    result = _draft(text)
    assert _body(result).name == "某县林业局"
    assert [u.name for u in _body(result).units][:2] == ["办公室", "林政股"]


# --- duties in other layouts --------------------------------------------------------------------


def test_a_heading_run_into_its_first_item_opens_the_duties() -> None:
    text = "某市发展研究中心\n一、主要职责(一)开展政策研究。\n(二)提供决策咨询。\n"
    assert [d.text for d in _body(_draft(text)).duties] == ["开展政策研究。", "提供决策咨询。"]


def test_running_duties_after_zhuyao_zhize_shi_one_per_sentence_across_hard_wraps() -> None:
    text = (
        "某县编制委员会办公室为县委工作部门。下设综合科、编制科2个内设机构。主要职责是贯彻执行\n"
        "机构编制管理的方针政策;\n"
        "研究拟定全县机构编制管理制度。负责全县机关机构编制日常管理工作。按照管理权限,审核\n"
        "机构设置事项。推进事业单位改革;拟定分类改革\n"
    )
    duties = _body(_draft(text)).duties
    assert [d.text for d in duties] == [
        "主要职责是贯彻执行机构编制管理的方针政策;研究拟定全县机构编制管理制度。",
        "负责全县机关机构编制日常管理工作。",
        "按照管理权限,审核机构设置事项。",
        "推进事业单位改革;拟定分类改革",
    ]


def test_duties_after_a_colon_in_running_text() -> None:
    text = "某督察办公室是某部的办事机构。\n其主要職責有:研究擬訂督察工作規則;指導督察局的工作。\n某督察办公室内设综合处、督察处等2个处。\n"
    assert [d.text for d in _body(_draft(text)).duties] == ["研究擬訂督察工作規則;指導督察局的工作。"]


def test_an_unnumbered_duty_part_gives_one_duty_per_sentence_and_ends_at_the_next_heading() -> None:
    text = (
        "某市未成年人保护工作领导小组\n"
        "一、主要职责\n"
        "贯彻落实上级有关要求。统筹协调全市未成年人保护工作。\n"
        "二、组成人员\n"
        "领导小组组长由副市长兼任。\n"
    )
    result = _draft(text)
    assert [d.text for d in _body(result).duties] == ["贯彻落实上级有关要求。", "统筹协调全市未成年人保护工作。"]


def test_one_unit_set_up_with_its_duty_and_a_sentence_about_the_body() -> None:
    text = (
        "某县农业农村局(以下简称县农业局)是县人民政府工作部门。设置县委农办秘书股,负责处理县委农办日常事务。"
        "县农业局贯彻落实党中央关于“三农”工作的方针政策。\n"
    )
    body = _body(_draft(text))
    assert [(u.name, [d.text for d in u.duties]) for u in body.units] == [
        ("县委农办秘书股", ["负责处理县委农办日常事务。"])
    ]
    assert [d.text for d in body.duties] == ["贯彻落实党中央关于“三农”工作的方针政策。"]


# --- posts ---------------------------------------------------------------------------------------


def test_chiefs_and_deputies_counted_apart_are_a_group_and_a_listing_that_differs_is_reported() -> None:
    text = (
        "某区街道办事处\n"
        "一、主要职责\n(一)负责辖区社会事务。\n"
        "根据机构改革意见,各街道办事处的处级职数均设置为2正5副,即书记1名、主任1名(由副书记兼任)、"
        "副书记3名、副主任2名、武装部长1名。\n"
    )
    result = _draft(text)
    group, *posts = _body(result).posts
    assert isinstance(group, PostGroup)
    assert (group.title, group.count.value, group.posts) == ("处级职数", 7, ())
    # 1 + 1 + 3 + 2 + 1 = 8, not 7: the posts are drafted after the group, so that the draft passes check
    assert [(p.title, p.count.value, p.concurrent) for p in posts if isinstance(p, Post)] == [
        ("书记", 1, None),
        ("主任", 1, "副书记"),
        ("副书记", 3, None),
        ("副主任", 2, None),
        ("武装部长", 1, None),
    ]
    assert _anomalies(result) == ["the posts of '处级职数' of the body add up to 8, not 7"]


def test_chiefs_and_deputies_that_add_up_stay_in_their_group() -> None:
    text = (
        "某区街道办事处\n"
        "一、主要职责\n(一)负责辖区社会事务。\n"
        "各街道办事处的处级职数设置为2正3副,即书记1名、主任1名、副书记1名、副主任2名。\n"
    )
    group = _body(_draft(text)).posts[0]
    assert isinstance(group, PostGroup)
    assert [(p.title, p.role) for p in group.posts] == [
        ("书记", "chief"),
        ("主任", "chief"),
        ("副书记", "deputy"),
        ("副主任", "deputy"),
    ]


def test_posts_a_regulation_sets_in_chinese_numerals_and_ruogan() -> None:
    text = (
        "街道办事处组织条例\n"
        "第四条 街道办事处的任务如下:\n(一)指导居民委员会的工作。\n"
        "第五条 街道办事处设主任一人,设干事若干人,在必要的时候,可以设副主任一人。\n"
    )
    posts = [p for p in _body(_draft(text)).posts if isinstance(p, Post)]
    assert [(p.title, p.count.value if p.count.known else str(p.count)) for p in posts] == [
        ("主任", 1),
        ("干事", "unstated"),
        ("副主任", 1),
    ]


def test_posts_held_concurrently_stay_in_the_office_their_sentence_opens_with() -> None:
    text = (
        "某省某工作领导小组\n"
        "一、主要职责\n(一)统筹协调全省某工作。\n"
        "二、工作机制\n"
        "领导小组办公室设在省民政厅,承担领导小组日常工作。办公室主任由省民政厅厅长张三兼任;"
        "常务副主任由省民政厅副厅长李四兼任;副主任由省教育厅、省公安厅、团省委等部门、单位负责同志兼任。\n"
    )
    result = _draft(text)
    office = next(u for u in _body(result).units if u.name == "领导小组办公室")
    posts = [p for p in office.posts if isinstance(p, Post)]
    assert [(p.title, str(p.count), p.holder) for p in posts] == [
        ("办公室主任", "1", "张三"),
        ("常务副主任", "1", "李四"),
        ("副主任", "unstated", None),
    ]


def test_several_holders_of_one_post_are_one_post_with_its_holders() -> None:
    text = (
        "某领导小组办公室\n一、主要职责\n(一)承担领导小组日常工作。\n副主任由教育部副部长王五,公安部副部长赵六兼任。\n"
    )
    post = next(p for p in _body(_draft(text)).posts if isinstance(p, Post) and p.title == "副主任")
    assert not post.count.known
    assert [(h.person, h.concurrent) for h in post.holders] == [("王五", "教育部副部长"), ("赵六", "公安部副部长")]


# --- bodies beside the body ----------------------------------------------------------------------


def test_two_bodies_set_side_by_side_are_both_drafted_and_the_last_holds_the_sections() -> None:
    text = (
        "一、明确街道职能定位\n"
        "街道党工委作为区委的派出机关,领导本街道的工作。\n"
        "街道办事处作为区政府的派出机关,履行相应行政职能。\n"
        "二、调整街道机构设置\n"
        "1.党政综合办公室(挂党建办公室牌子)\n2.社会事务办公室\n3.平安建设办公室\n"
    )
    result = _draft(text)
    first, second = result.spec.bodies
    assert (first.name, first.kind_label, str(first.superior), first.units) == ("街道党工委", "派出机关", "区委", ())
    assert (second.name, str(second.superior)) == ("街道办事处", "区政府")
    assert [u.name for u in second.units] == ["党政综合办公室", "社会事务办公室", "平安建设办公室"]


def test_a_body_that_shares_offices_takes_its_own_quota_and_posts() -> None:
    text = (
        "某省人民政府參事室\n"
        "一、主要職責\n(一)組織參事開展調查研究。\n"
        "某省人民政府參事室與某省文史研究館合署辦公。\n"
        "三、人員編制\n"
        "某省人民政府參事室機關編制為7名;省文史研究館事業編制為9名。其中:參事室主任1名、副主任1名,文史館專職副館長1名。\n"
    )
    result = _draft(text)
    body, other = result.spec.bodies
    assert [(q.label, q.count.value) for q in body.quotas] == [("機關編制", 7)]
    assert [(q.category.value, q.count.value) for q in other.quotas] == [("public-institution", 9)]
    assert [p.title for p in other.posts if isinstance(p, Post)] == ["文史館專職副館長"]
    assert [r.kind.value for r in other.relations] == ["colocated"]


def test_a_later_mention_gives_a_listed_section_its_plaque() -> None:
    text = (
        "某市政府办公厅\n某市政府办公厅新成立了应急管理办公室、督查室、财务室。\n"
        "同年,新设应急管理办公室(市政府总值班室)、督查室等机构。\n"
    )
    units = {u.name: u for u in _body(_draft(text)).units}
    assert [p.name for p in units["应急管理办公室"].plaques] == ["市政府总值班室"]


# --- stated counts and what they are compared with ------------------------------------------------


@pytest.mark.parametrize(
    ("line", "count"),
    [
        ("根据以上职责,某部设6个职能司局。", 6),
        ("某部內設機構由以前的六個增至九個。", 9),
        ("某室內設兩個職能處室。", 2),
    ],
)
def test_stated_counts_in_their_phrasings_are_compared_with_what_is_listed(line: str, count: int) -> None:
    duties = "一、主要职责\n(一)负责本部门的工作。\n"
    # the sections' lead-in after the duties (根据以上职责), or a count in the opening lines
    text = f"某部\n{duties}{line}\n" if line.startswith("根据") else f"某部\n{line}\n{duties}"
    result = _draft(text + "二、内设机构\n(一)办公室。\n(二)综合处。\n")
    assert [s.count.value for s in _body(result).stated] == [count]
    expected = [] if count == 2 else ["but lists 2"]
    assert [m[m.index("but") :] for m in _anomalies(result)] == expected


def test_unnumbered_units_after_a_numbered_list_are_outside_a_count_the_numbering_meets() -> None:
    text = "某厅\n法律分析: 某厅内设3个职能处(室)。 (一)秘书处。 (二)综合出。 (三)调研处。 离退休干部处。\n"
    result = _draft(text)
    units = _body(result).units
    assert [(u.name, u.number, u.outside_count) for u in units] == [
        ("秘书处", 1, False),
        ("综合出", 2, False),  # between (一) and (三): read although it does not end like a unit's name
        ("调研处", 3, False),
        ("离退休干部处", None, True),
    ]
    assert not _anomalies(result)


def test_a_unit_listed_as_a_subordinate_institution_is_not_counted_as_a_section() -> None:
    text = "某县编办为县委工作部门。下设综合科、编制科2个内设机构,下属事业单位电子政务中心。\n"
    result = _draft(text)
    assert [(u.name, u.kind.value if u.kind else None) for u in _body(result).units] == [
        ("综合科", "section"),
        ("编制科", "section"),
        ("电子政务中心", "public-institution"),
    ]
    assert not _anomalies(result)


def test_a_list_as_subject_shares_its_duty() -> None:
    text = "某市外事办公室\n美洲处、欧洲处、亚洲处(港澳事务处)主要负责地区间的交往,组织出访和接待。\n"
    body = _body(_draft(text))
    assert [u.name for u in body.units] == ["美洲处", "欧洲处", "亚洲处"]
    assert [[str(r) for r in s.sections] for s in body.shared_duties] == [["美洲处", "欧洲处", "亚洲处"]]
    assert [d.text for d in body.shared_duties[0].duties] == ["主要负责地区间的交往,组织出访和接待。"]


def test_an_office_set_in_another_body_takes_the_duty_after_it() -> None:
    text = "某省某工作領導小組\n三、工作機制\n領導小組辦公室設在省民政廳,承擔領導小組日常工作。\n"
    office = _body(_draft(text)).units[0]
    assert (office.name, [d.text for d in office.duties]) == ("領導小組辦公室", ["承擔領導小組日常工作。"])


def test_a_pool_used_for_another_category_takes_the_category_in_parentheses() -> None:
    text = "某市委宣传部\n宣传部内设办公室、理论科。定行政编20个,专项事业编制(工勤编)5个。\n"
    quotas = _body(_draft(text)).quotas
    assert [(q.category.value, q.count.value) for q in quotas] == [("administrative", 20), ("logistics", 5)]


@pytest.mark.parametrize(
    ("line", "plaques"),
    [
        ("某部對外保留國家語言文字工作委員會牌子。", [("國家語言文字工作委員會", "對外保留")]),
        ("某部保留某某办公室牌子。", [("某某办公室", "保留")]),
        ("某部加挂甲局、乙局、丙局牌子。", [("甲局", "加挂"), ("乙局", "加挂"), ("丙局", "加挂")]),
        ("某部不再保留某某办公室牌子。", []),
    ],
)
def test_plaques_kept_or_added_in_the_head(line: str, plaques: list[tuple[str, str]]) -> None:
    text = f"某部\n某部是国务院组成部门。{line}\n一、主要职责\n(一)负责本部门的工作。\n"
    assert [(p.name, p.form) for p in _body(_draft(text)).plaques] == plaques


def test_an_office_set_in_the_body_is_named_without_its_short_form() -> None:
    text = "某县农业农村局是县人民政府工作部门。县委农村工作领导小组办公室(以下简称县委农办)设在县农业农村局。\n"
    text += "一、主要职责\n(一)负责全县农业农村工作。\n"
    relations = _body(_draft(text)).relations
    assert [(r.kind.value, r.target.target) for r in relations] == [("hosts", "县委农村工作领导小组办公室")]


@pytest.mark.parametrize("bullet", ["- ", "— ", "· ", "•"])
def test_a_dash_list_after_a_lead_in_gives_its_sections(bullet: str) -> None:
    text = f"某县某局\n下设以下3个股室:\n{bullet}办公室\n{bullet}综合股(挂某某办公室牌子)\n{bullet}业务股\n"
    body = _body(_draft(text))
    assert [(u.name, [p.name for p in u.plaques]) for u in body.units] == [
        ("办公室", []),
        ("综合股", ["某某办公室"]),
        ("业务股", []),
    ]
    assert [s.count.value for s in body.stated] == [3]


def test_a_dash_line_that_is_not_a_unit_is_not_a_section() -> None:
    text = "某县某局\n内设机构:\n- 办公室\n- 负责文电、会务工作。\n"
    assert [u.name for u in _body(_draft(text)).units] == ["办公室"]


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("某市人民政府外事\n办公室主要职责内设机构和人员编制规定", "某市人民政府外事办公室"),
        ("某市交通運輸\n局主要職責內設機構和人員編制規定", "某市交通運輸局"),
        (
            "某省各级人民政府行政机构设置和编制管理办法\n某省人民政府办公厅关于印发某中心主要职责内设机构和人员编制规定的通知",
            "某中心",
        ),
    ],
)
def test_a_title_split_over_two_lines(title: str, name: str) -> None:
    text = f"{title}\n一、主要职责\n(一)负责本部门的工作。\n"
    assert _body(_draft(text)).name == name
