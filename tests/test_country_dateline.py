"""Datelines: one opening the text counts as the dateline, as one given on its own does."""

from __future__ import annotations

import pytest

from tasks.annotate import annotate_record
from tasks.countries import detect_countries
from tasks.country_dateline import leading_dateline

BODY = "Harbor Mills Inc said it filed to sell 2 mln shares through its usual underwriters."


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (f"SPOKANE, Wash., March 3 - {BODY}", "SPOKANE, Wash., March 3"),
        (f"SPOKANE, Wash., March 3 -\n{BODY}", "SPOKANE, Wash., March 3"),
        (f"OSLO (Reuters) - {BODY}", "OSLO"),
        (f"TOKYO, June 9 (AFP) — {BODY}", "TOKYO, June 9"),
        (f"AL-MUKALLA: {BODY}", "AL-MUKALLA"),
        (f"NEW YORK — {BODY}", "NEW YORK"),
        (f"Spokane, Wash., March 3 - {BODY}", "Spokane, Wash., March 3"),  # the date vouches
        (f"**OSLO, May 2, Reuter - {BODY}", "OSLO, May 2"),
        (f"spokane , wash. , march 3 - {BODY.lower()}", "spokane , wash. , march 3"),
        (f"oslo ( reuters ) - {BODY.lower()}", "oslo"),
    ],
)
def test_a_dateline_opening_the_text_is_found(text: str, place: str) -> None:
    found, rest = leading_dateline(text)
    assert found == place
    assert rest.lower() == BODY.lower()


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        "The U.S. Treasury said: rates stay.",
        "Haugland: the talks failed, he said.",  # a name, not in capitals
        "UPDATE 2-Shares fell in Oslo.",
        "oslo officials said: talks failed.",  # lower-cased, with no date or agency after it
        "Oslo - the talks failed.",  # not in capitals, and no date
    ],
)
def test_ordinary_openings_are_not_datelines(text: str) -> None:
    assert leading_dateline(text) == (None, text)


def test_a_dateline_in_the_text_weighs_as_the_dateline_field() -> None:
    # The body names no place: the dateline alone places the story, once.
    alone = detect_countries(BODY, dateline="SPOKANE, Wash., March 3 -")
    inside = detect_countries(f"SPOKANE, Wash., March 3 - {BODY}")
    assert alone.focus == inside.focus == "US"
    assert inside.countries == alone.countries
    assert detect_countries(f"OSLO (Reuters) - {BODY}").focus == "NO"


def test_an_opening_that_names_no_place_stays_in_the_text() -> None:
    text = "TALIBAN: Talks ended on Monday."  # a movement, not a place: it still counts
    assert leading_dateline(text)[0] == "TALIBAN"
    assert detect_countries(text).codes == ["AF"]


def test_annotate_takes_a_dateline_key_or_one_opening_the_text() -> None:
    keyed = annotate_record({"id": "a", "dateline": "OSLO, May 2 -", "text": BODY})
    opening = annotate_record({"id": "b", "text": f"OSLO, May 2 - {BODY}"})
    bare = annotate_record({"id": "c", "text": BODY})
    assert keyed["focus_country"] == opening["focus_country"] == "NO"
    assert bare["focus_country"] != "NO"
