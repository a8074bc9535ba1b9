"""Configuration: which checks run, at which severity, for which files.

Settings come from ``[tool.orgspec]`` in ``pyproject.toml`` or from the top
level of ``orgspec.toml``::

    select = ["OS"]                 # codes or prefixes to report (default: all)
    ignore = ["OS5", "OS310"]       # codes or prefixes to leave out
    severity = { OS501 = "error" }  # per-code severity
    per-file-ignores = { "specs/legacy/*.orgspec" = ["OS310"] }
    exclude = ["build/", "drafts/"] # files not to check when a folder is walked
    policy = ["r5-leadership-ratios"] # policy packs to check (off by default; OS801)

The table is validated by the declared model of :mod:`orgspec.config_model`
(pydantic, unknown keys refused), imported only when a config file is read
whose table this version of orgspec has not validated before: a valid table
is remembered in the result cache (:mod:`orgspec.cache`), so a re-check does
not pay pydantic's start-up.

A code is reported when the longest ``select`` entry that matches it is
longer than the longest ``ignore`` entry that does (an empty ``select``
matches everything with length 0). Reading and syntax errors (``OS1xx``) are
always reported at their own severity. Per-file and ``exclude`` patterns are
gitignore-style globs (gitwildmatch, through ``pathspec``) relative to the
directory of the config file: ``*`` stays within one folder, ``**`` crosses
folders, and a pattern without ``/`` matches the file name at any depth.

For each checked file the closest config file wins: the search goes up from
the file's folder and stops after a folder holding ``.git``. In one folder
``orgspec.toml`` comes before ``pyproject.toml``, and a ``pyproject.toml``
without ``[tool.orgspec]`` is passed over.

Imports: :mod:`orgspec.diagnostics`, attrs; tomllib (when a config file is
read), :mod:`orgspec.config_model` and :mod:`orgspec.ignore` (pathspec) lazily.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from orgspec.diagnostics import Diagnostic, Severity

__all__ = ["ConfigError", "Resolver", "Settings", "find_config", "load_config"]

CONFIG_NAMES = ("orgspec.toml", "pyproject.toml")
#: Codes that configuration cannot silence or re-rate: reading and syntax errors.
UNCONFIGURABLE_PREFIX = "OS1"


class ConfigError(ValueError):
    """A config file that cannot be read or holds a wrong setting; the message names the file."""


@attrs.frozen(slots=True)
class Settings:
    """The resolved settings for one file (the defaults when no config file applies)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = attrs.field(factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    path: Path | None = None
    exclude: tuple[str, ...] = ()
    policy: tuple[str, ...] = ()

    @property
    def root(self) -> Path:
        """Return the folder that per-file patterns are relative to."""
        return self.path.parent if self.path is not None else Path.cwd()

    def enabled(self, code: str, extra_ignore: Iterable[str] = ()) -> bool:
        """Return True when ``code`` is reported under these settings."""
        if code.startswith(UNCONFIGURABLE_PREFIX):
            return True
        selects = self.select or ("",)
        best_select = max((len(p) for p in selects if code.startswith(p)), default=-1)
        best_ignore = max((len(p) for p in (*self.ignore, *extra_ignore) if code.startswith(p)), default=-1)
        return best_select >= 0 and best_select > best_ignore

    def _relative(self, path: str | os.PathLike[str]) -> str:
        p = Path(path)
        try:
            return p.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return p.as_posix()

    def file_ignores(self, path: str | os.PathLike[str]) -> tuple[str, ...]:
        """Return the codes and prefixes that ``per-file-ignores`` leaves out for ``path``."""
        if not self.per_file_ignores:
            return ()
        rel = self._relative(path)
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if _matcher((pattern,)).match_file(rel):
                out.extend(codes)
        return tuple(out)

    def excluded(self, path: str | os.PathLike[str]) -> bool:
        """Return True when an ``exclude`` pattern matches ``path`` (a file found by walking a folder)."""
        return bool(self.exclude) and _matcher(self.exclude).match_file(self._relative(path))

    def apply(self, diagnostics: Iterable[Diagnostic], path: str | os.PathLike[str] | None = None) -> list[Diagnostic]:
        """Drop the findings these settings leave out and set configured severities."""
        extra = self.file_ignores(path) if path is not None else ()
        out = []
        for d in diagnostics:
            if not self.enabled(d.code, extra):
                continue
            sev = self.severity.get(d.code)
            out.append(d if sev is None or d.code.startswith(UNCONFIGURABLE_PREFIX) else d.with_severity(sev))
        return out

    def to_dict(self) -> dict[str, object]:
        """Return the settings as plain data (``--show-settings``)."""
        return {
            "config": str(self.path) if self.path is not None else None,
            "select": list(self.select),
            "ignore": list(self.ignore),
            "severity": {k: v.value for k, v in sorted(self.severity.items())},
            "per-file-ignores": {pattern: list(codes) for pattern, codes in self.per_file_ignores},
            "exclude": list(self.exclude),
            "policy": list(self.policy),
        }

    def policy_files(self, extra: Iterable[str] = ()) -> tuple[str, ...]:
        """Return the files of the policy packs that apply (the config's, then ``extra``), without repeats.

        Paths in the config file are relative to its folder, ``extra`` ones (``--policy``) to
        the working directory. Raises :class:`ConfigError` for a pack that cannot be found.
        """
        if not self.policy and not extra:
            return ()
        from orgspec.policy import PolicyError, resolve_pack

        out: list[str] = []
        for name, base in [*((n, self.root) for n in self.policy), *((n, Path.cwd()) for n in extra)]:
            try:
                found = str(resolve_pack(name, base).resolve())
            except PolicyError as err:
                where = f"{self.path}: policy: " if self.path is not None and base is self.root else ""
                raise ConfigError(f"{where}{err}") from None
            if found not in out:
                out.append(found)
        return tuple(out)


_MATCHERS: dict[tuple[str, ...], Any] = {}


def _matcher(patterns: tuple[str, ...]) -> Any:
    """Return the (cached) gitwildmatch matcher of ``patterns``."""
    found = _MATCHERS.get(patterns)
    if found is None:
        from orgspec.ignore import gitwildmatch

        found = _MATCHERS[patterns] = gitwildmatch(patterns)
    return found


def _parse(table: Mapping[str, Any], where: Path, text: str = "", start_line: int = 0) -> Settings:
    plain = _validated(table)
    if plain is None:
        from orgspec.config_model import validate

        try:
            model = validate(table, str(where), text, start_line)
        except ValueError as err:
            raise ConfigError(str(err)) from None
        plain = model.model_dump(by_alias=True)
        _remember(table, plain)
    return Settings(
        select=tuple(plain["select"]),
        ignore=tuple(plain["ignore"]),
        severity={code: Severity(value) for code, value in plain["severity"].items()},
        per_file_ignores=tuple((pattern, tuple(codes)) for pattern, codes in plain["per-file-ignores"].items()),
        path=where,
        exclude=tuple(plain["exclude"]),
        policy=tuple(plain["policy"]),
    )


def _table_key(table: Mapping[str, Any]) -> bytes:
    def typed(value: object) -> object:  # a TOML date is not the string that spells it
        return {"$toml": type(value).__name__, "value": str(value)}

    return json.dumps(table, sort_keys=True, ensure_ascii=False, default=typed).encode()


def _validated(table: Mapping[str, Any]) -> dict[str, Any] | None:
    """Return the settings of a table validated before (by this version of orgspec), or None.

    A table that passed the model once is remembered in the result cache, so
    the next run reads it back without importing pydantic (whose start-up is
    longer than a cached check). A table that failed is never remembered.
    """
    from orgspec.cache import ResultCache

    cache = ResultCache(fingerprint="config-model")
    record = cache.get(cache.key(_table_key(table)))
    if not record or not isinstance(record[0], list) or not record[0] or not isinstance(record[0][0], dict):
        return None
    plain: dict[str, Any] = record[0][0]
    return plain if set(plain) == {"select", "ignore", "severity", "per-file-ignores", "exclude", "policy"} else None


def _remember(table: Mapping[str, Any], plain: dict[str, Any]) -> None:
    from orgspec.cache import ResultCache

    cache = ResultCache(fingerprint="config-model")
    cache.put(cache.key(_table_key(table)), [[plain]])


def _table_line(text: str) -> int:
    """Return the 0-based line of ``[tool.orgspec]`` in a pyproject text (0 when not found)."""
    for n, line in enumerate(text.splitlines()):
        if line.strip().replace(" ", "").startswith("[tool.orgspec"):
            return n
    return 0


def _read_table(path: Path) -> Mapping[str, Any] | None:
    return _read(path)[0]


def _read(path: Path) -> tuple[Mapping[str, Any] | None, str]:
    import tomllib  # only when there is a config file to read

    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as err:
        raise ConfigError(f"{path}: cannot read: {err.strerror or err}") from err
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: not valid TOML: {err}") from err
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("orgspec") if isinstance(tool, dict) else None
        if table is None:
            return None, text
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.orgspec] must be a table")
        return table, text
    return data, text


def load_config(path: str | os.PathLike[str]) -> Settings:
    """Read the settings of one config file (``pyproject.toml`` or ``orgspec.toml``)."""
    p = Path(path)
    table, text = _read(p)
    if table is None:
        return Settings(path=p)
    return _parse(table, p, text, _table_line(text) if p.name == "pyproject.toml" else 0)


def find_config(start: str | os.PathLike[str]) -> Path | None:
    """Return the config file closest to ``start`` (a file or folder), or None."""
    folder = Path(start).resolve()
    if not folder.is_dir():
        folder = folder.parent
    for here in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = here / name
            if candidate.is_file() and (name != "pyproject.toml" or _read_table(candidate) is not None):
                return candidate
        if (here / ".git").exists():
            return None
    return None


class Resolver:
    """Finds the settings for each checked file: a fixed file, none (isolated), or the closest one."""

    def __init__(self, config: str | os.PathLike[str] | None = None, *, isolated: bool = False) -> None:
        self._fixed: Settings | None = None
        if isolated:
            self._fixed = Settings()
        elif config is not None:
            self._fixed = load_config(config)
        self._by_folder: dict[Path, Settings] = {}
        self._by_file: dict[Path, Settings] = {}
        # a run asks for the same path several times (walk, policy, findings): resolving it is
        # system calls per path component, so each path is resolved once
        self._by_path: dict[str, Settings] = {}
        self._by_parent: dict[str, Settings] = {}  # the folder of a plain file, as written: resolved once

    def for_path(self, path: str | os.PathLike[str]) -> Settings:
        """Return the settings that apply to ``path`` (a file or a folder)."""
        if self._fixed is not None:
            return self._fixed
        key = os.fspath(path)
        known = self._by_path.get(key)
        if known is None:
            known = self._by_path[key] = self._lookup(key)
        return known

    def _lookup(self, path: str) -> Settings:
        try:
            plain_file = stat.S_ISREG(os.lstat(path).st_mode)
        except OSError:
            plain_file = False
        if plain_file:  # not a link: the folder it is in, as written, resolves to its resolved parent
            parent = os.path.dirname(path) or "."
            known = self._by_parent.get(parent)
            if known is None:
                known = self._by_parent[parent] = self._folder(Path(parent).resolve())
            return known
        p = Path(path).resolve()
        return self._folder(p if p.is_dir() else p.parent)

    def _folder(self, folder: Path) -> Settings:
        """Return the settings of the files in ``folder`` (a resolved path)."""
        if folder not in self._by_folder:
            found = find_config(folder)
            if found is None:
                self._by_folder[folder] = Settings()
            else:
                if found not in self._by_file:
                    self._by_file[found] = load_config(found)
                self._by_folder[folder] = self._by_file[found]
        return self._by_folder[folder]

    def apply(self, diagnostics: Sequence[Diagnostic], path: str | os.PathLike[str]) -> list[Diagnostic]:
        """Apply the settings of ``path`` to its diagnostics."""
        return self.for_path(path).apply(diagnostics, path)
