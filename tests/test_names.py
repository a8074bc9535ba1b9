"""Name keys: the shortcut for plain names gives the key the full folding gives."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgspec.model.names import _DROP, _FOLD, _PLAIN, name_key, normalize, normalize_doc_number


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


@settings(max_examples=300)
@given(st.lists(st.text(alphabet="辦办公室綜综合科（）() 〔〕[]\u200bＡA1１國国", max_size=8), max_size=30))
def test_name_key_remembers_keys_without_changing_them(names: list[str]) -> None:
    """Issue 17: the keys of names seen before are looked up, not computed again; each is the computed one."""
    from orgspec.model.script import fold_script

    for name in names + names:
        assert name_key(name) == fold_script(normalize(name))


def test_the_remembered_keys_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from orgspec.model import names as names_mod

    monkeypatch.setattr(names_mod, "_KEYS", {})
    monkeypatch.setattr(names_mod, "_KEYS_MAX", 10)
    for i in range(25):
        assert name_key(f"辦公室{i}") == f"办公室{i}"
    assert len(names_mod._KEYS) <= 10
    assert name_key("辦公室3") == "办公室3"
