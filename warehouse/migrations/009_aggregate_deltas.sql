-- 009: the keyed ingest aggregates become a compacted base plus an append-only delta (issue #8).
-- Since 007 each stored chunk found its pairs and tallies in the whole table, deleted them and
-- inserted them again with the sums: a scan of the key column per chunk, and deletes scattered
-- over every row group, which the chunk's checkpoint rewrote (a 475-article chunk at 100k
-- articles: 80 ms of aggregate statements and +110 ms of checkpoint, against 49 and +30 ms at
-- 10k; bench/store_probe.py). Now a chunk only appends its partial rows to *_delta; once a delta
-- holds more rows than a fixed share of its base (tasks/store.py, COMPACT_*), it is summed and
-- merged into the base in the chunk's transaction, so the merge cost per chunk stays flat.
-- entity_pair_counts and entity_country_counts become views with the same columns and one row
-- per key: the base rows no delta row touches, plus base and delta rows summed per key.

ALTER TABLE entity_pair_counts RENAME TO entity_pair_base;
CREATE TABLE entity_pair_delta (
    pair_key  UHUGEINT NOT NULL,           -- pair_key(name_a, type_a, name_b, type_b)
    name_a    VARCHAR NOT NULL,
    type_a    VARCHAR NOT NULL,
    name_b    VARCHAR NOT NULL,
    type_b    VARCHAR NOT NULL,
    articles  BIGINT NOT NULL,             -- this chunk's articles with both in their top 8
    first_at  TIMESTAMPTZ NOT NULL,
    last_at   TIMESTAMPTZ NOT NULL
);

ALTER TABLE entity_country_counts RENAME TO entity_country_base;
CREATE TABLE entity_country_delta (
    tally_key      UHUGEINT NOT NULL,      -- tally_key(focus_country, name, type)
    focus_country  VARCHAR NOT NULL,
    name           VARCHAR NOT NULL,
    type           VARCHAR NOT NULL,
    mentions       BIGINT NOT NULL,
    articles       BIGINT NOT NULL
);

CREATE VIEW entity_pair_counts AS
SELECT * FROM entity_pair_base b
WHERE NOT EXISTS (SELECT 1 FROM entity_pair_delta d WHERE d.pair_key = b.pair_key)
UNION ALL
SELECT pair_key, name_a, type_a, name_b, type_b, sum(articles)::BIGINT AS articles,
       min(first_at) AS first_at, max(last_at) AS last_at
FROM (SELECT * FROM entity_pair_base
      WHERE pair_key IN (SELECT pair_key FROM entity_pair_delta)
      UNION ALL SELECT * FROM entity_pair_delta)
GROUP BY pair_key, name_a, type_a, name_b, type_b;

CREATE VIEW entity_country_counts AS
SELECT * FROM entity_country_base b
WHERE NOT EXISTS (SELECT 1 FROM entity_country_delta d WHERE d.tally_key = b.tally_key)
UNION ALL
SELECT tally_key, focus_country, name, type, sum(mentions)::BIGINT AS mentions,
       sum(articles)::BIGINT AS articles
FROM (SELECT * FROM entity_country_base
      WHERE tally_key IN (SELECT tally_key FROM entity_country_delta)
      UNION ALL SELECT * FROM entity_country_delta)
GROUP BY tally_key, focus_country, name, type;
