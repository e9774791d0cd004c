"""Countries in lower-cased text (PTB-style dumps): cues, towns and local style read case-blind."""

from __future__ import annotations

from tasks.countries import detect_countries


def test_lower_cased_legal_forms_are_still_us_cues() -> None:
    text = "harbor mills inc said quarterly profit rose. its unit, mills finance corp, did too."
    assert detect_countries(text).focus == "US"
    assert detect_countries(text.replace("inc", "group").replace("corp", "trust")).focus is None


def test_a_cue_that_is_a_common_word_once_lower_cased_is_not_read() -> None:
    # "SpA" is an Italian legal form; "spa" is a spa.
    assert detect_countries("the spa reopened, and the spa hotel next door is full.").focus is None


def test_a_sizeable_town_with_a_rare_name_is_read_without_capitals() -> None:
    result = detect_countries("a warehouse fire in fargo closed two roads, fargo officials said.")
    assert result.focus == "US"
    # common words and short names stay words: "reading", "lira"
    assert detect_countries("the reading of the bill was delayed as the lira fell.").focus is None


def test_lower_cased_local_news_style_reads_an_ambiguous_town_as_american() -> None:
    text = (
        "the athens city council and the town council met at the funeral home on main street "
        "on monday, athens officials said."
    )
    assert detect_countries(text).focus == "US"


def test_ptb_tokenised_text_reads_as_the_prose_it_came_from() -> None:
    from newsdigest.evaluation.common import ptb_lines

    # "Berlin, N.H." and a "LONDON, March 2 -" dateline only read right with their commas in place.
    cases = [
        ("Paper mill to reopen", "BERLIN, N.H. -- The paper mill in Berlin will reopen next "
         "month, its owners said on Tuesday.\nThe mill's 200 workers were laid off last year.",
         "US"),
        ("Bond issue priced", "LONDON, March 2 - The Caisse Centrale (CCCE) is issuing a 100 mln "
         "dlr eurobond, lead manager Banque Generale du Luxembourg said.\nThe bonds are listed "
         "in Luxembourg.", "GB"),
    ]  # fmt: skip
    for title, text, focus in cases:
        assert detect_countries(text, title).focus == focus
        tokens = ptb_lines(text)
        assert " , " in tokens and tokens != text
        assert detect_countries(tokens, ptb_lines(title)).focus == focus
        assert detect_countries(tokens.lower(), title.lower()).focus == focus


def test_a_dotted_state_abbreviation_after_a_town_is_read_without_capitals() -> None:
    assert detect_countries(
        "a barn fire in warrenton, va., on monday killed two horses."
    ).focus == ("US")
    assert detect_countries("a barn fire in warrenton, va, on monday.").focus is None  # no dot
    # abbreviations that are words once lower-cased stay words
    assert detect_countries("the groom was late, ill. the bride, miss. nobody came.").focus is None


def test_a_big_city_named_like_no_word_or_person_is_read_without_capitals() -> None:
    assert detect_countries(
        "the ferry to seattle was cancelled, seattle officials said."
    ).focus == ("US")
    assert detect_countries("fans in manchester queued all night for the match.").focus == "GB"
    # a city called like a common first name or surname is more often that person
    assert detect_countries("hamilton said charlotte would sing at the party.").focus is None


def test_a_big_city_of_several_words_needs_a_name_among_them() -> None:
    assert detect_countries("a st. louis woman was robbed in her car, police said.").focus == ("US")
    # common words that happen to name a city stay words
    assert detect_countries("the port said the long beach walk would reopen.").focus is None


def test_short_country_names_and_the_rest_of_an_unread_name() -> None:
    assert detect_countries("prices rose in the uk and the uae last year.").focus == "GB"
    assert detect_countries("he told us that prices rose.").focus is None  # "us" stays a pronoun
    # ... unless used as a country: after "the", or before a hyphen
    assert detect_countries("prices rose in the us last year.").focus == "US"
    assert detect_countries("he told us the us-led talks had failed.").focus == "US"
    assert detect_countries("a us firm bought its biggest rival.").focus == "US"
    # "east london" is not read without capitals (the South African city), "london" still is
    assert detect_countries("a teacher at a school in east london won the award.").focus == "GB"


def test_institutions_are_read_without_capitals_unless_their_name_is_a_word() -> None:
    assert detect_countries("shares fell on the london stock exchange on friday.").focus == "GB"
    assert detect_countries("the bbc said the programme would return.").focus == "GB"
    # "fed" and "congress" are words too
    assert detect_countries("voters were fed up, and the party congress agreed.").focus is None


def test_a_name_read_without_capitals_keeps_its_small_namesakes_as_readings() -> None:
    # "paris" is read for France; its Texas namesake, too small to be read alone, still competes
    text = (
        "paris police said a fire damaged an apartment on clarksville st. on tuesday. "
        "the fire chief said paris firefighters put it out. no one was hurt in northeast texas."
    )
    assert detect_countries(text).focus == "US"
    assert detect_countries("paris hosted the summit of european leaders.").focus == "FR"


def test_a_town_that_is_a_given_name_before_a_surname_is_a_person() -> None:
    # "vladimir" is a Russian city of 350,000; before a surname it is a man's name
    text = "president vladimir putin called the white house on monday, the kremlin said."
    assert "RU" in detect_countries(text).codes  # the kremlin
    assert detect_countries("vladimir putin praised the plan .").focus is None
    assert detect_countries("flights to vladimir resumed .").focus == "RU"
    # a verb or a plural after a country's name is no surname
    assert detect_countries("chad expelled two diplomats on friday .").focus == "TD"
    # not before a place word: the zoo is in the city
    assert detect_countries("the swans came from the alexandria zoo .").focus is not None


def test_a_county_named_with_the_word_county_is_read_without_capitals() -> None:
    assert detect_countries("a jogger was hurt on a trail in darke county.").focus == "US"
    # the county, not the country it is named after
    assert detect_countries("the fair opened in lebanon county on friday.").focus == "US"
    # the word alone names no county
    assert detect_countries("a jogger was hurt on a trail in the county on tuesday.").focus is None


def test_a_small_town_before_its_police_or_school_is_read_without_capitals() -> None:
    assert detect_countries("ozark police cordoned off the lot on monday.").focus == "US"
    # before any other word the small town stays unread, as a name might be
    assert detect_countries("ozark tales were told on monday.").focus is None
