"""The constructs of the fifth round of issue 13: a body that exists only as a plaque hung on another
body (``plaque-on``), a unit doing another unit's work (``performs-for``/``performed-by``) and the
working office of a post (``office-of-post``). Each is tested through parse, fmt, model, check,
chart, completion and lexer, against what a reviewer expects of a small document.
"""

from __future__ import annotations

import pytest

import orgspec
from orgspec.model import RelationKind
from tests.construct_helpers import findings as _findings
from tests.construct_helpers import round_trips as _round_trips

# ---- a body that exists only as a plaque on another body (在…加挂该机构牌子) ------------------------

_PLAQUE_ON = """body qxj "中卫市气象局" {
  plaque "中卫市防雷减灾管理局" {
    form "加挂"
  }
  stated bodies 2 "由中卫市气象局管理的机构2个"
  section-duties-unstated
  section ywk "业务科技科"
}

body flj "中卫市防雷减灾管理局" {
  managed-by @qxj
  plaque-on @qxj {
    note "在中卫市气象局加挂该机构牌子"
  }
}

body rgb "中卫市人工影响天气领导小组办公室" {
  managed-by @qxj
  performed-by @ywk {
    note "具体由业务科技科(政策法规科)履行管理职能"
  }
}
"""


def test_a_plaque_only_body_round_trips_and_is_counted_among_the_bodies_managed() -> None:
    spec = _round_trips(_PLAQUE_ON)
    rels = [r.kind for r in spec.bodies[1].relations]
    assert rels == [RelationKind.MANAGED_BY, RelationKind.PLAQUE_ON]
    assert spec.bodies[1].relations[1].target.target == "qxj"
    # the carrier's plaque of the same name is the plaque-only body's name, not a second unit's (no OS402)
    assert _findings(_PLAQUE_ON) == []
    # the count is checked over both bodies, the plaque-only one among them
    assert _findings(_PLAQUE_ON.replace("stated bodies 2", "stated bodies 3"), "OS301") == [("OS301", 5)]


def test_a_plaque_that_names_another_unit_is_still_an_error_without_plaque_on() -> None:
    without = _PLAQUE_ON.replace('  plaque-on @qxj {\n    note "在中卫市气象局加挂该机构牌子"\n  }\n', "")
    assert _findings(without, "OS402") == [("OS402", 2)]


@pytest.mark.parametrize(
    ("statement", "line"),
    [
        ("quota administrative 3", 12),
        ('actual 3 "实有3人"', 12),
        ('posts {\n    post "局长" 1\n  }', 13),
    ],
)
def test_a_plaque_only_body_with_staff_of_its_own_is_reported(statement: str, line: int) -> None:
    text = _PLAQUE_ON.replace("  managed-by @qxj\n  plaque-on", f"  managed-by @qxj\n  {statement}\n  plaque-on", 1)
    assert _findings(text) == [("OS404", line)]
    (diag,) = [d for d in orgspec.check_text(text) if d.code == "OS404"]
    assert "'中卫市防雷减灾管理局' exists only as a plaque on '中卫市气象局'" in diag.message


def test_a_plaque_only_body_set_up_on_its_own_since_may_have_staff() -> None:
    text = _PLAQUE_ON.replace(
        '    note "在中卫市气象局加挂该机构牌子"\n', '    until 2015\n    note "在中卫市气象局加挂该机构牌子"\n'
    ).replace("  managed-by @qxj\n  plaque-on", "  managed-by @qxj\n  quota administrative 3\n  plaque-on", 1)
    assert _findings(text) == []


def test_a_body_is_not_a_plaque_on_itself_nor_a_cycle_with_its_manager() -> None:
    itself = 'body a "甲" {\n  plaque-on @a\n}\n'
    assert _findings(itself) == [("OS209", 2)]
    # managed by the body it hangs on: no containment cycle (plaque-on contains nothing)
    both = 'body a "甲" {\n  plaque "乙"\n}\n\nbody b "乙" {\n  managed-by @a\n  plaque-on @a\n}\n'
    assert _findings(both) == []


# ---- a unit doing another unit's work (具体由…履行, 日常工作由…承担) -------------------------------


def test_work_done_by_another_unit_is_not_a_second_working_office() -> None:
    text = """body ldxz "领导小组" {
  kind coordinating-body
  office ban "领导小组办公室" {
    office-of @ldxz
    performed-by "县政府办公室政府信息公开管理中心"
  }
}
"""
    spec = _round_trips(text)
    kinds = [r.kind for r in spec.bodies[0].units[0].relations]
    assert kinds == [RelationKind.OFFICE_OF, RelationKind.PERFORMED_BY]
    assert _findings(text) == []
    # the old way of writing it, the unit as a second working office of the group, is two offices
    second = text.replace('    performed-by "县政府办公室政府信息公开管理中心"\n', "").replace(
        "  kind coordinating-body\n", '  kind coordinating-body\n  working-office "县政府办公室政府信息公开管理中心"\n'
    )
    assert _findings(second, "OS319")
    # both sides may be written
    both = _PLAQUE_ON.replace('section ywk "业务科技科"', 'section ywk "业务科技科" {\n    performs-for @rgb\n  }')
    assert _findings(both) == []
    assert _findings('body a "甲" {\n  performs-for @a\n}\n') == [("OS209", 2)]


# ---- the working office of a post (国家土地总督察的办事机构) ---------------------------------------


def test_the_office_of_a_post_names_the_post_by_its_title() -> None:
    text = 'body zdc "國家土地總督察辦公室" {\n  office-of-post "國家土地總督察"\n}\n'
    spec = _round_trips(text)
    (rel,) = spec.bodies[0].relations
    assert (rel.kind, rel.target.target, rel.target.by) == (RelationKind.OFFICE_OF_POST, "國家土地總督察", "external")
    assert _findings(text) == []
    # a post is not a unit: a reference is refused, with one located error
    ref = 'body a "甲" {\n  office-of-post @a\n}\n'
    assert _findings(ref) == [("OS202", 2)]
    # and it is not a working office of a body (no OS319 with an office-of beside it)
    beside = text.replace("  office-of-post", '  office-of "某领导小组"\n  office-of-post')
    assert _findings(beside) == []


# ---- charts, completion, lexer ----------------------------------------------------------------------


def test_the_chart_draws_the_new_relations_and_no_box_for_a_post() -> None:
    from orgspec.render.chart import build_chart

    chart = build_chart(orgspec.loads(_PLAQUE_ON + '\nbody z "辦公室" {\n  office-of-post "總督察"\n}\n'))
    names = {n.id: n.names[0] if n.names else "" for n in chart.nodes}
    edges = [(e.kind, names[e.source], names[e.target]) for e in chart.edges]
    assert ("plaque", "中卫市防雷减灾管理局", "中卫市气象局") in edges
    assert ("performs", "业务科技科", "中卫市人工影响天气领导小组办公室") in edges
    assert "總督察" not in names.values()


def test_completion_and_lexer_know_the_new_relations() -> None:
    pytest.importorskip("lsprotocol")
    pytest.importorskip("pygments")
    from pygments import lex
    from pygments.token import Keyword

    from orgspec.lsp.complete import completions
    from orgspec.lsp.features import Document
    from orgspec.pygments_lexer import OrgspecLexer

    text = 'body b "B" {\n  '
    doc = Document.open("file:///c.orgspec", text)
    labels = [i.label for i in completions(text, len(text), doc.lines)]
    for word in ("plaque-on", "performs-for", "performed-by", "office-of-post"):
        assert word in labels, word
    text = 'body b "B" {\n  plaque-on {\n    '
    doc = Document.open("file:///c.orgspec", text)
    assert "until" in [i.label for i in completions(text, len(text), doc.lines)]
    tokens = {v: t for t, v in lex(_PLAQUE_ON, OrgspecLexer())}
    assert tokens["plaque-on"] is Keyword
    assert tokens["performed-by"] is Keyword


# ---- posts held concurrently (兼任) -----------------------------------------------------------------

_HELD = """body jd "某街道" {
  quota administrative 20
  posts {
    group "处级职数" 7 {
      post "书记" 1 chief
      post "主任" 1 chief held-by "副书记"
      post "副书记" 3 deputy
      post "副主任" 2 deputy
      post "武装部长" 1 deputy
    }
  }
}
"""


def test_a_post_held_by_the_holders_of_another_is_counted_once() -> None:
    spec = _round_trips(_HELD)
    group = spec.bodies[0].posts[0]
    assert [p.held_by for p in group.posts] == [None, "副书记", None, None, None]  # type: ignore[union-attr]
    # 2正5副: 1 + 1 + 3 + 2 + 1 = 8 titles, 7 persons; 6 deputy titles, 5 deputies beside the 主任
    assert _findings(_HELD) == []
    # written as a post held with one outside the group (the old way), the deputies do not fit
    assert _findings(_HELD.replace('held-by "副书记"', 'concurrent "副书记"'), "OS307") == [("OS307", 7)]


def test_a_post_held_outside_any_group_is_not_counted_against_the_quota() -> None:
    text = """body gtb "国土资源部" {
  quota administrative 5
  posts {
    post "部长" 1
    post "副部长" 4
    post "国家土地副总督察" 1 held-by "副部长"
  }
}
"""
    assert _findings(text) == []  # 5 persons within 5
    assert _findings(text.replace(' held-by "副部长"', ""), "OS304") == [("OS304", 2)]


def test_held_by_naming_no_post_beside_it_or_outnumbering_it_is_reported() -> None:
    unknown = _HELD.replace('held-by "副书记"', 'held-by "副书記长"')
    assert _findings(unknown, "OS322") == [("OS322", 6)]
    more = _HELD.replace('post "主任" 1 chief held-by', 'post "主任" 4 chief held-by')
    assert ("OS322", 6) in _findings(more)


_CONCURRENT = """body bw "编委" {
  members {
    member "主任" person "张鹏"
    member "委员" person "刘平"
  }
}

body bb "编办" {
  office-of @bw
  posts {
    post "主任" 1 {
      holder "刘平" concurrent "委员" of @bw
    }
    post "副主任" unstated {
      holder "陳光健" concurrent unstated
    }
  }
}
"""


def test_a_concurrent_post_of_another_body_round_trips_and_agrees() -> None:
    spec = _round_trips(_CONCURRENT)
    first, second = spec.bodies[1].posts
    (h1,) = first.holders  # type: ignore[union-attr]
    (h2,) = second.holders  # type: ignore[union-attr]
    assert (h1.concurrent, h1.concurrent_of.target if h1.concurrent_of else None) == ("委员", "bw")
    assert (h2.concurrent, h2.concurrent_unstated) == (None, True)
    assert _findings(_CONCURRENT) == []


def test_a_concurrent_post_the_other_body_gives_to_someone_else_is_reported() -> None:
    other = _CONCURRENT.replace('member "委员" person "刘平"', 'member "委员" person "王五"')
    assert _findings(other) == [("OS323", 12)]
    # a body that names no one is not compared
    nobody = _CONCURRENT.replace(
        '    member "主任" person "张鹏"\n    member "委员" person "刘平"\n', '    member "委员"\n'
    )
    assert _findings(nobody) == []
    # the body must resolve; concurrent takes a title or unstated
    assert ("OS208", 12) in _findings(_CONCURRENT.replace("of @bw", "of @nowhere"))
    assert ("OS202", 15) in _findings(_CONCURRENT.replace("concurrent unstated", "concurrent maybe"))
    assert ("OS202", 12) in _findings(_CONCURRENT.replace('concurrent "委员" of @bw', "of @bw"))
