"""Focus country and every country mentioned, from weighted gazetteer evidence."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import cache

import pycountry

from newsdigest.models import Article, CountryResult, CountryScore
from tasks.country_bureau import bureau_dateline
from tasks.country_cues import (
    CUE_WEIGHT,
    bare_dollars,
    cue_scores,
    subject_company,
)
from tasks.country_dateline import dateline_candidates, leading_dateline
from tasks.country_language import language_use
from tasks.country_local import STYLE_CONTEXT, LocalStyle, us_local_story
from tasks.country_names import LOCATIVE, given_name_towns
from tasks.country_words import word_set
from tasks.detokenize import detokenize, is_tokenized
from tasks.gazetteer_keys import Candidate
from tasks.place_matcher import Mention, case_mode, find_mentions

TITLE_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT = 2.0, 1.5, 1.0
# Where the reporter sat: as context for resolving towns, one dateline weighs one title mention.
DATELINE_WEIGHT = 2.0
# In the score a dateline weighs 1.5 title mentions ("LONDON" for a bond issue of a Japanese firm),
# except one that borders the country the text names most: that is a bureau (BEIRUT for Syria).
DATELINE_SCORE = 3.0
# A dateline whose country the style cues also point to ("MUNICH" and "Siemens AG", "TORONTO" and
# a ".TO" listing) is the subject's home, not just a bureau: it counts twice.
CORROBORATED = 2.0
# In log10 population units: a town in a country the text already names beats a 100x bigger one;
# when a state, county or town of that country is named, a 1000x bigger namesake loses too.
CONTEXT_BONUS = 2.0
LOCAL_BONUS = 3.0
# An ambiguous name whose province or state reading is 10x (1 log10 unit) bigger than any
# foreign namesake town counts as context for that country too (not as local evidence).
DOMINANT_GAP = 1.0
_REGION_KINDS = frozenset({"region", "state"})
_LOCAL_KINDS = frozenset({"state", "county", "region", "city"})
_DEFAULT_POP = {"country": 10**8, "demonym": 10**8, "place": 10**7, "org": 10**6, "county": 10**5}
CURRENCY_FACTOR = 0.25  # "Canadian dollar", "U.S. cents": a currency says little about the place
LOCATIVE_BONUS = 1.5  # "in Syria", "near Tripoli": where things happen
ACTOR_FACTOR = 0.5  # "U.S.-led coalition", "Turkish-backed force": who acts, not where
CUE_CONTEXT = 1.0  # style cues (US local-news words) also help resolve ambiguous towns
_AGREEMENTS = frozenset(["accord", "accords", "agreement", "agreements", "pact", "protocol",
                         "convention", "treaty", "declaration", "communique"])  # fmt: skip
_TOWN_KINDS = frozenset({"city", "region", "county"})
SEGMENT_ORDER = 10_000  # mention i of segment k (the title is segment 0) has order k * this + i
_NAMES = {
    "US": "United States", "GB": "United Kingdom", "RU": "Russia", "KR": "South Korea",
    "KP": "North Korea", "CD": "DR Congo", "CG": "Congo", "CI": "Ivory Coast",
    "CZ": "Czech Republic", "VA": "Vatican City", "PS": "Palestine", "FM": "Micronesia",
    "BN": "Brunei", "TR": "Turkey", "MO": "Macau", "FK": "Falkland Islands",
    "VG": "British Virgin Islands", "VI": "US Virgin Islands", "SH": "Saint Helena",
    "MF": "Saint Martin", "SX": "Sint Maarten", "CV": "Cape Verde", "SZ": "Eswatini",
    "TL": "East Timor", "LA": "Laos", "VN": "Vietnam", "SY": "Syria", "IR": "Iran",
    "BO": "Bolivia", "VE": "Venezuela", "TZ": "Tanzania", "MD": "Moldova", "TW": "Taiwan",
}  # fmt: skip


@cache
def country_name(iso2: str) -> str:
    """Common English name ("Syria", "Russia", "United States"); the code itself if unknown."""
    code = iso2.upper()
    if code in _NAMES:
        return _NAMES[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return iso2
    return getattr(country, "common_name", None) or country.name


def country_flag(iso2: str) -> str:
    """Flag emoji from the two regional indicator letters ("" for a malformed code)."""
    code = iso2.upper()
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        return ""
    return "".join(chr(0x1F1E6 + ord(ch) - ord("A")) for ch in code)


def _prior(cand: Candidate) -> float:
    """Log10 population of a reading (defaults by kind for names without one)."""
    return math.log10(max(cand.population or _DEFAULT_POP.get(cand.kind, 10**4), 10))


def _resolve(
    cands: tuple[Candidate, ...], context: dict[str, float], local: dict[str, float]
) -> Candidate:
    """Pick one reading: population prior, boosted when its country has unambiguous evidence."""

    def key(c: Candidate) -> float:
        if local.get(c.iso2):  # a state, county or town of that country is named
            return _prior(c) + LOCAL_BONUS
        return _prior(c) + (CONTEXT_BONUS if context.get(c.iso2) else 0.0)

    return max(cands, key=key)


def _dominant_region(cands: tuple[Candidate, ...]) -> Candidate | None:
    """A province or state 10x bigger than every foreign namesake ("Ontario" vs the US town)."""
    top = max(cands, key=_prior)
    if top.kind not in _REGION_KINDS:
        return None
    rivals = [_prior(c) for c in cands if c.iso2 != top.iso2]
    return top if rivals and _prior(top) - max(rivals) >= DOMINANT_GAP else None


def _segments(text: str, title: str | None) -> list[tuple[str, float]]:
    """Title and paragraphs with their position weight (title > lead > body)."""
    paras = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    out = [(title, TITLE_WEIGHT)] if title and title.strip() else []
    for i, para in enumerate(paras):
        out.append((para, LEAD_WEIGHT if i == 0 else BODY_WEIGHT))
    return out


def _collect(text: str, title: str | None) -> tuple[list[tuple[Mention, float, int]], bool]:
    """Mentions with their position weight and a global order number; whether no segment has
    a capital letter (the text is lower-cased)."""
    out = []
    order = 0
    person_parts: set[tuple[str, ...]] = set()
    surname_from: dict[tuple[str, ...], int] = {}  # a big city's name, from its use as a surname
    uncased = True
    for seg, weight in _segments(text, title):
        mode = case_mode(seg)
        uncased = uncased and mode == "lower"
        surnames: dict[tuple[str, ...], int] = {}
        for mention in find_mentions(seg, mode, person_parts, surnames):
            if language_use(seg, mention.start, mention.end):
                continue  # "science and English": a school subject, not a place
            out.append((mention, weight, order + mention.index))
        for key, index in surnames.items():
            surname_from.setdefault(key, order + index)
        order += SEGMENT_ORDER
    # One sense per discourse: "Kimberley, British Columbia" makes every "Kimberley" Canadian.
    narrowed = {m.key: m.candidates for m, _, _ in out if m.narrowed}
    for m, _, _ in out:
        if m.key in narrowed and not m.narrowed:
            m.candidates = narrowed[m.key]
    out = given_name_towns(out)
    # "Nigel Lawson ... Lawson said": a surname that is also a town name stays a surname; a big
    # city's only from its first use as one (a story may name Houston before Sam Houston).
    return [
        m for m in out
        if (m[0].key not in person_parts and m[2] < surname_from.get(m[0].key, m[2] + 1))
        or any(c.kind not in _TOWN_KINDS for c in m[0].candidates)
    ], uncased  # fmt: skip


def _mention_weight(mention: Mention, cand: Candidate, weight: float) -> float:
    """Evidence of one mention after the locative, actor and currency rules."""
    if mention.prev_word in LOCATIVE and cand.kind != "demonym":
        weight *= LOCATIVE_BONUS
    if mention.next_word in word_set("actor_words.txt"):
        weight *= ACTOR_FACTOR
    cultural = cand.kind == "demonym" and mention.next_word in word_set("cultural_words.txt")
    if cultural or _agreement(mention, cand) or mention.next_word in word_set("currency_words.txt"):
        weight *= CURRENCY_FACTOR  # "Canadian dollar", "Irish pub": not where the story is
    return cand.weight * weight


def _agreement(mention: Mention, cand: Candidate) -> bool:
    """A town naming an agreement ("Paris accord") or a trade round ("Uruguay round")."""
    if mention.next_word == "round":
        return True
    return cand.kind in ("city", "place") and mention.next_word in _AGREEMENTS


def detect_countries(
    text: str, title: str | None = None, dateline: str | None = None
) -> CountryResult:
    """Focus country and every country mentioned, strongest first.

    Without a `dateline`, one opening the text ("WASHINGTON, Feb 26 - ") is taken as the
    dateline, and not also as a mention in the lead, when it names a known place.
    PTB-tokenised text ("Warrenton , Va .") is read as the prose it came from.
    """
    text, title = (detokenize(t) if t and is_tokenized(t) else t for t in (text, title))
    datelines = dateline_candidates(dateline or "")
    opening, rest = (None, text) if dateline else leading_dateline(text or "")
    if opening and (found := dateline_candidates(opening)):
        dateline, text, datelines = opening, rest, found
    mentions, uncased = _collect(text or "", title)
    full = f"{title or ''}\n{text or ''}"
    style = LocalStyle(full, uncased)
    exclusive: Counter[str] = Counter()
    cues = cue_scores(full, exclusive=exclusive, uncased=uncased)
    cues.update(subject_company(text or ""))
    # Unambiguous evidence first: it decides between the readings of ambiguous names.
    context: dict[str, float] = defaultdict(float, {c: v * CUE_CONTEXT for c, v in cues.items()})
    for iso2, value in exclusive.items():
        context[iso2] = max(context[iso2], value)
    local: dict[str, float] = defaultdict(float)
    us_contested = False
    for cands, weight in [(m.candidates, w) for m, w, _ in mentions] + [
        (c, DATELINE_WEIGHT) for c in datelines
    ]:
        codes = {c.iso2 for c in cands}
        if len(codes) == 1 and cands[0].kind != "none":
            context[cands[0].iso2] += weight
            if cands[0].kind in _LOCAL_KINDS:
                local[cands[0].iso2] += weight
        elif (top := _dominant_region(cands)) is not None:
            context[top.iso2] += weight
        us_contested = us_contested or (len(codes) > 1 and "US" in codes)
    if us_contested and not context["US"] and style.value >= STYLE_CONTEXT:
        context["US"] = 1.0
    score: dict[str, float] = defaultdict(float)
    count: dict[str, int] = defaultdict(int)
    first: dict[str, int] = {}
    placed: set[str] = set()
    dateline_country = None
    resolved = [_resolve(m.candidates, context, local) for m, _, _ in mentions]
    seats: set[str] = set()  # an international body ("EC", "GATT") counts once for its seat
    titled: set[str] = set()  # countries the title names: a subject, never just a bureau
    for (mention, weight, order), cand in zip(mentions, resolved, strict=True):
        if title and order < SEGMENT_ORDER and cand.kind in ("country", "name"):
            titled.add(cand.iso2)
        if cand.kind != "none" and not (cand.kind == "intl" and cand.iso2 in seats):
            score[cand.iso2] += _mention_weight(mention, cand, weight)
            count[cand.iso2] += 1
            if cand.kind == "intl":
                seats.add(cand.iso2)
            elif cand.kind != "org":
                placed.add(cand.iso2)
            first.setdefault(cand.iso2, order)
    if datelines:
        # One dateline counts once; its last part ("Ore.", "British Columbia") is the most telling.
        cand = _resolve(datelines[-1], context, local)
        bureau = cand.iso2 not in titled and bureau_dateline(cand.iso2, score)
        weight = DATELINE_WEIGHT if bureau else DATELINE_SCORE
        score[cand.iso2] += weight * (CORROBORATED if cues.get(cand.iso2) else 1.0)
        first.setdefault(cand.iso2, 10**9)
        placed.add(cand.iso2)
        dateline_country = cand.iso2
    if not score:  # nothing else to go on: a lone "Inc" or "Plc" is better than no answer
        cues = cue_scores(full, min_cues=1, uncased=uncased)
        if not cues and (style.value or bare_dollars(full)):
            cues["US"] = CUE_WEIGHT
    for iso2, cue in cues.items():
        score[iso2] += cue
        first.setdefault(iso2, 10**9)
    # Ties: the dateline's country, then more mentions, then the earlier first mention.
    ranked = sorted(
        score, key=lambda c: (-round(score[c], 6), c != dateline_country, -count[c], first[c])
    )
    top = ranked[0] if ranked else None
    if top not in (None, "US", dateline_country) and us_local_story(top, mentions, resolved, style):
        score["US"] += score.pop(top)
        count["US"] += count.pop(top)
        first["US"] = min(first.get("US", 10**9), first[top])
        placed.discard(top)
        placed.add("US")
        ranked = ["US"] + [c for c in ranked if c not in ("US", top)]
    # Mentioned = named places (and the dateline); institutions and style cues only help the focus.
    ranked = ranked[:1] + [c for c in ranked[1:] if c in placed]
    countries = [CountryScore(c, round(score[c], 3), count[c]) for c in ranked]
    return CountryResult(focus=ranked[0] if ranked else None, countries=countries)


def focus_country(article: Article) -> str | None:
    """The ISO2 code of the country the article is about, or None."""
    return detect_countries(article.text, article.title, article.dateline).focus
