"""Summary eval: ROUGE-1/2/L F1 of the default summarizer, LEAD-3 and every sumy algorithm."""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from rouge_score import rouge_scorer

from newsdigest.evaluation.common import format_table, ptb_sentence, read_jsonl, shared_dir
from newsdigest.evaluation.sentences import splitter_table
from tasks.sentences import split_sentences
from tasks.summarize import ALGORITHMS, summarize_paragraphs

METRICS = ("rouge1", "rouge2", "rougeL")
PTB_SUFFIX = " (lower-cased, PTB)"


def default_data() -> Path:
    """The dev summaries file in the shared folder."""
    return shared_dir() / "eval" / "summaries.jsonl"


def ptb_text(text: str) -> str:
    """Mimic the held-out CNN/DM format: lower-cased, PTB-tokenised, one sentence per line."""
    return "\n".join(ptb_sentence(s).lower() for s in split_sentences(text))


def _paragraphs(text: str) -> list[str]:
    """Paragraphs of an eval item (blank-line separated; single lines stay sentence breaks)."""
    return [p for p in text.split("\n\n") if p.strip()]


def summary_metrics(
    items: list[dict],
    algorithms: tuple[str, ...] = ALGORITHMS,
    sentences: int | str = 3,
    ptb_cnndm: bool = True,
) -> dict[str, dict[str, dict[str, float]]]:
    """Mean ROUGE F1 and ms/article: {group: {algorithm: {rouge1, rouge2, rougeL, ms, n}}}.

    Groups are the item `source`s, plus `cnndm_sample (lower-cased, PTB)` when `ptb_cnndm`.
    `sentences="ref"` gives each item as many sentences as its reference has.
    """
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    jobs: list[tuple[str, str, str | None, str, int]] = []
    for item in items:
        title = item.get("title") or None
        n = len(item.get("reference_sentences") or [0]) if sentences == "ref" else int(sentences)
        jobs.append((item["source"], item["text"], title, item["reference"], n))
        if ptb_cnndm and item["source"].startswith("cnndm"):
            ptb = ptb_text(item["text"])
            jobs.append((item["source"] + PTB_SUFFIX, ptb, title, item["reference"], n))
    totals: dict[str, dict[str, dict[str, float]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(float))
    )
    for group, text, title, reference, n in jobs:
        paragraphs = _paragraphs(text)
        for algorithm in algorithms:
            start = time.perf_counter()
            summary = summarize_paragraphs(paragraphs, n, algorithm, title)
            elapsed = time.perf_counter() - start
            scores = scorer.score(reference, "\n".join(summary.selected))
            cell = totals[group][algorithm]
            for metric in METRICS:
                cell[metric] += scores[metric].fmeasure
            cell["ms"] += 1000 * elapsed
            cell["n"] += 1
    return {
        group: {
            algorithm: {k: (v if k == "n" else v / cell["n"]) for k, v in cell.items()}
            for algorithm, cell in by_algorithm.items()
        }
        for group, by_algorithm in totals.items()
    }


def _budget(value: str) -> int | str:
    """`--sentences` value: a positive int or 'ref'."""
    if value == "ref":
        return value
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError("expected a positive integer or 'ref'")
    return int(value)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """CLI options for `newsdigest eval summaries`."""
    parser.add_argument("--data", type=Path, default=None, help="summaries JSONL (default: shared)")
    parser.add_argument("--limit", type=int, default=None, help="read at most N items")
    parser.add_argument(
        "--sentences",
        type=_budget,
        default=3,
        help="sentences per summary, or 'ref' for as many as each reference has",
    )
    parser.add_argument(
        "--algorithms",
        default=",".join(ALGORITHMS),
        help=f"comma-separated subset of {','.join(ALGORITHMS)}",
    )
    parser.add_argument(
        "--no-ptb", action="store_true", help="skip the lower-cased PTB CNN/DM rows"
    )


def run(args: argparse.Namespace) -> int:
    """Print the ROUGE table (and the splitter table) for the chosen algorithms."""
    items = list(read_jsonl(args.data or default_data(), args.limit))
    algorithms = tuple(a.strip() for a in args.algorithms.split(",") if a.strip())
    unknown = [a for a in algorithms if a not in ALGORITHMS]
    if unknown:
        raise SystemExit(f"unknown algorithm(s): {', '.join(unknown)}")
    results = summary_metrics(items, algorithms, args.sentences, not args.no_ptb)
    rows = []
    for group in sorted(results):
        for algorithm in algorithms:
            cell = results[group][algorithm]
            rows.append(
                [group, algorithm, int(cell["n"]), *(100 * cell[m] for m in METRICS), cell["ms"]]
            )
    headers = [
        "source",
        "algorithm",
        "items",
        "ROUGE-1 F1",
        "ROUGE-2 F1",
        "ROUGE-L F1",
        "ms/article",
    ]
    lead = "LEAD-n, n = reference length" if args.sentences == "ref" else f"LEAD-{args.sentences}"
    print(f"Summaries: {args.sentences} sentences per summary ('lead' = {lead})\n")
    print(format_table(headers, rows))
    print("\nSentence splitter: share of gold sentences predicted exactly\n")
    print(splitter_table(items))
    return 0
