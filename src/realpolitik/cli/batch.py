"""Commands for corpora beyond one process: ``batch`` (code on a Dask cluster into Parquet) and ``load``."""

from __future__ import annotations

import sys

import click
from rich.console import Console

from ..batch import BatchOptions, load_batch, run_batch
from ..batch.output import OutputDir
from ..settings import Settings
from ..store import Store
from .options import db_option, friendly_errors, settings_options

_err = Console(stderr=True)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "outdir", required=True,
              help="Output folder (path or fsspec URL); rerunning into it resumes the run.")
@click.option("--scheduler", default=None, help="Address of a running Dask scheduler (tcp://host:8786).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes of the local cluster [default: one per core].")
@click.option("--partition-size", default=200, show_default=True, type=click.IntRange(min=1),
              help="Records per partition (bounds each worker's memory).")
@click.option("--published", default=None, help="Publication date (YYYY-MM-DD) for records that carry none.")
@click.option("--source", "outlet", default=None, help="Outlet name for records that have none.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a terminal).")
@settings_options
@friendly_errors
def batch(inputs: tuple[str, ...], outdir: str, scheduler: str | None, workers: int | None, partition_size: int,
          published: str | None, outlet: str | None, progress: bool | None, settings: Settings) -> None:
    """Code a corpus on a Dask cluster into partitioned Parquet (articles, events, rejects, claims).

    INPUTS are JSON Lines or Parquet files, folders or globs, local or any fsspec URL (s3://, gs://, ...).
    Without --scheduler a local cluster of --workers processes runs the job. Killing the run and starting
    the same command again codes only the partitions not yet finished, without duplicates. DuckDB reads the
    output directly (read_parquet('OUT/events/*.parquet')); `realpolitik load` merges it into a store.

    Example:

        realpolitik batch corpus/ --out coded/ --workers 2 && realpolitik load coded/ --db events.duckdb
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    if scheduler and workers:
        raise click.UsageError("give either --scheduler (a running cluster) or --workers (a local one), not both")
    options = BatchOptions(partition_size=partition_size, published=published, source=outlet)
    show = sys.stderr.isatty() if progress is None else progress
    with Progress(TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TextColumn("partitions"),
                  TimeElapsedColumn(), console=_err, disable=not show) as bar:
        task = bar.add_task("coding", total=None)

        def planned(report) -> None:
            bar.update(task, total=report.partitions, completed=report.skipped)

        report = run_batch(inputs, outdir, settings=settings, options=options, scheduler=scheduler,
                           workers=workers, on_plan=planned, on_partition=lambda entry: bar.advance(task))
    _err.print(f"{report.partitions} partitions: {report.coded} coded, {report.skipped} already done, "
               f"{len(report.failed)} failed; {report.articles} articles, {report.events} events, "
               f"{report.rejects} rejected in {report.seconds:.1f} s -> {report.outdir}",
               highlight=False, soft_wrap=True)
    for pid, url, error in report.failed[:10]:
        _err.print(f"[red]failed[/red] {url} (partition {pid}): {error}", highlight=False, soft_wrap=True)
    if report.failed:
        raise click.ClickException(f"{len(report.failed)} partition(s) failed; run the same command again to "
                                   "retry them (finished partitions are kept)")
    if report.rejects and not report.articles and report.coded:
        sys.exit(1)


@click.command()
@click.argument("outdir")
@db_option()
@click.option("--chunk", default=2000, show_default=True, type=click.IntRange(min=1),
              help="Articles per store transaction.")
@friendly_errors
def load(outdir: str, db_path: str, chunk: int) -> None:
    """Merge the finished partitions of a `realpolitik batch` output folder into a store.

    Only partitions recorded in the folder's manifest are read, so loading while a run is still going is
    safe; loading the same folder again changes nothing.

    Example:

        realpolitik load coded/ --db events.duckdb
    """
    if not OutputDir(outdir).manifest():
        raise click.ClickException(f"{outdir}: no finished partitions here; run `realpolitik batch INPUT --out "
                                   f"{outdir}` first")
    with Store(db_path) as store:
        report = load_batch(outdir, store, chunk=chunk)
    _err.print(f"{report.partitions} partitions: {report.articles} articles ({report.articles_added} new), "
               f"{report.events} events ({report.events_added} new), {report.rejects_added} new rejects, "
               f"{report.claims_added} new claims -> {db_path}",
               highlight=False, soft_wrap=True)


COMMANDS = [batch, load]
