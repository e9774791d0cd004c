"""Tests for the parser eval: metrics on a synthetic corpus and on a slice of the shared corpus."""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import pytest

from newsdigest.evaluation import parse as ev
from tasks.split import split_articles

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import parse_stress  # noqa: E402


def _corpus(tmp_path: Path, fixtures: Path) -> Path:
    """Two-file corpus; truth from the fixture parse with one deliberate error."""
    rows = []
    for name in ("mixed.txt", "layout_b.txt"):
        text = (fixtures / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text, encoding="utf-8")
        for a in split_articles(text):
            agency = a.credit[len("(With ") : -1] if a.credit else None
            rows.append(
                {
                    "file": name,
                    "index_in_file": a.position,
                    "layout": a.layout,
                    "title": a.title,
                    "caption": a.caption,
                    "updated": a.published,
                    "bullets": a.highlights,
                    "dateline": a.dateline,
                    "body_paragraphs": a.body,
                    "with_agency": agency,
                }
            )
    rows[-1]["dateline"] = "OSLO"  # the parser cannot match this one
    lines = [json.dumps(r) for r in rows]
    (tmp_path / "truth.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_evaluate_counts_fields_and_articles(tmp_path, fixtures):
    data = _corpus(tmp_path, fixtures)
    m = ev.evaluate(data)
    assert m["files"] == 2 and m["articles"] == 6
    assert m["count_accuracy"] == 1.0
    assert m["fields"]["title"] == 1.0 and m["fields"]["credit"] == 1.0
    assert m["fields"]["dateline"] == pytest.approx(5 / 6)
    assert m["all_exact"] == pytest.approx(5 / 6)
    assert m["body_precision"] == m["body_recall"] == 1.0
    assert m["boilerplate_leaks"] == 0.0
    assert ev.evaluate(data, limit=1)["articles"] == 2  # files sorted: layout_b.txt first


def test_naive_baseline_is_worse(tmp_path, fixtures):
    data = _corpus(tmp_path, fixtures)
    base = ev.evaluate(data, splitter=ev.naive_split)
    assert base["all_exact"] < 0.5
    assert base["count_accuracy"] < 1.0
    assert base["boilerplate_leaks"] > 0.5  # captions, TT/20 and Updated lines end up in bodies


def test_run_prints_table(tmp_path, fixtures, capsys):
    parser = argparse.ArgumentParser()
    ev.add_arguments(parser)
    assert ev.run(parser.parse_args(["--data", str(_corpus(tmp_path, fixtures))])) == 0
    out = capsys.readouterr().out
    assert "| all fields exact | 83.3% |" in out
    assert "naive baseline" in out


@pytest.mark.shared
def test_dev_slice_is_exact(shared):
    m = ev.evaluate(shared / "corpus" / "dev", limit=30)
    assert m["files"] == 30 and m["parse_errors"] == 0
    assert m["count_accuracy"] == 1.0
    assert m["all_exact"] == 1.0, m["fields"]


@pytest.mark.shared
def test_parse_stress_cnndm_lower_and_cased(shared):
    for mode in ("cased", "lower", "ptb"):
        rng = random.Random(3)
        n, bad = parse_stress.stress(parse_stress.cnndm_inventor(rng, mode), 120, rng)
        assert n >= 120 and not bad, (mode, bad)


def test_parse_stress_errors_name_the_wrong_field():
    truth = {"title": "Dam talks", "body": ["Talks resumed."], "layout": "B", "caption": None,
             "b_caption": False, "dateline": "OSLO", "bullets": [],
             "updated": "2 July 2025"}  # fmt: skip
    (got,) = split_articles("Dam talks\n\nUpdated 2 July 2025\n\nDam talks\n\nTalks resumed.")
    assert parse_stress.errors(truth, got) == ["dateline"]
    assert parse_stress.errors({**truth, "dateline": None}, got) == []
