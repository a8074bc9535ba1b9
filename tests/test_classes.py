"""Issue 13's constructs N1, K8 and numbering ranges: a body that stands for a class of like bodies
(``stands-for``, ``across``), a fact stated twice by two sources (``also``), a past post layout
(``until``) and a range of numbers over several sections (``number 5 8``).

Each behaviour a user relies on is asserted against hand-counted expectations: which code fires,
on which line, and that the text round-trips through ``orgspec fmt``.
"""

from __future__ import annotations

import json

from pygments import lex
from pygments.token import Keyword

import orgspec
from orgspec.export import export
from orgspec.model import Count, Spec
from orgspec.pygments_lexer import OrgspecLexer


def _findings(text: str) -> list[tuple[str, int]]:
    return sorted((d.code, d.line or 0) for d in orgspec.check_text(text) if d.code != "OS501")


def _round_trips(text: str) -> Spec:
    spec = orgspec.loads(text)
    assert orgspec.dumps(spec) == text
    assert orgspec.loads(orgspec.dumps(spec)) == spec
    return spec


_CLASS = """body sb "市北区街道办事处" {
  stands-for 31 "现有街道办事处31个" {
    source "按照机构编制部门口径"
    includes 19 "实际运行19个"
    includes 6 "合署办公6个"
    includes 6 "未启用6个"
    complete
    member "盐滩街道办事处"
    placeholder "××"
    also 31 "民政部门口径31个" source "按照民政部门口径"
  }
  quota administrative 8
  posts {
    group "处级职数" 7 {
      since 2001
      until 2011
      post "书记" 1 chief
      post "副书记" 6 deputy
    }
    group "处级职数" 8 {
      since 2012
      post "正" 4 chief {
        across 31 124 "共计124正"
        across 25 88 "实际设置88正" actual
      }
      post "副" 4 deputy {
        across 31 124 "共计124副"
        across 25 100 "实际设置100副" actual
      }
    }
  }
}
"""


def test_a_class_body_round_trips_with_everything_it_states() -> None:
    spec = _round_trips(_CLASS)
    cls = spec.bodies[0].stands_for
    assert cls is not None
    assert cls.count == Count.of(31)
    assert [p.count.value for p in cls.parts] == [19, 6, 6]
    assert cls.complete
    assert cls.placeholder == "××"
    assert cls.source == "按照机构编制部门口径"
    assert [m.target for m in cls.members] == ["盐滩街道办事处"]
    assert cls.also[0].source == "按照民政部门口径"
    assert _findings(_CLASS) == []


def test_parts_of_a_class_must_add_up_when_complete() -> None:
    assert _findings(_CLASS.replace('includes 6 "未启用6个"', 'includes 5 "未启用5个"')) == [("OS317", 2)]
    # not complete: fewer is fine, more is not
    loose = _CLASS.replace("    complete\n", "")
    assert _findings(loose.replace('includes 6 "未启用6个"', 'includes 5 "未启用5个"')) == []
    assert _findings(loose.replace('includes 6 "未启用6个"', 'includes 9 "未启用9个"')) == [("OS317", 2)]


def test_parts_of_a_class_are_checked_against_a_bounded_count() -> None:
    # "综上所述…至少有716个" over parts of 269 + 357 + 14 + 52 = 692 (found-73): a complete breakdown
    # below the least the count can be is reported; a bound is checked, not skipped as open
    base = _CLASS.replace('    also 31 "民政部门口径31个" source "按照民政部门口径"\n', "")
    count = 'stands-for 31 "现有街道办事处31个"'
    at_least = base.replace(count, 'stands-for at-least 32 "至少32个"')
    assert _findings(at_least) == [("OS317", 2)]
    message = next(d.message for d in orgspec.check_text(at_least) if d.code == "OS317")
    assert "add up to 31, not its ≥32 bodies" in message
    assert _findings(base.replace(count, 'stands-for at-least 30 "至少30个"')) == []
    # a range that holds the sum: nothing; parts above its upper bound, complete or not: reported
    assert _findings(base.replace(count, 'stands-for between 30 33 "30-33个"')) == []
    loose = base.replace("    complete\n", "")
    assert _findings(loose.replace(count, 'stands-for at-most 29 "不超过29个"')) == [("OS317", 2)]
    # not complete, below a lower bound: the rest may be unlisted
    assert _findings(loose.replace(count, 'stands-for at-least 40 "至少40个"')) == []


def test_a_total_across_the_class_is_the_figure_of_each_times_the_bodies() -> None:
    wrong = _CLASS.replace('across 31 124 "共计124副"', 'across 31 120 "共计120副"')
    assert _findings(wrong) == [("OS317", 27)]
    message = next(d.message for d in orgspec.check_text(wrong) if d.code == "OS317")
    assert "is 120" in message
    assert "4 for each makes 124" in message
    # a total over more bodies than the class has
    assert _findings(_CLASS.replace("across 25 88", "across 40 88")) == [("OS317", 24)]


def test_posts_filled_across_bodies_above_the_authorised_are_reported() -> None:
    over = _CLASS.replace('across 25 100 "实际设置100副"', 'across 25 125 "实际设置125副"')
    assert _findings(over) == [("OS312", 28)]
    (d,) = [d for d in orgspec.check_text(over) if d.code == "OS312"]
    assert "125" in d.message
    assert "25 more than the 4 × 25 = 100" in d.message
    # staff in post over a quota across the class: 超编 (OS311)
    staff = 'body a "某所" {\n  stands-for 9\n  quota administrative 3 {\n    across 9 30 "实有30人" actual\n  }\n}\n'
    assert _findings(staff) == [("OS311", 4)]
    assert _findings(staff.replace("across 9 30", "across 9 27")) == []


def test_a_past_post_layout_is_not_counted_against_the_quota() -> None:
    # 7 (until 2011) + 8 now would be 15 > 8; only the current 8 count
    assert _findings(_CLASS) == []
    assert _findings(_CLASS.replace("      until 2011\n", "")) == [("OS304", 12)]


def test_plaques_of_two_class_bodies_do_not_clash() -> None:
    text = (
        'body z "镇" {\n  stands-for unstated "各镇"\n  plaque "财政所"\n}\n'
        'body x "乡" {\n  stands-for unstated "各乡"\n  plaque "财政所"\n}\n'
    )
    assert _findings(text) == []
    # without the classes, one name is carried by two bodies
    assert _findings(
        text.replace('  stands-for unstated "各镇"\n', "").replace('  stands-for unstated "各乡"\n', "")
    ) == [("OS402", 5)]
    # inside one class body a name carried twice is still one name twice
    twice = 'body z "镇" {\n  stands-for 3\n  plaque "财政所"\n  section "办公室" {\n    plaque "财政所"\n  }\n}\n'
    assert _findings(twice) == [("OS402", 5)]


def test_a_member_reference_must_resolve() -> None:
    text = 'body z "办事处" {\n  stands-for 15 {\n    member @cc\n  }\n}\n'
    assert [d.code for d in orgspec.check_text(text)] == ["OS208"]
    assert _findings(text + 'body cc "驻长春办事处"\n') == []


def test_two_sources_that_disagree_are_reported_with_both_locations() -> None:
    text = _CLASS.replace('also 31 "民政部门口径31个"', 'also 30 "民政部门口径30个"')
    assert _findings(text) == [("OS318", 10)]
    (d,) = [d for d in orgspec.check_text(text) if d.code == "OS318"]
    assert "31 (按照机构编制部门口径) and 30 (按照民政部门口径)" in d.message
    assert [(r.message, r.span is not None) for r in d.related] == [("the first statement", True)]
    # in a quota; a range that holds the other figure agrees; an open figure is never compared
    quota = 'body a "某局" {\n  quota administrative 20 {\n    also 21 "21名" source "财政"\n  }\n}\n'
    assert _findings(quota) == [("OS318", 3)]
    assert _findings(quota.replace("administrative 20", 'administrative between 20 22 "20-22名"')) == []
    assert _findings(quota.replace("administrative 20", "administrative unstated")) == []
    _round_trips(quota)


_RANGE = """body a "某外办" {
  section-duties-unstated
  section "秘书处" {
    number 4
  }
  section "美洲处" {
    number 5 8
  }
  section "欧洲处" {
    number 5 8
  }
  section "亚洲处" {
    number 5 8
  }
  section "非洲处" {
    number 5 8
  }
  section "友协处" {
    number 9
  }
}
"""


def test_a_range_of_numbers_over_several_sections() -> None:
    spec = _round_trips(_RANGE)
    assert (spec.bodies[0].units[1].number, spec.bodies[0].units[1].number_to) == (5, 8)
    assert _findings(_RANGE) == []
    # three sections for four numbers: the range is reported once, not as a gap 5..8
    three = _RANGE.replace('  section "非洲处" {\n    number 5 8\n  }\n', "")
    assert _findings(three) == [("OS310", 7)]
    (d,) = [d for d in orgspec.check_text(three) if d.code == "OS310"]
    assert d.message == "the range 5-8 numbers 3 sections in '某外办', not 4"
    # the number after the range follows its last number
    assert _findings(_RANGE.replace("number 9", "number 10")) == [("OS310", 18)]
    # a range that does not go up is an error of the spec
    assert [d.code for d in orgspec.check_text(_RANGE.replace("number 4\n", "number 4 2\n"))] == ["OS202"]


def test_exports_carry_the_class_and_the_range() -> None:
    spec = orgspec.loads(_CLASS + _RANGE.replace('body a "某外办"', 'body b "某外办"'))
    data = json.loads(export(spec, "json"))
    assert data["bodies"][0]["stands_for"]["count"]["value"] == 31
    org = json.loads(export(spec, "popolo"))["organizations"][0]
    assert org["stands_for"] == 31
    rows = export(spec, "csv").splitlines()
    header = rows[0].split(",")
    first = dict(zip(header, rows[1].split(","), strict=False))
    assert first["stands_for"] == "31"
    assert any(",5-8," in row for row in rows)
    assert '"stands for a class of 31 like bodies"@en' in export(spec, "org-ttl")


def test_the_lexer_classes_the_new_statements_as_keywords() -> None:
    keywords = {v for t, v in lex(_CLASS, OrgspecLexer()) if t is Keyword}
    assert {"stands-for", "also", "across", "placeholder", "member", "until"} <= keywords


# ---- N4: the vocabulary the corpus shares ----------------------------------------------------------

_N4 = """body a "垦利县林业局" {
  colocated "黨辦" {
    since 1977
    until 2006-03
  }
  function-changes {
    strengthened "强化服务职责,加强应急、督查工作"
  }
  institution "生产服务公司" {
    kind enterprise
  }
  history {
    event merged {
      unit "林产办"
    }
    event kept 2002-04 {
      note "县乡机构改革,垦利县林业局保留"
    }
  }
}
"""


def test_kept_strengthened_enterprise_ended_relation_and_undated_event() -> None:
    spec = _round_trips(_N4)
    body = spec.bodies[0]
    assert str(body.relations[0].until) == "2006-03"
    assert body.function_changes[0].kind.value == "strengthened"
    assert body.units[0].kind is not None
    assert body.units[0].kind.value == "enterprise"
    assert (body.history[0].kind.value, body.history[0].date) == ("merged", None)
    assert body.history[1].kind.value == "kept"
    # the Chinese term reads as the kind too
    assert orgspec.loads('body a "A" {\n  kind "企业"\n}\n').bodies[0].kind == body.units[0].kind
    assert _findings(_N4) == []


def test_a_posts_rank_apart_from_its_title() -> None:
    text = 'body a "某办" {\n  posts {\n    post "调研室主任" 1 rank "副处级"\n  }\n}\n'
    post = _round_trips(text).bodies[0].posts[0]
    assert post.rank == "副处级"
    assert post.title == "调研室主任"
    assert [d.code for d in orgspec.check_text(text.replace('rank "副处级"', "rank"))] == ["OS202"]


def test_hover_says_what_a_class_body_stands_for() -> None:
    from orgspec.lsp.features import unit_summary

    assert "stands for a class of 31 like bodies" in unit_summary(orgspec.loads(_CLASS).bodies[0])


def test_a_stated_count_of_one_roles_members() -> None:
    text = (
        'body g "某领导小组" {\n  stated members 2 "2个部门的分管副职任小组成员" {\n    role "成員"\n  }\n'
        '  members {\n    member "組長" post "縣委書記"\n    member "成員" of "甲局"\n    member "成員" of "乙局"\n  }\n}\n'
    )
    _round_trips(text)
    assert _findings(text) == []
    # without the role every member is counted: 3 for 2
    assert _findings(
        text.replace(
            '  stated members 2 "2个部门的分管副职任小组成员" {\n    role "成員"\n  }\n', "  stated members 2\n"
        )
    ) == [("OS301", 2)]


_TOWNS = """body "二类乡镇" {
  stands-for 2 "2个乡镇划为二类" {
    member "潮泉镇"
    member "陆房乡"
  }
}
"""


def test_more_named_members_than_the_class_has_are_reported() -> None:
    assert _findings(_TOWNS) == []
    three = _TOWNS.replace('    member "陆房乡"\n', '    member "陆房乡"\n    member "孙伯乡"\n')
    assert _findings(three) == [("OS317", 2)]
    message = next(d.message for d in orgspec.check_text(three) if d.code == "OS317")
    assert "stands for 2 bodies but names 3 members" in message
    # fewer named than counted is how documents speak (three of every township's offices)
    assert _findings(_TOWNS.replace('    member "陆房乡"\n', "")) == []
    # an open count is never compared
    assert _findings(three.replace('stands-for 2 "2个乡镇划为二类"', "stands-for unstated")) == []


_BUDGET = """body "某局" {
  section-duties-unstated
  stated institutions 5 "二级预算单位5个"
  institution "甲中心"
  institution "区域中心" {
    stands-for 2 "区域中心2个"
  }
  institution "省级局" {
    stands-for 2 "省级局2个"
  }
}
"""


def test_a_class_body_counts_as_its_bodies_in_a_stated_count() -> None:
    # 1 + 2 + 2 = 5: three units listed, five bodies counted
    assert _findings(_BUDGET) == []
    six = _BUDGET.replace('stands-for 2 "省级局2个"', 'stands-for 3 "省级局3个"')
    assert _findings(six) == [("OS301", 3)]
    assert "but lists 6" in next(d.message for d in orgspec.check_text(six) if d.code == "OS301")
    # a class whose count is open is at least one body: the list can only be too long
    assert _findings(_BUDGET.replace('stands-for 2 "省级局2个"', "stands-for unstated")) == []
    assert _findings(_BUDGET.replace("institutions 5", "institutions 2")) == [("OS301", 3)]
    assert _findings(
        _BUDGET.replace("institutions 5", "institutions 2").replace('stands-for 2 "省级局2个"', "stands-for unstated")
    ) == [("OS301", 3)]


def test_a_class_body_counts_as_its_bodies_under_subordinates_and_bodies() -> None:
    subordinates = """body "某县林业局" {
  stated subordinates 7 "下属7个单位"
  institution "县林业站"
  institution "乡镇林业站" {
    stands-for 6 "6个乡镇林业站"
  }
}
"""
    assert _findings(subordinates) == []
    assert _findings(subordinates.replace("subordinates 7", "subordinates 2")) == [("OS301", 2)]
    bodies = """body gov "某县人民政府" {
  stated bodies 4 "所属机构4个"
}

body "某局" {
  superior @gov
}

body "某镇人民政府" {
  superior @gov
  stands-for 3 "3个镇"
}
"""
    assert _findings(bodies) == []
    assert _findings(bodies.replace("bodies 4", "bodies 2")) == [("OS301", 2)]


def test_bodies_abolished_in_their_history_are_not_counted_under_a_body() -> None:
    # 保留164个、撤销38个: the count states the bodies kept; the abolished class stands beside them
    text = """body gov "某市人民政府" {
  stated bodies 1 "保留1个"
}

body "某领导小组" {
  superior @gov
}

body "撤销的非常设机构" {
  superior @gov
  stands-for 38 "撤销38个"
  history {
    event abolished 2007
  }
}
"""
    assert _findings(text) == []
    assert _findings(text.replace("bodies 1", "bodies 39")) == [("OS301", 2)]
