"""The output folder of a batch run: partitioned Parquet tables, a manifest entry per finished partition.

Layout (any fsspec URL; Hive-style readers skip names starting with ``_`` or ``.``)::

    OUTDIR/_batch.json                   the run's coding fingerprint (a rerun must match it)
    OUTDIR/_manifest/<pid>.json          written last: the partition is done
    OUTDIR/articles/part-<pid>.parquet   store columns of the ``articles`` table
    OUTDIR/events/part-<pid>.parquet     store columns of the ``events`` table (``store/mapping.py``)
    OUTDIR/rejects/part-<pid>.parquet    origin, reason, seen_at
    OUTDIR/claims/part-<pid>.parquet     store columns of the ``claims`` table

Every file is written to a hidden temporary name and renamed into place (on object stores a single PUT is
already atomic), so a reader never sees half a file. A partition without a manifest entry is simply coded
again and its files overwritten: a killed run leaves no duplicates behind.
"""

from __future__ import annotations

import io
import json
import os
import uuid
from collections.abc import Iterable
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from fsspec.core import url_to_fs

from ..errors import SettingsError, StoreError
from ..store.schema import ARTICLE_COLUMNS, CLAIM_COLUMNS, EVENT_COLUMNS, arrow_schema
from .partitions import Partition, _is_local

TABLES = ("articles", "events", "rejects", "claims")
REJECT_COLUMNS = {"origin": "VARCHAR", "reason": "VARCHAR", "seen_at": "TIMESTAMP"}
SCHEMAS = {"articles": arrow_schema(ARTICLE_COLUMNS), "events": arrow_schema(EVENT_COLUMNS),
           "rejects": arrow_schema(REJECT_COLUMNS), "claims": arrow_schema(CLAIM_COLUMNS)}


class OutputDir:
    """One batch output folder (local path or fsspec URL)."""

    def __init__(self, url: str):
        self.url = str(url)
        self.fs, self.root = url_to_fs(self.url)
        self.root = self.root.rstrip("/")
        self.local = _is_local(self.fs)

    def path(self, *parts: str) -> str:
        return "/".join((self.root, *parts))

    def part(self, table: str, pid: str) -> str:
        return self.path(table, f"part-{pid}.parquet")

    # -- writing ----------------------------------------------------------------------------------------------

    def write_bytes(self, path: str, data: bytes) -> None:
        """Write a whole file so that readers see the old file or the new one, never a part."""
        folder, name = path.rsplit("/", 1)
        self.fs.makedirs(folder, exist_ok=True)
        if not self.local:
            self.fs.pipe_file(path, data)
            return
        temp = f"{folder}/.{name}.{uuid.uuid4().hex}.tmp"
        with open(temp, "wb") as out:
            out.write(data)
        os.replace(temp, path)

    def write_table(self, table: str, pid: str, rows: list[dict[str, Any]]) -> None:
        buffer = io.BytesIO()
        pq.write_table(pa.Table.from_pylist(rows, SCHEMAS[table]), buffer, compression="zstd")
        self.write_bytes(self.part(table, pid), buffer.getvalue())

    def write_manifest(self, entry: dict[str, Any]) -> None:
        self.write_bytes(self.path("_manifest", f"{entry['id']}.json"), json.dumps(entry, indent=1).encode())

    # -- reading ----------------------------------------------------------------------------------------------

    def manifest(self) -> dict[str, dict[str, Any]]:
        """Finished partitions: id -> manifest entry."""
        folder = self.path("_manifest")
        if not self.fs.isdir(folder):
            return {}
        entries = {}
        for path in sorted(self.fs.ls(folder, detail=False)):
            name = path.rsplit("/", 1)[-1]
            if name.endswith(".json") and not name.startswith("."):
                entry = json.loads(self.fs.cat_file(path))
                entries[entry["id"]] = entry
        return entries

    def _any_finished(self) -> bool:
        folder = self.path("_manifest")
        return self.fs.isdir(folder) and any(p.endswith(".json") and not p.rsplit("/", 1)[-1].startswith(".")
                                             for p in self.fs.ls(folder, detail=False))

    def read_table(self, table: str, pid: str) -> pa.Table:
        path = self.part(table, pid)
        try:
            with self.fs.open(path, "rb") as stream:
                return pq.read_table(stream, schema=SCHEMAS[table])
        except FileNotFoundError:
            raise StoreError(f"{self.url}: partition {pid} is marked done but {table}/part-{pid}.parquet is "
                             f"missing; delete _manifest/{pid}.json and run `realpolitik batch` again") from None

    # -- the run ----------------------------------------------------------------------------------------------

    def claim(self, fingerprint: dict[str, Any]) -> None:
        """Record the run's fingerprint, or refuse a folder holding partitions coded with other settings
        (mixing two codings of one corpus would duplicate it)."""
        path = self.path("_batch.json")
        if self.fs.exists(path) and self._any_finished():  # with nothing finished, there is nothing to mix up
            before = json.loads(self.fs.cat_file(path))
            changed = sorted(k for k in set(before) | set(fingerprint) if before.get(k) != fingerprint.get(k))
            if changed:
                shown = ", ".join(f"{k} was {before.get(k)!r}, now {fingerprint.get(k)!r}" for k in changed[:3])
                raise SettingsError(f"{self.url}: this output folder was coded with other settings ({shown}); "
                                    "rerun with the same settings to resume, or give a new --out folder")
            return
        self.write_bytes(path, json.dumps(fingerprint, indent=1, sort_keys=True).encode())

    def sweep(self, plan: Iterable[Partition], done: dict[str, dict[str, Any]]) -> list[str]:
        """Remove what a killed or outdated run left: temporary files, parts without a manifest entry that this
        plan will not rewrite, and partitions of input files that have changed since they were coded.

        Args:
            plan: this run's partitions.
            done: the manifest (``manifest()``); stale entries are removed from it.

        Returns:
            The ids of the stale partitions removed.
        """
        planned = {p.id for p in plan}
        urls = {p.url for p in plan}
        stale = [pid for pid, entry in done.items() if entry.get("url") in urls and pid not in planned]
        for pid in stale:  # the manifest entry goes first, so an entry always has its parts
            self.fs.rm(self.path("_manifest", f"{pid}.json"))
            del done[pid]
        keep = planned | set(done)
        for table in (*TABLES, "_manifest"):
            folder = self.path(table)
            if not self.fs.isdir(folder):
                continue
            for path in self.fs.ls(folder, detail=False):
                name = path.rsplit("/", 1)[-1]
                pid = name.removeprefix("part-").removesuffix(".parquet")
                if name.endswith(".tmp") or (table != "_manifest" and name.startswith("part-") and pid not in keep):
                    self.fs.rm(path)
        return stale
