"""Routes of the non-tree relations on the embedded layout: lines that pass beside boxes, not under them.

A relation (hosted office, managed body, co-location, shared duty list) joins
two boxes that may stand far apart, with other boxes between them. A straight
line from centre to centre runs under those boxes and seems to end at the
first one it meets. :func:`route` instead tries the straight line, then
orthogonal routes with one or two bends through the gaps beside either box,
and keeps the shortest that crosses no other box; only when none exists does
it fall back to the straight line. Every route starts on the border of its
source box and ends on the border of its target box.

Imports: :mod:`orgspec.render.layout`.
"""

from __future__ import annotations

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
            for p, q in zip(pts, pts[1:], strict=False):
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
    for p in points:
        p = (round(p[0], 2), round(p[1], 2))
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
    return sum(math.dist(p, q) for p, q in zip(points, points[1:], strict=False))


def _clear(points: list[Point], index: BoxIndex, ends: tuple[str, str]) -> bool:
    for p, q in zip(points, points[1:], strict=False):
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
        length = _length(pts) + 4 * len(pts) + 20 * sum(index.along(p, q) for p, q in zip(pts, pts[1:], strict=False))
        if (best is None or length < best[0]) and _clear(pts, index, ends):
            best = (length, pts)
    return best[1] if best is not None else straight
