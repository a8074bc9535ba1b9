"""``orgspec completion bash|zsh|fish``: print a shell completion script.

The script is generated from the command line's own argparse parser by
``shtab``, so every command, option and choice is completed as the parser
defines it, and a new option needs no change here. Options that take a
file complete file names; ``check``'s, ``fmt``'s and ``render``'s paths
complete files and folders.

Install: ``orgspec completion bash > ~/.local/share/bash-completion/completions/orgspec``;
zsh: ``orgspec completion zsh > "${fpath[1]}/_orgspec"``; fish:
``orgspec completion fish > ~/.config/fish/completions/orgspec.fish``.

Imports: shtab, :mod:`orgspec.cli.main`.
"""

from __future__ import annotations

import argparse
import sys

from orgspec.cli.main import EXIT_ERROR, EXIT_OK

__all__ = ["SHELLS", "configure", "script"]

#: The shells a script can be printed for.
SHELLS = ("bash", "zsh", "fish")


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``completion``."""
    parser.add_argument("shell", choices=SHELLS, metavar="SHELL", help="bash, zsh or fish")
    parser.epilog = (
        "install: orgspec completion bash > ~/.local/share/bash-completion/completions/orgspec; "
        'zsh: orgspec completion zsh > "${fpath[1]}/_orgspec"; '
        "fish: orgspec completion fish > ~/.config/fish/completions/orgspec.fish"
    )
    parser.set_defaults(run=run)


def script(shell: str) -> str:
    """Return the completion script of ``orgspec`` for ``shell``."""
    try:
        import shtab
    except ImportError as err:  # pragma: no cover - shtab is a dependency
        raise RuntimeError("shell completion needs shtab: pip install shtab") from err
    from orgspec.cli.main import build_parser

    parser = build_parser()
    for action in _all_actions(parser):
        if action.dest in ("paths", "file", "new", "old", "document", "config", "outputs", "output") or (
            action.metavar in ("PATH", "FILE", "OUT", "DOC")
        ):
            action.complete = shtab.FILE  # type: ignore[attr-defined]
    text: str = shtab.complete(parser, shell=shell)
    return text if text.endswith("\n") else text + "\n"


def _all_actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    out = []
    for action in parser._actions:
        out.append(action)
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                out.extend(_all_actions(sub))
    return out


def run(args: argparse.Namespace) -> int:
    """Print the completion script."""
    try:
        sys.stdout.write(script(args.shell))
    except RuntimeError as err:
        sys.stderr.write(f"orgspec: error: {err}\n")
        return EXIT_ERROR
    return EXIT_OK
