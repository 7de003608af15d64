"""Deduplicated events (clusters), read side. The clustering rule itself runs inside ``Store.write`` (see
``realpolitik.store.dedup``, which documents it), because the store updates clusters incrementally as it
writes; this module lists clusters and explains them."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..store import EventFilter, Store


def clusters(store: Store, filters: EventFilter | None = None) -> list[dict[str, Any]]:
    """One row per deduplicated event that has a mention matching ``filters``: the founding mention's fields
    plus ``num_mentions``, ``num_articles``, ``num_sources``, ``first_seen`` and ``last_seen``."""
    return store.query_events(filters or EventFilter(), per_cluster=True)


def mentions(store: Store, cluster_id: str) -> dict[str, Any] | None:
    """A cluster with every mention's evidence (sentence, trigger span, article, outlet), oldest first."""
    return store.cluster(cluster_id)


def busiest(store: Store, filters: EventFilter | None = None, top: int = 10) -> list[dict[str, Any]]:
    """The most reported events: clusters ordered by number of mentions."""
    return clusters(store, replace(filters or EventFilter(), order="mentions", limit=top))


def recluster(store: Store) -> tuple[int, int]:
    """Rebuild every cluster from scratch; returns (clusters, events)."""
    return store.recluster()
