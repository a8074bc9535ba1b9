"""History and time: the seed cases, partial dates, diagnostics, the CLI, and the law of as_of."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import orgspec
from orgspec.cli.main import main
from orgspec.history import HistoryError, Located, apply_events, as_of, between, derive, in_force, timeline
from orgspec.model import Event, EventKind, PartialDate, Spec, Unit

from .conftest import FIXTURES, GOLDEN, SPECS, golden
from .strategies import histories, partial_dates, specs

HISTORY = FIXTURES / "diff" / "history"
XUZHOU = HISTORY / "xuzhou-fao.orgspec"
JIANGXI = HISTORY / "jiangxi-fao.orgspec"
# The fixture copies keep these tests independent of edits to specs/; the same cases also
# run on the specs themselves.
XUZHOU_FILES = [XUZHOU, SPECS / "xuzhou-fao.orgspec"]
JIANGXI_FILES = [JIANGXI, SPECS / "jiangxi-fao.orgspec"]


def _body(spec: Spec) -> Unit:
    return spec.bodies[0]


@pytest.mark.parametrize(
    ("date", "name", "plaques", "hosts"),
    [
        ("2000", "徐州市人民政府外事辦公室", [], []),
        ("2005", "徐州市外事辦公室", [], []),
        ("2008", "徐州市人民政府外事辦公室", ["徐州市人民政府港澳事務辦公室"], []),
        ("2020", "徐州市人民政府外事辦公室", ["徐州市人民政府港澳事務辦公室"], ["市委外事工作委員會辦公室"]),
    ],
)
@pytest.mark.parametrize("path", XUZHOU_FILES, ids=["fixture", "spec"])
def test_xuzhou_as_of(path: object, date: str, name: str, plaques: list[str], hosts: list[str]) -> None:
    body = _body(as_of(orgspec.load(path), date))  # type: ignore[arg-type]
    assert body.name == name
    assert [p.name for p in body.plaques] == plaques
    assert [r.target.target for r in body.relations if r.kind.value == "hosts"] == hosts
    # sections and duties: the spec states nothing of their history, so they stay
    assert len(body.units) == 5


def test_xuzhou_now_is_the_spec_itself() -> None:
    spec = orgspec.load(XUZHOU)
    assert as_of(spec, "2020") == spec


@pytest.mark.parametrize("path", JIANGXI_FILES, ids=["fixture", "spec"])
def test_jiangxi_rename_of_2018(path: object) -> None:
    spec = orgspec.load(path)  # type: ignore[arg-type]
    assert _body(as_of(spec, "2017-12-31")).name == "江西省人民政府外事侨务办公室"
    assert _body(as_of(spec, "2018")).name == "江西省人民政府外事办公室"
    assert _body(as_of(spec, "2018-06-01")).name == "江西省人民政府外事办公室"


def test_partial_dates_count_from_their_first_day() -> None:
    year = Event(kind=EventKind.RENAMED, date=PartialDate.parse("2018"))
    month = Event(kind=EventKind.RENAMED, date=PartialDate.parse("2018-03"))
    assert in_force(year, PartialDate.parse("2018-06-01"))
    assert in_force(year, PartialDate.parse("2018"))
    assert not in_force(year, PartialDate.parse("2017-12-31"))
    assert not in_force(month, PartialDate.parse("2018"))
    assert not in_force(month, PartialDate.parse("2018-02-28"))
    assert in_force(month, PartialDate.parse("2018-03"))
    undated = Event(kind=EventKind.RENAMED)
    assert in_force(undated, PartialDate.parse("1900"))


def test_a_rename_without_from_is_reported_not_guessed() -> None:
    spec = orgspec.loads('body "新名" {\n  history {\n    event renamed 2010 {\n      to "新名"\n    }\n  }\n}\n')
    result = derive(spec, "2009")
    assert not result.ok
    assert [n.code for n in result.notes] == ["cannot-undo"]
    assert "from" in result.notes[0].message
    assert _body(result.spec).name == "新名"
    with pytest.raises(HistoryError):
        as_of(spec, "2009")


def test_history_lists_events_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", str(XUZHOU)]) == 0
    golden(GOLDEN / "history" / "xuzhou.txt", capsys.readouterr().out)
    assert main(["history", str(XUZHOU), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [e["date"] for e in data["events"]] == sorted(e["date"] for e in data["events"])
    assert data["events"][0]["basis"] == ["徐委發[2001]21號"]


@pytest.mark.parametrize("date", ["2005", "2008", "2020"])
@pytest.mark.parametrize("path", XUZHOU_FILES, ids=["fixture", "spec"])
def test_show_as_of(
    path: object, date: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(path.parent)  # type: ignore[attr-defined]
    assert main(["show", "xuzhou-fao.orgspec", "--as-of", date]) == 0
    out = capsys.readouterr().out
    where = "" if path == XUZHOU else "specs-"
    golden(GOLDEN / "history" / f"{where}xuzhou-as-of-{date}.orgspec", out)
    assert orgspec.loads(out) == as_of(orgspec.load(path), date)  # type: ignore[arg-type]


def test_show_as_of_json_and_errors(capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    assert main(["show", str(XUZHOU), "--as-of", "2005", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["bodies"][0]["name"] == "徐州市外事辦公室"
    assert main(["show", str(XUZHOU), "--as-of", "2005-02-30"]) == 2
    assert "not a date" in capsys.readouterr().err


@pytest.mark.parametrize(("start", "end"), [("2005", "2020"), ("2005", "2008"), ("2008", "2020")])
def test_xuzhou_diff_between_dates(
    start: str, end: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(HISTORY)
    monkeypatch.setenv("NO_COLOR", "1")
    for fmt, ext in (("text", "txt"), ("zh", "zh.txt")):
        assert main(["diff", "xuzhou-fao.orgspec", "--from", start, "--to", end, "--format", fmt]) == 0
        golden(GOLDEN / "history" / f"xuzhou-diff-{start}-{end}.{ext}", capsys.readouterr().out)


@pytest.mark.parametrize(
    ("start", "end", "sentences"),
    [
        # the 2007 document renamed the office back and added the Hong Kong and Macao plaque
        (
            "2005",
            "2008",
            [
                "徐州市外事辦公室更名為徐州市人民政府外事辦公室（依據徐編髮[2007]111號）",
                "徐州市人民政府外事辦公室加掛徐州市人民政府港澳事務辦公室牌子（依據徐編髮[2007]111號）",
            ],
        ),
        # 2010: re-established by 徐政辦發[2010]130號 (重新組建); 2019: the party committee's foreign
        # affairs office is hosted by the government's (設在), in the spec's script
        (
            "2008",
            "2020",
            [
                "重新組建徐州市人民政府外事辦公室（依據徐政辦發[2010]130號）",
                "市委外事工作委員會辦公室設在徐州市人民政府外事辦公室",
            ],
        ),
    ],
)
def test_xuzhou_diff_between_dates_says_what_happened(
    start: str, end: str, sentences: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(HISTORY)
    assert main(["diff", "xuzhou-fao.orgspec", "--from", start, "--to", end, "--format", "zh"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"{i}. {s}。" for i, s in enumerate(sentences, 1)]


def test_jiangxi_diff_across_2018_is_one_rename() -> None:
    spec = orgspec.load(JIANGXI)
    d = orgspec.diff(as_of(spec, "2017"), as_of(spec, "2019"))
    assert [op.op for op in d.operations if op.op != "attribute-changed"] == ["rename"]


def _without_since(spec: Spec) -> Spec:
    def strip(unit: Unit) -> Unit:
        return unit.model_copy(
            update={
                "plaques": tuple(p.model_copy(update={"since": None}) for p in unit.plaques),
                # a relation's period (抗日戰爭前) is a time too: one known only by it is in no dated state
                "relations": tuple(
                    r.model_copy(update={"since": None, "until": None, "period": None}) for r in unit.relations
                ),
                "units": tuple(strip(u) for u in unit.units),
            }
        )

    return spec.model_copy(update={"bodies": tuple(strip(b) for b in spec.bodies)})


def _sorted(spec: Spec) -> Spec:
    return spec.model_copy(update={"bodies": tuple(sorted(spec.bodies, key=lambda b: (b.name, b.id or "")))})


@settings(max_examples=40)
@given(histories(), st.data())
def test_state_later_is_state_earlier_with_events_between_applied(
    generated: tuple[Spec, list[tuple[str | None, Event]]], data: st.DataObject
) -> None:
    base, events = generated
    # A plaque or relation with its own `since` is a dated fact that as_of drops before its date
    # (tested apart below): the law is about the events, so the base states no such dates.
    base = _without_since(base)
    located = [Located(e, (("?",) if owner else ()), owner, i) for i, (owner, e) in enumerate(events)]
    now = apply_events(base, located)
    assert [loc.event for loc in timeline(now)] == [e for _, e in events]
    years = sorted({e.when().year for _, e in events if e.when()} | {1970, 2100})  # type: ignore[union-attr]
    d1 = data.draw(st.sampled_from(years))
    d2 = data.draw(st.sampled_from([y for y in years if y >= d1]))
    early, late = as_of(now, str(d1)), as_of(now, str(d2))
    assert _sorted(late) == _sorted(apply_events(early, between(now, str(d1), str(d2))))
    assert _sorted(as_of(now, "1970")) == _sorted(base)


def test_a_relation_that_ended_is_gone_after_its_end() -> None:
    text = 'body a "A" {\n  colocated "B" {\n    since 1977\n    until 2006-03\n  }\n}\n'
    spec = orgspec.loads(text)
    assert [r.target.target for r in as_of(spec, "1990").bodies[0].relations] == ["B"]
    assert as_of(spec, "2006-03").bodies[0].relations == ()
    assert as_of(spec, "1970").bodies[0].relations == ()


@settings(max_examples=40)
@given(specs(), partial_dates())
def test_derive_never_raises_on_any_spec(spec: Spec, date: PartialDate) -> None:
    result = derive(spec, date)
    for note in result.notes:
        assert note.message
    # with no event anywhere and no dated fact, the state at any date is the spec as written
    bare = spec.model_copy(update={"history": (), "bodies": tuple(_without_history(b) for b in spec.bodies)})
    bare = _without_since(bare)
    assert derive(bare, date).spec == bare
    assert derive(bare, date).ok


def _without_history(unit: Unit) -> Unit:
    return unit.model_copy(update={"history": (), "units": tuple(_without_history(u) for u in unit.units)})


#: One body with one event of each kind that as_of undoes, a year apart; the states below are
#: written by hand from docs/history.md's table, not computed.
EVERY_KIND = """body b "新名" {
  kind "工作部門"
  rank "副厅级"
  superior "省政府"
  plaque "新牌"
  hosts "乙办公室"
  quota administrative 12
  history {
    event renamed 2001 { from "旧名"; to "新名" }
    event plaque-added 2002 { plaque "新牌" }
    event plaque-removed 2003 { plaque "旧牌" }
    event hosted 2004 { unit "乙办公室" }
    event unhosted 2005 { unit "甲办公室" }
    event moved 2006 { from "市政府"; to "省政府" }
    event rank-changed 2007 { from "正处级"; to "副厅级" }
    event kind-changed 2008 { from "直属机构"; to "工作部門" }
    event quota-changed 2009 { category administrative; from 10; to 12 }
  }
}
"""


@pytest.mark.parametrize(
    ("date", "state"),
    [
        ("2000", ("旧名", ["旧牌"], ["甲办公室"], "市政府", "正处级", "直属机构", 10)),
        ("2001", ("新名", ["旧牌"], ["甲办公室"], "市政府", "正处级", "直属机构", 10)),
        ("2002-06", ("新名", ["旧牌", "新牌"], ["甲办公室"], "市政府", "正处级", "直属机构", 10)),
        ("2003", ("新名", ["新牌"], ["甲办公室"], "市政府", "正处级", "直属机构", 10)),
        ("2004", ("新名", ["新牌"], ["甲办公室", "乙办公室"], "市政府", "正处级", "直属机构", 10)),
        ("2005", ("新名", ["新牌"], ["乙办公室"], "市政府", "正处级", "直属机构", 10)),
        ("2006", ("新名", ["新牌"], ["乙办公室"], "省政府", "正处级", "直属机构", 10)),
        ("2007", ("新名", ["新牌"], ["乙办公室"], "省政府", "副厅级", "直属机构", 10)),
        ("2008", ("新名", ["新牌"], ["乙办公室"], "省政府", "副厅级", "工作部門", 10)),
        ("2009-12-31", ("新名", ["新牌"], ["乙办公室"], "省政府", "副厅级", "工作部門", 12)),
    ],
)
def test_as_of_undoes_each_kind_of_event_at_its_date(date: str, state: tuple[object, ...]) -> None:
    # name, plaques, hosted offices, superior, rank, kind, administrative quota
    name, plaques, hosts, superior, rank, kind, quota = state
    body = _body(as_of(orgspec.loads(EVERY_KIND), date))
    assert body.name == name
    assert sorted(p.name for p in body.plaques) == sorted(plaques)  # type: ignore[call-overload]
    assert sorted(r.target.target for r in body.relations if r.kind.value == "hosts") == sorted(hosts)  # type: ignore[call-overload]
    assert body.superior is not None
    assert body.superior.target == superior
    assert body.rank == rank
    assert (body.kind_label or (body.kind.value if body.kind else None)) == kind
    assert [q.count.value for q in body.quotas] == [quota]


@settings(max_examples=30)
@given(specs())
def test_the_cli_lists_any_history(spec: Spec) -> None:
    import contextlib
    import io
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "s.orgspec"
        path.write_text(orgspec.dumps(spec), encoding="utf-8")
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            assert main(["history", str(path), "--format", "json"]) == 0
        assert len(json.loads(out.getvalue())["events"]) == len(timeline(spec))


def _structure(spec: Spec) -> list[tuple[object, ...]]:
    """What the events of a history can state about each unit (not a plaque's form, basis or notes)."""
    out: list[tuple[object, ...]] = []
    for unit in spec.walk():
        out.append(
            (
                unit.name,
                unit.kind,
                unit.rank,
                unit.superior.target if unit.superior else None,
                sorted(p.name for p in unit.plaques),
                sorted((r.kind.value, r.target.target) for r in unit.relations),
                [(q.category.value, str(q.count)) for q in unit.quotas],
                len(unit.units),
                len(unit.duties),
            )
        )
    return out


@pytest.mark.parametrize(("d1", "d2"), [("2000", "2005"), ("2005", "2008"), ("2008", "2020"), ("2000", "2020")])
@pytest.mark.parametrize("path", XUZHOU_FILES, ids=["fixture", "spec"])
def test_xuzhou_later_state_is_the_earlier_with_the_events_between_applied(path: object, d1: str, d2: str) -> None:
    # seed 001: the law holds for everything its events state; a plaque or hosted office that an
    # event re-creates carries only what the event says (not the plaque's form, basis or notes)
    spec = orgspec.load(path)  # type: ignore[arg-type]
    forward = apply_events(as_of(spec, d1), between(spec, d1, d2))
    assert _structure(forward) == _structure(as_of(spec, d2))
    assert [loc.event for loc in timeline(forward)] == [loc.event for loc in timeline(as_of(spec, d2))]


@pytest.mark.parametrize("path", JIANGXI_FILES, ids=["fixture", "spec"])
def test_jiangxi_later_state_is_the_earlier_with_the_rename_applied(path: object) -> None:
    spec = orgspec.load(path)  # type: ignore[arg-type]
    assert apply_events(as_of(spec, "2017"), between(spec, "2017", "2019")) == as_of(spec, "2019")


def test_an_event_is_placed_by_its_effective_date_when_it_has_no_date_of_its_own() -> None:
    spec = orgspec.loads(
        'body "乙局" {\n  history {\n    event renamed {\n      from "甲局"\n      to "乙局"\n'
        "      decided 2017-11\n      approved 2017-12-20\n      effective 2018-03\n    }\n  }\n}\n"
    )
    event = spec.bodies[0].history[0]
    assert (event.decided, event.approved, event.effective) == (
        PartialDate.parse("2017-11"),
        PartialDate.parse("2017-12-20"),
        PartialDate.parse("2018-03"),
    )
    assert event.when() == PartialDate.parse("2018-03")
    assert _body(as_of(spec, "2017-12-31")).name == "甲局"  # decided and approved, not yet in force
    assert _body(as_of(spec, "2018-02")).name == "甲局"
    assert _body(as_of(spec, "2018-03")).name == "乙局"
    approved_only = orgspec.loads(
        'body "乙局" {\n  history {\n    event renamed {\n      from "甲局"\n      to "乙局"\n'
        "      decided 2017-11\n      approved 2018\n    }\n  }\n}\n"
    )
    assert _body(as_of(approved_only, "2017-12")).name == "甲局"
    assert _body(as_of(approved_only, "2018")).name == "乙局"
    assert not [d for d in orgspec.check_text(orgspec.dumps(spec)) if d.severity.value == "error"]


def test_jiangxi_diff_across_2018_in_every_format(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(HISTORY)
    monkeypatch.setenv("NO_COLOR", "1")
    for fmt, ext in (("text", "txt"), ("zh", "zh.txt"), ("markdown", "md"), ("json", "json")):
        assert main(["diff", "jiangxi-fao.orgspec", "--from", "2017", "--to", "2019", "--format", fmt]) == 0
        golden(GOLDEN / "history" / f"jiangxi-diff-2017-2019.{ext}", capsys.readouterr().out)


def test_a_plaque_or_office_put_back_by_undoing_its_removal_goes_where_it_was() -> None:
    # found by the law above: 牌子0 (1981) and 牌子1 (1982) added, 牌子0 removed in 1984; on 1982
    # the plaques are 牌子0, 牌子1 forward, and were 牌子1, 牌子0 when the removal was undone
    spec = orgspec.loads(
        'body "甲" {\n  plaque "原有牌子"\n  plaque "牌子1"\n  hosts "原有办公室"\n  hosts "办公室1"\n'
        "  history {\n"
        '    event plaque-added 1981 {\n      plaque "牌子0"\n    }\n'
        '    event hosted 1981 {\n      unit "办公室0"\n    }\n'
        '    event plaque-added 1982 {\n      plaque "牌子1"\n    }\n'
        '    event hosted 1982 {\n      unit "办公室1"\n    }\n'
        '    event plaque-removed 1984 {\n      plaque "牌子0"\n    }\n'
        '    event unhosted 1984 {\n      unit "办公室0"\n    }\n'
        "  }\n}\n"
    )
    body = _body(as_of(spec, "1982"))
    assert [p.name for p in body.plaques] == ["原有牌子", "牌子0", "牌子1"]
    assert [r.target.target for r in body.relations] == ["原有办公室", "办公室0", "办公室1"]
    assert apply_events(as_of(spec, "1970"), between(spec, "1970", "1982")) == as_of(spec, "1982")
    assert apply_events(as_of(spec, "1982"), between(spec, "1982", "1990")) == spec


def test_a_plaque_removed_by_a_spec_level_event_is_put_back() -> None:
    from orgspec.model import Plaque, Ref

    def added(year: int, name: str) -> Event:
        return Event(kind=EventKind.PLAQUE_ADDED, date=PartialDate(year=year), plaque=name)

    body = Unit(
        name="甲",
        plaques=(Plaque(name="原有牌子"), Plaque(name="牌子1")),
        history=(added(1981, "牌子0"), added(1982, "牌子1")),
    )
    removal = Event(
        kind=EventKind.PLAQUE_REMOVED, date=PartialDate(year=1984), plaque="牌子0", target=Ref(target="甲", by="name")
    )
    spec = Spec(bodies=(body,), history=(removal,))
    assert [p.name for p in _body(as_of(spec, "1983")).plaques] == ["原有牌子", "牌子0", "牌子1"]
    assert [p.name for p in _body(as_of(spec, "1981")).plaques] == ["原有牌子", "牌子0"]
