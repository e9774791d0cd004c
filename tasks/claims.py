"""Claims on seed files: several ingest runs share a burst and no file is ingested twice.

A run claims a chunk of pending files under the writer lock (one short transaction), reads
and annotates them without the lock, then stores them and drops its claims under the lock.
A claim held by another run blocks a file until the claim's lease expires or, on this host,
until its process is gone (a killed run's files are taken over by the next run at once).
"""

from __future__ import annotations

import os
import socket
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb

from newsdigest.models import Annotation
from newsdigest.warehouse import connect
from tasks.discover import ParsedFile, SeedFile
from tasks.store import StoreReport, unchanged_by_stat
from tasks.store_batch import store_batch

DEFAULT_LEASE = 900.0  # seconds; a chunk (parse + annotate + store) takes far less


def lease_seconds() -> float:
    """Claim lease from NEWSDIGEST_CLAIM_LEASE (seconds), default 900."""
    return float(os.environ.get("NEWSDIGEST_CLAIM_LEASE") or DEFAULT_LEASE)


def new_owner() -> str:
    """A claim owner id for one ingest run: `host:pid:random`."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def owner_gone(owner: str, host: str | None = None) -> bool:
    """True when `owner` ran on this host and its process no longer exists."""
    parts = owner.rsplit(":", 2)
    if len(parts) != 3 or parts[0] != (host or socket.gethostname()) or not parts[1].isdigit():
        return False
    try:
        os.kill(int(parts[1]), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # exists, another user's
        return False
    return False


def claim(
    con: duckdb.DuckDBPyConnection,
    owner: str,
    seeds: list[SeedFile],
    lease: float = DEFAULT_LEASE,
    now: datetime | None = None,
    since: datetime | None = None,
) -> list[SeedFile]:
    """Claim the seeds nobody else holds and the ledger has not stored; return those claimed.

    `since` (this run's start): a file another run stored meanwhile under the same stat is
    skipped even inside the 1 s racy-stat window; a same-tick rewrite is caught by the next run.
    """
    if not seeds:
        return []
    now = now or datetime.now(UTC)
    con.execute("BEGIN TRANSACTION")
    try:
        held = con.execute(
            "SELECT name, owner, expires_at FROM claims WHERE name IN (SELECT unnest($1))",
            [[s.name for s in seeds]],
        ).fetchall()
        busy = {n for n, o, exp in held if o != owner and exp > now and not owner_gone(o)}
        done = unchanged_by_stat(con, seeds) | _stored_since(con, seeds, since)
        mine = [s for s in seeds if s.name not in busy and s.name not in done]
        if mine:
            con.execute(
                "INSERT INTO claims SELECT unnest($1), unnest($2), unnest($3), $4, $5, $6"
                " ON CONFLICT (name) DO UPDATE SET size = excluded.size,"
                " mtime_ns = excluded.mtime_ns, owner = excluded.owner,"
                " claimed_at = excluded.claimed_at, expires_at = excluded.expires_at",
                [[s.name for s in mine], [s.size for s in mine], [s.mtime_ns for s in mine],
                 owner, now, now + timedelta(seconds=lease)],
            )  # fmt: skip
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return mine


def _stored_since(
    con: duckdb.DuckDBPyConnection, seeds: list[SeedFile], since: datetime | None
) -> set[str]:
    if since is None:
        return set()
    rows = con.execute(
        "SELECT n.name FROM file_names n JOIN files f USING (sha256)"
        " WHERE f.status = 'done' AND n.seen_at >= $4 AND (n.name, n.size, n.mtime_ns) IN"
        " (SELECT (unnest($1), unnest($2), unnest($3)))",
        [[s.name for s in seeds], [s.size for s in seeds], [s.mtime_ns for s in seeds], since],
    ).fetchall()
    return {r[0] for r in rows}


def release(con: duckdb.DuckDBPyConnection, owner: str, names: list[str]) -> None:
    """Drop this owner's claims on these names (files stored, failed or left for later)."""
    if names:
        con.execute(
            "DELETE FROM claims WHERE owner = $1 AND name IN (SELECT unnest($2))", [owner, names]
        )


def store_claimed(
    db_path: Path,
    owner: str,
    claimed: list[SeedFile],
    parsed: list[ParsedFile],
    notes: dict[str, Annotation],
) -> StoreReport:
    """Store the chunk (as `tasks.ledger.store_files`), then drop its claims (under the lock).

    Claims on failed files are kept until the caller has quarantined them (`release_seeds`),
    so no other run reads a failed file again in between.
    """
    with connect(db_path) as con:
        report = StoreReport(store_batch(con, parsed, notes))
        failed = {o.name for o in report.outcomes if o.status == "failed"}
        release(con, owner, [s.name for s in claimed if s.name not in failed])
    return report


def release_seeds(db_path: Path, owner: str, names: list[str]) -> None:
    """Drop claims (files quarantined, or a chunk abandoned by an error)."""
    with connect(db_path) as con:
        release(con, owner, names)
