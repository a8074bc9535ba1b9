"""Peak memory of ``orgspec check`` and ``orgspec fmt --check`` against the size of one spec file.

Generates one realistic spec of each size (distinct bodies from ``bench/generate.py``: duties,
sections, quotas, posts, history; every body different), then runs each command in a fresh
subprocess and reads its peak resident set size with ``resource.getrusage(RUSAGE_CHILDREN)``
(measured by a small wrapper process per run, so one run's peak never hides another's)::

    python bench/bench_memory.py                      # 10, 50 and 100 MB
    python bench/bench_memory.py --sizes 10 --keep /tmp/specs

Prints, per size and command, the peak RSS in MB, its ratio to the file's size and whether it is
under the target (``--target``, 10x by default: issue 19's bound on a 100 MB spec; the interpreter
and orgspec's modules alone take about 41 MB, which weighs on small sizes). See docs/performance.md
and docs/limits.md for the recorded figures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import _bodies

MB = 1_000_000

_WRAPPER = """
import resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
print(peak, proc.returncode, round(wall, 2))
sys.stderr.write(proc.stderr.decode("utf-8", "replace")[-500:])
"""

COMMANDS = {
    "check": ["check", "--no-cache", "--no-progress", "--jobs", "1", "--format", "concise"],
    "fmt --check": ["fmt", "--check"],
}


def generate(size_mb: int, out: Path, seed: int = 7) -> Path:
    """Write a spec of about ``size_mb`` MB (UTF-8) made of distinct generated bodies."""
    path = out / f"spec-{size_mb}mb.orgspec"
    if path.exists() and path.stat().st_size >= size_mb * MB:
        return path
    target = size_mb * MB
    written = 0
    with path.open("w", encoding="utf-8") as fh:
        for _, text, _ in _bodies(10**9, seed):
            data = text + "\n"
            fh.write(data)
            written += len(data.encode("utf-8"))
            if written >= target:
                break
    return path


def measure(command: list[str], path: Path) -> dict[str, float]:
    """Run one orgspec command on ``path`` in a fresh process; return its peak RSS (MB) and wall time."""
    argv = [sys.executable, "-c", _WRAPPER, sys.executable, "-m", "orgspec", *command, str(path)]
    env = {**os.environ, "ORGSPEC_CACHE_DIR": tempfile.mkdtemp(prefix="orgspec-bench-cache-")}
    proc = subprocess.run(argv, capture_output=True, text=True, env=env, check=True)
    peak_kib, code, wall = proc.stdout.split()
    return {"peak_mb": int(peak_kib) * 1024 / MB, "exit": int(code), "seconds": float(wall)}


def main(argv: list[str] | None = None) -> int:
    """Generate the specs, measure every command on each, print a table (and JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,50,100", help="sizes in MB, comma-separated (default 10,50,100)")
    parser.add_argument("--keep", type=Path, default=None, help="folder for the generated specs (kept)")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    parser.add_argument("--target", type=float, default=10.0, help="the bound on peak RSS / file size (default 10)")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="orgspec-bench-memory-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    print(f"{'size':>8} {'command':<12} {'peak RSS':>10} {'ratio':>7} {'time':>8} exit  target")
    for size in (int(s) for s in args.sizes.split(",")):
        start = time.perf_counter()
        path = generate(size, folder)
        made = time.perf_counter() - start
        real = path.stat().st_size / MB
        sys.stderr.write(f"generated {path} ({real:.1f} MB) in {made:.1f} s\n")
        for name, command in COMMANDS.items():
            figures = measure(command, path)
            ratio = figures["peak_mb"] / real
            under = ratio < args.target
            rows.append(
                {"size_mb": round(real, 1), "command": name, **figures, "ratio": round(ratio, 2), "under_target": under}
            )
            verdict = f"under {args.target:g}x" if under else f"OVER {args.target:g}x"
            print(
                f"{real:7.1f}M {name:<12} {figures['peak_mb']:9.0f}M {ratio:6.2f}x {figures['seconds']:7.1f}s "
                f"{figures['exit']:>4}  {verdict}",
                flush=True,
            )
    if args.json:
        print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
