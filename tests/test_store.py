"""The DuckDB store: schema, idempotent writes, the mapping round trip, filters and deduplication."""

from __future__ import annotations

import duckdb
import pytest

from chessboard_data import DAMASCUS, MOSCOW, article, event, fourth_article, meeting_batch
from realpolitik.errors import InputError, StoreError
from realpolitik.model import Event, Place
from realpolitik.store import SCHEMA_VERSION, EventFilter, Store
from realpolitik.store.mapping import date_span


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "rp.duckdb") as s:
        yield s


@pytest.fixture
def loaded(store):
    articles, events = meeting_batch()
    store.write(articles, events)
    return store


def meeting_cluster(store):
    rows = store.query_events(EventFilter(source="RUSGOV", target="SYRGOV", limit=None))
    assert len({r["cluster_id"] for r in rows}) == 1
    return store.cluster(rows[0]["cluster_id"])


def test_schema_version_row_and_tables(store):
    assert store.schema_version() == SCHEMA_VERSION
    assert set(store.counts()) == {"articles", "events", "clusters", "rejects", "claims", "gdelt_events"}


def test_not_a_duckdb_file_names_the_file(tmp_path):
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("just some text, not a database\n" * 100)
    with pytest.raises(StoreError, match="notes.duckdb"):
        Store(bogus)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_read_only_missing_file_is_an_error(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "absent.duckdb", read_only=True)


def test_read_only_refuses_writes(tmp_path, store):
    store.close()
    with Store(store.path, read_only=True) as ro, pytest.raises(StoreError, match="read-only"):
        ro.write([], [])


def test_write_counts_and_is_idempotent(store):
    articles, events = meeting_batch()
    first = store.write(articles, events, [{"origin": "feed.xml line 4", "reason": "empty"}])
    assert (first.articles_added, first.articles_seen, first.events_added, first.rejects_added) == (3, 3, 4, 1)
    before = store.counts()
    again = store.write(articles, events, [{"origin": "feed.xml line 4", "reason": "empty"}])
    assert (again.articles_added, again.events_added, again.rejects_added) == (0, 0, 0)
    assert store.counts() == before
    assert meeting_cluster(store)["num_mentions"] == 3


def test_event_without_its_article_is_refused_and_nothing_written(store):
    articles, events = meeting_batch()
    with pytest.raises(StoreError, match=events[0].article_id):
        store.write(articles[1:], events)
    assert store.counts()["events"] == 0 and store.counts()["articles"] == 0


def test_event_round_trips_through_the_columns(loaded):
    _, events = meeting_batch()
    stored = {e.id: e for e in loaded.events(EventFilter(limit=None))}
    for original in events:
        # to_dict fills certainty from modality, so compare what the vocabulary carries.
        assert stored[original.id].to_dict() == original.to_dict()
        assert stored[original.id] == Event.from_dict(original.to_dict())


def test_query_returns_to_dict_vocabulary_plus_cluster_fields(loaded):
    _, events = meeting_batch()
    row = next(r for r in loaded.query_events(EventFilter(limit=None)) if r["id"] == events[3].id)
    expected = events[3].to_dict()
    assert {k: row[k] for k in expected} == expected
    assert row["attribution"]["speaker"] == "the Kremlin" and row["certainty"] == "attributed"
    assert row["num_articles"] == 3 and row["outlet"] == "TASS" and row["published"] == "2025-11-19"


def test_three_articles_one_meeting_make_one_cluster(loaded):
    cluster = meeting_cluster(loaded)
    assert (cluster["num_mentions"], cluster["num_articles"], cluster["num_sources"]) == (3, 3, 3)
    assert (cluster["first_seen"], cluster["last_seen"]) == ("2025-11-18", "2025-11-19")
    # The cluster's id is its founder's: the earliest-dated mention, smallest id among equals.
    _, events = meeting_batch()
    founders = sorted((e for e in events[:2]), key=lambda e: e.id)
    assert cluster["id"] == founders[0].id
    assert {m["evidence"]["trigger"] for m in cluster["mentions"]} == {"met", "held talks"}
    # The airstrike is a separate event.
    strike = loaded.query_events(EventFilter(code="19"))
    assert len(strike) == 1 and strike[0]["cluster_id"] == strike[0]["id"] and strike[0]["num_mentions"] == 1


def test_num_sources_counts_outlets_not_articles(store):
    articles, events = meeting_batch()
    second_reuters = article("Putin met Assad in Moscow on Tuesday, Reuters reported.", "reuters", "2025-11-18")
    store.write(articles + [second_reuters],
                events + [event(second_reuters, "RUSGOV", "SYRGOV", "040", "2025-11-18", place=MOSCOW)])
    cluster = meeting_cluster(store)
    assert (cluster["num_articles"], cluster["num_sources"]) == (4, 3)


def test_incremental_fourth_article_joins_the_cluster(loaded):
    before = meeting_cluster(loaded)
    aj, aj_events = fourth_article()
    stats = loaded.write([aj], aj_events)
    assert (stats.events_added, stats.clusters_added, stats.clusters_touched) == (1, 0, 1)
    after = meeting_cluster(loaded)
    assert after["id"] == before["id"]
    assert (after["num_mentions"], after["num_articles"], after["num_sources"]) == (4, 4, 4)
    assert after["last_seen"] == "2025-11-20"


def test_batch_order_does_not_change_clusters(tmp_path):
    articles, events = meeting_batch()
    with Store(tmp_path / "a.duckdb") as a, Store(tmp_path / "b.duckdb") as b:
        a.write(articles, events)
        b.write(list(reversed(articles)), list(reversed(events)))
        pick = EventFilter(limit=None, order="oldest")
        assert ({r["id"]: r["cluster_id"] for r in a.query_events(pick)}
                == {r["id"]: r["cluster_id"] for r in b.query_events(pick)})


def test_dedup_rule_keeps_apart_what_differs(store):
    base = article("Putin met Assad on Tuesday in Moscow. Later Putin met Assad in Damascus.", "Reuters",
                   "2025-11-18")
    far = article("Putin met Assad again, weeks later.", "AP", "2025-12-09")
    other_role = article("Russian generals met Syrian officials on Tuesday.", "AP", "2025-11-18")
    undated = article("Putin has met Assad, sources say.", "BBC", "2025-11-18")
    events = [
        event(base, "RUSGOV", "SYRGOV", "040", "2025-11-18", place=MOSCOW),
        event(base, "RUSGOV", "SYRGOV", "040", "2025-11-18", place=DAMASCUS, trigger="Later", sentence_index=1),
        event(far, "RUSGOV", "SYRGOV", "040", "2025-12-09"),
        event(other_role, "RUSMIL", "SYRGOV", "040", "2025-11-18", place=MOSCOW),
        event(other_role, "RUSGOV", "SYRGOV", "112", "2025-11-18", place=MOSCOW, trigger="officials"),
        event(undated, "RUSGOV", "SYRGOV", "040", None),
    ]
    stats = store.write([base, far, other_role, undated], events)
    assert stats.clusters_added == 6


def test_dedup_windows_by_precision(store):
    a1 = article("Turkey and Iran agreed this week to expand trade.", "Reuters", "2025-11-20")
    a2 = article("Iranian and Turkish ministers signed a trade deal on Thursday.", "AP", "2025-11-20")
    a3 = article("Turkey and Iran signed a trade deal two days later.", "BBC", "2025-11-23")
    events = [
        event(a1, "TURGOV", "IRNGOV", "061", "2025-11-17", precision="week", trigger="agreed"),
        event(a2, "TURGOV", "IRNGOV", "057", "2025-11-20", trigger="signed"),  # same root? no: 05 vs 06
        event(a3, "TURGOV", "IRNGOV", "061", "2025-11-22", trigger="signed"),  # inside the week +1 day
    ]
    store.write([a1, a2, a3], events)
    rows = {r["id"]: r["cluster_id"] for r in store.query_events(EventFilter(limit=None))}
    assert rows[events[0].id] == rows[events[2].id] == events[0].id
    assert rows[events[1].id] == events[1].id


def test_cluster_takes_place_from_a_later_member(store):
    a1 = article("Putin met Assad on Tuesday.", "Reuters", "2025-11-18")
    a2 = article("In Moscow, Putin met Assad on Tuesday.", "AP", "2025-11-18")
    store.write([a1], [event(a1, "RUSGOV", "SYRGOV", "040", "2025-11-18")])
    store.write([a2], [event(a2, "RUSGOV", "SYRGOV", "040", "2025-11-18", place=MOSCOW)])
    cluster = meeting_cluster(store)
    assert cluster["place_name"] == "Moscow" and cluster["num_articles"] == 2


def test_recluster_gives_the_same_clusters(loaded):
    before = {r["id"]: r["cluster_id"] for r in loaded.query_events(EventFilter(limit=None))}
    clusters, events = loaded.recluster()
    assert (clusters, events) == (2, 4)
    assert {r["id"]: r["cluster_id"] for r in loaded.query_events(EventFilter(limit=None))} == before


@pytest.mark.parametrize("criteria, expected", [
    ({"actor": "SYR"}, 4), ({"actor": "RUSMIL"}, 1), ({"source": "SYR"}, 0), ({"target": "SYRGOV"}, 3),
    ({"country": "syr"}, 4), ({"role": "MIL"}, 1), ({"code": "04"}, 3), ({"code": "042"}, 1), ({"root": "4"}, 3),
    ({"quad_class": 4}, 1), ({"since": "2025-11-19"}, 1), ({"until": "2025-11-18"}, 3),
    ({"since": "2025-11", "until": "2025-11"}, 4), ({"since": "2025-12"}, 0), ({"certainty": "attributed"}, 1),
    ({"modality": "asserted"}, 4), ({"asserted": False}, 0), ({"place": "moscow"}, 2), ({"place": "SYR"}, 1),
    ({"outlet": "ap"}, 2), ({"limit": 2}, 2), ({"limit": 0}, 0),
])
def test_filters(loaded, criteria, expected):
    assert len(loaded.query_events(EventFilter(**{"limit": None, **criteria}))) == expected


def test_historical_filter_and_order(store):
    a = article("Putin met Assad on Tuesday; in 2015 Russian jets struck Idlib.", "Reuters", "2025-11-18")
    store.write([a], [event(a, "RUSGOV", "SYRGOV", "040", "2025-11-18"),
                      event(a, "RUSMIL", "SYR", "190", "2015", precision="year", historical=True, trigger="struck")])
    assert len(store.query_events(EventFilter(historical=False))) == 1
    newest_first = store.query_events(EventFilter())
    assert [r["date"] for r in newest_first] == ["2025-11-18", "2015"]
    assert [r["code"] for r in store.query_events(EventFilter(order="goldstein"))] == ["190", "040"]


def test_per_cluster_rows(loaded):
    rows = loaded.query_events(EventFilter(limit=None), per_cluster=True)
    assert sorted(r["num_mentions"] for r in rows) == [1, 3]
    assert all(r["id"] == r["cluster_id"] for r in rows)
    # A cluster is listed when any of its mentions matches: TASS carries the meeting, not its founder.
    by_outlet = loaded.query_events(EventFilter(outlet="TASS", limit=None), per_cluster=True)
    assert len(by_outlet) == 1 and by_outlet[0]["num_articles"] == 3


def test_bad_filters_name_the_option():
    with pytest.raises(InputError, match="since"):
        EventFilter(since="last tuesday")
    with pytest.raises(InputError, match="order"):
        EventFilter(order="random")


def test_claims_table(store):
    articles, _ = meeting_batch()
    store.write(articles, [])
    claim = {"id": "c-1", "article_id": articles[0].id, "speaker": "the Kremlin", "speaker_code": "RUSGOV",
             "text": "the talks were constructive", "start": 10, "end": 38, "about": ["RUSGOV", "SYRGOV"],
             "stance": "support", "target_claim_id": None, "event_id": None}
    assert store.write_claims([claim, claim]) == 1
    assert store.write_claims([claim]) == 0
    assert store.fetch("SELECT about FROM claims")[0]["about"] == ["RUSGOV", "SYRGOV"]
    with pytest.raises(StoreError, match="mood"):
        store.write_claims([{"id": "c-2", "mood": "grim"}])


def test_date_span():
    from datetime import date
    assert date_span("2025-11-17", "week") == (date(2025, 11, 17), date(2025, 11, 23))
    assert date_span("2025-02", "month") == (date(2025, 2, 1), date(2025, 2, 28))
    assert date_span("2024", "year") == (date(2024, 1, 1), date(2024, 12, 31))
    assert date_span(None, "unknown") == (None, None)
    assert date_span("someday", "day") == (None, None)


def test_schema_1_store_is_upgraded_and_keeps_its_rows(tmp_path):
    """A store written before places carried their basis gains the column; its places read back as 'text'."""
    path = tmp_path / "old.duckdb"
    articles, events = meeting_batch()
    with Store(path) as s:
        s.write(articles, events)
        before = s.counts()
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE events DROP COLUMN place_basis")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="older"):
        Store(path, read_only=True)
    with Store(path) as s:
        assert s.schema_version() == SCHEMA_VERSION == 2
        assert s.counts() == before
        placed = [r for r in s.query_events(EventFilter(limit=None)) if r["place"] is not None]
        assert placed and all(r["place"]["basis"] == "text" for r in placed)


def test_place_basis_round_trips(store):
    art = article("Iran hanged a protester on Thursday.", "Wire", "2024-03-22")
    inferred = Place("Iran", "IRN", 35.69, 51.42, "country", 130758, basis="actor")
    store.write([art], [event(art, "IRN", "IRN", "172", "2024-03-21", place=inferred, trigger="hanged")])
    row = store.query_events(EventFilter(limit=None))[0]
    assert row["place"]["basis"] == "actor" and row["place"]["feature"] == "country"
