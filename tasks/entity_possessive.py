"""Possessives whose apostrophe the source stripped ("Syrias army", "Assads forces")."""

from __future__ import annotations

import re
from bisect import bisect_right

from newsdigest.models import EntitySpan
from tasks.entity_lexicon import place, zipf

_POSSESSIVE = re.compile(r"['\u2019][sS]\b")  # "Syria's", tokenised "Syria 's"
_CAPITAL_S = re.compile(r"\b[A-Z][\w-]*[^\W\ds]s\b")
_ENDS_S = re.compile(r"\w[^\W\ds]s\Z")
# A last word this frequent as it stands is a word or a name of its own ("Forces", "Frances",
# "Hamas", "Reuters", "Davies"), not a stripped possessive ("Syrias", "Assads" are rare).
MAX_WORD_ZIPF = 3.5

Known = dict[str, tuple[str, str]]


def stripped_possessives(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """In a text with no "'s" at all, a name plus "s" whose stem is a name is that name.

    The name loses its "s" and takes the stem's type and canonical name: from the article's
    other mentions ("Assads" after "Bashar al-Assad", "Aleppos" after "Aleppo"), or as a country
    ("Syrias"); a town is no stem by itself ("Mobiles" is no "Mobile", Alabama). Such
    words that no rule had read as names ("Syrias army" opening a sentence) are added.
    """
    if _POSSESSIVE.search(text) or not _CAPITAL_S.search(text):
        return spans
    known = _known(spans)
    out = []
    for s in spans:
        found = _stem_entity(s.text[:-1], known) if _ENDS_S.search(s.text) else None
        if found is None:
            out.append(s)
        else:
            out.append(EntitySpan(s.text[:-1], found[0], s.start, s.end - 1, found[1]))
    starts, ends = [s.start for s in spans], [s.end for s in spans]
    for m in _CAPITAL_S.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and ends[k] > m.start():
            continue  # inside a name already read
        if found := _stem_entity(m.group()[:-1], known):
            out.append(EntitySpan(m.group()[:-1], found[0], m.start(), m.end() - 1, found[1]))
    out.sort(key=lambda s: s.start)
    return out


def _known(spans: list[EntitySpan]) -> Known:
    """Name -> (type, canonical) for the article's names, and a person's surname alone."""
    known: Known = {}
    for s in spans:
        canonical = s.canonical or s.text
        for key in (s.text, canonical):
            known.setdefault(key, (s.type, canonical))
        if s.type == "PER" and " " in canonical:
            known.setdefault(canonical.rsplit(" ", 1)[1].split("-")[-1], ("PER", canonical))
    return known


def _stem_entity(stem: str, known: Known) -> tuple[str, str] | None:
    """(type, canonical) of a stem that is a country, or a name the article has read."""
    if zipf((stem + "s").rsplit(" ", 1)[-1]) >= MAX_WORD_ZIPF:
        return None
    entry = place(stem)
    if entry and entry[1] == "country":
        return "LOC", entry[0]
    return known.get(stem)
