"""Code a corpus on a Dask cluster: one task per partition, each calling ``realpolitik.coder.code_articles``.

The client plans partitions (file heads and Parquet footers only), skips those with a manifest entry, and maps
the rest onto the cluster; results (small manifest entries) stream back with ``as_completed``. Each worker loads
the pipeline once: a worker plugin warms ``get_coder`` when the worker starts, and every task reuses it. A task
that fails (an unreadable file, a worker lost more often than the scheduler allows) leaves no manifest entry, so
running the same command again retries exactly the unfinished partitions.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from ..coder import CodedArticle, code_article, code_articles, get_coder
from ..errors import RealpolitikError
from ..ingest import Reject, parse_published
from ..model import Article, Claim
from ..nlp import locate_model
from ..settings import Settings
from ..store.mapping import event_to_row
from ..store.schema import CLAIM_COLUMNS
from .output import OutputDir
from .partitions import BatchOptions, Partition, coding_fingerprint, number_lines, plan_partitions
from .reader import count_newlines, read_partition

#: Dask retries a task that raised this many times (transient storage errors) before reporting it failed.
TASK_RETRIES = 1


@dataclass
class BatchReport:
    """What a ``run_batch`` call did. ``failed`` lists (partition id, url, error) for partitions left undone."""

    outdir: str
    partitions: int = 0
    skipped: int = 0
    coded: int = 0
    articles: int = 0
    events: int = 0
    rejects: int = 0
    claims: int = 0
    stale: int = 0
    workers: int = 0
    seconds: float = 0.0
    failed: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, entry: dict[str, Any]) -> None:
        self.coded += 1
        for key in ("articles", "events", "rejects", "claims"):
            setattr(self, key, getattr(self, key) + entry[key])


class WarmCoder(WorkerPlugin):
    """Load the pipeline and knowledge when a worker starts (or restarts), before its first task."""

    name = "realpolitik-coder"

    def __init__(self, settings: Settings):
        self.settings = settings

    def setup(self, worker: Any) -> None:
        get_coder(self.settings)


def code_partition(partition: Partition, outdir: str, settings: Settings, options: BatchOptions) -> dict[str, Any]:
    """The task: read a partition, code it, write its four parts, then its manifest entry (last).

    A bad record becomes a reject row and never fails the partition. Rerunning a partition overwrites its
    parts with the same rows (ids are content hashes), so a retried or resumed task adds no duplicates.

    Returns:
        The manifest entry: partition fields plus counts, seconds, worker and finish time.
    """
    started = time.perf_counter()
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    rejects: list[Reject] = []
    articles, events, claims = [], [], []
    for coded in _code(_split(read_partition(partition, settings, options), rejects), settings, rejects):
        articles.append({**coded.article.to_dict(), "ingested_at": now})
        events.extend(event_to_row(event, now) for event in coded.events)
        claims.extend(_claim_row(claim) for claim in coded.claims)
    out = OutputDir(outdir)
    out.write_table("articles", partition.id, articles)
    out.write_table("events", partition.id, events)
    out.write_table("rejects", partition.id, [{**r.to_dict(), "seen_at": now} for r in rejects])
    out.write_table("claims", partition.id, claims)
    entry = {**partition.to_dict(), "records_before": partition.records_before, "articles": len(articles),
             "events": len(events), "rejects": len(rejects), "claims": len(claims),
             "seconds": round(time.perf_counter() - started, 3), "worker": f"{socket.gethostname()}:{os.getpid()}",
             "finished_at": datetime.now(timezone.utc).isoformat(timespec="milliseconds")}
    out.write_manifest(entry)
    return entry


def _split(items: Iterable[Article | Reject], rejects: list[Reject]) -> list[Article]:
    """The partition's articles; its rejects are appended to ``rejects``."""
    articles = []
    for item in items:
        (rejects if isinstance(item, Reject) else articles).append(item)
    return articles


def _code(articles: list[Article], settings: Settings, rejects: list[Reject]) -> list[CodedArticle]:
    """Code the partition in one stream; should the coder fail on an article, code them one by one and turn
    the failing ones into rejects, so one article the coder cannot handle never costs the partition."""
    try:
        return list(code_articles(articles, settings=settings))
    except RealpolitikError:
        raise  # settings or knowledge: every partition would fail the same way
    except Exception:  # noqa: BLE001 - an internal failure on some article; find it below
        pass
    coded = []
    for article in articles:
        try:
            coded.append(code_article(article, settings=settings))
        except Exception as exc:  # noqa: BLE001 - recorded as the article's reject
            rejects.append(Reject(article.origin or article.id, f"coding failed ({_describe(exc)}); this is a "
                                  "bug in realpolitik: please report it with this article"))
    return coded


def _claim_row(claim: Claim) -> dict[str, Any]:
    """A claim in the store's ``claims`` columns (fields the store has no column for are not kept)."""
    data = claim.to_dict()
    return {column: data.get(column) for column in CLAIM_COLUMNS}


def run_batch(inputs: Iterable[str], outdir: str, *, settings: Settings | None = None,
              options: BatchOptions | None = None, scheduler: str | None = None, workers: int | None = None,
              on_partition: Callable[[dict[str, Any]], None] | None = None,
              on_plan: Callable[[BatchReport], None] | None = None) -> BatchReport:
    """Code a corpus into partitioned Parquet under ``outdir``, resuming whatever an earlier run left undone.

    Args:
        inputs: JSON Lines / Parquet files, folders or globs; local paths or fsspec URLs.
        outdir: the output folder (local path or fsspec URL, shared by every worker on a real cluster).
        settings: coding settings; defaults to ``Settings()``.
        options: partition size and record defaults; defaults to ``BatchOptions()``.
        scheduler: address of a running Dask scheduler (``tcp://host:8786``); None starts a ``LocalCluster``.
        workers: worker processes of the ``LocalCluster`` (default: one per core); ignored with ``scheduler``.
        on_partition: called with each manifest entry as its partition finishes (progress).
        on_plan: called once with the report after planning (``partitions`` and ``skipped`` are set).

    Returns:
        A ``BatchReport``; partitions that failed are listed in ``failed`` and are retried by the next run.

    Raises:
        InputError: an input is missing or empty, or ``--published`` is not a date.
        SettingsError: ``outdir`` was written with other settings.
    """
    settings = settings or Settings()
    options = options or BatchOptions()
    parse_published(options.published, "--published")
    started = time.perf_counter()
    out = OutputDir(outdir)
    plan = plan_partitions(inputs, settings=settings, options=options, exclude=outdir)
    out.claim(coding_fingerprint(settings, options))
    done = out.manifest()
    report = BatchReport(out.url, partitions=len(plan), stale=len(out.sweep(plan, done)))
    todo = [p for p in plan if p.id not in done]
    report.skipped = len(plan) - len(todo)
    if on_plan:
        on_plan(report)
    if todo:
        if scheduler is None:
            locate_model(settings.model)  # a wrong model name fails here in one line, not in every worker's log
        with _connect(scheduler, workers) as client:
            report.workers = len(client.scheduler_info().get("workers", {}))
            client.register_plugin(WarmCoder(settings))
            todo = number_lines(todo, plan, _count_on(client))
            futures = client.map(code_partition, todo, outdir=out.url, settings=settings, options=options,
                                 key=[f"realpolitik-partition-{p.id}" for p in todo], retries=TASK_RETRIES)
            by_key = {f.key: p for f, p in zip(futures, todo)}
            for future in as_completed(futures):
                if future.status == "finished":
                    entry = future.result()
                    report.add(entry)
                    if on_partition:
                        on_partition(entry)
                else:
                    part = by_key[future.key]
                    report.failed.append((part.id, part.url, _describe(future.exception())))
                future.release()
    report.seconds = time.perf_counter() - started
    return report


def _describe(exc: BaseException | None) -> str:
    text = str(exc).strip().splitlines()[0] if exc is not None and str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _count_on(client: Client) -> Callable[[list[Partition]], list[int]]:
    """Count the newlines of byte ranges on the cluster, where the files are read anyway."""
    def count(parts: list[Partition]) -> list[int]:
        return client.gather(client.map(count_newlines, [p.url for p in parts], [p.start for p in parts],
                                        [p.stop for p in parts], pure=False))
    return count


@contextmanager
def _connect(scheduler: str | None, workers: int | None) -> Iterator[Client]:
    """A client of the given scheduler, or of a fresh ``LocalCluster`` (closed again on the way out)."""
    if scheduler:
        client = Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                           dashboard_address=":0", silence_logs=logging.ERROR)
    try:
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
    finally:
        cluster.close()
