"""The ``realpolitik`` command: a click group of thin commands. Each parses its input, calls one library
function, and formats the result; nothing about coding lives here. Library errors become one-line
``click.ClickException`` messages, never tracebacks."""

from __future__ import annotations

import click

from .. import __version__
from . import batch, chessboard, claims, coding, evaluation


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="realpolitik")
def cli() -> None:
    """realpolitik: geopolitical news in, CAMEO-coded, sourced, dated, geolocated events out.

    Example:

        realpolitik code article.txt --published 2025-11-18
    """


for module in (coding, evaluation, chessboard, batch, claims):
    for command in module.COMMANDS:
        cli.add_command(command)
