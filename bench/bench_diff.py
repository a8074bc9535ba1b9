"""Benchmark: diff of two generated specs of N units with 10% of them changed.

Yardstick, measured in the same run: a plain comparison of the same data as
Python dictionaries (each unit dumped to a dict beforehand, keyed by id,
compared as dicts); the time to dump the models is shown apart. The diff is
timed twice: on the generated pair, which shares every unchanged unit object,
and on copies of it that share none (as two parsed files). Prints a small
table with seconds and the ratio to the yardstick.

    python bench/bench_diff.py            # 100,000 units
    python bench/bench_diff.py --quick    # 10,000 units
"""

from __future__ import annotations

import argparse
import random
import time
from typing import Any

from orgspec.model import Count, Duty, Quota, QuotaCategory, Spec, Unit, UnitKind
from orgspec.reorg import apply, diff


def make(n: int, seed: int = 7) -> Spec:
    """Return a spec of ``n`` units: bodies of 99 sections each, every unit with an id and duties."""
    rng = random.Random(seed)
    bodies = []
    made = 0
    b = 0
    while made < n:
        sections = []
        for s in range(min(99, n - made - 1)):
            sections.append(
                Unit(
                    name=f"第{b}局第{s}处",
                    id=f"b{b}s{s}",
                    kind=UnitKind.SECTION,
                    duties=(Duty(text=f"负责{b}-{s}的{rng.choice('甲乙丙丁')}工作。"),),
                )
            )
        bodies.append(
            Unit(
                name=f"第{b}局",
                id=f"b{b}",
                kind=UnitKind.WORKING_DEPARTMENT,
                units=tuple(sections),
                quotas=(Quota(category=QuotaCategory.ADMINISTRATIVE, count=Count.of(20)),),
            )
        )
        made += len(sections) + 1
        b += 1
    return Spec(bodies=tuple(bodies))


def change(spec: Spec, share: float, seed: int = 11) -> Spec:
    """Return a copy with ``share`` of the sections changed: renamed, reworded, moved, added or removed."""
    rng = random.Random(seed)
    bodies = [list(body.units) for body in spec.bodies]
    for bi, sections in enumerate(bodies):
        for si in range(len(sections)):
            if rng.random() >= share:
                continue
            unit = sections[si]
            what = rng.random()
            if what < 0.5:
                sections[si] = unit.model_copy(update={"name": unit.name + "新"})
            elif what < 0.8:
                sections[si] = unit.model_copy(update={"duties": (Duty(text=unit.duties[0].text + "并负责协调。"),)})
            elif what < 0.9:
                sections[si] = unit.model_copy(update={"name": unit.name + "(撤)", "id": unit.id + "x"})
            else:
                target = rng.randrange(len(bodies))
                if target != bi:
                    bodies[target].append(unit)
                    sections[si] = None  # type: ignore[call-overload]
    return Spec(
        bodies=tuple(
            body.model_copy(update={"units": tuple(s for s in secs if s is not None)})
            for body, secs in zip(spec.bodies, bodies, strict=True)
        )
    )


def as_dicts(spec: Spec) -> dict[str, dict[str, Any]]:
    """Return every unit as a plain dict keyed by id (the yardstick's data)."""
    out: dict[str, dict[str, Any]] = {}
    for body in spec.bodies:
        out[body.id or body.name] = body.model_dump(exclude={"units"})
        for s in body.units:
            d = s.model_dump()
            d["parent"] = body.id
            out[s.id or s.name] = d
    return out


def plain_compare(da: dict[str, dict[str, Any]], db: dict[str, dict[str, Any]]) -> int:
    """The yardstick: compare the units as plain dicts, by id and field."""
    changed = 0
    for key, va in da.items():
        vb = db.get(key)
        if vb is None or vb != va:
            changed += 1
    changed += sum(1 for key in db if key not in da)
    return changed


def timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="10,000 units instead of 100,000")
    parser.add_argument("--units", type=int, default=None)
    args = parser.parse_args()
    n = args.units or (10_000 if args.quick else 100_000)
    a = make(n)
    b = change(a, 0.10)
    t_dump, (da, db) = timed(lambda: (as_dicts(a), as_dicts(b)))
    t_plain, changed = timed(plain_compare, da, db)
    t_diff, d = timed(diff, a, b)
    t_apply, result = timed(apply, a, d)
    assert result == b, "apply(a, diff(a, b)) != b"
    # as two parsed files are: no unit object shared between the two sides (the generated pair
    # shares every unchanged unit, which the diff notices at once)
    a_own, b_own = Spec.model_validate(a.model_dump()), Spec.model_validate(b.model_dump())
    t_own, d_own = timed(diff, a_own, b_own)
    assert d_own.operations == d.operations, "the diff depends on shared objects"
    ops = [op for op in d.operations if op.op not in ("reorder", "duties-reordered")]
    print(f"units: {sum(1 for _ in a.walk()):,} old, {sum(1 for _ in b.walk()):,} new; {changed:,} differ as dicts")
    print(f"{'step':<28}{'seconds':>10}{'× yardstick':>14}")
    print(f"{'plain dict comparison':<28}{t_plain:>10.2f}{1.0:>14.2f}")
    print(f"{'(dumping models to dicts)':<28}{t_dump:>10.2f}{t_dump / t_plain:>14.2f}")
    print(f"{'orgspec diff':<28}{t_diff:>10.2f}{t_diff / t_plain:>14.2f}")
    print(f"{'orgspec diff, none shared':<28}{t_own:>10.2f}{t_own / t_plain:>14.2f}")
    print(f"{'orgspec apply (check)':<28}{t_apply:>10.2f}{t_apply / t_plain:>14.2f}")
    print(
        f"operations: {len(ops):,} (+{len(d.operations) - len(ops)} order-only); "
        f"proposals: {len(d.proposals)}; candidate limit hit: {d.candidate_limit_hit}"
    )


if __name__ == "__main__":
    main()
