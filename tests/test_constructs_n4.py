"""The constructs of the fourth round of issue 13: totals over pools and bodies (K7/K9), dual
leadership, the area a unit covers, the date of a state, periods in words and a members'
adjustment (N4). Each is tested through parse, model, check, fmt, export and completion, against
what a reviewer expects of a small document.
"""

from __future__ import annotations

import json

import pytest

import orgspec
from orgspec.export import export
from orgspec.export.tables import table_rows
from orgspec.fmt import format_source
from orgspec.model import EventKind, QuotaCategory, RelationKind


def _findings(text: str, *codes: str) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in orgspec.check_text(text) if not codes or d.code in codes]


def _messages(text: str, code: str) -> list[str]:
    return [d.message for d in orgspec.check_text(text) if d.code == code]


def _round_trips(text: str) -> orgspec.Spec:
    spec = orgspec.loads(text)
    assert orgspec.loads(orgspec.dumps(spec)) == spec
    assert format_source(text, "t.orgspec").output == text  # written canonically
    return spec


# ---- K7: a total over a unit's pools (共有编制32人) ---------------------------------------------

_POOLS = """body xcb "州委宣传部" {
  stated quota 32 "共有编制32人"
  quota administrative 20 "核定行政编制20人"
  quota public-institution 12 "事业编制12人"
}
"""


def test_a_total_over_pools_round_trips_and_checks() -> None:
    spec = _round_trips(_POOLS)
    (stated,) = spec.bodies[0].stated
    assert (stated.what, stated.count.value, stated.text) == ("quota", 32, "共有编制32人")
    assert _findings(_POOLS) == []


def test_a_total_over_pools_that_is_not_their_sum_is_reported() -> None:
    wrong = _POOLS.replace('32 "共有编制32人"', '33 "共有编制33人"')
    assert _findings(wrong) == [("OS320", 2)]
    (message,) = _messages(wrong, "OS320")
    assert "33 places" in message
    assert "add up to 32 (20 + 12)" in message
    # a total over pools is not a count of listed units: no OS301 for it
    assert not _findings(wrong, "OS301")


def test_a_total_is_compared_by_bounds_and_an_open_pool_is_not_guessed() -> None:
    ranged = _POOLS.replace("quota administrative 20", 'quota administrative between 18 22 "18-22"')
    assert _findings(ranged) == []  # 30-34 may be 32
    too_many = _POOLS.replace("quota administrative 20", 'quota administrative between 21 25 "21-25"')
    assert _findings(too_many) == [("OS320", 2)]  # at least 33
    open_pool = _POOLS.replace("quota public-institution 12", "quota public-institution unstated")
    assert _findings(open_pool) == [("OS309", 2)]


def test_a_total_over_pools_takes_no_unlisted_block() -> None:
    text = _POOLS.replace('"共有编制32人"', '"共有编制32人" {\n    unlisted 3\n  }')
    assert ("OS201", 3) in _findings(text)


# ---- K9: a quota that totals several bodies, each as its class (574 = 8 × 44 + 3 × 40 + 3 × 34) --

_OVER = """body qs "全市乡镇党政机构" {
  quota public-institution 574 "事业单位编制574人" {
    over @zx @z58 @z5
  }
}

body zx "8个中心镇" {
  stands-for 8
  quota public-institution 44 "核定事业单位编制44人"
}

body z58 "3个5万人口以上的乡镇" {
  stands-for 3
  quota public-institution 40 "核定40人"
}

body z5 "3个5万人口以下的乡镇" {
  stands-for 3
  quota public-institution 34 "核定34人"
}
"""


def test_a_total_over_classes_counts_each_class_as_its_bodies() -> None:
    spec = _round_trips(_OVER)
    assert [r.target for r in spec.bodies[0].quotas[0].over] == ["zx", "z58", "z5"]
    assert _findings(_OVER) == []
    wrong = _OVER.replace("574", "575")
    assert _findings(wrong) == [("OS320", 2)]
    (message,) = _messages(wrong, "OS320")
    assert "add up to 574 (44 × 8 + 40 × 3 + 34 × 3)" in message
    # counting each class as one body (44 + 40 + 34 = 118) would have reported the right figure
    assert not _findings(_OVER.replace("574", "118"), "OS309")
    assert _findings(_OVER.replace("574", "118"))


def test_a_total_over_a_body_without_the_pool_or_of_open_size_is_not_checked() -> None:
    no_pool = _OVER.replace('  quota public-institution 34 "核定34人"\n', "")
    assert _findings(no_pool) == [("OS309", 3)]
    open_class = _OVER.replace(
        "stands-for 3\n  quota public-institution 34", "stands-for unstated\n  quota public-institution 34"
    )
    assert _findings(open_class, "OS320", "OS309") == []
    unresolved = _OVER.replace("@z5", "@nowhere")
    assert ("OS208", 3) in _findings(unresolved)


def test_exports_carry_totals() -> None:
    rows = table_rows(orgspec.loads(_POOLS + "\n" + _OVER), "quotas")
    assert [(r["unit_name"], r["count"], r["part_of"]) for r in rows if r["part_of"] in ("total", "over")] == [
        ("州委宣传部", "32", "total"),
        ("全市乡镇党政机构", "", "over"),
        ("全市乡镇党政机构", "", "over"),
        ("全市乡镇党政机构", "", "over"),
    ]
    data = json.loads(export(orgspec.loads(_OVER), "json"))
    assert [r["target"] for r in data["bodies"][0]["quotas"][0]["over"]] == ["zx", "z58", "z5"]


# ---- N4: dual leadership (双重领导) -------------------------------------------------------------

_DUAL = """body xz "镇" {
  office wzb "人民武装部" {
    dual-led-by "县人民武装部" {
      note "接受乡镇党委、政府和县人民武装部的双重领导"
    }
  }
}
"""


def test_dual_leadership_is_a_relation_beside_the_tree() -> None:
    spec = _round_trips(_DUAL)
    (rel,) = spec.bodies[0].units[0].relations
    assert rel.kind is RelationKind.DUAL_LED_BY
    assert rel.target.target == "县人民武装部"
    assert _findings(_DUAL) == []


def test_dual_leadership_is_not_a_cycle_with_the_superior_but_not_of_itself() -> None:
    text = 'body a "甲" {\n  superior @b\n}\n\nbody b "乙" {\n  dual-led-by @a\n}\n'
    assert _findings(text) == []  # 乙 is a's superior and also leads it: no containment cycle
    itself = 'body a "甲" {\n  dual-led-by @a\n}\n'
    assert _findings(itself) == [("OS209", 2)]


def test_the_chart_draws_dual_leadership_as_its_own_edge() -> None:
    from orgspec.render.chart import build_chart

    spec = orgspec.loads('body a "甲" {\n  dual-led-by @b\n}\n\nbody b "乙" {\n}\n')
    chart = build_chart(spec)
    names = {n.id: n.names[0] if n.names else "" for n in chart.nodes}
    assert [(e.kind, names[e.source], names[e.target]) for e in chart.edges] == [("dual", "乙", "甲")]


# ---- N4: the area a unit covers (辖…, 分别管辖) ---------------------------------------------------

_COVERS = """body pc "派出纪检监察组" {
  stands-for 6 "6个派出纪检监察组"
  covers "党群口" "综合口" "财经口" "农业口" "社会服务口" "政法口" {
    each
    note "分别管辖"
  }
}

body nj "姥桥农业机械管理站" {
  covers "姥桥镇" "功桥镇" "白桥镇"
}
"""


def test_covers_round_trips_and_a_class_covers_one_area_per_body() -> None:
    spec = _round_trips(_COVERS)
    assert spec.bodies[0].covers is not None
    assert spec.bodies[0].covers.each
    assert spec.bodies[1].covers is not None
    assert spec.bodies[1].covers.areas == ("姥桥镇", "功桥镇", "白桥镇")
    assert _findings(_COVERS) == []


def test_a_class_that_covers_one_area_each_names_as_many_as_it_has_bodies() -> None:
    five = _COVERS.replace(' "政法口"', "")
    assert _findings(five) == [("OS317", 4)]
    (message,) = _messages(five, "OS317")
    assert "the 6 bodies" in message
    assert "5 areas" in message
    # without each, the areas are covered together: any number
    assert _findings(five.replace("    each\n", "")) == []
    # a single body covering one area each of three is a class of one that does not add up
    one = _COVERS.replace('"白桥镇"', '"白桥镇" {\n    each\n  }')
    assert _findings(one) == [("OS317", 11)]


def test_covers_is_said_once_and_needs_an_area() -> None:
    twice = 'body a "站" {\n  covers "甲镇"\n  covers "乙镇"\n}\n'
    assert ("OS203", 3) in _findings(twice)
    empty = 'body a "站" {\n  covers\n}\n'
    assert ("OS202", 2) in _findings(empty)


def test_covers_and_as_of_reach_the_tables() -> None:
    rows = table_rows(orgspec.loads(_COVERS + "\n" + _STATE), "units")
    assert [(r["name"], r["covers"], r["as_of"]) for r in rows if r["covers"] or r["as_of"]] == [
        ("派出纪检监察组", "党群口; 综合口; 财经口; 农业口; 社会服务口; 政法口 (each)", ""),
        ("姥桥农业机械管理站", "姥桥镇; 功桥镇; 白桥镇", ""),
        ("宣传部", "", "2011-12"),
    ]


# ---- N4: the date of a state, periods in words, a members' adjustment -------------------------

_STATE = """body xcb "宣传部" {
  as-of 2011-12 "2011年年底"
  section-duties-unstated
  section "秘书科"
  history {
    event established 1949-07-01
    event abolished 1968-02
    event reestablished 1977-11
  }
}
"""


def test_a_state_written_as_of_a_date_round_trips() -> None:
    spec = _round_trips(_STATE)
    body = spec.bodies[0]
    assert (str(body.as_of), body.as_of_text) == ("2011-12", "2011年年底")
    assert _findings(_STATE) == []


def test_an_event_after_the_state_s_date_is_reported() -> None:
    later = _STATE.replace("event reestablished 1977-11", "event reestablished 2012-03")
    assert _findings(later) == [("OS604", 8)]
    # a partial date is compared only as far as both go: 2011 may be before 2011-12
    same_year = _STATE.replace("event reestablished 1977-11", "event reestablished 2011")
    assert _findings(same_year) == []
    # without as-of the state is the latest: nothing to compare
    assert _findings(later.replace('  as-of 2011-12 "2011年年底"\n', "")) == []


_PERIODS = """body py "平原縣委對臺灣工作領導小組" {
  kind coordinating-body
  history {
    event members-adjusted {
      period "日前"
      note "調整充實"
    }
  }
}

body dw "某單位" {
  posts {
    group 1 {
      since 1950
      until 1959
      period "50年代"
      post "秘書" 1
    }
  }
}
"""


def test_a_period_in_words_on_an_event_and_on_a_past_layout() -> None:
    spec = _round_trips(_PERIODS)
    (event,) = spec.bodies[0].history
    assert (event.kind, event.period, event.date) == (EventKind.MEMBERS_ADJUSTED, "日前", None)
    group = spec.bodies[1].posts[0]
    assert group.type == "group"
    assert group.period == "50年代"
    # a past layout has no quota to fit: no OS304 although the body states none
    assert _findings(_PERIODS) == []
    twice = _PERIODS.replace('      period "日前"\n', '      period "日前"\n      period "近日"\n')
    assert ("OS203", 6) in _findings(twice)


def test_a_members_adjustment_changes_no_structure() -> None:
    from orgspec.history import as_of

    spec = orgspec.loads(_PERIODS.replace("event members-adjusted {", "event members-adjusted 2013-05 {"))
    assert _findings(orgspec.dumps(spec)) == []
    before, after = as_of(spec, "2013-01"), as_of(spec, "2013-12")
    assert [b.name for b in before.bodies] == [b.name for b in after.bodies] == ["平原縣委對臺灣工作領導小組", "某單位"]


@pytest.mark.parametrize(
    ("text", "block_keyword", "expected"),
    [
        ('body b "B" {\n  ', "body", ("covers", "as-of", "dual-led-by")),
        ('body b "B" {\n  covers "甲" {\n    ', "covers", ("each", "note")),
        ('body b "B" {\n  quota administrative 5 {\n    ', "quota", ("over",)),
        ('body b "B" {\n  posts {\n    group 1 {\n      ', "group", ("period",)),
        ('body b "B" {\n  history {\n    event kept {\n      ', "event", ("period",)),
        ('body b "B" {\n  stated ', "stated", ("quota",)),
    ],
)
def test_completion_offers_the_new_statements(text: str, block_keyword: str, expected: tuple[str, ...]) -> None:
    pytest.importorskip("lsprotocol")
    from orgspec.lsp.complete import completions
    from orgspec.lsp.features import Document

    doc = Document.open("file:///c.orgspec", text)
    labels = [i.label for i in completions(text, len(text), doc.lines)]
    for word in expected:
        assert word in labels, (block_keyword, word)


def test_completion_offers_members_adjusted_as_an_event_kind() -> None:
    pytest.importorskip("lsprotocol")
    from orgspec.lsp.complete import completions
    from orgspec.lsp.features import Document

    text = 'body b "B" {\n  history {\n    event '
    doc = Document.open("file:///c.orgspec", text)
    assert "members-adjusted" in [i.label for i in completions(text, len(text), doc.lines)]


def test_the_lexer_classes_the_new_statements_as_keywords() -> None:
    pytest.importorskip("pygments")
    from pygments import lex
    from pygments.token import Keyword, String

    from orgspec.pygments_lexer import OrgspecLexer

    tokens = {v: t for t, v in lex(_COVERS + "\n" + _STATE + "\n" + _DUAL, OrgspecLexer())}
    for word in ("covers", "each", "as-of", "dual-led-by"):
        assert tokens[word] is Keyword, word
    assert tokens['"姥桥镇"'] is String.Double


# ---- K9: a rank given as another body's (与…规格相等, 按…对待); K7: a provisional quota (暂定) -----

_RANK_AS = """body jd "街道办事处" {
  rank "正科级"
}

body gs "街道工业公司" {
  rank "正科级"
  rank-as @jd "与街道办事处规格相等"
}

body sx "國務院三峽地區經濟開發辦公室" {
  rank-as "國務院直屬局" "按國務院直屬局對待"
  quota "編制" 50 "編制暫定五十人" {
    provisional
  }
}
"""


def test_a_rank_given_as_another_body_s_round_trips_and_is_compared() -> None:
    spec = _round_trips(_RANK_AS)
    gs, sx = spec.bodies[1], spec.bodies[2]
    assert (gs.rank_as.target if gs.rank_as else None, gs.rank_as_text) == ("jd", "与街道办事处规格相等")
    assert sx.rank_as is not None
    assert sx.rank_as.by == "external"
    assert _findings(_RANK_AS) == []
    lower = _RANK_AS.replace('  rank "正科级"\n  rank-as', '  rank "副科级"\n  rank-as')
    assert _findings(lower) == [("OS505", 6)]
    # the same level in the other script is the same rank
    assert _findings(_RANK_AS.replace('  rank "正科级"\n  rank-as', '  rank "正科級"\n  rank-as')) == []
    assert ("OS208", 7) in _findings(_RANK_AS.replace("rank-as @jd", "rank-as @nowhere"))


def test_a_provisional_quota_is_kept_apart_from_a_settled_one() -> None:
    spec = _round_trips(_RANK_AS)
    (quota,) = spec.bodies[2].quotas
    assert quota.provisional
    assert not orgspec.loads(_RANK_AS.replace("    provisional\n", "")).bodies[2].quotas[0].provisional
    twice = _RANK_AS.replace("    provisional\n", "    provisional\n    provisional\n")
    assert ("OS203", 14) in _findings(twice)


# ---- K9: a count of sections over several bodies, each as its class (全州乡镇内设机构490个) --------

_COUNT_OVER = """body qz "全县乡镇" {
  stated sections 10 "全县乡镇内设机构10个" {
    over @z @x
  }
}

body z "镇" {
  stands-for 3
  section-duties-unstated
  section "党政办公室"
  section "综合办公室"
}

body x "乡" {
  stands-for 4
  section-duties-unstated
  section "党政办公室"
}
"""


def test_a_count_over_bodies_counts_each_class_as_its_bodies() -> None:
    spec = _round_trips(_COUNT_OVER)
    assert [r.target for r in spec.bodies[0].stated[0].over] == ["z", "x"]
    assert _findings(_COUNT_OVER) == []  # 3 × 2 + 4 × 1 = 10
    wrong = _COUNT_OVER.replace("sections 10", "sections 11")
    assert _findings(wrong) == [("OS301", 2)]
    (message,) = _messages(wrong, "OS301")
    assert "the 2 bodies it is over list 10" in message
    # without over, the body itself lists nothing: the count would be compared with 0
    assert _findings(_COUNT_OVER.replace("    over @z @x\n", "")) == [("OS301", 2)]


def test_a_count_over_a_class_of_open_size_is_a_bound() -> None:
    open_size = _COUNT_OVER.replace("stands-for 4", "stands-for unstated").replace("sections 10", "sections 490")
    assert _findings(open_size) == []  # at least 3 × 2 + 1 listed: 490 may hold
    too_long = _COUNT_OVER.replace("stands-for 4", "stands-for unstated").replace("sections 10", "sections 6")
    assert _findings(too_long) == [("OS301", 2)]  # at least 7 listed, more than 6
    assert ("OS201", 3) in _findings(_COUNT_OVER.replace("stated sections 10", "stated duties 10"))


# ---- K7: a part's category in the document's words, a pool funded as one category and used as another --

_MIXED = """body a "苍溪县林业和园林局" {
  quota "总编制" 134 "总编制134名" {
    complete
    includes administrative 22 "行政编制22名"
    includes "事业工勤编制" 112 "事业工勤编制112名"
  }
  quota logistics 5 "专项事业编制(工勤编)5个" {
    funded-as public-institution
  }
  actual logistics 4 "实有人数4人"
}
"""


def test_a_part_s_category_in_words_and_a_pool_funded_as_another_category() -> None:
    spec = _round_trips(_MIXED)
    total, pool = spec.bodies[0].quotas
    part = total.parts[1]
    assert (part.category, part.category_label, part.count.value) == (QuotaCategory.OTHER, "事业工勤编制", 112)
    assert pool.category is QuotaCategory.LOGISTICS
    assert pool.funded_as is QuotaCategory.PUBLIC_INSTITUTION
    # the breakdown still adds up (22 + 112), and the 工勤 in post fit the pool by its use
    assert _findings(_MIXED) == []
    assert _findings(_MIXED.replace('112 "事业', '111 "事业')) == [("OS303", 2)]
    # a known category in words is the keyword: nothing to keep
    known = orgspec.loads(_MIXED.replace("includes administrative 22", 'includes "行政编制" 22'))
    assert known.bodies[0].quotas[0].parts[0].category is QuotaCategory.ADMINISTRATIVE
    assert known.bodies[0].quotas[0].parts[0].category_label is None
    assert ("OS206", 8) in _findings(_MIXED.replace("funded-as public-institution", "funded-as publik"))


# ---- N3: units and posts set only where or when the document says (可增设, 选设, 在必要的时候) ----------

_OPTIONAL = """body jd "街道办事处" {
  section-duties-unstated
  stated sections between 4 6 "街道内设机构4—6个"
  section "甲办"
  section "乙办"
  section "丙办"
  section "丁办"
  section "戊办" {
    optional "选设1-2个"
  }
  section "己办" {
    optional "选设1-2个"
  }
  section "庚办" {
    optional "选设1-2个"
  }
  posts {
    post "主任" 1
    post "副主任" 1 {
      optional "在必要的時候,可以設副主任一人"
    }
  }
}
"""


def test_optional_units_make_the_list_a_range() -> None:
    spec = _round_trips(_OPTIONAL)
    body = spec.bodies[0]
    assert [u.optional for u in body.units][3:5] == [None, "选设1-2个"]
    assert body.posts[1].optional == "在必要的時候,可以設副主任一人"
    # 4 required and 3 optional: 4 to 7 listed, which 4-6 can be
    assert _findings(_OPTIONAL) == []
    # before optional, the 7 listed were more than 6: the old behaviour reported OS301
    plain = _OPTIONAL.replace('    optional "选设1-2个"\n', "")
    assert _findings(plain) == [("OS301", 3)]
    (message,) = _messages(_OPTIONAL.replace("between 4 6", "8"), "OS301")
    assert "lists 4 to 7 (optional: 3)" in message
    assert _findings(_OPTIONAL.replace("between 4 6", "3")) == [("OS301", 3)]


def test_a_policy_limit_counts_only_the_units_surely_there() -> None:
    from orgspec.api import analyze
    from orgspec.policy import load_pack, resolve_pack

    pack = load_pack(str(resolve_pack("r6-subdistrict-model")))
    text = _OPTIONAL.replace('  stated sections between 4 6 "街道内设机构4—6个"\n', "").replace(
        '  section "丁办"\n', '  section "丁办"\n  section "辛办"\n  section "壬办"\n  section "癸办"\n'
    )
    # 7 required and 3 optional: within R6's 7
    assert [d.code for d in analyze(text, "t.orgspec", policy=[pack]).diagnostics if d.code == "OS801"] == []
    surely = text.replace('    optional "选设1-2个"\n', "")
    assert [d.code for d in analyze(surely, "t.orgspec", policy=[pack]).diagnostics if d.code == "OS801"] == ["OS801"]


# ---- K9: a stated count's breakdown (“4办、1队、2中心、1站”8个工作机构) -----------------------------

_BREAKDOWN = """body jd "街道" {
  section-duties-unstated
  stated sections 8 "设立了“4办、1队、2中心、1站”8个工作机构" {
    includes 4 "4办"
    includes 1 "1队"
    includes 2 "2中心"
    includes 1 "1站"
    complete
  }
  section "甲办"
  section "乙办"
  section "丙办"
  section "丁办"
  section "执法队"
  section "甲中心"
  section "乙中心"
  section "服务站"
}
"""


def test_a_stated_count_s_breakdown_round_trips_and_adds_up() -> None:
    spec = _round_trips(_BREAKDOWN)
    (stated,) = spec.bodies[0].stated
    assert [p.label for p in stated.parts] == ["4办", "1队", "2中心", "1站"]
    assert stated.complete
    assert _findings(_BREAKDOWN) == []
    too_many = _BREAKDOWN.replace('includes 1 "1站"', 'includes 2 "1站"')
    assert _findings(too_many) == [("OS321", 3)]
    assert "adds up to 9, more than the count" in _messages(too_many, "OS321")[0]
    short = _BREAKDOWN.replace('    includes 1 "1站"\n', "")
    assert _findings(short) == [("OS321", 3)]
    # without complete, a breakdown may name only some of the parts
    assert _findings(short.replace("    complete\n", "")) == []
