"""Helpers shared by the render tests: spec discovery, hostile names, decoding of outputs."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from orgspec.api import load
from orgspec.model.units import Spec, Unit
from orgspec.model.values import UnitKind

from .conftest import EXAMPLES, GOLDEN, SPECS

RENDER_GOLDEN = GOLDEN / "render"
CASES = RENDER_GOLDEN / "cases"
SVG_NS = "{http://www.w3.org/2000/svg}"


def chart_specs() -> list[Path]:
    """Every spec in specs/ and examples/ plus the render cases (new specs are picked up by globbing)."""
    return sorted(SPECS.glob("*.orgspec")) + sorted(EXAMPLES.glob("*.orgspec")) + sorted(CASES.glob("*.orgspec"))


def load_spec(path: Path) -> Spec:
    return load(path)


#: Names that try to break out of every format.
HOSTILE = [
    'A"B"C',
    "single'quote",
    'x]; node [shape=box color=red]; y [label="',
    'y"] --> z["pwned',
    "%%{init: {'theme':'dark'}}%%",
    "click n1 call alert(1)",
    "<script>alert(1)</script>",
    "]]><x/><![CDATA[",
    "line\nbreak\r\nand\ttab",
    "\u202eevil\u202c override",
    "zero\u200bwidth\u2066iso\u2069",
    "&amp; & #quot; #35; &#60;",
    "back\\slash \\n \\l",
    "`md` **bold** _it_",
    "{curly} (paren) [bracket] |pipe| <angle>",
    "end",
    "subgraph x",
    "a;b;c --> d",
    "<!-- comment -->",
    "<B>bold</B><BR/>",
    "http://example.com/x.png",
]


def hostile_spec(names: list[str]) -> Spec:
    """A body whose sections (with plaques) carry the given names."""
    sections = tuple(Unit(name=name, kind=UnitKind.SECTION, plaques=()) for name in names)
    return Spec(bodies=(Unit(name="机构" + (names[0] if names else ""), units=sections),))


_MERMAID_ENTITY = re.compile(r"#(\d+);")


def mermaid_labels(text: str) -> dict[str, str]:
    """Return each node's decoded label text (lines joined, tags removed) by node id."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        m = re.fullmatch(r"  (n\d+)[\[(]\"([^\"]*)\"[\])]:::k_\w+", line)
        if m:
            raw = re.sub(r"<br/>", "\x00", m.group(2))
            raw = re.sub(r"</?(b|small)>", "", raw)
            out[m.group(1)] = _MERMAID_ENTITY.sub(lambda e: chr(int(e.group(1))), raw)
    return out


def svg_nodes(svg: str) -> list[tuple[ET.Element, ET.Element, list[ET.Element]]]:
    """Return ``(group, rect, texts)`` for every node of an embedded-engine SVG."""
    root = ET.fromstring(svg.encode("utf-8"))
    out = []
    for g in root.iter(f"{SVG_NS}g"):
        if "node" in (g.get("class") or "").split():
            rect = g.find(f"{SVG_NS}rect")
            assert rect is not None
            out.append((g, rect, g.findall(f"{SVG_NS}text")))
    return out
