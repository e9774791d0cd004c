"""Migration 009: keyed aggregates as base + delta, compacted; always equal to a recount."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from newsdigest.config import MIGRATIONS_DIR
from newsdigest.warehouse import connect, migrate
from tasks import store
from tasks.store_batch import store_batch
from tests.helpers import article, parsed
from tests.test_store import _focused

# The aggregates recomputed from the base tables with the 007 macros (the one definition of the
# top-8 pair rule and of the tallies), as 007's backfill does.
_ALL_ROWS = """CREATE OR REPLACE TEMP VIEW all_entities AS
SELECT e.article_id, e.name, e.type, e.count, coalesce(c.iso2, '??') AS focus_country,
       a.ingested_at
FROM entities e JOIN articles a ON a.article_id = e.article_id
LEFT JOIN article_countries c ON c.article_id = e.article_id AND c.is_focus"""
RECOUNT = {
    "entity_pair_counts": "SELECT * FROM entity_pair_rows('all_entities')",
    "entity_country_counts": "SELECT * FROM entity_country_rows('all_entities')",
}
TIMES = [datetime(2026, 3, 1, 8, tzinfo=UTC) + timedelta(minutes=7 * i) for i in range(12)]


def assert_aggregates_match(con: duckdb.DuckDBPyConnection) -> None:
    """Each keyed view equals a recount from the base tables, one row per key."""
    con.execute(_ALL_ROWS)
    for view, recount in RECOUNT.items():
        stored = con.execute(f"SELECT * FROM {view} ORDER BY ALL").fetchall()
        assert stored == con.execute(f"{recount} ORDER BY ALL").fetchall(), view
        assert len({r[0] for r in stored}) == len(stored), view
    tallies = con.execute("SELECT * FROM entity_tallies_country ORDER BY ALL").fetchall()
    assert len(tallies) == len(con.execute(RECOUNT["entity_country_counts"]).fetchall())


def _chunks(n: int) -> list:
    """`n` chunks of 2-3 files; an article repeats across chunks and inside a file."""
    arts = [article(f"Story number {i} about the ferry strike") for i in range(3 * n + 2)]
    notes = {a.article_id: _focused(i) for i, a in enumerate(arts)}
    out = []
    for k in range(n):
        files = [parsed(f"f{k}-{j}.txt", [arts[3 * k + j], arts[3 * k + j + 2]],
                        sha=f"{k:02d}{j}".ljust(64, "0")) for j in range(3)]  # fmt: skip
        out.append(files)
    return out, notes


@pytest.mark.parametrize(
    ("min_rows", "share"), [(10**9, 1.0), (0, 0.0), (40, 0.5)], ids=["never", "every", "some"]
)
def test_aggregates_equal_a_recount_after_many_chunks(monkeypatch, min_rows, share) -> None:
    monkeypatch.setattr(store, "COMPACT_MIN_ROWS", min_rows)
    monkeypatch.setattr(store, "COMPACT_SHARE", share)
    con = connect(":memory:")
    chunks, notes = _chunks(10)
    merged = []
    real = store.compact
    monkeypatch.setattr(store, "compact", lambda c, force=False: merged.append(real(c, force)))
    d, b = "entity_pair_delta", "entity_pair_base"
    sizes = f"SELECT (SELECT count(*) FROM {d}) > 0, (SELECT count(*) FROM {b}) > 0"
    seen = set()
    for files, when in zip(chunks, TIMES, strict=False):
        store_batch(con, files, notes, now=when)
        assert_aggregates_match(con)
        seen.add(con.execute(sizes).fetchone())
    if min_rows == 0:
        assert all(merged) and seen == {(False, True)}
    elif min_rows == 10**9:
        assert not any(merged) and seen == {(True, False)}
    else:
        assert any(merged) and not all(merged), merged
        assert (True, True) in seen  # base and delta both in use
    pending = [k[0] for k in store._KEYED
               if con.execute(f"SELECT count(*) FROM {k[1]}").fetchone()[0]]  # fmt: skip
    con.execute("BEGIN TRANSACTION")
    assert real(con, force=True) == pending
    con.execute("COMMIT")
    assert con.execute("SELECT count(*) FROM entity_pair_delta").fetchone()[0] == 0
    assert_aggregates_match(con)


def test_a_failed_chunk_leaves_base_and_delta_as_they_were(monkeypatch) -> None:
    monkeypatch.setattr(store, "COMPACT_MIN_ROWS", 0)
    con = connect(":memory:")
    chunks, notes = _chunks(3)
    store_batch(con, chunks[0], notes, now=TIMES[0])
    before = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in RECOUNT}
    real = store.compact

    def compact_then_fail(c, force=False):  # noqa: ANN001, ANN202
        real(c, force)
        raise OSError("disk full")

    monkeypatch.setattr(store, "compact", compact_then_fail)
    with pytest.raises(OSError):
        store_batch(con, chunks[1], notes, now=TIMES[1])
    assert {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in RECOUNT} == before
    monkeypatch.setattr(store, "compact", real)
    store_batch(con, chunks[1], notes, now=TIMES[1])
    assert_aggregates_match(con)


def test_an_008_warehouse_upgrades_and_keeps_counting(tmp_path: Path, monkeypatch) -> None:
    old = tmp_path / "mig8"
    old.mkdir()
    for path in MIGRATIONS_DIR.glob("0*.sql"):
        if int(path.name[:3]) <= 8:
            shutil.copy(path, old / path.name)
    db = tmp_path / "w.duckdb"
    chunks, notes = _chunks(6)
    with duckdb.connect(str(db)) as con:
        migrate(con, old)
        _store_as_008(con, tmp_path / "new.duckdb", chunks[:3], notes)
        views = {v: con.execute(f"SELECT * FROM {v} ORDER BY ALL").fetchall()
                 for v in ("entity_pairs", "entity_tallies_country", *RECOUNT)}  # fmt: skip
        assert views["entity_pair_counts"]
    with connect(db) as con:  # applies 009
        assert con.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] >= 9
        assert {
            v: con.execute(f"SELECT * FROM {v} ORDER BY ALL").fetchall() for v in views
        } == views
        assert_aggregates_match(con)
        monkeypatch.setattr(store, "COMPACT_MIN_ROWS", 30)
        for files, when in zip(chunks[3:], TIMES[3:], strict=False):
            store_batch(con, files, notes, now=when)
            assert_aggregates_match(con)


def _store_as_008(con: duckdb.DuckDBPyConnection, new: Path, chunks: list, notes: dict) -> None:
    """An 008-era warehouse: base rows as ingest writes them, aggregates counted in one go."""
    with connect(new) as scratch:
        for files, when in zip(chunks, TIMES, strict=False):
            store_batch(scratch, files, notes, now=when)
    con.execute(f"ATTACH '{new}' AS scratch (READ_ONLY)")
    for table in ("files", "file_names", "articles", "article_sources", "summary_sentences",
                  "entities", "article_countries", "article_summary_texts"):  # fmt: skip
        con.execute(f"INSERT INTO {table} SELECT * FROM scratch.{table}")
    con.execute("DETACH scratch")
    con.execute(_ALL_ROWS)
    con.execute(f"INSERT INTO entity_pair_counts {RECOUNT['entity_pair_counts']}")
    con.execute(f"INSERT INTO entity_country_counts {RECOUNT['entity_country_counts']}")
    con.execute("INSERT INTO entity_bucket_counts SELECT * FROM entity_bucket_rows('all_entities')")
