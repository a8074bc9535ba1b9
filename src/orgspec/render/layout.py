"""The embedded layout: a tidy tree whose wide leaf levels are stacked in columns.

Org charts are trees, so this layout places each subtree beside its siblings
and centres a parent over its children. A unit whose children are all leaves
and more than :data:`STACK_MIN` of them gets them in a grid of columns read
top to bottom, each column hung from a vertical spine, so a 21-section office
fits a landscape page at full text size. Boxes are sized from the text by
:mod:`orgspec.render.text_metrics`; long lines wrap on character boundaries.

Everything is in pixels at the sizes of :data:`FONT_SIZES`. Output is a
:class:`Layout`: boxes with their text lines placed, tree lines as polylines.
Non-tree relations are left to the drawing (they join box borders).

Imports: attrs, :mod:`orgspec.render.chart`, :mod:`orgspec.render.text_metrics`.
"""

from __future__ import annotations

import itertools
import math
from functools import lru_cache

import attrs

from orgspec.render.chart import Chart, Line, Node
from orgspec.render.text_metrics import text_width, wrap, wrap_balanced

__all__ = ["FONT_SIZES", "STACK_MIN", "Box", "Layout", "TextLine", "label_lines", "layout", "marked_lines"]

#: Font size in px of each line role; the name of a body is drawn a little larger.
FONT_SIZES: dict[str, float] = {
    "title": 16.0,
    "name": 14.0,
    "plaque": 12.0,
    "meta": 12.0,
    "quota": 12.0,
    "duty": 11.0,
    "note": 11.0,
    "more": 11.0,
}
LINE_HEIGHT = 1.45
PAD_X = 10.0
PAD_Y = 7.0
GAP_X = 18.0  # between sibling subtrees
GAP_Y = 34.0  # between a parent and its children
SPINE = 14.0  # room left of a stacked column for its spine
STACK_MIN = 5  # more leaf children than this are stacked in columns
MAX_ROW = 2400.0  # a row of subtrees wider than this (px) is broken into bands hung from a trunk
ASPECT = 1.46  # width / height of the page a stacked level aims at (A4 landscape less margins)
NODE_SEP = 18.0  # Graphviz's nodesep in DOT output (0.25 in), in pt
RANK_SEP = 32.4  # Graphviz's ranksep in DOT output (0.45 in), in pt
#: Wrapping width (em) of the text of a body box and of any other box.
WRAP_BODY = 20.0
WRAP_OTHER = 11.0


@attrs.frozen(slots=True)
class TextLine:
    """One drawn line of text: its role, text, font size and baseline position (centre x)."""

    role: str
    text: str
    size: float
    x: float
    y: float
    mark: str | None = None


@attrs.frozen(slots=True)
class Box:
    """A placed node: its rectangle and its text lines."""

    node: Node
    x: float
    y: float
    w: float
    h: float
    lines: tuple[TextLine, ...]


@attrs.frozen(slots=True)
class Layout:
    """A placed chart: boxes by node id, tree lines, and the overall size."""

    boxes: dict[str, Box]
    lines: tuple[tuple[tuple[float, float], ...], ...]
    width: float
    height: float
    #: for each of :attr:`lines`, the unit whose tree line it is and the child it drops to (None: a bus or trunk)
    owners: tuple[tuple[str, str | None], ...] = ()


def label_lines(node: Node) -> list[tuple[str, str]]:
    """Return the node's label as drawn: ``(role, text)`` lines, wrapped on character boundaries."""
    return [(role, text) for role, text, _ in marked_lines(node)]


def marked_lines(node: Node) -> list[tuple[str, str, str | None]]:
    """Return the node's label as drawn with each line's diff mark: ``(role, text, mark)`` lines."""
    return list(_marked(node.kind == "body" and node.parent is None, node.lines))


@lru_cache(maxsize=16384)
def _marked(top_body: bool, node_lines: tuple[Line, ...]) -> tuple[tuple[str, str, str | None], ...]:
    # cached: a paged PDF lays out many parts of one chart, each node's label the same every time
    limit = WRAP_BODY if top_body else WRAP_OTHER
    out: list[tuple[str, str, str | None]] = []
    for line in node_lines:
        em = limit if line.role == "name" else limit * FONT_SIZES["name"] / FONT_SIZES.get(line.role, 12.0)
        fold = wrap_balanced if line.role == "name" else wrap
        out.extend((line.role, part, line.mark) for part in fold(line.text, em))
    return tuple(out)


def _measure(node: Node) -> tuple[float, float, tuple[tuple[str, str, float, str | None], ...]]:
    return _measured(node.kind == "body" and node.parent is None, node.lines)


@lru_cache(maxsize=16384)
def _measured(
    top_body: bool, node_lines: tuple[Line, ...]
) -> tuple[float, float, tuple[tuple[str, str, float, str | None], ...]]:
    title = FONT_SIZES["title"]
    lines = tuple(
        (role, text, title if top_body and role == "name" else FONT_SIZES.get(role, 12.0), mark)
        for role, text, mark in _marked(top_body, node_lines)
    )
    w = max((text_width(t) * s for _, t, s, _ in lines), default=0.0) + 2 * PAD_X
    h = sum(s * LINE_HEIGHT for _, _, s, _ in lines) + 2 * PAD_Y
    return max(w, 60.0), h, lines


@attrs.define
class _Sub:
    node: Node
    w: float
    h: float
    text: tuple[tuple[str, str, float, str | None], ...]
    kids: list[_Sub]
    stacked: bool = False
    bands: list[list[_Sub]] = attrs.Factory(list)
    grid: list[_Sub] = attrs.Factory(list)
    rest: list[_Sub] = attrs.Factory(list)
    cols: int = 1
    col_w: float = 0.0
    tree_w: float = 0.0
    tree_h: float = 0.0


def _build(node: Node, kids: dict[str | None, list[Node]]) -> _Sub:
    w, h, text = _measure(node)
    sub = _Sub(node, w, h, text, [_build(k, kids) for k in kids.get(node.id, [])])
    _size(sub)
    return sub


def _size(sub: _Sub) -> None:
    kids = sub.kids
    if not kids:
        sub.tree_w, sub.tree_h = sub.w, sub.h
        return
    leaves = [k for k in kids if not k.kids]
    if len(leaves) > STACK_MIN:
        # the leaves go into a grid of columns; units with units below them stand beside it
        sub.stacked = True
        sub.grid = leaves
        sub.rest = [k for k in kids if k.kids]
        sub.col_w = max(k.w for k in leaves)
        rest_w = sum(k.tree_w + GAP_X for k in sub.rest)
        rest_h = max((k.tree_h for k in sub.rest), default=0.0)
        best: tuple[float, int] | None = None
        n = len(leaves)
        tops = list(itertools.accumulate((k.h for k in leaves), initial=0.0))
        cols = 1
        while cols <= n:
            # only the number of rows matters, and it takes O(sqrt(n)) values: try the first
            # column count of each, so the search is O(n log n) and not O(n^2) in the leaves
            rows = math.ceil(n / cols)
            grid_w, grid_h = _grid_size(tops, rows, sub.col_w)
            w, h = max(sub.w, grid_w + rest_w), sub.h + GAP_Y + max(grid_h, rest_h)
            score = max(w / ASPECT, h)  # the page size needed at a landscape aspect
            if best is None or score < best[0] - 0.5:
                best = (score, cols)
            cols = n + 1 if rows == 1 else math.ceil(n / (rows - 1))
        assert best is not None
        sub.cols = best[1]
        grid_w, grid_h = _grid(leaves, sub.cols, sub.col_w)
        sub.tree_w, sub.tree_h = max(sub.w, grid_w + rest_w), sub.h + GAP_Y + max(grid_h, rest_h)
        return
    block_w = sum(k.tree_w for k in kids) + GAP_X * (len(kids) - 1)
    if block_w > MAX_ROW and len(kids) > 1:
        sub.bands = _bands(kids)
        sub.tree_w = max(sub.w, SPINE + max(_row_w(b) for b in sub.bands))
        sub.tree_h = sub.h + sum(GAP_Y + max(k.tree_h for k in b) for b in sub.bands)
        return
    sub.tree_w = max(sub.w, block_w)
    sub.tree_h = sub.h + GAP_Y + max(k.tree_h for k in kids)


def _row_w(kids: list[_Sub]) -> float:
    return sum(k.tree_w for k in kids) + GAP_X * (len(kids) - 1)


def _bands(kids: list[_Sub]) -> list[list[_Sub]]:
    """Split a too-wide row of subtrees into bands no wider than MAX_ROW (or the widest subtree)."""
    limit = max(MAX_ROW, *(k.tree_w for k in kids))
    bands: list[list[_Sub]] = [[]]
    for kid in kids:
        if bands[-1] and _row_w([*bands[-1], kid]) > limit:
            bands.append([])
        bands[-1].append(kid)
    return bands


def _grid_size(tops: list[float], rows: int, col_w: float) -> tuple[float, float]:
    """Return about what :func:`_grid` does for ``rows`` rows, from the running sums of the heights."""
    n = len(tops) - 1
    cols = math.ceil(n / rows)
    tallest = max(tops[min((c + 1) * rows, n)] - tops[c * rows] for c in range(cols))
    return cols * (SPINE + col_w) + (cols - 1) * GAP_X, tallest + (rows - 1) * (GAP_Y / 3)


def _grid(kids: list[_Sub], cols: int, col_w: float) -> tuple[float, float]:
    """Return the width and height of leaf boxes in ``cols`` columns read top to bottom."""
    rows = math.ceil(len(kids) / cols)
    cols = math.ceil(len(kids) / rows)
    heights = [sum(k.h for k in kids[c * rows : (c + 1) * rows]) for c in range(cols)]
    return cols * (SPINE + col_w) + (cols - 1) * GAP_X, max(heights) + (rows - 1) * (GAP_Y / 3)


class _Placer:
    def __init__(self) -> None:
        self.boxes: dict[str, Box] = {}
        self.lines: list[tuple[tuple[float, float], ...]] = []
        self.owners: list[tuple[str, str | None]] = []

    def free(self, x: float, y: float, w: float, h: float) -> bool:
        """Return whether a box at (x, y) of size w x h, with a gap around it, overlaps no placed box."""
        g = GAP_X / 2
        return not any(
            x - g < b.x + b.w and b.x < x + w + g and y - g < b.y + b.h and b.y < y + h + g for b in self.boxes.values()
        )

    def add(self, parent: _Sub, child: _Sub | None, points: tuple[tuple[float, float], ...]) -> None:
        """Add a tree line of ``parent``'s: a drop to ``child``, or (None) its trunk or bus."""
        self.lines.append(points)
        self.owners.append((parent.node.id, child.node.id if child is not None else None))

    def box(self, sub: _Sub, x: float, y: float, w: float) -> Box:
        lines: list[TextLine] = []
        cy = y + PAD_Y
        for role, text, size, mark in sub.text:
            # the baseline sits about 0.8 of the font size below the top of the line box
            lines.append(
                TextLine(
                    role,
                    text,
                    size,
                    round(x + w / 2, 2),
                    round(cy + size * (LINE_HEIGHT - 1) / 2 + size * 0.86, 2),
                    mark,
                )
            )
            cy += size * LINE_HEIGHT
        box = Box(sub.node, round(x, 2), round(y, 2), round(w, 2), round(sub.h, 2), tuple(lines))
        self.boxes[sub.node.id] = box
        return box

    def place(self, sub: _Sub, left: float, top: float) -> None:
        cx = left + sub.tree_w / 2
        parent = self.box(sub, cx - sub.w / 2, top, sub.w)
        if not sub.kids:
            return
        bus = top + sub.h + GAP_Y / 2
        child_top = top + sub.h + GAP_Y
        px, pb = parent.x + parent.w / 2, parent.y + parent.h
        if sub.stacked:
            self.place_stacked(sub, left, child_top, bus, (px, pb))
            return
        if sub.bands:
            self.place_bands(sub, left, child_top, (px, pb))
            return
        block_w = sum(k.tree_w for k in sub.kids) + GAP_X * (len(sub.kids) - 1)
        x = left + (sub.tree_w - block_w) / 2
        xs: list[float] = []
        for kid in sub.kids:
            self.place(kid, x, child_top)
            if not kid.node.attached:
                kb = self.boxes[kid.node.id]
                kx = kb.x + kb.w / 2
                xs.append(kx)
                self.add(sub, kid, _pts((kx, bus), (kx, kb.y)))
            x += kid.tree_w + GAP_X
        if xs:
            self.add(sub, None, _pts((px, pb), (px, bus)))
            lo, hi = min([*xs, px]), max([*xs, px])
            if hi > lo:
                self.add(sub, None, _pts((lo, bus), (hi, bus)))

    def place_bands(self, sub: _Sub, left: float, top: float, parent: tuple[float, float]) -> None:
        trunk = left + SPINE / 2
        px, pb = parent
        first_bus = top - GAP_Y / 2
        self.add(sub, None, _pts((px, pb), (px, first_bus)))
        bus = first_bus
        for band in sub.bands:
            x = left + SPINE
            xs: list[float] = []
            for kid in band:
                self.place(kid, x, top)
                if not kid.node.attached:
                    kb = self.boxes[kid.node.id]
                    kx = kb.x + kb.w / 2
                    xs.append(kx)
                    self.add(sub, kid, _pts((kx, bus), (kx, kb.y)))
                x += kid.tree_w + GAP_X
            self.add(sub, None, _pts((trunk, bus), (max([*xs, px, trunk]), bus)))
            last_bus = bus
            top += max(k.tree_h for k in band) + GAP_Y
            bus = top - GAP_Y / 2
        self.add(sub, None, _pts((trunk, first_bus), (trunk, last_bus)))

    def place_stacked(self, sub: _Sub, left: float, top: float, bus: float, parent: tuple[float, float]) -> None:
        rows = math.ceil(len(sub.grid) / sub.cols)
        cols = math.ceil(len(sub.grid) / rows)
        grid_w = cols * (SPINE + sub.col_w) + (cols - 1) * GAP_X
        rest_w = sum(k.tree_w + GAP_X for k in sub.rest)
        x0 = left + (sub.tree_w - grid_w - rest_w) / 2
        drops: list[float] = []
        for c in range(cols):
            col = sub.grid[c * rows : (c + 1) * rows]
            sx = x0 + c * (SPINE + sub.col_w + GAP_X) + SPINE / 2
            y = top
            last: float | None = None
            for kid in col:
                box = self.box(kid, sx + SPINE / 2, y, sub.col_w)
                if not kid.node.attached:
                    mid = box.y + box.h / 2
                    self.add(sub, kid, _pts((sx, mid), (box.x, mid)))
                    last = mid
                y += kid.h + GAP_Y / 3
            if last is not None:
                self.add(sub, None, _pts((sx, bus), (sx, last)))
                drops.append(sx)
        x = x0 + grid_w + GAP_X
        for kid in sub.rest:
            self.place(kid, x, top)
            kb = self.boxes[kid.node.id]
            kx = kb.x + kb.w / 2
            self.add(sub, kid, _pts((kx, bus), (kx, kb.y)))
            drops.append(kx)
            x += kid.tree_w + GAP_X
        px, pb = parent
        if drops:
            self.add(sub, None, _pts((px, pb), (px, bus)))
            lo, hi = min([*drops, px]), max([*drops, px])
            if hi > lo:
                self.add(sub, None, _pts((lo, bus), (hi, bus)))


def _pts(*points: tuple[float, float]) -> tuple[tuple[float, float], ...]:
    return tuple((round(x, 2), round(y, 2)) for x, y in points)


def _body_rows(bodies: list[_Sub]) -> list[list[_Sub]]:
    """Band the bodies of a file into rows, so that many bodies make a grid near a landscape page, not one row."""
    if len(bodies) < 2:
        return [bodies]
    area = sum(b.tree_w * b.tree_h for b in bodies)
    limit = max(*(b.tree_w for b in bodies), math.sqrt(area * ASPECT) * 1.3)
    rows: list[list[_Sub]] = [[]]
    for body in bodies:
        if rows[-1] and sum(b.tree_w + GAP_X * 2 for b in rows[-1]) + body.tree_w > limit:
            rows.append([])
        rows[-1].append(body)
    return rows


def layout(chart: Chart, margin: float = 20.0) -> Layout:
    """Place every node of ``chart``: the bodies in bands of rows, then the bodies outside the chart.

    Bodies outside the chart stand in a column right of the first body's box,
    then in one left of it, where there is room; the rest in a row below.
    """
    kids = chart.children()
    roots = [_build(r, kids) for r in kids.get(None, [])]
    bodies = [r for r in roots if r.node.kind != "external"]
    outside = [r for r in roots if r.node.kind == "external"]
    placer = _Placer()
    width = margin
    y = margin
    for row in _body_rows(bodies):
        x = margin
        for body in row:
            placer.place(body, x, y)
            x += body.tree_w + GAP_X * 2
        width = max(width, x - GAP_X * 2)
        y += max((b.tree_h for b in row), default=0.0) + GAP_Y * 2
    right: list[float] | None = None  # x, next y, bottom
    left: list[float] | None = None  # right edge, next y, bottom, leftmost x allowed
    if bodies:
        box = placer.boxes[bodies[0].node.id]
        bottom = box.y + box.h + GAP_Y / 3
        right = [box.x + box.w + 4 * GAP_X, margin, bottom]
        left = [box.x - 4 * GAP_X, margin, bottom, margin]
    rest: list[_Sub] = []
    for root in outside:
        if right is not None and left is not None:
            if right[1] + root.h <= right[2] and placer.free(right[0], right[1], root.w, root.h):
                placer.place(root, right[0], right[1])
                right[1] += root.h + GAP_Y / 3
                width = max(width, right[0] + root.w)
                continue
            if (
                left[1] + root.h <= left[2]
                and left[0] - root.w >= left[3]
                and placer.free(left[0] - root.w, left[1], root.w, root.h)
            ):
                placer.place(root, left[0] - root.w, left[1])
                left[1] += root.h + GAP_Y / 3
                continue
        rest.append(root)
    if rest:
        x = margin
        limit = max(width, 600.0)
        row_h = 0.0
        for root in rest:
            if x > margin and x + root.w > limit:
                x, y = margin, y + row_h + GAP_Y / 2
                row_h = 0.0
            placer.place(root, x, y)
            x += root.w + GAP_X * 2
            row_h = max(row_h, root.h)
            width = max(width, x - GAP_X * 2)
        y += row_h + GAP_Y * 2
    height = y - GAP_Y * 2 + margin if roots else 2 * margin
    return Layout(placer.boxes, tuple(placer.lines), round(width + margin, 2), round(height, 2), tuple(placer.owners))


def _ranked_rows(sub: _Sub) -> int:
    """Return the number of rows for ``sub``'s grid in a layered drawing (Graphviz dot, Mermaid).

    A layered engine puts row ``i`` of every column on one rank, so a row is as
    tall as its tallest box and the ranks are :data:`RANK_SEP` apart, where the
    embedded layout packs each column on its own. The rows are chosen for the
    same aim, the smallest landscape page, under that geometry (ties go to fewer
    rows). Candidates are tried in the order of a cheap lower bound of their
    page size and the search stops when no bound can beat the best, so a flat
    body of thousands of sections costs a few candidates, not one per row count.
    """
    leaves, n = sub.grid, len(sub.grid)
    rest_w = sum(k.tree_w + NODE_SEP for k in sub.rest)
    rest_h = max((k.tree_h for k in sub.rest), default=0.0)
    low_w, low_h = min(k.w for k in leaves), min(k.h for k in leaves)

    def page(w: float, h: float) -> float:
        return max(max(sub.w, w + rest_w) / ASPECT, sub.h + RANK_SEP + max(h, rest_h))

    bounds = []
    for rows in range(1, n + 1):
        cols = math.ceil(n / rows)
        if rows == 1 or math.ceil(n / (rows - 1)) != cols:  # else the same columns with an emptier last one
            low = page(cols * low_w + NODE_SEP * (cols - 1), rows * low_h + RANK_SEP * (rows - 1))
            bounds.append((low, rows))
    bounds.sort()
    best = (math.inf, 0)
    for low, rows in bounds:
        if low > best[0]:
            break
        cols = math.ceil(n / rows)
        columns = [leaves[c * rows : (c + 1) * rows] for c in range(cols)]
        grid_w = sum(max(k.w for k in col) for col in columns) + NODE_SEP * (cols - 1)
        grid_h = sum(max(col[i].h for col in columns if i < len(col)) for i in range(rows)) + RANK_SEP * (rows - 1)
        best = min(best, (page(grid_w, grid_h), rows))
    return best[1]


def stacked_columns(chart: Chart, ranked: bool = False) -> dict[str, list[list[Node]]]:
    """Return, for each unit whose leaves are stacked, those leaves in columns.

    By default the columns are the embedded layout's; with ``ranked`` they are
    chosen for a layered engine that aligns the rows of a grid on ranks
    (:func:`_ranked_rows`), as the DOT and Mermaid outputs ask for.
    """
    kids = chart.children()
    out: dict[str, list[list[Node]]] = {}
    stack = [_build(r, kids) for r in reversed(kids.get(None, []))]
    while stack:
        sub = stack.pop()
        if sub.stacked:
            grid = [k.node for k in sub.grid]
            rows = _ranked_rows(sub) if ranked else math.ceil(len(grid) / sub.cols)
            out[sub.node.id] = [grid[c : c + rows] for c in range(0, len(grid), rows)]
        stack.extend(reversed(sub.kids))
    return out


def tree_links(chart: Chart, columns: dict[str, list[list[Node]]] | None = None) -> list[tuple[str, str, bool, bool]]:
    """Return the tree lines that text formats draw: ``(parent, child, invisible, chained)``.

    A level the embedded layout stacks is stacked the same way: the unit joins
    the head of each column, and each box joins the one below it
    (``chained``). A shared duty list is placed by an invisible line.
    ``columns`` is :func:`stacked_columns` of the chart, when the caller has it.
    """
    if columns is None:
        columns = stacked_columns(chart)
    out: list[tuple[str, str, bool, bool]] = []
    kids = chart.children()
    for node in chart.nodes:
        if node.id in columns:
            stacked = {n.id for col in columns[node.id] for n in col}
            for column in columns[node.id]:
                out.append((node.id, column[0].id, column[0].attached, False))
                out.extend((a.id, b.id, b.attached, True) for a, b in itertools.pairwise(column))
            out.extend((node.id, k.id, k.attached, False) for k in kids.get(node.id, []) if k.id not in stacked)
        else:
            out.extend((node.id, k.id, k.attached, False) for k in kids.get(node.id, []))
    return out
