"""Export in the GDELT 2.0 event table format: tab-separated, no header, 61 columns in codebook order.

What we cannot know is left empty rather than invented: religion, ethnicity and known-group codes, actor
geography (we locate the action, not each actor), ADM1/ADM2 codes below country level, and AvgTone (we do not
score tone). Geo country codes are FIPS 10-4, as in GDELT; FeatureID holds the GeoNames id where GDELT puts a
GNS id. GLOBALEVENTID is a stable integer derived from our content-hash id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache
from typing import IO, Any

from ..knowledge.tables import read_table, shipped_path
from ..store.schema import GDELT_COLUMNS

COLUMNS: tuple[str, ...] = tuple(GDELT_COLUMNS)
#: Places named so lie in the Gaza Strip (FIPS GZ) rather than the West Bank (WE), both ISO PSE.
GAZA = ("gaza", "rafah", "khan younis", "khan yunis", "jabalia", "deir al-balah", "beit hanoun")


@lru_cache(maxsize=1)
def fips_table() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 -> (FIPS 10-4 code, country name), from knowledge/fips.tsv."""
    return {row.require("iso3"): (row.require("fips"), row.require("name"))
            for row in read_table(shipped_path("fips.tsv"), ("iso3", "fips", "name"))}


def global_event_id(event_id: str) -> int:
    """A stable positive 60-bit integer for an event or cluster id (fits GDELT's integer column)."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _clean(value: Any) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _number(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def _dates(iso: str | None) -> list[str]:
    """SQLDATE, MonthYear, Year, FractionDate (year + (month * 30 + day) / 365, as GDELT computes it)."""
    if not iso:
        return ["", "", "", ""]
    d = date.fromisoformat(iso[:10])
    return [d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year), f"{d.year + (d.month * 30 + d.day) / 365:.4f}"]


def _actor(row: dict[str, Any], side: str) -> list[str]:
    if not row.get(f"{side}_code"):
        return [""] * 10
    return [_clean(row[f"{side}_code"]), _clean((row.get(f"{side}_name") or "").upper()),
            _clean(row.get(f"{side}_country")), "", "", "", "", _clean(row.get(f"{side}_role")), "", ""]


def _action_geo(row: dict[str, Any]) -> list[str]:
    """ActionGeo_Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    name, iso = row.get("place_name"), row.get("place_country")
    if not name:
        return [""] * 8
    fips, country = fips_table().get(iso or "", ("", iso or ""))
    if iso == "PSE" and any(g in name.lower() for g in GAZA):
        fips = "GZ"
    feature = row.get("place_feature") or "city"
    if feature == "country":
        return ["1", _clean(country or name), fips, fips, "", _number(row.get("place_lat")),
                _number(row.get("place_lon")), fips]
    geo_type = {"city": "3", "region": "2"}.get(feature, "3") if iso == "USA" else \
        {"city": "4", "region": "5"}.get(feature, "4")
    full = f"{name}, {country}" if country and country != name else name
    feature_id = "" if row.get("place_geonameid") is None else str(row["place_geonameid"])
    return [geo_type, _clean(full), fips, "", "", _number(row.get("place_lat")), _number(row.get("place_lon")),
            feature_id]


def gdelt_row(row: dict[str, Any], per_cluster: bool = True) -> list[str]:
    """The 61 GDELT fields of one flat store row (as ``Store.iter_rows`` yields it)."""
    added = row.get("ingested_at")
    if isinstance(added, str):
        added = datetime.fromisoformat(added)
    counts = ([str(row.get("num_mentions") or 1), str(row.get("num_sources") or 0), str(row.get("num_articles") or 1)]
              if per_cluster else ["1", "1" if row.get("outlet") else "0", "1"])
    fields = [str(global_event_id(row["id"])), *_dates(row.get("date_start")),
              *_actor(row, "source"), *_actor(row, "target"),
              "1" if row.get("evidence_sentence_start") == 0 else "0",
              _clean(row["code"]), _clean(row["code"][:3]), _clean(row["root"]), str(row["quad_class"]),
              _number(row["goldstein"]), *counts, "",
              *([""] * 8), *([""] * 8), *_action_geo(row),
              added.strftime("%Y%m%d%H%M%S") if added else "", _clean(row.get("url"))]
    assert len(fields) == len(COLUMNS)
    return fields


def write_gdelt(rows: Iterable[dict[str, Any]], out: IO[str], per_cluster: bool = True) -> int:
    """Write flat store rows as GDELT lines; returns how many."""
    n = 0
    for row in rows:
        out.write("\t".join(gdelt_row(row, per_cluster)) + "\n")
        n += 1
    return n
