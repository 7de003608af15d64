"""Dyad time series, the actor network and alignment shifts, checked against counts made by hand."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import networkx as nx
import pytest

from chessboard_data import CODES, article, event
from realpolitik.analysis import alignment_shift, busiest, dyad_series, edges, plot_series, summary, write_graph
from realpolitik.errors import InputError
from realpolitik.store import EventFilter, Store

#: (date, source, target, code, outlet). The 10-28 pair is one event told by two outlets.
TIMELINE = [
    ("2025-10-06", "RUSGOV", "SYRGOV", "040", "Reuters"),
    ("2025-10-09", "SYRGOV", "RUSGOV", "112", "AP"),
    ("2025-10-08", "RUSGOV", "TURGOV", "112", "Reuters"),
    ("2025-10-14", "RUSMIL", "SYR", "190", "AP"),
    ("2025-10-15", "TURGOV", "RUSGOV", "172", "BBC"),
    ("2025-10-17", "RUSGOV", "SYRGOV", "057", "TASS"),
    ("2025-10-28", "RUSGOV", "SYRGOV", "061", "Reuters"),
    ("2025-10-28", "RUSGOV", "SYRGOV", "061", "AP"),
    ("2025-10-10", "USAGOV", "UKRGOV", "061", "AP"),
    ("2025-11-05", "RUSGOV", "TURGOV", "057", "Reuters"),
    ("2025-11-12", "TURGOV", "RUSGOV", "061", "BBC"),
    ("2025-11-06", "RUSMIL", "SYR", "190", "AP"),
    ("2025-11-13", "RUSMIL", "SYR", "190", "Reuters"),
    ("2025-11-11", "USAGOV", "UKRGOV", "061", "AP"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("analysis") / "rp.duckdb"
    with Store(path) as s:
        for when, src, tgt, code, outlet in TIMELINE:
            art = article(f"On {when} {src} acted on {tgt} ({code}), {outlet} reported.", outlet, when)
            s.write([art], [event(art, src, tgt, code, when, trigger="acted")])
        yield s


def monday(iso: str) -> str:
    d = date.fromisoformat(iso)
    return (d - timedelta(days=d.weekday())).isoformat()


def manual(rows, a="RUS", b="SYR", *, directed=False, by=monday):
    """Count per period by hand: events, per QuadClass, Goldstein sum."""
    out = defaultdict(lambda: {"events": 0, "q": defaultdict(int), "gold": 0.0})
    for when, src, tgt, code in rows:
        forward = src.startswith(a) and tgt.startswith(b)
        backward = src.startswith(b) and tgt.startswith(a)
        if forward or (backward and not directed):
            cell = out[by(when)]
            cell["events"] += 1
            cell["q"][CODES[code][1]] += 1
            cell["gold"] += CODES[code][2]
    return out


def check(series, expected):
    nonzero = {r["period"]: r for r in series if r["events"]}
    assert set(nonzero) == set(expected)
    for period, cell in expected.items():
        row = nonzero[period]
        assert row["events"] == cell["events"]
        assert [row[f"q{i}"] for i in (1, 2, 3, 4)] == [cell["q"][i] for i in (1, 2, 3, 4)]
        assert row["goldstein_sum"] == pytest.approx(cell["gold"], abs=1e-3)
        assert row["goldstein_mean"] == pytest.approx(cell["gold"] / cell["events"], abs=1e-3)
        coop = cell["q"][1] + cell["q"][2]
        assert row["balance"] == pytest.approx((coop - cell["events"] + coop) / cell["events"], abs=1e-3)


def test_dyad_series_counts_deduplicated_events(store):
    unique = sorted({t[:4] for t in TIMELINE})
    series = dyad_series(store, "RUS", "SYR", by="week")
    check(series, manual(unique))
    # The empty week of Oct 20 is listed with zeros, between the first and last week.
    periods = [r["period"] for r in series]
    assert periods == sorted(periods) and "2025-10-20" in periods
    assert next(r for r in series if r["period"] == "2025-10-20")["events"] == 0
    assert series[0]["period"] == "2025-10-06" and series[-1]["period"] == "2025-11-10"


def test_dyad_series_mentions_directed_and_bounds(store):
    mentions = dyad_series(store, "RUS", "SYR", by="month", mentions=True)
    check(mentions, manual([t[:4] for t in TIMELINE], by=lambda d: d[:8] + "01"))
    directed = dyad_series(store, "SYR", "RUS", by="month", directed=True)
    assert [(r["period"], r["events"]) for r in directed] == [("2025-10-01", 1)]
    bounded = dyad_series(store, "RUS", "SYR", by="day",
                          filters=EventFilter(since="2025-10-01", until="2025-10-10"))
    assert len(bounded) == 10 and bounded[0]["period"] == "2025-10-01"
    assert sum(r["events"] for r in bounded) == 2
    everyone = dyad_series(store, "TUR", "ALL", by="month")
    assert [r["events"] for r in everyone] == [2, 2]


def test_dyad_rejects_unknown_period(store):
    with pytest.raises(InputError, match="week"):
        dyad_series(store, "RUS", "SYR", by="fortnight")


def test_plot_writes_a_png(store, tmp_path):
    path = tmp_path / "rus-syr.png"
    plot_series(dyad_series(store, "RUS", "SYR"), str(path), "RUS <-> SYR")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 5000


def test_edges_are_aggregated_pairs(store):
    rows = {(r["a"], r["b"]): r for r in edges(store, EventFilter(limit=None))}
    assert set(rows) == {("RUS", "SYR"), ("RUS", "TUR"), ("UKR", "USA")}
    rus_syr = rows[("RUS", "SYR")]
    assert (rus_syr["events"], rus_syr["cooperation"], rus_syr["conflict"]) == (7, 3, 4)
    full = {(r["a"], r["b"]) for r in edges(store, level="full")}
    assert ("RUSGOV", "SYRGOV") in full and ("RUSMIL", "SYR") in full


def test_network_summary_top_ties_and_centrality(store):
    result = summary(store, EventFilter(since="2025-10-01", until="2025-11-30"), top=2)
    assert (result["nodes"], result["edges"]) == (5, 3)
    assert [(t["a"], t["b"]) for t in result["ties"]] == [("RUS", "SYR"), ("RUS", "TUR")]
    assert result["central"][0]["actor"] == "RUS"
    assert result["conflictual"][0]["a"] == "RUS" and result["conflictual"][0]["b"] == "SYR"
    assert result["cooperative"][0]["b"] == "USA"


def test_alignment_shift_between_periods(store):
    october = EventFilter(since="2025-10", until="2025-10")
    november = EventFilter(since="2025-11", until="2025-11")
    shifts = alignment_shift(store, october, november)
    by_pair = {(s["a"], s["b"]): s for s in shifts}
    assert by_pair[("RUS", "TUR")]["delta"] == pytest.approx((8.0 + 6.4) / 2 - (-2.0 - 5.0) / 2)
    assert by_pair[("RUS", "SYR")]["delta"] < 0
    assert shifts[0]["a"] == "RUS" and shifts[0]["b"] == "TUR"
    # The periods may come in either order: the earlier one is "before".
    assert alignment_shift(store, november, october) == shifts


def test_graph_exports_for_gephi(store, tmp_path):
    graph = summary(store)["graph"]
    write_graph(graph, tmp_path / "g.graphml", "graphml")
    write_graph(graph, tmp_path / "g.gexf", "gexf")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert set(back.nodes) == {"RUS", "SYR", "TUR", "USA", "UKR"}
    assert back.edges["RUS", "SYR"]["events"] == 7
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_edges() == 3


def test_busiest_clusters_first(store):
    top = busiest(store, top=1)
    assert top[0]["num_mentions"] == 2 and top[0]["code"] == "061" and top[0]["num_sources"] == 2
