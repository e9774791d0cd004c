"""Gazetteer: name normalisation, coverage, ambiguity entries and the common-word guard."""

from __future__ import annotations

import pycountry

from tasks.country_words import data_lines
from tasks.gazetteer import gazetteer, prefixes
from tasks.gazetteer_keys import key_tokens, norm_token


def kinds(name: str) -> set[tuple[str, str]]:
    return {(c.iso2, c.kind) for c in gazetteer().get(key_tokens(name), ())}


def test_key_tokens_fold_accents_hyphens_and_possessives():
    assert key_tokens("Côte d'Ivoire") == ("cote", "d'ivoire")
    assert key_tokens("Guinea-Bissau") == ("guinea", "bissau")
    assert key_tokens("U.S.") == ("u.s.",)
    assert norm_token("Libya’s") == "libya"
    assert norm_token("Syria.") == "syria"


def test_countries_aliases_and_demonyms_are_present():
    assert ("SY", "country") in kinds("Syria") or ("SY", "name") in kinds("Syria")
    assert ("RU", "place") in kinds("the Kremlin")
    assert ("US", "place") in kinds("White House")
    assert ("GB", "demonym") in kinds("British")
    assert ("LY", "demonym") in kinds("Libyans")
    assert ("KR", "name") in kinds("South Korea")


def test_ambiguous_names_keep_every_reading():
    assert {("LY", "place"), ("LB", "city")} <= kinds("Tripoli")
    assert {("GE", "country"), ("US", "state")} <= kinds("Georgia")


def test_common_words_are_not_cities():
    for word in ("Mobile", "Nice", "Reading", "Split", "Of", "Police", "Bank"):
        assert all(c.kind != "city" for c in gazetteer().get(key_tokens(word), ())), word


def test_continents_do_not_leak_into_countries():
    assert {c.iso2 for c in gazetteer()[key_tokens("Latin America")]} == {"--"}


def test_demonym_table_covers_the_world_with_valid_codes():
    codes = [ln.split(":")[0].strip() for ln in data_lines("demonyms.txt")]
    assert all(pycountry.countries.get(alpha_2=c) is not None for c in codes)
    assert len(set(codes)) >= 190


def test_tables_are_built_once_and_prefixes_allow_early_stop():
    assert gazetteer() is gazetteer()
    assert ("new",) in prefixes() and ("saudi",) in prefixes()


def test_every_name_has_a_reading():
    assert all(gazetteer().values())


def test_a_town_on_a_river_or_coast_is_known_by_its_first_part():
    from tasks.gazetteer import gazetteer

    table = gazetteer()
    for short, iso2 in (("stoke",), "GB"), (("southend",), "GB"), (("newcastle",), "GB"):
        assert iso2 in {c.iso2 for c in table.get(short, ())}, short
    assert ("aix",) not in table  # too short to stand alone
