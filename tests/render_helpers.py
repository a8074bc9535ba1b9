"""Helpers shared by the render tests: spec discovery, hostile names, decoding of outputs."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from orgspec.api import load
from orgspec.model.units import Plaque, Spec, Unit
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


def ministry(units: int = 1000) -> Spec:
    """A generated ministry of ``units`` units: departments (司) of divisions (处), a few with offices below."""
    made, departments = 1, []
    while made < units:
        d = len(departments)
        size = min(24, units - made - 1)
        divisions = []
        for i in range(size):
            below: tuple[Unit, ...] = ()
            if i == 0 and made + 1 + size + 2 <= units:
                below = (Unit(name=f"第{d + 1}司综合科", kind=UnitKind.SECTION),)
            divisions.append(
                Unit(
                    name=f"第{d + 1}司第{i + 1}處（綜合協調與政策研究）",
                    kind=UnitKind.PUBLIC_INSTITUTION if i % 8 == 7 else UnitKind.SECTION,
                    plaques=(Plaque(name=f"亞非交流{d + 1}-{i + 1}中心"),) if i == 3 else (),
                    units=below,
                )
            )
        made += 1 + size + sum(len(x.units) for x in divisions)
        departments.append(Unit(name=f"第{d + 1}司", kind=UnitKind.OFFICE, units=tuple(divisions)))
    return Spec(
        bodies=(Unit(name="中华人民共和国示例部", kind=UnitKind.CONSTITUENT_DEPARTMENT, units=tuple(departments)),)
    )
