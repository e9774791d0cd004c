-- 002: views for the common analyst questions.

CREATE VIEW article_summaries AS
SELECT a.article_id,
       a.title,
       CAST(a.ingested_at AS DATE) AS arrival_day,
       a.published,
       c.iso2 AS focus_country,
       string_agg(s.text, ' ' ORDER BY s.sentence_index) AS summary
FROM articles a
LEFT JOIN article_countries c ON c.article_id = a.article_id AND c.is_focus
LEFT JOIN summary_sentences s ON s.article_id = a.article_id AND s.selected
GROUP BY ALL;

CREATE VIEW articles_per_country_day AS
SELECT CAST(a.ingested_at AS DATE) AS day,
       coalesce(c.iso2, '??') AS focus_country,
       count(*) AS articles
FROM articles a
LEFT JOIN article_countries c ON c.article_id = a.article_id AND c.is_focus
GROUP BY ALL;

CREATE VIEW entity_tallies_day AS
SELECT CAST(a.ingested_at AS DATE) AS day, e.name, e.type,
       sum(e.count) AS mentions, count(DISTINCT e.article_id) AS articles
FROM entities e JOIN articles a USING (article_id)
GROUP BY ALL;

CREATE VIEW file_ledger AS
SELECT f.name, f.sha256, f.size, f.status, f.error, f.articles, f.first_seen, f.last_seen
FROM files f;
