"""People in lower-cased text, where capitals cannot mark names: look-ups and name contexts."""

from __future__ import annotations

from tasks.entity_cues import words_of
from tasks.entity_lexicon import common_first_name, given_names, place, surnames, zipf
from tasks.entity_rules import is_common_word
from tasks.entity_tokens import Line

LONE_SURNAME_ZIPF = 4.5  # a surname alone is a person only if rare as a word ("fish" is a fish)
NAME_WORD_ZIPF = 4.0  # rarer than this, a word after a title is a name ("suharto")
SURNAME_ZIPF = 5.0  # a census surname up to this frequency is a name after a title ("clinton")
MAX_NAME_WORDS = 3
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
        for k in range(len(words) - 1):
            found = next(filter(None, (rule(words, k) for rule in _RULES)), None)
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
        and (last.title() in surnames() and zipf(last) < SURNAME_ZIPF or zipf(last) < RARE_ZIPF)
        and (place(last) or ("", "", 0))[2] < 100_000
    ):
        return k, k + 2
    return None


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
    if not word.isalpha() or place(word) is not None:
        return False
    z = zipf(word)
    return word.title() in surnames() and z < SURNAME_ZIPF or z < RARE_ZIPF


def _name_word(word: str) -> bool:
    """A word that can be part of a person's name: rare, a census surname or a given name; no
    title, place or verb."""
    if not word.isalpha() or len(word) < 2 or word in _TITLES or place(word) is not None:
        return False
    title = word.title()
    if word.endswith(_VERB_ENDINGS) and title not in surnames():
        return False  # "cameron vowed", "medvedev blasted": a verb after the name
    z = zipf(word)
    return z < NAME_WORD_ZIPF or (title in surnames() and z < SURNAME_ZIPF) or _given_name(word)


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


_RULES = (_given_and_surname, _initial_and_surname, _titled, _rare_pair, _before_country)
