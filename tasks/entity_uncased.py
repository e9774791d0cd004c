"""People in lower-cased text, where capitals cannot mark names: look-ups and name contexts."""

from __future__ import annotations

import re

from tasks.entity_cues import words_of
from tasks.entity_lexicon import (
    common_first_name,
    common_surname,
    given_names,
    place,
    surnames,
    zipf,
)
from tasks.entity_tokens import Line
from tasks.entity_trim import is_common_word

LONE_SURNAME_ZIPF = 4.5  # a surname alone is a person only if rare as a word ("fish" is a fish)
NAME_WORD_ZIPF = 4.0  # rarer than this, a word after a title is a name ("suharto")
# A word this frequent ("fell", "leader") ends a name only as a common surname ("williams"), or
# after a given name that is no word or place itself ("ingrid", "robert"; not "yen", "tory").
COMMON_WORD_ZIPF = 4.5
WORDLIKE_GIVEN_ZIPF = 3.6
SURNAME_ZIPF = 5.0  # a census surname up to this frequency is a name after a title ("clinton")
MAX_NAME_WORDS = 3
FUNCTION_ZIPF = 6.0  # as frequent as "and", "the": no part of a name
TITLED_TOWN_MAX = 500_000  # a town smaller than this after a title is a surname ("clinton")
RARE_ZIPF = 3.0  # rarer than this, a word may be a surname not in the census ("tillekeratne")
_VERB_ENDINGS = ("ed", "ing")  # a word with these endings and no census surname is a verb
RARE_PAIR_ZIPF = 2.0  # two words this rare in a row are a foreign name ("sjeng schalken")
LIST_NAME_ZIPF = 4.5  # a word of a name in a results list is rarer than this ("green" 5.3)
# Titles that stand right before a person's name in news copy ("president suharto", "mr. li",
# "captain chris lewis"); not job words that also precede organisations ("director", "chief").
_TITLES = words_of(
    """mr mrs ms dr sir dame lord lady president premier chancellor minister senator sen
    governor gov mayor judge king queen prince princess emperor pope cardinal archbishop bishop
    rabbi imam sheikh sheik ayatollah rev reverend coach manager captain skipper striker
    midfielder defender goalkeeper winger batsman bowler all-rounder spokesman spokeswoman
    ambassador envoy commander gen general colonel col lt lieutenant"""
)


def uncased_names(lines: list[Line]) -> dict[str, tuple[str, str]]:
    """Lower-cased names found from context -> ("PER", canonical), keyed as joined tokens."""
    out: dict[str, tuple[str, str]] = {}
    for line in lines:
        words = line.words
        rules = (*_RULES, _scorecard) if _card_line(words) else _RULES
        for k in range(len(words) - 1):
            found = next(filter(None, (rule(words, k) for rule in rules)), None)
            if found:
                name = words[found[0] : found[1]]
                full = " ".join(name).title().replace(" . ", ". ")
                out[" ".join(name)] = ("PER", full)
                last = name[-1]
                if len(name) > 1 and zipf(last) < LONE_SURNAME_ZIPF:
                    out.setdefault(last, ("PER", full))
    return out


def _given_and_surname(words: list[str], k: int) -> tuple[int, int] | None:
    """`phil simmons`: a common given name, then a surname (or a word rarer than a surname)."""
    first, last = words[k], words[k + 1]
    if (
        _given_name(first)
        and last.isalpha()
        and _surname_word(last)
        and not _word_pair(first, last)
        and (place(last) or ("", "", 0))[2] < 100_000
    ):
        return k, k + 2
    return None


def _word_pair(first: str, last: str) -> bool:
    """Two words that read as words, not as a name: a frequent word that is no common surname
    after a given name that is itself a word or a place ("yen fell", "tory leader", "uk economy";
    not "ingrid fish" or "robert plant")."""
    if zipf(last) < COMMON_WORD_ZIPF or common_first_name(first):
        return False
    if common_surname(last):
        return False
    return zipf(first) >= WORDLIKE_GIVEN_ZIPF or place(first) is not None


def _initial_and_surname(words: list[str], k: int) -> tuple[int, int] | None:
    """`k . curran`: one letter and its dot, then a surname or a rare word (score cards)."""
    if k + 2 >= len(words) or words[k + 1] != "." or len(words[k]) != 1 or not words[k].isalpha():
        return None
    return (k, k + 3) if _surname_like(words[k + 2]) else None


def _titled(words: list[str], k: int) -> tuple[int, int] | None:
    """`president suharto`, `mr . li`, `king norodom sihanouk`: up to three name words after a
    title (and its dot)."""
    if words[k] not in _TITLES:
        return None
    i = k + 2 if k + 1 < len(words) and words[k + 1] == "." else k + 1
    j = i
    while j < len(words) and j - i < MAX_NAME_WORDS and _name_word(words[j]):
        j += 1
    return (i, j) if j > i else None


def _surname_like(word: str) -> bool:
    """A census surname no more frequent than SURNAME_ZIPF, or a word rarer than a surname, and
    no place: "curran", "tillekeratne"; not "licence" after "a ." in broken-up copy."""
    return word.isalpha() and place(word) is None and _surname_word(word)


def _surname_word(word: str) -> bool:
    """A census surname no more frequent than SURNAME_ZIPF, or a word rarer than RARE_ZIPF."""
    z = zipf(word)
    return word.title() in surnames() and z < SURNAME_ZIPF or z < RARE_ZIPF


def _name_word(word: str) -> bool:
    """A word that can be part of a person's name: rare, a census surname or a given name; no
    title, place or verb."""
    if not word.isalpha() or len(word) < 2 or word in _TITLES or _named_place(word):
        return False
    title = word.title()
    if word.endswith(_VERB_ENDINGS) and title not in surnames():
        return False  # "cameron vowed", "medvedev blasted": a verb after the name
    z = zipf(word)
    return z < NAME_WORD_ZIPF or (title in surnames() and z < SURNAME_ZIPF) or _given_name(word)


def _named_place(word: str) -> bool:
    """A place too big to be a surname after a title: a country, a state or region, or a city
    of TITLED_TOWN_MAX people or more ("president clinton" and "king hussein" are people;
    "mayor houston" is not how copy runs)."""
    entry = place(word)
    return entry is not None and (entry[1] != "city" or entry[2] >= TITLED_TOWN_MAX)


def _given_name(word: str) -> bool:
    """A given name that is no common word ("phil"), or one of the census's most common given
    names ("bill", "mike"; not "will" or "may", ranks 503 and 472)."""
    title = word.title()
    if given_names().get(title, 0) >= 6 and not is_common_word(title):
        return True
    return common_first_name(word)


def _rare_pair(words: list[str], k: int) -> tuple[int, int] | None:
    """Two rare words in a row that name no place: a foreign name ("pyotr bochkary")."""
    pair = words[k : k + 2]
    rare = all(
        w.isalpha() and len(w) >= 3 and zipf(w) < RARE_PAIR_ZIPF and place(w) is None for w in pair
    )
    return (k, k + 2) if rare and place(" ".join(pair)) is None else None


def _before_country(words: list[str], k: int) -> tuple[int, int] | None:
    """`rohan bellamy ( australia )`: two or three uncommon words before a country in
    brackets, as results lists name athletes."""
    for size in (3, 2):
        end = k + size
        if end + 2 < len(words) and words[end] == "(" and words[end + 2] == ")":
            country = place(words[end + 1])
            name = words[k:end]
            if (
                country is not None
                and country[1] == "country"
                and all(_uncommon(w) for w in name)
                and place(" ".join(name)) is None
            ):
                return k, end
    return None


def _uncommon(word: str) -> bool:
    """A word of a name in a results list: letters (and hyphens), not frequent, no place."""
    return (
        word.replace("-", "").isalpha()
        and zipf(word) < LIST_NAME_ZIPF
        and place(word) is None
        and word not in _TITLES
    )


# Cricket scorecards: "c" (caught by), "st" (stumped by) and "b" (bowled by) stand before a
# fielder's or bowler's name; "lbw", "run" (out) and "not" (out) after a batsman's.
_DISMISSAL_BEFORE = words_of("b c st")
_DISMISSAL_AFTER = words_of("b c st lbw run not")
_SCORE = re.compile(r"^\d+$")
_FIGURES = re.compile(r"^\d+(?:\.\d)?-\d+-\d+-\d+$")  # overs-maidens-runs-wickets
_LIST_START = words_of(": , ;")


def _card_line(words: list[str]) -> bool:
    """A line that may be a scorecard's: it ends in a score or holds bowling figures."""
    return bool(words) and (bool(_SCORE.match(words[-1])) or any(map(_FIGURES.match, words)))


def _scorecard(words: list[str], k: int) -> tuple[int, int] | None:
    """`n. knight st moin khan b saqlain mushtaq 113`, `inzamam-ul-haq c thorpe b croft 6`,
    `wasim akram 10-0-50-0`: the names of a batting or bowling line of a cricket scorecard
    (`_card_line`)."""
    if words[k] in _DISMISSAL_BEFORE and "b" in words:
        start = k + 1
    elif k == 0 or words[k - 1] in _LIST_START:
        start = k
    else:
        return None
    end = start
    while end < len(words) and end - start < MAX_NAME_WORDS and _card_name_word(words[end]):
        end += 1
    if end == start or end == len(words):
        return None
    nxt = words[end]
    if start == k and words[k] not in _DISMISSAL_BEFORE:  # a batsman or a bowler's figures
        ok = nxt in _DISMISSAL_AFTER or bool(_FIGURES.match(nxt))
    else:
        ok = nxt == "b" or bool(_SCORE.match(nxt))
    return (start, end) if ok else None


def _card_name_word(word: str) -> bool:
    """A word of a player's name on a scorecard ("ata-ur-rehman", "de"): no scorecard notation
    and no function word ("and")."""
    letters = word.replace("-", "").replace("'", "")
    return letters.isalpha() and word not in _DISMISSAL_AFTER and zipf(word) < FUNCTION_ZIPF


_RULES = (_given_and_surname, _initial_and_surname, _titled, _rare_pair, _before_country)
