"""Typing one candidate chunk as PER/ORG/LOC from gazetteers, cue words and local context."""

from __future__ import annotations

from dataclasses import dataclass

from tasks.entity_cues import (
    DEMONYMS,
    KNOWN_ORG_NAMES,
    KNOWN_ORGS,
    LOC_HEADS,
    LOC_PREFIXES,
    LOC_SUFFIXES,
    MISC_SUFFIXES,
    NOT_ENTITY,
    ORG_HEADS,
    ORG_SUFFIXES,
    PERSON_TITLES,
    PERSON_TITLES_LOWER,
    PRESS_NAMES,
    org_suffix,
    words_of,
)
from tasks.entity_lexicon import is_given_name, place, zipf
from tasks.entity_shapes import (
    CLUB_ROLES,
    COMPASS,
    LOC_PREVIOUS,
    MEDIUM,
    STRONG,
    WEAK,
    type_multi,
    type_single,
)
from tasks.entity_tokens import Line
from tasks.entity_trim import ADJECTIVE_ENDINGS, TITLE_MODIFIERS

_TEAM_WORDS = words_of("v vs v. vs. beat beats drew lost against for defeated")
_SPEECH = words_of("said says told added")
_SPEAKING_CITY = 1_000_000  # a city this big speaks for its government ("Moscow said")
# "the village of ...": a place's name follows.
_SETTLEMENTS = words_of("village villages town towns city cities province district county port")
# Last words that end both places and clubs ("County"): a place outside the sports pages.
_PLACE_OR_CLUB = LOC_SUFFIXES & ORG_SUFFIXES
# A publication's kind, right before or after its name.
_PRESS = words_of("daily newspaper weekly magazine tabloid")
# Lower-case geographic nouns after a name ("the Bab al-Mandab strait", "Amazon region").
_GEO_NEXT = words_of(
    "river rivers strait straits region valley basin delta desert mountains peninsula province"
)
# Lower-case position words before one name ("the upper Amazon", "eastern Ghouta").
_GEO_PREV = frozenset(w.lower() for w in COMPASS)
# People who work at an organisation: "analysts at Nomura".
_STAFF = frozenset(
    w + plural
    for w in ("analyst", "economist", "strategist", "researcher", "scientist", "executive",
              "engineer", "banker", "trader", "dealer", "professor")
    for plural in ("", "s")
)  # fmt: skip
_NEVER_ALONE = NOT_ENTITY | DEMONYMS  # words that are no entity on their own


@dataclass(slots=True)
class Mention:
    """A typed candidate: tokens [i, j) of a line, with type, confidence and canonical name."""

    line: int
    i: int
    j: int
    type: str | None
    conf: int
    canonical: str


# Function words capitalised inside a run: twice there, the run is the title of a work (a film,
# song or book: "Who Put The Marmite In The Fridge"), which CoNLL calls MISC.
_TITLE_CASED_FUNCTION = words_of("The Of In To An A For On At With Is From By My Your It")
# Menu words of news web pages, kept in scraped text as runs of capitals ("About Careers Press
# Releases Contact Us Legal Terms"); three of them in one run make it a menu.
_SITE_MENU = words_of(
    """About Advertise Archive Careers Contact Cookies Corporate Coverage Download Follow Home
    Legal Live Login Menu Newsletter Partner Policy Privacy Register Releases Schedule Search
    Share Sitemap Subscribe Terms Tweet Us Watch"""
)


def type_chunk(
    line: Line, i: int, j: int, had_title: bool, sports: str, dateline: bool = False
) -> tuple[str | None, int, str]:
    """(type, confidence, canonical) for tokens [i, j) of a line; type None = not an entity."""
    words = line.words[i:j]
    name = " ".join(words)
    n = len(words)
    prev = previous_word(line.words, i)
    nxt = line.words[j] if j < len(line.words) else ""
    if n == 1 and (name in _NEVER_ALONE or len(name) == 1 or _plural_demonym(name)):
        return None, STRONG, name
    settlement = prev == "of" and i >= 2 and line.words[i - 2] in _SETTLEMENTS
    if not had_title and (
        settlement  # "the village of Mahala"
        or (words[-1] not in DEMONYMS and (nxt in _GEO_NEXT or (n == 1 and prev in _GEO_PREV)))
    ):  # "the Bab al-Mandab strait", "the upper Amazon"
        return "LOC", STRONG, (place(name) or (name,))[0]
    if name.lower() in KNOWN_ORG_NAMES:
        return "ORG", STRONG, name
    if words[-1].rstrip(".") in PERSON_TITLES and all(w in TITLE_MODIFIERS for w in words[:-1]):
        return None, STRONG, name  # "the Prime Minister", "Foreign Secretary": a post, no name
    if n == 1:
        if name in KNOWN_ORGS:
            return "ORG", STRONG, name
        if name.rstrip(".") in PERSON_TITLES:
            return None, STRONG, name
    elif n == 2 and words[-1] in DEMONYMS or words[-1] in MISC_SUFFIXES:
        return None, STRONG, name
    elif sum(w in _TITLE_CASED_FUNCTION for w in words[1:]) >= 2:
        return None, STRONG, name  # "In The Name Of The Father": a work's title, no name
    elif n >= 3 and sum(w in _SITE_MENU for w in words) >= 3:
        return None, STRONG, name  # "Watch Live TV Schedule": a web page's menu, no name
    entry = place(name)
    if had_title and (n > 1 or entry is None or entry[1] != "country"):
        return "PER", STRONG, name
    if "&" in words:
        return "ORG", STRONG, name
    if (
        entry is not None
        and n == 1
        and line.upper[i]
        and len(name) <= 4
        and entry[1] != "country"
        and not dateline  # "BONN 1996-08-30", "ROME 1996-08-30": the city
    ):
        entry = None  # "BA", "ANC": an acronym, not the town of Ba
    if entry is not None and n == 1 and _speaks(entry, prev, nxt):
        return "PER", STRONG, name  # "Duran said": a person named like a town; towns do not speak
    if entry is None and any(map(str.isdigit, name)) and not org_suffix(words[-1]):
        return None, WEAK, name  # "Airbus A321", "Trofej Beograd 96": products, events
    if prev == "at" and i >= 2 and line.words[i - 2].lower() in _STAFF:
        # "economists at Nomura": an employer, even one named like a town
        return "ORG", MEDIUM, name
    if (
        entry is None
        and (nxt in _PRESS or prev in _PRESS and not line.sent_start(i))
        and not name.endswith(ADJECTIVE_ENDINGS)
    ):
        return "ORG", MEDIUM, name  # "the daily Kommersant", "Time magazine": a publication
    if entry is not None and not (n == 1 and zipf(name) >= 5.2 and entry[2] < 500_000):
        canonical, kind, _ = entry
        if sports_team(kind, sports, prev, nxt, dateline):
            return "ORG", MEDIUM, canonical
        if kind != "country" and nxt in CLUB_ROLES and not had_title:
            return "ORG", STRONG, name  # "Chelsea boss", "Newcastle striker": the club
        return "LOC", STRONG if kind == "country" else MEDIUM, canonical
    if words[-1] in _PLACE_OR_CLUB and n >= 2 and not sports and "of" not in words:
        return "LOC", MEDIUM, name  # "Lamar County"; a club only on a sports page ("Derby County")
    acronym = n == 1 and line.upper[i]  # "said ISRO", "told CNN": an organisation
    # "said General Motors": an organisation's last word outweighs the word before it
    # (not "said David Steel": a given name opens a person's name)
    company = n >= 2 and org_suffix(words[-1]) and not is_given_name(words[0])
    if had_title or prev.rstrip(".").lower() in PERSON_TITLES_LOWER and not (acronym or company):
        return "PER", STRONG, name
    press_person = n == 2 and words[-1] in PRESS_NAMES and is_given_name(words[0])
    if org_suffix(words[-1]) and not press_person:  # "Jim Courier" is no newspaper
        if n == 1 and not line.upper[i] and not sports:
            return None, WEAK, name  # "Police", "Industry" alone: a common noun
        return "ORG", STRONG, name
    if "of" in words or "for" in words:
        if words[0] in LOC_HEADS and words[0] not in ORG_HEADS:
            return "LOC", STRONG, name
        return "ORG", MEDIUM, name
    if words[-2:] == ["School", "District"]:
        return "ORG", STRONG, name  # "Paris Independent School District": a US school board
    if words[-1] in LOC_SUFFIXES or words[0] in LOC_PREFIXES and n >= 2:
        return "LOC", STRONG, name
    if words[0] in ORG_HEADS and n >= 2 and not is_given_name(words[1]):
        return "ORG", MEDIUM, name  # "National Lottery", "Federal Reserve"
    if any(len(w) == 2 and w[1] == "." for w in words[:-1]) and n >= 2:
        return "PER", STRONG, name
    if n >= 2:
        return type_multi(words, name, sports)
    return type_single(line, i, prev, nxt, sports)


def _plural_demonym(name: str) -> bool:
    """ "Egyptians", "Kenyans": people of a nation (but "Balkans" is a place)."""
    return name[-1] == "s" and name[:-1] in DEMONYMS and place(name) is None


def _speaks(entry: tuple[str, str, int], prev: str, nxt: str) -> bool:
    """A town below a capital's size as the subject of "said" ("Police in Uyo said" excepted)."""
    town = entry[1] == "city" and entry[2] < _SPEAKING_CITY
    return town and nxt in _SPEECH and prev.lower() not in LOC_PREVIOUS and prev != "of"


def sports_team(kind: str, sports: str, prev: str, nxt: str, dateline: bool) -> bool:
    """A place other than a country named as a team in a sports report: the whole report is
    about a team sport, or a score, `v` or a result verb stands next to it; not where a match
    is played ("in Leeds", a dateline, "Leicester : Leicestershire 22 pts")."""
    venue = not prev and nxt == ":"
    in_place = dateline or venue or prev.lower() in LOC_PREVIOUS
    team = sports == "team" or _team(prev, nxt)
    return bool(sports) and kind != "country" and not in_place and team


def _team(prev: str, nxt: str) -> bool:
    """A place name used as a team: next to a score, `v`, or a result verb."""
    return prev[:1].isdigit() or nxt[:1].isdigit() or prev in _TEAM_WORDS or nxt in _TEAM_WORDS


def previous_word(words: list[str], i: int) -> str:
    """The token before position i, skipping a title's full stop."""
    k = i - 1
    if k >= 0 and words[k] == "." and k > 0:
        k -= 1
    return words[k] if k >= 0 else ""
