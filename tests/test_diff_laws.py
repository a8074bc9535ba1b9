"""Laws of the diff, property-tested on generated specs and edited copies of them."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from orgspec.model import Count, Duty, Quota, QuotaCategory, Spec, Unit
from orgspec.reorg import apply, diff, invert
from orgspec.reorg.ops import QuotaChanged

from .strategies import spec_pairs, specs

ORDER_ONLY = ("reorder", "duties-reordered")


@settings(max_examples=20)
@given(specs())
def test_diff_of_a_spec_with_itself_is_empty(a: Spec) -> None:
    d = diff(a, a)
    assert d.operations == ()
    assert d.empty


@settings(max_examples=30)
@given(spec_pairs())
def test_apply_diff_gives_the_new_spec(pair: tuple[Spec, Spec]) -> None:
    a, b = pair
    assert apply(a, diff(a, b)) == b


@settings(max_examples=30)
@given(spec_pairs())
def test_apply_inverse_gives_the_old_spec(pair: tuple[Spec, Spec]) -> None:
    a, b = pair
    assert apply(b, invert(diff(a, b))) == a


@settings(max_examples=25)
@given(specs(), specs())
def test_apply_and_invert_hold_between_unrelated_specs(a: Spec, b: Spec) -> None:
    d = diff(a, b)
    assert apply(a, d) == b
    assert apply(b, invert(d)) == a


@settings(max_examples=25)
@given(st.one_of(spec_pairs(), st.tuples(specs(), specs())))
def test_the_diff_accounts_for_every_quota_and_post(pair: tuple[Spec, Spec]) -> None:
    # the operations carry every change of a figure: totals never fail to reconcile
    a, b = pair
    codes = {n.code for n in diff(a, b).notes}
    assert not codes & {"quota-unreconciled", "posts-unreconciled"}


#: Few texts, so that a list states one twice and two units share one; a number or none.
_FEW_DUTIES = st.builds(
    Duty, text=st.sampled_from(["负责甲。", "负责乙。", "负责丙。"]), number=st.none() | st.integers(1, 3)
)
_FEW_POOLS = st.builds(
    Quota,
    category=st.sampled_from([QuotaCategory.OTHER, QuotaCategory.ADMINISTRATIVE]),
    count=st.integers(0, 3).map(Count.of),
    category_label=st.sampled_from(["专职干部", "人员编制", "專職幹部"]),
).map(lambda q: q if q.category is QuotaCategory.OTHER else q.model_copy(update={"category_label": None}))


@st.composite
def _two_bodies(draw: st.DrawFn) -> Spec:
    def body(uid: str, name: str) -> Unit:
        return Unit(
            name=name,
            id=uid,
            duties=tuple(draw(st.lists(_FEW_DUTIES, max_size=4))),
            quotas=tuple(draw(st.lists(_FEW_POOLS, max_size=2, unique_by=lambda q: (q.category, q.category_label)))),
        )

    return Spec(bodies=(body("a", "甲局"), body("b", "乙局")))


@st.composite
def _few_edits(draw: st.DrawFn, a: Spec) -> Spec:
    """Return ``a`` with each body's duties edited as reforms do: one stated again, one gone, one come, put in
    another order; its quotas drawn anew (so a pool may be named in other words); 乙局 perhaps abolished."""
    bodies = []
    for unit in a.bodies:
        if unit.id == "b" and draw(st.booleans()):
            continue  # abolished: its duties go to the other body where it has them, or nowhere
        ds = list(unit.duties)
        if ds and draw(st.booleans()):
            ds.insert(draw(st.integers(0, len(ds))), ds[draw(st.integers(0, len(ds) - 1))])
        if ds and draw(st.booleans()):
            ds.pop(draw(st.integers(0, len(ds) - 1)))
        if draw(st.booleans()):
            ds.insert(draw(st.integers(0, len(ds))), draw(_FEW_DUTIES))
        ds = list(draw(st.permutations(ds)))
        quotas = draw(st.lists(_FEW_POOLS, max_size=2, unique_by=lambda q: (q.category, q.category_label)))
        bodies.append(unit.model_copy(update={"duties": tuple(ds), "quotas": tuple(quotas)}))
    return Spec(bodies=tuple(bodies))


@settings(max_examples=150)
@given(_two_bodies().flatmap(lambda a: st.tuples(st.just(a), _few_edits(a) | _two_bodies())))
def test_lists_of_few_duties_and_pools_apply_both_ways(pair: tuple[Spec, Spec]) -> None:
    # two bodies whose duties are drawn from three texts (stated twice, renumbered, moved from one
    # body to the other, put in another order) and whose quotas from a few pools: both laws hold,
    # and a quota changes only within its pool
    a, b = pair
    d = diff(a, b)
    assert apply(a, d) == b
    assert apply(b, invert(d)) == a
    for op in d.operations:
        if isinstance(op, QuotaChanged) and op.before is not None and op.after is not None:
            assert _POOL[op.before.category_label] == _POOL[op.after.category_label]


#: The pools the strategies name in the document's words, each to its folded form (written here, not computed).
_POOL = {None: None, "专职干部": "专职干部", "專職幹部": "专职干部", "人员编制": "人员编制"}


@settings(max_examples=40)
@given(spec_pairs())
def test_a_quota_changes_only_within_its_pool(pair: tuple[Spec, Spec]) -> None:
    # a pool of no known category is the one the document's words name: 专职干部 never changes into
    # 人员编制 (one goes and the other comes), while 專職幹部 is 专职干部 in the other script
    a, b = pair
    for op in diff(a, b).operations:
        if isinstance(op, QuotaChanged) and op.before is not None and op.after is not None:
            assert op.before.category == op.after.category == op.category
            assert _POOL[op.before.category_label] == _POOL[op.after.category_label]


def _reverse_siblings(spec: Spec) -> Spec:
    def rev(units: tuple[Unit, ...]) -> tuple[Unit, ...]:
        return tuple(u.model_copy(update={"units": rev(u.units)}) for u in reversed(units))

    return spec.model_copy(update={"bodies": rev(spec.bodies)})


#: Fields that give a position among siblings: reversing the siblings changes them, and nothing else.
POSITIONS = ("index", "index_before", "index_after")


def _unordered(ops: object) -> list[str]:
    out = []
    for op in ops:  # type: ignore[attr-defined]
        if op.op in ORDER_ONLY:
            continue
        data = {k: v for k, v in op.model_dump(mode="json").items() if k not in POSITIONS}
        out.append(json.dumps(data, sort_keys=True, ensure_ascii=False))
    return sorted(out)


def _has_ids_everywhere(spec: Spec) -> bool:
    return all(u.id is not None for u in spec.walk())


def _has_two_siblings(spec: Spec) -> bool:
    return len(spec.bodies) >= 2 or any(len(u.units) >= 2 for u in spec.walk())


@settings(max_examples=25)
@given(spec_pairs(all_ids=True, min_bodies=2, min_children=2, lean=True))
def test_the_changes_do_not_depend_on_sibling_order(pair: tuple[Spec, Spec]) -> None:
    # sibling order only decides ties between units that have no id and share a name: with an id
    # on every unit, reversing every list of siblings on both sides changes no operation but reorders
    a, b = pair
    assert _has_ids_everywhere(a)
    assert _has_ids_everywhere(b)
    assert _has_two_siblings(a)
    assert _unordered(diff(a, b).operations) == _unordered(diff(_reverse_siblings(a), _reverse_siblings(b)).operations)


@settings(max_examples=20)
@given(specs(min_bodies=1), st.data())
def test_with_ids_a_rename_is_one_rename(a: Spec, data: st.DataObject) -> None:
    # any unit, with the id it has or a new one (ids stay unique), renamed: one rename, nothing else
    unit = data.draw(st.sampled_from(list(a.walk())))
    if unit.id is None:
        a = _map_unit(a, unit, lambda u: u.model_copy(update={"id": "picked"}))
        unit = unit.model_copy(update={"id": "picked"})
    b = _map(a, unit.id, lambda u: u.model_copy(update={"name": u.name + "新"}))
    ops = [op.op for op in diff(a, b).operations]
    assert ops == ["rename"]


@settings(max_examples=20)
@given(specs(max_depth=2, min_bodies=2, min_children=1, lean=True), st.data())
def test_with_ids_moving_a_subtree_is_one_move(a: Spec, data: st.DataObject) -> None:
    a = _give_ids(a)
    movable = [u for b in a.bodies for u in b.units]
    unit = data.draw(st.sampled_from(movable))
    target = data.draw(st.sampled_from([b for b in a.bodies if unit not in b.units]))
    removed = _map(a, unit.id, None)
    b = _map(removed, target.id, lambda t: t.model_copy(update={"units": (*t.units, unit)}))
    ops = [op.op for op in diff(a, b).operations if op.op not in ORDER_ONLY]
    assert ops == ["move"]


def _give_ids(spec: Spec) -> Spec:
    counter = iter(range(1_000_000))

    def fix(units: tuple[Unit, ...]) -> tuple[Unit, ...]:
        return tuple(u.model_copy(update={"id": f"g{next(counter)}", "units": fix(u.units)}) for u in units)

    return spec.model_copy(update={"bodies": fix(spec.bodies)})


def _map_unit(spec: Spec, unit: Unit, fn: object) -> Spec:
    """Return ``spec`` with ``fn`` applied to the unit that is ``unit`` (the same object)."""

    def fix(units: tuple[Unit, ...]) -> tuple[Unit, ...]:
        out = []
        for u in units:
            changed = fn(u) if u is unit else u  # type: ignore[operator]
            out.append(changed.model_copy(update={"units": fix(changed.units)}))
        return tuple(out)

    return spec.model_copy(update={"bodies": fix(spec.bodies)})


def _map(spec: Spec, unit_id: str | None, fn: object) -> Spec:
    def fix(units: tuple[Unit, ...]) -> tuple[Unit, ...]:
        out: list[Unit] = []
        for u in units:
            if u.id == unit_id:
                if fn is None:
                    continue
                changed = fn(u)  # type: ignore[operator]
            else:
                changed = u
            out.append(changed.model_copy(update={"units": fix(changed.units)}))
        return tuple(out)

    return spec.model_copy(update={"bodies": fix(spec.bodies)})
