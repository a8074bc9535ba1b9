"""History: events in date order; names, plaques and units in force at each event's date.

Imports: :mod:`orgspec.checks.context`, :mod:`orgspec.model`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from orgspec.checks.context import Context
from orgspec.diagnostics import Diagnostic
from orgspec.model.names import name_key
from orgspec.model.units import Event, EventKind
from orgspec.model.values import PartialDate

__all__ = ["event_dates", "event_names", "state_dates"]


def _after(event: PartialDate, date: PartialDate) -> bool:
    """Return True when ``event`` is surely after ``date`` (2012 is after 2011-12; 2011 is not)."""
    for e, d in ((event.year, date.year), (event.month, date.month), (event.day, date.day)):
        if e is None or d is None:
            return False
        if e != d:
            return e > d
    return False


def state_dates(ctx: Context) -> Iterator[Diagnostic]:
    """OS604: a unit written as of a date (``as-of 2011-12``) whose history has an event surely after it."""
    for path, unit in ctx.selected.history:
        if unit.as_of is None:
            continue
        for i, event in enumerate(unit.history):
            when = event.acts()
            if when is not None and _after(when, unit.as_of):
                words = f" (\u201c{unit.as_of_text}\u201d)" if unit.as_of_text else ""
                yield ctx.diag(
                    "OS604",
                    f"'{unit.name}' is written as of {unit.as_of}{words}, but its {event.kind.value} event of "
                    f"{when} comes after that",
                    f"{path}/history/{i}/date",
                    fallback=f"{path}/history/{i}",
                    hint="the unit as written is its state on its as-of date, after every event of its history; "
                    "check the dates, or leave out as-of when the state is the latest",
                    related=[("the state's date", f"{path}/as_of")],
                )


def _histories(ctx: Context) -> Iterator[tuple[str, tuple[Event, ...], str | None]]:
    yield "/history", ctx.spec.history, None
    for path, unit in ctx.units():
        if unit.history:
            yield f"{path}/history", unit.history, path


def event_dates(ctx: Context) -> Iterator[Diagnostic]:
    """OS601/OS603: events in date order, and each event's own dates in order.

    Decided, approved and effective dates come in that order, and an interim period ends after it starts.
    """
    for hpath, events, _ in _histories(ctx):
        prev: tuple[int, Event] | None = None
        for i, event in enumerate(events):
            when = event.when()
            if when is not None:
                if prev is not None:
                    pwhen = prev[1].when()
                    assert pwhen is not None
                    if when.sort_key() < pwhen.sort_key():
                        yield ctx.diag(
                            "OS601",
                            f"the {event.kind.value} event of {when} is listed after one of {pwhen}",
                            f"{hpath}/{i}/date",
                            fallback=f"{hpath}/{i}",
                            hint="list events oldest first",
                            related=[("the later event", f"{hpath}/{prev[0]}")],
                        )
                prev = (i, event)
            steps = [(n, d) for n, d in (("decided", event.decided), ("approved", event.approved),
                                         ("effective", event.effective)) if d is not None]  # fmt: skip
            for (n1, d1), (n2, d2) in itertools.pairwise(steps):
                if d2.sort_key() < d1.sort_key():
                    yield ctx.diag(
                        "OS603",
                        f"the event is {n2} on {d2}, before it was {n1} on {d1}",
                        f"{hpath}/{i}/{n2}",
                        fallback=f"{hpath}/{i}",
                        hint="a decision comes before its approval, and both before it takes effect",
                    )
            if event.until is not None and when is not None and event.until.sort_key() < when.sort_key():
                yield ctx.diag(
                    "OS603",
                    f"the interim period ends on {event.until}, before it starts on {when}",
                    f"{hpath}/{i}/until",
                    fallback=f"{hpath}/{i}",
                    hint="an interim period (过渡期) runs from the event's date until a later one",
                )


def _date_order(events: list[tuple[str, Event]]) -> list[tuple[str, Event]]:
    """Sort events by date (stable); left as listed when one of them has no date."""
    dated = [(when.sort_key(), i, pe) for i, pe in enumerate(events) if (when := pe[1].when()) is not None]
    if len(dated) < len(events):
        return events
    return [pe for _, _, pe in sorted(dated, key=lambda d: d[:2])]


def _item_order(events: list[tuple[str, Event]]) -> list[tuple[str, Event]]:
    """Put the events of one date (listed one after another) in the order of their items, as ``as_of`` does."""
    out: list[tuple[str, Event]] = []
    for _, run in itertools.groupby(events, key=lambda pe: w.sort_key() if (w := pe[1].when()) else None):
        out.extend(sorted(run, key=lambda pe: pe[1].item_order()))
    return out


def _events_by_unit(ctx: Context) -> dict[str, list[tuple[str, Event]]]:
    """Per unit path: ``(event path, event)`` of its own history and of the top-level events about it."""
    out: dict[str, list[tuple[str, Event]]] = {}
    for path, unit in ctx.units():
        if unit.history:
            out[path] = [(f"{path}/history/{i}", e) for i, e in enumerate(unit.history)]
    joined: set[str] = set()
    for i, e in enumerate(ctx.spec.history):
        subject = ctx.index.lookup(e.target) if e.target is not None else None
        if subject is not None:
            out.setdefault(subject, []).append((f"/history/{i}", e))
            joined.add(subject)
    for path in joined:
        out[path] = _date_order(out[path])
    return {path: _item_order(events) for path, events in out.items()}


def _surely_before(a: PartialDate, b: PartialDate) -> bool:
    """Whether every day ``a`` can mean comes before every day ``b`` can mean (2010 is not before 2010-06)."""
    return (a.year, a.month or 12, a.day or 31) < (b.year, b.month or 1, b.day or 1)


def event_names(ctx: Context) -> Iterator[Diagnostic]:
    """OS602: renames chain up to the current name; plaques added and removed match the plaques now.

    A unit's events are those of its own ``history`` and the top-level events whose ``unit``
    names it, in time order (the events of one date by their ``item``, as ``as_of`` applies them).
    Events about a unit, and events of other units that refer to it, come after its establishment
    and, until it is re-established, not after its abolition.
    """
    by_unit = _events_by_unit(ctx)
    for upath, events in by_unit.items():
        yield from _names(ctx, upath, events)
    yield from _units_in_force(ctx, by_unit)


def _names(ctx: Context, upath: str, events: list[tuple[str, Event]]) -> Iterator[Diagnostic]:
    unit = ctx.index.units[upath]
    renames = [(p, e) for p, e in events if e.kind is EventKind.RENAMED]
    for (p, e), (q, nxt) in itertools.pairwise(renames):
        if e.after and nxt.before and name_key(e.after) != name_key(nxt.before):
            yield ctx.diag(
                "OS602",
                f"this rename starts from '{nxt.before}', but the name in force then was '{e.after}'",
                f"{q}/before",
                fallback=q,
                hint="a rename starts from the name the previous rename gave",
                related=[("the previous rename", p)],
            )
    if renames:
        p, last = renames[-1]
        if last.after and name_key(last.after) not in {name_key(n) for n in unit.known_as()}:
            yield ctx.diag(
                "OS602",
                f"the last rename gives the name '{last.after}', but the unit is now '{unit.name}'",
                f"{p}/after",
                fallback=p,
                hint="the unit as written is the state after all its events: its name is the last rename's 'to'",
                related=[("the unit's name", f"{upath}/name")],
            )
    carried = {name_key(pl.name) for pl in unit.plaques}
    last_mention = {name_key(e.plaque): i for i, (_, e) in enumerate(events) if e.plaque}
    for i, (p, e) in enumerate(events):
        if e.plaque is None or e.kind not in (EventKind.PLAQUE_ADDED, EventKind.PLAQUE_REMOVED):
            continue
        key = name_key(e.plaque)
        if last_mention[key] > i:
            continue  # a later event decides whether the plaque is carried now
        if e.kind is EventKind.PLAQUE_ADDED and key not in carried:
            yield ctx.diag(
                "OS602",
                f"the plaque '{e.plaque}' is added here but the unit does not carry it now",
                f"{p}/plaque",
                fallback=p,
                hint="add the plaque to the unit, or record when it was removed",
            )
        elif e.kind is EventKind.PLAQUE_REMOVED and key in carried:
            yield ctx.diag(
                "OS602",
                f"the plaque '{e.plaque}' is removed here but the unit still carries it",
                f"{p}/plaque",
                fallback=p,
                hint="remove the plaque from the unit, or record when it was added again",
            )


def _about_a_child(upath: str, p: str, e: Event) -> bool:
    """Return True for a unit's own ``established``/``abolished`` event that names another unit (a section of it)."""
    return (
        e.kind in (EventKind.ESTABLISHED, EventKind.ABOLISHED)
        and e.target is not None
        and p.startswith(upath + "/history/")
    )


def _units_in_force(ctx: Context, by_unit: dict[str, list[tuple[str, Event]]]) -> Iterator[Diagnostic]:
    established: dict[str, tuple[str, PartialDate]] = {}
    for upath, events in by_unit.items():
        for p, e in events:
            when = e.when()
            if e.kind is EventKind.ESTABLISHED and when is not None and not _about_a_child(upath, p, e):
                established.setdefault(upath, (p, when))
                break
    for upath, events in by_unit.items():
        name = ctx.index.units[upath].name
        abolished: tuple[str, PartialDate] | None = None
        for p, e in events:
            when = e.when()
            if when is None or _about_a_child(upath, p, e):
                continue
            if e.kind in (EventKind.ESTABLISHED, EventKind.REESTABLISHED):
                abolished = None
                continue
            if upath in established and _surely_before(when, established[upath][1]):
                ep, ew = established[upath]
                yield ctx.diag(
                    "OS602",
                    f"this {e.kind.value} event of {when} is about '{name}', which was established only on {ew}",
                    f"{p}/date",
                    fallback=p,
                    hint="an event about a unit comes after its establishment; check both dates",
                    related=[("the establishment", ep)],
                )
            elif abolished is not None and _surely_before(abolished[1], when):
                yield ctx.diag(
                    "OS602",
                    f"this {e.kind.value} event of {when} is about '{name}', which was abolished on {abolished[1]}",
                    f"{p}/date",
                    fallback=p,
                    hint="an abolished unit has no later events unless it is re-established; check both dates",
                    related=[("the abolition", abolished[0])],
                )
            if e.kind is EventKind.ABOLISHED:
                abolished = (p, when)
    for path, unit in ctx.units():
        for i, e in enumerate(unit.history):
            target = ctx.index.lookup(e.target) if e.target is not None else None
            when = e.when()
            if target is None or target == path or when is None or target not in established:
                continue
            ep, ew = established[target]
            if _surely_before(when, ew):
                yield ctx.diag(
                    "OS602",
                    f"this {e.kind.value} event of {when} refers to '{ctx.index.units[target].name}', "
                    f"which was established only on {ew}",
                    f"{path}/history/{i}/target",
                    fallback=f"{path}/history/{i}",
                    hint="an event can refer only to a unit in force at its date; check both dates",
                    related=[("the establishment", ep)],
                )
