"""The zh summary of a history diff follows the history's dates (``orgspec.reorg.order``).

One spec whose history states, on six different dates, each way an event can state an operation: a
body's own ``established`` (its owner), a section established in its body's history and a body
abolished at spec level (the unit the event names), a merge (the body that stays), a plaque and a
rename (whose old name the diff also carries). The expected places and sentence order are the
dates written below, not the code's output.
"""

from __future__ import annotations

import orgspec
from orgspec.history import as_of
from orgspec.reorg import Diff, diff
from orgspec.reorg.ops import AttributeChanged
from orgspec.reorg.order import document_order
from orgspec.reorg.render_zh import render_zh

#: The item of an event that states none: after the numbered items of its date (hand-written, 2**30).
N = 1 << 30

HISTORY = """\
body "甲局" {
  history {
    event plaque-added 2003 { plaque "甲办" }
    event established 2004-06 { unit "甲处" }
    event merged 2005-03 { unit "乙办" }
    event renamed 2009-05 { from "旧甲局"; to "甲局" }
  }
  plaque "甲办"
  section "甲处" {}
}
body "丙局" {
  history {
    event established 2001 {}
  }
}
history {
  event abolished 2007 { unit "丁局" }
}
"""

#: Each event's date, by the name of the unit an operation is about.
DATES = {
    ("Establish", "丙局"): (2001, 0, 0),
    ("PlaqueAdded", "甲局"): (2003, 0, 0),
    ("Establish", "甲处"): (2004, 6, 0),
    ("Abolish", "乙办"): (2005, 3, 0),
    ("Absorb", "甲局"): (2005, 3, 0),
    ("Abolish", "丁局"): (2007, 0, 0),
    ("Rename", "甲局"): (2009, 5, 0),
}


def _diff() -> tuple[orgspec.Spec, orgspec.Spec, Diff]:
    spec = orgspec.loads(HISTORY)
    old, new = as_of(spec, "2000"), as_of(spec, "2010")
    return old, new, diff(old, new)


def test_each_operation_takes_the_date_of_the_event_that_states_it() -> None:
    old, new, d = _diff()
    places = document_order(old, new, d)
    seen: dict[tuple[str, str], object] = {}
    for op, place in zip(d.operations, places, strict=True):
        if isinstance(op, AttributeChanged):
            continue
        seen[(type(op).__name__, op.name)] = place
    assert seen == {key: (1, when, N) for key, when in DATES.items()}


def test_an_operation_no_event_states_goes_with_its_unit_or_nowhere() -> None:
    old, new, d = _diff()
    places = document_order(old, new, d)
    attributes = {
        op.name: place for op, place in zip(d.operations, places, strict=True) if isinstance(op, AttributeChanged)
    }
    # 甲局's history changed with no event of its own: the earliest of 甲局's places; the spec's own
    # history block has no unit, so no place
    assert attributes == {"甲局": (1, (2003, 0, 0), N), "(spec)": None}


def test_the_zh_summary_is_in_date_order_and_grouped_without_places() -> None:
    old, new, d = _diff()
    dated = render_zh(d, document_order(old, new, d)).splitlines()
    assert dated == [
        "1. 组建丙局。",
        "2. 甲局加挂甲办牌子。",
        "3. 组建甲处。",
        "4. 将乙办并入甲局。",
        "5. 不再保留丁局。",
        "6. 旧甲局更名为甲局。",
    ]
    grouped = render_zh(d).splitlines()
    assert grouped[0] == "1. 组建甲处。"
    assert grouped[-1] == "6. 甲局加挂甲办牌子。"


def test_an_undated_event_comes_before_the_dated_ones() -> None:
    old = orgspec.loads('body "甲局" {}\n')
    new = orgspec.loads(
        'body "甲局" {}\n'
        'body "戊局" {\n  history {\n    event established 2001 {}\n  }\n}\n'
        'body "丙局" {\n  history {\n    event established {}\n  }\n}\n'
    )
    d = diff(old, new)
    places = {op.name: place for op, place in zip(d.operations, document_order(old, new, d), strict=True)}
    assert places == {"戊局": (1, (2001, 0, 0), N), "丙局": (0, (0, 0, 0), N)}
    assert render_zh(d, document_order(old, new, d)).splitlines() == ["1. 组建丙局。", "2. 组建戊局。"]


def test_a_merge_no_event_states_takes_the_date_of_the_merged_bodys_abolition() -> None:
    # 乙办's duties go to 甲局 and 乙办 is abolished in 2007; no merged event: the merge and the
    # transfer are placed by the body they come from (the diff's source name), not left without a place
    old = orgspec.loads(
        'body "甲局" {\n  duties { duty "负责甲。" }\n}\nbody "乙办" {\n  duties { duty "负责乙。" }\n}\n'
    )
    new = orgspec.loads(
        'body "丙局" {\n  history {\n    event established 2001 {}\n  }\n}\n'
        'body "甲局" {\n  duties {\n    duty "负责甲。"\n    duty "负责乙。"\n  }\n}\n'
        'history {\n  event abolished 2007 { unit "乙办" }\n}\n'
    )
    d = diff(old, new)
    places = {
        (type(op).__name__, op.name): place
        for op, place in zip(d.operations, document_order(old, new, d), strict=True)
        if not isinstance(op, AttributeChanged)
    }
    assert places == {
        ("Establish", "丙局"): (1, (2001, 0, 0), N),
        ("DutyTransferred", "甲局"): (1, (2007, 0, 0), N),
        ("Abolish", "乙办"): (1, (2007, 0, 0), N),
        ("Absorb", "甲局"): (1, (2007, 0, 0), N),
    }
    assert render_zh(d, document_order(old, new, d)).splitlines() == ["1. 组建丙局。", "2. 将乙办并入甲局。"]


PLAN_OLD = 'body "甲部" {}\nbody "乙部" {}\nbody "丙部" {}\nbody "丁部" {}\n'
#: A plan of one date, item by item: 1、组建戊部。不再保留甲部、乙部。 2、组建己部。不再保留丙部。 3、不再保留丁部。
#: The file lists the new bodies first and the abolitions after them, as one writes a spec.
PLAN_NEW = """\
body "戊部" {
  history { event established 2018-03 { item 1 } }
}
body "己部" {
  history { event established 2018-03 { item 2 } }
}
history {
  event abolished 2018-03 { unit "丁部"; item 3 }
  event abolished 2018-03 { unit "乙部"; item 1 }
  event abolished 2018-03 { unit "丙部"; item 2; verb "撤销" }
  event abolished 2018-03 { unit "甲部"; item 1 }
}
"""


def test_the_sentences_of_one_date_follow_the_plans_items() -> None:
    old, new = orgspec.loads(PLAN_OLD), orgspec.loads(PLAN_NEW)
    d = diff(old, new)
    places = {op.name: place for op, place in zip(d.operations, document_order(old, new, d), strict=True)}
    assert places.pop("(spec)") is None  # the spec's history itself: no sentence
    assert places == {
        "戊部": (1, (2018, 3, 0), 1),
        "己部": (1, (2018, 3, 0), 2),
        "甲部": (1, (2018, 3, 0), 1),
        "乙部": (1, (2018, 3, 0), 1),
        "丙部": (1, (2018, 3, 0), 2),
        "丁部": (1, (2018, 3, 0), 3),
    }
    # item by item; within an item 组建 first; the bodies of one item's 不再保留 in one sentence, in the
    # old spec's order; the event's verb where it has one
    assert render_zh(d, document_order(old, new, d)).splitlines() == [
        "1. 组建戊部。",
        "2. 不再保留甲部、乙部。",
        "3. 组建己部。",
        "4. 撤销丙部。",
        "5. 不再保留丁部。",
    ]
    # without the places (a caller that does not ask for the document's order): grouped, one 不再保留 per word
    assert render_zh(d).splitlines() == [
        "1. 组建戊部。",
        "2. 组建己部。",
        "3. 不再保留甲部、乙部、丁部。",
        "4. 撤销丙部。",
    ]


def test_an_item_is_part_of_the_event_and_survives_fmt_json_and_unlowering() -> None:
    from orgspec.fmt import format_text
    from orgspec.model.units import Spec

    new = orgspec.loads(PLAN_NEW)
    assert orgspec.loads(PLAN_NEW.replace("item 3", "item 4")) != new  # a stated fact: intended, documented
    assert Spec.model_validate_json(new.model_dump_json()) == new
    assert orgspec.loads(format_text(PLAN_NEW)) == new
    assert orgspec.loads(orgspec.dumps(new)) == new
    assert [e.verb for e in new.history] == [None, None, "撤销", None]


def test_a_figure_moved_takes_the_date_of_its_event() -> None:
    # 2019: 甲局 is established; 2023: 4 administrative posts move from 乙部 (outside the spec) to 丙局.
    # Without a place for the figure moved, the whole summary fell back to the grouped order.
    spec = orgspec.loads(
        'body "丙局" {\n  quota administrative 24\n  history {\n'
        '    event quota-transferred 2023 { from "乙部"; category administrative; amount 4 }\n  }\n}\n'
        'body "甲局" {\n  history { event established 2019 {} }\n}\n'
        'body "丁局" {\n  history { event established 2024 {} }\n}\n'
    )
    old, new = as_of(spec, "2018"), as_of(spec, "2025")
    d = diff(old, new)
    assert render_zh(d, document_order(old, new, d)).splitlines() == [
        "1. 组建甲局。",
        "2. 丙局行政编制由20名调整为24名。",
        "3. 将乙部的行政编制4名划入丙局。",
        "4. 组建丁局。",
    ]


def test_a_rename_no_event_states_goes_with_what_its_old_name_gave() -> None:
    # 甲局 becomes 乙局 with no renamed event; 丙局's history dates the duty 甲局 gave it (2019): the
    # rename takes that date, found by its old name
    old = orgspec.loads(
        'body a "甲局" {\n  duties {\n    duty "负责甲"\n    duty "负责乙"\n  }\n}\n'
        'body c "丙局" {\n  history { event established 2015 {} }\n}\n'
    )
    new = orgspec.loads(
        'body a "乙局" {\n  duties { duty "负责甲" }\n}\n'
        'body c "丙局" {\n  duties { duty "负责乙" }\n  history {\n    event established 2015 {}\n'
        '    event duties-transferred 2019 { from "甲局"; duty "负责乙" }\n  }\n}\n'
        'body e "戊局" {\n  history { event established 2018 {} }\n}\n'
    )
    d = diff(old, new)
    places = {op.op: place for op, place in zip(d.operations, document_order(old, new, d), strict=True)}
    assert places["rename"] == (1, (2019, 0, 0), N)
    assert render_zh(d, document_order(old, new, d)).splitlines() == [
        "1. 组建戊局。",
        "2. 将甲局的“负责乙”职责划入丙局。",
        "3. 甲局更名为乙局。",
    ]  # one date and no item: the plans' grouped order
