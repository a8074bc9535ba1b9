"""The constructs real documents need (issue 13): each through parse, model, check, fmt and export.

K2 a copy that is cut off; K3 actual staff and holders; K4 short names; K7 quota properties.
Each test states what a reviewer expects of a small document, independently of the code.
"""

from __future__ import annotations

import orgspec
from orgspec.export.tables import table_rows
from orgspec.model import Count, CountStatus


def _findings(text: str) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in orgspec.check_text(text)]


def _round_trips(text: str) -> orgspec.Spec:
    spec = orgspec.loads(text)
    assert orgspec.loads(orgspec.dumps(spec)) == spec
    return spec


# ---- K2: text cut off in the copy ------------------------------------------------------------

_CUT = """body a "國務院辦公廳" {
  cut-off sections "機要通信和機要文件"
  stated sections 9 "設9個內設機構"
  section "秘書一局" {
    number 1
    duties {
      duty "辦理……機要通信和機要文件" cut-off
    }
  }
  quota administrative 9 {
    includes cut-off "(室领"
  }
}
"""


def test_a_copy_cut_off_inside_a_list_is_not_a_mismatch() -> None:
    # The document states 9 sections; the copy stops inside the first: not an error (OS301),
    # but the count is reported as not checked (OS309, info).
    assert _findings(_CUT) == [("OS309", 3)]
    without = _CUT.replace('  cut-off sections "機要通信和機要文件"\n', "")
    assert ("OS301", 2) in _findings(without)


def test_a_cut_off_page_covers_every_stated_count_but_not_a_list_longer_than_stated() -> None:
    text = 'body a "某办" {\n  cut-off page\n  stated sections 1\n  section "甲" { duties { duty "x" } }\n  section "乙" { duties { duty "y" } }\n}\n'
    assert [c for c, _ in _findings(text)] == ["OS301"]  # 2 listed > 1 stated is still wrong


def test_cut_off_duty_and_figure_are_kept_apart_from_unreadable_and_unstated() -> None:
    spec = _round_trips(_CUT)
    body = spec.bodies[0]
    assert [(c.what, c.text) for c in body.cut_off] == [("sections", "機要通信和機要文件")]
    assert body.units[0].duties[0].cut_off
    part = body.quotas[0].parts[0]
    assert part.count == Count.cut_off("(室领")
    assert part.count.status is CountStatus.CUT_OFF
    assert not part.count.known
    text = orgspec.dumps(spec)
    assert '  cut-off sections "機要通信和機要文件"\n' in text
    assert 'duty "辦理……機要通信和機要文件" cut-off\n' in text
    assert 'includes cut-off "(室领"\n' in text


def test_cut_off_is_in_the_tables_export() -> None:
    spec = orgspec.loads(_CUT)
    assert table_rows(spec, "units")[0]["cut_off"] == "sections: 機要通信和機要文件"
    assert [r["cut_off"] for r in table_rows(spec, "duties")] == ["yes"]


def test_cut_off_needs_to_say_what_the_copy_lacks() -> None:
    found = [d.code for d in orgspec.check_text('body a "某办" {\n  cut-off "設9個"\n}\n')]
    assert found == ["OS202"]
    found = [d.code for d in orgspec.check_text('body a "某办" {\n  cut-off chapters\n}\n')]
    assert found == ["OS202"]
