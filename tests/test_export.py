"""Exports (GDELT 2.0, CSV, JSON Lines, Parquet) and the GDELT import, read back with real parsers."""

from __future__ import annotations

import csv
import gzip
import io
import json
import zipfile

import duckdb
import pyarrow.parquet as pq
import pytest

from chessboard_data import article, event, fourth_article, meeting_batch
from realpolitik.analysis import compare_series
from realpolitik.errors import InputError
from realpolitik.export import GDELT_COLUMNS, export_events, global_event_id, import_gdelt
from realpolitik.export.gdelt import fips_table
from realpolitik.model import Event, Place
from realpolitik.store import EventFilter, Store
from realpolitik.store.schema import GDELT_COLUMNS as GDELT_TYPES

ALL = EventFilter(limit=None)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "rp.duckdb") as s:
        articles, events = meeting_batch()
        s.write(articles, events)
        aj, aj_events = fourth_article()
        s.write([aj], aj_events)
        yield s


def export_text(store, fmt, **kwargs) -> str:
    out = io.StringIO()
    export_events(store, kwargs.pop("filters", ALL), fmt, out, **kwargs)
    return out.getvalue()


def read_gdelt(path) -> list[dict]:
    """Read a GDELT file with DuckDB and explicit codebook types (fails on any type mismatch)."""
    columns = ", ".join(f"'{name}': '{typ}'" for name, typ in GDELT_TYPES.items())
    cur = duckdb.connect().execute(
        f"SELECT * FROM read_csv(?, delim='\t', header=false, quote='', escape='', columns={{{columns}}})", [str(path)])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def test_gdelt_column_list_matches_the_codebook():
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[39] == "Actor1Geo_ADM2Code" and GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_gdelt_export_one_row_per_cluster_reloads_typed(store, tmp_path):
    text = export_text(store, "gdelt")
    lines = text.splitlines()
    assert len(lines) == 2 and all(len(line.split("\t")) == 61 for line in lines)
    assert all(len(row) == 61 for row in csv.reader(io.StringIO(text), delimiter="\t"))
    path = tmp_path / "out.tsv"
    path.write_text(text)
    rows = {r["EventRootCode"]: r for r in read_gdelt(path)}
    meeting = rows["04"]
    cluster_id = store.query_events(EventFilter(code="04", limit=1))[0]["cluster_id"]
    assert meeting["GLOBALEVENTID"] == global_event_id(cluster_id)
    assert (meeting["SQLDATE"], meeting["MonthYear"], meeting["Year"]) == (20251118, 202511, 2025)
    assert meeting["FractionDate"] == pytest.approx(2025 + (11 * 30 + 18) / 365, abs=1e-4)
    assert (meeting["Actor1Code"], meeting["Actor1CountryCode"], meeting["Actor1Type1Code"]) == ("RUSGOV", "RUS", "GOV")
    assert (meeting["NumMentions"], meeting["NumSources"], meeting["NumArticles"]) == (4, 4, 4)
    assert meeting["QuadClass"] == 1 and meeting["GoldsteinScale"] > 0
    assert (meeting["ActionGeo_Type"], meeting["ActionGeo_CountryCode"]) == (4, "RS")
    assert meeting["ActionGeo_FullName"] == "Moscow, Russia" and meeting["ActionGeo_Lat"] == pytest.approx(55.7558)
    assert meeting["AvgTone"] is None and meeting["Actor1Geo_Type"] is None
    assert len(str(meeting["DATEADDED"])) == 14 and meeting["SOURCEURL"].startswith("https://")
    strike = rows["19"]
    assert (strike["QuadClass"], strike["GoldsteinScale"], strike["ActionGeo_CountryCode"]) == (4, -10.0, "SY")


def test_gdelt_export_per_mention(store):
    lines = export_text(store, "gdelt", per_cluster=False).splitlines()
    assert len(lines) == 5
    assert {line.split("\t")[33] for line in lines} == {"1"}  # NumArticles of a single mention


def test_fips_table_and_gaza(tmp_path):
    fips = fips_table()
    assert (fips["USA"][0], fips["GBR"][0], fips["DEU"][0], fips["SYR"][0], fips["UKR"][0]) == \
        ("US", "UK", "GM", "SY", "UP")
    with Store(tmp_path / "g.duckdb") as s:
        art = article("Israeli aircraft struck Rafah on Monday.", "AP", "2025-11-17")
        s.write([art], [event(art, "ISRMIL", "PSE", "190", "2025-11-17", trigger="struck",
                              place=Place("Rafah", "PSE", 31.29, 34.25, "city"))])
        fields = export_text(s, "gdelt").split("\t")
        assert fields[GDELT_COLUMNS.index("ActionGeo_CountryCode")] == "GZ"


def test_csv_carries_all_fields(store):
    rows = list(csv.DictReader(io.StringIO(export_text(store, "csv"))))
    assert len(rows) == 5
    for field in ("certainty", "attribution_speaker", "evidence_sentence", "evidence_trigger", "cluster_id",
                  "num_sources", "outlet", "date_precision", "historical"):
        assert field in rows[0]
    tass = next(r for r in rows if r["outlet"] == "TASS")
    assert tass["attribution_speaker"] == "the Kremlin" and tass["evidence_trigger"] == "held talks"


def test_jsonl_is_the_event_vocabulary(store):
    lines = export_text(store, "jsonl", filters=EventFilter(outlet="TASS", limit=None)).splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert Event.from_dict(record).attribution.speaker == "the Kremlin"
    assert record["num_articles"] == 4 and record["evidence"]["trigger"] == "held talks"


def test_parquet_keeps_types(store, tmp_path):
    path = tmp_path / "events.parquet"
    assert export_events(store, ALL, "parquet", str(path)) == 5
    table = pq.read_table(path)
    assert table.num_rows == 5
    assert str(table.schema.field("date_start").type) == "date32[day]"
    assert str(table.schema.field("goldstein").type) == "double"
    assert "evidence_sentence" in table.column_names
    per_cluster = tmp_path / "clusters.parquet"
    assert export_events(store, ALL, "parquet", str(per_cluster), per_cluster=True) == 2


GOOD = [
    "1100000001\t20251118\t202511\t2025\t2025.8795\tRUSGOV\tRUSSIA\tRUS\t\t\t\t\tGOV\t\t\tSYRGOV\tSYRIA\tSYR\t\t\t\t\tGOV"
    "\t\t\t1\t040\t040\t04\t1\t1.0\t10\t2\t10\t-1.5\t4\tMoscow, Moscow City, Russia\tRS\tRS48\t\t55.75\t37.6167"
    "\t-2960561\t4\tDamascus, Dimashq, Syria\tSY\tSY13\t\t33.5\t36.3\t-2999133\t4\tMoscow, Moscow City, Russia\tRS"
    "\tRS48\t\t55.75\t37.6167\t-2960561\t20251118151500\thttps://news.example/a",
    "1100000002\t20251119\t202511\t2025\t2025.8822\tRUSMIL\tRUSSIA\tRUS\t\t\t\t\tMIL\t\t\tSYR\tSYRIA\tSYR\t\t\t\t\t"
    "\t\t\t0\t190\t190\t19\t4\t-10.0\t4\t1\t4\t-6.2\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t4\tIdlib, Idlib, Syria\tSY\tSY07"
    "\t\t35.93\t36.63\t-2998850\t20251119081500\thttps://news.example/b",
]


def gdelt_file(tmp_path, kind: str) -> str:
    bad_count = "1100000003\t20251119\tonly three"
    bad_number = GOOD[0].replace("1100000001", "1100000004").replace("\t1.0\t10\t", "\tlots\t10\t")
    text = "\n".join([GOOD[0], bad_count, GOOD[1], GOOD[0], bad_number]) + "\n"
    if kind == "plain":
        path = tmp_path / "20251119.export.CSV"
        path.write_text(text)
    elif kind == "gz":
        path = tmp_path / "20251119.export.CSV.gz"
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path = tmp_path / "20251119.export.CSV.zip"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("20251119.export.CSV", text)
    return str(path)


@pytest.mark.parametrize("kind", ["plain", "gz", "zip"])
def test_import_gdelt_is_idempotent_and_rejects_bad_lines(store, tmp_path, kind):
    path = gdelt_file(tmp_path, kind)
    stats = import_gdelt(store, [path])
    assert (stats.files, stats.lines, stats.added, stats.rejected) == (1, 5, 2, 2)
    rejects = {r["origin"]: r["reason"] for r in store.rejects()}
    assert any(o.endswith("line 2") and "3 tab-separated fields" in r for o, r in rejects.items())
    assert any(o.endswith("line 5") and "GoldsteinScale" in r for o, r in rejects.items())
    again = import_gdelt(store, [path])
    assert again.added == 0 and store.counts()["gdelt_events"] == 2 and store.counts()["rejects"] == 2
    row = store.fetch("SELECT * FROM gdelt_events WHERE GLOBALEVENTID = 1100000002")[0]
    assert (row["EventCode"], row["ActionGeo_Lat"], row["Actor2Type1Code"], row["AvgTone"]) == ("190", 35.93, None, -6.2)


def test_import_missing_file_names_it(store, tmp_path):
    with pytest.raises(InputError, match="nowhere.CSV"):
        import_gdelt(store, [tmp_path / "nowhere.CSV"])


def test_exported_gdelt_imports_back_and_compares_equal(store, tmp_path):
    path = tmp_path / "ours.export.CSV"
    path.write_text(export_text(store, "gdelt"))
    assert import_gdelt(store, [str(path)]).added == 2
    rows = compare_series(store, "RUS", "SYR", by="week")
    assert [(r["ours_events"], r["gdelt_events"]) for r in rows] == [(2, 2)]
    assert rows[0]["ours_goldstein_mean"] == rows[0]["gdelt_goldstein_mean"]
