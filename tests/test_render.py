"""Digest context grouping and rendering: order, escaping, empty days, atomic writes."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.digest_context import build_context
from tasks.render import _collapse_blank_lines, md_escape, render, write_digest

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "[x](javascript:alert(1))",
    "{{7*7}}",
    "{% include 'x' %}",
]


def _row(aid: str, title: str, summary: list[str]) -> dict:
    return {"article_id": aid, "title": title, "published": None, "summary": summary,
            "highlights": [], "body": summary, "layout": "B"}  # fmt: skip


def _ctx(titles: dict[str, str]):
    rows = [_row(aid, t, [f"Sentence about {t}."]) for aid, t in titles.items()]
    focus = {"a1": "JP", "a2": "KE", "a3": "KE", "a4": None}
    countries = {aid: ([(c, True)] if c else []) for aid, c in focus.items() if aid in titles}
    ents = {aid: [("Nairobi", "LOC", 2)] for aid in titles}
    return build_context(date(2026, 3, 1), "UTC", rows, ents, countries, files=2)


def test_sections_by_size_then_name_unknown_last() -> None:
    ctx = _ctx({"a1": "Yen", "a2": "Vote", "a3": "Count", "a4": "Mystery"})
    assert [s.iso2 for s in ctx.sections] == ["KE", "JP", "??"]
    assert ctx.article_count == 4 and ctx.country_count == 2
    assert ctx.sections[0].top_entities[0].count == 4


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "img", "iframe"):
            self.bad.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.bad.append(f"{tag}@{name}")


def test_hostile_text_is_inert_in_html_and_markdown() -> None:
    ctx = _ctx({f"a{i + 1}": t for i, t in enumerate(HOSTILE[:4])})
    html = render(ctx, "html")
    scan = _Scan()
    scan.feed(html)
    assert scan.bad == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{7*7}}" in html  # rendered literally, not evaluated to 49
    md = render(ctx, "md")
    assert "<script>" not in md
    assert not re.search(r"(?<!\\)\]\(javascript:", md)  # only escaped brackets remain
    assert "&lt;script&gt;" in md


def test_md_escape_keeps_plain_text_readable() -> None:
    assert (
        md_escape("Libya’s Haftar (LNA) meets U.S. envoy")
        == "Libya’s Haftar (LNA) meets U.S. envoy"
    )
    assert md_escape("# not a heading\nsecond line") == "\\# not a heading second line"


def test_empty_day_says_so(tmp_path: Path) -> None:
    ctx = build_context(date(2026, 3, 2), "UTC", [], {}, {}, files=0)
    paths = write_digest(ctx, tmp_path)
    assert "No articles arrived" in paths["html"].read_text()
    assert "No articles arrived" in paths["md"].read_text()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["2026-03-02.html", "2026-03-02.json", "2026-03-02.md"]


def test_full_texts_can_be_left_out() -> None:
    ctx = _ctx({"a1": "Yen", "a2": "Vote"})
    for fmt in ("md", "html"):
        full, short = render(ctx, fmt), render(ctx, fmt, full_texts=False)
        assert "Full texts" in full and "#t-a1" in full
        assert "Full texts" not in short and "#t-a1" not in short and "Sentence about Yen." in short


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="\nab ", max_size=60))
def test_blank_line_runs_collapse_to_one_blank_line(text):
    assert _collapse_blank_lines(text) == re.sub(r"\n{3,}", "\n\n", text)
