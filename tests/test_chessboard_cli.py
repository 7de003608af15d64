"""The chessboard commands through click's CliRunner, on a real DuckDB file in tmp_path."""

from __future__ import annotations

import io
import json

import networkx as nx
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from chessboard_data import fourth_article, meeting_batch
from realpolitik.cli import cli
from realpolitik.cli.chessboard import COMMANDS
from realpolitik.store import Store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "rp.duckdb"
    with Store(path) as store:
        articles, events = meeting_batch()
        store.write(articles, events)
        aj, aj_events = fourth_article()
        store.write([aj], aj_events)
    return str(path)


def run(*args, ok=True):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    if ok:
        assert result.exit_code == 0, result.output
    return result


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_every_command_has_help_with_an_example(command):
    assert cli.get_command(None, command.name) is command
    result = run(command.name, "--help")
    assert "Example:" in result.output and "realpolitik " + command.name in result.output


def test_dyad_table_json_and_plot(db, tmp_path):
    table = run("dyad", "RUS", "SYR", "--by", "day", "--db", db).stdout
    assert "RUS <-> SYR by day" in table and "2025-11-18" in table
    rows = jsonl(run("dyad", "RUS", "SYR", "--by", "week", "--json", "--db", db).stdout)
    assert [(r["period"], r["events"], r["q1"], r["q4"]) for r in rows] == [("2025-11-17", 2, 1, 1)]
    mentions = jsonl(run("dyad", "RUS", "SYR", "--mentions", "--json", "--db", db).stdout)
    assert mentions[0]["events"] == 5
    directed = jsonl(run("dyad", "SYR", "RUS", "--directed", "--json", "--db", db).stdout)
    assert directed == []
    png = tmp_path / "chart.png"
    run("dyad", "RUS", "SYR", "--by", "day", "--plot", png, "--db", db)
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_errors_are_one_line_messages(db, tmp_path):
    missing = run("dyad", "RUS", "SYR", "--db", tmp_path / "none.duckdb", ok=False)
    assert missing.exit_code == 1 and "no such store" in missing.output and "Traceback" not in missing.output
    bad_date = run("dyad", "RUS", "SYR", "--since", "yesterday", "--db", db, ok=False)
    assert bad_date.exit_code == 2 and "2025-11-18" in bad_date.output
    bad_period = run("dyad", "RUS", "SYR", "--by", "year", "--db", db, ok=False)
    assert bad_period.exit_code == 2


def test_network_lists_graph_files_and_shifts(db, tmp_path):
    graphml, gexf = tmp_path / "g.graphml", tmp_path / "g.gexf"
    out = run("network", "--db", db, "--graphml", graphml, "--gexf", gexf).stdout
    assert "strongest ties" in out and "most central actors" in out
    assert set(nx.read_graphml(graphml).nodes) == {"RUS", "SYR"}
    assert nx.read_gexf(gexf).number_of_edges() == 1
    records = jsonl(run("network", "--json", "--level", "full", "--since", "2025-11-18", "--until", "2025-11-18",
                        "--compare-since", "2025-11-19", "--compare-until", "2025-11-30", "--db", db).stdout)
    assert records[0] == {"nodes": 4, "edges": 2}
    assert {(r["a"], r["b"]) for r in records if r.get("list") == "ties"} == {("RUSGOV", "SYRGOV"), ("RUSMIL", "SYR")}


def test_clusters_list_and_detail(db):
    rows = jsonl(run("clusters", "--json", "--order", "mentions", "--db", db).stdout)
    assert [r["num_articles"] for r in rows] == [4, 1]
    detail = jsonl(run("clusters", rows[0]["cluster_id"], "--json", "--db", db).stdout)
    assert len(detail) == 4 and {d["outlet"] for d in detail} == {"Reuters", "AP", "TASS", "Al Jazeera"}
    assert all(d["evidence"]["sentence"] for d in detail)
    assert "mentions" in run("clusters", "--db", db).stdout
    assert run("clusters", "e-nothing", "--db", db, ok=False).exit_code == 1


def test_export_formats(db, tmp_path):
    out = tmp_path / "rus.tsv"
    result = run("export", "--format", "gdelt", "--actor", "RUSMIL", "--out", out, "--db", db)
    assert "exported 1 row(s)" in result.stderr
    assert [len(line.split("\t")) for line in out.read_text().splitlines()] == [61]
    assert len(run("export", "--format", "gdelt", "--mentions", "--db", db).stdout.splitlines()) == 5
    csv_text = run("export", "--format", "csv", "--outlet", "TASS", "--db", db).stdout
    assert csv_text.splitlines()[0].startswith("id,article_id,cluster_id") and len(csv_text.splitlines()) == 2
    records = jsonl(run("export", "--db", db, "--code", "19").stdout)
    assert len(records) == 1 and records[0]["place"]["name"] == "Idlib"
    parquet = CliRunner().invoke(cli, ["export", "--format", "parquet", "--clusters", "--db", db])
    assert parquet.exit_code == 0 and pq.read_table(io.BytesIO(parquet.stdout_bytes)).num_rows == 2


def test_import_gdelt_then_compare(db, tmp_path):
    ours = tmp_path / "ours.export.CSV"
    run("export", "--format", "gdelt", "--out", ours, "--db", db)
    broken = tmp_path / "broken.export.CSV"
    broken.write_text("not\ta\tgdelt\tline\n")
    first = run("import-gdelt", ours, broken, "--db", db).stdout
    assert "2 event(s) added, 1 line(s) rejected" in first
    assert "0 event(s) added" in run("import-gdelt", ours, "--db", db).stdout
    rows = jsonl(run("compare", "RUS", "SYR", "--since", "2025-11-01", "--until", "2025-11-30", "--json",
                     "--db", db).stdout)
    assert [(r["ours_events"], r["gdelt_events"]) for r in rows if r["ours_events"] or r["gdelt_events"]] == [(2, 2)]
    assert "GDELT" in run("dyad", "RUS", "SYR", "--gdelt", "--db", db).stdout
