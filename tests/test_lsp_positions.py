"""Code-point offsets to LSP positions and back, in UTF-16 (the default), UTF-8 and UTF-32."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgspec.lsp.positions import LineIndex

TEXT = 'body "𠀋處" {\r\n  # 😀 x\n}\rend'


@pytest.mark.parametrize(
    ("offset", "utf16", "utf8", "utf32"),
    [
        (0, (0, 0), (0, 0), (0, 0)),
        (6, (0, 6), (0, 6), (0, 6)),  # after '"', before 𠀋
        (7, (0, 8), (0, 10), (0, 7)),  # after 𠀋 (two UTF-16 units, four UTF-8 bytes)
        (8, (0, 9), (0, 13), (0, 8)),  # after 處
        (13, (1, 0), (1, 0), (1, 0)),  # start of line 2 (after \r\n)
        (17, (1, 4), (1, 4), (1, 4)),  # before 😀
        (18, (1, 6), (1, 8), (1, 5)),  # after 😀
        (22, (2, 1), (2, 1), (2, 1)),  # after '}' on the \r-terminated line
        (23, (3, 0), (3, 0), (3, 0)),
    ],
)
def test_positions_outside_the_bmp(
    offset: int, utf16: tuple[int, int], utf8: tuple[int, int], utf32: tuple[int, int]
) -> None:
    for encoding, expected in (("utf-16", utf16), ("utf-8", utf8), ("utf-32", utf32)):
        index = LineIndex(TEXT, encoding)
        assert index.position(offset) == expected, encoding
        assert index.offset(*expected) == offset, encoding


def test_positions_past_the_end_are_clamped() -> None:
    index = LineIndex(TEXT)
    assert index.offset(0, 99) == TEXT.index("\r")  # end of the first line, before its break
    assert index.offset(99, 0) == len(TEXT)
    assert index.position(999) == (3, 3)


def test_unknown_encoding_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown position encoding"):
        LineIndex("", "utf-7")


@given(st.text(alphabet=st.sampled_from(["a", "處", "𠀋", "😀", "\n", "\r", "é"]), max_size=30))
def test_roundtrip_at_every_character_boundary(text: str) -> None:
    for encoding in ("utf-16", "utf-8", "utf-32"):
        index = LineIndex(text, encoding)
        for offset in range(len(text) + 1):
            if 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n":
                continue  # inside a \r\n pair: not a position
            line, character = index.position(offset)
            assert index.offset(line, character) == offset
            if encoding == "utf-16":
                before = text[index.starts[line] : offset]
                assert character == len(before.encode("utf-16-le")) // 2
