"""``orgspec lsp``: run the language server over stdio (see ``docs/editors.md``).

Imports: :mod:`orgspec.lsp.server` lazily (it needs pygls: ``pip install 'orgspec[lsp]'``).
"""

from __future__ import annotations

import argparse
import sys

from orgspec.cli.main import EXIT_ERROR, EXIT_OK

__all__ = ["configure"]


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``lsp``."""
    parser.add_argument(
        "--stdio", action="store_true", help="talk over stdin and stdout (the default; accepted for editors)"
    )
    parser.add_argument(
        "--policy",
        dest="policy",
        action="append",
        default=[],
        metavar="PACK",
        help="also check the rules of a policy pack, as orgspec check --policy does (repeatable; added to "
        "the config's policy)",
    )
    parser.set_defaults(run=run_lsp)


def run_lsp(args: argparse.Namespace) -> int:
    """Serve the Language Server Protocol on stdin and stdout until the client exits."""
    try:
        from orgspec.lsp.server import create_server
    except ImportError:
        sys.stderr.write("orgspec: the language server needs pygls: pip install 'orgspec[lsp]'\n")
        return EXIT_ERROR
    create_server(args.policy).start_io()
    return EXIT_OK
