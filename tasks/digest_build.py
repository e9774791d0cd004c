"""Build a day's DigestContext from the warehouse."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from prefect import task

from newsdigest.warehouse import connect
from tasks.digest_context import DigestContext, build_context
from tasks.digest_query import day_articles, day_countries, day_entities, day_file_count


def load_context(db_path: Path, day: date, tz: str) -> DigestContext:
    """Query the day's rows and assemble the typed context the templates render."""
    with connect(db_path) as con:
        return build_context(
            day,
            tz,
            day_articles(con, day, tz),
            day_entities(con, day, tz),
            day_countries(con, day, tz),
            day_file_count(con, day, tz),
        )


build_context_task = task(name="build-digest-context", retries=2, retry_delay_seconds=1)(
    load_context
)
