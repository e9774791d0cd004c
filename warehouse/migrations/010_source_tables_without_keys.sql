-- 010: articles and article_sources without PRIMARY KEYs (issue #8), as 008 did for the tables
-- under them. Their indexes made every checkpoint grow with the warehouse. Storing 17 chunks of
-- ~490 articles through one open database, as an ingest run does (bench/store_probe.py with
-- NDPROBE_SESSION=1), cost 0.55 ms per article into 10k articles and 0.62 into 100k with the
-- keys; 0.46 and 0.50 without. They bought nothing else: the lookup of which articles
-- are new (`existing_articles`) is a hash join over the id column either way (~5 ms at 100k,
-- with or without the index). Uniqueness is the writer's job, under the writer lock: an article
-- row is inserted only when its id is not stored yet (tasks/store_batch.py `_plan`), and source
-- rows only for a file whose sha256 is not in `files`. tests/reliability checks both.
-- DuckDB cannot drop a key in place: each table is rebuilt under its name, rows in their order.

CREATE TABLE articles_010 (
    article_id   VARCHAR NOT NULL,         -- sha256 prefix of the normalised title + body
    title        VARCHAR NOT NULL,
    caption      VARCHAR,
    published    DATE,                     -- from the "Updated …" line, when present
    highlights   VARCHAR[] NOT NULL,
    dateline     VARCHAR,
    body         VARCHAR[] NOT NULL,       -- paragraphs
    credit       VARCHAR,
    layout       VARCHAR NOT NULL,
    file_sha256  VARCHAR NOT NULL,         -- the file it first arrived in
    position     INTEGER NOT NULL,         -- 0-based position in that file
    ingested_at  TIMESTAMPTZ NOT NULL      -- arrival time (the digest day is derived from it)
);
INSERT INTO articles_010 SELECT * FROM articles;
DROP TABLE articles;
ALTER TABLE articles_010 RENAME TO articles;

CREATE TABLE article_sources_010 (
    article_id   VARCHAR NOT NULL,
    file_sha256  VARCHAR NOT NULL,
    position     INTEGER NOT NULL
);
INSERT INTO article_sources_010 SELECT * FROM article_sources;
DROP TABLE article_sources;
ALTER TABLE article_sources_010 RENAME TO article_sources;
