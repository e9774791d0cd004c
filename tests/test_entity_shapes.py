"""Typing capitalised runs with no cue word from the shape of their words (tasks.entity_shapes)."""

from __future__ import annotations

from tasks.entities import extract_entities
from tasks.entity_shapes import MEDIUM, WEAK, type_multi


def test_a_given_name_then_a_census_surname_is_a_person() -> None:
    assert type_multi(["Ann", "Vale"], "Ann Vale", "") == ("PER", MEDIUM, "Ann Vale")


def test_an_acronym_or_a_known_company_first_makes_an_organisation() -> None:
    assert type_multi(["DB", "Cargo"], "DB Cargo", "")[0] == "ORG"
    assert type_multi(["Sony", "Pictures"], "Sony Pictures", "") == ("ORG", WEAK, "Sony Pictures")


def test_name_shapes_no_person_takes_are_organisations() -> None:
    text = ("Crews from Georgia Power worked overnight, and Meta Platforms was fined. Critics at "
            "Rolling Stone agreed. Later Paul Power, Georgia Stone and Tyra Banks spoke, "
            "and Rein van der Does said the Carolina Panthers had won.")  # fmt: skip
    found = {s.text: s.type for s in extract_entities(text)}
    # a state then an everyday word; a plural noun last; an everyday "-ing" word first
    assert found["Georgia Power"] == "ORG" and found["Meta Platforms"] == "ORG"
    assert found["Rolling Stone"] == "ORG" and found["Carolina Panthers"] == "ORG"
    # not after a small place ("Paul", a district) or before a common surname ("Stone"); not a
    # plural-looking surname ("Banks") or a stop word ("Does")
    for person in ("Paul Power", "Georgia Stone", "Tyra Banks", "Rein van der Does"):
        assert found[person] == "PER", person
