"""Typed records a digest page is rendered from (templates only loop over and format these)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

from tasks.charts import BarChart
from tasks.clustering import DEFAULT_THRESHOLD

UNKNOWN = "??"
ENTITY_TYPES = {"PER": "People", "ORG": "Organisations", "LOC": "Places"}
LAYOUT_OUTLETS = {"A": "Asharq Al-Awsat layout", "B": "Arab News layout"}


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 file", "2 files", "3 stories"."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def entity_list(refs: list[EntityRef]) -> str:
    """ "Elena Ruiz (2), Luis Quispe (1)"."""
    return ", ".join(f"{e.name} ({e.count})" for e in refs)


@dataclass
class EntityRef:
    """An entity with how often it was mentioned."""

    name: str
    type: str
    count: int


@dataclass
class CountryRef:
    """A country as shown next to an article."""

    iso2: str
    name: str
    flag: str


@dataclass
class ArticleView:
    """One article (the representative of its near-duplicate cluster) as shown in the digest."""

    article_id: str
    title: str
    published: date | None
    summary: list[str]
    entities: list[EntityRef]  # top entities of any type
    other_countries: list[CountryRef]
    highlights: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    layout: str = ""
    arrived: datetime | None = None  # in the digest's timezone
    dateline: str | None = None
    caption: str | None = None
    agencies: list[str] = field(default_factory=list)  # from "(With X)" and the caption credit
    files: list[str] = field(default_factory=list)  # every file it was found in
    people: list[EntityRef] = field(default_factory=list)
    organisations: list[EntityRef] = field(default_factory=list)
    places: list[EntityRef] = field(default_factory=list)
    versions: list[ArticleView] = field(default_factory=list)  # near-duplicates folded in
    timezone: str = ""

    @property
    def anchor(self) -> str:
        """In-page anchor id of the article card."""
        return f"a-{self.article_id[:12]}"

    @property
    def text_anchor(self) -> str:
        """In-page anchor id of the article's full text."""
        return f"t-{self.article_id[:12]}"

    @property
    def outlet(self) -> str:
        """Source layout/outlet, when known."""
        return LAYOUT_OUTLETS.get(self.layout, f"layout {self.layout}" if self.layout else "")

    @property
    def source(self) -> str:
        """Outlet plus agencies: "Arab News layout, via AFP"."""
        via = f"via {', '.join(self.agencies)}" if self.agencies else ""
        return ", ".join(p for p in (self.outlet, via) if p)

    @property
    def all_files(self) -> list[str]:
        """Files this story arrived in, its folded versions included, first seen first."""
        seen = dict.fromkeys(self.files)
        for v in self.versions:
            seen.update(dict.fromkeys(v.files))
        return list(seen)

    @property
    def sources(self) -> list[str]:
        """Distinct sources (outlet + agencies) across the story's versions."""
        return list(
            dict.fromkeys(s for s in [self.source, *(v.source for v in self.versions)] if s)
        )

    @property
    def copies(self) -> int:
        """Articles in this story's cluster (1 when it has no near-duplicates)."""
        return 1 + len(self.versions)

    @cached_property  # both formats show it; splitting every paragraph twice cost ~5%
    def word_count(self) -> int:
        """Words in the full cleaned text."""
        return sum(len(p.split()) for p in self.body)

    @property
    def length(self) -> str:
        """ "412 words"."""
        return plural(self.word_count, "word")

    @property
    def meta(self) -> str:
        """Source · dateline · published date · arrival time, whichever are known."""
        parts = [self.source, self.dateline or ""]
        if self.published:
            parts.append(f"published {self.published.isoformat()}")
        if self.arrived:
            parts.append(f"arrived {self.arrived.strftime('%H:%M')} {self.timezone}".rstrip())
        return " · ".join(p for p in parts if p)

    @property
    def facts(self) -> list[tuple[str, str]]:
        """(label, text) rows: top people, organisations, places, other countries."""
        rows = [
            ("People", entity_list(self.people)),
            ("Organisations", entity_list(self.organisations)),
            ("Places", entity_list(self.places)),
            ("Also mentions", ", ".join(f"{c.flag} {c.name}" for c in self.other_countries)),
        ]
        return [(label, text) for label, text in rows if text]

    @property
    def also_in(self) -> str:
        """ "Also in 2 other files (…); 1 near-duplicate version folded in from 2 sources: …"."""
        parts = []
        files = self.all_files
        if len(files) > 1:
            others = plural(len(files) - 1, "other file")
            parts.append(f"also in {others} ({', '.join(files[1:])})")
        if self.versions:
            folded = f"{plural(len(self.versions), 'near-duplicate version')} folded in"
            if len(self.sources) > 1:
                folded += f" from {plural(len(self.sources), 'source')}: {'; '.join(self.sources)}"
            parts.append(folded)
        text = "; ".join(parts)
        return text[:1].upper() + text[1:]


@dataclass
class CountrySection:
    """The stories whose focus is one country."""

    iso2: str
    name: str
    flag: str
    articles: list[ArticleView]  # one per story
    top_entities: list[EntityRef]
    previous: int | None = None  # articles the day before; None when unknown

    @property
    def anchor(self) -> str:
        """In-page anchor id for the section."""
        return f"c-{self.iso2.lower()}" if self.iso2 != UNKNOWN else "c-none"

    @property
    def article_count(self) -> int:
        """Articles in the section, near-duplicates included."""
        return sum(a.copies for a in self.articles)

    @property
    def change(self) -> str:
        """Change vs the previous day: "+3", "-1", "same as yesterday", "new today"."""
        if self.previous is None:
            return ""
        if self.previous == 0:
            return "new today"
        delta = self.article_count - self.previous
        return "same as yesterday" if delta == 0 else f"{delta:+d} vs yesterday"


@dataclass
class RisingEntity:
    """An entity mentioned in more articles today than its average over the previous 7 days."""

    name: str
    type: str
    today: int  # articles today
    before: float  # articles per day, previous 7 days

    @property
    def note(self) -> str:
        """ "new" or the previous daily average."""
        return "new" if self.before == 0 else f"was {self.before:.1f}/day"


@dataclass
class DigestContext:
    """Everything the templates need for one day."""

    day: date
    timezone: str
    sections: list[CountrySection]
    top_entities: dict[str, list[EntityRef]]  # "PER" | "ORG" | "LOC" -> most mentioned
    files: int
    charts: list[BarChart] = field(default_factory=list)
    rising: list[RisingEntity] = field(default_factory=list)
    rising_chart: BarChart | None = None
    has_history: bool = False  # any articles in the previous 7 days to compare with
    prev_day: date | None = None
    next_day: date | None = None
    generated_at: datetime | None = None
    threshold: float = DEFAULT_THRESHOLD

    @property
    def article_count(self) -> int:
        """Articles in the digest, near-duplicates included."""
        return sum(s.article_count for s in self.sections)

    @property
    def story_count(self) -> int:
        """Distinct stories after near-duplicate folding."""
        return sum(len(s.articles) for s in self.sections)

    @property
    def country_count(self) -> int:
        """Sections with a known country."""
        return sum(1 for s in self.sections if s.iso2 != UNKNOWN)

    @property
    def is_empty(self) -> bool:
        """No article arrived on this day."""
        return not self.sections

    @property
    def stories(self) -> list[ArticleView]:
        """Every story in page order (for the full-text part)."""
        return [a for s in self.sections for a in s.articles]
