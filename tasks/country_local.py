"""How much a text reads like US local news: offices, institutions and style of small papers."""

from __future__ import annotations

import re

from tasks.country_cues import case_blind

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
