"""Checking many files: parallel and serial runs agree, the cache is used and never changes a result."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import orgspec
from orgspec.api import iter_spec_files
from orgspec.cache import ResultCache
from orgspec.cli.main import main
from orgspec.runner import check_paths, spec_files
from orgspec.source import SourceText
from orgspec.syntax import parser as syntax_parser

from .conftest import FIXTURES, ROOT, SPECS
from .strategies import TOKENS, spec_like_text

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate_files, generate_text


def _view(diagnostics: tuple[orgspec.Diagnostic, ...] | list[orgspec.Diagnostic]) -> list[dict[str, object]]:
    return [d.to_dict() for d in diagnostics]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Fixtures (findings of every kind), the real specs, an unreadable file and a generated corpus."""
    root = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "checks", root / "fixtures")
    shutil.copytree(SPECS, root / "specs")
    (root / "bad.orgspec").write_bytes(b'body "\xff\xfe"\n')
    generate_files(400, root / "generated")
    return root


def test_spec_files_are_found_as_the_api_finds_them(corpus: Path) -> None:
    assert list(spec_files([corpus])) == list(iter_spec_files([corpus]))


def test_parallel_and_serial_runs_are_identical(corpus: Path) -> None:
    serial = check_paths([corpus], jobs=1, cache=False)
    parallel = check_paths([corpus], jobs=2, cache=False)
    assert parallel.jobs == 2
    assert serial.files == parallel.files > 30
    assert serial.unreadable == parallel.unreadable == 1
    assert _view(parallel.diagnostics) == _view(serial.diagnostics)
    assert parallel.diagnostics == serial.diagnostics
    assert [d.line for d in parallel.diagnostics] == [d.line for d in serial.diagnostics]
    assert {d.code for d in serial.diagnostics} >= {"OS101", "OS301", "OS307"}


def test_runner_agrees_with_the_api(corpus: Path) -> None:
    found = orgspec.check([corpus])
    found.sort(key=orgspec.diagnostics.sort_key)
    assert _view(check_paths([corpus], jobs=1, cache=False).diagnostics) == _view(found)


def test_a_cached_run_gives_the_same_result(corpus: Path) -> None:
    cold = check_paths([corpus], jobs=2)
    assert cold.cache.hits < cold.files
    warm = check_paths([corpus], jobs=1)
    readable = warm.files - warm.unreadable
    assert warm.cache.hits == readable
    assert warm.cache.misses == 0
    assert _view(warm.diagnostics) == _view(cold.diagnostics)


def test_workers_filling_the_cache_leave_one_whole_entry_per_text_and_no_temporary_file(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two workers write entries into the same folders (made once per process): each text gets one entry
    that a re-check reads back to the same findings; nothing half-written or temporary is left."""
    from orgspec.io import TEMP_MARK

    monkeypatch.setenv("ORGSPEC_CACHE_DIR", str(tmp_path / "own-cache"))  # empty: the session's is shared
    cold = check_paths([corpus], jobs=2)
    readable = cold.files - cold.unreadable
    assert cold.jobs == 2
    assert cold.cache.writes == cold.cache.misses > 30  # every checked text was written
    folder = ResultCache().folder
    entries = [p for p in folder.rglob("*.json") if len(p.stem) == 64]
    assert not [p for p in folder.rglob("*") if TEMP_MARK in p.name]
    assert len(entries) == cold.cache.writes
    warm = check_paths([corpus], jobs=2)
    assert warm.cache.hits == readable
    assert warm.diagnostics == cold.diagnostics
    assert _view(warm.diagnostics) == _view(check_paths([corpus], jobs=1, cache=False).diagnostics)


def test_a_run_whose_first_files_are_not_cached_lets_the_workers_look_up_the_rest(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17: a cold run reads and hashes each file once (in its worker), not first in the command too;
    a file the cache holds is still answered from it, wherever it is looked up."""
    from orgspec import runner

    files = [str(p) for p in spec_files([corpus])]
    outcomes = []
    for name, first_misses in (("ahead", 10_000), ("in-workers", 3)):
        monkeypatch.setenv("ORGSPEC_CACHE_DIR", str(tmp_path / name))
        check_paths(files[3:], jobs=1)  # all but the first three files are in the cache
        monkeypatch.setattr(runner, "COLD_AFTER_MISSES", first_misses)
        outcomes.append(check_paths([corpus], jobs=2))
    ahead, in_workers = outcomes
    assert in_workers.jobs == 2
    assert in_workers.cache == ahead.cache
    assert in_workers.cache.hits == len(files) - 3 > 30  # every file but the first three (one unreadable)
    assert in_workers.diagnostics == ahead.diagnostics
    assert _view(in_workers.diagnostics) == _view(check_paths([corpus], jobs=1, cache=False).diagnostics)


def test_a_changed_file_is_checked_again(corpus: Path) -> None:
    target = corpus / "specs" / "zhenjiang-fao.orgspec"
    check_paths([target])
    target.write_text(target.read_text(encoding="utf-8") + '\nbody "重复" {}\nbody "重复" {}\n', encoding="utf-8")
    again = check_paths([target])
    assert again.cache.misses == 1
    assert "OS504" in {d.code for d in again.diagnostics}


def test_a_parallel_re_check_answers_from_the_cache_before_starting_workers(corpus: Path) -> None:
    # the cached files are answered in this process; only the changed ones go to workers, in order
    cold = check_paths([corpus], jobs=2)
    warm = check_paths([corpus], jobs=2)
    assert warm.jobs == 1  # nothing to check: no worker process was started
    assert warm.cache.misses == 0
    assert _view(warm.diagnostics) == _view(cold.diagnostics)
    changed = sorted((corpus / "generated").rglob("*.orgspec"))[::7]
    for path in changed:
        path.write_text(path.read_text(encoding="utf-8") + '\nbody "重复" {}\nbody "重复" {}\n', encoding="utf-8")
    mixed = check_paths([corpus], jobs=2)
    assert mixed.cache.misses == len(changed)
    assert mixed.jobs == 2
    assert _view(mixed.diagnostics) == _view(check_paths([corpus], jobs=1, cache=False).diagnostics)
    assert {d.file for d in mixed.diagnostics if d.code == "OS504"} >= {str(p) for p in changed}


def test_a_corrupt_entry_is_rewritten(corpus: Path) -> None:
    target = corpus / "fixtures" / "OS301" / "fail.orgspec"
    first = check_paths([target])
    cache = ResultCache()
    for entry in cache.folder.rglob("*.json"):
        entry.write_bytes(b"garbage")
    second = check_paths([target])
    assert second.cache.misses == 1
    assert second.cache.writes == 1
    assert _view(second.diagnostics) == _view(first.diagnostics)
    assert check_paths([target]).cache.hits == 1


def test_the_same_text_under_another_name_reports_the_new_name(tmp_path: Path) -> None:
    text = (FIXTURES / "checks" / "OS307" / "fail.orgspec").read_text(encoding="utf-8")
    (tmp_path / "a.orgspec").write_text(text, encoding="utf-8")
    (tmp_path / "b.orgspec").write_text(text, encoding="utf-8")
    result = check_paths([tmp_path / "a.orgspec", tmp_path / "b.orgspec"], jobs=1)
    assert result.cache.hits == 1
    files = [d.file for d in result.diagnostics]
    assert files.count(str(tmp_path / "a.orgspec")) == files.count(str(tmp_path / "b.orgspec")) > 0


def test_cli_accepts_jobs_and_no_cache(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    specs = str(corpus / "specs")
    assert main(["check", "--jobs", "2", "--no-cache", specs]) == 0
    assert main(["check", "-j", "1", specs]) == 0
    assert main(["check", "--jobs", "0", specs]) == 2
    assert "at least 1" in capsys.readouterr().err


def test_the_fast_parser_builds_the_same_nodes_as_lark(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "checks").rglob("*.orgspec"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SPECS.glob("*.orgspec"))]
    texts += [generate_text(300), "", "# only a comment", 'body "a" { ; ; }', 'body "a" {', 'body "\\q"']
    syntax_parser._get_parser()  # builds the parser and, from its tables, the fast driver
    assert syntax_parser._driver is not None
    for text in texts:
        source = SourceText(text, "t.orgspec")
        monkeypatch.setattr(syntax_parser, "_use_fast_path", True)
        fast_doc, fast_diags = syntax_parser.parse_document(source)
        monkeypatch.setattr(syntax_parser, "_use_fast_path", False)
        lark_doc, lark_diags = syntax_parser.parse_document(source)
        assert fast_doc == lark_doc
        assert fast_doc.comments == lark_doc.comments
        assert _view(fast_diags) == _view(lark_diags)


_SOUP = st.lists(
    st.sampled_from([*TOKENS, " ", "\t", "\u3000", "\u00a0", "#", "# 注释", "\r", ";;", "\n\n  ", "{}", "x.y-z"]),
    max_size=40,
).map("".join)


def _grammar_texts() -> st.SearchStrategy[str]:
    import lark
    from hypothesis.extra.lark import from_lark

    grammar = lark.Lark(syntax_parser._GRAMMAR, parser="lalr", lexer="contextual")
    return from_lark(grammar, explicit={"INT": st.sampled_from(["0", "21", "-3", "２１"])})


@settings(max_examples=300)
@given(st.one_of(_SOUP, spec_like_text, _grammar_texts()))
def test_the_fast_parser_agrees_with_lark_on_any_text(text: str) -> None:
    """The driver reads lark's tables its own way; on every text it must build what lark builds."""
    source = SourceText(text, "t.orgspec")
    try:
        syntax_parser._use_fast_path = True
        fast_doc, fast_diags = syntax_parser.parse_document(source)
        syntax_parser._use_fast_path = False
        lark_doc, lark_diags = syntax_parser.parse_document(source)
    finally:
        syntax_parser._use_fast_path = True
    assert fast_doc == lark_doc
    assert fast_doc.comments == lark_doc.comments
    assert _view(fast_diags) == _view(lark_diags)


def test_generated_corpus_checks_clean() -> None:
    assert orgspec.check_text(generate_text(500), "generated.orgspec") == []


def test_unresolved_ids_hint_the_first_ids_with_the_same_prefix() -> None:
    ids = [f"id{i}" for i in range(40)] + ["a", "ab"]
    text = "\n".join(f'body {i} "单位{i}" {{ superior @{i}zz }}' for i in ids[:40])
    text += '\nbody a "甲" { superior @q }\nbody ab "乙" { superior @a1 }'
    found = [d for d in orgspec.check_text(text) if d.code == "OS208"]
    assert len(found) == 42
    for d in found:
        target = d.message.split()[0][1:]
        near = [i for i in ids if i.startswith(target[:3])][:3]  # the plain definition, in document order
        expected = "to name a body outside this spec, write a plain quoted name without '@'"
        if near:
            expected = "known ids nearby: " + ", ".join(near) + "; " + expected
        assert d.hint == expected


def test_a_cached_re_check_does_not_import_the_front_end(tmp_path: Path) -> None:
    """Start-up: a file already checked is answered from the cache without importing lark, the model or the checks."""
    import os
    import subprocess

    spec = tmp_path / "a.orgspec"
    spec.write_text((SPECS / "zhenjiang-fao.orgspec").read_text(encoding="utf-8"), encoding="utf-8")
    env = {**os.environ, "ORGSPEC_CACHE_DIR": str(tmp_path / "cache")}
    probe = (
        "import sys\n"
        "from orgspec.cli.main import main\n"
        f"code = main(['check', {str(spec)!r}])\n"
        "heavy = sorted(m for m in ('lark', 'pydantic', 'orgspec.lowering', 'orgspec.checks') if m in sys.modules)\n"
        "print(code, ','.join(heavy))\n"
    )
    first = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert first.stdout.split()[0] == "0"
    second = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert second.stdout.strip() == "0"
