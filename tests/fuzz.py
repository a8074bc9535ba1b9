"""The long fuzz run: ``python -m tests.fuzz --minutes 30`` (see docs/hardening.md).

Runs hypothesis properties round robin, in batches with a fresh random seed,
until the time is up, and prints how many inputs each target tried and every
distinct failure. The targets:

``formatters``  every report format over diagnostics whose every field is any Python string
                (lone surrogates, controls, bidi marks): UTF-8 output, valid JSON/XML, one line each;
``check_text``  the library door over any text and over mutated specs: never raises, every
                finding located, every report format writable;
``fmt``         the formatter over mutated specs: never hides an error, keeps the model, stable;
``cli``         every command in process through :func:`orgspec.cli.main.main` on a mutated spec:
                exit code 0, 1 or 2, never an internal error or a traceback;
``cache``       the result cache under corruption (random bytes, truncation, a FIFO, a link to
                ``/dev/zero``, a folder): a miss or the right record, never a hang; a cached re-check
                gives the same findings as a fresh one.

Exit code 0 when no target failed, 1 otherwise. ``--targets`` picks some targets.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import sys
import tempfile
import time
import traceback
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile_strategies import HOSTILE, any_text, runs

ROOT = Path(__file__).resolve().parent.parent
SEED_SPECS = sorted((ROOT / "specs").glob("*.orgspec")) + sorted((ROOT / "tests" / "fixtures").rglob("*.orgspec"))
SEED_DOCS = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
TOKENS = ["{", "}", ";", '"', "\\", "\\q", "\\u{D800}", "\\u{zz}", "\n", "\r", "#", "body", "section", "quota", "post",
          "9999999999", "-1", "２０", "2019-02-30", "\u202e", "\u2066", "\x00", "\ufeff", "<script>", "%%{init}%%",
          "=cmd|' /C calc'!A0", "+1", "@SUM(1)"]  # fmt: skip

COUNTS: Counter[str] = Counter()


def _texts(paths: list[Path]) -> list[str]:
    out = []
    for p in paths:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            out.append(p.read_text(encoding="utf-8"))
    return out or ['body "A" {\n  kind "工作部门"\n}\n']


SPECS = _texts(SEED_SPECS)
DOCS = _texts(SEED_DOCS) if SEED_DOCS else SPECS


@st.composite
def mutated(draw: st.DrawFn, seeds: list[str]) -> str:
    """Return a seed text after a few insertions, deletions, duplications and truncations."""
    text = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(0, 6))):
        n = len(text)
        at = draw(st.integers(0, n))
        op = draw(st.sampled_from(["insert", "delete", "dup", "truncate", "char"]))
        if op == "insert":
            text = text[:at] + draw(st.one_of(st.sampled_from(TOKENS), any_text)) + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif op == "dup":
            end = min(n, at + draw(st.integers(1, 200)))
            text = text[:end] + text[at:end] + text[end:]
        elif op == "truncate":
            text = text[:at]
        else:
            text = text[:at] + draw(st.sampled_from(HOSTILE)) + text[at + 1 :]
    return text


def _encodes(text: str) -> str:
    text.encode("utf-8")
    return text


def target_formatters(run: Any) -> None:
    """Every report format writes UTF-8 and parses back, whatever the strings."""
    from orgspec.report import FORMATS, ReportContext, format_step_summary, render, summarize

    found, files, root = run
    context = ReportContext(files, root)
    for name in FORMATS:
        text = _encodes(render(name, found, context))
        if name in ("json", "gitlab", "sarif"):
            json.loads(text)
        elif name == "json-lines":
            for line in text.split("\n")[:-1]:
                json.loads(line)
        elif name == "junit":
            ET.fromstring(text.encode("utf-8"))
        elif name == "concise":
            assert text.count("\n") == len(found)
    _encodes(format_step_summary(found, summarize(found, len(files)), context))


def target_check_text(text: str) -> None:
    """check_text never raises; every finding is located in the text; every format writes it."""
    from orgspec.api import check_text
    from orgspec.report import FORMATS, ReportContext, render

    found = check_text(text, "fuzz.orgspec")
    for d in found:
        assert d.source is not None, d
        assert d.source.filename == "fuzz.orgspec", d
        if d.span is not None:
            assert 0 <= d.span.start <= d.span.end <= len(d.source.text), d
    for name in FORMATS:
        _encodes(render(name, found, ReportContext(("fuzz.orgspec",))))


def target_fmt(text: str) -> None:
    """fmt never hides an error: refused, or the same model, the same findings of reading, stable."""
    from orgspec.api import analyze
    from orgspec.fmt import format_source

    result = format_source(text, "fuzz.orgspec")
    if result.output is None:
        return
    before, after = analyze(text, "f"), analyze(result.output, "f")
    assert after.spec == before.spec
    codes = lambda a: sorted(d.code for d in a.diagnostics if d.code < "OS200")  # noqa: E731
    assert codes(after) == codes(before), (codes(before), codes(after))
    assert format_source(result.output).output == result.output


_COMMANDS = [
    ["check", "{a}", "--no-progress", "--no-cache"],
    ["check", "{a}", "{dir}", "--no-progress", "--format", "sarif"],
    ["check", "{a}", "--no-progress", "--format", "gitlab", "--output-file", "junit={dir}/r.xml"],
    ["fmt", "--check", "{a}"],
    ["fmt", "--diff", "{a}"],
    ["fmt", "{b}"],
    ["show", "{a}"],
    ["show", "{a}", "--format", "json", "--as-of", "2019"],
    ["history", "{a}"],
    ["export", "{a}", "--format", "json"],
    ["export", "{a}", "--format", "popolo"],
    ["export", "{a}", "--format", "csv", "-o", "{dir}/csv", "--excel"],
    ["diff", "{a}", "{seed}", "--format", "json"],
    ["diff", "{seed}", "{a}", "-o", "{dir}/d.txt"],
    ["render", "{a}", "-o", "{dir}/a.dot"],
    ["render", "{a}", "-o", "{dir}/a.mmd"],
    ["render", "{a}", "-o", "{dir}/a.svg", "--engine", "embedded"],
    ["draft", "{a}", "-o", "{dir}/draft.orgspec", "--report", "json"],
]


def _main(argv: list[str]) -> tuple[int, str, str]:
    from orgspec.cli.main import main

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
        out.flush()
    return code, out.buffer.getvalue().decode("utf-8"), err.getvalue()  # type: ignore[attr-defined]


def target_cli(case: tuple[str, int, bytes]) -> None:
    """Every command on a hostile file: exit 0, 1 or 2, never an internal error."""
    text, which, raw = case
    command = _COMMANDS[which]
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp, "a.orgspec"), Path(tmp, "b.orgspec")
        data = raw if raw else text.encode("utf-8", "surrogatepass")
        a.write_bytes(data)
        b.write_bytes(data)
        seed = Path(tmp, "seed.orgspec")
        seed.write_text(SPECS[which % len(SPECS)], encoding="utf-8")
        argv = [x.format(a=a, b=b, dir=tmp, seed=seed) for x in command]
        code, _, err = _main(argv)
        assert code in (0, 1, 2), (argv, code, err[-2000:])
        assert "internal error" not in err, (argv, err[-2000:])
        assert "Traceback" not in err, (argv, err[-2000:])
        leftovers = [p for p in Path(tmp).rglob("*") if ".orgspec-tmp-" in p.name]
        assert not leftovers, leftovers


def target_cache(case: tuple[str, str, bytes]) -> None:
    """The cache is a miss or right under corruption, and never hangs; a re-check equals a fresh check."""
    from orgspec.cache import ResultCache
    from orgspec.runner import check_files

    text, how, junk = case
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ORGSPEC_CACHE_DIR"] = str(Path(tmp, "cache"))
        spec = Path(tmp, "a.orgspec")
        spec.write_text(text, encoding="utf-8", errors="surrogatepass")
        fresh = check_files([spec], jobs=1, cache=False).files[0].diagnostics
        check_files([spec], jobs=1, cache=True)
        store = ResultCache()
        entries = list(store.folder.rglob("*.json"))
        for entry in entries:
            entry.unlink()
            if how == "bytes":
                entry.write_bytes(junk)
            elif how == "truncate":
                entry.write_bytes(junk[: len(junk) // 2])
            elif how == "fifo":
                os.mkfifo(entry)
            elif how == "zero":
                entry.symlink_to("/dev/zero")
            elif how == "folder":
                entry.mkdir()
        again = check_files([spec], jobs=1, cache=True).files[0].diagnostics
        assert [(d.code, d.span, d.message) for d in again] == [(d.code, d.span, d.message) for d in fresh]
        key = store.key(junk)
        record = [["OS301", text, 0, 1, "error", None, []]]
        if store.put(key, record):  # a text with a lone surrogate cannot be stored: put says so
            assert store.get(key) == record


TARGETS: dict[str, tuple[Callable[..., None], st.SearchStrategy[Any]]] = {
    "formatters": (target_formatters, runs()),
    "check_text": (target_check_text, st.one_of(any_text, mutated(SPECS))),
    "fmt": (target_fmt, mutated(SPECS)),
    "cli": (
        target_cli,
        st.tuples(
            st.one_of(mutated(SPECS), mutated(DOCS)),
            st.integers(0, len(_COMMANDS) - 1),
            st.one_of(st.just(b""), st.just(b""), st.binary(max_size=200)),
        ),
    ),
    "cache": (
        target_cache,
        st.tuples(mutated(SPECS), st.sampled_from(["bytes", "truncate", "fifo", "zero", "folder"]), st.binary()),
    ),
}


def _batch(name: str, examples: int) -> str | None:
    """Run one batch of a target; return the failure's text, or None."""
    func, strategy = TARGETS[name]

    def body(value: Any) -> None:
        COUNTS[name] += 1
        func(value)

    test = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )(given(strategy)(body))
    try:
        test()
    except Exception as err:  # the falsifying example is in the exception's notes
        notes = "\n".join(getattr(err, "__notes__", []))
        return "".join(traceback.format_exception_only(type(err), err)).strip()[:3000] + "\n" + notes[:3000]
    return None


def main(argv: list[str] | None = None) -> int:
    """Run the fuzz targets until the time is up; print counts and failures."""
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=1.0, help="how long to run (default 1)")
    parser.add_argument("--targets", default=",".join(TARGETS), help=f"comma-separated, of: {', '.join(TARGETS)}")
    parser.add_argument("--batch", type=int, default=50, help="examples per batch (default 50)")
    parser.add_argument("--seed", type=int, default=None, help="seed for the order of batches")
    args = parser.parse_args(argv)
    names = [n for n in args.targets.split(",") if n]
    unknown = [n for n in names if n not in TARGETS]
    if unknown:
        parser.error(f"unknown targets: {', '.join(unknown)}")
    os.environ.setdefault("ORGSPEC_CACHE_DIR", tempfile.mkdtemp(prefix="orgspec-fuzz-cache-"))
    rng = random.Random(args.seed)
    deadline = time.monotonic() + args.minutes * 60
    failures: dict[str, str] = {}
    batches = 0
    start = time.monotonic()
    while time.monotonic() < deadline:
        name = names[batches % len(names)] if batches < len(names) else rng.choice(names)
        batches += 1
        problem = _batch(name, args.batch)
        if problem is not None:
            key = f"{name}: {problem.splitlines()[0]}"
            if key not in failures:
                failures[key] = problem
                sys.stderr.write(f"FAILURE in {key}\n{problem}\n\n")
                sys.stderr.flush()
    elapsed = time.monotonic() - start
    total = sum(COUNTS.values())
    print(f"fuzz: {total:,} inputs in {elapsed / 60:.1f} min, {len(failures)} distinct failures")
    for name in names:
        print(f"  {name}: {COUNTS[name]:,} inputs")
    for key in failures:
        print(f"  FAILED {key}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
