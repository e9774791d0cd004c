"""Country eval: metric arithmetic on invented items and a small real slice."""

from __future__ import annotations

import argparse

import pytest

from newsdigest.evaluation import countries as ev
from newsdigest.evaluation.common import read_jsonl

ITEMS = [
    {"source": "toy", "title": "", "dateline": "", "text": "Syria and Syrian forces. Turkey.",
     "countries": ["SY"], "primary": "SY"},
    {"source": "toy", "title": "", "dateline": "", "text": "Officials in Paris met.",
     "countries": ["DE"], "primary": "DE"},
    {"source": "toy", "title": "", "dateline": "", "text": "Nothing here.",
     "countries": [], "primary": None},
]  # fmt: skip


def test_score_items_counts_exactly():
    m = ev.score_items(ITEMS, ev.system_predict)["toy"]
    assert m["n"] == 2  # the unlabelled item is skipped
    assert m["focus_acc"] == 0.5 and m["hit1"] == 0.5
    assert m["precision"] == pytest.approx(1 / 3) and m["recall"] == 0.5
    assert m["f1"] == pytest.approx(0.4)


def test_cliff_baseline_counts_only_country_names():
    assert ev.cliff_predict("Officials in Paris met.", None, None) == (None, [])
    focus, codes = ev.cliff_predict("Syria, Syria and Turkey.", None, None)
    assert focus == "SY" and codes == ["SY", "TR"]


def test_small_reuters_slice_beats_baseline(shared):
    rows = read_jsonl(shared / "eval" / "countries.jsonl", limit=200)
    items = [r for r in rows if r["source"] == "reuters21578"]
    result = ev.evaluate(items)
    system, cliff = result["system"]["reuters21578"], result["cliff"]["reuters21578"]
    assert system["n"] == len(items) > 150
    assert 0.0 <= system["f1"] <= 1.0 and system["ms"] > 0
    assert system["focus_acc"] > 0.85 > cliff["focus_acc"]


def test_run_prints_table(shared, capsys):
    parser = argparse.ArgumentParser()
    ev.add_arguments(parser)
    assert ev.run(parser.parse_args(["--limit", "30"])) == 0
    out = capsys.readouterr().out
    assert "| reuters21578 | system |" in out and "| reuters21578 | cliff |" in out


def test_split_halves_is_deterministic_and_leaves_other_sources():
    items = [{**ITEMS[0], "source": "lgl", "id": f"lgl-{i}"} for i in range(40)] + ITEMS[:1]
    first, again = ev.split_halves(items), ev.split_halves(items)
    assert [i["source"] for i in first] == [i["source"] for i in again]
    halves = {i["source"] for i in first[:40]}
    assert halves == {"lgl/tune", "lgl/check"} and first[40]["source"] == "toy"
    assert items[0]["source"] == "lgl"  # the input is not modified


def test_dateline_variants_show_what_annotate_sees():
    item = {"source": "toy", "title": "", "dateline": "OSLO, May 2 -", "countries": ["NO"],
            "text": "Harbor Mills said it sold its ferry unit.", "primary": "NO"}  # fmt: skip
    moved = ev.dateline_in_text([item])[0]
    assert moved["text"].startswith("OSLO, May 2 - Harbor") and not moved["dateline"]
    result = ev.evaluate([item])
    assert result["system"]["toy"]["focus_acc"] == 1.0
    assert result["system, dateline in text"]["toy"]["focus_acc"] == 1.0
    assert result["system, no dateline"]["toy"]["focus_acc"] == 0.0
    low = ev.lower_cased([item])[0]
    assert low["text"] == "oslo, may 2 - harbor mills said it sold its ferry unit."
    assert result["system, lower-cased"]["toy"]["focus_acc"] == 1.0
    ptb = ev.ptb_tokenized([item])[0]
    assert ptb["text"] == "OSLO , May 2 - Harbor Mills said it sold its ferry unit ."
    assert ev.ptb_tokenized([item], lower=True)[0]["text"] == ptb["text"].lower()
    assert result["system, PTB-tokenised"]["toy"]["focus_acc"] == 1.0
    assert result["system, PTB-tokenised, lower-cased"]["toy"]["focus_acc"] == 1.0


def test_case_agreement_counts_stories_with_a_cased_focus() -> None:
    stories = [
        {"source": "toy", "title": "", "text": "Fighting continued in Syria on Monday."},
        {"source": "toy", "title": "", "text": "Nothing about places here."},  # no focus: left out
        {"source": "toy", "title": "", "text": "Heavy snow fell on Kiruna overnight."},  # a town
    ]
    assert ev.case_agreement(stories) == {"toy": {"n": 2, "agreement": 0.5}}
