"""The normalisation stage of ``orgspec draft``: numerals, widths, script folding, junk tokens."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgspec.draft.normalize import cn_int, en_int, fold, read_lines, split_junk, width


@pytest.mark.parametrize(
    ("text", "value"),
    [("一", 1), ("十", 10), ("十三", 13), ("二十", 20), ("二十一", 21), ("三十一", 31), ("一百零五", 105), ("两", 2)],
)
def test_cn_int_reads_small_numbers(text: str, value: int) -> None:
    assert cn_int(text) == value


@pytest.mark.parametrize("text", ["", "三个", "abc", "二x"])
def test_cn_int_refuses_what_is_not_a_number(text: str) -> None:
    assert cn_int(text) is None


@given(st.integers(min_value=1, max_value=999))
@settings(max_examples=60)
def test_cn_int_round_trips_written_numbers(n: int) -> None:
    digits = "零一二三四五六七八九"
    hundreds, tens, ones = n // 100, n // 10 % 10, n % 10
    text = ""
    if hundreds:
        text += digits[hundreds] + "百"
    if tens:
        text += ("" if tens == 1 and not hundreds else digits[tens]) + "十"
    elif hundreds and ones:
        text += "零"
    if ones:
        text += digits[ones]
    assert cn_int(text) == n


@pytest.mark.parametrize(
    ("token", "values"),
    [("8", [8]), ("two", [2]), ("twenty-one", [21]), ("XIII", [13]), ("xii", [12]), ("a", [1]), ("i", [1, 9])],
)
def test_en_int_lists_every_reading_of_an_enumerator(token: str, values: list[int]) -> None:
    assert en_int(token) == values


def test_width_folds_full_width_forms() -> None:
    assert width("（一）ＡＢ１２，：；　") == "(一)AB12,:; "


def test_fold_keeps_offsets_and_simplifies_the_vocabulary() -> None:
    text = "內設機構(科級建制)主要職責,編制另行核定"
    assert len(fold(text)) == len(text)
    assert fold(text) == "内设机构(科级建制)主要职责,编制另行核定"


@pytest.mark.parametrize(
    "token", ["r,?3HH4?1UQ8:8m", "J2?6xf9.6Vr6+4m", "T6~60s4?7tC2~4l", "Y94If7~2BQ,+6A", "q3=5Ho9-7rk87N"]
)
def test_split_junk_strips_seed_002_tokens(token: str) -> None:
    assert split_junk(f"承担省委外事工作委员会日常工作。 {token}") == ("承担省委外事工作委员会日常工作。", token)


@pytest.mark.parametrize(
    "line",
    [
        "负责全市因公护照(港澳通行证)、APEC商务旅行卡的申办业务 APEC",
        "根据徐政办发[2010]130号 2010-06-01",
        "(1) Secretary Group I",
        "承担 8 overseas",
    ],
)
def test_split_junk_keeps_words_and_figures(line: str) -> None:
    assert split_junk(line) == (line, None)


def test_read_lines_numbers_lines_from_one_and_records_junk() -> None:
    lines = read_lines("标题\n\n九、完成省委交办的其他任务。 M8!9Gd5~6kN9;9W\n")
    assert [(x.no, x.text, x.junk) for x in lines] == [
        (1, "标题", None),
        (2, "", None),
        (3, "九、完成省委交办的其他任务。", "M8!9Gd5~6kN9;9W"),
    ]
