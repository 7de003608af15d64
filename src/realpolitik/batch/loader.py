"""Merge a batch output folder into a DuckDB store, finished partitions only, in chunks.

Rows go back through the one mapping (``store/mapping.py``: flat columns -> ``Event.to_dict()`` vocabulary ->
``Event.from_dict``) and into ``Store.write``, which upserts on content-hash ids: loading twice, or loading a
folder whose run is still going and then again when it is done, changes nothing twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from typing import Any

from ..model import Article, Event
from ..store import Store
from ..store.mapping import row_to_dict
from .output import OutputDir

_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))


@dataclass
class LoadReport:
    """What ``load_batch`` added (``*_added``) out of what it read."""

    partitions: int = 0
    articles: int = 0
    articles_added: int = 0
    events: int = 0
    events_added: int = 0
    rejects_added: int = 0
    claims_added: int = 0


def load_batch(outdir: str, store: Store, *, chunk: int = 2000,
               on_chunk: Callable[[LoadReport], None] | None = None) -> LoadReport:
    """Write every finished partition of ``outdir`` into ``store``.

    Args:
        outdir: a ``realpolitik batch`` output folder (local path or fsspec URL).
        store: a store opened for writing.
        chunk: articles per store transaction (whole partitions are grouped up to about this many).
        on_chunk: called with the running report after each transaction (progress).

    Raises:
        StoreError: a finished partition's file is missing, or the write fails (that chunk is rolled back).
    """
    out = OutputDir(outdir)
    report = LoadReport()
    for group in _groups(out, chunk):
        articles, events, rejects, claims = [], [], [], []
        for pid in group:
            articles.extend(_article(row) for row in out.read_table("articles", pid).to_pylist())
            events.extend(Event.from_dict(row_to_dict(row)) for row in out.read_table("events", pid).to_pylist())
            rejects.extend(out.read_table("rejects", pid).to_pylist())
            claims.extend(_claim(row) for row in out.read_table("claims", pid).to_pylist())
        stats = store.write(articles, events, rejects)
        report.partitions += len(group)
        report.articles += len(articles)
        report.events += len(events)
        report.articles_added += stats.articles_added
        report.events_added += stats.events_added
        report.rejects_added += stats.rejects_added
        if claims:
            report.claims_added += store.write_claims(claims)
        if on_chunk:
            on_chunk(report)
    return report


def _groups(out: OutputDir, chunk: int) -> Iterator[list[str]]:
    """Finished partition ids, grouped so that each group holds about ``chunk`` articles."""
    group: list[str] = []
    size = 0
    for pid, entry in sorted(out.manifest().items()):
        group.append(pid)
        size += entry.get("articles", 0)
        if size >= chunk:
            yield group
            group, size = [], 0
    if group:
        yield group


def _article(row: dict[str, Any]) -> Article:
    return Article(**{name: row.get(name) for name in _ARTICLE_FIELDS})


def _claim(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "about": list(row.get("about") or [])}
