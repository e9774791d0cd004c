"""Sentence splitter eval: share of reference sentences matched exactly by a predicted one."""

from __future__ import annotations

import argparse
from functools import cache
from pathlib import Path

from nltk.tokenize.punkt import PunktSentenceTokenizer

from newsdigest.evaluation.common import format_table, read_jsonl, shared_dir
from tasks.sentences import split_sentences


@cache
def _plain_punkt() -> PunktSentenceTokenizer:
    """Untrained Punkt (no parameters): the baseline."""
    return PunktSentenceTokenizer()


def plain_split(text: str) -> list[str]:
    """Baseline: untrained Punkt per line (newlines still end sentences)."""
    return [s.strip() for line in text.split("\n") for s in _plain_punkt().tokenize(line)]


def sentence_metrics(items: list[dict]) -> dict[str, dict[str, float]]:
    """{splitter: {exact, references}} over items with `reference_sentences` (BBC only)."""
    splitters = {"trained Punkt (tasks.sentences)": split_sentences, "plain Punkt": plain_split}
    hits = dict.fromkeys(splitters, 0)
    total = 0
    for item in items:
        if item.get("source") != "bbc_news_summary":
            continue
        refs = item.get("reference_sentences") or []
        total += len(refs)
        for name, split in splitters.items():
            predicted = set(split(item["text"]))
            hits[name] += sum(ref.strip() in predicted for ref in refs)
    if not total:
        return {}
    return {name: {"exact": hits[name] / total, "references": total} for name in splitters}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """CLI options for `newsdigest eval sentences`."""
    parser.add_argument("--data", type=Path, default=None, help="summaries JSONL (default: shared)")
    parser.add_argument("--limit", type=int, default=None, help="read at most N items")


def run(args: argparse.Namespace) -> int:
    """Print the splitter table."""
    path = args.data or shared_dir() / "eval" / "summaries.jsonl"
    results = sentence_metrics(list(read_jsonl(path, args.limit)))
    rows = [[name, int(v["references"]), 100 * v["exact"]] for name, v in results.items()]
    print(format_table(["splitter", "reference sentences", "exact match %"], rows))
    return 0
