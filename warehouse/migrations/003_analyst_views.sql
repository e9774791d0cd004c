-- 003: more views for analysts (002 has article_summaries, articles_per_country_day,
-- entity_tallies_day, file_ledger). Days are arrival days, as in 002.

-- Entity tallies per focus country ('??' when the article has none), all days together.
CREATE VIEW entity_tallies_country AS
SELECT coalesce(c.iso2, '??') AS focus_country, e.name, e.type,
       sum(e.count) AS mentions, count(DISTINCT e.article_id) AS articles
FROM entities e
LEFT JOIN article_countries c ON c.article_id = e.article_id AND c.is_focus
GROUP BY ALL;

-- Entity tallies per arrival day and focus country.
CREATE VIEW entity_tallies_country_day AS
SELECT CAST(a.ingested_at AS DATE) AS day, coalesce(c.iso2, '??') AS focus_country,
       e.name, e.type, sum(e.count) AS mentions, count(DISTINCT e.article_id) AS articles
FROM entities e
JOIN articles a USING (article_id)
LEFT JOIN article_countries c ON c.article_id = e.article_id AND c.is_focus
GROUP BY ALL;

-- Entity pairs named in the same article; each unordered pair once (a before b).
CREATE VIEW entity_pairs AS
SELECT x.name AS name_a, x.type AS type_a, y.name AS name_b, y.type AS type_b,
       count(*) AS articles,
       min(CAST(a.ingested_at AS DATE)) AS first_day,
       max(CAST(a.ingested_at AS DATE)) AS last_day
FROM entities x
JOIN entities y ON y.article_id = x.article_id AND (x.name, x.type) < (y.name, y.type)
JOIN articles a ON a.article_id = x.article_id
GROUP BY ALL;

-- Files that failed to parse: why, when, and every name the same bytes arrived under.
CREATE VIEW file_failures AS
SELECT f.name, f.sha256, f.size, f.error, f.first_seen, f.last_seen,
       list(DISTINCT n.name ORDER BY n.name) FILTER (WHERE n.name IS NOT NULL) AS names_seen,
       count(n.name) AS sightings
FROM files f
LEFT JOIN file_names n ON n.sha256 = f.sha256
WHERE f.status = 'failed'
GROUP BY ALL;
