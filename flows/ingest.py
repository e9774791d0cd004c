"""Flow `ingest-seeds`: discover → claim → parse → annotate → store, per chunk of files.

The writer lock is held only for short database steps (what is pending, claim a chunk, which
articles are new, store + drop claims + publish), never while parsing or annotating, so
several runs (Prefect workers) can share a burst: each chunk is claimed by exactly one run.
"""

from __future__ import annotations

import time
import uuid
from contextlib import nullcontext
from datetime import UTC, datetime

from prefect import flow

from newsdigest.config import Settings
from newsdigest.iterutil import chunked
from newsdigest.locking import writer_lock
from newsdigest.runlog import logger, safe_name
from newsdigest.snapshot import current_snapshot, publish_snapshot_task
from newsdigest.watch import split_settled
from tasks.annotate import annotate_task
from tasks.artifacts import completed_with_failures, publish_ingest_artifact
from tasks.claims import claim_task, lease_seconds, new_owner, release_seeds, store_claimed_task
from tasks.discover import discover_task, read_seeds_task
from tasks.ledger import new_articles_task, pending_task, record_run_task
from tasks.quarantine import quarantine_task
from tasks.runners import RunnerConfig, annotation_stage
from tasks.store import StoreReport


@flow(name="ingest-seeds", log_prints=False)
def ingest_seeds(
    seeds: str | None = None,
    warehouse: str | None = None,
    sentences: int = 3,
    algorithm: str = "default",
    chunk_files: int = 50,
    settle_seconds: float = 0.0,
    runner: str | None = None,
    workers: int | None = None,
    dask_address: str | None = None,
) -> dict:
    """Ingest every new file in the seeds folder into the warehouse; quarantine bad files.

    `runner` (local | process | dask; env NEWSDIGEST_RUNNER), `workers` and `dask_address`
    (env NEWSDIGEST_DASK_ADDRESS) choose where the annotate stage runs; the result is the same.
    """
    settings = Settings.from_env(seeds=seeds, warehouse=warehouse)
    cfg = RunnerConfig.from_env(runner, workers, dask_address)
    log, started, t0 = logger(), datetime.now(UTC), time.perf_counter()
    report, owner, lease = StoreReport(), new_owner(), lease_seconds()
    found, writing = split_settled(discover_task(settings.seeds), settle_seconds)
    for seed in writing:
        log.info("%s: modified in the last %s s, left for the next run", safe_name(seed.name),
                 settle_seconds)  # fmt: skip
    with writer_lock(settings.warehouse):
        pending = pending_task(settings.db_path, found)
    with annotation_stage(cfg) if pending else nullcontext() as remote:  # no cluster when idle
        for chunk in chunked(pending, chunk_files):
            with writer_lock(settings.warehouse):
                mine = claim_task(settings.db_path, owner, list(chunk), lease, started)
            if len(mine) < len(chunk):
                log.info("%d file(s) claimed by another run, left to it", len(chunk) - len(mine))
            if not mine:
                continue
            try:
                parsed = read_seeds_task(mine)
                with writer_lock(settings.warehouse):
                    fresh = new_articles_task(settings.db_path, parsed)
                if remote is None:
                    notes = annotate_task(fresh, sentences, algorithm)
                else:
                    notes = remote(fresh, sentences, algorithm)
                with writer_lock(settings.warehouse):
                    chunk_report = store_claimed_task(settings.db_path, owner, mine, parsed, notes)
                    # analysts see whole chunks only; throttled so copies stay ~10% of the time
                    publish_snapshot_task(settings.warehouse, throttle=True)
            except Exception:
                with writer_lock(settings.warehouse):  # let another run take these files now
                    release_seeds(settings.db_path, owner, [s.name for s in mine])
                raise
            failed = []
            for p, outcome in zip(parsed, chunk_report.outcomes, strict=True):
                log.info("%s", outcome.log_line())
                if outcome.status == "failed":
                    quarantine_task(p.seed, outcome.reason or "unknown error", settings.quarantine)
                    failed.append(p.seed.name)
            if failed:  # claims kept until quarantined, so no other run reads them meanwhile
                with writer_lock(settings.warehouse):
                    release_seeds(settings.db_path, owner, failed)
            report.outcomes += chunk_report.outcomes
    with writer_lock(settings.warehouse):
        record_run_task(settings.db_path, str(uuid.uuid4()), started, report)
        if report.outcomes or current_snapshot(settings.warehouse) is None:  # idle: no copy
            publish_snapshot_task(settings.warehouse)
    summary = report.summary(seen=len(found), seconds=time.perf_counter() - t0)
    publish_ingest_artifact(summary, report)
    if report.count("failed"):
        log.warning("%d file(s) failed and were quarantined in %s", report.count("failed"),
                    settings.quarantine)  # fmt: skip
        return completed_with_failures(summary, report)
    return summary
