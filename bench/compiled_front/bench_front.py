"""The compiled front end against the shipped pure path, interleaved on files that all differ.

    python bench/compiled_front/build.py                   # once: build the extension in place
    nice -n 15 python bench/compiled_front/bench_front.py  # 10k units, 3 files: one JSON line of µs/unit

Each round generates a new spec with bench/generate.py (another seed, as bench/parse_ab.py does),
then times on it, alternating pure and compiled case by case, CPU time with the collector paused
(``parse_ab.cpu``), best of the rounds kept:

- ``lex``: the pure path's lexing (one ``finditer`` over lark's scanner regex, reading each match's
  kind and span, as the shape loop does) against the DFA alone (``_orgfront.scan``, no objects);
- ``syntax``: ``orgspec.syntax.parse_document`` as shipped (the statement-shape loop) against the same
  call with the compiled reader plugged in where the shape loop sits (the same nodes and Document);
- ``build`` and ``check``: ``orgspec.lowering.build`` and ``orgspec.analyze``, each way;
- ``syntax_lalr_driver``: lark's LALR table driven in Python (``orgspec.syntax.driver``, the shipped
  reader after the shape loop), the pure counterpart of the prototype's table-driven loop;
- ``orjson``: ``Spec.model_validate(orjson.loads(...))`` on the same information, the baseline.

Which side runs first alternates from file to file.

Ratios are pure over compiled (a speed-up) and baseline over orgspec, from the same process.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from parse_ab import cpu  # noqa: E402


class CompiledShape:
    """Stands where :class:`orgspec.syntax.shape.StatementLoop` does, reading with the compiled front end."""

    def __init__(self) -> None:
        import orgfront

        from orgspec.syntax import parser as syntax_parser

        self.front = orgfront
        self.syntax_parser = syntax_parser

    def parse(self, text: str, on_top: Callable[[Any], None] | None = None) -> tuple[Any, ...]:
        """Return the statements, the comments added to the parse's state; raise FastPathError on any doubt."""
        from orgspec.syntax.driver import FastPathError

        read = self.front.parse(text)
        if read is None:
            raise FastPathError
        statements, comments = read
        self.syntax_parser._state().comments.extend(comments)
        if on_top is None:
            return statements  # type: ignore[no-any-return]
        for stmt in statements:
            on_top(stmt)
        return ()


@contextmanager
def compiled_front() -> Iterator[None]:
    """Plug the compiled reader in where the shape loop sits, for the duration."""
    from orgspec.syntax import parser as syntax_parser

    syntax_parser._get_parser()
    shipped = syntax_parser._shape
    syntax_parser._shape = CompiledShape()  # type: ignore[assignment]
    try:
        yield
    finally:
        syntax_parser._shape = shipped


def one_file(units: int, seed: int) -> dict[str, float]:
    """Return µs per unit of every case on one generated file, pure and compiled alternating."""
    import orgfront
    import orjson
    from generate import generate_text

    from orgspec.api import analyze
    from orgspec.lowering import build
    from orgspec.model.units import Spec
    from orgspec.source import SourceText
    from orgspec.syntax import parser as syntax_parser

    text = generate_text(units, seed=seed)
    analysis = analyze(text, "generated.orgspec")
    assert analysis.diagnostics == ()
    assert analysis.spec is not None
    n = sum(1 for _ in analysis.spec.walk())
    jb = orjson.dumps(analysis.spec.model_dump(mode="json", exclude_none=True))
    del analysis
    source = SourceText(text, "generated.orgspec")
    syntax_parser._get_parser()
    assert syntax_parser._shape is not None
    tokens = syntax_parser._shape.tokens
    with compiled_front():
        assert syntax_parser.parse_document(source)[0] == syntax_parser.parse_document(source)[0]
    expected = syntax_parser.parse_document(source)
    with compiled_front():
        mine = syntax_parser.parse_document(source)
    assert mine[0] == expected[0]
    assert mine[0].comments == expected[0].comments
    assert not mine[1]

    def pure_lex() -> int:
        count = 0
        for m in tokens.finditer(text):
            kind = m.lastgroup
            m.span(kind)
            count += 1
        return count

    def compiled(fn: Callable[[], Any]) -> Callable[[], Any]:
        def run() -> Any:
            with compiled_front():
                return fn()

        return run

    def driver() -> Any:
        syntax_parser._use_shape = False
        try:
            return syntax_parser.parse_document(source)
        finally:
            syntax_parser._use_shape = True

    def syntax() -> Any:
        return syntax_parser.parse_document(source)

    pairs: list[tuple[str, Callable[[], Any], Callable[[], Any]]] = [
        ("lex", pure_lex, lambda: orgfront.scan(text)),
        ("syntax", syntax, compiled(syntax)),
        ("build", lambda: build(source), compiled(lambda: build(source))),
        ("check", lambda: analyze(text, "generated.orgspec"), compiled(lambda: analyze(text, "generated.orgspec"))),
    ]
    out: dict[str, float] = {}
    for name, pure, comp in pairs:
        # Alternate which side goes first from file to file.
        sides = [("pure", pure), ("compiled", comp)] if seed % 2 == 0 else [("compiled", comp), ("pure", pure)]
        for side, fn in sides:
            out[f"{name}_{side}"] = cpu(fn) / n * 1e6
    out["nodes_compiled"] = cpu(lambda: orgfront.parse(text)) / n * 1e6
    out["syntax_lalr_driver"] = cpu(driver) / n * 1e6  # lark's LALR table driven in Python (the shipped fallback)
    out["orjson"] = cpu(lambda: Spec.model_validate(orjson.loads(jb))) / n * 1e6
    out["tokens_per_unit"] = orgfront.scan(text) / n
    return out


def measure(units: int, rounds: int) -> dict[str, float]:
    """Return the best µs per unit of every case over ``rounds`` distinct files, and the ratios."""
    best: dict[str, float] = {}
    for r in range(rounds):
        for name, us in one_file(units, 100 + r).items():
            best[name] = min(best.get(name, us), us)
    for case in ("lex", "syntax", "build", "check"):
        best[f"{case}: pure/compiled"] = best[f"{case}_pure"] / best[f"{case}_compiled"]
    best["check_pure: orjson/orgspec"] = best["orjson"] / best["check_pure"]
    best["check_compiled: orjson/orgspec"] = best["orjson"] / best["check_compiled"]
    best["load"] = os.getloadavg()[0]
    return {k: round(v, 3 if (":" in k or k == "load") else 2) for k, v in best.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--units", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    print(json.dumps(measure(args.units, args.rounds)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
