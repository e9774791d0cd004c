"""Town names used as, or inside, other names: people, companies, vehicles, saints' churches."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from wordfreq import zipf_frequency

from tasks.country_words import lead_words, place_suffixes
from tasks.entity_lexicon import common_first_name, given_names, surnames
from tasks.gazetteer import gazetteer
from tasks.gazetteer_keys import Candidate
from tasks.place_case import COMMON_GIVEN_NAME
from tasks.place_tokens import Token, Tokens

if TYPE_CHECKING:
    from tasks.place_matcher import Mention

# Country names that are also common first names: skip when they look like part of a person's name.
_FIRST_NAMES = frozenset({"jordan", "chad", "georgia", "israel", "kenya", "india"})
BIG_CITY = 1_000_000
# A title, a given name among the census's most common ("John", not "Will" or "May") or one
# popular in gender-guesser's lists and rare as a word ("Hugh", not "Rich" or "Royal") makes the
# capitalised word after it a surname, even a town's ("Lindsay Davenport") or a big city's
# ("Hugh Dallas", "Mr Houston").
GIVEN_NAME_POPULARITY, GIVEN_NAME_ZIPF = 8, 4.5
# Without capitals, the word after a given name is a surname when the census ranks it this high
# and it is this rare as a word ("johnson"; not "park" or "street"), or when it is no census
# surname and rarer still ("putin").
SURNAME_RANK, SURNAME_ZIPF, NAME_ZIPF = 2000, 5.0, 4.2
_WORD_ENDINGS = ("ed", "ing", "s")  # "chad accused", "tyler residents": no surnames
_TITLES = frozenset(["Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady"])
GIVEN_NAME_TOWN = 100_000  # a town under this size named like a person needs "in <town>" ...
LOCATIVE_SHARE = 0.25  # ... in this share of its mentions
LOCATIVE = frozenset(["in", "at", "near", "inside", "outside", "across", "around", "throughout",
                      "within", "into", "towards", "toward"])  # fmt: skip
_LEGAL_FORMS = frozenset(["inc", "corp", "co", "ltd", "plc", "llc", "corporation", "limited"])
# Car makes: "Dodge Durango", "GMC Yukon", "a 1998 Toyota Camry" name vehicles, not places
# (not Lincoln or Plymouth: "City of Plymouth AC" is the city).
_MAKES = frozenset(["acura", "audi", "bmw", "buick", "cadillac", "chevrolet", "chevy", "chrysler",
                    "dodge", "ford", "gmc", "honda", "hyundai", "infiniti", "jeep", "kia", "lexus",
                    "mazda", "mitsubishi", "nissan", "oldsmobile", "pontiac", "subaru",
                    "suzuki", "toyota", "volkswagen", "vw", "volvo"])  # fmt: skip
# Words before a make that show a vehicle, not a plant ("the Ford Oakville plant"): a model
# year, an indefinite article or a colour.
_VEHICLE_BEFORE = re.compile(r"(?:19|20)\d\d|an?|red|white|black|silver|blue|gr[ae]y|green")
_TOWN_KINDS = frozenset({"city", "region", "county"})
_SAINTS = frozenset(["st", "saint", "ste", "sainte"])
# Words after a saint's name that make it a church ("St. Michael Catholic"), and institutions a
# saint's possessive names ("St. Mary's Hospital"; "St. Cloud Hospital" is in the town).
_CHURCH = frozenset(["catholic", "church", "parish", "cathedral", "chapel", "anglican", "lutheran",
                     "episcopal", "orthodox", "baptist", "methodist", "presbyterian", "seminary",
                     "abbey", "basilica", "shrine", "monastery", "convent", "mission"])  # fmt: skip
_DEDICATED = _CHURCH | frozenset(["school", "academy", "high", "elementary", "middle", "college",
                                  "cemetery", "hospital", "hall"])  # fmt: skip
# Names of eating places: "Yokohama Japanese Restaurant", "Bombay Grill" are not the cities.
_EATERIES = frozenset(["restaurant", "restaurants", "cafe", "café", "grill", "bistro", "kitchen",
                       "buffet", "pizza", "pizzeria", "bakery", "deli", "sushi", "diner", "tavern",
                       "steakhouse", "noodle", "noodles", "wok", "curry", "tandoori", "taqueria",
                       "cantina", "cuisine", "takeaway", "takeout"])  # fmt: skip
_EATERY_NAMERS = frozenset({"city", "place", "country", "name", "region", "state"})
SAINT_TOWN_MAX = 100_000  # a bigger "St. X" is the town its churches and schools are in
LOCAL_BODY_WORDS = 3  # capitalised words after a town that may still lead to a place word


def adjacent(text: str, a: Token, b: Token) -> bool:
    """Only white space between two tokens."""
    return text[a.end : b.start].strip() == ""


def _name_gap(text: str, prev: Token, tok: Token) -> bool:
    """Only white space between two tokens, or the dot of a middle initial ("Robert M. Perez")
    or a title ("Mr. Perez"); not a compass point ("N. Charleston", "W. Palm Beach")."""
    gap = text[prev.end : tok.start]
    initial = len(prev.text) == 1 and prev.text.isupper() and prev.text not in "NSEW"
    return gap.strip() == "" or (gap == ". " and (initial or prev.text in _TITLES))


def person_like(
    text: str, toks: Tokens, i: int, n: int, cands: tuple[Candidate, ...]
) -> str | None:
    """'prev' or 'next' when a town or first-name country sits inside a longer capitalised name;
    'given' when a city of any size follows a common given name ("Hugh Dallas", "Sam Houston")."""
    key = tuple(toks[j].norm for j in range(i, i + n))
    city = all(c.kind == "city" for c in cands)
    small_city = city and all(c.population < BIG_CITY for c in cands)
    first_name_country = n == 1 and key[0] in _FIRST_NAMES
    if i > 0:
        prev = toks[i - 1]
        if prev.capitalised and _name_gap(text, prev, toks[i]) and prev.norm not in lead_words():
            if city and _given_name(prev.text):  # "Lindsay Davenport": Lindsay is a town too
                return "prev" if small_city else "given"
            if small_city or first_name_country:
                return "prev" if (prev.norm,) not in gazetteer() else None
    if not small_city and not first_name_country:
        return None
    if i + n < len(toks):  # "Jordan Henderson", "Taft Broadcasting"; not "Shiloh School"
        nxt = toks[i + n]
        if (
            nxt.capitalised
            and adjacent(text, toks[i + n - 1], nxt)
            and (nxt.norm,) not in gazetteer()
            and not _local_body(text, toks, i + n)
        ):
            return "next"
    return None


def _local_body(text: str, toks: Tokens, j: int) -> bool:
    """A local institution's name goes on from token j: a place word within the next
    capitalised words ("Shiloh School", "Vancouver Coastal Health Authority")."""
    for k in range(j, min(j + LOCAL_BODY_WORDS, len(toks))):
        if k > j and not (toks[k].capitalised and adjacent(text, toks[k - 1], toks[k])):
            return False
        if toks.norm[k] in place_suffixes():
            return True
    return False


@cache
def _given_name(word: str) -> bool:
    """A title or a common given name that is no frequent word: "Mr", "John", "Hugh", "Lindsay";
    not "Will", "May" or "Rich"."""
    return (
        word.rstrip(".") in _TITLES
        or common_first_name(word)
        or (
            given_names().get(word, 0) >= GIVEN_NAME_POPULARITY
            and zipf_frequency(word, "en") < GIVEN_NAME_ZIPF
        )
    )


def lower_person(text: str, toks: Tokens, i: int, n: int, cands: tuple[Candidate, ...]) -> bool:
    """Without capitals, a one-word town or first-name country that is a given name, then a
    surname: "vladimir putin", "chad johnson"; not "alexandria zoo", "georgia tech" or "austin,
    texas"."""
    if n != 1 or i + 1 >= len(toks) or not adjacent(text, toks[i], toks[i + 1]):
        return False
    word, nxt = toks.norm[i], toks.norm[i + 1]
    if word not in _FIRST_NAMES and not all(c.kind == "city" for c in cands):
        return False
    if (
        (nxt,) in gazetteer()
        or nxt in place_suffixes()
        or not (
            given_names().get(word.title(), 0) >= GIVEN_NAME_POPULARITY or common_first_name(word)
        )
    ):
        return False
    rank = surnames().get(nxt.title())
    z = zipf_frequency(nxt, "en")
    if rank is not None:
        return rank <= SURNAME_RANK and z < SURNAME_ZIPF
    return len(nxt) >= 3 and nxt.isalpha() and z < NAME_ZIPF and not nxt.endswith(_WORD_ENDINGS)


def company_name(toks: Tokens, j: int) -> bool:
    """A legal form ends the name within two words: "Warrington Inc", "Imperial Oil Ltd"."""
    return any(k < len(toks) and toks.norm[k] in _LEGAL_FORMS for k in (j, j + 1))


def other_name(text: str, toks: Tokens, i: int, n: int, cands: tuple[Candidate, ...]) -> bool:
    """A town name naming a vehicle or a saint's institution, here and in the rest of the text."""
    norm, end = toks.norm, i + n
    saint = norm[i] in _SAINTS and n > 1 and end < len(toks)
    vehicle = i > 1 and norm[i - 1] in _MAKES
    make = n == 1 and norm[i] in _MAKES
    # "Dodge Durango" and "GMC Yukon" may name a state or province too
    if not (saint or vehicle or make) or not all(c.kind in _TOWN_KINDS for c in cands):
        return False
    if saint:
        gap = text[toks[end - 1].end : toks[end].start].strip()  # "St. Mary's High"
        small = all(c.population < SAINT_TOWN_MAX for c in cands)
        words = _DEDICATED if gap in ("'s", "’s") else _CHURCH if gap == "" else ()
        return small and norm[end] in words
    if vehicle and adjacent(text, toks[i - 1], toks[i]):
        return _VEHICLE_BEFORE.fullmatch(norm[i - 2]) is not None  # "a red Dodge Durango"
    if not make:
        return False
    year = i > 0 and len(norm[i - 1]) == 4 and norm[i - 1].isdigit()
    after = end < len(toks) and adjacent(text, toks[end - 1], toks[end])
    return year or (after and toks[end].capitalised)  # "a 1992 Toyota", "Toyota Corolla"


def eatery(toks: Tokens, j: int, cands: tuple[Candidate, ...]) -> bool:
    """A town or country starts the name of an eating place ("Bombay Palace Restaurant")."""
    for k in range(j, min(j + 3, len(toks))):
        if not toks.raw[k][:1].isupper():
            return False
        if toks.norm[k] in _EATERIES:
            return all(c.kind in _EATERY_NAMERS for c in cands)
    return False


def given_name_towns(out: list[tuple[Mention, float, int]]) -> list[tuple[Mention, float, int]]:
    """Drop a small town named like a person ("his cat Tara", "Lakeview and Harrison streets")
    unless at least a quarter of its mentions follow a locative word ("in Tara"): one "tug at
    Tara" among fifteen mentions of a cat is no town."""
    seen: dict[tuple[str, ...], list[int]] = {}  # key -> [mentions, after a locative]
    for m, _, _ in out:
        if (
            len(m.key) == 1
            and all(c.kind == "city" and c.population < GIVEN_NAME_TOWN for c in m.candidates)
            and given_names().get(m.surface.title(), 0) >= COMMON_GIVEN_NAME
        ):
            tally = seen.setdefault(m.key, [0, 0])
            tally[0] += 1
            tally[1] += m.prev_word in LOCATIVE
    drop = {key for key, (n, placed) in seen.items() if placed < n * LOCATIVE_SHARE}
    return [x for x in out if x[0].key not in drop] if drop else out
