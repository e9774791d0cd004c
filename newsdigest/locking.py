"""The single-writer lock: two ingest runs never write the warehouse at the same time.

Each step that touches the live warehouse holds `writer_lock` briefly. Inside a
`writer_session` (one ingest run) the lock and an open DuckDB connection are kept between
steps while no other process waits for them: every `connect()` of the run's steps then joins
that open database instead of opening the file again, and the database is checkpointed when
DuckDB's WAL fills (or at a snapshot publish), not at every close. A waiting process leaves a
marker file; the session sees it at the end of the current step, closes (checkpoint) and
unlocks, and lets the waiter in before it locks again.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

LOCK_FILE = ".writer.lock"
WANTED = ".writer.wanted."  # + "<pid>-<thread id>": a process waiting for the lock
HANDOFF_SECONDS = 2.0  # a session that let a waiter in waits this long for it to take the lock
# The database a session keeps open: DuckDB's buffer pool (default 80% of RAM) would otherwise
# keep what every step read. Measured on the 100k bench corpus: peak RSS 815 MB unbounded,
# 596 MB at 256MB, 474 MB at 128MB, no slower (DuckDB spills big merges to `news.duckdb.tmp/`).
MEMORY_LIMIT = "128MB"  # env NEWSDIGEST_DUCKDB_MEMORY (raise it if a huge warehouse runs out)
# DuckDB checkpoints once its WAL passes this (its default: 16 MB). A checkpoint rewrites part of
# the big row group still filling, so its cost grows with the table: the 100k plain ingest's
# store phase took 64.6 s at 64MB and 59.7 s at 256MB (final publish +1.0 s), 10k unchanged
# (4.8-5.0 s), same peak RSS. The price: a crash leaves up to this much WAL to replay.
CHECKPOINT_THRESHOLD = "256MB"  # env NEWSDIGEST_DUCKDB_CHECKPOINT


class WriterBusy(RuntimeError):
    """Another process holds the writer lock."""


def _acquire(warehouse: Path, timeout: float) -> int:
    """An fd holding the exclusive flock on `warehouse/.writer.lock`, waiting up to `timeout`."""
    warehouse.mkdir(parents=True, exist_ok=True)
    # O_NOFOLLOW: a symlink planted as the lock file must not get its target truncated.
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(warehouse / LOCK_FILE, flags, 0o644)
    deadline, marker = time.monotonic() + timeout, None
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if marker is None:  # tell a session holding the lock that someone waits
                    marker = warehouse / f"{WANTED}{os.getpid()}-{threading.get_ident()}"
                    marker.touch()
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "unknown"
                    raise WriterBusy(
                        f"warehouse {warehouse} is being written by another process (pid {holder})"
                    ) from None
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        return fd
    except BaseException:
        os.close(fd)  # closing the descriptor releases the lock
        raise
    finally:
        if marker is not None:
            marker.unlink(missing_ok=True)


def waiters(warehouse: Path) -> list[Path]:
    """Markers of live processes waiting for the lock (a dead process's marker is removed)."""
    found = []
    for marker in Path(warehouse).glob(WANTED + "*"):
        pid = marker.name[len(WANTED) :].split("-")[0]
        try:
            os.kill(int(pid), 0)
        except (ValueError, ProcessLookupError):
            marker.unlink(missing_ok=True)
            continue
        except PermissionError:
            pass
        found.append(marker)
    return found


@dataclass
class _Session:
    db_path: Path
    users: int = 0
    depth: int = 0  # writer_lock steps open in the thread that holds `step`
    fd: int | None = None  # the flock, while held between steps
    anchor: duckdb.DuckDBPyConnection | None = None  # keeps the database open between steps
    step: threading.RLock = field(default_factory=threading.RLock)  # one step at a time

    def hold(self, warehouse: Path, timeout: float) -> None:
        """Lock and open, unless already held; after a handoff, let the waiter go first."""
        if self.fd is not None:
            return
        deadline = time.monotonic() + HANDOFF_SECONDS
        while waiters(warehouse) and time.monotonic() < deadline:
            time.sleep(0.02)
        self.fd = _acquire(warehouse, timeout)
        try:
            from newsdigest.warehouse import connect

            self.anchor = apply_session_settings(connect(self.db_path))
        except BaseException:
            self.release()
            raise

    def release(self) -> None:
        """Close the database (the last connection: DuckDB checkpoints), then unlock."""
        try:
            if self.anchor is not None:
                self.anchor.close()
        finally:
            self.anchor = None
            if self.fd is not None:
                os.close(self.fd)
                self.fd = None


def session_settings() -> dict[str, str]:
    """DuckDB settings of a session's open database."""
    memory = os.environ.get("NEWSDIGEST_DUCKDB_MEMORY") or MEMORY_LIMIT
    checkpoint = os.environ.get("NEWSDIGEST_DUCKDB_CHECKPOINT") or CHECKPOINT_THRESHOLD
    return {"memory_limit": memory, "checkpoint_threshold": checkpoint}


def apply_session_settings(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Set `session_settings()` on this connection's database; the connection."""
    for name, value in session_settings().items():
        con.execute(f"SET {name} = '{value}'")
    return con


_SESSIONS: dict[Path, _Session] = {}
_GUARD = threading.Lock()


@contextmanager
def writer_session(warehouse: Path, db_path: Path) -> Iterator[None]:
    """Keep the writer lock and the database open across this block's `writer_lock` steps."""
    key = Path(warehouse).resolve()
    with _GUARD:
        session = _SESSIONS.setdefault(key, _Session(Path(db_path)))
        session.users += 1
    try:
        yield
    finally:
        with _GUARD, session.step:
            session.users -= 1
            if not session.users:
                del _SESSIONS[key]
                session.release()


@contextmanager
def writer_lock(warehouse: Path, timeout: float = 600.0) -> Iterator[None]:
    """Hold an exclusive flock on `warehouse/.writer.lock`, waiting up to `timeout` seconds."""
    session = _SESSIONS.get(Path(warehouse).resolve())
    if session is None:
        fd = _acquire(Path(warehouse), timeout)
        try:
            yield
        finally:
            os.close(fd)
        return
    with session.step:
        session.hold(Path(warehouse), timeout)
        session.depth += 1
        try:
            yield
        except BaseException:
            if session.depth == 1:
                with suppress(duckdb.Error, OSError):
                    session.release()  # a failed step starts the next one afresh
            raise
        finally:
            session.depth -= 1
        if not session.depth and waiters(warehouse):
            session.release()
