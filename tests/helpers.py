"""Builders shared by tests: articles, parsed files and seed folders written on the fly."""

from __future__ import annotations

from pathlib import Path

from newsdigest.models import Article
from tasks.discover import ParsedFile, SeedFile


def article(title: str, paras: list[str] | None = None, position: int = 0) -> Article:
    """A small article with invented text."""
    body = paras or [
        f"{title} was reported on Monday by officials in Oslo, Norway.",
        "The Norwegian government said talks with Sweden would continue next week.",
        "Prime Minister Ingrid Solberg told reporters the plan was sound.",
    ]
    return Article(title=title, body=body, layout="A", position=position)


def parsed(name: str, articles: list[Article], sha: str | None = None) -> ParsedFile:
    """A ParsedFile for `articles` with a fake path and hash."""
    seed = SeedFile(Path(f"/nonexistent/{name}"), name, 100, 1)
    return ParsedFile(seed, sha or ("f" * 56 + f"{abs(hash(name)) % 10**8:08d}"), articles)


def layout_b_file(titles: list[str]) -> str:
    """A seed file in layout B with one short invented article per title."""
    chunks = []
    for i, title in enumerate(titles):
        chunks.append(
            f"{title}\n\nUpdated {i + 1} March 2026\n\n{title}\n\n"
            f"OSLO: {title} happened in Norway on Tuesday, the Norwegian ministry said.\n"
            f"Officials in Oslo said the decision on {title.lower()} was final.\n"
            "Prime Minister Ingrid Solberg said Norway would keep talking with Sweden.\n"
        )
    return "\n".join(chunks)
