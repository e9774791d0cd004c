"""Build the typed DigestContext from warehouse rows (pure: no I/O here)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from newsdigest.heap import gc_paused
from tasks.charts import bar_chart
from tasks.clustering import DEFAULT_THRESHOLD, cluster
from tasks.countries import country_flag, country_name
from tasks.digest_model import (
    ENTITY_TYPES,
    UNKNOWN,
    ArticleView,
    CountryRef,
    CountrySection,
    DigestContext,
    EntityRef,
    RisingEntity,
)

__all__ = ["ENTITY_TYPES", "UNKNOWN", "DigestContext", "History", "build_context"]

_WITH = re.compile(r"^\(?\s*with\s+(.+?)\s*\)?$", re.IGNORECASE)
_TRAILING_CREDIT = re.compile(r"\(([^()]{2,40})\)\s*$")
RISING_MIN = 2  # articles today before an entity can count as rising
RISING_SHOWN = 8


@dataclass
class History:
    """What the previous days looked like: for day-over-day change and rising entities."""

    previous_countries: dict[str, int] = field(default_factory=dict)  # focus iso2 -> articles
    previous_articles: int = 0  # articles the day before
    week_entities: dict[tuple[str, str], int] = field(default_factory=dict)  # articles, 7 days
    week_articles: int = 0  # articles in the previous 7 days
    days: int = 7


def agencies(credit: str | None, caption: str | None) -> list[str]:
    """Agencies named by "(With X and Y)" and by a caption's trailing "(X)" credit."""
    found: list[str] = []
    if credit and (m := _WITH.match(credit.strip())):
        found += [p.strip() for p in re.split(r",|\band\b|/", m.group(1)) if p.strip()]
    if caption and (m := _TRAILING_CREDIT.search(caption)):
        name = m.group(1).split("/")[-1].strip()
        if len(name.split()) <= 3 and not any(ch.isdigit() for ch in name):
            found.append(name)
    return list(dict.fromkeys(found))


def _top(counter: Counter, n: int) -> list[EntityRef]:
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return [EntityRef(name, typ, c) for (name, typ), c in ranked]


def _local(ts: datetime | None, tz: str) -> datetime | None:
    if ts is None or ts.tzinfo is None:
        return ts
    return ts.astimezone(ZoneInfo(tz))


def _view(row: dict, ents: list, countries: list, tz: str, top_n: int) -> ArticleView:
    by_type = {t: [EntityRef(n, t, c) for n, typ, c in ents if typ == t][:3] for t in ENTITY_TYPES}
    return ArticleView(
        article_id=row["article_id"],
        title=row["title"],
        published=row.get("published"),
        summary=list(row.get("summary") or []),
        entities=[EntityRef(n, t, c) for n, t, c in ents[:top_n]],
        other_countries=[
            CountryRef(c, country_name(c), country_flag(c)) for c, focus in countries if not focus
        ],
        highlights=list(row.get("highlights") or []),
        body=list(row.get("body") or []),
        layout=row.get("layout") or "",
        arrived=_local(row.get("ingested_at"), tz),
        dateline=row.get("dateline"),
        caption=row.get("caption"),
        agencies=agencies(row.get("credit"), row.get("caption")),
        files=list(row.get("files") or []),
        people=by_type["PER"],
        organisations=by_type["ORG"],
        places=by_type["LOC"],
        timezone=tz,
    )


def _rising(today: Counter, history: History) -> list[RisingEntity]:
    out = []
    for (name, typ), n in today.items():
        before = history.week_entities.get((name, typ), 0) / history.days
        if n >= RISING_MIN and n >= 2 * before + 1:
            out.append(RisingEntity(name, typ, n, before))
    out.sort(key=lambda r: (-(r.today - r.before), r.name))
    return out[:RISING_SHOWN]


@gc_paused()
def build_context(
    day: date,
    timezone: str,
    articles: list[dict],
    entities: dict[str, list[tuple[str, str, int]]],
    countries: dict[str, list[tuple[str, bool]]],
    files: int,
    top_n: int = 5,
    *,
    history: History | None = None,
    prev_day: date | None = None,
    next_day: date | None = None,
    generated_at: datetime | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> DigestContext:
    """Fold near-duplicates, group stories by focus country (most articles first, then name)."""
    views = [
        _view(r, entities.get(r["article_id"], []), countries.get(r["article_id"], []),
              timezone, top_n)
        for r in articles
    ]  # fmt: skip
    groups: dict[str, list[ArticleView]] = defaultdict(list)
    group_entities: dict[str, Counter] = defaultdict(Counter)
    day_mentions: Counter = Counter()
    day_articles: Counter = Counter()
    for members in cluster([(v.title, v.body) for v in views], threshold):
        # the longest version leads: nothing of the story is lost by folding the others in
        lead = max(members, key=lambda i: (len(views[i].body), sum(map(len, views[i].body)), -i))
        rep = views[lead]
        rep.versions = [views[i] for i in members if i != lead]
        if not rep.highlights:  # bullets only some outlets carry
            rep.highlights = next((v.highlights for v in rep.versions if v.highlights), [])
        focus = next((c for c, f in countries.get(rep.article_id, []) if f), UNKNOWN)
        groups[focus].append(rep)
        for i in members:
            for name, typ, count in entities.get(views[i].article_id, []):
                group_entities[focus][(name, typ)] += count
                day_mentions[(name, typ)] += count
                day_articles[(name, typ)] += 1
    sections = [
        CountrySection(
            iso2=iso2,
            name=country_name(iso2) if iso2 != UNKNOWN else "No clear country",
            flag=country_flag(iso2) if iso2 != UNKNOWN else "🌐",
            articles=sorted(stories, key=lambda a: (-a.copies, a.arrived is None, a.arrived)),
            top_entities=_top(group_entities[iso2], top_n),
            previous=history.previous_countries.get(iso2, 0)
            if history and history.previous_articles
            else None,
        )
        for iso2, stories in groups.items()
    ]
    sections.sort(key=lambda s: (s.iso2 == UNKNOWN, -s.article_count, s.name))
    by_type = {
        t: _top(Counter({k: v for k, v in day_mentions.items() if k[1] == t}), 10)
        for t in ENTITY_TYPES
    }
    charts = [
        bar_chart(t.lower(), f"Most-mentioned {label.lower()}", [(e.name, e.count) for e in refs])
        for (t, label), refs in zip(ENTITY_TYPES.items(), by_type.values(), strict=True)
        if refs
    ]
    has_history = bool(history and history.week_articles)
    rising = _rising(day_articles, history) if history and has_history else []
    rising_chart = (
        bar_chart("rising", "Rising vs the previous 7 days (articles today)",
                  [(r.name, r.today) for r in rising], [r.note for r in rising])
        if rising else None
    )  # fmt: skip
    return DigestContext(
        day, timezone, sections, by_type, files, charts=charts, rising=rising,
        rising_chart=rising_chart, has_history=has_history, prev_day=prev_day,
        next_day=next_day, generated_at=generated_at, threshold=threshold,
    )  # fmt: skip
