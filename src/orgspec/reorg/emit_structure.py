"""Units that appear and go: 组建, 不再保留, a name kept as a plaque, and the derived 合并/并入/分设.

Imports: :mod:`orgspec.reorg.*`, :mod:`orgspec.model`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from orgspec.model.units import EventKind
from orgspec.reorg.declared import (
    abolish_basis,
    abolish_verb,
    establish_basis,
    established_as,
    event_verb,
    new_events,
)
from orgspec.reorg.emit_base import EmitterBase
from orgspec.reorg.fold import fold
from orgspec.reorg.ops import (
    Abolish,
    Absorb,
    Demote,
    DiffNote,
    Establish,
    Merge,
    Operation,
    Pair,
    Split,
)
from orgspec.reorg.tree import Node, shell

__all__ = ["StructurePhases"]


class StructurePhases(EmitterBase):
    """Units that appear and go: 组建, 不再保留, a name kept as a plaque, and the derived 合并/并入/分设."""

    def plan_demotes(self) -> dict[str, tuple[str, str, Any]]:
        """Old unmatched units whose name is a new plaque of a new unit: old key -> (new key, new, plaque)."""
        plaque_at: dict[str, list[tuple[Node, Any]]] = defaultdict(list)
        for n in self.new_todo:  # an unchanged unit has no new plaque
            if not n.unit.plaques:
                continue
            ok = self.m.new_to_old.get(n.key)
            had = set(self.old.by_key[ok].names[1:]) if ok else set()
            for p in n.unit.plaques:
                if fold(p.name) not in had:
                    plaque_at[fold(p.name)].append((n, p))
        out: dict[str, tuple[str, str, Any]] = {}
        for o in self.old_todo if plaque_at else ():  # the unmatched ones among them, in old.nodes order
            if o.key not in self.m.old_to_new and plaque_at.get(o.names[0]):
                n, p = plaque_at[o.names[0]].pop(0)
                out[o.key] = (n.key, n.key, p)
        return out

    def derived(self) -> list[Operation]:
        """Return merge, absorb and split, each scored by the share of the sources' duties that moved."""
        by_source: dict[str, dict[str, None]] = defaultdict(dict)
        by_target: dict[str, dict[str, None]] = defaultdict(dict)
        moved: Counter[tuple[str, str]] = Counter()
        for ok, nk, _, _ in self.transfers:
            by_source[ok][nk] = None
            by_target[nk][ok] = None
            moved[(ok, nk)] += 1

        def score(sources: list[str], targets: list[str]) -> float:
            total = sum(len(self.old.by_key[s].unit.duties) for s in sources)
            went = sum(moved[(s, t)] for s in sources for t in targets)
            return round(went / total, 3) if total else 1.0

        ops: list[Operation] = []
        m = self.m
        for nk, source_set in by_target.items():
            sources = list(source_set)
            n = self.new.by_key[nk]
            gone = [s for s in sources if s not in m.old_to_new]
            # 将X的职责，Y的…职责整合，组建Z: several gone bodies, or one with duties of others beside it
            if nk not in m.new_to_old and (len(gone) >= 2 or (gone and len(sources) >= 2)):
                kept = [  # a body that stays and says it gave all its duties here, keeping none (…的职责整合)
                    self.old.by_key[s].name
                    for s in sources
                    if s in m.old_to_new
                    and list(by_source[s]) == [nk]
                    and moved[(s, nk)] == len(self.old.by_key[s].unit.duties)
                    and self._gave_all(s, n.name)
                ]
                ops.append(
                    Merge(
                        kept=tuple(kept),
                        unit=Pair(new=nk),
                        name=n.name,
                        established_by="inferred",
                        score=score(gone, [nk]),
                        sources=tuple(Pair(old=s) for s in gone),
                        source_names=tuple(self.old.by_key[s].name for s in gone),
                    )
                )
            elif nk in m.new_to_old:
                for s in gone:
                    if list(by_source[s]) == [nk]:
                        ops.append(
                            Absorb(
                                unit=self.pair_new(n),
                                name=n.name,
                                established_by="inferred",
                                score=score([s], [nk]),
                                source=Pair(old=s),
                                source_name=self.old.by_key[s].name,
                            )
                        )
        ops.extend(self.declared_absorbs({(str(op.source), str(op.unit)) for op in ops if isinstance(op, Absorb)}))
        outside = self.outside
        split_sources = dict.fromkeys(by_source)
        split_sources.update(dict.fromkeys(o.key for o in self.old_todo if outside and fold(o.name) in outside))
        for ok in split_sources:
            if ok in m.old_to_new:
                continue
            targets = [t for t in by_source.get(ok, {}) if t not in m.new_to_old]
            stated = outside.get(fold(self.old.by_key[ok].name), []) if outside else []
            inside = {fold(self.new.by_key[t].name) for t in targets}
            external = tuple(dict.fromkeys(e.after for e in stated if e.after and fold(e.after) not in inside))
            if len(targets) + len(external) >= 2:  # 分设, into bodies of the spec or outside it
                ops.append(
                    Split(
                        unit=Pair(old=ok),
                        name=self.old.by_key[ok].name,
                        established_by="declared" if external else "inferred",
                        score=None if external else score([ok], targets),
                        into=tuple(Pair(new=t) for t in targets),
                        into_names=tuple(self.new.by_key[t].name for t in targets),
                        external=external,
                        basis=next((e.basis for e in stated if e.basis), ()),
                    )
                )
        return ops

    def _gave_all(self, ok: str, target: str) -> bool:
        """Return True when matched old unit ``ok`` keeps no duty and its new history gives them to ``target``."""
        n = self.new.by_key[self.m.old_to_new[ok]]
        return not n.unit.duties and any(
            e.kind is EventKind.DUTIES_TRANSFERRED and e.after and fold(e.after) == fold(target)
            for e in new_events(self.old.by_key[ok].unit, n.unit)
        )

    def declared_absorbs(self, found: set[tuple[str, str]]) -> list[Operation]:
        """Return 并入 that a unit which stays declares (``event merged { unit "X" }``), X being gone."""
        m = self.m
        gone: dict[str, list[Node]] = defaultdict(list)
        for o in self.old.by_key.values():
            if o.key not in m.old_to_new:
                gone[fold(o.name)].append(o)
        ops: list[Operation] = []
        for n in self.new_pre_todo if gone else ():
            ok = m.new_to_old.get(n.key)
            if ok is None:
                continue
            for e in new_events(self.old.by_key[ok].unit, n.unit):
                sources = gone.get(fold(e.target.target)) if e.kind is EventKind.MERGED and e.target else None
                if not sources or len(sources) != 1:
                    continue
                source, target = Pair(old=sources[0].key), Pair(old=ok, new=n.key)
                if (str(source), str(target)) in found:
                    continue
                ops.append(
                    Absorb(
                        unit=target,
                        name=n.name,
                        established_by="declared",
                        source=source,
                        source_name=sources[0].name,
                        basis=e.basis,
                    )
                )
        return ops

    def establish_ops(self, to_establish: list[Node]) -> list[Operation]:
        """Phase 1: the new units (组建), parents first, without their children."""
        ops: list[Operation] = []
        for n in to_establish:
            after = shell(n.unit)
            if n.key in self.snap_new:
                after = after.model_copy(update={"duties": self.snap_new[n.key]})
            ops.append(
                Establish(
                    unit=Pair(new=n.key),
                    name=n.name,
                    established_by="new",
                    parent=self.pair_new(n.parent),
                    after=after,
                    basis=establish_basis(n.unit),
                    verb=event_verb(None, n.unit, (EventKind.ESTABLISHED,)),
                    **established_as(n.unit),
                )
            )
        return ops

    def abolish_ops(self, demoted: dict[str, tuple[str, str, Any]]) -> list[Operation]:
        """Phase 5: units no longer kept (不再保留) or kept as another's plaque (保留…牌子), children first."""
        m = self.m
        ops: list[Operation] = []
        for o in reversed(self.old.preorder()):
            if o.key in m.old_to_new:
                continue
            before_u = shell(o.unit)
            if o.key in self.snap_old:
                before_u = before_u.model_copy(update={"duties": self.snap_old[o.key]})
            lost = self.out_rest.get(o.key, ())
            if lost and self.outside:  # duties a stated split gave to a body outside the spec
                went = {fold(t) for e in self.outside.get(fold(o.name), ()) for t in e.duties}
                lost = [d for d in lost if fold(d.text) not in went]
            if lost:
                self.notes.append(
                    DiffNote(
                        code="duty-unaccounted",
                        unit=Pair(old=o.key),
                        message=f"{len(lost)} of the {len(o.unit.duties)} duties of abolished "
                        f"{o.name} are neither transferred to a unit of the new spec nor stated "
                        f"elsewhere; they are not reported as cancelled (first: {lost[0].text[:24]}…)",
                    )
                )
            if o.key in demoted:
                into_key, _, plaque = demoted[o.key]
                into = self.new.by_key[into_key]
                ops.append(
                    Demote(
                        unit=Pair(old=o.key),
                        name=o.name,
                        established_by="plaque",
                        parent=self.pair_old(o.parent),
                        before=before_u,
                        into=self.pair_new(into),
                        into_name=into.name,
                        plaque=plaque,
                        basis=abolish_basis(self.new.spec, o.unit),
                        verb=abolish_verb(self.new.spec, o.unit),
                    )
                )
            else:
                ops.append(
                    Abolish(
                        unit=Pair(old=o.key),
                        name=o.name,
                        established_by="new",
                        parent=self.pair_old(o.parent),
                        before=before_u,
                        basis=abolish_basis(self.new.spec, o.unit),
                        verb=abolish_verb(self.new.spec, o.unit),
                    )
                )
        return ops
