"""N2 (issue 13): the working office (办事机构) of a coordinating body, through every layer.

``office-of`` on the office (or on the body that does the work, "承担…的具体工作") and
``working-office`` on the coordinating body: parse, model, fmt round trip, the OS319 check,
OS209 on itself, JSON export and schema, the zh summary of a diff, LSP completion and the lexer.
"""

from __future__ import annotations

import json

import pytest

import orgspec
from orgspec.export import export
from orgspec.model.units import RelationKind

_GROUP = """\
body zu "县委对台工作领导小组" {
  kind coordinating-body
  office ban "办公室" {
    hosted-in "县台办"
    office-of @zu {
      note "领导小组办公室设在县台办"
    }
  }
}
body bw "编委" {
  working-office @bb
}
body bb "编办" {
  office-of @bw
}
"""


def _codes(text: str) -> list[str]:
    return [d.code for d in orgspec.check_text(text)]


def test_office_of_and_working_office_are_relations_that_round_trip() -> None:
    spec = orgspec.loads(_GROUP)
    (office,) = spec.bodies[0].units
    assert [(r.kind, r.target.target) for r in office.relations] == [
        (RelationKind.HOSTED_IN, "县台办"),
        (RelationKind.OFFICE_OF, "zu"),
    ]
    assert office.relations[1].notes == ("领导小组办公室设在县台办",)
    assert spec.bodies[1].relations[0].kind is RelationKind.WORKING_OFFICE
    text = orgspec.dumps(spec)
    assert "    office-of @zu {\n" in text
    assert "  working-office @bb\n" in text
    assert orgspec.loads(text) == spec
    # both sides naming the same office is consistent: no finding
    assert _codes(_GROUP) == []


def test_two_working_offices_of_one_body_are_a_warning_either_way_stated() -> None:
    two = _GROUP + 'body other "另一办公室" {\n  office-of @bw\n}\n'
    found = [d for d in orgspec.check_text(two) if d.code == "OS319"]
    assert [(d.line, d.severity.value) for d in found] == [(17, "warning")]
    assert "'编委' has two working offices: '编办' and '另一办公室'" in found[0].message
    # an office replaced by another keeps its relation with until: history, not a conflict
    ended = _GROUP + 'body other "另一办公室" {\n  office-of @bw {\n    until 2018\n  }\n}\n'
    assert _codes(ended) == []
    # an office outside the spec, named on the body, against one inside that claims the body
    outside = 'body zu "领导小组" {\n  working-office "县委办"\n}\nbody b "民政局" {\n  office-of @zu\n}\n'
    assert _codes(outside) == ["OS319"]


def test_a_unit_cannot_be_its_own_working_office() -> None:
    found = orgspec.check_text('body zu "领导小组" {\n  office-of @zu\n}\n')
    assert [(d.code, d.line) for d in found] == [("OS209", 2)]
    assert found[0].hint == "a unit cannot be its own working office"


def test_an_unresolved_office_is_an_error_and_a_plain_name_is_outside_the_spec() -> None:
    assert _codes('body zu "领导小组" {\n  working-office @ban\n}\n') == ["OS208"]
    assert _codes('body lyt "林业厅" {\n  office-of "省绿化委员会"\n}\n') == []


def test_the_json_export_carries_the_relation_kind() -> None:
    data = json.loads(export(orgspec.loads(_GROUP), "json"))
    office = data["bodies"][0]["units"][0]
    assert [r["kind"] for r in office["relations"]] == ["hosted-in", "office-of"]


def test_the_zh_summary_says_who_does_the_bodys_work() -> None:
    from orgspec.reorg import diff
    from orgspec.reorg.render_zh import render_zh

    old = orgspec.loads('body bb "编办" {\n  quota administrative 5\n}\n')
    new = orgspec.loads('body bb "编办" {\n  quota administrative 5\n  office-of "编委"\n}\n')
    assert "编办承担编委的日常工作" in render_zh(diff(old, new))


def test_lsp_completes_the_relation_keywords() -> None:
    pytest.importorskip("lsprotocol")
    from orgspec.lsp.complete import completions
    from orgspec.lsp.features import Document

    text = 'body b "B" {\n  '
    doc = Document.open("file:///c.orgspec", text)
    labels = [i.label for i in completions(text, len(text), doc.lines)]
    assert "office-of" in labels
    assert "working-office" in labels


def test_the_lexer_classes_the_relation_as_a_keyword() -> None:
    pytest.importorskip("pygments")
    from pygments import lex
    from pygments.token import Keyword, Name

    from orgspec.pygments_lexer import OrgspecLexer

    tokens = {v: t for t, v in lex('body b "B" {\n  office-of @zu\n  working-office @bb\n}\n', OrgspecLexer())}
    assert tokens["office-of"] is Keyword
    assert tokens["working-office"] is Keyword
    assert tokens["@zu"] is Name.Label
