"""Check many spec files: in parallel processes, with a cache of results.

:func:`check_paths` is what ``orgspec check`` runs. It finds the spec files
(folders are searched recursively, as :func:`orgspec.api.iter_spec_files`
does), reads each file's bytes, and looks the text up in the
:class:`~orgspec.cache.ResultCache`; only texts not seen before (or seen by
another version of orgspec or under another configuration) are parsed and
checked. With more than one job, the files are split into ordered chunks and
checked by a :class:`concurrent.futures.ProcessPoolExecutor`; diagnostics
travel back pickled with their source text, so they are identical to those of
a serial run, and the result is sorted the same way.

Heavy modules (the model, lark, the checks) are imported only when a file has
to be checked, so a re-check that hits the cache starts fast.

Imports: :mod:`orgspec.cache`, :mod:`orgspec.io`, :mod:`orgspec.diagnostics`,
:mod:`orgspec.source`; :mod:`orgspec.api` and :mod:`orgspec.lowering` lazily.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from orgspec.cache import ResultCache, decode_diagnostics, encode_diagnostics
from orgspec.diagnostics import Diagnostic, sort_key
from orgspec.io import FileTooLargeError, decode, read_limited, read_source

__all__ = [
    "CacheStats",
    "FileResult",
    "FilesResult",
    "RunResult",
    "check_files",
    "check_paths",
    "collector_paused",
    "default_jobs",
    "empty_folders",
    "spec_files",
]

SUFFIX = ".orgspec"

#: Below this many bytes in total, starting worker processes costs more than it saves.
PARALLEL_MIN_BYTES = 1_000_000
#: A run of several files whose first this many are all missing from the cache is taken for a cold
#: one: the rest are looked up by whoever checks them (a hit is a hit there too), not first here.
COLD_AFTER_MISSES = 256


@attrs.frozen(slots=True)
class CacheStats:
    """How the result cache served a run."""

    hits: int = 0
    misses: int = 0
    writes: int = 0

    def __add__(self, other: CacheStats) -> CacheStats:
        return CacheStats(self.hits + other.hits, self.misses + other.misses, self.writes + other.writes)


@attrs.frozen(slots=True)
class RunResult:
    """The outcome of checking many files: every diagnostic in a stable order, and counts."""

    diagnostics: tuple[Diagnostic, ...]
    files: int
    unreadable: int
    cache: CacheStats
    jobs: int


def spec_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Yield the spec files named by ``paths`` exactly as :func:`orgspec.api.iter_spec_files` does.

    Kept here so that a cached re-check need not import the front end.
    """
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.endswith(SUFFIX):
                        yield Path(root) / name
        else:
            yield path


def empty_folders(paths: Iterable[str | os.PathLike[str]]) -> list[Diagnostic]:
    """Return an OS100 error for each folder in ``paths`` that holds no spec file.

    An empty folder, or a folder named like a spec (``x.orgspec/``) with no spec in it:
    a path given explicitly must name something to check.
    """
    from orgspec.source import SourceText

    out: list[Diagnostic] = []
    for p in paths:
        path = Path(p)
        if not path.is_dir() or next(spec_files([path]), None) is not None:
            continue
        name = str(p)
        if name.rstrip("/\\").endswith(SUFFIX):
            message = f"{name} is a folder, not a spec file, and holds no {SUFFIX} file"
        else:
            message = f"{name} holds no {SUFFIX} file"
        hint = f"name a {SUFFIX} file or a folder holding some"
        out.append(Diagnostic("OS100", message, None, SourceText("", name), hint=hint))
    return out


def default_jobs() -> int:
    """Return the number of worker processes to use by default: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


@attrs.frozen(slots=True)
class FileResult:
    """The diagnostics of one file (as :func:`orgspec.api.analyze` gives them, or why it could not be read)."""

    diagnostics: list[Diagnostic]
    unreadable: bool
    cache: CacheStats
    #: The facts of its bodies (:func:`orgspec.across.facts`), when asked for.
    facts: list[dict[str, Any]] | None = None


@attrs.frozen(slots=True)
class FilesResult:
    """One :class:`FileResult` per file, in the order given, with the cache statistics and jobs used."""

    files: list[FileResult]
    cache: CacheStats
    jobs: int


#: Validated policy packs by their files' (path, modification time, size): read once per process.
_PACKS: dict[tuple[tuple[str, int, int], ...], list[Any]] = {}


def _packs(policy: Sequence[str]) -> list[Any]:
    """Return the validated packs of ``policy`` (files), read once per process while they are unchanged."""
    if not policy:
        return []
    from orgspec.policy import load_pack

    try:
        key = tuple((p, (st := os.stat(p)).st_mtime_ns, st.st_size) for p in policy)
    except OSError:
        return [load_pack(p) for p in policy]  # reports the file that cannot be read
    packs = _PACKS.get(key)
    if packs is None:
        packs = _PACKS[key] = [load_pack(p) for p in policy]
    return packs


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building objects that stay live and hold no cycles.

    As :func:`orgspec.lowering.gc_paused`, without importing the front end: a re-check
    reads the records of thousands of files, which the collector would otherwise walk
    again and again (its full collections grow with the heap).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _from_cache(path: Path, cache: ResultCache, facts: bool = False) -> FileResult | None:
    """Return the cached result of ``path``, or None when it must be checked (not cached, or unreadable)."""
    try:
        data = read_limited(path)
    except (OSError, FileTooLargeError):
        return None  # reported by the check itself
    return _lookup(path, data, cache, facts)[0]


def _lookup(path: Path, data: bytes, cache: ResultCache, facts: bool) -> tuple[FileResult | None, str]:
    """Return (the cached result of ``data`` or None, the key to store a new result under).

    One entry per text holds its findings and, once a run of several files asked for
    them, the facts of its bodies: ``[findings, facts or null]``, so a cached file costs
    one hash, one read and one decode. An entry without facts is a miss for a run that
    needs them (the file is checked again and the entry rewritten with them).
    """
    key = cache.key(data)
    record = cache.get(key)
    if record is None or len(record) != 2 or not isinstance(record[0], list):
        return None, key
    found, known = record
    if facts and not isinstance(known, list):
        return None, key
    diagnostics: list[Diagnostic] = []
    if found:  # a clean file needs no text: its bytes decoded when the entry was written (undecodable text is not)
        source, _problems = decode(data, str(path))
        if source is None:
            return None, key
        try:
            diagnostics = decode_diagnostics(found, source)
        except (TypeError, ValueError, KeyError):
            return None, key  # a well-formed entry of unexpected content: check again and rewrite it
    body_facts = [f for f in known if isinstance(f, dict)] if facts else None
    return FileResult(diagnostics, False, CacheStats(hits=1), body_facts), key


def _check_one(path: Path, cache: ResultCache | None, policy: Sequence[str] = (), facts: bool = False) -> FileResult:
    name = str(path)
    try:
        data = read_limited(path)  # the size is checked before anything is read
    except (OSError, FileTooLargeError):
        source, problems = read_source(path)  # reports the error as a diagnostic
        return FileResult(problems, source is None, CacheStats())
    key = ""
    if cache is not None:
        hit, key = _lookup(path, data, cache, facts)
        if hit is not None:
            return hit
    source, problems = decode(data, name)
    del data  # the bytes are not needed once decoded: a large file is not held twice
    if source is None:
        return FileResult(problems, True, CacheStats())  # undecodable text is reported, never cached
    from orgspec.api import analyze
    from orgspec.lowering import gc_paused

    with gc_paused():
        analysis = analyze(source.text, source.filename, keep_tree=False, policy=_packs(policy))
        found = list(analysis.diagnostics)
        found_facts = None
        if facts:
            from orgspec.across import facts as body_facts

            found_facts = body_facts(analysis.built)
    del analysis
    writes = 0
    if cache is not None:
        record = encode_diagnostics(found, source)
        if record is not None and cache.put(key, [record, found_facts]):
            writes = 1
    return FileResult(found, False, CacheStats(misses=1 if cache is not None else 0, writes=writes), found_facts)


def _check_chunk(
    paths: Sequence[str], use_cache: bool, fingerprint: str, policy: Sequence[str] = (), facts: bool = False
) -> list[FileResult]:
    cache = ResultCache(fingerprint=_with_policy(fingerprint, policy)) if use_cache else None
    return [_check_one(Path(p), cache, policy, facts) for p in paths]


def _with_policy(fingerprint: str, policy: Sequence[str]) -> str:
    """Return the cache fingerprint of a run with ``policy`` packs (their contents change the findings)."""
    if not policy:
        return fingerprint
    from orgspec.policy import fingerprint as pack_fingerprint

    return f"{fingerprint}\0policy:{pack_fingerprint(policy)}"


def _chunks(paths: list[str], jobs: int) -> list[list[str]]:
    """Split paths into ordered chunks, several per job so that uneven files even out."""
    size = max(1, min(64, len(paths) // (jobs * 8) or 1))
    return [paths[i : i + size] for i in range(0, len(paths), size)]


def _total_bytes(paths: list[str]) -> int:
    total = 0
    for p in paths:
        with contextlib.suppress(OSError):
            total += os.stat(p).st_size
    return total


def check_files(
    files: Sequence[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    cache: bool = True,
    fingerprint: str = "",
    on_done: Callable[[int], None] | None = None,
    policy: Sequence[str] = (),
    facts: bool = False,
) -> FilesResult:
    """Check the given spec files; return one result per file, in order. Never raises on user input.

    ``jobs``: worker processes (None: one per CPU when the files add up to
    more than 1 MB; 1: in this process). ``cache``: use the per-user result
    cache. ``fingerprint``: anything besides the text that changes the result
    of :func:`orgspec.api.analyze`. ``on_done(n)`` is called as files finish.
    ``policy``: files of policy packs (:mod:`orgspec.policy`) checked too.
    ``facts``: also return the facts of each file's bodies (for :mod:`orgspec.across`).
    """
    names = [str(p) for p in files]
    store = ResultCache(fingerprint=_with_policy(fingerprint, policy)) if cache else None
    slots: list[FileResult | None] = [None] * len(names)
    todo = list(range(len(names)))
    if store is not None and len(names) > 1 and jobs != 1:
        # answer what the cache knows here, so that a re-check with little changed starts no
        # worker processes (each would import orgspec) for files it need not read again
        todo = []
        with collector_paused():  # the records read stay live: collections would only walk them again
            for i, name in enumerate(names):
                if i == COLD_AFTER_MISSES and len(todo) == i:
                    # a cold cache: every file would be read and hashed twice, here and in a worker,
                    # with the workers idle meanwhile; they look the rest up themselves
                    todo.extend(range(i, len(names)))
                    break
                slots[i] = _from_cache(Path(name), store, facts)
                if slots[i] is None:
                    todo.append(i)
                elif on_done is not None:
                    on_done(1)
    pending = [names[i] for i in todo]
    if jobs is None:
        jobs = default_jobs() if len(pending) > 1 and _total_bytes(pending) >= PARALLEL_MIN_BYTES else 1
    jobs = max(1, min(jobs, len(pending) or 1))
    done: list[FileResult] = []
    if jobs == 1:
        for name in pending:
            done.append(_check_one(Path(name), store, policy, facts))
            if on_done is not None:
                on_done(1)
    else:
        from concurrent.futures import ProcessPoolExecutor  # imported only when needed: it is slow to import

        chunks = _chunks(pending, jobs)
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            n = len(chunks)
            args = ([cache] * n, [fingerprint] * n, [tuple(policy)] * n, [facts] * n)
            for part in pool.map(_check_chunk, chunks, *args):
                done.extend(part)
                if on_done is not None:
                    on_done(len(part))
    for i, result in zip(todo, done, strict=True):
        slots[i] = result
    results = [r for r in slots if r is not None]
    stats = CacheStats()
    for result in results:
        stats += result.cache
    return FilesResult(results, stats, jobs)


def check_paths(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    cache: bool = True,
    fingerprint: str = "",
) -> RunResult:
    """Check spec files and folders (searched recursively); never raises on user input.

    Returns every diagnostic sorted by file, position and code, as
    ``orgspec check`` reports them before configuration is applied.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files = [str(p) for p in spec_files(paths)]
    outcome = check_files(files, jobs=jobs, cache=cache, fingerprint=fingerprint)
    found: list[Diagnostic] = []
    unreadable = 0
    for result in outcome.files:
        found.extend(result.diagnostics)
        unreadable += result.unreadable
    found.sort(key=sort_key)
    return RunResult(tuple(found), len(files), unreadable, outcome.cache, outcome.jobs)
