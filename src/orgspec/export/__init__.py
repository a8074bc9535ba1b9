"""Exports of a spec's model to other formats: JSON, Popolo, the W3C Organization Ontology, CSV.

``export(spec, fmt)`` returns the text of one format; CSV has several tables
(:func:`orgspec.export.tables.tables`). Every export names units by the same
stable ids (:mod:`orgspec.export.ids`). The RDF formats need rdflib
(``pip install 'orgspec[rdf]'``); :class:`MissingDependencyError` says so.

Imports: :mod:`orgspec.model`, :mod:`orgspec.export.*` (rdflib lazily).
"""

from __future__ import annotations

import importlib
import json
from types import ModuleType

from orgspec.model.units import Spec

__all__ = ["FORMATS", "MissingDependencyError", "export"]

#: Every export format, in the order ``--help`` lists them.
FORMATS = ("json", "popolo", "org-ttl", "org-jsonld", "csv")


class MissingDependencyError(ImportError):
    """An optional dependency that a format needs is not installed; the message says how to add it."""


def _rdf() -> ModuleType:
    try:
        return importlib.import_module("orgspec.export.org_rdf")  # rdflib is optional
    except ImportError as err:
        raise MissingDependencyError("the RDF exports need rdflib: pip install 'orgspec[rdf]'") from err


def export(spec: Spec, fmt: str, *, base: str | None = None, excel: bool = False) -> str:
    """Return the text of ``spec`` in ``fmt`` (for ``csv``: the units table)."""
    if fmt == "json":
        return json.dumps(spec.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    if fmt == "popolo":
        from orgspec.export.popolo import popolo  # noqa: PLC0415

        return json.dumps(popolo(spec), ensure_ascii=False, indent=2) + "\n"
    if fmt in ("org-ttl", "org-jsonld"):
        mod = _rdf()
        fn = mod.to_turtle if fmt == "org-ttl" else mod.to_jsonld
        text: str = fn(spec, base or mod.DEFAULT_BASE)
        return text
    if fmt == "csv":
        from orgspec.export.tables import TABLES, table_rows, to_csv  # noqa: PLC0415

        return to_csv(table_rows(spec, "units"), TABLES["units"], excel)
    raise ValueError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
