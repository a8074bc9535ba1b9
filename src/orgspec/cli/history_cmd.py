"""``orgspec history FILE``: list the events of a spec in time order.

Imports: :mod:`orgspec.history` (lazily), :mod:`orgspec.cli.show_cmd`.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING

from orgspec.cli.main import EXIT_ERROR

__all__ = ["configure", "describe"]


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``history``."""
    from orgspec.cli.show_cmd import add_output

    parser.add_argument("file", metavar="FILE", help="the spec file; - for stdin")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    add_output(parser)
    parser.set_defaults(run=run)


if TYPE_CHECKING:
    from orgspec.model.values import Ref


def _name(ref: Ref, names: Mapping[str, str]) -> str:
    """Return how a reader names the unit ``ref`` points at: its name when it is named by id, else as written."""
    return names.get(ref.target, ref.target) if ref.by == "id" else ref.target


def describe(event: object, names: Mapping[str, str] | None = None) -> str:
    """Return what an event changed, in a few words.

    ``names`` maps ids to unit names: a unit the event names by id (``unit @b``) is said by its name.
    A pool of no known category is said in the document's words (``other (人员编制) 4 → 5``).
    """
    from orgspec.model import Event
    from orgspec.model.pools import pool_name

    assert isinstance(event, Event)
    parts: list[str] = []
    if event.count_before is not None or event.count_after is not None:
        cat = pool_name(event.category, event.category_label) + " " if event.category else ""
        parts.append(f"{cat}{event.count_before or '?'} → {event.count_after or '?'}")
    elif event.before or event.after:
        parts.append(f"{event.before or '?'} → {event.after or '?'}")
    if event.plaque:
        parts.append(f"plaque {event.plaque}")
    if event.target and event.target.target:
        parts.append(f"unit {_name(event.target, names or {})}")
    if event.duties:
        parts.append(f"{len(event.duties)} duties")
    if event.until is not None:
        parts.append(f"until {event.until}")
    return "; ".join(parts)


def run(args: argparse.Namespace) -> int:
    """Print the events of a spec in order."""
    from orgspec.cli.show_cmd import emit, load_spec
    from orgspec.history import timeline
    from orgspec.report.text import printable

    spec = load_spec(args.file)
    if spec is None:
        return EXIT_ERROR
    names = {u.id: u.name for u in spec.walk() if u.id is not None}  # a unit named by id, by its name
    rows = []
    for loc in timeline(spec):
        e = loc.event
        # an event a unit states names that unit; one the spec states, the unit it is about
        owner = loc.owner[-1] if loc.owner else None
        about = _name(e.target, names) if e.target is not None and owner is None else owner
        rows.append(
            {
                "date": str(e.when()) if e.when() else None,
                "kind": e.kind.value,
                "unit": about,
                "what": describe(e, names),
                "basis": [b.number for b in e.basis if b.number],
                "decided": str(e.decided) if e.decided else None,
                "approved": str(e.approved) if e.approved else None,
                "effective": str(e.effective) if e.effective else None,
            }
        )
    if args.format == "json":
        out = {"version": 1, "file": args.file, "events": rows}
        return emit(args, json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    lines = []
    for r in rows:
        basis = "  [" + ", ".join(r["basis"]) + "]" if r["basis"] else ""
        what = f"  {r['what']}" if r["what"] else ""
        line = f"{r['date'] or '(undated)':<10}  {r['kind']:<18}  {r['unit'] or '(spec)'}{what}{basis}"
        lines.append(printable(line) + "\n")
    return emit(args, "".join(lines) or "no events\n")
