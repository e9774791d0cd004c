"""Country detection (PLACEHOLDER: country names only; replaced by the gazetteer version)."""

from __future__ import annotations

import re
from collections import Counter

import pycountry

from newsdigest.models import Article, CountryResult, CountryScore

_NAMES = {c.name: c.alpha_2 for c in pycountry.countries}
_RX = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _NAMES), key=len, reverse=True)) + r")\b")


def detect_countries(
    text: str, title: str | None = None, dateline: str | None = None
) -> CountryResult:
    """Focus country and every country mentioned, strongest first."""
    counts = Counter(_NAMES[m.group()] for m in _RX.finditer(f"{title or ''}\n{text}"))
    scores = [CountryScore(iso2=c, score=float(n), mentions=n) for c, n in counts.most_common()]
    return CountryResult(focus=scores[0].iso2 if scores else None, countries=scores)


def focus_country(article: Article) -> str | None:
    """The ISO2 code of the country the article is about, or None."""
    return detect_countries(article.text, article.title, article.dateline).focus
