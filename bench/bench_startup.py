"""Start-up and re-check of ``orgspec check``, in CPU time, this checkout against another source tree.

    python bench/bench_startup.py                          # this checkout only
    python bench/bench_startup.py --before ../before/src   # alternating with another tree
    python bench/bench_startup.py --files 40000            # also a re-check of ~1,000 files of ~40 units

Each round runs every case once per tree, the trees alternating, so that the
neighbours' load on a shared machine weighs on both alike; the figure is the
best round (CPU time of the command, from ``getrusage(RUSAGE_CHILDREN)``; wall
time beside it). Cases:

- ``python -c pass``: the interpreter alone;
- ``check --no-cache small.orgspec``: one 12-unit file not in the cache (issue 17: ≤ 0.12 s CPU);
- ``check small.orgspec``: the same file, in the cache (≤ 0.10 s);
- with ``--files N``: ``check --jobs 1 --no-cache DIR`` (cold, one core) and ``check DIR`` with
  every file in the cache (re-check, nothing changed), and their ratio (issue 17: ≥ 20×).

Bytecode is compiled first (as after ``pip install``) and each tree gets its own cache folder,
filled by one run before timing. ``--no-site`` runs ``python -S`` with site-packages on
``PYTHONPATH``: the interpreter without the ``.pth`` files of the environment (a machine whose
``site`` imports more than usual, as certifi's hooks do, adds the same to every case).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import site
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate_files, generate_text  # noqa: E402

SRC = HERE.parent / "src"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _env(src: Path, cache: Path, no_site: bool = False) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join([str(src), *(site.getsitepackages() if no_site else [])])
    env["ORGSPEC_CACHE_DIR"] = str(cache)
    return env


def _run(cmd: list[str], env: dict[str, str], *, clean: bool) -> tuple[float, float]:
    """Run ``cmd``; return (wall, CPU) seconds. With ``clean``, the check must find no error."""
    c0 = _children_cpu()
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - t0
    cpu = _children_cpu() - c0
    if clean and (proc.returncode != 0 or " 0 errors" not in proc.stderr):
        raise SystemExit(f"expected a clean check: {cmd} → {proc.returncode}\n{proc.stderr[-2000:]}")
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="another source tree (holding orgspec/) to compare with")
    parser.add_argument("--rounds", type=int, default=9, help="rounds of every case (best kept)")
    parser.add_argument("--files", type=int, default=0, help="units of a many-file corpus to re-check (0: none)")
    parser.add_argument("--file-rounds", type=int, default=3, help="rounds of the many-file cases")
    parser.add_argument("--no-site", action="store_true", help="python -S (no .pth files)")
    args = parser.parse_args(argv)
    trees = {"after": SRC.resolve()}
    if args.before is not None:
        trees = {"before": args.before.resolve(), **trees}
    work = Path(tempfile.mkdtemp(prefix="orgspec-startup-"))
    try:
        small = work / "small.orgspec"
        small.write_text(generate_text(12), encoding="utf-8")
        corpus = work / "corpus"
        if args.files:
            generate_files(args.files, corpus)
        py = sys.executable
        pyx = [py, "-S"] if args.no_site else [py]
        cases: dict[str, tuple[list[str], bool, int]] = {
            "python -c pass": ([*pyx, "-c", "pass"], False, args.rounds),
            "check --no-cache small": ([*pyx, "-m", "orgspec", "check", "--no-cache", str(small)], True, args.rounds),
            "check small (cached)": ([*pyx, "-m", "orgspec", "check", str(small)], True, args.rounds),
        }
        if args.files:
            cold = [*pyx, "-m", "orgspec", "check", "--jobs", "1", "--no-cache", str(corpus)]
            cases["files: cold, 1 job"] = (cold, True, args.file_rounds)
            cases["files: re-check (cached)"] = ([*pyx, "-m", "orgspec", "check", str(corpus)], True, args.file_rounds)
        envs = {}
        for name, src in trees.items():
            envs[name] = _env(src, work / f"cache-{name}", args.no_site)
            subprocess.run([py, "-m", "compileall", "-q", str(src / "orgspec")], env=envs[name], check=False)
            _run(cases["check small (cached)"][0], envs[name], clean=True)  # bytecode, grammar tokens, cache
            if args.files:
                _run(cases["files: re-check (cached)"][0], envs[name], clean=True)
        best: dict[tuple[str, str], tuple[float, float]] = {}
        for case, (cmd, clean, rounds) in cases.items():
            for _ in range(rounds):
                for name in trees:
                    wall, cpu = _run(cmd, envs[name], clean=clean)
                    old = best.get((case, name))
                    if old is None or cpu < old[1]:
                        best[(case, name)] = (wall, cpu)
            print(f"… {case} done", file=sys.stderr)
        head = " | ".join(f"{n}: CPU (wall)" for n in trees)
        print(f"| case | {head} |")
        print("|---|" + "---:|" * len(trees))
        for case in cases:
            cells = " | ".join(f"{best[(case, n)][1]:.3f} s ({best[(case, n)][0]:.3f} s)" for n in trees)
            print(f"| {case} | {cells} |")
        if args.files:
            for n in trees:
                ratio = best[("files: cold, 1 job", n)][1] / best[("files: re-check (cached)", n)][1]
                files = sum(1 for _ in corpus.rglob("*.orgspec"))
                print(f"\n{n}: {files} files, {args.files:,} units: cold / re-check (CPU) = {ratio:.1f}×")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
