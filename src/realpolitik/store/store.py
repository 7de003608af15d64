"""The DuckDB store: articles, events, deduplicated event clusters, rejects, claims and imported GDELT rows.

Writes are upserts keyed on content-hash ids, one transaction per call, so writing a batch twice changes
nothing. SQL is parameterised; batches travel to DuckDB as Arrow tables, not row by row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..model import Article, Event
from . import dedup
from .filters import ORDERS, EventFilter
from .mapping import event_to_row, flat_row, row_to_dict
from .schema import (ARTICLE_COLUMNS, arrow_schema, CLAIM_COLUMNS, DDL, EVENT_COLUMNS, GDELT_COLUMNS, MIGRATIONS,
                     SCHEMA_VERSION)

#: Columns a query returns: the event's own (without the internal match window), then cluster and article.
_SELECT = ", ".join([f"e.{c}" for c in EVENT_COLUMNS if c not in ("match_start", "match_end")] + [
    "c.num_mentions", "c.num_articles", "c.num_sources", "c.first_seen", "c.last_seen",
    "a.source AS outlet", "a.url AS url", "a.published AS published"])
_FROM = ("FROM events e LEFT JOIN event_clusters c ON c.id = e.cluster_id "
         "LEFT JOIN articles a ON a.id = e.article_id")


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class WriteStats:
    """What one ``Store.write`` call changed."""

    articles_added: int
    articles_seen: int
    events_added: int
    rejects_added: int
    events_seen: int = 0
    clusters_added: int = 0
    clusters_touched: int = 0


class Store:
    """A realpolitik DuckDB file. Use as a context manager, or call ``close()``.

    Args:
        path: the DuckDB file; created with the schema when missing (unless read-only).
        read_only: open without write access (the API and the analysis commands do); several read-only
            processes may share a file.

    Raises:
        StoreError: naming the file when it is not a DuckDB file, is locked by another process, lacks the
            schema, or was written by a newer realpolitik.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store; create it with `realpolitik ingest ... --db {self.path}`")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(self._explain(exc)) from None
        try:
            self._prepare()
        except BaseException:
            self.con.close()
            raise

    def _explain(self, exc: Exception) -> str:
        text = str(exc)
        if "lock" in text.lower():
            return (f"{self.path}: the store is open in another process ({text.splitlines()[0]}); close that "
                    "process, or open both read-only")
        if "not a valid duckdb" in text.lower() or "invalid" in text.lower() or "magic" in text.lower():
            return f"{self.path}: not a DuckDB database file; give --db a new or existing realpolitik store"
        return f"{self.path}: cannot open the store ({text.splitlines()[0] if text else type(exc).__name__})"

    def _prepare(self) -> None:
        """Create the schema (read-write) and check the version row."""
        tables = {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        version = None
        if "meta" in tables:
            rows = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
            version = int(rows[0][0]) if rows else None
        if version is not None and version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {version} is newer than this realpolitik's "
                             f"({SCHEMA_VERSION}); upgrade realpolitik to read it")
        if self.read_only:
            if version is None:
                raise StoreError(f"{self.path}: not a realpolitik store (no schema version); "
                                 "create one with `realpolitik ingest`")
            if version < SCHEMA_VERSION:
                raise StoreError(f"{self.path}: schema version {version} is older than {SCHEMA_VERSION}; "
                                 "open it once read-write (any write command) to upgrade it")
            return
        with self._transaction():
            for statement in DDL:
                self.con.execute(statement)
            for step in range((version or SCHEMA_VERSION) + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS.get(step, ()):
                    self.con.execute(statement)
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    # -- plumbing -------------------------------------------------------------------------------------------

    class _Tx:
        def __init__(self, store: "Store"):
            self.store = store

        def __enter__(self):
            self.store.con.execute("BEGIN TRANSACTION")

        def __exit__(self, kind, exc, tb):
            if kind is None:
                self.store.con.execute("COMMIT")
            else:
                self.store.con.execute("ROLLBACK")
                if isinstance(exc, duckdb.Error):
                    raise StoreError(f"{self.store.path}: write failed and was rolled back ({exc})") from None
            return False

    def _transaction(self) -> "_Tx":
        return Store._Tx(self)

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; open it without read_only to write")

    def fetch(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Run a read query and return its rows as dicts (the analysis modules' door to SQL)."""
        try:
            cur = self.con.execute(sql, params or [])
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: query failed ({exc})") from None

    def _insert_new(self, table: str, key: str, data: pa.Table) -> int:
        """Insert the rows whose key is not stored yet; return how many went in."""
        name = f"_rp_batch_{table}"
        self.con.register(name, data)
        try:
            added = self.con.execute(
                f'INSERT INTO {table} BY NAME SELECT * FROM {name} '
                f'WHERE "{key}" NOT IN (SELECT "{key}" FROM {table}) RETURNING 1').fetchall()
        finally:
            self.con.unregister(name)
        return len(added)

    # -- writing --------------------------------------------------------------------------------------------

    def write(self, articles: Iterable[Article], events: Iterable[Event],
              rejects: Iterable[dict[str, Any]] = ()) -> WriteStats:
        """Upsert articles, events and rejects in one transaction, then cluster the new events.

        Args:
            articles: articles of this batch (already stored ones are skipped).
            events: events; each one's article must be in this call or already stored.
            rejects: dicts with ``origin`` and ``reason`` (``seen_at`` optional); one row per origin+reason.

        Raises:
            StoreError: when an event's article is missing, or the write fails (then nothing is written).
        """
        self._check_writable()
        now = _now()
        article_rows = {a.id: {**a.to_dict(), "ingested_at": now} for a in articles}
        event_rows = {e.id: event_to_row(e, now) for e in events}
        reject_rows = {(r["origin"], r["reason"]): {"origin": str(r["origin"]), "reason": str(r["reason"]),
                                                    "seen_at": r.get("seen_at") or now} for r in rejects}
        with self._transaction():
            self._check_articles(event_rows.values(), article_rows)
            articles_added = self._insert_new("articles", "id", pa.Table.from_pylist(
                list(article_rows.values()), arrow_schema(ARTICLE_COLUMNS)))
            new_ids = self._insert_events(list(event_rows.values()))
            rejects_added = self._insert_rejects(list(reject_rows.values()))
            clusters_added, touched = dedup.assign_clusters(self.con, new_ids, now)
        return WriteStats(articles_added, len(article_rows), len(new_ids), rejects_added, len(event_rows),
                          clusters_added, touched)

    def _check_articles(self, event_rows: Iterable[dict], batch: dict[str, Any]) -> None:
        wanted = {r["article_id"]: r["id"] for r in event_rows if r["article_id"] not in batch}
        if not wanted:
            return
        self.con.register("_rp_wanted", pa.table({"id": pa.array(list(wanted), pa.string())}))
        try:
            stored = {r[0] for r in self.con.execute(
                "SELECT id FROM articles WHERE id IN (SELECT id FROM _rp_wanted)").fetchall()}
        finally:
            self.con.unregister("_rp_wanted")
        missing = sorted(set(wanted) - stored)
        if missing:
            raise StoreError(f"{self.path}: event {wanted[missing[0]]} refers to article {missing[0]}, which is "
                             f"neither in this write nor stored ({len(missing)} such article(s)); write each "
                             "article together with its events")

    def _insert_events(self, rows: list[dict[str, Any]]) -> list[str]:
        if not rows:
            return []
        self.con.register("_rp_events", pa.Table.from_pylist(rows, arrow_schema(EVENT_COLUMNS)))
        try:
            return [r[0] for r in self.con.execute(
                "INSERT INTO events BY NAME SELECT * FROM _rp_events "
                "WHERE id NOT IN (SELECT id FROM events) RETURNING id").fetchall()]
        finally:
            self.con.unregister("_rp_events")

    def _insert_rejects(self, rows: list[dict[str, Any]]) -> int:
        if not rows:
            return 0
        self.con.register("_rp_rejects", pa.Table.from_pylist(rows, pa.schema(
            [("origin", pa.string()), ("reason", pa.string()), ("seen_at", pa.timestamp("us"))])))
        try:
            return len(self.con.execute(
                "INSERT INTO rejects BY NAME SELECT * FROM _rp_rejects r WHERE NOT EXISTS (SELECT 1 FROM rejects "
                "x WHERE x.origin = r.origin AND x.reason = r.reason) RETURNING 1").fetchall())
        finally:
            self.con.unregister("_rp_rejects")

    def write_claims(self, claims: Iterable[dict[str, Any]]) -> int:
        """Upsert claims (dicts with the ``claims`` columns; ``about`` is a list of actor codes).

        Returns:
            How many claims were new.
        """
        self._check_writable()
        rows: dict[str, dict[str, Any]] = {}
        for claim in claims:
            unknown = sorted(set(claim) - set(CLAIM_COLUMNS))
            if unknown or "id" not in claim:
                raise StoreError(f"claim {claim.get('id', '?')}: unknown field(s) {', '.join(unknown) or '-'} or "
                                 f"no id; claims take {', '.join(CLAIM_COLUMNS)}")
            rows[claim["id"]] = {c: claim.get(c) for c in CLAIM_COLUMNS}
        if not rows:
            return 0
        with self._transaction():
            return self._insert_new("claims", "id", pa.Table.from_pylist(list(rows.values()),
                                                                         arrow_schema(CLAIM_COLUMNS)))

    def write_gdelt(self, rows: pa.Table, rejects: Iterable[dict[str, Any]] = ()) -> tuple[int, int]:
        """Insert GDELT event rows (the 61 columns plus ``imported_from``); idempotent on GLOBALEVENTID.

        Returns:
            (rows added, rejects added).
        """
        self._check_writable()
        now = _now()
        reject_rows = {(r["origin"], r["reason"]): {"origin": r["origin"], "reason": r["reason"], "seen_at": now}
                       for r in rejects}
        with self._transaction():
            added = self._insert_new("gdelt_events", "GLOBALEVENTID", rows) if rows.num_rows else 0
            return added, self._insert_rejects(list(reject_rows.values()))

    def recluster(self) -> tuple[int, int]:
        """Forget every cluster and cluster all events again (after the rule changed). Returns
        (clusters, events)."""
        self._check_writable()
        with self._transaction():
            self.con.execute("DELETE FROM event_clusters")
            self.con.execute("UPDATE events SET cluster_id = NULL")
            ids = [r[0] for r in self.con.execute("SELECT id FROM events").fetchall()]
            clusters, _ = dedup.assign_clusters(self.con, ids, _now())
        return clusters, len(ids)

    # -- reading --------------------------------------------------------------------------------------------

    def _event_sql(self, filters: EventFilter, per_cluster: bool) -> tuple[str, list[Any]]:
        where, params = filters.where("e", "a")
        if per_cluster:
            where = f"e.id = e.cluster_id AND e.id IN (SELECT e.cluster_id {_FROM} WHERE {where})"
        sql = f"SELECT {_SELECT} {_FROM} WHERE {where} ORDER BY {ORDERS[filters.order]}"
        if filters.limit is not None:
            sql += f" LIMIT {int(filters.limit)}"
        return sql, params

    def iter_rows(self, filters: EventFilter | None = None, *, per_cluster: bool = False,
                  chunk: int = 10_000) -> Iterator[dict[str, Any]]:
        """Stream matching events as flat rows (store columns plus cluster and article fields).

        Args:
            filters: criteria; defaults to ``EventFilter()`` (newest 100).
            per_cluster: one row per deduplicated event (its founding mention) among the clusters having a
                matching mention, instead of one row per mention.
            chunk: rows fetched from DuckDB at a time.
        """
        sql, params = self._event_sql(filters or EventFilter(), per_cluster)
        cur = self.con.cursor()
        try:
            cur.execute(sql, params)
            names = [d[0] for d in cur.description]
            while batch := cur.fetchmany(chunk):
                for values in batch:
                    yield flat_row(dict(zip(names, values)))
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: query failed ({exc})") from None
        finally:
            cur.close()

    def arrow_events(self, filters: EventFilter | None = None, *, per_cluster: bool = False) -> pa.Table:
        """Matching events as one Arrow table of flat columns (for parquet)."""
        sql, params = self._event_sql(filters or EventFilter(), per_cluster)
        return self.con.sql(sql, params=params).to_arrow_table()

    def query_events(self, filters: EventFilter | None = None, *, per_cluster: bool = False) -> list[dict[str, Any]]:
        """Matching events as dicts in the ``Event.to_dict()`` vocabulary, plus ``cluster_id``,
        ``num_mentions``, ``num_articles``, ``num_sources``, ``first_seen``, ``last_seen``, ``outlet``, ``url``
        and ``published``."""
        return [row_to_dict(r) for r in self.iter_rows(filters, per_cluster=per_cluster)]

    def events(self, filters: EventFilter | None = None) -> list[Event]:
        """Matching events as ``Event`` objects."""
        return [Event.from_dict(d) for d in self.query_events(filters)]

    def cluster(self, cluster_id: str) -> dict[str, Any] | None:
        """One deduplicated event: its counts and every mention's evidence, oldest first."""
        rows = self.fetch("SELECT * FROM event_clusters WHERE id = ?", [cluster_id])
        if not rows:
            return None
        info = flat_row(rows[0])
        info["mentions"] = self.query_events(EventFilter(cluster_id=cluster_id, limit=None, order="oldest"))
        return info

    def articles(self, *, source: str | None = None, limit: int | None = 100) -> list[dict[str, Any]]:
        """Stored articles, newest ingested first, without their text (``article(id)`` has it)."""
        sql = ("SELECT id, title, url, published, source, origin, language, ingested_at FROM articles "
               "WHERE (? IS NULL OR lower(source) = lower(?)) ORDER BY ingested_at DESC, id")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [flat_row(r) for r in self.fetch(sql, [source, source])]

    def article(self, article_id: str) -> dict[str, Any] | None:
        rows = self.fetch("SELECT * FROM articles WHERE id = ?", [article_id])
        return flat_row(rows[0]) if rows else None

    def rejects(self, limit: int | None = 100) -> list[dict[str, Any]]:
        sql = "SELECT origin, reason, seen_at FROM rejects ORDER BY seen_at DESC, origin"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [flat_row(r) for r in self.fetch(sql)]

    def counts(self) -> dict[str, int]:
        """Row counts of every table, keyed by table name (``event_clusters`` as ``clusters``)."""
        tables = {"articles": "articles", "events": "events", "clusters": "event_clusters", "rejects": "rejects",
                  "claims": "claims", "gdelt_events": "gdelt_events"}
        return {key: self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
                for key, table in tables.items()}

    def schema_version(self) -> int:
        return int(self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()[0][0])

    # -- lifetime -------------------------------------------------------------------------------------------

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


GDELT_ARROW_SCHEMA = arrow_schema({**GDELT_COLUMNS, "imported_from": "VARCHAR"})
