"""Builders for the analyst tests: a small warehouse of invented rows, and its snapshot."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from newsdigest.snapshot import publish_snapshot
from newsdigest.warehouse import bulk_insert, connect
from tasks.store import ARTICLE_COLUMNS, add_entity_aggregates

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
# Order-free content of the ingest aggregates (migration 007) without arrival times, for the
# idempotency comparisons: the same files ingested in any order must give the same counts.
AGGREGATE_ROWS = {
    "entity_pair_counts": "SELECT name_a, type_a, name_b, type_b, articles FROM entity_pair_counts",
    "entity_country_counts": "SELECT focus_country, name, type, mentions, articles"
    " FROM entity_country_counts",
    "entity_bucket_counts": "SELECT focus_country, name, type, sum(mentions), sum(articles)"
    " FROM entity_bucket_counts GROUP BY ALL",
    "article_summary_texts": "SELECT article_id, focus_country, summary FROM article_summary_texts",
}
COUNTRIES = ("NO", "SE", "KE")


def add_articles(db: Path, start: int, count: int, days: int = 2) -> None:
    """Insert `count` invented articles (one file each) spread over `days` arrival days."""
    files, arts, srcs, sents, ents, ctry = [], [], [], [], [], []
    for i in range(start, start + count):
        sha, aid = f"{i:064x}", f"{i:032x}"
        when = START + timedelta(days=i % days, minutes=i)
        files.append((sha, f"drop_{i}.txt", 100 + i, when, when, "done", None, 1))
        arts.append((aid, f"Invented report {i}", None, None, ["A highlight."], "OSLO",
                     [f"Paragraph one of report {i}.", "Paragraph two."], None, "B", sha, 0,
                     when))  # fmt: skip
        srcs.append((aid, sha, 0))
        sents += [(aid, "default", k, f"Sentence {k} of report {i}.", 1.0 - k / 10, k < 2)
                  for k in range(3)]  # fmt: skip
        ents += [(aid, "Ingrid Solberg", "PER", 2), (aid, "Nordic Council", "ORG", 1)]
        if i % 3:
            ents.append((aid, "Oslo", "LOC", 1))
        ctry.append((aid, COUNTRIES[i % 3], 2.0, 2, True))
    with connect(db) as con:
        con.execute("BEGIN TRANSACTION")
        bulk_insert(con, "files", ["sha256", "name", "size", "first_seen", "last_seen", "status",
                                   "error", "articles"], files)  # fmt: skip
        bulk_insert(con, "articles", ARTICLE_COLUMNS, arts)
        bulk_insert(con, "article_sources", ["article_id", "file_sha256", "position"], srcs)
        bulk_insert(con, "summary_sentences", ["article_id", "algorithm", "sentence_index",
                                               "text", "score", "selected"], sents)  # fmt: skip
        bulk_insert(con, "entities", ["article_id", "name", "type", "count"], ents)
        bulk_insert(con, "article_countries", ["article_id", "iso2", "score", "mentions",
                                               "is_focus"], ctry)  # fmt: skip
        add_entity_aggregates(con, [a[0] for a in arts])  # as ingest does, same transaction
        con.execute("COMMIT")


def add_failed_file(db: Path, name: str, error: str) -> None:
    """A file the parser refused, seen under one name."""
    sha = "e" * 64
    with connect(db) as con:
        con.execute(
            "INSERT INTO files VALUES (?, ?, 10, ?, ?, 'failed', ?, 0)", [sha, name, START, START,
                                                                         error],
        )  # fmt: skip
        con.execute("INSERT INTO file_names VALUES (?, 10, 1, ?, ?)", [name, sha, START])


def published_warehouse(root: Path, articles: int = 6) -> Path:
    """A warehouse folder with `articles` invented articles and a published snapshot."""
    warehouse = root / "wh"
    add_articles(warehouse / "news.duckdb", 0, articles)
    publish_snapshot(warehouse)
    return warehouse
