"""Store a chunk of parsed files in one transaction with a fixed number of bulk statements.

Same rows and outcomes as calling `store_file` on each file in order (tests compare the two);
a per-file transaction costs ~12 statements (~40 ms) per file, which was a third of the ingest
time. Each file is still all-or-nothing: the chunk commits whole or not at all, and on any error
the chunk is rolled back and stored file by file, so one bad file fails alone as before.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime

import duckdb

from newsdigest.models import Annotation
from newsdigest.warehouse import bulk_insert
from tasks.discover import ParsedFile
from tasks.store import (
    ARTICLE_COLUMNS,
    FileOutcome,
    _article_row,
    _insert_annotations,
    existing_articles,
    known_files,
    store_file,
)

NAME_COLUMNS = ["name", "size", "mtime_ns", "sha256", "seen_at"]
FILE_COLUMNS = ["sha256", "name", "size", "first_seen", "last_seen", "status", "error", "articles"]


def _plan(
    con: duckdb.DuckDBPyConnection, parsed: list[ParsedFile], now: datetime
) -> tuple[list[FileOutcome], dict[str, list], dict[str, object]]:
    """Outcomes and rows, deciding file by file as store_file would (in-chunk state included)."""
    status = known_files(con, [p.sha256 for p in parsed if p.sha256])
    stored = existing_articles(con, [a.article_id for p in parsed for a in p.articles])
    rows: dict[str, list] = {"files": [], "names": {}, "articles": [], "sources": [], "shas": {}}
    fresh_ids: dict[str, object] = {}
    outcomes = []
    for p in parsed:
        seed, sha = p.seed, p.sha256
        known = status.get(sha) if sha else None
        if known is not None or (p.error is not None and sha):
            rows["names"][seed.name] = (seed.name, seed.size, seed.mtime_ns, sha, now)
            rows["shas"][sha] = None
        if known is not None:
            kind = "duplicate" if known == "done" else "failed"
            outcomes.append(FileOutcome(seed.name, kind, sha, reason=p.error))
            continue
        if p.error is not None:
            if sha:
                rows["files"].append((sha, seed.name, seed.size, now, now, "failed", p.error, 0))
                status[sha] = "failed"
            outcomes.append(FileOutcome(seed.name, "failed", sha, reason=p.error))
            continue
        fresh: dict[str, object] = {}
        for a in p.articles:  # the first copy of an article listed twice in a file wins
            if a.article_id not in stored:
                fresh.setdefault(a.article_id, a)
        rows["files"].append((sha, seed.name, seed.size, now, now, "done", None, len(p.articles)))
        rows["names"][seed.name] = (seed.name, seed.size, seed.mtime_ns, sha, now)
        rows["shas"][sha] = None
        rows["articles"] += [_article_row(a, sha, now) for a in fresh.values()]
        rows["sources"] += [(a.article_id, sha, a.position) for a in p.articles]
        fresh_ids.update(fresh)
        stored.update(fresh)
        status[sha] = "done"
        outcomes.append(FileOutcome(seed.name, "new", sha, articles=len(fresh)))
    return outcomes, rows, fresh_ids


def _write(
    con: duckdb.DuckDBPyConnection, rows: dict, notes: dict[str, Annotation], now: datetime
) -> None:
    bulk_insert(con, "files", FILE_COLUMNS, rows["files"])
    bulk_insert(con, "file_names", NAME_COLUMNS, list(rows["names"].values()),
                conflict="ON CONFLICT DO UPDATE SET sha256 = excluded.sha256,"
                " seen_at = excluded.seen_at")  # fmt: skip
    if rows["shas"]:
        con.execute("UPDATE files SET last_seen = $1 WHERE sha256 IN (SELECT unnest($2))",
                    [now, list(rows["shas"])])  # fmt: skip
    bulk_insert(con, "articles", ARTICLE_COLUMNS, rows["articles"])
    sources = list(dict.fromkeys(rows["sources"]))
    bulk_insert(con, "article_sources", ["article_id", "file_sha256", "position"], sources)
    _insert_annotations(con, notes)


def store_batch(
    con: duckdb.DuckDBPyConnection,
    parsed: list[ParsedFile],
    notes: dict[str, Annotation],
    now: datetime | None = None,
) -> list[FileOutcome]:
    """Store files in one transaction; outcomes in file order, as store_file would give them."""
    now = now or datetime.now(UTC)
    if not parsed:
        return []
    outcomes, rows, fresh = _plan(con, parsed, now)
    con.execute("BEGIN TRANSACTION")
    try:
        _write(con, rows, {aid: notes[aid] for aid in fresh}, now)
        con.execute("COMMIT")
    except Exception:
        _rollback(con)
        return [store_file(con, p, notes, now) for p in parsed]
    except BaseException:
        _rollback(con)
        raise
    return outcomes


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back, tolerating a transaction a failed COMMIT has already ended (e.g. disk full)."""
    with contextlib.suppress(duckdb.Error):
        con.execute("ROLLBACK")
