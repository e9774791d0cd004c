"""Run every NLP stage on an article or a raw record: summary, entities, countries."""

from __future__ import annotations

import re

from prefect import task
from prefect.cache_policies import NO_CACHE

from newsdigest.models import Annotation, Article
from tasks.countries import detect_countries
from tasks.entities import extract_entities, tally_entities
from tasks.summarize import summarize_paragraphs

_PARAGRAPHS = re.compile(r"\n\s*\n|\n")


def annotate_article(
    article: Article, sentences: int = 3, algorithm: str = "default", spans: bool = True
) -> Annotation:
    """Summary of the body, entities over title + body, countries with title and dateline.

    `spans=False` leaves `entities` empty (the counts stay): the warehouse stores only the
    counts, and the spans were half of what workers pickled back to the flow.
    """
    text = article.text
    found = extract_entities(f"{article.title}\n\n{text}")
    return Annotation(
        summary=summarize_paragraphs(article.body, sentences, algorithm, title=article.title),
        entities=found if spans else [],
        entity_counts=tally_entities(found),
        countries=detect_countries(text, title=article.title, dateline=article.dateline),
    )


def annotate_articles(
    articles: list[Article], sentences: int = 3, algorithm: str = "default", spans: bool = True
) -> dict[str, Annotation]:
    """Annotations keyed by article id (a batch, so one task covers many articles)."""
    return {a.article_id: annotate_article(a, sentences, algorithm, spans) for a in articles}


def annotate_record(record: dict, sentences: int = 3, algorithm: str = "default") -> dict:
    """`newsdigest annotate` output for one `{"id", "title"?, "text"}` record."""
    text = record.get("text") or ""
    title = record.get("title") or None
    paragraphs = [p for p in _PARAGRAPHS.split(text) if p.strip()]
    summary = summarize_paragraphs(paragraphs, sentences, algorithm, title=title)
    countries = detect_countries(text, title=title)
    return {
        "id": record.get("id"),
        "summary": summary.selected,
        "focus_country": countries.focus,
        "countries": countries.codes,
        "entities": [
            {"text": e.text, "type": e.type, "start": e.start, "end": e.end}
            for e in extract_entities(text)
        ],
    }


annotate_task = task(name="annotate", retries=0, cache_policy=NO_CACHE)(annotate_articles)
