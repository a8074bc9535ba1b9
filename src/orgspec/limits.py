"""Documented limits that keep every command linear and bounded (see docs/limits.md).

Imports: nothing.
"""

from __future__ import annotations

import os

__all__ = [
    "MAX_DEPTH",
    "MAX_DIGITS",
    "MAX_DRAFT_BYTES",
    "MAX_FIGURE",
    "MAX_FILE_BYTES",
    "MAX_FILE_CHARS",
    "MAX_FINDINGS_PER_CODE",
    "max_findings_per_code",
]

#: Characters in one spec file (about 200 MB of UTF-8 Chinese text, three bytes a character).
MAX_FILE_CHARS = 64 * 1024 * 1024

#: Bytes in one spec file, checked before it is read: UTF-8 takes at most four bytes a character, so
#: a larger file certainly holds more than :data:`MAX_FILE_CHARS` characters.
MAX_FILE_BYTES = 4 * MAX_FILE_CHARS

#: Findings of one code reported for one file; the rest are counted in one summary finding.
#: ``ORGSPEC_MAX_FINDINGS_PER_CODE`` overrides it (0: no cap); see :func:`max_findings_per_code`.
MAX_FINDINGS_PER_CODE = 1000


def max_findings_per_code() -> int:
    """Return the cap on findings of one code per file: ``$ORGSPEC_MAX_FINDINGS_PER_CODE`` or the default (0: none)."""
    value = os.environ.get("ORGSPEC_MAX_FINDINGS_PER_CODE", "").strip()
    if value.isdigit():
        return int(value)
    return MAX_FINDINGS_PER_CODE


#: Bytes in one document given to ``orgspec draft`` (a 三定 plan is tens of kilobytes).
MAX_DRAFT_BYTES = 8 * 1024 * 1024

#: Nesting depth of blocks (a body at depth 1; its sections at 2, and so on).
MAX_DEPTH = 64

#: Digits in one figure; longer numbers are rejected before conversion.
MAX_DIGITS = 9

#: The largest count accepted for a quota, a post or a stated count.
MAX_FIGURE = 10_000_000
