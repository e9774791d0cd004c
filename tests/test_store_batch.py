"""store_batch writes exactly what store_file writes file by file, in fewer statements."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsdigest.warehouse import connect
from tasks.annotate import annotate_articles
from tasks.store import store_file
from tasks.store_batch import store_batch
from tests.helpers import article, parsed

NOW = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)
TABLES = {
    "files": "sha256, name, size, status, error, articles, first_seen, last_seen",
    "file_names": "name, size, mtime_ns, sha256, seen_at",
    "articles": "article_id, title, body, file_sha256, position",
    "article_sources": "article_id, file_sha256, position",
    "summary_sentences": "article_id, sentence_index, text, score, selected",
    "entities": "article_id, name, type, count",
    "article_countries": "article_id, iso2, score, mentions, is_focus",
}


def _chunk() -> list:
    shared = article("Ferry strike ends")
    bad = parsed("bad.txt", [], sha="e" * 64)
    bad.error = "invalid UTF-8 at byte offset 7"
    twice = article("Harbour reopens")
    return [
        parsed("a.txt", [shared, article("Salmon prices fall", position=1)], sha="a" * 64),
        parsed(
            "b.txt",
            [article("Other story"), article("Ferry strike ends", position=1)],
            sha="b" * 64,
        ),  # fmt: skip
        parsed("a-copy.txt", [shared, article("Salmon prices fall", position=1)], sha="a" * 64),
        bad,
        parsed("c.txt", [twice, article("Harbour reopens", position=1), twice], sha="c" * 64),
    ]


def _dump(con) -> dict:
    return {t: sorted(con.execute(f"SELECT {c} FROM {t}").fetchall()) for t, c in TABLES.items()}


def _both(before: list | None = None) -> tuple:
    chunk = _chunk()
    notes = annotate_articles([a for p in chunk for a in p.articles])
    one, batch = connect(":memory:"), connect(":memory:")
    for con in (one, batch):
        for p in before or []:
            store_file(con, p, notes, NOW)
    per_file = [store_file(one, p, notes, NOW) for p in chunk]
    return per_file, store_batch(batch, chunk, notes, NOW), one, batch


def test_batch_matches_file_by_file() -> None:
    per_file, batched, one, batch = _both()
    assert [o.status for o in batched] == ["new", "new", "duplicate", "failed", "new"]
    assert batched == per_file
    assert _dump(batch) == _dump(one)
    assert len(_dump(batch)["article_sources"]) == 6  # c.txt: one article at positions 0, 1, 0


def test_batch_matches_when_files_are_already_known() -> None:
    per_file, batched, one, batch = _both(before=_chunk()[:2])
    assert [o.status for o in batched][:3] == ["duplicate", "duplicate", "duplicate"]
    assert batched == per_file
    assert _dump(batch) == _dump(one)


def test_missing_annotation_fails_like_store_file_and_leaves_nothing() -> None:
    con = connect(":memory:")
    p = parsed("x.txt", [article("Quiet day in Tromso"), article("Second story", position=1)])
    with pytest.raises(KeyError):
        store_batch(con, [p], annotate_articles(p.articles[:1]), NOW)
    for table in TABLES:
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table


def test_failure_that_already_ended_the_transaction_falls_back_file_by_file(monkeypatch) -> None:
    import tasks.store_batch as sb

    def commit_failed(con, *args) -> None:
        con.execute("ROLLBACK")  # as a failed COMMIT (e.g. disk full) leaves it: no transaction
        raise RuntimeError("commit failed")

    chunk = _chunk()
    notes = annotate_articles([a for p in chunk for a in p.articles])
    one, batch = connect(":memory:"), connect(":memory:")
    per_file = [store_file(one, p, notes, NOW) for p in chunk]
    monkeypatch.setattr(sb, "_write", commit_failed)
    assert store_batch(batch, chunk, notes, NOW) == per_file
    assert _dump(batch) == _dump(one)
