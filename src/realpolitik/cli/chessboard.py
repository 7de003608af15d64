"""Commands that analyse the store: dyads, the actor network, deduplicated events, exports and GDELT import."""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from ..analysis import dedup, dyads, network
from ..export import FORMATS, export_events, import_gdelt
from ..store import EventFilter, Store
from .options import db_option, event_filter_options, friendly_errors, write_jsonl

#: Filters that mean nothing for aggregates (they pick whole series or graphs, not rows).
_AGGREGATE_EXCLUDE = ("limit", "order")


def _console() -> Console:
    return Console(width=max(Console().width, 120))


def _table(title: str, rows: list[dict[str, Any]], columns: list[tuple[str, str]]) -> Table:
    table = Table(title=title)
    for _, header in columns:
        table.add_column(header)
    for row in rows:
        table.add_row(*["" if row.get(key) is None else str(row.get(key)) for key, _ in columns])
    return table


def _series_columns() -> list[tuple[str, str]]:
    return [("period", "period"), ("events", "events"), ("q1", "verbal coop"), ("q2", "material coop"),
            ("q3", "verbal conflict"), ("q4", "material conflict"), ("goldstein_sum", "Goldstein sum"),
            ("goldstein_mean", "Goldstein mean"), ("balance", "balance")]


_COMPARE_COLUMNS = [("period", "period"), ("ours_events", "ours"), ("gdelt_events", "GDELT"),
                    ("ours_goldstein_mean", "ours Goldstein"), ("gdelt_goldstein_mean", "GDELT Goldstein"),
                    ("ours_balance", "ours balance"), ("gdelt_balance", "GDELT balance")]


@click.command()
@click.argument("actor_a")
@click.argument("actor_b", required=False)
@click.option("--by", type=click.Choice(sorted(dyads.PERIODS)), default="week", show_default=True,
              help="Period of the series.")
@click.option("--mentions", is_flag=True, help="Count every mention instead of deduplicated events.")
@click.option("--directed", is_flag=True, help="Only ACTOR_A acting on ACTOR_B (both directions otherwise).")
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False), help="Also write a PNG chart here.")
@click.option("--gdelt", "with_gdelt", is_flag=True, help="Show imported GDELT figures alongside ours.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of a table.")
@db_option()
@event_filter_options(exclude=_AGGREGATE_EXCLUDE + ("actor", "source", "target"))
@friendly_errors
def dyad(actor_a: str, actor_b: str | None, by: str, mentions: bool, directed: bool, plot_path: str | None,
         with_gdelt: bool, as_json: bool, db_path: str, filters: EventFilter) -> None:
    """Relations between two actors over time: events by QuadClass, Goldstein sum and mean, and the
    cooperation-conflict balance per period. Leave out ACTOR_B (or say ALL) for ACTOR_A against everyone.

    Example:

        realpolitik dyad RUS SYR --by week --since 2025-09 --plot rus-syr.png
    """
    with Store(db_path, read_only=True) as store:
        if with_gdelt:
            rows = dyads.compare_series(store, actor_a, actor_b, by=by, directed=directed, mentions=mentions,
                                        since=filters.since, until=filters.until)
            columns = _COMPARE_COLUMNS
        else:
            rows = dyads.dyad_series(store, actor_a, actor_b, by=by, directed=directed, mentions=mentions,
                                     filters=filters)
            columns = _series_columns()
    arrow = "->" if directed else "<->"
    title = f"{actor_a.upper()} {arrow} {(actor_b or 'ALL').upper()} by {by}" + (" (mentions)" if mentions else "")
    if plot_path and not with_gdelt:
        if not rows:
            raise click.ClickException(f"no events for {title}; nothing to plot")
        dyads.plot_series(rows, plot_path, title, by)
        click.echo(f"wrote {plot_path}", err=True)
    if as_json:
        write_jsonl(rows)
    else:
        _console().print(_table(title, rows, columns))


@click.command()
@click.argument("actor_a")
@click.argument("actor_b", required=False)
@click.option("--by", type=click.Choice(sorted(dyads.PERIODS)), default="week", show_default=True)
@click.option("--since", help="First day, ISO.")
@click.option("--until", help="Last day, ISO, inclusive.")
@click.option("--mentions", is_flag=True, help="Count mentions (ours) and NumMentions (GDELT) instead of events.")
@click.option("--directed", is_flag=True, help="Only ACTOR_A acting on ACTOR_B.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of a table.")
@db_option()
@friendly_errors
def compare(actor_a: str, actor_b: str | None, by: str, since: str | None, until: str | None, mentions: bool,
            directed: bool, as_json: bool, db_path: str) -> None:
    """Our dyad series next to GDELT's (import GDELT files first with import-gdelt).

    Example:

        realpolitik compare RUS SYR --since 2025-09-01 --until 2025-11-30 --by week
    """
    with Store(db_path, read_only=True) as store:
        rows = dyads.compare_series(store, actor_a, actor_b, by=by, directed=directed, mentions=mentions,
                                    since=since, until=until)
    if as_json:
        write_jsonl(rows)
    else:
        _console().print(_table(f"{actor_a.upper()} / {(actor_b or 'ALL').upper()}: ours vs GDELT by {by}", rows,
                                _COMPARE_COLUMNS))


_TIE_COLUMNS = [("a", "actor"), ("b", "actor"), ("events", "events"), ("cooperation", "cooperation"),
                ("conflict", "conflict"), ("goldstein_sum", "Goldstein sum"), ("goldstein_mean", "Goldstein mean")]


@click.command(name="network")
@click.option("--level", type=click.Choice(sorted(network.LEVELS)), default="country", show_default=True,
              help="Actors as countries (RUS) or full codes (RUSGOV).")
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=1), help="Rows per list.")
@click.option("--compare-since", help="Start of the period to compare with (alignment shifts).")
@click.option("--compare-until", help="End of the period to compare with.")
@click.option("--mentions", is_flag=True, help="Count every mention instead of deduplicated events.")
@click.option("--graphml", type=click.Path(dir_okay=False), help="Write the graph as GraphML (Gephi).")
@click.option("--gexf", type=click.Path(dir_okay=False), help="Write the graph as GEXF (Gephi).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line: ties, central actors, shifts.")
@db_option()
@event_filter_options(exclude=_AGGREGATE_EXCLUDE)
@friendly_errors
def network_command(level: str, top: int, compare_since: str | None, compare_until: str | None, mentions: bool,
                    graphml: str | None, gexf: str | None, as_json: bool, db_path: str, filters: EventFilter) -> None:
    """The actor network over a period: strongest, most cooperative and most conflictual ties, the most central
    actors, and with --compare-since/--compare-until who moved closer to whom (change in mean Goldstein per
    pair, from the earlier period to the later).

    Example:

        realpolitik network --since 2025-07 --until 2025-09 --compare-since 2025-10 --compare-until 2025-12
    """
    with Store(db_path, read_only=True) as store:
        result = network.summary(store, filters, level=level, top=top, mentions=mentions)
        shifts = None
        if compare_since or compare_until:
            other = replace(filters, since=compare_since, until=compare_until)
            shifts = network.alignment_shift(store, filters, other, level=level, mentions=mentions)
    for path, fmt in ((graphml, "graphml"), (gexf, "gexf")):
        if path:
            network.write_graph(result["graph"], path, fmt)
            click.echo(f"wrote {path}", err=True)
    sections = [("ties", "strongest ties", _TIE_COLUMNS), ("cooperative", "most cooperative ties", _TIE_COLUMNS),
                ("conflictual", "most conflictual ties", _TIE_COLUMNS),
                ("central", "most central actors", [("actor", "actor"), ("pagerank", "PageRank"),
                                                    ("events", "events"), ("partners", "partners")])]
    shift_columns = [("a", "actor"), ("b", "actor"), ("before", "before"), ("after", "after"), ("delta", "change"),
                     ("events_before", "events before"), ("events_after", "events after")]
    if shifts is not None:
        sections += [("closer", "moved closer", shift_columns), ("apart", "moved apart", shift_columns)]
        result["closer"] = [s for s in shifts if s["delta"] > 0][:top]
        result["apart"] = sorted((s for s in shifts if s["delta"] < 0), key=lambda s: s["delta"])[:top]
    if as_json:
        write_jsonl([{"nodes": result["nodes"], "edges": result["edges"]}]
                    + [{"list": key, **row} for key, _, _ in sections for row in result[key]])
        return
    console = _console()
    console.print(f"{result['nodes']} actors, {result['edges']} ties")
    for key, title, columns in sections:
        console.print(_table(title, result[key], columns))


@click.command(name="clusters")
@click.argument("cluster_id", required=False)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of a table.")
@db_option()
@event_filter_options(limit=20)
@friendly_errors
def clusters_command(cluster_id: str | None, as_json: bool, db_path: str, filters: EventFilter) -> None:
    """Deduplicated events: one row per real-world event with its mention, article and outlet counts. With a
    CLUSTER_ID, every mention of that event with its evidence sentence and outlet.

    Example:

        realpolitik clusters --actor RUS --order mentions --limit 10
    """
    with Store(db_path, read_only=True) as store:
        if cluster_id:
            info = dedup.mentions(store, cluster_id)
            if info is None:
                raise click.ClickException(f"no cluster {cluster_id} in {db_path}; list them with "
                                           "`realpolitik clusters`")
            rows = info["mentions"]
        else:
            rows = dedup.clusters(store, filters)
    if as_json:
        write_jsonl(rows)
        return
    flat = [{**r, "dyad": f"{(r['source'] or {}).get('code', '-')} -> {(r['target'] or {}).get('code', '-')}",
             "sentence": r["evidence"]["sentence"], "place_name": (r["place"] or {}).get("name")} for r in rows]
    if cluster_id:
        columns = [("date", "date"), ("outlet", "outlet"), ("code", "code"), ("dyad", "dyad"),
                   ("sentence", "evidence"), ("url", "url")]
    else:
        columns = [("cluster_id", "cluster"), ("date", "date"), ("dyad", "dyad"), ("code", "code"),
                   ("label", "label"), ("place_name", "place"), ("num_mentions", "mentions"),
                   ("num_articles", "articles"), ("num_sources", "outlets")]
    _console().print(_table(f"cluster {cluster_id}" if cluster_id else "deduplicated events", flat, columns))


@click.command(name="export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--out", default="-", show_default=True, help="Output file, or - for standard output.")
@click.option("--mentions/--clusters", "mentions", default=None,
              help="One row per mention, or per deduplicated event. Default: per event for gdelt, per mention "
                   "for the others.")
@db_option()
@event_filter_options(limit=None)
@friendly_errors
def export_command(fmt: str, out: str, mentions: bool | None, db_path: str, filters: EventFilter) -> None:
    """Export events as GDELT 2.0 (61 tab-separated columns, no header), CSV, JSON Lines or Parquet, with the
    same filters as `events`.

    Example:

        realpolitik export --format gdelt --since 2025-11 --actor RUS --out rus.tsv
    """
    per_cluster = None if mentions is None else not mentions
    with Store(db_path, read_only=True) as store:
        if out == "-":
            stream = sys.stdout.buffer if fmt == "parquet" else sys.stdout
            n = export_events(store, filters, fmt, stream, per_cluster=per_cluster)
            stream.flush()
        elif fmt == "parquet":
            n = export_events(store, filters, fmt, out, per_cluster=per_cluster)
        else:
            with open(out, "w", encoding="utf-8", newline="") as stream:
                n = export_events(store, filters, fmt, stream, per_cluster=per_cluster)
    click.echo(f"exported {n} row(s) as {fmt}" + ("" if out == "-" else f" to {out}"), err=True)


@click.command(name="import-gdelt")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@db_option()
@friendly_errors
def import_gdelt_command(files: tuple[str, ...], db_path: str) -> None:
    """Load GDELT 2.0 event files (.export.CSV, optionally .zip or .gz) into the gdelt_events table, for
    `compare` and `dyad --gdelt`. Re-importing a file adds nothing; malformed lines go to rejects.

    Example:

        realpolitik import-gdelt 20251118000000.export.CSV.zip --db events.duckdb
    """
    with Store(db_path) as store:
        stats = import_gdelt(store, files)
    click.echo(f"{stats.files} file(s), {stats.lines} line(s): {stats.added} event(s) added, "
               f"{stats.rejected} line(s) rejected")


COMMANDS: list = [dyad, compare, network_command, clusters_command, export_command, import_gdelt_command]
