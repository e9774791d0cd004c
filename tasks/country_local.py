"""How much a text reads like US local news (offices, institutions and style of small papers),
and the rules that use it: a foreign focus that is really a US local story."""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

from tasks.country_cues import case_blind
from tasks.country_words import place_suffixes
from tasks.gazetteer_keys import Candidate

if TYPE_CHECKING:
    from tasks.place_matcher import Mention

# From STYLE_CONTEXT local-news words on, ambiguous towns read as their US namesakes; from
# STYLE_NAMESAKE on, a foreign focus resting on one town-like name ("Athens Parks", "Jordan
# Elementary", "Palestine police") is that US namesake instead (STYLE_NAMESAKE_US when the
# gazetteer itself lists a US town of that name).
STYLE_CONTEXT, STYLE_NAMESAKE, STYLE_NAMESAKE_US = 2, 2, 1
STYLE_ANY_USE = 4  # from here the name need not look like a town ("Pamela Smith of Lebanon")
STYLE_DEMONYM = 3  # from here a foreign focus on demonyms alone is a US story ("French students")
_NAMESAKE_KINDS = frozenset({"city", "country", "name", "place"})
_TOWNISH = frozenset(["man", "woman", "men", "women", "resident", "residents", "native", "area",
                      "boy", "girl", "teen", "couple", "family"])  # fmt: skip

# Offices, institutions and conventions of US local reporting (general knowledge of the genre).
_US_LOCAL = re.compile(
    r"(?=[A-Zabcdfhijmprsvz$(\d])(?:\b(?:County (?:Road|Courthouse|Commissioners?|Jail|Sheriff|"
    r"Attorney|Board)|Funeral Home|City Council|Town Council|Councilman|Councilwoman|"
    r"council(?:man|woman)|[Ss]electm[ae]n|[Aa]lderm[ae]n|Township|Borough Council|Police Chief|"
    r"police chief|Fire Chief|fire chief|Sheriff(?:'s)?|sheriff's|deputies|Deputy|"
    r"School District|school district|[Bb]oard of [Ee]ducation|school board|[Ss]uperintendent|"
    r"[Zz]oning [Bb]oard|[Pp]lanning [Cc]ommission|[Cc]ounty [Cc]ommissioners?|[Ff]reeholders|"
    r"school levy|"
    r"Elementary|Middle School|High School|Junior High|varsity|junior-varsity|sophomore|"
    r"freshman|valedictorian|homecoming|Little League|Eagle Scout|Boy Scouts|Girl Scouts|"
    r"4-H|PTA|PTO|VFW|American Legion|Chamber of Commerce|Parks and Recreation|"
    r"Public Works|Community College|Junior College|State University|Senior Citizens|"
    r"Main Street|Interstate \d+|I-\d+|Highway \d+|Route \d+|State Route|ZIP|zip code|"
    r"state Rep|State Rep|state Sen|State Sen|state Senate|state House|Assemblyman|"
    r"Gov\.|District Judge|District Court|state jail|county jail|felony|misdemeanor|DUI|"
    r"SWAT|Medicaid|Medicare|Thanksgiving|Memorial Day|Labor Day|Fourth of July|"
    r"mph|visitation|Visitation|in lieu of flowers|percent|[RD]-[A-Z][a-z]+)\b"
    r"|\b\d{1,2}(?::\d\d)? [ap]\.m\.|\$\d|\(\d{3}\) \d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b)"
)
# Spellings and institutions of British, Irish, Canadian and Australian papers: a text using
# them is not US local news, however many councils and schools it names.
_NOT_US = re.compile(
    r"(?=[A-Zcdfghklmnoprtw£])(?:\b(?:centre|Centre|colour|neighbour|neighbours|favour|honour|"
    r"labour|Labour|theatre|defence|programme|licence|travelled|per cent|mould|tonnes|"
    r"organisation|organise[ds]?|"
    r"realise[ds]?|recognise[ds]?|metres|kilometres|whilst|pupils?|mum|Cllr|MPs?|MPP|"
    r"RCMP|OPP|Mounties?|provincial|Garda|gardai|NHS|council tax|GCSEs?|A-levels|"
    r"Grammar School|Crown|Constable|PC|Scotland Yard|Victoria Cross|Ontario|Quebec|"
    r"Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick)\b|£\d)"
)
NOT_US_FACTOR = 2  # one British or Canadian spelling outweighs two US local words
_BLIND_US_LOCAL, _BLIND_NOT_US = case_blind(_US_LOCAL), case_blind(_NOT_US)


def us_local_style(text: str, uncased: bool = False) -> int:
    """US local-news words minus (twice) British or Canadian markers; 0 at least.

    `uncased` reads a text without capitals case-blind.
    """
    us, not_us = (_BLIND_US_LOCAL, _BLIND_NOT_US) if uncased else (_US_LOCAL, _NOT_US)
    return max(0, len(us.findall(text)) - NOT_US_FACTOR * len(not_us.findall(text)))


class LocalStyle:
    """US local-news style of one article, measured only when a rule asks for it."""

    def __init__(self, text: str, uncased: bool) -> None:
        """Remember the text; nothing is scanned yet."""
        self.text, self.uncased = text, uncased

    @cached_property
    def value(self) -> int:
        """Number of US local-news markers, net of British and Canadian ones."""
        return us_local_style(self.text, self.uncased)


def us_local_story(
    focus: str,
    mentions: list[tuple[Mention, float, int]],
    resolved: list[Candidate],
    style: LocalStyle,
) -> bool:
    """A foreign focus that is a US local story: a namesake town or people from abroad."""
    return _namesake(focus, mentions, resolved, style) or _demonyms_only(focus, resolved, style)


def _townlike(mention: Mention) -> bool:
    """A name used as a town: a city reading, or followed by "Elementary", "police", "man"."""
    if mention.next_word in _TOWNISH or mention.next_word in place_suffixes():
        return True
    return all(c.kind == "city" for c in mention.candidates)


def _namesake(
    focus: str,
    mentions: list[tuple[Mention, float, int]],
    resolved: list[Candidate],
    style: LocalStyle,
) -> bool:
    """The foreign focus rests on one name, used like a town, with no other place of its own.

    A name with a US reading in the gazetteer ("Athens") needs less US local style than one
    without ("Palestine", whose Texas town is too small to be listed).
    """
    own = [m for (m, _, _), c in zip(mentions, resolved, strict=True) if c.iso2 == focus]
    has_us = any(c.iso2 == "US" for m in own for c in m.candidates)
    return (
        len({tuple(t for t in m.key if t != "city") for m in own}) == 1  # "Dublin City" = "Dublin"
        and all(c.kind in _NAMESAKE_KINDS for c in resolved if c.iso2 == focus)
        and (any(_townlike(m) for m in own) or style.value >= STYLE_ANY_USE)
        and style.value >= (STYLE_NAMESAKE_US if has_us else STYLE_NAMESAKE)
    )


def _demonyms_only(focus: str, resolved: list[Candidate], style: LocalStyle) -> bool:
    """The foreign focus rests on demonyms alone ("French students", "Italian food") in a text
    written like US local news: a local story about people or things from abroad."""
    own = [c for c in resolved if c.iso2 == focus]
    return bool(own) and all(c.kind == "demonym" for c in own) and style.value >= STYLE_DEMONYM
