"""Synthetic warehouse rows for benchmarks: invented articles inserted in bulk, no NLP."""

from __future__ import annotations

import hashlib
import random
from datetime import UTC, datetime, timedelta

import duckdb

from newsdigest.warehouse import bulk_insert
from tasks.store import ARTICLE_COLUMNS, add_entity_aggregates

WORDS = (
    "council", "minister", "talks", "border", "trade", "energy", "port", "river", "election",
    "court", "budget", "harbour", "delegation", "summit", "railway", "drought", "vaccine",
    "festival", "grain", "market", "bridge", "envoy",
)  # fmt: skip
COUNTRIES = ("NO", "SE", "FI", "DK", "IS", "EE", "LV", "LT", "PL", "DE")
PEOPLE = ("Ingrid Solberg", "Lars Berg", "Maja Lind", "Odd Hauge", "Siri Dahl", "Per Moen")
ORGS = ("Nordic Council", "Baltic Ports Authority", "Grain Board", "Oslo City Court")


def _sentence(rng: random.Random, n: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def insert_articles(
    con: duckdb.DuckDBPyConnection,
    start: int,
    count: int,
    per_file: int = 10,
    now: datetime | None = None,
    seed: int = 7,
) -> int:
    """Insert `count` invented articles (ids start..start+count) with their NLP rows, in bulk."""
    rng = random.Random(seed + start)
    now = now or datetime(2026, 11, 1, tzinfo=UTC)
    files, names, arts, sources, sents, ents, ctry = [], [], [], [], [], [], []
    for i in range(start, start + count):
        if (i - start) % per_file == 0:
            sha = _sha(f"file-{i}")
            seen = now + timedelta(days=i // 1000, minutes=i % 1000)
            files.append((sha, f"drop_{i:06d}.txt", 40_000, seen, seen, "done", None, per_file))
            names.append((f"drop_{i:06d}.txt", 40_000, i, sha, seen))
        aid = _sha(f"article-{i}")[:32]
        body = [" ".join(_sentence(rng) for _ in range(3)) for _ in range(7)]
        arrived = now + timedelta(days=i // 1000, minutes=i % 1000)
        title = f"Invented story {i} about {rng.choice(WORDS)}"
        highlights = [_sentence(rng, 8)]
        arts.append((aid, title, None, None, highlights, "OSLO", body, None, "B", sha,
                     i % per_file, arrived))  # fmt: skip
        sources.append((aid, sha, i % per_file))
        sents += [(aid, "default", k, _sentence(rng), rng.random(), k < 3) for k in range(21)]
        picks = rng.sample(PEOPLE, 3) + rng.sample(ORGS, 2)
        ents += [(aid, n, "ORG" if n in ORGS else "PER", rng.randint(1, 4)) for n in picks]
        cs = rng.sample(COUNTRIES, 3)
        ctry += [(aid, c, 3.0 - k, 3 - k, k == 0) for k, c in enumerate(cs)]
    con.execute("BEGIN TRANSACTION")
    bulk_insert(con, "files", ["sha256", "name", "size", "first_seen", "last_seen", "status",
                               "error", "articles"], files)  # fmt: skip
    bulk_insert(con, "file_names", ["name", "size", "mtime_ns", "sha256", "seen_at"], names)
    bulk_insert(con, "articles", ARTICLE_COLUMNS, arts)
    bulk_insert(con, "article_sources", ["article_id", "file_sha256", "position"], sources)
    bulk_insert(con, "summary_sentences", ["article_id", "algorithm", "sentence_index", "text",
                                           "score", "selected"], sents)  # fmt: skip
    bulk_insert(con, "entities", ["article_id", "name", "type", "count"], ents)
    bulk_insert(con, "article_countries", ["article_id", "iso2", "score", "mentions",
                                           "is_focus"], ctry)  # fmt: skip
    add_entity_aggregates(con, [a[0] for a in arts])  # as ingest does, same transaction
    con.execute("COMMIT")
    return count
