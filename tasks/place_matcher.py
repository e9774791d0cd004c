"""Find place-name mentions in text: token n-gram lookup over capitalised tokens (linear time)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tasks.gazetteer import (
    MAX_NGRAM,
    SAFE_KINDS,
    Candidate,
    gazetteer,
    lead_words,
    norm_token,
    place_suffixes,
    prefixes,
    region_abbreviations,
)

_TOKEN = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*\.?")
# Country names that are also common first names: skip when they look like part of a person's name.
_FIRST_NAMES = frozenset({"jordan", "chad", "georgia", "israel", "kenya", "india"})
BIG_CITY = 1_000_000
UNCASED_CITY = 1_000_000  # without capitals only big cities are read ("reading" is not Reading)
_REGION_KINDS = frozenset({"state", "region", "country", "name"})


@dataclass
class Token:
    """One word: original surface, folded key form and character span."""

    text: str
    norm: str
    start: int
    end: int

    @property
    def capitalised(self) -> bool:
        """Starts with an upper-case letter."""
        return self.text[:1].isupper()


@dataclass
class Mention:
    """A matched name: its candidates, the token index where it starts and its surface text."""

    candidates: tuple[Candidate, ...]
    index: int
    surface: str
    next_word: str = ""  # folded token after the name ("dollar" in "Canadian dollar")
    key: tuple[str, ...] = ()
    prev_word: str = ""  # word before the name, compass words skipped ("in [northern] Syria")
    start: int = 0  # character span in the analysed text
    end: int = 0


def tokenize(text: str) -> list[Token]:
    """Word tokens; hyphens split words; possessive 's and sentence dots leave the key."""
    out = []
    for m in _TOKEN.finditer(text.replace("-", " ")):
        surface = m.group()
        norm = norm_token(surface)
        if norm.count(".") == 0 and surface.endswith("."):
            surface = surface[:-1]
        if surface.lower().endswith(("'s", "’s")):
            surface = surface[:-2]
        if norm:
            out.append(Token(surface, norm, m.start(), m.start() + len(surface)))
    return out


def case_mode(text: str) -> str:
    """'mixed' for normal prose, 'lower' when nothing is capitalised, 'upper' for ALL CAPS."""
    letters = [ch for ch in text if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    if not letters or upper == 0:
        return "lower"
    return "upper" if upper / len(letters) > 0.6 else "mixed"


def _allowed(cand: Candidate, surface: str, mode: str) -> bool:
    """Whether a reading may fire given the surface form and the text casing."""
    if cand.exact is not None:
        if mode == "mixed":
            return surface == cand.exact
        # Without case only dotted forms are safe: "U.S." or "u.s." yes, "US"/"us" (the pronoun) no.
        return "." in cand.exact and surface.upper() == cand.exact.upper()
    if mode == "mixed":
        return True
    return cand.kind in SAFE_KINDS or (cand.kind == "city" and cand.population >= UNCASED_CITY)


def _adjacent(text: str, a: Token, b: Token) -> bool:
    """Only white space between two tokens."""
    return text[a.end : b.start].strip() == ""


def _person_like(
    text: str, toks: list[Token], i: int, n: int, cands: tuple[Candidate, ...]
) -> str | None:
    """'prev' or 'next' when a town or first-name country sits inside a longer capitalised name."""
    key = tuple(t.norm for t in toks[i : i + n])
    small_city = all(c.kind == "city" and c.population < BIG_CITY for c in cands)
    if not small_city and not (n == 1 and key[0] in _FIRST_NAMES):
        return None
    if i > 0:
        prev = toks[i - 1]
        if prev.capitalised and _adjacent(text, prev, toks[i]) and prev.norm not in lead_words():
            return "prev" if (prev.norm,) not in gazetteer() else None
    if i + n < len(toks):  # "Jordan Henderson", "Taft Broadcasting"; not "Shiloh School"
        nxt = toks[i + n]
        if (
            nxt.capitalised
            and _adjacent(text, toks[i + n - 1], nxt)
            and (nxt.norm,) not in gazetteer()
            and nxt.norm not in place_suffixes()
        ):
            return "next"
    return None


_COMPASS = frozenset(
    ["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
     "northeastern", "northwestern", "southeastern", "southwestern", "northeast", "northwest",
     "southeast", "southwest", "rural", "downtown", "the", "war", "torn", "hit", "ravaged"]
)  # fmt: skip


def _has_capital(word: str) -> bool:
    """Any upper-case letter ("Ivoire" in "d'Ivoire" counts)."""
    return any(ch.isupper() for ch in word)


def _prev_word(toks: list[Token], i: int) -> str:
    """The word before token i, skipping compass and filler words."""
    j = i - 1
    while j >= 0 and toks[j].norm in _COMPASS:
        j -= 1
    return toks[j].norm if j >= 0 else ""


def _abbreviation(text: str, toks: list[Token], i: int) -> tuple[int, tuple[Candidate, ...]] | None:
    """A state or province abbreviation after a town: "Portland, Ore." or "Kimberley, B.C."."""
    tok = toks[i]
    if i == 0 or not text.startswith(".", tok.end) or text[toks[i - 1].end : tok.start] != ", ":
        return None
    iso2 = region_abbreviations().get(tok.text.upper())
    return (1, (Candidate(iso2, "state", 0.7, 5_000_000),)) if iso2 else None


def _narrow_by_following_region(text: str, mentions: list[Mention]) -> list[Mention]:
    """'Kimberley, British Columbia', 'Paris, Texas': the region decides the town's country."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        codes = {c.iso2 for c in b.candidates if c.kind in _REGION_KINDS}
        if (
            len(codes) == 1
            and text[a.end : b.start].strip() == ","
            and all(c.kind in ("city", "place") for c in a.candidates)
        ):
            same = tuple(c for c in a.candidates if c.iso2 in codes)
            # A town too small for the gazetteer still lies in the region named after it.
            a.candidates = same or (Candidate(next(iter(codes)), "city", 0.3, 15_000),)
            b.candidates = tuple(c for c in b.candidates if c.iso2 in codes)
    return mentions


def find_mentions(
    text: str, mode: str | None = None, person_parts: set[tuple[str, ...]] | None = None
) -> list[Mention]:
    """Longest-match place names in `text`, left to right.

    Town names seen inside a longer capitalised name ("Nigel Lawson") are added to `person_parts`.
    """
    mode = mode or case_mode(text)
    toks = tokenize(text)
    table, pre = gazetteer(), prefixes()
    long_words = [t for t in toks if len(t.text) > 3]
    title_case = len(long_words) >= 3 and sum(t.capitalised for t in long_words) > 0.7 * len(
        long_words
    )
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        if mode == "mixed" and not toks[i].capitalised:
            i += 1
            continue
        found = _abbreviation(text, toks, i) if mode == "mixed" else None
        key: tuple[str, ...] = ()
        for n in range(1, 0 if found else min(MAX_NGRAM, len(toks) - i) + 1):
            key = key + (toks[i + n - 1].norm,)
            if key in table and (mode != "mixed" or _has_capital(toks[i + n - 1].text)):
                found = (n, table[key])
            if key not in pre:
                break
        if found is None and toks[i].norm.endswith("s"):
            # "Syrias": possessive whose apostrophe was stripped by the source.
            stem = table.get((toks[i].norm[:-1],), ())
            stem = tuple(c for c in stem if c.kind in ("country", "place"))
            found = (1, stem) if stem else None
        if found is None:
            i += 1
            continue
        n, cands = found
        surface = text[toks[i].start : toks[i + n - 1].end]
        cands = tuple(c for c in cands if _allowed(c, surface, mode))
        if mode == "mixed" and surface.isupper() and len(surface) <= 4:
            cands = tuple(c for c in cands if c.exact is not None)  # acronyms: only listed ones
        key = tuple(t.norm for t in toks[i : i + n])
        person = (
            _person_like(text, toks, i, n, cands) if mode == "mixed" and not title_case else None
        )
        if cands and person:
            if person == "prev" and person_parts is not None and cands[0].kind == "city":
                person_parts.add(key)
        elif cands:
            nxt = toks[i + n].norm if i + n < len(toks) else ""
            start, end = toks[i].start, toks[i + n - 1].end
            out.append(Mention(cands, i, surface, nxt, key, _prev_word(toks, i), start, end))
        i += n
    return _narrow_by_following_region(text, out)
