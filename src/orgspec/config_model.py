"""The declared model of a configuration table, and its errors as located one-line messages.

:class:`ConfigModel` is what ``[tool.orgspec]`` (or the top of
``orgspec.toml``) may hold; pydantic validates it with ``extra="forbid"``,
so a misspelt key, a value of the wrong type, an unknown code or severity
is refused. :func:`validate` turns pydantic's errors into one message such
as ``pyproject.toml:4: select[1]: 'XX1' is not a code or a prefix of one
(see orgspec explain --all)`` or ``orgspec.toml:2: unknown setting 'selct';
did you mean 'select'?``: the file, the line of the key when it can be
found, the key, and what was expected against what was found.

This module is imported only when a config file is read: pydantic's start-up
is longer than a whole re-check of a small corpus from the result cache
(measured in docs/configuration.md), and a run without a config file never
pays it.

Imports: pydantic, :mod:`orgspec.codes`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from orgspec.codes import CODES
from orgspec.policy import bundled_packs

__all__ = ["KEYS", "ConfigModel", "validate"]


def _code_or_prefix(value: str) -> str:
    code = value.strip().upper()
    if not code.startswith("OS") or not any(c.startswith(code) for c in CODES):
        raise ValueError(f"{value!r} is not a code or a prefix of one (see orgspec explain --all)")
    return code


def _full_code(value: str) -> str:
    code = value.strip().upper()
    if code not in CODES:
        raise ValueError(f"unknown code {value!r} (see orgspec explain --all)")
    return code


def _pack_name(value: str) -> str:
    if not value.strip():
        raise ValueError("a policy pack is a bundled name or a path to a .toml file")
    if "/" not in value and "\\" not in value and not value.endswith(".toml") and value not in bundled_packs():
        raise ValueError(f"no bundled policy pack {value!r}; bundled: {', '.join(bundled_packs())}")
    return value


PackName = Annotated[str, AfterValidator(_pack_name)]
CodeOrPrefix = Annotated[str, AfterValidator(_code_or_prefix)]
FullCode = Annotated[str, AfterValidator(_full_code)]
SeverityName = Literal["error", "warning", "info"]


class ConfigModel(BaseModel):
    """The settings of one config file, as written in it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    select: list[CodeOrPrefix] = Field(default_factory=list, description="codes or prefixes to report")
    ignore: list[CodeOrPrefix] = Field(default_factory=list, description="codes or prefixes to leave out")
    severity: dict[FullCode, SeverityName] = Field(default_factory=dict, description="per-code severity")
    per_file_ignores: dict[str, list[CodeOrPrefix]] = Field(
        default_factory=dict, alias="per-file-ignores", description="gitignore-style glob -> codes to leave out"
    )
    exclude: list[str] = Field(
        default_factory=list, description="gitignore-style globs of files not to check when a folder is walked"
    )
    policy: list[PackName] = Field(
        default_factory=list, description="policy packs to check (bundled names or TOML paths); none by default"
    )


#: The keys a config table may hold, as written in TOML.
KEYS = ("select", "ignore", "severity", "per-file-ignores", "exclude", "policy")

_EXAMPLES = {
    "select": 'a list of codes such as ["OS301", "OS5"]',
    "ignore": 'a list of codes such as ["OS301", "OS5"]',
    "severity": 'a table such as { OS501 = "error" }',
    "per-file-ignores": 'a table such as { "legacy/*.orgspec" = ["OS310"] }',
    "exclude": 'a list of globs such as ["build/", "drafts/*.orgspec"]',
    "policy": 'a list of packs such as ["r5-leadership-ratios", "rules/city.toml"]',
}


def _found(value: object) -> str:
    kind = {
        str: "a string",
        int: "a number",
        float: "a number",
        bool: "a boolean",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)
    shown = repr(value)
    return f"{kind} {shown if len(shown) <= 40 else shown[:39] + '…'}"


def _key(loc: Sequence[int | str]) -> str:
    """Return the TOML-style dotted name of a key (``severity.OS501``, ``select[1]``)."""
    out = ""
    for part in loc:
        if part == "[key]":
            continue
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        name = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else '"' + part.replace('"', '\\"') + '"'
        out += f".{name}" if out else name
    return out


def _line(text: str, loc: Sequence[int | str], start: int) -> int | None:
    """Return the 1-based line where the key ``loc`` is written, searching from line ``start``, or None."""
    lines = text.splitlines()
    found = None
    here = start
    for part in (p for p in loc if isinstance(p, str)):
        pattern = re.compile(r"""(^|[\s{,.\[])["']?""" + re.escape(part) + r"""["']?\s*(=|\])""")
        for n in range(here, len(lines)):
            if pattern.search(lines[n]):
                found = here = n
                break
        else:
            break
    return None if found is None else found + 1


def _message(error: Mapping[str, Any]) -> str:
    loc = tuple(error["loc"])
    if error["type"] == "extra_forbidden":
        key = str(loc[-1])
        close = difflib.get_close_matches(key, KEYS, n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"expected one of {', '.join(KEYS)}"
        return f"unknown setting {key!r}; {hint}"
    if error["type"] == "value_error":
        return f"{_key(loc)}: {error['ctx']['error']}"
    top = str(loc[0]) if loc else ""
    if error["type"] in ("list_type", "dict_type") and len(loc) == 1 and top in _EXAMPLES:
        expected = _EXAMPLES[top]
    elif error["type"] == "literal_error":
        expected = "one of error, warning, info"
    else:
        expected = str(error["msg"]).replace("Input should be ", "").replace("a valid ", "a ")
    return f"{_key(loc)}: expected {expected}, found {_found(error['input'])}"


def validate(table: Mapping[str, Any], where: str, text: str = "", start_line: int = 0) -> ConfigModel:
    """Validate a config table; raise ``ValueError`` with a located one-line message when it is wrong.

    ``text`` is the file's text and ``start_line`` the 0-based line where the
    table begins (``[tool.orgspec]``), used to give the line of the wrong key.
    """
    try:
        return ConfigModel.model_validate(dict(table))
    except ValidationError as err:
        first = err.errors()[0]
        line = _line(text, tuple(first["loc"]), start_line) if text else None
        location = f"{where}:{line}" if line else where
        more = len(err.errors()) - 1
        extra = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise ValueError(f"{location}: {_message(first)}{extra}") from None
