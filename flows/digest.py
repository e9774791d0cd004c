"""Flow `daily-digest`: render one day's digest (Markdown + HTML) from the warehouse."""

from __future__ import annotations

from prefect import flow

from newsdigest.config import Settings
from newsdigest.dates import parse_day
from newsdigest.locking import writer_lock
from newsdigest.runlog import logger
from tasks.artifacts import publish_digest_artifact
from tasks.digest_build import build_context_task
from tasks.render import write_digest_task


@flow(name="daily-digest", log_prints=False)
def daily_digest(
    day: str | None = None,
    warehouse: str | None = None,
    digests: str | None = None,
    timezone: str | None = None,
) -> dict:
    """Render the digest of the articles that arrived on `day` (default: today in `timezone`)."""
    settings = Settings.from_env(warehouse=warehouse, digests=digests, timezone=timezone)
    the_day = parse_day(day, settings.timezone)
    with writer_lock(settings.warehouse):
        ctx = build_context_task(settings.db_path, the_day, settings.timezone)
    paths = write_digest_task(ctx, settings.digests)
    logger().info("digest for %s: %d articles -> %s", the_day, ctx.article_count, paths["html"])
    publish_digest_artifact(ctx, paths)
    return {"day": the_day.isoformat(), "articles": ctx.article_count,
            **{fmt: str(p) for fmt, p in paths.items()}}  # fmt: skip
