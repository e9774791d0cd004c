"""Flow `ingest-seeds`: discover → claim → parse → annotate → store, per chunk of files.

Each database step (what is pending, claim a chunk, which articles are new, store + drop
claims + publish) takes the writer lock. A run keeps the lock and the open database between its
steps (`writer_session`: one checkpoint per ~256 MB of changes, not one per step) until another
process asks for them; it then hands them over at the end of the current step, so several runs
(Prefect workers) still share a burst: each chunk is claimed by exactly one run.

The flow is `async` only for how Prefect ends it: a sync flow run joins Prefect's heartbeat
thread, which sleeps in whole seconds, so every run ended on a whole second (+0.5 s on average,
~1.07 s for a run with nothing to read); an async run does not wait for it (~0.15 s). The body
stays sync on purpose: its tasks are CPU-bound and run one after another. Call it from sync
code with `run_ingest`.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import deque
from contextlib import nullcontext
from datetime import UTC, datetime

from prefect import flow
from prefect.context import SyncClientContext
from prefect.utilities.annotations import quote

from newsdigest.config import Settings
from newsdigest.iterutil import chunked
from newsdigest.locking import writer_lock, writer_session
from newsdigest.runlog import logger, safe_name
from newsdigest.snapshot import current_snapshot, publish_snapshot_task
from newsdigest.watch import split_settled
from tasks.annotate import annotate_task
from tasks.artifacts import completed_with_failures, publish_ingest_artifact
from tasks.claims import lease_seconds, new_owner
from tasks.discover import SeedFile, discover_task
from tasks.ingest_chunk import ChunkBatch, abandon, read_chunk_task, store_chunk_task
from tasks.ledger import pending_task, record_run_task
from tasks.runners import Pending, RunnerConfig, annotation_stage, in_flow_run
from tasks.store import StoreReport

# Files per chunk (one read and one store step, each a task run and a transaction). Each chunk
# has ~0.1 s of fixed cost in the store and ~0.1 s in Prefect: at 10k articles a 1-worker flow
# took 25.7-26.0 s with 100 files, 23.7-23.9 s with 200 and 23.6 s with 400, same peak RSS.
CHUNK_FILES = 200
# Chunks annotating on workers while the flow stores the oldest: with one, the workers idled
# whenever a store ended in a snapshot copy (~0.5 s at 10k articles, seconds at 100k).
AHEAD = 2


@flow(name="ingest-seeds", log_prints=False)
async def ingest_seeds(
    seeds: str | None = None,
    warehouse: str | None = None,
    sentences: int = 3,
    algorithm: str = "default",
    chunk_files: int = CHUNK_FILES,
    settle_seconds: float = 0.0,
    runner: str | None = None,
    workers: int | None = None,
    dask_address: str | None = None,
) -> dict:
    """Ingest every new file in the seeds folder into the warehouse; quarantine bad files.

    `runner` (local | process | dask; env NEWSDIGEST_RUNNER), `workers` and `dask_address`
    (env NEWSDIGEST_DASK_ADDRESS) choose where the annotate stage runs; the result is the same.
    """
    # An async flow gives its sync task runs no shared API client, so each task run built its
    # own, TLS context included (~30 ms of CPU, 0.9 s per 10k articles); here one serves all.
    # Only in a flow run: the body called as plain Python (tests) must not start a server.
    with SyncClientContext.get_or_create() if in_flow_run() else nullcontext():
        return _ingest(
            Settings.from_env(seeds=seeds, warehouse=warehouse),
            RunnerConfig.from_env(runner, workers, dask_address),
            sentences, algorithm, chunk_files, settle_seconds,
        )  # fmt: skip


def _ingest(
    settings: Settings,
    cfg: RunnerConfig,
    sentences: int,
    algorithm: str,
    chunk_files: int,
    settle_seconds: float,
) -> dict:
    """The flow's body: discover, then read, annotate and store the pending files; record."""
    log, started, t0 = logger(), datetime.now(UTC), time.perf_counter()
    found, writing = split_settled(discover_task(settings.seeds), settle_seconds)
    for seed in writing:
        log.info("%s: modified in the last %s s, left for the next run", safe_name(seed.name),
                 settle_seconds)  # fmt: skip
    with writer_session(settings.warehouse, settings.db_path):  # see newsdigest/locking.py
        with writer_lock(settings.warehouse):
            pending = pending_task(settings.db_path, quote(found))
        report = _ingest_pending(settings, cfg, pending, started, sentences, algorithm, chunk_files)
        with writer_lock(settings.warehouse):
            record_run_task(settings.db_path, str(uuid.uuid4()), started, quote(report))
            if report.outcomes or current_snapshot(settings.warehouse) is None:  # idle: no copy
                publish_snapshot_task(settings.warehouse)
    summary = report.summary(seen=len(found), seconds=time.perf_counter() - t0)
    publish_ingest_artifact(summary, report)
    if report.count("failed"):
        log.warning("%d file(s) failed and were quarantined in %s", report.count("failed"),
                    settings.quarantine)  # fmt: skip
        return completed_with_failures(summary, report)
    return summary


def _ingest_pending(
    settings: Settings,
    cfg: RunnerConfig,
    pending: list[SeedFile],
    started: datetime,
    sentences: int,
    algorithm: str,
    chunk_files: int,
) -> StoreReport:
    """Read, annotate and store the pending files chunk by chunk; what was stored."""
    log, report, owner, lease = logger(), StoreReport(), new_owner(), lease_seconds()
    # Big task arguments are quote()d: Prefect would otherwise walk every nested object (each
    # article, each sentence) to track dependencies, which cost more than storing them.
    # Claimed chunks not stored yet, oldest first: a chunk leaves only once stored, so on an
    # error the claims of everything still here (and of `batch`, if being annotated) go back.
    queue: deque[tuple[ChunkBatch, Pending]] = deque()
    batch: ChunkBatch | None = None

    def store_oldest() -> None:
        done, notes = queue[0]
        stored = store_chunk_task(settings, owner, quote(done), quote(notes.result()))
        report.outcomes += stored.outcomes
        queue.popleft()

    with annotation_stage(cfg) if pending else nullcontext() as remote:  # no cluster when idle
        ahead = 0 if remote is None else AHEAD
        try:
            for chunk in chunked(pending, chunk_files):
                batch = read_chunk_task(settings, owner, quote(chunk), lease, started)
                if batch.held_elsewhere:
                    log.info("%d file(s) claimed by another run, left to it", batch.held_elsewhere)
                if not batch.claimed:
                    continue
                if remote is None:
                    notes = annotate_task(quote(batch.fresh), sentences, algorithm, spans=False)
                    queue.append((batch, Pending.ready(batch.fresh, notes)))
                else:  # workers annotate this chunk while the parent stores the previous one
                    queue.append((batch, remote(batch.fresh, sentences, algorithm)))
                batch = None
                while len(queue) > ahead:
                    store_oldest()
            while queue:
                store_oldest()
        except BaseException:
            unstored = [b for b, _ in queue] + ([batch] if batch else [])
            abandon(settings, owner, unstored)  # other runs may take them at once
            raise
    return report


def run_ingest(*args: object, **kwargs: object) -> dict:
    """Run the `ingest-seeds` flow from sync code (CLI, tests, benches); its summary."""
    return asyncio.run(ingest_seeds(*args, **kwargs))  # type: ignore[arg-type]
