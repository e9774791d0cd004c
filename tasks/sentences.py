"""Sentence splitting (PLACEHOLDER: replaced by the trained-Punkt version)."""

from __future__ import annotations

import re

_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of the sentences in `text`."""
    spans, start = [], 0
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for m in _END.finditer(para.group()):
            spans.append((start, para.start() + m.start()))
            start = para.start() + m.end()
        spans.append((start, para.end()))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def split_sentences(text: str) -> list[str]:
    """The sentences of `text` (paragraph breaks always end a sentence)."""
    return [text[s:e].strip() for s, e in sentence_spans(text)]
