"""``orgspec.dumps`` writes every word a spec states: the model keeps the document's words.

``loads(dumps(spec)) == spec`` (tests/test_roundtrip.py) proves that dumps says what the model holds;
these tests prove that the model holds what the text says, judged against the text itself: every
quoted string of a spec in the repository or a clean test fixture (outside comments) is written
again by dumps, and what dumps writes reads back as the same model.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import orgspec
from orgspec.fmt import format_source
from orgspec.model.values import QuotaCategory

ROOT = Path(__file__).resolve().parent.parent


def _clean_specs() -> list[Path]:
    """The specs of the repository and the test fixtures that read without error."""
    found = [*ROOT.glob("specs/**/*.orgspec"), *ROOT.glob("examples/**/*.orgspec")]
    for path in ROOT.glob("tests/fixtures/**/*.orgspec"):
        analysis = orgspec.analyze(path.read_text(encoding="utf-8"), path.name)
        if (
            analysis.spec is not None
            and analysis.ok
            and not any(d.code.startswith("OS2") for d in analysis.diagnostics)
        ):
            found.append(path)
    return sorted(found)


SPECS = _clean_specs()
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')


def _strings(text: str) -> Counter[str]:
    """The quoted strings of canonical text, comments left out (fmt puts a trailing one after two spaces)."""
    lines = (line.split("  #", 1)[0] for line in text.splitlines() if not line.lstrip().startswith("#"))
    return Counter(s for line in lines for s in _STRING.findall(line))


@pytest.mark.parametrize("path", SPECS, ids=lambda p: str(p.relative_to(ROOT)))
def test_dumps_writes_every_quoted_word_of_the_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    canonical = format_source(text, path.name).output
    assert canonical is not None
    spec = orgspec.analyze(text, path.name).spec
    assert spec is not None
    dumped = orgspec.dumps(spec)
    lost = _strings(canonical) - _strings(dumped)
    assert not lost, f"words the model dropped: {sorted(lost)}"
    # and what it writes reads back as the same model, with no error of its own
    again = orgspec.analyze(dumped, path.name)
    assert again.spec == spec
    assert not [d for d in again.diagnostics if d.code.startswith(("OS1", "OS2"))]


def test_a_pool_of_no_known_category_keeps_its_name() -> None:
    text = 'body "某局" {\n  quota "专职干部" 5 "共设专职干部五人"\n  history {\n    event quota-transferred 2001 {\n      category "人员编制"\n    }\n  }\n}\n'
    spec = orgspec.loads(text)
    quota = spec.bodies[0].quotas[0]
    assert (quota.category, quota.category_label) == (QuotaCategory.OTHER, "专职干部")
    event = spec.bodies[0].history[0]
    assert (event.category, event.category_label) == (QuotaCategory.OTHER, "人员编制")
    assert orgspec.dumps(spec) == text
    # a known term is the category itself, with no words kept beside it
    known = orgspec.loads(text.replace('"专职干部"', '"行政编制"'))
    assert (known.bodies[0].quotas[0].category, known.bodies[0].quotas[0].category_label) == (
        QuotaCategory.ADMINISTRATIVE,
        None,
    )


def test_a_unit_that_states_only_its_name_is_written_without_a_block() -> None:
    text = 'body "某局" {\n  section "办公室"\n}\n'
    assert orgspec.dumps(orgspec.loads(text)) == text


def test_a_chart_names_the_pool_as_the_document_does() -> None:
    spec = orgspec.loads('body "某局" {\n  quota "专职干部" 5\n}\n')
    assert "专职干部\u00a05" in orgspec.render(spec, format="mmd").decode("utf-8")


def test_every_form_of_a_figure_and_a_quota_source_are_written_back() -> None:
    text = (
        'body "某局" {\n'
        '  quota administrative at-most 8 "不超过8名"\n'
        '  quota logistics at-least 2 "至少2名"\n'
        '  quota public-institution between 3 5 "3至5名" {\n'
        '    source "县编办"\n'
        "  }\n"
        '  quota dispatched unreadable "1?" \n'
        '  quota discipline cut-off "1"\n'
        "}\n"
    ).replace(" \n", "\n")
    assert orgspec.dumps(orgspec.loads(text)) == text


def test_dumps_escapes_c1_controls_and_keeps_a_no_break_space() -> None:
    spec = orgspec.loads('body "甲" {\n  note "x"\n}\n')
    body = spec.bodies[0].model_copy(update={"notes": ("a\u0080b", "c\u00a0d", "e\u009fz")})
    text = orgspec.dumps(spec.model_copy(update={"bodies": (body,)}))
    # the C1 controls U+0080-U+009F are written as escapes; U+00A0, printable, as itself
    assert text == 'body "甲" {\n  note "a\\u{80}b"\n  note "c\u00a0d"\n  note "e\\u{9F}z"\n}\n'
    assert orgspec.loads(text).bodies[0].notes == body.notes
