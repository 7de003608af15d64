"""The one translation each way between an ``Event`` and the store's flat columns.

``event_to_row`` flattens ``Event.to_dict()`` and derives the date span and the deduplication window;
``row_to_dict`` rebuilds the nested ``to_dict`` vocabulary (so ``Event.from_dict`` accepts it) and appends the
cluster and article fields the query joined in.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from typing import Any

from ..model import Event

#: Extra days of tolerance around a date span when deduplicating, by precision.
MATCH_SLACK = {"day": 1, "approximate": 3}

#: Keys added to an event dict besides the ``Event.to_dict()`` vocabulary.
EXTRA_KEYS = ("cluster_id", "num_mentions", "num_articles", "num_sources", "first_seen", "last_seen",
              "outlet", "url", "published")

_ACTOR_FIELDS = ("code", "name", "country", "role", "kind")
_PLACE_FIELDS = ("name", "country", "lat", "lon", "feature", "geonameid", "basis")
_ATTRIBUTION_FIELDS = ("speaker", "speaker_code", "outlet", "anonymous", "cue")
_EVIDENCE_FIELDS = ("article_id", "sentence", "sentence_start", "start", "end", "trigger")


def date_span(value: str | None, precision: str) -> tuple[date | None, date | None]:
    """Calendar span an ISO prefix denotes: a day, the ISO week starting on it, a month or a year.

    Unparseable or missing values give ``(None, None)``: the event simply has no date to compare.
    """
    if not value or precision == "unknown":
        return None, None
    try:
        if len(value) >= 10:
            start = date.fromisoformat(value[:10])
            end = start + timedelta(days=6) if precision == "week" else start
            if precision == "month":
                start = start.replace(day=1)
                end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
            elif precision == "year":
                start, end = date(start.year, 1, 1), date(start.year, 12, 31)
            return start, end
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if len(value) == 4:
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        return None, None
    return None, None


def match_window(start: date | None, end: date | None, precision: str) -> tuple[date | None, date | None]:
    """The span widened by the precision's slack: a day-precise date matches the day before and after."""
    if start is None or end is None:
        return None, None
    slack = timedelta(days=MATCH_SLACK.get(precision, 0))
    return start - slack, end + slack


def event_to_row(event: Event, ingested_at: datetime) -> dict[str, Any]:
    """Flatten an event into the ``events`` table's columns (``cluster_id`` is set by deduplication)."""
    d = event.to_dict()
    row: dict[str, Any] = {"id": d["id"], "article_id": d["article_id"], "cluster_id": None}
    for side in ("source", "target"):
        actor = d[side] or {}
        for f in _ACTOR_FIELDS:
            row[f"{side}_{f}"] = actor.get(f)
    row.update({k: d[k] for k in ("code", "root", "label", "quad_class", "goldstein", "plover", "date",
                                  "date_precision", "date_basis", "date_text", "historical", "asserted",
                                  "modality", "certainty", "rule")})
    row["base_code"] = d["code"][:3]
    start, end = date_span(d["date"], d["date_precision"])
    row["date_start"], row["date_end"] = start, end
    row["match_start"], row["match_end"] = match_window(start, end, d["date_precision"])
    place = d["place"] or {}
    for f in _PLACE_FIELDS:
        row[f"place_{f}"] = place.get(f)
    attribution = d["attribution"] or {}
    for f in _ATTRIBUTION_FIELDS:
        row[f"attribution_{f}"] = attribution.get(f)
    for f in _EVIDENCE_FIELDS[1:]:
        row[f"evidence_{f}"] = d["evidence"][f]
    row["ingested_at"] = ingested_at
    return row


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def row_to_dict(row: dict[str, Any]) -> dict[str, Any]:
    """Rebuild the nested ``Event.to_dict()`` vocabulary from flat columns, plus cluster/article fields."""
    def actor(side: str) -> dict[str, Any] | None:
        if row.get(f"{side}_code") is None:
            return None
        return {f: row.get(f"{side}_{f}") for f in _ACTOR_FIELDS}

    place = None if row.get("place_name") is None else {f: row.get(f"place_{f}") for f in _PLACE_FIELDS}
    if place is not None and place["basis"] is None:  # stored before schema 2: every place was read
        place["basis"] = "text"
    # A stored attribution always has a non-null ``anonymous`` flag; NULL means the event had none.
    attribution = (None if row.get("attribution_anonymous") is None
                   else {f: row.get(f"attribution_{f}") for f in _ATTRIBUTION_FIELDS})
    evidence = {"article_id": row["article_id"],
                **{f: row.get(f"evidence_{f}") for f in _EVIDENCE_FIELDS[1:]}}
    d = {
        "id": row["id"], "article_id": row["article_id"], "source": actor("source"), "target": actor("target"),
        "code": row["code"], "root": row["root"], "label": row.get("label"), "quad_class": row["quad_class"],
        "goldstein": row["goldstein"], "plover": row.get("plover"), "date": row.get("date"),
        "date_precision": row.get("date_precision"), "date_basis": row.get("date_basis"),
        "date_text": row.get("date_text"), "historical": bool(row.get("historical")), "place": place,
        "asserted": bool(row.get("asserted")), "modality": row.get("modality"), "certainty": row.get("certainty"),
        "attribution": attribution, "evidence": evidence, "rule": row.get("rule"),
    }
    for key in EXTRA_KEYS:
        if key in row:
            d[key] = _iso(row[key])
    return d


def flat_row(row: dict[str, Any]) -> dict[str, Any]:
    """A flat row with dates as ISO strings: the record csv and parquet exports write."""
    return {k: _iso(v) for k, v in row.items()}
