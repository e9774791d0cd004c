"""Migrations are numbered, applied once, recorded; bulk inserts round-trip."""

from __future__ import annotations

import hashlib
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from newsdigest.config import MIGRATIONS_DIR
from newsdigest.warehouse import bulk_insert, connect, migrate, migrations
from tasks.store import ARTICLE_COLUMNS


def test_migrations_apply_once_and_are_recorded(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with connect(db) as con:
        versions = [v for (v,) in con.execute("SELECT version FROM schema_migrations").fetchall()]
        assert versions == [v for v, _, _ in migrations()]
        assert migrate(con) == []  # idempotent
    with connect(db) as con:  # reopening applies nothing new
        assert con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(versions)


def test_new_migration_is_applied_in_order(tmp_path: Path) -> None:
    mig = tmp_path / "mig"
    mig.mkdir()
    (mig / "001_a.sql").write_text("CREATE TABLE a (x INTEGER);")
    con = duckdb.connect()
    assert migrate(con, mig) == ["001_a"]
    (mig / "002_b.sql").write_text("CREATE TABLE b (y INTEGER); INSERT INTO a VALUES (1);")
    assert migrate(con, mig) == ["002_b"]
    assert con.execute("SELECT count(*) FROM a").fetchone()[0] == 1


def test_failed_migration_rolls_back(tmp_path: Path) -> None:
    mig = tmp_path / "mig"
    mig.mkdir()
    (mig / "001_bad.sql").write_text("CREATE TABLE t (x INTEGER); SELECT * FROM missing_table;")
    con = duckdb.connect()
    with pytest.raises(duckdb.Error):
        migrate(con, mig)
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == 0
    rows = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    tables = {r[0] for r in rows}
    assert "t" not in tables


def test_bulk_insert_lists_nulls_and_conflicts() -> None:
    con = connect(":memory:")
    rows = [("a", "X", "PER", 2), ("a", "Y", "ORG", 1)]
    assert bulk_insert(con, "entities", ["article_id", "name", "type", "count"], rows) == 2
    seen = ("a.txt", 10, 1, "f", datetime(2026, 1, 2, tzinfo=UTC))
    bulk_insert(con, "file_names", ["name", "size", "mtime_ns", "sha256", "seen_at"],
                [seen, seen], conflict="ON CONFLICT DO NOTHING")  # fmt: skip
    assert con.execute("SELECT count(*) FROM file_names").fetchone()[0] == 1
    assert sorted(con.execute("SELECT name, count FROM entities").fetchall()) == [
        ("X", 2),
        ("Y", 1),
    ]
    assert bulk_insert(con, "entities", ["article_id", "name", "type", "count"], []) == 0


def _migrations_upto(tmp_path: Path, last: int) -> Path:
    """A folder with the project's migrations numbered up to `last`."""
    folder = tmp_path / f"mig{last}"
    folder.mkdir()
    for path in sorted(MIGRATIONS_DIR.glob("0*.sql")):
        if int(path.name[:3]) <= last:
            shutil.copy(path, folder / path.name)
    return folder


def test_migration_006_backfills_pairs_and_keeps_the_view_columns(tmp_path: Path) -> None:
    old = _migrations_upto(tmp_path, 5)
    con = duckdb.connect()
    migrate(con, old)
    when = datetime(2026, 5, 1, 10, tzinfo=UTC)
    arts = [(f"art{i}", "t", None, None, [], None, [], None, "A", "f", i, when + timedelta(days=i))
            for i in range(3)]  # fmt: skip
    bulk_insert(con, "articles", ARTICLE_COLUMNS, arts)
    tied = [f"Tied {k}" for k in range(9)]  # art1: Entity A leads, nine tie, two fall out
    ents = [("art0", f"Entity {x}", "ORG", 3 - k) for k, x in enumerate("ABC")]
    ents += [("art1", "Entity A", "ORG", 5)] + [("art1", n, "PER", 1) for n in tied]
    ents += [("art2", "Entity A", "ORG", 1), ("art2", "Entity B", "ORG", 1)]
    bulk_insert(con, "entities", ["article_id", "name", "type", "count"], ents)
    before = con.execute("SELECT * FROM entity_pairs ORDER BY ALL").fetchall()
    describe = "SELECT column_name, column_type FROM (DESCRIBE entity_pairs)"
    columns = con.execute(describe).fetchall()
    migrate(con)
    after = con.execute("SELECT * FROM entity_pairs ORDER BY ALL").fetchall()
    assert con.execute(describe).fetchall() == columns
    drawn = sorted(tied, key=lambda n: hashlib.md5(f"art1PER{n}".encode()).hexdigest())
    dropped = set(drawn[7:])  # ties are cut by a per-article md5 draw, not by name
    assert dropped != {"Tied 7", "Tied 8"}
    assert after == [r for r in before if not dropped & {r[0], r[2]}]
    assert ("Entity A", "ORG", "Entity B", "ORG", 2, date(2026, 5, 1), date(2026, 5, 3)) in after
    assert len(before) - len(after) == 17  # the two dropped paired with 8 others and each other


VIEWS_007 = ("entity_tallies_day", "entity_tallies_country", "entity_tallies_country_day",
             "article_summaries", "entity_pairs")  # fmt: skip


def _views(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[list, list]]:
    """Columns with types, and rows, of each view 007 rewires, in the session's time zone."""
    out = {}
    for view in VIEWS_007:
        cols = con.execute(f"SELECT column_name, column_type FROM (DESCRIBE {view})").fetchall()
        out[view] = (cols, con.execute(f"SELECT * FROM {view} ORDER BY ALL").fetchall())
    return out


def test_migration_007_views_give_the_old_rows_in_any_time_zone(tmp_path: Path) -> None:
    old = _migrations_upto(tmp_path, 5)
    con = duckdb.connect()
    migrate(con, old)
    # Arrivals around UTC midnight: in Asia/Kolkata (+05:30) 20:00 UTC is already the next day.
    when = [datetime(2026, 5, 1, h, m, tzinfo=UTC) for h, m in ((17, 0), (18, 40), (23, 59))]
    when.append(datetime(2026, 5, 2, 0, 5, tzinfo=UTC))
    arts = [(f"art{i}", f"Story {i}", None, None, [], None, [], None, "A", "f", i, t)
            for i, t in enumerate(when)]  # fmt: skip
    bulk_insert(con, "articles", ARTICLE_COLUMNS, arts)
    ents = [(f"art{i}", n, k, c) for i in range(4) for n, k, c in
            (("Ingrid Solberg", "PER", 1 + i), ("Oslo", "LOC", 2), ("Nordic Council", "ORG", i))
            if c]  # fmt: skip
    bulk_insert(con, "entities", ["article_id", "name", "type", "count"], ents)
    ctry = [
        ("art0", "NO", 2.0, 2, True),
        ("art0", "SE", 1.0, 1, False),
        ("art1", "SE", 2.0, 2, True),
        ("art2", "NO", 1.0, 1, True),
    ]  # art3: no focus
    bulk_insert(con, "article_countries", ["article_id", "iso2", "score", "mentions", "is_focus"],
                ctry)  # fmt: skip
    sents = [(f"art{i}", "default", k, f"Line {k} of {i}.", 1.0, k != i) for i in range(3)
             for k in range(3)]  # art3 has no sentences  # fmt: skip
    bulk_insert(con, "summary_sentences", ["article_id", "algorithm", "sentence_index", "text",
                                           "score", "selected"], sents)  # fmt: skip
    shutil.copy(MIGRATIONS_DIR / "006_entity_pair_counts.sql", old)
    migrate(con, old)  # 006 counts the pairs of the rows above
    zones = ("UTC", "Asia/Kolkata", "America/St_Johns")
    before = {}
    for zone in zones:
        con.execute(f"SET TimeZone = '{zone}'")
        before[zone] = _views(con)
    migrate(con)
    for zone in zones:
        con.execute(f"SET TimeZone = '{zone}'")
        assert _views(con) == before[zone], zone
    tallies = {z: before[z]["entity_tallies_day"][1] for z in zones}
    assert len(set(map(repr, tallies.values()))) == 3  # each zone draws the days differently
