"""Org charts: from the model to a neutral chart, then to DOT, Mermaid, SVG, HTML, draw.io, PNG or PDF.

Pipeline: :mod:`~orgspec.render.chart` (what is shown) →
:mod:`~orgspec.render.layout` (embedded tidy-tree layout, measured with
:mod:`~orgspec.render.text_metrics`) → a writer per format
(:mod:`~orgspec.render.dot`, :mod:`~orgspec.render.mermaid`,
:mod:`~orgspec.render.svg`, :mod:`~orgspec.render.html` — the SVG inlined in a
page to explore, with :mod:`~orgspec.render.script_fold` for search —, and
:mod:`~orgspec.render.drawio` for draw.io). Running Graphviz is apart, in
:mod:`~orgspec.render.graphviz_run`.

The one-call function :func:`orgspec.render` shares its name with this
package: importing the package rebinds ``orgspec.render`` to it, so the
package is callable and a call goes to :func:`orgspec.api.render`.

Imports: the submodules of :mod:`orgspec.render` only (and :mod:`orgspec.api` when called).
"""

import sys
import types
from typing import Any

from orgspec.render.chart import Chart, ChartError, ChartOptions, build_chart

__all__ = ["Chart", "ChartError", "ChartOptions", "build_chart"]


class _CallablePackage(types.ModuleType):
    """The package, callable as :func:`orgspec.render` (the attribute may name either)."""

    def __call__(self, *args: Any, **kwargs: Any) -> bytes:
        from orgspec.api import render  # noqa: PLC0415 - the API imports this package

        return render(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
