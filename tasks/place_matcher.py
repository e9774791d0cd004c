"""Find place-name mentions in text: token n-gram lookup over capitalised tokens (linear time)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import product

from wordfreq import zipf_frequency

from tasks.country_names import (
    LOCATIVE,
    company_name,
    eatery,
    lower_person,
    other_name,
    person_like,
)
from tasks.country_words import postal_codes, region_abbreviations
from tasks.gazetteer import gazetteer, prefixes
from tasks.gazetteer_keys import MAX_NGRAM, Candidate
from tasks.place_case import allowed, country_use, uncased_abbreviation, word_town
from tasks.place_tokens import Token, Tokens, case_mode, tokenize

__all__ = ["Mention", "Token", "case_mode", "find_mentions", "tokenize"]

# Given names that look like a possessive without its apostrophe ("Frances" is not "France's").
_GIVEN_NAMES = frozenset({"frances"})
_ERAS = frozenset({"b.c.", "b.c"})
_REGION_KINDS = frozenset({"state", "region", "country", "name"})
_TOWN = frozenset({"city", "place"})
_TOWN_OR_COUNTRY = frozenset({"city", "place", "country", "name"})


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
    narrowed: bool = False  # readings fixed by a following region ("Kimberley, British Columbia")


# Local institutions named after their town: "ozark police", "centerville high".
_LOCAL_BODIES = frozenset(
    ["police", "sheriff", "fire", "council", "mayor", "school", "schools", "high", "elementary",
     "hospital", "township", "borough", "library", "church", "college", "university"]
)  # fmt: skip
_COMPASS = frozenset(
    ["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
     "northeastern", "northwestern", "southeastern", "southwestern", "northeast", "northwest",
     "southeast", "southwest", "rural", "downtown", "the", "war", "torn", "hit", "ravaged"]
)  # fmt: skip


def _has_capital(word: str) -> bool:
    """Any upper-case letter ("Ivoire" in "d'Ivoire" counts)."""
    return any(ch.isupper() for ch in word)


def _prev_word(toks: Tokens, i: int) -> str:
    """The word before token i, skipping compass and filler words."""
    j = i - 1
    while j >= 0 and toks[j].norm in _COMPASS:
        j -= 1
    return toks[j].norm if j >= 0 else ""


def _placed(toks: Tokens, i: int, n: int) -> bool:
    """After a locative and not inside a longer name: "in Golden", not "in Olympic Park"."""
    return _prev_word(toks, i) in LOCATIVE and not (
        i + n < len(toks) and toks.raw[i + n][:1].isupper()
    )


def _abbreviation(text: str, toks: Tokens, i: int) -> tuple[int, tuple[Candidate, ...]] | None:
    """A state or province abbreviation after a town: "Portland, Ore." or "Kimberley, B.C."."""
    tok = toks[i]
    if i == 0 or text[toks[i - 1].end : tok.start] != ", ":
        return None
    # "Ore." (dot cut from the token), "N.H." (dot kept) or a postal code ("GA")
    if text.startswith(".", tok.end) or tok.text.endswith("."):
        iso2 = region_abbreviations().get(_abbr_key(tok.text))
    else:
        iso2 = postal_codes().get(tok.text)
    # exact: an all-caps abbreviation is listed, not a stray acronym
    return (1, (Candidate(iso2, "state", 0.7, 5_000_000, tok.text),)) if iso2 else None


def _abbr_key(surface: str) -> str:
    """Lookup form of a possible region abbreviation: upper case, final dot cut."""
    return surface.upper().removesuffix(".")


def _maybe_abbreviation(surface: str) -> bool:
    """Listed as a region abbreviation or postal code (the context is checked later)."""
    return surface in _abbreviation_surfaces()


@cache
def _abbreviation_surfaces() -> frozenset[str]:
    """Every spelling `_abbreviation` may accept: any casing, with or without the final dot."""
    out = set(postal_codes())
    for key in region_abbreviations():
        for cased in product(*({ch.lower(), ch.upper()} for ch in key)):
            out.update(("".join(cased), "".join(cased) + "."))
    return frozenset(out)


def _narrow_by_following_region(text: str, mentions: list[Mention]) -> list[Mention]:
    """'Kimberley, British Columbia', 'Paris, Texas': the region decides the town's country."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        codes = {c.iso2 for c in b.candidates if c.kind in _REGION_KINDS}
        # "Jordan, Minn.": a country's namesake town, when a state (not a country) follows
        kinds = _TOWN_OR_COUNTRY if all(c.kind == "state" for c in b.candidates) else _TOWN
        if (
            len(codes) == 1
            and text[a.end : b.start].strip() == ","
            and all(c.kind in kinds for c in a.candidates)
        ):
            same = tuple(c for c in a.candidates if c.iso2 in codes)
            # A town too small for the gazetteer still lies in the region named after it.
            a.candidates = same or (Candidate(next(iter(codes)), "city", 0.3, 15_000),)
            b.candidates = tuple(c for c in b.candidates if c.iso2 in codes)
            a.narrowed = True
    return mentions


@cache
def _possessive_stems() -> dict[str, tuple[Candidate, ...]]:
    """Possessives whose apostrophe was lost ("syrias", "russias") -> the country or place
    readings; a common name of a country counts when its plural is no word ("turkeys", "uss")."""
    out = {}
    for key, cands in gazetteer().items():
        if len(key) != 1 or key[0] + "s" in _GIVEN_NAMES:
            continue
        kept = tuple(c for c in cands if c.kind in ("country", "place"))
        if not kept and any(c.kind == "name" for c in cands) and _plural_no_word(key[0]):
            kept = tuple(c for c in cands if c.kind == "name")
        if kept:
            out[key[0] + "s"] = kept
    return out


def _plural_no_word(name: str) -> bool:
    """A country's common name whose plural is no English word ("russias", not "turkeys")."""
    return name.isalpha() and len(name) >= 4 and zipf_frequency(name + "s", "en") < 3


def _match_at(
    text: str, toks: Tokens, i: int, mode: str
) -> tuple[int, tuple[Candidate, ...]] | None:
    """The longest name starting at token i: its length in tokens and raw readings."""
    table, pre = gazetteer(), prefixes()
    surface, norm = toks.surface[i], toks.norm[i]
    if _maybe_abbreviation(surface) and (mode == "mixed" or uncased_abbreviation(surface)):
        found = _abbreviation(text, toks, i)
        if found:
            return found
    found = None
    key: tuple[str, ...] = ()
    for j in range(i, min(i + MAX_NGRAM, len(toks))):
        word, word_norm = toks.surface[j], toks.norm[j]
        key = key + (word_norm,)
        if key in table and (mode != "mixed" or _has_capital(word)):
            found = (j - i + 1, table[key])
        if key not in pre:
            break
    if found is None and norm in _possessive_stems():
        found = (1, _possessive_stems()[norm])  # "Syrias"
    return found


def _starts(toks: Tokens, mode: str) -> list[int] | range:
    """Token indices where a name can start; in mixed case only capitalised words that begin
    a name or a longer key, a possessive without apostrophe or a region abbreviation."""
    if mode != "mixed":
        return range(len(toks))
    table, pre, stems, abbr = gazetteer(), prefixes(), _possessive_stems(), _abbreviation_surfaces()
    norms, last = toks.norm, len(toks) - 1
    out = []
    for i in toks.capitalised():
        norm = norms[i]
        key = (norm,)
        if key in table or norm in stems or toks.surface[i] in abbr:
            out.append(i)
        elif key in pre and i < last:  # "the": only when "the gambia" or a longer key follows
            pair = (norm, norms[i + 1])
            if pair in table or pair in pre:
                out.append(i)
    return out


def find_mentions(
    text: str,
    mode: str | None = None,
    person_parts: set[tuple[str, ...]] | None = None,
    surnames: dict[tuple[str, ...], int] | None = None,
) -> list[Mention]:
    """Longest-match place names in `text`, left to right.

    Town names seen inside a longer capitalised name ("Nigel Lawson") or starting a company name
    ("Warrington Inc") are added to `person_parts`; a big city's name after a given name ("Hugh
    Dallas") goes to `surnames` with the token index of its first such use.
    """
    mode = mode or case_mode(text)
    toks = Tokens(text)
    out: list[Mention] = []
    free = 0  # tokens before this one belong to a name already read
    for i in _starts(toks, mode):
        found = _match_at(text, toks, i, mode) if i >= free else None
        if found is None:
            continue
        n, cands = found
        free = i + n
        if toks.norm[i] in _ERAS and i and toks.norm[i - 1].isdigit():
            continue  # "300 B.C." is a year, not British Columbia
        surface = text[toks[i].start : toks[i + n - 1].end]
        read = tuple(c for c in cands if allowed(c, surface, mode))
        if read and mode != "mixed":  # a name read: its other places compete as with capitals
            read = tuple(c for c in cands if c.exact is None or c in read)
        if not read and mode == "lower" and country_use(text, toks, i, n):
            read = tuple(c for c in cands if c.kind == "name")  # "the us", "us-led"
        if not read and mode == "lower" and i + n < len(toks) and toks.norm[i + n] in _LOCAL_BODIES:
            read = tuple(c for c in cands if c.kind == "city")  # "ozark police"
        cands = read
        if mode == "mixed" and word_town(cands, surface) and not _placed(toks, i, n):
            continue  # "Olympic Games", "Republic of Ireland"; "in Golden" is the town
        if not cands and mode != "mixed":
            free = i + 1  # "east london" not read without capitals: "london" may still be
            continue
        if mode == "mixed" and surface.isupper() and len(surface) <= 4:
            cands = tuple(c for c in cands if c.exact is not None)  # acronyms: only listed ones
        key = tuple(toks.norm[j] for j in range(i, i + n))
        if mode == "mixed":
            person = person_like(text, toks, i, n, cands)
        else:
            person = "next" if mode == "lower" and lower_person(text, toks, i, n, cands) else None
        if person and toks.title_case():  # a headline capitalises every word: no name clue
            person = None
        if cands and mode == "mixed" and other_name(text, toks, i, n, cands):
            if person_parts is not None:
                person_parts.add(key)
        elif cands and mode == "mixed" and eatery(toks, i + n, cands):
            continue
        elif cands and person:
            named = person == "prev" or company_name(toks, i + n)
            if named and person_parts is not None and cands[0].kind == "city":
                person_parts.add(key)
            elif person == "given" and surnames is not None:
                surnames.setdefault(key, i)
        elif cands:
            nxt = toks.norm[i + n] if i + n < len(toks) else ""
            start, end = toks[i].start, toks[i + n - 1].end
            out.append(Mention(cands, i, surface, nxt, key, _prev_word(toks, i), start, end))
    if "counties" in text or "Counties" in text:
        out = _county_lists(text, out)
    return _narrow_by_following_region(text, out)


# The rest of a list of counties after one of its names: "[Polk], Marion and Linn counties".
_COUNTY_LIST = re.compile(
    r"(?:(?:,|,? and|,? or) [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?){0,8} [Cc]ounties\b"
)


def _county_lists(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names listed before "counties" read as "X County" ("Harper and Kingman counties") or not."""
    out = []
    for m in mentions:
        if _COUNTY_LIST.match(text, m.end):
            m.candidates = gazetteer().get((*m.key, "county"), ())
            if not m.candidates:
                continue
        out.append(m)
    return out
