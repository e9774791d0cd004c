-- 008: summary_sentences, entities and article_countries without PRIMARY KEYs (issue #8).
-- Their composite keys were ~70% of the file, made every stored chunk's checkpoint grow with
-- the warehouse (a 500-article chunk: 6 ms at 10k articles, 15-40 ms at 100k; 3-6 ms flat
-- without) and doubled insert time. Uniqueness never depended on them: these rows are written
-- only for articles inserted in the same transaction (tasks/store.py, tasks/store_batch.py,
-- under the writer lock), and the articles table keeps its key. tests/reliability checks that
-- no (article, sentence), (article, name, type) or (article, country) appears twice.
-- DuckDB cannot drop a key in place: each table is rebuilt under its name, rows in their order.

CREATE TABLE summary_sentences_008 (
    article_id     VARCHAR NOT NULL,
    algorithm      VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    score          DOUBLE NOT NULL,
    selected       BOOLEAN NOT NULL
);
INSERT INTO summary_sentences_008 SELECT * FROM summary_sentences;
DROP TABLE summary_sentences;
ALTER TABLE summary_sentences_008 RENAME TO summary_sentences;

CREATE TABLE entities_008 (
    article_id   VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,         -- in-article normalised name
    type         VARCHAR NOT NULL CHECK (type IN ('PER', 'ORG', 'LOC')),
    count        INTEGER NOT NULL
);
INSERT INTO entities_008 SELECT * FROM entities;
DROP TABLE entities;
ALTER TABLE entities_008 RENAME TO entities;

CREATE TABLE article_countries_008 (
    article_id   VARCHAR NOT NULL,
    iso2         VARCHAR NOT NULL,
    score        DOUBLE NOT NULL,
    mentions     INTEGER NOT NULL,
    is_focus     BOOLEAN NOT NULL
);
INSERT INTO article_countries_008 SELECT * FROM article_countries;
DROP TABLE article_countries;
ALTER TABLE article_countries_008 RENAME TO article_countries;
