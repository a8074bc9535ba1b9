"""From the model to a neutral chart: the one place that decides what a chart shows.

A :class:`Chart` is a forest of :class:`Node` (each with its label lines and a
style kind) plus non-tree :class:`Edge` relations (hosted office 设在, managed
on behalf 代管, co-location 合署办公, shared duty lists). Every format (DOT,
Mermaid, embedded SVG, HTML) draws this chart and decides nothing about
content; all display text is cleaned here (control, bidirectional and
zero-width characters removed, line breaks turned into spaces), and each
format escapes it for its own syntax.

Quantities stay honest: 另行核定 is shown as such, a figure that is not
stated is said to be so, an unreadable figure is shown as written with a
marker; none is ever shown as 0.

Imports: attrs, :mod:`orgspec.model`, :mod:`orgspec.lowering.resolve`,
:mod:`orgspec.errors`.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
import unicodedata
from collections.abc import Iterator, Mapping

import attrs

from orgspec.errors import OrgspecError
from orgspec.lowering.resolve import Index, walk_paths
from orgspec.model.units import Post, PostGroup, PostItem, Quota, RelationKind, Spec, Unit
from orgspec.model.values import Count, CountStatus, QuotaCategory, UnitKind
from orgspec.model.vocab import KIND_LABELS

__all__ = [
    "EDGE_LABELS",
    "KIND_LABELS_SHOWN",
    "Chart",
    "ChartError",
    "ChartOptions",
    "Edge",
    "LegendItem",
    "Line",
    "Node",
    "build_chart",
    "clean",
    "focus_path",
    "format_count",
    "labels_in",
    "localize",
    "plaque_text",
    "spec_script",
    "top_level_paths",
    "unit_lines",
]

#: How each style kind is named in a legend (Chinese as the documents say it, then English).
KIND_LABELS_SHOWN: dict[str, str] = {
    "body": "机构 body",
    "section": "内设机构 section",
    "office": "办公室 office",
    "party-committee": "机关党委 party committee",
    "service-centre": "服务中心 service centre",
    "discipline-unit": "纪检监察机构 discipline unit",
    "public-institution": "事业单位 public institution",
    "coordinating-body": "议事协调机构 coordinating body",
    "dispatched-unit": "派驻机构 dispatched unit",
    "other": "其他 other",
    "shared-duties": "共同职责 shared duty list",
    "external": "本图以外的机构 body outside the chart",
}

#: Labels of the non-tree relations, as drawn on their edges and in a legend.
EDGE_LABELS: dict[str, str] = {
    "hosts": "设在 hosted office",
    "manages": "代管 managed on behalf",
    "colocated": "合署办公 co-located",
    "office": "办事机构 working office of",
    "dual": "双重领导 also led by",
    "plaque": "牌子挂在 a plaque hung on",
    "performs": "具体承担 does the work of",
    "supervises": "监督 supervises",
    "shared": "共用职责 shares a duty list",
}

#: The short label written on each relation edge.
EDGE_SHORT: dict[str, str] = {
    "hosts": "设在",
    "manages": "代管",
    "colocated": "合署办公",
    "office": "办事机构",
    "dual": "双重领导",
    "plaque": "牌子挂在",
    "performs": "具体承担",
    "supervises": "监督",
    "shared": "",
}

_CATEGORY_LABELS: dict[QuotaCategory, str] = {
    QuotaCategory.ADMINISTRATIVE: "行政编制",
    QuotaCategory.PUBLIC_INSTITUTION: "事业编制",
    QuotaCategory.LOGISTICS: "工勤编制",
    QuotaCategory.DISPATCHED: "派驻编制",
    QuotaCategory.DISCIPLINE: "纪检监察编制",
    QuotaCategory.OTHER: "编制",
}

#: A duty shown on a chart is cut after this many characters.
DUTY_CHARS = 60

_STRIP = re.compile(r"[\s]+")

#: Simplified characters of the chart's own labels and their traditional forms (labels, never names).
_S2T = str.maketrans(
    "业个为党关内办务协单变后图导属并挂数无旧显机构检独监级纪组编职规议设调责销长门隶项领驻",
    "業個為黨關內辦務協單變後圖導屬並掛數無舊顯機構檢獨監級紀組編職規議設調責銷長門隸項領駐",
)
#: Common characters written differently in the two scripts, to tell which one a spec's names use.
_SIMPLIFIED = set(
    "处国华区经济会员发计划体广东时实对进这来业个为党关内办务协单变图导属挂数显机构检监级纪组编职规议设调责长门项领驻"
)
_TRADITIONAL = set(
    "處國華區經濟會員發計劃體廣東時實對進這來業個為爲黨關內辦務協單變圖導屬掛數顯機構檢監級紀組編職規議設調責長門項領駐"
)
_SCRIPT: contextvars.ContextVar[str] = contextvars.ContextVar("orgspec_chart_script", default="simplified")


def spec_script(spec: Spec) -> str:
    """Return ``"traditional"`` when the spec's names are mostly in traditional characters, else ``"simplified"``."""
    trad = simp = 0
    for unit in spec.walk():
        for name in unit.names():
            trad += sum(ch in _TRADITIONAL for ch in name)
            simp += sum(ch in _SIMPLIFIED for ch in name)
    return "traditional" if trad > simp else "simplified"


def localize(text: str, script: str) -> str:
    """Return one of the chart's own labels (挂…牌子, 内设机构, 图例 …) in ``script``; names are never passed here."""
    return text.translate(_S2T) if script == "traditional" else text


@contextlib.contextmanager
def labels_in(script: str) -> Iterator[None]:
    """Make the labels that :func:`unit_lines` and :func:`plaque_text` write, within the block, in ``script``."""
    token = _SCRIPT.set(script)
    try:
        yield
    finally:
        _SCRIPT.reset(token)


def _t(text: str) -> str:
    return localize(text, _SCRIPT.get())


class ChartError(OrgspecError, ValueError):
    """A chart that cannot be made as asked (e.g. the focus names no unit)."""


@attrs.frozen(slots=True)
class ChartOptions:
    """What a chart shows: depth limit, focus, and whether duties, quotas and plaques appear."""

    depth: int | None = None
    focus: str | None = attrs.field(default=None, metadata={"doc": "a unit path from focus_path()"})
    duties: bool = False
    quotas: bool = True
    plaques: bool = True


@attrs.frozen(slots=True)
class Line:
    """One logical line of a node's label; ``role`` says how it is styled."""

    text: str
    role: str  # name | plaque | meta | quota | duty | note | more
    mark: str | None = None  # a diff chart's mark (a key of style.MARK_STYLES) that colours this line


@attrs.frozen(slots=True)
class Node:
    """A box of the chart: a unit, a shared duty list or a body outside the chart."""

    id: str
    kind: str
    lines: tuple[Line, ...]
    parent: str | None = None
    attached: bool = False  # placed under its parent but joined by no tree line
    names: tuple[str, ...] = ()
    unit_id: str | None = None
    path: str | None = None  # the unit's model path (/bodies/0/units/2), None for other boxes
    marks: tuple[str, ...] = ()  # a diff chart's marks, first one drawn on the outline (style.MARK_STYLES)

    @property
    def name(self) -> str:
        """Return the first line (the unit's name)."""
        return self.lines[0].text if self.lines else ""


@attrs.frozen(slots=True)
class Edge:
    """A non-tree relation drawn dashed or dotted; ``kind`` is a key of :data:`EDGE_LABELS`."""

    source: str
    target: str
    kind: str
    text: str | None = None  # the label in the chart's script, when not the simplified default

    @property
    def label(self) -> str:
        """Return the short label drawn on the edge."""
        return EDGE_SHORT[self.kind] if self.text is None else self.text


@attrs.frozen(slots=True)
class LegendItem:
    """One legend entry: a node kind, a relation kind or a diff chart's mark, and its label."""

    key: str
    label: str
    is_edge: bool
    is_mark: bool = False


@attrs.frozen(slots=True)
class Chart:
    """A forest of nodes (in pre-order, roots first) and relations between them."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    legend: tuple[LegendItem, ...]
    title: str = ""
    script: str = "simplified"  # of the chart's own labels: "simplified" or "traditional", as the spec's names

    @property
    def legend_title(self) -> str:
        """Return the legend's heading in the chart's script."""
        return localize("图例 Legend", self.script)

    def children(self) -> dict[str | None, list[Node]]:
        """Return the nodes under each parent id (None: the roots), in order."""
        out: dict[str | None, list[Node]] = {}
        for node in self.nodes:
            out.setdefault(node.parent, []).append(node)
        return out


def clean(text: str) -> str:
    """Return display text: no control, format (bidi, zero-width) characters or line breaks."""
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Zl", "Zp"):
            out.append(" ")
        elif cat in ("Cf", "Cs", "Co", "Cn"):
            continue
        else:
            out.append(ch)
    return _STRIP.sub(" ", "".join(out)).strip()


def format_count(count: Count) -> str:
    """Return a figure as shown on a chart: a number, 另行核定, 未列明, garbled text with (?), cut-off text with …."""
    if count.status is CountStatus.NUMBER and count.value is not None:
        return str(count.value)
    if count.status is CountStatus.SEPARATELY:
        return "另行核定"
    if count.status is CountStatus.UNREADABLE:
        return f"{clean(count.text or '')}(?)"
    if count.status is CountStatus.CUT_OFF:
        return f"{clean(count.text or '')}…"
    if count.status is CountStatus.RANGE:
        return count.range_text()
    return "未列明"


def _quota_text(q: Quota) -> str:
    if q.label:
        label = clean(q.label)
    elif q.category_label:  # the pool as the document names it (总编制)
        label = clean(q.category_label)
    else:
        label = _t(_CATEGORY_LABELS[q.category])
    return f"{label}\u00a0{format_count(q.count)}"


def _post_text(item: PostItem) -> str:
    if isinstance(item, Post):
        prefix = _t("另核") if item.approved_separately else ""
        title = clean(item.title)
        return f"{prefix}{title}{_glue(title, item.count)}{format_count(item.count)}"
    assert isinstance(item, PostGroup)
    title = clean(item.title) if item.title else _t("领导职数")
    inner = " ".join(_post_text(p) for p in item.posts)
    return f"{title}{_glue(title, item.count)}{format_count(item.count)}" + (f"({inner})" if inner else "")


def _glue(title: str, count: Count) -> str:
    """Return what joins a title to its figure: nothing between 主任 and 1, else a no-break space."""
    return "" if count.known and title and _has_cjk(title[-1]) else "\u00a0"


def _kind_style(unit: Unit, is_root: bool) -> str:
    if is_root:
        return "body"
    kind = unit.kind or UnitKind.SECTION
    if kind in (
        UnitKind.CONSTITUENT_DEPARTMENT,
        UnitKind.WORKING_DEPARTMENT,
        UnitKind.DIRECTLY_AFFILIATED,
        UnitKind.DEPARTMENT_ADMINISTERED,
    ):
        return "body"
    return kind.value if kind.value in KIND_LABELS_SHOWN else "other"


def _meta_text(unit: Unit, style: str) -> str:
    parts: list[str] = []
    if unit.kind_label:
        parts.append(clean(unit.kind_label))
    elif unit.kind is not None and style == "body" and unit.kind in KIND_LABELS:
        parts.append(_t(KIND_LABELS[unit.kind][0]))
    if unit.rank:
        parts.append(clean(unit.rank))
    if unit.section_rank:
        parts.append(_t("内设机构") + clean(unit.section_rank))
    if unit.per_regulations:
        parts.append(_t("按规定设定"))
    return "\u00a0· ".join(parts)


def _unit_lines(unit: Unit, style: str, options: ChartOptions, ids: Mapping[str, str] | None = None) -> list[Line]:
    lines = [Line(clean(unit.name), "name")]
    if options.plaques:
        lines.extend(Line(_plaque_text(p.name, p.form), "plaque") for p in unit.plaques)
    meta = _meta_text(unit, style)
    if meta:
        lines.append(Line(meta, "meta"))
    if options.quotas:
        items = [_quota_text(q) for q in unit.quotas]
        if unit.posts:
            items.append(" ".join(_post_text(p) for p in unit.posts))
        if items:
            lines.append(Line("\u00a0· ".join(items), "quota"))
    if unit.members:
        lines.append(Line(_members_text(unit, ids or {}), "quota"))
    if options.duties:
        lines.extend(Line(_duty_text(d.number, d.text), "duty") for d in unit.duties)
    return lines


def unit_lines(
    unit: Unit, is_root: bool, options: ChartOptions, ids: Mapping[str, str] | None = None
) -> tuple[str, list[Line]]:
    """Return the style kind and label lines of ``unit`` as :func:`build_chart` draws them.

    ``ids`` names the units a statement refers to by id (id → name): a member body ``of @zf``.
    """
    style = _kind_style(unit, is_root)
    return style, _unit_lines(unit, style, options, ids)


def plaque_text(name: str, form: str | None) -> str:
    """Return a plaque as a chart shows it (挂…牌子)."""
    return _plaque_text(name, form)


def _members_text(unit: Unit, ids: Mapping[str, str]) -> str:
    """Return the members of a coordinating body by role: 组长 州外办主任 · 副组长 …, posts not persons.

    A member body named by id (``of @zf``) is shown by its unit's name (``ids``: id → name).
    """
    by_role: dict[str, list[str]] = {}
    for member in unit.members:
        body = member.body
        where = (ids.get(body.target, body.target) if body.by == "id" else body.target) if body else ""
        who = clean(where + (member.post or "")) or "…"
        by_role.setdefault(clean(member.role), []).append(who)
    return "\u00a0· ".join(f"{role} {'、'.join(posts)}" for role, posts in by_role.items())


def _has_cjk(text: str) -> bool:
    return any(unicodedata.east_asian_width(ch) in ("W", "F") for ch in text)


def _plaque_text(name: str, form: str | None) -> str:
    """Return a plaque as the documents show it: 挂…牌子 (or "(form) name" for a name not in Chinese)."""
    name = clean(name)
    if _has_cjk(name):
        return f"{clean(form) if form else _t('挂')}{name}牌子"
    return f"({clean(form) if form else 'plaque'}) {name}"


def _duty_text(number: int | None, text: str) -> str:
    body = clean(text)
    if len(body) > DUTY_CHARS:
        body = body[:DUTY_CHARS] + "…"
    return f"{number}. {body}" if number is not None else body


def focus_path(spec: Spec, text: str) -> str:
    """Return the path of the unit named ``text`` (an id, a name or a plaque); raise ChartError."""
    index = Index(spec)
    path = index.by_id.get(text)
    if path is None:
        found = spec.find(text)
        if found is not None:
            path = next(p for p, u, _ in walk_paths(spec) if u is found)
    if path is None:
        raise ChartError(f"no unit is named {text!r} (give a name, a plaque or an id)")
    return path


def top_level_paths(spec: Spec) -> list[str]:
    """Return the paths of the units directly under each body, in document order."""
    return [f"/bodies/{b}/units/{i}" for b, body in enumerate(spec.bodies) for i in range(len(body.units))]


def _depth(path: str) -> int:
    return path.count("/units/")


def _visible(spec: Spec, options: ChartOptions) -> Iterator[tuple[str, Unit, str | None, int]]:
    """Yield ``(path, unit, parent_path, hidden_children)`` of the units the chart shows."""
    focus = options.focus
    for path, unit, parent in walk_paths(spec):
        if focus is not None:
            on_path = focus == path or focus.startswith(path + "/")
            below = path.startswith(focus + "/")
            if not (on_path or below):
                continue
            base = _depth(focus)
        else:
            base = 0
        rel = _depth(path) - base
        if options.depth is not None and rel >= options.depth:
            continue
        hidden = 0
        if options.depth is not None and rel == options.depth - 1:
            hidden = sum(1 for _ in unit.walk()) - 1
        if focus is not None and focus.startswith(path + "/"):
            hidden = 0  # an ancestor of the focus: its other units are simply left out
        yield path, unit, parent, hidden


def build_chart(spec: Spec, options: ChartOptions | None = None) -> Chart:
    """Return the chart of ``spec`` as ``options`` ask, its own labels in the script of the spec's names."""
    with labels_in(spec_script(spec)):
        return _build_chart(spec, options or ChartOptions())


def _build_chart(spec: Spec, options: ChartOptions) -> Chart:
    index = Index(spec)
    ids = {uid: index.units[path].name for uid, path in index.by_id.items()}
    nodes: list[Node] = []
    by_path: dict[str, str] = {}
    units: list[tuple[str, Unit]] = []
    for path, unit, parent, hidden in _visible(spec, options):
        node_id = f"n{len(nodes) + 1}"
        by_path[path] = node_id
        style = _kind_style(unit, parent is None)
        lines = _unit_lines(unit, style, options, ids)
        if hidden:
            lines.append(Line(_t(f"另有 {hidden} 个下级单位未显示"), "more"))
        names = tuple(clean(n) for n in unit.names())
        parent_id = by_path.get(parent) if parent else None
        nodes.append(Node(node_id, style, tuple(lines), parent_id, False, names, unit.id, path))
        units.append((path, unit))

    edges: list[Edge] = []
    seen_edges: set[tuple[str, str, str]] = set()
    external: dict[str, str] = {}
    anchors: dict[str, str] = {}  # a shared duty list is placed right after its last section

    def target_node(ref_path: str | None, name: str) -> str:
        if ref_path is not None and ref_path in by_path:
            return by_path[ref_path]
        shown = clean(index.units[ref_path].name) if ref_path is not None else clean(name)
        if shown not in external:
            node_id = f"n{len(nodes) + 1}"
            external[shown] = node_id
            nodes.append(Node(node_id, "external", (Line(shown, "name"),), None, False, (shown,)))
        return external[shown]

    def add_edge(source: str, target: str, kind: str) -> None:
        key = (*sorted((source, target)), kind) if kind == "colocated" else (source, target, kind)
        if key not in seen_edges and source != target:
            seen_edges.add(key)  # type: ignore[arg-type]
            edges.append(Edge(source, target, kind, _t(EDGE_SHORT[kind]) if _SCRIPT.get() != "simplified" else None))

    for path, unit in units:
        me = by_path[path]
        for rel in unit.relations:
            if rel.kind is RelationKind.OFFICE_OF_POST:
                continue  # a post is not a unit: the chart has no box to draw the arrow to
            other = target_node(index.lookup(rel.target), rel.target.target)
            if rel.kind is RelationKind.HOSTS:
                add_edge(other, me, "hosts")
            elif rel.kind is RelationKind.HOSTED_IN:
                add_edge(me, other, "hosts")
            elif rel.kind is RelationKind.MANAGES:
                add_edge(me, other, "manages")
            elif rel.kind is RelationKind.MANAGED_BY:
                add_edge(other, me, "manages")
            elif rel.kind is RelationKind.OFFICE_OF:
                add_edge(me, other, "office")  # from the office to the body whose work it does
            elif rel.kind is RelationKind.WORKING_OFFICE:
                add_edge(other, me, "office")
            elif rel.kind is RelationKind.DUAL_LED_BY:
                add_edge(other, me, "dual")  # from the second leader to the unit it leads
            elif rel.kind is RelationKind.PLAQUE_ON:
                add_edge(me, other, "plaque")  # from the plaque-only body to the body that carries it
            elif rel.kind is RelationKind.PERFORMS_FOR:
                add_edge(me, other, "performs")  # from the unit that does the work to the unit it serves
            elif rel.kind is RelationKind.PERFORMED_BY:
                add_edge(other, me, "performs")
            elif rel.kind is RelationKind.SUPERVISES:
                add_edge(me, other, "supervises")  # from the unit that supervises to the body supervised
            elif rel.kind is RelationKind.SUPERVISED_BY:
                add_edge(other, me, "supervises")
            else:
                add_edge(me, other, "colocated")
        for shared in unit.shared_duties:
            members = [index.lookup(r) for r in shared.sections]
            shown = [by_path[p] for p in members if p is not None and p in by_path]
            if not shown:
                continue
            lines = [Line(clean(shared.intro) if shared.intro else _t("共同职责"), "name")]
            if options.duties:
                lines.extend(Line(_duty_text(d.number, d.text), "duty") for d in shared.duties)
            else:
                lines.append(Line(_t(f"职责 {len(shared.duties)} 项"), "meta"))
            node_id = f"n{len(nodes) + 1}"
            nodes.append(Node(node_id, "shared-duties", tuple(lines), me, True, ()))
            anchors[node_id] = shown[-1]
            for member in shown:
                add_edge(node_id, member, "shared")

    ordered = _preorder(nodes, anchors)
    kinds_used = {n.kind for n in ordered}
    legend = [LegendItem(k, _t(v), False) for k, v in KIND_LABELS_SHOWN.items() if k in kinds_used]
    legend += [LegendItem(k, _t(v), True) for k, v in EDGE_LABELS.items() if any(e.kind == k for e in edges)]
    title = " / ".join(clean(b.name) for b in spec.bodies)
    return Chart(tuple(ordered), tuple(edges), tuple(legend), title, _SCRIPT.get())


def _preorder(nodes: list[Node], anchors: dict[str, str]) -> list[Node]:
    kids: dict[str | None, list[Node]] = {}
    for node in nodes:
        if node.id not in anchors:
            kids.setdefault(node.parent, []).append(node)
    for node in nodes:
        anchor = anchors.get(node.id)
        if anchor is not None:
            siblings = kids.setdefault(node.parent, [])
            at = next((i for i, s in enumerate(siblings) if s.id == anchor), len(siblings) - 1)
            siblings.insert(at + 1, node)
    out: list[Node] = []
    stack = list(reversed(kids.get(None, [])))
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(kids.get(node.id, [])))
    return out
