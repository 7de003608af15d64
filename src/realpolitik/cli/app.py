"""The ``realpolitik`` command: a click group of thin commands. Each parses its input, calls one library
function, and formats the result; nothing about coding lives here. Library errors become one-line
``click.ClickException`` messages, never tracebacks.

A command's module is imported only when that command runs (or help lists it): ``ingest`` has no use for Dask,
and the second of start-up that importing every command cost is a second before its workers start coding.
"""

from __future__ import annotations

import importlib

import click

from .. import __version__

#: Each command's name and the module (in this package) that defines it in its ``COMMANDS``.
COMMAND_MODULES = {
    "code": "coding", "ingest": "coding", "events": "coding",
    "eval": "evaluation", "knowledge": "evaluation",
    "dyad": "chessboard", "compare": "chessboard", "network": "chessboard", "clusters": "chessboard",
    "export": "chessboard", "import-gdelt": "chessboard",
    "batch": "batch", "load": "batch",
    "claims": "claims",
}


class _LazyGroup(click.Group):
    """A group that imports a command's module when the command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMAND_MODULES:
            return None
        module = importlib.import_module(f"{__package__}.{COMMAND_MODULES[cmd_name]}")
        return next(command for command in module.COMMANDS if command.name == cmd_name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="realpolitik")
def cli() -> None:
    """realpolitik: geopolitical news in, CAMEO-coded, sourced, dated, geolocated events out.

    Example:

        realpolitik code article.txt --published 2025-11-18
    """
