"""The result cache: where it lives, what it keys on, and that corruption is ignored and repaired."""

from __future__ import annotations

from pathlib import Path

import pytest

import orgspec
from orgspec import cache as cache_mod
from orgspec.cache import ResultCache, cache_dir, decode_diagnostics, encode_diagnostics
from orgspec.io import TEMP_MARK
from orgspec.source import SourceText

from .conftest import FIXTURES


def _entries(folder: Path) -> list[Path]:
    """Return the result entries under a cache folder (not the grammar's files, which the syntax keeps there too)."""
    return sorted(p for p in folder.rglob("*.json") if len(p.stem) == 64)


def test_cache_dir_is_per_user_and_never_a_shared_temp_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ORGSPEC_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "/home/someone/.cache")
    assert cache_dir() == Path("/home/someone/.cache/orgspec")
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == Path.home() / ".cache" / "orgspec"
    assert "site-packages" not in str(cache_dir())


def test_diagnostics_survive_the_compact_record() -> None:
    text = (FIXTURES / "checks" / "OS307" / "fail.orgspec").read_text(encoding="utf-8")
    found = orgspec.check_text(text, "a.orgspec")
    source = SourceText(text, "a.orgspec")
    record = encode_diagnostics(found, source)
    assert record is not None
    rebuilt = decode_diagnostics(record, source)
    assert [d.to_dict() for d in rebuilt] == [d.to_dict() for d in found]
    assert rebuilt == found


def test_a_record_from_another_file_is_refused() -> None:
    text = (FIXTURES / "checks" / "OS307" / "fail.orgspec").read_text(encoding="utf-8")
    found = orgspec.check_text(text, "a.orgspec")
    assert encode_diagnostics(found, SourceText(text, "b.orgspec")) is None


def test_key_depends_on_content_configuration_and_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = ResultCache(tmp_path)
    assert a.key(b"x") == ResultCache(tmp_path).key(b"x")
    assert a.key(b"x") != a.key(b"y")
    assert a.key(b"x") != ResultCache(tmp_path, fingerprint="strict").key(b"x")
    # Another orgspec (version or code) must not reuse the entries.
    monkeypatch.setattr(cache_mod, "_code_fingerprint", "another-version")
    assert ResultCache(tmp_path).key(b"x") != a.key(b"x")


def test_round_trip_and_corruption_is_ignored(tmp_path: Path) -> None:
    c = ResultCache(tmp_path)
    key = c.key(b"text")
    assert c.get(key) is None
    assert c.put(key, [["OS301", "m", 1, 2, "error", None, [["r", 3, 4]]]])
    assert c.get(key) == [["OS301", "m", 1, 2, "error", None, [["r", 3, 4]]]]
    (entry,) = _entries(c.folder)
    raw = entry.read_bytes()
    assert b"1,2" in raw
    entry.write_bytes(raw.replace(b"1,2", b"1,3"))  # same length, other payload: the checksum no longer matches
    assert c.get(key) is None
    entry.write_bytes(raw[: len(raw) // 2])  # truncated
    assert c.get(key) is None
    entry.write_bytes(b"")
    assert c.get(key) is None
    assert c.put(key, [])  # rewritten
    assert c.get(key) == []


def test_an_entry_under_another_key_is_refused(tmp_path: Path) -> None:
    c = ResultCache(tmp_path)
    k1, k2 = c.key(b"1"), c.key(b"2")
    c.put(k1, [])
    (entry,) = _entries(c.folder)
    target = c.folder / k2[:2] / f"{k2}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(entry.read_bytes())
    assert c.get(k2) is None


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    c = ResultCache(tmp_path)
    for i in range(5):
        c.put(c.key(str(i).encode()), [])
    assert not [p for p in c.folder.rglob("*") if TEMP_MARK in p.name]
    assert len(_entries(c.folder)) == 5


def test_a_temporary_file_left_by_a_dead_process_is_neither_reused_nor_followed(tmp_path: Path) -> None:
    """A left-over temporary name (or a link planted under it) is skipped; the entry is still written whole."""
    c = ResultCache(tmp_path)
    key = c.key(b"text")
    folder = c.folder / key[:2]
    folder.mkdir(parents=True)
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep")
    import os

    for n in range(1, 4):  # the next three names this object would try
        name = f".{key}.json{TEMP_MARK}{os.getpid()}-{id(c):x}-{n}"
        if n == 2:
            (folder / name).symlink_to(victim)
        else:
            (folder / name).write_bytes(b"stale")
    assert c.put(key, [["OS301", "m", 1, 2, "error", None, []]])
    assert c.get(key) == [["OS301", "m", 1, 2, "error", None, []]]
    assert victim.read_bytes() == b"keep"
    assert (folder / f"{key}.json").stat().st_mode & 0o777 == 0o600  # as tempfile.mkstemp made it


def test_two_caches_writing_one_folder_keep_every_entry(tmp_path: Path) -> None:
    """Two writers (two workers of one run) share the entry folders: every entry is whole, no temporary is left."""
    a, b = ResultCache(tmp_path), ResultCache(tmp_path)
    keys = [a.key(str(i).encode()) for i in range(300)]  # more keys than folders: writers meet in folders
    for i, key in enumerate(keys):
        assert (a if i % 2 else b).put(key, [[i]])
    assert [a.get(k) for k in keys] == [[[i]] for i in range(300)]
    assert len(_entries(a.folder)) == 300
    assert not [p for p in a.folder.rglob("*") if TEMP_MARK in p.name]


def test_a_cache_folder_removed_during_a_run_is_made_again(tmp_path: Path) -> None:
    """The folders made are remembered; if one disappears (the user cleared the cache), it is made again."""
    import shutil

    c = ResultCache(tmp_path)
    assert c.put(c.key(b"1"), [])
    shutil.rmtree(c.folder)
    assert c.put(c.key(b"1"), [[1]])
    assert c.get(c.key(b"1")) == [[1]]


def test_an_unwritable_cache_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    c = ResultCache(blocker)
    assert not c.put(c.key(b"x"), [])
    assert c.get(c.key(b"x")) is None


def test_a_file_is_one_entry_holding_its_findings_and_facts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17: a cached file costs one read (findings and across-file facts in one entry), not two."""
    from orgspec.runner import check_files

    text = (FIXTURES / "checks" / "OS307" / "fail.orgspec").read_text(encoding="utf-8")
    files = []
    for name in ("a", "b", "c"):
        path = tmp_path / f"{name}.orgspec"
        path.write_text(f"{text}\n# {name}\n", encoding="utf-8")  # three texts
        files.append(path)
    folder = tmp_path / "cache"
    monkeypatch.setenv("ORGSPEC_CACHE_DIR", str(folder))
    cold = check_files(files, jobs=1, facts=True)
    assert cold.cache.writes == 3
    assert len(_entries(folder)) == 3  # one entry per text, facts included
    reads: list[Path] = []
    real = cache_mod._read_entry
    monkeypatch.setattr(cache_mod, "_read_entry", lambda p: reads.append(p) or real(p))
    warm = check_files(files, jobs=1, facts=True)
    assert warm.cache.hits == 3
    assert warm.cache.misses == 0
    assert len(reads) == 3
    assert [r.facts for r in warm.files] == [r.facts for r in cold.files]
    assert all(r.facts for r in warm.files)
    assert [[d.to_dict() for d in r.diagnostics] for r in warm.files] == [
        [d.to_dict() for d in r.diagnostics] for r in cold.files
    ]


def test_an_entry_without_facts_is_a_miss_for_a_run_that_needs_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orgspec.runner import check_files

    path = tmp_path / "a.orgspec"
    path.write_text((FIXTURES / "checks" / "OS307" / "fail.orgspec").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("ORGSPEC_CACHE_DIR", str(tmp_path / "cache"))
    assert check_files([path], jobs=1).cache.writes == 1  # one file: no facts asked for
    assert check_files([path], jobs=1).cache.hits == 1
    with_facts = check_files([path], jobs=1, facts=True)
    assert with_facts.cache.misses == 1
    assert with_facts.cache.writes == 1
    assert with_facts.files[0].facts
    again = check_files([path], jobs=1, facts=True)
    assert again.cache.hits == 1
    assert again.files[0].facts == with_facts.files[0].facts
    assert check_files([path], jobs=1).cache.hits == 1  # and the entry still serves a run without facts
    (entry,) = _entries(tmp_path / "cache")
    entry.write_bytes(entry.read_bytes()[:-5])  # truncated: a miss, never an error
    assert check_files([path], jobs=1, facts=True).cache.misses == 1
