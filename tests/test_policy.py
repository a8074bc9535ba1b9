"""Policy packs (OS801): rules as data with their basis, off by default, on through config or --policy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import orgspec
from orgspec.api import analyze
from orgspec.cli.main import main
from orgspec.policy import PolicyError, bundled_packs, load_pack, resolve_pack

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "reference"

SECTION = """\
body "某局" {
  section-duties-unstated
  section "综合处" {
    rank "处级"
    quota administrative QUOTA
    posts { post "处长" 1; post "副处长" 2 }
  }
}
"""


def _policy(text: str, *names: str) -> list[orgspec.Diagnostic]:
    packs = [load_pack(str(resolve_pack(n))) for n in names]
    return [d for d in analyze(text, "t.orgspec", policy=packs).diagnostics if d.code == "OS801"]


def test_bundled_packs_are_listed() -> None:
    assert bundled_packs() == ["r5-leadership-ratios", "r6-subdistrict-model"]


def test_policy_is_off_by_default() -> None:
    assert not [d for d in orgspec.check_text(SECTION.replace("QUOTA", "4"), "t.orgspec") if d.code == "OS801"]


@pytest.mark.parametrize(("quota", "allowed"), [(4, 1), (5, 2), (10, 2), (11, 3)])
def test_r5_bands_follow_the_reference(quota: int, allowed: int) -> None:
    # 干部编制在四人以内的配备一名;五至十人的可配备二名;十一名以上的可配备三名: three posts stated
    found = _policy(SECTION.replace("QUOTA", str(quota)), "r5-leadership-ratios")
    if allowed >= 3:
        assert found == []
    else:
        assert [d.line for d in found] == [6]
        assert f"allows {allowed} for its administrative quota of {quota}" in found[0].message
        assert "rule R5-1.2 of policy r5-leadership-ratios" in found[0].message
        assert found[0].hint is not None
        assert "干部编制在四人以内的配备一名" in found[0].hint
        assert [r.message for r in found[0].related] == ["the quota the rule measures"]


def test_r5_second_level_rules_apply_in_a_public_institution() -> None:
    text = SECTION.replace('body "某局" {', 'body "某局信息中心" {\n  kind public-institution').replace(
        "quota administrative QUOTA", "quota public-institution 7"
    )
    found = _policy(text, "r5-leadership-ratios")
    assert len(found) == 1
    assert "rule R5-2.2" in found[0].message
    assert "allows 1" in found[0].message


def test_a_section_without_a_stated_rank_is_not_measured() -> None:
    assert _policy(SECTION.replace('    rank "处级"\n', "").replace("QUOTA", "4"), "r5-leadership-ratios") == []


def test_a_deputy_rank_is_not_the_rank_of_the_rule() -> None:
    assert _policy(SECTION.replace('"处级"', '"副处级"').replace("QUOTA", "4"), "r5-leadership-ratios") == []


def test_r6_sections_and_logistics_share() -> None:
    sections = "\n".join(f'  section "第{n}科"' for n in range(1, 9))
    text = f'body "某街道辦事處" {{\n  section-duties-unstated\n  quota administrative 20 {{ includes logistics 3 "后勤3名" }}\n{sections}\n}}\n'
    found = _policy(text, "r6-subdistrict-model")
    assert [(d.line, d.message.split(";")[1].strip()) for d in found] == [
        (1, "rule R6-sections of policy r6-subdistrict-model allows at most 7"),
        (3, "rule R6-logistics of policy r6-subdistrict-model allows 2 (10%)"),
    ]
    fewer = text.replace('  section "第8科"\n', "").replace("logistics 3", "logistics 2")
    assert _policy(fewer, "r6-subdistrict-model") == []


def test_a_policy_finding_can_be_suppressed_with_a_reason() -> None:
    text = SECTION.replace("QUOTA", "4").replace(
        '    posts { post "处长" 1; post "副处长" 2 }',
        '    # orgspec: ignore[OS801] the 处 was given an extra post by decision\n    posts { post "处长" 1; post "副处长" 2 }',
    )
    assert _policy(text, "r5-leadership-ratios") == []


@pytest.mark.parametrize("name", ["r5-leadership-ratios", "r6-subdistrict-model"])
def test_bundled_bases_quote_the_reference_texts(name: str) -> None:
    if not REFERENCE.is_dir():
        pytest.skip("the shared corpus is not beside the repository")
    texts = "".join(p.read_text(encoding="utf-8") for p in REFERENCE.glob("*.txt"))
    for rule in load_pack(str(resolve_pack(name))).rules:
        for quoted in re.split(r" … ", rule.basis):
            assert quoted in texts, (rule.id, quoted)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('id="x"\nsource="s"\n[[rules]]\nid="a"\nmeasure="posts"\nbasis="b"\n', "rules[0]: a posts rule needs bands"),
        (
            'id="x"\nsource="s"\n[[rules]]\nid="a"\nmeasure="sections"\nbasis="b"\n',
            "rules[0]: a sections rule needs max",
        ),
        ('id="x"\nsource="s"\n[[rules]]\nid="a"\nmeasure="sections"\nmax=3\n', "rules[0].basis: Field required"),
        ('id="x"\nsource="s"\n[[rules]]\nid="a"\nmeasure="sections"\nmax=3\nbasis="b"\nlimit=2\n', "rules[0].limit"),
        (
            'id="x"\nsource="s"\n[[rules]]\nid="a"\nmeasure="posts"\nbasis="b"\nbands=[{upto=4,max=1},{upto=2,max=2},{max=3}]\n',
            "upto must increase",
        ),
    ],
)
def test_a_wrong_pack_is_refused_with_the_key(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "p.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(PolicyError, match=re.escape(message)):
        load_pack(str(path))


SPEC = SECTION.replace("QUOTA", "4")


def _cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--format", "concise", "--no-cache", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_policy_flag_and_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.orgspec").write_text(SPEC, encoding="utf-8")
    code, out, _ = _cli(tmp_path, capsys, "a.orgspec")
    assert (code, out) == (0, "")
    code, out, _ = _cli(tmp_path, capsys, "a.orgspec", "--policy", "r5-leadership-ratios")
    assert code == 0
    assert out.startswith("a.orgspec:6:")
    assert "OS801 warning" in out
    (tmp_path / "orgspec.toml").write_text('policy = ["r5-leadership-ratios"]\n', encoding="utf-8")
    code, out, _ = _cli(tmp_path, capsys, "a.orgspec")
    assert "OS801" in out
    code, out, _ = _cli(tmp_path, capsys, "a.orgspec", "--isolated")
    assert out == ""


def test_cli_refuses_an_unknown_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.orgspec").write_text(SPEC, encoding="utf-8")
    code, _, err = _cli(tmp_path, capsys, "a.orgspec", "--policy", "r9-nothing")
    assert code == 2
    assert "no bundled policy pack 'r9-nothing'" in err
    (tmp_path / "orgspec.toml").write_text('policy = ["r9"]\n', encoding="utf-8")
    (tmp_path / ".git").mkdir()
    code, _, err = _cli(tmp_path, capsys, "a.orgspec")
    assert code == 2
    assert "orgspec.toml:1: policy[0]: no bundled policy pack 'r9'" in err


def test_the_result_cache_tells_policies_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ORGSPEC_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "a.orgspec").write_text(SPEC, encoding="utf-8")
    pack = tmp_path / "mine.toml"
    pack.write_text(
        'id="mine"\nsource="test"\n[[rules]]\nid="M1"\nmeasure="posts"\nbasis="b"\nbands=[{max=LIMIT}]\n'.replace(
            "LIMIT", "1"
        ),
        encoding="utf-8",
    )
    runs = []
    for args in (["a.orgspec"], ["a.orgspec", "--policy", "mine.toml"]):
        main(["check", "--format", "concise", *args])
        runs.append(capsys.readouterr()[0])
    load_pack.cache_clear()
    pack.write_text(pack.read_text(encoding="utf-8").replace("max=1", "max=5"), encoding="utf-8")
    main(["check", "--format", "concise", "a.orgspec", "--policy", "mine.toml"])
    runs.append(capsys.readouterr()[0])
    assert ["M1" in r for r in runs] == [False, True, False]
