"""Flow `ingest-seeds`: discover → parse → annotate new articles → store, per chunk of files."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime

from prefect import flow

from newsdigest.config import Settings
from newsdigest.iterutil import chunked
from newsdigest.locking import writer_lock
from newsdigest.runlog import logger, safe_name
from newsdigest.snapshot import publish_snapshot_task
from newsdigest.watch import split_settled
from tasks.annotate import annotate_task
from tasks.artifacts import completed_with_failures, publish_ingest_artifact
from tasks.discover import discover_task, read_seeds_task
from tasks.ledger import new_articles_task, pending_task, record_run_task, store_task
from tasks.quarantine import quarantine_task
from tasks.store import StoreReport


@flow(name="ingest-seeds", log_prints=False)
def ingest_seeds(
    seeds: str | None = None,
    warehouse: str | None = None,
    sentences: int = 3,
    algorithm: str = "default",
    chunk_files: int = 50,
    settle_seconds: float = 0.0,
) -> dict:
    """Ingest every new file in the seeds folder into the warehouse; quarantine bad files."""
    settings = Settings.from_env(seeds=seeds, warehouse=warehouse)
    log, started, t0 = logger(), datetime.now(UTC), time.perf_counter()
    report = StoreReport()
    found, writing = split_settled(discover_task(settings.seeds), settle_seconds)
    for seed in writing:
        log.info("%s: modified in the last %s s, left for the next run", safe_name(seed.name),
                 settle_seconds)  # fmt: skip
    with writer_lock(settings.warehouse):
        pending = pending_task(settings.db_path, found)
        for chunk in chunked(pending, chunk_files):
            parsed = read_seeds_task(list(chunk))
            fresh = new_articles_task(settings.db_path, parsed)
            notes = annotate_task(fresh, sentences, algorithm)
            chunk_report = store_task(settings.db_path, parsed, notes)
            publish_snapshot_task(settings.warehouse)  # analysts see whole chunks only
            for p, outcome in zip(parsed, chunk_report.outcomes, strict=True):
                log.info("%s", outcome.log_line())
                if outcome.status == "failed":
                    quarantine_task(p.seed, outcome.reason or "unknown error", settings.quarantine)
            report.outcomes += chunk_report.outcomes
        record_run_task(settings.db_path, str(uuid.uuid4()), started, report)
        publish_snapshot_task(settings.warehouse)
    summary = report.summary(seen=len(found), seconds=time.perf_counter() - t0)
    publish_ingest_artifact(summary, report)
    if report.count("failed"):
        log.warning("%d file(s) failed and were quarantined in %s", report.count("failed"),
                    settings.quarantine)  # fmt: skip
        return completed_with_failures(summary, report)
    return summary
