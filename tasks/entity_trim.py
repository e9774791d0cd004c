"""Trimming a candidate chunk to its name: sentence-initial common words, titles, demonyms."""

from __future__ import annotations

from functools import lru_cache

from tasks.entity_cues import (
    CALENDAR,
    DEMONYMS,
    KNOWN_ORG_NAMES,
    KNOWN_ORGS,
    LOC_SUFFIXES,
    ORG_HEADS,
    PERSON_TITLES,
    org_suffix,
    words_of,
)
from tasks.entity_lexicon import (
    common_first_name,
    given_names,
    is_given_name,
    place,
    surnames,
    zipf,
)
from tasks.entity_tokens import Line
from tasks.stop_words import stop_words

# Words that qualify a title ("Foreign Minister", "Prime Minister"): stripped with it.
TITLE_MODIFIERS = words_of(
    """Foreign Prime Defence Defense Finance Interior Economy Economics Trade Deputy Vice Acting
    Former Chief Executive State Junior Senior Assistant Managing Opposition Party Labour
    Industry Health Justice Agriculture Energy Transport Education Culture Sports Tourism
    Environment Labor Home Security First Grand Supreme Commanding Field Majority Minority
    District Circuit"""
)
# Titles that only ever stand before a person's name ("Mr Park" is a person, "King Street" a place).
_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Rev", "Prof", "Mme"})
# Well-known organisations whose name also opens sentences as an everyday word ("Fed up").
_SENTENCE_WORDS = frozenset({"shell", "apple", "amazon", "fed", "treasury", "house"})
# Given names down to this census rank ("Taylor" 422, "Hunter" 735; not "Man" 1176) open a
# person's name at a sentence start when a census surname follows.
SURNAME_PAIR_FIRST_RANK = 1000
PLURAL_NOUN_ZIPF = 3.5  # "holder" is a word: "Holders" opens no name
# A hyphenated adjective before a name is no part of it ("Tripoli-based").
ADJECTIVE_ENDINGS = ("-based", "-led", "-backed", "-owned", "-run", "-born", "-made", "-style",
                     "-language")  # fmt: skip


@lru_cache(maxsize=1 << 16)
def is_common_word(word: str) -> bool:
    """A frequent English word (sentence-initial capitals of it are not names)."""
    low = word.lower()
    if low in stop_words():
        return True
    z = zipf(low)
    entry = place(word)
    big_place = entry is not None and (entry[1] == "country" or entry[2] >= 500_000)
    if z >= 4.6 and given_names().get(word, 0) < 9 and not big_place:
        return True
    if z >= 3.6 and entry is None and word not in given_names() and word not in surnames():
        return True
    return (
        z >= 2.5 and low.endswith(("ing", "ly", "ed")) and entry is None and word not in surnames()
    )


def strip_chunk(
    line: Line, i: int, j: int, lower_seen: set[str], names: set[str]
) -> tuple[int, int, bool]:
    """Drop sentence-initial common words, titles and demonyms; returns (i, j, had_title).

    `names` are surnames of full names in the article: "Brown" stays even at a sentence start.
    """
    words, cap = line.words, line.cap
    had_title = False
    while i < j and line.sent_start(i) and not line.upper[i]:
        word = words[i]
        if not (is_common_word(word) or word.lower() in lower_seen and place(word) is None):
            break
        if word in names or word.rstrip(".") in PERSON_TITLES or _starts_known_name(words, i, j):
            break
        if word in KNOWN_ORGS and word.lower() not in _SENTENCE_WORDS:
            break  # "Google said", "Labour won": a well-known organisation opening a sentence
        if word in ORG_HEADS and j - i >= 2:
            break  # "Deutsche Bahn said", "National Guard troops": the head starts a name
        if j - i >= 2 and org_suffix(words[j - 1]) and _may_open_name(word, lower_seen):
            break  # "Universal Music Group said", "Arm Holdings": an organisation's name
        if j - i >= 2 and _given_before_surname(word, words[i + 1]):
            break  # "Tony Jarrett", "Mark Crear": a frequent given name, then a rare word
        i += 1
    if j - i >= 2 and words[i] in DEMONYMS and " ".join(words[i:j]).lower() in KNOWN_ORG_NAMES:
        return i, j, False  # "Liberal Democrats": a party's name, though "Liberal" is a demonym
    k = i
    last_cut = i
    while k < j - 1:
        title = words[k].rstrip(".") in PERSON_TITLES
        if title or words[k] in DEMONYMS:
            last_cut = k + 1
            had_title = had_title or title
        elif words[k] not in TITLE_MODIFIERS and words[k] != ".":
            break
        k += 1
    if last_cut == i:
        had_title = False
    elif words[last_cut] in ("of", "for") and org_suffix(words[j - 1]):
        i, had_title = last_cut + 1, False  # "Chairman of Wisenbaker Production Co": the employer
    elif org_suffix(words[j - 1]) or _headed_by_org(words, last_cut, j):
        had_title = False  # "Premier League", "Justice Department": the title word names a body
    elif j - last_cut == 2 and words[last_cut] == "of" and words[j - 1] in LOC_SUFFIXES:
        return j, j, False  # "Secretary of State", "Minister of State": a post, no name
    elif _names_a_place(words, i, last_cut, j):
        had_title = False  # "King Street", "Indian Ocean": the title or demonym names a place
    elif (entry := place(" ".join(words[i:j]))) is not None:
        had_title = had_title and entry[1] != "country"  # "Prince Edward"; "Saint Kitts and Nevis"
    else:
        i = last_cut
        had_title = had_title and words[i] not in ("of", "for")  # "the MP for Sedgefield"
    while i < j and (words[i] in ("of", "de", "&", "and", ".") or not cap[i]):
        i += 1
    if j - i > 1 and words[i].endswith(ADJECTIVE_ENDINGS):
        i += 1  # "Tripoli-based Government of National Unity"
    if j > i and words[j - 1].endswith(ADJECTIVE_ENDINGS):
        return j, j, False  # "a Hong Kong-based bank", "United Nations-backed": an adjective
    while i < j and words[i] in CALENDAR and j - i > 1:
        i += 1
    while j > i + 1 and words[j - 1] in CALENDAR:
        j -= 1
    while j > i and not cap[j - 1] and words[j - 1] != ".":
        j -= 1
    if (given := _holder_after_post(words, i, j)) is not None:
        i, had_title = given, True
    return i, j, had_title


def _holder_after_post(words: list[str], i: int, j: int) -> int | None:
    """Where the holder's name starts in "Secretary of State Hillary Clinton" or "Speaker of the
    House Nancy Pelosi": the run after a title's "of" names the post for 1-3 words, then a given
    name and a surname follow."""
    k = i - 1 - (i >= 1 and words[i - 1] == "the")
    if k < 1 or words[k] != "of" or words[k - 1].rstrip(".") not in PERSON_TITLES:
        return None
    if org_suffix(words[j - 1]):
        return None  # "Chairman of Nomura Securities Co": the employer
    for g in range(i + 1, min(i + 4, j - 1)):
        if words[g][:1].isupper() and is_given_name(words[g]):
            return g if not any(map(is_given_name, words[i:g])) else None
    return None


def _names_a_place(words: list[str], i: int, cut: int, j: int) -> bool:
    """Title or demonym words [i, cut) opening a place's name that ends in a place word ("King
    Street", "Indian Ocean", "Queen Square"); not an honorific's ("Mr Park")."""
    if words[j - 1] not in LOC_SUFFIXES:
        return False
    return not any(w.rstrip(".") in _HONORIFICS for w in words[i:cut])


def _may_open_name(word: str, lower_seen: set[str]) -> bool:
    """A sentence-initial word that may open a name: no function word, verb or adverb form
    ("Replacing", "Aiding"), no plural of a common noun ("Holders"), and not written in lower
    case elsewhere in the article."""
    low = word.lower()
    plural = low.endswith("s") and zipf(low[:-1]) >= PLURAL_NOUN_ZIPF
    verb = low.endswith(("ing", "ed", "ly"))
    return not (plural or verb or low in stop_words() or low in lower_seen)


def _given_before_surname(word: str, nxt: str) -> bool:
    """One of the census's most common given names ("Tony", "Mark"; not "Will" or "May") before
    a capitalised word that is no common word, demonym or country, or a less common one before a
    census surname ("Taylor Swift"): a person, though sentences start with common words."""
    given = common_first_name(word) or (
        common_first_name(word, SURNAME_PAIR_FIRST_RANK) and nxt in surnames()
    )
    if not given or is_common_word(nxt) or nxt in DEMONYMS:
        return False
    entry = place(nxt)
    return entry is None or entry[1] != "country"


def _headed_by_org(words: list[str], i: int, j: int) -> bool:
    """`Observatory for Human Rights`: an organisation word before the name's "for" or "of"."""
    for k in range(i + 1, j - 1):
        if words[k] in ("for", "of"):
            return org_suffix(words[k - 1])
    return False


def _starts_known_name(words: list[str], i: int, j: int) -> bool:
    """True when the run starting at i begins with a multi-word place ("New Zealand") or
    well-known organisation ("Islamic State")."""
    for size in (2, 3):
        name = " ".join(words[i : i + size])
        if i + size <= j and (place(name) or name.lower() in KNOWN_ORG_NAMES):
            return True
    return False
