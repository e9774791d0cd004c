"""Annotate-stage runners: configuration, chunking, and the same annotations from every runner."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tasks.annotate import annotate_articles
from tasks.runners import MAX_CHUNK, MIN_CHUNK, RunnerConfig, annotate_chunks, split_work
from tasks.split import split_articles
from tests.reliability.ingest_driver import plain_ingest
from tests.reliability.seedgen import article_text
from tests.scaleout_helpers import warehouse_rows, write_burst


def _articles(n: int, seed: int = 5) -> list:
    rng = random.Random(seed)
    return [a for i in range(n) for a in split_articles(article_text(rng, i))]


def test_config_flags_win_over_env(monkeypatch) -> None:
    monkeypatch.setenv("NEWSDIGEST_RUNNER", "process")
    monkeypatch.setenv("NEWSDIGEST_WORKERS", "3")
    assert RunnerConfig.from_env() == RunnerConfig("process", 3, None)
    assert RunnerConfig.from_env("local", 1) == RunnerConfig("local", 1, None)
    monkeypatch.delenv("NEWSDIGEST_RUNNER")
    monkeypatch.setenv("NEWSDIGEST_DASK_ADDRESS", "tcp://127.0.0.1:8786")
    cfg = RunnerConfig.from_env()
    assert (cfg.kind, cfg.dask_address) == ("dask", "tcp://127.0.0.1:8786")
    with pytest.raises(ValueError, match="unknown runner"):
        RunnerConfig.from_env("threads")


def test_split_work_keeps_order_and_bounds_chunk_sizes() -> None:
    items = list(range(301))
    chunks = split_work(items, 2)
    assert [x for c in chunks for x in c] == items
    assert all(len(c) <= MAX_CHUNK for c in chunks) and len(chunks) == 6  # 3 per worker
    assert max(map(len, chunks)) - min(map(len, chunks)) <= 5
    small = split_work(list(range(10)), 8)
    assert [len(c) for c in small] == [MIN_CHUNK, MIN_CHUNK, 2]
    assert split_work([], 4) == []


def test_process_pool_gives_the_in_process_annotations() -> None:
    arts = _articles(24)
    want = annotate_articles(arts, spans=False)
    got = annotate_chunks(arts, runner="process", workers=2)
    assert list(got) == [a.article_id for a in arts]  # article order, whatever finished first
    assert got == want
    assert annotate_chunks([], runner="process", workers=2) == {}


def test_ingest_with_process_runner_equals_in_process_ingest(tmp_path: Path, monkeypatch) -> None:
    """The flow body with the process pool stores exactly what the in-process run stores."""
    for name in ("one", "two"):
        write_burst(tmp_path / name / "seeds", n_files=6)
    plain_ingest(tmp_path / "one" / "seeds", tmp_path / "one" / "wh", chunk_files=4)
    monkeypatch.setenv("NEWSDIGEST_RUNNER", "process")
    monkeypatch.setenv("NEWSDIGEST_WORKERS", "2")
    out = plain_ingest(tmp_path / "two" / "seeds", tmp_path / "two" / "wh", chunk_files=4)
    assert out["files_new"] == 6 and out["articles_stored"] > 6
    assert warehouse_rows(tmp_path / "two" / "wh") == warehouse_rows(tmp_path / "one" / "wh")


def test_pool_workers_exit_when_the_flow_process_is_killed(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    code = ("import os, time\nfrom tasks.runners import process_pool\np = process_pool(2)\n"
            "pids = {p.submit(os.getpid).result() for _ in range(8)}\n"
            "print(*pids, flush=True)\ntime.sleep(120)\n")  # fmt: skip
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    workers = [int(x) for x in proc.stdout.readline().split()]
    assert workers and proc.pid not in workers
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [w for w in workers if os.path.exists(f"/proc/{w}")]
    assert not alive, f"pool workers {alive} outlived their killed parent"
