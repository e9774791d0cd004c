"""Where the annotate stage runs: in-process, a local process pool, or a Dask cluster.

Workers only compute (annotate a chunk of articles, a pure function); the flow's one writer
stores the results. Work goes out in chunks of articles, never one unit per article: a Dask
task costs ~1-140 ms of overhead and a Prefect task run ~5 ms plus server load.
"""

from __future__ import annotations

import atexit
import math
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

from newsdigest.heap import tune_gc
from newsdigest.models import Annotation, Article

RUNNERS = ("local", "process", "dask")
MIN_CHUNK = 4  # articles per work unit at least (overhead per unit outweighs tiny units)
MAX_CHUNK = 64  # and at most, so a slow chunk does not leave the other workers idle
_CLIENTS: dict = {}  # scheduler address -> distributed.Client, kept for the process's life
_POOLS: dict[int, ProcessPoolExecutor] = {}  # worker count -> warm pool, kept likewise


@dataclass(frozen=True)
class RunnerConfig:
    """Which runner annotates, with how many workers, on which Dask scheduler."""

    kind: str = "local"
    workers: int = 0  # 0: one per CPU core (process pool, local Dask cluster)
    dask_address: str | None = None  # tcp://host:port of a running scheduler; None: local cluster

    @classmethod
    def from_env(
        cls, runner: str | None = None, workers: int | None = None, dask_address: str | None = None
    ) -> RunnerConfig:
        """Flags win over NEWSDIGEST_RUNNER / NEWSDIGEST_WORKERS / NEWSDIGEST_DASK_ADDRESS."""
        address = dask_address or os.environ.get("NEWSDIGEST_DASK_ADDRESS") or None
        kind = runner or os.environ.get("NEWSDIGEST_RUNNER") or ("dask" if address else "local")
        if kind not in RUNNERS:
            raise ValueError(f"unknown runner {kind!r} (choose from {', '.join(RUNNERS)})")
        n = workers if workers is not None else int(os.environ.get("NEWSDIGEST_WORKERS") or 0)
        return cls(kind, max(0, n), address)

    @property
    def n_workers(self) -> int:
        """Worker count actually used for a pool or local cluster."""
        return self.workers or os.cpu_count() or 1


def split_work(items: Sequence, workers: int) -> list[list]:
    """Contiguous, near-equal chunks of MIN_CHUNK..MAX_CHUNK items, a multiple of `workers`
    in number where sizes allow (at least two per worker), so the workers finish together."""
    if not items:
        return []
    workers = max(1, workers)
    count = max(2 * workers, math.ceil(len(items) / MAX_CHUNK))
    count = min(workers * math.ceil(count / workers), math.ceil(len(items) / MIN_CHUNK))
    size = math.ceil(len(items) / count)
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def annotate_chunk(
    articles: list[Article], sentences: int = 3, algorithm: str = "default"
) -> dict[str, Annotation]:
    """Annotate one chunk for the warehouse, without entity spans (runs on a worker; imports
    the NLP stages there)."""
    from tasks.annotate import annotate_articles

    return annotate_articles(articles, sentences, algorithm, spans=False)


def warm_annotator() -> None:
    """Load the NLP data in this process before the first chunk arrives, then `tune_gc()`:
    once per worker process, and in a flow that annotates in-process."""
    annotate_chunk([Article(title="Warm-up in Paris", body=["Officials met in Paris, France."],
                            layout="A")])  # fmt: skip
    tune_gc()


def _exit_with(parent: int) -> None:
    """Exit this worker once `parent` is gone (a pool's workers outlive a SIGKILLed parent)."""
    while True:
        time.sleep(1.0)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:
            pass


def _pool_worker_init(parent: int) -> None:
    """Own session, an orphan guard, then warm-up: see `process_pool`."""
    os.setsid()
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    warm_annotator()


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A warm pool of `workers` processes, kept for the life of this process.

    forkserver, not fork: the flow process runs Prefect's threads, and forking a threaded
    process can copy a held lock into the child. Each worker starts its own session: with
    Linux autogroup scheduling a session gets one share of the CPU when other sessions are
    busy, so workers left in the flow's session measured no faster than one (0.88x for 2 vs 1
    at load 8 on this 2-core machine; 1.37x with their own sessions, as `dask worker` runs).
    """
    if workers not in _POOLS:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["tasks.annotate"])
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx,
                                   initializer=_pool_worker_init,
                                   initargs=(os.getpid(),))  # fmt: skip
        for _ in range(workers):  # start (and warm) every worker now, not one per busy moment
            pool.submit(int)
        _POOLS[workers] = pool
    return _POOLS[workers]


def close_pools() -> None:
    """Shut the kept process pools down (benchmarks switching worker counts)."""
    for pool in _POOLS.values():
        pool.shutdown(wait=True, cancel_futures=True)
    _POOLS.clear()


@cache
def local_cluster(workers: int) -> str:
    """Start a local Dask cluster of `workers` processes on 127.0.0.1 (kept); its address."""
    from distributed import LocalCluster

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None)  # fmt: skip
    atexit.register(cluster.close)
    return cluster.scheduler_address


def dask_client(address: str | None, workers: int):  # noqa: ANN201  (distributed.Client)
    """A warm Dask client: to the scheduler at `address`, or to a local cluster of `workers`."""
    from distributed import Client

    key = address or local_cluster(workers)
    if key not in _CLIENTS:
        client = Client(key, timeout=30)
        client.run(warm_annotator)
        _CLIENTS[key] = client
    return _CLIENTS[key]


def close_dask() -> None:
    """Close the kept Dask clients (tests, before stopping a scheduler they talk to)."""
    while _CLIENTS:
        _CLIENTS.popitem()[1].close()


atexit.register(close_dask)
atexit.register(close_pools)


def cluster_size(client) -> int:  # noqa: ANN001
    """Worker processes (threads) the Dask scheduler knows now."""
    workers = client.scheduler_info().get("workers", {})
    return max(1, sum(w.get("nthreads", 1) for w in workers.values()))


def _merge(articles: list[Article], parts: list[dict[str, Annotation]]) -> dict[str, Annotation]:
    """One dict in article order, whatever order the chunks finished in."""
    merged: dict[str, Annotation] = {}
    for part in parts:
        merged.update(part)
    return {a.article_id: merged[a.article_id] for a in articles}


class Pending:
    """Annotations being computed on workers; `result()` waits and merges them in article order."""

    def __init__(self, articles: list[Article], gather: Callable[[], list[dict]]) -> None:
        self._articles, self._gather = articles, gather

    @classmethod
    def ready(cls, articles: list[Article], notes: dict[str, Annotation]) -> Pending:
        """Annotations already computed (in-process)."""
        return cls(articles, lambda: [notes])

    def result(self) -> dict[str, Annotation]:
        """Wait for every piece; annotations keyed by article id, in article order."""
        return _merge(self._articles, self._gather()) if self._articles else {}


def submit_chunks(
    articles: list[Article],
    sentences: int = 3,
    algorithm: str = "default",
    runner: str | None = None,
    workers: int | None = None,
    dask_address: str | None = None,
) -> Pending:
    """Start annotating on the chosen runner and return at once (local runs here and now)."""
    cfg = RunnerConfig.from_env(runner, workers, dask_address)
    if not articles:
        return Pending([], list)
    if cfg.kind == "local":
        return Pending.ready(articles, annotate_chunk(articles, sentences, algorithm))
    if cfg.kind == "process":
        pool = process_pool(cfg.n_workers)
        futures = [pool.submit(annotate_chunk, c, sentences, algorithm)
                   for c in split_work(articles, cfg.n_workers)]  # fmt: skip
        return Pending(articles, lambda: [f.result() for f in futures])
    client = dask_client(cfg.dask_address, cfg.n_workers)
    futures = client.map(annotate_chunk, split_work(articles, cluster_size(client)),
                         sentences=sentences, algorithm=algorithm, pure=False)  # fmt: skip
    return Pending(articles, lambda: client.gather(futures))


def annotate_chunks(
    articles: list[Article], sentences: int = 3, algorithm: str = "default", **where: object
) -> dict[str, Annotation]:
    """Annotations keyed by article id, computed by the chosen runner (same result for each).

    `where`: `runner`, `workers`, `dask_address`, as for `submit_chunks`.
    """
    return submit_chunks(articles, sentences, algorithm, **where).result()  # type: ignore[arg-type]


Submitter = Callable[[list[Article], int, str], Pending]


@cache
def _piece_task():  # noqa: ANN202
    from prefect import task
    from prefect.cache_policies import NO_CACHE

    return task(name="annotate-chunk", retries=1, cache_policy=NO_CACHE)(annotate_chunk)


def in_flow_run() -> bool:
    """Whether this code runs inside a Prefect flow run."""
    from prefect.context import FlowRunContext

    return FlowRunContext.get() is not None


@contextmanager
def annotation_stage(cfg: RunnerConfig) -> Iterator[Submitter | None]:
    """How one flow run starts annotating a chunk: None for in-process (the caller's own task).

    Otherwise a function that submits the chunk and returns a `Pending` at once, so the flow
    reads the next chunk and stores the previous one while workers annotate. Inside a Prefect
    flow run the Dask runner is prefect-dask's `DaskTaskRunner`, so every piece is a task run on
    a Dask worker, visible in the UI; the process pool and plain Dask are called directly.
    This process loads the NLP tables only if it annotates; either way it `tune_gc()`s (with
    workers it still parses, unpickles and stores).
    """
    if cfg.kind == "local":
        warm_annotator()
        yield None
        return
    tune_gc()
    if cfg.kind == "dask" and in_flow_run():
        from prefect_dask import DaskTaskRunner

        parallel = cluster_size(dask_client(cfg.dask_address, cfg.n_workers))  # warms workers
        address = cfg.dask_address or local_cluster(cfg.n_workers)
        with DaskTaskRunner(address=address) as runner:

            def on_dask(articles: list[Article], sentences: int = 3, algorithm: str = "default"):  # noqa: ANN202
                futures = [
                    runner.submit(_piece_task(), {"articles": c, "sentences": sentences,
                                                  "algorithm": algorithm})
                    for c in split_work(articles, parallel)
                ]  # fmt: skip
                return Pending(articles, lambda: [f.result() for f in futures])

            yield on_dask
        return

    def direct(articles: list[Article], sentences: int = 3, algorithm: str = "default"):  # noqa: ANN202
        return submit_chunks(articles, sentences, algorithm, cfg.kind, cfg.workers,
                             cfg.dask_address)  # fmt: skip

    yield direct
