"""The two warehouse steps of one ingest chunk: read (claim, parse, what is new) and store.

Between them the chunk is annotated, in-process or on workers. Each step opens the warehouse
once under the writer lock (claiming, parsing and the what-is-new query share one connection;
parsing holds the lock ~0.1 s per 100 files), so a chunk costs two opens, not one per step.
Steps return plain records; only `store_chunk`'s small report outlives the chunk.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from prefect import task
from prefect.cache_policies import NO_CACHE

from newsdigest.config import Settings
from newsdigest.locking import writer_lock
from newsdigest.models import Annotation, Article
from newsdigest.runlog import logger, safe_name
from newsdigest.snapshot import publish_or_warn
from newsdigest.warehouse import connect
from tasks.claims import claim, release, release_seeds, store_claimed
from tasks.discover import ParsedFile, SeedFile, read_seeds
from tasks.ledger import fresh_articles
from tasks.quarantine import quarantine
from tasks.store import StoreReport

NAMED_FILES = 5  # a chunk with more new files logs one total line for them (details: DEBUG)


@dataclass
class ChunkBatch:
    """A claimed chunk, parsed: the files this run holds and the articles to annotate."""

    claimed: list[SeedFile] = field(default_factory=list)
    parsed: list[ParsedFile] = field(default_factory=list)
    fresh: list[Article] = field(default_factory=list)
    held_elsewhere: int = 0  # files of the chunk another run had claimed or stored


def read_chunk(
    settings: Settings, owner: str, seeds: list[SeedFile], lease: float, since: datetime
) -> ChunkBatch:
    """Claim what no other run holds, parse it and find the articles not stored yet."""
    with writer_lock(settings.warehouse), connect(settings.db_path) as con:
        mine = claim(con, owner, seeds, lease, since=since)
        try:
            parsed = read_seeds(mine)
            fresh = fresh_articles(con, parsed)
        except BaseException:
            release(con, owner, [s.name for s in mine])
            raise
    return ChunkBatch(mine, parsed, fresh, len(seeds) - len(mine))


def store_chunk(
    settings: Settings, owner: str, batch: ChunkBatch, notes: dict[str, Annotation]
) -> StoreReport:
    """Store the chunk in one transaction, publish the snapshot when due, quarantine failures."""
    log = logger()
    with writer_lock(settings.warehouse):
        report = store_claimed(settings.db_path, owner, batch.claimed, batch.parsed, notes)
        publish_or_warn(settings.warehouse, throttle=True)  # analysts see whole chunks only
    failed = []
    for line, level in chunk_log_lines(report):
        log.log(level, "%s", line)
    for p, outcome in zip(batch.parsed, report.outcomes, strict=True):
        if outcome.status == "failed":
            quarantine(p.seed, outcome.reason or "unknown error", settings.quarantine)
            failed.append(p.seed.name)
    if failed:  # claims were kept until quarantined, so no other run read them meanwhile
        with writer_lock(settings.warehouse):
            release_seeds(settings.db_path, owner, failed)
    return report


def chunk_log_lines(report: StoreReport, named: int = NAMED_FILES) -> list[tuple[str, int]]:
    """Log lines for a stored chunk: one per failed or duplicate file, new files by name when
    few, else one INFO total (per-file lines go to DEBUG: thousands of lines per run cost the
    Prefect server more CPU than the rest of its work, and bury the failures in the UI)."""
    new = [o for o in report.outcomes if o.status == "new"]
    lines = [(o.log_line(), logging.INFO) for o in report.outcomes if o.status != "new"]
    if len(new) <= named:
        return [(o.log_line(), logging.INFO) for o in new] + lines
    total = (
        f"{len(new)} new files stored, {sum(o.articles for o in new)} new article(s)"
        f" ({safe_name(new[0].name)} … {safe_name(new[-1].name)})"
    )
    return [(total, logging.INFO)] + [(o.log_line(), logging.DEBUG) for o in new] + lines


def abandon(settings: Settings, owner: str, batches: list[ChunkBatch]) -> None:
    """Drop this run's claims on chunks it will not store (an error): other runs take them."""
    names = [s.name for b in batches for s in b.claimed]
    if names:
        with writer_lock(settings.warehouse):
            release_seeds(settings.db_path, owner, names)


read_chunk_task = task(name="read-chunk", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)(
    read_chunk
)
store_chunk_task = task(
    name="store-chunk", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE
)(store_chunk)
