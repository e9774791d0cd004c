-- 001: the core model. Files ledger, articles with provenance, NLP outputs.

CREATE TABLE files (
    sha256       VARCHAR PRIMARY KEY,      -- sha256 of the file's bytes
    name         VARCHAR NOT NULL,         -- first name it arrived under
    size         BIGINT NOT NULL,          -- bytes
    first_seen   TIMESTAMPTZ NOT NULL,
    last_seen    TIMESTAMPTZ NOT NULL,
    status       VARCHAR NOT NULL CHECK (status IN ('done', 'failed')),
    error        VARCHAR,                  -- reason, when status = 'failed'
    articles     INTEGER NOT NULL DEFAULT 0  -- articles parsed from it
);

-- Every (name, size, mtime) under which some bytes were seen: lets a rerun skip unchanged files by stat.
CREATE TABLE file_names (
    name         VARCHAR NOT NULL,
    size         BIGINT NOT NULL,
    mtime_ns     BIGINT NOT NULL,
    sha256       VARCHAR NOT NULL,
    seen_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (name, size, mtime_ns)
);

CREATE TABLE articles (
    article_id   VARCHAR PRIMARY KEY,      -- sha256 prefix of the normalised title + body
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

-- Provenance: every (file, position) an article was found at.
CREATE TABLE article_sources (
    article_id   VARCHAR NOT NULL,
    file_sha256  VARCHAR NOT NULL,
    position     INTEGER NOT NULL,
    PRIMARY KEY (article_id, file_sha256, position)
);

-- Every body sentence with its summarizer score; selected ones form the summary.
CREATE TABLE summary_sentences (
    article_id     VARCHAR NOT NULL,
    algorithm      VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    score          DOUBLE NOT NULL,
    selected       BOOLEAN NOT NULL,
    PRIMARY KEY (article_id, algorithm, sentence_index)
);

CREATE TABLE entities (
    article_id   VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,         -- in-article normalised name
    type         VARCHAR NOT NULL CHECK (type IN ('PER', 'ORG', 'LOC')),
    count        INTEGER NOT NULL,
    PRIMARY KEY (article_id, name, type)
);

CREATE TABLE article_countries (
    article_id   VARCHAR NOT NULL,
    iso2         VARCHAR NOT NULL,
    score        DOUBLE NOT NULL,
    mentions     INTEGER NOT NULL,
    is_focus     BOOLEAN NOT NULL,
    PRIMARY KEY (article_id, iso2)
);

-- One row per ingest run: what operators see in the artifact, kept for analysts.
CREATE TABLE ingest_runs (
    run_id       VARCHAR PRIMARY KEY,
    started_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ,
    files_seen   INTEGER NOT NULL DEFAULT 0,
    files_new    INTEGER NOT NULL DEFAULT 0,
    files_duplicate INTEGER NOT NULL DEFAULT 0,
    files_failed INTEGER NOT NULL DEFAULT 0,
    articles_new INTEGER NOT NULL DEFAULT 0
);
