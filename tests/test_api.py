"""The Python API: the two doors, queries, and the model's honesty about figures."""

from __future__ import annotations

import orgspec
from orgspec import Count, CountStatus, QuotaCategory, UnitKind

from .conftest import SPECS

ZJ = SPECS / "zhenjiang-fao.orgspec"


def test_load_and_query_zhenjiang() -> None:
    spec = orgspec.load(ZJ)
    (body,) = spec.bodies
    assert body.name == "鎮江市人民政府外事辦公室"
    assert body.kind is UnitKind.WORKING_DEPARTMENT
    assert body.kind_label == "工作部門"
    sections = [u for u in body.walk() if u.kind is UnitKind.SECTION]
    assert len(sections) == 6
    # find by plaque, by name and by id
    assert spec.find("鎮江市人民政府港澳事務辦公室") is body
    assert spec.find("港澳事務處") is spec.find("投資促進處")
    assert spec.find("renshi") is not None
    assert [u.name for u in spec.find_all("處")][:2] == ["人事秘書處", "出國來華管理處"]


def test_quotas_keep_open_figures_apart_from_zero() -> None:
    body = orgspec.load(ZJ).bodies[0]
    admin = body.quota("administrative")
    assert admin is not None
    assert admin.count == Count.of(21)
    (part,) = admin.parts
    assert part.count.status is CountStatus.UNSTATED
    logistics = body.quota(QuotaCategory.LOGISTICS)
    assert logistics is not None
    assert logistics.count.status is CountStatus.SEPARATELY
    assert not logistics.count.known


def test_totals_by_category() -> None:
    spec = orgspec.loads(
        """body "A" {
  quota administrative 5
  section "B" { duties { duty "x" }; quota administrative 2 }
  section "C" { duties { duty "y" }; quota logistics separately }
}"""
    )
    totals = spec.totals()
    assert totals[QuotaCategory.ADMINISTRATIVE] == Count.of(7)
    assert totals[QuotaCategory.LOGISTICS].status is CountStatus.SEPARATELY


def test_check_never_raises_and_loads_raises() -> None:
    assert orgspec.check_text("}{ nonsense") != []
    assert orgspec.check(ZJ) == []


def test_model_built_in_python_equals_parsed_model() -> None:
    built = orgspec.Spec(
        bodies=(
            orgspec.Unit(
                name="外事辦",
                quotas=(orgspec.Quota(category=QuotaCategory.ADMINISTRATIVE, count=Count.of(3)),),
                units=(orgspec.Unit(name="秘書處", duties=(orgspec.Duty(text="負責"),)),),
            ),
        )
    )
    parsed = orgspec.loads(
        'body "外事辦" {\n  section "秘書處" { duties { duty "負責" } }\n  quota administrative 3\n}'
    )
    assert parsed == built
    assert orgspec.loads(orgspec.dumps(built)) == built


def test_analysis_exposes_source_positions() -> None:
    analysis = orgspec.analyze(ZJ.read_text(encoding="utf-8"), str(ZJ))
    span = analysis.built.source_map["/bodies/0/quotas/0/count"]
    assert span is not None
    assert analysis.built.source.text[span.start : span.end] == "21"
