"""Parse speed, interleaved: orgspec's read paths and the loaders of bench/run.py, on files that all differ.

    python bench/parse_ab.py                 # 10k units, 5 rounds: one JSON line of µs/unit
    python bench/parse_ab.py --paths         # also lark itself, lark's tables driven, the shape loop
    python bench/parse_ab.py --ab OLD_SRC    # alternate processes: this checkout's src and OLD_SRC

Each round generates a new spec (another seed, so every file differs and no cache can serve one
from another), then times, one after the other, every case on it: CPU time of this process, the
garbage collector paused (the baselines' best case, as in bench/run.py), best round kept; the cases
``check_gc`` and ``orjson_gc`` run with the collector on, and count the collections their objects
cost once the call has returned (:func:`cpu_gc_on`), as a program that goes on would pay. Ratios
are a baseline's time over orgspec's, measured in the same process on the same data: the machine
is shared, so only such ratios and CPU times are comparable between runs. With ``--ab`` the two
source trees run in alternating processes, several times each, and the best of each is reported.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def cpu(fn: Callable[[], Any]) -> float:
    """Return the CPU time of one call of ``fn``, the garbage collector paused."""
    gc.collect()
    gc.disable()
    try:
        t0 = time.process_time()
        fn()
        return time.process_time() - t0
    finally:
        gc.enable()


def _churn() -> None:
    """Make 300,000 small containers, as the program goes on after a check (young collections run)."""
    for _ in range(300_000):
        _ = [None]


def cpu_gc_on(fn: Callable[[], Any]) -> float:
    """Return the CPU time of ``fn`` with the collector on, counting the collections it causes afterwards.

    The result is kept alive while :func:`_churn` runs, and the time of the churn alone
    is subtracted: what is left is the call and the collections its objects cost later.
    """
    gc.collect()
    t0 = time.process_time()
    _churn()
    alone = time.process_time() - t0
    gc.collect()
    t0 = time.process_time()
    kept = fn()
    _churn()
    spent = time.process_time() - t0
    del kept
    return spent - alone


def measure(units: int, rounds: int, paths: bool) -> dict[str, float]:
    """Return the best µs per unit of every case over ``rounds`` distinct files."""
    best: dict[str, float] = {}
    for r in range(rounds):
        for name, us in one_file(units, 100 + r, paths).items():
            best[name] = min(best.get(name, us), us)
    for base in ("orjson", "json", "yaml"):
        best[f"check/{base}"] = best[base] / best["check"]
    best["check_gc/orjson_gc"] = best["orjson_gc"] / best["check_gc"]
    return {k: round(v, 3 if "/" in k else 1) for k, v in best.items()}


def one_file(units: int, seed: int, paths: bool) -> dict[str, float]:
    """Return the µs per unit of every case on one generated file."""
    import orjson
    import yaml
    from generate import generate_text

    from orgspec.api import analyze
    from orgspec.lowering import build
    from orgspec.model.units import Spec
    from orgspec.source import SourceText
    from orgspec.syntax import parser as syntax_parser

    text = generate_text(units, seed=seed)
    analysis = analyze(text, "generated.orgspec")
    assert analysis.diagnostics == ()
    assert analysis.spec is not None
    n = sum(1 for _ in analysis.spec.walk())
    data = analysis.spec.model_dump(mode="json", exclude_none=True)
    js = json.dumps(data, ensure_ascii=False)
    jb = js.encode()
    ys = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True)
    del analysis, data
    source = SourceText(text, "generated.orgspec")

    def syntax(shape: bool = True, fast: bool = True) -> Any:
        syntax_parser._use_fast_path = fast
        if hasattr(syntax_parser, "_use_shape"):
            syntax_parser._use_shape = shape
        try:
            return syntax_parser.parse_document(source)
        finally:
            syntax_parser._use_fast_path = True
            if hasattr(syntax_parser, "_use_shape"):
                syntax_parser._use_shape = True

    cases: dict[str, Callable[[], Any]] = {
        "syntax": syntax,
        "build": lambda: build(source),
        "check": lambda: analyze(text, "generated.orgspec"),
        "orjson": lambda: Spec.model_validate(orjson.loads(jb)),
        "json": lambda: Spec.model_validate(json.loads(js)),
        "yaml": lambda: Spec.model_validate(yaml.load(ys, Loader=yaml.CSafeLoader)),
    }
    if paths:
        cases["syntax_driver"] = lambda: syntax(shape=False)
        cases["syntax_lark"] = lambda: syntax(fast=False)
    out = {name: cpu(fn) / n * 1e6 for name, fn in cases.items()}
    out["check_gc"] = cpu_gc_on(cases["check"]) / n * 1e6
    out["orjson_gc"] = cpu_gc_on(cases["orjson"]) / n * 1e6
    return out


def ab(old_src: str, units: int, rounds: int, runs: int) -> dict[str, dict[str, float]]:
    """Alternate processes over this checkout's src and ``old_src``; return the best of each case."""
    trees = {"before": old_src, "after": str(HERE.parent / "src")}
    results: dict[str, dict[str, float]] = {}
    for _ in range(runs):
        for name, src in trees.items():
            env = {**os.environ, "PYTHONPATH": src}
            cmd = [sys.executable, __file__, "--units", str(units), "--rounds", str(rounds)]
            out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
            row = json.loads(out.strip().splitlines()[-1])
            seen = results.setdefault(name, {})
            for k, v in row.items():
                seen[k] = max(seen.get(k, v), v) if "/" in k else min(seen.get(k, v), v)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--paths", action="store_true", help="also time lark itself and the LALR driver")
    parser.add_argument("--ab", metavar="OLD_SRC", help="alternate with another source tree (its src folder)")
    parser.add_argument("--runs", type=int, default=3, help="processes per side with --ab")
    args = parser.parse_args(argv)
    if args.ab:
        print(json.dumps(ab(args.ab, args.units, args.rounds, args.runs)))
    else:
        print(json.dumps(measure(args.units, args.rounds, args.paths)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
