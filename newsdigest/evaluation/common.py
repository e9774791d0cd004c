"""Helpers shared by the eval modules: shared data, JSONL reading, tables, PTB-style text."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from nltk.tokenize import TreebankWordTokenizer

from newsdigest.config import REPO_ROOT

_TREEBANK = TreebankWordTokenizer()


def shared_dir() -> Path:
    """The shared data folder: `NEWSDIGEST_SHARED`, else `../shared` beside the repo."""
    return Path(os.environ.get("NEWSDIGEST_SHARED") or REPO_ROOT.parent / "shared").resolve()


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[dict]:
    """Yield JSON objects from a JSONL file, at most `limit` of them."""
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            if line.strip():
                yield json.loads(line)


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table; floats get 3 decimals (or 1 when they look like percentages)."""

    def cell(v: object) -> str:
        if isinstance(v, float):
            return f"{v:.1f}" if abs(v) > 1.0 else f"{v:.3f}"
        return str(v)

    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def ptb_sentence(sentence: str) -> str:
    """One sentence as a Penn-Treebank dump writes it: "Warrenton , Va ." and -LRB- for "("."""
    return " ".join(_TREEBANK.tokenize(sentence, convert_parentheses=True))


def ptb_lines(text: str) -> str:
    """Every line of `text` PTB-tokenised sentence by sentence; the line breaks stay."""
    from tasks.sentences import split_sentences

    return "\n".join(
        " ".join(map(ptb_sentence, split_sentences(line))) for line in text.split("\n")
    )
