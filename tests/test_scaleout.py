"""Scale-out on real multi-process clusters on 127.0.0.1.

1. A Dask scheduler and two Dask workers (separate processes) annotate an ingest through
   prefect-dask's DaskTaskRunner; the warehouse equals the in-process run's.
2. Two `prefect worker start` processes on one process work pool of a real Prefect server take
   a burst of ingest runs; every file is ingested exactly once.
"""

from __future__ import annotations

import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdigest.config import REPO_ROOT as REPO
from newsdigest.warehouse import connect
from tasks.runners import close_dask
from tests.prefect_server import LiveServer, prefect_server
from tests.reliability.ingest_driver import plain_ingest
from tests.scaleout_helpers import BIN, dask_cluster, spawn, stop, warehouse_rows, write_burst

pytestmark = pytest.mark.server


def _worker_chunks(address: str) -> dict[str, int]:
    """Tasks each Dask worker has executed so far, by worker name."""
    from distributed import Client

    with Client(address) as client:
        return client.run(lambda dask_worker: dask_worker.state.executed_count,
                          nanny=False)  # fmt: skip


def test_dask_cluster_ingest_equals_in_process_ingest(prefect_harness, tmp_path: Path) -> None:
    from flows.ingest import run_ingest

    for name in ("local", "dask"):
        write_burst(tmp_path / name / "seeds", n_files=8)
    plain_ingest(tmp_path / "local" / "seeds", tmp_path / "local" / "wh", chunk_files=4)
    with dask_cluster(tmp_path) as cluster:
        try:
            before = _worker_chunks(cluster.address)
            out = run_ingest(str(tmp_path / "dask" / "seeds"), str(tmp_path / "dask" / "wh"),
                               chunk_files=4, runner="dask",
                               dask_address=cluster.address)  # fmt: skip
            after = _worker_chunks(cluster.address)
        finally:
            close_dask()
    assert (out["files_new"], out["articles_stored"]) == (8, 24)
    worked = [w for w in after if after[w] > before.get(w, 0)]
    assert len(worked) == 2, f"both Dask workers should annotate: {before} -> {after}"
    assert warehouse_rows(tmp_path / "dask" / "wh") == warehouse_rows(tmp_path / "local" / "wh")
    with connect(tmp_path / "dask" / "wh" / "news.duckdb") as con:
        assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == 0


N_FILES = 12


def _prefect_yaml(tmp: Path, pool: str) -> Path:
    """The repository's prefect.yaml for pool `pool`: the ingest deployment, runs on demand.

    The schedule is dropped (the test triggers the runs) and so is `concurrency_limit`, which
    would make the second worker wait instead of sharing the burst.
    """
    import yaml

    spec = yaml.safe_load((REPO / "prefect.yaml").read_text("utf-8"))
    (ingest,) = [d for d in spec["deployments"] if d["name"] == "ingest-seeds"]
    ingest.pop("schedules", None), ingest.pop("concurrency_limit", None)
    ingest["name"] = f"{pool}-ingest"
    ingest["work_pool"]["name"] = pool
    spec["deployments"] = [ingest]
    path = tmp / "prefect.yaml"
    path.write_text(yaml.safe_dump(spec), "utf-8")
    return path


def _cli(args: list[str], env: dict, cwd: Path = REPO) -> None:
    out = subprocess.run([str(BIN / "prefect"), *args], env=env, cwd=cwd, capture_output=True,
                         text=True, timeout=180, check=False)  # fmt: skip
    assert out.returncode == 0, f"prefect {' '.join(args)} failed:\n{out.stdout}\n{out.stderr}"


def _submitted(log: str, ids: list[str]) -> list[str]:
    """Runs this worker started (both workers may try a run; the loser logs an abort)."""
    return [i for i in ids if f"submitting flow run '{i}'" in log
            and f"Aborted submission of flow run '{i}'" not in log]  # fmt: skip


def _overlapped(windows: list[tuple]) -> bool:
    """Whether two runs' flow bodies (`ingest_runs` start/finish, not process start) overlap."""
    (a0, a1), (b0, b1) = windows
    return a0 < b1 and b0 < a1


def _wait_runs(live, ids: list[str], timeout: float) -> list[dict]:
    deadline = time.monotonic() + timeout
    while True:
        runs = [live.api("GET", f"/flow_runs/{i}") for i in ids]
        if all(r["state_type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") for r in runs):
            return runs
        assert time.monotonic() < deadline, [(r["name"], r["state_type"]) for r in runs]
        time.sleep(1)


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[LiveServer]:
    """A server of this test's own: two busy workers can lock its SQLite database for a while,
    which must not wedge the session's shared server for the tests that follow."""
    with prefect_server(tmp_path / "server") as live:
        yield live


def test_two_prefect_workers_ingest_a_burst_exactly_once(
    tmp_path: Path, own_server: LiveServer
) -> None:
    live = own_server
    pool = f"scaleout-{uuid.uuid4().hex[:6]}"
    env = live.env() | {"PREFECT_WORKER_QUERY_SECONDS": "1", "PREFECT_WORKER_PREFETCH_SECONDS": "1"}
    seeds, wh = tmp_path / "seeds", tmp_path / "wh"
    names = {p.name for p in write_burst(seeds, n_files=N_FILES, per_file=2, seed=23)}
    _cli(["work-pool", "create", pool, "--type", "process"], env)
    _cli(["--no-prompt", "deploy", "--all", "--prefect-file", str(_prefect_yaml(tmp_path, pool))],
         env)  # fmt: skip
    dep = live.api("GET", f"/deployments/name/ingest-seeds/{pool}-ingest")
    params = {"seeds": str(seeds), "warehouse": str(wh), "chunk_files": 2, "settle_seconds": 0}
    ids = [live.api("POST", f"/deployments/{dep['id']}/create_flow_run",
                    {"parameters": params, "name": f"burst-{k}"})["id"]
           for k in range(2)]  # fmt: skip
    logs = [tmp_path / f"worker{k}.log" for k in range(2)]
    workers = [
        spawn(
            [
                str(BIN / "prefect"),
                "worker",
                "start",
                "--pool",
                pool,
                "--limit",
                "1",
                "--name",
                f"{pool}-w{k}",
            ],
            logs[k],
            env,
            cwd=REPO,
        )  # fmt: skip
        for k in range(2)
    ]
    try:
        runs = _wait_runs(live, ids, timeout=240)
    finally:
        for w in workers:
            stop(w, grace=25)  # a worker ignores the first SIGTERM for ~19 s
    assert [r["state_type"] for r in runs] == ["COMPLETED", "COMPLETED"], runs
    ran_by = [_submitted(log.read_text(errors="replace"), ids) for log in logs]
    # Each run executed by exactly one worker (which one, and whether one worker took both in
    # turn, depends on polling timing).
    assert sorted(i for worker in ran_by for i in worker) == sorted(ids), ran_by
    with connect(wh / "news.duckdb") as con:
        files = con.execute("SELECT name, status FROM files ORDER BY name").fetchall()
        per_run = con.execute("SELECT files_new, files_duplicate, files_failed FROM ingest_runs"
                              " ORDER BY files_new").fetchall()  # fmt: skip
        windows = con.execute("SELECT started_at, finished_at FROM ingest_runs").fetchall()
        articles = con.execute("SELECT count(*), count(DISTINCT article_id) FROM articles")
        n_articles, n_distinct = articles.fetchone()
        claims = con.execute("SELECT count(*) FROM claims").fetchone()[0]
    assert files == [(n, "done") for n in sorted(names)]  # each file once in the ledger
    assert len(per_run) == 2 and sum(r[0] for r in per_run) == N_FILES  # stored once, by one run
    assert all(r[1:] == (0, 0) for r in per_run), per_run  # no duplicate, no failure
    # How the burst splits depends on when the second flow process starts (it may find the
    # first run done); the claim rule behind sharing is tested deterministically in
    # tests/test_claims.py. Here: every file once, by exactly one run, nothing left claimed.
    print(f"\nfiles per run {per_run}, bodies overlapped {_overlapped(windows)}")
    assert n_articles == n_distinct == 2 * N_FILES and claims == 0
