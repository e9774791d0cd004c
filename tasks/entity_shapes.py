"""Typing a capitalised run that has no cue word, from the shape of its words alone."""

from __future__ import annotations

import re

from tasks.entity_cues import KNOWN_ORGS, words_of
from tasks.entity_lexicon import common_surname, given_names, is_given_name, place, surnames, zipf
from tasks.entity_tokens import Line
from tasks.entity_trim import PLURAL_NOUN_ZIPF, is_common_word
from tasks.place_case import function_word
from tasks.stop_words import stop_words

STRONG, MEDIUM, WEAK, UNKNOWN = 3, 2, 1, 0
LOC_PREVIOUS = words_of("in at near from to into across outside inside via toward towards")
COMPASS = words_of("North South East West Northern Southern Eastern Western Central Upper Lower")
_ORG_NEXT = words_of(
    "shares stock spokesman spokeswoman officials executives unit subsidiary shareholders chairman"
)
# Words after a town that make it a club: "Chelsea boss Jose Mourinho".
CLUB_ROLES = words_of(
    "boss manager coach striker midfielder defender goalkeeper keeper skipper winger fans"
)
# Roles a person holds at a club or firm ("Elvis fans" are no club's).
_STAFF_ROLES = CLUB_ROLES - {"fans"}
_ROMAN = re.compile(r"^[IVXL]+$")  # "Henry VIII"
_BIG_REGION = 1_000_000  # a state or country ("Georgia", "Virginia"), not a district named "Paul"
_PERSON_SHAPE = re.compile(r"^(?:Mc|Mac|O')[A-Z]|-(?:ul|ur|ud|al|ad|ud)-[A-Z]")


def type_multi(words: list[str], name: str, sports: str) -> tuple[str | None, int, str]:
    """Type a multi-word capitalised run with no cue word."""
    first, last = words[0], words[-1]
    if all(w.isupper() for w in words if w.isalpha()):
        if any(zipf(w) >= 3.5 for w in words):
            return None, WEAK, name  # table header or shouted phrase
        return "ORG", WEAK, name
    if any(len(w) >= 2 and w.isupper() and w.isalpha() and not _ROMAN.match(w) for w in words):
        return "ORG", WEAK, name  # "DB Cargo", "BBC World": an acronym is no part of a name
    if first in KNOWN_ORGS:
        return "ORG", WEAK, name  # "Sony Pictures", "Boeing Capital": a known company's unit
    if _no_person(first, last, len(words)):
        return "ORG", WEAK, name
    given = given_names().get(first, 0)
    last_place = place(last)
    big_last = last_place is not None and (
        last_place[1] == "country" or (last_place[1] == "city" and last_place[2] >= 1_000_000)
    )
    if given >= 3 and (zipf(first) < 5.0 or given >= 8) and not big_last:
        return "PER", MEDIUM if last in surnames() or given >= 6 else WEAK, name
    if last in surnames() and zipf(last) < 4.5 and place(first) is None:
        return "PER", WEAK, name
    if not sports and first in COMPASS and place(" ".join(words[1:])) is not None:
        return "LOC", MEDIUM, name  # "North Africa", "Southern Sudan"
    if place(first) is not None or place(last) is not None:
        return "ORG", WEAK, name
    if all(zipf(w) >= 4.5 and not is_given_name(w) for w in words):
        return "ORG", WEAK, name  # "Red Cross", "Clean Air Trust": common words make no person
    return ("PER" if len(words) <= 3 else "ORG"), WEAK, name


def _no_person(first: str, last: str, n: int) -> bool:
    """Word shapes no person's name takes: a state or country then an everyday word ("Georgia
    Power", "Virginia Tech"), a plural noun last ("Meta Platforms"; not "Tyra Banks", a census
    surname; not "van der Does"), an everyday "-ing" word first ("Rolling Stone"; not "Irving")."""
    entry = place(first)
    common_last = is_common_word(last) and not common_surname(last)
    if n == 2 and entry is not None and entry[2] >= _BIG_REGION and common_last:
        return True  # not "Paul Johnson" (a region of 200,000 named Paul; a common surname)
    plural = last.endswith("s") and zipf(last[:-1]) >= PLURAL_NOUN_ZIPF
    if (
        plural
        and is_common_word(last)
        and last not in surnames()
        and last.lower() not in stop_words()
    ):
        return True
    return first.endswith("ing") and zipf(first) >= PLURAL_NOUN_ZIPF and not is_given_name(first)


def type_single(
    line: Line, i: int, prev: str, nxt: str, sports: str
) -> tuple[str | None, int, str]:
    """Type a lone capitalised word (token i) with no gazetteer entry from its shape and context."""
    word = line.words[i]
    if line.upper[i] and 2 <= len(word) <= 6:
        return "ORG", MEDIUM, word
    if function_word(word.lower()):
        return None, WEAK, word  # "The", "In" after a number: also given names, never alone
    if prev.lower() in LOC_PREVIOUS:
        return "LOC", WEAK, word
    if prev.lower() == "the" and not sports:
        return None, UNKNOWN, word  # "the Rhine", "the Moon": no person takes an article
    # "Stand-in goalkeeper": a hyphenated sentence opener is no club (everyday ones such as
    # "Interim" never get here: the trimmer drops them)
    if nxt in _STAFF_ROLES and not (line.sent_start(i) and "-" in word):
        return "ORG", MEDIUM, word  # "Everton manager Sean Dyche": the club, whatever its name
    if _PERSON_SHAPE.search(word) or sports and prev in ("b", "c", "st", "lbw"):
        return "PER", WEAK, word
    if sports and (nxt[:1].isdigit() or prev[:1].isdigit()):
        return "ORG", WEAK, word
    if word in surnames() and zipf(word) < 4.0:
        return "PER", WEAK, word
    if given_names().get(word, 0) >= 6:
        return "PER", WEAK, word
    if sports and line.sent_start(i) and zipf(word) >= 3.3 and not is_given_name(word):
        return None, WEAK, word  # "Extras", "Bowling": table labels, not clubs
    if sports:
        return "ORG", WEAK, word
    if nxt in _ORG_NEXT:
        return "ORG", WEAK, word
    # Unknown lone words outside sports pages are as often MISC or common words as names
    # (measured): keep them untyped unless the article types the same word elsewhere.
    return None, UNKNOWN, word
