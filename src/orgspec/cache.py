r"""Where orgspec keeps its per-user cache.

The cache lives in the user's cache directory (``$ORGSPEC_CACHE_DIR``, else
``$XDG_CACHE_HOME/orgspec``, ``~/Library/Caches/orgspec`` on macOS or
``%LOCALAPPDATA%\\orgspec\\Cache`` on Windows), never in site-packages or a
shared temporary directory.

Imports: the standard library only.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["cache_dir"]


def cache_dir() -> Path:
    """Return the per-user cache directory for orgspec (not created here)."""
    override = os.environ.get("ORGSPEC_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "orgspec" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "orgspec"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "orgspec"
