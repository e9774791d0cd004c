"""Scale-out test helpers: invented seed bursts, warehouse contents, a Dask cluster of processes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from newsdigest import server
from newsdigest.warehouse import connect
from tests.analyst_helpers import AGGREGATE_ROWS
from tests.reliability.seedgen import article_text

BIN = Path(sys.executable).parent
TABLES = {
    "articles": "SELECT article_id, title, body, highlights, dateline, published FROM articles",
    "article_sources": "SELECT article_id, file_sha256, position FROM article_sources",
    "files": "SELECT sha256, name, status, articles FROM files",
    "summary_sentences": "SELECT article_id, algorithm, sentence_index, text, score, selected"
    " FROM summary_sentences",
    "entities": "SELECT article_id, name, type, count FROM entities",
    "article_countries": "SELECT article_id, iso2, score, mentions, is_focus"
    " FROM article_countries",
    **AGGREGATE_ROWS,  # migration 007
}


def write_burst(seeds: Path, n_files: int, per_file: int = 3, seed: int = 11) -> list[Path]:
    """`n_files` invented seed files of `per_file` distinct articles each, mtimes settled."""
    seeds.mkdir(parents=True, exist_ok=True)
    rng, paths, past = random.Random(seed), [], time.time() - 60
    for i in range(n_files):
        text = "\n".join(article_text(rng, i * per_file + k) for k in range(per_file))
        p = seeds / f"burst-{i:03d}.txt"
        p.write_text(text, encoding="utf-8")
        os.utime(p, (past, past))  # older than the 1 s racy-stat window and any settle time
        paths.append(p)
    return paths


def warehouse_rows(warehouse: Path) -> dict[str, list[str]]:
    """Order-free content of every data table (no timestamps)."""
    with connect(warehouse / "news.duckdb") as con:
        return {t: sorted(map(repr, con.execute(q).fetchall())) for t, q in TABLES.items()}


def spawn(args: list[str], log: Path, env: dict, cwd: Path | None = None) -> subprocess.Popen:
    """Start a process in its own session, output appended to `log`."""
    with open(log, "ab") as out:
        return subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd,
                                start_new_session=True)  # fmt: skip


def stop(proc: subprocess.Popen, grace: float = 10.0) -> None:
    """SIGTERM the process group this test started (by its PID), then SIGKILL if it lingers."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5.0)):
        if proc.poll() is not None:
            break
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(wait)
        except subprocess.TimeoutExpired:
            continue


@dataclass
class DaskCluster:
    """A scheduler and its workers, each a separate process on 127.0.0.1."""

    address: str
    procs: list[subprocess.Popen]


@contextmanager
def dask_cluster(tmp: Path, workers: int = 2, timeout: float = 90) -> Iterator[DaskCluster]:
    """`dask scheduler` + `dask worker` processes on a free loopback port; stopped by PID."""
    from distributed import Client

    port = server.free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PREFECT_HOME": str(tmp / "prefect-home"), "PYTHONUNBUFFERED": "1"}
    dask = str(BIN / "dask")
    procs = [spawn([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                     "--no-dashboard"], tmp / "scheduler.log", env)]  # fmt: skip
    try:
        for i in range(workers):
            procs.append(spawn([dask, "worker", address, "--nworkers", "1", "--nthreads", "1",
                                 "--host", "127.0.0.1", "--no-dashboard", "--name", f"w{i}"],
                                tmp / f"worker{i}.log", env))  # fmt: skip
        with Client(address, timeout=timeout) as client:
            client.wait_for_workers(workers, timeout=timeout)
        yield DaskCluster(address, procs)
    finally:
        for p in reversed(procs):
            stop(p)
