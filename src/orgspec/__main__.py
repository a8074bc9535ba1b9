"""``python -m orgspec`` runs the command line."""

from orgspec.cli.main import entry

entry()
