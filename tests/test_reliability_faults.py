"""Environment faults: disk full, two ingest processes at once, the Prefect API going away.

Disk full uses a small tmpfs (root only; skipped otherwise). The Prefect test starts a real
`prefect server start` on a free loopback port with a temporary PREFECT_HOME (slow, `server`).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.reliability.ingest_driver import plain_ingest
from tests.reliability.invariants import check, complete
from tests.reliability.seedgen import write_corpus

DRIVER = Path(__file__).parent / "reliability" / "ingest_driver.py"
REPO = Path(__file__).resolve().parents[1]


def _driver(seeds: Path, wh: Path, chunk: int = 5, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(DRIVER), str(seeds), str(wh), str(chunk)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            **kw)  # fmt: skip


@pytest.fixture
def tmpfs(tmp_path: Path):
    """A 3 MiB tmpfs mounted at tmp_path/small (skips unless root and mount works)."""
    if os.geteuid() != 0:
        pytest.skip("disk-full test needs root to mount a tmpfs")
    mnt = tmp_path / "small"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)],
                       capture_output=True, text=True)  # fmt: skip
    if r.returncode != 0:
        pytest.skip(f"cannot mount tmpfs: {r.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_disk_full_commits_nothing_partial_and_a_rerun_finishes(tmp_path: Path, tmpfs) -> None:
    """Disk full during a write: files stay pending, nothing partial; after space, rerun ends."""
    seeds, wh = tmp_path / "seeds", tmpfs / "wh"
    corpus = write_corpus(seeds, 24, per_file=4, seed=9)
    proc = _driver(seeds, wh)
    out, err = proc.communicate(timeout=300)
    assert "No space left on device" in err or "Could not write" in err or proc.returncode != 0
    subprocess.run(["mount", "-o", "remount,size=64m", str(tmpfs)], check=True)
    db = wh / "news.duckdb"
    assert check(db, corpus.files) == []
    summary = plain_ingest(seeds, wh, chunk_files=5)
    assert summary["files_failed"] == 0
    assert complete(db, corpus.files, corpus.article_ids) == []


def test_two_ingest_processes_at_once_store_each_file_once(tmp_path: Path) -> None:
    """Two ingest processes at once: both finish, each file stored by one, 0 duplicates."""
    seeds, wh = tmp_path / "seeds", tmp_path / "wh"
    corpus = write_corpus(seeds, 16, seed=21)
    procs = [_driver(seeds, wh, chunk=3) for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [e[-500:] for _, e in results]
    import json

    sums = [json.loads(out.splitlines()[-1]) for out, _ in results]
    assert sum(s["files_new"] for s in sums) == 16
    assert complete(wh / "news.duckdb", corpus.files, corpus.article_ids) == []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, timeout: float) -> bool:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return True
        except OSError:
            time.sleep(0.5)
    return False


@pytest.mark.slow
@pytest.mark.server
def test_prefect_api_going_away_mid_run(tmp_path: Path) -> None:
    """The Prefect API going away mid-run: warehouse consistent, rerun idempotent."""
    seeds, wh = tmp_path / "seeds", tmp_path / "wh"
    corpus = write_corpus(seeds, 60, seed=33)
    port = _free_port()
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"),
           "PREFECT_SERVER_API_PORT": str(port), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_API_URL": f"http://127.0.0.1:{port}/api"}  # fmt: skip
    prefect = str(Path(sys.executable).with_name("prefect"))
    server = subprocess.Popen([prefect, "server", "start", "--host", "127.0.0.1", "--port",
                               str(port)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    flow = None
    try:
        assert _wait_http(f"http://127.0.0.1:{port}/api/health", 120), "server did not start"
        code = ("import sys; from flows.ingest import run_ingest; "
                "print(run_ingest(sys.argv[1], sys.argv[2], chunk_files=5))")  # fmt: skip
        flow = subprocess.Popen([sys.executable, "-c", code, str(seeds), str(wh)], env=env,
                                cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)  # fmt: skip
        db = wh / "news.duckdb"
        stored: list[str] = []
        reader = threading.Thread(target=lambda: stored.extend(
            line for line in flow.stderr if "stored" in line), daemon=True)  # fmt: skip
        reader.start()
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and len(stored) < 10 and flow.poll() is None:
            time.sleep(0.2)
        assert flow.poll() is None, "the flow finished before the API went away"
        at_kill = len(stored)
        os.killpg(server.pid, signal.SIGKILL)  # the API goes away mid-run
        server.wait(timeout=30)
        try:
            flow.wait(timeout=180)
        except subprocess.TimeoutExpired:
            flow.kill()
            flow.wait()
        assert check(db, corpus.files) == []
        summary = plain_ingest(seeds, wh, chunk_files=5)
        print(f"API lost after {at_kill} files stored; {len(stored)} stored in all; flow exit "
              f"code {flow.returncode} (-9: killed after 180 s); "
              f"rerun stored {summary['files_new']} more")  # fmt: skip
        assert summary["files_failed"] == 0
        assert complete(db, corpus.files, corpus.article_ids) == []
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        if flow is not None and flow.poll() is None:
            flow.kill()
            flow.wait()


def test_corrupt_warehouse_recovers_from_snapshot_and_reingest(tmp_path: Path) -> None:
    """The recovery procedure in docs/reliability.md: restore the last snapshot, re-ingest."""
    import shutil

    import duckdb

    from newsdigest.snapshot import snapshot_path

    seeds, wh = tmp_path / "seeds", tmp_path / "wh"
    corpus = write_corpus(seeds, 12, seed=44)
    names = sorted(corpus.files)
    for name in names[6:]:  # the second half arrives after the snapshot
        (seeds / name).rename(tmp_path / name)
    plain_ingest(seeds, wh)
    assert snapshot_path(wh).exists()
    shutil.copy(snapshot_path(wh), tmp_path / "kept-snapshot.duckdb")  # the last snapshot
    for name in names[6:]:
        (tmp_path / name).rename(seeds / name)
    plain_ingest(seeds, wh)
    db = wh / "news.duckdb"
    with db.open("r+b") as fh:  # corrupt the header blocks
        fh.write(b"\xde\xad\xbe\xef" * 4096)
    with pytest.raises(duckdb.Error):
        duckdb.connect(str(db)).execute("SELECT count(*) FROM files").fetchall()
    # procedure: move the corrupt file aside, copy the snapshot in, re-ingest
    db.rename(tmp_path / "news.duckdb.corrupt")
    Path(f"{db}.wal").unlink(missing_ok=True)
    shutil.copy(tmp_path / "kept-snapshot.duckdb", db)
    summary = plain_ingest(seeds, wh)
    assert summary["files_new"] == 6
    assert complete(db, corpus.files, corpus.article_ids) == []
