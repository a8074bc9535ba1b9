"""``orgspec check`` without pydantic: the light model (``orgspec.model.light``) and the start-up it buys.

The command line's ``check`` defines the model's classes on a light base in a
process of its own. These tests run it in fresh processes: it must not import
pydantic or any module a check of one file does not need, and a light process
must find exactly the diagnostics, and build exactly the models, that a
pydantic one (this test process) does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict, Field

from orgspec.model import light
from orgspec.model.light import FieldInfo, LightModel

from .conftest import FIXTURES, ROOT, SPECS

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate_text

#: Modules a check of one valid file must not import (pydantic and what only other commands use).
HEAVY = (
    "pydantic",
    "pydantic_core",
    "lark",
    "asyncio",
    "concurrent.futures.process",
    "orgspec.render",
    "orgspec.reorg",
    "orgspec.export",
    "orgspec.draft",
    "orgspec.history",
    "orgspec.lsp",
    "orgspec.policy",
    "orgspec.config_model",
    "orgspec.across",
    "orgspec.fmt",
    "rich",
    "jsonschema",
    "rdflib",
    "opencc",
)

# Run as ``python -m orgspec ARGS`` is run, then write the names of the imported modules to OUT.
_ENTRY = (
    "import atexit, json, runpy, sys\n"
    "out = sys.argv.pop(1)\n"
    "def dump():\n"
    "    from orgspec.model import light\n"
    "    doc = {'modules': sorted(sys.modules), 'light': light.in_use()}\n"
    "    open(out, 'w', encoding='utf-8').write(json.dumps(doc))\n"
    "atexit.register(dump)\n"
    "sys.argv[0] = 'orgspec'\n"
    "runpy.run_module('orgspec', run_name='__main__', alter_sys=True)\n"
)


def _run_cli(args: list[str], tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    out = tmp_path / "modules.json"
    env = {**os.environ, "ORGSPEC_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", _ENTRY, str(out), *args], env=env, capture_output=True, text=True, check=False
    )
    return done, json.loads(out.read_text(encoding="utf-8"))


def test_check_of_one_valid_file_imports_no_heavy_module(tmp_path: Path) -> None:
    """Issue 17: ``orgspec check --no-cache`` of one valid file imports neither pydantic nor other commands."""
    spec = tmp_path / "a.orgspec"
    spec.write_text((SPECS / "zhenjiang-fao.orgspec").read_text(encoding="utf-8"), encoding="utf-8")
    _run_cli(["check", str(spec)], tmp_path)  # the first run keeps lark's token pattern (test_syntax_fast)
    done, seen = _run_cli(["check", "--no-cache", str(spec)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "1 file checked: 0 errors" in done.stderr
    assert seen["light"] is True
    modules = set(seen["modules"])
    assert "orgspec.checks" in modules
    assert "orgspec.model.units" in modules
    heavy = sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))
    assert heavy == []


def test_other_commands_and_a_parallel_check_keep_pydantic(tmp_path: Path) -> None:
    """Only ``check`` asks for the light model: ``show`` (which dumps the model) gets pydantic's."""
    spec = tmp_path / "a.orgspec"
    spec.write_text((SPECS / "zhenjiang-fao.orgspec").read_text(encoding="utf-8"), encoding="utf-8")
    done, seen = _run_cli(["show", "--format", "json", str(spec)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert seen["light"] is False
    assert "pydantic" in seen["modules"]
    assert json.loads(done.stdout)["bodies"]


def test_the_library_never_gets_light_models() -> None:
    """A process not started by the command line cannot ask: the model stays pydantic's."""
    probe = (
        "from orgspec.model import light\n"
        "print(light.request())\n"
        "import orgspec\n"
        "from pydantic import BaseModel\n"
        "print(issubclass(orgspec.Spec, BaseModel))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]


def test_asking_after_the_model_is_imported_changes_nothing() -> None:
    probe = (
        "from orgspec.model import light\n"
        "light.allow()\n"
        "import orgspec.model.units\n"
        "print(light.request(), light.in_use())\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


# Analyse every path given and print, per file, its diagnostics and a strict form of its model:
# run here (pydantic) and in a light process, the two outputs must be equal.
_PARITY = """
import enum, json, sys

def strict(value):
    if hasattr(value, "__pydantic_fields_set__"):
        return [type(value).__name__, [[k, strict(v)] for k, v in value.__dict__.items()],
                sorted(value.model_fields_set)]
    if isinstance(value, tuple):
        return ["tuple", [strict(v) for v in value]]
    if isinstance(value, enum.Enum):
        return ["enum", type(value).__name__, value.value]
    return [type(value).__name__, value]

def one(text, name):
    from orgspec.api import analyze
    from orgspec.lowering import build
    from orgspec.model.trusted import pooled
    from orgspec.source import SourceText

    from orgspec.policy import load_pack, resolve_pack

    packs = [load_pack(resolve_pack(n, ".")) for n in ("r5-leadership-ratios", "r6-subdistrict-model")]
    analysis = analyze(text, name, keep_tree=False, policy=packs)  # the packs' rules read the model too
    found = [[d.code, d.message, d.span and [d.span.start, d.span.end], d.severity.value, d.hint,
              [[r.message, r.span and [r.span.start, r.span.end]] for r in d.related]]
             for d in analysis.diagnostics]
    built = build(SourceText(text, name))
    with pooled():
        shared = build(SourceText(text, name), keep_tree=False)
    same = strict(shared.spec) == strict(built.spec) and shared.spec == built.spec
    same = same and (built.spec is None or hash(shared.spec.bodies) == hash(built.spec.bodies))
    return {"found": found, "model": strict(built.spec), "pooled_equal": same,
            "units": None if built.spec is None else [repr(u.name) for u in built.spec.walk()]}

def parity(items):
    return {name: one(text, name) for name, text in items}
"""


def _items() -> list[tuple[str, str]]:
    paths = sorted({*SPECS.glob("*.orgspec"), *FIXTURES.rglob("*.orgspec"), *(ROOT / "examples").rglob("*.orgspec")})
    items = [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8", errors="replace")) for p in paths]
    items.append(("generated.orgspec", generate_text(300)))
    return items


def test_a_light_process_finds_and_builds_exactly_what_a_pydantic_one_does(tmp_path: Path) -> None:
    items = _items()
    assert len(items) > 50
    data = tmp_path / "items.json"
    data.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    probe = (
        "import json, sys\n"
        "from orgspec.model import light\n"
        "light.allow()\n"
        "assert light.request()\n" + _PARITY + "items = json.loads(open(sys.argv[1], encoding='utf-8').read())\n"
        "assert light.in_use()\n"
        "sys.stdout.write(json.dumps(parity(items), ensure_ascii=False))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(data)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    lite = json.loads(done.stdout)
    scope: dict[str, Any] = {}
    exec(_PARITY, scope)  # the same code, in this (pydantic) process
    heavy = json.loads(json.dumps(scope["parity"](items), ensure_ascii=False))
    assert "pydantic" in sys.modules
    assert lite.keys() == heavy.keys()
    for name in heavy:
        assert lite[name] == heavy[name], name
    assert all(v["pooled_equal"] for v in heavy.values())
    assert sum(len(v["found"]) for v in heavy.values()) > 20  # the corpus has findings to compare


class _P(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    number: int | None = Field(default=None, ge=0)
    tags: tuple[str, ...] = ()


class _L(LightModel):
    name: str
    number: int | None = light.Field(default=None, ge=0)  # only the default is read
    tags: tuple[str, ...] = ()


class _One(LightModel):
    name: str


def test_a_light_model_behaves_as_a_frozen_pydantic_one() -> None:
    p, q = _P(name="a", number=2), _L(name="a", number=2)
    assert p.__dict__ == q.__dict__
    assert list(q.__dict__) == ["name", "number", "tags"]
    assert p.model_fields_set == q.model_fields_set == {"name", "number"}
    assert repr(q) == repr(p).replace("_P(", "_L(")
    assert str(q) == str(p)
    assert hash(q) == hash(_L(name="a", number=2)) == hash(("a", 2, ()))
    assert hash(_One(name="x")) == hash("x")  # one field: hashed as itself, as pydantic's itemgetter does
    assert q == _L(name="a", number=2)
    assert q != _L(name="a")
    assert q != p
    with pytest.raises(TypeError, match="frozen"):
        q.name = "b"  # type: ignore[misc]
    with pytest.raises(TypeError, match="unknown fields"):
        _L(name="a", colour="red")
    with pytest.raises(TypeError, match="missing fields"):
        _L()
    copy = q.model_copy(update={"tags": ("t",)})
    assert copy.__dict__ == {"name": "a", "number": 2, "tags": ("t",)}
    assert q.tags == ()
    assert copy.model_fields_set == {"name", "number", "tags"}
    assert list(_L.model_fields) == ["name", "number", "tags"]
    assert _L.model_fields["name"].is_required()
    assert not _L.model_fields["tags"].is_required()
    assert isinstance(_L.model_fields["number"], FieldInfo)
    assert _L(name="b").number is None
    assert not hasattr(_L, "tags")  # as in pydantic, a field is an attribute of instances only
