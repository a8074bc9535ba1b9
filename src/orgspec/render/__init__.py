"""Org charts: from the model to a neutral chart, then to DOT, Mermaid, SVG, HTML, draw.io, PNG or PDF.

Pipeline: :mod:`~orgspec.render.chart` (what is shown) →
:mod:`~orgspec.render.layout` (embedded tidy-tree layout, measured with
:mod:`~orgspec.render.text_metrics`) → a writer per format
(:mod:`~orgspec.render.dot`, :mod:`~orgspec.render.mermaid`,
:mod:`~orgspec.render.svg`, :mod:`~orgspec.render.html` — the SVG inlined in a
page to explore, with :mod:`~orgspec.render.script_fold` for search —, and
:mod:`~orgspec.render.drawio` for draw.io). Running Graphviz is apart, in
:mod:`~orgspec.render.graphviz_run`.

Imports: the submodules of :mod:`orgspec.render` only.
"""

from orgspec.render.chart import Chart, ChartError, ChartOptions, build_chart

__all__ = ["Chart", "ChartError", "ChartOptions", "build_chart"]
