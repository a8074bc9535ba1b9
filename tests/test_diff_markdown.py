"""The Markdown pull-request comment of a diff (``orgspec.reorg.render_markdown``), written out by hand."""

from __future__ import annotations

import orgspec
from orgspec.reorg import diff
from orgspec.reorg.render_markdown import render_markdown

DUTY = 'duties { duty "负责文电、会务、机要和档案工作。" }'
OLD = orgspec.loads(f'body a "A" {{\n  section "综合处" {{ {DUTY} }}\n}}\n')
NEW = orgspec.loads(f'body a "A" {{\n  section "秘书处" {{ {DUTY} }}\n}}\n')

HEAD = """\
### orgspec diff: old → new

| change | count |
|---|---:|
| established | 1 |
| abolished | 1 |
| duty transferred | 1 |

**1 established, 1 abolished; 1 duty transferred**
"""

BLOCKS = """\
<details><summary><b>established</b> 秘书处</summary>

- duty transferred from 综合处: 负责文电、会务、机要和档案工作。

</details>

<details><summary><b>abolished</b> 综合处</summary>

- (no further details)

</details>
"""

TAIL = """\
**Possible renames** (similarity only; not applied):

- 综合处 → 秘书处 (score 0.80)
"""


def test_no_changes_is_one_line_under_the_title() -> None:
    assert render_markdown(diff(OLD, OLD)) == "### orgspec diff: old → new\n\nNo changes.\n"


def test_the_comment_has_the_counts_a_block_per_unit_and_the_possible_renames() -> None:
    assert render_markdown(diff(OLD, NEW)) == HEAD + "\n" + BLOCKS + "\n" + TAIL


def test_a_comment_past_its_limit_says_how_many_units_it_left_out() -> None:
    text = render_markdown(diff(OLD, NEW), limit=600)
    assert len(text) < 600
    first = BLOCKS.split("\n\n<details>", maxsplit=1)[0] + "\n"  # the established unit's block only
    assert text == (
        HEAD
        + "\n"
        + first
        + "\n_1 more changed units left out to stay below 600 characters (1 lines); "
        + "run `orgspec diff --format json` for everything._\n\n"
        + TAIL
    )
    assert "left out to stay below 400 characters (3 lines)" in render_markdown(diff(OLD, NEW), limit=400)


def test_notes_follow_the_possible_renames_fifty_at_most_with_markup_escaped() -> None:
    changes = "".join(f'    transferred-in "职责{i}" from "乙局"\n' for i in range(51))
    old = orgspec.loads('body "甲<局>" {}\nbody "综合处" {}\n')
    new = orgspec.loads(f'body "甲<局>" {{\n  function-changes {{\n{changes}  }}\n}}\nbody "综合处室" {{}}\n')
    d = diff(old, new)
    assert len(d.notes) == 51
    text = render_markdown(d)
    tail = text[text.index("**Possible renames**") :]
    assert tail.splitlines()[:3] == [
        "**Possible renames** (similarity only; not applied):",
        "",
        "- 综合处 → 综合处室 (score 0.67)",
    ]
    notes = [line for line in tail.splitlines() if line.startswith("- `declared-transfer-unmatched`")]
    assert len(notes) == 50  # the first fifty, in order; the JSON form has them all
    assert notes[0] == (
        "- `declared-transfer-unmatched` 甲&lt;局&gt; states a function transferred-in from 乙局 (职责0…), "
        "but no such duty moved between the two specs"
    )
    assert "(职责49…)" in notes[-1]
    assert "职责50" not in text
    assert "<局>" not in text


def test_a_line_break_inside_a_name_does_not_break_the_comment() -> None:
    new = orgspec.loads('body "甲局" {}\n')
    broken = new.model_copy(update={"bodies": (new.bodies[0].model_copy(update={"name": "甲\r\n局"}),)})
    text = render_markdown(diff(orgspec.loads(""), broken))
    assert "<summary><b>established</b> 甲  局</summary>" in text


def test_markup_characters_of_names_and_duties_are_escaped() -> None:
    old = orgspec.loads('body a "甲<乙>局" {}\n')
    new = orgspec.loads('body a "甲<乙>局" {\n  duties { duty "负责|甲" }\n}\n')
    text = render_markdown(diff(old, new))
    assert "<details><summary><b>changed</b> 甲&lt;乙&gt;局</summary>" in text
    assert "- duty added: 负责\\|甲" in text
