"""``orgspec lsp``: a language server for ``.orgspec`` files, built on pygls.

:mod:`orgspec.lsp.positions` converts offsets to LSP positions and
:mod:`orgspec.lsp.scan` reads text that may not parse (no dependencies);
:mod:`orgspec.lsp.features` computes diagnostics, hover, definitions, the
outline and formatting; :mod:`orgspec.lsp.complete` completion;
:mod:`orgspec.lsp.edits` references, rename and code actions;
:mod:`orgspec.lsp.tokens` semantic tokens; :mod:`orgspec.lsp.project` the
configuration, policy packs and workspace specs around the open documents (OS801,
OS802); :mod:`orgspec.lsp.server` wires them
into pygls. pygls is an optional dependency (``pip install 'orgspec[lsp]'``,
which also brings OpenCC for the script conversions).

Imports: nothing at package level.
"""
