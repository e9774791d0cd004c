"""Claims on seed files: one run per file, leases, dead owners, stored files never claimed."""

from __future__ import annotations

import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsdigest.warehouse import connect
from tasks.claims import claim, new_owner, owner_gone, release, store_claimed
from tasks.discover import SeedFile, parse_seed
from tests.reliability.ingest_driver import plain_ingest
from tests.reliability.memo import annotate_memo
from tests.scaleout_helpers import write_burst

T0 = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def _seeds(*names: str) -> list[SeedFile]:
    return [SeedFile(Path("/s") / n, n, 10, 1_000) for n in names]


def _fresh_text() -> str:
    import random

    from tests.reliability.seedgen import article_text

    return article_text(random.Random(3), 1)


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_file_claimed_by_one_run_is_skipped_by_another_until_its_lease_ends() -> None:
    con = connect(":memory:")
    a, b = new_owner(), new_owner()
    assert [s.name for s in claim(con, a, _seeds("x", "y"), 60, T0)] == ["x", "y"]
    assert [s.name for s in claim(con, b, _seeds("x", "y", "z"), 60, T0)] == ["z"]
    assert claim(con, a, _seeds("x"), 60, T0 + timedelta(seconds=5))  # its own claim: renewed
    later = T0 + timedelta(seconds=61)
    assert [s.name for s in claim(con, b, _seeds("y"), 60, later)] == ["y"]  # lease over
    release(con, a, ["x"])
    assert [s.name for s in claim(con, b, _seeds("x"), 60, T0)] == ["x"]
    owners = dict(con.execute("SELECT name, owner FROM claims").fetchall())
    assert owners == {"x": b, "y": b, "z": b}


def test_claims_of_a_dead_process_on_this_host_are_taken_over_at_once() -> None:
    con = connect(":memory:")
    dead = f"{socket.gethostname()}:{_dead_pid()}:abcd1234"
    remote = "other-host:1:abcd1234"  # another host's process: only its lease can free it
    claim(con, dead, _seeds("x"), 600, T0)
    claim(con, remote, _seeds("y"), 600, T0)
    assert owner_gone(dead) and not owner_gone(remote) and not owner_gone(new_owner())
    assert [s.name for s in claim(con, new_owner(), _seeds("x", "y"), 600, T0)] == ["x"]


def test_stored_files_are_not_claimed_and_store_drops_the_claims(tmp_path: Path) -> None:
    paths = write_burst(tmp_path / "seeds", n_files=2, per_file=2)
    seeds = [SeedFile(p, p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in paths]
    db, owner = tmp_path / "wh" / "news.duckdb", new_owner()
    with connect(db) as con:
        mine = claim(con, owner, seeds)
    parsed = [parse_seed(s, s.path.read_bytes()) for s in mine]
    notes = annotate_memo([a for p in parsed for a in p.articles])
    report = store_claimed(db, owner, mine, parsed, notes)
    assert [o.status for o in report.outcomes] == ["new", "new"]
    with connect(db) as con:
        assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
        assert claim(con, new_owner(), seeds) == []  # in the ledger: nothing to claim


def test_a_killed_runs_claims_do_not_block_the_next_run(tmp_path: Path) -> None:
    write_burst(tmp_path / "seeds", n_files=3, per_file=1)
    seeds = [
        SeedFile(p, p.name, p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted((tmp_path / "seeds").iterdir())
    ]
    with connect(tmp_path / "wh" / "news.duckdb") as con:
        claim(con, f"{socket.gethostname()}:{_dead_pid()}:dead0000", seeds)
    out = plain_ingest(tmp_path / "seeds", tmp_path / "wh", annotate_task=annotate_memo)
    assert (out["files_new"], out["files_unchanged"]) == (3, 0)


def test_a_file_another_run_stored_during_this_run_is_not_read_again(tmp_path: Path) -> None:
    """Inside the 1 s racy-stat window the ledger re-reads a file; a concurrent run must not."""
    seeds_dir = tmp_path / "seeds"
    seeds_dir.mkdir()
    f = seeds_dir / "fresh.txt"
    f.write_text(_fresh_text(), encoding="utf-8")  # mtime: now
    seed = SeedFile(f, f.name, f.stat().st_size, f.stat().st_mtime_ns)
    db, started, other = tmp_path / "wh" / "news.duckdb", datetime.now(UTC), new_owner()
    with connect(db) as con:
        mine = claim(con, other, [seed])
    parsed = [parse_seed(seed, f.read_bytes())]
    store_claimed(db, other, mine, parsed, annotate_memo(parsed[0].articles))
    with connect(db) as con:
        assert claim(con, new_owner(), [seed], since=started) == []  # stored by the other run
        assert claim(con, new_owner(), [seed]) == [seed]  # racy sighting: a later run re-reads


def test_a_failed_chunk_releases_its_claims_and_keeps_stored_chunks(tmp_path: Path) -> None:
    """An error while annotating chunk 2 leaves chunk 1 stored and no claim held by the run."""
    write_burst(tmp_path / "seeds", n_files=4, per_file=1)
    calls = []

    def annotate_then_fail(articles, sentences=3, algorithm="default", spans=True):  # noqa: ANN001, ANN202
        calls.append(len(articles))
        if len(calls) == 2:
            raise RuntimeError("annotator crashed")
        return annotate_memo(articles, sentences, algorithm, spans)

    with pytest.raises(RuntimeError, match="annotator crashed"):
        plain_ingest(tmp_path / "seeds", tmp_path / "wh", chunk_files=2,
                     annotate_task=annotate_then_fail)  # fmt: skip
    with connect(tmp_path / "wh" / "news.duckdb") as con:
        assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM files WHERE status = 'done'").fetchone()[0] == 2
    out = plain_ingest(tmp_path / "seeds", tmp_path / "wh", annotate_task=annotate_memo)
    assert (out["files_new"], out["files_unchanged"]) == (2, 2)
