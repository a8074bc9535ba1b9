"""``orgspec draft``'s fifth pass (batch 4 promoted): made-up snippets, one per rule.

Each rule is tested on a text written for this test in other words than the corpus document that
showed it, with the refusal (what the drafter must not guess) beside the reading. Every draft reads
back to its model and passes check but for OS301.
"""

from __future__ import annotations

from orgspec.draft import Draft
from orgspec.model.units import Post, PostGroup
from orgspec.model.values import CountStatus, QuotaCategory
from tests.draft_helpers import checked_draft as _draft
from tests.draft_helpers import notes_of


def _doubts(result: Draft) -> list[str]:
    return notes_of(result, "doubt")


# ---- precision: what the drafter no longer guesses ----------------------------------------------


def test_a_plaque_named_by_a_pronoun_is_the_name_the_sentence_before_gives() -> None:
    text = (
        "某市地震局机构编制方案\n"
        "某市地震局的机构规格为正处级。某市地震局内设办公室、监测预报科、震害防御科。"
        "由某市地震局管理的机构1个:1.某市防震减灾中心。在某市地震局加挂该机构牌子。\n"
    )
    body = _draft(text).spec.bodies[0]
    assert [(p.name, p.form) for p in body.plaques] == [("某市防震减灾中心", "加挂")]


def test_a_plaque_named_by_a_pronoun_with_no_name_before_is_a_note() -> None:
    text = "某县文化局\n某县文化局内设办公室、艺术股、文物股。经研究,在某县文化局加挂该单位牌子。\n"
    result = _draft(text)
    assert result.spec.bodies[0].plaques == ()
    assert any("'该单位' names no plaque" in m for m in _doubts(result))


def test_a_basis_that_is_not_about_organisation_is_refused() -> None:
    text = (
        "某县交通运输局2020年度部门整体支出绩效自评报告\n"
        "根据《某县财政局关于开展2020年度预算绩效自评工作的通知》(某财绩〔2021〕3号),现将自评情况报告如下。\n"
        "某县交通运输局内设办公室、规划股、运输股3个股室。\n"
    )
    result = _draft(text)
    assert result.spec.bodies[0].basis == ()
    assert any("not about the organisation of a body" in m for m in _doubts(result))
    # a basis that sets up bodies is still read
    kept = "某县交通运输局\n根据《某县机构改革方案》(某发〔2019〕2号),制定本规定。\n某县交通运输局是县政府工作部门。\n"
    assert [b.number for b in _draft(kept).spec.bodies[0].basis] == ["某发〔2019〕2号"]


def test_a_post_set_by_another_unit_is_refused_and_the_bodys_own_subject_left_out() -> None:
    text = (
        "某市统计局\n"
        "某市统计局是市政府工作部门。\n"
        "三、领导职数\n"
        "某市统计局设局长1名,副局长2名。\n"
        "某市普查中心设主任1名。\n"
    )
    result = _draft(text)
    posts = [(p.title, p.count.value) for p in result.spec.bodies[0].posts if isinstance(p, Post)]
    assert posts == [("局长", 1), ("副局长", 2)]
    assert any("'某市普查中心设主任1名' is a post of '某市普查中心'" in m for m in _doubts(result))


def test_the_sections_posts_as_one_figure_are_a_group_for_the_sections() -> None:
    text = "某市档案局\n某市档案局是市委工作机关。\n二、领导职数\n局长1名,副局长2名。局机关内设机构科级领导职数5名。\n"
    posts = _draft(text).spec.bodies[0].posts
    groups = [p for p in posts if isinstance(p, PostGroup)]
    assert [(g.title, g.count.value, g.for_sections) for g in groups] == [("科级领导职数", 5, True)]


def test_a_quota_over_a_system_is_a_body_of_its_own_not_the_bodys() -> None:
    text = "某州地震机构编制方案\n某州地震局内设办公室、监测科、防御科。\n1.人员编制:某州地震系统人员编制核定为58名。\n"
    spec = _draft(text).spec
    assert spec.bodies[0].name == "某州地震局"
    assert spec.bodies[0].quotas == ()
    system = next(b for b in spec.bodies if b.name == "某州地震系统")
    assert [(q.category, q.count.value) for q in system.quotas] == [(QuotaCategory.OTHER, 58)]


# ---- recall: phrasings read now --------------------------------------------------------------


def test_a_total_in_ge_with_its_parts_after_qizhong_is_one_quota_with_parts() -> None:
    text = (
        "某县水利局\n"
        "某县水利局内设办公室、水政股、工程股。全局行政事业总编制为60个,其中行政编9个、全额事业编30个、自收自支"
    )
    quotas = _draft(text).spec.bodies[0].quotas
    assert len(quotas) == 1
    quota = quotas[0]
    assert (quota.category, quota.count.value) == (QuotaCategory.OTHER, 60)
    assert [(p.category, p.count.value) for p in quota.parts[:2]] == [
        (QuotaCategory.ADMINISTRATIVE, 9),
        (QuotaCategory.PUBLIC_INSTITUTION, 30),
    ]
    assert quota.parts[2].count.status is CountStatus.CUT_OFF  # the copy stops in the last part


def test_a_post_held_concurrently_by_a_named_person_is_one_post_of_the_office() -> None:
    text = (
        "某区关于成立某区河长制工作领导小组的通知\n"
        "一、主要职责\n(一)统筹全区河长制工作。\n(二)研究解决重大问题。\n"
        "二、工作机构\n"
        "领导小组下设办公室,办公室设在区水务局,区水务局局长王某某同志兼任办公室主任。\n"
    )
    body = _draft(text).spec.bodies[0]
    assert body.name == "某区河长制工作领导小组"
    office = next(u for u in body.units if u.name.endswith("办公室"))
    post = office.posts[0]
    assert isinstance(post, Post)
    assert (post.title, post.count.value, post.concurrent, post.holder) == ("办公室主任", 1, "区水务局局长", "王某某")
    # a deputy post appointed concurrently is not a post of one
    deputy = "某某委员会\n由李某同志任主任,赵某同志兼任副主任。\n"
    posts = [p for p in _draft(deputy).spec.bodies[0].posts if isinstance(p, Post)]
    assert all(p.count.status is CountStatus.UNSTATED for p in posts)


def test_a_body_is_named_by_its_titles_plan() -> None:
    text = (
        "关于《某某街道机构改革实施方案》的说明\n"
        "根据上级要求,制定本方案。\n"
        "《方案》将街道设置5个党政机构:党政办公室、党建办公室、城市管理办公室、社会事务办公室、平安建设办公室。\n"
    )
    assert _draft(text).spec.bodies[0].name == "某某街道"


def test_a_duties_heading_of_work_and_a_three_character_subject_are_read() -> None:
    text = (
        "一、基本情况\n"
        "宣传部是县委的工作部门。\n"
        "二、主要工作职责\n"
        "1、负责全县理论学习的组织工作。\n"
        "2、负责指导全县新闻宣传工作。\n"
    )
    body = _draft(text).spec.bodies[0]
    assert body.name == "宣传部"
    assert len(body.duties) == 2


def test_bodies_named_alone_under_a_heading_line_of_their_class() -> None:
    text = (
        "某省机构一览(2020年)\n"
        "一、省委工作机关\n"
        "省委办公厅\n"
        "省委组织部(对外加挂省公务员局牌子)\n"
        "省委宣传部(省政府新闻办公室)\n"
        "省委机构编制委员会办公室\n"
        "二、省委直属事业单位\n"
        "省委党校(省行政学院)\n"
        "省法制?qǐng)?bào)社\n"
        "省日报社\n"
        "相关链接\n"
    )
    spec = _draft(text).spec
    bodies = {b.name: b for b in spec.bodies}
    assert {"省委办公厅", "省委组织部", "省委宣传部", "省委机构编制委员会办公室", "省委党校", "省日报社"} <= set(bodies)
    assert [(p.name, p.form) for p in bodies["省委组织部"].plaques] == [("省公务员局", "对外加挂")]
    assert [p.name for p in bodies["省委宣传部"].plaques] == ["省政府新闻办公室"]
    assert bodies["省委党校"].kind_label == "省委直属事业单位"
    assert "相关链接" not in bodies
    # one name under a heading is no list of bodies
    alone = "一、省委工作机关\n省委办公厅\n本页说明文字。\n"
    assert all(b.kind_label != "省委工作机关" for b in _draft(alone).spec.bodies)


def test_a_count_over_sections_and_other_units_covers_a_list_whatever_its_endings() -> None:
    text = (
        "二、机构情况\n"
        "某县水利局系正股级行政单位,内设办公室、工程股、机关工会、水政监察大队、档案室5个股室和二级单位。"
        "下辖灌区管理所、水文站、水利工程公司3个二级单位。\n"
    )
    result = _draft(text)
    body = result.spec.bodies[0]
    assert (body.name, body.kind_label) == ("某县水利局", "行政单位")
    sections = [u.name for u in body.units if u.kind.value == "section"]
    assert sections == ["办公室", "工程股", "机关工会", "水政监察大队", "档案室"]
    institutions = [u.name for u in body.units if u.kind.value == "public-institution"]
    assert institutions == ["灌区管理所", "水文站", "水利工程公司"]
    assert [n for n in result.report["notes"] if n["kind"] == "anomaly"] == []


def test_a_quoted_list_closed_by_its_count_is_the_sections() -> None:
    text = (
        "某乡召开机构改革动员会\n"
        "会上宣布,“党政办公室、社会事务办公室、综合执法队、便民服务中心”4个乡政府工作机构即日挂牌运行。\n"
    )
    body = _draft(text).spec.bodies[0]
    assert [u.name for u in body.units] == ["党政办公室", "社会事务办公室", "综合执法队", "便民服务中心"]
    assert [(s.what, s.count.value) for s in body.stated] == [("sections", 4)]
    # a quoted list whose count differs is not read as the sections
    other = "某乡\n会上宣布,“党政办公室、社会事务办公室”4个乡政府工作机构即日挂牌运行。\n"
    assert all(u.name != "党政办公室" for b in _draft(other).spec.bodies for u in b.units)


def test_units_of_two_kinds_of_body_side_by_side_name_the_first_not_one_merged_body() -> None:
    text = (
        "关于全县乡镇机构设置的意见\n"
        "乡镇内设机构按照精简原则设置。镇设党政办公室、经济发展办公室、社会事务办公室;乡设党政办公室、社会事务办公室。\n"
        "乡镇机构编制实行总量控制。各乡镇不得自行增设机构。\n"
    )
    result = _draft(text)
    body = result.spec.bodies[0]
    assert body.name == "镇"
    assert [u.name for u in body.units] == ["党政办公室", "经济发展办公室", "社会事务办公室"]
    # the eleventh pass (draft.extract_owned): every 乡 is drafted apart, with its own list
    (township,) = [b for b in result.spec.bodies if b.name == "乡"]
    assert [u.name for u in township.units] == ["党政办公室", "社会事务办公室"]
    assert not any("the units of every 乡 are not drafted apart" in m for m in _doubts(result))


def test_a_preamble_that_announces_the_regulation_does_not_open_the_sections() -> None:
    text = (
        "《某县司法局职能配置、内设机构和人员编制规定》已经县人民政府同意,现予印发。\n"
        "某县司法局职能配置、内设机构和人员编制规定\n"
        "根据《关于印发〈某县机构改革方案〉的通知》(某发〔2019〕5号)精神,设立县司法局,为县政府工作部门。"
        "其职能配置、内设机构和人员编制规定如下:\n"
        "一、主要职责\n(一)负责全县法治宣传工作。\n(二)指导人民调解工作。\n"
    )
    body = _draft(text).spec.bodies[0]
    assert body.name == "某县司法局"
    assert body.kind_label == "工作部门"
    assert [(b.number, b.title) for b in body.basis] == [
        (None, "某县司法局职能配置、内设机构和人员编制规定"),
        ("某发〔2019〕5号", "关于印发〈某县机构改革方案〉的通知"),
    ]
    assert len(body.duties) == 2


def test_a_notice_with_its_number_stands_for_the_regulation_it_issues() -> None:
    text = (
        "某市人民政府办公厅关于印发某市商务局主要职责内设机构和人员编制规定的通知\n"
        "某政办发〔2010〕7号\n"
        "《某市商务局主要职责内设机构和人员编制规定》已经市人民政府批准,现予印发。\n"
        "一、主要职责\n(一)拟订全市商贸发展规划。\n"
    )
    basis = _draft(text).spec.bodies[0].basis
    assert [b.title for b in basis if b.number is None] == []
    assert any(b.number == "某政办发〔2010〕7号" for b in basis)


def test_the_document_a_title_names_is_the_basis() -> None:
    notice = (
        "某县人民政府办公室关于成立某县河湖保护工作领导小组的通知\n为加强河湖保护,县政府决定成立领导小组。\n"
        "一、主要职责\n(一)统筹全县河湖保护工作。\n(二)协调解决重大问题。\n"
    )
    basis = _draft(notice).spec.bodies[0].basis
    assert [(b.title, b.issuer) for b in basis] == [
        ("某县人民政府办公室关于成立某县河湖保护工作领导小组的通知", "某县人民政府办公室")
    ]
    reading = (
        "关于《某某街道机构改革实施方案》的说明\n《方案》将街道设置3个党政机构:党政办公室、党建办公室、平安办公室。\n"
    )
    assert [b.title for b in _draft(reading).spec.bodies[0].basis] == ["某某街道机构改革实施方案"]


def test_units_set_per_regulations_and_a_count_of_one_before_a_colon() -> None:
    text = (
        "某镇机构设置方案\n"
        "某镇设置4个党政机构:党政办公室、经济发展办公室、社会事务办公室、平安建设办公室,"
        "另按规定设立了机关党总支、纪检监察室。1个执法机构:综合行政执法队(待全县统一明确)。\n"
    )
    body = _draft(text).spec.bodies[0]
    units = {u.name: u for u in body.units}
    assert {"党政办公室", "平安建设办公室", "机关党总支", "纪检监察室", "综合行政执法队"} <= set(units)
    assert units["纪检监察室"].per_regulations
    assert units["机关党总支"].outside_count
    assert not units["党政办公室"].per_regulations
    # one name after a colon with no count before it is no list
    alone = "某镇\n工作要求:综合行政执法队要加强巡查。\n"
    assert all(u.name != "综合行政执法队" for b in _draft(alone).spec.bodies for u in b.units)


def test_plaques_each_in_quotes_in_one_jiagua_clause_are_the_bodys() -> None:
    text = (
        "某省人民政府外事办公室主要职责内设机构和人员编制规定\n"
        "根据《某省机构改革方案》(某发〔2019〕1号),设立某省人民政府外事办公室"
        "(加挂“某省人民政府港澳事务办公室”、“某省国际交流协会”牌子),为省政府工作部门。\n"
    )
    plaques = _draft(text).spec.bodies[0].plaques
    assert [(p.name, p.form) for p in plaques] == [("某省人民政府港澳事务办公室", "加挂"), ("某省国际交流协会", "加挂")]


def test_a_head_named_on_a_summary_line_is_a_post_with_its_holder() -> None:
    text = "一、基本情况\n(一)部门负责人:王某某\n(二)办公地址:某县政府大院\n文化局是县政府的工作部门。\n"
    posts = _draft(text).spec.bodies[0].posts
    assert [(p.title, p.count.status, p.holder) for p in posts if isinstance(p, Post)] == [
        ("部门负责人", CountStatus.UNSTATED, "王某某")
    ]


def test_a_body_set_up_in_several_named_places_stands_for_them_with_totals() -> None:
    text = (
        "某市推进基层统战工作\n"
        "截至目前,全市已有3个县(甲县、乙县、丙县)成立民族宗教服务中心,系全额拨款的正股级事业单位,"
        "共设事业编9人,其中股级领导职数3人。\n"
    )
    spec = _draft(text).spec
    body = next(b for b in spec.bodies if b.name == "民族宗教服务中心")
    assert body.kind is not None
    assert body.kind.value == "public-institution"
    assert body.stands_for is not None
    assert [r.target for r in body.stands_for.members] == ["甲县", "乙县", "丙县"]
    assert [(q.count.status, q.across[0].count.value) for q in body.quotas] == [(CountStatus.UNSTATED, 9)]
    assert [(p.title, p.across[0].count.value) for p in body.posts if isinstance(p, Post)] == [("股级领导职数", 3)]
    # a count that the places named do not fill is no class
    other = "某市\n全市已有3个县(甲县、乙县)成立民族宗教服务中心,系全额拨款的事业单位。\n"
    assert all(b.name != "民族宗教服务中心" for b in _draft(other).spec.bodies)


def test_a_counted_list_of_bodies_of_a_level_gives_each_body_and_its_plaque() -> None:
    text = (
        "某市地震局机构编制方案\n"
        "某市地震局内设办公室、监测科、防御科。某市设甲区地震台(挂甲区地震局牌子)、乙县地震局(乙县地震监测站)、"
        "丙县地震局3个县级地震机构,机构规格为正科级。\n"
    )
    spec = _draft(text).spec
    bodies = {b.name: b for b in spec.bodies}
    assert {"甲区地震台", "乙县地震局", "丙县地震局"} <= set(bodies)
    assert [(p.name, p.form) for p in bodies["甲区地震台"].plaques] == [("甲区地震局", "挂")]
    assert [p.name for p in bodies["乙县地震局"].plaques] == ["乙县地震监测站"]
    assert bodies["丙县地震局"].kind_label == "县级地震机构"
    assert [u.name for u in bodies["某市地震局"].units] == ["办公室", "监测科", "防御科"]


def test_a_count_of_institutions_before_their_list_covers_names_of_any_ending() -> None:
    text = (
        "某市地震局\n某市地震局内设办公室、监测科、防御科。"
        "某市地震局直属科级事业单位3个,某市地震台(某市地震信息中心)、某市地震服务中心、某市地震研究所。\n"
    )
    units = {u.name: u for u in _draft(text).spec.bodies[0].units}
    assert [n for n, u in units.items() if u.kind.value == "public-institution"] == [
        "某市地震台",
        "某市地震服务中心",
        "某市地震研究所",
    ]
    assert [p.name for p in units["某市地震台"].plaques] == ["某市地震信息中心"]
    # a count the list does not fill reads no name that does not end like a unit's
    short = "某市地震局\n某市地震局直属科级事业单位4个,某市地震台、某市地震服务中心。\n"
    assert "某市地震台" not in {u.name for b in _draft(short).spec.bodies for u in b.units}


def test_a_plaque_become_a_body_sharing_offices_names_the_other_body() -> None:
    text = (
        "某县档案局职能配置、内设机构和人员编制规定\n"
        "根据《某县机构改革方案》(某发〔2019〕3号)精神,县档案局由在中共某县县委办公室挂牌调整为与其合署,"
        "为县委工作机关。\n"
        "一、主要职责\n(一)负责全县档案工作。\n(二)指导档案馆建设。\n"
    )
    names = [b.name for b in _draft(text).spec.bodies]
    assert names[0] == "某县档案局"
    assert "中共某县县委办公室" in names


def test_a_headline_that_opens_with_a_body_named_again_names_it() -> None:
    text = (
        "某某镇举行机构改革挂牌仪式\n"
        "5月8日上午,某某镇举行挂牌仪式,“党政办公室、平安办公室、便民服务中心”3个镇政府工作机构正式成立。\n"
    )
    assert _draft(text).spec.bodies[0].name == "某某镇"
    # named once only, the headline's subject is not taken
    once = "某某镇举行机构改革挂牌仪式\n会上,“党政办公室、平安办公室、便民服务中心”3个工作机构正式成立。\n"
    assert _draft(once).spec.bodies[0].name != "某某镇"


def test_a_class_heading_names_the_body_whose_bodies_it_lists() -> None:
    text = "一、省委工作机关\n省委办公厅\n省委组织部\n省委宣传部\n"
    spec = _draft(text).spec
    assert spec.bodies[0].name == "省委"
    assert [b.name for b in spec.bodies[1:]] == ["省委办公厅", "省委组织部", "省委宣传部"]


def test_the_bodies_a_managed_list_names_are_bodies_but_not_the_bodys_plaque() -> None:
    text = (
        "某市地震局机构编制方案\n"
        "某市地震局内设办公室、监测科、防御科。地方地震机构经市政府批准成立,由某市地震局管理的机构2个,分别是:"
        "(1)某市防震减灾中心。在某市地震局加挂该机构牌子。(2)某市抗震救灾指挥部办公室。具体由监测科承担日常工作。\n"
    )
    spec = _draft(text).spec
    bodies = {b.name: b for b in spec.bodies}
    assert bodies["某市抗震救灾指挥部办公室"].kind_label == "地方地震机构"
    assert "某市防震减灾中心" not in bodies
    assert [p.name for p in bodies["某市地震局"].plaques] == ["某市防震减灾中心"]


def test_units_named_right_after_a_numbered_list() -> None:
    text = (
        "(十二)信息科\n负责机关信息化建设。\n(十三)车队\n负责机关车辆管理。\n"
        "纪检监察机构按有关规定设置。\n"
        "老干部科负责机关离退休干部的服务工作。\n"
        "四、人员编制\n"
    )
    units = {u.name: u for u in _draft(text).spec.bodies[0].units}
    assert units["纪检监察机构"].per_regulations
    assert [d.text for d in units["老干部科"].duties] == ["负责机关离退休干部的服务工作。"]
    assert [d.text for d in units["车队"].duties] == ["负责机关车辆管理。"]


def test_the_units_of_several_bodies_and_a_list_of_level_bodies_are_not_the_bodys_sections() -> None:
    text = (
        "某市地震局机构编制方案\n"
        "某市地震局内设办公室、监测科、防御科。某市设甲县地震局、乙县地震局2个县级地震机构。"
        "甲县、乙县地震局内设办公室、监测站、服务中心。另保留某市地震局核算中心,挂靠防御科。\n"
    )
    result = _draft(text)
    bodies = {b.name: b for b in result.spec.bodies}
    units = {u.name: u for u in bodies["某市地震局"].units}
    assert list(units) == ["办公室", "监测科", "防御科", "某市地震局核算中心"]
    assert units["某市地震局核算中心"].outside_count
    assert {"甲县地震局", "乙县地震局"} <= set(bodies)
    # the eleventh pass (draft.extract_owned): the county bureaus' list is drafted on each of them
    for county in ("甲县地震局", "乙县地震局"):
        assert [u.name for u in bodies[county].units] == ["办公室", "监测站", "服务中心"]


def test_the_heads_of_a_body_one_after_another() -> None:
    text = (
        "某县文化局\n某县文化局是县政府工作部门,内设办公室、艺术股、文物股。\n"
        "历任局长依次为:张三、李四(副局长,主持工作)、王五。\n"
    )
    posts = [p for p in _draft(text).spec.bodies[0].posts if isinstance(p, Post)]
    assert [(p.title, p.count.status, [h.person for h in p.holders]) for p in posts] == [
        ("局长", CountStatus.UNSTATED, ["张三", "李四", "王五"])
    ]
