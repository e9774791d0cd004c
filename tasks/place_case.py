"""Which gazetteer readings may fire given the text's casing: all in mixed case; without
capitals only names that cannot be ordinary words ("seattle" yes, "reading" or "us" no)."""

from __future__ import annotations

from functools import cache

from wordfreq import zipf_frequency

from tasks.entity_lexicon import given_names, surnames
from tasks.gazetteer import RARE_WORD_ZIPF
from tasks.gazetteer_keys import SAFE_KINDS, Candidate
from tasks.place_tokens import Tokens

UNCASED_CITY = 1_000_000  # without capitals only big cities are read ("reading" is not Reading)
UNCASED_TOWN = 50_000  # ... and smaller towns from this size when their name is rare as a word
UNCASED_BIG = 200_000  # ... and cities from this size whose name is a name, not a word or person
CITY_WORD_ZIPF = 4.6  # big cities' names are frequent in English text ("seattle" 4.4)
FUNCTION_WORD_ZIPF = 6.0  # lower-cased text: a word this common is no name ("us")
NAME_WORD_ZIPF = 5.0  # a given name in a city's name ("louis" 4.8), but not "said" or "long"
COMMON_GIVEN_NAME, COMMON_SURNAME_RANK = 3, 1500  # "charlotte"; "austin" (rank 196)
# Even capitalised, a name whose every reading is a town under this size and whose one word is
# this frequent in English is the word ("Olympic" games, not the Hong Kong town; "Republic of
# Ireland", "Pop"), unless it follows a locative ("in Golden"). "Paris" and "York" have big
# readings: their small namesakes ("Paris, Texas") are ambiguous readings, not words.
WORD_TOWN, WORD_TOWN_ZIPF = 50_000, 4.4
# Short forms that are words (or names) once lower-cased: state abbreviations ("ill.", "mass.")
# and acronyms ("fed", "sec"; "sana" is a given name).
_WORD_ABBREVIATIONS = frozenset(
    ["ill", "mass", "miss", "man", "wash", "la", "ore", "ark", "del", "mo", "cal", "que", "fed",
     "sec", "sana"]
)  # fmt: skip
_BODY_KINDS = frozenset({"org", "intl"})
# Words a pronoun never follows ("the us", "a us firm", "its us unit", "the largest us bank").
_DETERMINERS = frozenset(
    ["the", "a", "an", "its", "their", "his", "whose", "every", "another", "largest", "biggest",
     "leading", "major", "former"]
)  # fmt: skip


def uncased_abbreviation(surface: str) -> bool:
    """Without capitals, a dotted abbreviation that is no English word: "minn.", "n.h."."""
    return surface.islower() and not _lower_word(surface)


def allowed(cand: Candidate, surface: str, mode: str) -> bool:
    """Whether a reading may fire given the surface form and the text casing."""
    if cand.exact is not None:
        if mode == "mixed":
            return surface == cand.exact
        # Without case only dotted forms are safe: "U.S." or "u.s." yes, "US"/"us" (the pronoun) no.
        # A state abbreviation was read only with its dot ("va." in "warrenton, va."). Lower-cased
        # text has no acronyms to mistake, so a short name is read there ("uk", "bbc") unless it
        # is a word ("us", "fed").
        dotted = "." in cand.exact or cand.kind == "state"
        short_name = mode == "lower" and not _lower_word(surface)
        return (dotted or short_name) and surface.upper() == cand.exact.upper()
    if mode == "mixed":
        return True
    if cand.kind in SAFE_KINDS or (cand.kind == "city" and cand.population >= UNCASED_CITY):
        return True
    if cand.kind == "county" and " " in surface:  # "dekalb county": the word "county" says it
        return True
    if mode == "lower" and cand.kind in _BODY_KINDS:  # "london stock exchange", "nasdaq"
        return " " in surface or _rare_name(surface)
    if mode != "lower" or cand.kind != "city":
        return False
    # Lower-cased text: a big city whose one-word name is no common word and nobody's name
    # ("seattle", "manchester"; not "austin" or "charlotte"), or a town of some size whose name
    # is rare as a word ("manaus", "rock hill")
    if cand.population >= UNCASED_BIG and _city_name(surface):
        return True
    return cand.population >= UNCASED_TOWN and _rare_name(surface)


def word_town(cands: tuple[Candidate, ...], surface: str) -> bool:
    """Only small towns named by one frequent English word: "Olympic", "Republic", "Golden"."""
    return (
        bool(cands)
        and all(c.kind == "city" and c.population < WORD_TOWN for c in cands)
        and _frequent_word(surface)
    )


@cache
def _frequent_word(surface: str) -> bool:
    """One word at least as frequent as WORD_TOWN_ZIPF ("Olympic" 4.5); not "Ma'an"."""
    return surface.isalpha() and zipf_frequency(surface, "en") >= WORD_TOWN_ZIPF


@cache
def _city_name(surface: str) -> bool:
    """A name, not words: one word of 5+ letters, not frequent in English and no common given
    name or surname ("seattle"); or several words, one of them a given name or not frequent
    ("st. louis", "new orleans"; not "port said" or "long beach")."""
    words = surface.replace(".", "").split()
    if len(words) > 1:
        return all(map(str.isalpha, words)) and any(
            (z := zipf_frequency(w, "en")) < CITY_WORD_ZIPF
            or (z < NAME_WORD_ZIPF and given_names().get(w.title(), 0) >= COMMON_GIVEN_NAME)
            for w in words
        )
    title = surface.title()
    return (
        surface.isalpha()
        and len(surface) >= 5
        and zipf_frequency(surface, "en") < CITY_WORD_ZIPF
        and given_names().get(title, 0) < COMMON_GIVEN_NAME
        and surnames().get(title, COMMON_SURNAME_RANK) >= COMMON_SURNAME_RANK
    )


def country_use(text: str, toks: Tokens, i: int, n: int) -> bool:
    """A pronoun-like short name used as a country: after a determiner ("the us", "a us firm",
    "its us unit") or before a hyphen ("us-led")."""
    before = toks.norm[i - 1] if i > 0 else ""
    return n == 1 and (before in _DETERMINERS or text.startswith("-", toks[i].end))


@cache
def function_word(word: str) -> bool:
    """As frequent as a function word ("us"): no name once capitals are gone."""
    return zipf_frequency(word, "en") >= FUNCTION_WORD_ZIPF


def _lower_word(surface: str) -> bool:
    """A short form that is a word once lower-cased: "us", "fed", "sec", "ill.", "mass."."""
    return function_word(surface) or surface.rstrip(".") in _WORD_ABBREVIATIONS


@cache
def _rare_name(surface: str) -> bool:
    """Rare as English text and long enough to be a name: not "reading", "lira" or "ico"."""
    letters = surface.replace(" ", "").replace("-", "")
    return (
        letters.isalpha()
        and (len(letters) >= 5 or " " in surface)
        and zipf_frequency(surface, "en") < RARE_WORD_ZIPF
    )
