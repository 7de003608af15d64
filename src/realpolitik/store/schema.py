"""The store's DDL, all in one place, with the schema version it declares.

Events are flat columns (``source_code``, ``place_country``, ``evidence_trigger`` ...) so SQL can filter and
aggregate them; ``mapping.py`` is the one translation between these columns and ``Event.to_dict()``. A store
written by a newer realpolitik (higher version in ``meta``) is refused rather than misread.
"""

from __future__ import annotations

import pyarrow as pa

#: Bump when a table or column changes; add the upgrade step to ``MIGRATIONS``.
SCHEMA_VERSION = 2

#: Column name -> DuckDB type for the events table, in order. ``date_start``/``date_end`` is the calendar
#: span the date denotes; ``match_start``/``match_end`` the wider window deduplication compares.
EVENT_COLUMNS: dict[str, str] = {
    "id": "VARCHAR PRIMARY KEY",
    "article_id": "VARCHAR NOT NULL",
    "cluster_id": "VARCHAR",
    "source_code": "VARCHAR", "source_name": "VARCHAR", "source_country": "VARCHAR", "source_role": "VARCHAR",
    "source_kind": "VARCHAR",
    "target_code": "VARCHAR", "target_name": "VARCHAR", "target_country": "VARCHAR", "target_role": "VARCHAR",
    "target_kind": "VARCHAR",
    "code": "VARCHAR NOT NULL", "base_code": "VARCHAR", "root": "VARCHAR NOT NULL", "label": "VARCHAR",
    "quad_class": "INTEGER", "goldstein": "DOUBLE", "plover": "VARCHAR",
    "date": "VARCHAR", "date_precision": "VARCHAR", "date_basis": "VARCHAR", "date_text": "VARCHAR",
    "historical": "BOOLEAN", "date_start": "DATE", "date_end": "DATE", "match_start": "DATE", "match_end": "DATE",
    "place_name": "VARCHAR", "place_country": "VARCHAR", "place_lat": "DOUBLE", "place_lon": "DOUBLE",
    "place_feature": "VARCHAR", "place_geonameid": "BIGINT",
    "asserted": "BOOLEAN", "modality": "VARCHAR", "certainty": "VARCHAR",
    "attribution_speaker": "VARCHAR", "attribution_speaker_code": "VARCHAR", "attribution_outlet": "VARCHAR",
    "attribution_anonymous": "BOOLEAN", "attribution_cue": "VARCHAR",
    "evidence_sentence": "VARCHAR", "evidence_sentence_start": "INTEGER", "evidence_start": "INTEGER",
    "evidence_end": "INTEGER", "evidence_trigger": "VARCHAR",
    "rule": "VARCHAR", "ingested_at": "TIMESTAMP",
    "place_basis": "VARCHAR",  # added in schema 2 (at the end, where ALTER TABLE puts it)
}

ARTICLE_COLUMNS: dict[str, str] = {
    "id": "VARCHAR PRIMARY KEY", "title": "VARCHAR", "text": "VARCHAR", "url": "VARCHAR", "published": "VARCHAR",
    "source": "VARCHAR", "origin": "VARCHAR", "language": "VARCHAR", "ingested_at": "TIMESTAMP",
}

#: One row per deduplicated real-world event. ``id`` is its founding event's id; the founder's row in
#: ``events`` carries the code, dyad and date; the place may be filled by a later member.
CLUSTER_COLUMNS: dict[str, str] = {
    "id": "VARCHAR PRIMARY KEY",
    "place_name": "VARCHAR", "place_country": "VARCHAR", "place_feature": "VARCHAR",
    "num_mentions": "INTEGER", "num_articles": "INTEGER", "num_sources": "INTEGER",
    "first_seen": "DATE", "last_seen": "DATE", "updated_at": "TIMESTAMP",
}

CLAIM_COLUMNS: dict[str, str] = {
    "id": "VARCHAR PRIMARY KEY", "article_id": "VARCHAR", "speaker": "VARCHAR", "speaker_code": "VARCHAR",
    "text": "VARCHAR", "start": "INTEGER", "end": "INTEGER", "about": "VARCHAR[]", "stance": "VARCHAR",
    "target_claim_id": "VARCHAR", "event_id": "VARCHAR", "anonymous": "BOOLEAN", "cue": "VARCHAR",
}

#: The GDELT 2.0 event table, 61 columns in codebook order, with the types its files hold.
GDELT_COLUMNS: dict[str, str] = {
    "GLOBALEVENTID": "BIGINT", "SQLDATE": "INTEGER", "MonthYear": "INTEGER", "Year": "INTEGER",
    "FractionDate": "DOUBLE",
    **{f"Actor{n}{field}": "VARCHAR" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")},
    "IsRootEvent": "INTEGER", "EventCode": "VARCHAR", "EventBaseCode": "VARCHAR", "EventRootCode": "VARCHAR",
    "QuadClass": "INTEGER", "GoldsteinScale": "DOUBLE", "NumMentions": "INTEGER", "NumSources": "INTEGER",
    "NumArticles": "INTEGER", "AvgTone": "DOUBLE",
    **{f"{side}Geo_{field}": typ for side in ("Actor1", "Actor2", "Action") for field, typ in (
        ("Type", "INTEGER"), ("FullName", "VARCHAR"), ("CountryCode", "VARCHAR"), ("ADM1Code", "VARCHAR"),
        ("ADM2Code", "VARCHAR"), ("Lat", "DOUBLE"), ("Long", "DOUBLE"), ("FeatureID", "VARCHAR"))},
    "DATEADDED": "BIGINT", "SOURCEURL": "VARCHAR",
}
assert len(GDELT_COLUMNS) == 61


def _table(name: str, columns: dict[str, str], extra: str = "") -> str:
    body = ",\n  ".join(f'"{col}" {typ}' for col, typ in columns.items())
    return f"CREATE TABLE IF NOT EXISTS {name} (\n  {body}{extra}\n)"


DDL: tuple[str, ...] = (
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    _table("articles", ARTICLE_COLUMNS),
    _table("events", EVENT_COLUMNS),
    _table("event_clusters", CLUSTER_COLUMNS),
    _table("rejects", {"origin": "VARCHAR NOT NULL", "reason": "VARCHAR NOT NULL", "seen_at": "TIMESTAMP"},
           ",\n  PRIMARY KEY (origin, reason)"),
    _table("claims", CLAIM_COLUMNS),
    _table("gdelt_events", {**{c: (t + " PRIMARY KEY" if c == "GLOBALEVENTID" else t)
                               for c, t in GDELT_COLUMNS.items()}, "imported_from": "VARCHAR"}),
)

#: version -> statements that upgrade a store from ``version - 1``. Empty while there is one version.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: ("ALTER TABLE events ADD COLUMN IF NOT EXISTS place_basis VARCHAR",),
}


#: DuckDB column type -> Arrow type, for building Arrow tables that load into these tables as they are.
ARROW_TYPES = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
               "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"),
               "VARCHAR[]": pa.list_(pa.string())}


def arrow_schema(columns: dict[str, str]) -> pa.Schema:
    """The Arrow schema of a table declared here (batch output and store writes share it)."""
    return pa.schema([(name, ARROW_TYPES[typ.split(" ")[0]]) for name, typ in columns.items()])
