"""Per-file transactions: idempotent, provenance kept, failures recorded, nothing partial."""

from __future__ import annotations

import pytest

from newsdigest.warehouse import connect
from tasks.annotate import annotate_articles
from tasks.store import store_file
from tests.helpers import article, parsed


def _count(con, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_store_then_same_bytes_again_adds_nothing() -> None:
    con = connect(":memory:")
    p = parsed("one.txt", [article("Floods in Bergen"), article("Oil fund grows", position=1)])
    notes = annotate_articles(p.articles)
    first = store_file(con, p, notes)
    assert (first.status, first.articles) == ("new", 2)
    counts = {t: _count(con, t) for t in ("articles", "summary_sentences", "article_countries")}
    assert counts["articles"] == 2 and counts["summary_sentences"] > 0
    again = store_file(con, p, notes)
    assert again.status == "duplicate" and again.articles == 0
    assert {t: _count(con, t) for t in counts} == counts


def test_same_article_in_two_files_is_stored_once_with_two_provenances() -> None:
    con = connect(":memory:")
    shared = article("Ferry strike ends")
    a = parsed("a.txt", [shared, article("Salmon prices fall", position=1)], sha="a" * 64)
    b = parsed("b.txt", [article("Other story"), article("Ferry strike ends", position=1)],
               sha="b" * 64)  # fmt: skip
    store_file(con, a, annotate_articles(a.articles))
    out = store_file(con, b, annotate_articles(b.articles))
    assert out.articles == 1  # only "Other story" is new
    assert _count(con, "articles") == 3
    provenance = con.execute(
        "SELECT file_sha256, position FROM article_sources WHERE article_id = ? ORDER BY 1",
        [shared.article_id],
    ).fetchall()
    assert provenance == [("a" * 64, 0), ("b" * 64, 1)]


def test_failed_file_is_recorded_with_reason_and_no_rows() -> None:
    con = connect(":memory:")
    p = parsed("bad.txt", [])
    p.error = "invalid UTF-8 at byte offset 7"
    out = store_file(con, p, {})
    assert out.status == "failed" and "offset 7" in out.reason
    assert con.execute("SELECT status, error FROM files").fetchall() == [("failed", p.error)]
    assert _count(con, "articles") == 0


def test_error_mid_file_rolls_back_everything() -> None:
    con = connect(":memory:")
    p = parsed("x.txt", [article("Quiet day in Tromso"), article("Second story", position=1)])
    notes = annotate_articles(p.articles[:1])  # missing annotation for the second -> KeyError
    with pytest.raises(KeyError):
        store_file(con, p, notes)
    for table in ("files", "articles", "article_sources", "summary_sentences", "file_names"):
        assert _count(con, table) == 0, table
