"""Watching the seeds folder: which changes matter, when a file is complete, how bursts batch."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tasks.discover import SeedFile

DEFAULT_SETTLE = 1.0  # seconds a file must stay unchanged before it is read


def is_seed_path(path: str | os.PathLike, seeds_dir: Path) -> bool:
    """True for a candidate seed directly in `seeds_dir` (not hidden, temp, editor, quarantine)."""
    from tasks.discover import is_candidate_name  # imports Prefect: not at CLI start

    p = Path(path)
    return p.parent == seeds_dir and is_candidate_name(p.name)


def split_settled(
    seeds: Iterable[SeedFile], settle: float, now: float | None = None
) -> tuple[list[SeedFile], list[SeedFile]]:
    """Split seeds into (settled, still being written): settled = unmodified for `settle` s."""
    now = time.time() if now is None else now
    limit_ns = int((now - settle) * 1e9)
    ready, waiting = [], []
    for s in seeds:
        (ready if settle <= 0 or s.mtime_ns <= limit_ns else waiting).append(s)
    return ready, waiting


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


@dataclass
class Batcher:
    """Tracks changed seed files until each is complete, then hands the complete ones out."""

    settle: float = DEFAULT_SETTLE
    pending: dict[Path, tuple[int, int] | None] = field(default_factory=dict)

    def add(self, paths: Iterable[Path]) -> None:
        """Note files that changed; their stat is compared on the next `ready` call."""
        for p in paths:
            self.pending.setdefault(Path(p), None)

    def ready(self, now: float | None = None) -> list[Path]:
        """Pop the files that are complete: unchanged since the last look and `settle` s old."""
        now = time.time() if now is None else now
        done: list[Path] = []
        for path, seen in list(self.pending.items()):
            current = _stat(path)
            if current is None:  # deleted, renamed away or quarantined: nothing to read
                del self.pending[path]
            elif current == seen and now - current[1] / 1e9 >= self.settle:
                del self.pending[path]
                done.append(path)
            else:
                self.pending[path] = current
        return sorted(done)

    def next_check(self, now: float | None = None, step: float = 0.2) -> float | None:
        """Seconds until a pending file may become complete (None when nothing is pending)."""
        if not self.pending:
            return None
        now = time.time() if now is None else now
        waits = [
            max(step, self.settle - (now - seen[1] / 1e9)) if seen else step
            for seen in self.pending.values()
        ]
        return min(waits)
