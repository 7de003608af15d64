"""Deduplication: several articles reporting one real-world event become one cluster.

The rule (README, "Deduplication"). A new event joins an existing cluster when, compared with the cluster's
founding event:

1. the dyad matches at country level plus role on both sides (``RUSGOV -> SYRMIL`` matches
   ``RUSGOVPUT -> SYRMIL``; an actor without a country is compared by its full code; direction matters);
2. the codes are compatible: the same CAMEO root (``042`` and ``043``; ``042`` and ``190`` never);
3. the date windows overlap: a day-precise date covers that day +-1, a week its seven days, a month or a
   year the whole of it, an approximate date its span +-3 days; an event without a date founds its own cluster;
4. the place is the same (same name, or the same country when one side is only a country), or one side has
   no place.

Among several matching clusters the best one wins: the same full code before the same 3-digit base code
before the same root only; then the more specific place match; then the nearer date; then the smaller
cluster id. A new event that matches none founds a cluster whose id is its own id. New events are taken in
(date, id) order, so one batch gives the same clusters whatever order its events arrive in; across batches
a cluster keeps the id of whichever event founded it first (ids never change once given, which is what keeps
the update incremental). A cluster without a place takes the first place a member brings.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pyarrow as pa

#: SQL for the dedup key of each side: country (or full code when there is none) and role.
_KEY_SQL = ("coalesce({a}.source_country, {a}.source_code, '')", "coalesce({a}.source_role, '')",
            "coalesce({a}.target_country, {a}.target_code, '')", "coalesce({a}.target_role, '')")

_FIELDS = ("id", "code", "base_code", "root", "match_start", "match_end", "place_name", "place_country",
           "place_feature")


@dataclass
class _Cluster:
    id: str
    code: str
    base_code: str
    match_start: date
    match_end: date
    place: tuple[str | None, str | None, str | None]
    place_changed: bool = False

    @property
    def center(self) -> float:
        return (self.match_start.toordinal() + self.match_end.toordinal()) / 2


def place_score(a: tuple, b: tuple) -> int | None:
    """2 same place, 1 same country where one side is only a country, 0 one side unknown, None different."""
    if a[0] is None or b[0] is None:
        return 0
    if a[0].casefold() == b[0].casefold():
        return 2
    if a[1] and a[1] == b[1] and "country" in (a[2], b[2]):
        return 1
    return None


def _rank(event: dict[str, Any], cluster: _Cluster) -> tuple | None:
    """Sort key of a candidate cluster for an event (smaller is better), or None when it does not match."""
    if cluster.match_start > event["match_end"] or cluster.match_end < event["match_start"]:
        return None
    place = place_score((event["place_name"], event["place_country"], event["place_feature"]), cluster.place)
    if place is None:
        return None
    code = 2 if event["code"] == cluster.code else 1 if event["base_code"] == cluster.base_code else 0
    center = (event["match_start"].toordinal() + event["match_end"].toordinal()) / 2
    return (-code, -place, abs(center - cluster.center), cluster.id)


def _fetch(con, sql: str, params: list | None = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def assign_clusters(con, event_ids: list[str], now: datetime) -> tuple[int, int]:
    """Cluster the given (unclustered) events into existing or new clusters and refresh the touched clusters'
    counts. Runs inside the caller's transaction. Returns (clusters_added, clusters_touched)."""
    if not event_ids:
        return 0, 0
    con.register("_rp_new_ids", pa.table({"id": pa.array(event_ids, pa.string())}))
    try:
        key_n = ", ".join(f"{k.format(a='e')} AS k{i}" for i, k in enumerate(_KEY_SQL))
        new = _fetch(con, f"""
            SELECT {', '.join('e.' + f for f in _FIELDS)}, {key_n}
            FROM events e JOIN _rp_new_ids n ON n.id = e.id
            ORDER BY e.date_start NULLS LAST, e.id""")
        key_eq = " AND ".join(f"{k.format(a='f')} = {k.format(a='e')}" for k in _KEY_SQL)
        candidates = _fetch(con, f"""
            SELECT e.id AS event_id, f.id, f.code, f.base_code, f.match_start, f.match_end,
                   c.place_name, c.place_country, c.place_feature
            FROM events e JOIN _rp_new_ids n ON n.id = e.id
            JOIN events f ON f.cluster_id = f.id AND f.root = e.root AND {key_eq}
                 AND f.match_start <= e.match_end AND f.match_end >= e.match_start
            JOIN event_clusters c ON c.id = f.id""")
    finally:
        con.unregister("_rp_new_ids")

    known: dict[str, _Cluster] = {}
    per_event: dict[str, list[_Cluster]] = defaultdict(list)
    for row in candidates:
        cluster = known.setdefault(row["id"], _Cluster(
            row["id"], row["code"], row["base_code"], row["match_start"], row["match_end"],
            (row["place_name"], row["place_country"], row["place_feature"])))
        per_event[row["event_id"]].append(cluster)

    founded: dict[tuple, list[_Cluster]] = defaultdict(list)
    assignment: dict[str, str] = {}
    new_clusters: list[_Cluster] = []
    for event in new:
        if event["match_start"] is None:
            assignment[event["id"]] = event["id"]
            new_clusters.append(_Cluster(event["id"], event["code"], event["base_code"], date.min, date.min,
                                         (event["place_name"], event["place_country"], event["place_feature"])))
            continue
        key = (event["k0"], event["k1"], event["k2"], event["k3"], event["root"])
        ranked = [(r, c) for c in per_event.get(event["id"], []) + founded[key]
                  if (r := _rank(event, c)) is not None]
        if ranked:
            best = min(ranked, key=lambda rc: rc[0])[1]
            if best.place[0] is None and event["place_name"] is not None:
                best.place = (event["place_name"], event["place_country"], event["place_feature"])
                best.place_changed = True
            assignment[event["id"]] = best.id
            continue
        cluster = _Cluster(event["id"], event["code"], event["base_code"], event["match_start"],
                           event["match_end"], (event["place_name"], event["place_country"], event["place_feature"]))
        founded[key].append(cluster)
        new_clusters.append(cluster)
        assignment[event["id"]] = cluster.id

    _write(con, assignment, new_clusters, [c for c in known.values() if c.place_changed], now)
    return len(new_clusters), len(set(assignment.values()))


def _write(con, assignment: dict[str, str], new_clusters: list[_Cluster], replaced: list[_Cluster],
           now: datetime) -> None:
    """Persist cluster ids, new clusters and filled-in places, then recount the touched clusters in SQL."""
    con.register("_rp_assign", pa.table({"event_id": pa.array(list(assignment), pa.string()),
                                         "cluster_id": pa.array(list(assignment.values()), pa.string())}))
    changed = new_clusters + replaced
    con.register("_rp_clusters", pa.table({
        "id": pa.array([c.id for c in changed], pa.string()),
        "place_name": pa.array([c.place[0] for c in changed], pa.string()),
        "place_country": pa.array([c.place[1] for c in changed], pa.string()),
        "place_feature": pa.array([c.place[2] for c in changed], pa.string()),
    }))
    try:
        con.execute("UPDATE events SET cluster_id = m.cluster_id FROM _rp_assign m WHERE events.id = m.event_id")
        con.execute("""INSERT INTO event_clusters (id, place_name, place_country, place_feature)
                       SELECT * FROM _rp_clusters WHERE id NOT IN (SELECT id FROM event_clusters)""")
        con.execute("""UPDATE event_clusters SET place_name = p.place_name, place_country = p.place_country,
                       place_feature = p.place_feature FROM _rp_clusters p WHERE event_clusters.id = p.id""")
        refresh_counts(con, "SELECT DISTINCT cluster_id FROM _rp_assign", now)
    finally:
        con.unregister("_rp_assign")
        con.unregister("_rp_clusters")


def refresh_counts(con, cluster_ids_sql: str, now: datetime) -> None:
    """Recount mentions, articles, outlets and first/last seen for the clusters the subquery names.

    An outlet is the article's ``source``, compared case-insensitively; articles without one add no source.
    First/last seen are the articles' publication dates (their ingest date when unpublished)."""
    con.execute(f"""
        UPDATE event_clusters SET num_mentions = s.n, num_articles = s.na, num_sources = s.ns,
               first_seen = s.fs, last_seen = s.ls, updated_at = ?
        FROM (SELECT e.cluster_id AS cid, count(*) AS n, count(DISTINCT e.article_id) AS na,
                     count(DISTINCT lower(trim(a.source))) AS ns,
                     min(coalesce(TRY_CAST(left(a.published, 10) AS DATE), CAST(a.ingested_at AS DATE))) AS fs,
                     max(coalesce(TRY_CAST(left(a.published, 10) AS DATE), CAST(a.ingested_at AS DATE))) AS ls
              FROM events e JOIN articles a ON a.id = e.article_id
              WHERE e.cluster_id IN ({cluster_ids_sql}) GROUP BY e.cluster_id) s
        WHERE event_clusters.id = s.cid""", [now])
