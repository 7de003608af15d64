"""Throughput of ``realpolitik batch`` on a Dask LocalCluster with 1 and 2 workers, and its scaling efficiency.

Usage: .venv/bin/python bench/dask_bench.py [--n 400] [--seed 0] [--model en_core_web_sm] [--workers 1,2]
                                            [--partition-size 25] [--out bench/out] [--with-ingest]

The corpus is the one ``bench/run.py`` writes (``realpolitik.synthetic``, ~600 words an article, reused when
present). Each run is the CLI in its own subprocess into a fresh output folder, measured like ``bench/run.py``
(wall time from start to exit, cluster start and model loading included; peak RSS summed over the process tree).
The manifest adds the steady rate: articles over the span from the first partition's start to the last one's
end, i.e. without cluster start and model loading. ``--with-ingest`` adds ``realpolitik ingest`` in one process
as the baseline the Dask path has to beat.

Scaling efficiency is rate(N workers) / (N x rate(1 worker)): 1.0 is perfect; on a 2-core machine the client,
the scheduler and the nannies share the cores with the workers, so it stays below that.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from datetime import datetime
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import BIN, HERE, corpus_file, measure, print_table, row  # noqa: E402  (the shared bench helpers)


def batch_command(corpus: Path, out: Path, model: str, workers: int, partition_size: int) -> list[str]:
    return [str(BIN / "realpolitik"), "batch", str(corpus), "--out", str(out), "--workers", str(workers),
            "--partition-size", str(partition_size), "--model", model, "--no-progress"]


def steady_seconds(out: Path) -> float:
    """From the first partition's start to the last one's end, read from the manifest."""
    spans = []
    for path in (out / "_manifest").glob("*.json"):
        entry = json.loads(path.read_text())
        end = datetime.fromisoformat(entry["finished_at"]).timestamp()
        spans.append((end - entry["seconds"], end))
    return max(e for _, e in spans) - min(s for s, _ in spans)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=400, help="articles in the corpus (default 400)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--model", default="en_core_web_sm", help="spaCy pipeline (default en_core_web_sm)")
    parser.add_argument("--workers", default="1,2", help="worker counts to measure (default 1,2)")
    parser.add_argument("--partition-size", type=int, default=25, help="records per partition (default 25)")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="folder for corpus and results")
    parser.add_argument("--with-ingest", action="store_true", help="also measure `ingest` in one process")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    corpus, words = corpus_file(args.out, args.n, args.seed)
    print(f"corpus: {args.n} articles, {words} words; model {args.model}; {os.cpu_count()} CPUs; "
          f"{psutil.virtual_memory().total / 2**30:.0f} GiB; partitions of {args.partition_size}", flush=True)
    rows, rates, steady = [], {}, {}
    if args.with_ingest:
        db = args.out / "dask-bench-ingest.duckdb"
        db.unlink(missing_ok=True)
        ingest = measure([str(BIN / "realpolitik"), "ingest", str(corpus), "--db", str(db), "--model", args.model,
                          "--no-progress"])
        rows.append(row("(b) ingest (CLI), 1 proc", args.n, words, ingest["wall_s"], ingest["peak_rss_mb"],
                        ingest["cpu_s"]))
    for workers in [int(w) for w in args.workers.split(",")]:
        out = args.out / f"dask-{workers}w"
        shutil.rmtree(out, ignore_errors=True)
        result = measure(batch_command(corpus, out, args.model, workers, args.partition_size))
        label = f"(c) batch on Dask, {workers} worker{'s' if workers > 1 else ''}"
        rows.append(row(label, args.n, words, result["wall_s"], result["peak_rss_mb"], result["cpu_s"]))
        rates[workers] = args.n / result["wall_s"]
        steady[workers] = args.n / steady_seconds(out)
        print(f"{label}: {result['wall_s']:.1f} s wall, steady {steady[workers]:.2f} art/s; "
              f"{' '.join(result['stderr_tail'])}", flush=True)
    print_table(rows)
    efficiency = {}
    if 1 in rates:
        for workers in rates:
            if workers > 1:
                efficiency[workers] = {"wall": round(rates[workers] / (workers * rates[1]), 3),
                                       "steady": round(steady[workers] / (workers * steady[1]), 3)}
                print(f"scaling efficiency, {workers} workers: {efficiency[workers]['wall']:.2f} end to end, "
                      f"{efficiency[workers]['steady']:.2f} steady (1.00 = linear)")
    path = args.out / f"dask-{args.model.replace('/', '_')}-{args.n}.json"
    path.write_text(json.dumps({"n": args.n, "seed": args.seed, "model": args.model, "words": words,
                                "cpus": os.cpu_count(), "partition_size": args.partition_size, "rows": rows,
                                "steady_articles_per_s": steady, "scaling_efficiency": efficiency},
                               indent=2) + "\n", encoding="utf-8")
    print(f"results -> {path}")


if __name__ == "__main__":
    main()
