"""The writer lock and the writer session (lock and database kept open between steps)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from newsdigest.locking import WANTED, waiters, writer_lock, writer_session
from newsdigest.warehouse import connect

ROOT = Path(__file__).resolve().parents[1]


def _step(wh: Path, db: Path, value: str) -> None:
    with writer_lock(wh), connect(db) as con:
        con.execute("CREATE TABLE IF NOT EXISTS t (v VARCHAR, t_at DOUBLE)")
        con.execute("INSERT INTO t VALUES (?, ?)", [value, time.time()])


def _rows(db: Path) -> list[str]:
    with connect(db) as con:
        return [v for (v,) in con.execute("SELECT v FROM t ORDER BY t_at").fetchall()]


def _child(wh: Path, db: Path, code: str) -> subprocess.Popen:
    head = (
        "import time\nfrom pathlib import Path\nfrom newsdigest.locking import writer_lock\n"
        "from newsdigest.warehouse import connect\n"
        f"wh, db = Path({str(wh)!r}), Path({str(db)!r})\n"
    )
    prog = head + textwrap.dedent(code)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", prog], env=env, stderr=subprocess.PIPE)


def test_a_session_keeps_the_database_open_between_steps(tmp_path: Path) -> None:
    wh, db = tmp_path / "wh", tmp_path / "wh" / "news.duckdb"
    _step(wh, db, "alone")
    assert not Path(f"{db}.wal").exists()  # closed after the step: checkpointed
    with writer_session(wh, db):
        _step(wh, db, "one")
        assert Path(f"{db}.wal").exists()  # still open: the change waits in the WAL
        _step(wh, db, "two")
    assert not Path(f"{db}.wal").exists()  # the session's end closes (and checkpoints)
    assert _rows(db) == ["alone", "one", "two"]


def test_a_waiting_process_gets_the_lock_at_the_end_of_the_current_step(tmp_path: Path) -> None:
    wh, db = tmp_path / "wh", tmp_path / "wh" / "news.duckdb"
    _step(wh, db, "first")
    child = None
    with writer_session(wh, db):
        _step(wh, db, "held")  # the session now holds the lock and the database
        child = _child(wh, db, """
            with writer_lock(wh, timeout=3), connect(db) as con:
                con.execute("INSERT INTO t VALUES ('child', ?)", [time.time()])
        """)  # fmt: skip
        deadline = time.monotonic() + 4
        while child.poll() is None and time.monotonic() < deadline:
            _step(wh, db, "parent")
            time.sleep(0.05)
        _step(wh, db, "after")
    assert child.wait(10) == 0, child.stderr.read().decode()
    rows = _rows(db)
    assert rows.count("child") == 1
    assert rows.index("child") < rows.index("after")
    assert not list(wh.glob(WANTED + "*"))  # the child removed its marker


def test_a_failed_step_releases_the_lock(tmp_path: Path) -> None:
    wh, db = tmp_path / "wh", tmp_path / "wh" / "news.duckdb"
    with writer_session(wh, db):
        _step(wh, db, "ok")
        with pytest.raises(ZeroDivisionError), writer_lock(wh):
            1 / 0  # noqa: B018
        child = _child(wh, db, "with writer_lock(wh, timeout=0.5): pass")
        assert child.wait(10) == 0, child.stderr.read().decode()
        _step(wh, db, "again")  # the session locks and opens again
    assert _rows(db) == ["ok", "again"]


def test_outside_a_session_a_busy_lock_times_out(tmp_path: Path) -> None:
    wh, db = tmp_path / "wh", tmp_path / "wh" / "news.duckdb"
    with writer_session(wh, db):
        _step(wh, db, "held")
        child = _child(wh, db, """
            from newsdigest.locking import WriterBusy
            try:
                with writer_lock(wh, timeout=0.3): pass
            except WriterBusy:
                raise SystemExit(3)
        """)  # fmt: skip
        time.sleep(0.1)
        assert child.wait(10) == 3  # no step ended meanwhile: the session kept the lock
    with writer_lock(wh, timeout=0.3):
        pass


def test_a_dead_waiters_marker_is_ignored_and_removed(tmp_path: Path) -> None:
    wh = tmp_path / "wh"
    wh.mkdir()
    dead = subprocess.Popen(["true"])
    dead.wait()
    (wh / f"{WANTED}{dead.pid}-1").touch()
    (wh / f"{WANTED}{os.getpid()}-1").touch()
    assert [m.name for m in waiters(wh)] == [f"{WANTED}{os.getpid()}-1"]
    assert not (wh / f"{WANTED}{dead.pid}-1").exists()


def test_a_session_applies_its_duckdb_settings_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSDIGEST_DUCKDB_CHECKPOINT", "32MB")
    monkeypatch.setenv("NEWSDIGEST_DUCKDB_MEMORY", "96MB")
    db = tmp_path / "news.duckdb"
    with writer_session(tmp_path, db), writer_lock(tmp_path), connect(db) as con:
        got = con.execute(
            "SELECT current_setting('checkpoint_threshold'), current_setting('memory_limit')"
        ).fetchone()
    assert got == ("30.5 MiB", "91.5 MiB")  # DuckDB shows MB settings in MiB
