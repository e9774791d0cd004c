"""Warehouse invariants checked after a crash, a fault or a rerun (fresh connection each time)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from newsdigest.warehouse import connect
from tasks.normalize import decode_bytes
from tasks.split import split_articles

DONE = "SELECT sha256 FROM files WHERE status = 'done'"
CHILD_TABLES = ("article_sources", "summary_sentences", "entities", "article_countries")


def check(db_path: Path, files: dict[str, bytes]) -> list[str]:
    """Problems found (empty = consistent): done files complete, no orphans, no strays."""
    problems: list[str] = []
    by_sha = {hashlib.sha256(d).hexdigest(): d for d in files.values()}
    with connect(db_path) as con:
        done = [
            r[0] for r in con.execute("SELECT sha256 FROM files WHERE status='done'").fetchall()
        ]
        sources = set(con.execute("SELECT article_id, file_sha256, position FROM article_sources")
                      .fetchall())  # fmt: skip
        for sha in done:
            if sha not in by_sha:
                problems.append(f"done file {sha[:12]} is not one of the seeds")
                continue
            want = {(a.article_id, sha, a.position)
                    for a in split_articles(decode_bytes(by_sha[sha]))}  # fmt: skip
            if missing := want - sources:
                problems.append(f"done file {sha[:12]} lacks {len(missing)} article_sources row(s)")
        for table in CHILD_TABLES:
            n = con.execute(f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
                            "(SELECT 1 FROM articles a WHERE a.article_id = t.article_id)"
                            ).fetchone()[0]  # fmt: skip
            if n:
                problems.append(f"{n} orphan row(s) in {table}")
        n = con.execute(
            "SELECT count(*) FROM article_sources s WHERE NOT EXISTS "
            "(SELECT 1 FROM files f WHERE f.sha256 = s.file_sha256)"
        ).fetchone()[0]
        if n:
            problems.append(f"{n} article_sources row(s) without a files row")
        for table, key in _UNIQUE_KEYS.items():  # 008/010 dropped the keys: the writer keeps them
            n = con.execute(f"SELECT count(*) - count(DISTINCT ({key})) FROM {table}").fetchone()[0]
            if n:
                problems.append(f"{n} duplicate {table} row(s) by ({key})")
        n = con.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS "
                        "(SELECT 1 FROM summary_sentences s WHERE s.article_id = a.article_id)"
                        ).fetchone()[0]  # fmt: skip
        if n:
            problems.append(f"{n} article(s) without summary sentences")
    return problems


_UNIQUE_KEYS = {
    "articles": "article_id",
    "article_sources": "article_id, file_sha256, position",
    "summary_sentences": "article_id, algorithm, sentence_index",
    "entities": "article_id, name, type",
    "article_countries": "article_id, iso2",
}


def complete(db_path: Path, files: dict[str, bytes], article_ids: set[str]) -> list[str]:
    """Problems after a finished run: every file done, every article once, nothing extra."""
    problems = check(db_path, files)
    shas = {hashlib.sha256(d).hexdigest() for d in files.values()}
    with connect(db_path) as con:
        done = {
            r[0] for r in con.execute("SELECT sha256 FROM files WHERE status='done'").fetchall()
        }
        stored = [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
    if lost := shas - done:
        problems.append(f"{len(lost)} lost file(s)")
    if len(stored) != len(set(stored)):
        problems.append(f"{len(stored) - len(set(stored))} duplicate article row(s)")
    if set(stored) != article_ids:
        problems.append(
            f"articles differ: {len(set(stored) - article_ids)} extra, "
            f"{len(article_ids - set(stored))} missing"
        )
    return problems
