-- 004: freshness of the analyst snapshot. One row, rewritten by every publish just before the
-- live file is checkpointed and copied, so each snapshot carries its own publish time and counts
-- (see newsdigest/snapshot.py and warehouse/README.md).

CREATE TABLE snapshot_info (
    published_at      TIMESTAMPTZ NOT NULL,
    articles          BIGINT NOT NULL,
    files             BIGINT NOT NULL,
    last_run_id       VARCHAR,
    last_run_finished TIMESTAMPTZ
);
