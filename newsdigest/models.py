"""Typed records shared by the parser, the NLP stages, the warehouse and the digest."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field

_INVISIBLE = re.compile("[\u0000\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_QUOTES = (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'))


def fingerprint(text: str) -> str:
    """Canonical form for hashing: NFKC, no invisibles, straight quotes, collapsed spaces."""
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))
    for curly, straight in _QUOTES:  # str.replace: far cheaper than a dict-table translate
        text = text.replace(curly, straight)
    return " ".join(text.split())


@dataclass
class Article:
    """One article as parsed from a seed file, boilerplate removed."""

    title: str
    body: list[str]
    layout: str  # "A" (Asharq Al-Awsat style) or "B" (Arab News style)
    caption: str | None = None  # photo caption including its credit, e.g. "... (AFP)"
    published: str | None = None  # ISO date from an "Updated 20 April 2019" line
    highlights: list[str] = field(default_factory=list)  # bullet lines, prefix removed
    dateline: str | None = None  # "BEIRUT", removed from the first paragraph
    credit: str | None = None  # "(With Reuters)"
    position: int = 0  # 0-based order in the file

    @property
    def text(self) -> str:
        """Body paragraphs joined by blank lines."""
        return "\n\n".join(self.body)

    @property
    def article_id(self) -> str:
        """Stable id from normalised content (title + body), independent of file and position."""
        # Memoised against the content it was computed from: ingest asks for the id of each
        # article ~10 times, and normalising the text each time cost a third of the store step.
        key = (self.title, tuple(self.body))
        memo = self.__dict__.get("_id_memo")
        if memo is not None and memo[0] == key:
            return memo[1]
        h = hashlib.sha256(fingerprint(self.title).encode("utf-8"))
        for para in self.body:
            h.update(b"\x1e" + fingerprint(para).encode("utf-8"))
        value = h.hexdigest()[:32]
        self.__dict__["_id_memo"] = (key, value)
        return value

    def to_dict(self) -> dict:
        """Plain dict (JSON-serialisable), as printed by `newsdigest parse`."""
        return asdict(self)


@dataclass
class SentenceScore:
    """One body sentence with the summarizer's score (kept so editors can see why)."""

    index: int  # position among the article's sentences
    text: str
    score: float
    selected: bool = False


@dataclass
class Summary:
    """Extractive summary: every scored sentence plus which were picked."""

    algorithm: str
    sentences: list[SentenceScore]

    @property
    def selected(self) -> list[str]:
        """The picked sentences, in article order."""
        return [s.text for s in sorted(self.sentences, key=lambda s: s.index) if s.selected]


@dataclass
class EntitySpan:
    """An entity mention: character offsets into the analysed text (end exclusive)."""

    text: str
    type: str  # "PER" | "ORG" | "LOC"
    start: int
    end: int
    canonical: str | None = None  # in-article normalised name ("Haftar" -> "Khalifa Haftar")


@dataclass
class EntityCount:
    """Per-article tally of one normalised entity."""

    name: str
    type: str
    count: int


@dataclass
class CountryScore:
    """Evidence for one country in one article."""

    iso2: str
    score: float
    mentions: int


@dataclass
class CountryResult:
    """Focus country (what the article is about) and every country mentioned, strongest first."""

    focus: str | None
    countries: list[CountryScore]

    @property
    def codes(self) -> list[str]:
        """ISO2 codes, strongest first."""
        return [c.iso2 for c in self.countries]


@dataclass
class Annotation:
    """Everything the NLP stages derive from one article."""

    summary: Summary
    entities: list[EntitySpan]
    entity_counts: list[EntityCount]
    countries: CountryResult
