"""The actor network: who deals with whom, how warmly, and who moved closer to whom between two periods.

Edges are aggregated in DuckDB SQL (one row per unordered actor pair) and only then handed to networkx, so
the graph holds pairs, not events. Actors are country-level by default (``RUS`` for ``RUSGOV``; an actor
without a country keeps its code) or full codes with ``level="full"``. An actor's dealings with itself
(``RUSGOV`` -> ``RUSMIL`` at country level) are left out. Like the dyad series, a deduplicated event counts
once unless ``mentions=True``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import InputError
from ..store import EventFilter, Store, parse_bound

LEVELS = {"country": "coalesce(e.{side}_country, e.{side}_code)", "full": "e.{side}_code"}


def edges(store: Store, filters: EventFilter | None = None, *, level: str = "country",
          mentions: bool = False) -> list[dict[str, Any]]:
    """Undirected actor pairs with event counts, cooperation/conflict counts and Goldstein sum and mean.

    Args:
        store: the store to read.
        filters: which events count (its limit is ignored).
        level: ``country`` or ``full``.
        mentions: count every mention instead of deduplicated events.

    Returns:
        Dicts with ``a`` < ``b``, ``events``, ``cooperation``, ``conflict``, ``goldstein_sum``,
        ``goldstein_mean``, sorted by events (most first).
    """
    if level not in LEVELS:
        raise InputError("level", f"unknown level '{level}'", f"use one of {', '.join(LEVELS)}")
    where, params = replace(filters or EventFilter(), limit=None).where("e", "a")
    s, t = LEVELS[level].format(side="source"), LEVELS[level].format(side="target")
    cluster = "" if mentions else "AND e.id = e.cluster_id"
    return store.fetch(f"""
        SELECT least(s, t) AS a, greatest(s, t) AS b, count(*) AS events,
               count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
               round(sum(goldstein), 3) AS goldstein_sum, round(avg(goldstein), 3) AS goldstein_mean
        FROM (SELECT {s} AS s, {t} AS t, e.quad_class, e.goldstein FROM events e
              LEFT JOIN articles a ON a.id = e.article_id
              WHERE {where} AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL {cluster})
        WHERE s <> t
        GROUP BY 1, 2 ORDER BY events DESC, a, b""", params)


def build_graph(edge_rows: list[dict[str, Any]]) -> nx.Graph:
    """A weighted undirected graph: ``weight`` is the event count; the other edge fields ride along."""
    graph = nx.Graph()
    for row in edge_rows:
        attrs = {k: v for k, v in row.items() if k not in ("a", "b")}
        graph.add_edge(row["a"], row["b"], weight=row["events"], **attrs)
    return graph


def summary(store: Store, filters: EventFilter | None = None, *, level: str = "country", top: int = 10,
            mentions: bool = False) -> dict[str, Any]:
    """Strongest ties, most cooperative and most conflictual ties, and the most central actors.

    Centrality is PageRank weighted by event counts (with weighted degree alongside), so an actor central to
    many busy relations ranks high whatever their tone.

    Returns:
        ``{"graph", "nodes", "edges", "ties", "cooperative", "conflictual", "central"}``.
    """
    rows = edges(store, filters, level=level, mentions=mentions)
    graph = build_graph(rows)
    central: list[dict[str, Any]] = []
    if graph.number_of_nodes():
        rank = nx.pagerank(graph, weight="weight")
        degree = dict(graph.degree(weight="weight"))
        for node in sorted(graph, key=lambda n: (-rank[n], n))[:top]:
            nx.set_node_attributes(graph, {node: round(rank[node], 4)}, "pagerank")
            central.append({"actor": node, "pagerank": round(rank[node], 4), "events": degree[node],
                            "partners": graph.degree(node)})
    return {
        "graph": graph, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
        "ties": rows[:top],
        "cooperative": sorted((r for r in rows if r["goldstein_sum"] > 0),
                              key=lambda r: (-r["goldstein_sum"], r["a"], r["b"]))[:top],
        "conflictual": sorted((r for r in rows if r["goldstein_sum"] < 0),
                              key=lambda r: (r["goldstein_sum"], r["a"], r["b"]))[:top],
        "central": central,
    }


def alignment_shift(store: Store, period: EventFilter, compare: EventFilter, *, level: str = "country",
                    mentions: bool = False, min_events: int = 1) -> list[dict[str, Any]]:
    """Who moved closer to whom: the change in mean Goldstein of each pair present in both periods.

    The earlier period (by ``since``; an open start counts as earliest) is "before", the other "after", so
    ``delta = after - before`` is positive when a pair moved closer, negative when it drifted apart, whichever
    order the periods are given in.

    Args:
        store: the store to read.
        period: criteria of one period (``since``/``until`` plus any other filter).
        compare: criteria of the other period.
        level: ``country`` or ``full``.
        mentions: count every mention instead of deduplicated events.
        min_events: a pair needs at least this many events in each period.

    Returns:
        Dicts ``a``, ``b``, ``before``, ``after`` (mean Goldstein), ``delta``, ``events_before``,
        ``events_after``, sorted by delta, largest rapprochement first.
    """
    first, second = period, compare
    start = parse_bound(first.since)
    other = parse_bound(second.since)
    if start is not None and (other is None or other < start):
        first, second = second, first
    before = {(r["a"], r["b"]): r for r in edges(store, first, level=level, mentions=mentions)}
    after = {(r["a"], r["b"]): r for r in edges(store, second, level=level, mentions=mentions)}
    shifts = []
    for pair in sorted(before.keys() & after.keys()):
        b, a = before[pair], after[pair]
        if b["events"] < min_events or a["events"] < min_events:
            continue
        shifts.append({"a": pair[0], "b": pair[1], "before": b["goldstein_mean"], "after": a["goldstein_mean"],
                       "delta": round(a["goldstein_mean"] - b["goldstein_mean"], 3),
                       "events_before": b["events"], "events_after": a["events"]})
    return sorted(shifts, key=lambda r: (-r["delta"], r["a"], r["b"]))


def write_graph(graph: nx.Graph, path: str | Path, fmt: str) -> None:
    """Save for Gephi: ``graphml`` or ``gexf``."""
    writers = {"graphml": nx.write_graphml, "gexf": nx.write_gexf}
    if fmt not in writers:
        raise InputError(str(path), f"unknown graph format '{fmt}'", "use graphml or gexf")
    writers[fmt](graph, str(path))
