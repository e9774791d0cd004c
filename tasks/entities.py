"""Entity extraction (PLACEHOLDER: capitalised runs; replaced by the real extractor)."""

from __future__ import annotations

import re
from collections import Counter

from newsdigest.models import EntityCount, EntitySpan

_CAPS = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")


def extract_entities(text: str) -> list[EntitySpan]:
    """Entity mentions with character offsets into `text` and a canonical name."""
    return [
        EntitySpan(text=m.group(), type="PER", start=m.start(), end=m.end(), canonical=m.group())
        for m in _CAPS.finditer(text)
    ]


def tally_entities(spans: list[EntitySpan]) -> list[EntityCount]:
    """Count mentions per (canonical name, type), most frequent first."""
    counts = Counter((s.canonical or s.text, s.type) for s in spans)
    return [EntityCount(name=n, type=t, count=c) for (n, t), c in counts.most_common()]
