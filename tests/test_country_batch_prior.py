"""Batch prior: articles without country evidence take their batch's prevailing focus."""

from __future__ import annotations

from newsdigest.evaluation import countries as ev
from newsdigest.models import CountryResult, CountryScore
from tasks.countries import detect_countries
from tasks.country_cues import batch_prior


def _evidence(iso2: str) -> CountryResult:
    return CountryResult(iso2, [CountryScore(iso2, 1.0, 1)])


NONE = CountryResult(None, [])


def test_an_article_without_evidence_takes_the_majority_focus_and_no_scores():
    batch = [_evidence("US"), _evidence("US"), _evidence("CA"), NONE]
    out = batch_prior(batch)
    assert out[:3] == batch[:3]  # articles with evidence are untouched
    assert out[3].focus == "US" and out[3].countries == [] and out[3].codes == []


def test_no_prior_without_a_majority_or_enough_other_articles():
    assert batch_prior([_evidence("US"), _evidence("CA"), _evidence("GB"), NONE])[3] == NONE
    assert batch_prior([_evidence("US"), _evidence("US"), NONE])[2] == NONE
    assert batch_prior([NONE, NONE]) == [NONE, NONE]


def test_weak_cue_evidence_is_kept_not_overridden():
    # a lone legal form is weak evidence, but evidence: the prior does not replace it
    cue_only = detect_countries("Hawk Widgets Inc said quarterly sales rose.")
    assert cue_only.focus == "US" and cue_only.countries
    batch = [_evidence("GB"), _evidence("GB"), _evidence("GB"), cue_only]
    assert batch_prior(batch)[3] is cue_only


def test_eval_reports_the_prior_as_its_own_row():
    text = "Officials in {} said the plan would go ahead."
    items = [
        {"source": "toy", "batch": "f1", "title": "", "dateline": "", "text": text.format(city),
         "countries": ["DE"], "primary": "DE"}
        for city in ("Berlin", "Munich", "Hamburg")
    ] + [{"source": "toy", "batch": "f1", "title": "", "dateline": "",
          "text": "The plan would go ahead, officials said.", "countries": ["DE"],
          "primary": "DE"}]  # fmt: skip
    result = ev.evaluate(items)
    assert result["system"]["toy"]["focus_acc"] == 0.75
    assert result["system+prior"]["toy"]["focus_acc"] == 1.0
    # set precision and recall count only real evidence
    assert result["system+prior"]["toy"]["recall"] == result["system"]["toy"]["recall"]
