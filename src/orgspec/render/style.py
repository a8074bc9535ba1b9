"""The look of each kind of box and relation, shared by every format.

Kinds differ in colour *and* in outline (rounded, dashed, double), so that a
chart printed in grey still tells them apart. The font list names Noto Sans
CJK first (what CI installs), then the usual CJK system fonts.

Imports: nothing.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = [
    "EDGE_STYLES",
    "FADED_OPACITY",
    "FADED_TEXT",
    "FONT_FAMILY",
    "KIND_STYLES",
    "MARK_STYLES",
    "EdgeStyle",
    "KindStyle",
    "MarkStyle",
    "grey",
    "greyscale",
]

FONT_FAMILY = (
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', sans-serif"
)


class KindStyle(NamedTuple):
    """Fill, stroke, outline dash pattern (empty: solid), rounded corners, stroke width."""

    fill: str
    stroke: str
    dash: str
    rounded: bool
    width: float


class EdgeStyle(NamedTuple):
    """Colour, dash pattern and whether the edge has an arrow head."""

    color: str
    dash: str
    arrow: bool


class MarkStyle(NamedTuple):
    """How a diff chart marks a unit: outline colour and width, dash pattern, and whether it is faded."""

    color: str
    width: float
    dash: str
    faded: bool


KIND_STYLES: dict[str, KindStyle] = {
    "body": KindStyle("#dce9f7", "#1f4e79", "", False, 2.0),
    "section": KindStyle("#ffffff", "#4a6785", "", False, 1.0),
    "office": KindStyle("#eaf4e4", "#3b7a2a", "", False, 1.5),
    "party-committee": KindStyle("#fde7e7", "#b22222", "", False, 1.5),
    "service-centre": KindStyle("#fff3dd", "#b86e00", "", True, 1.2),
    "discipline-unit": KindStyle("#f1e6fa", "#6a3d9a", "", False, 1.5),
    "public-institution": KindStyle("#e3f5f4", "#1b7f7f", "", True, 1.2),
    "coordinating-body": KindStyle("#fbf7d9", "#8a7a00", "6 3", True, 1.2),
    "dispatched-unit": KindStyle("#eeeeee", "#555555", "2 2", False, 1.2),
    "other": KindStyle("#f7f7f7", "#777777", "", False, 1.0),
    "shared-duties": KindStyle("#fffbea", "#9a8400", "4 3", False, 1.0),
    "external": KindStyle("#ffffff", "#888888", "6 4", True, 1.0),
}

EDGE_STYLES: dict[str, EdgeStyle] = {
    "hosts": EdgeStyle("#1f4e79", "6 4", True),
    "manages": EdgeStyle("#b86e00", "6 4", True),
    "colocated": EdgeStyle("#3b7a2a", "2 3", False),
    "office": EdgeStyle("#8a7a00", "8 3", True),
    "dual": EdgeStyle("#7a2a6e", "4 2", True),
    "plaque": EdgeStyle("#5a5a5a", "1 3", True),
    "performs": EdgeStyle("#8a7a00", "3 3", True),
    "supervises": EdgeStyle("#a03030", "5 2", True),
    "shared": EdgeStyle("#9a8400", "2 3", False),
}

#: The marks of a diff chart, in the order of precedence (the first mark of a unit colours its outline).
MARK_STYLES: dict[str, MarkStyle] = {
    "established": MarkStyle("#2e9e44", 3.0, "", False),
    "abolished": MarkStyle("#8a8a8a", 1.5, "5 4", True),
    "renamed": MarkStyle("#d81b60", 3.0, "", False),
    "moved": MarkStyle("#1e88e5", 3.0, "", False),
    "plaque-added": MarkStyle("#f57c00", 3.0, "", False),
    "plaque-removed": MarkStyle("#e53935", 3.0, "", False),
}

#: Fill opacity and text colour of a faded (abolished, ghosted) unit.
FADED_OPACITY = 0.5
FADED_TEXT = "#8a8a8a"


_HEX = re.compile(r"#([0-9a-fA-F]{6})\b")


def grey(color: str) -> str:
    """Return the shade of grey of the same lightness as ``#rrggbb`` (ITU-R BT.601 luma)."""
    r, g, b = (int(color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    y = round(0.299 * r + 0.587 * g + 0.114 * b)
    return f"#{y:02x}{y:02x}{y:02x}"


def greyscale(text: str) -> str:
    """Return ``text`` (SVG, DOT, Mermaid, HTML) with every ``#rrggbb`` colour turned to its grey.

    Kinds stay apart in grey print by their outlines (dashed, rounded, widths), which are unchanged.
    """
    return _HEX.sub(lambda m: grey(m.group(0)), text)
