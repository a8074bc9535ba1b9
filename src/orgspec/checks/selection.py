"""The units each check looks at, sorted out in one pass over the units.

Most checks concern a few units only: those with posts, with a history, with
plaques, … On a large spec, reading a unit costs more than testing it (its
fields are rarely in the processor's cache by the time the checks run), so
the checks share one pass that reads each unit once, instead of making one
pass each.

Imports: :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections.abc import Iterable

from orgspec.model.units import Unit
from orgspec.model.values import UnitKind

__all__ = ["Selected", "Selection"]

#: ``(path, unit)`` pairs in document order.
Selected = list[tuple[str, Unit]]

_SECTION = UnitKind.SECTION  # read once: on Python 3.11 each UnitKind.SECTION goes through the enum's hook


class Selection:
    """Units sorted out for the checks, each list in document order."""

    __slots__ = (
        "bare_sections",
        "choices",
        "history",
        "numbered",
        "parents",
        "plaques",
        "posts",
        "quotas",
        "ranked",
        "shared_duties",
        "stated",
    )

    def __init__(self, units: Iterable[tuple[str, Unit]]) -> None:
        #: Units with stated counts, plaques, quotas, posts, shared duty lists or a history.
        self.stated: Selected = []
        #: Units that choose among optional units (选设).
        self.choices: Selected = []
        self.plaques: Selected = []
        self.quotas: Selected = []
        self.posts: Selected = []
        self.shared_duties: Selected = []
        self.history: Selected = []
        #: Units with units below them.
        self.parents: Selected = []
        #: Units with two units or more, or two duties or more (which may be numbered out of order).
        self.numbered: Selected = []
        #: Units with a rank or a rank of their sections.
        self.ranked: Selected = []
        #: Sections with no duties and no units, not set per regulations.
        self.bare_sections: Selected = []
        for item in units:
            # Fields are read from the unit's __dict__, where pydantic keeps them: faster than
            # attributes (BaseModel defines __getattr__, which slows every attribute read).
            fields = item[1].__dict__
            if fields["stated"]:
                self.stated.append(item)
            if fields["choices"]:
                self.choices.append(item)
            if fields["plaques"]:
                self.plaques.append(item)
            if fields["quotas"]:
                self.quotas.append(item)
            if fields["posts"]:
                self.posts.append(item)
            if fields["shared_duties"]:
                self.shared_duties.append(item)
            if fields["history"]:
                self.history.append(item)
            children, duties = fields["units"], fields["duties"]
            if children:
                self.parents.append(item)
            if len(children) > 1 or len(duties) > 1:
                self.numbered.append(item)
            if fields["rank"] is not None or fields["section_rank"] is not None:
                self.ranked.append(item)
            if fields["kind"] is _SECTION and not duties and not children and not fields["per_regulations"]:
                self.bare_sections.append(item)
