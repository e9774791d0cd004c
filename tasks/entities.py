"""Offline named-entity extraction (PER/ORG/LOC) with in-article name normalisation."""

from __future__ import annotations

import re
from collections import Counter
from operator import attrgetter

from newsdigest.models import EntityCount, EntitySpan
from tasks.entity_cues import (
    CONNECTORS,
    DEMONYMS,
    MISC_SUFFIXES,
    ORG_ALIASES,
    PERSON_TITLES,
    SPORTS,
    TEAM_SPORTS,
    org_suffix,
)
from tasks.entity_lexicon import given_names, is_given_name, place, zipf
from tasks.entity_orgs import results_line, uncased_orgs
from tasks.entity_possessive import stripped_possessives
from tasks.entity_propagate import propagate, retype
from tasks.entity_rules import Mention, sports_team, type_chunk
from tasks.entity_shapes import MEDIUM, UNKNOWN
from tasks.entity_tokens import (
    CAP_WORD,
    WORD,
    Chunk,
    Line,
    chunks,
    is_caps_line,
    split_lines,
)
from tasks.entity_trim import TITLE_MODIFIERS, strip_chunk
from tasks.entity_uncased import uncased_names
from tasks.place_case import UNCASED_TOWN, function_word

_DATE_ONLY = re.compile(r"^\d{4}-\d\d-\d\d$")
_MAX_GAZ_WORDS = 4
_MAX_KNOWN_WORDS = 8  # lower-cased text: an organisation's name defined by its acronym


def extract_entities(text: str) -> list[EntitySpan]:
    """Entity mentions with character offsets into `text` and an in-article canonical name."""
    if not isinstance(text, str) or not text.strip():
        return []
    lines = split_lines(text)
    caps = [is_caps_line(line) or _title_case_headline(line) for line in lines]
    words = sum(line.tally[WORD] for line in lines)
    uncased = bool(words) and sum(line.tally[CAP_WORD] for line in lines) < 0.03 * words
    if uncased:
        caps = [True] * len(lines)  # lower-cased text: names by look-up only
    sports = _sports_kind(lines)
    teams: dict[str, tuple[str, str]] = {}
    if sports == "team" and not uncased:  # results lines: read as capitals lines, by look-up
        for n, line in enumerate(lines):
            if not caps[n] and (found := results_line(line.words)):
                caps[n] = True
                teams.update(found)
    lower_seen: set[str] = set()
    for line, c in zip(lines, caps, strict=True):
        if not c:
            lower_seen.update(filter(str.islower, line.words))
    runs = {n: chunks(line, n) for n, line in enumerate(lines) if not caps[n]}
    names = _full_name_surnames(lines, runs)
    mentions: list[Mention] = []
    for n, line in enumerate(lines):
        if caps[n]:
            continue
        dateline = _dateline(line)
        for a, b in _split_at_titles(line, runs[n]):
            i, j, had_title = strip_chunk(line, a, b, lower_seen, names)
            if i >= j:
                continue
            etype, conf, canonical = type_chunk(line, i, j, had_title, sports, dateline)
            if etype is not None or conf == UNKNOWN:
                mentions.append(Mention(n, i, j, etype, conf, canonical))
    known = propagate(mentions, lines)
    if teams:
        retype(mentions, lines, teams)
        known.update(teams)
    long_starts: frozenset[str] = frozenset()
    if uncased:
        known.update(uncased_names(lines))
        known.update(uncased_orgs(lines, sports))
        long_starts = frozenset(k.split(" ", 1)[0] for k in known if k.count(" ") >= _MAX_GAZ_WORDS)
    for n, line in enumerate(lines):
        if caps[n]:
            mentions.extend(_caps_line_mentions(line, n, known, sports, long_starts))
    mentions = [m for m in mentions if m.type]
    mentions.sort(key=attrgetter("line", "i"))  # text order: mentions never overlap
    return stripped_possessives(text, [_span(text, lines, m) for m in mentions])


def tally_entities(spans: list[EntitySpan]) -> list[EntityCount]:
    """Count mentions per (canonical name, type), most frequent first (ties: first seen)."""
    counts = Counter((s.canonical or s.text, s.type) for s in spans)
    return [EntityCount(name=n, type=t, count=c) for (n, t), c in counts.most_common()]


def _title_case_headline(line: Line) -> bool:
    """`Bank of Japan Raises Rates to Highest Level`: capitalised common words, no name signal."""
    n = line.tally[WORD]
    if not 4 <= n <= 25 or line.tally[CAP_WORD] < 0.7 * n:
        return False
    common = sum(
        cap and not up and zipf(w) >= 4.0 and place(w) is None and given_names().get(w, 0) < 6
        for w, cap, up in zip(line.words, line.cap, line.upper, strict=True)
        if w[:1].isalpha()
    )
    return common >= 3 and common >= 0.3 * n


def _full_name_surnames(lines: list[Line], runs: dict[int, list[Chunk]]) -> set[str]:
    """Last words of `Given Surname` runs: surnames worth keeping wherever they appear."""
    out: set[str] = set()
    for n, line_runs in runs.items():
        for ch in line_runs:
            if ch.j - ch.i in (2, 3) and is_given_name(lines[n].words[ch.i]):
                out.add(lines[n].words[ch.j - 1])
    return out


_NOT_SPLIT = PERSON_TITLES | TITLE_MODIFIERS | DEMONYMS | CONNECTORS | {"."}


def _split_at_titles(line: Line, runs: list[Chunk]) -> list[tuple[int, int]]:
    """`U.S. President Bill Clinton` -> `U.S.` + `President Bill Clinton`: a title inside a run
    starts a new candidate."""
    words = line.words
    out: list[tuple[int, int]] = []
    for ch in runs:
        start = ch.i
        has_name = words[ch.i] not in _NOT_SPLIT  # the left part holds a real name word
        for k in range(ch.i + 1, ch.j - 1):
            if has_name and words[k].rstrip(".") in PERSON_TITLES:
                cut = k  # the title's modifiers go with it: "Senate | Majority Leader X"
                while (
                    cut - 1 > start
                    and words[cut - 1] in TITLE_MODIFIERS
                    and not org_suffix(words[cut - 1])  # "Scottish National Party | Leader X"
                ):
                    cut -= 1
                out.append((start, cut))
                start, has_name = cut, False
            elif words[k] not in _NOT_SPLIT:
                has_name = True
        out.append((start, ch.j))
    return out


def _sports_kind(lines: list[Line]) -> str:
    """'team' or 'individual' for a sports report (CoNLL-style `SOCCER - ...` headline), else ''."""
    for line in lines[:2]:
        first = line.words[0].lower() if line.words else ""
        head = " ".join(w.lower() for w in line.words[:2])
        if first in TEAM_SPORTS or head in TEAM_SPORTS:
            return "team"
        if first in SPORTS or head in SPORTS:
            return "individual"
    return ""


def _caps_line_mentions(
    line: Line, n: int, known: dict[str, tuple[str, str]], sports: str, long_starts: frozenset[str]
) -> list[Mention]:
    """ALL-CAPS (or lower-cased) line: names already seen in the article, then gazetteer places;
    a known name longer than a place name only from a word in `long_starts`."""
    out: list[Mention] = []
    dateline = _dateline(line)
    words = line.words
    size_max = len(words)
    usable = [w[:1].isalpha() or w in (".", "&") for w in words]
    i = 0
    while i < size_max:
        found = None
        top = 0  # candidates are the longest runs of usable words starting at i
        reach = _MAX_KNOWN_WORDS if words[i].lower() in long_starts else _MAX_GAZ_WORDS
        while top < reach and i + top < size_max and usable[i + top]:
            top += 1
        for size in range(top, 0, -1):
            key = " ".join(words[i : i + size]).lower()
            hit = known.get(key)
            if hit and hit[0] and not dateline:
                found = Mention(n, i, i + size, hit[0], MEDIUM, hit[1])
                break
            if size > _MAX_GAZ_WORDS:
                continue
            after = words[i + size].title() if i + size < size_max else ""
            if after in MISC_SUFFIXES:
                continue
            entry = place(key)
            if entry and size == 1 and len(key) <= 3 and entry[1] != "country":
                entry = None  # "BA", "ANC": acronyms, not towns
            if entry and size == 1 and not words[i].isupper() and function_word(key):
                entry = None  # "us" and a title-cased "Us" ("Contact Us") are the pronoun
            if entry and size == 1 and words[i].islower() and entry[2] < UNCASED_TOWN:
                entry = None  # lower-cased "ferguson": small towns are mostly surnames
            if entry and (size > 1 or entry[1] == "country" or _rare_or_big(key, entry[2])):
                nxt = words[i + size] if i + size < size_max else ""
                prev = words[i - 1] if i else ""
                # the rule cased text uses, or a capitals-line cue: "ESSEX 301", "ESSEX AT LEEDS"
                nearby = nxt[:1].isdigit() or nxt in ("AT", "at", "v", "V")
                team = sports_team(entry[1], sports, prev, nxt.lower(), dateline) or (
                    bool(sports) and entry[1] != "country" and nearby and not dateline
                )
                found = Mention(n, i, i + size, "ORG" if team else "LOC", MEDIUM, entry[0])
                break
        if found:
            out.append(found)
            i = found.j
        else:
            i += 1
    return out


def _dateline(line: Line) -> bool:
    """`LONDON 1996-08-30` or `MILWAUKEE , Wisconsin 1996-08-31`: a place line ending in a date."""
    words = line.words
    return len(words) <= 8 and bool(words) and bool(_DATE_ONLY.match(words[-1]))


def _rare_or_big(word: str, population: int) -> bool:
    """A one-word place name safe to match without case: rare as a word, or a big city."""
    z = zipf(word)
    return z < 4.3 or (population >= 500_000 and z < 5.5)


def _span(text: str, lines: list[Line], m: Mention) -> EntitySpan:
    """The EntitySpan for a mention (offsets from its first and last token)."""
    start, end = lines[m.line].start(m.i), lines[m.line].end(m.j - 1)
    if m.type == "ORG":
        m.canonical = ORG_ALIASES.get(m.canonical, m.canonical)
    return EntitySpan(
        text=text[start:end], type=m.type or "", start=start, end=end, canonical=m.canonical
    )
