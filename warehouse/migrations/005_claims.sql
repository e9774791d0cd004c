-- 005: claims on seed files, so several ingest workers (Prefect worker processes, hosts) share a
-- burst of files without reading or annotating one twice. A worker claims a chunk of files under
-- the writer lock, parses and annotates them without the lock, stores them and drops its claims.
-- A claim is free again when its lease expires or, on the same host, when its process is gone
-- (see tasks/claims.py and docs/scaling.md).

CREATE TABLE claims (
    name        VARCHAR PRIMARY KEY,       -- file name in the seeds folder
    size        BIGINT NOT NULL,           -- stat at claim time (a rewrite is a new claim)
    mtime_ns    BIGINT NOT NULL,
    owner       VARCHAR NOT NULL,          -- host:pid:run of the claiming ingest run
    claimed_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);
