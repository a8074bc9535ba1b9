"""What a chart shows: plaques, kinds, honest figures, relations without re-parenting, options."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgspec.model.units import Plaque, Post, Quota, Relation, RelationKind, Spec, Unit
from orgspec.model.values import Count, QuotaCategory, Ref, UnitKind
from orgspec.render.chart import ChartError, ChartOptions, build_chart, clean, focus_path, format_count
from orgspec.render.text_metrics import char_width, text_width, wrap, wrap_balanced

from .render_helpers import CASES, SPECS, load_spec


@pytest.fixture(scope="module")
def zhenjiang() -> Spec:
    return load_spec(SPECS / "zhenjiang-fao.orgspec")


@pytest.fixture(scope="module")
def hengyang() -> Spec:
    return load_spec(CASES / "hengyang-like.orgspec")


def _texts(chart_lines: tuple[object, ...]) -> list[str]:
    return [line.text for line in chart_lines]  # type: ignore[attr-defined]


def test_body_shows_plaque_kind_quota_and_posts(zhenjiang: Spec) -> None:
    chart = build_chart(zhenjiang)
    body = chart.nodes[0]
    assert body.kind == "body"
    texts = _texts(body.lines)
    assert texts[0] == "鎮江市人民政府外事辦公室"
    assert texts[1] == "掛鎮江市人民政府港澳事務辦公室牌子"
    assert "工作部門" in texts[2]
    quota = next(t for t, line in zip(texts, body.lines, strict=True) if line.role == "quota")
    assert quota.startswith("機關行政編制\u00a021")
    assert "後勤服務人員編制\u00a0另行核定" in quota
    assert "主任1 副主任3" in quota
    assert "另核監察室主任1" in quota


def test_sections_carry_their_plaques(zhenjiang: Spec) -> None:
    chart = build_chart(zhenjiang)
    by_name = {n.name: n for n in chart.nodes}
    assert _texts(by_name["禮賓新聞處"].lines) == ["禮賓新聞處", "掛涉外管理處牌子"]
    assert by_name["禮賓新聞處"].names == ("禮賓新聞處", "涉外管理處")
    assert by_name["紀檢監察機構"].kind == "discipline-unit"


def test_shared_duty_list_is_its_own_kind_and_joins_its_sections(zhenjiang: Spec) -> None:
    chart = build_chart(zhenjiang)
    shared = [n for n in chart.nodes if n.kind == "shared-duties"]
    assert len(shared) == 1
    assert shared[0].attached
    targets = {e.target for e in chart.edges if e.kind == "shared" and e.source == shared[0].id}
    names = {n.id: n.name for n in chart.nodes}
    assert {names[t] for t in targets} == {"歐美大處", "亞非處"}
    assert any(item.key == "shared-duties" for item in chart.legend)


def test_open_figures_are_never_zero() -> None:
    assert format_count(Count.separately()) == "另行核定"
    assert format_count(Count.unstated()) == "未列明"
    assert format_count(Count.unreadable("365,438+0")) == "365,438+0(?)"
    assert format_count(Count.of(0)) == "0"


def test_quota_label_falls_back_to_the_category(hengyang: Spec) -> None:
    spec = Spec(bodies=(Unit(name="甲", quotas=(Quota(category=QuotaCategory.ADMINISTRATIVE, count=Count.of(3)),)),))
    quota = [line.text for line in build_chart(spec).nodes[0].lines if line.role == "quota"]
    assert quota == ["行政编制\u00a03"]
    body = build_chart(hengyang).nodes[0]
    line = next(x.text for x in body.lines if x.role == "quota")
    assert "工勤人员编制\u00a0365,438+0(?)" in line
    assert "副秘书长\u00a0另行核定" in line


def test_relations_do_not_reparent(hengyang: Spec) -> None:
    chart = build_chart(hengyang)
    by_name = {n.name: n for n in chart.nodes}
    body = by_name["衡阳市人民政府办公室"]
    youxie = by_name["衡阳市人民对外友好协会"]
    assert youxie.parent == body.id  # still under its parent in the tree
    kinds = {(e.kind, chart_name(chart, e.source), chart_name(chart, e.target)) for e in chart.edges}
    assert ("manages", "衡阳市人民政府办公室", "衡阳市人民对外友好协会") in kinds
    assert ("hosts", "中共衡阳市委外事工作委员会办公室", "衡阳市人民政府办公室") in kinds
    assert ("colocated", "衡阳市人民政府办公室", "衡阳市人民政府研究室") in kinds
    external = by_name["中共衡阳市委外事工作委员会办公室"]
    assert external.kind == "external"
    assert external.parent is None
    legend = {item.key for item in chart.legend}
    assert {"hosts", "manages", "colocated", "external", "party-committee", "service-centre"} <= legend
    assert {"public-institution", "discipline-unit", "office"} <= legend


def chart_name(chart: object, node_id: str) -> str:
    return next(n.name for n in chart.nodes if n.id == node_id)  # type: ignore[attr-defined]


def test_relation_stated_on_both_sides_is_drawn_once() -> None:
    a = Unit(name="甲", id="a", relations=(Relation(kind=RelationKind.HOSTS, target=Ref(target="b", by="id")),))
    b = Unit(name="乙", id="b", relations=(Relation(kind=RelationKind.HOSTED_IN, target=Ref(target="a", by="id")),))
    c = Unit(name="丙", id="c", relations=(Relation(kind=RelationKind.COLOCATED, target=Ref(target="a", by="id")),))
    a2 = a.model_copy(
        update={"relations": (*a.relations, Relation(kind=RelationKind.COLOCATED, target=Ref(target="c", by="id")))}
    )
    chart = build_chart(Spec(bodies=(a2, b, c)))
    assert [(e.source, e.target, e.kind) for e in chart.edges] == [("n2", "n1", "hosts"), ("n1", "n3", "colocated")]


def test_depth_limits_levels_and_says_what_is_hidden(hengyang: Spec) -> None:
    chart = build_chart(hengyang, ChartOptions(depth=1))
    units = [n for n in chart.nodes if n.kind != "external"]
    assert len(units) == 1
    assert units[0].lines[-1].text == "另有 26 个下级单位未显示"
    # a relation to a unit that is not shown points at a stub, never re-parents
    assert any(n.name == "衡阳市人民对外友好协会" and n.kind == "external" for n in chart.nodes)


def test_focus_shows_path_to_root_and_subtree(hengyang: Spec) -> None:
    path = focus_path(hengyang, "衡阳市人民政府侨务办公室")  # by plaque
    chart = build_chart(hengyang, ChartOptions(focus=path))
    units = [n.name for n in chart.nodes if n.kind != "external"]
    assert units == ["衡阳市人民政府办公室", "侨务办公室"]
    assert focus_path(hengyang, "qiaoban") == path  # by id
    assert focus_path(hengyang, "侨务办公室") == path  # by name


def test_focus_on_nothing_is_an_error(hengyang: Spec) -> None:
    with pytest.raises(ChartError, match="no unit is named"):
        focus_path(hengyang, "不存在")


def test_hiding_plaques_quotas_and_showing_duties(zhenjiang: Spec) -> None:
    bare = build_chart(zhenjiang, ChartOptions(plaques=False, quotas=False))
    roles = {line.role for n in bare.nodes for line in n.lines}
    assert "plaque" not in roles
    assert "quota" not in roles
    assert "duty" not in roles
    full = build_chart(zhenjiang, ChartOptions(duties=True))
    duties = [line.text for line in full.nodes[0].lines if line.role == "duty"]
    assert len(duties) == 10
    assert duties[0].startswith("1. 貫徹執行")
    assert all(len(d) <= 70 for d in duties)


def test_clean_removes_controls_bidi_and_zero_width() -> None:
    assert clean("a\u202eb\u200bc\u2066d\u2069\ne\tf\x00g") == "abcd e f g"
    assert clean("  x  ") == "x"


def test_plaque_form_is_kept() -> None:
    unit = Unit(name="甲", plaques=(Plaque(name="乙", form="加挂"), Plaque(name="丙")))
    lines = [line.text for line in build_chart(Spec(bodies=(unit,))).nodes[0].lines]
    assert lines[1:3] == ["加挂乙牌子", "挂丙牌子"]


def test_posts_without_number() -> None:
    unit = Unit(name="甲", posts=(Post(title="主任", count=Count.unstated()),))
    lines = [line.text for line in build_chart(Spec(bodies=(unit,))).nodes[0].lines]
    assert lines[-1] == "主任\u00a0未列明"


@pytest.mark.parametrize(
    ("ch", "width"), [("中", 1.0), ("，", 1.0), ("Ａ", 1.0), ("a", 0.6), ("1", 0.6), ("\u200b", 0.0), ("\u0301", 0.0)]
)
def test_char_widths(ch: str, width: float) -> None:
    assert char_width(ch) == width


def test_wrap_keeps_lines_within_width_and_loses_nothing() -> None:
    text = "承擔全市因公出國(境)工作的歸口管理、協調服務和監督工作。協調平衡各轄市區和市直部門出訪、來訪計畫"
    lines = wrap(text, 10)
    assert "".join(lines) == text
    assert all(text_width(line) <= 10 for line in lines)
    assert not any(line[0] in "、。，" for line in lines)


def test_wrap_prefers_spaces_between_items() -> None:
    lines = wrap("行政编制\u00a075\u00a0· 工勤编制\u00a0另行核定\u00a0· 主任1 副主任3", 16)
    assert all(not line.startswith(("·", " ")) for line in lines)
    assert " ".join(lines).replace("  ", " ") == "行政编制\u00a075\u00a0· 工勤编制\u00a0另行核定\u00a0· 主任1 副主任3"


def test_kind_of_unknown_unit_is_other() -> None:
    spec = Spec(bodies=(Unit(name="甲", units=(Unit(name="乙", kind=UnitKind.OTHER),)),))
    assert build_chart(spec).nodes[1].kind == "other"


def test_titles_and_plaques_not_in_chinese_read_as_words() -> None:
    unit = Unit(
        name="Office",
        plaques=(Plaque(name="Duty Room", form="plus … brand"), Plaque(name="Archive")),
        posts=(Post(title="director", count=Count.of(1)),),
    )
    lines = [line.text for line in build_chart(Spec(bodies=(unit,))).nodes[0].lines]
    assert lines == ["Office", "(plus … brand) Duty Room", "(plaque) Archive", "director\u00a01"]


def test_balanced_wrap_leaves_no_lone_character() -> None:
    from orgspec.render.text_metrics import wrap_balanced

    text = "市委外事工作委員會辦公室"
    assert wrap(text, 11) == ["市委外事工作委員會辦公", "室"]
    lines = wrap_balanced(text, 11)
    assert len(lines) == 2
    assert "".join(lines) == text
    assert min(len(line) for line in lines) >= 5


def test_latin_words_are_not_broken_when_a_space_allows() -> None:
    assert wrap("Social Development Section", 11) == ["Social Development", "Section"]
    assert wrap_balanced("Social Development Section", 11) == ["Social Development", "Section"]
    assert wrap("Administration Section", 11) == ["Administration", "Section"]


@settings(max_examples=200)
@given(st.text(max_size=80), st.floats(min_value=1.0, max_value=30.0))
def test_wrap_loses_nothing_but_spaces_and_keeps_width(text: str, width: float) -> None:
    from orgspec.render.text_metrics import wrap_balanced

    for fold in (wrap, wrap_balanced):
        lines = fold(text, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        for line in lines:
            # a line is no wider than asked, unless it holds one or two characters that cannot be split
            assert text_width(line) <= width + 1e-9 or len(line.strip(" ")) <= 2, (line, width)


def test_balanced_wrap_does_not_cut_words() -> None:
    from orgspec.render.text_metrics import wrap_balanced

    assert wrap_balanced("Administration Section", 11) == ["Administration", "Section"]
    assert wrap_balanced("foreign-related subjects", 11) == ["foreign-related", "subjects"]


def test_coordinating_body_shows_its_members_by_role() -> None:
    from orgspec.api import load

    from .conftest import EXAMPLES

    chart = build_chart(load(EXAMPLES / "leading-group.orgspec"))
    members = [line.text for line in chart.nodes[0].lines if line.role == "quota"]
    assert members == [
        "组长 州外办主任\u00a0· 副组长 州外办副主任、乡人大主席、村委会主任\u00a0· 成员 州外办秘书科部分干部、边境科部分干部"
    ]
    assert "杨国胜" not in members[0]  # posts, not persons


def test_render_package_layering() -> None:
    """Making text is pure: only graphviz_run and fonts start a process; nothing imports the CLI or the parser."""
    import ast
    from pathlib import Path

    import orgspec.render

    for path in Path(orgspec.render.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                imported.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
        assert not any(i.startswith(("orgspec.cli", "orgspec.syntax", "lark")) for i in imported), path
        if path.name not in ("graphviz_run.py", "fonts.py"):
            assert "subprocess" not in imported, path
            assert "shutil" not in imported, path
