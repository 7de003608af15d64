"""The ``realpolitik`` command. The click group lives in ``app``; this package imports it only when it is run
or asked for, because worker processes import the command's main module again on start-up, and the commands
pull in DuckDB and pyarrow, whose threads would slow a worker's parse (see ``realpolitik.parallel``)."""

from __future__ import annotations


def main() -> None:
    from .app import cli

    cli(prog_name="realpolitik")


def __getattr__(name: str):
    if name == "cli":
        from .app import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
