"""Split a seed file into articles (PLACEHOLDER: replaced by the layout-aware parser)."""

from __future__ import annotations

from newsdigest.models import Article
from tasks.normalize import ParseError, normalize_text

__all__ = ["ParseError", "split_articles"]


def split_articles(text: str) -> list[Article]:
    """Articles in file order, boilerplate stripped; raises ParseError if none are found."""
    blocks = [b for b in normalize_text(text).split("\n\n\n\n") if b.strip()]
    if not blocks:
        raise ParseError("no articles found")
    out = []
    for i, block in enumerate(blocks):
        paras = [p.strip() for p in block.split("\n\n") if p.strip()]
        out.append(Article(title=paras[0], body=paras[1:], layout="A", position=i))
    return out
