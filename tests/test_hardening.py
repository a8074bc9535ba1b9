"""Hostile input: every input gets diagnostics or a result, never an exception (issue 8).

The generated-input tests run with the derandomised "ci" hypothesis profile; the long fuzz run is
one command in docs/hardening.md (``HYPOTHESIS_PROFILE=fuzz``, 20,000 inputs a test).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import orgspec
from orgspec.codes import CODES
from orgspec.io import decode

from .conftest import SPECS, budget

T = TypeVar("T")


def _assert_sane(found: list[orgspec.Diagnostic], text: str) -> None:
    for d in found:
        assert d.code in CODES
        assert d.message
        if d.span is not None and d.source is not None:
            assert 0 <= d.span.start <= d.span.end <= len(d.source.text)


@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    source, problems = decode(data, "random.orgspec")
    if source is None:
        assert [d.code for d in problems] == ["OS101"]
        assert problems[0].line is not None
    else:
        _assert_sane(orgspec.check_text(source.text, "random.orgspec"), source.text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00",
        'body "A\x00B"',
        "body \x00",
        '\ufeffbody "A"',
        'body "A" {\r\n}\r\n',
        'body "A" {\r}\r',
        "{{{{",
        "}}}}",
        ";;;;",
        "@",
        '@"',
        "#",
        '\u202ebody "A"',
        'body \u200b"A"',
        'body "A" { quota administrative 1' + "0" * 5000 + " }",
        'body "A" { quota administrative 10000000000 }',
        'body "A" { history { event renamed 2019-02-30 } }',
        'body "A" { history { event renamed 0000-01-01 } }',
        'body "A" { history { event renamed 2019-13 } }',
        'body a "A" { hosts @a }',
        'body a "A" { section b "B" { duties { duty "x" } } }\nbody b "C"',
    ],
)
def test_edge_texts(text: str) -> None:
    _assert_sane(orgspec.check_text(text, "edge.orgspec"), text)


def _tokens(text: str) -> list[tuple[int, int]]:
    """Return the span of every token of a spec, as the grammar's own lexer cuts it.

    Every token: keywords, names, figures, references, both braces, and the separators (line
    breaks, ``;`` and comments) between statements.
    """
    import lark

    from orgspec.syntax import parser

    lexer = lark.Lark(parser._GRAMMAR, parser="lalr", lexer="basic")
    spans = [(tok.start_pos, tok.end_pos) for tok in lexer.lex(text)]
    assert all(start is not None and end is not None for start, end in spans)
    return spans  # type: ignore[return-value]


SEED_SPECS = sorted(SPECS.glob("*.orgspec"))


@pytest.mark.parametrize("path", SEED_SPECS, ids=[p.stem for p in SEED_SPECS])
def test_truncated_at_every_token_boundary(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for _, end in _tokens(text):
        cut = text[:end]
        _assert_sane(orgspec.check_text(cut, "cut.orgspec"), cut)


@pytest.mark.parametrize("path", SEED_SPECS, ids=[p.stem for p in SEED_SPECS])
def test_every_single_token_deleted_or_duplicated(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for start, end in _tokens(text):
        deleted = text[:start] + text[end:]
        _assert_sane(orgspec.check_text(deleted, "deleted.orgspec"), deleted)
        doubled = text[:end] + " " + text[start:end] + text[end:]
        _assert_sane(orgspec.check_text(doubled, "doubled.orgspec"), doubled)


HOSTILE_NAMES = [
    'quote " inside',
    "back\\slash",
    "new\nline",
    "<script>alert(1)</script>",
    "]]>",
    "%%{init: {'theme': 'dark'}}%%",
    "click A callback",
    "]; node [shape=box]; x [label=",
    "&amp; &lt;",
    "\u202eRTL\u202c",
    "zero\u200bwidth",
]


@settings(max_examples=30)
@given(st.sampled_from(HOSTILE_NAMES), st.sampled_from(HOSTILE_NAMES))
def test_hostile_names_round_trip_through_the_printer(a: str, b: str) -> None:
    spec = orgspec.Spec(bodies=(orgspec.Unit(name=a, plaques=(orgspec.Plaque(name=b + "!"),), notes=(a + b,)),))
    text = orgspec.dumps(spec)
    assert orgspec.analyze(text).spec == spec


def _grammar_strategy() -> st.SearchStrategy[str]:
    import lark
    from hypothesis.extra.lark import from_lark

    from orgspec.syntax import parser

    grammar = lark.Lark(parser._GRAMMAR, parser="lalr", lexer="contextual")
    figures = st.sampled_from(["0", "21", "-3", "２１", "1" * 12, "+5"])
    dates = st.sampled_from(["2010-06-01", "2019-02-30", "2018-3", "0000-00"])
    return from_lark(grammar, explicit={"INT": figures, "DATE": dates})


@settings(max_examples=budget(100))
@given(_grammar_strategy())
def test_text_generated_from_the_grammar(text: str) -> None:
    _assert_sane(orgspec.check_text(text, "generated.orgspec"), text)


def _ratio(small: str, large: str) -> float:
    """Return best-time(large) / best-time(small) in CPU time, interleaved so both see the same load.

    CPU time rather than wall time: the machines are shared, and a neighbour's burst
    must not read as super-linear growth (linear is 10x for 10x the input, quadratic 100x).
    """
    import time

    best = {0: float("inf"), 1: float("inf")}
    for _ in range(6):
        for key, text in ((0, small), (1, large)):
            t0 = time.process_time()
            orgspec.check_text(text)
            best[key] = min(best[key], time.process_time() - t0)
    return best[1] / max(best[0], 1e-6)


def _many_sections(n: int) -> str:
    sections = "\n".join(
        f'  section s{i} "第{i}處" {{ number {i + 1}; plaque "牌{i}"; duties {{ duty "職責{i}" }} }}' for i in range(n)
    )
    return f'body b "外事辦" {{\n  stated sections {n}\n{sections}\n}}\n'


def test_checking_scales_linearly_with_the_number_of_units() -> None:
    # Ten times the units may take at most thirty times as long (linear would be ten).
    assert _ratio(_many_sections(200), _many_sections(2000)) < 30


def _ratio_of(run: Callable[[T], object], small: T, large: T, repeat: int = 3) -> float:
    """Return best-time(run(large)) / best-time(run(small)), measured interleaved.

    The garbage collector is paused while a run is timed: its full passes cost in proportion to
    every object alive, which is noise here, not the command's own work.
    """
    import gc
    import time

    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for key, arg in ((0, small), (1, large)):
            gc.collect()
            gc.disable()
            try:
                t0 = time.perf_counter()
                run(arg)
                best[key] = min(best[key], time.perf_counter() - t0)
            finally:
                gc.enable()
    return best[1] / best[0]


def _replaced_sections(n: int) -> str:
    """The same shape as _many_sections, but no section shares an id or a name with it."""
    return _many_sections(n).replace("section s", "section t").replace("第", "新")


def _render_every_format(spec: orgspec.Spec) -> None:
    from orgspec.render.chart import ChartOptions, build_chart
    from orgspec.render.dot import render_dot
    from orgspec.render.drawio import render_drawio
    from orgspec.render.html import render_html
    from orgspec.render.mermaid import render_mermaid
    from orgspec.render.svg import render_svg

    chart = build_chart(spec, ChartOptions(duties=True))
    for write in (render_svg, render_dot, render_mermaid, render_html, render_drawio):
        write(chart)


def test_rendering_scales_linearly_with_the_sections_of_one_unit() -> None:
    # the embedded layout once tried every column count for a unit's leaves, each in O(n)
    small, large = orgspec.loads(_many_sections(200)), orgspec.loads(_many_sections(2000))
    assert _ratio_of(_render_every_format, small, large) < 30


@pytest.mark.parametrize("change", ["gain", "loss", "replace"])
def test_diff_scales_linearly_with_the_sections_of_one_unit(change: str) -> None:
    # placing each established or abolished unit once scanned every sibling in Python
    def pair(n: int) -> tuple[orgspec.Spec, orgspec.Spec]:
        half, full = orgspec.loads(_many_sections(n // 2)), orgspec.loads(_many_sections(n))
        if change == "gain":
            return half, full
        if change == "loss":
            return full, half
        return half, orgspec.loads(_replaced_sections(n))

    assert _ratio_of(lambda p: orgspec.diff(*p), pair(400), pair(4000), repeat=5) < 30


def test_fmt_and_dumps_scale_linearly() -> None:
    from orgspec.fmt import format_source

    assert _ratio_of(format_source, _many_sections(200), _many_sections(2000)) < 30
    small, large = orgspec.loads(_many_sections(200)), orgspec.loads(_many_sections(2000))
    assert _ratio_of(orgspec.dumps, small, large) < 30


def test_deep_allowed_nesting_scales_linearly() -> None:
    def nested(depth: int, copies: int) -> str:
        one = 'section "S" { ' * depth + "}" * depth
        return 'body "A" { ' + "\n".join([one] * copies) + " }"

    assert _ratio(nested(60, 10), nested(60, 100)) < 30


# ---- text commands never pass a spec's control characters to the terminal -----------------

_ESCAPES = "\\u{1b}[2J\\u{1b}]0;title\\u{7}\\u{202e}\\n"


def _esc_spec(tmp_path: Path) -> tuple[Path, Path]:
    old = tmp_path / "old.orgspec"
    old.write_text('body "A" {\n  section "S" { duties { duty "x" } }\n}\n', encoding="utf-8")
    new = tmp_path / "new.orgspec"
    new.write_text(
        f'body "A{_ESCAPES}" {{\n'
        f'  section "S{_ESCAPES}" {{ duties {{ duty "x" }} }}\n'
        "  history {\n"
        f'    event hosted 2019-03-21 {{\n      unit "B{_ESCAPES}"\n      note "n{_ESCAPES}"\n    }}\n'
        "  }\n"
        "  stated sections 3\n"
        "}\n",
        encoding="utf-8",
    )
    return old, new


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "{new}"],
        ["check", "{new}", "--output-format", "concise"],
        ["check", "{new}", "--output-format", "github"],
        ["diff", "{old}", "{new}"],
        ["diff", "{old}", "{new}", "--format", "zh"],
        ["diff", "{old}", "{new}", "--format", "markdown"],
        ["history", "{new}"],
        ["show", "{new}"],
    ],
    ids=lambda a: "-".join(x for x in a if not x.startswith("{")),
)
def test_text_output_has_no_control_characters_from_the_spec(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import unicodedata

    from orgspec.cli.main import main

    old, new = _esc_spec(tmp_path)
    code = main([a.format(old=old, new=new) for a in argv])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert out.strip()
    for text in (out, err):
        bad = {ch for ch in text if ch != "\n" and unicodedata.category(ch) in ("Cc", "Cf")}
        assert bad == set(), (argv, sorted(bad))
    if argv[0] in ("check", "diff"):
        assert "␛" in out  # shown, not dropped
