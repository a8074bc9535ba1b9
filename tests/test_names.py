"""Name keys: the shortcut for plain names gives the key the full folding gives."""

from __future__ import annotations

import unicodedata

import pytest

from orgspec.model.names import _DROP, _FOLD, _PLAIN, normalize, normalize_doc_number


def _folded(name: str) -> str:
    return _DROP.sub("", unicodedata.normalize("NFKC", name).translate(_FOLD))


def test_every_plain_character_is_its_own_key() -> None:
    plain = [chr(c) for c in range(0x4E00, 0xA000)] + [chr(c) for c in range(128) if chr(c).isalnum()]
    assert all(_PLAIN.fullmatch(c) for c in plain)
    assert [_folded(c) for c in plain] == plain


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("统计分析科", "统计分析科"),
        ("Office 1", "Office1"),
        ("ＡＢＣ１", "ABC1"),
        ("苏委〔2009〕573号", "苏委[2009]573号"),
        ("（办公室）", "(办公室)"),
        ("办\u200b公室", "办公室"),
        ("", ""),
    ],
)
def test_keys(name: str, key: str) -> None:
    assert normalize(name) == key == _folded(name)


def test_document_numbers() -> None:
    assert normalize_doc_number("苏委〔2009〕573號") == normalize_doc_number("苏委[2009]573号")
