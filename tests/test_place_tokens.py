"""Lazy place tokens and the cue prefilters give what the plain per-word versions give."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tasks.country_cues import _CUES, cue_scores
from tasks.gazetteer_keys import norm_token
from tasks.place_matcher import find_mentions
from tasks.place_tokens import Tokens, case_mode, tokenize

_WORD = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*\.?")

TEXTS = [
    "Officials in Portland, Ore. met the U.S. envoy's team on Feb. 3.",
    "The mayor’s office in São Paulo and Côte d'Ivoire's port co-signed it.",
    "Syrias neighbours and the well-known St. Louis-based firm, e.g. A.B.C. Ltd.",
    "ALL CAPS HEADLINE FROM KYIV",
    "nothing capitalised here at all",
    "",
    "Straße in Zürich; naïve café owners in Montréal said 'no'.",
]


def reference_tokens(text: str) -> list[tuple[str, str, int, int]]:
    """Token by token: the surface loses a sentence dot and a possessive 's."""
    out = []
    for m in _WORD.finditer(text.replace("-", " ")):
        surface, norm = m.group(), norm_token(m.group())
        if "." not in norm and surface.endswith("."):
            surface = surface[:-1]
        if surface.lower().endswith(("'s", "’s")):
            surface = surface[:-2]
        if norm:
            out.append((surface, norm, m.start(), m.start() + len(surface)))
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_lazy_tokens_match_the_word_by_word_tokenizer(text):
    got = [(t.text, t.norm, t.start, t.end) for t in tokenize(text)]
    assert got == reference_tokens(text)
    toks = Tokens(text)
    assert toks.capitalised() == [i for i, (s, *_) in enumerate(got) if s[:1].isupper()]


def test_case_mode_counts_accented_letters():
    assert case_mode("ÉTÉ À MONTRÉAL") == "upper"
    assert case_mode("été à montréal") == "lower"
    assert case_mode("Été à Montréal") == "mixed"
    assert case_mode("1234 --") == "lower"


def test_mentions_are_found_after_abbreviations_prefixes_and_lost_apostrophes():
    found = [
        m.surface
        for m in find_mentions("Troops left Syrias border for Portland, Ore. and the Gambia.")
    ]
    assert found == ["Syrias", "Portland", "Ore", "Gambia"]


CUE_SENTENCES = [
    "Siemens AG and Bosch GmbH",
    "Nissan KK lost 3 bln yen",
    "Philips NV paid 5 mln guilders",
    "Fiat SpA lost 9 bln lire",
    "Volvo AB rose",
    "It cost 40 crore rupees, or 4 lakh",
    "Gardai said the TD and the Taoiseach met Fianna Fail and Fine Gael TDs at the Dail",
    "The RCMP, the OPP, an MPP and a Mountie spoke to CBC and CTV about the OHL",
    "The Crown attorney and the provincial government",
    "Two MPs, a Tory and the NHS paid £5",
    "BP Plc and the Labour Party cut council tax, Cllr Smith said",
    "Two Tories and 9 stg",
]


@pytest.mark.parametrize("sentence", CUE_SENTENCES)
def test_cue_prefilters_never_hide_a_cue(sentence):
    text = f"{sentence}. {sentence}."
    expected = Counter()
    for iso2, pattern in _CUES.items():
        hits = len(pattern.findall(text))
        if hits >= 2:
            expected[iso2] = min(1.2, 0.3 * hits)
    assert expected and {k: v for k, v in cue_scores(text).items() if k in expected} == expected
