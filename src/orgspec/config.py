"""Configuration: which checks run, at which severity, for which files.

Settings come from ``[tool.orgspec]`` in ``pyproject.toml`` or from the top
level of ``orgspec.toml``::

    select = ["OS"]                 # codes or prefixes to report (default: all)
    ignore = ["OS5", "OS310"]       # codes or prefixes to leave out
    severity = { OS501 = "error" }  # per-code severity
    per-file-ignores = { "specs/legacy/*.orgspec" = ["OS310"] }

A code is reported when the longest ``select`` entry that matches it is
longer than the longest ``ignore`` entry that does (an empty ``select``
matches everything with length 0). Reading and syntax errors (``OS1xx``) are
always reported at their own severity. Per-file patterns are globs relative
to the directory of the config file; a pattern without ``/`` also matches the
file name alone.

For each checked file the closest config file wins: the search goes up from
the file's folder and stops after a folder holding ``.git``. In one folder
``orgspec.toml`` comes before ``pyproject.toml``, and a ``pyproject.toml``
without ``[tool.orgspec]`` is passed over.

Imports: :mod:`orgspec.codes`, :mod:`orgspec.diagnostics`, attrs, tomllib.
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from orgspec.codes import CODES
from orgspec.diagnostics import Diagnostic, Severity

__all__ = ["ConfigError", "Resolver", "Settings", "find_config", "load_config"]

CONFIG_NAMES = ("orgspec.toml", "pyproject.toml")
_KEYS = ("select", "ignore", "severity", "per-file-ignores")
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

    def file_ignores(self, path: str | os.PathLike[str]) -> tuple[str, ...]:
        """Return the codes and prefixes that ``per-file-ignores`` leaves out for ``path``."""
        if not self.per_file_ignores:
            return ()
        p = Path(path)
        try:
            rel = p.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            rel = p.as_posix()
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if fnmatch.fnmatchcase(rel, pattern) or ("/" not in pattern and fnmatch.fnmatchcase(p.name, pattern)):
                out.extend(codes)
        return tuple(out)

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
        }


def _codes(value: object, key: str, where: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f'{where}: {key} must be a list of codes such as ["OS301", "OS5"]')
    out = []
    for v in value:
        code = v.strip().upper()
        if not code.startswith("OS") or not any(c.startswith(code) for c in CODES):
            raise ConfigError(f"{where}: {key}: {v!r} is not a code or a prefix of one (see orgspec explain --all)")
        out.append(code)
    return tuple(out)


def _parse(table: Mapping[str, Any], where: Path) -> Settings:
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown setting {unknown[0]!r}; expected one of {', '.join(_KEYS)}")
    severity: dict[str, Severity] = {}
    raw_severity = table.get("severity", {})
    if not isinstance(raw_severity, dict):
        raise ConfigError(f'{where}: severity must be a table such as {{ OS501 = "error" }}')
    for code, value in raw_severity.items():
        if code.upper() not in CODES:
            raise ConfigError(f"{where}: severity: unknown code {code!r}")
        if value not in ("error", "warning", "info"):
            raise ConfigError(f"{where}: severity of {code}: {value!r} is not one of error, warning, info")
        severity[code.upper()] = Severity(value)
    raw_pfi = table.get("per-file-ignores", {})
    if not isinstance(raw_pfi, dict):
        raise ConfigError(f'{where}: per-file-ignores must be a table such as {{ "legacy/*.orgspec" = ["OS310"] }}')
    pfi = tuple(
        (str(pattern), _codes(codes, f"per-file-ignores {pattern!r}", where)) for pattern, codes in raw_pfi.items()
    )
    return Settings(
        select=_codes(table.get("select", []), "select", where),
        ignore=_codes(table.get("ignore", []), "ignore", where),
        severity=severity,
        per_file_ignores=pfi,
        path=where,
    )


def _read_table(path: Path) -> Mapping[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ConfigError(f"{path}: cannot read: {err.strerror or err}") from err
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: not valid TOML: {err}") from err
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("orgspec") if isinstance(tool, dict) else None
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.orgspec] must be a table")
        return table
    return data


def load_config(path: str | os.PathLike[str]) -> Settings:
    """Read the settings of one config file (``pyproject.toml`` or ``orgspec.toml``)."""
    p = Path(path)
    table = _read_table(p)
    if table is None:
        return Settings(path=p)
    return _parse(table, p)


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

    def for_path(self, path: str | os.PathLike[str]) -> Settings:
        """Return the settings that apply to ``path`` (a file or a folder)."""
        if self._fixed is not None:
            return self._fixed
        p = Path(path).resolve()
        folder = p if p.is_dir() else p.parent
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
