"""Split a seed file into articles, anchored on each layout's header structure."""

from __future__ import annotations

from pathlib import Path

from newsdigest.models import Article
from tasks.layouts import Header, body_a, body_b, match_header
from tasks.normalize import ParseError, decode_bytes, normalize_text

__all__ = ["ParseError", "parse_file", "split_articles"]


def _headers(lines: list[str]) -> list[Header]:
    """Every article header in file order (one linear scan; a header's lines are skipped)."""
    found, i = [], 0
    while i < len(lines):
        header = match_header(lines, i)
        if header is None:
            i += 1
        else:
            found.append(header)
            i = max(header.body_start, i + 1)
    return found


def _article(header: Header, body_lines: list[str], position: int) -> Article:
    """Build one Article from its header and the lines up to the next header."""
    if header.layout == "A":
        return Article(
            title=header.title,
            body=body_a(body_lines),
            layout="A",
            caption=header.caption,
            position=position,
        )
    body, dateline, credit = body_b(body_lines)
    return Article(
        title=header.title,
        body=body,
        layout="B",
        caption=header.caption,
        published=header.published,
        highlights=header.highlights,
        dateline=dateline,
        credit=credit,
        position=position,
    )


def split_articles(text: str) -> list[Article]:
    """Articles in file order, boilerplate stripped; raises ParseError if none are found."""
    if not isinstance(text, str):
        raise ParseError(f"expected text, got {type(text).__name__}")
    # Whitespace runs collapse (NBSP quirks may differ between the printed copies of a title).
    lines = [" ".join(line.split()) for line in normalize_text(text).split("\n")]
    headers = _headers(lines)
    if not headers:
        first = next((line.strip() for line in lines if line.strip()), "")
        hint = f"first line {first[:60]!r}" if first else "no text"
        raise ParseError(f"no articles found: no layout A or B header ({hint})")
    ends = [h.start for h in headers[1:]] + [len(lines)]
    return [
        _article(h, lines[h.body_start : end], pos)
        for pos, (h, end) in enumerate(zip(headers, ends, strict=True))
    ]


def parse_file(path: Path) -> list[Article]:
    """Read, decode and split one seed file."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read {path}: {exc.strerror or exc}") from None
    return split_articles(decode_bytes(data))
