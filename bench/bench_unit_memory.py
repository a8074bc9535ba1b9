"""Peak memory per unit of a check, from 1k to 1M units in one file (issue 17).

Generates one spec per size with ``bench/generate.py`` (every body different), then checks it in
a fresh process as ``orgspec check`` does (``orgspec.analyze(text, keep_tree=False)``: no syntax
tree kept) and reports, per unit, the growth of the peak resident set size (``VmHWM``) over the
resident size (``VmRSS``) of the process once the text was read, and optionally the peak of Python's allocations counted
by ``tracemalloc`` (slower, so up to ``--trace-max`` units)::

    python bench/bench_unit_memory.py                          # 1k, 10k, 100k, 1M units
    python bench/bench_unit_memory.py --units 1000,10000 --trace-max 10000
    python bench/bench_unit_memory.py --full                   # keep the tree (orgspec.analyze's default)

The text itself (about 0.44 KiB of UTF-8 per unit) is read before the base is taken, so it is
not counted; its size is printed beside. A 1M-unit file is about 440 MB: more than the command
line reads in one file (``orgspec.limits.MAX_FILE_CHARS``, about 260,000 such units), so the measuring
process raises that limit to the text's length: the point is the figure per unit.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

_CHILD = """
import gc, sys, time, tracemalloc
from pathlib import Path
from orgspec import limits
from orgspec.api import analyze

def status_kib(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise SystemExit(f"no {field} in /proc/self/status")

path, keep, trace = sys.argv[1], sys.argv[2] == "full", sys.argv[3] == "trace"
analyze('body "x" { section "y" { duties { duty "z" } } }', "warm", keep_tree=keep)
text = Path(path).read_text(encoding="utf-8")
limits.MAX_FILE_CHARS = max(limits.MAX_FILE_CHARS, len(text))  # 1M units are more than one file may hold
gc.collect()
if trace:
    tracemalloc.start()
base = status_kib("VmRSS")
cpu = time.process_time()
analysis = analyze(text, path, keep_tree=keep)
cpu = time.process_time() - cpu
assert analysis.diagnostics == (), analysis.diagnostics[:3]
units = sum(1 for _ in analysis.spec.walk())
traced = tracemalloc.get_traced_memory()[1] if trace else 0
print(units, base, status_kib("VmHWM"), traced, len(text.encode()), round(cpu, 2))
"""


def write_spec(units: int, folder: Path) -> Path:
    """Write a generated spec of about ``units`` units (seed 7) and return its path."""
    from generate import generate_text

    path = folder / f"units-{units}.orgspec"
    if not path.exists():
        path.write_text(generate_text(units, seed=7), encoding="utf-8")
    return path


def measure(path: Path, full: bool, trace: bool) -> dict[str, float]:
    """Check ``path`` in a fresh process; return its units, per-unit peak growth (KiB) and CPU seconds."""
    argv = [sys.executable, "-c", _CHILD, str(path), "full" if full else "check", "trace" if trace else "rss"]
    out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout.split()
    units, base, peak, traced, size = (int(x) for x in out[:5])
    return {
        "units": units,
        "rss_kib": round((peak - base) / units, 2),
        "traced_kib": round(traced / 1024 / units, 2) if trace else 0.0,
        "text_kib": round(size / 1024 / units, 2),
        "cpu_s": float(out[5]),
    }


def main(argv: list[str] | None = None) -> int:
    """Generate, measure and print one row per size (JSON lines with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", default="1000,10000,100000,1000000", help="sizes, comma-separated")
    parser.add_argument("--trace-max", type=int, default=100_000, help="tracemalloc up to this many units")
    parser.add_argument("--full", action="store_true", help="keep the syntax tree (orgspec.analyze's default)")
    parser.add_argument("--keep", type=Path, default=None, help="folder for the generated specs (kept)")
    parser.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="orgspec-unit-memory-"))
    folder.mkdir(parents=True, exist_ok=True)
    if not args.json:
        print(f"{'units':>9} {'peak RSS growth':>16} {'tracemalloc peak':>17} {'text':>10} {'CPU':>8}")
    for n in (int(s) for s in args.units.split(",")):
        path = write_spec(n, folder)
        row = measure(path, args.full, trace=False)
        if n <= args.trace_max:
            row["traced_kib"] = measure(path, args.full, trace=True)["traced_kib"]
        if args.json:
            print(json.dumps(row), flush=True)
        else:
            traced = f"{row['traced_kib']:.2f} KiB" if n <= args.trace_max else "—"
            print(
                f"{row['units']:>9,} {row['rss_kib']:>12.2f} KiB {traced:>17} {row['text_kib']:>6.2f} KiB "
                f"{row['cpu_s']:>7.1f}s",
                flush=True,
            )
        if args.keep is None:
            path.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
