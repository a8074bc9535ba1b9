"""A chart in a file format: the one place that turns a :class:`~orgspec.render.chart.Chart` into bytes.

Both doors use it: ``orgspec render`` and :func:`orgspec.render`. Text formats are drawn
directly (DOT, Mermaid, the HTML page, draw.io); SVG, PNG and PDF come from the embedded layout,
or from Graphviz with ``engine="graphviz"``. A user error (Graphviz or a CJK font missing, a bad
font size) is a :class:`DrawError` with a one-line message; warnings go to ``warn``.

Imports: :mod:`orgspec.render.*` (lazily: each format imports only what it needs).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

import attrs

from orgspec.render.chart import Chart
from orgspec.render.graphviz_run import ToolError

if TYPE_CHECKING:
    from orgspec.render.paper import Part

__all__ = ["FORMATS", "DrawError", "DrawOptions", "Format", "draw", "format_of", "split"]

#: The formats a chart is written in.
Format = Literal["svg", "png", "pdf", "dot", "mmd", "html", "drawio"]
#: Output formats by file extension.
FORMATS: dict[str, Format] = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
    ".mmd": "mmd",
    ".html": "html",
    ".drawio": "drawio",
}


class DrawError(ToolError):
    """A chart cannot be drawn in the format asked for; the message says why and what to do.

    A :class:`~orgspec.render.graphviz_run.ToolError` (so an :class:`~orgspec.errors.OrgspecError`).
    """


@attrs.frozen
class DrawOptions:
    """How to draw: the engine, the HTML page's initial depth, paper, theme and font size."""

    engine: Literal["embedded", "graphviz"] = "embedded"
    depth: int | None = None
    page: Literal["A4", "A3", "letter"] = "A4"
    orientation: Literal["landscape", "portrait"] | None = None
    theme: Literal["colour", "grey"] = "colour"
    font_size: float | None = None


def format_of(name: str) -> Format | None:
    """Return the format a file name's extension asks for, or None."""
    dot = name.rfind(".")
    return FORMATS.get(name[dot:].lower()) if dot >= 0 else None


def split(chart: Chart, options: DrawOptions = DrawOptions()) -> list[Part]:
    """Return the parts ``orgspec render --split`` writes, one file each (draw each ``part.chart``).

    A chart of several bodies is split by body; a body too large for one page of ``options.page``
    (text at least 6 pt) is split into an overview, its sections directly under it together, and
    its departments packed as many to a part as fit a page, a department too large going a level
    down; never one part per section. A chart that fits one page is one part. The parts are the
    PDF's pages (:func:`orgspec.render.paper.plan_parts`), whatever the format they are drawn in.
    """
    from orgspec.render.paper import PageOptions, plan_parts

    page = PageOptions(options.page, options.orientation, options.font_size)
    return plan_parts(chart, page, split_bodies=True)


def _ignore(_: str) -> None:
    return None


def draw(
    chart: Chart, fmt: Format, options: DrawOptions = DrawOptions(), warn: Callable[[str], None] = _ignore
) -> bytes:
    """Return ``chart`` in ``fmt``; raise :class:`DrawError` when it cannot be drawn here."""
    from orgspec.render.style import greyscale

    if options.font_size is not None and not 4 <= options.font_size <= 72:
        raise DrawError(f"the font size must be from 4 to 72 pt, found {options.font_size:g}")
    data = _draw(chart, fmt, options, warn)
    if options.theme == "grey" and fmt in ("svg", "dot", "mmd", "html"):
        return greyscale(data.decode("utf-8")).encode("utf-8")
    return data


def _draw(chart: Chart, fmt: Format, options: DrawOptions, warn: Callable[[str], None]) -> bytes:
    from orgspec.render.dot import DEFAULT_FONT, render_dot
    from orgspec.render.graphviz_run import find_cjk_font, find_dot, run_dot
    from orgspec.render.style import greyscale

    if fmt == "dot":
        return render_dot(chart).encode("utf-8")
    if fmt == "mmd":
        from orgspec.render.mermaid import render_mermaid

        return render_mermaid(chart).encode("utf-8")
    if fmt == "html":
        from orgspec.render.html import INITIAL_DEPTH, render_html

        return render_html(chart, options.depth or INITIAL_DEPTH).encode("utf-8")
    if fmt == "drawio":
        from orgspec.render.drawio import render_drawio

        return render_drawio(chart).encode("utf-8")
    grey = options.theme == "grey"
    try:
        if options.engine == "embedded":
            if fmt == "svg":
                from orgspec.render.svg import render_svg

                return render_svg(chart, name_size=options.font_size).encode("utf-8")
            from orgspec.render.paper import PageOptions, render_pdf, render_png

            if fmt == "png":
                zoom = 2.0 * (options.font_size / 14.0 if options.font_size else 1.0)
                return render_png(chart, zoom=zoom, warn=warn, grey=grey)
            return render_pdf(
                chart, PageOptions(options.page, options.orientation, options.font_size), warn=warn, grey=grey
            )
        if find_dot() is None:
            raise DrawError(
                f"{fmt.upper()} output through Graphviz needs Graphviz, which is not installed: install it "
                "(apt-get install graphviz, brew install graphviz or https://graphviz.org/download/), "
                "or use the embedded engine (--engine embedded)"
            )
        font = find_cjk_font()
        if font is None:
            if fmt != "svg":
                raise DrawError(
                    f"no installed font covers Chinese, so {fmt.upper()} text would be empty boxes: install one "
                    "(apt-get install fonts-noto-cjk, or any Noto Sans CJK / WenQuanYi font) or write .svg or .html"
                )
            font = DEFAULT_FONT  # an SVG names the font; the viewer's machine supplies it
        text = render_dot(chart, font=font)
        return run_dot(greyscale(text) if grey else text, fmt, warn=warn)
    except ToolError as err:
        raise DrawError(str(err)) from None
