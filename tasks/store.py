"""Write parsed, annotated files to the warehouse: one transaction per file, idempotent."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import UTC, datetime

import duckdb

from newsdigest.models import Annotation, Article
from newsdigest.runlog import safe_name
from newsdigest.warehouse import bulk_insert
from tasks.discover import ParsedFile, SeedFile

RACY_NS = 1_000_000_000  # a sighting less than 1 s after the file's mtime is not trusted

ARTICLE_COLUMNS = (
    "article_id", "title", "caption", "published", "highlights", "dateline", "body", "credit",
    "layout", "file_sha256", "position", "ingested_at",
)  # fmt: skip


@dataclass
class FileOutcome:
    """What happened to one file: new, duplicate, unchanged or failed."""

    name: str
    status: str  # "new" | "duplicate" | "failed"
    sha256: str = ""
    articles: int = 0  # articles stored that were not in the warehouse before
    reason: str | None = None

    def log_line(self) -> str:
        """One INFO line for operators."""
        name = safe_name(self.name)
        if self.status == "failed":
            return f"{name}: failed: {self.reason}"
        if self.status == "duplicate":
            return (
                f"{name}: duplicate of already ingested bytes ({self.sha256[:12]}), nothing added"
            )
        return f"{name}: stored {self.articles} new article(s) ({self.sha256[:12]})"


@dataclass
class StoreReport:
    """Outcomes for a batch of files."""

    outcomes: list[FileOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        """Number of files with this status."""
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def articles_new(self) -> int:
        """Articles stored for the first time."""
        return sum(o.articles for o in self.outcomes)

    def summary(self, seen: int, seconds: float) -> dict:
        """Totals for the CLI, the run artifact and the logs."""
        return {
            "files_seen": seen,
            "files_new": self.count("new"),
            "files_duplicate": self.count("duplicate"),
            "files_failed": self.count("failed"),
            "files_unchanged": seen - len(self.outcomes),
            "articles_stored": self.articles_new,
            "seconds": round(seconds, 3),
        }


def unchanged_by_stat(con: duckdb.DuckDBPyConnection, seeds: list[SeedFile]) -> set[str]:
    """Names whose (name, size, mtime) were already ingested: skipped without reading.

    Failed files are read again: one still in the seeds folder was not quarantined (the run
    stopped between the ledger commit and the move), and this gives it another try.
    "Racy" sightings (seen < 1 s after the mtime) are read again too, as git does: file times
    are coarse (a few ms), so bytes rewritten at the same size in that tick keep their mtime.
    """
    if not seeds:
        return set()
    rows = con.execute(
        "SELECT n.name FROM file_names n JOIN files f USING (sha256)"
        f" WHERE f.status = 'done' AND epoch_us(n.seen_at) * 1000 - n.mtime_ns > {RACY_NS}"
        " AND (n.name, n.size, n.mtime_ns) IN"
        " (SELECT (unnest($1), unnest($2), unnest($3)))",
        [[s.name for s in seeds], [s.size for s in seeds], [s.mtime_ns for s in seeds]],
    ).fetchall()
    return {r[0] for r in rows}


def known_files(con: duckdb.DuckDBPyConnection, shas: list[str]) -> dict[str, str]:
    """Status of each sha256 already in the ledger."""
    if not shas:
        return {}
    rows = con.execute(
        "SELECT sha256, status FROM files WHERE sha256 IN (SELECT unnest($1))", [shas]
    ).fetchall()
    return dict(rows)


def existing_articles(con: duckdb.DuckDBPyConnection, ids: list[str]) -> set[str]:
    """Which of these article ids are already stored."""
    if not ids:
        return set()
    rows = con.execute(
        "SELECT article_id FROM articles WHERE article_id IN (SELECT unnest($1))", [ids]
    ).fetchall()
    return {r[0] for r in rows}


def _sighting(con: duckdb.DuckDBPyConnection, seed: SeedFile, sha: str, now: datetime) -> None:
    con.execute(
        "INSERT INTO file_names VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT DO UPDATE SET sha256 = excluded.sha256, seen_at = excluded.seen_at",
        [seed.name, seed.size, seed.mtime_ns, sha, now],
    )
    con.execute("UPDATE files SET last_seen = ? WHERE sha256 = ?", [now, sha])


def _article_row(a: Article, sha: str, now: datetime) -> tuple:
    return (
        a.article_id, a.title, a.caption, a.published, a.highlights, a.dateline, a.body,
        a.credit, a.layout, sha, a.position, now,
    )  # fmt: skip


STAGED = "staged_entities"  # temp table: the chunk's entity rows with focus and arrival
_STAGE_SQL = (
    "CREATE OR REPLACE TEMP TABLE staged_entities AS SELECT s.*, a.ingested_at"
    " FROM {rows} s JOIN articles a ON a.article_id = s.article_id"
)
# Keyed aggregates (migration 009): (base, delta, key, the chunk's rows, the delta summed per
# key, the base's measure columns, the merged row from the summed delta `n` and the base `o`).
_KEYED = (
    ("entity_pair_base", "entity_pair_delta", "pair_key", "entity_pair_rows",
     "pair_key, name_a, type_a, name_b, type_b, sum(articles)::BIGINT AS articles,"
     " min(first_at) AS first_at, max(last_at) AS last_at", "articles, first_at, last_at",
     "n.pair_key, n.name_a, n.type_a, n.name_b, n.type_b, n.articles + coalesce(o.articles, 0),"
     " least(n.first_at, o.first_at), greatest(n.last_at, o.last_at)"),
    ("entity_country_base", "entity_country_delta", "tally_key", "entity_country_rows",
     "tally_key, focus_country, name, type, sum(mentions)::BIGINT AS mentions,"
     " sum(articles)::BIGINT AS articles", "mentions, articles",
     "n.tally_key, n.focus_country, n.name, n.type, n.mentions + coalesce(o.mentions, 0),"
     " n.articles + coalesce(o.articles, 0)"),
)  # fmt: skip
COMPACT_SHARE = 0.1  # merge a delta into its base once it holds more rows than this share ...
COMPACT_MIN_ROWS = 50_000  # ... of the base, and more than this


def _count_staged(con: duckdb.DuckDBPyConnection) -> None:
    """Add the staged chunk to the entity aggregates (pairs, countries, days; migration 009).

    The keyed ones only get the chunk's partial rows appended to their delta; `compact` folds a
    delta into its base once it is large enough, so per chunk nothing scans or rewrites a base.
    """
    for _, delta, _, rows, *_ in _KEYED:
        con.execute(f"INSERT INTO {delta} SELECT * FROM {rows}($1)", [STAGED])
    con.execute("INSERT INTO entity_bucket_counts SELECT * FROM entity_bucket_rows($1)", [STAGED])
    con.execute(f"DROP TABLE {STAGED}")
    compact(con)


def compact(con: duckdb.DuckDBPyConnection, force: bool = False) -> list[str]:
    """Fold each delta holding more than COMPACT_SHARE of its base (or any, with `force`) into
    the base; return the bases merged. Call it inside the caller's transaction.

    The delta is summed per key; the base rows with those keys are deleted and inserted again
    with the sums rather than updated in place (scattered updates made the checkpoint rewrite
    every row group of the table). A merge reads the base's key and measure columns once (not
    its names: the key implies them), after a number of chunks that grows with the base, so
    its cost per stored article stays flat.
    """
    merged = []
    for base, delta, key, _, summed, measures, sums in _KEYED:
        (n_delta,) = con.execute(f"SELECT count(*) FROM {delta}").fetchone()
        if not n_delta:
            continue
        (n_base,) = con.execute(f"SELECT count(*) FROM {base}").fetchone()
        if not force and n_delta <= max(COMPACT_MIN_ROWS, COMPACT_SHARE * n_base):
            continue
        sql = f"SELECT {summed} FROM {delta} GROUP BY ALL"
        con.execute(f"CREATE OR REPLACE TEMP TABLE chunk_rows AS {sql}")
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE old_rows AS SELECT t.rowid AS rid, t.{key}, {measures}"
            f" FROM {base} t SEMI JOIN chunk_rows n ON n.{key} = t.{key}"
        )
        con.execute(f"DELETE FROM {base} WHERE rowid IN (SELECT rid FROM old_rows)")
        con.execute(
            f"INSERT INTO {base} SELECT {sums} FROM chunk_rows n"
            f" LEFT JOIN old_rows o ON o.{key} = n.{key}"
        )
        con.execute(f"DELETE FROM {delta}")
        con.execute("DROP TABLE chunk_rows; DROP TABLE old_rows")
        merged.append(base)
    return merged


def add_entity_aggregates(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> None:
    """Count these stored articles into every ingest aggregate, reading their rows back.

    For builders that insert `entities` and friends directly. Call it once per article, in the
    transaction that inserts the article and its rows: the counts add up, so an article counted
    twice (or not inserted) would skew them.
    """
    if not article_ids:
        return
    rows = (
        "(SELECT e.article_id, e.name, e.type, e.count, coalesce(c.iso2, '??') AS focus_country"
        " FROM entities e"
        " LEFT JOIN article_countries c ON c.article_id = e.article_id AND c.is_focus"
        " WHERE e.article_id IN (SELECT unnest($1)))"
    )
    con.execute(_STAGE_SQL.format(rows=rows), [article_ids])
    _count_staged(con)
    con.execute(
        "INSERT INTO article_summary_texts SELECT * FROM article_summary_rows($1)", [article_ids]
    )


def _summary_text(ann: Annotation) -> str | None:
    """The selected sentences in order, as article_summary_rows joins them (NULL when none)."""
    picked = sorted((s for s in ann.summary.sentences if s.selected), key=lambda s: s.index)
    return " ".join(s.text for s in picked) if picked else None


def _insert_annotations(con: duckdb.DuckDBPyConnection, notes: dict[str, Annotation]) -> None:
    sents, ents, ctry, texts = [], [], [], []
    for aid, ann in notes.items():
        sents += [
            (aid, ann.summary.algorithm, s.index, s.text, float(s.score), s.selected)
            for s in ann.summary.sentences
        ]
        ents += [(aid, e.name, e.type, e.count) for e in ann.entity_counts]
        ctry += [
            (aid, c.iso2, float(c.score), c.mentions, c.iso2 == ann.countries.focus)
            for c in ann.countries.countries
        ]
        # as article_summary_rows: the focus of the stored rows (None when it has no row)
        focus = ann.countries.focus
        stored = any(c.iso2 == focus for c in ann.countries.countries)
        texts.append((aid, focus if stored else None, _summary_text(ann)))
    bulk_insert(con, "summary_sentences", ["article_id", "algorithm", "sentence_index", "text",
                                           "score", "selected"], sents)  # fmt: skip
    bulk_insert(con, "entities", ["article_id", "name", "type", "count"], ents)
    bulk_insert(con, "article_countries", ["article_id", "iso2", "score", "mentions", "is_focus"],
                ctry)  # fmt: skip
    bulk_insert(con, "article_summary_texts", ["article_id", "focus_country", "summary"], texts)
    if ents:
        focus_of = {aid: f or "??" for aid, f, _ in texts}
        con.execute(
            "CREATE OR REPLACE TEMP TABLE staged_rows (article_id VARCHAR, name VARCHAR,"
            " type VARCHAR, count INTEGER, focus_country VARCHAR)"
        )
        bulk_insert(con, "staged_rows", ["article_id", "name", "type", "count", "focus_country"],
                    [(*e, focus_of[e[0]]) for e in ents])  # fmt: skip
        con.execute(_STAGE_SQL.format(rows="staged_rows"))
        con.execute("DROP TABLE staged_rows")
        _count_staged(con)


def store_file(
    con: duckdb.DuckDBPyConnection,
    parsed: ParsedFile,
    notes: dict[str, Annotation],
    now: datetime | None = None,
) -> FileOutcome:
    """Store one parsed file in a single transaction: all of it or none of it."""
    now = now or datetime.now(UTC)
    seed, sha = parsed.seed, parsed.sha256
    status = known_files(con, [sha]).get(sha) if sha else None
    con.execute("BEGIN TRANSACTION")
    try:
        if status is not None:
            _sighting(con, seed, sha, now)
            con.execute("COMMIT")
            return FileOutcome(seed.name, "duplicate" if status == "done" else "failed", sha,
                               reason=parsed.error)  # fmt: skip
        if parsed.error is not None:
            if sha:
                con.execute(
                    "INSERT INTO files VALUES (?, ?, ?, ?, ?, 'failed', ?, 0)",
                    [sha, seed.name, seed.size, now, now, parsed.error],
                )
                _sighting(con, seed, sha, now)
            con.execute("COMMIT")
            return FileOutcome(seed.name, "failed", sha, reason=parsed.error)
        ids = [a.article_id for a in parsed.articles]
        fresh = [a for a in parsed.articles if a.article_id not in existing_articles(con, ids)]
        fresh = list({a.article_id: a for a in reversed(fresh)}.values())[::-1]  # dup inside file
        con.execute(
            "INSERT INTO files VALUES (?, ?, ?, ?, ?, 'done', NULL, ?)",
            [sha, seed.name, seed.size, now, now, len(parsed.articles)],
        )
        _sighting(con, seed, sha, now)
        bulk_insert(con, "articles", ARTICLE_COLUMNS, [_article_row(a, sha, now) for a in fresh])
        sources = list(dict.fromkeys((a.article_id, sha, a.position) for a in parsed.articles))
        bulk_insert(con, "article_sources", ["article_id", "file_sha256", "position"], sources)
        _insert_annotations(con, {a.article_id: notes[a.article_id] for a in fresh})
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(duckdb.Error):  # a failed COMMIT has already ended it
            con.execute("ROLLBACK")
        raise
    return FileOutcome(seed.name, "new", sha, articles=len(fresh))
