"""A memoised annotator (annotation is a pure function of the article) for fast property tests."""

from __future__ import annotations

from newsdigest.models import Annotation, Article
from tasks.annotate import annotate_article

_CACHE: dict[tuple[str, int, str, bool], Annotation] = {}


def annotate_memo(
    articles: list[Article], sentences: int = 3, algorithm: str = "default", spans: bool = True
) -> dict[str, Annotation]:
    """Same result as `annotate_articles`, computed once per distinct article."""
    out = {}
    for a in articles:
        key = (a.article_id + repr(a.dateline) + a.title, sentences, algorithm, spans)
        if key not in _CACHE:
            _CACHE[key] = annotate_article(a, sentences, algorithm, spans)
        out[a.article_id] = _CACHE[key]
    return out
