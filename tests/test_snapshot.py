"""The analyst snapshot: a whole, atomically replaced copy of the live warehouse."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from newsdigest.snapshot import (
    current_snapshot,
    publish_or_warn,
    publish_snapshot,
    read_snapshot_info,
    snapshot_path,
    versions,
)
from newsdigest.warehouse import connect
from tests.analyst_helpers import add_articles


def _count(path: Path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_no_warehouse_no_snapshot(tmp_path: Path) -> None:
    assert publish_snapshot(tmp_path / "wh") is None
    assert not snapshot_path(tmp_path / "wh").exists()


def test_snapshot_matches_live_and_records_its_freshness(tmp_path: Path) -> None:
    wh = tmp_path / "wh"
    add_articles(wh / "news.duckdb", 0, 5)
    with connect(wh / "news.duckdb") as con:
        con.execute("INSERT INTO ingest_runs (run_id, started_at, finished_at) VALUES"
                    " ('run-1', now(), now())")  # fmt: skip
    info = publish_snapshot(wh)
    assert info.articles == 5 and info.files == 5 and info.last_run_id == "run-1"
    assert _count(snapshot_path(wh)) == 5
    with duckdb.connect(str(snapshot_path(wh)), read_only=True) as con:
        stored = read_snapshot_info(con)
    assert (stored.articles, stored.published_at) == (5, info.published_at)
    fresh = json.loads((wh / "snapshot" / "freshness.json").read_text())
    assert fresh["articles"] == 5 and fresh["bytes"] == snapshot_path(wh).stat().st_size
    names = sorted(p.name for p in (wh / "snapshot").iterdir())
    assert names == ["freshness.json", fresh["file"], "news.duckdb"]
    assert snapshot_path(wh).is_symlink() and current_snapshot(wh).name == fresh["file"]
    assert not (wh / "news.duckdb.wal").exists()
    assert "5 articles from 5 files" in stored.describe()


def test_open_reader_keeps_its_snapshot_while_a_new_one_is_published(tmp_path: Path) -> None:
    wh = tmp_path / "wh"
    add_articles(wh / "news.duckdb", 0, 3)
    publish_snapshot(wh)
    reader = duckdb.connect(str(snapshot_path(wh)), read_only=True)
    try:
        add_articles(wh / "news.duckdb", 3, 4)  # the writer is not blocked by the reader
        assert publish_snapshot(wh).articles == 7
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    finally:
        reader.close()
    assert _count(snapshot_path(wh)) == 7


def test_versions_are_immutable_and_the_previous_one_is_kept(tmp_path: Path) -> None:
    wh = tmp_path / "wh"
    add_articles(wh / "news.duckdb", 0, 1)
    seen = []
    for i in range(4):
        publish_snapshot(wh)
        seen.append(current_snapshot(wh))
        add_articles(wh / "news.duckdb", 1 + i, 1)
    assert len(set(seen)) == 4 and versions(wh) == seen[-2:]  # current + previous only
    assert [_count(p) for p in versions(wh)] == [3, 4]


def test_readers_opening_in_a_loop_never_see_a_broken_file(tmp_path: Path) -> None:
    """DuckDB opens a path three times while connecting: a swap must never mix two files."""
    wh = tmp_path / "wh"
    add_articles(wh / "news.duckdb", 0, 5)
    publish_snapshot(wh)
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from newsdigest.sql_shell import open_snapshot\n"
        "end, counts = time.time() + float(sys.argv[2]), []\n"
        "while time.time() < end:\n"
        "    with open_snapshot(Path(sys.argv[1]), threads=1) as c:\n"
        "        counts.append(c.execute('SELECT count(*) FROM articles').fetchone()[0])\n"
        "print(len(counts), int(counts == sorted(counts)), int(all(n % 5 == 0 for n in counts)))\n"
    )
    readers = [subprocess.Popen([sys.executable, "-c", code, str(wh), "4"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for _ in range(2)]  # fmt: skip
    n, deadline = 5, time.monotonic() + 4
    while time.monotonic() < deadline:
        add_articles(wh / "news.duckdb", n, 5)
        n += 5
        publish_snapshot(wh)
    for r in readers:
        out, err = r.communicate(timeout=60)
        assert r.returncode == 0, err
        opens, grows, whole = map(int, out.split())
        assert opens > 10 and grows == 1 and whole == 1


def test_reader_in_another_process_never_blocks_the_writer(tmp_path: Path) -> None:
    wh = tmp_path / "wh"
    add_articles(wh / "news.duckdb", 0, 2)
    publish_snapshot(wh)
    code = (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True);"
        " print(c.execute('SELECT count(*) FROM articles').fetchone()[0], flush=True);"
        " time.sleep(30)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(snapshot_path(wh))],
                            stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert proc.stdout.readline().strip() == "2"  # the reader holds the snapshot open
        add_articles(wh / "news.duckdb", 2, 3)  # writer opens the live file read-write
        assert publish_snapshot(wh).articles == 5
    finally:
        proc.kill()
        proc.wait()
    assert _count(snapshot_path(wh)) == 5


def test_a_failed_publish_leaves_the_previous_snapshot(tmp_path: Path, monkeypatch) -> None:
    wh = tmp_path / "wh"
    add_articles(wh / "news.duckdb", 0, 2)
    publish_snapshot(wh)
    add_articles(wh / "news.duckdb", 2, 2)

    def broken_copy(src, dst):  # noqa: ANN001, ANN202
        Path(dst).write_bytes(b"half a file")
        raise OSError("disk full")

    monkeypatch.setattr(shutil, "copyfile", broken_copy)
    with pytest.raises(OSError, match="disk full"):
        publish_snapshot(wh)
    assert publish_or_warn(wh) is None  # what the flow calls: it logs and ingestion goes on
    assert _count(snapshot_path(wh)) == 2
    assert [p.name for p in (wh / "snapshot").iterdir() if p.name.startswith(".")] == []


def test_ingest_flow_publishes_the_snapshot(prefect_harness, tmp_path: Path, fixtures) -> None:
    from flows.ingest import run_ingest

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(fixtures / "layout_b.txt", seeds / "layout_b.txt")
    past = time.time() - 60  # a settled file, not one still being written
    os.utime(seeds / "layout_b.txt", (past, past))
    result = run_ingest(str(seeds), str(tmp_path / "wh"))
    snap = snapshot_path(tmp_path / "wh")
    assert _count(snap) == result["articles_stored"] > 0
    with duckdb.connect(str(snap), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM ingest_runs").fetchone()[0] == 1


def test_throttled_publish_waits_for_the_interval(tmp_path: Path, monkeypatch) -> None:
    from newsdigest.snapshot import due

    wh = tmp_path / "wh"
    connect(wh / "news.duckdb").close()
    monkeypatch.setenv("NEWSDIGEST_SNAPSHOT_INTERVAL", "60")
    assert due(wh)  # nothing published yet
    assert publish_or_warn(wh, throttle=True) is not None
    assert not due(wh) and publish_or_warn(wh, throttle=True) is None
    assert due(wh, now=time.time() + 61)
    assert publish_or_warn(wh) is not None  # unthrottled (end of run) always copies


def test_a_slow_copy_waits_fifty_times_its_cost(tmp_path: Path, monkeypatch) -> None:
    """A big warehouse whose copy took 2 s is copied again only after 100 s (2% of the time)."""
    from newsdigest.snapshot import FRESHNESS_FILE, due, snapshot_dir

    wh = tmp_path / "wh"
    connect(wh / "news.duckdb").close()
    monkeypatch.setenv("NEWSDIGEST_SNAPSHOT_INTERVAL", "5")
    assert publish_or_warn(wh) is not None
    fresh = snapshot_dir(wh) / FRESHNESS_FILE
    fresh.write_text(json.dumps({**json.loads(fresh.read_text()), "publish_seconds": 2.0}))
    start = fresh.stat().st_mtime
    assert not due(wh, now=start + 99)
    assert due(wh, now=start + 101)
