"""History and time: the events of a spec in order, the state in force on a date.

Imports: :mod:`orgspec.history.*`.
"""

from orgspec.history.asof import AsOf, HistoryError, HistoryNote, apply_events, as_of, between, derive
from orgspec.history.timeline import Located, in_force, timeline

__all__ = [
    "AsOf",
    "HistoryError",
    "HistoryNote",
    "Located",
    "apply_events",
    "as_of",
    "between",
    "derive",
    "in_force",
    "timeline",
]
