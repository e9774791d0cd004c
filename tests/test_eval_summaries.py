"""Summary and splitter eval on a small slice of the shared data."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsdigest.evaluation import summaries
from newsdigest.evaluation.common import read_jsonl
from newsdigest.evaluation.sentences import gold_cases, gold_metrics, sentence_metrics


def _slice(shared: Path, source: str, count: int) -> list[dict]:
    items = read_jsonl(shared / "eval" / "summaries.jsonl")
    return [item for item in items if item["source"] == source][:count]


def test_rouge_on_cnndm_slice(shared: Path) -> None:
    items = _slice(shared, "cnndm_sample", 30)
    results = summaries.summary_metrics(items, ("default", "lead", "lexrank"))
    for group in ("cnndm_sample", "cnndm_sample" + summaries.PTB_SUFFIX):
        for algorithm in ("default", "lead", "lexrank"):
            cell = results[group][algorithm]
            assert cell["n"] == 30
            for metric in summaries.METRICS:
                assert 0.0 < cell[metric] < 1.0
            assert cell["ms"] > 0.0


def test_splitter_metrics_on_bbc_slice(shared: Path) -> None:
    results = sentence_metrics(_slice(shared, "bbc_news_summary", 20))
    assert set(results) == {"trained Punkt (tasks.sentences)", "plain Punkt"}
    for cell in results.values():
        assert 0.0 < cell["exact"] <= 1.0
        assert cell["references"] > 20


def test_ptb_text_is_lowercased_one_sentence_per_line() -> None:
    text = summaries.ptb_text('The Senate (in Washington) voted. "Yes," Sen. Lee said.')
    assert text == ("the senate -lrb- in washington -rrb- voted .\n`` yes , '' sen. lee said .")


def test_run_prints_a_table(tmp_path: Path, capsys) -> None:
    data = tmp_path / "s.jsonl"
    data.write_text(
        '{"source": "bbc_news_summary", "title": "Flood plan", "text": "The council approved a '
        "flood plan on Tuesday. Work on the walls starts in May this year.\\n\\nThe plan "
        'protects many homes in the river district.", "reference": "The council approved a '
        'flood plan.", "reference_sentences": ["The council approved a flood plan on Tuesday."]}\n',
        encoding="utf-8",
    )
    parser = argparse.ArgumentParser()
    summaries.add_arguments(parser)
    assert (
        summaries.run(parser.parse_args(["--data", str(data), "--algorithms", "default,lead"])) == 0
    )
    out = capsys.readouterr().out
    assert "| bbc_news_summary | default | 1 |" in out
    assert "exact match" in out


def test_reference_budget_matches_reference_length(tmp_path: Path) -> None:
    item = {
        "source": "bbc_news_summary",
        "title": "Flood plan approved",
        "text": "The council approved a flood plan on Tuesday. Work on the walls starts in May. "
        "The plan protects many homes in the river district. A bakery won a prize.",
        "reference": "The council approved a flood plan on Tuesday. Work on the walls starts.",
        "reference_sentences": ["The council approved a flood plan on Tuesday.", "Work starts."],
    }
    two = summaries.summary_metrics([item], ("lead",), sentences="ref")
    one = summaries.summary_metrics([item], ("lead",), sentences=1)
    assert two["bbc_news_summary"]["lead"]["rouge1"] > one["bbc_news_summary"]["lead"]["rouge1"]


def test_gold_cases_trained_beats_plain_punkt() -> None:
    cases = gold_cases()
    assert len(cases) >= 15
    results = gold_metrics(cases)
    trained, plain = results["trained Punkt (tasks.sentences)"], results["plain Punkt"]
    assert trained["references"] == sum(len(gold) for _, gold in cases)
    assert trained["exact"] > plain["exact"]
