"""Commands that code articles: ``code`` (print events), ``ingest`` (store them), ``events`` (query)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..model import Article, CodedArticle, Event
from ..parallel import CodingPool
from ..settings import Settings
from .options import db_option, event_filter_options, friendly_errors, settings_options, write_jsonl

if TYPE_CHECKING:  # (imported where used: ``ingest`` starts its workers before it reads these modules)
    from ..ingest import Reject
    from ..store import Store

_err = Console(stderr=True)


def input_options(func):
    """``--published``, ``--source`` and ``--encoding`` for commands that read articles."""
    func = click.option("--encoding", default=None, help="Text encoding of the input files (default UTF-8).")(func)
    func = click.option("--source", "outlet", default=None, help="Outlet name for articles that have none.")(func)
    func = click.option("--published", default=None,
                        help="Publication date (YYYY-MM-DD) for articles that carry none.")(func)
    return func


def _split(items: Iterable[Article | Reject]) -> tuple[list[Article], list[Reject]]:
    from ..ingest import Reject

    articles, rejects = [], []
    for item in items:
        (rejects if isinstance(item, Reject) else articles).append(item)
    return articles, rejects


def _report(rejects: Iterable[Reject]) -> int:
    n = 0
    for reject in rejects:
        _err.print(f"[red]error[/red] {reject.origin}: {reject.reason}", highlight=False, soft_wrap=True)
        n += 1
    return n


def _context(evidence: dict, width: int = 70) -> str:
    """The trigger in a window of its sentence: enough to see why, short enough for a table."""
    sentence, start = evidence["sentence"], evidence["start"] - evidence["sentence_start"]
    end = evidence["end"] - evidence["sentence_start"]
    left = max(0, start - width // 2)
    right = min(len(sentence), end + width // 2)
    text = escape(sentence[left:start]) + "[bold]" + escape(sentence[start:end]) + "[/bold]" + escape(
        sentence[end:right])
    return ("…" if left else "") + text + ("…" if right < len(sentence) else "")


def events_table(rows: list[dict], title: str | None = None) -> Table:
    """A readable table of events (dicts in the Event.to_dict vocabulary)."""
    table = Table(title=title, show_lines=False, expand=False)
    for name in ("date", "source", "event", "target", "place", "certainty", "evidence"):
        table.add_column(name, overflow="fold")
    for row in rows:
        src, tgt, place = row.get("source") or {}, row.get("target") or {}, row.get("place") or {}
        date = row.get("date") or "?"
        precision = row.get("date_precision")
        if precision and precision not in ("day", "unknown"):
            date = f"{date} ({precision})"
        table.add_row(
            date,
            f"{src.get('code', '')} {src.get('name', '')}",
            f"{row['code']} {row.get('label', '')}",
            f"{tgt.get('code', '-')} {tgt.get('name', '')}" if tgt else "-",
            f"{place.get('name', '')} {place.get('country') or ''}".strip() or "-",
            (row.get("certainty") or row["modality"]) + (" historical" if row.get("historical") else ""),
            _context(row["evidence"]),
        )
    return table


def print_table(table: Table) -> None:
    """Tables stay readable when piped: at least 160 columns wide."""
    console = Console()
    if not console.is_terminal or console.width < 160:
        console = Console(width=max(console.width, 160))
    console.print(table)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@input_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per event (JSON Lines) on stdout.")
@settings_options
@friendly_errors
def code(inputs: tuple[str, ...], published: str | None, outlet: str | None, encoding: str | None,
         as_json: bool, settings: Settings) -> None:
    """Code articles and print their events (nothing is stored).

    INPUTS are files, folders or - for stdin: plain text, HTML, JSON Lines, CSV.

    Example:

        realpolitik code article.txt --published 2025-11-18 --json
    """
    from ..coder import code_articles  # not at the top: ``ingest`` codes in workers and never needs it
    from ..ingest import Reject, read_articles

    articles, rejects = _split(read_articles(inputs, published=published, source=outlet, settings=settings,
                                             encoding=encoding))
    failed = _report(rejects)
    coded = list(code_articles(articles, settings=settings))
    failed += _report(Reject(c.article.origin or c.article.id, c.error) for c in coded if c.error)
    rows = [event.to_dict() for c in coded for event in c.events]
    if as_json:
        write_jsonl(rows)
    else:
        print_table(events_table(rows, title=f"{len(rows)} events from {len(articles)} article(s)"))
    if failed and not articles:
        sys.exit(1)


def _write(store: Store, coded: list[CodedArticle], unread: list[Reject], totals: dict[str, int]) -> None:
    """One transaction: the coded articles with their events and claims, and the rejects (read failures in
    ``unread``, which is emptied, and articles whose coding failed)."""
    from ..ingest import Reject

    failed = [Reject(c.article.origin or c.article.id, c.error) for c in coded if c.error]
    totals["rejects"] += _report(failed)
    rejects = unread + failed
    unread.clear()
    coded = [c for c in coded if not c.error]
    events: list[Event] = [e for c in coded for e in c.events]
    stats = store.write([c.article for c in coded], events, [r.to_dict() for r in rejects])
    store.write_claims(claim.to_dict() for c in coded for claim in c.claims)
    totals["articles"] += len(coded)
    totals["new_articles"] += stats.articles_added
    totals["events"] += len(events)
    totals["new_events"] += stats.events_added


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    while chunk := list(islice(items, size)):
        yield chunk


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option()
@input_options
@click.option("--chunk", default=200, show_default=True, type=click.IntRange(min=1),
              help="Articles per transaction.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a terminal).")
@click.option("--processes", default=None, type=click.IntRange(min=1),
              help="Worker processes that code in parallel; each loads the model once (setting: processes).")
@settings_options
@friendly_errors
def ingest(inputs: tuple[str, ...], db_path: str, published: str | None, outlet: str | None,
           encoding: str | None, chunk: int, progress: bool | None, processes: int | None, settings: Settings) -> None:
    """Code articles into a DuckDB store; re-ingesting the same articles changes nothing.

    Each chunk of articles is written in one transaction; a bad file or record is reported on stderr, kept in
    the store's rejects table, and the rest of the batch goes on.

    Example:

        realpolitik ingest corpus/ --db events.duckdb --published 2025-11-18
    """
    pool = CodingPool(settings, processes or settings.processes, isolate=True)
    pool.start()  # the workers load the model while this process reads the modules below and opens the store
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..analysis.corroboration import corroborate
    from ..ingest import Reject, read_articles
    from ..store import Store

    items = read_articles(inputs, published=published, source=outlet, settings=settings, encoding=encoding)
    totals = {"articles": 0, "new_articles": 0, "events": 0, "new_events": 0, "rejects": 0}
    unread: list[Reject] = []  # read failures not yet stored; they go into the next transaction

    def readable() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Reject):
                totals["rejects"] += _report([item])
                unread.append(item)
            else:
                yield item

    show = sys.stderr.isatty() if progress is None else progress
    # one stream through the pool, cut into transactions as it comes back: the workers never wait for a write
    with pool, Store(db_path) as store, Progress(
            TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"), TimeElapsedColumn(),
            console=_err, disable=not show) as bar:
        task = bar.add_task("coding", total=None)
        for coded in _chunks(pool.code_articles(readable()), chunk):
            bar.advance(task, len(coded) + len(unread))
            _write(store, coded, unread, totals)
        if unread:  # read failures after the last article
            bar.advance(task, len(unread))
            _write(store, [], unread, totals)
        corroborate(store)
    _err.print(f"{totals['articles']} articles ({totals['new_articles']} new), {totals['events']} events "
               f"({totals['new_events']} new), {totals['rejects']} rejected -> {db_path}", highlight=False)
    if totals["rejects"] and not totals["articles"]:
        sys.exit(1)


@click.command()
@db_option()
@event_filter_options(limit=100)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of a table.")
@friendly_errors
def events(db_path: str, filters, as_json: bool) -> None:
    """Query stored events.

    Example:

        realpolitik events --db events.duckdb --actor RUS --since 2025-11-01 --code 04
    """
    from ..store import Store

    with Store(db_path, read_only=True) as store:
        rows = store.query_events(filters)
    if as_json:
        write_jsonl(rows)
    else:
        print_table(events_table(rows, title=f"{len(rows)} events"))


COMMANDS = [code, ingest, events]
