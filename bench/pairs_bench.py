"""The README example queries and the ingest aggregates at 10k and 100k articles (issue #8).

Run: `.venv/bin/python bench/pairs_bench.py [--articles 10000 100000] [--repeat 5]`; prints one
JSON line per size. For each size it builds a warehouse of synthetic rows in SQL (no NLP:
Zipf-like entity names, 12-28 entities per article with counts 1-10 skewed low, one to three
countries, ten sentences; 1,000 articles a day, one a minute) at migration 005, applies 006
("before": the MERGE-maintained pair table) and then every later migration ("after": the
aggregates as the current store code keeps them, 009's base + delta). At each stage it publishes the
snapshot and times every example query of warehouse/README.md as `newsdigest sql` runs it
(median of `repeat`, one analyst thread), and measures ingest on a copy: `rounds` chunks of 500
new articles whose annotations are stored as `_insert_annotations` stores them (006: the
inserts plus its MERGE), in ms per article, and the CHECKPOINT after each chunk (ms). Sizes are
of the checkpointed file. `--stages` picks 6 and/or the latest migration; `--copy-of DB`
starts from a copy of an existing warehouse at 005.
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
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import duckdb  # noqa: E402
from perf_steps import time_example_queries  # noqa: E402

from newsdigest import models as m  # noqa: E402
from newsdigest import snapshot  # noqa: E402
from newsdigest.config import MIGRATIONS_DIR  # noqa: E402
from newsdigest.sql_shell import open_snapshot  # noqa: E402
from newsdigest.warehouse import bulk_insert, migrate  # noqa: E402
from tasks.store import _insert_annotations  # noqa: E402

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


def _fill(lo: int, hi: int) -> dict:
    return {"aid": AID, "names": NAMES,
            "t": "TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_minutes((i // 1000) * 1440 + i % 1000)",
            "lo": lo, "hi": hi}  # fmt: skip


def insert_synthetic(con: duckdb.DuckDBPyConnection, lo: int, hi: int) -> None:
    """Insert articles lo..hi-1 (1,000 arrive per day) with all their child rows."""
    for sql in _ROWS.values():
        con.execute(sql.format(**_fill(lo, hi)))


def migrations_upto(tmp: Path, last: int) -> Path:
    """A folder with the migrations numbered up to `last`."""
    folder = tmp / f"migrations_{last:03d}"
    folder.mkdir(exist_ok=True)
    for path in sorted(MIGRATIONS_DIR.glob("0*.sql")):
        if int(path.name[:3]) <= last:
            shutil.copy(path, folder / path.name)
    return folder


def build_at_005(db: Path, articles: int) -> None:
    """A warehouse at migration 005 holding `articles` synthetic articles."""
    with duckdb.connect(str(db)) as con:
        migrate(con, migrations_upto(db.parent.parent, 5))
        con.execute("BEGIN TRANSACTION")
        insert_synthetic(con, 0, articles)
        con.execute("COMMIT")
        con.execute("CHECKPOINT")


def time_queries(warehouse: Path, repeat: int) -> dict[str, float]:
    """Median ms of each README example on the published snapshot."""
    # publish_snapshot opens the live file with warehouse.connect, which would apply 007 too
    with mock.patch.object(snapshot, "connect", lambda p: duckdb.connect(str(p))):
        snapshot.publish_snapshot(warehouse)
    with open_snapshot(warehouse) as con:
        return {q[:60]: round(s * 1000, 1) for q, s in time_example_queries(con, repeat).items()}


def synthetic_notes(lo: int, hi: int) -> dict[str, m.Annotation]:
    """Annotations of synthetic articles lo..hi-1, the same rows insert_synthetic writes."""
    with duckdb.connect() as scratch:
        migrate(scratch, migrations_upto(Path(tempfile.mkdtemp(prefix="pairs-notes-")), 5))
        insert_synthetic(scratch, lo, hi)
        notes: dict[str, m.Annotation] = {}
        for (aid,) in scratch.execute("SELECT article_id FROM articles").fetchall():
            notes[aid] = m.Annotation(m.Summary("default", []), [], [], m.CountryResult(None, []))
        for aid, k, text, score, sel in scratch.execute(
            "SELECT article_id, sentence_index, text, score, selected FROM summary_sentences"
        ).fetchall():
            notes[aid].summary.sentences.append(m.SentenceScore(k, text, score, sel))
        for aid, name, kind, count in scratch.execute("SELECT * FROM entities").fetchall():
            notes[aid].entity_counts.append(m.EntityCount(name, kind, count))
        for aid, iso2, score, mentions, focus in scratch.execute(
            "SELECT * FROM article_countries"
        ).fetchall():
            notes[aid].countries.countries.append(m.CountryScore(iso2, score, mentions))
            if focus:
                notes[aid].countries.focus = iso2
    return notes


def _insert_annotations_006(con: duckdb.DuckDBPyConnection, notes: dict[str, m.Annotation]) -> None:
    """The 006 ingest: child rows, then a MERGE of the chunk's pairs into the whole table."""
    with_counts = [(a, e) for a, n in notes.items() for e in n.entity_counts]
    sents = [(a, "default", s.index, s.text, s.score, s.selected) for a, n in notes.items()
             for s in n.summary.sentences]  # fmt: skip
    ctry = [(a, c.iso2, c.score, c.mentions, c.iso2 == n.countries.focus)
            for a, n in notes.items() for c in n.countries.countries]  # fmt: skip
    bulk_insert(con, "summary_sentences", ["article_id", "algorithm", "sentence_index", "text",
                                           "score", "selected"], sents)  # fmt: skip
    bulk_insert(con, "entities", ["article_id", "name", "type", "count"],
                [(a, e.name, e.type, e.count) for a, e in with_counts])  # fmt: skip
    bulk_insert(con, "article_countries", ["article_id", "iso2", "score", "mentions",
                                           "is_focus"], ctry)  # fmt: skip
    con.execute(
        "MERGE INTO entity_pair_counts p USING entity_pair_rows($1) n"
        " USING (name_a, type_a, name_b, type_b)"
        " WHEN MATCHED THEN UPDATE SET articles = p.articles + n.articles,"
        " first_at = least(p.first_at, n.first_at), last_at = greatest(p.last_at, n.last_at)"
        " WHEN NOT MATCHED THEN INSERT BY NAME",
        [list(notes)],
    )


class _Timed:
    """A connection that adds up the time of the statements on entity pairs."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con, self.pairs_s = con, 0.0

    def execute(self, sql: str, *args: object) -> duckdb.DuckDBPyConnection:
        """Run one statement, timing it when it is about pairs."""
        t0 = time.perf_counter()
        out = self.con.execute(sql, *args)
        if "entity_pair" in sql:
            self.pairs_s += time.perf_counter() - t0
        return out

    def __getattr__(self, name: str) -> object:
        return getattr(self.con, name)


def ingest_cost(db: Path, articles: int, old: bool, chunk: int = 500, rounds: int = 3) -> dict:
    """Median ms per article of storing a chunk's annotations (then of its COMMIT, which may
    checkpoint on its own), and ms of the CHECKPOINT after each chunk."""
    store = _insert_annotations_006 if old else _insert_annotations
    copy = db.with_name("ingest.duckdb")
    shutil.copy(db, copy)
    runs = []
    with duckdb.connect(str(copy)) as con:
        for r in range(rounds):
            lo = articles + r * chunk
            notes = synthetic_notes(lo, lo + chunk)
            con.execute("BEGIN TRANSACTION")
            for table in ("files", "file_names", "articles", "article_sources"):
                con.execute(_ROWS[table].format(**_fill(lo, lo + chunk)))
            timed = _Timed(con)
            t0 = time.perf_counter()
            store(timed, notes)
            t1 = time.perf_counter()
            con.execute("COMMIT")
            t2 = time.perf_counter()
            con.execute("CHECKPOINT")
            runs.append(((t1 - t0) * 1000 / chunk, timed.pairs_s * 1000 / chunk,
                         (t2 - t1) * 1000 / chunk, (time.perf_counter() - t2) * 1000))  # fmt: skip
    copy.unlink()
    med = [round(statistics.median(x), 3) for x in zip(*runs, strict=True)]
    names = ("store_ms_per_article", "of_which_pairs", "commit_ms_per_article", "checkpoint_ms")
    return dict(zip(names, med, strict=True))


def table_rows(db: Path) -> dict[str, int]:
    """Rows of the entity tables and aggregates present."""
    with duckdb.connect(str(db), read_only=True) as con:
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        wanted = [t for t in names if t.startswith(("entit", "article_summary"))]
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in wanted}


def run(
    articles: int, repeat: int, copy_of: Path | None = None, stages: list[int] | None = None
) -> dict:
    """Figures for one warehouse size at each migration in `stages` (006: before)."""
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
        latest = max(int(f.name[:3]) for f in MIGRATIONS_DIR.glob("0*.sql"))
        for last in stages or [6, latest]:
            if last not in (6, latest):  # only 006's store is kept here; HEAD's needs the latest
                raise SystemExit(f"--stages: 6 or {latest} (the store code of {last:03d} is gone)")
            t0 = time.perf_counter()
            with duckdb.connect(str(db)) as con:
                migrate(con, migrations_upto(Path(tmp), last))
                con.execute("CHECKPOINT")
            stage: dict = {"migrate_s": round(time.perf_counter() - t0, 2)}
            stage["bytes"] = db.stat().st_size
            stage["rows"] = table_rows(db)
            stage["query_ms"] = time_queries(wh, repeat)
            stage["ingest"] = ingest_cost(db, articles, old=last == 6)
            out[f"at_{last:03d}"] = stage
        return out


def main(argv: list[str] | None = None) -> int:
    """Print one JSON line per warehouse size."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000])
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--copy-of", type=Path, help="a warehouse at migration 005 (e.g. a real one)")
    p.add_argument(
        "--stages",
        type=int,
        nargs="+",
        default=None,
        help="migrations to stop at: 6 and/or the latest (default both)",
    )
    a = p.parse_args(argv)
    for n in [0] if a.copy_of else a.articles:
        print(json.dumps(run(n, a.repeat, a.copy_of, a.stages)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
