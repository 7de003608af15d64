"""Exports (GDELT 2.0, CSV, JSON Lines, Parquet) and the import of GDELT event files."""

from __future__ import annotations

from typing import IO

from ..store import EventFilter, Store
from .gdelt import COLUMNS as GDELT_COLUMNS, global_event_id, write_gdelt
from .gdelt_import import ImportStats, import_gdelt
from .tabular import write_csv, write_jsonl, write_parquet

FORMATS = ("gdelt", "csv", "jsonl", "parquet")


def export_events(store: Store, filters: EventFilter, fmt: str, out: IO, *, per_cluster: bool | None = None) -> int:
    """Write matching events in ``fmt`` to ``out`` (text stream; binary stream or path for parquet).

    Args:
        store: the store to read.
        filters: which events (use ``limit=None`` for all).
        fmt: one of ``FORMATS``.
        out: where to write.
        per_cluster: one row per deduplicated event (its founding mention, with cluster counts) instead of one
            per mention. Defaults to True for gdelt (GDELT rows are events), False for the others.

    Returns:
        The number of rows written.
    """
    per_cluster = (fmt == "gdelt") if per_cluster is None else per_cluster
    if fmt == "parquet":
        return write_parquet(store.arrow_events(filters, per_cluster=per_cluster), out)
    rows = store.iter_rows(filters, per_cluster=per_cluster)
    if fmt == "gdelt":
        return write_gdelt(rows, out, per_cluster)
    if fmt == "csv":
        return write_csv(rows, out)
    if fmt == "jsonl":
        return write_jsonl(rows, out)
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "export_events", "write_gdelt", "write_csv", "write_jsonl", "write_parquet",
           "GDELT_COLUMNS", "global_event_id", "import_gdelt", "ImportStats"]
