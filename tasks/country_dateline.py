"""Place readings of a dateline ("PORTLAND, Ore., Feb 26 -"): every part names a place."""

from __future__ import annotations

import re

from tasks.country_words import region_abbreviations
from tasks.gazetteer import gazetteer, stopped_cities
from tasks.gazetteer_keys import Candidate, key_tokens

_ARTICLES = frozenset({"al", "el"})
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE_PART = re.compile(rf"\b{_MONTH}\s+\d.*$", re.I)
# Short and long forms of a leading word: datelines write "ST. PAUL" and "FT. LAUDERDALE" where
# the gazetteer may only list "Saint Paul" and "Fort Lauderdale", or the other way round.
_LEADING_FORMS = {"st": "saint", "saint": "st", "ste": "sainte", "sainte": "ste", "mt": "mount",
                  "mount": "mt", "ft": "fort", "fort": "ft"}  # fmt: skip


_AGENCIES = "reuters?|afp|ap|upi|dpa|xinhua|bloomberg|pti|ians|anadolu|wam|spa|kuna"
_SEPARATOR = r" ?[-–—:]+\s+(?=\S)"
# A dateline opening the text: "WASHINGTON, Feb 26 - ", "PORTLAND, Ore., Feb 26 - ", "LONDON
# (Reuters) - ", "BAIKONUR, Kazakhstan — ", "BEIRUT: ", or "Miami, March 11 - " (a city not in
# capitals needs the date).
_CAPS = r"[A-Z][A-Z.'’&-]{1,40}"  # bounded: a megabyte-long capitals word fails fast
_REGIONS = r"(?:, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}){0,2}"
_DATE = rf",? (?i:{_MONTH}) \d{{1,2}}"
_LEADING = re.compile(
    rf"[\s*]*((?:{_CAPS}(?: {_CAPS}){{0,3}}{_REGIONS}(?:{_DATE})?"
    rf"|[A-Z][a-z]+(?: [A-Z][a-z]+){{0,3}}{_REGIONS}{_DATE})"
    rf"(?:,? \(?(?i:{_AGENCIES})\)?)?){_SEPARATOR}"
)
# Lower-cased (and PTB-spaced) text has no capitals to go by: there a date or an agency must
# follow the place ("washington , feb 26 - ", "london ( reuters ) - ").
_WORD = r"[a-z][a-z.'’&-]{0,40}"
_LOWER = re.compile(
    rf"\s*({_WORD}(?: {_WORD}){{0,3}}(?: ?, {_WORD}(?: {_WORD}){{0,2}}){{0,2}}"
    rf"(?: ?,? {_MONTH} \d{{1,2}}| ?\( ?(?:{_AGENCIES}) ?\))){_SEPARATOR}"
)
_AGENCY = re.compile(rf"(?:,? \(? ?|\( ?)(?i:{_AGENCIES}) ?\)?$")  # it names no place


def leading_dateline(text: str) -> tuple[str | None, str]:
    """A dateline opening `text` and the text after it; (None, text) when there is none."""
    m = _LEADING.match(text) or (_LOWER.match(text) if text[:200].islower() else None)
    if m is None:
        return None, text
    return _AGENCY.sub("", m.group(1)), text[m.end() :]


def _lookup(key: tuple[str, ...]) -> tuple[Candidate, ...]:
    """Readings of one dateline part, trying the spellings news uses for the same place."""
    table = gazetteer()
    keys = [key]
    if key[:1] and key[0] in _ARTICLES:  # "AL-MUKALLA": the article is often not in the name
        keys.append(key[1:])
    if len(key) > 1 and key[0] in _LEADING_FORMS:
        keys.append((_LEADING_FORMS[key[0]], *key[1:]))
    for k in keys:
        cands = tuple(c for c in table.get(k, ()) if c.kind not in ("org", "intl", "none"))
        if cands:
            return cands
    # A dateline only names places: a town called like a common word ("PROVIDENCE") is that town.
    return stopped_cities().get(key, ())


def dateline_candidates(dateline: str) -> list[tuple[Candidate, ...]]:
    """Place readings of a dateline's parts: 'PORTLAND, Ore., Feb 26 -' -> [Portland, Oregon]."""
    out = []
    abbr = region_abbreviations()
    for part in re.split(r"[,:/]", _DATE_PART.sub("", dateline)):
        part = part.strip(" -–—.")
        if not part or part[:1].isdigit():
            continue
        short = part.replace(" ", "").upper()
        if short in abbr:
            out.append((Candidate(abbr[short], "state", 0.7, 5_000_000),))
            continue
        cands = _lookup(key_tokens(part))
        if cands:
            out.append(cands)
    return out
