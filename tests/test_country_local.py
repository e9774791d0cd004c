"""US local-news style: namesake towns, the no-evidence answer and the British/Canadian veto."""

from __future__ import annotations

from tasks.countries import detect_countries
from tasks.country_local import us_local_style


def focus(text: str, title: str | None = None) -> str | None:
    return detect_countries(text, title).focus


def test_style_counts_local_offices_and_is_cancelled_by_british_spelling():
    us = "The county commissioners and the Police Chief met at 7 p.m. in the Township hall."
    assert us_local_style(us) >= 3
    assert us_local_style("Shares rose 3 pct in Frankfurt on Tuesday.") == 0
    uk = us + " Parents at the leisure centre said the colour scheme was chosen by pupils."
    assert us_local_style(uk) < us_local_style(us)


def test_a_town_named_like_a_foreign_city_reads_as_us_in_local_news():
    text = (
        "Athens residents can drop off old paint at the recycling yard on Saturday. "
        "The Public Works director said the Sheriff will patrol the lot."
    )
    assert focus(text) == "US"


def test_a_town_named_like_a_country_reads_as_us_when_used_as_a_town():
    text = (
        "A Jordan man was charged with a felony after deputies stopped his truck. "
        "Jordan police said he was taken to the county jail and released on bond."
    )
    assert focus(text) == "US"


def test_foreign_news_keeps_its_city_without_local_style():
    text = "Protesters marched through Athens on Tuesday as lawmakers debated new taxes."
    assert focus(text) == "GR"
    text = "Jordan opened its border crossing with Syria, the interior ministry in Amman said."
    assert focus(text) == "JO"


def test_canadian_spelling_keeps_a_canadian_town_from_turning_american():
    text = (
        "Windsor residents packed the community centre as the OPP explained the new "
        "neighbourhood patrols to the town council."
    )
    assert focus(text) != "US"


def test_local_news_without_any_place_name_answers_us():
    text = "The superintendent said the school board will vote on the budget at 6 p.m. Monday."
    assert focus(text) == "US"
    assert focus("The committee will meet again after the holidays.") is None


def test_state_abbreviations_with_inner_dots_and_postal_codes_place_the_town():
    assert detect_countries("Police in Berlin, N.H. said the road was icy.").codes == ["US"]
    assert detect_countries("The store in Athens, GA closed early.").codes == ["US"]
    assert detect_countries("Crowds gathered in London, ON on Sunday.").codes == ["CA"]
    # a doctor's degree is not Maryland
    assert focus("Jane Roe, MD flew to Rome for the conference in Italy.") == "IT"


def test_a_country_named_town_followed_by_its_state_is_that_town():
    assert detect_countries("A barn burned near Jordan, Minn. on Friday.").codes == ["US"]
    assert detect_countries("Talks in Syria, Iraq and Iran went on.").codes == ["SY", "IQ", "IR"]


def test_a_given_name_is_not_a_possessive_without_apostrophe():
    assert focus("For details call Frances at the library desk.") is None
    assert focus("Syrias border stayed closed.") == "SY"


def test_a_common_country_name_without_its_apostrophe_is_the_country_unless_a_word():
    # "Russia", "Britain" are the gazetteer's common names of their countries
    assert focus("Russias envoy met the delegates.") == "RU"
    assert focus("Britains envoy met the delegates.") == "GB"
    # but "Turkeys" and a ship's "USS" are words
    assert focus("Turkeys were sold at the fair.") is None
    assert focus("The USS Hale docked at noon.") is None


def test_metro_is_a_word_and_a_language_class_says_little_about_the_place():
    assert detect_countries("Rain is expected across Metro Vancouver tonight.").codes == ["CA"]
    result = detect_countries("Her English class met in Norfolk, Va. on Monday.")
    assert result.focus == "US" and all(c.score <= 0.5 for c in result.countries[1:])


def test_first_names_and_university_are_not_towns():
    text = "A student from Lancaster won the prize at the University of Law in Yorkshire."
    assert focus(text) == "GB"
    assert focus("Mary and Donna thanked Linda for the flowers.") is None


def test_in_strongly_local_text_a_lone_foreign_name_is_the_namesake_town():
    text = (
        "Visitation will be held at the Funeral Home from 6 to 8 p.m. Friday. "
        "Surviving are a son, Mark, of Lebanon, and a daughter; services at 11 a.m. Saturday."
    )
    assert focus(text) == "US"
    assert focus("A son, Mark, lives in Lebanon with his family.") == "LB"


def test_bc_is_british_columbia_except_after_a_year():
    assert detect_countries("Heavy snow closed roads in coastal B.C. on Monday.").codes == ["CA"]
    assert "CA" not in detect_countries("The temple in Egypt was built in 300 B.C.").codes


def test_amounts_in_pounds_are_no_us_local_news():
    dollars = "The plan costs $4m, $2m more than last year, and $1m goes to the school district."
    assert us_local_style(dollars) >= 3
    assert us_local_style(dollars.replace("$4m", "$4m (£3m)").replace("$2m", "$2m (£1.5m)")) == 0
    # an international story quoting dollars and pounds is not pulled to the US
    debt = (
        "Boravia is set to close its $102bn (£53bn) debt swap, and creditors owed $30bn "
        "(£16bn) are expected to accept. Boravia defaulted three years ago; $5bn is disputed."
    )
    assert us_local_style(debt) == 0


def test_a_local_story_resting_on_demonyms_alone_is_american():
    story = (
        "Eighth-grade French students at the middle school celebrated Mardi Gras on Tuesday. "
        "The school district superintendent and the PTA joined the party."
    )
    assert focus(story) == "US"
    assert focus(story.lower()) == "US"
    # without local style, the demonym decides
    assert focus("French students celebrated Mardi Gras in the old town on Tuesday.") == "FR"
