"""``orgspec draft``'s sixth pass on staffing and duties: made-up snippets, one per pattern.

Each pattern of the field is tested on a text written for this test in other words than any corpus
document, with the refusal (what the drafter must not guess) beside the reading. Every draft reads
back to its model and passes check but for OS301.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from orgspec.draft import Draft
from orgspec.model.units import Post
from orgspec.model.values import QuotaCategory
from tests.draft_helpers import checked_draft as _draft
from tests.draft_helpers import notes_of


def _doubts(result: Draft) -> list[str]:
    return notes_of(result, "doubt")


def _posts(result: Draft, body: int = 0) -> list[tuple[str, str, tuple[str, ...]]]:
    out = []
    for p in result.spec.bodies[body].posts:
        assert isinstance(p, Post)
        people = (p.holder,) if p.holder else tuple(h.person for h in p.holders)
        out.append((p.title, str(p.count), people))
    return out


# ---- posts: leaders named with their posts, no counts -------------------------------------------


def test_leaders_named_in_a_news_item_are_posts_of_no_count_with_their_holders() -> None:
    text = (
        "河西镇召开机构改革动员会\n"
        "3月2日,河西镇党委书记王建国,党委副书记、镇长李明华,人大主席赵小兵等出席会议。"
        "会议由党委副书记孙立主持。\n"
        "改革后,河西镇设党政办公室、经济发展办公室、社会事务办公室3个综合办公室。\n"
    )
    result = _draft(text)
    assert result.spec.bodies[0].name == "河西镇"
    assert _posts(result) == [
        ("党委书记", "unstated", ("王建国",)),
        ("党委副书记", "unstated", ("李明华", "孙立")),
        ("镇长", "unstated", ("李明华",)),
        ("人大主席", "unstated", ("赵小兵",)),
    ]


def test_a_leader_whose_title_opens_with_the_body_is_the_bodys_and_names_it() -> None:
    text = "国家某某管理局副局长周海峰介绍,国家某某管理局的组建已经完成。\n"
    result = _draft(text)
    assert result.spec.bodies[0].name == "国家某某管理局"
    assert _posts(result) == [("副局长", "unstated", ("周海峰",))]
    # named once only, the body may be a visitor's: the post is not the text's body's
    once = _draft("某某社区召开座谈会\n市某某管理局副局长周海峰介绍了情况。\n")
    assert [p for b in once.spec.bodies for p in b.posts] == []


def test_a_leader_of_another_unit_is_refused_with_a_note() -> None:
    # the text is about 某街道; the district's committee and another bureau are not its posts
    text = (
        "某街道办事处\n"
        "某街道办事处内设党政办公室、社区建设办公室、平安建设办公室。\n"
        "区委书记吴刚、区财政局局长郑平到某街道调研,街道办事处主任林冬主持座谈。\n"
    )
    result = _draft(text)
    assert _posts(result) == [("街道办事处主任", "unstated", ("林冬",))]
    doubts = _doubts(result)
    assert any("'区委书记' is a post of a 区, not of the body" in m for m in doubts)
    assert any("'区财政局局长' is a post of '区财政局', not of the body" in m for m in doubts)


def test_a_standing_committee_members_post_is_one_title_of_the_county() -> None:
    text = (
        "某某县机构改革动员大会召开\n"
        "会上,县委常委、宣传部长钱卫东作动员讲话,县委常委、常务副县长冯丽主持会议。"
        "某某县共设置党政机构32个。\n"
    )
    posts = _posts(_draft(text))
    assert ("县委常委、宣传部长", "unstated", ("钱卫东",)) in posts
    assert ("县委常委、常务副县长", "unstated", ("冯丽",)) in posts


def test_holders_of_other_posts_are_not_leaders_named() -> None:
    # "由A担任": the holder of another post, named where the post is given, not a leader of the body
    text = "某县防汛工作领导小组\n领导小组联络员由副组长贺强、副组长刘洋担任,领导小组办公室设在县水利局。\n"
    result = _draft(text)
    assert [(p.title, p.holder) for b in result.spec.bodies for p in b.posts if isinstance(p, Post)] == []


def test_words_after_a_title_that_are_no_name_are_not_read() -> None:
    # a word that does not open with a surname, or that ends in a post, is no holder
    text = "某镇\n某镇设党政办公室、财政所。党委书记主持全面工作,镇长负责政府工作。党委书记任组长,镇长任副组长。\n"
    result = _draft(text)
    assert _posts(result) == []


# ---- section duties: the label, a unit set per regulations, a page's credit line ----------------


_SECTIONS = (
    "内设机构\n"
    "(一)综合科\n"
    "职责:负责机关文电、会务、档案和后勤工作;承担机关财务管理。\n"
    "(二)执法监督科\n"
    "主要职责:负责行政执法的监督检查工作。\n"
    "按有关规定设置机关党总支。\n"
    "本页内容最后更新于2024年3月1日,来源:某某百科\n"
)


def test_a_duty_label_before_a_sections_duty_is_not_part_of_the_duty() -> None:
    body = _draft(_SECTIONS).spec.bodies[0]
    duties = {u.name: [d.text for d in u.duties] for u in body.units}
    assert duties["综合科"] == ["负责机关文电、会务、档案和后勤工作;承担机关财务管理。"]
    assert duties["执法监督科"] == ["负责行政执法的监督检查工作。"]
    # a duty that only mentions 职责, with no colon after it, is kept whole
    kept = _draft("内设机构\n(一)综合科\n职责分工由科务会议研究确定。\n").spec.bodies[0]
    assert [d.text for d in kept.units[0].duties] == ["职责分工由科务会议研究确定。"]


def test_a_unit_set_per_regulations_opening_its_line_is_a_unit_not_a_duty() -> None:
    body = _draft(_SECTIONS).spec.bodies[0]
    unit = next(u for u in body.units if u.name == "机关党总支")
    assert unit.per_regulations
    assert all("规定" not in d.text for u in body.units for d in u.duties)
    # a duty that sets something per regulations is still a duty
    kept = _draft("内设机构\n(一)综合科\n负责按有关规定设置临时工作专班。\n").spec.bodies[0]
    assert [u.name for u in kept.units] == ["综合科"]


def test_a_pages_credit_line_after_the_sections_is_no_duty() -> None:
    result = _draft(_SECTIONS)
    texts = [d.text for u in result.spec.bodies[0].units for d in u.duties]
    assert not any("更新于" in t or "百科" in t for t in texts)
    lines = {n["line"] for n in result.report["lines_with_no_fact"]}
    assert 7 in lines  # the credit line is listed as giving no fact
    # a duty about where funds come from is a duty, not a credit line
    kept = _draft("内设机构\n(一)财务科\n负责审核资金来源和使用情况。\n").spec.bodies[0]
    assert [d.text for d in kept.units[0].duties] == ["负责审核资金来源和使用情况。"]


# ---- quotas: ranges, a total's parts ------------------------------------------------------------


def test_a_quota_given_as_a_range_is_a_range_never_its_first_figure() -> None:
    text = "某县林业局\n某县林业局是县政府工作部门。某县林业局行政编制为20名至25名。\n"
    quota = _draft(text).spec.bodies[0].quotas[0]
    assert (quota.category, quota.count.value, quota.count.high) == (QuotaCategory.ADMINISTRATIVE, 20, 25)
    bounded = "某县林业局\n某县林业局是县政府工作部门。某县林业局事业编制不少于6名,原则上不超过9名。\n"
    quota = _draft(bounded).spec.bodies[0].quotas[0]
    assert (quota.category, quota.count.value, quota.count.high) == (QuotaCategory.PUBLIC_INSTITUTION, 6, 9)
    # in a staffing part too, where the figure before 至 used to be read alone
    part = _draft("某县林业局\n三、人员编制\n某县林业局行政编制为20名至25名。\n").spec.bodies[0].quotas
    assert [str(q.count) for q in part] == ["20-25"]


def test_a_range_of_other_units_is_a_note_not_the_bodys_quota() -> None:
    result = _draft("某县林业局\n某县林业局是县政府工作部门。各林业站事业编制不超过5名。\n")
    assert result.spec.bodies[0].quotas == ()
    assert any("is a range of '林业站', not of the body" in m for m in _doubts(result))


def test_the_parts_of_a_total_after_qizhong_are_not_quotas_of_their_own() -> None:
    text = "某县统计局是县政府工作部门。县统计局机关编制12名,其中行政编制10名,机关工勤编制2名。\n"
    quotas = _draft(text).spec.bodies[0].quotas
    assert [(str(q.count), [str(p.count) for p in q.parts]) for q in quotas] == [("12", ["10", "2"])]


# ---- posts in a staffing part: after the quota, held by another post, the body's name, sub-counts


def _staffing(body_name: str, text: str) -> Draft:
    return _draft(f"{body_name}\n三、人员编制和领导职数\n{text}\n")


def test_posts_a_quotas_sentence_goes_on_to_set_are_read() -> None:
    result = _staffing("某县审计局", "核定县审计局行政编制9名,设局长1名、副局长2名。")
    assert [(p.title, str(p.count)) for p in result.spec.bodies[0].posts] == [("局长", "1"), ("副局长", "2")]
    # the parts of the quota after it are no posts
    parts = _staffing("某县审计局", "县审计局编制9名,其中行政编制8名,工勤编制1名。")
    assert parts.spec.bodies[0].posts == ()


def test_a_post_held_by_the_holder_of_another_is_a_post_of_no_count() -> None:
    body = _staffing("某县审计局", "县审计局行政编制9名。局长由副县长兼任,副局长2名。").spec.bodies[0]
    chief = body.posts[0]
    assert isinstance(chief, Post)
    assert (chief.title, str(chief.count), chief.concurrent) == ("局长", "unstated", "副县长")
    # a clause that gives work to a unit is no post
    other = _staffing("某县审计局", "县审计局行政编制9名。日常工作由办公室承担。").spec.bodies[0]
    assert other.posts == ()


def test_a_title_that_opens_with_the_bodys_name_leaves_it_out() -> None:
    body = _staffing("某县审计局", "县审计局行政编制9名。县审计局股级领导职数3名。").spec.bodies[0]
    assert [p.title for p in body.posts] == ["股级领导职数"]
    # the ending every body shares is no name: an office keeps its 办公室 in the title
    office = _staffing("某县人民政府外事办公室", "行政编制6名。办公室主任1名。").spec.bodies[0]
    assert [p.title for p in office.posts] == ["办公室主任"]


def test_a_sub_count_of_posts_with_its_figure_first_keeps_the_figure() -> None:
    body = _staffing("某县审计局", "县审计局行政编制9名。副局长2名(其中1名副局长兼任总审计师)。").spec.bodies[0]
    deputy = body.posts[0]
    assert isinstance(deputy, Post)
    assert [str(p.count) for p in deputy.parts] == ["1"]


# ---- a staffing paragraph in running text -------------------------------------------------------


def test_a_staffing_paragraph_of_running_text_is_read_as_a_staffing_part() -> None:
    text = (
        "某县审计局是县政府工作部门。县审计局机关行政编制为10名(含纪检监察编制1名)。"
        "局领导职数:局长1名,副局长2名(其中1名由县政府办公室副主任兼任),股级领导职数4名。\n"
    )
    body = _draft(text).spec.bodies[0]
    quota = body.quotas[0]
    assert (str(quota.count), [str(p.count) for p in quota.parts]) == ("10", ["1"])
    assert [(p.title, str(p.count)) for p in body.posts] == [("局长", "1"), ("副局长", "2"), ("股级领导职数", "4")]


def test_a_paragraph_whose_figures_are_not_the_bodys_is_left_to_the_running_readers() -> None:
    # a figure for each unit, and a total over a place: not the body's staffing part
    each = "某县审计局是县政府工作部门。每个审计分局行政编制4名。局长1名,副局长1名。\n"
    assert _draft(each).spec.bodies[0].quotas == ()
    place = "某县审计局是县政府工作部门。全县审计系统行政编制40名。局长1名,副局长2名。\n"
    assert _draft(place).spec.bodies[0].quotas == ()


def test_a_quota_in_ge_or_ren_in_a_staffing_part_is_read() -> None:
    body = _staffing("某县审计局", "县审计局行政编制9名,事业编制3个,工勤编制1人。").spec.bodies[0]
    assert [(q.category, str(q.count)) for q in body.quotas] == [
        (QuotaCategory.ADMINISTRATIVE, "9"),
        (QuotaCategory.PUBLIC_INSTITUTION, "3"),
        (QuotaCategory.LOGISTICS, "1"),
    ]


def test_a_total_with_its_parts_in_parentheses_is_one_quota() -> None:
    body = _staffing("某县审计局", "县审计局编制11名(行政编制9名、工勤编制2名)。").spec.bodies[0]
    assert [(q.category, str(q.count), [str(p.count) for p in q.parts]) for q in body.quotas] == [
        (QuotaCategory.OTHER, "11", ["9", "2"])
    ]
    # parts that do not add up: the total as stated, the parts a note (no quota of their own)
    result = _staffing("某县审计局", "县审计局编制11名(行政编制9名、工勤编制3名)。")
    assert [(str(q.count), q.parts) for q in result.spec.bodies[0].quotas] == [("11", ())]
    assert "add up to 12, not 11" in result.text


def test_parts_in_parentheses_with_neither_han_nor_buhan_are_inside_with_a_doubt() -> None:
    result = _staffing("某县审计局", "县审计局行政编制40名(离退休干部工作人员编制3名)。")
    quota = result.spec.bodies[0].quotas[0]
    assert [(p.relation, str(p.count)) for p in quota.parts] == [("includes", "3")]
    assert "neither 含 nor 不含" in result.text
    # words in parentheses that are no figure of 编制 are no part
    kept = _staffing("某县审计局", "县审计局行政编制40名(按有关规定使用)。").spec.bodies[0].quotas[0]
    assert kept.parts == ()


def test_leaders_of_a_level_are_the_bodys_only_when_its_name_has_that_level() -> None:
    text = (
        "某某街道办事处\n"
        "某某街道办事处内设党政办公室、平安建设办公室。"
        "街道党工委书记韩梅、街道办事处主任魏东出席,区长孔亮到会讲话。\n"
    )
    result = _draft(text)
    assert [(t, h) for t, _, h in _posts(result)] == [("街道党工委书记", ("韩梅",)), ("街道办事处主任", ("魏东",))]
    assert any("'区长' is a post of a 区, not of the body" in m for m in _doubts(result))


def test_leaders_of_several_levels_with_no_body_named_are_refused() -> None:
    # the text never names its body: a 镇's and a 县's leaders side by side, neither is drafted
    text = "会议召开\n会上,镇党委书记邹平、县长卢峰讲话。会议设主会场和分会场。\n"
    result = _draft(text)
    assert [p for b in result.spec.bodies for p in b.posts] == []
    assert any("the text names posts of 县、镇" in m for m in _doubts(result))


def test_a_post_held_concurrently_is_read_from_its_own_you_clause_only() -> None:
    # "组长由县委书记任组长": no holder named; the 由…兼任 after it is the 副组长's alone
    text = "某县防汛工作领导小组\n领导小组组长由县委书记任组长,副组长由县水利局局长胡波、县应急局局长曹阳兼任。\n"
    result = _draft(text)
    posts = [p for b in result.spec.bodies for p in b.posts if isinstance(p, Post)]
    people = {h.person for p in posts for h in p.holders} | {p.holder for p in posts if p.holder}
    assert people == {"胡波", "曹阳"}
    assert [p.title for p in posts] == ["副组长"]


def test_a_pages_credit_or_tool_line_after_the_duties_is_not_glued_to_the_last_duty() -> None:
    for chrome in ("来源:某某县人民政府网 发布时间:2020-01-01", "[责任编辑:某某]", "打印本页 关闭窗口"):
        text = f"某县审计局\n一、主要职责\n(一)负责全县审计工作。\n(二)完成县委、县政府交办的其他任务。\n{chrome}\n"
        duties = [d.text for d in _draft(text).spec.bodies[0].duties]
        assert duties == ["负责全县审计工作。", "完成县委、县政府交办的其他任务。"], chrome
    # a line that goes on with the duty is still read with it
    going_on = "某县审计局\n一、主要职责\n(一)负责全县审计工作,\n指导乡镇审计工作。\n"
    assert [d.text for d in _draft(going_on).spec.bodies[0].duties] == ["负责全县审计工作,指导乡镇审计工作。"]


def test_a_figure_of_staff_is_never_a_post() -> None:
    body = _staffing("某县审计局", "县审计局人员编制15名。局长1名,副局长2名。").spec.bodies[0]
    assert [p.title for p in body.posts] == ["局长", "副局长"]


def test_the_staff_in_post_after_a_quotas_parts_are_no_part() -> None:
    text = "某县审计局是县政府工作部门。本部门编制数15人,其中行政编制12人、事业编制3人;实有人数14人。\n"
    result = _draft(text)
    quota = result.spec.bodies[0].quotas[0]
    assert (str(quota.count), [str(p.count) for p in quota.parts]) == ("15", ["12", "3"])
    assert "adds up to" not in result.text  # no inconsistency the document does not have


def test_a_body_speaking_of_itself_by_its_last_character_names_its_own_posts() -> None:
    text = "某县统计局\n某县统计局内设办公室、统计股。局党组书记、局长王海主持会议,局党组成员、副局长刘江作报告。\n"
    assert [(t, h) for t, _, h in _posts(_draft(text))] == [
        ("局党组书记", ("王海",)),
        ("局长", ("王海",)),
        ("副局长", ("刘江",)),
    ]
    committee = "某县发展和改革委员会\n某县发展和改革委员会内设办公室、价格股。委党组书记、主任王海出席。\n"
    assert [t for t, _, _ in _posts(_draft(committee))] == ["委党组书记", "主任"]
    # a 部's party group in a 局's text is another body's
    other = _draft("某县统计局\n某县统计局内设办公室、统计股。部党组书记王海出席。\n")
    assert _posts(other) == []
    assert any("'部党组书记' is a post of a 部" in m for m in _doubts(other))


def test_leaders_joined_by_he_or_named_after_zai_or_you_are_read() -> None:
    text = "某某县召开会议\n出席会议的有县委书记王海和县长刘江。在县委副书记陈松的陪同下,专家组参观了园区。\n"
    posts = _posts(_draft(text))
    assert [(t, h) for t, _, h in posts] == [("县委书记", ("王海",)), ("县长", ("刘江",)), ("县委副书记", ("陈松",))]
    # a name with 和 inside it is one name
    assert [h for _, _, h in _posts(_draft("某某县召开会议\n县委书记张和平出席会议。\n"))] == [("张和平",)]


def test_a_person_appointed_with_chu_ren_or_dan_ren_holds_the_post() -> None:
    text = "某某委员会\n1950年,成立某某委员会,周明同志出任主任,吴亮同志担任副主任。\n"
    posts = _posts(_draft(text))
    assert [(t, c, h) for t, c, h in posts] == [("主任", "unstated", ("周明",)), ("副主任", "unstated", ("吴亮",))]


def test_a_staffing_paragraph_of_subordinate_units_is_not_the_bodys() -> None:
    text = "某县审计局是县政府工作部门。所属二级单位行政编制3名。主任1名,副主任1名。\n"
    result = _draft(text)
    assert result.spec.bodies[0].posts == ()
    assert "a staffing paragraph of running text" not in result.text


# ---- a property of the leaders reader: a holder is always a name the text wrote -----------------

_TITLES = ("党委书记", "党委副书记", "镇长", "副镇长", "人大主席", "纪委书记", "党委委员", "党委副书记、镇长")
_GIVEN = "建国明华小兵立海江平松峰东梅亮军红"
_NAMES = st.builds(
    lambda s, g: s + g, st.sampled_from("王李张刘陈杨赵周吴孙"), st.text(alphabet=_GIVEN, min_size=1, max_size=2)
)
_JOINTS = st.sampled_from([",", "、", "等出席会议。", "主持会议。", "讲话,", "同志,"])


@given(st.lists(st.tuples(st.sampled_from(_TITLES), _NAMES, _JOINTS), min_size=1, max_size=8))
@settings(max_examples=60, deadline=None)
def test_every_leader_drafted_is_a_title_and_a_name_the_text_wrote(people: list[tuple[str, str, str]]) -> None:
    text = (
        "河西镇召开会议\n会上," + "".join(t + n + j for t, n, j in people) + "\n河西镇设党政办公室、经济发展办公室。\n"
    )
    result = _draft(text)
    titles = {part for t, _, _ in people for part in t.split("、")}
    names = {n for _, n, _ in people}
    read: set[str] = set()
    for body in result.spec.bodies:
        for post in body.posts:
            assert isinstance(post, Post)
            assert post.title in titles
            read |= {post.holder} if post.holder else {h.person for h in post.holders}
    assert read == names  # every leader is read, and nothing else


def test_a_title_opening_with_the_bodys_place_name_is_the_bodys() -> None:
    text = "河西镇召开会议\n河西镇设党政办公室、经济发展办公室。河西党委书记王海、河西镇长刘江出席。\n"
    assert [(t, h) for t, _, h in _posts(_draft(text))] == [("党委书记", ("王海",)), ("镇长", ("刘江",))]
    # the place's head in a text about one of its bureaus is the place's, not the bureau's
    bureau = _draft("某县统计局\n某县统计局内设办公室、统计股。某县县长王海到局调研。\n")
    assert _posts(bureau) == []
