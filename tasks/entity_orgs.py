"""Organisations from structure: teams in the results lines of sports reports (any casing),
a company named without its legal form; in lower-cased text also acronyms defined in
brackets, fixtures and well-known names."""

from __future__ import annotations

import re
from functools import cache

from tasks.entity_cues import (
    KNOWN_ORG_NAMES,
    KNOWN_ORGS,
    ORG_ALIASES,
    ORG_HEADS,
    ORG_SUFFIXES,
    legal_form,
    words_of,
)
from tasks.entity_lexicon import place
from tasks.entity_rules import Mention
from tasks.entity_shapes import STRONG
from tasks.entity_tokens import Line

# Known organisations whose lower-cased form is an everyday word ("who", "shell", "fed").
_WORD_LIKE = words_of(
    "ap who fed shell apple amazon intel us parliament congress senate treasury labour fiat tesla "
    "meta house"
)
# Words an acronym may skip in its long form ("organisation for security and co-operation in
# europe ( osce )").
_SKIPPED = words_of("of for and the in on de du des la le el al at to")
MAX_ACRONYM = 8
# Last words of a company's name that its short form drops ("Arm Holdings" ... "Arm").
_COMPANY_WORDS = words_of("Holdings Holding Group Industries Airlines Motors")
_NUMBER = re.compile(r"^\d+$")
_TABLE_CELL = re.compile(r"^(?:\d*\.?\d+|-)$")  # "13", ".570", "-"
MAX_TEAM_WORDS = 3
MIN_TABLE_CELLS = 3
_VERSUS = words_of("v vs v. vs.")
_TEAM_END = words_of("( or , . ;")

Names = dict[str, tuple[str, str]]


def uncased_orgs(lines: list[Line], sports: str) -> Names:
    """Lower-cased organisation names found by look-up or context -> (type, canonical)."""
    out: Names = {}
    for line in lines:
        out.update(_acronym_definitions(line.words))
        if sports == "team":
            out.update(results_line(line.words))
            out.update(_fixtures(line.words))
    return _known_orgs() | out


@cache
def _known_orgs() -> Names:
    """The organisations cased text knows by name, keyed by their lower-cased tokens."""
    names = {n: ORG_ALIASES.get(n, n) for n in sorted(KNOWN_ORGS)} | ORG_ALIASES
    names |= {v: v for v in ORG_ALIASES.values()}
    names |= {n: ORG_ALIASES.get(n.title(), n.title()) for n in KNOWN_ORG_NAMES}
    return {k.lower(): ("ORG", v) for k, v in names.items() if k.lower() not in _WORD_LIKE}


def _acronym_definitions(words: list[str]) -> Names:
    """`national league for democracy ( nld )`: the name before an acronym in brackets whose
    letters are the name's initials; both are the organisation (a place if the name is one)."""
    out: Names = {}
    for k in range(1, len(words) - 2):
        acronym = words[k + 1]
        if words[k] != "(" or words[k + 2] != ")" or not acronym.isalpha():
            continue
        if not 2 <= len(acronym) <= MAX_ACRONYM:
            continue
        start = _long_form(words, k, acronym)
        if start is None:
            continue
        name = " ".join(words[start:k])
        if place(name) is not None:
            etype = "LOC"
        elif _org_words().intersection(words[start:k]):
            etype = "ORG"
        else:
            continue  # "digital rights management ( drm )": a term, not a body
        canonical = name.title()
        out[name] = (etype, canonical)
        out.setdefault(acronym, (etype, canonical))
    return out


@cache
def _org_words() -> frozenset[str]:
    """Words that make a name an organisation's ("association", "party", "bank")."""
    return frozenset(w.lower() for w in ORG_HEADS | ORG_SUFFIXES)


def _long_form(words: list[str], bracket: int, acronym: str) -> int | None:
    """Index of the first word of the name whose initials spell `acronym`, read backwards from
    the bracket; small words may be skipped, and one other word in a long acronym."""
    j = bracket - 1
    skips = 1 if len(acronym) >= 4 else 0
    for letter in reversed(acronym):
        while j >= 0 and not words[j].startswith(letter):
            if words[j] in _SKIPPED and j < bracket - 1:
                j -= 1
            elif skips and words[j].isalpha() and j < bracket - 1:
                skips -= 1
                j -= 1
            else:
                return None
        if j < 0 or not words[j].isalpha():
            return None
        j -= 1
    return None if words[j + 1] in _SKIPPED else j + 1


def results_line(words: list[str]) -> Names:
    """The teams a result line or a standings row of a team-sports report names, if it is one."""
    return _score_line(words) or _table_row(words)


def _score_line(words: list[str]) -> Names:
    """`lotte 6 hyundai 2 ( halftime 1-0 )`: a result line names two teams."""
    tail = words.index("(") if "(" in words else len(words)
    if tail < len(words) and words[-1] != ")":
        return {}
    numbers = [i for i in range(tail) if _NUMBER.match(words[i])]
    if len(numbers) != 2 or numbers[1] != tail - 1:
        return {}
    first, second = words[: numbers[0]], words[numbers[0] + 1 : numbers[1]]
    out: Names = {}
    for team in (first, second):
        if not 1 <= len(team) <= MAX_TEAM_WORDS or not all(w.isalpha() for w in team):
            return {}
    for team in (first, second):
        out.update(_team(team))
    return out


def _table_row(words: list[str]) -> Names:
    """`chonan 3 0 1 13 10 9`: a standings row is a team and its figures."""
    k = 0
    while k < len(words) and words[k].isalpha():
        k += 1
    cells = words[k:]
    if not 1 <= k <= MAX_TEAM_WORDS or len(cells) < MIN_TABLE_CELLS:
        return {}
    if not all(_TABLE_CELL.match(c) for c in cells):
        return {}
    return _team(words[:k])


def _fixtures(words: list[str]) -> Names:
    """`july 16-18 v glamorgan ( three days )`: the side named after "v" in a fixture list."""
    out: Names = {}
    for k, word in enumerate(words[:-1]):
        if word not in _VERSUS:
            continue
        j = k + 1
        while j < len(words) and words[j] not in _TEAM_END:
            j += 1
        team = words[k + 1 : j]
        if 1 <= len(team) <= MAX_TEAM_WORDS and all(w.isalpha() or w == "'s" for w in team):
            out.update(_team(team))
    return out


def _team(words: list[str]) -> Names:
    """A side named in a results line, keyed lower-cased: an organisation, unless a country
    ("england" stays a place, as national sides are)."""
    name = " ".join(words)
    key = name.lower()
    entry = place(key)
    if entry is not None and entry[1] == "country":
        return {}
    return {key: ("ORG", name if name != key else name.title())}


def company_short_forms(mentions: list[Mention], lines: list[Line]) -> None:
    """`Ruch SA` ... `Ruch`, `Arm Holdings` ... `Arm`: the name without its legal form (or
    company word) is the company, one tally."""
    full: dict[str, str] = {}
    for m in mentions:
        words = lines[m.line].words
        last = words[m.j - 1]
        if m.type == "ORG" and m.j - m.i >= 2 and (legal_form(last) or last in _COMPANY_WORDS):
            full.setdefault(" ".join(words[m.i : m.j - 1]), m.canonical)
    if full:
        for m in mentions:
            hit = full.get(" ".join(lines[m.line].words[m.i : m.j]))
            if hit and (m.type == "ORG" or m.conf < STRONG):
                m.type, m.canonical = "ORG", hit
