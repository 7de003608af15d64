"""Batch coding on a real Dask LocalCluster: same events as one process, resumable, nothing lost or doubled.

The corpus is synthetic news (``realpolitik.synthetic``) cut to its first two paragraphs, so the cluster tests
stay short on two cores, plus a few bad records that must come out as rejects with their line and reason.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from distributed import LocalCluster

from realpolitik.batch import BatchOptions, OutputDir, load_batch, plan_partitions, read_partition, run_batch
from realpolitik.batch.partitions import number_lines
from realpolitik.batch.reader import count_newlines
from realpolitik.cli import cli
from realpolitik.coder import code_articles
from realpolitik.errors import InputError, SettingsError
from realpolitik.ingest import Reject, load_article, read_articles
from realpolitik.model import Article, Event
from realpolitik.settings import Settings
from realpolitik.store import EventFilter, Store
from realpolitik.store.mapping import row_to_dict
from realpolitik.store.schema import CLAIM_COLUMNS
from realpolitik.synthetic import generate_articles

SETTINGS = Settings(model="en_core_web_sm")
N_LINES, N_ROWS = 180, 45
#: Bad records placed among the JSON Lines: (line number, content, words the reject reason must hold).
BAD_LINES = {17: ("{not json at all", "malformed JSON"), 64: ('{"title": "No body"}', "no 'text' field"),
             121: (json.dumps({"text": "Talks went on. " * 5, "published": "someday"}), "'published'")}
REALPOLITIK = str(Path(sys.executable).parent / "realpolitik")


def short(article: dict) -> dict:
    """A synthetic article cut to its first two paragraphs (a fifth of the parse cost)."""
    return {**article, "text": "\n\n".join(article["text"].split("\n\n")[:2])}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """news.jsonl (180 good lines, 3 bad, a blank one), more.parquet (45 rows in row groups of 20)."""
    folder = tmp_path_factory.mktemp("corpus")
    records = [short(a) for a in generate_articles(N_LINES + N_ROWS, seed=7)]
    lines, good = [], iter(records[:N_LINES])
    for number in range(1, N_LINES + len(BAD_LINES) + 2):
        if number in BAD_LINES:
            lines.append(BAD_LINES[number][0])
        elif number == 90:
            lines.append("   ")
        else:
            lines.append(json.dumps(next(good)))
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pq.write_table(pa.Table.from_pylist(records[N_LINES:]), folder / "more.parquet", row_group_size=20)
    return folder


@pytest.fixture(scope="module")
def reference(corpus) -> dict:
    """The single-process result: ``read_articles`` for the JSON Lines, ``load_article`` per Parquet row."""
    items = list(read_articles([corpus / "news.jsonl"], settings=SETTINGS))
    rows = pq.read_table(corpus / "more.parquet").to_pylist()
    items += [load_article(row, origin=f"{corpus / 'more.parquet'} row {i}", settings=SETTINGS)
              for i, row in enumerate(rows, 1)]
    articles = [a for a in items if not isinstance(a, Reject)]
    coded = list(code_articles(articles, settings=SETTINGS))
    return {"articles": {c.article.id: c.article.to_dict() for c in coded},
            "events": {e.id: e.to_dict() for c in coded for e in c.events},
            "claims": {k.id: {f: k.to_dict()[f] for f in CLAIM_COLUMNS} for c in coded for k in c.claims},
            "rejects": sorted((r.origin, r.reason) for r in items if isinstance(r, Reject))}


@pytest.fixture(scope="module")
def coded(corpus, tmp_path_factory):
    """One batch run on a LocalCluster of 2 worker processes, 25 records a partition."""
    out = tmp_path_factory.mktemp("coded") / "out"
    report = run_batch([str(corpus)], str(out), settings=SETTINGS, options=BatchOptions(partition_size=25),
                       workers=2)
    return out, report


def output(out: Path) -> dict:
    """What a batch folder holds, read with DuckDB straight from the Parquet parts."""
    con = duckdb.connect()
    def rows(table: str) -> list[dict]:
        cur = con.execute(f"SELECT * FROM read_parquet('{out}/{table}/*.parquet')")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]
    events = rows("events")
    articles = rows("articles")
    return {"events": [Event.from_dict(row_to_dict(r)).to_dict() for r in events],
            "articles": [{k: v for k, v in r.items() if k != "ingested_at"} for r in articles],
            "rejects": sorted((r["origin"], r["reason"]) for r in rows("rejects")),
            "claims": rows("claims")}


def assert_same(result: dict, reference: dict) -> None:
    ids = [e["id"] for e in result["events"]]
    assert len(ids) == len(set(ids)), "an event appears twice"
    assert {e["id"]: e for e in result["events"]} == reference["events"]
    assert len(result["articles"]) == len(reference["articles"])
    assert {a["id"]: a for a in result["articles"]} == reference["articles"]
    assert result["rejects"] == reference["rejects"]
    assert len(result["claims"]) == len(reference["claims"])
    assert {c["id"]: c for c in result["claims"]} == reference["claims"]


# -- the cluster runs ---------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_batch_equals_single_process(coded, reference):
    out, report = coded
    assert not report.failed
    assert report.workers == 2
    assert report.coded == report.partitions == len(OutputDir(str(out)).manifest())
    assert report.partitions >= 9  # 180 lines / ~25 and 45 rows in windows of 20, 20, 5
    assert report.articles == N_LINES + N_ROWS and report.rejects == len(BAD_LINES)
    assert len(reference["events"]) > 200 and reference["claims"]
    assert_same(output(out), reference)


@pytest.mark.slow
def test_rejects_name_line_and_reason(coded, corpus):
    rejects = dict(output(coded[0])["rejects"])
    for number, (_, words) in BAD_LINES.items():
        assert words in rejects[f"{corpus / 'news.jsonl'} line {number}"]


@pytest.mark.slow
def test_rerun_codes_nothing(coded, corpus):
    out, first = coded
    before = {p: OutputDir(str(out)).fs.info(str(out / "events" / f"part-{p}.parquet"))["mtime"]
              for p in OutputDir(str(out)).manifest()}
    again = run_batch([str(corpus)], str(out), settings=SETTINGS, options=BatchOptions(partition_size=25),
                      workers=2)
    assert (again.coded, again.skipped, again.workers) == (0, first.partitions, 0)  # no cluster was started
    after = {p: OutputDir(str(out)).fs.info(str(out / "events" / f"part-{p}.parquet"))["mtime"] for p in before}
    assert after == before


@pytest.mark.slow
def test_other_settings_refused_in_same_folder(coded, corpus):
    with pytest.raises(SettingsError, match="emit_statements"):
        other = replace(SETTINGS, emit_statements=not SETTINGS.emit_statements)
        run_batch([str(corpus)], str(coded[0]), settings=other, options=BatchOptions(partition_size=25))


@pytest.mark.slow
def test_load_into_store_twice_changes_nothing(coded, reference, tmp_path):
    with Store(tmp_path / "batch.duckdb") as store:
        first = load_batch(str(coded[0]), store, chunk=60)
        counts = store.counts()
        second = load_batch(str(coded[0]), store)
        assert store.counts() == counts
        stored = {e.id: e.to_dict() for e in store.events(EventFilter(limit=None))}
        ids = {r["id"] for r in store.fetch("SELECT id FROM events")}
    assert (first.events_added, second.events_added, second.articles_added) == (len(reference["events"]), 0, 0)
    assert counts["articles"] == len(reference["articles"]) and counts["rejects"] == len(BAD_LINES)
    assert counts["claims"] == len(reference["claims"]) and second.claims_added == 0
    assert ids == set(reference["events"])
    assert all(reference["events"][i] == d for i, d in stored.items())


@pytest.mark.slow
def test_killed_run_resumes_without_duplicates(corpus, reference, tmp_path):
    out = tmp_path / "out"
    command = [REALPOLITIK, "batch", str(corpus), "--out", str(out), "--workers", "2", "--partition-size", "10",
               "--model", "en_core_web_sm", "--no-progress"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 150
        while len(list((out / "_manifest").glob("*.json"))) < 3 and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.1)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the CLI, its cluster and its workers: one process group
        proc.wait()
        proc.stderr.close()
    _wait_group_gone(proc.pid)
    finished = {p.name: p.read_text() for p in (out / "_manifest").glob("*.json")}
    total = len(plan_partitions([str(corpus)], settings=SETTINGS, options=BatchOptions(partition_size=10),
                                exclude=str(out)))
    assert 3 <= len(finished) < total

    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"{total - len(finished)} coded, {len(finished)} already done" in " ".join(again.stderr.split())
    assert {p.name: p.read_text() for p in (out / "_manifest").glob("*.json") if p.name in finished} == finished
    assert not list(out.rglob("*.tmp"))
    assert_same(output(out), reference)


def _wait_group_gone(pgid: int, seconds: float = 20) -> None:
    """Every process of the killed run is gone (none left behind)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    pytest.fail(f"processes of group {pgid} still running")


@pytest.mark.slow
def test_killed_worker_loses_nothing(corpus, reference, tmp_path):
    """A worker process dies mid-run; the scheduler reruns its partition elsewhere, the output is whole."""
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    try:
        # the worker processes' pids straight from their nannies: a second Client in this process would
        # share run_batch's event loop thread and race it while a worker dies
        pids = [nanny.process.process.pid for nanny in cluster.workers.values()]
        killed: list[int] = []

        def kill_once(entry: dict) -> None:
            if not killed:
                victim = next(p for p in pids if not entry["worker"].endswith(f":{p}"))
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

        report = run_batch([str(corpus)], str(tmp_path / "out"), settings=SETTINGS,
                           options=BatchOptions(partition_size=25), scheduler=cluster.scheduler_address,
                           on_partition=kill_once)
    finally:
        cluster.close()
    assert killed and not report.failed and report.coded == report.partitions
    assert_same(output(tmp_path / "out"), reference)


# -- planning and reading, without a cluster ---------------------------------------------------------------------

def _read(paths: list[str], size: int, settings: Settings = SETTINGS) -> list[Article | Reject]:
    plan = plan_partitions(paths, settings=settings, options=BatchOptions(partition_size=size))
    plan = number_lines(plan, plan, lambda parts: [count_newlines(p.url, p.start, p.stop) for p in parts])
    return [item for part in plan for item in read_partition(part, settings, BatchOptions(partition_size=size))]


def _origins(items) -> list[str]:
    return [item.origin for item in items]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_ranges_cover_every_line_once(tmp_path, newline):
    records = [short(a) for a in generate_articles(30, seed=2)]
    for i in (3, 11, 20):  # very different line lengths, so ranges cut lines anywhere
        records[i]["text"] = records[i]["text"] * 6
    lines = [json.dumps(r) for r in records]
    lines[5:5] = ["", "[1, 2]"]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes((newline.join(lines)).encode())  # no newline after the last line
    expected = list(read_articles([path], settings=SETTINGS))
    for size in (1, 2, 5, 100):
        got = _read([str(path)], size)
        assert _origins(got) == _origins(expected), size
        assert [getattr(g, "id", g) for g in got] == [getattr(e, "id", e) for e in expected]
    assert len(plan_partitions([str(path)], settings=SETTINGS, options=BatchOptions(partition_size=2))) > 5


def test_partition_ids_are_stable_and_track_changes(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(short(a)) + "\n" for a in generate_articles(12, seed=1)))
    options = BatchOptions(partition_size=3)
    first = [p.id for p in plan_partitions([str(path)], settings=SETTINGS, options=options)]
    assert first == [p.id for p in plan_partitions([str(tmp_path)], settings=SETTINGS, options=options)]
    other = replace(SETTINGS, emit_historical=not SETTINGS.emit_historical)
    assert first == [p.id for p in plan_partitions([str(path)], settings=replace(SETTINGS, batch_size=7),
                                                   options=options)]
    assert not set(first) & {p.id for p in plan_partitions([str(path)], settings=other, options=options)}
    with path.open("a") as stream:
        stream.write(json.dumps(short(next(generate_articles(1, seed=9)))) + "\n")
    assert not set(first) & {p.id for p in plan_partitions([str(path)], settings=SETTINGS, options=options)}


def test_bad_files_become_one_reject_each(tmp_path):
    good = json.dumps(short(next(generate_articles(1))))
    (tmp_path / "packed.jsonl").write_bytes(gzip.compress((good + "\n").encode()))
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "fake.parquet").write_text("not parquet at all")
    pq.write_table(pa.table({"headline": ["a", "b"]}), tmp_path / "notext.parquet")
    huge = json.dumps({"text": "War. " * 3000})
    (tmp_path / "sizes.jsonl").write_text(f"{good}\n{huge}\n{good}\n")
    small = Settings(model="en_core_web_sm", max_chars=500)
    got = {item.origin: item.reason for item in _read([str(tmp_path)], 10, small) if isinstance(item, Reject)}
    assert "gzip" in got[str(tmp_path / "packed.jsonl")]
    assert "empty" in got[str(tmp_path / "empty.jsonl")]
    assert "not a readable Parquet file" in got[str(tmp_path / "fake.parquet")]
    assert "no text column" in got[str(tmp_path / "notext.parquet")]
    assert "oversized record" in got[str(tmp_path / "sizes.jsonl") + " line 2"]
    assert len(got) == 5


def test_parquet_windows_and_origins(tmp_path):
    rows = [short(a) for a in generate_articles(23, seed=4)]
    rows[6]["published"] = "not a date"
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "c.parquet", row_group_size=10)
    plan = plan_partitions([str(tmp_path / "c.parquet")], settings=SETTINGS, options=BatchOptions(partition_size=4))
    assert [(p.group, p.start, p.stop) for p in plan] == [(0, 0, 4), (0, 4, 8), (0, 8, 10), (1, 0, 4), (1, 4, 8),
                                                          (1, 8, 10), (2, 0, 3)]
    got = _read([str(tmp_path / "c.parquet")], 4)
    assert _origins(got) == [f"{tmp_path / 'c.parquet'} row {i}" for i in range(1, 24)]
    assert isinstance(got[6], Reject) and "'published'" in got[6].reason


def test_output_folder_inside_input_is_not_read(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps(short(next(generate_articles(1)))) + "\n")
    (tmp_path / "out" / "articles").mkdir(parents=True)
    pq.write_table(pa.table({"text": ["Old output. " * 5]}), tmp_path / "out" / "articles" / "part-x.parquet")
    plan = plan_partitions([str(tmp_path)], settings=SETTINGS, options=BatchOptions(), exclude=str(tmp_path / "out"))
    assert [Path(p.url).name for p in plan] == ["a.jsonl"]


def test_missing_input_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        plan_partitions([str(tmp_path / "nope")], settings=SETTINGS, options=BatchOptions())


# -- the commands -----------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_cli_load_and_errors(coded, reference, tmp_path):
    runner = CliRunner()
    db = tmp_path / "events.duckdb"
    result = runner.invoke(cli, ["load", str(coded[0]), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        assert store.counts()["events"] == len(reference["events"])
    result = runner.invoke(cli, ["load", str(tmp_path / "nothing"), "--db", str(db)])
    assert result.exit_code == 1 and "no finished partitions" in result.output
    result = runner.invoke(cli, ["batch", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and "no such file or folder" in result.output and "Traceback" not in result.output
    result = runner.invoke(cli, ["batch", "x.jsonl", "--out", "o", "--workers", "2", "--scheduler", "tcp://h:1"])
    assert result.exit_code == 2 and "not both" in result.output



def test_unknown_model_fails_before_any_work_and_leaves_folder_usable(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps(short(next(generate_articles(1)))) + "\n")
    out = str(tmp_path / "out")
    with pytest.raises(SettingsError, match="no_such_model"):
        run_batch([str(tmp_path / "a.jsonl")], out, settings=Settings(model="no_such_model"), workers=1)
    assert not OutputDir(out).manifest()
    OutputDir(out).claim({"model": "en_core_web_sm"})  # nothing finished: other settings may take the folder


def test_sweep_drops_changed_files_orphans_and_temporaries(tmp_path):
    """What a killed or outdated run leaves is removed; finished partitions of other inputs are kept."""
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(short(next(generate_articles(1)))) + "\n")
    options = BatchOptions(partition_size=5)
    old = plan_partitions([str(path)], settings=SETTINGS, options=options)
    out = OutputDir(str(tmp_path / "out"))
    other = {"id": "p-other", "url": str(tmp_path / "b.jsonl")}
    for entry in (old[0].to_dict(), other):
        for table in ("articles", "events"):
            out.write_table(table, entry["id"], [])
        out.write_manifest(entry)
    out.write_table("events", "p-orphan", [])  # parts of a partition that never finished and is not planned
    (tmp_path / "out" / "events" / ".part-x.parquet.123.tmp").write_bytes(b"half")
    with path.open("a") as stream:  # the file changes: its old partition is stale
        stream.write(json.dumps(short(next(generate_articles(1, seed=5)))) + "\n")
    new = plan_partitions([str(path)], settings=SETTINGS, options=options)
    done = out.manifest()
    assert out.sweep(new, done) == [old[0].id]
    assert set(done) == set(out.manifest()) == {"p-other"}
    assert sorted(p.name for p in (tmp_path / "out" / "events").iterdir()) == ["part-p-other.parquet"]
