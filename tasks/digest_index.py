"""The digests folder as a whole: per-day summaries, prev/next days, index pages and Atom feed."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from prefect import task

from tasks.digest_model import DigestContext
from tasks.render import render_template, write_atomic

_DAY_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.json$")
FEED_ENTRIES = 60


@dataclass
class DayEntry:
    """One rendered day, as listed in the index and the feed."""

    day: date
    articles: int
    stories: int
    countries: int
    files: int
    top_countries: list[str] = field(default_factory=list)  # "🇱🇾 Libya (3)"
    headlines: list[str] = field(default_factory=list)
    prev_day: date | None = None
    next_day: date | None = None
    generated_at: datetime | None = None

    @property
    def html(self) -> str:
        """Relative link to the day's HTML page."""
        return f"{self.day.isoformat()}.html"

    @property
    def md(self) -> str:
        """Relative link to the day's Markdown page."""
        return f"{self.day.isoformat()}.md"

    @property
    def feed_id(self) -> str:
        """Stable Atom id for the day's entry."""
        name = f"newsdigest:digest:{self.day.isoformat()}"
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"

    @property
    def updated(self) -> str:
        """RFC 3339 time for Atom (the day's midnight UTC when unknown)."""
        ts = self.generated_at or datetime(self.day.year, self.day.month, self.day.day, tzinfo=UTC)
        return ts.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


_NAV_KEYS = ("prev_day", "next_day", "generated_at", "updated")


def day_summary(ctx: DigestContext, previous: dict | None = None) -> dict:
    """What the index and the feed need to know about a rendered day (stored as `<day>.json`).

    `updated` (the feed entry's time) moves only when the day's content changed since the
    `previous` summary, not when the page was re-rendered for new prev/next links.
    """
    summary = {
        "day": ctx.day.isoformat(),
        "articles": ctx.article_count,
        "stories": ctx.story_count,
        "countries": ctx.country_count,
        "files": ctx.files,
        "top_countries": [f"{s.flag} {s.name} ({s.article_count})" for s in ctx.sections[:5]],
        "headlines": [a.title for a in ctx.stories[:5]],
        "prev_day": ctx.prev_day.isoformat() if ctx.prev_day else None,
        "next_day": ctx.next_day.isoformat() if ctx.next_day else None,
        "generated_at": ctx.generated_at.isoformat() if ctx.generated_at else None,
    }
    same = previous is not None and all(
        previous.get(k) == v for k, v in summary.items() if k not in _NAV_KEYS
    )
    summary["updated"] = (previous or {}).get("updated") if same else summary["generated_at"]
    return summary


def _entry(data: dict) -> DayEntry:
    def day(v: str | None) -> date | None:
        return date.fromisoformat(v) if v else None

    gen = data.get("updated") or data.get("generated_at")
    return DayEntry(
        day=date.fromisoformat(data["day"]), articles=data["articles"], stories=data["stories"],
        countries=data["countries"], files=data["files"], top_countries=data["top_countries"],
        headlines=data["headlines"], prev_day=day(data.get("prev_day")),
        next_day=day(data.get("next_day")),
        generated_at=datetime.fromisoformat(gen) if gen else None,
    )  # fmt: skip


def read_days(digests_dir: Path) -> list[DayEntry]:
    """Every rendered day with its summary, newest first (unreadable summaries are skipped)."""
    entries = []
    for path in digests_dir.glob("*.json") if digests_dir.is_dir() else []:
        if not _DAY_FILE.match(path.name):
            continue
        try:
            entries.append(_entry(json.loads(path.read_text("utf-8"))))
        except (ValueError, KeyError, TypeError):
            continue
    return sorted(entries, key=lambda e: e.day, reverse=True)


def neighbours(days: list[date], day: date) -> tuple[date | None, date | None]:
    """The closest day before and after `day` among `days`."""
    before = [d for d in days if d < day]
    after = [d for d in days if d > day]
    return (max(before) if before else None, min(after) if after else None)


def stale_neighbours(digests_dir: Path, day: date) -> list[date]:
    """Rendered days next to `day` whose prev/next links do not point at `day` yet."""
    entries = {e.day: e for e in read_days(digests_dir)}
    prev, nxt = neighbours(list(entries), day)
    stale = []
    if prev and entries[prev].next_day != day:
        stale.append(prev)
    if nxt and entries[nxt].prev_day != day:
        stale.append(nxt)
    return stale


def render_feed(entries: list[DayEntry], base_url: str | None = None) -> str:
    """Atom 1.0 feed of the newest days (links relative to the feed unless `base_url` is given)."""
    shown = entries[:FEED_ENTRIES]
    updated = max((e.updated for e in shown), default="1970-01-01T00:00:00Z")
    base = base_url.rstrip("/") + "/" if base_url else None
    return render_template("feed", "xml", entries=shown, updated=updated, base=base)


def write_index(digests_dir: Path, base_url: str | None = None) -> dict[str, Path]:
    """Write index.html, index.md and feed.xml; return their paths keyed html, md, xml."""
    entries = read_days(digests_dir)
    texts = {
        "index.html": render_template("index", "html", entries=entries),
        "index.md": render_template("index", "md", entries=entries),
        "feed.xml": render_feed(entries, base_url),
    }
    return {name.split(".")[1]: write_atomic(digests_dir / name, t) for name, t in texts.items()}


write_index_task = task(name="write-digest-index", retries=2, retry_delay_seconds=1)(write_index)
