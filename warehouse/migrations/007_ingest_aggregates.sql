-- 007: analyst views read aggregates kept at ingest, each updated at a cost that does not grow
-- with the warehouse (issue #8).
--
-- * entity_pair_counts gets one 128-bit key, pair_key = md5_number of the four names joined by
--   chr(31). Two different pairs share a key with probability ~n²/2^129: ~1e-26 at ten million
--   pairs; md5, not hash(), so keys never change with DuckDB. Ingest finds the chunk's pairs by
--   this one column (006's MERGE joined on four names), deletes them and inserts them again with
--   the sums (tasks/store.py). Not a PRIMARY KEY: with its index and INSERT … ON CONFLICT, the
--   pair step at 100k synthetic articles took 0.4-0.5 ms per article, the file grew by ~250 MB
--   and each checkpoint rewrote the index. Finding the pairs still scans the key column, so
--   the step grows with the table, far less steeply than 006's (bench/pairs_bench.py).
-- * entity_country_counts (behind entity_tallies_country): mentions and articles per focus
--   country, name and type, keyed (tally_key) and updated the same way. Both measures add up:
--   (article, name, type) is unique in entities, so articles = count(*).
-- * entity_bucket_counts (behind entity_tallies_day and entity_tallies_country_day): the same
--   per 15-minute UTC bucket of ingested_at, appended once per stored chunk with no key (a
--   bucket spanning two chunks has two rows; the views add them up). Days stay the reader's:
--   the views cast each bucket to a DATE in the session time zone, which is exact for every
--   zone whose offset is a multiple of 15 minutes (all of them today). Ingest stores a chunk's
--   articles with one ingested_at, so a bucket usually holds many articles.
-- * article_summary_texts (behind article_summaries): each article's summary and focus
--   country, written once; 002's view joined and aggregated every article's sentences before a
--   LIMIT could apply.
-- All are written in the transaction that stores the articles (tasks/store.py), from the chunk
-- staged in a temp table with the columns below, so a chunk counts once or not at all.

CREATE MACRO pair_key(na, ta, nb, tb) AS
    md5_number(na || chr(31) || ta || chr(31) || nb || chr(31) || tb);
CREATE MACRO tally_key(country, n, t) AS md5_number(country || chr(31) || n || chr(31) || t);

-- The 006 rows (same top-8 rule) with their key in front, then 006's columns; the view
-- entity_pairs binds at query time, so it reads the new table unchanged.
CREATE TABLE entity_pair_keyed AS
SELECT pair_key(name_a, type_a, name_b, type_b) AS pair_key, * FROM entity_pair_counts;
ALTER TABLE entity_pair_keyed ALTER COLUMN pair_key SET NOT NULL;
DROP TABLE entity_pair_counts;
ALTER TABLE entity_pair_keyed RENAME TO entity_pair_counts;
DROP MACRO TABLE entity_pair_rows;

CREATE TABLE entity_country_counts (
    tally_key      UHUGEINT NOT NULL,      -- tally_key(focus_country, name, type), unique
    focus_country  VARCHAR NOT NULL,       -- '??' when the article has none
    name           VARCHAR NOT NULL,
    type           VARCHAR NOT NULL,
    mentions       BIGINT NOT NULL,        -- sum of the in-article counts
    articles       BIGINT NOT NULL
);

CREATE TABLE entity_bucket_counts (
    bucket         TIMESTAMPTZ NOT NULL,   -- ingested_at rounded down to 15 minutes (UTC epoch)
    focus_country  VARCHAR NOT NULL,
    name           VARCHAR NOT NULL,
    type           VARCHAR NOT NULL,
    mentions       BIGINT NOT NULL,
    articles       BIGINT NOT NULL
);

CREATE TABLE article_summary_texts (
    article_id     VARCHAR NOT NULL,       -- one row per article
    focus_country  VARCHAR,                -- NULL when none, as in article_summaries
    summary        VARCHAR                 -- selected sentences in order; NULL when none
);

-- The one definition of each aggregate, over a staged relation `src` with columns article_id,
-- name, type, count, focus_country ('??' when none), ingested_at.
CREATE MACRO entity_pair_rows(src) AS TABLE
WITH top AS (
    SELECT article_id, name, type, ingested_at
    FROM query_table(src)
    QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY count DESC,
                               md5(article_id || type || name), name, type) <= 8
)
SELECT pair_key(x.name, x.type, y.name, y.type) AS pair_key, x.name AS name_a, x.type AS type_a,
       y.name AS name_b, y.type AS type_b, count(*) AS articles,
       min(x.ingested_at) AS first_at, max(x.ingested_at) AS last_at
FROM top x
JOIN top y ON y.article_id = x.article_id AND (x.name, x.type) < (y.name, y.type)
GROUP BY x.name, x.type, y.name, y.type;

CREATE MACRO entity_country_rows(src) AS TABLE
SELECT tally_key(focus_country, name, type) AS tally_key, focus_country, name, type,
       sum(count)::BIGINT AS mentions, count(*) AS articles
FROM query_table(src)
GROUP BY focus_country, name, type;

CREATE MACRO entity_bucket_rows(src) AS TABLE
SELECT to_timestamp(floor(epoch(ingested_at) / 900) * 900) AS bucket, focus_country, name, type,
       sum(count)::BIGINT AS mentions, count(*) AS articles
FROM query_table(src)
GROUP BY ALL;

-- Summaries of the given articles (NULL: every article) from the stored sentences; ingest
-- builds the same text from its annotations without reading the table back.
CREATE MACRO article_summary_rows(ids) AS TABLE
SELECT a.article_id, c.iso2 AS focus_country,
       (SELECT string_agg(s.text, ' ' ORDER BY s.sentence_index) FROM summary_sentences s
        WHERE s.article_id = a.article_id AND s.selected) AS summary
FROM articles a
LEFT JOIN article_countries c ON c.article_id = a.article_id AND c.is_focus
WHERE ids IS NULL OR a.article_id IN (SELECT unnest(ids));

-- Every stored entity row with its article's focus country and arrival, for the backfill.
CREATE TEMP VIEW backfill_entities AS
SELECT e.article_id, e.name, e.type, e.count, coalesce(c.iso2, '??') AS focus_country,
       a.ingested_at
FROM entities e
JOIN articles a ON a.article_id = e.article_id
LEFT JOIN article_countries c ON c.article_id = e.article_id AND c.is_focus;

INSERT INTO entity_country_counts SELECT * FROM entity_country_rows('backfill_entities');
INSERT INTO entity_bucket_counts
SELECT * FROM entity_bucket_rows('backfill_entities') ORDER BY bucket;
INSERT INTO article_summary_texts SELECT * FROM article_summary_rows(NULL);
DROP VIEW backfill_entities;

-- Same columns, types and meaning as before; days are cast at query time in the reader's zone.
CREATE OR REPLACE VIEW entity_tallies_country AS
SELECT focus_country, name, type, mentions::HUGEINT AS mentions, articles
FROM entity_country_counts;

CREATE OR REPLACE VIEW entity_tallies_day AS
SELECT CAST(bucket AS DATE) AS day, name, type,
       sum(mentions) AS mentions, sum(articles)::BIGINT AS articles
FROM entity_bucket_counts
GROUP BY ALL;

CREATE OR REPLACE VIEW entity_tallies_country_day AS
SELECT CAST(bucket AS DATE) AS day, focus_country, name, type,
       sum(mentions) AS mentions, sum(articles)::BIGINT AS articles
FROM entity_bucket_counts
GROUP BY ALL;

CREATE OR REPLACE VIEW article_summaries AS
SELECT a.article_id, a.title, CAST(a.ingested_at AS DATE) AS arrival_day, a.published,
       s.focus_country, s.summary
FROM articles a
LEFT JOIN article_summary_texts s ON s.article_id = a.article_id;
