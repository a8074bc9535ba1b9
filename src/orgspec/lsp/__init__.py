"""``orgspec lsp``: a language server for ``.orgspec`` files, built on pygls.

:mod:`orgspec.lsp.positions` converts offsets to LSP positions (no
dependencies); :mod:`orgspec.lsp.features` computes diagnostics, hover,
definitions, the outline and formatting; :mod:`orgspec.lsp.server` wires them
into pygls. pygls is an optional dependency (``pip install 'orgspec[lsp]'``);
only ``features`` and ``server`` import it.

Imports: nothing at package level.
"""
