"""Readings of place names and the token keys the gazetteer looks them up by."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

# Evidence weight per kind of name; cities get a population-based weight instead.
KIND_WEIGHT = {
    "country": 1.0,
    "demonym": 0.6,
    "place": 0.8,
    "state": 0.7,
    "region": 0.6,
    "county": 0.6,
    "org": 0.5,
    "intl": 0.5,
    "none": 0.0,
}
MAX_NGRAM = 6
_TOKEN = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*\.?")
# Kinds safe to match in text without case information (lower-cased or ALL CAPS).
SAFE_KINDS = frozenset({"country", "name", "demonym", "place", "state", "region", "none"})


@dataclass(frozen=True)
class Candidate:
    """One reading of a name: the country it points to and how strongly."""

    iso2: str
    kind: str  # country | demonym | place | org | state | county | city
    weight: float
    population: int = 0
    exact: str | None = None  # surface form required verbatim (e.g. "US" but not "us")


def fold(text: str) -> str:
    """Lower-case and strip accents ("Côte" -> "cote")."""
    if text.isascii():
        return text.lower()
    norm = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in norm if not unicodedata.combining(ch)).lower()


def norm_token(surface: str) -> str:
    """Key form of one token: folded, possessive 's and a single trailing dot removed."""
    norm = fold(surface).replace("’", "'")
    if norm.endswith(("'s", "'")):
        norm = norm[: norm.rindex("'")]
    if norm.count(".") == 1 and norm.endswith("."):
        norm = norm[:-1]
    return norm


_PLAIN = re.compile(r"[A-Za-z ]+")


def key_tokens(name: str) -> tuple[str, ...]:
    """Dictionary key of a name: normalised tokens, hyphens as spaces."""
    if _PLAIN.fullmatch(name):
        return tuple(name.lower().split())
    return tuple(t for t in map(norm_token, _TOKEN.findall(name.replace("-", " "))) if t)


@cache
def city_weight(population: int) -> float:
    """0.3 for a 15k town up to 0.8 for a 15M megacity."""
    return round(min(0.8, 0.3 + 0.17 * math.log10(max(population, 15_000) / 15_000)), 3)
