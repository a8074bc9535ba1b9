"""What the diff and its printed forms say is what the specs state.

A pool of no known category is the one the document's words name (专职干部, 人员编制): it is
matched, counted and printed by those words. A unit named by id (``managed-by @a``) is printed by its
name. A unit's leadership posts are counted as the checks count them (a post held by the holders of
another is one person for both). The checks, the editor's summary, the history and the exports keep
a pool's words as the diff does, and charts and Popolo name a member body given by id.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import orgspec
from orgspec.checks.posts import posts_total as checked_posts
from orgspec.export.popolo import popolo
from orgspec.model.units import Spec
from orgspec.render.chart import build_chart
from orgspec.render.diffchart import build_diff_chart
from orgspec.reorg import apply, diff, invert
from orgspec.reorg.ops import QuotaChanged, QuotaTransferred
from orgspec.reorg.render_markdown import render_markdown
from orgspec.reorg.render_text import render_text
from orgspec.reorg.render_zh import render_zh
from orgspec.reorg.summary import posts_total


def _body(*lines: str, name: str = "甲局", uid: str = "a") -> str:
    return f'body {uid} "{name}" {{\n' + "".join(f"  {line}\n" for line in lines) + "}\n"


def _spec(*bodies: str) -> Spec:
    return orgspec.loads("".join(bodies))


# ---- a pool in the document's words -------------------------------------------------------


def test_a_pool_of_no_known_category_is_said_in_the_documents_words() -> None:
    old = _spec(_body("quota administrative 10"))
    new = _spec(_body("quota administrative 10", 'quota "专职干部" 3'))
    assert render_zh(diff(old, new)) == "1. 甲局核定专职干部3名。\n"
    assert render_zh(diff(new, old)) == "1. 甲局不再单独核定专职干部(原3名)。\n"
    more = _spec(_body("quota administrative 10", 'quota "专职干部" 5'))
    assert render_zh(diff(new, more)) == "1. 甲局专职干部由3名调整为5名。\n"
    assert "    other (专职干部) quota: 3 → 5\n" in render_text(diff(new, more))


def test_two_pools_in_other_words_are_one_gone_and_one_come() -> None:
    old = _spec(_body('quota "专职干部" 3'))
    new = _spec(_body('quota "人员编制" 3'))
    d = diff(old, new)
    changes = [op for op in d.operations if isinstance(op, QuotaChanged)]
    assert [(q.before and q.before.category_label, q.after and q.after.category_label) for q in changes] == [
        ("专职干部", None),
        (None, "人员编制"),
    ]
    assert d.summary.quota == {"other (专职干部)": "-3", "other (人员编制)": "+3"}
    assert d.notes == ()
    assert render_zh(d) == "1. 甲局不再单独核定专职干部(原3名)。\n2. 甲局核定人员编制3名。\n"
    text = render_text(d)
    assert "other (专职干部) quota: 3 → (none)" in text
    assert text.endswith("2 quotas changed; other (专职干部) quota -3, other (人员编制) quota +3\n")
    assert "| other (人员编制) quota | +3 |" in render_markdown(d)
    assert apply(old, d) == new
    assert apply(new, invert(d)) == old


def test_of_two_pools_in_other_words_only_the_one_that_changed_is_said() -> None:
    old = _spec(_body('quota "专职干部" 3', 'quota "人员编制" 5'))
    new = _spec(_body('quota "专职干部" 3', 'quota "人员编制" 6'))
    d = diff(old, new)
    assert [op.op for op in d.operations] == ["quota-changed"]
    (op,) = d.operations
    assert isinstance(op, QuotaChanged)
    assert op.before is not None
    assert op.before.category_label == "人员编制"
    assert d.summary.quota == {"other (人员编制)": "+1"}
    assert render_zh(d) == "1. 甲局人员编制由5名调整为6名。\n"


def test_a_pool_written_in_the_other_script_is_the_same_pool() -> None:
    old = _spec(_body('quota "专职干部" 3'))
    new = _spec(_body('quota "專職幹部" 3'))
    d = diff(old, new)
    assert [op.op for op in d.operations] == ["quota-changed"]
    assert d.summary.quota == {}


def test_a_pool_moves_between_bodies_only_in_its_own_words() -> None:
    old = _spec(_body('quota "专职干部" 5'), _body('quota "专职干部" 2', name="乙局", uid="b"))
    new = _spec(_body('quota "专职干部" 3'), _body('quota "专职干部" 4', name="乙局", uid="b"))
    d = diff(old, new)
    moved = [op for op in d.operations if isinstance(op, QuotaTransferred)]
    assert [(op.source_name, op.name, op.category_label, op.amount) for op in moved] == [
        ("甲局", "乙局", "专职干部", 2)
    ]
    assert "将甲局的专职干部2名划入乙局。" in render_zh(d)
    assert "other (专职干部) quota transferred from 甲局: 2" in render_text(d)
    assert json.loads(d.model_dump_json())["operations"][-1]["category_label"] == "专职干部"
    other = _spec(_body('quota "专职干部" 3'), _body('quota "专职干部" 2', 'quota "人员编制" 2', name="乙局", uid="b"))
    assert not [op for op in diff(old, other).operations if isinstance(op, QuotaTransferred)]


def test_a_pool_whose_total_is_open_is_noted_by_its_words() -> None:
    old = _spec(_body('quota "专职干部" separately', 'quota "人员编制" 5'))
    new = _spec(_body('quota "专职干部" 3', 'quota "人员编制" 5'))
    d = diff(old, new)
    assert [(n.code, n.message.split(":")[0]) for n in d.notes] == [
        ("quota-open", "other (专职干部) quota total cannot be reconciled")
    ]
    assert d.summary.quota == {"other (专职干部)": "open"}


def test_a_pool_named_with_markdown_in_its_words_stays_in_its_cell() -> None:
    old = _spec(_body("quota administrative 1"))
    new = _spec(_body("quota administrative 1", 'quota "专职|干部" 3'))
    assert "| other (专职\\|干部) quota | +3 |" in render_markdown(diff(old, new))


# ---- a unit named by id is printed by its name ----------------------------------------------


def test_a_relation_to_a_unit_named_by_id_says_its_name() -> None:
    a = _body("quota administrative 1")
    old = _spec(a, _body(name="乙局", uid="b"))
    new = _spec(a, _body("managed-by @a", name="乙局", uid="b"))
    d = diff(old, new)
    assert d.refs == {"a": "甲局"}
    assert render_zh(d) == "1. 乙局由甲局管理。\n"
    assert "    relations: + managed-by 甲局\n" in render_text(d)
    assert "- relations: + managed-by 甲局" in render_markdown(d)
    assert json.loads(d.model_dump_json())["refs"] == {"a": "甲局"}
    # the operations keep the reference as the spec states it, so that they apply
    assert apply(old, d) == new
    assert apply(new, invert(d)) == old


def test_a_new_body_managed_by_a_unit_named_by_id_says_its_name() -> None:
    a = _body("quota administrative 1")
    d = diff(_spec(a), _spec(a, _body("managed-by @a", name="乙局", uid="b")))
    assert render_zh(d) == "1. 组建乙局，由甲局管理。\n"


def test_a_superior_named_by_id_is_said_by_its_name_in_every_form() -> None:
    heads = _body(), _body(name="丙局", uid="c")
    old = _spec(*heads, _body("superior @a", name="乙局", uid="b"))
    new = _spec(*heads, _body("superior @c", name="乙局", uid="b"))
    d = diff(old, new)
    assert d.refs == {"a": "甲局", "c": "丙局"}
    assert render_zh(d) == "1. 乙局由甲局调整为丙局管理。\n"
    assert render_text(d).startswith("moved 乙局: superior 甲局 → 丙局\n")
    chart = build_diff_chart(new, d)
    notes = [line.text for node in chart.nodes for line in node.lines if line.role == "note"]
    assert "原上级：甲局" in notes


def test_a_member_body_named_by_id_is_shown_by_its_name() -> None:
    spec = _spec(
        _body(), _body("members {", '  member "组长" post "局长" of @a person "张三"', "}", name="编委", uid="w")
    )
    lines = [line.text for node in build_chart(spec).nodes for line in node.lines]
    assert "组长 甲局局长" in lines
    labels = [m.get("label") for m in popolo(spec)["memberships"]]
    assert labels == ["甲局 局长"]


# ---- leadership posts are counted as the checks count them ---------------------------------


def test_a_post_held_by_the_holders_of_another_adds_no_leadership_post() -> None:
    # 副部长4名(其中1名副部长兼任国家土地副总督察): the 总督察 is one of the 副部长
    old = _spec(_body("quota administrative 20", "posts {", '  post "部长" 1', '  post "副部长" 4', "}"))
    new = _spec(
        _body(
            "quota administrative 20",
            "posts {",
            '  post "部长" 1',
            '  post "副部长" 4',
            '  post "副总督察" 1 held-by "副部长"',
            "}",
        )
    )
    d = diff(old, new)
    assert [op.op for op in d.operations] == ["posts-changed"]
    assert d.summary.posts is None
    assert "leadership posts" not in render_text(d)
    assert render_zh(d) == "1. 甲局领导职数调整。\n"
    unit = new.bodies[0]
    assert posts_total(unit.posts).value == checked_posts(unit.posts)[0] == 5


def test_a_group_total_open_counts_each_person_of_its_breakdown_once() -> None:
    # 书记1名、主任1名(由副书记兼任)、副书记3名: four persons
    spec = _spec(
        _body(
            "posts {",
            "  group unstated {",
            '    post "书记" 1 chief',
            '    post "主任" 1 chief held-by "副书记"',
            '    post "副书记" 3 deputy',
            "  }",
            "}",
        )
    )
    unit = spec.bodies[0]
    assert posts_total(unit.posts).value == checked_posts(unit.posts)[0] == 4


def test_a_past_layout_is_not_counted_in_the_posts() -> None:
    now = ("posts {", '  group "领导职数" 5 {', '    post "局长" 1', '    post "副局长" 4', "  }")
    old = _spec(_body(*now, "}"))
    new = _spec(_body(*now, '  group "领导职数" 3 {', "    until 2012", "  }", "}"))
    d = diff(old, new)
    assert d.summary.posts is None
    assert render_zh(d) == "1. 甲局领导职数调整。\n"


def test_posts_approved_separately_are_the_units_posts_outside_the_quota() -> None:
    old = _spec(_body("quota administrative 20", "posts {", '  post "局长" 1', "}"))
    new = _spec(
        _body("quota administrative 20", "posts {", '  post "局长" 1', '  post "监察室主任" 1 approved-separately', "}")
    )
    d = diff(old, new)
    assert d.summary.posts == "+1"
    assert checked_posts(new.bodies[0].posts)[0] == 1  # the checks count them outside the quota


# ---- the same pools in the checks and the editor's summary -----------------------------------


def _over(total: int) -> str:
    return (
        _body(f'quota "专职干部" {total} {{', "  over @a @b", "}", name="全区", uid="all")
        + _body('quota "人员编制" 30', 'quota "专职干部" 5', name="甲街道")
        + _body('quota "专职干部" 5', name="乙街道", uid="b")
    )


def test_a_total_over_bodies_adds_up_the_pool_its_words_name() -> None:
    assert [d.code for d in orgspec.analyze(_over(10)).diagnostics] == []
    (found,) = orgspec.analyze(_over(12)).diagnostics
    assert found.code == "OS320"
    assert found.message == (
        "the other (专职干部) quota of '全区' is 12, but the other (专职干部) quotas of the 2 bodies it is over "
        "add up to 10 (5 + 5)"
    )


def test_the_checks_name_a_pool_by_its_words() -> None:
    text = _body('quota "专职干部" 3 {', '  includes 2 "科员"', '  includes 2 "办事员"', "}")
    (found,) = orgspec.analyze(text).diagnostics
    assert (found.code, found.message) == (
        "OS302",
        "the parts of the other (专职干部) quota of '甲局' add up to 4, more than its total of 3",
    )


def test_the_editors_summary_totals_each_pool_apart() -> None:
    from orgspec.lsp.features import unit_summary

    spec = _spec(
        _body(
            'quota "专职干部" 2',
            'section "办公室" {',
            '  quota "专职干部" 1',
            '  quota "人员编制" 4',
            "}",
        )
    )
    text = unit_summary(spec.bodies[0])
    assert "quota other (专职干部): 2" in text
    assert "quota totals with units below: other (专职干部) 3, other (人员编制) 4" in text


# ---- the history changes the pool its event names --------------------------------------------


def _state(text: str, year: int) -> Spec:
    from orgspec.history import derive
    from orgspec.model.values import PartialDate

    found = derive(orgspec.loads(text), PartialDate(year=year))
    assert found.ok, found.notes
    return found.spec


def _pools(spec: Spec, name: str = "甲局") -> dict[str | None, int | None]:
    unit = next(u for u in spec.walk() if u.name == name)
    return {q.category_label: q.count.value for q in unit.quotas}


def test_a_quota_changed_event_changes_the_pool_its_words_name() -> None:
    text = _body(
        'quota "专职干部" 3',
        'quota "人员编制" 5',
        "history {",
        "  event quota-changed 2015 {",
        '    category "人员编制"',
        "    from 4",
        "    to 5",
        "  }",
        "}",
    )
    assert _pools(_state(text, 2014)) == {"专职干部": 3, "人员编制": 4}
    assert _pools(_state(text, 2016)) == {"专职干部": 3, "人员编制": 5}


def test_a_quota_transferred_event_moves_the_pool_its_words_name() -> None:
    text = _body(
        'quota "专职干部" 3',
        'quota "人员编制" 5',
        "history {",
        "  event quota-transferred 2015 {",
        '    category "人员编制"',
        "    amount 2",
        '    to "乙局"',
        "  }",
        "}",
    ) + _body('quota "人员编制" 2', 'quota "专职干部" 1', name="乙局", uid="b")
    before = _state(text, 2014)
    assert _pools(before) == {"专职干部": 3, "人员编制": 7}
    assert _pools(before, "乙局") == {"人员编制": 0, "专职干部": 1}


# ---- the exports keep a pool's words --------------------------------------------------------


def test_the_quotas_table_labels_a_pool_by_its_words() -> None:
    from orgspec.export.tables import table_rows

    spec = _spec(_body('quota "专职干部" 3 {', '  includes "事业工勤编制" 1', "}", 'quota "人员编制" 5 "人员编制5名"'))
    rows = [(r["category"], r["label"], r["count"], r["part_of"]) for r in table_rows(spec, "quotas")]
    assert rows == [
        ("other", "专职干部", "3", ""),
        ("other", "事业工勤编制", "1", "includes"),
        ("other", "人员编制5名", "5", ""),
    ]


def test_the_ontology_export_labels_a_pool_by_its_words() -> None:
    from .conftest import require_module

    rdflib = require_module("rdflib")
    from rdflib.namespace import SKOS

    from orgspec.export import export

    graph = rdflib.Graph().parse(data=export(_spec(_body('quota "专职干部" 3')), "org-ttl"), format="turtle")
    assert {str(o) for o in graph.objects(None, SKOS.prefLabel)} >= {"专职干部"}


def test_the_history_listing_names_pools_by_their_words_and_units_by_their_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from orgspec.cli.main import main

    path = tmp_path / "ev.orgspec"
    path.write_text(
        _body(
            'quota "人员编制" 5',
            "history {",
            "  event quota-changed 2015 {",
            '    category "人员编制"',
            "    from 4",
            "    to 5",
            "  }",
            "  event hosted 2016 {",
            "    unit @b",
            "  }",
            "}",
        )
        + _body(name="乙办", uid="b")
        + "history {\n  event abolished 2017 {\n    unit @b\n  }\n}\n",
        encoding="utf-8",
    )
    assert main(["history", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "2015        quota-changed       甲局  other (人员编制) 4 → 5",
        "2016        hosted              甲局  unit 乙办",
        "2017        abolished           乙办  unit 乙办",
    ]
