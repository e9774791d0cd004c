"""Build a day's DigestContext from the warehouse."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from prefect import task

from newsdigest.heap import gc_paused
from newsdigest.warehouse import connect
from tasks.clustering import DEFAULT_THRESHOLD
from tasks.digest_context import DigestContext, build_context
from tasks.digest_query import day_articles, day_countries, day_entities, day_file_count, history


@gc_paused()
def load_context(
    db_path: Path,
    day: date,
    tz: str,
    prev_day: date | None = None,
    next_day: date | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> DigestContext:
    """Query the day's rows and the previous days' tallies; assemble the typed context."""
    with connect(db_path) as con:
        return build_context(
            day,
            tz,
            day_articles(con, day, tz),
            day_entities(con, day, tz),
            day_countries(con, day, tz),
            day_file_count(con, day, tz),
            history=history(con, day, tz),
            prev_day=prev_day,
            next_day=next_day,
            generated_at=datetime.now(UTC).replace(microsecond=0),
            threshold=threshold,
        )


build_context_task = task(name="build-digest-context", retries=2, retry_delay_seconds=1)(
    load_context
)
