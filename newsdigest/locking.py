"""The single-writer lock: two ingest runs never write the warehouse at the same time."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class WriterBusy(RuntimeError):
    """Another process holds the writer lock."""


@contextmanager
def writer_lock(warehouse: Path, timeout: float = 600.0) -> Iterator[None]:
    """Hold an exclusive flock on `warehouse/.writer.lock`, waiting up to `timeout` seconds."""
    warehouse.mkdir(parents=True, exist_ok=True)
    path = warehouse / ".writer.lock"
    # O_NOFOLLOW: a symlink planted as the lock file must not get its target truncated.
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "unknown"
                    raise WriterBusy(
                        f"warehouse {warehouse} is being written by another process (pid {holder})"
                    ) from None
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
