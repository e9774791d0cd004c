"""Extractive summaries (PLACEHOLDER: lead-n; replaced by the sumy-based summarizer)."""

from __future__ import annotations

from newsdigest.models import Article, SentenceScore, Summary
from tasks.sentences import split_sentences

ALGORITHMS = ("default", "lead")


def summarize_paragraphs(
    paragraphs: list[str], n: int = 3, algorithm: str = "default", title: str | None = None
) -> Summary:
    """Score every sentence of the paragraphs and select `n`, returned in article order."""
    sents = [s for p in paragraphs for s in split_sentences(p)]
    scored = [
        SentenceScore(index=i, text=s, score=1.0 / (i + 1), selected=i < n)
        for i, s in enumerate(sents)
    ]
    return Summary(algorithm=algorithm, sentences=scored)


def summarize(article: Article, n: int = 3, algorithm: str = "default") -> Summary:
    """Summarise an article's body paragraphs (captions, highlights, datelines excluded)."""
    return summarize_paragraphs(article.body, n=n, algorithm=algorithm, title=article.title)
