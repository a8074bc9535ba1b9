"""Golden outputs of the diff for every fixture pair, in every format, and the CLI's behaviour."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
from pathlib import Path

import jsonschema
import pytest

import orgspec
from orgspec.cli.main import main
from orgspec.reorg import Diff, apply, diff, invert
from orgspec.reorg.render_text import render_text
from orgspec.reorg.render_zh import render_zh

from .conftest import FIXTURES, GOLDEN, golden

CASES = sorted(p for p in (FIXTURES / "diff").iterdir() if (p / "old.orgspec").exists())
FORMATS = {"text": "txt", "json": "json", "markdown": "md", "zh": "zh.txt"}


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def _rel(path: Path) -> str:
    return os.path.relpath(path, Path.cwd())


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_golden_output(
    case: Path, fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(case)
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, _ = _run(["diff", "old.orgspec", "new.orgspec", "--format", fmt], capsys)
    assert code == 0
    golden(GOLDEN / "diff" / case.name / f"diff.{FORMATS[fmt]}", out)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_fixture_pairs_apply_and_invert(case: Path) -> None:
    a = orgspec.load(case / "old.orgspec")
    b = orgspec.load(case / "new.orgspec")
    d = diff(a, b)
    assert apply(a, d) == b
    assert apply(b, invert(d)) == a


@functools.cache
def _diff_schema() -> jsonschema.protocols.Validator:
    """Return a validator for the schema ``orgspec schema --diff`` prints (built once: it is slow)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["schema", "--diff"]) == 0
    schema = json.loads(out.getvalue())
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_json_output_follows_the_schema(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["diff", str(case / "old.orgspec"), str(case / "new.orgspec"), "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    _diff_schema().validate(data)
    assert data["version"] == 1
    assert Diff.model_validate(data).operations


def test_every_operation_kind_is_covered_by_a_fixture() -> None:
    seen = set()
    for case in CASES:
        a = orgspec.load(case / "old.orgspec")
        b = orgspec.load(case / "new.orgspec")
        seen |= {op.op for op in diff(a, b).operations}
    wanted = {
        "establish",
        "abolish",
        "demote-to-plaque",
        "rename",
        "move",
        "merge",
        "absorb",
        "split",
        "plaque-added",
        "plaque-removed",
        "duty-transferred",
        "duty-added",
        "duty-cancelled",
        "duty-reworded",
        "quota-changed",
        "quota-transferred",
        "posts-changed",
        "posts-transferred",
        "kind-changed",
        "rank-changed",
    }
    assert wanted - seen == set()


def test_both_kinds_of_move_are_covered_by_a_fixture() -> None:
    kinds = set()
    for case in CASES:
        for op in diff(orgspec.load(case / "old.orgspec"), orgspec.load(case / "new.orgspec")).operations:
            if op.op == "move":
                kinds.add("parent" if op.parent_before != op.parent_after else "superior")  # type: ignore[union-attr]
    assert kinds == {"parent", "superior"}


def test_identity_comes_from_declared_history(capsys: pytest.CaptureFixture[str]) -> None:
    case = FIXTURES / "diff" / "jiangxi-rename-declared"
    d = diff(orgspec.load(case / "old.orgspec"), orgspec.load(case / "new.orgspec"))
    renames = [op for op in d.operations if op.op == "rename"]
    assert [(op.established_by, op.before, op.after) for op in renames] == [  # type: ignore[union-attr]
        ("declared", "江西省人民政府外事侨务办公室", "江西省人民政府外事办公室")
    ]


def test_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    case = FIXTURES / "diff" / "zhenjiang-reorg"
    old, new = str(case / "old.orgspec"), str(case / "new.orgspec")
    assert _run(["diff", old, old, "--exit-code"], capsys)[0] == 0
    assert _run(["diff", old, new, "--exit-code"], capsys)[0] == 1
    assert _run(["diff", old, new], capsys)[0] == 0
    code, _, err = _run(["diff", old, str(tmp_path / "missing.orgspec"), "--exit-code"], capsys)
    assert code == 2
    assert "Traceback" not in err
    bad = tmp_path / "bad.orgspec"
    bad.write_text('body "x" {', encoding="utf-8")
    assert _run(["diff", old, str(bad)], capsys)[0] == 2
    assert _run(["diff", old], capsys)[0] == 2
    assert _run(["diff", old, "--from", "2018"], capsys)[0] == 2
    assert _run(["diff", old, "--from", "2018-13", "--to", "2019"], capsys)[0] == 2


def test_colour_only_when_asked(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    case = FIXTURES / "diff" / "zhenjiang-reorg"
    argv = ["diff", str(case / "old.orgspec"), str(case / "new.orgspec")]
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in _run(argv, capsys)[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in _run(argv, capsys)[1]


def test_markdown_is_cut_below_the_limit() -> None:
    from orgspec.model import Duty, Spec, Unit
    from orgspec.reorg.render_markdown import render_markdown

    old = Spec(bodies=(Unit(name="甲"),))
    new = Spec(
        bodies=(
            Unit(
                name="甲",
                units=tuple(
                    Unit(name=f"处{i}", duties=(Duty(text="负责" + "很长的职责" * 40 + str(i)),)) for i in range(600)
                ),
            ),
        )
    )
    text = render_markdown(diff(old, new))
    assert len(text) < 60_000
    assert "more changed units left out" in text
    assert text.count("<details>") == text.count("</details>")


def test_the_candidate_limit_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    case = FIXTURES / "diff" / "zhenjiang-reorg"
    code, out, _ = _run(["diff", str(case / "old.orgspec"), str(case / "new.orgspec"), "--limit", "3"], capsys)
    assert code == 0
    assert "candidate-limit" in out
    assert "\npossible rename " not in out


def test_the_examples_in_the_docs_are_current(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "diff.md").read_text(encoding="utf-8")
    monkeypatch.chdir(FIXTURES / "diff" / "jiangxi-rename-declared")
    monkeypatch.setenv("NO_COLOR", "1")
    for fmt in ("text", "markdown", "zh"):
        code, out, _ = _run(["diff", "old.orgspec", "new.orgspec", "--format", fmt], capsys)
        assert code == 0
        assert out.rstrip("\n") in page, fmt


def test_a_kind_or_rank_that_appears_or_goes_reads_none() -> None:
    from orgspec.model import Spec, Unit, UnitKind
    from orgspec.reorg.render_text import render_text

    old = Spec(bodies=(Unit(name="甲", kind=UnitKind.SECTION),))
    new = Spec(bodies=(Unit(name="甲", rank="处级"),))
    text = render_text(diff(old, new))
    assert "kind: section → (none)" in text
    assert "rank: (none) → 处级" in text
    assert "None" not in text


def test_merge_absorb_and_split_carry_the_share_of_duties_that_moved() -> None:
    case = FIXTURES / "diff" / "zhenjiang-reorg"
    d = diff(orgspec.load(case / "old.orgspec"), orgspec.load(case / "new.orgspec"))
    derived = {op.op: op for op in d.operations if op.op in ("merge", "absorb", "split")}
    assert {k: (op.established_by, op.score) for k, op in derived.items()} == {
        "merge": ("inferred", 1.0),
        "absorb": ("inferred", 1.0),
        "split": ("inferred", 1.0),
    }
    # one of two duties moved: the absorb is reported with score 0.5 and a note for the other
    old = orgspec.loads(
        'body "甲局" {\n  section "一处" {\n    duties {\n      duty "负责一处工作。"\n'
        '      duty "负责特别工作。"\n    }\n  }\n  section "二处"\n}\n'
    )
    new = orgspec.loads('body "甲局" {\n  section "二处" {\n    duties {\n      duty "负责一处工作。"\n    }\n  }\n}\n')
    half = diff(old, new)
    assert [(op.op, op.score) for op in half.operations if op.op == "absorb"] == [("absorb", 0.5)]
    assert "absorbed 一处 (score 0.50)" in render_text(half)
    assert [n.code for n in half.notes] == ["duty-unaccounted"]
    assert [(op.op, op.score) for op in invert(half).operations if op.op == "split"] == [("split", 0.5)]


def test_colour_on_a_terminal_and_none_when_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    case = FIXTURES / "diff" / "zhenjiang-reorg"
    argv = ["diff", str(case / "old.orgspec"), str(case / "new.orgspec")]
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for stream, coloured in ((Terminal(), True), (io.StringIO(), False)):
        monkeypatch.setattr(sys, "stdout", stream)
        assert main(argv) == 0
        assert ("\x1b[" in stream.getvalue()) is coloured
    monkeypatch.setenv("NO_COLOR", "1")
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(argv) == 0
    assert "\x1b[" not in terminal.getvalue()


def test_identity_is_declared_by_a_successor_establishment() -> None:
    """Successor-of: a unit established or re-established ``from`` an old unit is that unit, reconstituted.

    在X基础上组建Y: one operation that says Y was built on X and X is no longer kept, not a rename.
    """
    old = orgspec.loads('body "徐州市外事办公室" {\n  duties {\n    duty "负责外事工作。"\n  }\n}\n')
    new_text = (
        'body "徐州市人民政府外事办公室" {\n'
        "  history {\n"
        "    event KIND 2010-06-01 {\n"
        '      from "徐州市外事办公室"\n'
        "    }\n"
        "  }\n"
        "  duties {\n"
        '    duty "统筹全市对外交流工作。"\n'
        "  }\n"
        "}\n"
    )
    for kind in ("reestablished", "established"):
        d = diff(old, orgspec.loads(new_text.replace("KIND", kind)))
        assert [(op.op, op.established_by) for op in d.operations if op.op in ("rename", "reconstitute")] == [
            ("reconstitute", "declared")
        ]
        assert not [op for op in d.operations if op.op in ("establish", "abolish")]
        assert render_zh(d).splitlines()[0] == (
            "1. 在徐州市外事办公室基础上组建徐州市人民政府外事办公室，不再保留徐州市外事办公室。"
        )
        assert orgspec.apply(old, d) == orgspec.loads(new_text.replace("KIND", kind))
    # Without the declaration the two names are different units: no rename is asserted.
    plain = new_text.replace("KIND", "reestablished").replace('      from "徐州市外事办公室"\n', "")
    d = diff(old, orgspec.loads(plain))
    assert not [op for op in d.operations if op.op == "rename"]
