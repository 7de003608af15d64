"""Corroboration across the corpus, and the claims read side.

An event reported by one article rests on one outlet's word; the same event (one dedup cluster) reported as
fact by two or more distinct outlets is corroborated, and its certainty rises to ``confirmed`` unless some
mention denies it. An outlet is the attribution's outlet when the text names one ("Al Arabiya ... citing
unnamed sources"), else the article's own source, so ten articles that all quote Al Arabiya count once.

``corroborate`` runs after a write (the ingest command calls it once per run): it rewrites stored certainty,
so ``Store.write`` itself stays a faithful round trip of the events it is given.
"""

from __future__ import annotations

from typing import Any

import duckdb

from ..errors import InputError, StoreError
from ..model import STANCES

#: Certainties a mention must have to count as an outlet reporting the event as fact.
REPORTING = ("asserted", "reported", "confirmed")
#: Certainties that corroboration raises to ``confirmed`` (modal statements such as "planned" stay).
RAISABLE = ("asserted", "reported", "unconfirmed")

#: One row per cluster: mentions, distinct articles, distinct outlets reporting it as fact, denials.
_PER_CLUSTER = f"""
SELECT e.cluster_id,
       count(*) AS mentions,
       count(DISTINCT e.article_id) AS articles,
       count(DISTINCT CASE WHEN e.certainty IN {REPORTING}
                           THEN lower(coalesce(e.attribution_outlet, a.source)) END) AS outlets,
       list(DISTINCT coalesce(e.attribution_outlet, a.source)) FILTER (WHERE coalesce(e.attribution_outlet,
                                                                                       a.source) IS NOT NULL)
           AS outlet_names,
       count(*) FILTER (WHERE e.certainty = 'denied' OR e.modality = 'denied') AS denials
FROM events e LEFT JOIN articles a ON a.id = e.article_id
WHERE e.cluster_id IS NOT NULL
GROUP BY e.cluster_id
"""


def corroborate(store: Any, *, min_outlets: int = 2) -> int:
    """Raise to ``confirmed`` every mention of a cluster reported as fact by ``min_outlets`` or more distinct
    outlets and denied by none. Raising only: a later denial keeps further events from rising but does not
    lower what is stored (re-code to undo).

    Args:
        store: an open, writable ``Store`` (or its DuckDB connection, ``Store.con``).
        min_outlets: distinct outlets needed for independent corroboration.

    Returns:
        How many events were raised.

    Raises:
        StoreError: when the store is read-only or the update fails.
    """
    con = getattr(store, "con", store)
    try:
        rows = con.execute(
            f"UPDATE events SET certainty = 'confirmed' WHERE certainty IN {RAISABLE} AND cluster_id IN ("
            f"SELECT cluster_id FROM ({_PER_CLUSTER}) WHERE outlets >= ? AND denials = 0) RETURNING 1",
            [int(min_outlets)]).fetchall()
    except duckdb.Error as exc:
        raise StoreError(f"{getattr(store, 'path', 'store')}: cannot raise certainty ({exc}); open the store "
                         "writable") from None
    return len(rows)


def corroboration(store, cluster_id: str | None = None, *, min_articles: int = 1,
                  limit: int | None = 100) -> list[dict[str, Any]]:
    """Per cluster: mentions, distinct articles, distinct outlets reporting it as fact, outlet names, denials,
    and the certainty of its founding event; most corroborated first.

    Args:
        store: an open ``Store``.
        cluster_id: one cluster only.
        min_articles: leave out clusters reported by fewer articles.
        limit: most rows; None for all.
    """
    sql = (f"SELECT p.*, f.certainty, f.code, f.source_code, f.target_code, f.date FROM ({_PER_CLUSTER}) p "
           "JOIN events f ON f.id = p.cluster_id WHERE (? IS NULL OR p.cluster_id = ?) AND p.articles >= ? "
           "ORDER BY p.outlets DESC, p.articles DESC, p.cluster_id")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return store.fetch(sql, [cluster_id, cluster_id, int(min_articles)])


def query_claims(store, *, about: str | None = None, speaker: str | None = None, stance: str | None = None,
                 article_id: str | None = None, event_id: str | None = None,
                 limit: int | None = 100) -> list[dict[str, Any]]:
    """Stored claims in the ``Claim.to_dict`` vocabulary, in article and text order.

    Args:
        about: actor code or prefix one of the claim's ``about`` codes starts with ("RUS" matches RUSGOV).
        speaker: speaker code prefix, or words of the speaker's description ("Western analysts").
        stance: supports, disputes or neutral.
        article_id: only the claims of one article.
        event_id: only the claims about one event.
        limit: most rows; None for all.

    Raises:
        InputError: for an unknown stance.
    """
    if stance is not None and stance not in STANCES:
        raise InputError("stance", f"unknown stance '{stance}'", f"use one of {', '.join(STANCES)}")
    clauses, params = [], []
    if about:
        clauses.append("len(list_filter(about, lambda x: starts_with(x, ?))) > 0")
        params.append(about.upper())
    if speaker:
        clauses.append("(starts_with(speaker_code, ?) OR contains(lower(speaker), lower(?)))")
        params += [speaker.upper(), speaker]
    for column, value in (("stance", stance), ("article_id", article_id), ("event_id", event_id)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    sql = f"SELECT * FROM claims WHERE {' AND '.join(clauses) or 'true'} ORDER BY article_id, start, id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    rows = store.fetch(sql, params)
    for row in rows:
        row["about"] = list(row.get("about") or [])
    return rows
