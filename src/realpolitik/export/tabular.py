"""CSV, JSON Lines and Parquet exports: every field we have (certainty, attribution, evidence, clusters).

CSV and Parquet carry the store's flat columns (``source_code``, ``evidence_sentence`` ...); JSON Lines
carries the nested ``Event.to_dict()`` vocabulary plus cluster and article fields, like ``events --json``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..store.mapping import row_to_dict


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Flat rows as CSV with a header row; returns how many rows."""
    writer = None
    n = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
            writer.writeheader()
        writer.writerow(row)
        n += 1
    return n


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Flat rows as JSON Lines in the nested event vocabulary; returns how many."""
    n = 0
    for row in rows:
        out.write(json.dumps(row_to_dict(row), ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def write_parquet(table: pa.Table, out: str | IO[bytes]) -> int:
    """An Arrow table of flat rows as Parquet (dates and timestamps keep their types); returns rows."""
    pq.write_table(table, out if isinstance(out, str) else pa.PythonFile(out, mode="w"))
    return table.num_rows
