"""Finding spec files in folders the way git sees them: ``.gitignore`` honoured.

:func:`walk_spec_files` yields the ``.orgspec`` files of the named paths. A
file named explicitly is always yielded. In a folder, hidden folders are
skipped (as before), and so is every file or folder that a ``.gitignore``
ignores: the ``.gitignore`` files inside the walked folder, those of the
folders above it up to the root of its git repository (the folder holding
``.git``), and the repository's ``.git/info/exclude``. Patterns follow git's
rules (gitwildmatch, through the maintained ``pathspec`` library): ``!``
re-includes, a trailing ``/`` matches folders only, a pattern without ``/``
matches at any depth, and nothing under an ignored folder is looked at. A
folder that is itself ignored but named on the command line is still
walked (the rules of the folders above it are then set aside).

``exclude``, when given, is asked about each file found in a folder (the
``exclude`` globs of the configuration).

Imports: pathspec (lazily, when a ``.gitignore`` is found); the standard library.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

__all__ = ["SUFFIX", "gitwildmatch", "ignored", "walk_spec_files"]

SUFFIX = ".orgspec"
_Rules = list[tuple[Path, "GitIgnoreSpec"]]


def gitwildmatch(patterns: Iterable[str]) -> GitIgnoreSpec:
    """Return a matcher of gitignore-style patterns (paths relative to the patterns' folder, ``/``-separated)."""
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(list(patterns))


def _load(path: Path) -> GitIgnoreSpec | None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return gitwildmatch(lines) if any(line.strip() and not line.startswith("#") for line in lines) else None


def ignored(path: Path, rules: _Rules, *, folder: bool = False) -> bool:
    """Return True when the last rule that matches ``path`` (deepest ``.gitignore`` last) ignores it."""
    verdict = False
    for base, spec in rules:
        try:
            rel = path.relative_to(base).as_posix()
        except ValueError:
            continue
        result = spec.check_file(rel + "/" if folder else rel)
        if result.include is not None:
            verdict = bool(result.include)
    return verdict


def _repository_root(folder: Path) -> Path | None:
    for here in (folder, *folder.parents):
        if (here / ".git").exists():
            return here
    return None


def _outer_rules(top: Path) -> _Rules:
    """Return the rules that apply to ``top`` from the folders above it, up to its repository's root."""
    top = top.resolve()
    root = _repository_root(top)
    if root is None:
        return []
    rules: _Rules = []
    exclude = _load(root / ".git" / "info" / "exclude")
    if exclude is not None:
        rules.append((root, exclude))
    for folder in reversed([top, *top.parents]):
        if folder == top or not folder.is_relative_to(root):
            continue
        spec = _load(folder / ".gitignore")
        if spec is not None:
            rules.append((folder, spec))
    if ignored(top, rules, folder=True):
        return []  # named on the command line: walked even though the folders above ignore it
    return rules


def walk_spec_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    gitignore: bool = True,
    exclude: Callable[[Path], bool] | None = None,
) -> Iterator[Path]:
    """Yield the spec files named by ``paths``: files as given, folders searched recursively in sorted order."""
    for p in paths:
        path = Path(p)
        if not path.is_dir():
            yield path
            continue
        inherited: dict[str, _Rules] = {}
        absolute = path.resolve()
        start = _outer_rules(path) if gitignore else []
        for root, dirs, files in os.walk(path):
            here = absolute / Path(root).relative_to(path)
            rules = inherited.pop(root, start)
            if gitignore:
                own = _load(here / ".gitignore")
                if own is not None:
                    rules = [*rules, (here, own)]
            kept = []
            for d in sorted(dirs):
                if d.startswith(".") or (rules and ignored(here / d, rules, folder=True)):
                    continue
                kept.append(d)
                inherited[os.path.join(root, d)] = rules
            dirs[:] = kept
            for name in sorted(files):
                if not name.endswith(SUFFIX):
                    continue
                found = Path(root) / name
                if rules and ignored(here / name, rules):
                    continue
                if exclude is not None and exclude(found):
                    continue
                yield found
