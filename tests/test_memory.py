"""Memory of ``check`` and ``fmt`` on a large spec (issue 19, item 9), and that the savings change no result.

The authoritative figures are those of ``bench/bench_memory.py`` (peak resident
memory of the commands on 10 and 100 MB specs, docs/limits.md). Here the same
work runs under ``tracemalloc`` on a spec of about 0.3 MB, which counts every
allocation Python makes (deterministically, unlike the resident memory) and not
the interpreter's own: the peak, less the text, is compared with the size of the
file. Before the work on item 9 the ratios were about 12 for check, 24 for fmt
and 23 for fmt of a file already formatted; they are now about 6, 2 and 1.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgspec.fmt import detect_newline, format_source
from orgspec.lowering import build
from orgspec.lowering.packed import PackedSpans
from orgspec.model import Duty
from orgspec.source import SourceText, Span
from orgspec.syntax import parser as syntax_parser
from orgspec.text.printer import print_statements

from .conftest import FIXTURES, ROOT, SPECS
from .test_fmt import TEXTS, perturbed
from .test_trusted import _strict

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate_text

#: A generated spec of about 0.3 MB: realistic bodies, every one different (bench/generate.py).
SPEC = generate_text(600) + "\n\n"  # the blank line at the end is one fmt removes
SIZE = len(SPEC.encode("utf-8"))


_MEASURE = """
import gc, sys, tracemalloc
sys.path.insert(0, {bench!r})
from generate import generate_text
from orgspec.api import analyze
from orgspec.fmt import format_source
SPEC = generate_text(600) + "\\n\\n"
SIZE = len(SPEC.encode("utf-8"))
{setup}
def work():
    return {work}
work()  # once before measuring: lazily built validators, serialisers and caches are not the file's
gc.collect()
tracemalloc.start()
work()
print(tracemalloc.get_traced_memory()[1] / SIZE)
"""


def _peak(work: str, setup: str = "") -> float:
    """Return the peak of Python's allocations while ``work`` runs, as a multiple of the spec's size.

    Measured in a fresh interpreter: tracemalloc counts every thread's allocations, and a test
    process may hold threads and state that earlier tests left (a language server's reader, a
    cache), which once put this figure at 30 for a run that measures 2 on its own.
    """
    code = _MEASURE.format(bench=str(ROOT / "bench"), setup=setup, work=work)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def test_check_of_a_large_spec_allocates_a_few_times_its_size() -> None:
    """The model, source map and index of check were 12 times the file; now 6 (bench: under 10 with all)."""
    assert _peak('analyze(SPEC, "a.orgspec", keep_tree=False)') < 9


def test_fmt_of_a_large_spec_keeps_neither_syntax_tree_nor_model() -> None:
    """fmt held the input's tree and model, then the output's: 24 times the file; now its text and output."""
    result = format_source(SPEC, "a.orgspec")
    assert result.changed
    assert result.problem is None
    assert _peak('format_source(SPEC, "a.orgspec")') < 6


def test_fmt_of_a_formatted_spec_makes_no_copy_of_it() -> None:
    """``fmt --check`` of a file already formatted was 23 times the file; now it holds no second copy."""
    formatted = format_source(SPEC, "a.orgspec").output
    assert formatted is not None
    result = format_source(formatted, "a.orgspec")
    assert result.output is formatted
    assert not result.changed
    assert _peak('format_source(FORMATTED, "a.orgspec")', 'FORMATTED = format_source(SPEC, "a.orgspec").output') < 4


# ---- the savings change no result --------------------------------------------------------


@pytest.fixture(params=["shape", "driver", "lark"])
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test with each of the parser's three readers (the streaming printer follows all of them)."""
    monkeypatch.setattr(syntax_parser, "_use_shape", request.param == "shape")
    monkeypatch.setattr(syntax_parser, "_use_fast_path", request.param != "lark")
    return str(request.param)


def _whole(text: str) -> str:
    """Print ``text`` as the formatter did before it streamed: the whole document at once."""
    built = build(SourceText(text), positions=False)
    document = built.document
    return print_statements(document.statements, document.comments, built.source, newline=detect_newline(text))


def _variants(text: str) -> Iterator[str]:
    yield text
    yield text.replace("\n", "\r\n")
    yield "# head\n\n" + text + "\n\n# the end  \n\n"


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=[name for name, _ in TEXTS])
def test_streaming_fmt_prints_what_the_whole_document_printer_prints(name: str, text: str, reader: str) -> None:
    for variant in _variants(text):
        assert format_source(variant, name).output == _whole(variant)


@settings(max_examples=40)
@given(perturbed())
def test_streaming_fmt_prints_what_the_whole_document_printer_prints_on_perturbed_texts(text: str) -> None:
    result = format_source(text)
    assert result.problem is None
    assert result.output == _whole(text)


def _texts_with_models() -> list[tuple[str, str]]:
    paths = sorted([*SPECS.glob("*.orgspec"), *FIXTURES.rglob("*.orgspec")])
    return [(str(p.relative_to(ROOT)), p.read_bytes().decode("utf-8", "replace")) for p in paths]


@pytest.mark.parametrize(("name", "text"), _texts_with_models(), ids=[n for n, _ in _texts_with_models()])
def test_the_lean_build_of_check_gives_exactly_the_model_of_a_full_build(name: str, text: str) -> None:
    """Shared models, split dicts and the packed source map: the same classes, values, fields set and spans."""
    full, lean = build(SourceText(text, name)), build(SourceText(text, name), keep_tree=False)
    if full.spec is None:
        assert lean.spec is None
        return
    assert _strict(lean.spec) == _strict(full.spec)
    assert dict(lean.source_map.spans.items()) == dict(full.source_map.spans.items())
    assert [(d.code, d.span) for d in lean.diagnostics] == [(d.code, d.span) for d in full.diagnostics]


def test_the_lean_build_keeps_an_equal_duty_once() -> None:
    """In a large text (:data:`orgspec.lowering.POOL_MIN_CHARS`): a small one is dropped once checked."""
    from orgspec.lowering import POOL_MIN_CHARS

    text = 'body "A" {\n  section "B" {\n    duties {\n      duty "x"\n      duty "x"\n    }\n  }\n}\n'
    text += "# " + "长" * POOL_MIN_CHARS + "\n"
    full, lean = build(SourceText(text)), build(SourceText(text), keep_tree=False)
    assert full.spec is not None
    assert lean.spec is not None
    one, two = full.spec.bodies[0].units[0].duties
    assert one == two
    assert one is not two
    one, two = lean.spec.bodies[0].units[0].duties
    assert one is two
    assert isinstance(one, Duty)


def test_the_lean_build_of_a_small_text_shares_nothing_and_gives_the_same_model() -> None:
    """Issue 17 (1M units in files of 40): sharing equal models cost a tenth of each small file's build."""
    text = 'body "A" {\n  section "B" {\n    duties {\n      duty "x"\n      duty "x"\n    }\n  }\n}\n'
    full, lean = build(SourceText(text)), build(SourceText(text), keep_tree=False)
    assert full.spec is not None
    assert lean.spec is not None
    one, two = lean.spec.bodies[0].units[0].duties
    assert one == two
    assert one is not two
    assert _strict(lean.spec) == _strict(full.spec)


def test_a_generated_spec_has_the_same_model_and_map_in_the_lean_build() -> None:
    text = generate_text(300)
    full, lean = build(SourceText(text)), build(SourceText(text), keep_tree=False)
    assert full.spec is not None
    assert lean.spec is not None
    assert _strict(lean.spec) == _strict(full.spec)
    assert dict(lean.source_map.spans.items()) == dict(full.source_map.spans.items())


_SEGMENTS = st.sampled_from(["bodies", "units", "duties", "name", "0", "1", "7", "10", "", "01", "a\nb", "*"])
_PATHS = st.builds(
    lambda parts, slash: ("/" if slash else "") + "/".join(parts), st.lists(_SEGMENTS, max_size=6), st.booleans()
)
_SPANS = st.builds(Span, st.integers(0, 2**32 - 1), st.integers(0, 2**32 - 1))


@settings(max_examples=200)
@given(st.lists(st.tuples(st.sampled_from(["set", "set", "get", "del"]), _PATHS, _SPANS), max_size=80))
def test_packed_spans_behave_as_a_dict(operations: list[tuple[str, str, Span]]) -> None:
    packed: Any = PackedSpans()
    plain: dict[str, Span] = {}
    for what, path, span in operations:
        if what == "set":
            packed[path] = plain[path] = span
        elif what == "get":
            assert packed.get(path) == plain.get(path)
            assert (path in packed) == (path in plain)
        elif path in plain:
            del packed[path], plain[path]
        else:
            with pytest.raises(KeyError):
                del packed[path]
    assert dict(packed.items()) == plain
    assert len(packed) == len(plain)


def test_packed_spans_find_every_entry_of_a_large_block() -> None:
    """A body of thousands of sections is one block: it is indexed when searched, not scanned per lookup."""
    packed = PackedSpans()
    paths = [f"/bodies/0/units/{i}/name" for i in range(5000)]
    for i, path in enumerate(paths):
        packed[path] = Span(i, i + 1)
    packed["/bodies/1"] = Span(0, 1)
    assert all(packed[path] == Span(i, i + 1) for i, path in enumerate(paths))
    assert "/bodies/0/units/5000/name" not in packed


def test_the_pool_of_one_thread_is_not_another_threads() -> None:
    """Builds in two threads: one pooling (check) must not make the other share, nor outlive its block."""
    import threading

    from orgspec.model.trusted import pooled, trusted

    entered, release = threading.Event(), threading.Event()

    def pooling() -> None:
        with pooled():
            entered.set()
            release.wait(10)

    worker = threading.Thread(target=pooling)
    worker.start()
    try:
        assert entered.wait(10)
        assert trusted(Duty, text="x") is not trusted(Duty, text="x")  # this thread is outside pooled()
    finally:
        release.set()
        worker.join()
    with pooled():
        assert trusted(Duty, text="x") is trusted(Duty, text="x")
    assert trusted(Duty, text="x") is not trusted(Duty, text="x")
