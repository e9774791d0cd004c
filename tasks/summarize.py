"""Extractive summaries: the default position-aware summarizer, LEAD-n and every sumy algorithm."""

from __future__ import annotations

from newsdigest.models import Article, SentenceScore, Summary
from tasks.position_rank import position_rank
from tasks.sentences import split_sentences
from tasks.sumy_adapter import SUMY_CLASSES, sumy_scores

ALGORITHMS = ("default", "lead", *SUMY_CLASSES)
# Work cap: only the first MAX_SENTENCES sentences are scored (news puts its point first, and
# LexRank/TextRank are quadratic); later sentences are listed with score 0 and never picked.
MAX_SENTENCES = 150


def split_paragraphs(paragraphs: list[str]) -> list[list[str]]:
    """Sentences of each paragraph."""
    return [split_sentences(p) for p in paragraphs if isinstance(p, str) and p.strip()]


def summarize_paragraphs(
    paragraphs: list[str], n: int = 3, algorithm: str = "default", title: str | None = None
) -> Summary:
    """Score every sentence of the paragraphs and select `n`, returned in article order."""
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown algorithm {algorithm!r}; choose from {', '.join(ALGORITHMS)}")
    grouped = split_paragraphs(paragraphs)
    sentences = [s for para in grouped for s in para]
    head = sentences[:MAX_SENTENCES]
    if algorithm == "lead":
        scores = [1.0 / (i + 1) for i in range(len(head))]
        chosen = set(range(min(n, len(head))))
    elif algorithm == "default":
        scores, picked = position_rank(head, n, title)
        chosen = set(picked)
    else:
        capped, left = [], MAX_SENTENCES
        for para in grouped:
            if left > 0:
                capped.append(para[:left])
                left -= len(capped[-1])
        scores, chosen = sumy_scores(algorithm, capped, n, title)
    chosen = _fill(chosen, scores, min(n, len(head)))
    scored = [
        SentenceScore(
            index=i,
            text=s,
            score=round(scores[i], 6) if i < len(scores) else 0.0,
            selected=i in chosen,
        )
        for i, s in enumerate(sentences)
    ]
    return Summary(algorithm=algorithm, sentences=scored)


def _fill(chosen: set[int], scores: list[float], n: int) -> set[int]:
    """Top up a short selection (e.g. LSA on one word) with the best-scored, earliest rest."""
    rest = sorted(set(range(len(scores))) - chosen, key=lambda i: (-scores[i], i))
    return set(chosen) | set(rest[: max(0, n - len(chosen))])


def summarize(article: Article, n: int = 3, algorithm: str = "default") -> Summary:
    """Summarise an article's body paragraphs (captions, highlights, datelines excluded)."""
    return summarize_paragraphs(article.body, n=n, algorithm=algorithm, title=article.title)
