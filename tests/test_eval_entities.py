"""Tests for the entity eval: scoring arithmetic and a small slice of the shared dev data."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from newsdigest.evaluation import entities as ev
from newsdigest.models import EntitySpan


def _doc() -> dict:
    text = "Anna Berg met Acme staff in Oslo ."
    ents = [
        {"text": "Anna Berg", "type": "PER", "start": 0, "end": 9},
        {"text": "Acme", "type": "ORG", "start": 14, "end": 18},
        {"text": "Oslo", "type": "LOC", "start": 28, "end": 32},
    ]
    return {"text": text, "entities": ents}


def test_score_counts_typed_and_untyped_matches() -> None:
    def fake(text: str) -> list[EntitySpan]:
        return [EntitySpan("Anna Berg", "PER", 0, 9), EntitySpan("Acme", "LOC", 14, 18)]

    res = ev.score([_doc()], fake)
    assert res["typed"]["tp"] == 1 and res["typed"]["pred"] == 2 and res["typed"]["gold"] == 3
    assert res["typed"]["p"] == pytest.approx(0.5)
    assert res["untyped"]["tp"] == 2
    assert res["ORG"]["r"] == 0.0 and res["PER"]["f1"] == 1.0


def test_misc_gold_is_ignored() -> None:
    doc = _doc()
    doc["entities"].append({"text": "met", "type": "MISC", "start": 10, "end": 13})
    res = ev.score([doc], lambda text: [])
    assert res["typed"]["gold"] == 3


def test_naive_baseline_types_places() -> None:
    spans = ev.naive_extract("Anna Berg flew to Oslo .")
    assert ("Oslo", "LOC") in {(s.text, s.type) for s in spans}


@pytest.mark.shared
def test_small_slice_of_dev_data(shared: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = shared / "eval" / "entities.jsonl"
    results = ev.evaluate(path, limit=20)
    ours = results["rules (tasks.entities)"]
    assert ours["docs"] == 20
    for key in ("typed", "untyped", "PER", "ORG", "LOC"):
        assert 0.0 <= ours[key]["f1"] <= 1.0
    assert ours["untyped"]["f1"] >= ours["typed"]["f1"]
    assert ours["typed"]["f1"] > results["naive: capitalised runs + gazetteer"]["typed"]["f1"]
    lower = results["rules, lower-cased text"]
    assert lower["typed"]["gold"] == ours["typed"]["gold"]  # same spans, no capitals
    assert 0.0 < lower["PER"]["f1"] < ours["PER"]["f1"]
    parser = argparse.ArgumentParser()
    ev.add_arguments(parser)
    assert ev.run(parser.parse_args(["--data", str(path), "--limit", "5"])) == 0
    assert "| rules (tasks.entities) |" in capsys.readouterr().out
