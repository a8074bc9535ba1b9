"""Mutation testing of one or more orgspec packages with mutmut 3, and its score.

One command per package (run from the repository root, after ``pip install -e '.[mutation]'``)::

    nice -n 15 python bench/mutation.py checks            # mutate src/orgspec/checks/
    nice -n 15 python bench/mutation.py checks reorg      # several packages, one after the other
    python bench/mutation.py reorg --report               # score and survivors of the last run only
    python bench/mutation.py reorg --fresh                # forget earlier results first
    nice -n 15 python bench/mutation.py reorg --only 'orgspec.reorg.patch.*' --max-children 1  # one module
    nice -n 15 python bench/mutation.py checks --survivors  # after adding tests: re-try the survivors only
    nice -n 15 python bench/mutation.py reorg --survivors --only 'orgspec.reorg.patch.*'  # of one module

Each package runs in its own folder ``.mutation/<package>/`` (git-ignored) with a ``pyproject.toml``
made from the repository's ``[tool.mutmut]`` table: only that package is mutated and only the fast
in-process tests that exercise it are run (``TESTS`` below; tests that run the CLI in a subprocess
cannot see a mutant and are left out). mutmut records which tests reach each mutated function and
runs only those for that mutant. Results are kept, so a second run only tries new mutants.

The score printed is ``killed / (killed + survived + timeout + suspicious)``; mutants that no
selected test reaches are counted apart ("no tests") and listed, since they are unjudged.
Surviving mutants are listed by name; ``cd .mutation/<package> && mutmut show NAME`` shows the
diff. docs/testing.md lists the surviving mutants judged equivalent and the measured scores.
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"

#: The fast tests that exercise each package (files or node ids, relative to the repository root).
TESTS: dict[str, list[str]] = {
    "checks": [
        "tests/test_checks.py",
        "tests/test_checks_details.py",
        "tests/test_suppress.py",
        "tests/test_history.py",
        "tests/test_classes.py",
        "tests/test_offices.py",
        "tests/test_ranges.py",
        "tests/test_constructs.py",
        "tests/test_policy_review.py",
        "tests/test_corpus.py",
        "tests/test_reviewer_checks.py",
        "tests/test_constructs_n4.py",
        "tests/test_checks_edges.py",
        "tests/test_constructs_n5.py",
        "tests/test_constructs_n6.py",
        "tests/test_reorg_interim.py",
    ],
    "reorg": [
        "tests/test_diff_golden.py",
        "tests/test_diff_reconcile.py",
        "tests/test_diff_sentences.py",
        "tests/test_diff_conflicts.py",
        "tests/test_diff_apply.py",
        "tests/test_diff_options.py",
        "tests/test_diff_zh.py",
        "tests/test_diff_text.py",
        "tests/test_diff_corpus.py",
        "tests/test_reorg_vocabulary.py",
        "tests/test_history.py",
        "tests/test_history_structure.py",
        "tests/test_reorg_interim.py",
        "tests/test_reorg_outside.py",
        "tests/test_diff_order.py",
        "tests/test_diff_match.py",
        "tests/test_diff_markdown.py",
        "tests/test_reorg_verbs.py",
        "tests/test_reorg_words.py",
        "tests/test_diff_places.py",
        "tests/test_history_items.py",
        "tests/test_diff_laws.py",
    ],
    "report": [
        "tests/test_report.py",
        "tests/test_report_docs.py",
        "tests/test_report_uris.py",
        "tests/test_checks_details.py",
        "tests/test_report_meaning.py",
    ],
    "text": [
        "tests/test_fmt.py",
        "tests/test_roundtrip.py",
        "tests/test_constructs.py",
        "tests/test_dumps.py",
        "tests/test_classes.py",
        "tests/test_constructs_n4.py",
    ],
    "syntax": [
        "tests/test_syntax.py",
        "tests/test_hostile_inputs.py",
        "tests/test_limits.py",
        "tests/test_syntax_fast.py",
        "tests/test_dumps.py",
        "tests/test_fmt.py",
        "tests/test_syntax_paths.py",
    ],
}

#: Extra pytest arguments per package. checks and reorg are judged by their fixtures and hand-made
#: cases, not by the generated-input properties (5-10 s each, once per mutant: too slow here; the
#: diff laws take 5.5 minutes under the mutation profile).
PYTEST_ARGS: dict[str, list[str]] = {
    package: ["-m", "not hypothesis"] for package in ("checks", "reorg", "text", "syntax")
}

#: Tests that read the source text itself, which mutmut rewrites (trampolines): not run on mutants.
DESELECT = ["tests/test_checks.py::test_every_check_call_site_gives_a_hint"]

#: Folders besides src/ and tests/ that the selected tests read.
ALSO_COPY = ["specs", "examples", "docs", "corpus", "bench"]

#: Exit codes of mutmut's result files, by verdict (mutmut/stats.py).
KILLED = {1, 3, 37}
SURVIVED = {0}
NO_TESTS = {5, 33}
TIMEOUT = {36, -24, 24, 152, 255}


def _toml_value(value: object) -> str:
    """Return ``value`` (str, bool, number or list of those) as TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value)
    return str(value)


def _config_for(package: str) -> str:
    """Return the pyproject.toml text for mutating ``package`` alone."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    base: dict[str, object] = dict(data["tool"]["mutmut"])
    base["only_mutate"] = [f"src/orgspec/{package}/*"]
    base["pytest_add_cli_args_test_selection"] = [t for t in TESTS[package] if (ROOT / t.split("::")[0]).exists()]
    base["also_copy"] = ALSO_COPY
    base["pytest_add_cli_args"] = [*base.get("pytest_add_cli_args", []), *(f"--deselect={t}" for t in DESELECT)]
    base["pytest_add_cli_args"] += PYTEST_ARGS.get(package, [])
    lines = ["[tool.mutmut]"] + [f"{key} = {_toml_value(value)}" for key, value in base.items()]
    pytest_ini = data["tool"]["pytest"]["ini_options"]
    lines += ["", "[tool.pytest.ini_options]"] + [f"{key} = {_toml_value(value)}" for key, value in pytest_ini.items()]
    return "\n".join(lines) + "\n"


def _prepare(package: str, fresh: bool) -> Path:
    """Lay out ``.mutation/<package>/`` with links to the sources and the package's config."""
    folder = WORK / package
    if fresh and folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name in ["src", "tests", *ALSO_COPY]:
        link = folder / name
        if not link.exists():
            link.symlink_to(ROOT / name, target_is_directory=True)
    # The tests find ../shared (seeds, corpus) next to the repository; the mutants' copy of the
    # repository is .mutation/<package>/mutants, so the same link goes next to it.
    shared = ROOT.parent / "shared"
    if shared.is_dir() and not (folder / "shared").exists():
        (folder / "shared").symlink_to(shared, target_is_directory=True)
    (folder / "pyproject.toml").write_text(_config_for(package), encoding="utf-8")
    mutants = folder / "mutants"
    if mutants.exists():
        # mutmut copies a file only when its copy is missing: refresh the copies of changed sources
        # and tests so that a second run tests today's code (its results for unchanged functions stay).
        # The same for the data files of src/ (policy packs, the grammar): mutmut refreshes only
        # the Python files it tracks, and keeps stale copies of the others.
        fresh = [*(ROOT / "tests").rglob("*"), *(p for p in (ROOT / "src").rglob("*") if p.suffix != ".py")]
        for source in fresh:
            if "__pycache__" in source.parts or not source.is_file():
                continue
            copy = mutants / source.relative_to(ROOT)
            if not copy.exists() or copy.read_bytes() != source.read_bytes():
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, copy)
    return folder


def _environment() -> dict[str, str]:
    """Return the environment for mutmut: its own sys.path set-up, the ci hypothesis profile."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # mutmut puts mutants/src first; a PYTHONPATH to src/ would hide the mutants
    env.pop("CI", None)
    env["HYPOTHESIS_PROFILE"] = "mutation"
    return env


def _generate(folder: Path) -> None:
    """Bring ``folder``'s mutants up to today's sources, running no test.

    mutmut regenerates the mutants of a changed source file (and forgets the verdicts of its
    changed functions) only when it runs; a ``--only`` or ``--survivors`` run chooses its mutants
    from the verdicts before that, so without this step it would miss the new and changed
    mutants and keep the stale verdicts of the changed functions.
    """
    code = (
        "from mutmut.__main__ import copy_also_copy_files, copy_src_dir, create_mutants, setup_source_paths\n"
        "copy_src_dir(); copy_also_copy_files(); setup_source_paths(); create_mutants(1)\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=folder, env=_environment(), check=True, stdout=subprocess.DEVNULL)


def _mutmut() -> list[str]:
    """Return the command that runs mutmut with this interpreter."""
    return [sys.executable, "-m", "mutmut"]


def score(package: str, among: set[str] | None = None) -> dict[str, object]:
    """Return the verdict counts, the score and the surviving mutants of ``package``'s last run.

    With ``among``, only those mutants are counted (a sample, see :func:`sample`), and the score
    comes with its 95% Wilson interval as an estimate of the package's score.
    """
    counts: Counter[str] = Counter()
    survivors: list[str] = []
    untested: list[str] = []
    timed_out: list[str] = []
    for meta in sorted((WORK / package / "mutants" / "src" / "orgspec" / package).rglob("*.meta")):
        try:
            verdicts = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        except (ValueError, KeyError):  # a run stopped while mutmut was writing this file
            print(f"unreadable: {meta} (run again to redo its mutants)", file=sys.stderr)
            continue
        for name, code in verdicts.items():
            if among is not None and name not in among:
                continue
            if code in KILLED:
                counts["killed"] += 1
            elif code in SURVIVED:
                counts["survived"] += 1
                survivors.append(name)
            elif code in NO_TESTS:
                counts["no tests"] += 1
                untested.append(name)
            elif code in TIMEOUT:
                counts["timeout"] += 1
                timed_out.append(name)
            elif code is None:
                counts["not checked"] += 1
            else:
                counts["suspicious"] += 1
    judged = counts["killed"] + counts["survived"] + counts["timeout"] + counts["suspicious"]
    interval = _wilson(counts["killed"] + counts["timeout"], judged) if among is not None and judged else None
    return {
        "package": package,
        "sample": len(among) if among is not None else None,
        "interval": interval,
        "counts": dict(counts),
        # A timeout is counted as killed (the mutant made the tests run away), as mutmut does;
        # "strict" counts only the mutants a test failed on.
        "score": round(100 * (counts["killed"] + counts["timeout"]) / judged, 1) if judged else None,
        "strict": round(100 * counts["killed"] / judged, 1) if judged else None,
        "survived": survivors,
        "no tests": untested,
        "timeout": timed_out,
    }


def _wilson(hits: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """Return the 95% Wilson score interval (in percent) of ``hits`` out of ``total``."""
    share = hits / total
    centre = share + z * z / (2 * total)
    spread = z * math.sqrt(share * (1 - share) / total + z * z / (4 * total * total))
    low, high = (centre - spread) / (1 + z * z / total), (centre + spread) / (1 + z * z / total)
    return round(100 * low, 1), round(100 * high, 1)


def sample(package: str, size: int, seed: int, globs: list[str]) -> set[str]:
    """Return a seeded uniform random sample of ``size`` of ``package``'s mutants (of ``globs`` if any).

    The same seed and the same sources give the same sample, so a stopped run resumes and a
    report counts the mutants that were run. A sample measures the score of a package too large
    to run whole in one sitting (random mutant selection: a sample of a few hundred estimates the
    score within a few points, given as a 95% interval).

    Each mutant is ranked by a seeded hash of its name and the ``size`` lowest are taken, so the
    sample is stable across changes of the code: a change elsewhere in the package leaves every
    member in place (a shuffle of the list redrew the whole sample whenever the number of mutants
    changed); only the mutants of changed functions, whose names are new, come in or go out. A
    larger sample extends a smaller one.
    """
    names = [
        name
        for verdicts in _verdicts(package).values()
        for name in verdicts
        if not globs or any(fnmatch.fnmatch(name, glob) for glob in globs)
    ]
    return set(sorted(names, key=lambda name: _rank(seed, name))[:size])


def _rank(seed: int, name: str) -> bytes:
    """The place of a mutant in the seeded order: a hash of the seed and its name."""
    return hashlib.blake2b(f"{seed}:{name}".encode(), digest_size=8).digest()


def by_module(package: str) -> dict[str, dict[str, int]]:
    """Return the verdict counts of each module of ``package``'s last run (killed counts timeouts)."""
    table: dict[str, dict[str, int]] = {}
    for meta in _metas(package):
        counts: Counter[str] = Counter()
        for code in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].values():
            verdict = "killed" if code in KILLED | TIMEOUT else "survived" if code in SURVIVED else None
            counts[verdict or ("no tests" if code in NO_TESTS else "not checked" if code is None else "other")] += 1
        table[meta.name.removesuffix(".py.meta")] = dict(counts)
    return table


def _metas(package: str) -> list[Path]:
    return sorted((WORK / package / "mutants" / "src" / "orgspec" / package).rglob("*.meta"))


def _verdicts(package: str) -> dict[Path, dict[str, int | None]]:
    return {m: json.loads(m.read_text(encoding="utf-8"))["exit_code_by_key"] for m in _metas(package)}


Snapshot = dict[Path, tuple[dict[str, int | None], dict[str, str]]]


def _snapshot(package: str) -> Snapshot:
    """Return each module's verdicts with the hash of each mutated function, as they stand now."""
    out: Snapshot = {}
    for meta in _metas(package):
        data = json.loads(meta.read_text(encoding="utf-8"))
        out[meta] = (data["exit_code_by_key"], data.get("hash_by_function_name", {}))
    return out


def _function_of(mutant: str) -> str:
    """Return the mangled function a mutant belongs to (``x_render_zh`` of ``….x_render_zh__mutmut_12``)."""
    return mutant.rsplit(".", 1)[-1].split("__mutmut_", maxsplit=1)[0]


def _keep_verdicts(package: str, before: Snapshot) -> None:
    """Restore the verdicts mutmut forgot, for the mutants of functions that did not change.

    A change of the test selection makes mutmut forget every verdict (when it generates the
    mutants, so the snapshot is taken before that); a ``--survivors``, ``--only`` or ``--sample``
    run tries only some mutants. Tests were only added, so an earlier kill still stands, and an
    earlier survivor is kept as one until it is tried again (which can only lower the score,
    never raise it). A verdict of a function whose code changed is stale and stays forgotten, as
    is a timeout (a change of the timeout settings is why mutmut forgets those).
    """
    for meta in _metas(package):
        data = json.loads(meta.read_text(encoding="utf-8"))
        codes, hashes = data["exit_code_by_key"], data.get("hash_by_function_name", {})
        old_codes, old_hashes = before.get(meta, ({}, {}))
        for name, code in old_codes.items():
            function = _function_of(name)
            same = old_hashes.get(function) is not None and old_hashes.get(function) == hashes.get(function)
            if name in codes and codes[name] is None and code is not None and code not in TIMEOUT and same:
                codes[name] = code
        meta.write_text(json.dumps(data, indent=4), encoding="utf-8")


def _snapshot_of(verdicts: dict[Path, dict[str, int | None]], hashes: Snapshot) -> Snapshot:
    """Return ``verdicts`` with the function hashes of ``hashes`` (taken with them)."""
    return {meta: (codes, hashes.get(meta, ({}, {}))[1]) for meta, codes in verdicts.items()}


def _print(result: dict[str, object]) -> None:
    """Print a package's score, its surviving mutants and those no test reaches."""
    among = f" over a sample of {result['sample']}, 95% interval {result['interval']}" if result.get("sample") else ""
    print(f"\n{result['package']}: score {result['score']}% (strict {result['strict']}%){among}  {result['counts']}")
    for name in result["survived"]:  # type: ignore[attr-defined]
        print(f"  survived  {name}")
    for name in result["no tests"]:  # type: ignore[attr-defined]
        print(f"  no tests  {name}")


def main(argv: list[str] | None = None) -> int:
    """Run mutmut on each package named, then print its score and surviving mutants."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packages", nargs="+", choices=sorted(TESTS))
    parser.add_argument("--report", action="store_true", help="only print the score of the last run")
    parser.add_argument("--fresh", action="store_true", help="forget earlier results")
    parser.add_argument(
        "--survivors", action="store_true", help="re-try only the mutants that survived or timed out last time"
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="GLOB",
        help="try only the mutants whose names match (repeatable)",
    )
    parser.add_argument(
        "--sample",
        type=int,
        metavar="N",
        help="run (or report) only a seeded random sample of N mutants (of the --only globs if given)",
    )
    parser.add_argument("--seed", type=int, default=0, help="the sample's seed (default 0)")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--json", type=Path, help="also write the scores to this file")
    parser.add_argument("--by-module", action="store_true", help="also print the score of each module")
    args = parser.parse_args(argv)
    results = []
    status = 0
    for package in args.packages:
        folder = _prepare(package, args.fresh)
        if not args.report:
            cmd = [*_mutmut(), "run", "--max-children", str(args.max_children)]
            snapshot = _snapshot(package)
            if args.survivors or args.only or args.sample:
                _generate(folder)
                _keep_verdicts(package, snapshot)  # what generating forgot of unchanged functions
            before = _verdicts(package)
            among = sample(package, args.sample, args.seed, args.only) if args.sample else None
            if args.survivors:
                last = score(package)
                retry: list[str] = [*last["survived"], *last["timeout"]]  # type: ignore[misc]
                if args.only:
                    retry = [name for name in retry if any(fnmatch.fnmatch(name, glob) for glob in args.only)]
                if among is not None:
                    retry = [name for name in retry if name in among]
                cmd += retry
            elif among is not None:
                pending = sorted(
                    name
                    for verdicts in before.values()
                    for name, code in verdicts.items()
                    if code is None and name in among
                )
                if not pending:
                    results.append(score(package, among))
                    _print(results[-1])
                    continue
                cmd += pending
            elif args.only:
                # mutmut re-tries every mutant named, even one with a verdict: once the mutants exist,
                # name only those of the glob still unjudged, so that a stopped run resumes.
                pending = [
                    name
                    for verdicts in before.values()
                    for name, code in verdicts.items()
                    if code is None and any(fnmatch.fnmatch(name, glob) for glob in args.only)
                ]
                if before and not pending:
                    results.append(score(package))
                    _print(results[-1])
                    continue
                cmd += pending or args.only
            done = subprocess.run(cmd, cwd=folder, env=_environment(), check=False)
            status = status or done.returncode
            if args.survivors or args.only or args.sample:
                _keep_verdicts(package, _snapshot_of(before, snapshot))
        among = sample(package, args.sample, args.seed, args.only) if args.sample else None
        results.append(score(package, among))
        _print(results[-1])
        if args.by_module:
            for module, counts in by_module(package).items():
                judged = counts.get("killed", 0) + counts.get("survived", 0)
                share = f"{100 * counts.get('killed', 0) / judged:5.1f}%" if judged else "    -"
                print(f"  {module:22} {share}  {counts}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
