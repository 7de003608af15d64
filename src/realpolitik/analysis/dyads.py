"""Relations over time: how two actors (or one actor and everyone) treat each other, period by period.

Every figure is computed in DuckDB SQL. By default a deduplicated event (cluster) counts once, through its
founding mention; ``mentions=True`` counts every mention instead. Periods without events appear with zero
counts, so a chart shows the silences too. The balance is (cooperation - conflict) / events: +1 when every
event is cooperative (QuadClass 1-2), -1 when all are conflictual (3-4).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from ..errors import InputError
from ..store import EventFilter, Store, parse_bound

#: ``by`` values: DuckDB date_trunc part and the step between periods.
PERIODS = {"day": "INTERVAL 1 DAY", "week": "INTERVAL 7 DAY", "month": "INTERVAL 1 MONTH"}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
SERIES_KEYS = ("period", "events", "q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean", "balance")


def _check_by(by: str) -> None:
    if by not in PERIODS:
        raise InputError("by", f"unknown period '{by}'", f"use one of {', '.join(PERIODS)}")


def pair_condition(a: str, b: str | None, directed: bool, source: str, target: str) -> tuple[str, list[str]]:
    """SQL matching actor prefix ``a`` against ``b`` (or anyone when ``b`` is None or ALL)."""
    a = a.upper()
    b = None if b is None or b.upper() in ("ALL", "*") else b.upper()
    s_a, t_a = f"starts_with({source}, ?)", f"starts_with({target}, ?)"
    if b is None:
        return (s_a, [a]) if directed else (f"({s_a} OR {t_a})", [a, a])
    forward = f"({s_a} AND {t_a})"
    if directed:
        return forward, [a, b]
    return f"({forward} OR ({s_a} AND {t_a}))", [a, b, b, a]


def _series(store: Store, base_sql: str, params: list[Any], by: str, since: date | None,
            until: date | None) -> list[dict[str, Any]]:
    """Aggregate ``base_sql`` (columns: day, quad_class, goldstein, weight) per period, filling gaps."""
    step = PERIODS[by]
    sql = f"""
        WITH base AS (SELECT CAST(date_trunc('{by}', day) AS DATE) AS period, quad_class, goldstein, weight
                      FROM ({base_sql}) WHERE day IS NOT NULL),
        bounds AS (SELECT CAST(date_trunc('{by}', coalesce(CAST(? AS DATE), min(period))) AS DATE) AS lo,
                          CAST(date_trunc('{by}', coalesce(CAST(? AS DATE), max(period))) AS DATE) AS hi FROM base),
        periods AS (SELECT CAST(unnest(generate_series(lo, hi, {step})) AS DATE) AS period
                    FROM bounds WHERE lo IS NOT NULL AND hi IS NOT NULL)
        SELECT p.period,
               coalesce(sum(b.weight), 0) AS events,
               coalesce(sum(b.weight) FILTER (WHERE b.quad_class = 1), 0) AS q1,
               coalesce(sum(b.weight) FILTER (WHERE b.quad_class = 2), 0) AS q2,
               coalesce(sum(b.weight) FILTER (WHERE b.quad_class = 3), 0) AS q3,
               coalesce(sum(b.weight) FILTER (WHERE b.quad_class = 4), 0) AS q4,
               round(coalesce(sum(b.goldstein * b.weight), 0), 3) AS goldstein_sum,
               round(sum(b.goldstein * b.weight) / nullif(sum(b.weight), 0), 3) AS goldstein_mean,
               round((coalesce(sum(b.weight) FILTER (WHERE b.quad_class IN (1, 2)), 0)
                      - coalesce(sum(b.weight) FILTER (WHERE b.quad_class IN (3, 4)), 0))
                     / nullif(sum(b.weight), 0), 3) AS balance
        FROM periods p LEFT JOIN base b ON b.period = p.period
        GROUP BY p.period ORDER BY p.period"""
    rows = store.fetch(sql, params + [since, until])
    for row in rows:
        row["period"] = row["period"].isoformat()
        for key in ("events", "q1", "q2", "q3", "q4"):
            row[key] = int(row[key])
    return rows


def dyad_series(store: Store, a: str, b: str | None = None, *, by: str = "week", directed: bool = False,
                mentions: bool = False, filters: EventFilter | None = None) -> list[dict[str, Any]]:
    """Per-period counts by QuadClass, Goldstein sum and mean, and the cooperation-conflict balance.

    Args:
        store: the store to read.
        a: actor code or prefix (``RUS``, ``RUSGOV``).
        b: the other actor, or None / ``ALL`` for ``a`` against everyone.
        by: ``day``, ``week`` (ISO weeks, Monday) or ``month``.
        directed: only ``a`` acting on ``b``; both directions otherwise.
        mentions: count every mention instead of deduplicated events.
        filters: further criteria (``since``/``until`` also bound the periods listed). Its limit is ignored.

    Returns:
        One dict per period, keys ``SERIES_KEYS``; ``period`` is the period's first day (ISO).
    """
    _check_by(by)
    filters = replace(filters or EventFilter(), limit=None)
    where, params = filters.where("e", "a")
    pair, pair_params = pair_condition(a, b, directed, "e.source_code", "e.target_code")
    cluster = "" if mentions else "AND e.id = e.cluster_id"
    base = (f"SELECT e.date_start AS day, e.quad_class, e.goldstein, 1 AS weight FROM events e "
            f"LEFT JOIN articles a ON a.id = e.article_id WHERE {where} AND {pair} {cluster}")
    return _series(store, base, params + pair_params, by, parse_bound(filters.since),
                   parse_bound(filters.until, end=True))


def gdelt_series(store: Store, a: str, b: str | None = None, *, by: str = "week", directed: bool = False,
                 mentions: bool = False, since: str | date | None = None,
                 until: str | date | None = None) -> list[dict[str, Any]]:
    """The same series over imported GDELT events (``gdelt_events``); ``mentions`` weighs by NumMentions."""
    _check_by(by)
    lo, hi = parse_bound(since, name="since"), parse_bound(until, end=True, name="until")
    pair, params = pair_condition(a, b, directed, "g.Actor1Code", "g.Actor2Code")
    weight = "coalesce(g.NumMentions, 1)" if mentions else "1"
    day = "CAST(try_strptime(CAST(g.SQLDATE AS VARCHAR), '%Y%m%d') AS DATE)"
    base = (f"SELECT {day} AS day, g.QuadClass AS quad_class, g.GoldsteinScale AS goldstein, {weight} AS weight "
            f"FROM gdelt_events g WHERE {pair} AND (CAST(? AS DATE) IS NULL OR {day} >= ?) "
            f"AND (CAST(? AS DATE) IS NULL OR {day} <= ?)")
    return _series(store, base, params + [lo, lo, hi, hi], by, lo, hi)


def compare_series(store: Store, a: str, b: str | None = None, *, by: str = "week", directed: bool = False,
                   mentions: bool = False, since: str | date | None = None,
                   until: str | date | None = None) -> list[dict[str, Any]]:
    """Ours next to GDELT's, period by period: events, Goldstein mean and balance from each side."""
    ours = dyad_series(store, a, b, by=by, directed=directed, mentions=mentions,
                       filters=EventFilter(since=since, until=until, limit=None))
    theirs = gdelt_series(store, a, b, by=by, directed=directed, mentions=mentions, since=since, until=until)
    periods = sorted({r["period"] for r in ours} | {r["period"] for r in theirs})
    ours_by, theirs_by = {r["period"]: r for r in ours}, {r["period"]: r for r in theirs}
    rows = []
    for period in periods:
        o, t = ours_by.get(period, {}), theirs_by.get(period, {})
        rows.append({"period": period,
                     "ours_events": o.get("events", 0), "gdelt_events": t.get("events", 0),
                     "ours_goldstein_mean": o.get("goldstein_mean"), "gdelt_goldstein_mean": t.get("goldstein_mean"),
                     "ours_balance": o.get("balance"), "gdelt_balance": t.get("balance")})
    return rows


def plot_series(rows: list[dict[str, Any]], path: str, title: str, by: str = "week") -> None:
    """Write a PNG: stacked event counts by QuadClass above the Goldstein mean and the balance."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    periods = [date.fromisoformat(r["period"]) for r in rows]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 6), sharex=True, height_ratios=(2, 1))
    colors = {1: "#6baed6", 2: "#2171b5", 3: "#fc9272", 4: "#cb181d"}
    span = {"day": 1, "week": 7, "month": 30}.get(by, 7)  # one period, in days: bars and margins keep scale
    width = span * 0.8
    bottom_counts = [0] * len(rows)
    for quad in (1, 2, 3, 4):
        values = [r[f"q{quad}"] for r in rows]
        top.bar(periods, values, width=width, bottom=bottom_counts, color=colors[quad], label=QUAD_NAMES[quad],
                align="edge")  # a bar covers its period, which starts on the date
        bottom_counts = [x + y for x, y in zip(bottom_counts, values)]
    top.set_ylabel("events")
    top.set_title(title)
    top.legend(loc="upper left", fontsize="small")
    bottom.axhline(0, color="grey", linewidth=0.5)
    bottom.plot(periods, [r["goldstein_mean"] for r in rows], marker="o", label="Goldstein mean")
    bottom.set_ylabel("Goldstein")
    bottom.set_ylim(-10.5, 10.5)
    twin = bottom.twinx()
    twin.plot(periods, [r["balance"] for r in rows], color="black", linestyle="--", marker=".",
              label="balance")
    twin.set_ylim(-1.05, 1.05)
    twin.set_ylabel("balance")
    bottom.legend(loc="lower left", fontsize="small")
    twin.legend(loc="lower right", fontsize="small")
    if periods:
        bottom.set_xlim(min(periods) - timedelta(days=span), max(periods) + timedelta(days=span))
    bottom.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
