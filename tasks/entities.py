"""Offline named-entity extraction (PER/ORG/LOC) with in-article name normalisation."""

from __future__ import annotations

import re
from collections import Counter

from newsdigest.models import EntityCount, EntitySpan
from tasks.entity_cues import (
    CONNECTORS,
    DEMONYMS,
    MISC_SUFFIXES,
    ORG_ALIASES,
    PERSON_TITLES,
    SPORTS,
    TEAM_SPORTS,
)
from tasks.entity_lexicon import given_names, place, zipf
from tasks.entity_rules import (
    MEDIUM,
    STRONG,
    TITLE_MODIFIERS,
    UNKNOWN,
    Mention,
    strip_chunk,
    type_chunk,
)
from tasks.entity_tokens import (
    CAPITAL,
    STARTS_ALPHA,
    Token,
    chunks,
    count,
    is_caps_line,
    kind_counts,
    split_lines,
)

_DATE_ONLY = re.compile(r"^\d{4}-\d\d-\d\d$")
_MAX_GAZ_WORDS = 4


def extract_entities(text: str) -> list[EntitySpan]:
    """Entity mentions with character offsets into `text` and an in-article canonical name."""
    if not isinstance(text, str) or not text.strip():
        return []
    lines = split_lines(text)
    tallies = [kind_counts(toks) for toks in lines]
    caps = [
        is_caps_line(toks, tally) or _title_case_headline(toks, tally)
        for toks, tally in zip(lines, tallies, strict=True)
    ]
    words = sum(count(tally, STARTS_ALPHA) for tally in tallies)
    if words and sum(count(tally, STARTS_ALPHA | CAPITAL) for tally in tallies) < 0.03 * words:
        caps = [True] * len(lines)  # lower-cased text: gazetteer look-up only
    sports = _sports_kind(lines)
    lower_seen = {
        t.text
        for toks, c in zip(lines, caps, strict=True)
        if not c
        for t in toks
        if t.text.islower()
    }
    runs = {n: chunks(toks, n) for n, toks in enumerate(lines) if not caps[n]}
    names = _full_name_surnames(lines, runs)
    mentions: list[Mention] = []
    for n, toks in enumerate(lines):
        if caps[n]:
            continue
        for a, b in _split_at_titles(toks, runs[n]):
            i, j, had_title = strip_chunk(toks, a, b, lower_seen, names)
            if i >= j:
                continue
            etype, conf, canonical = type_chunk(toks, i, j, had_title, sports, _dateline(toks))
            if etype is not None or conf == UNKNOWN:
                mentions.append(Mention(n, i, j, etype, conf, canonical))
    known = _propagate(mentions, lines)
    for n, toks in enumerate(lines):
        if caps[n]:
            mentions.extend(_caps_line_mentions(toks, n, known, sports))
    mentions = [m for m in mentions if m.type]
    mentions.sort(key=lambda m: lines[m.line][m.i].start)
    return [_span(text, lines, m) for m in mentions]


def tally_entities(spans: list[EntitySpan]) -> list[EntityCount]:
    """Count mentions per (canonical name, type), most frequent first (ties: first seen)."""
    counts = Counter((s.canonical or s.text, s.type) for s in spans)
    return [EntityCount(name=n, type=t, count=c) for (n, t), c in counts.most_common()]


def _title_case_headline(toks: list[Token], tally: Counter[int]) -> bool:
    """`Bank of Japan Raises Rates to Highest Level`: capitalised common words, no name signal."""
    n = count(tally, STARTS_ALPHA)
    if not 4 <= n <= 25 or count(tally, STARTS_ALPHA | CAPITAL) < 0.7 * n:
        return False
    words = [t for t in toks if t.text[:1].isalpha()]
    common = sum(
        t.cap and not t.upper and zipf(t.text) >= 4.0 and place(t.text) is None
        and given_names().get(t.text, 0) < 6
        for t in words
    )  # fmt: skip
    return common >= 3 and common >= 0.3 * len(words)


def _full_name_surnames(lines: list[list[Token]], runs: dict[int, list]) -> set[str]:
    """Last words of `Given Surname` runs: surnames worth keeping wherever they appear."""
    out: set[str] = set()
    for n, line_runs in runs.items():
        for ch in line_runs:
            if ch.j - ch.i in (2, 3) and given_names().get(lines[n][ch.i].text, 0) >= 3:
                out.add(lines[n][ch.j - 1].text)
    return out


_NOT_SPLIT = PERSON_TITLES | TITLE_MODIFIERS | DEMONYMS | CONNECTORS | {"."}


def _split_at_titles(toks: list[Token], runs: list) -> list[tuple[int, int]]:
    """`U.S. President Bill Clinton` -> `U.S.` + `President Bill Clinton`: a title inside a run
    starts a new candidate."""
    out: list[tuple[int, int]] = []
    for ch in runs:
        start = ch.i
        has_name = toks[ch.i].text not in _NOT_SPLIT  # the left part holds a real name word
        for k in range(ch.i + 1, ch.j - 1):
            if toks[k].text.rstrip(".") in PERSON_TITLES and has_name:
                out.append((start, k))
                start, has_name = k, False
            elif toks[k].text not in _NOT_SPLIT:
                has_name = True
        out.append((start, ch.j))
    return out


def _sports_kind(lines: list[list[Token]]) -> str:
    """'team' or 'individual' for a sports report (CoNLL-style `SOCCER - ...` headline), else ''."""
    for toks in lines[:2]:
        first = toks[0].text.lower() if toks else ""
        head = " ".join(t.text.lower() for t in toks[:2])
        if first in TEAM_SPORTS or head in TEAM_SPORTS:
            return "team"
        if first in SPORTS or head in SPORTS:
            return "individual"
    return ""


def _propagate(mentions: list[Mention], lines: list[list[Token]]) -> dict[str, tuple[str, str]]:
    """Share types within the article: surnames of full names, repeated names, acronyms."""
    surname: dict[str, str] = {}
    best: dict[str, tuple[int, str]] = {}
    for m in sorted(mentions, key=lambda m: m.i - m.j):  # full names first
        words = [t.text for t in lines[m.line][m.i : m.j]]
        if m.type == "PER" and (m.j - m.i >= 2 or m.conf == STRONG):
            surname.setdefault(words[-1], m.canonical)
        key = m.canonical
        if m.type and m.conf > best.get(key, (0, ""))[0]:
            best[key] = (m.conf, m.type or "")
    for m in mentions:
        word = lines[m.line][m.i].text
        if m.j - m.i == 1 and word in surname and (m.conf < STRONG or m.type == "PER"):
            m.type, m.conf, m.canonical = "PER", max(m.conf, MEDIUM), surname[word]
            continue
        conf, etype = best.get(m.canonical, (0, ""))
        if conf > m.conf and etype:
            m.type = etype
    _acronyms(mentions, lines)
    known: dict[str, tuple[str, str]] = {}
    for m in mentions:
        text = " ".join(t.text for t in lines[m.line][m.i : m.j]).lower()
        known.setdefault(text, (m.type or "", m.canonical))
    for word, full in surname.items():
        known.setdefault(word.lower(), ("PER", full))
    return known


def _acronyms(mentions: list[Mention], lines: list[list[Token]]) -> None:
    """`Libyan National Army ( LNA )`: the acronym takes the full name as canonical and type."""
    expand: dict[str, tuple[str, str]] = {}
    for a, b in zip(mentions, mentions[1:], strict=False):
        toks = lines[a.line]
        if (
            a.line == b.line
            and b.j - b.i == 1
            and b.i == a.j + 1
            and toks[a.j].text == "("
            and toks[b.i].upper
            and a.type in ("ORG", "LOC")
        ):
            initials = "".join(t.text[0] for t in toks[a.i : a.j] if t.text[0].isupper())
            if initials == toks[b.i].text:
                expand[toks[b.i].text] = (a.type, a.canonical)
    for m in mentions:
        word = lines[m.line][m.i].text
        if m.j - m.i == 1 and word in expand:
            m.type, m.canonical = expand[word]


def _caps_line_mentions(
    toks: list[Token], n: int, known: dict[str, tuple[str, str]], sports: str
) -> list[Mention]:
    """ALL-CAPS (or lower-cased) line: names already seen in the article, then gazetteer places."""
    out: list[Mention] = []
    dateline = _dateline(toks)
    i = 0
    while i < len(toks):
        found = None
        for size in range(min(_MAX_GAZ_WORDS, len(toks) - i), 0, -1):
            span = toks[i : i + size]
            if not all(t.text[:1].isalpha() or t.text in (".", "&") for t in span):
                continue
            key = " ".join(t.text for t in span).lower()
            hit = known.get(key)
            if hit and hit[0] and not dateline:
                found = Mention(n, i, i + size, hit[0], MEDIUM, hit[1])
                break
            after = toks[i + size].text.title() if i + size < len(toks) else ""
            if after in MISC_SUFFIXES:
                continue
            entry = place(key)
            if entry and size == 1 and len(key) <= 3 and entry[1] != "country":
                entry = None  # "BA", "ANC": acronyms, not towns
            if entry and (size > 1 or entry[1] == "country" or _rare_or_big(key, entry[2])):
                nxt = toks[i + size].text if i + size < len(toks) else ""
                team = nxt[:1].isdigit() or nxt in ("AT", "at", "v", "V")
                etype = (
                    "ORG" if sports and entry[1] != "country" and team and not dateline else "LOC"
                )
                found = Mention(n, i, i + size, etype, MEDIUM, entry[0])
                break
        if found:
            out.append(found)
            i = found.j
        else:
            i += 1
    return out


def _dateline(toks: list[Token]) -> bool:
    """`LONDON 1996-08-30` or `MILWAUKEE , Wisconsin 1996-08-31`: a place line ending in a date."""
    return len(toks) <= 8 and bool(toks) and bool(_DATE_ONLY.match(toks[-1].text))


def _rare_or_big(word: str, population: int) -> bool:
    """A one-word place name safe to match without case: rare as a word, or a big city."""
    z = zipf(word)
    return z < 4.3 or (population >= 500_000 and z < 5.5)


def _span(text: str, lines: list[list[Token]], m: Mention) -> EntitySpan:
    """The EntitySpan for a mention (offsets from its first and last token)."""
    start, end = lines[m.line][m.i].start, lines[m.line][m.j - 1].end
    if m.type == "ORG":
        m.canonical = ORG_ALIASES.get(m.canonical, m.canonical)
    return EntitySpan(
        text=text[start:end], type=m.type or "", start=start, end=end, canonical=m.canonical
    )
