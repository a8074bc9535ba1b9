"""A diff chart: the new structure with the changes of a :class:`~orgspec.reorg.Diff` marked.

The chart is the ordinary chart of the new spec (:func:`~orgspec.render.chart.build_chart`),
so every format and the embedded layout draw it. This module only adds marks,
taken from the diff's operations (it never compares names: the diff has done
the identity work):

- ``establish``: the unit is marked *established* (新设);
- ``abolish`` and ``demote-to-plaque``: the old unit is drawn as a ghost (faded, dashed)
  under its old parent where that parent is on the chart (or under the parent's ghost),
  at its old position;
- ``rename``: marked *renamed*, with the old name (原：旧名);
- ``move``: marked *moved*, with the old parent (原属：…);
- ``plaque-added`` / ``plaque-removed``: marked, with the plaque line ＋/－;
- ``merge``, ``absorb`` and ``split`` add a note line naming the units concerned.

Each mark is also written as text, so a chart printed in grey still says what
changed. The legend adds only the marks that occur. Other operations (quotas,
duties, posts, kind, rank) are not drawn; ``orgspec diff`` lists them.

Imports: :mod:`orgspec.render.chart`, :mod:`orgspec.reorg`, :mod:`orgspec.model`,
:mod:`orgspec.lowering.resolve`.
"""

from __future__ import annotations

from orgspec.lowering.resolve import walk_paths
from orgspec.model.units import Spec, Unit
from orgspec.render.chart import (
    EDGE_LABELS,
    KIND_LABELS_SHOWN,
    Chart,
    ChartError,
    ChartOptions,
    LegendItem,
    Line,
    Node,
    build_chart,
    clean,
    labels_in,
    localize,
    plaque_text,
    spec_script,
    unit_lines,
)
from orgspec.reorg.ops import (
    Abolish,
    Absorb,
    Demote,
    Diff,
    Establish,
    Merge,
    Move,
    PlaqueAdded,
    PlaqueRemoved,
    Rename,
    Split,
)
from orgspec.reorg.refs import name_of
from orgspec.reorg.tree import Tree

__all__ = ["MARK_LABELS", "build_diff_chart"]

#: How each mark is named in a legend, in the order of precedence.
MARK_LABELS: dict[str, str] = {
    "established": "新设 established",
    "abolished": "撤销 abolished (shown faded)",
    "renamed": "更名 renamed",
    "moved": "调整隶属 moved",
    "plaque-added": "加挂牌子 plaque added",
    "plaque-removed": "摘除牌子 plaque removed",
}

_ORDER = {mark: i for i, mark in enumerate(MARK_LABELS)}


class _Marks:
    """The marks and extra lines gathered for each chart node."""

    def __init__(self) -> None:
        self.marks: dict[str, list[str]] = {}
        self.notes: dict[str, list[Line]] = {}
        self.plaques: dict[str, list[tuple[str, Line]]] = {}  # node id -> (plain plaque text, marked line)

    def mark(self, node_id: str, mark: str) -> None:
        marks = self.marks.setdefault(node_id, [])
        if mark not in marks:
            marks.append(mark)

    def note(self, node_id: str, text: str, mark: str | None = None) -> None:
        self.notes.setdefault(node_id, []).append(Line(clean(text), "note", mark))

    def apply(self, node: Node) -> Node:
        marks = tuple(sorted(self.marks.get(node.id, ()), key=_ORDER.__getitem__))
        notes = self.notes.get(node.id, [])
        plaques = self.plaques.get(node.id, [])
        if not (marks or notes or plaques):
            return node
        lines = list(node.lines)
        for plain, marked in plaques:
            at = next((i for i, ln in enumerate(lines) if ln.role == "plaque" and ln.text == plain), None)
            if at is not None and marked.mark == "plaque-added":
                lines[at] = marked
            else:
                last = max((i for i, ln in enumerate(lines) if ln.role in ("name", "plaque")), default=0)
                lines.insert(last + 1, marked)
        lines[1:1] = notes  # notes right under the name, before plaques and figures
        return Node(
            node.id, node.kind, tuple(lines), node.parent, node.attached, node.names, node.unit_id, node.path, marks
        )


def _paths(spec: Spec, tree: Tree) -> dict[str, str]:
    """Return the model path of every key of ``tree`` (the diff's keys of ``spec``)."""
    by_unit = {id(unit): path for path, unit, _ in walk_paths(spec)}
    return {key: by_unit[id(node.unit)] for key, node in tree.by_key.items() if id(node.unit) in by_unit}


def _level(node_id: str, parents: dict[str, str | None]) -> int:
    level = 0
    parent = parents.get(node_id)
    while parent is not None:
        level += 1
        parent = parents.get(parent)
    return level


def build_diff_chart(new: Spec, change: Diff, options: ChartOptions | None = None, title: str | None = None) -> Chart:
    """Return the chart of ``new`` with the changes of ``change`` (a diff whose new side is ``new``) marked.

    The title is ``title`` if given, else the bodies' names and the diff's labels of its two sides.

    ``options`` are those of :func:`build_chart`, except ``focus``, which a diff
    chart does not take (a ghost has no place in a focused view).
    """
    options = options or ChartOptions()
    if options.focus is not None:
        raise ChartError("a diff chart shows the whole structure: --focus cannot be combined with --diff")
    with labels_in(spec_script(new)):
        return _build_diff_chart(new, change, options, title)


def _build_diff_chart(new: Spec, change: Diff, options: ChartOptions, title: str | None) -> Chart:
    base = build_chart(new, options)
    key_path = _paths(new, Tree(new))
    by_path = {n.path: n.id for n in base.nodes if n.path is not None}

    def node_of(key: str | None) -> str | None:
        path = key_path.get(key) if key is not None else None
        return by_path.get(path) if path is not None else None

    marks = _Marks()
    ghosts: list[tuple[Abolish | Demote, str]] = []
    ghost_ids: dict[str, str] = {}
    for op in change.operations:
        if isinstance(op, Abolish | Demote):
            if op.unit.old is not None:
                ghost_ids[op.unit.old] = f"g{len(ghosts) + 1}"
                ghosts.append((op, ghost_ids[op.unit.old]))
            continue
        target = node_of(op.unit.new)
        if target is None:
            continue
        if isinstance(op, Establish):
            marks.mark(target, "established")
            marks.note(target, "新设", "established")
        elif isinstance(op, Rename):
            marks.mark(target, "renamed")
            marks.note(target, f"原：{op.before}", "renamed")
        elif isinstance(op, Move):
            marks.mark(target, "moved")
            if op.parent_before == op.parent_after:  # a body's superior changed, not its place
                was = f"原上级：{name_of(op.superior_before, change.refs)}" if op.superior_before else "原无上级"
            else:
                was = f"原属：{op.parent_before_name}" if op.parent_before_name else "原为独立设置的机构"
            marks.note(target, was, "moved")
        elif isinstance(op, PlaqueAdded | PlaqueRemoved):
            mark = "plaque-added" if isinstance(op, PlaqueAdded) else "plaque-removed"
            plain = plaque_text(op.plaque.name, op.plaque.form)
            sign = "＋" if mark == "plaque-added" else "－"
            marks.mark(target, mark)
            marks.plaques.setdefault(target, []).append((plain, Line(sign + plain, "plaque", mark)))
        elif isinstance(op, Merge):
            marks.note(target, "整合：" + "、".join(op.source_names))
        elif isinstance(op, Absorb):
            marks.note(target, f"并入：{op.source_name}")

    nodes = [marks.apply(n) for n in base.nodes]
    parents = {n.id: n.parent for n in nodes}
    kids: dict[str | None, list[Node]] = {}
    for node in nodes:
        kids.setdefault(node.parent, []).append(node)

    # ghosts: where each one hangs (a node of the new chart, or its old parent's ghost)
    hang: dict[str, str | None] = {}
    for op, gid in ghosts:
        if op.parent is None:
            hang[gid] = None
            continue
        parent = node_of(op.parent.new)
        if parent is None and op.parent.old is not None:
            parent = ghost_ids.get(op.parent.old)
        if parent is not None:
            hang[gid] = parent

    def drawn(gid: str) -> bool:
        """Whether a ghost can be drawn: it hangs from the chart, through ghosts that can be drawn."""
        if gid not in hang:
            return False
        parent = hang[gid]
        return parent is None or parent in parents or (parent in hang and drawn(parent))

    def level(gid: str) -> int:
        parent = hang[gid]
        if parent is None:
            return 0
        return level(parent) + 1 if parent in hang else _level(parent, parents) + 1

    splits = {op.unit.old: op.into_names for op in change.operations if isinstance(op, Split) and op.unit.old}
    chosen = [(op, gid) for op, gid in ghosts if drawn(gid) and (options.depth is None or level(gid) < options.depth)]
    chosen.sort(key=lambda item: (level(item[1]), item[0].index if item[0].index is not None else 1 << 30))
    for op, gid in chosen:
        parent = hang[gid]
        ghost = _ghost(op, gid, parent, options, splits.get(op.unit.old or "", ()), refs=change.refs)
        siblings = kids.setdefault(parent, [])
        limit = sum(1 for s in siblings if s.kind != "external") if parent is None else len(siblings)
        siblings.insert(min(op.index if op.index is not None else limit, limit), ghost)

    ordered: list[Node] = []
    stack = list(reversed(kids.get(None, [])))
    while stack:
        node = stack.pop()
        ordered.append(node)
        stack.extend(reversed(kids.get(node.id, [])))

    kinds_used = {n.kind for n in ordered}
    legend = [LegendItem(k, localize(v, base.script), False) for k, v in KIND_LABELS_SHOWN.items() if k in kinds_used]
    legend += [
        LegendItem(k, localize(v, base.script), True)
        for k, v in EDGE_LABELS.items()
        if any(e.kind == k for e in base.edges)
    ]
    marks_used = {m for n in ordered for m in n.marks}
    legend += [LegendItem(k, v, False, True) for k, v in MARK_LABELS.items() if k in marks_used]
    if title is None:
        title = f"{base.title} — 变化 changes"
        if change.old is not None and change.new is not None:
            title += f": {_label(change.old)} → {_label(change.new)}"
    shown_title = clean(title)
    return Chart(tuple(ordered), base.edges, tuple(legend), shown_title, base.script)


def _label(label: str) -> str:
    """Return a side's label without its folders (``old.orgspec``, ``spec.orgspec@2018``)."""
    return label.replace("\\", "/").rsplit("/", 1)[-1]


def _ghost(
    op: Abolish | Demote,
    gid: str,
    parent: str | None,
    options: ChartOptions,
    split_into: tuple[str, ...],
    *,
    refs: dict[str, str],
) -> Node:
    unit: Unit = op.before
    style, lines = unit_lines(unit, parent is None, options, refs)
    if isinstance(op, Demote):
        notes = [Line(clean(f"撤销，保留为{op.into_name}的牌子"), "note", "abolished")]
    else:
        notes = [Line("撤销", "note", "abolished")]
    if split_into:
        notes.append(Line(clean("分设为：" + "、".join(split_into)), "note"))
    lines[1:1] = notes
    names = tuple(clean(n) for n in unit.names())
    return Node(gid, style, tuple(lines), parent, False, names, unit.id, None, ("abolished",))
