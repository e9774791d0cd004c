"""`entity_pairs` and the other README example queries at 10k and 100k articles (issue #8).

Run: `.venv/bin/python bench/pairs_bench.py [--articles 10000 100000] [--repeat 5]`; prints one
JSON line per size. For each size it builds a warehouse of synthetic rows in SQL (no NLP:
Zipf-like entity names, 12-28 entities per article with counts 1-10 skewed low, one to three
countries, ten sentences) at migration 005, then applies the pending migrations (006 backfills
`entity_pair_counts`), publishes the snapshot and times every example query of
warehouse/README.md as `newsdigest sql` runs it (median of `repeat`). "before" runs the same
queries with `entity_pairs` replaced by the 003 view's self-join; sizes are of the checkpointed
live file before and after 006. The ingest cost is `add_entity_pairs` on a chunk of 500 new
articles (ms per article). `--copy-of DB` measures a copy of an existing warehouse at 005.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import duckdb  # noqa: E402
from perf_steps import example_queries  # noqa: E402

from newsdigest.config import MIGRATIONS_DIR  # noqa: E402
from newsdigest.snapshot import publish_snapshot  # noqa: E402
from newsdigest.sql_shell import open_snapshot, run_query  # noqa: E402
from newsdigest.warehouse import connect, migrate  # noqa: E402
from tasks.store import add_entity_pairs  # noqa: E402

OLD_PAIRS = """(SELECT x.name AS name_a, x.type AS type_a, y.name AS name_b, y.type AS type_b,
       count(*) AS articles, min(CAST(a.ingested_at AS DATE)) AS first_day,
       max(CAST(a.ingested_at AS DATE)) AS last_day
FROM entities x
JOIN entities y ON y.article_id = x.article_id AND (x.name, x.type) < (y.name, y.type)
JOIN articles a ON a.article_id = x.article_id
GROUP BY ALL) AS entity_pairs"""  # the 003 view, inlined as DuckDB inlines a view
AID = "left(md5('a' || i), 32)"  # article i's id
NAMES = 200_000  # distinct entity names; index k is drawn with P ~ 1/(k + 20): the top name
# is in ~10% of articles, as a country or a head of state might be

# Rows derive from hash(article, slot), so every run (and thread count) builds the same data.
_ROWS = {
    "files": """INSERT INTO files SELECT sha, 'drop_' || i || '.txt', 40000, t, t, 'done', NULL, 10
        FROM (SELECT md5('f' || i) AS sha, i, {t} AS t FROM range({lo}, {hi}, 10) r(i))""",
    "file_names": """INSERT INTO file_names
        SELECT 'drop_' || i || '.txt', 40000, i, md5('f' || i), {t}
        FROM range({lo}, {hi}, 10) r(i)""",
    "articles": """INSERT INTO articles SELECT {aid}, 'Invented story ' || i, NULL, NULL,
        ['A highlight.'], 'OSLO', ['Paragraph one of story ' || i || '.', 'Paragraph two.'],
        NULL, 'B', md5('f' || (i - i % 10)), i % 10, {t} FROM range({lo}, {hi}) r(i)""",
    "article_sources": """INSERT INTO article_sources
        SELECT {aid}, md5('f' || (i - i % 10)), i % 10 FROM range({lo}, {hi}) r(i)""",
    "summary_sentences": """INSERT INTO summary_sentences SELECT {aid}, 'default', k,
        'Sentence ' || k || ' of story ' || i || '.', 1.0 - k / 10, k < 3
        FROM range({lo}, {hi}) r(i), range(10) s(k)""",
    "entities": """INSERT INTO entities
        SELECT aid, 'Entity ' || n, ['PER', 'ORG', 'LOC'][(n % 3)::INT + 1], max(c) FROM (
            SELECT {aid} AS aid,
                   floor(exp((hash(i, k, 'n') % 1000000) / 1e6 * ln({names} / 20 + 1))
                         * 20 - 20)::BIGINT AS n,
                   1 + floor(pow((hash(i, k, 'c') % 1000) / 1000.0, 3) * 9)::INT AS c
            FROM range({lo}, {hi}) r(i), range(28) s(k) WHERE k < 12 + (hash(i) % 17)::INT)
        GROUP BY ALL""",
    "article_countries": """INSERT INTO article_countries
        SELECT {aid}, ['NO', 'SE', 'KE', 'DE', 'BR', 'JP', 'IN', 'EG'][(hash(i, k) % 8)::INT + 1],
               3.0 - k, 3 - k, k = 0
        FROM range({lo}, {hi}) r(i), range(3) s(k) WHERE k <= (hash(i, 'k') % 3)::INT
        ON CONFLICT DO NOTHING""",
}


def insert_synthetic(con: duckdb.DuckDBPyConnection, lo: int, hi: int) -> None:
    """Insert articles lo..hi-1 (1,000 arrive per day) with all their child rows."""
    fill = {"aid": AID, "names": NAMES,
            "t": "TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_minutes((i // 1000) * 1440 + i % 1000)",
            "lo": lo, "hi": hi}  # fmt: skip
    for sql in _ROWS.values():
        con.execute(sql.format(**fill))


def build_at_005(db: Path, articles: int) -> None:
    """A warehouse at migration 005 (the old view) holding `articles` synthetic articles."""
    old = db.parent / "migrations_005"
    old.mkdir()
    for path in sorted(MIGRATIONS_DIR.glob("00[1-5]_*.sql")):
        shutil.copy(path, old / path.name)
    with duckdb.connect(str(db)) as con:
        migrate(con, old)
        con.execute("BEGIN TRANSACTION")
        insert_synthetic(con, 0, articles)
        con.execute("COMMIT")
        con.execute("CHECKPOINT")


def time_queries(warehouse: Path, repeat: int, old_view: bool) -> dict[str, float]:
    """Median seconds of each README example on the published snapshot."""
    times = {}
    with open_snapshot(warehouse) as con:
        for q in example_queries():
            sql = q.replace("FROM entity_pairs", "FROM " + OLD_PAIRS) if old_view else q
            runs = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                run_query(con, sql, 60)
                runs.append(time.perf_counter() - t0)
            times[" ".join(q.split())[:60]] = round(statistics.median(runs) * 1000, 1)
    return times


def ingest_cost(db: Path, articles: int, chunk: int = 500, rounds: int = 3) -> float:
    """Median ms per article of add_entity_pairs on a chunk of new articles, as ingest runs it."""
    runs = []
    with connect(db) as con:
        for r in range(rounds):
            lo = articles + r * chunk
            con.execute("BEGIN TRANSACTION")
            insert_synthetic(con, lo, lo + chunk)
            ids = con.execute(f"SELECT list({AID}) FROM range({lo}, {lo + chunk}) r(i)")
            ids = ids.fetchone()[0]
            t0 = time.perf_counter()
            add_entity_pairs(con, ids)
            runs.append((time.perf_counter() - t0) * 1000 / chunk)
            con.execute("COMMIT")
    return round(statistics.median(runs), 3)


def run(articles: int, repeat: int, copy_of: Path | None = None) -> dict:
    """Before/after figures for one warehouse size (or for a copy of a warehouse at 005)."""
    with tempfile.TemporaryDirectory(prefix="pairs-bench-") as tmp:
        wh = Path(tmp) / "wh"
        wh.mkdir()
        db = wh / "news.duckdb"
        t0 = time.perf_counter()
        if copy_of is None:
            build_at_005(db, articles)
        else:
            shutil.copy(copy_of, db)
            with duckdb.connect(str(db), read_only=True) as con:
                articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        out: dict = {"articles": articles, "build_s": round(time.perf_counter() - t0, 1)}
        out["bytes_before"] = db.stat().st_size
        t0 = time.perf_counter()
        connect(db).close()  # applies 006: creates and backfills entity_pair_counts
        out["migrate_006_s"] = round(time.perf_counter() - t0, 2)
        publish_snapshot(wh)  # checkpoints; "before" inlines the old view instead
        out["bytes_after"] = db.stat().st_size
        out["before_ms"] = time_queries(wh, repeat, old_view=True)
        out["after_ms"] = time_queries(wh, repeat, old_view=False)
        with duckdb.connect(str(db), read_only=True) as con:
            stats = con.execute("SELECT count(*), sum(articles) FROM entity_pair_counts")
            out["pair_rows"], out["pair_instances"] = stats.fetchone()
            out["entity_rows"] = con.execute("SELECT count(*) FROM entities").fetchone()[0]
        out["pairs_ingest_ms_per_article"] = ingest_cost(db, articles)
        return out


def main(argv: list[str] | None = None) -> int:
    """Print one JSON line per warehouse size."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000])
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--copy-of", type=Path, help="a warehouse at migration 005 (e.g. a real one)")
    a = p.parse_args(argv)
    for n in [0] if a.copy_of else a.articles:
        print(json.dumps(run(n, a.repeat, a.copy_of)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
