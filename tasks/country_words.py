"""Word lists of the place matcher from tasks/data: stop words, suffixes, abbreviations."""

from __future__ import annotations

from functools import cache
from importlib import resources


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a file in tasks/data."""
    text = resources.files("tasks").joinpath("data", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def word_set(name: str) -> frozenset[str]:
    """A whitespace-separated word list from tasks/data, lower-cased."""
    return frozenset(w.lower() for ln in data_lines(name) for w in ln.split())


@cache
def common_words() -> frozenset[str]:
    """Capitalised common words that must never be read as a city."""
    return word_set("common_words.txt")


@cache
def lead_words() -> frozenset[str]:
    """Words that may precede a place name without making it part of a longer name."""
    return word_set("lead_words.txt")


@cache
def place_suffixes() -> frozenset[str]:
    """Words that may follow a town name inside a local name ("Shiloh School", "Paris Police")."""
    return word_set("place_suffixes.txt")


def _code_table(name: str, upper: bool) -> dict[str, str]:
    """`ISO2: code code …` lines of a file in tasks/data -> {code: ISO2}."""
    out = {}
    for line in data_lines(name):
        iso2, _, rest = line.partition(":")
        out.update({(c.upper() if upper else c): iso2.strip() for c in rest.split()})
    return out


@cache
def region_abbreviations() -> dict[str, str]:
    """State and province abbreviations ("Ore", "B.C") -> ISO2."""
    return _code_table("abbreviations.txt", upper=True)


@cache
def postal_codes() -> dict[str, str]:
    """Upper-case postal codes of states and provinces ("GA", "ON") -> ISO2."""
    return _code_table("postal_codes.txt", upper=False)
