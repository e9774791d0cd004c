"""Sentence splitter eval: share of reference sentences matched exactly by a predicted one."""

from __future__ import annotations

import argparse
from functools import cache
from pathlib import Path

from nltk.tokenize.punkt import PunktSentenceTokenizer

from newsdigest.evaluation.common import format_table, read_jsonl, shared_dir
from tasks.sentences import split_sentences

GOLD_FILE = Path(__file__).resolve().parents[2] / "tasks" / "data" / "sentence_gold.txt"


def gold_cases(path: Path = GOLD_FILE) -> list[tuple[str, list[str]]]:
    """Project-written (text, gold sentences) pairs: ` || ` marks each boundary."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            gold = [s.strip() for s in line.split(" || ")]
            cases.append((" ".join(gold), gold))
    return cases


def gold_metrics(cases: list[tuple[str, list[str]]]) -> dict[str, dict[str, float]]:
    """{splitter: {exact, references}}: share of gold sentences predicted exactly."""
    splitters = {"trained Punkt (tasks.sentences)": split_sentences, "plain Punkt": plain_split}
    total = sum(len(gold) for _, gold in cases)
    return {
        name: {
            "exact": sum(g in set(split(text)) for text, gold in cases for g in gold) / total,
            "references": total,
        }
        for name, split in splitters.items()
    }


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
    """Print the splitter table (BBC references and the project-written cases)."""
    path = args.data or shared_dir() / "eval" / "summaries.jsonl"
    print(splitter_table(list(read_jsonl(path, args.limit))))
    return 0


def splitter_table(items: list[dict]) -> str:
    """Markdown table: exact-match share on BBC reference sentences and on the gold cases."""
    groups = {"BBC reference sentences": sentence_metrics(items), "project-written cases": {}}
    groups["project-written cases"] = gold_metrics(gold_cases())
    rows = [
        [group, name, int(v["references"]), 100 * v["exact"]]
        for group, results in groups.items()
        for name, v in results.items()
    ]
    return format_table(["data", "splitter", "sentences", "exact match %"], rows)
