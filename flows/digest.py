"""Flow `daily-digest`: render one day's digest (Markdown + HTML), then the index and the feed."""

from __future__ import annotations

import os

from prefect import flow

from newsdigest.config import Settings
from newsdigest.dates import parse_day
from newsdigest.locking import writer_lock
from newsdigest.runlog import logger
from tasks.artifacts import publish_digest_artifact
from tasks.clustering import DEFAULT_THRESHOLD
from tasks.digest_build import build_context_task
from tasks.digest_index import neighbours, read_days, stale_neighbours, write_index_task
from tasks.render import write_digest_task


@flow(name="daily-digest", log_prints=False)
def daily_digest(
    day: str | None = None,
    warehouse: str | None = None,
    digests: str | None = None,
    timezone: str | None = None,
    duplicate_threshold: float | None = None,
    feed_base_url: str | None = None,
) -> dict:
    """Render the digest of the articles that arrived on `day` (default: today in `timezone`).

    Also re-renders the neighbouring days whose prev/next links must now point at `day`, and
    rewrites `index.html`, `index.md` and `feed.xml` in the digests folder. Near-duplicate
    threshold and feed base URL: parameter > NEWSDIGEST_DUPLICATE_THRESHOLD /
    NEWSDIGEST_FEED_BASE_URL > default (0.5; links relative to the feed).
    """
    settings = Settings.from_env(warehouse=warehouse, digests=digests, timezone=timezone)
    the_day = parse_day(day, settings.timezone)
    days = [e.day for e in read_days(settings.digests)] + [the_day]
    tz, db = settings.timezone, settings.db_path
    threshold = duplicate_threshold or float(
        os.environ.get("NEWSDIGEST_DUPLICATE_THRESHOLD") or DEFAULT_THRESHOLD
    )
    feed_base_url = feed_base_url or os.environ.get("NEWSDIGEST_FEED_BASE_URL") or None
    with writer_lock(settings.warehouse):
        ctx = build_context_task(db, the_day, tz, *neighbours(days, the_day), threshold)
        others = [
            build_context_task(db, d, tz, *neighbours(days, d), threshold)
            for d in stale_neighbours(settings.digests, the_day)
        ]
    paths = write_digest_task(ctx, settings.digests)
    for other in others:
        write_digest_task(other, settings.digests)
    index = write_index_task(settings.digests, feed_base_url)
    logger().info("digest for %s: %d articles -> %s", the_day, ctx.article_count, paths["html"])
    publish_digest_artifact(ctx, paths)
    return {"day": the_day.isoformat(), "articles": ctx.article_count,
            **{fmt: str(p) for fmt, p in paths.items()}, "index": str(index["html"])}  # fmt: skip
