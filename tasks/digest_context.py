"""The typed context a digest is rendered from, built from warehouse rows (no I/O here)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from tasks.countries import country_flag, country_name

UNKNOWN = "??"


@dataclass
class EntityRef:
    """An entity with how often it was mentioned."""

    name: str
    type: str
    count: int


@dataclass
class ArticleView:
    """One article as shown in the digest."""

    article_id: str
    title: str
    published: date | None
    summary: list[str]
    entities: list[EntityRef]
    other_countries: list[str]  # names of mentioned countries other than the focus
    highlights: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    layout: str = ""

    @property
    def anchor(self) -> str:
        """In-page anchor id for the article."""
        return f"a-{self.article_id[:12]}"


@dataclass
class CountrySection:
    """The articles whose focus is one country."""

    iso2: str
    name: str
    flag: str
    articles: list[ArticleView]
    top_entities: list[EntityRef]

    @property
    def anchor(self) -> str:
        """In-page anchor id for the section."""
        return f"c-{self.iso2.lower()}"


@dataclass
class DigestContext:
    """Everything the templates need for one day."""

    day: date
    timezone: str
    sections: list[CountrySection]
    top_entities: dict[str, list[EntityRef]]  # "PER" | "ORG" | "LOC" -> most mentioned
    files: int

    @property
    def article_count(self) -> int:
        """Articles in the digest."""
        return sum(len(s.articles) for s in self.sections)

    @property
    def country_count(self) -> int:
        """Sections with a known country."""
        return sum(1 for s in self.sections if s.iso2 != UNKNOWN)


ENTITY_TYPES = {"PER": "People", "ORG": "Organisations", "LOC": "Places"}


def _top(counter: Counter, n: int) -> list[EntityRef]:
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return [EntityRef(name, typ, c) for (name, typ), c in ranked]


def build_context(
    day: date,
    timezone: str,
    articles: list[dict],
    entities: dict[str, list[tuple[str, str, int]]],
    countries: dict[str, list[tuple[str, bool]]],
    files: int,
    top_n: int = 5,
) -> DigestContext:
    """Group articles by focus country (largest group first, then by name)."""
    groups: dict[str, list[ArticleView]] = defaultdict(list)
    group_entities: dict[str, Counter] = defaultdict(Counter)
    day_entities: Counter = Counter()
    for row in articles:
        aid = row["article_id"]
        ents = entities.get(aid, [])
        focus = next((c for c, is_focus in countries.get(aid, []) if is_focus), UNKNOWN)
        others = [country_name(c) for c, is_focus in countries.get(aid, []) if not is_focus]
        view = ArticleView(
            article_id=aid,
            title=row["title"],
            published=row.get("published"),
            summary=list(row.get("summary") or []),
            entities=[EntityRef(n, t, c) for n, t, c in ents[:top_n]],
            other_countries=others,
            highlights=list(row.get("highlights") or []),
            body=list(row.get("body") or []),
            layout=row.get("layout") or "",
        )
        groups[focus].append(view)
        for name, typ, count in ents:
            group_entities[focus][(name, typ)] += count
            day_entities[(name, typ)] += count
    sections = [
        CountrySection(
            iso2=iso2,
            name=country_name(iso2) if iso2 != UNKNOWN else "No clear country",
            flag=country_flag(iso2) if iso2 != UNKNOWN else "🌐",
            articles=views,
            top_entities=_top(group_entities[iso2], top_n),
        )
        for iso2, views in groups.items()
    ]
    sections.sort(key=lambda s: (s.iso2 == UNKNOWN, -len(s.articles), s.name))
    by_type = {
        t: _top(Counter({k: v for k, v in day_entities.items() if k[1] == t}), 10)
        for t in ENTITY_TYPES
    }
    return DigestContext(day, timezone, sections, by_type, files)
