"""sumy's bundled English stop words, one frozen set for the summarizers and the entity rules."""

from __future__ import annotations

from functools import cache


@cache
def stop_words() -> frozenset[str]:
    """sumy's bundled English stop words (sumy.utils only: no summarizer or NumPy import)."""
    from sumy.utils import get_stop_words

    return frozenset(get_stop_words("english"))
