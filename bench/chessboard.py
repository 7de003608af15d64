"""Benchmark of the chessboard on synthetic data: 1,000,000 events generated in DuckDB SQL, then timed dyad
series, actor network, alignment shift, GDELT export, and an incremental write of new articles on top.

Usage: .venv/bin/python bench/chessboard.py [--events 1000000] [--db bench/out/chessboard.duckdb]

Events come in groups of three mentions of one real-world event (same dyad, code, day; three outlets), so
the clusters table is built in SQL the way deduplication would have built it.
"""

from __future__ import annotations

import argparse
import io
import random
import time
from pathlib import Path

from realpolitik.analysis import alignment_shift, dyad_series, summary
from realpolitik.export import export_events
from realpolitik.model import Actor, Article, Event, EventDate, Evidence, make_id
from realpolitik.store import EventFilter, Store

COUNTRIES = ["RUS", "SYR", "TUR", "IRN", "USA", "UKR", "ISR", "PSE", "LBN", "IRQ", "SAU", "EGY", "CHN", "FRA",
             "DEU", "GBR", "JOR", "QAT", "ARE", "YEM", "AFG", "PAK", "IND", "JPN", "KOR", "PRK", "BLR", "POL",
             "GEO", "ARM", "AZE", "KAZ", "LBY", "SDN", "ETH", "NGA", "MLI", "VEN", "CUB", "BRA"]
ROLES = ["GOV", "MIL", "GOV", "GOV", "OPP", "REB", "MED", "BUS", "CVL", "GOV"]
#: code, quad_class, goldstein, plover, label
CODES = [("010", 1, 0.0, "OTHER", "Make statement"), ("036", 1, 4.0, "CONSULT", "Express intent to meet"),
         ("040", 1, 1.0, "CONSULT", "Consult"), ("042", 1, 1.9, "CONSULT", "Make a visit"),
         ("043", 1, 2.8, "CONSULT", "Host a visit"), ("046", 1, 7.0, "CONSULT", "Engage in negotiation"),
         ("051", 1, 3.4, "COOPERATE", "Praise or endorse"), ("057", 2, 8.0, "AGREE", "Sign formal agreement"),
         ("061", 2, 6.4, "COOPERATE", "Cooperate economically"), ("070", 2, 7.0, "AID", "Provide aid"),
         ("112", 3, -2.0, "ACCUSE", "Accuse"), ("130", 3, -4.4, "THREATEN", "Threaten"),
         ("138", 3, -7.0, "THREATEN", "Threaten with military force"), ("160", 3, -4.0, "REDUCE", "Reduce relations"),
         ("172", 4, -5.0, "SANCTION", "Impose administrative sanctions"), ("173", 4, -5.0, "SEIZE", "Arrest"),
         ("180", 4, -9.0, "ASSAULT", "Use unconventional violence"), ("190", 4, -10.0, "ASSAULT", "Use military force"),
         ("193", 4, -10.0, "ASSAULT", "Fight with small arms"), ("195", 4, -10.0, "ASSAULT", "Employ aerial weapons")]
OUTLETS = [f"Outlet {i}" for i in range(60)]


def timed(label: str, func, *args, **kwargs):
    start = time.perf_counter()
    result = func(*args, **kwargs)
    print(f"{label:<58} {time.perf_counter() - start:8.3f} s")
    return result


def generate(store: Store, n_events: int) -> None:
    """Articles, events and clusters entirely in SQL (groups of 3 mentions = one cluster)."""
    con = store.con
    con.execute("CREATE TEMP TABLE countries AS SELECT unnest(?) AS c, generate_subscripts(?, 1) - 1 AS i",
                [COUNTRIES, COUNTRIES])
    con.execute("CREATE TEMP TABLE roles AS SELECT unnest(?) AS r, generate_subscripts(?, 1) - 1 AS i", [ROLES, ROLES])
    con.execute("CREATE TEMP TABLE codes (i INTEGER, code VARCHAR, quad INTEGER, gold DOUBLE, plover VARCHAR, "
                "label VARCHAR)")
    con.executemany("INSERT INTO codes VALUES (?, ?, ?, ?, ?, ?)", [(i, *c) for i, c in enumerate(CODES)])
    con.execute("CREATE TEMP TABLE outlets AS SELECT unnest(?) AS o, generate_subscripts(?, 1) - 1 AS i",
                [OUTLETS, OUTLETS])
    n_articles = n_events // 4
    con.execute("""
        INSERT INTO articles
        SELECT 'a-' || r.n, 'Synthetic article ' || r.n, 'Body of synthetic article ' || r.n,
               'https://synthetic.example/' || r.n,
               strftime(DATE '2023-01-01' + CAST(r.n % 1000 AS INTEGER), '%Y-%m-%d'),
               o.o, 'bench', 'en', TIMESTAMP '2026-01-01 00:00:00'
        FROM range(?) r(n) JOIN outlets o ON o.i = r.n % 60""", [n_articles])
    # Event i belongs to group g = i // 3; the group fixes dyad, code and day; its mentions sit in 3 articles.
    con.execute("""
        INSERT INTO events BY NAME
        WITH g AS (SELECT i, i // 3 AS g, hash(i // 3) AS h FROM range(?) r(i)),
        picked AS (
            SELECT i, g, CAST(h % 40 AS INTEGER) AS si, CAST((h // 40) % 39 AS INTEGER) AS ti0,
                   CAST((h // 1560) % 10 AS INTEGER) AS sr, CAST((h // 15600) % 10 AS INTEGER) AS tr,
                   CAST((h // 156000) % 20 AS INTEGER) AS ci, CAST((h // 3120000) % 1000 AS INTEGER) AS day
            FROM g)
        SELECT 'e-' || p.i AS id, 'a-' || ((p.g * 7 + (p.i % 3) * 13) % ?) AS article_id, 'e-' || (p.g * 3) AS cluster_id,
               s.c || sr.r AS source_code, s.c AS source_name, s.c AS source_country, sr.r AS source_role,
               'country' AS source_kind,
               t.c || tr.r AS target_code, t.c AS target_name, t.c AS target_country, tr.r AS target_role,
               'country' AS target_kind,
               k.code, k.code AS base_code, left(k.code, 2) AS root, k.label, k.quad AS quad_class,
               k.gold AS goldstein, k.plover,
               strftime(DATE '2023-01-01' + p.day, '%Y-%m-%d') AS date, 'day' AS date_precision,
               'published' AS date_basis, false AS historical,
               DATE '2023-01-01' + p.day AS date_start, DATE '2023-01-01' + p.day AS date_end,
               DATE '2023-01-01' + p.day - 1 AS match_start, DATE '2023-01-01' + p.day + 1 AS match_end,
               true AS asserted, 'asserted' AS modality, 'asserted' AS certainty,
               'Synthetic sentence ' || p.i AS evidence_sentence, 0 AS evidence_sentence_start,
               0 AS evidence_start, 5 AS evidence_end, 'Synth' AS evidence_trigger, 'bench' AS rule,
               TIMESTAMP '2026-01-01 00:00:00' AS ingested_at
        FROM picked p
        JOIN countries s ON s.i = p.si
        JOIN countries t ON t.i = (p.si + 1 + p.ti0) % 40
        JOIN roles sr ON sr.i = p.sr JOIN roles tr ON tr.i = p.tr
        JOIN codes k ON k.i = p.ci""", [n_events, n_articles])
    con.execute("""
        INSERT INTO event_clusters
        SELECT e.cluster_id, NULL, NULL, NULL, count(*), count(DISTINCT e.article_id),
               count(DISTINCT lower(a.source)), min(CAST(a.published AS DATE)), max(CAST(a.published AS DATE)),
               TIMESTAMP '2026-01-01 00:00:00'
        FROM events e JOIN articles a ON a.id = e.article_id GROUP BY e.cluster_id""")


def new_batch(n_articles: int, seed: int = 7) -> tuple[list[Article], list[Event]]:
    """Fresh articles whose events land among the synthetic ones (some join clusters, most found new ones)."""
    rng = random.Random(seed)
    articles, events = [], []
    for k in range(n_articles):
        day = f"2025-{rng.randint(1, 9):02d}-{rng.randint(10, 28)}"
        art = Article.create(f"Fresh report {k} from the bench.", url=f"https://fresh.example/{k}", published=day,
                             source=rng.choice(OUTLETS))
        articles.append(art)
        for j in range(3):
            src, tgt = rng.sample(COUNTRIES, 2)
            code, quad, gold, plover, label = rng.choice(CODES)
            events.append(Event(
                id=make_id(art.id, j, prefix="e-"), article_id=art.id,
                source=Actor(src + "GOV", src, src, "GOV"), target=Actor(tgt + "GOV", tgt, tgt, "GOV"),
                code=code, root=code[:2], quad_class=quad, goldstein=gold, plover=plover, label=label,
                date=EventDate(day, "day", "published"), place=None, modality="asserted",
                evidence=Evidence(art.id, art.text, 0, 0, 5, "Fresh"), rule="bench"))
    return articles, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", default="bench/out/chessboard.duckdb")
    args = parser.parse_args()
    path = Path(args.db)
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)

    print(f"realpolitik chessboard benchmark: {args.events:,} synthetic events in {path}")
    with Store(path) as store:
        timed(f"generate {args.events:,} events + clusters in SQL", generate, store, args.events)
        counts = store.counts()
        print(f"  articles {counts['articles']:,}  events {counts['events']:,}  clusters {counts['clusters']:,}")
        weekly = timed("dyad RUS<->SYR by week (clusters)", dyad_series, store, "RUS", "SYR", by="week")
        timed("dyad RUS<->SYR by week (mentions)", dyad_series, store, "RUS", "SYR", by="week", mentions=True)
        timed("dyad RUS->SYR by day, directed, one year", dyad_series, store, "RUS", "SYR", by="day",
              directed=True, filters=EventFilter(since="2024-01-01", until="2024-12-31"))
        timed("dyad RUS vs ALL by month", dyad_series, store, "RUS", None, by="month")
        print(f"  {len(weekly)} weeks, {sum(r['events'] for r in weekly):,} RUS-SYR events")
        net = timed("network, country level, all time (SQL edges + pagerank)", summary, store)
        print(f"  {net['nodes']} actors, {net['edges']} ties; top tie {net['ties'][0]['a']}-{net['ties'][0]['b']}")
        full = timed("network, full codes, one year", summary, store,
                     EventFilter(since="2024-01-01", until="2024-12-31"), level="full")
        print(f"  {full['nodes']} actors, {full['edges']} ties")
        timed("alignment shift 2023 vs 2024 (country level)", alignment_shift, store,
              EventFilter(since="2023", until="2023"), EventFilter(since="2024", until="2024"))
        out = io.StringIO()
        rows = timed("export gdelt, RUS actor, per cluster", export_events, store,
                     EventFilter(actor="RUS", limit=None), "gdelt", out)
        print(f"  {rows:,} rows, {len(out.getvalue()) / 1e6:.1f} MB")
        articles, events = new_batch(1000)
        stats = timed("incremental write: 1,000 articles, 3,000 events + dedup", store.write, articles, events)
        print(f"  {stats.events_added} events added, {stats.clusters_added} new clusters, "
              f"{stats.clusters_touched - stats.clusters_added} joined existing ones")
        stats = timed("same batch again (idempotent)", store.write, articles, events)
        assert stats.events_added == 0


if __name__ == "__main__":
    main()
