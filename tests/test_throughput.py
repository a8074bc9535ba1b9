"""What the throughput work of issue 17 relies on: the collector around a build, and the source map of ints.

Speed itself is measured in bench/ (docs/performance.md); these tests pin the
behaviour the measured wins depend on, so that a later change cannot keep the
speed by losing memory or positions.
"""

from __future__ import annotations

import gc
import sys
import weakref
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgspec.api import analyze
from orgspec.lowering import SourceMap, build, gc_paused
from orgspec.lowering.packed import IntSpans, PackedSpans, pack
from orgspec.source import SourceText, Span
from orgspec.syntax.nodes import Arg, ArgKind

from .conftest import EXAMPLES, FIXTURES, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate_text


class _Cell:
    """A plain object that can hold itself (a reference cycle) and be watched with a weak reference."""

    me: Any = None


@pytest.fixture
def collector_on() -> Any:
    """Run the test with the collector on, as a program runs, and restore its state after."""
    was = gc.isenabled()
    gc.enable()
    gc.collect()
    yield
    if not was:
        gc.disable()


def test_objects_built_while_paused_are_handed_to_the_oldest_generation(collector_on: Any) -> None:
    """Else the next young collection walks every object of the build once more (18-27 µs per unit)."""
    with gc_paused():
        assert not gc.isenabled()
        made = [[i] for i in range(2000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # moved to the oldest generation, not left frozen
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(x) in oldest for x in made)


def test_a_cycle_dropped_after_a_paused_build_is_still_freed(collector_on: Any) -> None:
    """The objects are not frozen for good: a full collection still frees the garbage among them."""
    with gc_paused():
        cell = _Cell()
        cell.me = cell
    watch = weakref.ref(cell)
    del cell
    assert watch() is not None  # a cycle: reference counting alone cannot free it
    gc.collect()
    assert watch() is None


def test_objects_the_program_froze_itself_stay_frozen(collector_on: Any) -> None:
    """gc_paused must not unfreeze what a program froze (a server that froze its start-up objects)."""
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with gc_paused():
            made = [[1], [2]]
        assert gc.get_freeze_count() == frozen
        assert made
    finally:
        gc.unfreeze()


def test_only_the_outermost_pause_switches_the_collector_back_on(collector_on: Any) -> None:
    with gc_paused():
        with gc_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # paused by the caller: left as it was
    finally:
        gc.enable()


def _texts() -> list[tuple[str, str]]:
    paths = [EXAMPLES / "leading-group.orgspec", FIXTURES / "lsp" / "errors.orgspec"]
    paths += sorted((FIXTURES / "diff").rglob("*.orgspec"))[:4]
    texts = [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in paths]
    texts.append(("generated", generate_text(120, seed=7)))
    texts.append(("unclosed", 'body "A" {\n  section "B" {\n'))
    texts.append(("unknown", 'body "A" {\n  frobnicate 3\n  quota administrative -1\n  superior @nowhere\n}\n'))
    return texts


@pytest.mark.parametrize("keep_tree", [True, False])
@pytest.mark.parametrize(("name", "text"), _texts(), ids=[n for n, _ in _texts()])
def test_a_check_leaves_no_reference_cycles(name: str, text: str, keep_tree: bool) -> None:
    """What a check builds is freed by reference counting as soon as it is dropped.

    gc_paused hands a build's objects to the oldest generation, which is collected
    rarely; a long-lived process (the language server) checks again and again, so
    garbage in cycles there would pile up until a full collection.
    """
    analyze(text, name, keep_tree=keep_tree)  # once before: caches and lazy imports are not the build's
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        analysis = analyze(text, name, keep_tree=keep_tree)
        del analysis
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()


_SEGMENTS = st.sampled_from(["bodies", "units", "duties", "name", "0", "1", "7", "", "a\nb"])
_PATHS = st.builds(lambda parts: "/" + "/".join(parts), st.lists(_SEGMENTS, max_size=5))
_SPANS = st.builds(Span, st.integers(0, 2**32 - 1), st.integers(0, 2**32 - 1))


@settings(max_examples=100)
@given(st.lists(st.tuples(st.sampled_from(["put", "set", "get", "del"]), _PATHS, _SPANS), max_size=60))
def test_the_stores_of_ints_behave_as_a_dict_of_spans(operations: list[tuple[str, str, Span]]) -> None:
    stores: list[Any] = [IntSpans(), PackedSpans()]
    plain: dict[str, Span] = {}
    for what, path, span in operations:
        if what in ("put", "set"):
            plain[path] = span
            for store in stores:
                if what == "put":
                    store.put(path, pack(span.start, span.end))
                else:
                    store[path] = span
        elif what == "get":
            for store in stores:
                assert store.get(path) == plain.get(path)
                assert (path in store) == (path in plain)
        elif path in plain:
            del plain[path]
            for store in stores:
                del store[path]
        else:
            for store in stores:
                with pytest.raises(KeyError):
                    del store[path]
    for store in stores:
        assert dict(store.items()) == plain
        assert len(store) == len(plain)


@pytest.mark.parametrize("packed", [False, True])
def test_the_source_map_records_a_node_or_a_span_by_its_offsets(packed: bool) -> None:
    smap = SourceMap(packed)
    smap.put("/bodies/0", Arg(ArgKind.STRING, "x", Span(3, 9)))
    smap.put("/bodies/0/name", Span(4, 8))
    assert smap["/bodies/0"] == Span(3, 9)
    assert smap.get("/bodies/0/name") == Span(4, 8)
    assert smap.get("/bodies/1", "/bodies/0") == Span(3, 9)
    assert smap["/bodies/1"] is None
    assert dict(smap.spans.items()) == {"/bodies/0": Span(3, 9), "/bodies/0/name": Span(4, 8)}


def test_a_build_for_the_formatter_keeps_no_positions() -> None:
    built = build(SourceText('body "A" {\n  section "B"\n}\n'), positions=False)
    assert built.spec is not None
    assert dict(built.source_map.spans.items()) == {}
    assert built.source_map.get("/bodies/0") is None


def _models_of(text: str) -> list[Any]:
    from pydantic import BaseModel

    spec = build(SourceText(text)).spec
    assert spec is not None
    found: list[Any] = []
    todo: list[Any] = [spec]
    while todo:
        x = todo.pop()
        if isinstance(x, BaseModel):
            found.append(x)
            todo.extend(x.__dict__.values())
        elif isinstance(x, tuple):
            todo.extend(x)
    return found


def test_models_compare_and_hash_as_pydantic_compares_them() -> None:
    """The models' own ``__eq__`` (a fast path for the diff) answers exactly as pydantic's."""
    from pydantic import BaseModel

    models = _models_of(generate_text(6, seed=3))[:300]
    copies = [type(m).model_validate(m.model_dump()) for m in models[:60]]  # equal, not the same objects
    pool = models + copies + [None, 1, "x", ()]
    for a in models + copies:
        for b in pool:
            assert type(a).__eq__(a, b) is BaseModel.__eq__(a, b), (a, b)  # NotImplemented for a non-model too
            assert (a == b) is (BaseModel.__eq__(a, b) is True)
    for m, c in zip(models, copies, strict=False):
        assert m == c
        assert hash(m) == hash(c)
