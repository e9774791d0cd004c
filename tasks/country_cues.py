"""Weak country cues without place names: news vocabulary, legal forms, the batch's prior."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from newsdigest.models import CountryResult

CUE_WEIGHT = 0.3
CUE_CAP = 1.2  # all cues together stay below one country name in the lead
MIN_CUES = 2  # a single cue is noise

# Words and patterns typical of one country's news (general knowledge of institutions and style).
_CUES: dict[str, re.Pattern[str]] = {
    "US": re.compile(
        r"\b(?:Township|Sheriff|Police Department|Fire Department|School District|"
        r"Board of (?:Education|Supervisors|Commissioners|Selectmen|Aldermen)|"
        r"Elementary School|Middle School|High School|county commissioners?|state troopers?|"
        r"State Police|Interstate \d+|I-\d+|Route \d+|Highway \d+|GOP|Democrats?|"
        r"Republicans?|Medicaid|Medicare|Social Security|Thanksgiving|Memorial Day|Labor Day|"
        r"Fourth of July|Super Bowl|NFL|NBA|NCAA|Little League|Eagle Scouts?|Boy Scouts|"
        r"Girl Scouts|Inc|Corp|LLC|INC|CORP|mph|Assemblyman|(?:Gov|Sen|Rep)(?=\. [A-Z]))\b"
        r"|\(\d{3}\) \d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b|(?<![A-Za-z])\$\d"
    ),
    "GB": re.compile(
        r"\b(?:Plc|plc|PLC|stg|MP|MPs|Tory|Tories|Labour Party|NHS|council tax|Cllr)\b|£\d"
    ),
    "DE": re.compile(r"\b(?:GmbH|AG)\b"),
    "JP": re.compile(r"\b(?:KK|yen)\b"),
    "NL": re.compile(r"\b(?:NV|BV|guilders)\b"),
    "IT": re.compile(r"\b(?:SpA|lire)\b"),
    "SE": re.compile(r"\b(?:AB)\b"),
    "IN": re.compile(r"\b(?:rupees|crore|lakh)\b"),
    "IE": re.compile(
        r"\b(?:gardai|Garda|Gardai|Dail|TD|TDs|HSE|Taoiseach|Fianna Fail|Fine Gael)\b"
    ),
    "CA": re.compile(
        r"\b(?:RCMP|OPP|MPP|MPPs|Mountie|Mounties|Ontario Provincial Police|provincial government|"
        r"CBC|CTV|Sun Media|OHL|Crown attorney|Crown prosecutor|Parliament Hill|NDP|"
        r"First Nations?)\b"
    ),
}


# Literal pieces of which every match of a pattern contains one: a pattern whose pieces are all
# absent from a text cannot match it, so its (slower) regex scan is skipped. US cues are too common.
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "GB": ("Plc", "plc", "PLC", "stg", "MP", "Tor", "Labour Party", "NHS", "council tax", "Cllr",
           "£"),
    "DE": ("GmbH", "AG"),
    "JP": ("KK", "yen"),
    "NL": ("NV", "BV", "guilders"),
    "IT": ("SpA", "lire"),
    "SE": ("AB",),
    "IN": ("rupees", "crore", "lakh"),
    "IE": ("garda", "Garda", "Dail", "TD", "HSE", "Taoiseach", "Fianna Fail", "Fine Gael"),
    "CA": ("RCMP", "OPP", "MPP", "Mountie", "Ontario Provincial Police", "provincial government",
           "CBC", "CTV", "Sun Media", "OHL", "Crown ", "Parliament Hill", "NDP", "First Nation"),
}  # fmt: skip
# US cues: the lookahead on the characters a match can start with lets the scan reject most
# positions before trying every alternative (same matches, about 2.5x faster).
_TRIGGER_SCANS = {
    iso2: re.compile("|".join(map(re.escape, pieces))) for iso2, pieces in _TRIGGERS.items()
}
_SCANS = {**_CUES, "US": re.compile(r"(?=[A-Zcsm$(\d])(?:" + _CUES["US"].pattern + ")")}

# Reuters instrument codes name the exchange a company lists on ("BP.L", "NSAN.T", "SIEG.F").
_RIC_EXCHANGE = {
    "L": "GB", "LON": "GB", "T": "JP", "TOK": "JP", "F": "DE", "FRA": "DE", "AS": "NL", "PA": "FR",
    "P": "FR", "Z": "CH", "MI": "IT", "SI": "SG", "HK": "HK", "HKG": "HK", "ST": "SE", "TO": "CA",
    "TOR": "CA", "M": "CA", "V": "CA", "BR": "BE", "J": "ZA", "HE": "FI", "OL": "NO", "CO": "DK",
    "MC": "ES", "KL": "MY", "S": "AU", "ME": "AU", "VI": "AT", "N": "US", "O": "US", "A": "US",
}  # fmt: skip
_RIC = re.compile(r"(?=[A-Z])\b[A-Z]{2,6}\.(" + "|".join(_RIC_EXCHANGE) + r")\b(?!\.)")
RIC_WEIGHT = 0.5
# A bare ticker in angle brackets ("PENNZOIL <PZL> SAYS") is a New York listing in Reuters copy;
# other exchanges carry a suffix (above). HTML tags left in scraped text are no tickers.
_HTML_TAGS = (
    "A|B|I|P|U|BR|HR|LI|UL|OL|TD|TR|TH|EM|DIV|SPAN|IMG|PRE|DL|DT|DD|SUP|SUB|TT|BIG|FONT|CODE|"
    "BODY|HTML|HEAD"
)
_US_TICKER = re.compile(rf"<(?!(?:{_HTML_TAGS})>)[A-Z]{{1,5}}>")


# Institutions found in one country only: named even once, they tell which namesake town is meant
# ("Richmond RCMP", "Garda in Cavan"), though not where the story is.
_EXCLUSIVE = {
    "CA": re.compile(r"\b(?:RCMP|OPP|MPPs?|Mounties?|Ontario Provincial Police|Parliament Hill|"
                     r"First Nations?|Crown (?:attorney|prosecutor))\b"),
    "IE": re.compile(r"\b(?:[Gg]ardai|Garda|Dail|Taoiseach|Fianna Fail|Fine Gael)\b"),
    "GB": re.compile(r"\b(?:NHS|council tax|Cllr)\b"),
}  # fmt: skip


# Text without capitals ("tidewater inc said", PTB-style lower case) is read case-blind, except
# for cues that are ordinary words or abbreviations once lower-cased ("spa", "ab", "td").
_BLIND_SKIP = frozenset({"spa", "ab", "td", "tds", "ag", "kk", "nv", "bv"})


def case_blind(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern, ignoring case (for text without capitals)."""
    return re.compile(pattern.pattern, pattern.flags | re.IGNORECASE)


_BLIND_SCANS, _BLIND_TRIGGERS, _BLIND_EXCLUSIVE = (
    {iso2: case_blind(p) for iso2, p in patterns.items()}
    for patterns in (_SCANS, _TRIGGER_SCANS, _EXCLUSIVE)
)


def cue_scores(
    text: str,
    min_cues: int = MIN_CUES,
    exclusive: Counter[str] | None = None,
    uncased: bool = False,
) -> Counter[str]:
    """Capped weak evidence per country from style cues (only when they recur).

    `exclusive`, when given, receives context for every country whose exclusive institution the
    text names even once (found in the same pass). `uncased` reads a text without capitals.
    """
    out: Counter[str] = Counter()
    scans, triggers, only = (
        (_BLIND_SCANS, _BLIND_TRIGGERS, _BLIND_EXCLUSIVE)
        if uncased
        else (_SCANS, _TRIGGER_SCANS, _EXCLUSIVE)
    )
    for iso2, pattern in scans.items():
        trigger = triggers.get(iso2)
        if trigger is not None and trigger.search(text) is None:
            continue
        if exclusive is not None and iso2 in only and only[iso2].search(text):
            exclusive[iso2] = CUE_WEIGHT
        found = pattern.findall(text)
        hits = sum(m not in _BLIND_SKIP for m in found) if uncased else len(found)
        if hits >= min_cues:
            out[iso2] = min(CUE_CAP, CUE_WEIGHT * hits)
    for code in _RIC.findall(text):
        iso2 = _RIC_EXCHANGE[code]
        out[iso2] = min(CUE_CAP, out[iso2] + RIC_WEIGHT)
    if "<" in text and _US_TICKER.search(text):
        out["US"] = min(CUE_CAP, out["US"] + RIC_WEIGHT)
    return out


# An amount in dollars with no country before the unit ("5 mln dlrs", not "5 mln Canadian dlrs"),
# like "$5", is written in the US by default.
_BARE_DOLLARS = re.compile(r"\d(?: (?:mln|bln|million|billion))? (?:dlrs|dollars)\b")


def bare_dollars(text: str) -> bool:
    """Any dollar amount without a country before its unit."""
    return _BARE_DOLLARS.search(text) is not None


# The company a story opens on ("Tidewater Inc said ..."), with a US legal form, is most likely
# at home in the US: half a body mention, so it only settles close calls between foreign names.
_SUBJECT = re.compile(
    r"^\W*(?:[A-Z][\w&.'-]*,? ){1,6}(?:Inc|Corp|Corporation)\b\.?>?,? (?:\w+ ){0,3}said\b"
)
SUBJECT_WEIGHT = 0.5


def subject_company(lead: str) -> Counter[str]:
    """US evidence when the lead opens on a company with a US legal form that says something."""
    return Counter({"US": SUBJECT_WEIGHT} if _SUBJECT.search(lead) else {})


# Batch prior: an article with no country evidence at all takes the focus that prevails among the
# other articles of its batch (one seed file, one outlet's feed), as a newsroom geoparser assumes
# a local outlet writes about its own country. It needs PRIOR_MIN_ARTICLES others with evidence,
# and their most common focus must hold more than PRIOR_MIN_SHARE of them.
PRIOR_MIN_ARTICLES, PRIOR_MIN_SHARE = 3, 0.5


def batch_prior(results: Sequence[CountryResult]) -> list[CountryResult]:
    """Results of one batch; those without any evidence take the batch's prevailing focus.

    A focus set by the prior has no country scores behind it (`countries == []`), so it never
    counts as a mentioned country and stays recognisable; articles with evidence are untouched.
    """
    counts = Counter(r.focus for r in results if r.focus is not None and r.countries)
    total = sum(counts.values())
    ranked = counts.most_common(2)
    if total < PRIOR_MIN_ARTICLES or ranked[0][1] <= PRIOR_MIN_SHARE * total:
        return list(results)
    prior = ranked[0][0]
    return [r if r.focus is not None or r.countries else CountryResult(prior, []) for r in results]
