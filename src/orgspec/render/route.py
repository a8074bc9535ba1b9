"""Routes of the non-tree relations on the embedded layout: lines that pass beside boxes, not under them.

A relation (hosted office, managed body, co-location, shared duty list) joins
two boxes that may stand far apart, with other boxes between them. A straight
line from centre to centre runs under those boxes and seems to end at the
first one it meets. :func:`route` instead tries the straight line, then
orthogonal routes with one or two bends through the gaps beside either box,
and keeps the shortest that crosses no other box; only when none exists does
it search the grid of gaps around the boxes near both ends (:func:`_search`,
an A* search that looks towards the target first), and only when that finds
nothing (or the grid is too large) does it fall back to the straight line. Every route starts on the border of its
source box and ends on the border of its target box.

Imports: :mod:`orgspec.render.layout`.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Iterable

from orgspec.render.layout import Box

__all__ = ["BoxIndex", "Point", "crosses", "route"]

Point = tuple[float, float]

#: How far outside a box a route turns (px): inside the gaps between columns and rows.
CLEAR = 6.0
_CELL = 240.0


class BoxIndex:
    """A grid index of boxes (and of the tree's lines), to test a segment against the nearby ones only."""

    def __init__(self, boxes: Iterable[Box], lines: Iterable[tuple[Point, ...]] = ()) -> None:
        self.cells: dict[tuple[int, int], list[Box]] = {}
        for box in boxes:
            for cx in range(int(box.x // _CELL), int((box.x + box.w) // _CELL) + 1):
                for cy in range(int(box.y // _CELL), int((box.y + box.h) // _CELL) + 1):
                    self.cells.setdefault((cx, cy), []).append(box)
        self.lines: dict[tuple[int, int], list[tuple[Point, Point]]] = {}
        for pts in lines:
            for p, q in itertools.pairwise(pts):
                for cell in _cells(p, q):
                    self.lines.setdefault(cell, []).append((p, q))

    def along(self, a: Point, b: Point) -> float:
        """Return how far the segment a-b runs on top of (within 4 px of, and parallel to) a tree line."""
        total = 0.0
        for cell in _cells(a, b):
            for p, q in self.lines.get(cell, ()):
                total += _overlap(a, b, p, q)
        return total

    def near(self, a: Point, b: Point) -> list[Box]:
        """Return the boxes in the grid cells the segment a-b's bounding rectangle touches."""
        x0, x1 = sorted((a[0], b[0]))
        y0, y1 = sorted((a[1], b[1]))
        seen: dict[str, Box] = {}
        for cx in range(int(x0 // _CELL), int(x1 // _CELL) + 1):
            for cy in range(int(y0 // _CELL), int(y1 // _CELL) + 1):
                for box in self.cells.get((cx, cy), ()):
                    seen[box.node.id] = box
        return list(seen.values())


def _cells(a: Point, b: Point) -> list[tuple[int, int]]:
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    return [
        (cx, cy)
        for cx in range(int(x0 // _CELL), int(x1 // _CELL) + 1)
        for cy in range(int(y0 // _CELL), int(y1 // _CELL) + 1)
    ]


def _overlap(a: Point, b: Point, p: Point, q: Point) -> float:
    """Return the length over which two axis-parallel segments run within 4 px of each other."""
    if a[0] == b[0] and p[0] == q[0] and abs(a[0] - p[0]) < 4:
        lo, hi = max(min(a[1], b[1]), min(p[1], q[1])), min(max(a[1], b[1]), max(p[1], q[1]))
        return max(0.0, hi - lo)
    if a[1] == b[1] and p[1] == q[1] and abs(a[1] - p[1]) < 4:
        lo, hi = max(min(a[0], b[0]), min(p[0], q[0])), min(max(a[0], b[0]), max(p[0], q[0]))
        return max(0.0, hi - lo)
    return 0.0


def crosses(a: Point, b: Point, box: Box, inset: float = 1.0) -> bool:
    """Return whether the segment a-b enters the inside of ``box`` (shrunk by ``inset``)."""
    x0, y0, x1, y1 = box.x + inset, box.y + inset, box.x + box.w - inset, box.y + box.h - inset
    if x1 <= x0 or y1 <= y0:
        return False
    # Liang-Barsky clipping of the segment to the rectangle
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if p == 0:
            if q <= 0:
                return False
            continue
        r = q / p
        if p < 0:
            t0 = max(t0, r)
        else:
            t1 = min(t1, r)
        if t0 >= t1:
            return False
    return True


def _clip(box: Box, tx: float, ty: float) -> Point:
    """Return where the line from the box's centre towards (tx, ty) leaves the box."""
    cx, cy = box.x + box.w / 2, box.y + box.h / 2
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return cx, cy
    sx = (box.w / 2) / abs(dx) if dx else math.inf
    sy = (box.h / 2) / abs(dy) if dy else math.inf
    s = min(sx, sy)
    return cx + dx * s, cy + dy * s


def _ports(box: Box) -> list[tuple[Point, Point]]:
    """Return each side's midpoint and the point just outside it where a route may turn."""
    cx, cy = box.x + box.w / 2, box.y + box.h / 2
    return [
        ((box.x, cy), (box.x - CLEAR, cy)),
        ((box.x + box.w, cy), (box.x + box.w + CLEAR, cy)),
        ((cx, box.y), (cx, box.y - CLEAR)),
        ((cx, box.y + box.h), (cx, box.y + box.h + CLEAR)),
    ]


def _candidates(a: Box, b: Box) -> list[list[Point]]:
    out: list[list[Point]] = []
    for pa, qa in _ports(a):
        for pb, qb in _ports(b):
            # one bend, either way round, and two bends through a channel beside either box
            out.append([pa, qa, (qa[0], qb[1]), qb, pb])
            out.append([pa, qa, (qb[0], qa[1]), qb, pb])
            for x in (a.x - CLEAR, a.x + a.w + CLEAR, b.x - CLEAR, b.x + b.w + CLEAR):
                out.append([pa, qa, (x, qa[1]), (x, qb[1]), qb, pb])
            for y in (a.y - CLEAR, a.y + a.h + CLEAR, b.y - CLEAR, b.y + b.h + CLEAR):
                out.append([pa, qa, (qa[0], y), (qb[0], y), qb, pb])
    return out


def _simplify(points: list[Point]) -> list[Point]:
    out: list[Point] = []
    for raw in points:
        p = (round(raw[0], 2), round(raw[1], 2))
        if out and out[-1] == p:
            continue
        if len(out) >= 2:
            (x0, y0), (x1, y1) = out[-2], out[-1]
            if (x0 == x1 == p[0] and (y1 - y0) * (p[1] - y1) >= 0) or (
                y0 == y1 == p[1] and (x1 - x0) * (p[0] - x1) >= 0
            ):
                out[-1] = p  # a straight run: drop the middle point
                continue
        out.append(p)
    return out


def _length(points: list[Point]) -> float:
    return sum(math.dist(p, q) for p, q in itertools.pairwise(points))


def _clear(points: list[Point], index: BoxIndex, ends: tuple[str, str]) -> bool:
    for p, q in itertools.pairwise(points):
        for box in index.near(p, q):
            if box.node.id in ends:
                # a route may not run back through its own boxes either, except where it starts or ends
                if crosses(p, q, box, inset=1.5):
                    return False
                continue
            if crosses(p, q, box):
                return False
    return True


def route(a: Box, b: Box, index: BoxIndex) -> list[Point]:
    """Return the points of a line from box ``a``'s border to box ``b``'s that crosses no other box.

    The straight line between the centres is kept when it is clear; else the
    shortest clear orthogonal route with one or two bends; else the straight line.
    """
    straight = [_clip(a, b.x + b.w / 2, b.y + b.h / 2), _clip(b, a.x + a.w / 2, a.y + a.h / 2)]
    straight = [(round(x, 2), round(y, 2)) for x, y in straight]
    ends = (a.node.id, b.node.id)
    if _clear(straight, index, ends):
        return straight
    best: tuple[float, list[Point]] | None = None
    for cand in _candidates(a, b):
        pts = _simplify(cand)
        # a bend costs a little (fewer bends read more easily); running along a tree line costs a lot
        length = _length(pts) + 4 * len(pts)
        if best is not None and length >= best[0]:
            continue  # the tree-line term only adds: this one cannot win
        length += 20 * sum(index.along(p, q) for p, q in itertools.pairwise(pts))
        if (best is None or length < best[0]) and _clear(pts, index, ends):
            best = (length, pts)
    if best is None:
        best = _search(a, b, index)
    return best[1] if best is not None else straight


#: The largest grid :func:`_search` explores (columns times rows); a wider one keeps the straight line.
MAX_GRID = 40_000


def _search(a: Box, b: Box, index: BoxIndex) -> tuple[float, list[Point]] | None:
    """Return the shortest orthogonal route on the grid of the gaps around the boxes near a and b."""
    x0, x1 = min(a.x, b.x) - 4 * CLEAR, max(a.x + a.w, b.x + b.w) + 4 * CLEAR
    y0, y1 = min(a.y, b.y) - 4 * CLEAR, max(a.y + a.h, b.y + b.h) + 4 * CLEAR
    boxes = index.near((x0, y0), (x1, y1))
    xs = sorted(
        {x0, x1, *(q[0] for _p, q in _ports(a) + _ports(b))}
        | {v for bx in boxes for v in (bx.x - CLEAR, bx.x + bx.w + CLEAR)}
    )
    ys = sorted(
        {y0, y1, *(q[1] for _p, q in _ports(a) + _ports(b))}
        | {v for bx in boxes for v in (bx.y - CLEAR, bx.y + bx.h + CLEAR)}
    )
    xs = [x for x in xs if x0 <= x <= x1]
    ys = [y for y in ys if y0 <= y <= y1]
    if len(xs) * len(ys) > MAX_GRID:
        return None
    ends = (a.node.id, b.node.id)
    col = {x: i for i, x in enumerate(xs)}
    row = {y: j for j, y in enumerate(ys)}
    goals = {(col[q[0]], row[q[1]]): p for p, q in _ports(b)}
    goal_points = [(xs[gi], ys[gj]) for gi, gj in goals]

    def estimate(i: int, j: int) -> float:
        # A*: no route is shorter than the grid (Manhattan) distance to the nearest goal; bends and
        # detours only add, so the estimate never overstates and the first goal reached is the best
        x, y = xs[i], ys[j]
        return min(abs(x - gx) + abs(y - gy) for gx, gy in goal_points)

    heap: list[tuple[float, float, int, int, int]] = []
    came: dict[tuple[int, int, int], tuple[int, int, int] | None] = {}
    cost: dict[tuple[int, int, int], float] = {}
    for _p, q in _ports(a):
        state = (col[q[0]], row[q[1]], -1)
        cost[state] = CLEAR
        came[state] = None
        heapq.heappush(heap, (CLEAR + estimate(state[0], state[1]), CLEAR, *state))
    moves = ((1, 0), (-1, 0), (0, 1), (0, -1))
    # whether the grid edge between two neighbouring points is clear, asked once per edge: the
    # search reaches a point from up to four directions and would otherwise test it each time
    open_edge: dict[tuple[int, int, int, int], bool] = {}
    while heap:
        _f, c, i, j, d = heapq.heappop(heap)
        state = (i, j, d)
        if c > cost.get(state, math.inf):
            continue
        if (i, j) in goals:
            cells = [state]
            while (prev := came[cells[-1]]) is not None:
                cells.append(prev)
            start = next(p for p, q in _ports(a) if (col[q[0]], row[q[1]]) == cells[-1][:2])
            pts = [start, *((xs[ci], ys[cj]) for ci, cj, _ in reversed(cells)), goals[(i, j)]]
            pts = _simplify(pts)
            return _length(pts), pts
        for k, (di, dj) in enumerate(moves):
            ni, nj = i + di, j + dj
            if not (0 <= ni < len(xs) and 0 <= nj < len(ys)):
                continue
            p, q = (xs[i], ys[j]), (xs[ni], ys[nj])
            edge = (i, j, ni, nj) if (i, j) <= (ni, nj) else (ni, nj, i, j)
            clear = open_edge.get(edge)
            if clear is None:
                clear = open_edge[edge] = _clear([p, q], index, ends)
            if not clear:
                continue
            nc = c + math.dist(p, q) + (8.0 if d not in (-1, k) else 0.0)
            nxt = (ni, nj, k)
            if nc < cost.get(nxt, math.inf):
                cost[nxt] = nc
                came[nxt] = state
                heapq.heappush(heap, (nc + estimate(ni, nj), nc, ni, nj, k))
    return None
