"""Coding on several cores: worker processes that each call ``code_articles`` and load the pipeline once.

spaCy's own ``nlp.pipe(n_process=...)`` parallelises only the parse; actor matching, event coding and date and
place resolution would still run in the parent, on one core. Here each worker runs the whole of
``realpolitik.coder.code_articles`` on a chunk of articles, so every stage scales with the processes. Workers are
started with ``forkserver`` (``spawn`` where that is missing), never plain ``fork``: a forked copy of a parent
that holds a DuckDB connection or a loaded pipeline is neither safe nor small.

A process that stores as it codes should code in a worker even with one process (``isolate``). A DuckDB
connection starts threads, and pyarrow starts one on import; once a process has had a second thread, glibc's
allocator takes its locking path for good, and spaCy's parse, which allocates a lot, runs 15-20% slower there
(measured: 200 articles, 17.4 CPU s single-threaded, 20.8 after one idle thread had run). A worker that never
opened the store keeps the fast path. For the same reason ``realpolitik.cli`` loads its commands lazily: a worker
imports the parent's main module again on start-up, and this module loads the coder (and spaCy) only where it
codes: a parent that only reads, stores and deduplicates never imports spaCy.

Memory stays flat in corpus size: at most ``2 * processes`` chunks are in flight, and results come back in input
order as soon as the oldest chunk is done. Only events travel back; the parent pairs them with the articles it
kept, so article text crosses the process boundary once.
"""

from __future__ import annotations

import gc
import math
import multiprocessing
import pickle
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from .errors import RealpolitikError
from .model import Article, CodedArticle
from .settings import Settings

#: Chunks queued per worker: one being coded, one waiting, so a worker never idles between chunks.
IN_FLIGHT_PER_PROCESS = 2
#: Most articles per task. 16 measured best for 2 workers: with 64 one worker sat idle ~2 s at a run's end.
DEFAULT_CHUNK = 16


def _start_method() -> str:
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


def _portable(exc: RealpolitikError) -> RealpolitikError:
    """The error itself if it survives pickling, else a RealpolitikError with the same message.

    Errors whose constructor takes several arguments (InputError, KnowledgeError) cannot be rebuilt from their
    pickled args, and an unpicklable error would surface in the parent as a broken pool instead of its message.
    """
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - any failure means "send the message instead"
        return RealpolitikError(str(exc))


def _warm(settings: Settings) -> None:
    """Worker initializer: load the pipeline and knowledge before the first chunk arrives.

    An error is left for the first task to raise again: a failing initializer only marks the pool broken,
    and its message would be lost.

    What is loaded then lives as long as the worker, so it is moved out of the garbage collector's sight
    (``gc.freeze``): the pipeline and knowledge are some 350,000 objects, which every full collection would walk
    again while the worker codes (measured: five full collections per 1,000 articles, 0.65 CPU s; ~0.01 s frozen).
    """
    from .coder import get_coder

    try:
        get_coder(settings)
    except RealpolitikError:
        pass
    gc.freeze()


def _code_chunk(settings: Settings, articles: list[Article]) -> list[tuple]:
    """Worker task: events, claims and error of each article of one chunk, in order (the articles stay in
    the parent, so only what coding added crosses the process boundary)."""
    from .coder import code_articles

    try:
        return [(c.events, c.claims, c.error) for c in code_articles(articles, settings=settings)]
    except RealpolitikError as exc:
        raise _portable(exc) from None


def _ready() -> None:
    """Worker task that does nothing: submitted to start a worker, which first runs its initializer (``_warm``)."""


def _pieces(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    items = iter(articles)
    while piece := list(islice(items, size)):
        yield piece


class CodingPool:
    """Worker processes that stay up across calls, so a command that codes batch after batch loads the pipeline
    once per worker, not once per batch.

    Args:
        settings: the settings every worker codes with (they travel to the workers pickled).
        processes: worker processes; 1 codes in this process, without a pool, unless ``isolate``.
        chunk: most articles per task. Smaller chunks balance load better (the last ones end together); larger
            ones cost less overhead.
        isolate: code in workers even with one process. For callers whose process runs threads (it holds a
            DuckDB connection): the parse is faster in a process that never had a second thread.

    Use it as a context manager; leaving the block stops the workers.
    """

    def __init__(self, settings: Settings, processes: int, chunk: int = DEFAULT_CHUNK, *, isolate: bool = False):
        if processes < 1 or chunk < 1:
            raise ValueError(f"processes is {processes} and chunk is {chunk}; both must be 1 or more")
        self.settings, self.processes, self.chunk = settings, processes, chunk
        self.in_process = processes == 1 and not isolate
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> "CodingPool":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers (queued chunks are cancelled)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def start(self) -> None:
        """Start the workers now rather than at the first chunk, so that they load the pipeline while the caller
        gets ready (``ingest`` imports the store and reads its first articles meanwhile: ~0.3 s)."""
        if not self.in_process:
            pool = self._pool()
            for _ in range(self.processes):  # (the executor starts one worker per task while none is idle)
                pool.submit(_ready)

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            context = multiprocessing.get_context(_start_method())
            self._executor = ProcessPoolExecutor(self.processes, mp_context=context, initializer=_warm,
                                                 initargs=(self.settings,))
        return self._executor

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code a stream of articles on the workers; results come in input order.

        A list is split into equal pieces, a multiple of ``processes`` of them and none above ``chunk``, so a
        batch does not end with one worker busy and the others idle; any other iterable is read lazily in chunks
        of ``chunk``, so a stream of any length keeps the workers busy to its end.
        """
        if self.in_process:
            from .coder import code_articles

            yield from code_articles(articles, settings=self.settings)
            return
        size = self.chunk
        if isinstance(articles, Sequence) and articles:
            # a multiple of `processes` pieces of equal size, none above `chunk`: 200 on 2 workers -> 14 x 15
            pieces = self.processes * math.ceil(len(articles) / (self.processes * self.chunk))
            size = math.ceil(len(articles) / pieces)
        pool = self._pool()
        pending: deque[tuple[list[Article], Future]] = deque()
        for piece in _pieces(articles, size):
            pending.append((piece, pool.submit(_code_chunk, self.settings, piece)))
            while len(pending) >= IN_FLIGHT_PER_PROCESS * self.processes:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())


def _collect(piece: list[Article], future: Future) -> Iterator[CodedArticle]:
    for article, (events, claims, error) in zip(piece, future.result(), strict=True):
        yield CodedArticle(article, events, claims, error)


def code_articles_parallel(articles: Iterable[Article], *, settings: Settings, processes: int,
                           chunk: int = DEFAULT_CHUNK) -> Iterator[CodedArticle]:
    """Code a stream of articles with ``processes`` worker processes; results come in input order.

    The same events as ``realpolitik.coder.code_articles``, for one stream: the workers start with the first
    article and stop when the stream ends (or the caller stops iterating). A caller that codes many batches
    should hold one ``CodingPool`` instead, so the workers and their pipelines outlive each batch.

    Args:
        articles: the articles, read lazily; at most ``2 * processes * chunk`` are held at once.
        settings: coding settings (model, knowledge files ...).
        processes: worker processes; 1 codes in this process.
        chunk: articles per task.

    Yields:
        One ``CodedArticle`` per article, in input order.
    """
    with CodingPool(settings, processes, chunk) as pool:
        yield from pool.code_articles(articles)
