"""Events of one date go by the plan's item (``item N``), whatever order the file writes them in.

A plan's items say the order of the changes it makes on one date (1、…更名为乙局。2、…更名为丙局。).
``as_of`` undoes the events of a date from the last item to the first, and ``between`` /
``apply_events`` apply them from the first; the order they are written in only breaks ties (events
of one date and item, or of one date without an item, which come after the numbered ones).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import orgspec
from orgspec.history import Located, apply_events, as_of, between, timeline
from orgspec.model import Event, EventKind, PartialDate, Plaque, Spec, Unit

#: A rename of one date, 甲局 → 乙局 (item 1) → 丙局 (item 2), written last item first.
CHAIN = """\
body "丙局" {
  rank "正厅级"
  history {
    event renamed 2018-03 { from "乙局"; to "丙局"; item 2 }
    event rank-changed 2018-03 { from "副厅级"; to "正厅级"; item 3 }
    event renamed 2018-03 { from "甲局"; to "乙局"; item 1 }
  }
}
"""


def test_a_rename_chain_of_one_date_is_undone_by_its_items_not_by_the_file() -> None:
    # the checks read the chain in item order too: no OS602 (this rename starts from 乙局, but the name
    # in force then was 丙局)
    assert not [d.code for d in orgspec.check_text(CHAIN) if d.severity.value != "info"]
    spec = orgspec.loads(CHAIN)
    before = as_of(spec, "2018")
    assert before.bodies[0].name == "甲局"  # written order undone would leave 乙局
    assert before.bodies[0].rank == "副厅级"
    assert [e.item for e in (loc.event for loc in timeline(spec))] == [1, 2, 3]


def test_an_event_without_an_item_comes_after_the_numbered_items_of_its_date() -> None:
    text = """\
body "丙局" {
  history {
    event renamed 2017 { from "戊局"; to "甲局"; item 9 }
    event renamed 2018-03 { from "乙局"; to "丙局" }
    event renamed 2018-03 { from "甲局"; to "乙局"; item 4 }
  }
}
"""
    spec = orgspec.loads(text)
    assert [loc.event.after for loc in timeline(spec)] == ["甲局", "乙局", "丙局"]
    assert as_of(spec, "2018").bodies[0].name == "甲局"
    assert as_of(spec, "2016").bodies[0].name == "戊局"


def test_a_plaque_added_and_removed_on_one_date_is_undone_in_item_order() -> None:
    # 1、加挂乙办牌子。2、不再保留乙办牌子。 written the other way round: undoing the removal first
    # puts the plaque back, then undoing its addition takes it away again
    text = """\
body "甲局" {
  history {
    event plaque-removed 2019 { plaque "乙办"; item 2 }
    event plaque-added 2019 { plaque "乙办"; item 1 }
  }
}
"""
    spec = orgspec.loads(text)
    assert as_of(spec, "2018").bodies[0].plaques == ()
    assert as_of(spec, "2019").bodies[0].plaques == ()


@st.composite
def one_date_chains(draw: st.DrawFn) -> tuple[Spec, list[Located]]:
    """A body at 1970 and, on each of one or two dates, a run of events whose items give their order.

    Each event is consistent with the state the items before it leave (a rename from the current
    name, a rank from the current rank, a plaque removed that is there), so that the order matters.
    """
    base = Spec(bodies=(Unit(name="名称0", id="b", rank="级别0"),))
    name, rank, plaques = "名称0", "级别0", [f"原牌子{i}" for i in range(draw(st.integers(0, 2)))]
    base = base.model_copy(
        update={"bodies": (base.bodies[0].model_copy(update={"plaques": tuple(Plaque(name=p) for p in plaques)}),)}
    )
    located: list[Located] = []
    dates = [PartialDate(year=2001, month=3), PartialDate(year=2005)][: draw(st.integers(1, 2))]
    counter = 0
    for date in dates:
        for item in range(1, draw(st.integers(2, 5)) + 1):
            counter += 1
            kinds = ["renamed", "rank-changed", "plaque-added"] + (["plaque-removed"] if plaques else [])
            kind = draw(st.sampled_from(kinds))
            if kind == "renamed":
                event = Event(kind=EventKind.RENAMED, date=date, item=item, before=name, after=f"名称{counter}")
                name = f"名称{counter}"
            elif kind == "rank-changed":
                event = Event(kind=EventKind.RANK_CHANGED, date=date, item=item, before=rank, after=f"级别{counter}")
                rank = f"级别{counter}"
            elif kind == "plaque-added":
                event = Event(kind=EventKind.PLAQUE_ADDED, date=date, item=item, plaque=f"牌子{counter}")
                plaques.append(f"牌子{counter}")
            else:
                gone = draw(st.sampled_from(plaques))
                plaques.remove(gone)
                event = Event(kind=EventKind.PLAQUE_REMOVED, date=date, item=item, plaque=gone)
            located.append(Located(event, ("?",), "b", len(located)))
    return base, located


def _events_in_time_order(spec: Spec) -> Spec:
    """The spec with each history in time order: the file's order of events is not the state."""
    body = spec.bodies[0]
    ordered = tuple(loc.event for loc in timeline(spec))
    return spec.model_copy(update={"bodies": (body.model_copy(update={"history": ordered}),)})


def _plaques_by_name(spec: Spec) -> Spec:
    """The spec with its plaques by name: one put back by undoing its removal goes after those kept."""
    body = spec.bodies[0]
    plaques = tuple(sorted(body.plaques, key=lambda p: p.name))
    return spec.model_copy(update={"bodies": (body.model_copy(update={"plaques": plaques}),)})


@settings(max_examples=60)
@given(one_date_chains(), st.data())
def test_events_of_one_date_with_items_give_the_same_state_in_any_written_order(
    generated: tuple[Spec, list[Located]], data: st.DataObject
) -> None:
    base, located = generated
    now = apply_events(base, located)  # written in item order
    shuffled_history = data.draw(st.permutations(now.bodies[0].history))
    shuffled = now.model_copy(update={"bodies": (now.bodies[0].model_copy(update={"history": shuffled_history}),)})
    for date in ("1970", "2001-03", "2003", "2005", "2100"):
        in_order, written = as_of(now, date), as_of(shuffled, date)
        assert _events_in_time_order(written) == _events_in_time_order(in_order), date
    # before every date: the base; applied forward from it in time order: the state now
    assert _plaques_by_name(as_of(shuffled, "1970")) == _plaques_by_name(base)
    forward = apply_events(base, between(shuffled, "1970", "2100"))
    assert _events_in_time_order(forward) == _events_in_time_order(shuffled)


#: A section abolished and set up again on one date (1、撤销乙处。2、重新设立乙处。), written the other way round.
AGAIN = """\
body "甲局" {
  stated sections 2
  section "甲处"
  section "乙处" {
    history {
      event reestablished 2019 { item 2 }
      event abolished 2019 { item 1 }
    }
  }
}
"""


def test_a_section_abolished_and_set_up_again_on_one_date_stands_by_its_items() -> None:
    # the last event by item decides whether the section stands today: it is counted (no OS301)
    assert not [d.code for d in orgspec.check_text(AGAIN) if d.severity.value == "error"]
    swapped = AGAIN.replace("item 2 }", "item 3 }").replace("item 1 }", "item 4 }")  # now abolished last
    assert "OS301" in [d.code for d in orgspec.check_text(swapped)]


def test_the_founding_and_dissolution_dates_read_one_dates_events_by_item() -> None:
    from orgspec.export.popolo import unit_dates

    section = orgspec.loads(AGAIN).bodies[0].units[1]
    assert unit_dates(section) == (PartialDate(year=2019), None)  # set up again after its abolition
