"""The fast readers read real specs themselves: a broken fast path must not hide behind its fallback.

The statement-shape loop hands a text to the lark-table driver on any doubt, and the driver hands it
to lark itself; each gives the same nodes, so a reader that always gave up would pass every test of
output while making every check several times slower. These tests make the fallbacks fail and
require every spec of the repository to be read without them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from orgspec.source import SourceText
from orgspec.syntax import parser as syntax_parser

ROOT = Path(__file__).resolve().parent.parent
SPECS = sorted([*ROOT.glob("specs/**/*.orgspec"), *ROOT.glob("examples/**/*.orgspec")])
#: The shape loop leaves a string with an escape (a backslash) to the driver by design.
PLAIN = [p for p in SPECS if "\\" not in p.read_text(encoding="utf-8")]


def _refuse(*_args: Any, **_kwargs: Any) -> Any:
    raise AssertionError("a fast reader gave the text up")


@pytest.mark.parametrize("path", PLAIN, ids=lambda p: p.stem)
def test_the_shape_loop_reads_every_repository_spec_itself(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8")
    expected, problems = syntax_parser.parse_document(SourceText(text, str(path)))
    assert not problems
    monkeypatch.setattr(syntax_parser, "_parse_with_lark", _refuse)
    document, _ = syntax_parser.parse_document(SourceText(text, str(path)))
    assert document.statements == expected.statements
    assert document.comments == expected.comments


@pytest.mark.parametrize("path", SPECS[:: max(1, len(SPECS) // 12)], ids=lambda p: p.stem)
def test_the_table_driver_reads_every_repository_spec_itself(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8")
    expected, _ = syntax_parser.parse_document(SourceText(text, str(path)))
    lark = syntax_parser._get_parser()
    monkeypatch.setattr(syntax_parser, "_use_shape", False)
    monkeypatch.setattr(lark, "parse", _refuse)
    document, problems = syntax_parser.parse_document(SourceText(text, str(path)))
    assert not problems
    assert document.statements == expected.statements
