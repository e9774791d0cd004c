"""One day's articles and annotations, and the previous days' tallies (bound parameters)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import duckdb

from tasks.digest_context import History

_LOCAL_DAY = "CAST(timezone($tz, a.ingested_at) AS DATE)"
_DAY = f"{_LOCAL_DAY} = $day"
_SPAN = f"{_LOCAL_DAY} >= $start AND {_LOCAL_DAY} < $end"


def day_articles(con: duckdb.DuckDBPyConnection, day: date, tz: str) -> list[dict]:
    """Articles that arrived on `day` in timezone `tz`: text, provenance and summary sentences."""
    rows = con.execute(
        f"""
        WITH day AS (SELECT * FROM articles a WHERE {_DAY}),
        summ AS (
            SELECT s.article_id, list(s.text ORDER BY s.sentence_index) AS summary
            FROM summary_sentences s JOIN day USING (article_id)
            WHERE s.selected GROUP BY s.article_id
        ),
        src_files AS (  -- one row per distinct file (bytes), not per name
            SELECT DISTINCT s.article_id, f.sha256, f.name
            FROM article_sources s JOIN day USING (article_id)
            JOIN files f ON f.sha256 = s.file_sha256
        ),
        src AS (  -- two different files that arrived under one name stay two, told apart by hash
            SELECT article_id, list(label ORDER BY label) AS files
            FROM (
                SELECT article_id, name || CASE
                    WHEN count(*) OVER (PARTITION BY article_id, name) > 1
                    THEN ' (' || left(sha256, 8) || ')' ELSE '' END AS label
                FROM src_files
            )
            GROUP BY article_id
        )
        SELECT d.article_id, d.title, d.caption, d.published, d.highlights, d.dateline, d.body,
               d.credit, d.layout, d.ingested_at, summ.summary, src.files
        FROM day d LEFT JOIN summ USING (article_id) LEFT JOIN src USING (article_id)
        ORDER BY d.ingested_at, d.file_sha256, d.position
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


def history(con: duckdb.DuckDBPyConnection, day: date, tz: str, days: int = 7) -> History:
    """Focus-country counts of the day before, and entity article counts of the `days` before."""
    yesterday = {"tz": tz, "start": day - timedelta(days=1), "end": day}
    week = {"tz": tz, "start": day - timedelta(days=days), "end": day}
    countries = con.execute(
        f"""
        SELECT coalesce(c.iso2, '??'), count(*)
        FROM articles a LEFT JOIN article_countries c ON c.article_id = a.article_id AND c.is_focus
        WHERE {_SPAN} GROUP BY ALL
        """,
        yesterday,
    ).fetchall()
    entities = con.execute(
        f"""
        SELECT e.name, e.type, count(DISTINCT e.article_id)
        FROM entities e JOIN articles a USING (article_id)
        WHERE {_SPAN} GROUP BY ALL
        """,
        week,
    ).fetchall()
    week_articles = con.execute(f"SELECT count(*) FROM articles a WHERE {_SPAN}", week).fetchone()
    return History(
        previous_countries=dict(countries),
        previous_articles=sum(n for _, n in countries),
        week_entities={(n, t): c for n, t, c in entities},
        week_articles=week_articles[0],
        days=days,
    )
