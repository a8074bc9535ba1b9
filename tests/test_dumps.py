"""``orgspec.dumps`` writes every word a spec states: the model keeps the document's words.

``loads(dumps(spec)) == spec`` (tests/test_roundtrip.py) proves that dumps says what the model holds;
these tests prove that the model holds what the text says, judged against the text itself: every
quoted string of a spec in the repository (outside comments) is written again by dumps.
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
SPECS = sorted([*ROOT.glob("specs/**/*.orgspec"), *ROOT.glob("examples/**/*.orgspec")])
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')


def _strings(text: str) -> Counter[str]:
    """The quoted strings of canonical text, comments left out (fmt puts a trailing one after two spaces)."""
    lines = (line.split("  #", 1)[0] for line in text.splitlines() if not line.lstrip().startswith("#"))
    return Counter(s for line in lines for s in _STRING.findall(line))


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.stem)
def test_dumps_writes_every_quoted_word_of_the_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    canonical = format_source(text, path.name).output
    assert canonical is not None
    spec = orgspec.analyze(text, path.name).spec
    assert spec is not None
    lost = _strings(canonical) - _strings(orgspec.dumps(spec))
    assert not lost, f"words the model dropped: {sorted(lost)}"


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
