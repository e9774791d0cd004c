"""`newsdigest export`: day-partitioned Parquet and a DuckDB 1.5-readable copy of the snapshot."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from newsdigest.cli import main
from newsdigest.export import EXPORTS, export_duckdb, export_parquet
from newsdigest.sql_shell import NoSnapshot, SqlError
from tests.test_sql_shell import pairs_warehouse


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    return pairs_warehouse(tmp_path_factory.mktemp("export"), articles=6)


def test_parquet_partitioned_by_day_reads_back(warehouse: Path, tmp_path: Path) -> None:
    report = export_parquet(warehouse, tmp_path / "pq")
    assert report.tables["articles"] == {"rows": 6, "days": 2}
    assert report.tables["summary_sentences"] == {"rows": 18, "days": 2}
    assert report.tables["ingest_runs"] == {"rows": 0, "days": 0}
    # 6 articles naming the same 2-3 entities: 3 pairs first seen on day 1; one bucket each
    assert report.tables["entity_pair_counts"] == {"rows": 3, "days": 1}
    assert report.tables["entity_bucket_counts"]["days"] == 2
    days = sorted(p.name for p in (tmp_path / "pq" / "articles").iterdir())
    assert days == ["day=2026-03-01", "day=2026-03-02"]
    con = duckdb.connect()
    rows = con.execute(
        "SELECT day, count(*), min(title) FROM read_parquet(?, hive_partitioning = true)"
        " GROUP BY day ORDER BY day",
        [str(tmp_path / "pq" / "articles" / "*" / "*.parquet")],
    ).fetchall()
    assert [(str(d), n, t) for d, n, t in rows] == [
        ("2026-03-01", 3, "Invented report 0"), ("2026-03-02", 3, "Invented report 1")
    ]  # fmt: skip
    glob = str(tmp_path / "pq" / "articles" / "*" / "*.parquet")
    body = con.execute("SELECT body FROM read_parquet(?) LIMIT 1", [glob]).fetchone()[0]
    assert body[1] == "Paragraph two."  # list columns survive
    manifest = json.loads((tmp_path / "pq" / "manifest.json").read_text())
    assert set(manifest["tables"]) == set(EXPORTS) and manifest["snapshot_published_at"]
    assert not [p for p in (tmp_path / "pq").iterdir() if p.name.startswith(".export-")]


def test_existing_export_needs_overwrite(warehouse: Path, tmp_path: Path) -> None:
    export_parquet(warehouse, tmp_path / "pq")
    with pytest.raises(SqlError, match="--overwrite"):
        export_parquet(warehouse, tmp_path / "pq")
    again = export_parquet(warehouse, tmp_path / "pq", overwrite=True)
    assert again.tables["articles"]["rows"] == 6
    files = list((tmp_path / "pq" / "articles").rglob("*.parquet"))
    assert len(files) == 2  # replaced, not appended


def test_duckdb_copy_uses_the_old_storage_format(warehouse: Path, tmp_path: Path) -> None:
    out = export_duckdb(warehouse, tmp_path / "v15.duckdb")
    con = duckdb.connect(str(out), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 6
    pairs = "SELECT name_a, name_b, articles FROM entity_pairs ORDER BY articles DESC LIMIT 1"
    assert con.execute(pairs).fetchall() == [("Ingrid Solberg", "Nordic Council", 6)]
    version = con.execute(
        "SELECT tags['storage_version'] FROM duckdb_databases() WHERE database_name = 'v15'"
    ).fetchone()[0]
    con.close()
    assert version.startswith("v1.5.0")  # the duckdb-cli 1.5 package can open it


def test_export_without_snapshot_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NoSnapshot, match="no warehouse"):
        export_parquet(tmp_path / "nothing", tmp_path / "pq")


def test_cli_export(warehouse: Path, tmp_path: Path, capsys) -> None:
    assert main(["export", "--warehouse", str(warehouse), "--parquet", str(tmp_path / "p")]) == 0
    assert json.loads(capsys.readouterr().out)["tables"]["entities"]["rows"] == 16
    assert main(["export", "--warehouse", str(warehouse)]) == 2
