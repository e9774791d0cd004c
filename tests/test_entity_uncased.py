"""Tests for people found in lower-cased text (tasks/entity_uncased.py), on invented copy."""

from __future__ import annotations

from tasks.entities import extract_entities


def _found(text: str) -> set[tuple[str, str]]:
    """(surface, type) of every span."""
    return {(s.text, s.type) for s in extract_entities(text)}


def test_an_initial_and_its_dot_before_a_surname_is_a_person() -> None:
    card = "kentshire 212 ( r. pellow 64 , t. okafor 41 ; d. strand 4-52 ) .\nokafor bowled well ."
    found = _found(card)
    assert {("r. pellow", "PER"), ("t. okafor", "PER"), ("d. strand", "PER")} <= found
    assert ("okafor", "PER") in found  # the surname alone later
    # after a stray dot, an ordinary word or a place is no surname
    assert not any(t == "PER" for _, t in _found("the council issued a . licence to s . belfast ."))


def test_name_words_after_a_title_are_a_person() -> None:
    found = _found("talks stalled , president oduya mbeki said , and king harald ostvik agreed .")
    assert ("oduya mbeki", "PER") in found and ("harald ostvik", "PER") in found
    # a verb after the name is not part of it
    assert ("oduya mbeki", "PER") in _found("president oduya mbeki vowed to stay .")
    # a title before common words names nobody
    assert not any(t == "PER" for _, t in _found("the president said the general would pay ."))


def test_common_census_given_names_start_a_full_name() -> None:
    found = _found("the senate heard bill tarrant and mike dolan on tuesday .")
    assert ("bill tarrant", "PER") in found and ("mike dolan", "PER") in found
    # a function word is no given name
    assert not any(t == "PER" for _, t in _found("we may carter the goods , they will gordon ."))


def test_two_rare_words_in_a_row_are_a_foreign_name() -> None:
    found = _found("the race was won by zorvath vaszkuly ahead of the field .")
    assert ("zorvath vaszkuly", "PER") in found
    # two rare words that together name a place stay the place
    assert ("khawr fakkan", "LOC") in _found("ships waited off khawr fakkan on monday .")


def test_places_named_as_teams_in_a_lower_cased_team_sports_report() -> None:
    report = (
        "cricket - county roundup .\nleeds 1996-08-30\n"
        "title rivals essex , derbyshire and surrey all closed in on victory in leeds ."
    )
    found = _found(report)
    assert {("essex", "ORG"), ("derbyshire", "ORG"), ("surrey", "ORG")} <= found
    assert ("leeds", "LOC") in found  # the dateline and "in leeds" are the place


def test_names_before_a_country_in_brackets_in_a_results_list() -> None:
    results = "1. oriel santander-kolb ( spain ) 20.02\n2. dane whitlow ( ireland ) 20.11"
    found = _found(results)
    assert ("oriel santander-kolb", "PER") in found and ("dane whitlow", "PER") in found
    assert ("spain", "LOC") in found
    # common words before a country are no name
    assert not any(t == "PER" for _, t in _found("aid went to the red cross ( france ) ."))


def test_a_town_after_a_title_is_a_surname_unless_a_big_city() -> None:
    found = _found("the talks were led by governor dalton , aides said .")
    assert ("dalton", "PER") in found
    assert not any(t == "PER" for _, t in _found("the new mayor houston will be elected ."))


def test_names_on_a_cricket_scorecard_are_people() -> None:
    card = (
        "kentshire first innings\n"
        "r. pellow c okafor b vantreight 64\n"
        "dunmore-ashby st strand b quillfeather 3\n"
        "bowling : vantreight 10-2-34-3 , quillfeather 8-1-40-1 .\n"
    )
    found = _found(card)
    for name in ("okafor", "vantreight", "dunmore-ashby", "strand", "quillfeather"):
        assert (name, "PER") in found
    # the same letters in prose are no scorecard
    assert ("stone", "PER") not in _found("he said plan b was to move stone by stone .")


def test_a_frequent_word_after_a_given_name_is_a_surname_only_if_a_common_one() -> None:
    # "yen", "tory" and "long" are given names too; "fell", "leader", "jump" are no surnames
    text = (
        "the yen fell , the tory leader spoke and the long jump was won by serena williams ."
        " robert plant sang ."
    )
    people = {s for s, t in _found(text) if t == "PER"}
    assert people == {"serena williams", "robert plant"}
