"""Read one day's articles and their annotations from the warehouse (bound parameters only)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import duckdb

_DAY = "CAST(timezone($tz, a.ingested_at) AS DATE) = $day"


def day_articles(con: duckdb.DuckDBPyConnection, day: date, tz: str) -> list[dict]:
    """Articles that arrived on `day` in timezone `tz`, with their selected summary sentences."""
    rows = con.execute(
        f"""
        SELECT a.article_id, a.title, a.published, a.highlights, a.body, a.layout,
               list(s.text ORDER BY s.sentence_index) FILTER (WHERE s.selected) AS summary
        FROM articles a
        LEFT JOIN summary_sentences s ON s.article_id = a.article_id
        WHERE {_DAY}
        GROUP BY a.article_id, a.title, a.published, a.highlights, a.body, a.layout,
                 a.ingested_at, a.file_sha256, a.position
        ORDER BY a.ingested_at, a.file_sha256, a.position
        """,
        {"tz": tz, "day": day},
    )
    cols = [d[0] for d in rows.description]
    return [dict(zip(cols, r, strict=True)) for r in rows.fetchall()]


def day_entities(
    con: duckdb.DuckDBPyConnection, day: date, tz: str
) -> dict[str, list[tuple[str, str, int]]]:
    """Per article: (name, type, count), most mentioned first."""
    rows = con.execute(
        f"""
        SELECT e.article_id, e.name, e.type, e.count
        FROM entities e JOIN articles a USING (article_id)
        WHERE {_DAY}
        ORDER BY e.article_id, e.count DESC, e.name
        """,
        {"tz": tz, "day": day},
    ).fetchall()
    out: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for aid, name, typ, count in rows:
        out[aid].append((name, typ, count))
    return out


def day_countries(
    con: duckdb.DuckDBPyConnection, day: date, tz: str
) -> dict[str, list[tuple[str, bool]]]:
    """Per article: (iso2, is_focus), strongest first."""
    rows = con.execute(
        f"""
        SELECT c.article_id, c.iso2, c.is_focus
        FROM article_countries c JOIN articles a USING (article_id)
        WHERE {_DAY}
        ORDER BY c.article_id, c.score DESC, c.iso2
        """,
        {"tz": tz, "day": day},
    ).fetchall()
    out: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for aid, iso2, is_focus in rows:
        out[aid].append((iso2, is_focus))
    return out


def day_file_count(con: duckdb.DuckDBPyConnection, day: date, tz: str) -> int:
    """Distinct files that brought the day's articles."""
    return con.execute(
        f"""
        SELECT count(DISTINCT s.file_sha256)
        FROM article_sources s JOIN articles a USING (article_id)
        WHERE {_DAY}
        """,
        {"tz": tz, "day": day},
    ).fetchone()[0]
