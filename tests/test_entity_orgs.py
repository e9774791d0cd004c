"""Tests for organisations found from structure (tasks/entity_orgs.py), on invented copy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tasks.entities import extract_entities


def _found(text: str) -> set[tuple[str, str]]:
    """(surface, type) of every span."""
    return {(s.text, s.type) for s in extract_entities(text)}


def test_an_acronym_defined_in_brackets_names_the_organisation_and_itself() -> None:
    text = (
        "the northland growers association ( nga ) met on monday .\n"
        "a spokesman for the nga said prices would fall ."
    )
    found = _found(text)
    assert ("northland growers association", "ORG") in found
    assert ("nga", "ORG") in found
    assert sum(1 for s in extract_entities(text) if s.text == "nga") == 2
    # small words in the name may be skipped, as acronyms do
    found = _found("the league for justice and progress in kelvania ( ljpk ) won seats .")
    assert ("league for justice and progress in kelvania", "ORG") in found


def test_an_acronym_of_a_term_or_a_mismatched_name_is_no_organisation() -> None:
    # no word of the name is an organisation's
    found = _found("rules on smart meter data sharing ( smds ) and pulse testing ( pt ) .")
    assert not any(t == "ORG" for _, t in found)
    # initials that do not spell the acronym
    assert not any(t == "ORG" for _, t in _found("the farmers union ( xyz ) met ."))


def test_a_place_defined_by_its_acronym_stays_a_place() -> None:
    found = _found("trade with the united arab emirates ( uae ) grew , the uae said .")
    assert ("united arab emirates", "LOC") in found and ("uae", "LOC") in found


def test_score_lines_and_table_rows_of_a_team_sports_report_name_teams() -> None:
    report = (
        "soccer - results of the weekend .\n"
        "brackley 3 hartwell 1 ( halftime 1-0 )\n"
        "standings :\n"
        "kelso 3 0 1 13 10 9\n"
        "may 15 v oakfield rovers ( at dunmere )\n"
        "france 2 portugal 1\n"
    )
    found = _found(report)
    for team in ("brackley", "hartwell", "kelso", "oakfield rovers"):
        assert (team, "ORG") in found
    assert ("france", "LOC") in found  # national sides stay places
    # the same lines in a report that is not about team sports name nothing
    assert ("brackley", "ORG") not in _found(report.replace("soccer -", "markets -"))


def test_well_known_organisations_are_found_without_capitals() -> None:
    found = _found("the minister told reuters that nato would meet , who knew .")
    assert ("reuters", "ORG") in found and ("nato", "ORG") in found
    assert not any(text == "who" for text, _ in found)


def test_results_lines_of_a_cased_report_name_teams_everywhere_in_it() -> None:
    report = (
        "SOCCER - KELVANIAN LEAGUE RESULTS .\n"
        "DUNMERE 1996-08-30\n"
        "Coach Ivo Marten said Osterby deserved to win .\n"
        "Results of Kelvanian league matches on Friday :\n"
        "Osterby 3 Marlow Vale 1\n"
        "Standings :\n"
        "Grindel Rovers 3 2 1 0 7 2 7\n"
    )
    spans = extract_entities(report)
    osterby = [s for s in spans if s.text == "Osterby"]
    assert len(osterby) == 2 and all(s.type == "ORG" for s in osterby)  # prose mention too
    found = {(s.text, s.type) for s in spans}
    assert ("Marlow Vale", "ORG") in found and ("Grindel Rovers", "ORG") in found
    assert ("Ivo Marten", "PER") in found


def test_well_known_names_of_several_words_are_organisations_in_lower_cased_text() -> None:
    text = "the red crescent and the white helmets said islamic state shelled the town ."
    spans = {s.text: (s.type, s.canonical) for s in extract_entities(text)}
    assert spans["red crescent"] == ("ORG", "Red Crescent")
    assert spans["white helmets"] == ("ORG", "White Helmets")
    assert spans["islamic state"] == ("ORG", "Islamic State")
    # a spelling variant takes the organisation's one name
    assert {s.canonical for s in extract_entities("al qaeda and al-qaida fighters left .")} == {
        "Al-Qaeda"
    }


def test_spelling_variants_of_a_known_organisation_share_one_name_in_any_case() -> None:
    for text in ("Videos on Youtube and YouTube.", "videos on youtube ."):
        assert {s.canonical for s in extract_entities(text) if s.type == "ORG"} == {"YouTube"}
    cased = extract_entities("Hizbollah and Hezbollah fighters and al-Qaida men left.")
    assert {s.canonical for s in cased} == {"Hezbollah", "Al-Qaeda"}


def test_known_organisation_names_do_not_depend_on_the_hash_seed() -> None:
    # the known names are frozensets: building the table in their iteration order made
    # "youtube" YouTube in one process and Youtube in another
    code = "from tasks.entity_orgs import _known_orgs; print(sorted(_known_orgs().items()))"
    root = Path(__file__).resolve().parents[1]
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(6)
    }
    assert len(outputs) == 1
