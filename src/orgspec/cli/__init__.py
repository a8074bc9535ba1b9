"""The command line. ``orgspec.cli.main.main`` is the entry point; one module per command.

Imports: everything in orgspec, lazily, per command.
"""

from orgspec.cli.main import main

__all__ = ["main"]
