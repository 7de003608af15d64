"""Coding on worker processes gives the coder's own results, in input order, and carries errors across."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from realpolitik.coder import code_articles
from realpolitik.errors import RealpolitikError
from realpolitik.model import Article
from realpolitik.parallel import CodingPool, code_articles_parallel
from realpolitik.settings import Settings
from realpolitik.synthetic import generate_articles

SETTINGS = Settings(model="en_core_web_sm")


def _articles(n: int, seed: int) -> list[Article]:
    return [Article.create(d["text"], title=d["title"], url=d["url"], published=d["published"],
                           source=d["source"]) for d in generate_articles(n, seed)]


def _ids(coded) -> list[tuple[str, tuple[str, ...]]]:
    return [(c.article.id, tuple(e.id for e in c.events)) for c in coded]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return _articles(7, seed=21)


@pytest.fixture(scope="module")
def serial(articles):
    return _ids(code_articles(articles, settings=SETTINGS))


def test_two_processes_match_one_in_order(articles, serial):
    # a generator input, chunks of 2: four tasks, more than the in-flight bound, so order is really tested
    coded = list(code_articles_parallel((a for a in articles), settings=SETTINGS, processes=2, chunk=2))
    assert _ids(coded) == serial
    assert sum(len(c.events) for c in coded) > 20
    assert all(c.article is a for c, a in zip(coded, articles))


def test_a_pool_serves_several_batches(articles, serial):
    with CodingPool(SETTINGS, processes=2) as pool:
        first = list(pool.code_articles(articles[:3]))
        second = list(pool.code_articles(articles[3:]))
        workers = set(pool._executor._processes)
    assert _ids(first + second) == serial
    assert len(workers) == 2


def test_one_process_codes_in_place(articles, serial):
    with CodingPool(SETTINGS, processes=1) as pool:
        assert _ids(pool.code_articles(articles)) == serial
        assert pool._executor is None


def test_an_isolated_single_process_codes_in_one_worker_that_never_had_a_second_thread(articles, serial):
    # a process that holds DuckDB runs threads, and a parse there is slower: ingest codes in a clean worker
    with CodingPool(SETTINGS, processes=1, isolate=True) as pool:
        assert _ids(pool.code_articles(articles)) == serial
        workers = list(pool._executor._processes)
        threads = pool._executor.submit(_thread_count).result()
    assert len(workers) == 1 and workers[0] != os.getpid()
    assert threads == 1


def _thread_count() -> int:
    """Threads of the calling process now (one that started and ended would not show; the import test below
    guards the usual way one starts: DuckDB or pyarrow loaded with the command module)."""
    return len(os.listdir("/proc/self/task")) if os.path.isdir("/proc/self/task") else 1


def test_the_command_module_does_not_load_the_store():
    # a worker imports the command's main module again; DuckDB and pyarrow there would cost the parse its speed
    code = "import sys, realpolitik.cli; print(sorted(m for m in ('duckdb', 'pyarrow', 'spacy') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_ingest_parent_loads_neither_spacy_nor_dask():
    # the parent of an ingest reads, stores and deduplicates; spaCy and Dask there only delay its workers' start
    code = ("import sys; from realpolitik.cli.app import cli; cli.get_command(None, 'ingest'); "
            "print(sorted(m for m in ('spacy', 'dask', 'distributed') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_worker_errors_reach_the_caller_with_their_message(articles):
    broken = Settings(model="en_core_web_sm", actor_files=("/nonexistent/actors.tsv",))
    with pytest.raises(RealpolitikError, match="nonexistent/actors.tsv"):
        list(code_articles_parallel(articles[:2], settings=broken, processes=2))


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="processes is 0"):
        CodingPool(SETTINGS, processes=0)
