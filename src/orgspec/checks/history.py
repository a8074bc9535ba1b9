"""History: events in date order, names and plaques in force at each event's date.

Imports: :mod:`orgspec.checks.context`, :mod:`orgspec.model`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from orgspec.checks.context import Context
from orgspec.diagnostics import Diagnostic
from orgspec.model.names import normalize
from orgspec.model.units import Event, EventKind

__all__ = ["event_dates", "event_names"]


def _histories(ctx: Context) -> Iterator[tuple[str, tuple[Event, ...], str | None]]:
    yield "/history", ctx.spec.history, None
    for path, unit in ctx.selected.history:
        yield f"{path}/history", unit.history, path


def event_dates(ctx: Context) -> Iterator[Diagnostic]:
    """OS601/OS603: events in date order; decided, approved and effective dates in order."""
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
                    )


def event_names(ctx: Context) -> Iterator[Diagnostic]:
    """OS602: renames chain up to the current name; plaques added and removed match the plaques now."""
    for hpath, events, upath in _histories(ctx):
        if upath is None:
            continue
        unit = ctx.index.units[upath]
        renames = [(i, e) for i, e in enumerate(events) if e.kind is EventKind.RENAMED]
        for (i, e), (j, nxt) in itertools.pairwise(renames):
            if e.after and nxt.before and normalize(e.after) != normalize(nxt.before):
                yield ctx.diag(
                    "OS602",
                    f"this rename starts from '{nxt.before}', but the name in force then was '{e.after}'",
                    f"{hpath}/{j}/before",
                    fallback=f"{hpath}/{j}",
                    related=[("the previous rename", f"{hpath}/{i}")],
                )
        if renames:
            i, last = renames[-1]
            if last.after and normalize(last.after) not in ctx.index.keys[upath]:
                yield ctx.diag(
                    "OS602",
                    f"the last rename gives the name '{last.after}', but the unit is now '{unit.name}'",
                    f"{hpath}/{i}/after",
                    fallback=f"{hpath}/{i}",
                    related=[("the unit's name", f"{upath}/name")],
                )
        carried = set(ctx.index.keys[upath][1:])  # the keys of the plaques carried now
        last_mention = {normalize(e.plaque): i for i, e in enumerate(events) if e.plaque}
        for i, e in enumerate(events):
            if e.plaque is None or e.kind not in (EventKind.PLAQUE_ADDED, EventKind.PLAQUE_REMOVED):
                continue
            key = normalize(e.plaque)
            if last_mention[key] > i:
                continue  # a later event decides whether the plaque is carried now
            if e.kind is EventKind.PLAQUE_ADDED and key not in carried:
                yield ctx.diag(
                    "OS602",
                    f"the plaque '{e.plaque}' is added here but the unit does not carry it now",
                    f"{hpath}/{i}/plaque",
                    fallback=f"{hpath}/{i}",
                    hint="add the plaque to the unit, or record when it was removed",
                )
            elif e.kind is EventKind.PLAQUE_REMOVED and key in carried:
                yield ctx.diag(
                    "OS602",
                    f"the plaque '{e.plaque}' is removed here but the unit still carries it",
                    f"{hpath}/{i}/plaque",
                    fallback=f"{hpath}/{i}",
                )
