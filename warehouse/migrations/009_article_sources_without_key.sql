-- 009: article_sources without its PRIMARY KEY (issue #8). DuckDB rewrote the whole index
-- (two hashes and a position per row) at every checkpoint, one per stored chunk: 0.18 s per
-- chunk at 100k articles and growing, which alone broke linear ingest. A row is written only
-- when its file is first stored (a file already in the ledger adds none), once per position,
-- under the writer lock (tasks/store.py, tasks/store_batch.py); tests/reliability checks that
-- no (article, file, position) appears twice.

CREATE TABLE article_sources_009 (
    article_id   VARCHAR NOT NULL,
    file_sha256  VARCHAR NOT NULL,
    position     INTEGER NOT NULL
);
INSERT INTO article_sources_009 SELECT * FROM article_sources;
DROP TABLE article_sources;
ALTER TABLE article_sources_009 RENAME TO article_sources;
