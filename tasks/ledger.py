"""Warehouse-side tasks of the ingest flow: what is pending, what is new, store, record the run."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb
from prefect import task
from prefect.cache_policies import NO_CACHE

from newsdigest.models import Annotation, Article
from newsdigest.warehouse import connect
from tasks.discover import ParsedFile, SeedFile
from tasks.store import StoreReport, existing_articles, known_files, unchanged_by_stat
from tasks.store_batch import store_batch


def pending_seeds(db_path: Path, seeds: list[SeedFile]) -> list[SeedFile]:
    """Seeds whose (name, size, mtime) the ledger has not seen: only these are read."""
    with connect(db_path) as con:
        skip = unchanged_by_stat(con, seeds)
    return [s for s in seeds if s.name not in skip]


def fresh_articles(con: duckdb.DuckDBPyConnection, parsed: list[ParsedFile]) -> list[Article]:
    """Articles of files not yet in the ledger and not yet stored (these need annotating)."""
    known = known_files(con, [p.sha256 for p in parsed if p.sha256])
    candidates = {
        a.article_id: a for p in parsed if p.error is None and p.sha256 not in known
        for a in p.articles
    }  # fmt: skip
    stored = existing_articles(con, list(candidates))
    return [a for aid, a in candidates.items() if aid not in stored]


def new_articles(db_path: Path, parsed: list[ParsedFile]) -> list[Article]:
    """`fresh_articles` on its own connection."""
    with connect(db_path) as con:
        return fresh_articles(con, parsed)


def store_files(
    db_path: Path, parsed: list[ParsedFile], notes: dict[str, Annotation]
) -> StoreReport:
    """Store the files (each all-or-nothing, one transaction per chunk); what happened to each."""
    with connect(db_path) as con:
        return StoreReport(store_batch(con, parsed, notes))


def record_run(db_path: Path, run_id: str, started: datetime, report: StoreReport) -> None:
    """Append this run's counts to `ingest_runs`."""
    with connect(db_path) as con:
        con.execute(
            "INSERT INTO ingest_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [
                run_id, started, datetime.now(UTC), len(report.outcomes), report.count("new"),
                report.count("duplicate"), report.count("failed"), report.articles_new,
            ],
        )  # fmt: skip


pending_task = task(name="pending-seeds", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)(
    pending_seeds
)
record_run_task = task(name="record-run", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)(
    record_run
)
