"""Throughput and memory of coding, against the floor of the parse itself.

Usage: .venv/bin/python bench/run.py [--n 1000] [--seed 0] [--model en_core_web_sm] [--processes 1,2]
                                     [--out bench/out] [--skip-raw]

In one run, on one synthetic corpus (``realpolitik.synthetic``, ~600 words an article, written afresh to
``--out``):

  (a) raw ``nlp.pipe`` over the texts with the same pipeline the coder loads: the floor, since the parse is
      the cost we cannot avoid;
  (b) ``realpolitik ingest`` end to end into a fresh DuckDB file. With 1 process this is the CLI itself; with
      more, the CLI when it has ``--processes``, else the same loop through the library
      (``read_articles`` -> ``CodingPool`` -> ``Store.write`` in transactions of 200 articles).

Each measurement runs in its own subprocess, so peak memory is its own: the resident memory of the process and
all its descendants (summed) is sampled every 50 ms with psutil. Rates use wall time from start to exit, model
load included, for (a) and (b) alike; (a) also reports its parse-only rate. Results go to stdout and to
``<out>/results-<model>-<n>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
TRANSACTION = 200


# ---- what runs inside the measured subprocesses -------------------------------------------------------------
def child_raw(corpus: str, model: str, processes: int) -> None:
    """(a): parse every text with ``nlp.pipe``; prints load and parse seconds as JSON."""
    from realpolitik.nlp import load_pipeline
    from realpolitik.settings import Settings

    start = time.perf_counter()
    nlp = load_pipeline(model)
    loaded = time.perf_counter()
    with open(corpus, encoding="utf-8") as lines:
        texts = (json.loads(line)["text"] for line in lines)
        n = sum(1 for _ in nlp.pipe(texts, batch_size=Settings().batch_size, n_process=processes))
    print(json.dumps({"articles": n, "load_s": loaded - start, "parse_s": time.perf_counter() - loaded}))


def child_ingest(corpus: str, db: str, model: str, processes: int) -> None:
    """(b) with several processes, through the library: the loop ``ingest`` runs, with a ``CodingPool``."""
    from itertools import islice

    from realpolitik.ingest import Reject, read_articles
    from realpolitik.parallel import CodingPool
    from realpolitik.settings import load_settings
    from realpolitik.store import Store

    settings = load_settings(model=model)
    items = iter(read_articles([corpus], settings=settings))
    n_articles = n_events = 0
    with Store(db) as store, CodingPool(settings, processes) as pool:
        while batch := list(islice(items, TRANSACTION)):
            articles = [a for a in batch if not isinstance(a, Reject)]
            rejects = [r.to_dict() for r in batch if isinstance(r, Reject)]
            events = [e for coded in pool.code_articles(articles) for e in coded.events]
            store.write(articles, events, rejects)
            n_articles += len(articles)
            n_events += len(events)
    print(json.dumps({"articles": n_articles, "events": n_events}))


# ---- the parent: corpus, measured subprocesses, report ------------------------------------------------------
def measure(command: list[str]) -> dict:
    """Run a command; wall seconds, CPU seconds and peak summed RSS (MB) of its process tree, its last stdout line.

    CPU seconds are the last sample of each process (up to 50 ms short per process): a check on wall times
    taken while other work shares the machine.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(proc.pid)
    peak = 0
    cpu: dict[tuple[int, float], float] = {}  # (pid, create time) -> last seen user + system seconds
    while proc.poll() is None:
        total = 0
        try:
            for p in [root, *root.children(recursive=True)]:
                try:
                    with p.oneshot():
                        total += p.memory_info().rss
                        times = p.cpu_times()
                        cpu[(p.pid, p.create_time())] = times.user + times.system
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        peak = max(peak, total)
        time.sleep(0.05)
    wall = time.perf_counter() - start
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{err[-3000:]}")
    last = [line for line in out.splitlines() if line.strip()]
    return {"wall_s": wall, "load_avg_1min": os.getloadavg()[0], "cpu_s": sum(cpu.values()), "peak_rss_mb": peak / 2**20, "child": _json_or_none(last[-1] if last else ""),
            "stderr_tail": err.strip().splitlines()[-1:] if err.strip() else []}


def _json_or_none(line: str) -> dict | None:
    try:
        return json.loads(line)
    except json.JSONDecodeError:
        return None


def corpus_file(out: Path, n: int, seed: int) -> tuple[Path, int]:
    """The corpus and its word count; written afresh each run (a second or so), so it follows the generator."""
    from realpolitik.synthetic import write_jsonl

    path = out / f"corpus-{n}-s{seed}.jsonl"
    started = time.perf_counter()
    write_jsonl(path.with_suffix(".part"), n, seed).replace(path)
    print(f"generated {path} in {time.perf_counter() - started:.1f} s", flush=True)
    with path.open(encoding="utf-8") as lines:
        words = sum(len(json.loads(line)["text"].split()) for line in lines)
    return path, words


def cli_has_processes() -> bool:
    result = subprocess.run([str(BIN / "realpolitik"), "ingest", "--help"], capture_output=True, text=True)
    return "--processes" in result.stdout


def ingest_command(corpus: Path, db: Path, model: str, processes: int, via_cli: bool) -> list[str]:
    if processes == 1 or via_cli:
        command = [str(BIN / "realpolitik"), "ingest", str(corpus), "--db", str(db), "--model", model,
                   "--no-progress", "--chunk", str(TRANSACTION)]
        return command + (["--processes", str(processes)] if processes > 1 else [])
    return [sys.executable, __file__, "_ingest", str(corpus), str(db), model, str(processes)]


def row(label: str, n: int, words: int, seconds: float, peak: float, cpu: float | None) -> dict:
    return {"run": label, "seconds": round(seconds, 2), "articles_per_s": round(n / seconds, 2),
            "words_per_s": round(words / seconds), "peak_rss_mb": round(peak),
            "cpu_s": None if cpu is None else round(cpu, 1)}


def print_table(rows: list[dict]) -> None:
    print(f"\n{'run':<40} {'seconds':>8} {'art/s':>7} {'words/s':>8} {'peak RSS MB':>12} {'CPU s':>7}")
    for r in rows:
        cpu = "" if r["cpu_s"] is None else f"{r['cpu_s']:.1f}"
        print(f"{r['run']:<40} {r['seconds']:>8.1f} {r['articles_per_s']:>7.2f} {r['words_per_s']:>8} "
              f"{r['peak_rss_mb']:>12} {cpu:>7}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="articles in the corpus (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--model", default="en_core_web_sm", help="spaCy pipeline (default en_core_web_sm)")
    parser.add_argument("--processes", default="1,2", help="process counts to measure (default 1,2)")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="folder for corpus, stores, results")
    parser.add_argument("--skip-raw", action="store_true", help="measure (b) only")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    counts = [int(p) for p in args.processes.split(",")]
    corpus, words = corpus_file(args.out, args.n, args.seed)
    via_cli = cli_has_processes()
    print(f"corpus: {args.n} articles, {words} words ({words / args.n:.0f} an article); model {args.model}; "
          f"{os.cpu_count()} CPUs; {psutil.virtual_memory().total / 2**30:.0f} GiB", flush=True)
    rows, ratios = [], {}
    for processes in counts:
        raw = None
        if not args.skip_raw:
            raw = measure([sys.executable, __file__, "_raw", str(corpus), args.model, str(processes)])
            rows.append(row(f"(a) nlp.pipe, {processes} proc", args.n, words, raw["wall_s"], raw["peak_rss_mb"],
                            raw["cpu_s"]))
            parse = raw["child"]["parse_s"]
            rows.append(row(f"(a) nlp.pipe, {processes} proc, parse only", args.n, words, parse, raw["peak_rss_mb"],
                            None))
            print(f"(a) {processes} proc: {raw['wall_s']:.1f} s (model load {raw['child']['load_s']:.1f} s; "
                  f"machine load average {raw['load_avg_1min']:.1f})", flush=True)
        db = args.out / f"bench-{args.model.replace('/', '_')}-{processes}.duckdb"
        for stale in (db, db.with_suffix(".duckdb.wal")):
            stale.unlink(missing_ok=True)
        how = "CLI" if processes == 1 or via_cli else "library"
        ingest = measure(ingest_command(corpus, db, args.model, processes, via_cli))
        rows.append(row(f"(b) ingest ({how}), {processes} proc", args.n, words, ingest["wall_s"],
                        ingest["peak_rss_mb"], ingest["cpu_s"]))
        print(f"(b) {processes} proc: {ingest['wall_s']:.1f} s (machine load average "
              f"{ingest['load_avg_1min']:.1f}); {' '.join(ingest['stderr_tail'])}", flush=True)
        if raw is not None:
            ratios[processes] = round(raw["wall_s"] / ingest["wall_s"], 3)
    print_table(rows)
    for processes, ratio in ratios.items():
        print(f"(b)/(a) throughput, {processes} proc: {ratio:.2f}")
    result = {"n": args.n, "seed": args.seed, "model": args.model, "words": words, "cpus": os.cpu_count(),
              "rows": rows, "ratio_b_over_a": ratios}
    path = args.out / f"results-{args.model.replace('/', '_')}-{args.n}.json"
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"results -> {path}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_raw":
        child_raw(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif len(sys.argv) > 1 and sys.argv[1] == "_ingest":
        child_ingest(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    else:
        main()
