"""Index pages, Atom feed and prev/next links across the rendered days."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

from flows.digest import daily_digest
from newsdigest.warehouse import connect
from tasks.digest_context import build_context
from tasks.digest_index import day_summary, neighbours, read_days, stale_neighbours, write_index
from tasks.render import write_digest
from tests.digest_sample import fill_warehouse, sample_context

ATOM = "{http://www.w3.org/2005/Atom}"


def _empty(day: date, **kw: object):
    return build_context(day, "UTC", [], {}, {}, files=0, **kw)


def test_neighbours() -> None:
    days = [date(2026, 3, d) for d in (1, 4, 9)]
    assert neighbours(days, date(2026, 3, 4)) == (date(2026, 3, 1), date(2026, 3, 9))
    assert neighbours(days, date(2026, 3, 5)) == (date(2026, 3, 4), date(2026, 3, 9))
    assert neighbours([], date(2026, 3, 5)) == (None, None)


def test_index_and_feed_list_every_day(tmp_path: Path) -> None:
    write_digest(sample_context(next_day=date(2026, 3, 5)), tmp_path)
    write_digest(_empty(date(2026, 3, 5), prev_day=date(2026, 3, 4)), tmp_path)
    (tmp_path / "notes.json").write_text("{}")  # not a day: ignored
    (tmp_path / "2026-03-06.json").write_text("{broken")  # unreadable: skipped
    paths = write_index(tmp_path, base_url="https://news.example/digests")
    days = read_days(tmp_path)
    assert [e.day for e in days] == [date(2026, 3, 5), date(2026, 3, 4)]
    assert (days[1].articles, days[1].stories, days[1].countries) == (6, 5, 2)
    md = paths["md"].read_text("utf-8")
    assert md.index("[2026-03-05](2026-03-05.md)") < md.index("[2026-03-04](2026-03-04.md)")
    assert "| 6 | 5 | 2 | 3 |" in md and "no articles" in md
    html = paths["html"].read_text("utf-8")
    assert 'href="2026-03-04.html"' in html and 'lang="en"' in html
    feed = ET.parse(paths["xml"]).getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}base") == "https://news.example/digests/"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == ["2026-03-05.html",
                                                                     "2026-03-04.html"]  # fmt: skip
    assert len({e.find(f"{ATOM}id").text for e in entries}) == 2
    content = entries[1].find(f"{ATOM}content").text  # HTML, escaped once more inside XML
    assert "<li>&lt;script&gt;alert(1)&lt;/script&gt;" in content and "<script>" not in content
    assert entries[1].find(f"{ATOM}updated").text == "2026-03-04T23:05:00Z"


def test_feed_time_moves_only_when_content_changes() -> None:
    old = day_summary(sample_context(generated_at=datetime(2026, 3, 4, 8, tzinfo=UTC)))
    relinked = day_summary(sample_context(next_day=date(2026, 3, 9)), old)
    assert relinked["updated"] == old["updated"] == "2026-03-04T08:00:00+00:00"
    changed = day_summary(sample_context(threshold=1.01), relinked)
    assert changed["updated"] == "2026-03-04T23:05:00+00:00"


def test_stale_neighbours(tmp_path: Path) -> None:
    write_digest(_empty(date(2026, 3, 1)), tmp_path)
    write_digest(_empty(date(2026, 3, 9), prev_day=date(2026, 3, 1)), tmp_path)
    assert stale_neighbours(tmp_path, date(2026, 3, 4)) == [date(2026, 3, 1), date(2026, 3, 9)]
    assert stale_neighbours(tmp_path, date(2026, 3, 12)) == [date(2026, 3, 9)]
    assert stale_neighbours(tmp_path, date(2026, 2, 1)) == [date(2026, 3, 1)]


def test_flow_links_days_both_ways(prefect_harness, tmp_path: Path) -> None:
    wh, dg = tmp_path / "wh", tmp_path / "dg"
    at = datetime(2026, 3, 4, 9, tzinfo=UTC)
    art = {"id": "x1", "title": "Bridge opens", "body": ["The bridge in Lima opened."],
           "at": at, "files": [("f.txt", 0)], "focus": "PE"}  # fmt: skip
    with connect(wh / "news.duckdb") as con:
        fill_warehouse(con, [art])
    run = daily_digest
    run("2026-03-06", str(wh), str(dg), "UTC")
    out = run("2026-03-04", str(wh), str(dg), "UTC")
    assert out["articles"] == 1 and Path(out["index"]).exists()
    first = json.loads((dg / "2026-03-04.json").read_text("utf-8"))
    later = (dg / "2026-03-06.md").read_text("utf-8")
    assert "[← 2026-03-04](2026-03-04.md)" in later  # re-rendered with its new neighbour
    assert "[2026-03-06 →](2026-03-06.md)" in (dg / "2026-03-04.md").read_text("utf-8")
    run("2026-03-05", str(wh), str(dg), "UTC")
    assert "[← 2026-03-05](2026-03-05.md)" in (dg / "2026-03-06.md").read_text("utf-8")
    assert "[2026-03-05 →]" in (dg / "2026-03-04.md").read_text("utf-8")
    feed = ET.parse(dg / "feed.xml").getroot()
    assert len(feed.findall(f"{ATOM}entry")) == 3
    summary = json.loads((dg / "2026-03-04.json").read_text("utf-8"))
    assert summary["next_day"] == "2026-03-05" and summary["updated"] == first["updated"]
