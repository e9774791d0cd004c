"""Export the snapshot for other tools: Parquet partitioned by day, or a DuckDB 1.5 file."""

from __future__ import annotations

import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from newsdigest.snapshot import current_snapshot, read_snapshot_info, write_json_atomic
from newsdigest.sql_shell import NoSnapshot, SqlError, open_snapshot

_BY_ARTICLE = (
    "SELECT t.*, CAST(a.ingested_at AS DATE) AS day FROM {t} t JOIN articles a USING (article_id)"
)
# Each exported table and how its rows get their day (the arrival day, as in the views).
EXPORTS: dict[str, str] = {
    "articles": "SELECT *, CAST(ingested_at AS DATE) AS day FROM articles",
    "article_sources": _BY_ARTICLE.format(t="article_sources"),
    "summary_sentences": _BY_ARTICLE.format(t="summary_sentences"),
    "entities": _BY_ARTICLE.format(t="entities"),
    "article_countries": _BY_ARTICLE.format(t="article_countries"),
    "files": "SELECT *, CAST(first_seen AS DATE) AS day FROM files",
    "file_names": "SELECT *, CAST(seen_at AS DATE) AS day FROM file_names",
    "ingest_runs": "SELECT *, CAST(started_at AS DATE) AS day FROM ingest_runs",
    # Ingest aggregates (migration 007) other tools cannot easily redo: the top-8 pair rule, and
    # tallies without the join; by the pair's first arrival day and the bucket's day. Per-country
    # totals are the buckets summed; summaries are the selected summary_sentences.
    "entity_pair_counts": "SELECT * EXCLUDE (pair_key), CAST(first_at AS DATE) AS day"
    " FROM entity_pair_counts",
    "entity_bucket_counts": "SELECT *, CAST(bucket AS DATE) AS day FROM entity_bucket_counts",
}
COMPAT_STORAGE = "v1.5.0"  # what the duckdb-cli 1.5 package can open


@dataclass
class ExportReport:
    """Rows and day partitions written per table."""

    out: Path
    tables: dict[str, dict[str, int]] = field(default_factory=dict)
    seconds: float = 0.0
    snapshot_published_at: str | None = None


def _open_for_export(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """The snapshot, read-only; file access stays on because we write the export ourselves."""
    open_snapshot(warehouse).close()  # raises NoSnapshot with the right message
    return duckdb.connect(str(current_snapshot(warehouse)), read_only=True)


def export_parquet(warehouse: Path, out: Path, overwrite: bool = False) -> ExportReport:
    """Write every table to `out/<table>/day=YYYY-MM-DD/*.parquet` from the snapshot."""
    t0 = time.perf_counter()
    out = Path(out).resolve()
    existing = [t for t in EXPORTS if (out / t).exists()]
    if existing and not overwrite:
        raise SqlError(f"{out} already holds {', '.join(existing)}: pass --overwrite to replace")
    out.mkdir(parents=True, exist_ok=True)
    staging = out / f".export-{uuid.uuid4().hex}"
    report = ExportReport(out)
    con = _open_for_export(warehouse)
    try:
        info = read_snapshot_info(con)
        report.snapshot_published_at = info.published_at if info else None
        for table, query in EXPORTS.items():
            target = staging / table
            target.mkdir(parents=True)
            rows = con.execute(f"SELECT count(*) FROM ({query})").fetchone()[0]
            if rows:
                con.execute(f"COPY ({query}) TO ? (FORMAT parquet, PARTITION_BY (day))",
                            [str(target)])  # fmt: skip
            days = sum(1 for p in target.iterdir() if p.name.startswith("day="))
            report.tables[table] = {"rows": int(rows), "days": days}
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        con.close()
    for table in EXPORTS:  # swap each table in whole: readers never see a half-written folder
        if (out / table).exists():
            shutil.rmtree(out / table)
        os.replace(staging / table, out / table)
    staging.rmdir()
    report.seconds = round(time.perf_counter() - t0, 3)
    write_json_atomic(out / "manifest.json", {
        "snapshot_published_at": report.snapshot_published_at,
        "partitioned_by": "day (arrival day of the article; first_seen/seen_at/started_at;"
        " a pair's first_at, a bucket's start)",
        "tables": report.tables,
    })  # fmt: skip
    return report


def export_duckdb(warehouse: Path, target: Path, overwrite: bool = False) -> Path:
    """Copy the snapshot to a DuckDB file in storage v1.5.0 (opens in the duckdb-cli 1.5)."""
    source = current_snapshot(warehouse)
    if source is None:
        raise NoSnapshot(f"no snapshot in {warehouse} yet: run `newsdigest ingest` first")
    target = Path(target).resolve()
    if target.exists() and not overwrite:
        raise SqlError(f"{target} exists: pass --overwrite to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    con = duckdb.connect()
    try:
        con.execute("ATTACH ? AS snap (READ_ONLY)", [str(source)])
        con.execute(f"ATTACH ? AS out (STORAGE_VERSION '{COMPAT_STORAGE}')", [str(tmp)])
        con.execute("COPY FROM DATABASE snap TO out")
        con.execute("DETACH out")
        os.replace(tmp, target)
    finally:
        con.close()
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)
    return target
