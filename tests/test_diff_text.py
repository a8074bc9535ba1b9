"""The reader's text of a diff: no Python ``None``, no change whose sides read the same, plurals right."""

from __future__ import annotations

import orgspec
from orgspec.reorg import diff
from orgspec.reorg.render_markdown import render_markdown
from orgspec.reorg.render_text import render_text, summary_line
from orgspec.reorg.render_zh import render_zh

_OLD = """\
body "市外事辦公室" {
  kind "工作部门"
  section-rank "科級"
  rank "正處級"
  quota administrative 21 "機關行政編制"
  posts {
    post "主任" 1 chief
    post "副主任" 2
  }
  section oumei "歐美處" { duties { duty "人事" } }
}
"""

_NEW = """\
body "市外事辦公室" {
  kind "工作部门"
  quota administrative 21 "行政編制"
  posts {
    post "主任" 1
    post "副主任" 2 deputy
  }
  section "歐美處" { plaque "外事處"; duties { duty "人事" } }
}
"""


def _pair() -> tuple[str, str]:
    old = render_text(diff(orgspec.loads(_OLD), orgspec.loads(_NEW)))
    back = render_text(diff(orgspec.loads(_NEW), orgspec.loads(_OLD)))
    return old, back


def test_a_value_that_goes_or_comes_reads_none_not_python_none() -> None:
    forward, backward = _pair()
    assert "None" not in forward + backward
    assert "section rank: 科級 → (none)" in forward
    assert "id: oumei → (none)" in forward
    assert "section rank: (none) → 科級" in backward
    assert "id: (none) → oumei" in backward


def test_a_change_is_never_printed_with_two_sides_that_read_the_same() -> None:
    forward, _ = _pair()
    for line in forward.splitlines():
        if " → " in line and ": " in line:
            _label, _, sides = line.partition(": ")
            before, _, after = sides.partition(" → ")
            assert before.strip() != after.strip(), line
    # what did change is named instead
    assert "administrative quota 21: label 機關行政編制 → 行政編制" in forward
    assert "posts 主任 1: role chief → (none); 副主任 2: role (none) → deputy" in forward


def test_counts_of_one_are_singular() -> None:
    forward, _ = _pair()
    last = forward.rstrip().splitlines()[-1]
    assert last == "1 plaque added, 1 rank changed, 1 quota changed, 1 set of posts changed, 2 other statements changed"
    assert "1 plaques" not in forward


def test_duty_counts_are_singular_for_one_in_text_and_markdown() -> None:
    old = orgspec.loads('body "甲" {\n  duties { duty "人事" }\n}\n')
    new = orgspec.loads('body "甲" {\n  duties {\n    duty "人事"\n    duty "外事"\n  }\n}\n')
    d = diff(old, new)
    assert summary_line(d) == "1 duty added"
    assert "| duty added | 1 |" in render_markdown(d)


def test_the_chinese_summary_says_nothing_of_an_unchanged_count() -> None:
    text = render_zh(diff(orgspec.loads(_OLD), orgspec.loads(_NEW)))
    assert "由21名调整为21名" not in text
    assert "调整为21" not in text
    assert "None" not in text


def test_a_diff_of_order_only_says_so_in_every_form() -> None:
    old = orgspec.loads('body b "某局" {\n  section s1 "办公室" {}\n  section s2 "人事科" {}\n}\n')
    new = orgspec.loads('body b "某局" {\n  section s2 "人事科" {}\n  section s1 "办公室" {}\n}\n')
    d = diff(old, new)
    assert [op.op for op in d.operations] == ["reorder"]
    # not "no changes" (the JSON form has an operation), and not a blank or an empty table
    assert render_text(d) == "order only: 1 list in another order\n"
    assert render_zh(d) == "除排列顺序外无变化。\n"
    md = render_markdown(d)
    assert "| lists in another order | 1 |" in md
    assert "****" not in md
    # a diff with other changes keeps its own summary; an empty one says no changes
    assert summary_line(diff(old, old)) == "no changes"
    assert render_zh(diff(old, old)) == "无变化。\n"


def test_a_quota_property_and_the_spec_s_own_history_are_named_as_a_reader_reads_them() -> None:
    history = 'history {\n  event established 2001 { unit "甲局" }\n}\n'
    old = orgspec.loads('body "甲局" {\n  quota administrative 10 "行政编制"\n}\n' + history)
    new = orgspec.loads(
        'body "甲局" {\n  quota administrative 10 "行政编制" {\n    phasing-out "只出不进"\n  }\n}\n'
        + history.replace("}\n}", '}\n  event kept 2005 { unit "甲局" }\n}')
    )
    assert render_text(diff(old, new)).splitlines() == [
        "changed 甲局",
        "    administrative quota 10: phasing out (none) → 只出不进",
        "changed (spec)",
        "    history: 1 added, 0 removed",
        "1 quota changed, 1 other statement changed",
    ]


def test_a_statement_with_parts_is_read_by_its_figure_and_words_not_as_python() -> None:
    old = orgspec.loads('body b "乙站" {\n  stands-for 9 "九个农机站"\n}\n')
    new = orgspec.loads('body b "乙站" {\n  stands-for 10 "十个农机站"\n}\n')
    assert render_text(diff(old, new)).splitlines()[1] == "    stands for: count 9 → 10; text 九个农机站 → 十个农机站"
    gone = orgspec.loads('body b "乙站"\n')
    assert render_text(diff(old, gone)).splitlines()[1] == "    stands for: 9 九个农机站 → (none)"
    assert "{" not in render_markdown(diff(old, new))


def test_a_date_an_area_and_a_rank_given_as_another_body_s_read_as_written() -> None:
    old = orgspec.loads('body "甲局" {\n  section "办公室"\n}\nbody "乙局"\n')
    new = orgspec.loads(
        'body "甲局" {\n  section "办公室" {\n    covers "城区"\n    rank-as "乙局"\n'
        '    as-of 2011-12 "2011年年底"\n  }\n}\nbody "乙局"\n'
    )
    assert render_text(diff(old, new)).splitlines()[1:5] == [
        "    rank as: (none) → 乙局",
        "    covers: (none) → 城区",
        "    as of: (none) → 2011-12",
        "    as of text: (none) → 2011年年底",
    ]


def test_relations_or_a_quota_s_parts_that_changed_are_named_in_the_text() -> None:
    hosts = 'body "甲局" {\n  hosts "乙办"\n  colocated "丙局"\n}\nbody "丙局"\n'
    swapped = 'body "甲局" {\n  colocated "丙局"\n  hosts "乙办"\n}\nbody "丙局"\n'
    assert render_text(diff(orgspec.loads(hosts), orgspec.loads(swapped))).splitlines()[1] == (
        "    relations: put in another order"
    )
    two = 'body "甲局" {\n  quota administrative 10 {\n    includes 2 "工勤"\n  }\n}\n'
    assert (
        render_text(diff(orgspec.loads(two), orgspec.loads(two.replace("includes 2", "includes 3")))).splitlines()[1]
        == "    administrative quota 10: parts changed"
    )


def _text_of(old: str, new: str, *, color: bool = False) -> list[str]:
    return render_text(diff(orgspec.loads(old), orgspec.loads(new)), color=color).splitlines()


def test_a_reconstituted_unit_is_listed_with_the_established_ones_before_a_rename() -> None:
    old = 'body b "乙局" {\n  duties { duty "负责乙" }\n}\nbody c "丙局" {\n  duties { duty "负责丙" }\n}\n'
    new = (
        'body b "丁局" {\n  duties { duty "负责乙" }\n}\n'
        'body c "丙局" {\n  duties { duty "负责丙" }\n  history { event reestablished 2018-03 {} }\n}\n'
    )
    assert _text_of(old, new) == [
        "reconstituted 丙局 (re-established)",
        "    history: 1 added, 0 removed",
        "renamed 乙局 → 丁局",
        "1 reconstituted, 1 renamed, 1 other statement changed",
    ]


def test_a_quota_category_given_or_taken_whole_reads_none_on_the_other_side() -> None:
    one = 'body a "甲局" {\n  quota administrative 5\n}\n'
    two = 'body a "甲局" {\n  quota administrative 5\n  quota logistics 2\n}\n'
    assert _text_of(one, two)[1] == "    logistics quota: (none) → 2"
    assert _text_of(two, one)[1] == "    logistics quota: 2 → (none)"


def test_a_duty_of_sixty_characters_is_printed_whole_and_a_longer_one_cut() -> None:
    sixty, longer = "甲" * 60, "乙" * 61
    new = f'body a "甲局" {{\n  duties {{\n    duty "{sixty}"\n    duty "{longer}"\n  }}\n}}\n'
    assert _text_of('body a "甲局" {}\n', new)[1:3] == [f"    duty added: {sixty}", f"    duty added: {'乙' * 59}…"]


def test_a_list_statement_put_in_another_order_is_named_in_words() -> None:
    changes = "  function-changes {{\n    {}\n    {}\n  }}\n"
    added, cancelled = 'added "负责甲"', 'cancelled "负责乙"'
    old = 'body a "甲局" {\n' + changes.format(added, cancelled) + "}\n"
    new = 'body a "甲局" {\n' + changes.format(cancelled, added) + "}\n"
    assert _text_of(old, new)[1] == "    function changes: put in another order"


def test_a_note_is_painted_dim_in_colour() -> None:
    new = 'body "甲局" {\n  function-changes {\n    transferred-in "负责乙" from "外部局"\n  }\n}\n'
    (note,) = [line for line in _text_of('body "甲局" {}\n', new, color=True) if "note" in line]
    assert note.startswith("\x1b[2mnote\x1b[0m [declared-transfer-unmatched] 甲局 states")


def test_a_statement_whose_parts_read_the_same_has_no_empty_detail_line() -> None:
    # an unreadable figure become a cut-off one reads "9?" on both sides: no "stands for: " with nothing after it
    old = 'body b "乙站" {\n  stands-for unreadable "9?" "九个农机站"\n}\n'
    new = 'body b "乙站" {\n  stands-for cut-off "9?" "九个农机站"\n}\n'
    assert _text_of(old, new) == ["changed 乙站", "1 other statement changed"]


def test_an_untitled_group_of_posts_is_read_as_posts() -> None:
    group = '  posts {{\n    group {} {{\n      post "正處長" 1\n      post "副處長" {}\n    }}\n  }}\n'
    old = 'body "甲局" {\n' + group.format(3, 2) + "}\n"
    new = 'body "甲局" {\n' + group.format(4, 3) + "}\n"
    assert _text_of(old, new)[1] == "    posts: posts 3 → posts 4"


def test_a_date_before_the_year_1000_is_read_with_four_digits_as_written() -> None:
    old = 'body "甲局" {\n  section "办公室"\n}\n'
    new = 'body "甲局" {\n  section "办公室" {\n    as-of 0987-06 "雍熙四年"\n  }\n}\n'
    assert _text_of(old, new)[1] == "    as of: (none) → 0987-06"  # was 987-06


def test_a_date_a_quota_gains_is_read_not_just_said_changed() -> None:
    old = orgspec.loads('body "甲局" {\n  quota administrative 5\n}\n')
    new = orgspec.loads('body "甲局" {\n  quota administrative 5 {\n    as-of 2011-12\n  }\n}\n')
    assert "administrative quota 5: as of (none) → 2011-12" in render_text(diff(old, new)).splitlines()[1]
