"""The constructs of the sixth round of issue 13: one figure for each of several units (``each``,
各4名) and a part's ``funding``, a count of a former state (``stated … { until }``), how many optional
units are set (``choose``, 选设1-2个: OS324), a header numbered in its parent's sequence
(``group-header``: OS310), a relation's ``period``, ``supervises``/``supervised-by`` and a 合署 pair's
parts (``colocated … { joint }``). Each is tested through parse, fmt, model, check, export, chart,
completion and lexer, against what a reviewer expects of a small document.
"""

from __future__ import annotations

import json

import pytest

import orgspec
from orgspec.model import RelationKind
from orgspec.model.values import Count
from tests.construct_helpers import findings as _findings
from tests.construct_helpers import round_trips as _round_trips

# ---- one figure for each of several units (各4名), a part's funding ----------------------------------

_EACH = """body b "市政府办公厅" {
  section-duties-unstated
  section mishu "秘书处"
  section yi "一处"
  section er "二处"
  quota administrative 14 "行政编制14名" {
    complete
    includes 2 "正副秘书长2名"
    includes 4 "秘书处、一处、二处各4名" each @mishu @yi @er
  }
  quota public-institution 50 "事业编制50名" {
    includes 45 "全额事业编45个" {
      funding "全额"
    }
  }
}
"""


def test_a_part_for_each_of_several_units_round_trips_and_counts_once_per_unit() -> None:
    spec = _round_trips(_EACH)
    part = spec.bodies[0].quotas[0].parts[1]
    assert [r.target for r in part.each] == ["mishu", "yi", "er"]
    assert part.unit is None
    assert part.count == Count.of(4)
    assert part.total == Count.of(12)
    assert spec.bodies[0].quotas[1].parts[0].funding == "全额"
    # 2 + 3 × 4 = 14: the complete breakdown holds (read as one 4, it would be 6, OS303)
    assert _findings(_EACH) == []
    assert _findings(_EACH.replace('14 "行政编制14名"', '6 "行政编制6名"'), "OS302") == [("OS302", 6)]


def test_a_part_for_each_unit_that_misses_the_total_is_reported() -> None:
    assert _findings(_EACH.replace('14 "行政编制14名"', '15 "行政编制15名"')) == [("OS303", 6)]


def test_a_range_part_for_each_unit_counts_its_bounds_once_per_unit() -> None:
    text = _EACH.replace('includes 4 "秘书处', 'includes between 3 4 "秘书处').replace("    complete\n", "", 1)
    # the least sum 2 + 3 × 3 = 11 fits a total of at most 11, not one of at most 10
    fits = text.replace('14 "行政编制14名"', 'between 10 11 "10-11名"')
    assert _findings(fits, "OS302") == []
    assert _findings(fits.replace("between 10 11", "between 9 10"), "OS302") == [("OS302", 6)]


def test_each_unit_s_own_quota_is_compared_with_the_figure() -> None:
    text = _EACH.replace('  section yi "一处"\n', '  section yi "一处" {\n    quota administrative 3\n  }\n')
    assert _findings(text, "OS315") == [("OS315", 11)]


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        ('includes 4 "各4名" each', "the units each of which"),
        ('includes 4 "各4名" for @yi each @er', "not both"),
        ('includes 4 "各4名" each @yi {\n      title "x"\n    }', "not allowed in a part"),
    ],
)
def test_a_malformed_each_part_is_a_located_error(statement: str, message: str) -> None:
    text = _EACH.replace('includes 4 "秘书处、一处、二处各4名" each @mishu @yi @er', statement)
    found = [d for d in orgspec.check_text(text) if d.code in ("OS201", "OS202")]
    assert len(found) == 1, found
    assert message in found[0].message


# ---- a count of a former state ------------------------------------------------------------------------

_FORMER = """body jd "街道" {
  section-duties-unstated
  stated sections 29 "原来的29个部门" {
    includes 25 "25个科室"
    includes 4 "4个事业单位"
    complete
    until 2018
  }
  stated sections 2 "精简到2个部门"
  section "综合保障办公室"
  section "党群工作办公室"
}
"""


def test_a_count_of_a_former_state_is_not_compared_with_today_s_list() -> None:
    spec = _round_trips(_FORMER)
    assert str(spec.bodies[0].stated[0].until) == "2018"
    assert _findings(_FORMER) == []
    # without `until`, the 29 is read as today's count: OS301 (the old false alarm)
    assert _findings(_FORMER.replace("    until 2018\n", ""), "OS301") == [("OS301", 3)]
    # its breakdown is still checked
    assert _findings(_FORMER.replace('includes 4 "4个', 'includes 5 "4个'), "OS321") == [("OS321", 3)]


def test_a_policy_limit_reads_today_s_count_not_a_former_one() -> None:
    from orgspec.policy.evaluate import sections_of

    spec = orgspec.loads(_FORMER)
    found = sections_of("/bodies/0", spec.bodies[0], frozenset())
    assert found is not None
    bounds, stated = found
    assert bounds == (2, 2)
    assert stated is not None
    assert stated.text == "精简到2个部门"


# ---- how many optional units are set (选设1-2个) -------------------------------------------------------

_CHOOSE = """body jd "街道办事处" {
  section-duties-unstated
  stated sections between 4 6 "街道内设机构4—6个"
  section "党政综合办公室"
  section "社会事务办公室"
  section "平安建设办公室"
  section "经济服务办公室"
  section cs "城市建设管理办公室" {
    optional "选设1-2个"
  }
  section sq "社区工作办公室" {
    optional "选设1-2个"
  }
  section ny "农业农村办公室" {
    optional "选设1-2个"
  }
  choose between 1 2 "选设1-2个" {
    from @cs @sq @ny
  }
}
"""


def test_a_choice_round_trips_and_narrows_the_stated_count() -> None:
    spec = _round_trips(_CHOOSE)
    (choice,) = spec.bodies[0].choices
    assert choice.count.low_bound == 1
    assert choice.count.high_bound == 2
    assert [r.target for r in choice.units] == ["cs", "sq", "ny"]
    assert _findings(_CHOOSE) == []
    # a fifth required section: 5 + (1 or 2) = 6-7 still meets "4-6"; a sixth: 7-8 does not
    five = _CHOOSE.replace('  section "经济服务办公室"\n', '  section "经济服务办公室"\n  section "五"\n')
    assert _findings(five, "OS301") == []
    six = five.replace('  section "五"\n', '  section "五"\n  section "六"\n')
    assert _findings(six, "OS301") == [("OS301", 3)]
    # without the choice, 6 required and 3 optional are 6 to 9, which "4-6" can be: not reported
    assert _findings(six.replace('  choose between 1 2 "选设1-2个" {\n    from @cs @sq @ny\n  }\n', ""), "OS301") == []


def test_a_choice_of_more_than_its_units_or_of_a_required_unit_is_reported() -> None:
    assert _findings(_CHOOSE.replace("choose between 1 2", "choose 4"), "OS324") == [("OS324", 17)]
    required = _CHOOSE.replace(
        '  section ny "农业农村办公室" {\n    optional "选设1-2个"\n  }\n', '  section ny "农业农村办公室"\n'
    )
    assert _findings(required, "OS324") == [("OS324", 16)]


def test_a_choice_without_units_is_a_located_error() -> None:
    text = _CHOOSE.replace('  choose between 1 2 "选设1-2个" {\n    from @cs @sq @ny\n  }\n', '  choose 1 "选设1个"\n')
    found = [d for d in orgspec.check_text(text) if d.code == "OS202"]
    assert [d.line for d in found] == [17]


# ---- a header numbered in its parent's sequence -------------------------------------------------------

_HEADER = """body b "市政府办公厅" {
  section-duties-unstated
  section "组织人事处" {
    number 11
  }
  office "信访局" {
    group-header
    section "信访接待处" {
      number 12
    }
    section "信访督查处" {
      number 13
    }
  }
  section "政务督办处" {
    number 14
  }
}
"""


def test_a_group_header_is_numbered_in_its_parent_s_sequence() -> None:
    spec = _round_trips(_HEADER)
    assert spec.bodies[0].units[1].group_header
    assert _findings(_HEADER) == []
    # without it, the body's own list is 11, 14: a skip reported where the document has none
    assert _findings(_HEADER.replace("    group-header\n", ""), "OS310") == [("OS310", 14)]


def test_a_gap_across_a_group_header_is_reported_once() -> None:
    text = _HEADER.replace("number 13", "number 15")
    # 12, 15, 14: the skip and the step back, each once (the header's own list is not read again)
    assert _findings(text, "OS310") == [("OS310", 11), ("OS310", 15)]


# ---- a relation's period, supervises, a 合署 pair's parts --------------------------------------------

_RELATIONS = """body lyj "某縣林業局" {
  performed-by "縣政府建設局" {
    period "抗日戰爭前"
  }
  performed-by "縣人民政府農建科" {
    until 1955-09
    period "建國後"
  }
}

body pc "派出纪检监察组" {
  stands-for 6 "6个派出纪检监察组"
  supervises @xz
}

body xz "县委部门和县直单位" {
  stands-for 81 "81个县委部门和县直单位"
}

body csz "參事室" {
  colocated @wsg {
    joint
  }
  duties {
    duty "組織參事開展工作。"
  }
}

body wsg "文史研究館" {
  colocated @csz
}
"""


def test_the_new_relations_round_trip() -> None:
    spec = _round_trips(_RELATIONS)
    lyj, pc, _, csz, _ = spec.bodies
    assert [r.period for r in lyj.relations] == ["抗日戰爭前", "建國後"]
    assert pc.relations[0].kind is RelationKind.SUPERVISES
    assert csz.relations[0].joint
    assert _findings(_RELATIONS) == []


def test_a_relation_known_only_by_a_period_is_in_no_dated_state() -> None:
    from orgspec.history import as_of

    spec = orgspec.loads(_RELATIONS)
    in_1950 = [r.period for r in as_of(spec, "1950").bodies[0].relations]
    assert in_1950 == ["建國後"]  # until 1955-09: dated; 抗日戰爭前 has no date
    assert as_of(spec, "1960").bodies[0].relations == ()


def test_staff_in_post_of_a_part_each_of_several_units_count_once_per_unit() -> None:
    text = """body b "某局" {
  section a "一处" {
    duties {
      duty "x"
    }
  }
  section c "二处" {
    duties {
      duty "y"
    }
  }
  quota administrative 10
  actual 9 "实有9人" {
    includes administrative 4 "各4人" each @a @c
  }
}
"""
    assert _findings(text, "OS311") == []
    # 9 in post against 7, and the 2 × 4 = 8 of the part alone (read as one 4, it would fit)
    over = text.replace("quota administrative 10", "quota administrative 7")
    assert _findings(over, "OS311") == [("OS311", 13), ("OS311", 14)]


def test_joint_is_for_colocated_only_and_supervision_not_of_itself() -> None:
    text = _RELATIONS.replace("  supervises @xz\n", "  supervises @xz {\n    joint\n  }\n")
    assert [d.code for d in orgspec.check_text(text)] == ["OS201"]
    assert [d.code for d in orgspec.check_text(_RELATIONS.replace("supervises @xz", "supervises @pc"))] == ["OS209"]


def test_the_exports_carry_the_new_constructs() -> None:
    pytest.importorskip("rdflib")
    from rdflib import Literal, URIRef

    from orgspec.export.org_rdf import graph
    from orgspec.export.popolo import popolo
    from orgspec.export.rdf_extra import ORGSPEC

    spec = orgspec.loads(_RELATIONS + _CHOOSE + _HEADER + _FORMER.replace("body jd ", "body jd2 "))
    g = graph(spec, "urn:x:")
    assert (URIRef("urn:x:pc"), ORGSPEC.supervises, URIRef("urn:x:xz")) in g
    assert (URIRef("urn:x:csz"), ORGSPEC.listsForPairWith, URIRef("urn:x:wsg")) in g
    # a relation held in a period given in words is not stated (a triple has no time)
    assert not list(g.objects(URIRef("urn:x:lyj"), ORGSPEC.workPerformedBy))
    (choice,) = g.subjects(None, ORGSPEC.Choice)
    assert len(list(g.objects(choice, ORGSPEC.chosenFrom))) == 3
    assert (None, ORGSPEC.groupHeader, Literal(True)) in g
    assert [str(d) for d in g.objects(None, ORGSPEC.until)] == ["2018"]
    people = json.loads(json.dumps(popolo(spec)))
    rels = [r for o in people["organizations"] for r in o.get("relations", ())]
    assert {"kind": "performed-by", "organization": "縣政府建設局", "period": "抗日戰爭前"} in rels
    assert any(r.get("joint") for r in rels)


def test_the_chart_draws_supervision() -> None:
    from orgspec.render.chart import build_chart

    chart = build_chart(orgspec.loads(_RELATIONS))
    names = {n.id: n.names[0] if n.names else "" for n in chart.nodes}
    edges = [(e.kind, names[e.source], names[e.target]) for e in chart.edges]
    assert ("supervises", "派出纪检监察组", "县委部门和县直单位") in edges


def test_completion_and_lexer_know_the_new_constructs() -> None:
    pytest.importorskip("lsprotocol")
    pytest.importorskip("pygments")
    from pygments import lex
    from pygments.token import Keyword

    from orgspec.lsp.complete import completions
    from orgspec.lsp.features import Document
    from orgspec.pygments_lexer import OrgspecLexer

    def labels(text: str) -> list[str]:
        doc = Document.open("file:///c.orgspec", text)
        return [i.label for i in completions(text, len(text), doc.lines)]

    for word in ("choose", "group-header", "supervises", "supervised-by"):
        assert word in labels('body b "B" {\n  '), word
    assert "joint" in labels('body b "B" {\n  colocated @c {\n    ')
    assert "period" in labels('body b "B" {\n  performed-by "X" {\n    ')
    assert "until" in labels('body b "B" {\n  stated sections 2 {\n    ')
    assert "from" in labels('body b "B" {\n  choose 1 {\n    ')
    assert "funding" in labels('body b "B" {\n  quota administrative 3 {\n    includes 2 {\n      ')
    assert "each" in labels('body b "B" {\n  quota administrative 3 {\n    includes 2 "x" ')
    tokens = {v: t for t, v in lex(_CHOOSE + _HEADER + _RELATIONS, OrgspecLexer())}
    for word in ("choose", "group-header", "supervises", "joint", "period"):
        assert tokens[word] is Keyword, word


def test_the_zh_diff_says_a_choice_changed_and_keeps_a_header_as_a_record() -> None:
    from orgspec.reorg.render_zh import render_zh

    without = _CHOOSE.replace('  choose between 1 2 "选设1-2个" {\n    from @cs @sq @ny\n  }\n', "")
    said = render_zh(orgspec.diff(orgspec.loads(without), orgspec.loads(_CHOOSE)))
    assert "街道办事处的选设数量有调整" in said
    plain = _HEADER.replace("    group-header\n", "")
    assert "无变化" in render_zh(orgspec.diff(orgspec.loads(plain), orgspec.loads(_HEADER)))
