"""The digest's warehouse queries: arrival day in a timezone, provenance, previous days."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from newsdigest.warehouse import connect
from tasks.digest_build import load_context
from tasks.digest_query import day_articles, day_file_count, history
from tests.digest_sample import fill_warehouse

BODY = ["Officials in Lima said on Monday the new bridge would open in May.", "It cost a lot."]


def _art(aid: str, at: datetime, files: list, focus: str | None, ents: list | None = None,
         title: str | None = None) -> dict:  # fmt: skip
    return {"id": aid, "title": title or f"Story {aid}", "body": [f"{aid}: {BODY[0]}", BODY[1]],
            "at": at, "files": files, "focus": focus, "others": ["CL"] if focus else [],
            "entities": ents or []}  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "wh" / "news.duckdb"
    t = lambda d, h: datetime(2026, 3, d, h, 30, tzinfo=UTC)  # noqa: E731
    arts = [
        _art("a1", t(4, 9), [("f1.txt", 0), ("f2.txt", 3)], "PE", [("Lima", "LOC", 2)]),
        _art("a2", t(4, 10), [("f2.txt", 0)], "PE", [("Lima", "LOC", 1)]),
        _art("a3", t(3, 23), [("f3.txt", 0)], "ES"),  # 4 March in Riyadh (UTC+3)
        _art("a4", t(3, 8), [("f3.txt", 1)], "PE", [("Lima", "LOC", 1)]),
        _art("a5", t(1, 8), [("f4.txt", 0)], None, [("Quito", "LOC", 1)]),
    ]
    with connect(path) as con:
        fill_warehouse(con, arts)
    return path


def test_day_articles_in_a_timezone_with_files_and_summary(db: Path) -> None:
    with connect(db) as con:
        utc = day_articles(con, date(2026, 3, 4), "UTC")
        riyadh = day_articles(con, date(2026, 3, 4), "Asia/Riyadh")
        assert day_file_count(con, date(2026, 3, 4), "UTC") == 2
    assert [r["article_id"] for r in utc] == ["a1", "a2"]
    assert [r["article_id"] for r in riyadh] == ["a3", "a1", "a2"]
    assert utc[0]["files"] == ["f1.txt", "f2.txt"]
    assert utc[0]["summary"] == [f"a1: {BODY[0]}"] and utc[0]["body"][1] == BODY[1]


def test_history_counts_yesterday_and_the_week(db: Path) -> None:
    with connect(db) as con:
        hist = history(con, date(2026, 3, 4), "UTC")
    assert hist.previous_countries == {"ES": 1, "PE": 1} and hist.previous_articles == 2
    assert hist.week_entities == {("Lima", "LOC"): 1, ("Quito", "LOC"): 1}
    assert hist.week_articles == 3


def test_load_context_end_to_end(db: Path) -> None:
    ctx = load_context(db, date(2026, 3, 4), "UTC", prev_day=date(2026, 3, 3))
    assert [(s.iso2, s.article_count, s.change) for s in ctx.sections] == [
        ("PE", 2, "+1 vs yesterday"),
    ]
    assert ctx.has_history and [r.name for r in ctx.rising] == ["Lima"]
    assert ctx.prev_day == date(2026, 3, 3) and ctx.generated_at is not None
    empty = load_context(db, date(2026, 2, 1), "UTC")
    assert empty.is_empty and not empty.has_history


def test_two_files_under_one_name_count_as_two_sources() -> None:
    from datetime import date

    from newsdigest.warehouse import connect
    from tasks.annotate import annotate_articles
    from tasks.digest_query import day_articles
    from tasks.store import store_file
    from tests.helpers import article, parsed

    con = connect(":memory:")
    story = article("Ferry strike ends")
    first = parsed("drop.txt", [story], sha="a" * 64)
    second = parsed("drop.txt", [article("Other story"), story.__class__(**{**story.to_dict(),
                    "position": 1})], sha="b" * 64)  # fmt: skip
    for p in (first, second):
        store_file(con, p, annotate_articles(p.articles))
    [row] = [r for r in day_articles(con, date.today(), "UTC") if r["title"] == story.title]
    assert row["files"] == ["drop.txt (aaaaaaaa)", "drop.txt (bbbbbbbb)"]
