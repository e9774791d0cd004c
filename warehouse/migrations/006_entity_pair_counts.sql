-- 006: entity pairs materialised at ingest (issue #8). The 003 view `entity_pairs` self-joined
-- every article's entities at query time (~130 pairs per article: 0.7 s at 10k articles, ~7 s
-- at 100k). Now
-- the pairs of each article's 8 most-mentioned entities (at most 28 pairs) are counted once,
-- when the article is stored, in the same transaction as its entities (tasks/store.py merges
-- entity_pair_rows of the new article ids), and the view reads the table.
-- Most entities are named once, so the cut mostly falls among ties: they are broken by a fixed
-- per-article draw (md5 of article id, type and name), not by name, which kept mostly names
-- early in the alphabet (on a 10k-article dev warehouse the top 20 pairs kept 10 of the full
-- ranking's, against 17 with the draw). md5, not hash(): it must not change with DuckDB.
-- No primary key on purpose: its index on the four names made the table ~6x larger (+23 MB per
-- 10k articles) and the upsert slower than a MERGE join; the one writer (the writer lock) keeps
-- the pairs unique by merging them (tests/test_store.py checks it).

CREATE TABLE entity_pair_counts (
    name_a    VARCHAR NOT NULL,            -- (name_a, type_a) < (name_b, type_b), each pair once
    type_a    VARCHAR NOT NULL,
    name_b    VARCHAR NOT NULL,
    type_b    VARCHAR NOT NULL,
    articles  BIGINT NOT NULL,             -- articles with both among their top 8 entities
    first_at  TIMESTAMPTZ NOT NULL,        -- earliest ingested_at of those articles
    last_at   TIMESTAMPTZ NOT NULL         -- latest
);

-- The pairs of the given articles, aggregated (NULL: every article). The one definition of the
-- top-8 rule, used by the backfill below and by every ingest.
CREATE MACRO entity_pair_rows(ids) AS TABLE
WITH top AS (
    SELECT e.article_id, e.name, e.type, a.ingested_at
    FROM entities e
    JOIN articles a ON a.article_id = e.article_id
    WHERE ids IS NULL OR e.article_id IN (SELECT unnest(ids))
    QUALIFY row_number() OVER (PARTITION BY e.article_id ORDER BY e.count DESC,
                               md5(e.article_id || e.type || e.name), e.name, e.type) <= 8
)
SELECT x.name AS name_a, x.type AS type_a, y.name AS name_b, y.type AS type_b,
       count(*) AS articles, min(x.ingested_at) AS first_at, max(x.ingested_at) AS last_at
FROM top x
JOIN top y ON y.article_id = x.article_id AND (x.name, x.type) < (y.name, y.type)
GROUP BY ALL;

INSERT INTO entity_pair_counts SELECT * FROM entity_pair_rows(NULL);

-- Same columns as in 003; days are cast from the stored times at query time, as before, so
-- they follow the reader's timezone like every other view.
DROP VIEW entity_pairs;
CREATE VIEW entity_pairs AS
SELECT name_a, type_a, name_b, type_b, articles,
       CAST(first_at AS DATE) AS first_day, CAST(last_at AS DATE) AS last_day
FROM entity_pair_counts;
